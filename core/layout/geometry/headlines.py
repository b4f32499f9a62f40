"""Headline groups and their roles, from type size and position.

A headline group is a run of display-type lines (reading order) that sit close above one another
and overlap horizontally.  Its largest size is the title (a title may take two lines); smaller lines
above the title are the kicker (引题), smaller lines below it the subtitle (副题).  A body-size line
right under a group that opens with a dash (``——…``) is a subtitle too: some pages set the 副题 in
body type, and the dash is what marks it.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.layout.geometry.stats import PageStats
from core.pdf.model import LineGeom

# Lines of one group are at most this many of their own sizes apart vertically.
GROUP_GAP_SIZES = 1.6
# Lines of one size class differ by less than this (pt).
SAME_SIZE = 0.6
SUBTITLE_DASHES = ("——", "—", "－－", "--")


def joins(group: Sequence[LineGeom], g: LineGeom) -> bool:
    """Whether headline line ``g`` continues ``group`` (close below it, overlapping horizontally)."""
    last = group[-1]
    gap = g.box.top - max(x.box.bottom for x in group)
    overlap = min(g.box.x1, max(x.box.x1 for x in group)) - max(g.box.x0, min(x.box.x0 for x in group))
    return -last.size < gap <= max(g.size, last.size) * GROUP_GAP_SIZES and overlap > 0


def is_dash_subtitle(text: str, g: LineGeom, group: Sequence[LineGeom], stats: PageStats) -> bool:
    if not text.strip().startswith(SUBTITLE_DASHES):
        return False
    gap = g.box.top - max(x.box.bottom for x in group)
    return 0 <= gap <= max(x.size for x in group) * GROUP_GAP_SIZES + stats.leading


def head_roles(group: Sequence[LineGeom]) -> dict[int, str]:
    """title / kicker / subtitle for every line of a group (``group`` in reading order)."""
    top = max(g.size for g in group)
    titles = [k for k, g in enumerate(group) if g.size >= top - SAME_SIZE]
    first, last = titles[0], titles[-1]
    roles: dict[int, str] = {}
    for k, g in enumerate(group):
        if first <= k <= last:
            roles[g.number] = "title"
        elif k < first:
            roles[g.number] = "kicker"
        else:
            roles[g.number] = "subtitle"
    return roles


def continues_subtitle(subtitles: Sequence[LineGeom], g: LineGeom, stats: PageStats) -> bool:
    """A line of the same size right under a subtitle line, in its column, carries it on."""
    last = subtitles[-1]
    gap = g.box.top - last.box.bottom
    overlap = min(g.box.x1, last.box.x1) - max(g.box.x0, last.box.x0)
    return (
        abs(g.size - last.size) < SAME_SIZE
        and -1 <= gap <= stats.leading * 1.5 + 1
        and overlap >= 0.5 * min(g.box.width, last.box.width)
    )


# What marks a credit line under a headline; and the punctuation a sentence (a paragraph) has.
CREDIT_WORDS = ("记者", "通讯员", "本报", "新华社", "特约", "撰稿", "摄影", "作者")
SENTENCE_MARKS = frozenset('。，；：！？、,;:!?“”"（）()')
# A name line under a headline (one or two authors) is at most this many characters.
NAME_CHARS = 5
# A short heading line under a headline (no sentence punctuation) is at most this many characters.
SHORT_LINE_CHARS = 16


def under_head_role(text: str) -> str | None:
    """The role of the first body-type line under a headline when it is no paragraph: a credit
    (``本报记者 …``, or just a name) is a byline, another short line without punctuation a subhead."""
    squeezed = "".join(text.split())
    if not squeezed or len(squeezed) > SHORT_LINE_CHARS or any(c in SENTENCE_MARKS for c in squeezed):
        return None
    if any(w in squeezed for w in CREDIT_WORDS) or len(squeezed) <= NAME_CHARS:
        return "byline"
    return "subhead"
