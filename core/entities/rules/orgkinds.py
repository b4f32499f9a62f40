"""Kinds of ORG candidates that are something else, each fixed by one general rule.

- a building or ground (X美术馆, X宾馆, X公园: ``venue_heads``) is a place: LOC;
- a group sent by an organisation or its seat (X代表团, X总部, X市中心: ``part_heads``) is not an
  organisation of its own: X is the entity (an ORG or a LOC), the head is dropped;
- after 第…次 a congress (第十五次全国代表大会) is one meeting of a body, an event: no ORG;
- nothing but words of kind before a generic head (服装加工厂, 商业银行, 外国公司, 嘉年华会) says
  what sort of unit, not which one: no ORG;
- a name between 《 and 》 is the title of a work (a newspaper as a publication): no ORG.

The word lists are general vocabulary in ``resources/entities`` (see its README).
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from core.entities.candidates import Candidate
from core.entities.jieba.tokenizer import dict_tag
from core.entities.pipeline import Segment
from core.entities.rules.gazetteer import Gazetteer
from core.entities.rules.names import is_han
from core.entities.rules.places import place_token
from core.entities.rules.wordlists import words

# 第十五次, 第2次: an ordinal count of meetings right before the candidate
_ORDINAL_TIMES_RE = re.compile(r"第[一二三四五六七八九十百零〇两\d０-９]{1,4}次(?:全体)?$")
# words starting with 大 that jieba may cut as 人大 + rest (人大搞, 人大力)
_DA_WORDS = frozenset({"大搞", "大力", "大量", "大批", "大多", "大都", "大幅", "大家", "大大", "大抓", "大办"})
# after an organisation's name these make it the name of a system or a doctrine (…制度)
_SYSTEM_WORDS = ("制度", "体制")
# a newspaper's or magazine's name ends so (not 报社: the organisation)
_PUBLICATION_HEADS = ("日报", "晚报", "早报", "周报", "画报", "杂志", "周刊", "月刊")
# a year just before the name: that year's volume (１９９８年的X日报, 今年度的X晚报)
_YEAR_BEFORE = ("年的", "年度的", "年度")
# longest place prefix tried when a seat word follows "place + organisation" (纽约 联合国 总部)
_PLACE_PREFIX_MAX = 5


def _ends_with_any(word: str, heads: frozenset[str]) -> str | None:
    """The longest entry of ``heads`` that ``word`` ends with, shorter than ``word``."""
    best: str | None = None
    for k in range(1, len(word)):
        if word[-k:] in heads:
            best = word[-k:]
    return best


def only_modifiers(text: str, modifiers: frozenset[str]) -> bool:
    """``text`` is one or more words of kind back to back (商业 信息, 服装)."""
    if not text:
        return False
    ok = [True] + [False] * len(text)
    for i in range(1, len(text) + 1):
        ok[i] = any(ok[j] and text[j:i] in modifiers for j in range(max(0, i - 4), i))
    return ok[len(text)]


def generic_org(word: str) -> bool:
    """商业银行, 服装加工厂, 外国公司: words of kind, then a generic organisation head."""
    heads, modifiers = words("generic_heads"), words("generic_modifiers")
    if word in heads:
        return True  # 加工厂, 敬老院 alone
    return any(word[-k:] in heads and only_modifiers(word[:-k], modifiers) for k in range(1, len(word)))


def _seat_parts(seg: Segment, c: Candidate, rest_end: int, by_span: set[tuple[int, int]]) -> list[Candidate]:
    """What stands for X in X代表团 / X总部: candidates already on X, else X typed by the lists."""
    gaz = seg.gaz
    if (c.start, rest_end) in by_span:
        return []  # another candidate already covers X exactly: it stays, this one goes
    rest = seg.text[c.start : rest_end]
    if len(rest) < 2:
        return []
    if gaz.is_place(rest):
        return [dataclasses.replace(c, end=rest_end, type="LOC")]
    if rest not in gaz.orgs:
        for k in range(min(_PLACE_PREFIX_MAX, len(rest) - 2), 1, -1):
            if (gaz.is_place(rest[:k]) or dict_tag(rest[:k]) == "ns") and rest[k:] in words("standalone_orgs"):
                # 日内瓦 世界卫生组织 总部: the city and the organisation, each its own entity
                return [
                    dataclasses.replace(c, end=c.start + k, type="LOC"),
                    dataclasses.replace(c, start=c.start + k, end=rest_end),
                ]
    if rest in gaz.orgs or gaz.org_suffix(rest):
        return [dataclasses.replace(c, end=rest_end)]
    return []


def _known_overlap(text: str, c: Candidate, gaz: Gazetteer) -> Candidate:
    """团 + 中央书记处: one or two characters before the name start a known organisation that
    ends inside it (团中央): the name is the longer one."""
    for k in (1, 2):
        s = c.start - k
        if s < 0 or not is_han(text[s]):
            break
        if any(text[s : c.start + n] in gaz.orgs for n in range(1, min(4, c.end - c.start))):
            return dataclasses.replace(c, start=s)
    return c


def _publication(text: str, c: Candidate) -> bool:
    """1999年的光明日报, 晚报发行量: a newspaper's circulation or a year's volume is the
    publication, not the organisation that makes it."""
    if not text.endswith(_PUBLICATION_HEADS, c.start, c.end):
        return False
    after = words("publication_after")
    if any(text[c.end : c.end + n] in after for n in (2, 3, 4, 5)):
        return True
    return text.endswith(_YEAR_BEFORE, 0, c.start)


def org_kinds(seg: Segment, cands: list[Candidate]) -> list[Candidate]:
    """Venues retyped LOC; delegations and seats cut back to their owner; meetings, kinds of
    unit and titles of works dropped."""
    text, gaz = seg.text, seg.gaz
    venues, parts, meetings = words("venue_heads"), words("part_heads"), words("ordinal_meetings")
    by_span = {(c.start, c.end) for c in cands if c.type in ("ORG", "LOC")}
    out: list[Candidate] = []
    for c in cands:
        if c.type != "ORG":
            out.append(c)
            continue
        c = _known_overlap(text, c, gaz)
        word = text[c.start : c.end]
        part = _ends_with_any(word, parts)
        if part is not None:
            out.extend(_seat_parts(seg, c, c.end - len(part), by_span))
            continue
        if text[c.start - 1 : c.start] == "《" and text[c.end : c.end + 1] == "》":
            continue
        if word.endswith("人大") and text[c.end - 1 : c.end + 1] in _DA_WORDS:
            continue  # 村人大搞建设: 大搞 is the verb, 人大 a wrong cut
        if text.startswith(_SYSTEM_WORDS, c.end):
            continue  # 人民代表大会制度: the system named after a body, not the body itself
        if _publication(text, c):
            continue
        if word in gaz.orgs:
            out.append(c)
            continue
        if _ends_with_any(word, venues) is not None:
            out.append(dataclasses.replace(c, type="LOC"))
            continue
        if any(word.endswith(m) for m in meetings) and _ORDINAL_TIMES_RE.search(text, max(0, c.start - 8), c.start):
            continue
        if generic_org(word):
            continue
        out.append(c)
    return out


def fused_named_committees(seg: Segment) -> list[Candidate]:
    """贵州 省委书记: jieba fused the committee into the title word, but a place names it: the
    place and the committee are one ORG (贵州省委), the title is not tagged."""
    toks, gaz = seg.tokens, seg.gaz
    out: list[Candidate] = []
    for i in range(1, len(toks)):
        t = toks[i]
        if len(t.word) <= 2 or t.word[1] != "委":
            continue  # one test for the common case: no committee head with a title after it
        prev = toks[i - 1]
        head, title = t.word[:2], t.word[2:]
        if head not in ("省委", "市委", "县委", "区委", "州委") or not title or title not in gaz.titles:
            continue
        if place_token(prev, gaz):
            out.append(Candidate(prev.start, t.start + 2, "ORG", "rule", 0.8))
    return out


# tokens that may stand between a place and a venue (滨江 商厦, 儿童 公园): names and nouns
_VENUE_INNER = frozenset({"n", "nz", "ns", "new", "j", "nr"})
# first characters of a quantifier or determiner (各大公园, 全市广场): not one named venue
_DETERMINERS = frozenset("各全本该每这那某其此诸几多")
# a street is a place too when a city's name comes before it (哈尔滨 中央大街)
_STREETS = ("大街", "大道")


@lru_cache(maxsize=4)
def _last_chars(heads: frozenset[str]) -> frozenset[str]:
    return frozenset(h[-1] for h in heads) | frozenset(s[-1] for s in _STREETS)


def venue_places(seg: Segment) -> list[Candidate]:
    """哈尔滨市 儿童公园, 天津 滨江 商厦, 全国政协 礼堂: a place (or an organisation), at most one
    name, then a building or ground is one LOC, the longest name (the city is part of it)."""
    toks, gaz = seg.tokens, seg.gaz
    venues = words("venue_heads")
    lasts = _last_chars(venues)
    out: list[Candidate] = []
    for k, u in enumerate(toks):
        w = u.word
        if w[-1] not in lasts:
            continue  # one set lookup for the common case: no venue word ends so
        if not (_ends_with_any(w, venues) is not None or w in venues or w.endswith(_STREETS)) or w[0] in _DETERMINERS:
            continue  # 各大公园: some venues, not one
        start: int | None = None
        for i in (k - 1, k - 2):
            if i < 0:
                break
            t = toks[i]
            if t.word.endswith("洲"):
                break  # 欧洲 大厦: a continent's "building" is a figure of speech
            if place_token(t, gaz) or (t.word in gaz.orgs and i == k - 1):
                start = t.start  # the furthest place wins: 天津 滨江 商厦
                if t.word in gaz.divisions:
                    break  # 冰城 哈尔滨市 儿童公园: a city's full name starts the venue's
            elif (
                t.flag not in _VENUE_INNER
                or gaz.org_suffix(t.word)
                or t.word in gaz.titles
                or t.word[0] in _DETERMINERS
            ):
                break  # 京城 各大 公园: some venues of the city, not one
        if start is not None:
            out.append(Candidate(start, u.end, "LOC", "rule", 0.7))
    return out
