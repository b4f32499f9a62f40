"""Rules for names jieba knows but the older layers drop, whole organisations, and false alarms.

- ``titled_names``: a name followed by its title (``受张德江委员长委托``, ``王晨副委员长``) is a
  name even when no title stands before it; jieba's two-character dictionary names (李鹏) and
  its unknown words (王晨/new) are taken only with that anchor.
- ``byline_names``: a segment that is nothing but names (a byline line ``王小明 李华``, with or
  without ``本报记者``) is those names.
- ``nicknames``: 小王, 老李: 小/老 and a common surname used as a name, before a verb or a break.
- ``numbered_units``: a place, an ordinal and a unit (``湖南省长沙县第一中学``) is one ORG.
- ``absorb_orgs``: the guide's longest-name rule: a place right before an organisation joins it
  (``湖南省`` + ``长沙县第一中学``), and an organisation continues into the department after it
  (``交通运输部`` + ``规划研究院``).
- ``drop_false_alarms``: generic phrases (中小企业, 有关部门), a place inside a demonym (上海人),
  and a transliterated name that is a known place typed PER (it is a LOC).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from functools import lru_cache

from core.entities.candidates import Candidate
from core.entities.jieba.tokenizer import Token, dict_tag, in_dictionary, word_freq
from core.entities.pipeline import Segment
from core.entities.rules.gazetteer import Gazetteer
from core.entities.rules.names import AFTER_ONLY_TITLES, NOT_IN_GIVEN, SPEECH_VERBS, han_word, is_han, person_shape
from core.entities.rules.orgs import org_word
from core.entities.rules.persons import split_names
from core.entities.rules.places import GENERIC, place_token
from core.entities.rules.wordlists import words

# a byline line is short: a credit word and a few names
_BYLINE_MAX = 16
_BYLINE_PREFIXES = ("本报记者", "本报通讯员", "新华社记者", "特约记者", "本报特约记者", "记者", "通讯员", "文/", "文／")
# tokens that may stand between a department and the unit it holds (规划 研究院, 刑事 侦查局)
_INNER_MAX = 2
# a department or unit after its parent is short (规划研究院, 新闻司, 刑事侦查局)
_DEPARTMENT_MAX = 8
_INNER_FLAGS = frozenset({"n", "nz", "j", "b", "ng", "l"})
_NICK_HEADS = frozenset("小老")
# words after a nickname that show it is the subject or one of a list (老李 都 去, 小王、小张)
_NICK_NEXT = frozenset({"、", "和", "等", "也", "都", "就", "又", "还", "正", "在", "是"})
# jieba tags of a one-character word that is a preposition, conjunction, adverb or verb here (由, 和, 但)
_NOT_SURNAME_TAGS = frozenset("pcdvur")
# above this jieba frequency a 小X/老X word is an ordinary word (小康 735), below a name (老李 298)
_NICK_MAX_FREQ = 400


def _title_at(toks: Sequence[Token], j: int, gaz: Gazetteer) -> bool:
    if j >= len(toks):
        return False
    w = toks[j].word
    return w in gaz.titles or (w == "副" and j + 1 < len(toks) and toks[j + 1].word in gaz.titles)


def _glued_surname(word: str) -> bool:
    """受华: a preposition or verb of one character, then a surname."""
    return (dict_tag(word[0]) or "x")[0] in "pv" and (dict_tag(word[1]) or "x")[0] not in _NOT_SURNAME_TAGS


def titled_names(seg: Segment) -> Iterable[Candidate]:
    """``张德江委员长``, ``李鹏总理``, ``王晨副委员长``: a name-shaped word right before a title."""
    toks, gaz = seg.tokens, seg.gaz
    out: list[Candidate] = []
    titles, n = gaz.titles, len(toks)
    for i, t in enumerate(toks):
        # ``_title_at(toks, i + 1)`` only for the few tokens followed by a title or 副
        if not 2 <= len(t.word) <= 3 or i + 1 >= n or (toks[i + 1].word not in titles and toks[i + 1].word != "副"):
            continue
        if not _title_at(toks, i + 1, gaz):
            continue
        known = t.flag in ("nr", "nrfg") or dict_tag(t.word) in ("nr", "nrfg")
        prev = toks[i - 1] if i > 0 else None
        if prev is not None and prev.flag == "new" and len(prev.word) == 2 and _glued_surname(prev.word):
            # 受华/new 黎明 大使: the HMM glued a preposition to the surname
            prev = Token(prev.word[1], "x", prev.start + 1, prev.end)
        if (
            len(t.word) == 2
            and prev is not None
            and len(prev.word) == 1
            and prev.word in gaz.surnames
            and (dict_tag(prev.word) or "x")[0] not in _NOT_SURNAME_TAGS
            and (not gaz.is_place(t.word) or prev.flag in ("nr", "nrfg"))  # 李/nr 长江 同志
            and t.word not in gaz.orgs
            and t.word + toks[i + 1].word not in gaz.titles
            and person_shape(prev.word + t.word, gaz) > 0
        ):
            # 受华黎明大使之邀: a one-character surname and a given name that is also a word
            out.append(Candidate(prev.start, t.end, "PER", "rule", 0.75))
            continue
        if not gaz.surname_len(t.word) or person_shape(t.word, gaz) <= 0:
            continue
        if known or t.flag == "new" or not in_dictionary(t.word):
            out.append(Candidate(t.start, t.end, "PER", "rule", 0.8))
    return out


# words after which a lone surname before a title is the person (的 曲 同志, 想起了 马 厂长)
_SURNAME_BEFORE = frozenset({"的", "了", "位", "，", "、", "“", "‘", "："})


# titles of a group, and offices printed after a country's one-character short form (乌 外长, 美
# 总统): a lone character before them is no surname
_NOT_AFTER_SURNAME = words("not_after_surname")


def _framed_surname(toks: Sequence[Token], i: int, gaz: Gazetteer) -> bool:
    """A one-character word that is a surname, between 的/了/a break and the title of one
    person (厂长, 同志): the person, though jieba reads the character as a noun or a measure."""
    t = toks[i]
    if len(t.word) != 1 or t.word not in gaz.surnames or i == 0 or i + 1 >= len(toks):
        return False
    nxt = toks[i + 1].word
    after = toks[i + 2].word if i + 2 < len(toks) else ""
    personal = nxt in gaz.titles and nxt not in _NOT_AFTER_SURNAME and after != "们"
    return personal and toks[i - 1].word[-1:] in _SURNAME_BEFORE and t.flag in ("n", "q", "ng", "zg", "nr")


def surname_titles(seg: Segment) -> Iterable[Candidate]:
    """江主席, 胡老师: a surname standing alone (jieba tags it nr by itself) before a title is the
    person, named by the surname only; a character that is also a preposition or verb (向, 对)
    is not tagged nr alone and is left out."""
    toks, gaz = seg.tokens, seg.gaz
    out: list[Candidate] = []
    common, surnames = gaz.common_surnames, gaz.surnames
    for i, t in enumerate(toks):
        w = t.word
        if w[0] not in common or dict_tag(w[0]) != "nr":
            if len(w) == 1 and w in surnames and _framed_surname(toks, i, gaz):  # (cheap tests first)
                out.append(Candidate(t.start, t.end, "PER", "rule", 0.6))  # 想起了 马/n 厂长
            continue
        if i > 0 and is_han(toks[i - 1].word[-1]) and toks[i - 1].flag in ("nr", "nrfg", "new"):
            continue  # part of a longer name jieba cut in pieces (王 江主席)
        # the surname and the title as two tokens, or glued into one (江主席/n)
        nxt = toks[i + 1].word if len(w) == 1 and i + 1 < len(toks) else w[1:]
        if nxt in gaz.titles and (len(w) == 1 or t.flag not in ("nr", "nrfg", "nrt")):
            out.append(Candidate(t.start, t.start + 1, "PER", "rule", 0.6))
    return out


# words before a name that introduce it (一位叫王明的老人, 名叫李华)
_NAMING_VERBS = frozenset({"叫", "名叫", "叫做", "名为"})
_COMRADE = frozenset({"同志", "先生", "女士"})


_ADDRESSED_FLAGS = frozenset({"nr", "nrfg", "new"})


def addressed_names(seg: Segment) -> Iterable[Candidate]:
    """西戎同志, 叫王明的: a name word before 同志/先生/女士 or after 叫/名叫, even a pen name
    with no surname; jieba must read it as a name or an unknown word (not 老同志, 女 同志)."""
    toks, gaz = seg.tokens, seg.gaz
    out: list[Candidate] = []
    for i in [k for k, t in enumerate(toks) if t.flag in _ADDRESSED_FLAGS]:  # (a filter, not a loop body)
        t = toks[i]
        w = t.word
        if not 2 <= len(w) <= 3 or not han_word(w):
            continue
        if w in gaz.not_names or w in gaz.titles or gaz.is_place(w) or w in gaz.orgs:
            continue
        nxt = toks[i + 1].word if i + 1 < len(toks) else ""
        prev = toks[i - 1].word if i > 0 else ""
        if nxt in _COMRADE or (prev in _NAMING_VERBS and not any(c in NOT_IN_GIVEN for c in w)):
            out.append(Candidate(t.start, t.end, "PER", "rule", 0.7))
    return out + _framed_names(seg)


def _framed_names(seg: Segment) -> list[Candidate]:
    """学者何方同志, 撒切尔夫人: a role before and 同志 after frame even a dictionary word of a
    name's shape; a transliterated name before 夫人/先生 is the person."""
    toks, gaz = seg.tokens, seg.gaz
    out: list[Candidate] = []
    if not any(w in seg.text for w in AFTER_ONLY_TITLES):
        return out  # the common case: none of the words after a framed name
    for i in range(1, len(toks) - 1):
        t, nxt, prev = toks[i], toks[i + 1].word, toks[i - 1].word
        w = t.word
        if nxt not in AFTER_ONLY_TITLES:
            continue
        if not 2 <= len(w) <= 5 or not han_word(w) or w in gaz.titles or gaz.is_place(w):
            continue
        titled = (prev in gaz.titles or prev[-2:] in gaz.titles) and prev[-2:] not in AFTER_ONLY_TITLES
        if (titled and len(w) <= 3 and person_shape(w, gaz) > 0) or (
            len(w) >= 3 and (t.flag == "nrt" or (t.flag == "nr" and gaz.is_translit(w)))
        ):
            out.append(Candidate(t.start, t.end, "PER", "rule", 0.7))
    return out


def byline_names(seg: Segment) -> Iterable[Candidate]:
    """A segment that is only names, after an optional credit word: ``本报记者 王小明 李华``."""
    text = seg.text
    if len(text) > _BYLINE_MAX + 6:
        return []
    body = text.strip()
    base = text.find(body) if body else 0
    credited = False
    for prefix in _BYLINE_PREFIXES:
        if body.startswith(prefix):
            base += len(prefix)
            body = body[len(prefix) :]
            credited = True
            break
    out: list[Candidate] = []
    if not credited and " " not in body and "、" not in body:
        return _bare_byline(body, base, seg.gaz)
    pos = 0
    for part in body.replace("、", " ").split(" "):
        if part:
            if not 2 <= len(part) <= _BYLINE_MAX or not han_word(part):
                return []
            spans = split_names(part, seg.gaz)
            if not spans or (not credited and any(person_shape(part[s:e], seg.gaz) <= 0 for s, e in spans)):
                return []  # after a credit word the loose shape is enough (黄立新: 立新 is a verb)
            at = body.index(part, pos)
            out.extend(Candidate(base + at + s, base + at + e, "PER", "rule", 0.75) for s, e in spans)
            pos = at + len(part)
    if credited:
        return out
    # no credit word: the layout squeezed any spaces away, so only names jieba knows, or names
    # listed with 、, each one name on its own
    if "、" in body and len(out) == body.count("、") + 1:
        return out
    return [c for c in out if dict_tag(text[c.start : c.end]) in ("nr", "nrfg")]


def _bare_byline(body: str, base: int, gaz: Gazetteer) -> list[Candidate]:
    """A line that is only a name or names run together (李华, 王建国张雅文): each piece opens
    with a common surname and is no dictionary word (a headline word like 高潮, 王牌 is one)."""
    if not 2 <= len(body) <= _BYLINE_MAX or not han_word(body):
        return []
    spans = split_names(body, gaz)
    if not spans or (len(spans) > 1 and all(e - s == 2 for s, e in spans)):
        return []  # 何去何从: two-character pieces run together are too often a phrase
    # one name alone needs a common surname; several run together vouch for each other
    surnames = gaz.common_surnames if len(spans) == 1 else gaz.surnames
    for s, e in spans:
        piece = body[s:e]
        if piece[0] not in surnames or (in_dictionary(piece) and dict_tag(piece) not in ("nr", "nrfg")):
            return []
        if len(spans) == 1 and not (2 <= len(piece) <= 3):
            return []
    return [Candidate(base + s, base + e, "PER", "rule", 0.7) for s, e in spans]


def nicknames(seg: Segment) -> Iterable[Candidate]:
    """小王, 老李: a common surname after 小/老, as its own word, before a verb, 、 or a break."""
    toks, gaz = seg.tokens, seg.gaz
    out: list[Candidate] = []
    if "小" not in seg.text and "老" not in seg.text:
        return out  # every nickname opens with one of _NICK_HEADS
    for i, t in enumerate(toks):
        w = t.word
        if (
            w in _NICK_HEADS
            and i + 1 < len(toks)
            and len(toks[i + 1].word) == 1
            and toks[i + 1].flag in ("nr", "nrfg")
            and toks[i + 1].word in gaz.surnames
            and i + 2 < len(toks)
            and (toks[i + 2].flag.startswith("v") or toks[i + 2].word in SPEECH_VERBS or toks[i + 2].word in _NICK_NEXT)
        ):
            # 老/a 闫/nr 退休: jieba did not join a rarer surname to 老/小
            out.append(Candidate(t.start, toks[i + 1].end, "PER", "rule", 0.6))
            continue
        if len(w) != 2 or w[0] not in _NICK_HEADS or w[1] not in gaz.surnames or w in gaz.not_names:
            continue
        if w[1] not in gaz.common_surnames and in_dictionary(w):
            continue  # a rarer surname only in a word jieba does not know (老闵/new; 老实 is a word)
        if (dict_tag(w) or "nr")[0] not in "nx" or word_freq(w) > _NICK_MAX_FREQ:
            continue  # 小心, 老实: an adjective or adverb; very frequent words are not nicknames
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        prev = toks[i - 1].word if i > 0 else ""
        anchored = (
            nxt is None
            or nxt.word in SPEECH_VERBS
            or nxt.word in _NICK_NEXT
            or (nxt.flag.startswith("v") and nxt.word not in ("的",))
            or nxt.flag == "t"  # 老马 昨天, 老马 去世/t: a time word (or a verb jieba tags t) after the person
            or prev in ("、", "跟", "与", "同", "对", "给", "让", "叫", "问")
        )
        if nxt is not None and nxt.word == "、" and prev not in ("、", "，", "和", "") and i > 0:
            anchored = prev in ("、",)  # 花小钱、办大事: a phrase in a list of phrases
        if anchored and nxt is not None and nxt.word[0] in NOT_IN_GIVEN - {"在", "是", "和", "就", "都", "也"}:
            anchored = False  # 小王的: a possessive, still a name but too often 老X的 (老马的)
        if anchored:
            out.append(Candidate(t.start, t.end, "PER", "rule", 0.6))
    return out


# institutions whose numbered units are theirs (X大学 第一 医院, X医科大学 第二 附属医院)
_PARENT_SCHOOLS = ("大学", "学院")  # (大学 also closes 医科大学)


def _is_ordinal(t: Token) -> bool:
    return t.flag == "m" and (t.word.startswith("第") or all(c in "一二三四五六七八九十百零〇两" for c in t.word))


@lru_cache(maxsize=1)
def _long_units() -> tuple[str, ...]:
    """The unit words of two characters or more: a longer word ending in one is a unit (实验中学)."""
    return tuple(u for u in words("unit_words") if len(u) >= 2)


def numbered_units(seg: Segment) -> Iterable[Candidate]:
    """``湖南省长沙县第一中学``, ``北京市第五十五中学``: places, an ordinal, a unit: one ORG; so is
    a university, an ordinal and its hospital (``吉林大学第一医院``)."""
    toks, gaz = seg.tokens, seg.gaz
    units, long_units = words("unit_words"), _long_units()
    out: list[Candidate] = []
    for k in range(2, len(toks)):
        if toks[k - 1].flag != "m":
            continue  # (the cheapest test first: an ordinal is a numeral)
        t = toks[k]
        unit = t.word in units or (len(t.word) >= 3 and t.word.endswith(long_units))
        if not unit or not _is_ordinal(toks[k - 1]):
            continue
        i = k - 2
        while i >= 0 and place_token(toks[i], gaz):
            i -= 1
        if i < k - 2:
            out.append(Candidate(toks[i + 1].start, t.end, "ORG", "rule", 0.8))
        elif toks[k - 2].word.endswith(_PARENT_SCHOOLS) and len(toks[k - 2].word) > 2:
            out.append(Candidate(toks[k - 2].start, t.end, "ORG", "rule", 0.8))
    return out


def _department_end(seg: Segment, k: int) -> int | None:
    """Where a unit of the organisation ending before token ``k`` ends (规划 研究院), if one does."""
    toks, gaz = seg.tokens, seg.gaz
    for j in range(k, min(len(toks), k + _INNER_MAX + 1)):
        u = toks[j]
        if u.word in gaz.titles or u.word in gaz.orgs or u.flag == "nt":
            return None  # 党中央 国务院, 新华社 联合国: two organisations side by side stay two
        if u.end - toks[k].start > _DEPARTMENT_MAX or place_token(u, gaz) or u.flag == "ns":
            return None  # 新华社 莫斯科, 协会 命名 中国人民…纪念馆: a place or a long name is no unit
        if org_word(u, gaz, right_after=j == k) and (len(u.word) >= 3 or j == k):
            return u.end
        if u.flag not in _INNER_FLAGS or u.word in GENERIC:
            return None  # 委员会 资助 福利院: a verb ends the name
    return None


def _opens_with_foreign_place(seg: Segment, starts: dict[int, int], c: Candidate) -> bool:
    """比勒陀利亚 南非研究中心: an ORG opening with a country is not inside the city before it."""
    i = starts.get(c.start)
    if i is None:
        return False
    t = seg.tokens[i]
    return t.word in seg.gaz.places and t.word not in seg.gaz.divisions  # not 东直门/ns, a part of town


def absorb_orgs(seg: Segment, cands: list[Candidate]) -> list[Candidate]:
    """The longest name wins: a place before an organisation and a department after it join it."""
    text = seg.text
    standalone = words("standalone_orgs")
    starts = {t.start: i for i, t in enumerate(seg.tokens)}
    loc_by_end: dict[int, list[Candidate]] = {}
    for c in cands:
        if c.type == "LOC" and c.tier == 1:
            loc_by_end.setdefault(c.end, []).append(c)
    out = list(cands)
    for c in cands:
        if c.type != "ORG":
            continue
        start, end = c.start, c.end
        if text[start:end] not in standalone and not _opens_with_foreign_place(seg, starts, c):
            # a chain of places right before the organisation (湖南省 长沙县 第一中学)
            while start in loc_by_end:
                start = min(p.start for p in loc_by_end[start])
        k = starts.get(end)
        if k is not None:
            end = _department_end(seg, k) or end
        if (start, end) != (c.start, c.end):
            out.append(dataclasses.replace(c, start=start, end=end, source="rule"))
    return out


def _demonym(text: str, c: Candidate) -> bool:
    """上海人, 北京人: X人 names people; 上海人民, 北京人大 do not (see demonym_after.txt)."""
    if text[c.end : c.end + 1] != "人":
        return False
    after = text[c.end + 1 : c.end + 2]
    return after not in words("demonym_after")


def _counted_people(text: str, c: Candidate) -> bool:
    """各位来宾, 各方来宾: after 各位/这位… a place's short form is a common noun (not after a
    count: 四百多位香港同胞)."""
    return text[max(0, c.start - 2) : c.start] in ("各位", "诸位", "这位", "那位", "每位", "各方")


def _place_compound(text: str, c: Candidate) -> bool:
    """中国画, 中山装: a place and one character make a common noun (see place_compound_heads.txt),
    unless that character starts a word of its own (中国 画家, 北京 话剧)."""
    head = text[c.end : c.end + 1]
    return head in words("place_compound_heads") and not in_dictionary(text[c.end : c.end + 2])


# lengths before a road or a channel that make it a kind (６公里盘山路, 十里水渠), not a name
_LENGTH_UNITS = ("公里", "千米", "米", "里")
_ROAD_ENDS = frozenset("路渠沟堤坝")


def _measured_road(text: str, c: Candidate) -> bool:
    """修建了６公里盘山路: a dictionary "place" ending in a road word right after a length is a kind
    of road; a named road is not counted in kilometres before its name."""
    if c.source != "jieba" or text[c.end - 1 : c.end] not in _ROAD_ENDS:
        return False
    before = text[max(0, c.start - 3) : c.start]
    unit = next((u for u in _LENGTH_UNITS if before.endswith(u)), None)
    if unit is None:
        return False
    k = c.start - len(unit) - 1
    return k >= 0 and (text[k].isdigit() or text[k] in "一二三四五六七八九十百千万两几多余")


# endings of buildings and grounds: a "name" ending so is a place (克里姆林宫, 爱丽舍宫, 红场)
_BUILDING_ENDS = ("宫", "广场", "大街", "机场", "公园", "教堂", "大厦", "饭店", "宾馆")


# a surname, 家 and one of these is a village named after a family (李家庄, 王家营, 张家湾)
_FAMILY_VILLAGE_ENDS = frozenset("庄村寨堡屯营湾沟坪店铺窑")


def _family_village(word: str) -> bool:
    """李家庄/nr: a surname + 家 + a village word names the village, not a person."""
    return len(word) == 3 and word[1] == "家" and word[2] in _FAMILY_VILLAGE_ENDS


def _building(word: str) -> bool:
    """克里姆林宫/nr: a transliterated "name" ending in a building or a ground is a place."""
    return len(word) >= 3 and word.endswith(_BUILDING_ENDS)


def _place_context(seg: Segment, c: Candidate) -> bool:
    """抵达马普托: a transliterated "name" after a verb of going somewhere is a place."""
    word = seg.text[c.start : c.end]
    if c.source != "jieba" or len(word) < 3 or not seg.gaz.is_translit(word):
        return False
    verbs = words("place_verbs")
    return any(seg.text[max(0, c.start - n) : c.start] in verbs for n in (1, 2))


_JOINS = ("和", "与", "、", "及")
_MODEL_DASHES = "—–-－"


def _model_number(text: str, c: Candidate) -> bool:
    """A "name" followed by a dash and a number is a make and its model (米格—29)."""
    after = text[c.end : c.end + 3].lstrip()
    return len(after) >= 2 and after[0] in _MODEL_DASHES and after[1].translate(_WIDE_DIGITS).isdigit()


_WIDE_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _joined_to_place(seg: Segment, c: Candidate) -> bool:
    """阿拉伯和非洲: a transliterated jieba "name" joined by 和/、 to a known place is a place."""
    text, gaz = seg.text, seg.gaz
    word = text[c.start : c.end]
    if c.source != "jieba" or len(word) < 3 or not gaz.is_translit(word):
        return False
    after = text[c.end + 1 : c.end + 6] if text[c.end : c.end + 1] in _JOINS else ""
    before = text[max(0, c.start - 6) : c.start - 1] if text[c.start - 1 : c.start] in _JOINS else ""
    return any(gaz.is_place(after[:k]) for k in range(2, len(after) + 1)) or any(
        gaz.is_place(before[-k:]) for k in range(2, len(before) + 1)
    )


def drop_false_alarms(seg: Segment, cands: list[Candidate]) -> list[Candidate]:
    """Generic phrases out, demonyms out, known places typed PER retyped LOC."""
    text, gaz = seg.text, seg.gaz
    generic = words("generic_phrases")
    out: list[Candidate] = []
    for c in cands:
        word = text[c.start : c.end]
        if c.type in ("ORG", "LOC") and word in generic:
            continue
        if c.type == "LOC" and (_demonym(text, c) or _place_compound(text, c) or _counted_people(text, c)):
            continue
        if c.type == "LOC" and _measured_road(text, c):
            continue
        if c.type == "LOC" and word.endswith("市") and text.startswith("区", c.end) and gaz.is_place(word[:-1]):
            c = dataclasses.replace(c, end=c.end - 1)  # 重庆 市区: the city and its urban area
        if c.type == "PER" and _model_number(text, c):
            continue  # 米格—29, 伊留申-76: a make of aircraft or weapon with its model number
        if c.type == "PER" and (
            gaz.is_place(word)
            or _place_context(seg, c)
            or _joined_to_place(seg, c)
            or _building(word)
            or _family_village(word)
        ):
            c = dataclasses.replace(c, type="LOC")
        out.append(c)
    return out
