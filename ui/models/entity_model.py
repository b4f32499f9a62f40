"""The entity review table: one row per entity in page order; a proxy filters and puts doubt first."""

from __future__ import annotations

import bisect
from collections import Counter
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QRegularExpression, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont

from core.events import Change
from core.model import PENDING_STATUS, Entity, Page
from core.state import present_entities
from core.textmap import squeeze_spaces
from ui.i18n import tr
from ui.models.rows import Index, RowsModel
from ui.models.session import PageSession

EntityIdRole = Qt.ItemDataRole.UserRole + 1
SortKeyRole = Qt.ItemDataRole.UserRole + 2
TypeRole = Qt.ItemDataRole.UserRole + 3
StatusRole = Qt.ItemDataRole.UserRole + 4
FilterKeyRole = Qt.ItemDataRole.UserRole + 5  # "TYPE<tab>STATUS": what the review table filters on

COLUMNS: tuple[str, ...] = ("Text", "Type", "Status", "Article", "Context", "Source", "Confidence", "Occurrences")
OCCURRENCES = COLUMNS.index("Occurrences")
ARTICLE = COLUMNS.index("Article")
CONTEXT = COLUMNS.index("Context")
CONFIDENCE = COLUMNS.index("Confidence")
CONTEXT_CHARS = 8
ORDERS = ("doubt", "reading")  # the review queue: least confident first, or page order
STATUS_COLOURS = {
    "auto": QColor("#8a6d00"),
    "confirmed": QColor("#1e7b34"),
    "rejected": QColor("#a33"),
    "added": QColor("#1f5fa8"),
    "edited": QColor("#6b3fa0"),
}

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_CELL_ROLES = frozenset((_FONT, _FOREGROUND, _BACKGROUND, int(Qt.ItemDataRole.TextAlignmentRole)))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

STRUCK = QFont()
STRUCK.setStrikeOut(True)


def queue_key(e: Entity, order: str = "doubt") -> int:
    """The review queue's order as an int (sorted in C++): least confident first, then page order;
    or page order alone.  A decision never changes it, so a decided row stays where it was."""
    if order == "reading":
        return e.start
    return round(e.confidence * 1000) * 10**10 + e.start


def context(text: str, e: Entity, chars: int = CONTEXT_CHARS) -> str:
    """A few characters either side of the entity, lines joined: where it sits in the sentence."""
    before = "".join(text[max(0, e.start - 3 * chars) : e.start].split())[-chars:]
    after = "".join(text[e.end : e.end + 3 * chars].split())[:chars]
    return squeeze_spaces(f"{before}【{e.text}】{after}")


class EntityModel(RowsModel[Entity]):
    width = len(COLUMNS)

    def __init__(
        self, session: PageSession, colours: dict[str, QColor] | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(lambda e: e.id, parent)
        self._session = session
        self.type_colours = colours or {}
        self._occurrences: Counter[str] = Counter()
        self._article_rows: dict[str, int] | None = None
        self._display: dict[int, tuple[Entity, tuple[Any, ...]]] = {}  # id(entity) → (entity, cells)
        self._starts_of: tuple[Entity, ...] | None = None
        self._start_list: list[int] = []
        self.order = "doubt"
        session.reset.connect(self._on_reset)
        session.changed.connect(self._on_changed)
        self._on_reset()

    def entity(self, row: int) -> Entity:
        return self._rows[row]

    def occurrences(self, text: str) -> int:
        return self._occurrences[text]

    def _on_reset(self) -> None:
        self.beginResetModel()
        page = self._session.page
        self._rows = page.entities if page is not None else ()
        self._occurrences = Counter(e.text for e in self._rows)
        self._article_rows = None
        self._display.clear()
        self.endResetModel()

    def set_order(self, order: str) -> None:
        self.order = order if order in ORDERS else "doubt"
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0), [SortKeyRole])

    def article_row(self, e: Entity) -> int:
        """The 1-based row of the entity's article in the article list (0: on no article)."""
        if self._article_rows is None:
            page = self._session.page
            self._article_rows = {a.id: i + 1 for i, a in enumerate(page.articles)} if page else {}
        return self._article_rows.get(self._session.index.article_of_entity(e), 0)

    def _on_changed(self, old: Page, new: Page, change: Change) -> None:
        if new.entities is not self._rows:
            self._follow_entities(old, new, change)
            if len(self._display) > 2 * len(self._rows) + 64:  # forget the cells of entities gone
                live = {id(e) for e in self._rows}
                self._display = {k: v for k, v in self._display.items() if k in live}
        if change.articles or change.article_list:  # entities change article without changing themselves
            self._article_rows = None
            # an entity's Article cell (its article's row) changes when its line changes article
            reowned = frozenset(_reowned(old, new, change))
            if change.article_list:  # article rows shifted: the entities of every article whose row moved
                before = {a.id: i for i, a in enumerate(old.articles)}
                moved = [a.id for i, a in enumerate(new.articles) if before.get(a.id) != i]
                index = self._session.index
                if sum(len(index.entities_of(aid)) for aid in moved) > len(self._rows) // 4:
                    if self._rows:  # most of the table: one signal beats finding each row
                        self.dataChanged.emit(self.index(0, ARTICLE), self.index(len(self._rows) - 1, ARTICLE))
                    return
                rows = {self._row_at(e.start) for aid in moved for e in index.entities_of(aid)}
                rows.update(r for a, b in self._rows_on(new, reowned) for r in range(a, b + 1))
                for first, last in _runs(sorted(rows)):
                    self.dataChanged.emit(self.index(first, ARTICLE), self.index(last, ARTICLE))
            else:  # the same articles in the same rows: only entities on re-owned lines change article
                for first, last in self._rows_on(new, reowned):
                    self.dataChanged.emit(self.index(first, ARTICLE), self.index(last, ARTICLE))

    def _follow_entities(self, old: Page, new: Page, change: Change) -> None:
        gone = present_entities(old, change.entities)
        came = present_entities(new, change.entities)
        self._occurrences.subtract(e.text for e in gone)
        self._occurrences.update(e.text for e in came)
        touched = {e.text for e in (*gone, *came)}
        before = self._follow(new.entities)
        for row, e in enumerate(new.entities):
            if before[row] is not e and before[row] != e:
                self._row_changed(row)
            elif e.text in touched:
                self._row_changed(row, OCCURRENCES, OCCURRENCES)

    def _row_at(self, start: int) -> int:
        return bisect.bisect_left(self._starts(), start)

    def _starts(self) -> list[int]:
        """The rows' start offsets (rows are in page order), kept per snapshot of the rows."""
        if self._starts_of is not self._rows:
            self._starts_of = self._rows
            self._start_list = [e.start for e in self._rows]
        return self._start_list

    def _rows_on(self, page: Page, numbers: frozenset[int]) -> list[tuple[int, int]]:
        """Runs of rows (first, last) of the entities starting on lines ``numbers``."""
        runs: list[tuple[int, int]] = []
        starts = self._starts()
        for n in sorted(numbers):
            lo = page.lines[n - 1].start
            hi = page.lines[n].start if n < len(page.lines) else len(page.text) + 1
            i = bisect.bisect_left(starts, lo)
            j = bisect.bisect_left(starts, hi)
            if i < j:
                if runs and runs[-1][1] >= i - 1:
                    runs[-1] = (runs[-1][0], j - 1)
                else:
                    runs.append((i, j - 1))
        return runs

    # Qt overrides

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every role of every painted cell (through the proxy): plain int look-ups and
        # the row's display values kept per entity object, not recomputed per paint
        if not index.isValid():
            return None
        row = index.row()
        col = index.column()
        if role == _DISPLAY:
            if col == ARTICLE:
                return self.article_row(self._rows[row]) or ""
            return self._cells(row)[col]
        if role in _CELL_ROLES:
            e = self._rows[row]
            if role == _FOREGROUND:
                return STATUS_COLOURS.get(e.status) if col == 2 else None
            if role == _BACKGROUND:
                return self.type_colours.get(e.type) if col == 1 else None
            if role == _FONT:
                return STRUCK if col == 0 and e.status == "rejected" else None
            return _RIGHT if col in (ARTICLE, CONFIDENCE, OCCURRENCES) else None
        e = self._rows[row]
        if role == _TOOLTIP:
            value = f", value {e.value}" if e.value else ""
            return (
                tr("{text} [{type}] offsets {start}–{end}").format(text=e.text, type=e.type, start=e.start, end=e.end)
                + value
            )
        if role == EntityIdRole:
            return e.id
        if role == SortKeyRole:
            return queue_key(e, self.order)
        if role == TypeRole:
            return e.type
        if role == StatusRole:
            return e.status
        if role == FilterKeyRole:
            return f"{e.type}\t{e.status}"
        return None

    def _cells(self, row: int) -> tuple[Any, ...]:
        """The row's displayed values (the Article cell is looked up live: it changes with the article
        list while the entity stays the same object)."""
        e = self._rows[row]
        occ = self._occurrences[e.text]
        cached = self._display.get(id(e))
        if cached is not None and cached[0] is e and cached[1][OCCURRENCES] == occ:
            return cached[1]
        page = self._session.page
        ctx = context(page.text, e) if page is not None else ""
        cells = (e.text, e.type, tr(e.status), "", ctx, tr(e.source), f"{e.confidence:.2f}", occ)
        self._display[id(e)] = (e, cells)
        return cells

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(COLUMNS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags


class EntityFilterModel(QSortFilterProxyModel):
    """Filter by type and status ("pending" = waiting for review); doubtful entities first.

    The filter is Qt's own, a pattern over ``FilterKeyRole`` ("TYPE<tab>STATUS"): with no filter
    set, Qt accepts a row without calling Python, and an edit that renumbers the Article column of
    thousands of rows (a structure edit on a long page) costs no Python call per row."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._type = ""
        self._status = ""
        self.setSortRole(SortKeyRole)
        self.setFilterRole(FilterKeyRole)
        self.setFilterKeyColumn(0)
        self.setDynamicSortFilter(True)

    def set_type(self, type_: str) -> None:
        self._type = type_
        self._filter()

    def set_status(self, status: str) -> None:
        self._status = status
        self._filter()

    def _filter(self) -> None:
        if not self._type and not self._status:
            self.setFilterRegularExpression(QRegularExpression())
            return
        status = PENDING_STATUS if self._status == "pending" else self._status
        kind = QRegularExpression.escape(self._type) if self._type else "[^\t]*"
        state = QRegularExpression.escape(status) if status else ".*"
        self.setFilterRegularExpression(QRegularExpression(f"^{kind}\t{state}$"))

    def visible_ids(self) -> list[str]:
        """The entity ids the table shows, in the table's (the review queue's) order."""
        return [str(self.index(r, 0).data(EntityIdRole)) for r in range(self.rowCount())]

    def shows(self, entity_id: str) -> bool:
        model = self.sourceModel()
        row = model.row_of(entity_id) if isinstance(model, EntityModel) else -1
        return row >= 0 and self.filterAcceptsRow(row, QModelIndex())


def _reowned(old: Page, new: Page, change: Change) -> list[int]:
    """The lines ``change`` names whose article differs between ``old`` and ``new`` (a role edit
    names every line of its article and re-owns none)."""

    def owners(page: Page) -> dict[int, str]:
        return {n: a.id for a in page.articles if a.id in change.articles for n in a.lines}

    was, now = owners(old), owners(new)
    return [n for n in change.lines if was.get(n, "") != now.get(n, "")]


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted rows as runs of consecutive rows (one ``dataChanged`` each)."""
    out: list[tuple[int, int]] = []
    for r in sorted(set(rows)):
        if out and r == out[-1][1] + 1:
            out[-1] = (out[-1][0], r)
        else:
            out.append((r, r))
    return out
