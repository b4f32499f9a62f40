"""Look-ups over one page snapshot: which article holds a line, an offset or an entity. Pure Python."""

from __future__ import annotations

import bisect
from collections import Counter
from functools import cached_property

from core.events import Change
from core.model import PENDING_STATUS, Entity, Page
from core.state import present_entities


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
        if change is None:
            return PageIndex(page, self.starts)
        if not change.articles:
            new = PageIndex(page, self.starts, self.owner)
        else:
            owner = dict(self.owner)
            for n in change.lines:  # every line of a changed article's old version is named
                if owner.get(n) in change.articles:
                    del owner[n]
            for a in page.articles:
                if a.id in change.articles:
                    owner.update(dict.fromkeys(a.lines, a.id))
            new = PageIndex(page, self.starts, owner)
        starts = self.__dict__.get("entity_starts")
        if starts is not None and page.entities is self.page.entities:  # a structure edit: same entities
            new.__dict__["entity_starts"] = starts
        self._carry(new, change)
        return new

    def _carry(self, new: PageIndex, change: Change) -> None:
        """Hand ``new`` the entities per article, counts and pending total this index has worked out,
        redone only for the articles the change touched (an edit costs its size, not the page's)."""
        by_old: dict[str, list[Entity]] | None = self.__dict__.get("_by_article")
        if by_old is None:
            return
        gone = present_entities(self.page, change.entities)
        came = present_entities(new.page, change.entities)
        keys = set(change.articles)
        keys.update(self.article_of_entity(e) for e in gone)
        keys.update(new.article_of_entity(e) for e in came)
        if any(n not in self.owner or n not in new.owner for n in change.lines):
            keys.add("")  # lines left or joined the unassigned ones
        by = dict(by_old)
        lines: dict[str, list[int]] = {a.id: sorted(a.lines) for a in new.page.articles if a.id in keys}
        for key in keys:
            found = (
                new._unassigned(by_old.get("", []), change, came) if key == "" else new._entities_on(lines.get(key, []))
            )
            if found:
                by[key] = found
            else:
                by.pop(key, None)
        new.__dict__["_by_article"] = by
        counts: tuple[Counter[str], Counter[str]] | None = self.__dict__.get("counts")
        if counts is not None:
            total, waiting = Counter(counts[0]), Counter(counts[1])
            for key in keys:
                if key in by:
                    total[key] = len(by[key])
                    waiting[key] = sum(1 for e in by[key] if e.status == PENDING_STATUS)
                else:
                    total.pop(key, None)
                    waiting.pop(key, None)
            new.__dict__["counts"] = (total, waiting)
        pending: int | None = self.__dict__.get("pending")
        if pending is not None:
            new.__dict__["pending"] = (
                pending
                - sum(1 for e in gone if e.status == PENDING_STATUS)
                + sum(1 for e in came if e.status == PENDING_STATUS)
            )

    def _unassigned(self, before: list[Entity], change: Change, came: list[Entity]) -> list[Entity]:
        """The entities on no article: those of the old index off the lines and entities the change
        names, and those now on no article among the lines and entities it names."""
        touched = change.lines
        keep = [e for e in before if e.id not in change.entities and self.line_at(e.start) not in touched]
        now = self._entities_on(sorted(touched)) + [e for e in came if self.line_at(e.start) not in touched]
        return sorted(keep + [e for e in now if not self.article_of_entity(e)], key=lambda e: e.start)

    def _entities_on(self, numbers: list[int]) -> list[Entity]:
        """The entities starting on lines ``numbers`` (ascending; 0: before the first line), page order."""
        ents = self.page.entities
        starts = self.entity_starts
        out: list[Entity] = []
        for n in numbers:
            lo = self.starts[n - 1] if n > 0 else -1
            hi = self.starts[n] if n < len(self.starts) else len(self.page.text) + 1
            out.extend(ents[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)])
        return out

    @cached_property
    def entity_starts(self) -> list[int]:
        """The entities' start offsets in page order: searched with C bisects, no key per step."""
        return [e.start for e in self.page.entities]

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
        return sum(1 for e in self.page.entities if e.status == PENDING_STATUS)

    @cached_property
    def counts(self) -> tuple[Counter[str], Counter[str]]:
        """Entities per article and, of those, the ones still waiting for review."""
        total: Counter[str] = Counter()
        waiting: Counter[str] = Counter()
        for aid, ents in self._by_article.items():
            total[aid] = len(ents)
            waiting[aid] = sum(1 for e in ents if e.status == PENDING_STATUS)
        return total, waiting

    @cached_property
    def _by_article(self) -> dict[str, list[Entity]]:
        out: dict[str, list[Entity]] = {}
        for e in self.page.entities:
            out.setdefault(self.article_of_entity(e), []).append(e)
        return out
