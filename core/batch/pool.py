"""Every core of the machine on a folder of pages: a process pool whose workers load the lexicon
and jieba once (initializer) and get pages in chunks.

Results come back in the order of the input, whatever order the workers finish in, so outputs and
messages are those of a serial run.  Workers ignore Ctrl+C: the parent alone stops, terminates the
pool and keeps what was already handed back.

A page with an output path is written by the worker that made it (``Task.outcome``): only small
outcomes come back through the pipe, so the parent stays idle and does not hold back the workers
on a machine whose every core is one of them.  Workers run with the collector tuned
(``core.batch.memory``), and a fork happens with everything loaded frozen.

Start-up: a spawned worker pays ~0.9 s of CPU for imports and jieba's dictionary, every worker
again.  On Linux, from a process with a single thread and no Qt (the headless commands), the
parent loads jieba once and forks: workers start at once, sharing the dictionary.  Anywhere else
(the window, other platforms) workers are spawned from a clean interpreter.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Iterable, Iterator, Sequence
from multiprocessing.context import BaseContext
from multiprocessing.pool import IMapIterator, Pool
from pathlib import Path
from typing import TYPE_CHECKING

from core.batch import memory, shards
from core.batch.shards import Item, run_items
from core.batch.tasks import Outcome, Task
from core.messages import msg

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
    """About 32 chunks per worker (a few pages each, at most ``MAX_CHUNK``): the last chunks are
    short, so no worker sits idle long at the end while another finishes; a chunk costs well under
    a millisecond of pipe and pickling against a page's tens."""
    return max(1, min(MAX_CHUNK, pages // (jobs * 32)))


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
    memory.tune()


def _chunk(items: list[Item]) -> list[Outcome]:
    """A chunk of pages in a worker (chunks made here: the pool's own chunked ``imap`` cannot be
    polled without waiting)."""
    assert _task is not None, "worker used before its initializer ran"
    return run_items(_task, items, _lexicon)


class Batch:
    """A run of ``task`` over ``pages`` that the caller drains at its own pace: iterate it (blocking,
    as ``run`` does) or call ``ready()`` from a timer (the window), never waiting on a worker.

    ``ordered``: outcomes in input order (batch output); otherwise as they finish (each carries
    its ``index``), so a slow page does not hold back the ones after it.  ``jobs=1`` runs in this
    process, one page per ``ready()`` call.  ``chunk``: pages per task (default ``chunk_size``).
    ``outputs``: where each page's result is written (by the worker), instead of handed back; with
    ``task.shards`` a chunk is one shard (``core.batch.shards``), inline too.
    ``close()`` (or leaving a ``with``) terminates the workers; what was already handed back is kept by the caller."""

    def __init__(
        self,
        pages: Iterable[Path],
        task: Task,
        lexicon: UserLexicon | None = None,
        jobs: int | None = None,
        *,
        ordered: bool = True,
        chunk: int | None = None,
        outputs: Sequence[Path] | None = None,
    ) -> None:
        self.pages = list(pages)
        self.outputs = [str(p) for p in outputs] if outputs is not None else [""] * len(self.pages)
        if len(self.outputs) != len(self.pages):
            raise ValueError("one output per page")
        self.task, self.lexicon = task, lexicon
        self.jobs = min(jobs or default_jobs(), max(len(self.pages), 1))
        self.handed = 0
        self._seen: set[int] = set()
        self._workers: list[multiprocessing.process.BaseProcess] = []
        self._pool: Pool | None = None
        self._results: IMapIterator[list[Outcome]] | None = None
        self._buffer: list[Outcome] = []  # a chunk's outcomes not handed back yet
        if self.jobs > 1:
            ctx = context()
            fork = ctx.get_start_method() == "fork"
            if fork:
                warm_up(task, lexicon)  # once, inherited by every worker
                gc.freeze()  # the workers never touch (so never copy) the collector's view of it
            try:
                self._pool = ctx.Pool(self.jobs, initializer=_init_worker, initargs=(task, lexicon))
            finally:
                if fork:
                    gc.unfreeze()
            self._workers = list(getattr(self._pool, "_pool", []))
            items = [(i, str(p), o) for i, (p, o) in enumerate(zip(self.pages, self.outputs, strict=True))]
            n = shards.SHARD_PAGES if task.shards else chunk or chunk_size(len(self.pages), self.jobs)
            chunks = [items[k : k + n] for k in range(0, len(items), n)]
            imap = self._pool.imap if ordered else self._pool.imap_unordered
            self._results = imap(_chunk, chunks)
            self._pool.close()  # no more work: the workers exit once the pages are done

    @property
    def done(self) -> bool:
        return self.handed >= len(self.pages)

    def ready(self, limit: int | None = None) -> list[Outcome]:
        """The outcomes finished since the last call (at most ``limit``), without waiting."""
        got: list[Outcome] = []
        worked = False
        while not self.done and (limit is None or len(got) < limit):
            if self._results is None:  # in this process: one page (or shard) per call
                if not self._buffer:
                    if worked:
                        break
                    self._buffer, worked = self._inline(), True
                got.append(self._hand(self._buffer.pop(0)))
                continue
            if not self._buffer:
                try:
                    self._buffer = self._results.next(timeout=0)
                except multiprocessing.TimeoutError:
                    if self._died():
                        got.extend(self._lost())
                    break
            got.append(self._hand(self._buffer.pop(0)))
        if self.done:
            self.close()
        return got

    def __iter__(self) -> Iterator[Outcome]:
        while not self.done:
            if self._results is None:
                yield from self.ready()
            elif self._buffer:
                yield self._hand(self._buffer.pop(0))
            else:
                try:
                    self._buffer = self._results.next(timeout=0.5)
                except multiprocessing.TimeoutError:
                    if self._died():
                        yield from self._lost()
        self.close()

    def _inline(self) -> list[Outcome]:
        """The next page in this process, or with shards the rest of its shard."""
        i = end = self.handed
        end += 1
        while self.task.shards and end < len(self.pages) and self.outputs[end] == self.outputs[i]:
            end += 1
        items = [(k, str(self.pages[k]), self.outputs[k]) for k in range(i, end)]
        return run_items(self.task, items, self.lexicon)

    def _hand(self, outcome: Outcome) -> Outcome:
        self.handed += 1
        self._seen.add(outcome.index)
        return outcome

    def _died(self) -> bool:
        """A worker was killed (out of memory, by hand): its pages will never come back."""
        return any(w.exitcode not in (None, 0) for w in self._workers)

    def _lost(self) -> list[Outcome]:
        """Every page not handed back yet, as a failure: the run ends instead of waiting forever."""
        self.close()
        dead = next(w.exitcode for w in self._workers if w.exitcode not in (None, 0))
        lost = [i for i in range(len(self.pages)) if i not in self._seen]
        return [
            self._hand(
                Outcome(
                    i,
                    self.pages[i],
                    error=msg("{name}: the parser process stopped ({code})", name=self.pages[i].name, code=dead),
                )
            )
            for i in lost
        ]

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool, self._results = None, None

    def __enter__(self) -> Batch:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def run(
    paths: Iterable[Path],
    task: Task,
    lexicon: UserLexicon | None = None,
    jobs: int | None = None,
    *,
    outputs: Sequence[Path] | None = None,
) -> Iterator[Outcome]:
    """One ``Outcome`` per page, in input order; ``jobs=1`` runs in this process (with the
    collector tuned while it runs).  ``outputs``: each page written there, not handed back.

    Closing the iterator early (or Ctrl+C while it runs) terminates the workers."""
    with Batch(paths, task, lexicon, jobs, outputs=outputs) as batch:
        if batch.jobs > 1:
            yield from batch
        else:
            with memory.tuned():
                yield from batch
