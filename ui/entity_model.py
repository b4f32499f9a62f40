"""The entity review table: one row per entity in page order; a proxy filters and puts doubt first."""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from core.events import Change
from core.model import Entity, Page
from ui.diff import splice
from ui.session import PageSession

EntityIdRole = Qt.ItemDataRole.UserRole + 1
SortKeyRole = Qt.ItemDataRole.UserRole + 2
TypeRole = Qt.ItemDataRole.UserRole + 3
StatusRole = Qt.ItemDataRole.UserRole + 4

COLUMNS: tuple[str, ...] = ("Text", "Type", "Status", "Source", "Confidence", "Occurrences")
OCCURRENCES = COLUMNS.index("Occurrences")
PENDING = "auto"
STATUS_COLOURS = {"auto": QColor("#8a6d00"), "confirmed": QColor("#1e7b34"), "rejected": QColor("#a33"),
                  "added": QColor("#1f5fa8"), "edited": QColor("#6b3fa0")}

_Index = QModelIndex | QPersistentModelIndex


def doubt_key(e: Entity) -> int:
    """Pending before decided, then least confident first, then page order (an int: sorted in C++)."""
    rank = 0 if e.status == PENDING else 1
    return rank * 10**15 + round(e.confidence * 1000) * 10**10 + e.start


class EntityModel(QAbstractTableModel):
    def __init__(self, session: PageSession, colours: dict[str, QColor] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.type_colours = colours or {}
        self._entities: tuple[Entity, ...] = ()
        self._occurrences: Counter[str] = Counter()
        session.reset.connect(self._on_reset)
        session.changed.connect(self._on_changed)
        self._on_reset()

    def entity(self, row: int) -> Entity:
        return self._entities[row]

    def row_of(self, entity_id: str) -> int:
        for i, e in enumerate(self._entities):
            if e.id == entity_id:
                return i
        return -1

    def occurrences(self, text: str) -> int:
        return self._occurrences[text]

    def _on_reset(self) -> None:
        self.beginResetModel()
        page = self._session.page
        self._entities = page.entities if page is not None else ()
        self._occurrences = Counter(e.text for e in self._entities)
        self.endResetModel()

    def _on_changed(self, old: Page, new: Page, change: Change) -> None:
        if new.entities is self._entities:
            return
        s = splice([e.id for e in self._entities], [e.id for e in new.entities])
        touched = {e.text for e in self._entities[s.start:s.old_end]}
        touched |= {e.text for e in new.entities[s.start:s.new_end]}
        if s.old_end > s.start:
            self.beginRemoveRows(QModelIndex(), s.start, s.old_end - 1)
            self._entities = self._entities[:s.start] + self._entities[s.old_end:]
            self.endRemoveRows()
        if s.new_end > s.start:
            self.beginInsertRows(QModelIndex(), s.start, s.new_end - 1)
            self._entities = (self._entities[:s.start] + new.entities[s.start:s.new_end]
                              + self._entities[s.start:])
            self.endInsertRows()
        before = self._entities
        self._entities = new.entities
        last = len(COLUMNS) - 1
        for row, e in enumerate(new.entities):
            if before[row] is not e and before[row] != e:
                touched.add(e.text)
                touched.add(before[row].text)
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))
        if touched:
            self._occurrences = Counter(e.text for e in new.entities)
            for row, e in enumerate(new.entities):
                if e.text in touched:
                    ix = self.index(row, OCCURRENCES)
                    self.dataChanged.emit(ix, ix)

    # Qt overrides

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entities)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self._entities[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (e.text, e.type, e.status, e.source, f"{e.confidence:.2f}",
                    self._occurrences[e.text])[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == 2:
            return STATUS_COLOURS.get(e.status)
        if role == Qt.ItemDataRole.BackgroundRole and col == 1:
            return self.type_colours.get(e.type)
        if role == Qt.ItemDataRole.FontRole and e.status == "rejected" and col == 0:
            from PySide6.QtGui import QFont

            f = QFont()
            f.setStrikeOut(True)
            return f
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

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


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

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
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
