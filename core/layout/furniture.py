"""Page furniture: folios, dates, edition labels and editor credits that belong to no article."""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Sequence

from core.layout.features import LineInfo

_D = r"[0-9０-９〇○一二三四五六七八九十]"
_CREDITS = ("责任编辑", "责编", "本版编辑", "美术编辑", "版式设计", "版面设计", "校对", "图片编辑", "本版主编")
_CREDIT_FIRST = frozenset(c[0] for c in _CREDITS)  # cheap test before the expression
_ANYWHERE = re.compile(rf"^(?:{'|'.join(_CREDITS)})[：:].{{1,30}}$")
_EDGE = re.compile(
    rf"^(?:第\s*{_D}{{1,3}}\s*版(?:[：:·\s].{{0,12}})?"  # 第4版 / 第4版：要闻
    rf"|{_D}{{1,3}}\s*版"
    rf"|(?:{_D}{{4}}\s*年\s*)?{_D}{{1,2}}\s*月\s*{_D}{{1,3}}\s*日"
    rf"\s*(?:星期|周)[一二三四五六日天](?:\s*.{{0,16}})?"
    rf"|(?:农历|夏历).{{2,16}}"
    rf"|[\u4e00-\u9fff]{{2,6}}(?:日报|晚报|时报)(?:\s*第?\s*{_D}{{1,3}}\s*版)?"
    rf"|-?\s*{_D}{{1,3}}\s*-?)$"
)
EDGE_LINES = 3  # how far from the top or bottom of the page furniture is looked for


_TEXT = operator.attrgetter("text")
_FIRST = operator.itemgetter(slice(0, 1))


def furniture(infos: Sequence[LineInfo]) -> set[int]:
    """Line numbers of page furniture: editor credits anywhere, folios and dates at the edges.
    (The lines that can be credits are picked by their first character in C, with no Python step
    per line: most of a page's lines are none.)"""
    out: set[int] = set()
    n = len(infos)
    credits = itertools.compress(itertools.count(), map(_CREDIT_FIRST.__contains__, map(_FIRST, map(_TEXT, infos))))
    for k in {*credits, *range(min(EDGE_LINES, n)), *range(max(0, n - EDGE_LINES), n)}:
        info = infos[k]
        at_edge = k < EDGE_LINES or k >= n - EDGE_LINES
        text = " ".join(info.text.split())
        if _ANYWHERE.match(text) or (at_edge and len(info.squeezed) <= 30 and _EDGE.match(text)):
            out.add(info.number)
    return out
