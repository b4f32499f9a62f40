"""A table model over one tuple of immutable rows (articles, entities) that follows page snapshots
with precise row inserts, removals and ``dataChanged`` instead of resets.

The document hands out immutable snapshots in which an edit leaves untouched rows as the same
objects, so the common prefix and suffix of the old and new keys find the replaced middle without
walking the whole page twice.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Splice:
    """``old[start:old_end]`` became ``new[start:new_end]``; everything outside is the same key."""

    start: int
    old_end: int
    new_end: int


def splice(old: Sequence[Hashable], new: Sequence[Hashable]) -> Splice:
    """Common prefix and suffix of two key sequences; the middle is what was replaced."""
    n_old, n_new = len(old), len(new)
    p = 0
    limit = min(n_old, n_new)
    while p < limit and old[p] == new[p]:
        p += 1
    s = 0
    while s < limit - p and old[n_old - 1 - s] == new[n_new - 1 - s]:
        s += 1
    return Splice(p, n_old - s, n_new - s)


class RowsModel(QAbstractTableModel, Generic[Row]):
    """``_rows`` is the snapshot the views see; ``_follow`` moves it to a new one."""

    def __init__(self, key: Callable[[Row], Hashable], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._key = key
        self._rows: tuple[Row, ...] = ()

    width = 0  # the number of columns (a subclass's)

    def row_of(self, key: Hashable) -> int:
        """The row whose key is ``key``, or -1."""
        return next((i for i, r in enumerate(self._rows) if self._key(r) == key), -1)

    def _follow(self, new: tuple[Row, ...]) -> tuple[Row, ...]:
        """Remove and insert the rows whose keys differ, then take ``new`` whole.  Returns the rows
        as they were, aligned with ``new`` (same length): compare them to find changed rows."""
        s = splice([self._key(r) for r in self._rows], [self._key(r) for r in new])
        if s.old_end > s.start:
            self.beginRemoveRows(QModelIndex(), s.start, s.old_end - 1)
            self._rows = self._rows[: s.start] + self._rows[s.old_end :]
            self.endRemoveRows()
        if s.new_end > s.start:
            self.beginInsertRows(QModelIndex(), s.start, s.new_end - 1)
            self._rows = self._rows[: s.start] + new[s.start : s.new_end] + self._rows[s.start :]
            self.endInsertRows()
        before = self._rows
        self._rows = new
        return before

    def _row_changed(self, row: int, first: int = 0, last: int | None = None) -> None:
        end = self.columnCount() - 1 if last is None else last
        self.dataChanged.emit(self.index(row, first), self.index(row, end))

    # Qt overrides

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """One Python call per index (Qt's own asks rowCount and columnCount through Python for each;
        a proxy over the model makes an index for every role of every painted cell)."""
        if 0 <= row < len(self._rows) and 0 <= column < self.width and not parent.isValid():
            return self.createIndex(row, column)
        return QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)
