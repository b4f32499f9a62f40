"""Columns interleaved line by line: where the extractor read two or three columns across.

When the columns of a story sit side by side with their lines at the same heights, an extractor
may print them across: a line of the first column, then the line beside it in the second, and so
on.  Each printed line then goes on not in the line below it but two or three lines further down.
The page's own text says which: the last character of a line and the first of the line that
really follows it usually form a pair of characters that the page prints inside its lines
elsewhere (a word cut at the line end), while a line and its neighbour from another column rarely
do.  Lines inside such a stretch are running text of one story: no headline starts there and no
story ends there (evidence.py weighs it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from core.layout.features import LineInfo
from core.layout.units import Unit

WINDOW = 6  # lines either side that are counted
MIN_LINKS = 3  # line ends in a window that join the line two or three further down, at least
LEAD = 2  # ... and that many more than those that join the line just below
_IDEOGRAPH = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]")
_RUN = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]{2,}")


def _pairs(infos: Sequence[LineInfo]) -> set[str]:
    """Character pairs printed inside lines of the page."""
    pairs: set[str] = set()
    for run in _RUN.findall("\n".join(info.squeezed for info in infos)):
        pairs.update(map(str.__add__, run, run[1:]))
    return pairs


def _links(infos: Sequence[LineInfo], pairs: set[str], step: int) -> list[int]:
    """``links[i]``: 1 when line ``i``'s last character and line ``i + step``'s first form a pair
    the page prints inside its lines."""
    tails = [info.squeezed[-1:] for info in infos]
    heads = [info.squeezed[:1] for info in infos]
    return [
        1
        if i + step < len(infos) and tails[i] + heads[i + step] in pairs and _is_pair(tails[i] + heads[i + step])
        else 0
        for i in range(len(infos))
    ]


def _is_pair(s: str) -> bool:
    return len(s) == 2 and _IDEOGRAPH.match(s[0]) is not None and _IDEOGRAPH.match(s[1]) is not None


def _window_sums(values: Sequence[int]) -> list[int]:
    """Sum of ``values`` over the ``WINDOW`` lines either side of each line (prefix sums: linear)."""
    n = len(values)
    prefix = [0] * (n + 1)
    for i, v in enumerate(values):
        prefix[i + 1] = prefix[i] + v
    return [prefix[min(n, i + WINDOW + 1)] - prefix[max(0, i - WINDOW)] for i in range(n)]


def _woven(adjacent_links: Sequence[int], infos: Sequence[LineInfo], pairs: set[str]) -> list[bool]:
    adjacent = _window_sums(adjacent_links)
    skip2 = _window_sums(_links(infos, pairs, 2))
    skip3 = _window_sums(_links(infos, pairs, 3))
    return [max(b, c) >= MIN_LINKS and max(b, c) >= a + LEAD for a, b, c in zip(adjacent, skip2, skip3, strict=True)]


def woven_lines(infos: Sequence[LineInfo]) -> list[bool]:
    """``woven[i]``: line ``i`` sits in a stretch of columns printed across, line by line."""
    if len(infos) < 4:
        return [False] * len(infos)
    pairs = _pairs(infos)
    return _woven(_links(infos, pairs, 1), infos, pairs)


def joined_lines(infos: Sequence[LineInfo]) -> list[bool]:
    """``joined[i]``: line ``i - 1`` ends on the first character and line ``i`` opens on the second
    of a pair the page prints inside its lines: a word cut at the line end (``…的同`` / ``志们…``)."""
    if not infos:
        return []
    return [False, *(bool(v) for v in _links(infos, _pairs(infos), 1)[:-1])]


def mark_units(units: Sequence[Unit], infos: Sequence[LineInfo]) -> None:
    """Set what the page's character pairs say about each unit: woven (most of its lines sit in
    columns printed across) and joined (its first line finishes a word the line above began)."""
    if not infos:
        return
    pairs = _pairs(infos)
    adjacent = _links(infos, pairs, 1)
    woven = _woven(adjacent, infos, pairs) if len(infos) >= 4 else [False] * len(infos)
    joined = [False, *(bool(v) for v in adjacent[:-1])]
    for u in units:
        u.woven = sum(woven[ln.index] for ln in u.lines) * 2 > len(u.lines)
        u.joined = joined[u.first.index]
