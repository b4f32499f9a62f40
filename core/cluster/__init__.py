"""``parse``/``export`` of a folder on a Dask distributed cluster, when one machine is not enough.

The engine is Dask's own: ``--scheduler tcp://HOST:8786`` joins a running cluster (scheduler and
workers started with ``dask scheduler`` / ``dask worker``, the project installed on every worker,
the pages on a filesystem every worker sees at the same path); ``--cluster local:N`` starts a
``LocalCluster`` of N worker processes on this machine.  Dask is an optional extra
(``requirements-cluster.txt``): nothing else in the app imports it.

Work goes out as tasks of many pages (``core.cluster.work``); each worker loads jieba once and gets
the lexicon once (scattered).  With ``outputs`` (the folder commands) each worker writes the pages
it makes, atomically, and only small outcomes travel back; a task that runs twice (its worker died)
replaces its files with the same bytes, so no page is lost or left half-written and none is written
twice.  Outcomes stream back as tasks finish, each page reported once.  A task lost with its worker
is run again by the scheduler; a task that fails is retried once; if it still fails, each of its
pages is reported as failed, never dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.batch.tasks import Outcome, Task
from core.cluster.work import run_chunk

if TYPE_CHECKING:
    from core.entities.lexicon import UserLexicon

__all__ = ["ClusterError", "check", "chunks", "local_cluster", "run_on_cluster"]

MAX_PAGES_PER_TASK = 64  # a task is many pages (scheduler overhead is ~1 ms per task), but a few per worker
TASKS_PER_WORKER = 8
RETRIES = 1


class ClusterError(Exception):
    """The cluster cannot be used (Dask missing, scheduler unreachable, bad spec); one line."""


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise ClusterError("running on a cluster needs Dask: pip install -r requirements-cluster.txt") from None
    return distributed


def check(scheduler: str | None, cluster: str | None) -> None:
    """``ClusterError`` now if the options cannot work: Dask missing, a bad ``local:N``."""
    _import_distributed()
    if scheduler and cluster:
        raise ClusterError("give either --scheduler or --cluster, not both")
    if not scheduler:
        local_workers(cluster or "")


def local_workers(spec: str) -> int:
    """``local:N`` → N."""
    kind, _, n = spec.partition(":")
    if kind != "local" or not n.isdigit() or int(n) < 1:
        raise ClusterError(f"--cluster {spec!r}: expected local:N with N ≥ 1 workers (or use --scheduler)")
    return int(n)


# Dask's housekeeping, slowed down for workers that do nothing but long CPU-bound tasks: its
# sampling profiler, the event-loop health tick (every 20 ms, each one taking the GIL from the
# page being parsed), the system and memory monitors.  Measured idle on 2 workers: the
# scheduler's process 5 % of a core and each worker 2.5 % by default, 2 % and 0.9 % with these.
QUIET = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
}


def local_cluster(workers: int) -> Any:
    """A ``LocalCluster`` of single-threaded worker processes, quiet (no dashboard, errors only in
    the log, ``QUIET`` housekeeping)."""
    distributed = _import_distributed()
    import dask

    logging.getLogger("distributed").setLevel(logging.ERROR)
    with dask.config.set(QUIET):
        return distributed.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,  # no dashboard; its plain HTTP server on a free port, not 8787
            scheduler_kwargs={"dashboard_address": ":0"},
        )


def chunks(n_pages: int, n_workers: int, size: int | None = None) -> list[range]:
    """Page index ranges, one per task: about ``TASKS_PER_WORKER`` tasks per worker."""
    if size is None:
        size = max(1, min(MAX_PAGES_PER_TASK, -(-n_pages // max(1, n_workers * TASKS_PER_WORKER))))
    return [range(i, min(i + size, n_pages)) for i in range(0, n_pages, size)]


def run_on_cluster(
    pages: Sequence[Path],
    task: Task,
    lexicon: UserLexicon | None,
    *,
    scheduler: str | None = None,
    cluster: str | None = None,
    client: Any = None,
    pages_per_task: int | None = None,
    outputs: Sequence[Path] | None = None,
) -> Iterator[Outcome]:
    """One ``Outcome`` per page, in the order tasks finish; ``client``: an existing Dask client;
    ``outputs``: where each page is written by the worker that makes it (absolute paths on a
    filesystem the workers share), instead of handed back.

    Connects (or starts the local cluster) now, so ``ClusterError`` comes before any work."""
    distributed = _import_distributed()
    own: list[Any] = []
    if client is None:
        logging.getLogger("distributed").setLevel(logging.ERROR)
        try:
            if scheduler:
                client = distributed.Client(scheduler, timeout="20s")
            else:
                local = local_cluster(local_workers(cluster or ""))
                own.append(local)
                client = distributed.Client(local)
        except (OSError, TimeoutError) as e:
            for thing in own:
                thing.close()
            raise ClusterError(f"cannot reach the Dask scheduler {scheduler}: {e}") from None
        own.insert(0, client)
    targets = [str(Path(p).absolute()) for p in outputs] if outputs is not None else [""] * len(pages)
    return _stream(distributed, client, list(pages), targets, task, lexicon, pages_per_task, own)


def _stream(
    distributed: Any,
    client: Any,
    pages: list[Path],
    outputs: list[str],
    task: Task,
    lexicon: UserLexicon | None,
    pages_per_task: int | None,
    own: list[Any],
) -> Iterator[Outcome]:
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        lex = client.scatter(lexicon, broadcast=True) if lexicon is not None else None
        futures = {}
        if task.shards:  # a task is a shard (core.batch.shards)
            from core.batch import shards

            pages_per_task = shards.SHARD_PAGES
        for r in chunks(len(pages), workers, pages_per_task):
            # workers run elsewhere, in another folder: absolute paths (on a filesystem they share)
            items = [(i, str(pages[i].resolve()), outputs[i]) for i in r]
            futures[client.submit(run_chunk, task, lex, items, retries=RETRIES, pure=False)] = items
        seen: set[int] = set()
        for f in distributed.as_completed(futures):
            items = futures[f]
            try:
                results: list[Outcome] = f.result()
            except distributed.comm.core.CommClosedError as e:
                raise ClusterError(f"lost the Dask scheduler: {e}") from None
            except Exception as e:  # failed twice, or its worker kept dying: every page is reported
                results = [
                    Outcome(i, Path(p), error=f"{Path(p).name}: failed on the cluster: {_first_line(e)}")
                    for i, p, _ in items
                ]
            for o in results:
                if o.index not in seen:  # a task that ran twice never writes a page twice
                    seen.add(o.index)
                    yield Outcome(o.index, pages[o.index], o.value, o.error)
            f.release()
    finally:
        for thing in own:
            thing.close()


def _first_line(e: BaseException) -> str:
    text = str(e).strip().splitlines()
    return f"{type(e).__name__}: {text[0] if text else ''}"
