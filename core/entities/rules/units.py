"""Named works, mines, depots and schools: a name, at most one word of kind, a unit head.

jieba cuts such names apart and often tags the name itself as a person (``青龙山/nr 热电厂``,
``钟山/nr 煤矿``) or an unknown word (``怀德/new 粮库``).  The head comes from
``resources/entities/unit_heads.txt`` (short school names after a city: ``school_heads.txt``);
the name must look like one: a proper or unknown word, or
a word tagged nr that ends like a place (山, 河, 湖…), since a person's name before 厂 is rare
and ``克林顿 政府`` is left to the person rules.  A place before it joins it later
(``fixes.absorb_orgs``): ``吉林市 龙潭 粮库`` is one ORG.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from core.entities.candidates import Candidate
from core.entities.jieba.tokenizer import Token, word_freq
from core.entities.pipeline import Segment
from core.entities.rules.gazetteer import Gazetteer
from core.entities.rules.names import han_word, is_han
from core.entities.rules.places import GENERIC
from core.entities.rules.wordlists import words

# flags of a word that can name a unit by itself
_NAME_FLAGS = frozenset({"ns", "nz", "new", "j", "nrt"})
# a word tagged nr names a unit when it ends like a place (石景山, 钟山), not like a person
_PLACE_ENDS = frozenset("山江河湖海岛港湾峡岭川泉洲州城关门寺塔桥街路陵水峰坡岗沟屯庄")
# flags of the one word of kind that may stand between the name and the head (发电 总厂)
_KIND_FLAGS = frozenset({"n", "vn", "nz", "b"})
# above this jieba frequency a word is an ordinary word, not the name of a unit (国有, 中国, 重点)
NAME_FREQ = 3000
_KIND_FREQ = 20000


def rare_word(word: str, longest: int) -> bool:
    """Two to ``longest`` Chinese characters, no generic noun, no more frequent than ``NAME_FREQ``:
    a word that may be a unit's own name (青龙山 热电厂, 浸会 大学), shared with ``parallel``."""
    return 2 <= len(word) <= longest and han_word(word) and word not in GENERIC and word_freq(word) <= NAME_FREQ


def _name_word(t: Token, gaz: Gazetteer) -> bool:
    w = t.word
    if not rare_word(w, 5) or w in gaz.titles or w in gaz.orgs:
        return False
    return t.flag in _NAME_FLAGS or (t.flag in ("nr", "nrfg") and w[-1] in _PLACE_ENDS)


def _kind_word(t: Token) -> bool:
    return t.flag in _KIND_FLAGS and 2 <= len(t.word) <= 3 and word_freq(t.word) <= _KIND_FREQ


def named_units(seg: Segment) -> Iterable[Candidate]:
    """青龙山热电厂, 兴华厂, 太行山发电总厂: a name word, a word of kind or none, a unit head."""
    toks, gaz = seg.tokens, seg.gaz
    heads, schools = words("unit_heads"), words("school_heads")
    out: list[Candidate] = []
    for k, t in enumerate(toks):
        if k == 0 or (t.word not in heads and t.word not in schools):
            continue
        if t.word in schools and gaz.is_place(toks[k - 1].word):
            out.append(Candidate(toks[k - 1].start, t.end, "ORG", "rule", 0.7))  # 广州 美院
            continue
        for width in (1, 2):
            i = k - width
            if i < 0:
                break
            if width == 2 and not _kind_word(toks[k - 1]):
                break
            if _name_word(toks[i], gaz):
                out.append(Candidate(toks[i].start, t.end, "ORG", "rule", 0.7))
                break
    return out


# words of kind between a troupe's name and its head (八一 飞行 表演队)
_TROUPE_KIND_FLAGS = frozenset({"v", "vn", "n"})


def _troupe_name(t: Token, gaz: Gazetteer) -> bool:
    """八一 (a commemorative day) or a dictionary proper word of low frequency names a troupe
    (not an unknown word of the HMM: 图为/new 下乡 演出队 is a caption)."""
    if t.word in words("commemorative_days"):
        return True
    return t.flag != "new" and _name_word(t, gaz) and not gaz.is_place(t.word)


def troupes(seg: Segment) -> Iterable[Candidate]:
    """空军八一飞行表演队, 海军仪仗队, 八一飞行表演队: an owner (a service of the armed forces)
    and/or a name, at most one word of kind, a troupe head (``troupe_heads.txt``): one ORG."""
    if "队" not in seg.text and "团" not in seg.text:
        return []  # the cheapest test first: every troupe head ends in 队 or 团
    toks, gaz = seg.tokens, seg.gaz
    heads = words("troupe_heads")
    owners = words("troupe_owners")
    out: list[Candidate] = []
    for k, t in enumerate(toks):
        if k == 0 or t.word not in heads:
            continue
        i = k - 1
        kind = toks[i]
        if i > 0 and kind.flag in _TROUPE_KIND_FLAGS and len(kind.word) == 2 and word_freq(kind.word) <= _KIND_FREQ:
            i -= 1  # 飞行 表演队
        named = _troupe_name(toks[i], gaz)
        if named:
            i -= 1
        owned = i >= 0 and toks[i].word in owners
        if not owned:
            i += 1
        if (named or owned) and i < k:
            out.append(Candidate(toks[i].start, t.end, "ORG", "rule", 0.7))
    return out


def channels(seg: Segment) -> Iterable[Candidate]:
    """X普通话台, X音乐台: a place, what the channel broadcasts (``channel_words.txt``) and 台,
    cut apart by jieba or not (普通话/n 台/q, 音乐台/n), are one ORG."""
    if "台" not in seg.text:
        return []  # the cheapest test first
    toks, gaz = seg.tokens, seg.gaz
    kinds = words("channel_words")
    out: list[Candidate] = []
    for k, t in enumerate(toks):
        if k == 0 or not t.word.endswith("台"):
            continue
        if t.word == "台" and k >= 2 and toks[k - 1].word in kinds:
            place = toks[k - 2]
        elif t.word[:-1] in kinds:
            place = toks[k - 1]
        else:
            continue
        if gaz.is_place(place.word):
            out.append(Candidate(place.start, t.end, "ORG", "rule", 0.7))
    return out


# heads that close a name quoted as a whole (“X公司”): the quotes say it is one name
_QUOTED_HEADS = ("公司", "集团", "合作社", "协会", "俱乐部", "商店", "农场", "基金会", "研究会", "商行")
_QUOTES = {"“": "”", "「": "」", "『": "』"}
_QUOTED_MAX = 14
# characters of a phrase, not of a name (“先富起来的公司”)
_PHRASE_CHARS = frozenset("的了着是把被这那")


def quoted_units(seg: Segment) -> Iterable[Candidate]:
    """“X甜蜜公司”, 「X合作社」: a quoted run of Chinese closed by a unit head is one ORG (a name
    of three characters or more before the head: “皮包公司” is a kind of company)."""
    text = seg.text
    out: list[Candidate] = []
    for opening, closing in _QUOTES.items():
        i = text.find(opening)
        while i >= 0:
            j = text.find(closing, i + 1, i + 2 + _QUOTED_MAX)
            if j > 0:
                inner = text[i + 1 : j]
                head = next((h for h in _QUOTED_HEADS if inner.endswith(h)), None)
                if head and len(inner) - len(head) >= 3 and all(is_han(c) and c not in _PHRASE_CHARS for c in inner):
                    out.append(Candidate(i + 1, j, "ORG", "rule", 0.7))
            i = text.find(opening, i + 1)
    return out


# a company's legal form closes its name (一汽解放汽车 有限公司, 长光卫星技术 股份 有限公司)
_LEGAL_CLOSERS = ("有限公司", "有限责任公司")
_COMPANY_ENDS = ("公司",)  # every legal closer and a grouped company end so
# words that may stand inside a company's name; a verb only after a proper word (一汽 解放)
_COMPANY_FLAGS = frozenset({"n", "nz", "ns", "nr", "nrt", "nrfg", "new", "j", "vn", "b", "nt", "eng", "an", "v", "l"})
_PROPER = frozenset({"nz", "ns", "nr", "nrt", "nrfg", "new", "j", "eng", "nt"})
_COMPANY_WORDS_MAX = 6
_COMPANY_CHARS_MAX = 20


def _group_mark(toks: Sequence[Token]) -> bool:
    """（集团）: the bracketed group mark a company prints before its legal form."""
    return [t.word for t in toks] in (["（", "集团", "）"], ["(", "集团", ")"])


def company_names(seg: Segment) -> Iterable[Candidate]:
    """X有限公司: the words before a legal form back to a break, when one of them is a name."""
    toks, gaz = seg.tokens, seg.gaz
    out: list[Candidate] = []
    for k, t in enumerate(toks):
        if not t.word.endswith(_COMPANY_ENDS):
            continue  # the common case: no company word
        grouped = k >= 3 and toks[k - 1].word in "）)" and _group_mark(toks[k - 3 : k])
        if not (t.word.endswith(_LEGAL_CLOSERS) or (grouped and t.word in ("公司", "股份有限公司"))):
            continue
        i = k
        if grouped:
            i = k - 3  # 华安工业 （集团） 公司: the group mark inside the name
        elif len(t.word) == 4 and k > 0 and toks[k - 1].word in ("股份", "集团", "控股"):
            i = k - 1  # 股份 有限公司: the legal form in two words
        j = i
        while (
            j > 0
            and i - j < _COMPANY_WORDS_MAX
            and (toks[j - 1].flag in _COMPANY_FLAGS or gaz.is_place(toks[j - 1].word))  # 大连/d
            and toks[j - 1].word not in gaz.titles
            and t.end - toks[j - 1].start <= _COMPANY_CHARS_MAX
            and all(is_han(c) or c.isalnum() for c in toks[j - 1].word)
        ):
            j -= 1
        while j < i and toks[j].flag in ("v", "vn", "l", "an"):
            j += 1  # 成立 / 投资 … 有限公司: a verb opening the run is no part of the name
        if j < i and any(toks[m].flag in _PROPER or gaz.is_place(toks[m].word) for m in range(j, i)):
            out.append(Candidate(toks[j].start, t.end, "ORG", "rule", 0.75))
    return out
