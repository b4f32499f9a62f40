"""Features of each character for the CRF: context characters, jieba's words, our rules' tags.

The rules' tags let the CRF learn where the editor disagrees with them (a rule's LOC that this
editor always rejects in this context), the characters and jieba's tags let it find what no rule
proposes.  Everything is a string feature; crfsuite weighs them.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

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
    for t in toks:
        n = t.end - t.start
        if n <= 0 or t.start < 0:  # (a jieba token is never empty nor before the text)
            continue
        word = ["S-" + t.flag] if n == 1 else ["B-" + t.flag, *(["M-" + t.flag] * (n - 2)), "E-" + t.flag]
        tags[t.start : t.start + n] = word[: max(0, length - t.start)]
    return tags


# the feature strings already made, kept to be reused: building a character's features is then
# looking up a few strings instead of formatting sixteen (the same strings, a few times faster)
_MEMO_MAX = 200_000
_chars: dict[str, tuple[str, str, str, str, str]] = {}
_pairs: dict[str, tuple[str, str]] = {}
_skips: dict[str, str] = {}
_tags: dict[str, tuple[str, str, str, str, str, str]] = {}
_rule_chars: dict[str, str] = {}


def _memo_full() -> None:
    """Forget the reused strings when they grow past ``_MEMO_MAX`` (text of many distinct pairs)."""
    if len(_pairs) + len(_skips) + len(_rule_chars) > _MEMO_MAX:
        _pairs.clear()
        _skips.clear()
        _rule_chars.clear()


def _char(c: str) -> tuple[str, str, str, str, str]:
    f = _chars[c] = (f"c0={c}", f"c-1={c}", f"c+1={c}", f"c-2={c}", f"c+2={c}")
    return f


def _pair(p: str) -> tuple[str, str]:
    f = _pairs[p] = (f"c-1c0={p}", f"c0c+1={p}")
    return f


def _skip(p: str) -> str:
    f = _skips[p] = f"c-1c+1={p}"
    return f


def _tag(t: str) -> tuple[str, str, str, str, str, str]:
    f = _tags[t] = (f"r={t}", f"r-1={t}", f"r+1={t}", f"w={t}", f"w-1={t}", f"w+1={t}")
    return f


def _rule_char(k: str) -> str:
    f = _rule_chars[k] = f"r.c0={k}"
    return f


def char_features(text: str, rules: Sequence[str], words: Sequence[str]) -> list[list[str]]:
    """One feature list per character of ``text``: its characters around, the rules' tags and
    jieba's word tags of it and its neighbours, and the rules' mention it is part of."""
    n = len(text)
    if not n:
        return []
    _memo_full()
    chars, pairs, skips, tags, rule_chars = _chars, _pairs, _skips, _tags, _rule_chars
    padded = _PAD * _WINDOW + text + _PAD * _WINDOW  # padded[i + _WINDOW] is text[i]
    cs = [chars[c] if c in chars else _char(c) for c in padded]
    ps = [pairs[p] if p in pairs else _pair(p) for p in (a + b for a, b in itertools.pairwise(padded))]
    ks = [skips[p] if p in skips else _skip(p) for p in (a + b for a, b in zip(padded, padded[2:], strict=False))]
    rl = [tags[t] if t in tags else _tag(t) for t in ("BOS", *rules[:n], "EOS")]
    wl = [tags[t] if t in tags else _tag(t) for t in ("BOS", *words[:n], "EOS")]
    rc = [
        rule_chars[k] if k in rule_chars else _rule_char(k)
        for k in (f"{r}|{c}" for r, c in zip(rules, text, strict=False))
    ]
    # position i: cs[i + 2] is its character, ps[i + 1] the pair ending at it, rl[i + 1] its rule tag
    out = [
        ["b", c0[0], cm1[1], cp1[2], cm2[3], cp2[4], pm[0], pp[1], k, r0[0], rm[1], rp[2], w0[3], wm[4], wp[5], x]
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
    _span_features(text, rules, out)
    return out


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


def _span_features(text: str, rules: Sequence[str], out: list[list[str]]) -> None:
    """On each character of a rules' mention, what the whole mention looks like: its string, length,
    first and last characters and its neighbours (what a veto or a respan turns on: 市政府 rejected
    as a whole, an ORG ending in 大会 cut back), so one decision of the editor reaches every
    character of the mention."""
    n = len(rules)
    for k, j, typ in spans(rules, 0, n):
        word = text[k:j]
        extra = [
            f"rs={typ}|{word}",
            f"rl={typ}|{j - k}",
            f"rbeg={typ}|{word[0]}",
            f"rend={typ}|{word[-1]}",
            f"rprev={typ}|{text[k - 1] if k else '^'}",
            f"rnext={typ}|{text[j] if j < n else '$'}",
        ]
        for q in range(k, j):
            out[q].extend(extra)
