"""Every core of the machine on a folder of pages: a process pool whose workers load the lexicon
and jieba once (initializer) and get pages in chunks.

Results come back in the order of the input, whatever order the workers finish in, so outputs and
messages are those of a serial run.  Workers ignore Ctrl+C: the parent alone stops, terminates the
pool and keeps what was already handed back.

Start-up: a spawned worker pays ~0.9 s of CPU for imports and jieba's dictionary, every worker
again.  On Linux, from a process with a single thread and no Qt (the headless commands), the
parent loads jieba once and forks: workers start at once, sharing the dictionary.  Anywhere else
(the window, other platforms) workers are spawned from a clean interpreter.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Iterable, Iterator
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import TYPE_CHECKING

from core.batch.tasks import Outcome, Task

if TYPE_CHECKING:
    from core.entities.lexicon import UserLexicon

MAX_CHUNK = 16  # pages per chunk: large enough to amortise the pipe, small enough to balance load

_task: Task | None = None
_lexicon: UserLexicon | None = None


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def chunk_size(pages: int, jobs: int) -> int:
    """About eight chunks per worker, so a slow page does not leave the other workers idle."""
    return max(1, min(MAX_CHUNK, pages // (jobs * 8)))


def context() -> BaseContext:
    """Fork where it is safe and faster (see the module's docstring), else spawn."""
    if sys.platform == "linux" and "PySide6" not in sys.modules and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def warm_up(task: Task, lexicon: UserLexicon | None) -> None:
    """What every page needs, loaded once per process: the task, the lexicon, jieba."""
    global _task, _lexicon
    _task, _lexicon = task, lexicon
    from core.entities import warm_up as load_jieba

    load_jieba()


def _init_worker(task: Task, lexicon: UserLexicon | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
    warm_up(task, lexicon)


def _one(item: tuple[int, str]) -> Outcome:
    assert _task is not None, "worker used before its initializer ran"
    index, path = item
    return _task.outcome(index, Path(path), _lexicon)


def run(
    paths: Iterable[Path], task: Task, lexicon: UserLexicon | None = None, jobs: int | None = None
) -> Iterator[Outcome]:
    """One ``Outcome`` per page, in input order; ``jobs=1`` runs in this process.

    Closing the iterator early (or Ctrl+C while it runs) terminates the workers."""
    pages = list(paths)
    jobs = min(jobs or default_jobs(), max(len(pages), 1))
    if jobs <= 1:
        for i, p in enumerate(pages):
            yield task.outcome(i, p, lexicon)
        return
    ctx = context()
    if ctx.get_start_method() == "fork":
        warm_up(task, lexicon)  # once, inherited by every worker
    pool = ctx.Pool(jobs, initializer=_init_worker, initargs=(task, lexicon))
    try:
        items = [(i, str(p)) for i, p in enumerate(pages)]
        yield from pool.imap(_one, items, chunksize=chunk_size(len(pages), jobs))
        pool.close()
    finally:
        pool.terminate()
        pool.join()
