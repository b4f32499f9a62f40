"""One LOC per administrative level (the guide: 昌邑区莲花街道乾丰园社区 is three places).

A rule that reads a division and the lower level after it as one place (上海浦东新区, 道里区
X街道) is cut where the known division ends: each level is its own entity.  A park or a square
after its city is not a level (重庆市人民广场 stays one name).
"""

from __future__ import annotations

import dataclasses

from core.entities.candidates import Candidate
from core.entities.pipeline import Segment
from core.entities.rules.gazetteer import LOC_SUFFIX_CHARS, Gazetteer

# the shortest rest after a division that is a place of its own (中央大街, 陆家嘴金融贸易区)
_MIN_REST = 3


def _a_level(rest: str, gaz: Gazetteer) -> bool:
    """An administrative level of its own: a division, or a name ending in a town, village,
    street-office or community word (a park or a square after its city is one name: 重庆市人民广场)."""
    return rest in gaz.divisions or rest[-1] in LOC_SUFFIX_CHARS or rest.endswith(_LEVEL_WORDS)


_LEVEL_WORDS = ("街道", "社区", "小区")


def level_cut(word: str, gaz: Gazetteer) -> int:
    """Where the first level of ``word`` ends, or 0: a division with its suffix before a rest of
    three characters or more (道里区|中央大街), or a place before a division (上海|浦东新区)."""
    for k in range(len(word) - _MIN_REST, 1, -1):
        head, rest = word[:k], word[k:]
        if head[-1] in LOC_SUFFIX_CHARS and head in gaz.divisions and rest[0] not in LOC_SUFFIX_CHARS:
            return k if _a_level(rest, gaz) else 0
    for k in range(2, len(word) - 2):
        if gaz.is_place(word[:k]) and word[k:] in gaz.divisions:
            return k
    return 0


def split_levels(seg: Segment, cands: list[Candidate]) -> list[Candidate]:
    """Each LOC holding a division and more is cut into its levels."""
    out: list[Candidate] = []
    for c in cands:
        while c.type == "LOC" and c.end - c.start >= 5 and (k := level_cut(seg.text[c.start : c.end], seg.gaz)):
            out.append(dataclasses.replace(c, end=c.start + k))
            c = dataclasses.replace(c, start=c.start + k)
        out.append(c)
    return out
