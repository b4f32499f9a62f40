"""ORG layers: jieba's nt tags checked, organisation chains, long names, prefixes, title fusions.

jieba's ``nt`` holds real names (新华社) but also phrases from its training text (重大进展,
新鲜空气, 联合公报), so an nt word counts only with an organisation ending.  A chain (a place,
then organisation words) stops at the first word that is not one, so it does not run on into the
verb or noun after the name (大使馆开馆, 广播公司演播大厅).  Long names joined by 和/与
(X和平与裁军委员会) are closed by a strong suffix and opened by a place or a national prefix.
``克林顿政府`` is a person's government: the person is tagged, not an organisation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from core.entities.candidates import Candidate
from core.entities.jieba.tokenizer import Token, dict_tag
from core.entities.rules.gazetteer import Gazetteer
from core.entities.rules.names import person_shape
from core.entities.rules.orgkinds import generic_org
from core.entities.rules.places import ADMIN_PREFIX, GENERIC, NOUNISH, PROPERISH, STRONG, place_token
from core.entities.rules.wordlists import words

# organisation words that need a place or a proper name before them (国家 alone is not one)
_WEAK_PREFIX = frozenset({"中央", "国家", "全国", "地方"})
# ad-hoc bodies set up for a task: 疫情防控指挥部 is not a named organisation
_AD_HOC = ("指挥部", "工作组", "领导小组", "专班", "工作队")
# last characters of organisation names; an nt word ending otherwise is a phrase (重大进展);
# 专 closes the short form of a 专科学校 (福州师专, X工专, X艺专)
_NT_END = frozenset("会盟党报社团队军部局院委署司处厅所校馆台行厂店网协联办组田矿专")
# nt words with an organisation ending that are documents, areas or slogans, not organisations
_NT_NOT = ("公报", "大部", "全党", "全军", "大厅", "展厅")
# suffixes that close a long name even across 和/与 and verbs (争取和平与裁军委员会)
_LONG_CLOSERS = ("委员会", "协会", "联合会", "基金会", "研究会", "促进会", "理事会", "联盟", "共同体")
_LINKS = frozenset({"和", "与", "及"})
# what closes a whole name in one nz token (穆斯林联盟)
_WORD_CLOSERS = STRONG + _LONG_CLOSERS
# verbs that take a unit as object in a two-character word (开馆, 建厂, 住院, 出台)
_VERB_FIRST = frozenset("开建办闭关入出离到进回住上下在停迁设")
# legal forms that follow a company's name as separate words (一拖集团 有限责任 公司)
_LEGAL_FORMS = frozenset({"有限", "有限责任", "股份", "股份有限", "控股"})
# first characters that make a word a description (各级党委, 全体, 本院), not a name
_DESCRIPTIVE = frozenset("各全本该每诸某此其")
# last characters of two-character words that name a unit wherever they stand (酒厂, 粮库, 煤矿)
_UNIT_CHARS = frozenset("厂库矿院团队社所校店")
# units that, cut off as a word of their own (剪纸 厂/zg) or tagged a verb (长春 分行/v), still end
# the name before them
_UNIT_ALONE = frozenset({"厂", "矿", "库", "店", "分行", "支行"})
# age groups jieba tags as time words, common inside names (老年 合唱团, 少年 宫)
_AGE_GROUPS = frozenset({"老年", "青年", "少年", "中年", "儿童"})
# first characters of two-character branch words that do name a unit (分社, 总局, 支行)
_BRANCH = frozenset("分总支")
# starts of a long name besides a place: national and international prefixes (国家验收委员会)
_LONG_OPENERS = ("中国", "中华", "全国", "国家", "国际", "世界", "亚洲", "中央")
_ORDINAL_RE = re.compile(r"(?:第[一二三四五六七八九十百零〇两\d０-９]{1,4}届|中共)$")
# bare abbreviations that fuse into a title word (省委书记); a named one (河南省委) stays an ORG
_FUSABLE = frozenset({"省委", "市委", "县委", "区委", "州委", "党委", "镇党委", "乡党委", "村党委"})


def nt_trusted(w: str, gaz: Gazetteer) -> bool:
    """jieba's nt word is an organisation when it ends like one and is not a generic noun."""
    if w in gaz.orgs:
        return True
    if w in GENERIC or w.startswith(_NT_NOT) or w.endswith(_NT_NOT) or person_government(w, gaz):
        return False
    if len(gaz.org_suffix(w) or "") == 1 and w[-2:] in GENERIC:
        return False  # 公共场所, 城市格局: a phrase ending in a generic noun
    if any(len(w) > k + 1 and w[-k:] in gaz.titles for k in (2, 3)):
        return False  # 中央政治局常委: a title word, see tagged_orgs
    if len(w) >= 6 and not w.endswith("区") and any(gaz.is_place(w[:k]) for k in (2, 3, 4)):
        return True  # 巴勒斯坦民族权力机构/nt: a long name of jieba's opening with a country
    return gaz.org_suffix(w) is not None or w[-1] in _NT_END


def person_government(w: str, gaz: Gazetteer) -> bool:
    """克林顿政府: a person's name before 政府 names an administration, tagged as the person."""
    head = w[:-2]
    return (
        w.endswith("政府")
        and len(head) >= 2
        and not gaz.is_place(head)
        and (
            person_shape(head, gaz) > 0
            or (len(head) >= 3 and gaz.is_translit(head))
            or dict_tag(head) in ("nr", "nrt", "nrfg")
        )
    )


def _venue_head(w: str) -> str | None:
    """The longest building or ground word ``w`` ends with (大会堂 over 会堂), if any."""
    heads = words("venue_heads")
    return next((w[-k:] for k in range(min(len(w), 5), 0, -1) if w[-k:] in heads), None)


def tagged_orgs(toks: Sequence[Token], gaz: Gazetteer) -> list[Candidate]:
    """jieba's nt words that pass ``nt_trusted``; venues are places; X政府 gives the person X."""
    out: list[Candidate] = []
    for t in toks:
        w = t.word
        if t.flag != "nt" or w in gaz.orgs or gaz.is_place(w):
            continue
        head = _venue_head(w)
        if head is not None and len(w) >= len(head) + 2:
            out.append(Candidate(t.start, t.end, "LOC", "jieba", 0.7))  # 人民大会堂/nt: a building
            continue
        title = next((k for k in (3, 2) if len(w) > k + 1 and w[-k:] in gaz.titles), 0)
        if person_government(w, gaz):
            out.append(Candidate(t.start, t.end - 2, "PER", "rule", 0.7))
        elif title:
            # 中央政治局常委: the organisation before a title word is tagged, the title is not
            if w[:-title] in gaz.orgs or gaz.org_suffix(w[:-title]):
                out.append(Candidate(t.start, t.end - title, "ORG", "rule", 0.7))
        elif any(w.endswith(p) and len(w) > len(p) + 1 for p in words("part_heads")):
            # 纽约联合国总部, X代表团: the owner inside is found by the refiner ``orgkinds.org_kinds``
            out.append(Candidate(t.start, t.end, "ORG", "jieba", 0.7))
        elif nt_trusted(w, gaz):
            # 北京音乐厅, 人民大会堂: a venue is a place, not an organisation
            venue = w.endswith(("音乐厅", "大会堂", "礼堂", "公园", "纪念馆", "广场", "剧场", "体育馆"))
            out.append(Candidate(t.start, t.end, "LOC" if venue else "ORG", "jieba", 0.7))
    # (a venue's name of a head and one character, 人大会堂 in 万人大会堂, is no building's name)
    return out


def word_orgs(toks: Sequence[Token], gaz: Gazetteer) -> list[Candidate]:
    """One token that jieba did not tag nt but is a whole name: a proper noun (nz) closed by a
    strong suffix (穆斯林联盟), or a place fused with an organisation word (上海交响乐团/n)."""
    out: list[Candidate] = []
    for t in toks:
        w = t.word
        if t.flag == "nz" and len(w) >= 4 and w.endswith(_WORD_CLOSERS) and not person_government(w, gaz):
            out.append(Candidate(t.start, t.end, "ORG", "rule", 0.65))
        elif t.flag == "n" and len(w) >= 5:
            suf = gaz.org_suffix(w)
            if suf is None or len(suf) < 2 or w in GENERIC:
                continue
            k = next((k for k in (3, 2) if gaz.is_place(w[:k]) and len(w) - k > len(suf)), 0)
            if k:
                out.append(Candidate(t.start, t.end, "ORG", "rule", 0.65))
    return out


def org_word(t: Token, gaz: Gazetteer, right_after: bool = True) -> bool:
    """A token that can end an organisation name.

    A two-character word ending in a one-character suffix (画院, 酒厂) names a unit only right
    after the place or organisation; further on it is a verb or a noun (人士 同台, 开馆).
    """
    w = t.word
    if w.endswith(_AD_HOC) or w.endswith("干部") or person_government(w, gaz):
        return False
    if w in gaz.orgs or (t.flag == "nt" and nt_trusted(w, gaz)) or w in _UNIT_ALONE:
        return True
    if t.flag not in NOUNISH or w in gaz.titles or w.endswith(_NT_NOT):
        return False
    suf = gaz.org_suffix(w)
    if suf is None or w[0] in _DESCRIPTIVE:
        return False
    if len(suf) == 1 and (w in GENERIC or w[-2:] in GENERIC):
        return False  # 大局, 重新部署: an ordinary word ending in 局/署
    if len(w) == 2 and len(suf) == 1 and w[0] in _VERB_FIRST:
        return False  # 开馆, 建厂, 出院: a verb and its object
    if len(w) == 2 and len(suf) == 1 and not right_after:
        # further on, only a branch (分社) or a plain unit noun (酒厂, 粮库: not 同台, 开馆) ends a name
        return w[0] in _BRANCH or (w[1] in _UNIT_CHARS and t.flag == "n" and dict_tag(w) == "n")
    return True


def _extends(toks: Sequence[Token], j: int, gaz: Gazetteer) -> int:
    """How many tokens from ``j`` continue a name that already ends in an organisation word.

    An organisation word continues it (组织部 after 市委); so does a place followed by one
    (新华社 香港 分社), or a legal form and 公司 (一拖集团 有限责任 公司).  Anything else ends
    the name: 广播公司 | 演播 大厅.
    """
    if org_word(toks[j], gaz, False):
        return 1
    if toks[j].word in _LEGAL_FORMS and j + 1 < len(toks) and toks[j + 1].word.endswith("公司"):
        return 2
    if j + 1 < len(toks) and place_token(toks[j], gaz) and org_word(toks[j + 1], gaz, False):
        return 2
    return 0


def _whole_org(t: Token, gaz: Gazetteer) -> bool:
    """A token that is a complete organisation name by itself (安理会, 人民日报, 新华社)."""
    if len(t.word) < 3 or generic_org(t.word):
        return False  # 福利院: a kind of unit ends a chain (北京市 儿童 福利院) like any org word
    return t.word in gaz.orgs or (t.flag == "nt" and nt_trusted(t.word, gaz))


_DIRECT = ("省直", "市直", "县直", "区直", "中直")


# levels (one character each, see ``fused_admin_levels.txt``) a dictionary word fuses with an office (省 + 农业厅)
_FUSED_ADMIN = words("fused_admin_levels")


def _fused_admin_office(t: Token, gaz: Gazetteer) -> bool:
    """One dictionary word of a level and an office (省农业厅, 县公安局): the office after the level
    word is an organisation word of three characters or more (not 市场部: 场部)."""
    w = t.word
    if len(w) < 4 or w[0] not in _FUSED_ADMIN or t.flag not in NOUNISH:
        return False
    return org_word(Token(w[1:], t.flag, t.start + 1, t.end), gaz)


# dispatch words closing a dateline (本报讯, 专电, 北京电): no name that an admin word could end,
# and no part of an organisation after them
_DISPATCH = frozenset({"讯", "电", "专电", "日电", "日讯", "本报讯", "本刊讯"})


_STRONG_LAST = frozenset(s[-1] for s in STRONG)  # the last characters of STRONG: a set test first


def org_chains(toks: Sequence[Token], gaz: Gazetteer) -> list[Candidate]:
    """A place (or 省/市/县 standing alone, or an org) + up to five words ending in an org suffix."""
    out: list[Candidate] = []
    n = len(toks)
    orgs, places, titles = gaz.orgs, gaz.place_names, gaz.titles
    standalone = words("standalone_orgs")
    for i, t in enumerate(toks):
        w = t.word
        starts_org = w in orgs or (t.flag == "nt" and nt_trusted(w, gaz))
        if w[:1] in _FUSED_ADMIN and _fused_admin_office(t, gaz):  # a set lookup first: most words start otherwise
            out.append(Candidate(t.start, t.end, "ORG", "rule", 0.7))
            continue
        # a place, 省/市/县 alone, an org, or 省直机关工委; ``place_token`` needs more than the
        # set lookup only for jieba's ns words (the cheap tests first: most tokens are none of these)
        if not (
            starts_org
            or w in ADMIN_PREFIX
            or w.startswith(_DIRECT)
            or w in places
            or (t.flag == "ns" and place_token(t, gaz))
        ):
            continue
        if (
            w in ADMIN_PREFIX
            and len(w) == 1
            and i > 0
            and toks[i - 1].flag in PROPERISH
            and toks[i - 1].word not in _DISPATCH
        ):
            continue  # 中庄 乡 石棉 矿: the 乡 ends the name before it, it opens no chain
        if not starts_org and i + 1 < n and place_token(toks[i + 1], gaz) and toks[i + 1].word not in gaz.divisions:
            continue  # 比勒陀利亚 南非研究中心: a city then a country is no chain of levels
        best = i if starts_org else None
        known = w in orgs
        for j in range(i + 1, min(n, i + 6)):
            u = toks[j]
            uw = u.word
            if uw in _DISPATCH:
                break  # 南京电 省农业厅: the dateline ends before the organisation
            if (
                u.flag not in NOUNISH and uw != "驻" and uw not in _AGE_GROUPS and uw not in _UNIT_ALONE
            ) or uw in titles:
                break
            if known and uw in orgs:
                break  # 省委省政府: two organisations side by side, not one
            if best is not None:
                if j <= best:
                    continue
                step = _extends(toks, j, gaz)
                if not step:
                    break  # 广播公司 演播 大厅: the name ended with the organisation word
                best = j + step - 1
            elif uw in standalone:
                break  # 日内瓦 世界卫生组织: an international body is not the place's own
            elif j > i + 1 and _whole_org(u, gaz):
                break  # 中国 主张 安理会: a whole name after other words is its own, not this chain's end
            elif org_word(u, gaz, j == i + 1) or (u.word in GENERIC and u.word.endswith(STRONG)):
                best = j
        if best is None or best == i:
            continue
        if t.word in _WEAK_PREFIX and best == i + 1 and toks[best].word in GENERIC:
            continue
        conf = 0.75 if t.word not in ADMIN_PREFIX else 0.7
        out.append(Candidate(t.start, toks[best].end, "ORG", "rule", conf))
    # 华为公司, 国家发展改革委员会: proper-looking words before a strong suffix
    for i, t in enumerate(toks):
        if (
            t.word[-1:] not in _STRONG_LAST
            or not t.word.endswith(STRONG)
            or i == 0
            or t.word in gaz.orgs
            or person_government(t.word, gaz)
        ):
            continue  # 省委 省政府: two known organisations side by side stay two
        j = i - 1
        while (
            j >= 0
            and i - j <= 2
            and (toks[j].flag in PROPERISH - {"nr", "nrt", "nrfg"} or _foreign_name(toks[j], t, gaz))
            and not gaz.is_place(toks[j].word)
            and toks[j].word not in gaz.orgs
        ):
            j -= 1
        if j < i - 1:
            out.append(Candidate(toks[j + 1].start, t.end, "ORG", "rule", 0.6))
    return out


def _foreign_name(t: Token, head: Token, gaz: Gazetteer) -> bool:
    """拉合尔 高等法院: a transliterated word jieba took for a person, before an institution."""
    foreign = gaz.is_translit(t.word) or (t.flag in ("nr", "nrt") and t.word[0] not in gaz.common_surnames)
    return len(t.word) >= 3 and foreign and not head.word.endswith("政府")


def _long_inner(t: Token) -> bool:
    """A word that may stand inside a long name: nouns, verbs, adjectives, idioms, 和/与/及."""
    return t.word in _LINKS or (t.flag[:1] in "nvail" and t.flag not in ("nr", "nrfg", "nrt"))


def long_orgs(toks: Sequence[Token], gaz: Gazetteer) -> list[Candidate]:
    """中国人民争取和平与裁军委员会: a place or national prefix, up to five words, a strong closer."""
    out: list[Candidate] = []
    for j, t in enumerate(toks):
        if not t.word.endswith(_LONG_CLOSERS) or t.word in gaz.titles:
            continue
        for i in range(j - 1, max(-1, j - 7), -1):
            s = toks[i]
            if t.end - s.start > 18:
                break
            if place_token(s, gaz) or s.word in gaz.orgs or s.word.startswith(_LONG_OPENERS):
                # 国家 委员会 is no name; 国家验收 委员会 (an opener fused with a word) is
                fused = s.word.startswith(_LONG_OPENERS) and s.word not in _LONG_OPENERS
                if i < j - 1 or len(t.word) > 3 or fused:
                    out.append(Candidate(s.start, t.end, "ORG", "rule", 0.65))
                break
            if not _long_inner(s):
                break
    return out


def prefixed_orgs(text: str, cands: Sequence[Candidate]) -> list[Candidate]:
    """第九届全国人民代表大会, 中共北京市委: an ordinal session or 中共 before an ORG belongs to it."""
    out: list[Candidate] = []
    for c in cands:
        if c.type != "ORG" or text.startswith("中共", c.start):
            continue
        m = _ORDINAL_RE.search(text, max(0, c.start - 6), c.start)
        if m is not None and m.end() == c.start:
            out.append(Candidate(m.start(), c.end, "ORG", "rule", c.confidence))
    return out


def fused_title_orgs(text: str, cands: Sequence[Candidate], gaz: Gazetteer) -> list[Candidate]:
    """Drop 省委 in 省委书记/省委常委 when jieba cut the title word in two: it is part of a title.

    Only the bare abbreviation fuses; a named committee (河南省委 书记) is an organisation.
    """
    out: list[Candidate] = []
    for c in cands:
        word = text[c.start : c.end]
        if c.type == "ORG" and word in _FUSABLE and text.startswith(("书记", "副书记", "常委"), c.end):
            continue
        out.append(c)
    return out
