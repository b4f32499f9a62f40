"""Results as JSONL shards: a folder of ``shard-NNNNN.jsonl`` files instead of one file per page,
for archives of hundreds of thousands of pages (and clusters writing to a shared filesystem).

Shard ``k`` holds pages ``k * SHARD_PAGES`` to ``(k + 1) * SHARD_PAGES - 1`` of the run's sorted
page list, one JSON line each (``parse``, ``export --format json``) or the page's lines
(``export --format jsonl``), in page order; a page that fails is reported and left out.  One task
makes one whole shard and writes it atomically: a task that runs again (its worker died) replaces
the shard with the same bytes, so no page is lost, none is written twice, and a shard is never
half there.  The same folder gives the same shards on every run.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import TYPE_CHECKING

from core.atomic import write_atomic
from core.batch.tasks import Outcome, Task

if TYPE_CHECKING:
    from core.entities.lexicon import UserLexicon

SHARD_PAGES = 64
PATTERN = "shard-*.jsonl"

Item = tuple[int, str, str]  # page index, page path, output path ("": the value comes back)


def shard_name(number: int) -> str:
    return f"shard-{number:05d}.jsonl"


def shard_outputs(out: Path, pages: int) -> list[Path]:
    """Each page's shard file."""
    return [out / shard_name(i // SHARD_PAGES) for i in range(pages)]


def run_items(task: Task, items: list[Item], lexicon: UserLexicon | None) -> list[Outcome]:
    """A chunk of pages through ``task``, in a worker or inline.  With ``task.shards``, the pages
    that share an output path are one shard, written together once they are all done."""
    if not task.shards:
        return [task.outcome(i, Path(p), lexicon, out) for i, p, out in items]
    outcomes: list[Outcome] = []
    for target, group in itertools.groupby(items, key=lambda item: item[2]):
        outcomes.extend(_shard(task, list(group), lexicon, target))
    return outcomes


def _shard(task: Task, items: list[Item], lexicon: UserLexicon | None, target: str) -> list[Outcome]:
    made = [task.outcome(i, Path(p), lexicon) for i, p, _ in items]
    if not target:
        return made
    try:
        write_atomic(Path(target), "".join(o.value for o in made if o.ok), durable=task.durable, clean=False)
    except OSError as e:
        why = f"cannot write {Path(target).name}: {e.strerror or e}"
        return [Outcome(o.index, o.path, error=o.error or f"{o.path.name}: {why}") for o in made]
    return [Outcome(o.index, o.path, error=o.error) for o in made]


def stale_shards(out: Path, pages: int) -> list[Path]:
    """Shards an earlier run over more pages left beyond this run's last one."""
    keep = {shard_name(k) for k in range(-(-pages // SHARD_PAGES))}
    return sorted(p for p in out.glob(PATTERN) if p.name not in keep)
