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


def column_left(leaf: Sequence[LineGeom], article: Sequence[LineGeom]) -> float:
    left = min(g.ink_x0 for g in leaf)
    if len(leaf) >= SHORT_LEAF:
        return left
    lo, hi = min(g.box.x0 for g in leaf), max(g.box.x1 for g in leaf)
    band = [
        g.ink_x0 for g in article if min(g.box.x1, hi) - max(g.box.x0, lo) > BAND_OVERLAP * max(g.box.width, hi - lo)
    ]
    return min([left, *band])


def indented(g: LineGeom, left: float) -> bool:
    return g.ink_x0 - left >= g.size * INDENT_SIZES
