"""Features of each character for the CRF: context characters, jieba's words, our rules' tags.

The rules' tags let the CRF learn where the editor disagrees with them (a rule's LOC that this
editor always rejects in this context), the characters and jieba's tags let it find what no rule
proposes.  Everything is a string feature; crfsuite weighs them.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Generic, TypeVar

from core.entities.candidates import Candidate, resolve
from core.entities.jieba.tokenizer import Token

# the cached examples of a store are computed with this version of the features
VERSION = 2
_WINDOW = 2
_PAD = "#"


def bio(length: int, spans: Iterable[tuple[int, int, str]]) -> list[str]:
    """BIO labels of a text of ``length`` characters with typed, non-overlapping ``spans``."""
    tags = ["O"] * length
    for s, e, t in spans:
        if 0 <= s < e <= length:
            tags[s] = f"B-{t}"
            for i in range(s + 1, e):
                tags[i] = f"I-{t}"
    return tags


def rule_tags(length: int, cands: Sequence[Candidate]) -> list[str]:
    """The BIO tags of the candidates that win ``resolve`` (what the rules would output)."""
    return bio(length, ((c.start, c.end, c.type) for c in resolve(cands)))


def word_tags(length: int, toks: Sequence[Token]) -> list[str]:
    """Each character's position in its jieba word (B/M/E/S) and the word's tag: ``B-nr``."""
    tags = ["S-x"] * length
    made = _WORD_POSITIONS
    single = _SINGLE
    for t in toks:
        start, end = t.start, t.end
        if end - start == 1 and 0 <= start < length:  # a one-character word (most are): ``S-`` and its tag
            tags[start] = single.get(t.flag) or _single(t.flag)
            continue
        end = min(end, length)
        if start < end:
            key = (t.end - t.start, t.flag)
            pos = made.get(key) or _word_positions(*key)
            tags[start:end] = pos[: end - start]
    return tags


_WORD_POSITIONS: dict[tuple[int, str], tuple[str, ...]] = {}
_SINGLE: dict[str, str] = {}


def _single(flag: str) -> str:
    """``S-`` and ``flag``, the tag of a one-character word, kept for reuse (jieba's tags: a few dozen)."""
    tag = f"S-{flag}"
    if len(_SINGLE) < 1_000:
        _SINGLE[flag] = tag
    return tag


def _word_positions(n: int, flag: str) -> tuple[str, ...]:
    """The tags of the characters of a word of ``n`` characters tagged ``flag``, kept for reuse
    (short words only: the longest ones are rare)."""
    pos = (f"S-{flag}",) if n == 1 else (f"B-{flag}", *[f"M-{flag}"] * (n - 2), f"E-{flag}")
    if n <= 8 and len(_WORD_POSITIONS) < 10_000:
        _WORD_POSITIONS[(n, flag)] = pos
    return pos


_MEMO_MAX = 200_000  # reused strings kept before forgetting them (text of many distinct pairs)
S = TypeVar("S", str, bytes)


class _Features(Generic[S]):
    """``char_features`` with the feature strings already made kept and reused: building a
    character's features is looking up a few strings instead of formatting sixteen (the same
    strings, in the same order).  ``make`` turns a feature into what the caller wants: the string
    itself (training, the cache) or its UTF-8 bytes (what crfsuite reads: the tagger then skips
    encoding every feature of every parse)."""

    def __init__(self, make: Callable[[str], S]) -> None:
        self._make: Callable[[str], S] = make
        self._b: S = make("b")
        self._chars: dict[str, tuple[S, S, S, S, S]] = {}
        self._pairs: dict[str, tuple[S, S]] = {}
        self._skips: dict[str, S] = {}
        self._tags: dict[str, tuple[S, S, S, S, S, S]] = {}
        self._rule_chars: dict[str, S] = {}

    def _char(self, c: str) -> tuple[S, S, S, S, S]:
        m = self._make
        f = self._chars[c] = (m(f"c0={c}"), m(f"c-1={c}"), m(f"c+1={c}"), m(f"c-2={c}"), m(f"c+2={c}"))
        return f

    def _pair(self, p: str) -> tuple[S, S]:
        f = self._pairs[p] = (self._make(f"c-1c0={p}"), self._make(f"c0c+1={p}"))
        return f

    def _skip(self, p: str) -> S:
        f = self._skips[p] = self._make(f"c-1c+1={p}")
        return f

    def _tag(self, t: str) -> tuple[S, S, S, S, S, S]:
        m = self._make
        f = self._tags[t] = (m(f"r={t}"), m(f"r-1={t}"), m(f"r+1={t}"), m(f"w={t}"), m(f"w-1={t}"), m(f"w+1={t}"))
        return f

    def _rule_char(self, k: str) -> S:
        f = self._rule_chars[k] = self._make(f"r.c0={k[:-1]}|{k[-1]}")
        return f

    def __call__(self, text: str, rules: Sequence[str], words: Sequence[str]) -> list[list[S]]:
        return self.rows(text, rules, words, 0, len(text))

    def rows(self, text: str, rules: Sequence[str], words: Sequence[str], start: int, stop: int) -> list[list[S]]:
        """``self(text, rules, words)[start:stop]``, made from the characters around only: the two
        on each side the windows read, and the whole of any rules' mention reaching in (its
        string, its neighbours)."""
        n: int = len(text)
        start, stop = max(0, start), min(n, stop)
        if start >= stop:
            return []
        # (one ``get`` per lookup: another thread's parse may forget the strings meanwhile)
        if len(self._pairs) + len(self._skips) + len(self._rule_chars) > _MEMO_MAX:
            self._pairs.clear()
            self._skips.clear()
            self._rule_chars.clear()
        chars, pairs, skips, tags, rule_chars = self._chars, self._pairs, self._skips, self._tags, self._rule_chars
        lo, hi = start - _WINDOW, stop + _WINDOW
        # padded[i - lo] is text[i]
        padded = _PAD * max(0, -lo) + text[max(0, lo) : hi] + _PAD * max(0, hi - n)
        cs = [chars.get(c) or self._char(c) for c in padded]
        ps = [pairs.get(p) or self._pair(p) for p in map(operator.add, padded, padded[1:])]
        ks = [skips.get(p) or self._skip(p) for p in map(operator.add, padded, padded[2:])]
        around = (
            rules[start - 1] if start else "BOS",
            rules[stop] if stop < min(n, len(rules)) else "EOS",
            words[start - 1] if start else "BOS",
            words[stop] if stop < min(n, len(words)) else "EOS",
        )
        rl = [tags.get(t) or self._tag(t) for t in (around[0], *rules[start:stop], around[1])]
        wl = [tags.get(t) or self._tag(t) for t in (around[2], *words[start:stop], around[3])]
        # keyed by the tag and the character (one character: the key is unambiguous)
        rc = [rule_chars.get(k) or self._rule_char(k) for k in map(operator.add, rules[start:stop], text[start:stop])]
        first = self._b
        # character start + i: cs[i + 2] is its character, ps[i + 1] the pair ending on it, rl[i + 1] its rule tag
        out = [
            [first, c0[0], cm1[1], cp1[2], cm2[3], cp2[4], pm[0], pp[1], k, r0[0], rm[1], rp[2], w0[3], wm[4], wp[5], x]
            for cm2, cm1, c0, cp1, cp2, pm, pp, k, rm, r0, rp, wm, w0, wp, x in zip(
                cs,
                cs[1:],
                cs[2:],
                cs[3:],
                cs[4:],
                ps[1:],
                ps[2:],
                ks[1:],
                rl,
                rl[1:],
                rl[2:],
                wl,
                wl[1:],
                wl[2:],
                rc,
                strict=False,
            )
        ]
        m = self._make
        for k, j, extra in _extras_around(text, rules, start, stop):
            made = [m(e) for e in extra]
            for q in range(max(k, start), min(j, stop)):
                out[q - start].extend(made)
        return out


def _extras_around(text: str, rules: Sequence[str], start: int, stop: int) -> Iterator[tuple[int, int, list[str]]]:
    """``_span_extras`` of the rules' mentions reaching into ``[start, stop)``, read from the
    stretch around that holds each of them whole and its neighbours."""
    if start == 0 and stop >= len(rules):
        yield from _span_extras(text, rules)
        return
    n = len(rules)
    if rules[start:stop].count("O") == min(n, stop) - start:  # no mention reaches in
        return
    lo, hi = start, min(n, stop)
    while lo > 0 and rules[lo - 1] != "O":  # back to where no mention goes on
        lo -= 1
    while hi < n and rules[hi].startswith("I-"):
        hi += 1
    lo, hi = max(0, lo - 1), min(n, hi + 1)  # and the neighbour of a mention starting or ending there
    for k, j, extra in _span_extras(text[lo:hi], rules[lo:hi]):
        yield k + lo, j + lo, extra


def _same(s: str) -> str:
    return s


def _utf8(s: str) -> bytes:
    return s.encode("utf-8")


char_features = _Features(_same)
"""``char_features(text, rules, words)``: one feature list per character of ``text``: its
characters around, the rules' tags and jieba's word tags of it and its neighbours, and the rules'
mention it is part of."""

char_features_utf8 = _Features(_utf8)
"""``char_features`` as UTF-8 bytes, what crfsuite reads (the same attributes, not encoded again)."""


def spans(tags: Sequence[str], a: int, b: int) -> list[tuple[int, int, str]]:
    """The typed spans of a BIO labelling inside ``[a, b)``."""
    out: list[tuple[int, int, str]] = []
    i = a
    while i < b:
        if tags[i] == "O":
            i += 1
            continue
        typ = tags[i][2:]
        j = i + 1
        while j < b and tags[j] == f"I-{typ}":
            j += 1
        out.append((i, j, typ))
        i = j
    return out


def _span_extras(text: str, rules: Sequence[str]) -> Iterator[tuple[int, int, list[str]]]:
    """On each character of a rules' mention, what the whole mention looks like: its string, length,
    first and last characters and its neighbours (what a veto or a respan turns on: 市政府 rejected
    as a whole, an ORG ending in 大会 cut back), so one decision of the editor reaches every
    character of the mention."""
    n = len(rules)
    for k, j, typ in spans(rules, 0, n):
        word = text[k:j]
        yield (
            k,
            j,
            [
                f"rs={typ}|{word}",
                f"rl={typ}|{j - k}",
                f"rbeg={typ}|{word[0]}",
                f"rend={typ}|{word[-1]}",
                f"rprev={typ}|{text[k - 1] if k else '^'}",
                f"rnext={typ}|{text[j] if j < n else '$'}",
            ],
        )
