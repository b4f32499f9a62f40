"""Parsing an issue's pages in the background: ``core.batch``'s pool (the one behind ``parse DIR``,
through ``core.issue.loading``) polled by a timer, each page handed to the workspace in the GUI
thread as soon as it is done, in whatever order the workers finish.

The workers are spawned (``core.batch.pool.context``: never forked from a process that has Qt),
load jieba and the lexicon once and take pages in chunks; the window is usable from the moment
the page list is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from core.batch.pool import Batch
from core.issue.loading import PageLoad, page_load, start_loading
from core.issue.workspace import IssueWorkspace

POLL_MS = 25
PER_TICK = 8  # pages handed to the workspace per timer tick: the event loop never waits on a burst


class IssueLoader(QObject):
    """``progress(done, total)`` after each page; ``finished()`` when every page is back.

    ``workers=0`` or 1 parses in the GUI thread, one page per timer tick (tests): same signals."""

    progress = Signal(int, int)
    finished = Signal()

    def __init__(self, ws: IssueWorkspace, workers: int | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.workers = workers
        self._batch: Batch | None = None
        self._indices: list[int] = []  # the batch's page i is the workspace's page _indices[i]
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

    def start(self) -> None:
        self._indices = [i for i, s in enumerate(self.ws.slots) if s.document is None and not s.error]
        if not self._indices:
            self.finished.emit()
            return
        paths = [str(self.ws.slots[i].page.path) for i in self._indices]
        self._batch = start_loading(paths, self.workers, ordered=False)
        if self._batch.jobs <= 1:
            self._timer.setInterval(0)
        self._timer.start()

    def busy(self) -> bool:
        return self._batch is not None and not self._batch.done

    def _poll(self) -> None:
        if self._batch is None:
            return
        for outcome in self._batch.ready(PER_TICK):
            self._deliver(self._indices[outcome.index], page_load(outcome))
        if not self.busy():
            self._timer.stop()
            self._batch = None
            self.finished.emit()

    def _deliver(self, index: int, result: PageLoad) -> None:
        self.ws.loaded(index, result)
        self.progress.emit(self.ws.loaded_count(), len(self.ws))

    def shutdown(self) -> None:
        self._timer.stop()
        if self._batch is not None:
            self._batch.close()
            self._batch = None
