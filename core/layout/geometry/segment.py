"""The geometric page parser: PDF layout → articles of role blocks, in reading order.

Stages, each a pure function of the page's own geometry: type statistics (stats.py) → page
furniture outside the ruled frame → XY-cut into leaves in reading order (xycut.py) → headlines
start articles and get their roles by size rank and position (headlines.py) → paragraphs by indent
(paragraphs.py).  What geometry does not decide — bylines, subheads, column labels — comes from the
text rules (``core.layout.segment``) line by line, and jump markers from ``core.fields.JUMP_RE``;
datelines are found later from the first paragraph as for text pages (``core.fields``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from core.dateline import find_dateline
from core.fields import JUMP_RE
from core.layout.geometry.headlines import (
    continues_subtitle,
    head_roles,
    is_dash_subtitle,
    joins,
    under_head_role,
)
from core.layout.geometry.paragraphs import column_left, indented, spans
from core.layout.geometry.stats import PageStats, page_stats
from core.layout.geometry.xycut import Item, Leaf, xy_cut
from core.model import Article, Block, Line
from core.pdf.model import Box, LineGeom, PageLayout

# Furniture (folios, page headers) sits outside a long rule within this share of the page's height
# from its top or bottom edge.
FURNITURE_ZONE = 0.12
FURNITURE_RULE_SHARE = 0.6
# Roles the text rules decide on body-size lines.
TEXT_ROLES = ("byline", "subhead", "column")


@dataclass(slots=True)
class _Draft:
    head: list[LineGeom] = field(default_factory=list)
    subtitles: list[LineGeom] = field(default_factory=list)
    body: list[tuple[LineGeom, int]] = field(default_factory=list)  # (line, leaf index)


@dataclass(frozen=True, slots=True)
class GeometryResult:
    """Articles and unassigned lines, plus what a caller may want to show: the leaves (blocks of
    the XY-cut, reading order) and the non-empty page lines that had no geometry."""

    articles: tuple[Article, ...]
    unassigned: tuple[int, ...]
    leaves: tuple[Box, ...]
    missing: tuple[int, ...]


def furniture(layout: PageLayout) -> set[int]:
    """Lines outside the page's ruled frame near its top or bottom edge (folio, page header)."""
    long_rules = [r for r in layout.rules if r.width >= layout.width * FURNITURE_RULE_SHARE]
    top_rules = [r.top for r in long_rules if r.bottom <= layout.height * FURNITURE_ZONE]
    bottom_rules = [r.bottom for r in long_rules if r.top >= layout.height * (1 - FURNITURE_ZONE)]
    out: set[int] = set()
    for g in layout.lines:
        if (top_rules and g.box.bottom <= max(top_rules)) or (bottom_rules and g.box.top >= min(bottom_rules)):
            out.add(g.number)
    return out


def _items(layout: PageLayout, lines: Sequence[LineGeom]) -> tuple[list[Item], list[Box]]:
    """Lines and empty frames (photos) are what cuts go around; a frame with text inside (a boxed
    story) contributes its four edges as rules instead."""
    items = [Item(g.box, g) for g in lines]
    rules = list(layout.rules)
    for f in layout.frames:
        inside = any(
            f.x0 <= g.box.x0 and g.box.x1 <= f.x1 and f.top <= g.box.top and g.box.bottom <= f.bottom for g in lines
        )
        if inside:
            rules += [
                Box(f.x0, f.top, f.x1, f.top),
                Box(f.x0, f.bottom, f.x1, f.bottom),
                Box(f.x0, f.top, f.x0, f.bottom),
                Box(f.x1, f.top, f.x1, f.bottom),
            ]
        else:
            items.append(Item(f))
    return items, rules


def _drafts(leaves: Sequence[Leaf], texts: Mapping[int, str], stats: PageStats) -> list[_Draft]:
    drafts: list[_Draft] = []
    for k, leaf in enumerate(leaves):
        for g in leaf.lines:
            cur = drafts[-1] if drafts else None
            if stats.is_headline(g):
                if cur is not None and cur.head and not cur.body and not cur.subtitles and joins(cur.head, g):
                    cur.head.append(g)
                else:
                    drafts.append(_Draft(head=[g]))
            elif (
                cur is not None and cur.head and not cur.body and is_dash_subtitle(texts[g.number], g, cur.head, stats)
            ) or (cur is not None and cur.subtitles and not cur.body and continues_subtitle(cur.subtitles, g, stats)):
                cur.subtitles.append(g)
            else:
                if cur is None:
                    cur = _Draft()
                    drafts.append(cur)
                cur.body.append((g, k))
    return drafts


def _is_jump(text: str) -> bool:
    m = JUMP_RE.search(text)
    return m is not None and not "".join(text[: m.start()].split()) and not "".join(text[m.end() :].split())


def _blocks(d: _Draft, texts: Mapping[int, str], text_roles: Mapping[int, str], photos: Sequence[Box]) -> list[Block]:
    blocks: list[Block] = []

    def add(role: str, number: int, new: bool) -> None:
        if blocks and blocks[-1].role == role and not new:
            blocks[-1] = Block(role, (*blocks[-1].lines, number))
        else:
            blocks.append(Block(role, (number,)))

    if d.head:
        roles = head_roles(d.head)
        for g in d.head:
            add(roles[g.number], g.number, False)
    for g in d.subtitles:
        add("subtitle", g.number, False)
    body_spans = spans([g for g, _ in d.body])
    lefts: dict[int, float] = {}
    prev: LineGeom | None = None
    prev_caption = False
    opened = False  # a body paragraph has started
    by_leaf: dict[int, list[LineGeom]] = {}
    for g, k in d.body:
        by_leaf.setdefault(k, []).append(g)
    for g, k in d.body:
        if k not in lefts:
            lefts[k] = column_left(by_leaf[k], body_spans)
        text = texts[g.number]
        role = text_roles.get(g.number, "body")
        if _is_jump(text):
            add("jump", g.number, True)
            continue
        if (
            not opened
            and d.head
            and role not in TEXT_ROLES
            and not indented(g, lefts[k])
            and find_dateline(text) is None
        ):
            role = under_head_role(text) or role
        if role in TEXT_ROLES and (role != "byline" or not opened):
            add(role, g.number, blocks[-1].role != role if blocks else True)
            continue
        caption = is_caption(g, prev if prev_caption else None, photos)
        new_par = not blocks or blocks[-1].role != "body" or indented(g, lefts[k])
        if prev is not None and (photo_between(prev, g, photos) or prev_caption != caption):
            new_par = True  # a caption is a paragraph of its own, and the story goes on past the photo
        add("body", g.number, new_par)
        opened = True
        prev, prev_caption = g, caption
    return blocks


def is_caption(g: LineGeom, prev_caption: LineGeom | None, photos: Sequence[Box]) -> bool:
    """A photo caption: the lines right under a photo, from its left edge, set close together (and
    on into the next columns); white space under it ends it."""
    if prev_caption is not None:  # on in the next column, or close under the line before
        p = prev_caption.box
        if min(g.box.x1, p.x1) - max(g.box.x0, p.x0) <= 0:
            return True
        return -1 <= g.box.top - p.bottom <= p.height
    return any(
        0 <= g.box.top - f.bottom <= 2 * g.size
        and f.x0 - g.size <= g.box.x0 <= f.x0 + 3 * g.size
        and g.box.x1 <= f.x1 + g.size
        for f in photos
    )


def photo_between(a: LineGeom, b: LineGeom, photos: Sequence[Box]) -> bool:
    """Whether a photo (an empty frame) stands between two lines that follow each other in a column."""
    lo, hi = min(a.box.bottom, b.box.bottom), max(a.box.top, b.box.top)
    return any(lo - 1 <= f.top and f.bottom <= hi + 1 and min(f.x1, b.box.x1) - max(f.x0, b.box.x0) > 0 for f in photos)


def segment_geometry(
    lines: Sequence[Line], layout: PageLayout, text_roles: Mapping[int, str] | None = None
) -> GeometryResult:
    """Articles (ids a1, a2, … in reading order) from the page's geometry; ``text_roles`` maps line
    numbers to the role the text rules gave them (bylines, subheads, column labels)."""
    texts = {ln.number: ln.text for ln in lines}
    known = [g for g in layout.lines if g.number in texts and texts[g.number].strip()]
    aside = furniture(layout)
    body = [g for g in known if g.number not in aside]
    stats = page_stats(body)
    items, rules = _items(layout, body)
    leaves = xy_cut(items, rules, stats)
    photos = [i.box for i in items if i.line is None]
    drafts = _drafts(leaves, texts, stats)
    articles: list[Article] = []
    for d in drafts:
        blocks = _blocks(d, texts, text_roles or {}, photos)
        if blocks:
            articles.append(Article(f"a{len(articles) + 1}", tuple(blocks)))
    with_geometry = {g.number for g in known}
    missing = tuple(ln.number for ln in lines if not ln.is_blank and ln.number not in with_geometry)
    return GeometryResult(
        tuple(articles), tuple(sorted(aside & with_geometry)), tuple(lf.box for lf in leaves if lf.lines), missing
    )
