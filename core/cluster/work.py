"""What runs on a Dask worker: a task of many pages.  No Dask import here: workers unpickle this
function by reference, and jieba is loaded once per worker process (``warm_up`` is idempotent)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from core.batch.tasks import Outcome, Task

if TYPE_CHECKING:
    from core.entities.lexicon import UserLexicon


def run_chunk(task: Task, lexicon: UserLexicon | None, items: list[tuple[int, str]]) -> list[Outcome]:
    from core.entities import warm_up

    warm_up()
    return [task.outcome(i, Path(p), lexicon) for i, p in items]
