"""jieba's dictionary-only part-of-speech cut without importing ``jieba.posseg``.

Importing ``jieba.posseg`` reads the whole dictionary file line by line to build its word → tag
table and loads an HMM model we never use (about 0.35 s of a cold start).  This module cuts exactly
as ``posseg.lcut(text, HMM=False)`` does (``POSTokenizer.__cut_internal`` with
``__cut_DAG_NO_HMM``), with a tag table read from the dictionary file in one go.
"""

from __future__ import annotations

import re
from math import log
from typing import Any

# the patterns jieba.posseg uses (jieba 0.42)
_HAN_INTERNAL = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._]+)")
_SKIP_INTERNAL = re.compile("(\r\n|\\s)")
_ENG = re.compile("[a-zA-Z0-9]+")
_NUM = re.compile("[\\.0-9]+")
# what jieba's ``^[a-zA-Z0-9]$`` matches inside a block: one ASCII letter or digit (a set lookup)
_ENG1 = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def load_tag_table(dict_path: str) -> dict[str, str]:
    """word → tag from jieba's dictionary file (``word freq tag`` per line).

    Splitting the whole file at once takes about 0.15 s, less than unmarshalling a cached table.
    """
    with open(dict_path, "rb") as f:
        parts = f.read().decode("utf-8").split()
    if len(parts) % 3 == 0:
        return dict(zip(parts[0::3], parts[2::3], strict=True))
    table: dict[str, str] = {}  # a line without its tag: read line by line
    with open(dict_path, "rb") as f:
        for line in f:
            fields = line.strip().decode("utf-8").split(" ")
            if len(fields) == 3:
                table[fields[0]] = fields[2]
    return table


def cut(tokenizer: Any, tags: dict[str, str], text: str) -> list[tuple[str, str]]:
    """(word, tag) pairs exactly as ``jieba.posseg.lcut(text, HMM=False)`` gives them."""
    out: list[tuple[str, str]] = []
    for blk in _HAN_INTERNAL.split(text):
        if not blk:
            continue
        if _HAN_INTERNAL.match(blk):
            _cut_dag(tokenizer, tags, blk, out)
            continue
        out += cut_other(blk)
    return out


def cut_other(blk: str) -> list[tuple[str, str]]:
    """A block between the Han blocks as posseg cuts it: each run of whitespace one word, every
    other character alone, all tagged ``x``.  (posseg tries ``_NUM`` and ``_ENG`` on them too, but a
    block between Han blocks holds no ASCII letter, digit or ``.``, so they never match:
    ``_cut_other_plain`` is posseg's code, checked against this one by the tests.)"""
    out: list[tuple[str, str]] = []
    append = out.append
    for x in _SKIP_INTERNAL.split(blk):
        if not x:
            continue
        if len(x) == 1 or _SKIP_INTERNAL.match(x):
            append((x, "x"))
        else:
            out.extend([(xx, "x") for xx in x])
    return out


def _cut_other_plain(blk: str, out: list[tuple[str, str]]) -> None:
    """posseg's code for a block between the Han blocks (what ``cut_other`` must give)."""
    for x in _SKIP_INTERNAL.split(blk):
        if _SKIP_INTERNAL.match(x):
            out.append((x, "x"))
        else:
            for xx in x:
                if _NUM.match(xx):
                    out.append((xx, "m"))
                elif _ENG.match(x):
                    out.append((xx, "eng"))
                else:
                    out.append((xx, "x"))


def _route(freq: dict[str, int], logtotal: float, sentence: str) -> list[int]:
    """``nxt[k]``: the end (inclusive) of the word starting at ``k`` on jieba's best path.

    jieba's ``get_DAG`` and ``calc`` in one pass from the end, with the same arithmetic and the same
    tie-break (the longer word wins a tie, as ``max`` over ``(score, end)`` tuples does), so the
    path is the one jieba would take; no DAG dictionary, no route dictionary of tuples.
    """
    n = len(sentence)
    score: list[float] = [0.0] * (n + 1)
    nxt: list[int] = [0] * n
    for k in range(n - 1, -1, -1):
        best_s = 0.0
        best_x = -1
        i = k
        frag = sentence[k]
        while i < n:
            f = freq.get(frag)
            if f is None:
                break
            if f:
                s = log(f) - logtotal + score[i + 1]
                if best_x < 0 or s >= best_s:  # ends only grow: equal score, the later end wins
                    best_s, best_x = s, i
            i += 1
            frag = sentence[k : i + 1]
        if best_x < 0:  # no dictionary word starts here: the character alone, frequency 1
            best_s, best_x = 0.0 - logtotal + score[k + 1], k
        score[k] = best_s
        nxt[k] = best_x
    return nxt


def _cut_dag(tokenizer: Any, tags: dict[str, str], sentence: str, out: list[tuple[str, str]]) -> None:
    nxt = _route(tokenizer.FREQ, log(tokenizer.total), sentence)
    x, n, buf = 0, len(sentence), ""
    append, tag = out.append, tags.get
    while x < n:
        y = nxt[x] + 1
        word = sentence[x:y]
        if word in _ENG1:  # the slice is never empty, so membership means one ASCII letter or digit
            buf += word
        else:
            if buf:
                append((buf, "eng"))
                buf = ""
            append((word, tag(word, "x")))
        x = y
    if buf:
        out.append((buf, "eng"))
