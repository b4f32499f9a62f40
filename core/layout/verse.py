"""Verse: runs of short lines of irregular width, each line its own paragraph.

Prose in a column is justified, so most of its lines share one width; a poem's lines end where
its phrases end, so their widths scatter and few of them close a sentence.
"""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Sequence

from core.layout.features import LineInfo

WINDOW = 3  # lines each side
MAX_WIDTH = 12.0
_STOP = re.compile("[。！？；]")
_MARK = re.compile("[，、。；：？！]")
PUNCTUATED = 3  # prose: this many lines of a window carry a clause mark; a poem's lines few
CHUNK = 4096  # windows read together (``verse_lines``)


def _prefix(flags: Sequence[bool]) -> list[int]:
    return list(itertools.accumulate(map(int, flags), initial=0))


def _covered(starts: Sequence[int], span: int, n: int) -> list[bool]:
    """Whether each of ``n`` lines lies in one of the windows of ``span`` lines from ``starts``."""
    opened = [0] * (n + 1)
    for lo in starts:
        opened[lo] += 1
        opened[lo + span] -= 1
    return list(map(bool, itertools.accumulate(opened[:n])))


def verse_lines(infos: Sequence[LineInfo]) -> list[bool]:
    """``verse[i]``: line ``i`` sits inside a run of verse (every line of a verse window counts).

    A window of ``2 * WINDOW + 1`` lines reads as verse when none of its lines is display type,
    wide, a dateline or a label; at most one ends on a clause mark and at most one closes a
    sentence inside it (prose in a narrow column does both often); fewer than ``PUNCTUATED`` carry
    a clause mark at all; and their widths scatter (four widths or more, none shared by more than
    three lines).  Each line's marks are read once and counted over the windows by prefix sums;
    the first test is made for all windows at once (differences taken in C), and only the windows
    that pass it are looked at further (most of a page's windows hold a wide line).

    The windows are read ``CHUNK`` at a time, each chunk with the lines its windows hold: the
    prefix sums of a chunk stay cache-sized however long the page (a window's reading depends on
    its own lines only)."""
    n = len(infos)
    verse = [False] * n
    span = 2 * WINDOW + 1
    windows = n - span + 1
    for first in range(0, windows, CHUNK):
        stop = min(first + CHUNK, windows)
        _mark_verse(infos[first : stop + span - 1], first, verse)
    return verse


def _mark_verse(infos: Sequence[LineInfo], offset: int, verse: list[bool]) -> None:
    """Set ``verse`` (of the whole page) over every window of ``infos`` (its lines from ``offset``
    on) that reads as verse."""
    n = len(infos)
    span = 2 * WINDOW + 1
    blocked = _prefix(
        [ln.spaced or ln.width > MAX_WIDTH or ln.dateline or ln.head_note or ln.column or ln.jump_only for ln in infos]
    )
    # the windows with no blocked line, by their first line (``lo``: lines ``lo .. lo + span - 1``)
    blocked_in = map(operator.sub, blocked[span:], blocked)
    clear = list(itertools.compress(range(n - span + 1), map(operator.not_, blocked_in)))
    if not clear:
        return
    ends = _prefix([ln.ends_sentence or ln.ends_soft for ln in infos])
    # the marks inside lines are searched for only in the lines of clear windows: a window's
    # counts take in its own lines only
    covered = _covered(clear, span, n)
    # a sentence closes inside the line and text goes on after it
    inner = _prefix(
        [
            c and _STOP.search(ln.squeezed, 0, len(ln.squeezed) - 1) is not None
            for c, ln in zip(covered, infos, strict=True)
        ]
    )
    marked = _prefix([c and _MARK.search(ln.squeezed) is not None for c, ln in zip(covered, infos, strict=True)])
    halves = [round(ln.width * 2) / 2 for ln in infos]
    whole = [True] * span  # a window read as verse
    for lo in clear:
        hi = lo + span
        if ends[hi] - ends[lo] > 1 or inner[hi] - inner[lo] > 1:
            continue
        if marked[hi] - marked[lo] >= PUNCTUATED:
            continue
        widths = halves[lo:hi]
        distinct = set(widths)
        if len(distinct) >= 4 and max(map(widths.count, distinct)) <= 3:
            verse[offset + lo : offset + hi] = whole
