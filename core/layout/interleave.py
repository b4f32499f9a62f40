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

import itertools
import operator
import re
from collections.abc import Sequence
from typing import NamedTuple

from core.layout.features import LineInfo
from core.layout.units import Unit

WINDOW = 6  # lines either side that are counted
MIN_LINKS = 3  # line ends in a window that join the line two or three further down, at least
LEAD = 2  # ... and that many more than those that join the line just below


class _Ends(NamedTuple):
    """Each line's last and first character, where they are ideographs (else the empty string,
    which forms no pair)."""

    tails: list[str]
    heads: list[str]


def _ideographs(chars: Sequence[str]) -> list[str]:
    return [ch if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" else "" for ch in chars]


def _ends(infos: Sequence[LineInfo]) -> _Ends:
    tails = _ideographs([info.squeezed[-1:] for info in infos])
    return _Ends(tails, _ideographs([info.squeezed[:1] for info in infos]))


def _pairs(infos: Sequence[LineInfo], ends: _Ends) -> set[str]:
    """Character pairs printed inside lines of the page, of those the links can ask about: a
    character that ends some line before one that starts some line (one pass over the page)."""
    tails, heads = "".join(set(ends.tails)), "".join(set(ends.heads))
    if not tails or not heads:
        return set()
    pair = re.compile(f"(?=([{re.escape(tails)}][{re.escape(heads)}]))")
    return set(pair.findall("\n".join(info.squeezed for info in infos)))


def _links(ends: _Ends, pairs: set[str], step: int) -> list[int]:
    """``links[i]``: 1 when line ``i``'s last character and line ``i + step``'s first are ideographs
    that form a pair the page prints inside its lines."""
    linked = [1 if t + h in pairs else 0 for t, h in zip(ends.tails, ends.heads[step:], strict=False)]
    return linked + [0] * (len(ends.tails) - len(linked))


def _window_sums(values: Sequence[int]) -> list[int]:
    """Sum of ``values`` over the ``WINDOW`` lines either side of each line (prefix sums: linear)."""
    if not values:
        return []
    # prefix sums padded with ``WINDOW`` copies of their first and last value: no bounds to test
    prefix = [0] * (WINDOW + 1) + list(itertools.accumulate(values))
    prefix += [prefix[-1]] * WINDOW
    return list(map(operator.sub, prefix[2 * WINDOW + 1 :], prefix[: len(values)]))


def _woven(adjacent_links: Sequence[int], ends: _Ends, pairs: set[str]) -> list[bool]:
    adjacent = _window_sums(adjacent_links)
    skip2 = _window_sums(_links(ends, pairs, 2))
    skip3 = _window_sums(_links(ends, pairs, 3))
    return [max(b, c) >= MIN_LINKS and max(b, c) >= a + LEAD for a, b, c in zip(adjacent, skip2, skip3, strict=True)]


def woven_lines(infos: Sequence[LineInfo]) -> list[bool]:
    """``woven[i]``: line ``i`` sits in a stretch of columns printed across, line by line."""
    if len(infos) < 4:
        return [False] * len(infos)
    ends = _ends(infos)
    pairs = _pairs(infos, ends)
    return _woven(_links(ends, pairs, 1), ends, pairs)


def joined_lines(infos: Sequence[LineInfo]) -> list[bool]:
    """``joined[i]``: line ``i - 1`` ends on the first character and line ``i`` opens on the second
    of a pair the page prints inside its lines: a word cut at the line end (``…的同`` / ``志们…``)."""
    if not infos:
        return []
    ends = _ends(infos)
    return [False, *(bool(v) for v in _links(ends, _pairs(infos, ends), 1)[:-1])]


def mark_units(units: Sequence[Unit], infos: Sequence[LineInfo]) -> None:
    """Set what the page's character pairs say about each unit: woven (most of its lines sit in
    columns printed across) and joined (its first line finishes a word the line above began)."""
    if not infos:
        return
    ends = _ends(infos)
    pairs = _pairs(infos, ends)
    adjacent = _links(ends, pairs, 1)
    woven = _woven(adjacent, ends, pairs) if len(infos) >= 4 else [False] * len(infos)
    joined = [False, *(bool(v) for v in adjacent[:-1])]
    for u in units:
        u.woven = sum(woven[ln.index] for ln in u.lines) * 2 > len(u.lines)
        u.joined = joined[u.first.index]
