"""LOC and ORG layers: gazetteer words, place suffixes, organisation chains and abbreviations.

``长春市委组织部`` is one ORG (a place, then organisation words ending in an organisation suffix);
``昌邑区莲花街道乾丰园社区`` is three LOCs (each administrative level is its own place).  An
abbreviation fused into a title word (``省委书记``) is one jieba token and is left alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.entities.candidates import Candidate
from core.entities.gazetteer import LOC_SUFFIX_CHARS, LOC_SUFFIX_WORDS, Gazetteer
from core.entities.tokenizer import Token

_NOUNISH = frozenset({"n", "nz", "vn", "j", "nt", "ns", "nr", "l", "new", "eng", "an", "ng", "b"})
_PROPERISH = frozenset({"nz", "ns", "nt", "j", "new", "eng", "nr", "nrt", "nrfg"})
_ADMIN_PREFIX = frozenset({"省", "市", "县", "区", "州", "乡", "镇", "中央", "国家", "全国", "地方"})
# organisation words that need a place or a proper name before them (国家 alone is not one)
_WEAK_PREFIX = frozenset({"中央", "国家", "全国", "地方"})
# nouns that end in an organisation suffix character but are not organisations
_GENERIC = frozenset({
    "社会", "机会", "大会", "体会", "约会", "都会", "宴会", "晚会", "聚会", "舞会", "集会", "开会", "盛会",
    "峰会", "年会", "座谈会", "会", "全部", "内部", "外部", "局部", "干部", "东部", "西部", "南部",
    "北部", "中部", "腹部", "头部", "胸部", "背部", "格局", "结局", "布局", "大局", "全局", "开局", "当局",
    "场所", "住所", "厕所", "处所", "好处", "到处", "长处", "短处", "益处", "之处", "各处", "难处",
    "深处", "远处", "学科", "专科", "本科", "文科", "理科", "社团", "财团", "小组", "班组", "机组",
    "部队", "军队", "团队", "排队", "球队", "车队", "冠军", "亚军", "季军", "将军", "大军", "进军", "参军",
    "平台", "舞台", "讲台", "阳台", "后台", "前台", "出台", "上台", "车站", "网站", "宾馆", "场馆",
    "工厂", "举办", "创办", "主办", "承办", "兴办", "常委", "编委", "部署", "签署", "党", "组织",
    "指挥部", "党支部", "支部", "工作组", "领导小组", "代表团", "中心", "总部", "办公室", "委员会",
    "政府", "人民政府", "学校", "医院", "公司", "集团", "银行", "大学", "学院", "法院", "工作队",
    "音乐会", "演唱会", "运动会", "博览会", "交易会", "展览会", "研讨会", "报告会", "茶话会",
    "招待会", "联欢会", "音乐厅", "大会堂", "礼堂", "事务所", "研究所", "研究院", "一团", "一队",
    "专班", "工作专班", "协会", "学会", "人大", "政协", "党组织", "基层党组织",
})
# organisation suffixes strong enough to make an ORG after any proper-looking word (华为公司)
_STRONG = ("委员会", "集团", "公司", "银行", "大学", "学院", "协会", "学会", "基金会", "联合会", "研究院",
           "研究所", "法院", "检察院", "医院", "政府", "电视台", "出版社", "报社")


def _place_token(t: Token, gaz: Gazetteer) -> bool:
    return (t.flag == "ns" or gaz.is_place(t.word)) and t.word not in _ADMIN_PREFIX


def gazetteer_words(toks: Sequence[Token], gaz: Gazetteer) -> list[Candidate]:
    """Tokens that are known places or organisations, and jieba's ns/nt tags."""
    out: list[Candidate] = []
    for t in toks:
        w = t.word
        if w in gaz.orgs:
            out.append(Candidate(t.start, t.end, "ORG", "rule", 0.85))
        elif gaz.is_place(w):
            out.append(Candidate(t.start, t.end, "LOC", "rule", 0.85))
        elif t.flag == "ns" and len(w) >= 2 and w[-1] not in "人":
            # jieba's ns holds many ordinary words (喜庆, 华夏): trust it with a place suffix only
            sure = w[-1] in LOC_SUFFIX_CHARS or len(w) >= 4
            out.append(Candidate(t.start, t.end, "LOC", "jieba", 0.65 if sure else 0.45))
        elif t.flag == "nt" and w not in _GENERIC:
            # 北京音乐厅, 人民大会堂: a venue is a place, not an organisation
            venue = w.endswith(("音乐厅", "大会堂", "礼堂", "公园", "纪念馆", "广场", "剧场", "体育馆"))
            out.append(Candidate(t.start, t.end, "LOC" if venue else "ORG", "jieba", 0.7))
        elif t.flag == "nrt" and gaz.is_place(w):
            out.append(Candidate(t.start, t.end, "LOC", "rule", 0.8))
    return out


def known_phrases(text: str, gaz: Gazetteer) -> list[Candidate]:
    """Known organisation names jieba cuts into several words (博鳌 亚洲 论坛)."""
    return [Candidate(m.start(), m.end(), "ORG", "rule", 0.85) for m in gaz.org_pattern.finditer(text)]


def place_compounds(toks: Sequence[Token], gaz: Gazetteer) -> list[Candidate]:
    """延边 + 州, 莲花 + 街道, 乾丰园 + 社区, 长白山 + 保护开发区: a name plus a place suffix."""
    out: list[Candidate] = []
    n = len(toks)
    for i, t in enumerate(toks):
        if i + 1 >= n:
            break
        nxt = toks[i + 1]
        place = _place_token(t, gaz)
        if place and nxt.word in LOC_SUFFIX_CHARS:
            out.append(Candidate(t.start, nxt.end, "LOC", "rule", 0.75))
        elif (nxt.word in LOC_SUFFIX_WORDS and len(nxt.word) >= 2 and 2 <= len(t.word) <= 4
              and (place or t.flag in _PROPERISH or (t.flag == "n" and t.word not in _GENERIC
                                                     and not gaz.org_suffix(t.word)))):
            out.append(Candidate(t.start, nxt.end, "LOC", "rule", 0.6))
        elif place and i + 2 < n:
            # 长白山 保护 开发区: a place, one modifier, then a zone word
            last = toks[i + 2]
            if nxt.flag in _NOUNISH | {"v"} and last.word.endswith(("开发区", "新区", "保护区", "园区")):
                out.append(Candidate(t.start, last.end, "LOC", "rule", 0.6))
    return out


def _org_word(t: Token, gaz: Gazetteer) -> bool:
    """A token that can end an organisation name."""
    w = t.word
    if w in gaz.orgs or (t.flag == "nt" and w not in _GENERIC):
        return True
    if t.flag not in _NOUNISH or w in gaz.titles:
        return False
    suf = gaz.org_suffix(w)
    if suf is None:
        return False
    if w in _GENERIC and w not in _STRONG and len(suf) == 1:
        return False
    return not (len(suf) == 1 and len(w) > 1 and w in _GENERIC)


def org_chains(toks: Sequence[Token], gaz: Gazetteer) -> list[Candidate]:
    """A place (or 省/市/县 standing alone, or an org) + up to three words ending in an org suffix."""
    out: list[Candidate] = []
    n = len(toks)
    for i, t in enumerate(toks):
        starts_org = t.word in gaz.orgs or (t.flag == "nt" and t.word not in _GENERIC)
        if not (_place_token(t, gaz) or t.word in _ADMIN_PREFIX or starts_org):
            continue
        best = None
        for j in range(i + 1, min(n, i + 6)):
            u = toks[j]
            if (u.flag not in _NOUNISH and u.word != "驻") or u.word in gaz.titles:
                break
            if t.word in gaz.orgs and u.word in gaz.orgs:
                break  # 省委省政府: two organisations side by side, not one
            if _org_word(u, gaz) or (u.word in _GENERIC and u.word.endswith(_STRONG)):
                best = j
        if best is None:
            continue
        if t.word in _WEAK_PREFIX and best == i + 1 and toks[best].word in _GENERIC:
            continue
        conf = 0.75 if t.word not in _ADMIN_PREFIX else 0.7
        out.append(Candidate(t.start, toks[best].end, "ORG", "rule", conf))
    # 华为公司, 国家发展改革委员会: proper-looking words before a strong suffix
    for i, t in enumerate(toks):
        if not t.word.endswith(_STRONG) or i == 0:
            continue
        j = i - 1
        while (j >= 0 and i - j <= 2 and toks[j].flag in _PROPERISH - {"nr", "nrt", "nrfg"}
               and not gaz.is_place(toks[j].word)):
            j -= 1
        if j < i - 1:
            out.append(Candidate(toks[j + 1].start, t.end, "ORG", "rule", 0.6))
    return out


def fused_title_orgs(text: str, cands: Sequence[Candidate], gaz: Gazetteer) -> list[Candidate]:
    """Drop 省委 in 省委书记/省委常委 when jieba cut the title word in two: it is part of a title."""
    out: list[Candidate] = []
    for c in cands:
        if c.type == "ORG" and text[c.start:c.end].endswith("委") and text.startswith(
                ("书记", "副书记", "常委"), c.end):
            continue
        out.append(c)
    return out
