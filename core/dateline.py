"""Datelines (``本报4月20日讯（记者黄鹭）``, ``新华社北京4月20日电``) and their parts, with raw spans."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

_DIGIT = r"[0-9０-９〇○零一二三四五六七八九十两]"
_DATE = rf"(?:{_DIGIT}{{2,4}}年)?(?:{_DIGIT}{{1,3}}月)?{_DIGIT}{{1,3}}日"
_AGENCY = (
    r"本报|本刊|新华社|中新社|中通社|人民网|新华网|央视网|中央社|法新社|美联社|路透社|塔斯社|共同社"
    r"|[\u4e00-\u9fff]{1,6}(?:日报|晚报|时报|商报|青年报|通讯社|新闻社|电视台|电台|新闻网)"
)
_PEOPLE = r"(?:本报|新华社|特派|驻[\u4e00-\u9fff]{1,6})?(?:记者|通讯员|特约记者|实习生|见习记者)"
_RE = re.compile(
    rf"^(?P<lead>[ \u3000]*(?:据)?)"
    rf"(?P<source>{_AGENCY})"
    rf"(?P<place>(?:驻[\u4e00-\u9fff]{{1,6}}记者)?[\u4e00-\u9fff]{{1,8}}?)??"
    rf"(?P<date>{_DATE})?"
    rf"(?P<kind>专电|讯|电)"
    rf"(?P<reporter>[（(](?P<people>[^）)\n]{{1,40}})[）)])?"
)
_START = re.compile(rf"^[ \u3000]*(?:据)?(?:{_AGENCY})")
_NAME_SPLIT = re.compile(rf"{_PEOPLE}|[、，,\s]+|报道|摄影?|和|及")


@dataclass(frozen=True, slots=True)
class DatelineParts:
    """Offsets are relative to the string given to ``find_dateline``."""

    start: int
    end: int
    source: tuple[int, int]
    place: tuple[int, int] | None
    date: tuple[int, int] | None
    reporters: tuple[tuple[int, int], ...]


_AGENCY_LAST = re.compile("[报刊社网台]")  # every source in ``_AGENCY`` ends on one of these ...
_AGENCY_SPAN = 10  # ... at most this many characters in (``据`` and six characters before ``青年报``)


def could_open(s: str) -> bool:
    """``s`` starts with a news source: a dateline may open it (cheap test before the full one)."""
    if not s.startswith((" ", "\u3000")) and _AGENCY_LAST.search(s, 0, _AGENCY_SPAN) is None:
        return False  # (a first test that needs no backtracking, as most lines open no dateline)
    return _START.match(s) is not None


# the start of a line whose first ``_AGENCY_SPAN`` characters hold one of those last characters
_AGENCY_LAST_NEAR_START = re.compile(f"^[^\n]{{0,{_AGENCY_SPAN - 1}}}{_AGENCY_LAST.pattern}", re.MULTILINE)


def could_open_lines(joined: str, starts: Sequence[int]) -> set[int]:
    """Indices of the lines of ``joined`` (lines with no leading space, joined by newlines, line
    ``k`` starting at ``starts[k]``) that ``could_open`` may pass, found in one pass over the page:
    most lines cannot, and need not be asked one by one.  (A line with a leading space may open a
    dateline too: not found here.)"""
    return {bisect.bisect_right(starts, m.start()) - 1 for m in _AGENCY_LAST_NEAR_START.finditer(joined)}


def find_dateline(s: str) -> DatelineParts | None:
    """The dateline that opens ``s`` (a paragraph's first line or its reflowed text), if any."""
    if not could_open(s):
        return None
    m = _RE.match(s)
    if m is None:
        return None
    source = m.span("source")
    kind = m.group("kind")
    if m.group("source") in ("本报", "本刊") and kind != "讯" and m.group("date") is None:
        return None
    if kind == "电" and m.group("date") is None:
        return None
    place = m.span("place") if m.group("place") else None
    if place is not None and kind == "讯" and m.group("source") not in ("本报", "本刊") and m.group("date") is None:
        return None  # ``XX报 <place> 讯`` without a date is rare: don't read prose as a dateline
    date = m.span("date") if m.group("date") else None
    reporters: list[tuple[int, int]] = []
    if m.group("people"):
        ps, pe = m.span("people")
        pos = ps
        for piece in _NAME_SPLIT.finditer(s, ps, pe):
            if piece.start() > pos:
                reporters.append((pos, piece.start()))
            pos = piece.end()
        if pos < pe:
            reporters.append((pos, pe))
        reporters = _join_padded(s, reporters)
        reporters = [(a, b) for a, b in reporters if 2 <= b - a - _spaces(s, a, b) <= 4]
    end = m.end()
    return DatelineParts(m.start("source"), end, source, place, date, tuple(reporters))


def _spaces(s: str, a: int, b: int) -> int:
    return sum(ch.isspace() for ch in s[a:b])


def _join_padded(s: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A two-character name padded to three with a space (``记者 刘 洋``) is one name."""
    out: list[tuple[int, int]] = []
    for a, b in pieces:
        if out and b - a == 1 and out[-1][1] - out[-1][0] == 1 and s[out[-1][1] : a].isspace():
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def dateline_fields(s: str, parts: DatelineParts) -> dict[str, object]:
    """The dateline's parts as export fields: source, place, date, reporters."""

    def cut(span: tuple[int, int] | None) -> str:
        return "".join(s[span[0] : span[1]].split()) if span else ""

    return {
        "source": cut(parts.source),
        "place": cut(parts.place),
        "date": cut(parts.date),
        "reporters": [cut(r) for r in parts.reporters],
    }
