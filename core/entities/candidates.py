"""Candidate mentions and how overlapping ones are resolved: the longest wins, no nesting."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# tiers: a candidate from a higher tier beats any overlapping one from a lower tier, whatever its
# length; inside a tier the longer span wins, then the more confident one
TIER_SURE = 2  # lexicon, dateline parts: an editor or the page layout said so
TIER_RULE = 1  # everything else


@dataclass(frozen=True, slots=True)
class Candidate:
    """A proposed mention in the reflowed text of one segment (offsets into that text)."""

    start: int
    end: int
    type: str
    source: str
    confidence: float
    value: str | None = None
    tier: int = TIER_RULE

    @property
    def length(self) -> int:
        return self.end - self.start


def _rank(c: Candidate) -> tuple[int, int, float, int]:
    return (-c.tier, c.start - c.end, -c.confidence, c.start)


def _start(c: Candidate) -> int:
    return c.start


def resolve(cands: Iterable[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, sorted by start: tier, then length, then confidence decide."""
    ranked = sorted(cands, key=_rank)
    if not ranked:
        return []
    if min(c.start for c in ranked) < 0:
        return _resolve_plain(ranked)
    taken: list[Candidate] = []
    used = bytearray(max(0, *(c.end for c in ranked)))  # 1 where a taken candidate lies (ends may be empty spans)
    for c in ranked:
        s, e = c.start, c.end
        if s >= e or used.find(1, s, e) >= 0:  # empty, or overlapping one already taken
            continue
        taken.append(c)
        used[s:e] = b"\x01" * (e - s)
    taken.sort(key=_start)
    return taken


def _resolve_plain(ranked: list[Candidate]) -> list[Candidate]:
    """``resolve`` of candidates already ranked, with a set of the offsets taken (any offsets)."""
    taken: list[Candidate] = []
    used: set[int] = set()
    for c in ranked:
        span = range(c.start, c.end)
        if not span or not used.isdisjoint(span):  # empty, or overlapping one already taken
            continue
        taken.append(c)
        used.update(span)
    taken.sort(key=_start)
    return taken
