"""Memorials jieba's dictionary keeps as one common noun (抗日战争纪念馆/n, 雷锋纪念馆/n).

A memorial hall, hall or monument is named after what it remembers, and a dictionary word that
long is that one memorial, not a kind (unlike 历史博物馆, a kind of museum): a LOC.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.entities.candidates import Candidate
from core.entities.jieba.tokenizer import Token, word_freq

_HEADS = ("纪念馆", "纪念堂", "纪念碑")
_NAME_FLAGS = frozenset({"n", "nz", "nt", "ns", "nr"})


def memorial_words(toks: Sequence[Token]) -> list[Candidate]:
    """One dictionary word, a name of two characters or more and a memorial head: a LOC."""
    out: list[Candidate] = []
    for t in toks:
        w = t.word
        if len(w) < 5 or not w.endswith(_HEADS) or t.flag not in _NAME_FLAGS or word_freq(w) <= 0:
            continue
        out.append(Candidate(t.start, t.end, "LOC", "jieba", 0.7))
    return out
