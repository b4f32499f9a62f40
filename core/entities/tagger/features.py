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


def char_features(text: str, rules: Sequence[str], words: Sequence[str]) -> list[list[str]]:
    """One feature list per character of ``text``, built column by column (one feature kind over
    the whole text at a time: the same strings as one character at a time, a few times faster)."""
    n = len(text)
    if not n:
        return []
    padded = _PAD * _WINDOW + text + _PAD * _WINDOW  # padded[i + _WINDOW] is text[i]
    pairs = [a + b for a, b in itertools.pairwise(padded)]  # pairs[j] == padded[j : j + 2]
    skips = [a + b for a, b in zip(padded, padded[2:], strict=False)]  # skips[j] == padded[j] + padded[j + 2]
    rl = list(rules[:n])
    wl = list(words[:n])
    out = [
        ["b", *row]
        for row in zip(
            ["c0=" + c for c in text],
            ["c-1=" + c for c in padded[1 : n + 1]],
            ["c+1=" + c for c in padded[3 : n + 3]],
            ["c-2=" + c for c in padded[:n]],
            ["c+2=" + c for c in padded[4 : n + 4]],
            ["c-1c0=" + p for p in pairs[1 : n + 1]],
            ["c0c+1=" + p for p in pairs[2 : n + 2]],
            ["c-1c+1=" + p for p in skips[1 : n + 1]],
            ["r=" + r for r in rl],
            ["r-1=" + r for r in ["BOS", *rl[:-1]]],
            ["r+1=" + r for r in [*rl[1:], "EOS"]],
            ["w=" + w for w in wl],
            ["w-1=" + w for w in ["BOS", *wl[:-1]]],
            ["w+1=" + w for w in [*wl[1:], "EOS"]],
            ["r.c0=" + r + "|" + c for r, c in zip(rl, text, strict=False)],
            strict=True,
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
