"""PER layers for foreign names: transliteration pieces joined, names written with a middle dot.

jieba cuts foreign names in pieces (``斯迈/nr 洛夫/nrt``) and knows few of them; the Xinhua
transliteration characters (``translit.txt``) tell a foreign name from ordinary words.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.entities.candidates import Candidate
from core.entities.jieba.tokenizer import Token
from core.entities.rules.gazetteer import Gazetteer
from core.entities.rules.names import FUNCTION_CHARS, NAME_FLAGS, PUNCT_BREAK, han_word, is_han, token_at

_NAME_DOT = frozenset("·•・．")


def _not_a_piece(t: Token) -> bool:
    """A one-character word that is a count, measure, preposition, conjunction or particle."""
    return len(t.word) == 1 and t.flag[:1] in "mqpcu"


def joined_fragments(toks: Sequence[Token], gaz: Gazetteer) -> list[Candidate]:
    """Adjacent transliteration pieces with a name tag among them: ``斯迈/nr 洛夫/nrt`` → one PER."""
    out: list[Candidate] = []
    i, n = 0, len(toks)
    translit, places = gaz.translit.issuperset, gaz.place_names  # ``is_translit``/``is_place`` inlined

    def piece(w: str) -> bool:
        return bool(w) and translit(w) and w not in places

    first_chars = gaz.translit
    while i < n:
        w = toks[i].word
        if w[:1] not in first_chars or not piece(w):  # the common case: no run starts here (first char first)
            i += 1
            continue
        j = i
        tagged = False
        while j < n and piece(toks[j].word):
            tagged = tagged or toks[j].flag in NAME_FLAGS
            j += 1
        if j - i < 2 or not tagged:
            i = max(j, i + 1)
            continue
        a, b = i, j
        while a < b and _not_a_piece(toks[a]):
            a += 1  # 五十 万 卢布: a count before a currency is no part of a name
        while b > a and _not_a_piece(toks[b - 1]):
            b -= 1  # 塔拉尔 于: a preposition after the name is not part of it
        tagged = any(toks[k].flag in NAME_FLAGS for k in range(a, b))
        # 塔拉尔/nrt 于: what stays of a longer run may be one tagged name of three characters
        whole = b - a == 1 < j - i and len(toks[a].word) >= 3
        if (b - a >= 2 or whole) and tagged:
            s, e = toks[a].start, toks[b - 1].end
            if 3 <= e - s <= 10:
                out.append(Candidate(s, e, "PER", "rule", 0.6))
        i = max(j, i + 1)
    return out


def _trim_dotted(text: str, toks: Sequence[Token], last_dot: int, e: int) -> int:
    """Cut the last part where a word or a function character starts (巴希尔|日前, 塔拉尔|于)."""
    k = last_dot + 3  # at least two characters after the last dot stay
    while k < e:
        tok = token_at(toks, k)
        if text[k] in FUNCTION_CHARS | {"于"} or (
            tok is not None and tok.start == k and tok.end > e and len(tok.word) >= 2
        ):
            return k
        k += 1
    return e


def dotted_names(text: str, toks: Sequence[Token], gaz: Gazetteer) -> list[Candidate]:
    """Foreign names written with a middle dot: 穆罕默德·阿里, 约翰·史密斯 (each part transliterated)."""
    out: list[Candidate] = []
    if _NAME_DOT.isdisjoint(text):
        return out  # the common case: no dot, no dotted name (a set test, not a loop over the text)
    i, n = 0, len(text)
    while i < n:
        if text[i] not in _NAME_DOT or i == 0 or not is_han(text[i - 1]):
            i += 1
            continue
        s = i
        while s > 0 and text[s - 1] in gaz.translit and i - s < 8:
            s -= 1
        s = _punct_bounded_start(text, s, i, gaz)
        s = min(s, _token_first_part(text, toks, i, gaz))
        e = i
        while e < n and text[e] in _NAME_DOT and e + 1 < n and is_han(text[e + 1]):
            e += 1
            part = e
            while e < n and text[e] in gaz.translit and text[e] not in _NAME_DOT:
                e += 1
            e = _punct_bounded_end(text, part, e)
        if s < i and e <= i + 1 and s == _token_first_part(text, toks, i, gaz):
            e = _token_last_part(text, toks, i + 1)  # 总理 川·立派: a titled name's parts are words
        if s == i or e <= i + 1:
            i += 1
            continue
        last_dot = max(j for j in range(s, e) if text[j] in _NAME_DOT)
        e = _trim_dotted(text, toks, last_dot, e)
        if e - s >= 4:
            out.append(Candidate(s, e, "PER", "rule", 0.75))
        i = max(e, i + 1)
    return out


def _token_first_part(text: str, toks: Sequence[Token], dot: int, gaz: Gazetteer) -> int:
    """Where a first part that jieba reads as one word starts: a name word (彼得/nrt, whose 得
    is no transliteration character) or any short word right after a title (总理 川·…)."""
    tok = token_at(toks, dot - 1)
    if tok is None or tok.end != dot or not 1 <= len(tok.word) <= 4 or not han_word(tok.word):
        return dot
    if tok.word in gaz.titles or gaz.is_place(tok.word):
        return dot
    if tok.flag in NAME_FLAGS and len(tok.word) >= 2:
        return tok.start
    before = token_at(toks, tok.start - 1) if tok.start > 0 else None
    titled = (
        before is not None and before.end == tok.start and (before.word in gaz.titles or before.word[-2:] in gaz.titles)
    )
    return tok.start if titled else dot


def _token_last_part(text: str, toks: Sequence[Token], at: int) -> int:
    """Where a last part that jieba reads as one short word ends (立派/n), else ``at``."""
    tok = token_at(toks, at)
    if tok is None or tok.start != at or not 2 <= len(tok.word) <= 3 or not han_word(tok.word):
        return at
    return tok.end if tok.flag[:1] not in "vdpcumqr" else at


def _punct_bounded_start(text: str, s: int, dot: int, gaz: Gazetteer) -> int:
    """A first part with non-transliteration characters (司马义·…) counts when punctuation bounds it;
    a title opening it is no part of the name (，总统彼得·…)."""
    k = dot
    while k > 0 and is_han(text[k - 1]) and dot - k < 4:
        k -= 1
    title = next((n for n in (3, 2) if dot - k > n and text[k : k + n] in gaz.titles), 0)
    if title and (k == 0 or text[k - 1] in PUNCT_BREAK):
        return k + title if k + title < s else s
    return k if k < s and (k == 0 or text[k - 1] in PUNCT_BREAK) else s


def _punct_bounded_end(text: str, part: int, e: int) -> int:
    """The same for a later part (…·艾买提、): extend it to a punctuation mark close by."""
    k = part
    while k < len(text) and is_han(text[k]) and k - part < 4:
        k += 1
    return k if k > e and (k == len(text) or text[k] in PUNCT_BREAK) else e
