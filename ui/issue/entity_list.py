"""The issue-wide entity list: every distinct entity of the issue with its count, pages and status.
A decision on a row (confirm, reject, retype) goes to every occurrence in every page through
``IssueActions.decide``; each page keeps its part undoable on its own.

The model rebuilds its rows from the workspace after changes (a fraction of a second for a whole
issue), coalesced by a short timer so an issue-wide decision over 100 pages rebuilds once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.issue.decisions import EntityRow, entity_rows
from core.issue.indexed import IssueIndex, with_waiting
from core.issue.workspace import IssueEvent, IssueWorkspace
from ui.i18n import listing, tr

COLUMNS = ("Entity", "Type", "Count", "Pages", "Status")  # shown through tr (tools/i18n.py lists them)
RowRole = Qt.ItemDataRole.UserRole + 1
REBUILD_MS = 50
Index = QModelIndex | QPersistentModelIndex


class IssueEntityModel(QAbstractTableModel):
    def __init__(self, ws: IssueWorkspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.rows: list[EntityRow] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REBUILD_MS)
        self._timer.timeout.connect(self.rebuild)
        self._unsubscribe = ws.subscribe(self._on_event)
        self.corpus = IssueIndex.open([s.page.path for s in ws.slots])  # the corpus index, if it has the issue
        self.rebuild()

    def detach(self) -> None:
        self._unsubscribe()
        if self.corpus is not None:
            self.corpus.close()
            self.corpus = None

    def _on_event(self, event: IssueEvent) -> None:
        if event.kind in ("page_loaded", "page_changed"):
            self._timer.start()

    def rebuild(self) -> None:
        self.beginResetModel()
        waiting = [i for i, slot in enumerate(self.ws.slots) if slot.document is None]
        self.rows = with_waiting(entity_rows(self.ws.documents()), self.corpus, waiting)
        self.endResetModel()

    def pages_text(self, row: EntityRow) -> str:
        text = listing(self.ws.slots[i].page.label for i in row.pages)
        if row.waiting:
            labels = listing(self.ws.slots[i].page.label for i in row.waiting_pages)
            text += tr(" (+{n} on {pages}, still parsing)").format(n=row.waiting, pages=labels)
        return text

    # Qt overrides

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.text, row.type, row.count, self.pages_text(row), tr(row.status))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return listing(tr("{status}: {n}").format(status=tr(status), n=n) for status, n in row.statuses)
        return None


class IssueEntityWindow(QWidget):
    """A tool window: filter, table, and the decision buttons for the selected row.

    ``decide(row, decision, type)`` is called for a decision; ``show_pages(row)`` to find the
    row's entity across the issue."""

    def __init__(
        self,
        model: IssueEntityModel,
        labels: list[str],
        decide: Callable[[EntityRow, str, str | None], None],
        find: Callable[[str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Tool)
        self.setObjectName("issueEntities")
        self.setWindowTitle(tr("Entities of {issue}").format(issue=model.ws.issue.name))
        self.model = model
        self.decide = decide
        self.on_find = find
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setFilterKeyColumn(0)
        self.filter = QLineEdit()
        self.filter.setObjectName("issueEntityFilter")
        self.filter.setPlaceholderText(tr("Filter entities…"))
        self.filter.setToolTip(tr("Show only the entities containing this text"))
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setObjectName("issueEntityTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.activated.connect(lambda _ix: self._find())
        self.type_box = QComboBox()
        self.type_box.addItems(labels)
        self.type_box.setToolTip(tr("The type for Retype all to"))
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for name, text, tip in (
            ("confirm", tr("Confirm all"), tr("Confirm every occurrence of the selected entity on every page")),
            ("reject", tr("Reject all"), tr("Reject every occurrence of the selected entity on every page")),
            ("retype", tr("Retype all to"), tr("Give every occurrence of the selected entity the type chosen beside")),
        ):
            b = QPushButton(text)
            b.setToolTip(tip)
            b.setObjectName(f"issueEntity_{name}")
            b.clicked.connect(lambda _=False, n=name: self._decide(n))
            self.buttons[name] = b
            bar.addWidget(b)
        bar.addWidget(self.type_box)
        find_button = QPushButton(tr("Find in issue"))
        find_button.setToolTip(tr("List every page and line of the issue holding the selected entity"))
        find_button.clicked.connect(self._find)
        bar.addWidget(find_button)
        bar.addStretch(1)
        self.count = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)
        layout.addLayout(bar)
        layout.addWidget(self.count)
        model.modelReset.connect(self._show_count)
        self._show_count()
        self.resize(720, 520)

    def _show_count(self) -> None:
        rows = self.model.rows
        self.count.setText(
            tr("{n} distinct entities, {k} occurrences pending").format(n=len(rows), k=sum(r.pending for r in rows))
        )

    def current_row(self) -> EntityRow | None:
        ix = self.table.currentIndex()
        if not ix.isValid():
            return None
        row = self.proxy.data(self.proxy.index(ix.row(), 0), RowRole)
        return row if isinstance(row, EntityRow) else None

    def select_text(self, text: str, type_: str | None = None) -> bool:
        for r, row in enumerate(self.model.rows):
            if row.text == text and (type_ is None or row.type == type_):
                ix = self.proxy.mapFromSource(self.model.index(r, 0))
                self.table.setCurrentIndex(ix)
                return True
        return False

    def _decide(self, decision: str) -> None:
        row = self.current_row()
        if row is not None:
            self.decide(row, decision, self.type_box.currentText() if decision == "retype" else None)

    def _find(self) -> None:
        row = self.current_row()
        if row is not None:
            self.on_find(row.text)


__all__ = ["IssueEntityModel", "IssueEntityWindow"]
