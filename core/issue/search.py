"""Find any text (or an entity's text) across the issue: every page and line that mentions it.

Matching ignores line breaks and layout spaces, as entity surfaces do (``安立\\n佳`` is found as
``安立佳``).  The page text never changes while it is open, so each page's squeezed text and its map
back to raw offsets are built once and kept; a find is then one ``str.find`` loop per page.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass

from core.document import Document
from core.model import Page

CONTEXT = 12  # characters of context on each side of a hit
_RUN = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Hit:
    page: int  # issue page index
    start: int  # raw offsets into the page text
    end: int
    line: int  # the 1-based line the hit starts on
    article: str | None  # the article holding that line
    entity: str | None  # the id of an entity with exactly this span, if any
    context: str


class PageIndex:
    """A page's text without whitespace, and where each run of it starts in the raw text (one
    entry per run between spaces and line breaks, not per character: quick to build)."""

    __slots__ = ("hay", "hay_starts", "line_starts", "raw_starts", "text")

    def __init__(self, page: Page) -> None:
        self.text = page.text
        runs = [(m.start(), m.group()) for m in _RUN.finditer(page.text)]
        self.raw_starts = [s for s, _ in runs]
        self.hay_starts = list(itertools.accumulate((len(r) for _, r in runs), initial=0))[:-1]
        self.hay = "".join(r for _, r in runs)
        self.line_starts = [ln.start for ln in page.lines]

    def raw(self, k: int) -> int:
        """The raw offset of character ``k`` of the squeezed text."""
        j = bisect.bisect_right(self.hay_starts, k) - 1
        return self.raw_starts[j] + k - self.hay_starts[j]

    def spans(self, needle: str) -> list[tuple[int, int]]:
        out = []
        i = self.hay.find(needle)
        while i >= 0:
            out.append((self.raw(i), self.raw(i + len(needle) - 1) + 1))
            i = self.hay.find(needle, i + len(needle))
        return out

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset)


class IssueSearch:
    """Keeps one ``PageIndex`` per page text; ``find`` across the documents given."""

    def __init__(self) -> None:
        self._index: dict[int, PageIndex] = {}

    def index(self, key: int, page: Page) -> PageIndex:
        found = self._index.get(key)
        if found is None or found.text is not page.text:
            found = self._index[key] = PageIndex(page)
        return found

    def find(self, docs: Mapping[int, Document], text: str, limit: int | None = None) -> list[Hit]:
        """Every occurrence of ``text`` in page order; at most ``limit`` hits."""
        needle = "".join(text.split())
        hits: list[Hit] = []
        if not needle:
            return hits
        for key in sorted(docs):
            page = docs[key].page
            idx = self.index(key, page)
            spans = idx.spans(needle)
            if not spans:
                continue
            owners = _owners(page)
            by_span = {(e.start, e.end): e.id for e in page.entities}
            for s, e in spans:
                line = idx.line_of(s)
                ctx = "".join(page.text[max(0, s - CONTEXT) : e + CONTEXT].split())
                hits.append(Hit(key, s, e, line, owners.get(line), by_span.get((s, e)), ctx))
                if limit is not None and len(hits) >= limit:
                    return hits
        return hits


def _owners(page: Page) -> dict[int, str]:
    return {n: a.id for a in page.articles for b in a.blocks for n in b.lines}
