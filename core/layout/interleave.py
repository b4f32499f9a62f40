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
import sys
from collections.abc import Sequence
from typing import NamedTuple

from core.layout.features import LineInfo
from core.layout.units import Unit

WINDOW = 6  # lines either side that are counted
MIN_LINKS = 3  # line ends in a window that join the line two or three further down, at least
LEAD = 2  # ... and that many more than those that join the line just below


class _Ends(NamedTuple):
    """Each line's last and first character as a number, where they are ideographs (else 0, which
    forms no pair): ``tails`` the code of the last one, ``heads`` the code of the first one moved
    up 16 bits, so that ``tail | head`` is the number ``pair_codes`` gives the two side by side."""

    tails: list[int]
    heads: list[int]


_UTF16 = "utf-16-le" if sys.byteorder == "little" else "utf-16-be"  # code units in this machine's order
_NOT_IDEOGRAPH = re.compile("[^\u4e00-\u9fff\u3400-\u4dbf]")
_NUL = "\x00"


def _ideograph_codes(chars: Sequence[str], shift: int) -> list[int]:
    """``ord(ch) << shift`` of each character that is an ideograph, else 0 (an empty string too),
    all read at once from the characters' code units (every other character made a NUL first, so
    that each is one unit)."""
    units = _NOT_IDEOGRAPH.sub(_NUL, "".join([ch or _NUL for ch in chars])).encode(_UTF16)
    codes = memoryview(units).cast("H").tolist()
    return codes if not shift else list(map((1 << shift).__mul__, codes))


def _ends(infos: Sequence[LineInfo]) -> _Ends:
    tails = _ideograph_codes([info.squeezed[-1:] for info in infos], 0)
    return _Ends(tails, _ideograph_codes([info.squeezed[:1] for info in infos], 16))


def pair_codes(text: str) -> set[int]:
    """Every two neighbouring UTF-16 code units of ``text`` as one number (the first in the low 16
    bits): for two characters of the Basic Multilingual Plane (ideographs are), ``ord(a) | ord(b)
    << 16`` is in the set exactly when ``text`` prints ``ab``.  The text is read as 32-bit numbers
    twice, from its first unit and from its second, so that the set is made in C, with no string
    per pair: several times faster than finding the pairs with a regular expression."""
    data = text.encode(_UTF16)
    out: set[int] = set()
    for start in (0, 2):  # (bytes: one code unit in)
        stop = start + (len(data) - start) // 4 * 4
        words = memoryview(data)[start:stop].cast("I")
        out.update(words if sys.byteorder == "little" else (w >> 16 | (w & 0xFFFF) << 16 for w in words))
    return out


def _pairs(infos: Sequence[LineInfo]) -> set[int]:
    """Character pairs printed inside lines of the page (``pair_codes``; the lines joined with a
    newline, which no pair the links ask about holds).  NUL characters are read as newlines: then
    no pair has a half of 0, and a line end that is no ideograph (code 0) links to nothing."""
    return pair_codes("\n".join([info.squeezed for info in infos]).replace(_NUL, "\n"))


def _links(ends: _Ends, pairs: set[int], step: int) -> list[bool]:
    """``links[i]``: line ``i``'s last character and line ``i + step``'s first are ideographs that
    form a pair the page prints inside its lines (a code with a half of 0 is in no ``_pairs``)."""
    linked = list(map(pairs.__contains__, map(operator.or_, ends.tails, ends.heads[step:])))
    return linked + [False] * (len(ends.tails) - len(linked))


def _window_sums(values: Sequence[int | bool]) -> list[int]:
    """Sum of ``values`` over the ``WINDOW`` lines either side of each line (prefix sums: linear)."""
    if not values:
        return []
    # prefix sums padded with ``WINDOW`` copies of their first and last value: no bounds to test
    prefix = [0] * (WINDOW + 1) + list(itertools.accumulate(values))
    prefix += [prefix[-1]] * WINDOW
    return list(map(operator.sub, prefix[2 * WINDOW + 1 :], prefix[: len(values)]))


def _woven(adjacent_links: Sequence[bool], ends: _Ends, pairs: set[int]) -> list[bool]:
    """Lines where the links two or three lines down outnumber the links to the next line (the
    maxima taken in C; only lines with ``MIN_LINKS`` such links looked at further)."""
    skip = list(map(max, _window_sums(_links(ends, pairs, 2)), _window_sums(_links(ends, pairs, 3))))
    woven = [False] * len(skip)
    if max(skip, default=0) < MIN_LINKS:
        return woven
    adjacent = _window_sums(adjacent_links)
    for i in itertools.compress(range(len(skip)), map(MIN_LINKS.__le__, skip)):
        woven[i] = skip[i] >= adjacent[i] + LEAD
    return woven


def woven_lines(infos: Sequence[LineInfo]) -> list[bool]:
    """``woven[i]``: line ``i`` sits in a stretch of columns printed across, line by line."""
    if len(infos) < 4:
        return [False] * len(infos)
    ends = _ends(infos)
    pairs = _pairs(infos)
    return _woven(_links(ends, pairs, 1), ends, pairs)


def joined_lines(infos: Sequence[LineInfo]) -> list[bool]:
    """``joined[i]``: line ``i - 1`` ends on the first character and line ``i`` opens on the second
    of a pair the page prints inside its lines: a word cut at the line end (``…的同`` / ``志们…``)."""
    if not infos:
        return []
    ends = _ends(infos)
    return [False, *_links(ends, _pairs(infos), 1)[:-1]]


def mark_units(units: Sequence[Unit], infos: Sequence[LineInfo]) -> None:
    """Set what the page's character pairs say about each unit: woven (most of its lines sit in
    columns printed across) and joined (its first line finishes a word the line above began)."""
    if not infos:
        return
    ends = _ends(infos)
    pairs = _pairs(infos)
    adjacent = _links(ends, pairs, 1)
    woven = _woven(adjacent, ends, pairs) if len(infos) >= 4 else [False] * len(infos)
    joined = [False, *adjacent[:-1]]
    any_woven = any(woven)  # (most pages have none: no count per unit)
    for u in units:
        u.woven = any_woven and sum(woven[ln.index] for ln in u.lines) * 2 > len(u.lines)
        u.joined = joined[u.first.index]
