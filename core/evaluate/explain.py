"""Why each entity correction of a page is still needed (``evaluate --learn --explain``).

Each correction ``scoring`` counts is given a kind, the engine whose suggestion it is, and what
the earlier pages of the walk said about its string, so a learning curve can be read as "what
learning could still fix" and "what no page taught":

- kinds: ``miss`` (a gold mention nothing overlaps), ``false alarm`` (a suggestion no gold mention
  overlaps), ``boundary`` (a suggestion overlapping a gold mention with another span: one
  correction for the suggestion, one for the mention it hides), ``type`` (the right span with the
  wrong type: two corrections, as ``scoring`` counts a retype);
- seen: ``as TYPE`` (a gold mention of earlier pages), ``decided VERDICT`` (in the decision log of
  the lexicon: a suggestion the editor rejected, re-cut...), ``inside``/``around`` (part of, or
  holding, an earlier gold mention), or ``unseen``.

The counts add up to the page's ``Effort.entities``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from core.evaluate.scoring import Mention, covered, gold_table, mention_text, predicted

KINDS = ("miss", "false alarm", "boundary", "type")


@dataclass(frozen=True, slots=True)
class Correction:
    kind: str
    text: str
    type: str  # the gold type (miss, type, a boundary's hidden mention) or the suggestion's
    source: str  # the engine of the suggestion ("rule", "jieba", "lexicon", "tagger"), "-" for a miss
    count: int  # corrections it costs
    seen: str = "unseen"


@dataclass(slots=True)
class History:
    """What the pages walked so far said about strings: their gold types and the editor's verdicts."""

    gold: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    verdicts: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    # every substring of a gold string (``inside`` is one lookup, not a search of every gold string)
    _parts: set[str] = field(default_factory=set, init=False, repr=False)

    def add_gold(self, mentions: Iterable[tuple[str, str]]) -> None:
        for text, type_ in mentions:
            if text not in self.gold:
                n = len(text)
                self._parts.update(text[i:j] for i in range(n + 1) for j in range(i, n + 1))
            self.gold[text].add(type_)

    def add_verdicts(self, decisions: Iterable[tuple[str, str]]) -> None:
        for text, verdict in decisions:
            self.verdicts[text].add(verdict)

    def seen(self, text: str) -> str:
        if text in self.gold:
            return "as " + "/".join(sorted(self.gold[text]))
        if text in self.verdicts:
            return "decided " + "/".join(sorted(self.verdicts[text]))
        if text in self._parts:
            return "inside"
        n = len(text)
        if any(text[i:j] in self.gold for i in range(n) for j in range(i + 2, n + 1)):
            return "around"  # some gold string of two characters or more is part of it
        return "unseen"


def gold_mentions(gold: dict[str, Any], text: str) -> tuple[dict[Mention, str], list[Mention]]:
    """The gold page's mentions (positions -> type) and its optional ones."""
    mentions, optional = gold_table(gold, text)
    return {g.positions: g.type for g in mentions}, optional


def _predicted(pred: dict[str, Any], text: str) -> dict[Mention, tuple[str, str]]:
    """The suggestions by positions: their type and engine (the last one at the same positions)."""
    return {m: (t, source) for m, t, source in predicted(pred, text)}


def _first_over(got: dict[Mention, tuple[str, str]]) -> dict[int, tuple[int, str]]:
    """Each position of a suggestion -> the rank and engine of the first suggestion holding it: the
    first suggestion overlapping a mention is the one of least rank over the mention's positions
    (one pass over the suggestions, not one per mention)."""
    first: dict[int, tuple[int, str]] = {}
    for rank, (x, (_, source)) in enumerate(got.items()):
        for i in x:
            first.setdefault(i, (rank, source))
    return first


def corrections(
    gold: dict[str, Any], pred: dict[str, Any], text: str, history: History | None = None
) -> list[Correction]:
    """The page's entity corrections, each with its kind, engine and (with ``history``) what was seen."""
    wanted, optional = gold_mentions(gold, text)
    got = _predicted(pred, text)
    first = _first_over(got)
    out: list[Correction] = []
    for m, t in wanted.items():
        hit = got.get(m)
        if hit is not None and hit[0] == t:
            continue
        if hit is not None:
            out.append(Correction("type", mention_text(text, m), t, hit[1], 2))
            continue
        over = min((first[i] for i in m if i in first), default=None)  # the first suggestion overlapping m
        kind, source = ("miss", "-") if over is None else ("boundary", over[1])
        out.append(Correction(kind, mention_text(text, m), t, source, 1))
    gold_chars, optional_chars = covered(wanted), covered(optional)
    for x, (t, source) in got.items():
        if x in wanted or x & optional_chars:
            continue
        kind = "boundary" if x & gold_chars else "false alarm"
        out.append(Correction(kind, mention_text(text, x), t, source, 1))
    if history is not None:
        out = [Correction(c.kind, c.text, c.type, c.source, c.count, history.seen(c.text)) for c in out]
    return out


def tally(found: Iterable[Correction]) -> dict[str, int]:
    """Corrections per kind, and per kind of what was seen (``seen:unseen``, ``seen:as``...)."""
    counts: Counter[str] = Counter()
    for c in found:
        counts[c.kind] += c.count
        counts["seen:" + c.seen.split(" ")[0]] += c.count
    return dict(sorted(counts.items()))
