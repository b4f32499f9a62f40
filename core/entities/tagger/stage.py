"""The trained CRF as the pipeline's last refiner: a stacked corrector of the rules.

The CRF sees, at each character, the tag the rules gave it (``features``), so what it learns is
where this editor's conventions differ from our rules: a rule's span the editor keeps rejecting,
an organisation the editor always takes whole, a type the editor always changes.  Where its own
labelling of a segment agrees with the rules' it changes nothing.  Where the two differ, the
segment is cut into *islands* (the smallest stretches where both labellings start and end their
spans at the same places, ``islands``) and each island is decided on its own:

- the tagger says O where the rules had a mention: the mention is dropped (a veto);
- the tagger has a mention where the rules had none: it is added;
- both have mentions that differ (span or type): the tagger's replace the rules'.

Each kind is taken only when the tagger is sure of its labelling of the island (the lowest
marginal probability of its labels there) above its own threshold; an island touching a mention
the editor taught the lexicon, one the page layout made sure (dateline parts), or one holding a
date or time of the rules' is left alone.
Until the model has learned from ``MIN_PAGES`` pages it stays silent (``load`` returns None).
The thresholds were measured with ``evaluate --learn`` on pd98-dev and pdf-dev (``Thresholds``):
only the surest vetoes and additions are taken; changes (respans, retypes) lost on pdf-dev at
every threshold tried, so they are off.  Most of what the editor teaches early is already taught by
the lexicon (exact strings); the tagger adds a few corrections on top.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.entities.candidates import TIER_RULE, Candidate
from core.entities.pipeline import Segment
from core.entities.tagger.features import char_features_utf8, rule_tags, spans, word_tags
from core.entities.tagger.store import TaggerStore
from core.model import Page

SOURCE = "tagger"
LEXICON = "lexicon"
MIN_PAGES = 5  # evaluate --learn: a model of three or four pages still vetoed right mentions
# the rules' dates and times are left alone (they score above what a few pages teach; a veto of
# 八月 measured as a loss), as the lexicon never learns them
KEEP = "TIME"


OFF = 1.1  # a threshold above any probability


@dataclass(frozen=True, slots=True)
class Thresholds:
    """How sure the tagger must be of an island to take it, per kind of change."""

    # evaluate --learn, second half, once the conventions re-cut and the rules improved: at veto
    # 0.9 / add 0.6 every island the tagger took was a loss on both sets (pdf-dev 17 pages 104 with
    # the tagger, 103 without; pd98-dev 103 and 100); from these on it costs nothing there
    veto: float = 0.97
    add: float = 0.9
    change: float = OFF  # its respans and retypes cost more than they saved on the pdf-dev pages


DEFAULT = Thresholds()


def islands(rules: list[str], tags: list[str]) -> Iterator[tuple[int, int]]:
    """The stretches ``[a, b)`` where two BIO labellings differ, cut where both are at a span
    boundary (neither continues a span), so each stretch can be taken from either side whole."""
    n = len(rules)
    start = 0
    for k in range(1, n + 1):
        if k == n or (not rules[k].startswith("I-") and not tags[k].startswith("I-")):
            if rules[start:k] != tags[start:k]:
                yield start, k
            start = k


class TaggerStage:
    """A loaded model; call it as a refiner: ``stage(seg, cands) -> cands``."""

    def __init__(self, model_path: str, thresholds: Thresholds = DEFAULT) -> None:
        import pycrfsuite

        self._tagger: Any = pycrfsuite.Tagger()
        self._tagger.open(model_path)
        self._t = thresholds

    @classmethod
    def load(
        cls, store: TaggerStore, min_pages: int | None = None, thresholds: Thresholds = DEFAULT
    ) -> TaggerStage | None:
        """The store's model when it is switched on and has learned from enough pages."""
        if not store.enabled or store.trained_pages < (MIN_PAGES if min_pages is None else min_pages):
            return None
        try:
            return cls(str(store.model_path), thresholds)
        except (OSError, ValueError):
            return None

    def __call__(self, seg: Segment, cands: list[Candidate]) -> list[Candidate]:
        text = seg.text
        if not text:
            return cands
        own = [c for c in cands if c.source != LEXICON]  # the features the model was trained on
        rules = rule_tags(len(text), own)
        tagger = self._tagger
        tags: list[str] = tagger.tag(char_features_utf8(text, rules, word_tags(len(text), seg.tokens)))
        if tags == rules:
            return cands
        fixed = [c for c in cands if c.source == LEXICON or c.tier != TIER_RULE]
        out = cands
        for a, b in islands(rules, tags):
            if any(c.start < b and a < c.end for c in fixed):
                continue
            sure = min(tagger.marginal(tags[k], k) for k in range(a, b))
            mine = spans(tags, a, b)
            theirs = spans(rules, a, b)
            if any(t == KEEP for _, _, t in theirs):
                continue
            need = self._t.veto if not mine else self._t.add if not theirs else self._t.change
            if sure < need:
                continue
            out = [c for c in out if not (c.start < b and a < c.end)]
            out.extend(Candidate(s, e, t, SOURCE, round(sure, 3)) for s, e, t in mine)
        return out


__all__ = ["MIN_PAGES", "TaggerStage", "Thresholds", "islands"]


def tagged_parser(page: Path) -> Callable[..., Page]:
    """``parse_page`` with the tagger of ``page``'s store (user or project), when it speaks."""
    from core.parse import parse_page

    stage = TaggerStage.load(TaggerStore.for_page(page))
    return functools.partial(parse_page, tagger=stage) if stage is not None else parse_page
