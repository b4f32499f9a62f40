"""What changed between two page snapshots. Pure Python (no Qt).

The document hands out immutable ``Page`` snapshots; an edit leaves untouched articles and entities
as the same objects, so comparing by identity (then by value) finds the few that changed without
walking the whole page.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from core.model import Article, Page


@dataclass(frozen=True, slots=True)
class Splice:
    """``old[start:old_end]`` became ``new[start:new_end]``; everything outside is the same key."""

    start: int
    old_end: int
    new_end: int

    @property
    def empty(self) -> bool:
        return self.start == self.old_end == self.new_end


def splice(old: Sequence[Hashable], new: Sequence[Hashable]) -> Splice:
    """Common prefix and suffix of two key sequences; the middle is what was replaced."""
    n_old, n_new = len(old), len(new)
    p = 0
    limit = min(n_old, n_new)
    while p < limit and old[p] == new[p]:
        p += 1
    s = 0
    while s < limit - p and old[n_old - 1 - s] == new[n_new - 1 - s]:
        s += 1
    return Splice(p, n_old - s, n_new - s)


def same(a: object, b: object) -> bool:
    return a is b or a == b


def changed_articles(old: Page, new: Page) -> tuple[list[Article], list[Article]]:
    """Articles (old versions, new versions) that are not the same on both sides."""
    if old.articles is new.articles:
        return [], []
    old_by_id = {a.id: a for a in old.articles}
    new_by_id = {a.id: a for a in new.articles}
    gone = [a for a in old.articles if not same(a, new_by_id.get(a.id))]
    came = [a for a in new.articles if not same(a, old_by_id.get(a.id))]
    return gone, came
