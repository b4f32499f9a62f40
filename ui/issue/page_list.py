"""The issue's page list: page number, status (automatic, in progress, reviewed), pending entities,
a thumbnail where the page comes from a PDF; and the issue's progress above it.

``PageListModel`` adapts the workspace's events (a page loaded, a page changed) into
``dataChanged`` for that row only; it holds no page data of its own.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QListView, QProgressBar, QVBoxLayout, QWidget

from core.issue.workspace import STATUS_TEXT, IssueEvent, IssueWorkspace
from ui.i18n import tr, tr_core
from ui.issue.thumbnails import Thumbnails
from ui.views.pdf_image import pdf_of

PageIndexRole = Qt.ItemDataRole.UserRole + 1
StatusRole = Qt.ItemDataRole.UserRole + 2
PendingRole = Qt.ItemDataRole.UserRole + 3
Index = QModelIndex | QPersistentModelIndex
RECOUNT_MS = 30


class PageListModel(QAbstractListModel):
    """One row per page of the issue, in page order."""

    progress_changed = Signal()

    def __init__(self, ws: IssueWorkspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.current = -1  # the page shown in the window (drawn bold)
        with_pdf = ws.issue.from_pdf() or any(pdf_of(p.path) is not None for p in ws.issue.pages)
        self.thumbnails = Thumbnails() if with_pdf else None
        self._unsubscribe = ws.subscribe(self._on_event)

    def detach(self) -> None:
        self._unsubscribe()

    def _on_event(self, event: IssueEvent) -> None:
        if event.page is not None:
            ix = self.index(event.page, 0)
            self.dataChanged.emit(ix, ix)
            self.progress_changed.emit()

    def set_current(self, row: int) -> None:
        old, self.current = self.current, row
        for r in (old, row):
            if 0 <= r < self.rowCount():
                ix = self.index(r, 0)
                self.dataChanged.emit(ix, ix)

    def text(self, row: int) -> str:
        slot = self.ws.slots[row]
        status = tr(STATUS_TEXT.get(slot.status, slot.status))
        parts = [tr("Page {page}").format(page=slot.page.label), status]
        if slot.document is not None:
            parts.append(tr("{n} pending").format(n=slot.pending))
        if slot.modified:
            parts.append(tr("unsaved"))
        return " · ".join(parts)

    # Qt overrides

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.ws.slots)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.ws.slots):
            return None
        row = index.row()
        slot = self.ws.slots[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join([str(slot.page.path.name), tr_core(slot.error), *map(tr_core, slot.warnings)]).strip()
        if role == Qt.ItemDataRole.DecorationRole and self.thumbnails is not None:
            layout = slot.document.page.source.layout if slot.document is not None else None
            image = self.thumbnails.image(slot.page.path, layout)
            return QPixmap.fromImage(image) if image is not None else None
        if role == Qt.ItemDataRole.FontRole and row == self.current:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role == PageIndexRole:
            return row
        if role == StatusRole:
            return slot.status
        if role == PendingRole:
            return slot.pending
        return None


class PageListPanel(QWidget):
    """The page list with the issue's progress: ``page_chosen(index)`` when the editor picks a page."""

    page_chosen = Signal(int)

    def __init__(self, model: PageListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.summary = QLabel()
        self.summary.setObjectName("issueSummary")
        self.progress = QProgressBar()
        self.progress.setObjectName("issueProgress")
        self.progress.setTextVisible(True)
        self.progress.setToolTip(tr("Pages marked reviewed, out of the whole issue"))
        self.loading = QProgressBar()
        self.loading.setObjectName("issueLoading")
        self.loading.setFormat(tr("parsing %v of %m pages"))
        self.loading.setToolTip(tr("The pages are parsed in the background; each opens as soon as it is ready"))
        self.view = QListView()
        self.view.setObjectName("issuePages")
        self.view.setModel(model)
        self.view.setToolTip(tr("Click a page to open it (the page on screen is saved first)"))
        self.view.setUniformItemSizes(model.thumbnails is None)
        self.view.activated.connect(lambda ix: self.page_chosen.emit(ix.row()))
        self.view.clicked.connect(lambda ix: self.page_chosen.emit(ix.row()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        for w in (self.summary, self.progress, self.loading, self.view):
            layout.addWidget(w)
        # a decision over 100 pages changes 100 rows: the summary is recounted once, after them
        self._recount = QTimer(self)
        self._recount.setSingleShot(True)
        self._recount.setInterval(RECOUNT_MS)
        self._recount.timeout.connect(self.show_progress)
        model.progress_changed.connect(self.recount)
        self.show_progress()

    def recount(self) -> None:
        """Show the progress soon: many pages changing at once are counted once."""
        self._recount.start()

    def show_progress(self) -> None:
        ws = self.model.ws
        done, total = ws.progress()
        pending = sum(s.pending for s in ws.slots)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(tr("{done} of {total} pages reviewed").format(done=done, total=total))
        date = f" · {ws.issue.date}" if ws.issue.date else ""
        self.summary.setText(
            tr("{issue}{date} · {total} pages · {pending} entities pending").format(
                issue=ws.issue.name, date=date, total=total, pending=pending
            )
        )
        loaded = ws.loaded_count()
        self.loading.setRange(0, max(total, 1))
        self.loading.setValue(loaded)
        self.loading.setVisible(loaded < total)

    def select(self, row: int) -> None:
        self.model.set_current(row)
        self.view.setCurrentIndex(self.model.index(row, 0))
        self.view.scrollTo(self.model.index(row, 0))
