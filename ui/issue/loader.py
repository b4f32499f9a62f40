"""Parsing an issue's pages in the background: a pool of worker processes (``core.issue.loading``)
polled by a timer, each page handed to the workspace in the GUI thread as soon as it is done.

Pages are submitted in page order, so the first pages arrive first; the window is usable from the
moment the page list is shown.
"""

from __future__ import annotations

from concurrent.futures import Executor, Future

from PySide6.QtCore import QObject, QTimer, Signal

from core.issue.loading import PageLoad, load_page, start_pool
from core.issue.workspace import IssueWorkspace
from ui.i18n import tr

POLL_MS = 25


class IssueLoader(QObject):
    """``progress(done, total)`` after each page; ``finished()`` when every page is back.

    ``workers=0`` parses in the GUI thread, one page per timer tick (tests): same signals."""

    progress = Signal(int, int)
    finished = Signal()

    def __init__(self, ws: IssueWorkspace, workers: int | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.workers = workers
        self._pool: Executor | None = None
        self._pending: dict[Future[PageLoad], int] = {}
        self._queue: list[int] = []
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

    def start(self) -> None:
        indices = [i for i, s in enumerate(self.ws.slots) if s.document is None and not s.error]
        if not indices:
            self.finished.emit()
            return
        if self.workers == 0:
            self._queue = indices
            self._timer.setInterval(0)
        else:
            self._pool = start_pool(self.workers)
            for i in indices:
                self._pending[self._pool.submit(load_page, str(self.ws.slots[i].page.path))] = i
        self._timer.start()

    def busy(self) -> bool:
        return bool(self._pending or self._queue)

    def _poll(self) -> None:
        if self._queue:
            i = self._queue.pop(0)
            self._deliver(i, load_page(str(self.ws.slots[i].page.path)))
        for f in [f for f in self._pending if f.done()]:
            i = self._pending.pop(f)
            try:
                result = f.result()
            except Exception as e:  # a worker died: that page fails, the issue stays open
                error = tr("the parser process failed: {error}").format(error=e)
                result = PageLoad(str(self.ws.slots[i].page.path), error=error)
            self._deliver(i, result)
        if not self.busy():
            self._timer.stop()
            self._shutdown_pool()
            self.finished.emit()

    def _deliver(self, index: int, result: PageLoad) -> None:
        self.ws.loaded(index, result)
        self.progress.emit(self.ws.loaded_count(), len(self.ws))

    def _shutdown_pool(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def shutdown(self) -> None:
        self._timer.stop()
        self._pending.clear()
        self._queue.clear()
        self._shutdown_pool()
