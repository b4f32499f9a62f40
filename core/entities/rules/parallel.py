"""Organisations listed side by side under one head: ``香港科技大学和浸会大学``.

The second member of ``A大学 和 B 大学`` is a university as the first is, even when jieba cuts
it apart and reads its own name as a verb (``浸会/v 大学``).  The first member must already be
an organisation jieba or the gazetteer knows, ending with the same head; the second member's
name is one rare word (an ordinary word before the head says what kind: ``重点 大学``).
"""

from __future__ import annotations

from collections.abc import Iterable

from core.entities.candidates import Candidate
from core.entities.pipeline import Segment
from core.entities.rules.units import rare_word
from core.entities.rules.wordlists import words

# heads that close a school's, a hospital's or an institute's name
_HEADS = frozenset({"大学", "学院", "中学", "小学", "医院", "研究所", "研究院"})
_LINKS = frozenset({"和", "与", "及", "、", "同"})
_NOT_NAME_FLAGS = frozenset({"r", "m", "q", "d", "p", "c", "u", "uj", "t", "f", "x", "a", "ad"})


def _name(word: str, flag: str) -> bool:
    """A rare word of two or three characters (not 重点, 综合: too frequent; not 外资: a kind)."""
    return flag not in _NOT_NAME_FLAGS and rare_word(word, 3) and word not in words("generic_modifiers")


def parallel_orgs(seg: Segment) -> Iterable[Candidate]:
    """香港科技大学/nt 和 浸会/v 大学: the second member under the first one's head is an ORG."""
    text = seg.text
    if "学" not in text and "院" not in text and "所" not in text:
        return []  # the cheapest test first: every head ends in 学, 院 or 所
    toks, gaz = seg.tokens, seg.gaz
    out: list[Candidate] = []
    for k in range(3, len(toks)):
        head = toks[k].word
        if head not in _HEADS or toks[k - 2].word not in _LINKS:
            continue
        first, name = toks[k - 3], toks[k - 1]
        if not (first.word.endswith(head) and len(first.word) > len(head) + 1):
            continue
        if (first.flag == "nt" or first.word in gaz.orgs) and _name(name.word, name.flag):
            out.append(Candidate(name.start, toks[k].end, "ORG", "rule", 0.7))
    return out
