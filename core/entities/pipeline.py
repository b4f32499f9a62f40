"""The detection pipeline: detectors propose candidates, refiners rework them, one signature each.

A *detector* reads one reflowed segment and proposes candidates; a *refiner* reads the segment
and everything proposed so far and returns the new list (adding, dropping or reshaping).  An
engine plugs in by being added to a list: the rules (``core.entities.rules``), jieba's tags
(part of the rules' input), the user lexicon (``learned``), the trained tagger (``tagger``), an
optional second engine (``lac``).  Every candidate keeps the ``source`` of the engine that made
it, so the editor (and the scoring) can tell them apart.

The segment carries what every engine needs once: its text, jieba's tokens and the token
boundaries (``cuts``); engines never tokenize again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from core.dateline import DatelineParts, find_dateline
from core.entities.candidates import Candidate
from core.entities.jieba.tokenizer import Token, tokens
from core.entities.rules.gazetteer import Gazetteer, gazetteer


@dataclass(frozen=True, slots=True)
class Segment:
    """One reflowed unit of the page: its text, jieba's tokens, the boundaries between them, and
    the dateline that opens it (if any)."""

    text: str
    tokens: tuple[Token, ...]
    cuts: frozenset[int]
    gaz: Gazetteer
    dateline: DatelineParts | None = None

    @classmethod
    def of(cls, text: str) -> Segment:
        dateline = find_dateline(text)
        toks = tuple(_tokens(text, dateline))
        cuts = frozenset(t.start for t in toks) | frozenset(t.end for t in toks) | {len(text)}
        return cls(text, toks, cuts, gazetteer(), dateline)


def _tokens(text: str, parts: DatelineParts | None) -> list[Token]:
    """jieba's tokens of ``text``, never one across the end of its opening dateline ``parts`` (the
    reflowed text squeezes ``…电 省农业厅`` together, and jieba would glue ``电省``)."""
    if parts is None or not 0 < parts.end < len(text):
        return tokens(text)
    cut = parts.end
    rest = [Token(t.word, t.flag, t.start + cut, t.end + cut) for t in tokens(text[cut:])]
    return tokens(text[:cut]) + rest


Detector = Callable[[Segment], Iterable[Candidate]]
Refiner = Callable[[Segment, list[Candidate]], list[Candidate]]


@dataclass(frozen=True, slots=True)
class Pipeline:
    """Detectors in order, then refiners in order; ``run`` gives all candidates of a segment."""

    detectors: tuple[Detector, ...]
    refiners: tuple[Refiner, ...] = ()

    def run(self, seg: Segment) -> list[Candidate]:
        cands: list[Candidate] = []
        for detect in self.detectors:
            cands.extend(detect(seg))
        for refine in self.refiners:
            cands = refine(seg, cands)
        return cands

    def with_detectors(self, extra: Sequence[Detector]) -> Pipeline:
        return Pipeline(self.detectors + tuple(extra), self.refiners)

    def with_refiners(self, extra: Sequence[Refiner]) -> Pipeline:
        return Pipeline(self.detectors, self.refiners + tuple(extra))
