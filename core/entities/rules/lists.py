"""Lists (``X、Y、Z``): a member takes the type of its neighbours when it has the shape of one.

Newspapers list people (``史大桢、高严、石秀诗等``) and places (``汾阳、临县、中阳、兴县``) with
a title or a suffix on few members, or none; one recognised member says what the others are.
A list often opens right after a title (``记者贾建舟、刘磊报道``) and closes with 等 or a verb,
so the first member is cut to the name that ends it and the last loses its closing word.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from core.entities.candidates import Candidate
from core.entities.jieba.tokenizer import Token
from core.entities.rules.gazetteer import Gazetteer
from core.entities.rules.names import NAME_FLAGS, PUNCT_BREAK, han_word, person_shape

# words that close a list without belonging to its last member (石秀诗等, 刘磊报道)
_CLOSERS = ("等人", "等", "报道", "摄")
# characters that end a county- or township-level name in a list (临县, 兴县, 西营镇)
_ADMIN_END = frozenset("县市区州旗镇乡村")
# first characters of a description, not a name (各县, 全市, 本村)
_NOT_NAME_START = frozenset("各全本该每这那某其此")
# what separates members (、) or closes a list (a break, 和/及/与): one regex pass over the text
_SEPARATOR = re.compile("[" + re.escape("".join(sorted(PUNCT_BREAK | {"、", "和", "及", "与"}))) + "]")


def listed_names(text: str, toks: Sequence[Token], cands: Sequence[Candidate], gaz: Gazetteer) -> list[Candidate]:
    """Members of ``X、Y、Z`` lists that look like names (places) when another member is one."""
    if "、" not in text:
        return []  # every list has a 、 between two members (和/及/与 alone join two, no list)
    spans = {
        "PER": {(c.start, c.end) for c in cands if c.type == "PER"},
        "LOC": {(c.start, c.end) for c in cands if c.type == "LOC"},
    }
    # the PER starts ending at each position (sorted), and the LOC starts: lookups, not scans
    per_by_end: dict[int, list[int]] = {}
    for ps, pe in sorted(spans["PER"]):
        per_by_end.setdefault(pe, []).append(ps)
    per_by_start: dict[int, list[int]] = {}
    for ps, pe in spans["PER"]:
        per_by_start.setdefault(ps, []).append(pe)
    # 开往长春、延吉: the first member may end in a place too
    name_by_end: dict[int, list[int]] = {}
    for ps, pe in sorted(spans["PER"] | spans["LOC"]):
        name_by_end.setdefault(pe, []).append(ps)
    loc_starts = {ls for ls, _ in spans["LOC"]}
    ns = {(t.start, t.end) for t in toks if t.flag == "ns"}
    named = {(t.start, t.end) for t in toks if t.flag in NAME_FLAGS}  # a name (or an unknown word) to jieba
    out: list[Candidate] = []
    bounds: list[tuple[int, int]] = []  # the members' raw spans; trimmed only when they make a list
    start = 0
    for m in _SEPARATOR.finditer(text + "。"):
        i = m.start()
        bounds.append((start, i))
        if m.group() != "、":
            if len(bounds) >= 2:
                items = [_trimmed(text, s, e, name_by_end if k == 0 else per_by_end) for k, (s, e) in enumerate(bounds)]
                s, e = items[-1]
                if s in per_by_start and (s, e) not in spans["PER"]:
                    items[-1] = (s, min(per_by_start[s]))  # 马烽、西戎同志创作: the last member's name
                _people(text, items, spans["PER"], named, gaz, out)
                area = _area_counted(text, items)
                counted = _counted_places(text, items) or area
                _places(text, items, spans, loc_starts, ns, gaz, out, counted, area)
            bounds = []
        start = i + 1
    return out


# a count of places closing a list (离石、方山、中阳三县市, 甲、乙两省): the members are places
_PLACE_COUNT = re.compile(r"[两二三四五六七八九十几]个?(?:县市|市县|县区|省区|省市|地市|乡镇|县|市|省|区|国|乡|镇|村)")


# 等 and a count of areas closing a list (大埔、X围等７个地区, 甲、乙等十个城市): the members are places
_AREA_COUNT = re.compile(r"等[０-９0-9两二三四五六七八九十几百]+个?(?:地区|城市|国家|省份|省区|省市|县市|地方|乡镇)")


def _area_counted(text: str, items: list[tuple[int, int]]) -> bool:
    """True if 等 and a count of areas follow the last member right away."""
    return _AREA_COUNT.match(text, items[-1][1]) is not None


def _counted_places(text: str, items: list[tuple[int, int]]) -> bool:
    """Cut the last member before a count of places (中阳|三县市); True if one closes the list."""
    s, e = items[-1]
    m = _PLACE_COUNT.search(text, s + 2, e)
    if m is None or m.start() > s + 4:
        return False
    items[-1] = (s, m.start())
    return True


def _first_place(text: str, s: int, e: int, gaz: Gazetteer) -> tuple[int, int]:
    """The place ending the first member (扩展到了|离石): its longest known tail, else the member."""
    for k in range(min(4, e - s - 1), 1, -1):
        tail = text[e - k : e]
        if gaz.is_place(tail) or tail in gaz.county_short:
            return (e - k, e)
    return (s, e)


def _trimmed(text: str, s: int, e: int, per_by_end: dict[int, list[int]]) -> tuple[int, int]:
    """The member inside ``[s, e)``: a name that ends the text before it, no closing word."""
    for closer in _CLOSERS:
        if text.endswith(closer, s, e) and e - len(closer) - s >= 2:
            e -= len(closer)
            break
    else:
        cut = text.find("等", s + 2, e)  # 兴县等许多地方: the list ends at 等
        e = cut if cut > 0 else e
    starts = per_by_end.get(e, [])
    k = bisect.bisect_right(starts, s)
    return (starts[k], e) if k < len(starts) else (s, e)


def _people(
    text: str,
    items: list[tuple[int, int]],
    per: set[tuple[int, int]],
    named: set[tuple[int, int]],
    gaz: Gazetteer,
    out: list[Candidate],
) -> None:
    if not any(it in per for it in items):
        return
    for s, e in items:
        word = text[s:e]
        if (s, e) in per or not 2 <= e - s <= 4:
            continue
        if (e - s <= 3 and person_shape(word, gaz) >= 0.6) or (
            (s, e) in named and not gaz.is_place(word) and word not in gaz.not_names and word not in gaz.titles
        ):
            # above jieba's ns by shape (阳安江 among names is a name, not a river); a whole word
            # jieba reads as a name needs no surname (布赫/new among names)
            out.append(Candidate(s, e, "PER", "rule", 0.68))


def _places(
    text: str,
    items: list[tuple[int, int]],
    spans: dict[str, set[tuple[int, int]]],
    loc_starts: set[int],
    ns: set[tuple[int, int]],
    gaz: Gazetteer,
    out: list[Candidate],
    counted: bool = False,
    area: bool = False,
) -> None:
    """``汾阳、临县、中阳、兴县``: jieba's ns words and X县 names listed beside a known place.

    A known place opening any member (华南 in 华南大部) is enough; a list of three or more members
    that all have a place's shape needs none.
    """
    if any(it in spans["PER"] for it in items):
        return
    if counted and not _place_shaped(text, *items[0], ns, gaz):
        items = [_first_place(text, *items[0], gaz), *items[1:]]
    starts = {s for s, _ in items}
    known = counted or any(s in loc_starts for s in starts)
    shaped = [(s, e) for s, e in items if _place_shaped(text, s, e, ns, gaz, area)]
    if not shaped or not (known or (len(items) >= 3 and len(shaped) == len(items))):
        return
    out.extend(Candidate(s, e, "LOC", "rule", 0.6) for s, e in shaped if (s, e) not in spans["LOC"])


def _place_shaped(text: str, s: int, e: int, ns: set[tuple[int, int]], gaz: Gazetteer, area: bool = False) -> bool:
    """A member shaped like a place; in a list closed by 等 and a count of areas any short name is."""
    word = text[s:e]
    if not 2 <= e - s <= 4 or word[0] in _NOT_NAME_START or word in gaz.orgs or all(c in "东西南北中" for c in word):
        return False  # 东南: a direction
    if not han_word(word):
        return False
    if area and e - s <= 3:
        return True  # 大埔、天水围等７个地区: the count says what the members are
    return (s, e) in ns or gaz.is_place(word) or word in gaz.county_short or (word[-1] in _ADMIN_END and e - s <= 3)
