"""A known place before a literary 'side of' word (东海之滨, 长江之畔, 泰山之巅).

jieba often glues the place's last character to the side word (``东/ns 海之滨/nr``), so the
place is read from the text: the longest known place ending right before the side word.
"""

from __future__ import annotations

from core.entities.candidates import Candidate
from core.entities.rules.gazetteer import Gazetteer

_SIDES = ("之滨", "之畔", "之巅", "之源", "之麓")


def places_before_sides(text: str, gaz: Gazetteer) -> list[Candidate]:
    """东海之滨: the longest known place of two to four characters before 之滨/之畔/之巅 …"""
    out: list[Candidate] = []
    i = text.find("之")
    while i >= 0:
        if text.startswith(_SIDES, i):
            for k in (4, 3, 2):
                if i - k >= 0 and gaz.is_place(text[i - k : i]):
                    out.append(Candidate(i - k, i, "LOC", "rule", 0.65))
                    break
        i = text.find("之", i + 1)
    return out
