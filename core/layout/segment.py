"""The page parser: raw lines → articles of role blocks, in reading order.

Stages, each a pure function: line features (features.py) → column widths and paragraph breaks
(paragraphs.py) → body/headline units (units.py) → stories and headline roles (articles.py).
Everything is linear in the number of lines.
"""

from __future__ import annotations

import operator
from collections.abc import Sequence

from core.layout.articles import assemble_stories, head_roles, typical_gap
from core.layout.collector import collector_paused
from core.layout.features import LineInfo, line_features, new_info
from core.layout.furniture import furniture
from core.layout.headlines import review_headlines
from core.layout.interleave import mark_units
from core.layout.units import HEAD, SUBHEAD, Story, make_units
from core.model import Article, Block, Line

_NUMBER = operator.attrgetter("number")  # a line's number (in C: no generator step per line)


def _blocks(story: Story, page_gap: int) -> tuple[Block, ...]:
    blocks: list[Block] = []
    for u in story.body:
        role = "subhead" if u.kind == SUBHEAD else "byline" if u.kind == HEAD and u.first.byline else "body"
        blocks.append(Block(role, tuple(map(_NUMBER, u.lines))))
    roles = head_roles(story.head, page_gap)
    head_blocks: list[Block] = []
    for u in story.head:
        for ln in u.lines:
            role = roles.get(ln.number, "other")
            if head_blocks and head_blocks[-1].role == role and role != "body":
                head_blocks[-1] = Block(role, (*head_blocks[-1].lines, ln.number))
            else:
                head_blocks.append(Block(role, (ln.number,)))
    merged = blocks + head_blocks
    merged.sort(key=lambda b: b.lines[0])
    return tuple(merged)


def segment(text: str, lines: Sequence[Line]) -> tuple[tuple[Article, ...], tuple[int, ...]]:
    """Articles (ids a1, a2, … in reading order) and the non-empty lines that fit none.  The
    garbage collector is paused meanwhile (collector.py: the stages make no reference cycles)."""
    with collector_paused():
        return _segment(lines)


def _segment(lines: Sequence[Line]) -> tuple[tuple[Article, ...], tuple[int, ...]]:
    infos = line_features(lines)
    if not infos:
        return (), ()
    aside = furniture(infos)
    if aside:
        infos = [i for i in infos if i.number not in aside]
        # lines below the furniture move up: a new index (built with ``new_info``, several times
        # faster than ``_replace``, as every line of a page may need it)
        infos = [i if i.index == k else new_info(LineInfo, (i.number, k, *i[2:])) for k, i in enumerate(infos)]
        if not infos:
            return (), tuple(sorted(aside))
    units = make_units(infos)
    mark_units(units, infos)
    units = review_headlines(units)
    page_gap = typical_gap(units)
    articles: list[Article] = []
    for story in assemble_stories(units, page_gap):
        blocks = _blocks(story, page_gap)
        if blocks:
            articles.append(Article(f"a{len(articles) + 1}", blocks))
    return tuple(articles), tuple(sorted(aside))
