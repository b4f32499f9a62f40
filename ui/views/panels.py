"""The two table panels: the article list and the entity review table (with its filters)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAccessible, QDragEnterEvent, QDragMoveEvent, QDropEvent, QFocusEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.model import ENTITY_STATUSES
from ui.i18n import tr
from ui.models.article_model import ArticleIdRole, ArticleListModel
from ui.models.entity_model import EntityFilterModel, EntityModel
from ui.views.raw_view import LINES_MIME


class RowNumbers(QHeaderView):
    """The article list's row numbers.  Qt sizes a vertical header from the first and last hundred
    sections' contents (some 480 ``headerData`` calls through Python after every row inserted or
    removed on a long page); the numbers' width is the widest of the first and the last row's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setSectionsClickable(True)  # as the header QTableView makes for itself
        self.setHighlightSections(True)
        self._hint: tuple[int, QSize] | None = None

    # Qt overrides

    def sizeHint(self) -> QSize:
        n = self.count()
        if n <= 8:  # a short list: Qt's own (a few calls)
            return super().sizeHint()
        if self._hint is None or self._hint[0] != n:
            first, last = self.sectionSizeFromContents(0), self.sectionSizeFromContents(n - 1)
            self._hint = (n, QSize(max(first.width(), last.width()), max(first.height(), last.height())))
        return self._hint[1]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._hint = None  # the numbers' width with the new font
        super().changeEvent(event)


class ArticleListView(QTableView):
    """Articles in reading order; dropping lines dragged from the raw page's gutter moves them."""

    lines_dropped = Signal(tuple, str)  # line numbers, target article id

    def __init__(self, model: ArticleListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleList")
        self.setVerticalHeader(RowNumbers(self))
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setWordWrap(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        h = self.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        h.setStretchLastSection(True)
        for col, width in enumerate((260, 150, 110, 110, 150, 50)):
            self.setColumnWidth(col, width)

    def _target(self, event: QDropEvent | QDragMoveEvent) -> str:
        ix = self.indexAt(event.position().toPoint())
        return str(ix.data(ArticleIdRole)) if ix.isValid() else ""

    # Qt overrides

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(LINES_MIME):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(LINES_MIME) and self._target(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        if not event.mimeData().hasFormat(LINES_MIME):
            return super().dropEvent(event)
        target = self._target(event)
        raw = bytes(event.mimeData().data(LINES_MIME).data()).decode()
        lines = tuple(int(x) for x in raw.split(",") if x)
        if target and lines:
            event.acceptProposedAction()
            self.lines_dropped.emit(lines, target)


class EntityTable(QTableView):
    """The review table; focusing it does not make its first row current (that would change the
    shared selection just by tabbing through the panes)."""

    # Qt overrides

    def dataChanged(
        self,
        top_left: QModelIndex | QPersistentModelIndex,
        bottom_right: QModelIndex | QPersistentModelIndex,
        roles: Sequence[int] = (),
    ) -> None:
        """A changed range repaints exactly its cells: Qt's own update takes one pixel more, which
        repaints the next column's cells too (a structure edit renumbers the Article column, and the
        wide Context column beside it cost as much again)."""
        header = self.horizontalHeader()
        if (
            top_left == bottom_right
            or not (top_left.isValid() and bottom_right.isValid() and self.isVisible())
            or header.sectionsMoved()
            or QAccessible.isActive()
            or self.state() == QAbstractItemView.State.EditingState
        ):
            super().dataChanged(top_left, bottom_right, roles)
            return
        left = self.columnViewportPosition(top_left.column())
        right = self.columnViewportPosition(bottom_right.column()) + self.columnWidth(bottom_right.column())
        top = self.rowViewportPosition(top_left.row())
        bottom = self.rowViewportPosition(bottom_right.row()) + self.rowHeight(bottom_right.row())
        rect = QRect(left, top, right - left, bottom - top).intersected(self.viewport().rect())
        if not rect.isEmpty():
            self.viewport().update(rect)

    def focusInEvent(self, event: QFocusEvent) -> None:
        QAbstractScrollArea.focusInEvent(self, event)
        self.viewport().update()


class EntityPanel(QWidget):
    """Filters (type, status) over the review table, doubtful entities first."""

    def __init__(self, model: EntityModel, types: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = model
        self.proxy = EntityFilterModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.sort(0, Qt.SortOrder.AscendingOrder)
        self.type_filter = QComboBox()
        self.type_filter.setObjectName("typeFilter")
        self.type_filter.addItem(tr("All types"), "")
        for t in types:
            self.type_filter.addItem(t, t)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(tr("All statuses"), "")
        self.status_filter.addItem(tr("Waiting for review"), "pending")
        for s in ENTITY_STATUSES:
            self.status_filter.addItem(tr(s), s)
        self.type_filter.currentIndexChanged.connect(lambda _: self.proxy.set_type(str(self.type_filter.currentData())))
        self.status_filter.currentIndexChanged.connect(
            lambda _: self.proxy.set_status(str(self.status_filter.currentData()))
        )
        self.table = EntityTable()
        self.table.setObjectName("entityTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((96, 46, 58, 40, 200, 55, 70)):
            self.table.setColumnWidth(col, width)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Show")))
        top.addWidget(self.type_filter)
        top.addWidget(self.status_filter)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        layout.addWidget(self.table)

    def select_entity(self, entity_id: str) -> bool:
        row = self.source.row_of(entity_id)
        if row < 0:
            return False
        ix = self.proxy.mapFromSource(self.source.index(row, 0))
        if not ix.isValid():
            return False
        self.table.setCurrentIndex(ix)
        self.table.scrollTo(ix)
        return True
