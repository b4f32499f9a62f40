"""PER layers over jieba's tokens: tagged names, names after titles (foreign names: ``foreign``).

jieba alone misses names split by its dictionary (``江泽/ns 林/ng``, ``安立/v 佳/a``), tags
ordinary dictionary words as names (``努力实现/nr``, ``养老院/nr``) and cuts foreign names in
pieces (``斯迈/nr 洛夫/nrt``).  Each function here fixes one of those, from general patterns only.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.entities.candidates import Candidate
from core.entities.jieba.tokenizer import Token, dict_tag, in_dictionary, word_freq
from core.entities.rules.gazetteer import Gazetteer
from core.entities.rules.wordlists import words

NAME_FLAGS = frozenset({"nr", "nrfg", "nrt", "new"})
# jieba's dictionary tags many rare words nr (蒲公英, 贺年卡); names it really knows are frequent
_RARE_NAME_FREQ = 100
# characters that end a name when they follow a surname + one character (他说, 江某在)
FUNCTION_CHARS = frozenset("的是在和与及等说称表了也都就将为对向到从被把于以并又还已曾要会和跟同让给指摄")
# characters that do not end a given name: a word ending in them is a place, a thing or an org
_NOT_NAME_END = frozenset("院局部厅委办署处科所会社团队台馆站厂省市县区州镇乡村街路道园场楼化员性率派")
# verbs of saying and doing that follow a person's name (shared with ``persons``)
SPEECH_VERBS = frozenset(
    {"说", "说道", "表示", "指出", "强调", "认为", "介绍", "告诉", "称", "宣布",
     "主持", "出席", "会见", "会晤", "希望"}
)  # fmt: skip
# words that typically follow a person's name: they make a 2-character unknown word a name
_AFTER_NAME = SPEECH_VERBS | {"同志", "先生", "女士", "讲话", "致辞", "提出", "要求"}
# characters (particles, pronouns) that never stand in a given name
# above this jieba frequency a two-character word is an ordinary word, never a surname and a given name
_COMMON_WORD_FREQ = 5000
# last characters that make even a frequent dictionary "name" a thing (胡萝卜, 武昌鱼)
_THING_ONLY = frozenset("鸡鸭鱼卜菜草茶酒药声衣帽鞋")
# particles and degree words that never follow a surname as a given name (包的, 谈得很)
_PARTICLES = frozenset("的得地了着过很吗呢吧")
NOT_IN_GIVEN = frozenset("的了着过得地是在和与就都也把被这那你我他她它们么呢吗吧啊个些两")
# characters that turn the word before them into a longer word (常态 + 化, 积极 + 性)
_WORD_SUFFIX = frozenset("化性者家员式型率度界")
# last characters of things, places and works that jieba's dictionary tags nr (乌骨鸡, 白毛女)
_THING_END = words("thing_ends")
PUNCT_BREAK = frozenset("，。、；：！？（）()《》“”‘’,.;:!? \u3000—…·")


def is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def han_word(word: str) -> bool:
    """Every character of ``word`` is a Chinese character (True for the empty word, as ``all``)."""
    return all(is_han(c) for c in word)


def _dict_name(word: str) -> bool:
    """jieba's dictionary lists ``word`` as a person's name (尉健行, 李长久)."""
    return dict_tag(word) in ("nr", "nrfg")


def rare_dict_name(word: str, gaz: Gazetteer) -> bool:
    """A rare three-character dictionary "name" that is one: surname + a given name that is no word.

    jieba's dictionary holds thousands of real names with small counts (史大桢, 周德武) beside
    things tagged nr (胡萝卜, 乌骨鸡, 白毛女): the given part of a thing is itself a noun (萝卜),
    its last character names a kind of thing (鸡, 女), or its first is a rare surname.
    """
    if len(word) != 3 or word[0] not in gaz.common_surnames or word[-1] in _THING_END or not _dict_name(word):
        return False
    tag = dict_tag(word[1:]) or ""
    return tag in ("", "nr", "nrfg", "ns", "nz", "j") and person_shape(word, gaz) > 0


def person_shape(word: str, gaz: Gazetteer) -> float:
    """How much ``word`` looks like a name on its own: 0 (not at all) to 1."""
    if word in gaz.not_names or gaz.is_place(word) or word in gaz.orgs or word in gaz.titles:
        return 0.0
    if not han_word(word):
        return 0.0
    sl = gaz.surname_len(word)
    if word[-1] in _NOT_NAME_END and (len(word) < 4 or not gaz.is_translit(word)):
        return 0.0  # 乌多文科: a long transliterated name may end in 科 or 台, a Chinese one not
    if sl and 2 <= len(word) <= sl + 2:
        given = word[sl:]
        if any(c in NOT_IN_GIVEN for c in given):
            return 0.0
        if len(given) == 2 and (dict_tag(given) or "x")[0] in "vdpcur" and not _dict_name(word):
            return 0.0  # 时指出: surname-like character + a verb (a name jieba knows may be 健行)
        return 0.8 if not in_dictionary(word) else 0.6
    if len(word) >= 3 and gaz.is_translit(word):
        return 0.6
    return 0.0


# a dictionary "name" whose first two characters are an ordinary word this frequent is mostly a
# compound of that word (羊毛 + 绒, 管弦 + 乐, 林果 + 业), rarely a surname and a given name
_HEAD_WORD_FREQ = 10


def word_headed(word: str) -> bool:
    """羊毛绒, 管弦乐, 林果业: a three-character dictionary "name" opening with a common noun or verb."""
    if len(word) != 3:
        return False
    tag = dict_tag(word[:2]) or ""
    return tag in ("n", "v", "vn", "a", "an") and word_freq(word[:2]) >= _HEAD_WORD_FREQ


def thing_like(word: str) -> bool:
    """胡萝卜, 武昌鱼, 乐曲声: a dictionary "name" ending in a kind of thing."""
    return word[-1] in _THING_END


def strong_name_context(toks: Sequence[Token], i: int, gaz: Gazetteer) -> bool:
    """A title before, or 同志, a title or a speech verb after: a list or a verb is not enough."""
    prev = toks[i - 1].word if i > 0 else ""
    nxt = toks[i + 1].word if i + 1 < len(toks) else ""
    return prev in gaz.titles or prev[-2:] in gaz.titles or nxt in _AFTER_NAME or nxt in gaz.titles


def name_context(toks: Sequence[Token], i: int, gaz: Gazetteer, *, verb: bool = True) -> bool:
    """Token ``i`` stands where names stand: after a title, in a list, before a verb (unless not
    ``verb``: 蒲公英/nr 构成, a rare surname's "name" before a verb is mostly a thing) or 同志."""
    prev = toks[i - 1].word if i > 0 else ""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if prev in gaz.titles or prev[-2:] in gaz.titles or prev == "、":
        return True
    return nxt is not None and (
        nxt.word in _AFTER_NAME
        or nxt.word in ("、", "等", "同志")
        or nxt.word in gaz.titles
        or (verb and nxt.flag == "v")
        or (nxt.word == "副" and i + 2 < len(toks) and toks[i + 2].word in gaz.titles)
    )


def tagged_names(toks: Sequence[Token], gaz: Gazetteer) -> list[Candidate]:
    """jieba's nr/nrfg/nrt and HMM-new words that pass the shape filter."""
    out: list[Candidate] = []
    for i in [k for k, t in enumerate(toks) if t.flag in NAME_FLAGS]:  # (a filter, not a loop body)
        t = toks[i]
        sl = gaz.surname_len(t.word)
        if sl and t.flag != "new" and t.word[sl:] in gaz.titles:
            # 孙先生, 华大使: the surname alone is the name
            out.append(Candidate(t.start, t.start + sl, "PER", "rule", 0.6))
            continue
        if t.flag == "nrt" and len(t.word) >= 5 and han_word(t.word) and not gaz.is_place(t.word):
            out.append(Candidate(t.start, t.end, "PER", "jieba", 0.6))  # 柴可夫斯基/nrt: a long foreign name
            continue
        if t.flag in ("nr", "nrfg") and len(t.word) == 2 and in_dictionary(t.word) and not _full_name_word(t, gaz):
            continue  # 2-character dictionary "names" are mostly words (公正, 阳光): anchors decide
        shape = person_shape(t.word, gaz)
        if not shape and t.flag == "nrt" and len(t.word) == 2 and gaz.is_translit(t.word):
            shape = 0.6 if strong_name_context(toks, i, gaz) else 0.0  # 总理 科尔/nrt: a short foreign name
        if (
            t.flag != "new"
            and word_freq(t.word) < _RARE_NAME_FREQ
            and in_dictionary(t.word)
            and not (
                strong_name_context(toks, i, gaz)
                if thing_like(t.word)
                else name_context(toks, i, gaz, verb=t.word[0] in gaz.common_surnames)
            )
            and not rare_dict_name(t.word, gaz)
        ):
            continue  # 蒲公英/nr, 贺年卡/nr: rare dictionary "names" need a title, a list or a verb
        thing = t.flag != "new" and (t.word[-1] in _THING_ONLY or word_headed(t.word)) and in_dictionary(t.word)
        if thing and not strong_name_context(toks, i, gaz):
            continue  # 武昌鱼/nr, 胡萝卜/nr even when frequent: food and plants, not people
        if t.flag == "new":
            followed = i + 1 < len(toks) and toks[i + 1].word in _AFTER_NAME
            if closes_locative_frame(toks, i, gaz):
                continue  # 在寒风冷雪里, 在他的信中: the locative closing 在… is no given name
            if shape and gaz.surname_len(t.word) and (len(t.word) >= 3 or followed):
                out.append(Candidate(t.start, t.end, "PER", "jieba", 0.55))
        elif shape:
            out.append(Candidate(t.start, t.end, "PER", "jieba", 0.7 if t.flag != "nrt" else 0.6))
    return out


def _full_name_word(t: Token, gaz: Gazetteer) -> bool:
    """施琅/nrfg, 徐渭/nrfg: jieba's dictionary marks a two-character word as a full name (nrfg) —
    historical and well-known people — when it is one; not a family (刘家), a surname (刘姓), a
    place (宁远) or a surname and a verb (胡说)."""
    w = t.word
    return (
        t.flag == "nrfg"
        and w[0] in gaz.common_surnames
        and w[1] not in FUNCTION_CHARS
        and w[1] not in "家姓氏"
        and not gaz.is_place(w)
        and w not in gaz.not_names
        and (dict_tag(w[1]) or "n")[0] not in "vdpcu"
    )


# locatives that close a 在… frame (在信中, 在风雪里)
_LOCATIVE_ENDS = frozenset("里中内")
# how many words back a 在 opens the frame
_FRAME_REACH = 6


def closes_locative_frame(toks: Sequence[Token], i: int, gaz: Gazetteer) -> bool:
    """An unknown word ending in a locative, after a 在 in the same clause, its first character no
    common surname: the locative closes the frame (在寒风冷雪里), it ends no name."""
    w = toks[i].word
    if w[-1] not in _LOCATIVE_ENDS or w[0] in gaz.common_surnames:
        return False
    for k in range(i - 1, max(-1, i - 1 - _FRAME_REACH), -1):
        if toks[k].word == "在":
            return True
        if toks[k].word in PUNCT_BREAK:
            return False
    return False


def token_at(toks: Sequence[Token], pos: int) -> Token | None:
    lo, hi = 0, len(toks)
    while lo < hi:
        mid = (lo + hi) // 2
        if toks[mid].end <= pos:
            lo = mid + 1
        else:
            hi = mid
    return toks[lo] if lo < len(toks) and toks[lo].start <= pos else None


def name_after(
    text: str, toks: Sequence[Token], pos: int, gaz: Gazetteer, *, personal: bool = False
) -> tuple[int, int] | None:
    """The name that starts at ``pos`` right after a title or role, if one does.

    ``personal``: the title names one person's office (局长, 教授), not a group (干部, 村民), so a
    surname and a rare dictionary word (隋 立新, 禹 振华) make a name where the word ends.
    """
    if pos >= len(text) or not is_han(text[pos]):
        return None
    first = token_at(toks, pos)
    if first is None or first.start != pos:
        return None
    if first.flag in ("nr", "nrfg") and person_shape(first.word, gaz):
        return first.start, first.end
    if (
        first.flag in ("nr", "nrfg")
        and len(first.word) == 3
        and first.word[-1] not in _THING_END
        and not any(c in NOT_IN_GIVEN for c in first.word)
        and first.word not in gaz.not_names
    ):
        return first.start, first.end  # 记者果永毅: a name jieba knows, with a rare surname
    if (
        first.flag in ("n", "ns", "nz", "nr")
        and 2 <= len(first.word) <= 3
        and word_freq(first.word) < _RARE_NAME_FREQ
        and gaz.surname_len(first.word) == 1
        and person_shape(first.word, gaz)
    ):
        return first.start, first.end  # 秘书长罗干/ns, 主席刘澜涛/n: a rare dictionary word
    if first.word in gaz.titles or gaz.is_place(first.word) or first.word in gaz.orgs:
        return None
    whole = _long_name_words(text, toks, first, gaz)
    if whole is not None:
        return whole
    # a foreign name: a run of transliteration characters up to a break
    k = pos
    while k < len(text) and k - pos < 10 and text[k] in gaz.translit:
        k += 1
    after_run = token_at(toks, k)
    at_break = (
        k == len(text)
        or text[k] in PUNCT_BREAK
        or (after_run and after_run.start == k)
        or (text[k] in FUNCTION_CHARS and k - pos >= 4)  # 部长马尔多卡说: the HMM glued 卡说
    )
    if k - pos >= 3 and at_break and not in_dictionary(text[pos:k]):
        return pos, k
    if k - pos >= 4 and first.end == k and first.flag in ("ns", "nrt") and not gaz.is_place(first.word):
        return pos, k  # 总统巴嘎班迪/ns: a long transliterated word right after a title is the person
    if (
        first.flag in ("ns", "nrt")
        and len(first.word) == 4
        and not gaz.is_place(first.word)
        and first.word[-1] not in _THING_END
        and text[first.end : first.end + 1] == "、"
    ):
        return first.start, first.end  # 书记巴特尔吉/ns、: a four-character name word in a list
    e = first.end
    after_first = token_at(toks, e)
    if (
        2 <= e - pos <= 3
        and first.flag in ("ns", "nrt", "nr")
        and not gaz.is_place(first.word)
        and first.word[-1] not in _THING_END
        and (e == len(text) or not is_han(text[e]) or text[e] in FUNCTION_CHARS or text[e : e + 2] in _AFTER_NAME)
        and (first.flag != "ns" or after_first is None or after_first.start == e)
    ):
        return pos, e  # 协调员丹尼斯/ns 的, 总统普京/ns 在: a dictionary foreign name right after a title
    if (
        k - pos == 2
        and first.end == k
        and first.flag == "new"
        and (
            k == len(text)
            or not is_han(text[k])
            or text[k : k + 2] in _AFTER_NAME
            or text[k] in _AFTER_NAME
            or text[k] in FUNCTION_CHARS
        )
    ):
        return pos, k  # 外长恩佐３０日, 部长恩佐在: a short foreign name, cut as an unknown word
    sl = gaz.surname_len(text[pos:])
    if not sl:
        return None
    end2 = pos + sl + 1  # surname + one character
    if end2 > len(text) or not is_han(text[end2 - 1]):
        return None
    if text[end2 - 1] in _PARTICLES or (dict_tag(text[end2 - 1]) or "x")[:1] in "pcu":
        return None  # 老师包的, 画家应由: a verb or modal, then a particle or preposition
    if first.end == end2 and word_freq(first.word) > _COMMON_WORD_FREQ and first.flag not in NAME_FLAGS:
        return None  # 党员应该做: a very common word is not a name even with a character glued on
    if len(first.word) > sl + 2:
        return None  # 出席会议: a long dictionary word is not a name
    if len(first.word) == sl + 2 and first.flag in NAME_FLAGS:
        return pos, first.end
    third = text[end2] if end2 < len(text) else ""
    nxt = token_at(toks, end2)
    two_only = (
        not third
        or not is_han(third)
        or third in FUNCTION_CHARS
        or (nxt is not None and nxt.start == end2 and len(nxt.word) >= 2)
    )
    if first.end > end2:  # the first token runs past surname + 1: it decides
        if first.end - pos == sl + 2 and (
            not in_dictionary(first.word)
            or (word_freq(first.word) < _RARE_NAME_FREQ and person_shape(first.word, gaz) > 0)
        ):
            return pos, first.end  # 记者林皎明/z: a rare dictionary word of name shape
        return None
    given = token_at(toks, pos + sl)
    if (
        given is not None
        and given.start == pos + sl
        and len(given.word) >= 2
        and given.flag not in NAME_FLAGS | {"new"}
    ):
        surname_only = text[pos] in gaz.surnames and (dict_tag(text[pos]) or "x")[:1] not in "pcdur"
        if personal and surname_only and _rare_given(text, toks, given, gaz):
            return pos, given.end  # 局长禹/振华/nz 带队, 副省长隋/立新/d 出席
        return None  # 干部包/小区, 总书记和/人民, 代表时/强调: the "given name" is an ordinary word
    if third in _WORD_SUFFIX and in_dictionary(text[pos:end2]):
        return None  # 常态化: a dictionary word and a word-forming suffix
    if first.end == end2 and len(first.word) >= 2 and in_dictionary(first.word) and first.flag not in NAME_FLAGS:
        # 安立/v 佳: a dictionary word is a name only with a third character glued to it
        if two_only:
            return None
        return pos, end2 + 1
    return (pos, end2) if two_only else (pos, end2 + 1)


# forms of address that follow a name (林方同志, 王先生): they anchor the name before them only
AFTER_ONLY_TITLES = frozenset({"同志", "先生", "女士", "小姐", "夫人"})
# one-character words that are a conjunction, adverb, particle or pronoun here (和, 都, 的, 他)
_NOT_A_NAME_START = frozenset("cdur")


# above this jieba frequency a dictionary word is too common to be a given name after a surname
_GIVEN_WORD_FREQ = 1000
# titles that name a group of people, not one office: a weak anchor (干部包小区, 代表时强调)
_GROUP_TITLES = frozenset({"干部", "党员", "村民", "居民", "工人", "农民", "代表", "委员", "常委", "同志", "老人"})


def _rare_given(text: str, toks: Sequence[Token], given: Token, gaz: Gazetteer) -> bool:
    """A two-character dictionary word that can be a given name: rare, a noun, time word,
    adjective or adverb, and the name ends with it (a break, a function character, a verb or a
    word of two characters or more: 禹振华 带队)."""
    if len(given.word) != 2 or word_freq(given.word) >= _GIVEN_WORD_FREQ or given.flag[:1] not in "ntadjs":
        return False
    return _ends_name(text, toks, given.end, "vpc", any_long_word=True)


def _ends_name(text: str, toks: Sequence[Token], e: int, flags: str = "vt", *, any_long_word: bool = False) -> bool:
    """A name may end at ``e``: the text ends, or a break or a function character follows, or a
    word starting there whose tag opens with one of ``flags`` (a verb or a time word), or with
    ``any_long_word`` any word of two characters or more."""
    if e >= len(text) or text[e] in PUNCT_BREAK or text[e] in FUNCTION_CHARS:
        return True
    nxt = token_at(toks, e)
    return nxt is not None and nxt.start == e and (nxt.flag[:1] in flags or (any_long_word and len(nxt.word) >= 2))


def _long_name_words(text: str, toks: Sequence[Token], first: Token, gaz: Gazetteer) -> tuple[int, int] | None:
    """A Japanese or other long name right after a title: one name word of four or five
    characters (村山富市/ns, 中曾根康弘/nr), or two unknown two-character words (森本 一郎)."""
    w = first.word
    if not han_word(w) or w in gaz.not_names:
        return None
    if (
        first.flag in ("nr", "nrfg", "nrt", "ns")
        and 4 <= len(w) <= 5
        and (dict_tag(w[:2]) or "n")[0] not in "vad"  # not 宣誓就职/nr: a verb phrase
        and _ends_name(text, toks, first.end)
    ):
        return first.start, first.end
    second = token_at(toks, first.end)
    if (
        len(w) == 2
        and first.flag in ("nr", "nrfg", "new")
        and second is not None
        and second.start == first.end
        and len(second.word) == 2
        and second.flag in ("nr", "nrfg", "new")
        and han_word(second.word)
        and not gaz.is_place(second.word)
        and not (first.flag != "new" and second.flag != "new")  # one of them no dictionary word
        and _ends_name(text, toks, second.end)
    ):
        return first.start, second.end
    return None


def _noun_and_locative(name: str, gaz: Gazetteer) -> bool:
    """官邸前, 门口外: a common noun of two characters and a locative after it (not opening with a
    common surname: 林海中 may be a name)."""
    return (
        len(name) == 3
        and name[2] in "前后里内外上下中旁"
        and name[0] not in gaz.common_surnames
        and (dict_tag(name[:2]) or "")[:1] == "n"
    )


def anchored_names(text: str, toks: Sequence[Token], gaz: Gazetteer) -> list[Candidate]:
    """Names right after a title or role word: 总统赫尔佐格, 副省长安立佳, 记者黄鹭."""
    out: list[Candidate] = []
    titles = gaz.titles
    for i, t in enumerate(toks):
        w = t.word
        if w not in titles and (len(w) <= 2 or w[-2:] not in titles):
            continue
        if t.word[-2:] in AFTER_ONLY_TITLES:
            continue  # 女同志 都来了: no name after a form of address
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None and len(nxt.word) == 1 and nxt.flag[:1] in _NOT_A_NAME_START:
            continue  # 老同志 和 女同志: a conjunction or an adverb starts no name
        span = name_after(text, toks, t.end, gaz, personal=t.word not in _GROUP_TITLES)
        if span is not None and text[span[0] : span[1]] not in gaz.not_names:
            s, e = span
            if _noun_and_locative(text[s:e], gaz):
                continue  # 首相 官邸前: a noun and 前, no name
            sl = gaz.surname_len(text[s:e])
            if sl and text[s + sl : e] in gaz.titles:
                e = s + sl  # 居民 王大妈: a surname and a form of address, the surname is the name
            out.append(Candidate(s, e, "PER", "rule", 0.85))
    return out
