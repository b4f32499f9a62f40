"""Recursive XY-cut: the page's blocks in reading order.

A region is cut where a band across it holds nothing: preferably where a drawn rule runs along that
band (editors separate stories with rules), else where white space is wider than the page's usual
line spacing (horizontal) or gutter (vertical).  A horizontal cut right under a headline would
part the headline from its story, so it is taken only when nothing else can be cut — which is what
keeps two stories printed side by side (headlines at the same height) apart.  Slabs are read top
to bottom, left to right; what cannot be cut further is a leaf: one column piece of one story, a
headline, a caption.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from core.layout.geometry.stats import PageStats
from core.pdf.model import Box, LineGeom

# A rule separates a region only if it runs along at least this share of the region.
RULE_COVER = 0.8
MAX_DEPTH = 64
# A headline block heading a region (kicker, title, subtitle, a byline) has at most this many lines.
HEAD_LINES = 8

RULE, SPACE, ORPHAN = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Item:
    """A line (``line`` set) or a frame (photo, box) that cuts must not cross."""

    box: Box
    line: LineGeom | None = None


@dataclass(frozen=True, slots=True)
class Leaf:
    items: tuple[Item, ...]
    box: Box
    after_rule: bool  # the cut just before this leaf (in reading order) ran along a rule

    @property
    def lines(self) -> tuple[LineGeom, ...]:
        return tuple(i.line for i in self.items if i.line is not None)


@dataclass(frozen=True, slots=True)
class _Cut:
    horizontal: bool
    at: float  # where to split: items ending before go first
    rank: int
    cover: float = 0.0  # for rule cuts: the share of the region the rule runs along


def _bounds(items: Sequence[Item]) -> Box:
    boxes = [i.box for i in items]
    return Box(
        min(b.x0 for b in boxes), min(b.top for b in boxes), max(b.x1 for b in boxes), max(b.bottom for b in boxes)
    )


def _gaps(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """White intervals between merged ``(lo, hi)`` spans."""
    spans.sort()
    out: list[tuple[float, float]] = []
    hi = spans[0][1]
    for lo2, hi2 in spans[1:]:
        if lo2 > hi:
            out.append((hi, lo2))
        hi = max(hi, hi2)
    return out


def _ruled(gap: tuple[float, float], horizontal: bool, region: Box, rules: Sequence[Box]) -> float:
    """The largest share of the region a rule inside the gap runs along (0 when none is enough)."""
    lo, hi = gap
    best = 0.0
    for r in rules:
        if horizontal and r.width >= r.height and lo <= (r.top + r.bottom) / 2 <= hi:
            cover = (min(r.x1, region.x1) - max(r.x0, region.x0)) / max(region.width, 1.0)
        elif not horizontal and r.height > r.width and lo <= (r.x0 + r.x1) / 2 <= hi:
            cover = (min(r.bottom, region.bottom) - max(r.top, region.top)) / max(region.height, 1.0)
        else:
            continue
        if cover >= RULE_COVER:
            best = max(best, cover)
    return best


def _under_headline(items: Sequence[Item], at: float, stats: PageStats) -> int | None:
    """How a horizontal cut at ``at`` that runs right under a headline ranks (None: it does not).

    Such a cut would part the headline from its story (``ORPHAN``: taken only when nothing else can
    be cut) — unless all there is above is one headline block heading the region: that headline
    stands over everything below it, even columns it does not reach (a short title centred over a
    wide story), and cutting under it first keeps those columns after it (``SPACE``)."""
    above_items = [i for i in items if i.box.bottom <= at]
    above = [i.line for i in above_items if i.line is not None]
    if not above:
        return None
    low = max(g.box.bottom for g in above)
    if not any(stats.is_headline(g) for g in above if g.box.bottom >= low - stats.body_size * 0.5):
        return None
    first = min(above, key=lambda g: g.box.top)
    if len(above) == len(above_items) and stats.is_headline(first) and len(above) <= HEAD_LINES:
        spans = [(g.box.x0, g.box.x1) for g in above]
        if not any(hi - lo >= stats.min_vgap for lo, hi in _gaps(spans)):
            return SPACE
    return ORPHAN


def _cuts(items: Sequence[Item], rules: Sequence[Box], stats: PageStats) -> list[_Cut]:
    region = _bounds(items)
    out: list[_Cut] = []
    for lo, hi in _gaps([(i.box.top, i.box.bottom) for i in items]):
        at = (lo + hi) / 2
        if cover := _ruled((lo, hi), True, region, rules):
            out.append(_Cut(True, at, RULE, cover))
        elif hi - lo >= stats.min_head_gap:
            head = _under_headline(items, at, stats)
            if head is not None:
                out.append(_Cut(True, at, head))
            elif hi - lo >= stats.min_hgap:
                out.append(_Cut(True, at, SPACE))
    for lo, hi in _gaps([(i.box.x0, i.box.x1) for i in items]):
        at = (lo + hi) / 2
        if cover := _ruled((lo, hi), False, region, rules):
            out.append(_Cut(False, at, RULE, cover))
        elif hi - lo >= stats.min_vgap:
            out.append(_Cut(False, at, SPACE))
    return out


def _split(items: Sequence[Item], cuts: Sequence[_Cut]) -> list[list[Item]]:
    horizontal = cuts[0].horizontal
    edges = sorted(c.at for c in cuts)
    parts: list[list[Item]] = [[] for _ in range(len(edges) + 1)]
    for i in items:
        centre = (i.box.top + i.box.bottom) / 2 if horizontal else (i.box.x0 + i.box.x1) / 2
        k = sum(1 for e in edges if centre > e)
        parts[k].append(i)
    return [p for p in parts if p]


def xy_cut(items: Sequence[Item], rules: Sequence[Box], stats: PageStats) -> list[Leaf]:
    """The leaves of the page in reading order."""
    out: list[Leaf] = []
    if items:
        _cut(list(items), rules, stats, out, False, 0)
    return out


def _cut(
    items: list[Item], rules: Sequence[Box], stats: PageStats, out: list[Leaf], after_rule: bool, depth: int
) -> None:
    cuts = _cuts(items, rules, stats) if depth < MAX_DEPTH and len(items) > 1 else []
    if not cuts:
        out.append(Leaf(tuple(sorted(items, key=lambda i: (i.box.top, i.box.x0))), _bounds(items), after_rule))
        return
    best = min(c.rank for c in cuts)
    if best == RULE:  # the rules that run furthest along the region, in their direction
        widest = max((c for c in cuts if c.rank == RULE), key=lambda c: (c.cover, c.horizontal))
        chosen = [c for c in cuts if c.rank == RULE and c.horizontal == widest.horizontal]
    else:
        chosen = [c for c in cuts if c.rank == best and c.horizontal] or [c for c in cuts if c.rank == best]
    for k, part in enumerate(_split(items, chosen)):
        _cut(part, rules, stats, out, after_rule if k == 0 else best == RULE, depth + 1)
