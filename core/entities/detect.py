"""Entity detection: jieba's tokens plus our own layers, every mention mapped to raw offsets.

Detection runs on each segment's reflowed text (``textmap.assemble``), never on raw lines, so a
name split over two lines (``安立`` / ``佳``) is found whole and reported with raw offsets that
cross the line break.  Layers, each in its own module:

- ``timex``: calendar and clock expressions with a numeral, with an ISO 8601 ``value``;
- ``names``/``foreign``/``persons``: jieba's name tags filtered, names after titles, foreign
  names (split pieces, middle dots), speakers, credits, caption marks (``X（左）``);
- ``lists``: members of ``X、Y、Z`` lists typed like a recognised neighbour (PER or LOC);
- ``places``: gazetteer words, place suffixes, prefecture areas, known organisation phrases;
- ``orgs``: jieba's nt checked, organisation chains, long names, 第X届/中共 prefixes;
- datelines (``core.dateline``): source ORG, place LOC, date TIME, reporters PER;
- the user lexicon: learned entries (source ``lexicon``), rejections in context;
- page-wide consistency: a string taken as PER (LOC, ORG) once is taken everywhere on the page.

Overlaps are resolved by ``candidates.resolve``: longest wins, no nesting.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from core.dateline import find_dateline
from core.entities.candidates import TIER_SURE, Candidate, resolve
from core.entities.foreign import dotted_names, joined_fragments
from core.entities.gazetteer import gazetteer
from core.entities.lexicon import UserLexicon, context_of
from core.entities.lists import listed_names
from core.entities.names import anchored_names, tagged_names
from core.entities.orgs import fused_title_orgs, long_orgs, org_chains, prefixed_orgs, tagged_orgs
from core.entities.persons import anonymised_names, captioned_names, credit_names, speaker_names
from core.entities.places import gazetteer_words, known_phrases, place_compounds
from core.entities.timex import find_times
from core.entities.tokenizer import tokens, warm_up
from core.model import Entity, entity_id
from core.textmap import MappedText, assemble, surface

__all__ = ["detect_entities"]

# below this, a mention is not copied to the rest of the page by the consistency pass
_SPREAD_MIN = 0.55


def _dateline(text: str) -> list[Candidate]:
    parts = find_dateline(text)
    if parts is None:
        return []
    out: list[Candidate] = []
    src = text[parts.source[0] : parts.source[1]]
    if src not in ("本报", "本刊"):
        out.append(Candidate(*parts.source, "ORG", "rule", 0.9, tier=TIER_SURE))
    if parts.place is not None and not text[parts.place[0] : parts.place[1]].startswith("驻"):
        out.append(Candidate(*parts.place, "LOC", "rule", 0.9, tier=TIER_SURE))
    if parts.date is not None:
        tm = find_times(text[parts.date[0] : parts.date[1]])
        value = tm[0].value if len(tm) == 1 else None
        out.append(Candidate(*parts.date, "TIME", "rule", 0.95, value, tier=TIER_SURE))
    out.extend(Candidate(s, e, "PER", "rule", 0.9, tier=TIER_SURE) for s, e in parts.reporters)
    return out


def _lexicon(text: str, pattern: re.Pattern[str] | None, types: dict[str, str]) -> list[Candidate]:
    if pattern is None:
        return []
    return [
        Candidate(m.start(), m.end(), types[m.group(0)], "lexicon", 0.95, tier=TIER_SURE)
        for m in pattern.finditer(text)
    ]


def _segment_candidates(
    text: str, lex_re: re.Pattern[str] | None, lex_types: dict[str, str]
) -> tuple[list[Candidate], frozenset[int]]:
    """All candidates of one segment, and its token boundaries (for the consistency pass)."""
    gaz = gazetteer()
    toks = tokens(text)
    cands: list[Candidate] = []
    cands += [Candidate(t.start, t.end, "TIME", "rule", 0.9, t.value) for t in find_times(text)]
    cands += tagged_names(toks, gaz)
    cands += joined_fragments(toks, gaz)
    cands += dotted_names(text, toks, gaz)
    cands += anonymised_names(text, gaz)
    cands += anchored_names(text, toks, gaz)
    cands += speaker_names(text, gaz)
    cands += credit_names(text, gaz)
    cands += captioned_names(text, toks, gaz)
    cands += gazetteer_words(toks, gaz)
    cands += known_phrases(text, toks, gaz)
    cands += place_compounds(toks, gaz)
    cands += tagged_orgs(toks, gaz)
    cands += org_chains(toks, gaz)
    cands += long_orgs(toks, gaz)
    cands += prefixed_orgs(text, cands)
    cands = fused_title_orgs(text, cands, gaz)
    cands += listed_names(text, toks, cands, gaz)
    cands += _dateline(text)
    cands += _lexicon(text, lex_re, lex_types)
    cuts = frozenset(t.start for t in toks) | frozenset(t.end for t in toks)
    return cands, cuts


def _spread(text: str, cuts: frozenset[int], known: dict[str, tuple[str, float]]) -> list[Candidate]:
    """Other occurrences of strings resolved with confidence somewhere on the page.

    Only at token boundaries: 中国 is not spread into 发展中国家.
    """
    out: list[Candidate] = []
    for word, (typ, conf) in known.items():
        start = text.find(word)
        while start >= 0:
            if start in cuts and start + len(word) in cuts:
                out.append(Candidate(start, start + len(word), typ, "rule", min(conf, 0.7)))
            start = text.find(word, start + 1)
    return out


def detect_entities(
    text: str, segments: Sequence[Sequence[tuple[int, int]]], *, lexicon: UserLexicon | None = None
) -> tuple[Entity, ...]:
    """Entities of the page ``text``; each segment is the raw line spans of one reflowed unit."""
    warm_up()
    lex_types = {e.text: e.type for e in lexicon.entries} if lexicon else {}
    lex_re = re.compile("|".join(re.escape(w) for w in sorted(lex_types, key=len, reverse=True))) if lex_types else None
    mapped: list[MappedText] = [assemble(text, spans, squeeze=True) for spans in segments]
    per_seg = [_segment_candidates(m.text, lex_re, lex_types) for m in mapped]
    # consistency: what one segment resolved confidently is a candidate in every segment
    known: dict[str, tuple[str, float]] = {}
    for m, (cands, _) in zip(mapped, per_seg, strict=True):
        for c in resolve(cands):
            word = m.text[c.start : c.end]
            if (
                c.type != "TIME"
                and c.confidence >= _SPREAD_MIN
                and len(word) >= 2
                and (word not in known or known[word][1] < c.confidence)
            ):
                known[word] = (c.type, c.confidence)
    entities: dict[tuple[int, int], Entity] = {}
    for m, (cands, cuts) in zip(mapped, per_seg, strict=True):
        pool = fused_title_orgs(m.text, cands + _spread(m.text, cuts, known), gazetteer())
        if lexicon is not None:
            pool = [
                c
                for c in pool
                if not lexicon.is_rejected(m.text[c.start : c.end], c.type, context_of(m.text, c.start, c.end))
            ]
        for c in resolve(pool):
            try:
                start, end = m.to_raw(c.start, c.end)
            except ValueError:
                continue
            entities[(start, end)] = Entity(
                id=entity_id(start, end),
                type=c.type,
                start=start,
                end=end,
                text=surface(text, start, end),
                status="auto",
                source=c.source,
                confidence=round(c.confidence, 3),
                value=c.value,
            )
    return tuple(sorted(entities.values(), key=lambda e: e.start))
