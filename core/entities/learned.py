"""The user lexicon as a detector: learned strings compete with the rules, never above them.

A learned entry is one more candidate at the rules' tier, so a longer rule candidate still wins
(a learned 中国 does not split 中国银行), and it fires only where both its ends fall on token
boundaries (a learned 海南 does not fire inside 地中海/南部).  An entry's ``weight`` (lowered by
rejections, see ``core.entities.lexicon``) scales its confidence; one that fell too low is silent.
One-character and TIME entries an older lexicon may hold never fire.
Matching finds, in one regex pass, the token boundaries where the character is the first one of
some entry, then looks up only the lengths of the entries starting with that character: linear in
the page, whatever the size of the lexicon.  The index is built once per change of the lexicon
(``LexiconDetector.of``, kept by ``UserLexicon.derived``), not on every parse.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from core.entities.candidates import Candidate
from core.entities.lexicon import UserLexicon, learnable
from core.entities.pipeline import Segment

SOURCE = "lexicon"
# the confidence of an entry of full weight: above the rules' usual 0.6–0.85, so that on equal
# spans the editor's word wins, but a longer span still wins by length
_CONFIDENCE = 0.95
# entries whose confidence falls below this (after rejections) no longer fire
_SILENT_BELOW = 0.5


class LexiconDetector:
    """Learned entries of one lexicon, indexed by first character for boundary lookups."""

    def __init__(self, lexicon: UserLexicon) -> None:
        self._by_text: dict[str, tuple[str, float]] = {}
        for e in lexicon.entries:
            conf = _CONFIDENCE * float(getattr(e, "weight", 1.0))
            if not learnable(e.text, e.type) or conf < _SILENT_BELOW:
                continue  # one character, a date (the rules find dates better), or rejected too often
            if e.text not in self._by_text or self._by_text[e.text][1] < conf:
                self._by_text[e.text] = (e.type, conf)
        # first character -> the lengths of the entries starting with it, longest first
        lengths: dict[str, set[int]] = {}
        for w in self._by_text:
            lengths.setdefault(w[0], set()).add(len(w))
        self._lengths = {c: tuple(sorted(ns, reverse=True)) for c, ns in lengths.items()}
        firsts = "".join(map(re.escape, sorted(self._lengths)))
        self._firsts = re.compile(f"[{firsts}]" if firsts else "(?!)")

    @classmethod
    def of(cls, lexicon: UserLexicon) -> LexiconDetector:
        """The detector of ``lexicon`` as it is now: built once, until the lexicon changes."""
        return lexicon.derived(cls)

    def __bool__(self) -> bool:
        return bool(self._by_text)

    def __call__(self, seg: Segment) -> Iterable[Candidate]:
        out: list[Candidate] = []
        text, cuts, by_text, lengths = seg.text, seg.cuts, self._by_text, self._lengths
        for m in self._firsts.finditer(text):
            start = m.start()
            if start not in cuts:
                continue
            for n in lengths[m.group()]:
                end = start + n
                if end in cuts:
                    hit = by_text.get(text[start:end])
                    if hit is not None:
                        out.append(Candidate(start, end, hit[0], SOURCE, hit[1]))
        return out
