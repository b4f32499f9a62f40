"""LAC as a voter on names: a PER that LAC and jieba's tags agree on, and no rule proposed, is added.

Measured on the development sets (see docs/architecture.md), every stronger use of LAC cost more
corrections than it saved: a strict majority (rules, jieba, LAC) for every PER drops the names
our context rules find alone (credits, names after titles), and LAC's places and organisations
follow other boundaries than ours.  So LAC only adds a name two engines agree on, of a name's
shape, not after a numeral (万卢布), overlapping nothing found already; our TIME stays ours.
"""

from __future__ import annotations

from core.entities.candidates import Candidate, resolve
from core.entities.lac.engine import mentions
from core.entities.pipeline import Segment
from core.entities.rules.names import person_shape

SOURCE = "lac"
_JIEBA_NAMES = frozenset({"nr", "nrfg", "nrt"})
# a PER two engines agree on
_AGREED_CONF = 0.8
_NUMERALS = frozenset("0123456789０１２３４５６７８９一二三四五六七八九十百千万亿两几多")


def lac_vote(seg: Segment, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` plus the names LAC and jieba agree on where nothing else was found."""
    lac_per = {(s, e) for s, e, t in mentions(seg.text) if t == "PER"}
    jieba_per = {(t.start, t.end) for t in seg.tokens if t.flag in _JIEBA_NAMES}
    chosen = resolve(cands)
    taken = {i for c in chosen for i in range(c.start, c.end)}
    out = list(cands)
    for s, e in sorted(lac_per & jieba_per):
        word = seg.text[s:e]
        shaped = person_shape(word, seg.gaz) > 0 or (len(word) >= 3 and seg.gaz.is_translit(word))
        after_number = s > 0 and seg.text[s - 1] in _NUMERALS
        if shaped and not after_number and word not in seg.gaz.not_names and not any(i in taken for i in range(s, e)):
            out.append(Candidate(s, e, "PER", SOURCE, _AGREED_CONF))
    return out
