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
only the surest additions are taken; changes (respans, retypes) lost on pdf-dev at every threshold
tried, and vetoes, once the lexicon's rejections and the conventions learned what the editor
rejects, only dropped right mentions: both are off by default (a ``Thresholds`` can switch them on),
and the screen then looks only where an addition can be.  Most of what the editor teaches is already
taught by the lexicon (exact strings) and the conventions (classes); on the dev walks the tagger's
additions never reached their threshold, so what it adds is what an editor's own, more consistent
pages teach it.

Tagging every character of a page cost a third of the parse, for the few segments where the
tagger and the rules differ.  So each segment is first *screened*: the tagger tags only the
stretches around what it could change (``windows``): the rules' mentions it may veto and jieba's
names it may take, leaving out those over a mention it must leave alone (the lexicon's, the
layout's, the rules' dates and times), each stretch alone.  Where no island it may take shows
there, the segment is left as it is; only a segment where one does is tagged whole, as before,
for its islands and their confidence.  What the tagger decides is thus always decided on the
whole segment.  What the screen can miss is a mention the tagger would add with neither a rule's
mention nor a jieba name within ``REACH`` characters (a name jieba calls a noun, an organisation
of common words), or a difference the stretch's edges hide.  On pd98-dev and pdf-dev
(``evaluate --learn``) it missed none: the entities are the same as tagging every segment whole.
Tagging those pages with models trained on them (which remember their additions), it missed 0-2
of the 37-133 segments the tagger changed with the lexicon of those pages, 6-22 of 61-277
without, all of them such additions; with ``REACH`` 1 it missed one veto on pd98-dev.
``SCREEN_SHARE = -1`` tags every segment whole.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.entities.candidates import TIER_RULE, Candidate, resolve
from core.entities.jieba.tokenizer import Token
from core.entities.pipeline import Segment
from core.entities.tagger.features import bio, char_features_utf8, spans, word_tags
from core.entities.tagger.store import TaggerStore
from core.model import Page

SOURCE = "tagger"
LEXICON = "lexicon"
MIN_PAGES = 5  # evaluate --learn: a model of three or four pages still vetoed right mentions
# the rules' dates and times are left alone (they score above what a few pages teach; a veto of
# 八月 measured as a loss), as the lexicon never learns them
KEEP = "TIME"


OFF = 1.1  # a threshold above any probability

# the screen: how far around a mention of the rules or a jieba name it looks (the features read
# two characters on each side), and jieba's tags of the words where the tagger may find a mention
# the rules did not (names of people, places, organisations, other proper nouns, abbreviations,
# words its HMM found)
REACH = 2
NAMES = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz", "j", "new"})
# windows covering more than this share of a segment: tag it whole at once (a screen that finds a
# difference would cost twice)
SCREEN_SHARE = 0.6


@dataclass(frozen=True, slots=True)
class Thresholds:
    """How sure the tagger must be of an island to take it, per kind of change."""

    # evaluate --learn, second half, once the conventions re-cut and the rules improved: at veto
    # 0.9 / add 0.6 every island the tagger took was a loss on both sets (pdf-dev 17 pages 104 with
    # the tagger, 103 without; pd98-dev 103 and 100).  Once the lexicon's rejections and the
    # conventions' classes learned what the editor rejects, its vetoes found nothing left to take:
    # the one it still took, sure at 0.99, dropped a right 浸会大学 (pd98-dev 142 corrections in the
    # whole walk with vetoes at 0.97 or 0.99, 141 without; pdf-dev the same either way)
    veto: float = OFF
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


def open_places(
    own: Iterable[tuple[int, int, str]], toks: Iterable[Token], fixed: Sequence[Candidate]
) -> Iterator[tuple[int, int]]:
    """Where the tagger could change something: the rules' mentions ``own`` it may veto (no date or
    time, ``KEEP``) and jieba's names (``NAMES``) it may take, none touching a mention it must leave
    alone (``fixed``: the lexicon's, the layout's)."""
    places = [(s, e) for s, e, t in own if t != KEEP]
    places += [(t.start, t.end) for t in toks if t.flag in NAMES]
    for s, e in places:
        if not any(c.start < e and s < c.end for c in fixed):
            yield s, e


def windows(length: int, places: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches ``[a, b)`` the screen tags: ``places`` with ``REACH`` characters on each side,
    overlapping ones merged."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(places):
        a, b = max(0, s - REACH), min(length, e + REACH)
        if a >= b:
            continue
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


class TaggerStage:
    """A loaded model; call it as a refiner: ``stage(seg, cands) -> cands``."""

    def __init__(self, model_path: str, thresholds: Thresholds = DEFAULT) -> None:
        import pycrfsuite

        self._tagger: Any = pycrfsuite.Tagger()
        self._tagger.open(model_path)
        self._t = thresholds
        # whether it may take an island over a rule's mention (a veto or a change): with both off it
        # can only add where the rules have nothing, and the screen looks around jieba's names alone
        self._takes_rules = thresholds.veto <= 1.0 or thresholds.change <= 1.0

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
        n = len(text)
        # the rules' mentions (what the model was trained on: no lexicon), as the BIO tags it reads
        own = [(c.start, c.end, c.type) for c in resolve(c for c in cands if c.source != LEXICON)]
        fixed = [c for c in cands if c.source == LEXICON or c.tier != TIER_RULE]
        stretches = windows(n, open_places(own if self._takes_rules else (), seg.tokens, fixed))
        if not stretches and SCREEN_SHARE >= 0:  # nothing it could change (and the screen is on)
            return cands
        rules = bio(n, own)
        words = word_tags(n, seg.tokens)
        if self._agrees(text, rules, words, fixed, stretches):
            return cands
        tagger = self._tagger
        tags: list[str] = tagger.tag(char_features_utf8(text, rules, words))
        if tags == rules:
            return cands
        out = cands
        for a, b, mine, need in self._open_islands(rules, tags, fixed):
            sure = min(tagger.marginal(tags[k], k) for k in range(a, b))
            if sure < need:
                continue
            out = [c for c in out if not (c.start < b and a < c.end)]
            out.extend(Candidate(s, e, t, SOURCE, round(sure, 3)) for s, e, t in mine)
        return out

    def _open_islands(
        self, rules: list[str], tags: list[str], fixed: list[Candidate], at: int = 0
    ) -> Iterator[tuple[int, int, list[tuple[int, int, str]], float]]:
        """The islands where ``tags`` differ from ``rules`` (both read from offset ``at`` of the
        segment) that the tagger may take, sure enough: touching no mention the editor taught or the
        layout made sure, holding no date or time of the rules', of a kind whose threshold a
        probability can reach; with the tagger's spans there and the threshold."""
        for a, b in islands(rules, tags):
            if any(c.start < b + at and a + at < c.end for c in fixed):
                continue
            mine = spans(tags, a, b)
            theirs = spans(rules, a, b)
            if any(t == KEEP for _, _, t in theirs):
                continue
            need = self._t.veto if not mine else self._t.add if not theirs else self._t.change
            if need <= 1.0:
                yield a, b, mine, need

    def _agrees(
        self, text: str, rules: list[str], words: list[str], fixed: list[Candidate], stretches: list[tuple[int, int]]
    ) -> bool:
        """The screen: whether the tagger, run on each stretch alone, leaves the rules as they are
        there (no island it may take); never when the stretches cover most of the segment
        (tagging it whole is then cheaper)."""
        if sum(b - a for a, b in stretches) > SCREEN_SHARE * len(text):
            return False
        tag = self._tagger.tag
        rows = char_features_utf8.rows
        for lo, hi, group in _clusters(stretches):
            block = rows(text, rules, words, lo, hi)
            for a, b in group:
                tags = tag(block[a - lo : b - lo])
                if tags != rules[a:b] and next(self._open_islands(rules[a:b], tags, fixed, a), None) is not None:
                    return False
        return True


# stretches closer than this share the making of their features: the characters between cost less
# than making a stretch's features on its own (each character's features are the same either way)
_GAP = 8


def _clusters(stretches: list[tuple[int, int]]) -> Iterator[tuple[int, int, list[tuple[int, int]]]]:
    """The sorted ``stretches`` in groups whose gaps are at most ``_GAP``: ``(lo, hi, group)``."""
    group: list[tuple[int, int]] = []
    for a, b in stretches:
        if group and a - group[-1][1] > _GAP:
            yield group[0][0], group[-1][1], group
            group = []
        group.append((a, b))
    if group:
        yield group[0][0], group[-1][1], group


__all__ = ["MIN_PAGES", "TaggerStage", "Thresholds", "islands", "open_places", "windows"]


def tagged_parser(page: Path) -> Callable[..., Page]:
    """``parse_page`` with the tagger of ``page``'s store (user or project), when it speaks."""
    from core.parse import parse_page

    stage = TaggerStage.load(TaggerStore.for_page(page))
    return functools.partial(parse_page, tagger=stage) if stage is not None else parse_page
