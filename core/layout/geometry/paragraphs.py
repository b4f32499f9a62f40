"""Where paragraphs start, from indents.

Body type is justified to its column, and a paragraph's first line is indented (about two
characters in Chinese setting).  A line starts a paragraph when it stands in from the left edge of
its column by at least an indent; a column's left edge is the leftmost line of its leaf, or, for
leaves too short to show it, of the article's lines in the same column (not of a wider caption or
headline over it).  A paragraph that
runs on into the next column therefore continues there: that column's first line is not indented.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.pdf.model import LineGeom

# An indent is at least this many character sizes.
INDENT_SIZES = 0.8
# Leaves with fewer lines than this borrow their column edge from the article.
SHORT_LEAF = 4
# ... from lines of the same column: overlapping it by this share of the wider of the two.
BAND_OVERLAP = 0.6


Span = tuple[float, float, float]  # x0, x1, ink_x0 of a line


def spans(lines: Sequence[LineGeom]) -> list[Span]:
    return [(g.box.x0, g.box.x1, g.ink_x0) for g in lines]


def column_left(leaf: Sequence[LineGeom], article: Sequence[Span]) -> float:
    """The left edge of a leaf's column; ``article``: the spans of the article's body lines."""
    left = min(g.ink_x0 for g in leaf)
    if len(leaf) >= SHORT_LEAF:
        return left
    lo, hi = min(g.box.x0 for g in leaf), max(g.box.x1 for g in leaf)
    for x0, x1, ink in article:
        if ink < left and min(x1, hi) - max(x0, lo) > BAND_OVERLAP * max(x1 - x0, hi - lo):
            left = ink
    return left


def indented(g: LineGeom, left: float) -> bool:
    return g.ink_x0 - left >= g.size * INDENT_SIZES
