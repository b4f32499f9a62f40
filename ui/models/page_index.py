"""Look-ups over one page snapshot: which article holds a line, an offset or an entity. Pure Python."""

from __future__ import annotations

import bisect
from collections import Counter
from functools import cached_property

from core.events import Change
from core.model import Entity, Page


class PageIndex:
    """Line → article and offset → line for one ``Page`` snapshot; entities per article on demand."""

    def __init__(self, page: Page, starts: list[int] | None = None, owner: dict[int, str] | None = None) -> None:
        self.page = page
        # The text never changes within a session, so line starts are shared between snapshots.
        self.starts = starts if starts is not None else [ln.start for ln in page.lines]
        if owner is None:
            owner = {n: a.id for a in page.articles for n in a.lines}
        self.owner = owner

    def updated(self, page: Page, change: Change | None = None) -> PageIndex:
        """The index of ``page``, the snapshot after ``change``: only lines of the articles the change
        names get a new owner, so an edit costs its size, not the page's."""
        if page.text is not self.page.text:
            return PageIndex(page)
        if change is None or not change.articles:
            return PageIndex(page, self.starts, None if change is None else self.owner)
        owner = dict(self.owner)
        for n in change.lines:  # every line of a changed article's old version is named
            if owner.get(n) in change.articles:
                del owner[n]
        for a in page.articles:
            if a.id in change.articles:
                owner.update(dict.fromkeys(a.lines, a.id))
        return PageIndex(page, self.starts, owner)

    def line_at(self, offset: int) -> int:
        """1-based number of the line holding ``offset`` (0 for an empty page)."""
        return bisect.bisect_right(self.starts, offset)

    def article_of_line(self, number: int) -> str:
        return self.owner.get(number, "")

    def article_of_entity(self, e: Entity) -> str:
        return self.owner.get(self.line_at(e.start), "")

    def entities_of(self, article_id: str) -> list[Entity]:
        """The article's entities in page order ("" for those on unassigned lines)."""
        return self._by_article.get(article_id, [])

    @cached_property
    def pending(self) -> int:
        """Entities still waiting for review on the whole page."""
        return sum(1 for e in self.page.entities if e.status == "auto")

    @cached_property
    def counts(self) -> tuple[Counter[str], Counter[str]]:
        """Entities per article and, of those, the ones still waiting for review."""
        total: Counter[str] = Counter()
        waiting: Counter[str] = Counter()
        for aid, ents in self._by_article.items():
            total[aid] = len(ents)
            waiting[aid] = sum(1 for e in ents if e.status == "auto")
        return total, waiting

    @cached_property
    def _by_article(self) -> dict[str, list[Entity]]:
        out: dict[str, list[Entity]] = {}
        for e in self.page.entities:
            out.setdefault(self.article_of_entity(e), []).append(e)
        return out
