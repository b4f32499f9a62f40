"""Entity detection over a page: the pipeline on every segment, then page-wide consistency.

Detection runs on each segment's reflowed text (``textmap.assemble``), never on raw lines, so a
name split over two lines (``安立`` / ``佳``) is found whole and reported with raw offsets that
cross the line break.  Per segment, ``pipeline.Pipeline`` runs the detectors and refiners:

- the rules (``rules.stages``): times, names, places, organisations, datelines, lists;
- the user lexicon (``learned``): what editors confirmed, at the rules' tier, on token boundaries;
- extra engines when present (the trained tagger, LAC): each one more stage.

Then, page-wide: a string resolved with confidence once is a candidate everywhere on the page (at
token boundaries), what the editor rejected is dropped (in its context; a string rejected on a
page and confirmed on none everywhere, but where a title follows it, ``_rejected``), and
``candidates.resolve`` keeps the longest of overlapping candidates, no nesting.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from core.entities.candidates import Candidate, resolve
from core.entities.jieba.tokenizer import warm_up
from core.entities.learned import LexiconDetector
from core.entities.lexicon import EVERYWHERE, HERE, UserLexicon, context_of
from core.entities.pipeline import Detector, Pipeline, Refiner, Segment
from core.entities.rules import stages
from core.entities.rules.names import token_at
from core.model import Entity, entity_id
from core.textmap import MappedText, assemble, surface

__all__ = ["default_pipeline", "detect_entities"]

# below this, a mention is not copied to the rest of the page by the consistency pass
_SPREAD_MIN = 0.55
# the consistency pass gives its copies at most this confidence
_SPREAD_CONF = 0.7


def default_pipeline(
    lexicon: UserLexicon | None = None,
    *,
    detectors: Sequence[Detector] = (),
    refiners: Sequence[Refiner] = (),
    lac: bool | None = None,
) -> Pipeline:
    """The rules, then the lexicon (when it has entries), LAC's vote (``lac``, by default
    ``use_lac()``), then any extra stages (the trained tagger), then the conventions the lexicon's
    decisions teach (``conventions``)."""
    extra: list[Detector] = []
    if lexicon is not None:
        learned = LexiconDetector.of(lexicon)
        if learned:
            extra.append(learned)
    engines: list[Refiner] = []
    if lac if lac is not None else use_lac():
        from core.entities.lac.vote import lac_vote

        engines.append(lac_vote)
    conventions = lexicon.conventions() if lexicon is not None else None
    last: tuple[Refiner, ...] = (conventions,) if conventions else ()  # the editor's, after every engine
    return Pipeline(
        stages.DETECTORS + tuple(extra) + tuple(detectors), stages.REFINERS + tuple(engines) + tuple(refiners) + last
    )


def use_lac() -> bool:
    """LAC votes when it is installed and switched on (``BANMIAN_LAC=1``).

    Off by default: on the development pages it adds more wrong names than right ones.
    """
    import os

    from core.entities import lac

    return os.environ.get("BANMIAN_LAC", "0") == "1" and lac.available()


def _spread(
    seg: Segment, known: dict[str, tuple[str, float]], lengths: Sequence[int], firsts: re.Pattern[str]
) -> list[Candidate]:
    """Other occurrences of strings resolved with confidence somewhere on the page.

    Only at token boundaries (中国 is not spread into 发展中国家); ``firsts`` finds the places where
    a known word may start (one regex pass), then one dictionary lookup per known length, so
    linear in the segment.
    """
    out: list[Candidate] = []
    text, cuts = seg.text, seg.cuts
    size = len(text)
    for m in firsts.finditer(text):
        start = m.start()
        glued = start not in cuts and start - 1 in cuts and text[start - 1] in _GLUED
        if start not in cuts and not glued:
            continue
        for n in lengths:  # ascending: past the end of the text, no longer length fits either
            if start + n > size:
                break
            if start + n in cuts:
                hit = known.get(text[start : start + n])
                if hit is not None and (not glued or hit[0] == "PER"):
                    out.append(Candidate(start, start + n, hit[0], "rule", min(hit[1], _SPREAD_CONF)))
    return out


_NAME_DOTS = "·•・．"
# one-character prepositions jieba's HMM glues to the name after them (同恩佐/new): a known
# name is still found there
_GLUED = frozenset("同和与跟向对给让被把将")


def _last_part(name: str) -> str | None:
    """The last part of a name written with a middle dot (史密斯 of 约翰·史密斯), when long enough
    to be a name by itself (two characters or more)."""
    cut = max(name.rfind(d) for d in _NAME_DOTS)
    last = name[cut + 1 :] if cut >= 0 else ""
    return last if len(last) >= 2 else None


def _rejected(lexicon: UserLexicon, seg: Segment, c: Candidate) -> bool:
    """Whether the editor rejected candidate ``c`` of ``seg`` (the context is made only for a
    string the lexicon holds rejections of).

    A rejection in this very context always holds.  One made elsewhere (``EVERYWHERE``: rejected
    on some page, confirmed on none) is a guess that the string is never a mention, and yields
    where the segment itself names it the way the guide tags (``_titled``)."""
    text = seg.text
    word = text[c.start : c.end]
    if not lexicon.may_reject(word, c.type):
        return False
    how = lexicon.rejection(word, c.type, context_of(text, c.start, c.end))
    return how == HERE or (how == EVERYWHERE and not _titled(seg, c))


# the types a title right after names: a person (王明主任) or the body they hold office in
# (外交部发言人, 省政协主席)
_TITLED_TYPES = frozenset({"PER", "ORG"})


def _titled(seg: Segment, c: Candidate) -> bool:
    """Whether ``c`` is a person or an organisation followed directly by a title word (外交部|发言人,
    王明|主任): the guide tags an organisation written as its own word before a title, and a
    title after a name is the rules' strongest sign of a person.  A single rejection of the string
    in another context (外交部 inside 外交部吹风会) does not outweigh that sign here."""
    if c.type not in _TITLED_TYPES:
        return False
    after = token_at(seg.tokens, c.end)
    return after is not None and after.start == c.end and after.word in seg.gaz.titles


def _first_chars(known: dict[str, tuple[str, float]]) -> re.Pattern[str]:
    """A character class of the first characters of the known words (never matching when none)."""
    firsts = sorted({w[0] for w in known})
    return re.compile("[" + "".join(map(re.escape, firsts)) + "]" if firsts else "(?!)")


def detect_entities(
    text: str,
    segments: Sequence[Sequence[tuple[int, int]]],
    *,
    lexicon: UserLexicon | None = None,
    pipeline: Pipeline | None = None,
) -> tuple[Entity, ...]:
    """Entities of the page ``text``; each segment is the raw line spans of one reflowed unit."""
    warm_up()
    pipe = pipeline or default_pipeline(lexicon)
    mapped: list[MappedText] = [assemble(text, spans, squeeze=True) for spans in segments]
    segs = [Segment.of(m.text) for m in mapped]
    per_seg = [pipe.run(s) for s in segs]
    # consistency: what one segment resolved confidently is a candidate in every segment
    known: dict[str, tuple[str, float]] = {}
    for seg, cands in zip(segs, per_seg, strict=True):
        for c in resolve(cands):
            word = seg.text[c.start : c.end]
            if (
                c.type != "TIME"
                and c.confidence >= _SPREAD_MIN
                and len(word) >= 2
                and (word not in known or known[word][1] < c.confidence)
            ):
                known[word] = (c.type, c.confidence)
            if c.type == "PER" and c.confidence >= _SPREAD_MIN:
                # 约翰·史密斯 ... 史密斯说: later mentions of a foreign name use its last part
                last = _last_part(word)
                if last is not None and last not in known:
                    known[last] = ("PER", _SPREAD_CONF)
    lengths = sorted({len(w) for w in known})
    firsts = _first_chars(known)
    entities: dict[tuple[int, int], Entity] = {}
    for m, seg, cands in zip(mapped, segs, per_seg, strict=True):
        pool = stages.after_spread(seg, cands + _spread(seg, known, lengths, firsts))
        if lexicon is not None:
            pool = [c for c in pool if not _rejected(lexicon, seg, c)]
        for c in resolve(pool):
            try:
                start, end = m.to_raw(c.start, c.end)
            except ValueError:
                continue
            mention = surface(text, start, end)
            if len(mention) != len("".join(m.text[c.start : c.end].split())):
                # the mention crosses a join of lines that are not next to each other in the page (a
                # story's piece moved back to it): no raw span holds it alone, it would hold the
                # lines between (an editor adds it by hand if it is one)
                continue
            entities[(start, end)] = Entity(
                id=entity_id(start, end),
                type=c.type,
                start=start,
                end=end,
                text=mention,
                status="auto",
                source=c.source,
                confidence=round(c.confidence, 3),
                value=c.value,
            )
    return tuple(sorted(entities.values(), key=lambda e: e.start))
