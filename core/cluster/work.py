"""What runs on a Dask worker: a task of many pages.  No Dask import here: workers unpickle this
function by reference, and jieba is loaded once per worker process (``warm_up`` is idempotent)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.batch.shards import run_items
from core.batch.tasks import Outcome, Task

if TYPE_CHECKING:
    from core.entities.lexicon import UserLexicon


def run_chunk(task: Task, lexicon: UserLexicon | None, items: list[tuple[int, str, str]]) -> list[Outcome]:
    """Each page (index, path, output path or "") through ``task``, the collector tuned meanwhile."""
    from core.batch import memory
    from core.entities import warm_up

    warm_up()
    if not memory.is_tuned():
        memory.tune()  # once per worker: unfreezing after each task made the collector walk jieba's tables again
    return run_items(task, items, lexicon)
