"""The article list: headline fields and counts per article; headline cells edit through edits."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt

from core.events import Change
from core.fields import EDITABLE_FIELDS, ArticleFields, article_fields
from core.model import Article, Page
from ui.i18n import tr
from ui.models.colours import ColourBook
from ui.models.rows import Index, RowsModel
from ui.models.session import PageSession

ArticleIdRole = Qt.ItemDataRole.UserRole + 1

COLUMNS: tuple[tuple[str, str], ...] = (
    ("title", "Title"),
    ("kicker", "Kicker"),
    ("subtitle", "Subtitle"),
    ("byline", "Byline"),
    ("dateline", "Dateline"),
    ("lines", "Lines"),
    ("entities", "Entities"),
)
EDITABLE = frozenset(EDITABLE_FIELDS)  # the fields an editor may override: core.fields decides

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_UNUSED = frozenset(
    int(r)
    for r in (
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.CheckStateRole,
    )
)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
_EDITABLE_FLAGS = _FLAGS | Qt.ItemFlag.ItemIsEditable

FieldEditor = Callable[[str, str, str], None]  # article id, field, new text


class ArticleListModel(RowsModel[Article]):
    width = len(COLUMNS)

    def __init__(self, session: PageSession, colours: ColourBook, parent: QObject | None = None) -> None:
        super().__init__(lambda a: a.id, parent)
        self._session = session
        self._colours = colours
        self._fields: dict[int, tuple[Article, ArticleFields]] = {}
        self._total: Counter[str] = Counter()
        self._pending: Counter[str] = Counter()
        self.field_editor: FieldEditor | None = None
        session.reset.connect(self._on_reset)
        session.changed.connect(self._on_changed)
        self._on_reset()

    def article_id(self, row: int) -> str:
        return self._rows[row].id

    def fields(self, row: int) -> ArticleFields:
        a = self._rows[row]
        cached = self._fields.get(id(a))
        if cached is None or cached[0] is not a:
            page = self._session.page
            assert page is not None
            cached = (a, article_fields(page.text, page.lines, a, text=False))  # the list shows no body
            self._fields[id(a)] = cached
        return cached[1]

    def _on_reset(self) -> None:
        self.beginResetModel()
        page = self._session.page
        self._rows = page.articles if page is not None else ()
        self._fields.clear()
        self._count()
        self.endResetModel()

    def _count(self) -> None:
        if self._session.page is None:
            self._total, self._pending = Counter(), Counter()
        else:
            self._total, self._pending = self._session.index.counts

    def _on_changed(self, old: Page, new: Page, change: Change) -> None:
        before = self._follow(new.articles)
        live = {id(a) for a in new.articles}
        for key in [k for k in self._fields if k not in live]:
            del self._fields[key]
        old_total, old_pending = self._total, self._pending
        if change.entities or change.lines or change.articles:
            self._count()
        for row, a in enumerate(new.articles):
            if before[row] is not a or old_total[a.id] != self._total[a.id] or old_pending[a.id] != self._pending[a.id]:
                self._row_changed(row)

    # Qt overrides

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # called for every role of every painted cell: plain int comparisons, the common roles first
        if not index.isValid():
            return None
        row = index.row()
        key = COLUMNS[index.column()][0]
        if role in (_DISPLAY, _EDIT):
            a = self._rows[row]
            if key == "lines":
                return len(a.lines)
            if key == "entities":
                pending = self._pending[a.id]
                total = self._total[a.id]
                return tr("{total} ({n} to review)").format(total=total, n=pending) if pending else str(total)
            return self.fields(row).get(key)
        if role in _UNUSED:
            return None
        if role == _DECORATION:
            return self._colours.tint(self._rows[row].id) if key == "title" else None
        if role == _ALIGNMENT:
            return _RIGHT if key in ("lines", "entities") else None
        a = self._rows[row]
        if role == _TOOLTIP:
            shown = self.fields(row).get(key) if key in EDITABLE else ""
            over = tr(" (typed by the editor)") if key in a.overrides else ""
            return f"{a.id}: {shown}{over}" if shown else a.id
        if role == ArticleIdRole:
            return a.id
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Never writes the article: hands an override to the window, which pushes an edit."""
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self.field_editor is None:
            return False
        key = COLUMNS[index.column()][0]
        if key not in EDITABLE:
            return False
        text = str(value).strip()
        if text == self.fields(index.row()).get(key):
            return False
        self.field_editor(self._rows[index.row()].id, key, text)
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _EDITABLE_FLAGS if COLUMNS[index.column()][0] in EDITABLE else _FLAGS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return tr(COLUMNS[section][1])
        return str(section + 1)
