"""Kingdoms, empires and principalities named after a people or a ruler (祖鲁/nr 王国/ns).

jieba reads the name as a person and the state word as a place of its own; a proper name right
before a state word is one LOC with it.  A common noun before it makes a figure of speech
(童话 王国, 动物 王国): no place.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.entities.candidates import Candidate
from core.entities.jieba.tokenizer import Token
from core.entities.rules.gazetteer import Gazetteer
from core.entities.rules.names import han_word

_STATES = frozenset({"王国", "帝国", "公国", "酋长国", "苏丹国", "汗国"})
_PROPER = frozenset({"nr", "nrt", "nrfg", "ns", "nz", "new"})
_NAME_MAX = 6


def _name_part(t: Token, gaz: Gazetteer) -> bool:
    return (t.flag in _PROPER or gaz.is_place(t.word)) and han_word(t.word)


def named_states(toks: Sequence[Token], gaz: Gazetteer) -> list[Candidate]:
    """祖鲁/nr 王国, 马塔贝/nr 莱/ns 王国: proper words (a name of two characters or more, cut up
    by jieba or not) and a state word are one LOC."""
    out: list[Candidate] = []
    for k in range(1, len(toks)):
        t = toks[k]
        if t.word not in _STATES:
            continue
        i = k
        while i > 0 and k - i < 3 and _name_part(toks[i - 1], gaz) and toks[i - 1].end == toks[i].start:
            i -= 1
        if i < k and 2 <= t.start - toks[i].start <= _NAME_MAX:
            out.append(Candidate(toks[i].start, t.end, "LOC", "rule", 0.7))
    return out
