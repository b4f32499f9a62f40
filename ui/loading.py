"""Getting a parsed page without freezing the window: a spawned worker process, polled by a timer."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from core.model import Page
from ui.i18n import log, tr
from ui.worker import Loaded, parse_path, start_pool, warm_up


def _terminate(pool: ProcessPoolExecutor) -> None:
    """Stop a pool now, killing a parse in progress (a 10 MB line, a hung read)."""
    stop = getattr(pool, "terminate_workers", None)  # Python ≥ 3.14
    if stop is not None:
        stop()
        return
    workers = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for w in workers:
        w.terminate()


class PageLoader(QObject):
    """Parses pages in one long-lived worker process (jieba loads there once, then stays warm).

    Asking for another page while one is being parsed cancels it: the worker is terminated and a
    new one started (jieba loads again, under a second), so a slow page never blocks the next."""

    loaded = Signal(object)  # ui.worker.Loaded
    progress = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        pool: ProcessPoolExecutor | None = None,
        job: Callable[[str], Loaded] = parse_path,
    ) -> None:
        super().__init__(parent)
        self._pool = pool
        self._job = job
        # the parses asked for, in order, with the page each is for (a failure names it)
        self._pending: dict[Future[Loaded], str] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(25)
        self._timer.timeout.connect(self._poll)

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = start_pool()
        return self._pool

    def adopt(self, path: str | Path, future: Future[Loaded]) -> None:
        """Wait for a parse that was asked for before the window existed (``worker.start_early``)."""
        self.progress.emit(tr("Reading and parsing {name}…").format(name=Path(path).name))
        self._pending[future] = Path(path).name
        self._timer.start()

    def warm_up(self) -> None:
        """Start the worker and load jieba before any page is asked for."""
        self._executor().submit(warm_up)

    def load(self, path: str | Path) -> None:
        self.cancel()
        self.progress.emit(tr("Reading and parsing {name}…").format(name=Path(path).name))
        try:
            future = self._executor().submit(self._job, str(path))
        except RuntimeError:  # the pool broke (worker killed): start a new one
            self._pool = None
            future = self._executor().submit(self._job, str(path))
        self._pending[future] = Path(path).name
        self._timer.start()

    def cancel(self) -> None:
        """Drop the pages asked for and not delivered; a parse already running is killed."""
        pending, self._pending = self._pending, {}
        running = [f for f in pending if not f.cancel() and not f.done()]
        if running and self._pool is not None:
            _terminate(self._pool)
            self._pool = None

    def shutdown(self) -> None:
        """Closing the window: nothing may keep running (or keep the app from exiting)."""
        self._timer.stop()
        self._pending = {}
        if self._pool is not None:
            _terminate(self._pool)
            self._pool = None

    def _poll(self) -> None:
        done = [f for f in self._pending if f.done()]
        for f in done:
            name = self._pending.pop(f)
            try:
                result = f.result()
            except Exception as e:  # the worker died: say so (the detail goes to the log), keep the window
                self._pool = None
                log.error("the parser process failed on %s: %s: %s", name, type(e).__name__, e)
                result = Loaded(
                    "",
                    error=tr("the parser process stopped while reading {name} (the details are in the log)").format(
                        name=name
                    ),
                )
            self.loaded.emit(result)
        if not self._pending:
            self._timer.stop()


class InlineLoader(QObject):
    """Parses in the calling thread (tests, benchmarks): same signals; ``parser`` may cache."""

    loaded = Signal(object)
    progress = Signal(str)

    def __init__(self, parent: QObject | None = None, parser: Callable[..., Page] | None = None) -> None:
        super().__init__(parent)
        self.parser = parser

    def warm_up(self) -> None:
        pass

    def load(self, path: str | Path) -> None:
        key = str(path)
        self.progress.emit(tr("Reading and parsing {name}…").format(name=Path(path).name))
        self.loaded.emit(parse_path(key, self.parser))

    def shutdown(self) -> None:
        pass
