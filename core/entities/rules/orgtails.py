"""An organisation continues into the unit printed right after it (the guide's longest name).

Hospitals attached to a college (X医学院 附属第一医院) and institutes whose own name joins two
fields with 与/和 (X科学院 世界经济与政治研究所): jieba cuts them where no rule joins them back,
so the ORG found first is extended over the unit.
"""

from __future__ import annotations

import dataclasses
import re

from core.entities.candidates import Candidate
from core.entities.pipeline import Segment

_ORDINAL = "(?:第[一二三四五六七八九十]{1,3})"
# 附属第一医院, 第二附属医院, 附属中学: a unit attached to the school before it
_ATTACHED = rf"(?:附属{_ORDINAL}?|{_ORDINAL}附属)(?:医院|中学|小学|幼儿园)"
# 世界经济与政治研究所: two fields joined by 与/和, then an institute word
_FIELDS = r"[\u4e00-\u9fff]{2,6}[与和][\u4e00-\u9fff]{2,6}?(?:研究所|研究院|研究中心)"
_TAIL_RE = re.compile(rf"{_ATTACHED}|{_FIELDS}")
# what may own such a unit: schools and academies (学院 also closes 医学院, 科学院, 社会科学院)
_OWNERS = ("大学", "学院", "研究院")


def unit_tails(seg: Segment, cands: list[Candidate]) -> list[Candidate]:
    """X医学院 + 附属第一医院, X科学院 + 世界经济与政治研究所: one ORG, the longest name."""
    text = seg.text
    out: list[Candidate] = []
    for c in cands:
        if c.type == "ORG" and text.endswith(_OWNERS, c.start, c.end):
            m = _TAIL_RE.match(text, c.end)
            if m is not None:
                c = dataclasses.replace(c, end=m.end())
        out.append(c)
    return out
