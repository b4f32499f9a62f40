"""What a page's own type looks like: body size, line spacing, the gaps that separate things.

Every threshold of the geometric path is a multiple of these, measured on the page itself, so a
page set in 9 pt with tight leading and one in 11 pt with airy columns are read the same way.
"""

from __future__ import annotations

import itertools
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from core.pdf.model import LineGeom

# A line whose glyphs are at least this many times the body size is display type (a headline),
# unless its size is itself a body size: one that sets at least BODY_SHARE of the page's characters
# in at least BODY_LINES lines (a story set in a second text size; no headline runs that long).
HEADLINE_RATIO = 1.1
BODY_SHARE = 0.05
BODY_LINES = 8
# A horizontal white-space cut must be wider than this many times the usual space between lines.
HGAP_LEADINGS = 1.6
# Under display type (headlines) the white space before the story is narrower: this many leadings.
HEAD_GAP_LEADINGS = 1.25
# A vertical white-space cut (a gutter) must be at least this many body sizes wide.
VGAP_EMS = 0.8


@dataclass(frozen=True, slots=True)
class PageStats:
    body_size: float
    leading: float  # the usual white space between two lines of a column (pt)
    body_sizes: frozenset[float] = frozenset()  # every size that sets a good share of the text

    def is_headline(self, g: LineGeom) -> bool:
        return g.size >= self.body_size * HEADLINE_RATIO and size_class(g.size) not in self.body_sizes

    @property
    def min_hgap(self) -> float:
        return max(self.leading * HGAP_LEADINGS, self.body_size * 0.45)

    @property
    def min_head_gap(self) -> float:
        return min(self.min_hgap, self.leading * HEAD_GAP_LEADINGS)

    @property
    def min_vgap(self) -> float:
        return self.body_size * VGAP_EMS


def page_stats(lines: Sequence[LineGeom]) -> PageStats:
    """Body size: the size most characters are set in; leading: the commonest gap between a line and
    the next one below it in the same column."""
    if not lines:
        return PageStats(10.0, 3.0)
    sizes: Counter[float] = Counter()
    counts: Counter[float] = Counter()
    for g in lines:
        sizes[size_class(g.size)] += g.chars
        counts[size_class(g.size)] += 1
    body = sizes.most_common(1)[0][0]
    total = sum(sizes.values())
    body_sizes = frozenset(
        s for s, n in sizes.items() if s == body or (n >= total * BODY_SHARE and counts[s] >= BODY_LINES)
    )
    body_lines = sorted((g for g in lines if abs(g.size - body) < 0.5), key=lambda g: (round(g.box.x0), g.box.top))
    gaps: list[float] = []
    for a, b in itertools.pairwise(body_lines):
        if abs(a.box.x0 - b.box.x0) < body * 3 and 0 <= b.box.top - a.box.bottom < body * 2:
            gaps.append(b.box.top - a.box.bottom)
    leading = statistics.median(gaps) if gaps else body * 0.4
    return PageStats(body, max(leading, 0.5), body_sizes)


def size_class(size: float) -> float:
    """Sizes to the half point: glyph sizes of one face vary by rounding."""
    return round(size * 2) / 2
