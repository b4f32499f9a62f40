"""The entity review table: one row per entity in page order; a proxy filters and puts doubt first."""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont

from core.document import find_entity
from core.events import Change
from core.model import Entity, Page
from ui.models.rows import Index, RowsModel
from ui.models.session import PageSession

EntityIdRole = Qt.ItemDataRole.UserRole + 1
SortKeyRole = Qt.ItemDataRole.UserRole + 2
TypeRole = Qt.ItemDataRole.UserRole + 3
StatusRole = Qt.ItemDataRole.UserRole + 4

COLUMNS: tuple[str, ...] = ("Text", "Type", "Status", "Source", "Confidence", "Occurrences")
OCCURRENCES = COLUMNS.index("Occurrences")
PENDING = "auto"
STATUS_COLOURS = {
    "auto": QColor("#8a6d00"),
    "confirmed": QColor("#1e7b34"),
    "rejected": QColor("#a33"),
    "added": QColor("#1f5fa8"),
    "edited": QColor("#6b3fa0"),
}

STRUCK = QFont()
STRUCK.setStrikeOut(True)


def doubt_key(e: Entity) -> int:
    """Pending before decided, then least confident first, then page order (an int: sorted in C++)."""
    rank = 0 if e.status == PENDING else 1
    return rank * 10**15 + round(e.confidence * 1000) * 10**10 + e.start


class EntityModel(RowsModel[Entity]):
    def __init__(
        self, session: PageSession, colours: dict[str, QColor] | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(lambda e: e.id, parent)
        self._session = session
        self.type_colours = colours or {}
        self._occurrences: Counter[str] = Counter()
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
        self.endResetModel()

    def _on_changed(self, old: Page, new: Page, change: Change) -> None:
        if new.entities is self._rows:
            return
        gone = _present(old, change.entities)
        came = _present(new, change.entities)
        self._occurrences.subtract(e.text for e in gone)
        self._occurrences.update(e.text for e in came)
        touched = {e.text for e in (*gone, *came)}
        before = self._follow(new.entities)
        for row, e in enumerate(new.entities):
            if before[row] is not e and before[row] != e:
                self._row_changed(row)
            elif e.text in touched:
                self._row_changed(row, OCCURRENCES, OCCURRENCES)

    # Qt overrides

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (e.text, e.type, e.status, e.source, f"{e.confidence:.2f}", self._occurrences[e.text])[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == 2:
            return STATUS_COLOURS.get(e.status)
        if role == Qt.ItemDataRole.BackgroundRole and col == 1:
            return self.type_colours.get(e.type)
        if role == Qt.ItemDataRole.FontRole and e.status == "rejected" and col == 0:
            return STRUCK
        if role == Qt.ItemDataRole.ToolTipRole:
            value = f", value {e.value}" if e.value else ""
            return f"{e.text} [{e.type}] offsets {e.start}–{e.end}{value}"
        if role == EntityIdRole:
            return e.id
        if role == SortKeyRole:
            return doubt_key(e)
        if role == TypeRole:
            return e.type
        if role == StatusRole:
            return e.status
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _present(page: Page, ids: frozenset[str]) -> list[Entity]:
    """The entities of ``page`` among ``ids`` (an edit names both the old and the new ids)."""
    out = []
    for eid in ids:
        try:
            out.append(find_entity(page, eid))
        except KeyError:
            continue
    return out


class EntityFilterModel(QSortFilterProxyModel):
    """Filter by type and status ("pending" = waiting for review); doubtful entities first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._type = ""
        self._status = ""
        self.setSortRole(SortKeyRole)
        self.setDynamicSortFilter(True)

    def set_type(self, type_: str) -> None:
        self.beginFilterChange()
        self._type = type_
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_status(self, status: str) -> None:
        self.beginFilterChange()
        self._status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    # Qt overrides

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._type and not self._status:
            return True
        model = self.sourceModel()
        ix = model.index(source_row, 0, source_parent)
        if self._type and model.data(ix, TypeRole) != self._type:
            return False
        status = model.data(ix, StatusRole)
        if self._status == "pending":
            return bool(status == PENDING)
        return not self._status or status == self._status
