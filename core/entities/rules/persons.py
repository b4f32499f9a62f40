"""PER layers that read the context around an unknown name rather than the name itself.

jieba's dictionary knows few foreign and minority names (恩佐, 乌多文科) and no private person, so
an unknown word is taken as a name when the page says so: it stands right before a speech verb at
the start of a clause (``。X说``), it is the credit of a photo or an article (``（记者X摄）``,
``（X Y）``), or it is a surname followed by 某 (an anonymised name).  Each rule accepts only
strings of the shape of a name: a surname and one or two characters, or transliteration
characters.  A photo caption marks its people by position (``姜雁（左）``): the name before the
mark is taken on the same terms.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from core.entities.candidates import Candidate
from core.entities.jieba.tokenizer import Token, dict_tag, in_dictionary
from core.entities.rules.gazetteer import Gazetteer
from core.entities.rules.names import NOT_IN_GIVEN, PUNCT_BREAK, SPEECH_VERBS, han_word, is_han, person_shape
from core.entities.rules.wordlists import words

# verbs that, right after a clause-initial name, make it the speaker or the actor
_SPEAKER_VERBS = sorted(
    SPEECH_VERBS
    | {"回忆说", "透露", "在讲话中", "在致词中", "在会上", "回顾", "谈到", "呼吁", "声称", "补充说", "重申"}
)
_SPEAKER_RE = re.compile(
    r"(?:^|(?<=[。！？；：，“”「」『』）\s]))([\u4e00-\u9fff]{2,5}?)(?=" + "|".join(_SPEAKER_VERBS) + ")"
)
# a parenthesised credit: optional agency and 记者, one or more names, optional 摄 (photo)
_CREDIT_RE = re.compile(
    r"[（(](?:新华社|本报|中新社)?(?:特约)?(?:记者|通讯员)?"
    r"([\u4e00-\u9fff\s、]{2,16}?)(?:摄)?[）)]"
)
# a caption's position mark after a name: （左）, （右二）, （中）, （前排左三）
_POSITION_RE = re.compile(r"[（(](?:前排|后排)?(?:左|右|中)[一二三四五六七八九]?[）)]")
# characters after 某 that make it a determiner (某地, 某些), not an anonymised name
_NOT_AFTER_MOU = frozenset("种些个地人天处项类位次年月日国省市县镇村区家单部公厂店所校院队方面样时")
_NOT_BEFORE_MOU = frozenset(
    "的是在和与及等说称表了也都就将为对向到从被把于以并又还已曾要会跟同让给一每各任某这那哪其此该本有用让使据"
)


def _name_like(word: str, gaz: Gazetteer) -> bool:
    """A standalone string that can be a name: surname-shaped or transliterated, not a word."""
    if len(word) < 2 or len(word) > 6 or in_dictionary(word):
        return False
    sl = gaz.surname_len(word)
    if sl and len(word) <= 4:
        given = word[sl:]
        if given in gaz.titles or (len(given) >= 2 and in_dictionary(given)):
            return False  # 乌外长, 向大家: a surname-like character and an ordinary word
        return person_shape(word, gaz) > 0
    return len(word) >= 2 and gaz.is_translit(word) and not gaz.is_place(word)


def speaker_names(text: str, gaz: Gazetteer) -> list[Candidate]:
    """``。恩佐说``, ``，乌多文科强调``: an unknown name opening a clause, before a speech verb."""
    out: list[Candidate] = []
    for m in _SPEAKER_RE.finditer(text):
        word = m.group(1)
        if _name_like(word, gaz):
            out.append(Candidate(m.start(1), m.end(1), "PER", "rule", 0.7))
    return out


def _loose_name(piece: str, gaz: Gazetteer) -> bool:
    """Name shape where the context already says "names here": 黄立新 passes though 立新 is a verb.

    A name jieba's dictionary lists as one (tag nr) counts too: 钱友荣 is a word only as a name.
    """
    sl = gaz.surname_len(piece)
    return (
        bool(sl)
        and len(piece) > sl
        and han_word(piece)
        and not any(c in NOT_IN_GIVEN for c in piece[sl:])
        and not gaz.is_place(piece)
        and piece not in gaz.orgs
        and piece not in gaz.titles
        and (not in_dictionary(piece) or dict_tag(piece) in ("nr", "nrfg"))
    )


def split_names(run: str, gaz: Gazetteer) -> list[tuple[int, int]] | None:
    """Cut a run of names written without separators (``徐国春张雅文``) into 2–3 character names.

    Three-character names are tried first at each step: they are the more common length.
    """
    if not run:
        return []
    for size in (3, 2):
        piece = run[:size]
        shaped = size == 3 or person_shape(piece, gaz) > 0
        if len(piece) == size and shaped and _loose_name(piece, gaz):
            rest = split_names(run[size:], gaz)
            if rest is not None:
                return [(0, size)] + [(s + size, e + size) for s, e in rest]
    return None


def credit_names(text: str, gaz: Gazetteer) -> list[Candidate]:
    """``（新华社记者戴浩摄）``, ``（杜中武 孙传刚）``: the people credited for a photo or story."""
    out: list[Candidate] = []
    for m in _CREDIT_RE.finditer(text):
        base = m.start(1)
        body = m.group(1)
        pos = 0
        for part in re.split(r"([\s、]+)", body):
            if part and not part.isspace() and part != "、":
                spans = split_names(part, gaz) if len(part) <= 12 else None
                if spans is None:
                    break
                out.extend(Candidate(base + pos + s, base + pos + e, "PER", "rule", 0.75) for s, e in spans)
            pos += len(part)
    return out


def anonymised_names(text: str, gaz: Gazetteer) -> list[Candidate]:
    """腾某, 王某某: a surname (or a character used as one) and 某 stand for a withheld name."""
    out: list[Candidate] = []
    i = text.find("某")
    while i > 0:
        double = text[i + 1 : i + 2] == "某"
        after = text[i + 2 : i + 3] if double else text[i + 1 : i + 2]
        sl = 2 if text[max(0, i - 2) : i] in gaz.compound_surnames else 1
        ch = text[i - 1]
        known = ch in gaz.surnames or sl == 2
        plausible = is_han(ch) and ch not in _NOT_BEFORE_MOU
        if (known or plausible) and after not in _NOT_AFTER_MOU:
            out.append(Candidate(i - sl, i + 2 if double else i + 1, "PER", "rule", 0.8 if known else 0.6))
        i = text.find("某", i + 1)
    return out


def captioned_names(text: str, toks: Sequence[Token], gaz: Gazetteer) -> list[Candidate]:
    """``姜雁（左）``: a name right before a caption's position mark, starting at a word boundary."""
    starts = {t.start for t in toks}
    out: list[Candidate] = []
    for m in _POSITION_RE.finditer(text):
        end = m.start()
        for size in (3, 2):
            s = end - size
            piece = text[max(0, s) : end]
            if s >= 0 and s in starts and (_loose_name(piece, gaz) or _name_like(piece, gaz)):
                out.append(Candidate(s, end, "PER", "rule", 0.7))
                break
    return out


# last characters of Japanese given names (龙太郎, 一雄, 和夫, 良子, 康介): after a title, a long
# word ending so is a Japanese surname and given name
_JAPANESE_GIVEN_END = frozenset("郎雄夫男彦介助子树也藏")
_JAPANESE_NAME_FLAGS = frozenset({"n", "nr", "nz", "nrt", "new"})
_JAPANESE_SURNAME_FLAGS = _JAPANESE_NAME_FLAGS | {"ns"}  # 山本/ns 一郎: a surname jieba reads as a place


def _japanese_surname(name: str) -> str:
    """桥本龙太郎 → 桥本: two characters, or three before a two-character given name (中曾根康夫)."""
    return name[:3] if len(name) == 5 and name[-2] not in "太一次三四五" else name[:2]


def japanese_names(text: str, toks: Sequence[Token], gaz: Gazetteer) -> list[Candidate]:
    """首相桥本龙太郎 … 桥本表示: a Japanese full name after a title (jieba reads it as one noun),
    and its surname alone later in the segment."""
    out: list[Candidate] = []
    surnames: set[str] = set()
    n = len(toks)
    for i, t in enumerate(toks):
        w = t.word
        if surnames and w in surnames:
            out.append(Candidate(t.start, t.end, "PER", "rule", 0.6))
            continue
        e = t.end
        size = len(w)
        if size == 2:
            if i + 1 >= n:
                continue
            nxt = toks[i + 1]
            # (the rare last character first: most words end otherwise)
            if nxt.word[-1:] not in _JAPANESE_GIVEN_END or len(nxt.word) != 2:
                continue
            if nxt.flag not in ("new", "nr") or t.flag not in _JAPANESE_SURNAME_FLAGS:
                continue
            e, w = nxt.end, w + nxt.word  # 田中/nr 一郎/new: jieba cut the name in two
        elif not (4 <= size <= 5 and w[-1] in _JAPANESE_GIVEN_END and t.flag in _JAPANESE_NAME_FLAGS):
            continue
        if i == 0:
            continue
        prev = toks[i - 1].word
        if not (prev in gaz.titles or prev[-2:] in gaz.titles) or not han_word(w):
            continue
        if w in gaz.titles or gaz.is_place(w) or w in gaz.orgs or gaz.org_suffix(w):
            continue
        out.append(Candidate(t.start, e, "PER", "rule", 0.7))
        surnames.add(_japanese_surname(w))
    return out


def family_names(toks: Sequence[Token], gaz: Gazetteer) -> list[Candidate]:
    """郭家/new, 刘氏/new: a surname before 家 (the family) or 氏 in a word jieba does not know is
    the family's name (a dictionary word like 国家, 大家 never comes here)."""
    return [
        Candidate(t.start, t.start + 1, "PER", "rule", 0.6)
        for t in toks
        if t.flag == "new" and len(t.word) == 2 and t.word[1] in "家氏" and t.word[0] in gaz.common_surnames
    ]


def kin_names(toks: Sequence[Token], gaz: Gazetteer) -> list[Candidate]:
    """妻子 刘/zg 桂兰/ns 说, 儿子 王涛: the name in apposition after a kinship word, one word or a
    surname and a given name jieba cut apart, before a verb or a break."""
    kin = words("kin_words")
    out: list[Candidate] = []
    n = len(toks)
    for i in range(n - 2):
        if toks[i].word not in kin:
            continue
        first = toks[i + 1]
        if not gaz.surname_len(first.word):
            continue
        for j in (i + 1, i + 2):
            if j + 1 >= n:
                break
            name = "".join(t.word for t in toks[i + 1 : j + 1])
            after = toks[j + 1]
            if not 2 <= len(name) <= 3 or not (after.flag[:1] == "v" or after.word in PUNCT_BREAK):
                continue
            if in_dictionary(name) and dict_tag(name) not in ("nr", "nrfg"):
                continue  # 儿子 王府: a word of its own
            if person_shape(name, gaz) > 0:
                out.append(Candidate(first.start, toks[j].end, "PER", "rule", 0.65))
                break
    return out
