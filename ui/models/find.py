"""Finding text on the page as an editor reads it: across line breaks and without the layout spaces
of spaced-out headlines (``落 细 防 控`` is found by ``落细防控``), reported as raw offsets."""

from __future__ import annotations

from core.model import Page
from core.textmap import MappedText, assemble, squeeze_spaces


class PageFinder:
    def __init__(self) -> None:
        self._text: str | None = None
        self._flat = MappedText("", ())
        self._folded = ""

    def _prepare(self, page: Page) -> None:
        if self._text is page.text:
            return
        self._text = page.text
        self._flat = assemble(page.text, [(ln.start, ln.end) for ln in page.lines], squeeze=True)
        self._folded = self._flat.text.lower()

    def matches(self, page: Page, query: str) -> list[tuple[int, int]]:
        """Every occurrence of ``query`` (case-insensitive) as raw ``(start, end)``, in page order."""
        q = squeeze_spaces(query.strip()).lower()
        if not q:
            return []
        self._prepare(page)
        out: list[tuple[int, int]] = []
        i = self._folded.find(q)
        offsets = self._flat.offsets
        while i >= 0:
            out.append((offsets[i], offsets[i + len(q) - 1] + 1))
            i = self._folded.find(q, i + 1)
        return out
