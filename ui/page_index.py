"""Look-ups over one page snapshot: which article holds a line or an offset. Pure Python."""

from __future__ import annotations

import bisect

from core.model import Entity, Page


class PageIndex:
    """Line → article and offset → line for one ``Page`` snapshot."""

    def __init__(self, page: Page, starts: list[int] | None = None) -> None:
        self.page = page
        # The text never changes within a session, so line starts are shared between snapshots.
        self.starts = starts if starts is not None else [ln.start for ln in page.lines]
        self.owner: dict[int, str] = {}
        for a in page.articles:
            for n in a.lines:
                self.owner[n] = a.id

    def updated(self, page: Page) -> PageIndex:
        return PageIndex(page, self.starts if page.text is self.page.text else None)

    def line_at(self, offset: int) -> int:
        """1-based number of the line holding ``offset`` (0 for an empty page)."""
        return bisect.bisect_right(self.starts, offset)

    def article_of_line(self, number: int) -> str:
        return self.owner.get(number, "")

    def article_of_entity(self, e: Entity) -> str:
        return self.owner.get(self.line_at(e.start), "")
