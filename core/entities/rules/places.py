"""LOC layers (and the word classes the ORG layers share): gazetteer words, place suffixes.

Organisation rules live in ``orgs``; known organisation phrases are matched here because they come
from the same gazetteer.  ``昌邑区莲花街道乾丰园社区`` is three LOCs (each administrative level is its own place).  An
abbreviation fused into a title word (``省委书记``) is one jieba token and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from core.entities.candidates import Candidate
from core.entities.jieba.tokenizer import Token, dict_tag, in_dictionary, word_freq
from core.entities.rules.gazetteer import LOC_SUFFIX_CHARS, LOC_SUFFIX_WORDS, Gazetteer, lies_in
from core.entities.rules.names import han_word
from core.entities.rules.wordlists import words

NOUNISH = frozenset({"n", "nz", "vn", "j", "nt", "ns", "nr", "l", "new", "eng", "an", "ng", "b"})
PROPERISH = frozenset({"nz", "ns", "nt", "j", "new", "eng", "nr", "nrt", "nrfg"})
ADMIN_PREFIX = frozenset({"省", "市", "县", "区", "州", "乡", "镇", "中央", "国家", "全国", "地方"})
# nouns that end in an organisation suffix character but are not organisations
GENERIC = words("generic_nouns")
# organisation suffixes strong enough to make an ORG after any proper-looking word (华为公司)
STRONG = (
    "委员会",
    "集团",
    "公司",
    "银行",
    "大学",
    "学院",
    "协会",
    "学会",
    "基金会",
    "联合会",
    "研究院",
    "研究所",
    "法院",
    "检察院",
    "医院",
    "政府",
    "电视台",
    "出版社",
    "报社",
    "商会",
)


def place_token(t: Token, gaz: Gazetteer) -> bool:
    """A known place, or jieba's ns unless it is a frequent common noun (城市, 山区, 基层)."""
    w = t.word
    if w in ADMIN_PREFIX:
        return False
    return w in gaz.place_names or (t.flag == "ns" and word_freq(w) <= _COMMON_NOUN_FREQ)


# endings of geographic names (洱海, 苍山, 塔里木盆地): jieba's ns is trusted with one of them
_FEATURE_CHARS = frozenset("山江河湖海岛港湾峡岭川泉洲州城关门寺塔桥街路陵水")
_FEATURE_WORDS = (
    "广场",
    "大街",
    "盆地",
    "半岛",
    "共和国",
    "王国",
    "高原",
    "平原",
    "草原",
    "沙漠",
    "群岛",
    "海峡",
    "公园",
    "长城",
    "运河",
    "山脉",
)
# first characters that make a two-character word a description or a verb and its object
# (长街, 古城, 宝岛, 浅海; 登山, 过江, 治山)
_NOT_FEATURE_STEM = frozenset(
    "大小山江河湖海四各全本上下南北东西中临沿长古老新旧宝冰浅深高远近名登爬攀进出游靠过渡跨回返离到入治"
)


# measure words after a numeral (一座山, 两条河): a count, not a name
_MEASURE = frozenset("个条座块片道处所家只支棵头张")
_NUMERAL = frozenset("0123456789０１２３４５６７８９一二三四五六七八九十百千几多两")
# first characters of a stem that make it a description, not a name (无疫小区, 各社区, 全村)
_NOT_NAME_START = frozenset("无非各全本该每所这那某其此")
# first characters of no stem of a name (a village's, a street's): a description or a numeral
_NOT_STEM_START = _NOT_NAME_START | _NUMERAL
# a frequent common noun is a kind of place before a suffix, not its name (家庭农场, 城市社区)
_COMMON_NOUN_FREQ = 5000
# compass and macro regions: their 地区 is an area (东北地区, 亚太地区), not a prefecture's name
_COMPASS = frozenset("东西南北中华亚太")


def area_name(head: str, gaz: Gazetteer) -> bool:
    """日喀则 + 地区: a prefecture-level 地区 named after a known place (not 东北, 亚太, 非洲)."""
    return (
        gaz.is_place(head) and not all(c in _COMPASS for c in head) and len(head) >= 2 and not head.endswith("洲")
    )  # 非洲地区: a continent's area


def _ns_trusted(w: str, gaz: Gazetteer) -> bool:
    """jieba's ns holds many ordinary words (喜庆, 华夏, 城市, 山区, 大江): trust it by shape only.

    A place suffix or a geographic ending after a stem that is not itself generic; ``X地区`` and
    ``X大部`` are areas of a place, not names.
    """
    if len(w) < 2 or w[0] in _NOT_NAME_START or w.endswith(("地区", "大部", "城市")):
        return False  # X地区, X大部: areas of a place; X城市: a kind of city
    if len(w) == 4 and w[0] in (w[2], w[3]):
        return False  # 港人治港, 人山人海: a repeated character makes four a slogan or an idiom, no name
    if w[0] in _NUMERAL and (len(w) < 3 or w[1] in _NUMERAL or w[1] in _MEASURE):
        # 三江, 一座山: a count; 八达岭 (a numeral starting a longer name) is a name
        return False
    feature = next((f for f in _FEATURE_WORDS if w.endswith(f)), None)
    if feature is not None:
        return len(w) > len(feature) and w[0] not in _NOT_NAME_START  # 高原 alone is no name
    if w[-1] in LOC_SUFFIX_CHARS:
        return len(w) >= 3
    return w[-1] in _FEATURE_CHARS and (len(w) >= 3 or w[0] not in _NOT_FEATURE_STEM)


def _place_prefix(t: Token, gaz: Gazetteer) -> list[Candidate]:
    """台湾同胞, 台湾当局: a known place glued by jieba to an ordinary word is still a place.

    An organisation ending counts against it unless the rest is a generic noun (当局, 政府).
    """
    w = t.word
    for k in range(len(w) - 1, 1, -1):
        head, rest = w[:k], w[k:]
        if (
            gaz.is_place(head)
            and (rest[0] not in LOC_SUFFIX_CHARS or (len(rest) >= 2 and in_dictionary(rest)))
            and (not gaz.org_suffix(rest) or rest in GENERIC)
            and not rest.startswith(tuple(LOC_SUFFIX_WORDS))
        ):  # 香港 市民, 重庆 市区: a word of its own after the place (not 重庆市 + 区)
            out = [Candidate(t.start, t.start + k, "LOC", "rule", 0.8)]
            # 长江 三峡 工程: a second place between the first and the word they describe
            second = next((j for j in range(len(rest) - 2, 1, -1) if gaz.is_place(rest[:j])), 0)
            tail = rest[second:]
            if second and in_dictionary(tail) and tail[0] not in LOC_SUFFIX_CHARS and not tail.startswith("地区"):
                out.append(Candidate(t.start + k, t.start + k + second, "LOC", "rule", 0.8))
            return out
    return []


def _known_place(w: str, gaz: Gazetteer) -> bool:
    return gaz.is_place(w) or (dict_tag(w) == "ns" and _ns_trusted(w, gaz))


def _places_inside(t: Token, gaz: Gazetteer) -> list[Candidate]:
    """首都北京, 原苏联, 广西南宁, 约旦河西岸: jieba glued a place to a describing word, a part of
    it or a second place; the places inside are the entities."""
    w = t.word
    parts, before = words("place_parts"), words("place_before")
    for k in range(len(w) - 1, 1, -1):  # place + part (约旦河 西岸)
        if w[k:] in parts and _known_place(w[:k], gaz):
            return [Candidate(t.start, t.start + k, "LOC", "rule", 0.7)]
    for k in range(1, len(w) - 1):  # describing word or a place + place (广西 南宁)
        head, tail = w[:k], w[k:]
        if gaz.is_place(tail) or (len(tail) >= 3 and _known_place(tail, gaz)):
            if head in before:
                return [Candidate(t.start + k, t.end, "LOC", "rule", 0.7)]
            if len(head) >= 2 and gaz.is_place(head):
                return [
                    Candidate(t.start, t.start + k, "LOC", "rule", 0.7),
                    Candidate(t.start + k, t.end, "LOC", "rule", 0.7),
                ]
    return []


# the only flags the tests after jieba's ns in ``gazetteer_words`` look at
_LATE_FLAGS = frozenset({"n", "nz", "nr", "nrfg", "nrt"})


def gazetteer_words(toks: Sequence[Token], gaz: Gazetteer) -> list[Candidate]:
    """Tokens that are known places or organisations, and jieba's ns tags."""
    out: list[Candidate] = []
    orgs, places = gaz.orgs, gaz.place_names
    for i, t in enumerate(toks):
        w = t.word
        if w in orgs:
            out.append(Candidate(t.start, t.end, "ORG", "rule", 0.85))
        elif w in places:  # gaz.is_place
            out.append(Candidate(t.start, t.end, "LOC", "rule", 0.85))
        elif t.flag == "ns":
            if len(gaz.org_suffix(w) or "") >= 2 and len(w) >= 4:
                out.append(Candidate(t.start, t.end, "ORG", "jieba", 0.7))  # X穆斯林联盟/ns
            elif w.endswith("地区") and area_name(w[:-2], gaz):
                out.append(Candidate(t.start, t.end, "LOC", "rule", 0.8))
            elif _ns_trusted(w, gaz):
                out.append(Candidate(t.start, t.end, "LOC", "jieba", 0.65))
            elif len(w) >= 3 and (inner := _places_inside(t, gaz)):
                out.extend(inner)
            elif len(w) >= 3:
                out.extend(_place_prefix(t, gaz))
        elif len(w) < 3 or t.flag not in _LATE_FLAGS:
            continue  # the common case: what follows needs three characters and a noun or a name
        elif t.flag in ("n", "nz") and len(w) >= 3:
            out.extend(_place_prefix(t, gaz))
        elif t.flag in ("nr", "nrfg") and len(w) >= 4 and w[:2] in gaz.divisions and in_dictionary(w[2:]):
            out.extend(_place_prefix(t, gaz))  # 台湾独立/nr: jieba's "name" is a region and a word
        elif t.flag in ("nr", "nrfg", "nrt") and len(w) >= 4 and (k := _titled_place(w, gaz)):
            out.append(Candidate(t.start, t.start + k, "LOC", "rule", 0.8))  # 德国总理/nr: a country and a title
        elif t.flag in ("nr", "nrt") and len(w) >= 4 and w[-1] == "宫" and gaz.is_translit(w[:-1]):
            out.append(Candidate(t.start, t.end, "LOC", "jieba", 0.6))  # 爱丽舍宫/nr, 白金汉宫/nr: a palace
        elif (
            t.flag == "nr"
            and len(w) == 3
            and w[-1] in _WATER_HILL
            and (w[0] not in gaz.common_surnames or (i + 1 < len(toks) and toks[i + 1].word in _SHORE))
        ):
            out.append(Candidate(t.start, t.end, "LOC", "jieba", 0.6))  # 嘉陵江/nr, 寒山寺/nr
        elif (
            t.flag == "nr"
            and len(w) == 3
            and w[-1] in _VILLAGE_ENDS
            and w[0] not in _NOT_NAME_START
            and (dict_tag(w[:-1]) or "n")[0] not in "avd"  # not 富裕 村: a description
        ):
            out.append(Candidate(t.start, t.end, "LOC", "jieba", 0.6))  # 西营镇/nr: no name ends in 镇
        # (an nrt word that is a known place was taken above)
    return out


def _titled_place(w: str, gaz: Gazetteer) -> int:
    """德国总理, 英国首相: the length of the place a title follows inside one word, else 0."""
    return next((k for k in range(2, len(w) - 1) if w[k:] in gaz.titles and gaz.is_place(w[:k])), 0)


# endings that make a three-character jieba "name" a river, a hill or a temple when its first
# character is no common surname (嘉陵江, 寒山寺; not 李长江)
_WATER_HILL = frozenset("江河湖山岭峰寺屿岛")
# words after a river, a lake or a hill that make it one even when it opens with a surname (金水河 畔)
_SHORE = frozenset({"畔", "边", "岸", "两岸", "沿岸", "上游", "下游", "流域", "之滨", "脚下", "山顶", "山脚"})


# above this jieba frequency a word of transliteration characters is an ordinary word (美丽 3036)
_TRANSLIT_AT_FREQ = 2000
# one-character prepositions after which a transliterated jieba ns word is a place (在米兰)
_AT = frozenset("在到赴去往至从于")
_AND = frozenset({"和", "与", "及", "、", "同"})


def _sure_place(t: Token, gaz: Gazetteer) -> bool:
    return gaz.is_place(t.word) or (t.flag == "ns" and _ns_trusted(t.word, gaz))


# words after a word that make it a place: inside or around its walls or borders (城内, 境内)
_INSIDE_PLACE = frozenset({"城内", "城外", "城里", "城中", "境内", "境外", "全境", "一带"})


def context_places(toks: Sequence[Token], gaz: Gazetteer) -> list[Candidate]:
    """来到陕北, 在米兰, 江南和华南: a jieba ns word whose shape proves nothing is a place after a
    verb of place (a transliterated one after 在/到 too), or joined by 和/、 to a sure place."""
    verbs = words("place_verbs")
    out: list[Candidate] = []
    for i, t in enumerate(toks):
        w = t.word
        if t.flag != "ns" or len(w) < 2 or w in GENERIC or w[0] in _NOT_NAME_START or _sure_place(t, gaz):
            continue
        if not place_token(t, gaz) or all(c in _COMPASS for c in w) or "各" in w or _places_inside(t, gaz):
            continue  # 城市, 东南, 西欧各国; 首都北京 is split by ``_places_inside``
        if w.endswith(tuple(words("place_parts"))):
            continue  # 淮河流域: the river is the place
        prev = toks[i - 1].word if i > 0 else ""
        if i + 1 < len(toks) and toks[i + 1].word in _INSIDE_PLACE:
            out.append(Candidate(t.start, t.end, "LOC", "rule", 0.6))  # 姑苏 城内, 皖南 境内
            continue
        # after a bare 在/到 only a transliterated word: jieba tags many common words ns (哥哥, 大海)
        # (a frequent word of translit characters is an ordinary word: 从 美丽/ns 的 东海)
        at = prev in verbs or (prev in _AT and gaz.is_translit(w) and word_freq(w) <= _TRANSLIT_AT_FREQ)
        joined = (i > 1 and prev in _AND and _sure_place(toks[i - 2], gaz)) or (
            i + 2 < len(toks) and toks[i + 1].word in _AND and _sure_place(toks[i + 2], gaz)
        )
        if at or joined:
            out.append(Candidate(t.start, t.end, "LOC", "rule", 0.6))
    return out


# a foreign province or state named by two transliterated parts and a dash (夸祖鲁—纳塔尔省, and
# its short form 夸—纳省): one place
_DASHED_PROVINCE_RE = re.compile(r"([\u4e00-\u9fff]{1,6})[—–－-]([\u4e00-\u9fff]{1,6}?)([省州])")


def dashed_provinces(text: str, gaz: Gazetteer) -> list[Candidate]:
    """夸祖鲁—纳塔尔省, 夸—纳省: transliterated parts joined by a dash, closed by 省/州."""
    out: list[Candidate] = []
    if "省" not in text and "州" not in text:
        return out
    for m in _DASHED_PROVINCE_RE.finditer(text):
        first, second = m.group(1), m.group(2)
        # the first part back to where transliteration stops (南非夸祖鲁 → 夸祖鲁)
        k = len(first)
        while k > 0 and first[k - 1] in gaz.translit:
            k -= 1
        first, s = first[k:], m.start(1) + k
        if not first or not second or not gaz.is_translit(second) or gaz.is_place(second + m.group(3)):
            continue  # 上海—杭州: the second part is a known city of its own
        if any(gaz.is_place(text[max(0, s - j) : s + len(first)]) for j in (1, 2, 3)):
            continue  # 上海—: the first part is the end of a known place
        out.append(Candidate(s, m.end(), "LOC", "rule", 0.8))
    return out


def known_phrases(text: str, toks: Sequence[Token], gaz: Gazetteer) -> list[Candidate]:
    """Known organisation names jieba cuts into several words (博鳌 亚洲 论坛, 水利 部).

    A three-character name must start and end at token boundaries: 中宣部 is a name, but a
    short string can also sit across two words.
    """
    cuts = {t.start for t in toks} | {t.end for t in toks}
    return [
        Candidate(m.start(), m.end(), "ORG", "rule", 0.85)
        for m in gaz.org_pattern.finditer(text)
        if m.end() - m.start() >= 4 or (m.start() in cuts and m.end() in cuts)
    ]


# characters that end the name of a housing compound (乾丰园, 锦绣苑, 万科城)
_COMPOUND_END = frozenset("园苑城府庭湾居里坊庄厦邸墅")
_NEIGHBOURHOOD = frozenset({"社区", "小区"})
# village-level words that are kinds of places, not names
_GENERIC_PLACES = frozenset({"新农村", "城中村", "自然村", "行政村", "贫困村", "示范村", "专业村", "城乡"})


def _stem_ok(stem: Sequence[Token], suffix: str, gaz: Gazetteer) -> bool:
    """A stem that can name a place before ``suffix``: proper, not a description or a verb."""
    word = "".join(t.word for t in stem)
    if not 2 <= len(word) <= 6 or word[0] in _NOT_NAME_START or word in GENERIC:
        return False
    if any(t.word in LOC_SUFFIX_WORDS for t in stem):
        return False
    if any(t.flag[:1] in "vadrmpcu" and t.flag != "vn" for t in stem):
        return False
    if any(t.word[0] in _NOT_STEM_START for t in stem):
        return False  # 京城 各大 公园, 十大 景区: a determiner or a count inside the stem
    if any(t.flag == "new" and any((dict_tag(c) or "x")[0] == "d" for c in t.word) for t in stem):
        return False  # 后常去/new 公园: an unknown word holding an adverb (常) is a phrase, no name
    if len(stem) == 1 and stem[0].flag == "n" and word_freq(word) > _COMMON_NOUN_FREQ:
        return False
    if len(stem) == 1 and place_token(stem[0], gaz):
        return True
    if suffix in _NEIGHBOURHOOD:
        # 居住地社区, 包保社区: a neighbourhood needs a compound-like name or a long proper one
        # (rare dictionary nouns like 花家地 are local names; 居住地 is frequent)
        return word[-1] in _COMPOUND_END or all(
            (t.flag in PROPERISH and (len(word) >= 3 or t.flag != "new"))
            or place_token(t, gaz)
            or (t.flag == "n" and len(t.word) >= 3 and word_freq(t.word) < 50)
            for t in stem
        )
    return all(
        t.flag in PROPERISH
        or place_token(t, gaz)
        or (t.flag == "n" and t.word not in GENERIC and not gaz.org_suffix(t.word))
        for t in stem
    )


# a township or village printed as its own word after its name (青石 镇, 柳林 乡, 白杨 村)
_VILLAGE_ENDS = frozenset({"乡", "镇", "村", "屯"})
# the name of a township or village is a rare word (青石 231, 柳林 32), never a frequent
# description (试点 1130, 贫困 1882, 花卉 524): jieba's frequency draws that line
_VILLAGE_STEM_FREQ = 500
_VILLAGE_STEM_FLAGS = frozenset({"n", "nr", "nz", "ns", "nrt", "new", "j"})


def village_stem(t: Token, gaz: Gazetteer) -> bool:
    """A word that can name the township or village after it: proper-looking, rare, not a kind."""
    w = t.word
    return (
        2 <= len(w) <= 3
        and t.flag in _VILLAGE_STEM_FLAGS
        and han_word(w)
        and w[0] not in _NOT_STEM_START
        and w[0] not in "老小"  # 老大难 村, 小康 村: a description
        and w[0] not in LOC_SUFFIX_CHARS
        and w not in GENERIC
        and gaz.org_suffix(w) is None
        and word_freq(w) <= _VILLAGE_STEM_FREQ
    )


def _verb_stem(t: Token) -> bool:
    """A rare word jieba reads as a verb can still name a township after its county (宣和/v 镇)."""
    return t.flag == "v" and len(t.word) == 2 and word_freq(t.word) <= _VERB_STEM_FREQ


# a township named like a verb is a rare word (宣和 165), not a common verb (发展, 建设)
_VERB_STEM_FREQ = 200


# endings of village names in the north (李家庄, 王家寨, 赵家堡, 三官营): after a county, township
# or town, an unknown word ending so is a village
_NORTHERN_VILLAGE_ENDS = frozenset("庄寨堡营屯坪峪洼")
_COUNTY_ENDS = frozenset("县乡镇")


def _village_after_county(toks: Sequence[Token], i: int) -> bool:
    t = toks[i]
    return (
        i > 0
        and t.flag == "new"
        and len(t.word) == 3
        and t.word[-1] in _NORTHERN_VILLAGE_ENDS
        and t.word[0] not in _NOT_STEM_START
        and toks[i - 1].word[-1:] in _COUNTY_ENDS
        and len(toks[i - 1].word) >= 3
        and toks[i - 1].flag in ("ns", "new", "nz", "n")
    )


# a proper street name jieba knows is rare (文三路 3); a frequent one is a kind (文化路 513)
_STREET_NZ_FREQ = 100


def _new_street(t: Token) -> bool:
    """笋岗路/new, 文三路/nz: an unknown (or rare proper) three-character word ending in 路 or 街
    names a street (a common one, 小路, 大街, is an ordinary word); not after a numeral (三条路)
    or a verb stem."""
    w = t.word
    return (
        (t.flag == "new" or (t.flag == "nz" and word_freq(w) <= _STREET_NZ_FREQ))
        and len(w) == 3
        and w[-1] in "路街"
        and w[0] not in _NOT_STEM_START
        and han_word(w)
        and (dict_tag(w[:2]) or "n")[0] not in "vadpcrumq"
    )


def place_compounds(toks: Sequence[Token], gaz: Gazetteer) -> list[Candidate]:
    """延边 + 州, 莲花 + 街道, 乾丰园 + 社区, 长白山 + 保护开发区: a name plus a place suffix."""
    out: list[Candidate] = []
    n = len(toks)
    for i, t in enumerate(toks):
        if (
            t.flag in ("new", "n", "nz")
            and len(t.word) >= 3
            and t.word[-1] in "区县市镇乡村屯"
            and t.word not in _GENERIC_PLACES
            and _stem_ok([t], t.word[-1], gaz) is not False
            and t.word[0] not in _NOT_NAME_START
            and (t.flag == "new" or t.word[-1] in "镇乡村屯")
            and word_freq(t.word[:-1]) <= _COMMON_NOUN_FREQ
        ):  # not 先进村
            out.append(Candidate(t.start, t.end, "LOC", "rule", 0.6))  # 净月区/new, 双泾村/n
        if t.flag in ("new", "nz") and (_village_after_county(toks, i) or _new_street(t)):
            out.append(Candidate(t.start, t.end, "LOC", "rule", 0.6))  # 柳林县 前元庄/new, 笋岗路/new
        if i + 1 >= n:
            break
        nxt = toks[i + 1]
        nw = nxt.word
        if (
            nxt.flag != "new"
            and nw not in LOC_SUFFIX_CHARS
            and nw not in LOC_SUFFIX_WORDS
            and nw != "地区"
            and (i + 2 >= n or toks[i + 2].word not in LOC_SUFFIX_WORDS)
        ):
            # the common case: no suffix follows, so only a zone two words on can close a place
            if i + 2 < n and toks[i + 2].word.endswith(_ZONE_ENDS) and place_token(t, gaz):
                _add_zone(out, t, nxt, toks[i + 2])
            continue
        place = place_token(t, gaz)
        after_township = i > 0 and toks[i - 1].word[-1:] in ("乡", "镇") and t.flag[:1] in "nj"  # X乡 杨家/nrfg 窑村
        if nxt.flag == "new" and len(nxt.word) == 2 and (place or village_stem(t, gaz) or after_township):
            if nxt.word[0] in _VILLAGE_ENDS and t.word[-1] not in LOC_SUFFIX_CHARS:
                out.append(Candidate(t.start, nxt.start + 1, "LOC", "rule", 0.6))  # 麦盖提 乡像/new
                continue
            if nxt.word[-1] in _VILLAGE_ENDS and nxt.word[0] not in _NOT_STEM_START:
                out.append(Candidate(t.start, nxt.end, "LOC", "rule", 0.6))  # 水江/ns 头村/new
                continue
        if place and nxt.word in LOC_SUFFIX_CHARS and t.word[-1] not in LOC_SUFFIX_CHARS:
            out.append(Candidate(t.start, nxt.end, "LOC", "rule", 0.75))  # not 重庆市 + 区
            continue
        if nxt.word in LOC_SUFFIX_CHARS and t.word + nxt.word in gaz.divisions:
            out.append(Candidate(t.start, nxt.end, "LOC", "rule", 0.8))  # 九台/m 区: a division jieba cut
            continue
        if (
            t.flag == "new"
            and i > 0
            and t.word[0] in _VILLAGE_ENDS
            and nxt.word in _VILLAGE_ENDS
            and village_stem(Token(t.word[1:], "new", t.start + 1, t.end), gaz)
            and (toks[i - 1].flag == "new" or village_stem(toks[i - 1], gaz))
        ):
            # 洋河 镇柳河/new 村: the HMM glued a township's 镇 to the village's name after it
            out.append(Candidate(toks[i - 1].start, t.start + 1, "LOC", "rule", 0.6))
            out.append(Candidate(t.start + 1, nxt.end, "LOC", "rule", 0.6))
            continue
        if (
            nxt.word in _VILLAGE_ENDS
            and not place
            and (
                village_stem(t, gaz)
                or (i > 0 and toks[i - 1].word[-1:] in ("县", "市", "区") and _verb_stem(t))  # 该县 宣和/v 镇
            )
        ):
            out.append(Candidate(t.start, nxt.end, "LOC", "rule", 0.6))  # 青石 + 镇, 柳林 + 乡
            continue
        if place and nxt.word == "地区" and area_name(t.word, gaz):
            out.append(Candidate(t.start, nxt.end, "LOC", "rule", 0.8))
            continue
        # 远洋 戛纳 + 小镇, 莲花 + 街道 (only when a suffix word follows: the common case is none)
        if nxt.word in LOC_SUFFIX_WORDS or (i + 2 < n and toks[i + 2].word in LOC_SUFFIX_WORDS):
            for width in (2, 1):
                if i + width >= n or (
                    width == 2 and (t.word[-1] in LOC_SUFFIX_CHARS or toks[i + 1].word[-1] in LOC_SUFFIX_CHARS)
                ):
                    continue
                suf = toks[i + width]
                if suf.word in LOC_SUFFIX_WORDS and len(suf.word) >= 2 and _stem_ok(toks[i : i + width], suf.word, gaz):
                    out.append(Candidate(t.start, suf.end, "LOC", "rule", 0.6))
                    break
        if place and i + 2 < n:
            _add_zone(out, t, nxt, toks[i + 2])
    return out


_ZONE_ENDS = ("开发区", "新区", "保护区", "园区")


def _add_zone(out: list[Candidate], t: Token, nxt: Token, last: Token) -> None:
    """长白山 保护 开发区: a place (``t``), one modifier, then a zone word."""
    if (nxt.flag in NOUNISH or nxt.flag == "v") and last.word.endswith(_ZONE_ENDS):
        out.append(Candidate(t.start, last.end, "LOC", "rule", 0.6))


# above this jieba frequency a county's short name is mostly the word (和平 7998, 新华 549 are
# words; 泰和 79, 离石 65 are names)
_COUNTY_WORD_FREQ = 300


def counties_in_their_province(toks: Sequence[Token], gaz: Gazetteer) -> list[Candidate]:
    """江西 泰和, 吕梁 离石: a county's short name right after its own province or prefecture is a
    place, whatever jieba tags it (alone, 泰和 and 离石 are too often ordinary words)."""
    out: list[Candidate] = []
    for i in range(1, len(toks)):
        t = toks[i]
        if (
            t.word in gaz.county_short
            and t.flag[:1] not in "vdpcu"
            and (t.flag == "ns" or word_freq(t.word) <= _COUNTY_WORD_FREQ)  # not 广东 和平/nz 发展
            and lies_in(t.word, toks[i - 1].word)
        ):
            out.append(Candidate(t.start, t.end, "LOC", "rule", 0.75))
    return out
