"""The geometric path of the page parser: segmentation from a PDF page's layout.

Used for pages read from a PDF (or a ``.txt`` with its PDF beside it); text-only pages keep the
text rules of ``core.layout``.  The text rules still run, for what geometry does not decide
(bylines, subheads, column labels) and for lines without geometry.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.layout.geometry.fallback import place_missing
from core.layout.geometry.segment import GeometryResult, segment_geometry
from core.model import Article, Line
from core.pdf.model import PageLayout

__all__ = ["GeometryResult", "segment_geometry", "segment_with_layout"]


def segment_with_layout(
    text: str, lines: Sequence[Line], layout: PageLayout
) -> tuple[tuple[Article, ...], tuple[int, ...]]:
    """Articles and unassigned lines of a page that has geometry, like ``core.layout.segment``."""
    from core.layout import segment

    text_articles, text_unassigned = segment(text, lines)
    roles = {n: b.role for a in text_articles for b in a.blocks for n in b.lines}
    result = segment_geometry(lines, layout, roles)
    return place_missing(result.articles, result.unassigned, text_articles, text_unassigned, result.missing)
