"""Batches of pages on every core (``core.batch.pool``) or a Dask cluster (``core.cluster``).

``run(paths, task, lexicon, jobs)`` yields one ``Outcome`` per page in input order;
``parse_many(paths, jobs)`` is the automatic parse of each page as a ``Page`` (through the parse
cache, so a page parsed here opens instantly later), for callers such as the window's background
parse of an issue.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from core.batch.pool import default_jobs, run
from core.batch.tasks import Outcome, Task

if TYPE_CHECKING:
    from core.entities.lexicon import UserLexicon

__all__ = ["Outcome", "Task", "default_jobs", "parse_many", "run"]


def parse_many(
    paths: Iterable[str | Path], jobs: int | None = None, *, lexicon: UserLexicon | None = None
) -> Iterator[Outcome]:
    """The automatic parse of each page (``Outcome.value`` a ``Page``, or ``error``), in order."""
    return run((Path(p) for p in paths), Task(kind="page"), lexicon, jobs)
