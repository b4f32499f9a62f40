"""The trained CRF as the pipeline's last refiner: its own mentions, and vetoes on the rules'.

It tags each segment from the same features it was trained on; a span it tags with enough
confidence (the mean of its labels' marginal probabilities) becomes a candidate with source
``tagger``, competing with the others by length and confidence; a rule candidate whose every
character it tags O with high confidence is dropped (the editor has been rejecting it).
Until the model has learned from ``MIN_PAGES`` pages it stays silent: ``load`` returns None.
"""

from __future__ import annotations

from typing import Any

from core.entities.candidates import TIER_RULE, Candidate
from core.entities.pipeline import Segment
from core.entities.tagger.features import char_features, rule_tags, word_tags
from core.entities.tagger.store import TaggerStore

SOURCE = "tagger"
# measured with ``evaluate --learn`` (see docs/architecture.md): below this many pages the
# model costs more corrections than it saves
MIN_PAGES = 3
# a tagged span becomes a candidate above this confidence
_ACCEPT = 0.6
# a rule's candidate is dropped when the tagger says O for all its characters this surely
_VETO = 0.9


class TaggerStage:
    """A loaded model; call it as a refiner: ``stage(seg, cands) -> cands``."""

    def __init__(self, model_path: str) -> None:
        import pycrfsuite

        self._tagger: Any = pycrfsuite.Tagger()
        self._tagger.open(model_path)

    @classmethod
    def load(cls, store: TaggerStore, min_pages: int = MIN_PAGES) -> TaggerStage | None:
        """The store's model when it is switched on and has learned from enough pages."""
        if not store.enabled or store.trained_pages < min_pages:
            return None
        try:
            return cls(str(store.model_path))
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
            if conf >= _ACCEPT:
                out.append(Candidate(i, j, typ, SOURCE, round(conf, 3), tier=TIER_RULE))
            i = j
        return out

    def _vetoed(self, c: Candidate, labels: list[str]) -> bool:
        if c.tier != TIER_RULE or c.source == "lexicon" or any(labels[k] != "O" for k in range(c.start, c.end)):
            return False
        return min(self._tagger.marginal("O", k) for k in range(c.start, c.end)) >= _VETO


__all__ = ["MIN_PAGES", "TaggerStage"]
