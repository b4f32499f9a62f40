"""The trained CRF as the pipeline's last refiner: vetoes on the rules' mentions, and its own.

It tags each segment from the same features it was trained on.  A rule candidate whose every
character it tags O with high confidence is dropped (the editor has been rejecting it).  With
``suggest``, a span it tags with enough confidence (the mean of its labels' marginal
probabilities) also becomes a candidate with source ``tagger``, competing by length and
confidence.  Until the model has learned from ``MIN_PAGES`` pages it stays silent (``load``
returns None).

Measured with ``evaluate --learn`` on the development pages (docs/architecture.md): vetoes save
corrections from the first pages on; its own suggestions, after up to 30 pages, cost more than
they save, so they are off by default.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from core.entities.candidates import TIER_RULE, Candidate
from core.entities.pipeline import Segment
from core.entities.tagger.features import char_features, rule_tags, word_tags
from core.entities.tagger.store import TaggerStore
from core.model import Page

SOURCE = "tagger"
# measured with ``evaluate --learn``: on pd98-dev (30 different stories) vetoes cost corrections
# until about ten saved pages and save them from then on; on pdf-dev (stories repeat) they pay
# from the first page; so it speaks from ten pages on
MIN_PAGES = 10
# with ``suggest``, a tagged span becomes a candidate above this confidence
ACCEPT = 0.8
# a rule's candidate is dropped when the tagger says O for all its characters this surely
VETO = 0.9


class TaggerStage:
    """A loaded model; call it as a refiner: ``stage(seg, cands) -> cands``."""

    def __init__(self, model_path: str, *, suggest: bool = False, veto: float = VETO) -> None:
        import pycrfsuite

        self._tagger: Any = pycrfsuite.Tagger()
        self._tagger.open(model_path)
        self._suggest = suggest
        self._veto = veto

    @classmethod
    def load(
        cls, store: TaggerStore, min_pages: int = MIN_PAGES, *, suggest: bool = False, veto: float = VETO
    ) -> TaggerStage | None:
        """The store's model when it is switched on and has learned from enough pages."""
        if not store.enabled or store.trained_pages < min_pages:
            return None
        try:
            return cls(str(store.model_path), suggest=suggest, veto=veto)
        except (OSError, ValueError):
            return None

    def __call__(self, seg: Segment, cands: list[Candidate]) -> list[Candidate]:
        text = seg.text
        if not text:
            return cands
        own = [c for c in cands if c.source != "lexicon"]  # the features the model was trained on
        feats = char_features(text, rule_tags(len(text), own), word_tags(len(text), seg.tokens))
        tagger = self._tagger
        labels: list[str] = tagger.tag(feats)
        out = [c for c in cands if not self._vetoed(c, labels)]
        if not self._suggest:
            return out
        i, n = 0, len(labels)
        while i < n:
            if not labels[i].startswith("B-"):
                i += 1
                continue
            typ = labels[i][2:]
            j = i + 1
            while j < n and labels[j] == f"I-{typ}":
                j += 1
            conf = sum(tagger.marginal(labels[k], k) for k in range(i, j)) / (j - i)
            if conf >= ACCEPT:
                out.append(Candidate(i, j, typ, SOURCE, round(conf, 3), tier=TIER_RULE))
            i = j
        return out

    def _vetoed(self, c: Candidate, labels: list[str]) -> bool:
        if c.tier != TIER_RULE or c.source == "lexicon" or any(labels[k] != "O" for k in range(c.start, c.end)):
            return False
        surest: float = min(self._tagger.marginal("O", k) for k in range(c.start, c.end))
        return surest >= self._veto


__all__ = ["MIN_PAGES", "TaggerStage"]


def tagged_parser(page: Path) -> Callable[..., Page]:
    """``parse_page`` with the tagger of ``page``'s store (user or project), when it speaks."""
    from core.parse import parse_page

    stage = TaggerStage.load(TaggerStore.for_page(page))
    return functools.partial(parse_page, tagger=stage) if stage is not None else parse_page
