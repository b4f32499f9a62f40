"""The whole automatic parse of a page: layout (articles, roles, paragraphs), then entities."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.layout import segment
from core.layout.collector import collector_paused
from core.lines import split_lines
from core.loader import RawPage
from core.model import Page

if TYPE_CHECKING:
    from core.entities.lexicon import UserLexicon
    from core.entities.pipeline import Refiner


def entity_segments(page: Page) -> list[list[tuple[int, int]]]:
    """Reflow units for entity detection: every block, and every unassigned line on its own."""
    out: list[list[tuple[int, int]]] = []
    for a in page.articles:
        for b in a.blocks:
            out.append([(page.lines[n - 1].start, page.lines[n - 1].end) for n in b.lines])
    for n in page.unassigned:
        out.append([(page.lines[n - 1].start, page.lines[n - 1].end)])
    return out


def parse_page(
    raw: RawPage, *, lexicon: UserLexicon | None = None, entities: bool = True, tagger: Refiner | None = None
) -> Page:
    """Parse a page; a pure function of the text (and the lexicon, and the trained tagger)."""
    with collector_paused():  # (a line object per line of the page, and no reference cycle: collector.py)
        lines = split_lines(raw.text)
    if raw.source.layout is not None:  # a page from (or with) a PDF: segmentation from geometry
        from core.layout.geometry import segment_with_layout

        articles, unassigned = segment_with_layout(raw.text, lines, raw.source.layout)
    else:
        articles, unassigned = segment(raw.text, lines)
    page = Page(raw.source, raw.text, lines, articles, unassigned)
    if not entities:
        return page
    from core.entities import detect_entities

    found = detect_entities(raw.text, entity_segments(page), lexicon=lexicon, tagger=tagger)
    return Page(raw.source, raw.text, lines, articles, unassigned, tuple(found))
