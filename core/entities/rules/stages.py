"""The rules as pipeline stages: each detector reads a ``Segment``, each refiner its candidates.

Order matters only among refiners: an ordinal or 中共 prefix joins an ORG before title fusions
drop bare abbreviations, and lists are typed last, from everything found before them.
"""

from __future__ import annotations

from collections.abc import Iterable

from core.entities.candidates import TIER_SURE, Candidate
from core.entities.pipeline import Detector, Refiner, Segment
from core.entities.rules import fixes
from core.entities.rules.committees import central_committees, local_bodies, place_committees
from core.entities.rules.foreign import dotted_names, joined_fragments
from core.entities.rules.kingdoms import named_states
from core.entities.rules.levels import split_levels
from core.entities.rules.lists import listed_names
from core.entities.rules.memorials import memorial_words
from core.entities.rules.names import anchored_names, tagged_names
from core.entities.rules.orgkinds import fused_named_committees, org_kinds, venue_places
from core.entities.rules.orgs import fused_title_orgs, long_orgs, org_chains, prefixed_orgs, tagged_orgs, word_orgs
from core.entities.rules.orgtails import unit_tails
from core.entities.rules.parallel import parallel_orgs
from core.entities.rules.persons import (
    anonymised_names,
    captioned_names,
    credit_names,
    family_names,
    japanese_names,
    kin_names,
    speaker_names,
)
from core.entities.rules.places import (
    context_places,
    counties_in_their_province,
    dashed_provinces,
    gazetteer_words,
    known_phrases,
    place_compounds,
)
from core.entities.rules.shores import places_before_sides
from core.entities.rules.timex import find_times
from core.entities.rules.units import channels, company_names, named_units, quoted_units, troupes


def times(seg: Segment) -> Iterable[Candidate]:
    return [Candidate(t.start, t.end, "TIME", "rule", 0.9, t.value) for t in find_times(seg.text)]


def dateline(seg: Segment) -> Iterable[Candidate]:
    """A dateline's parts: source ORG, place LOC, date TIME, reporters PER (the layout says so)."""
    text = seg.text
    parts = seg.dateline
    if parts is None:
        return []
    out: list[Candidate] = []
    src = text[parts.source[0] : parts.source[1]]
    if src not in ("本报", "本刊"):
        out.append(Candidate(*parts.source, "ORG", "rule", 0.9, tier=TIER_SURE))
    if parts.place is not None and not text[parts.place[0] : parts.place[1]].startswith("驻"):
        # 新华社联合国电: the place of a dispatch can be an organisation's seat
        kind = "ORG" if text[parts.place[0] : parts.place[1]] in seg.gaz.orgs else "LOC"
        out.append(Candidate(*parts.place, kind, "rule", 0.9, tier=TIER_SURE))
    if parts.date is not None:
        tm = find_times(text[parts.date[0] : parts.date[1]])
        value = tm[0].value if len(tm) == 1 else None
        out.append(Candidate(*parts.date, "TIME", "rule", 0.95, value, tier=TIER_SURE))
    out.extend(Candidate(s, e, "PER", "rule", 0.9, tier=TIER_SURE) for s, e in parts.reporters)
    return out


DETECTORS: tuple[Detector, ...] = (
    times,
    lambda s: tagged_names(s.tokens, s.gaz),
    lambda s: joined_fragments(s.tokens, s.gaz),
    lambda s: dotted_names(s.text, s.tokens, s.gaz),
    lambda s: anonymised_names(s.text, s.gaz),
    lambda s: anchored_names(s.text, s.tokens, s.gaz),
    lambda s: speaker_names(s.text, s.gaz),
    lambda s: credit_names(s.text, s.gaz),
    lambda s: captioned_names(s.text, s.tokens, s.gaz),
    lambda s: japanese_names(s.text, s.tokens, s.gaz),
    lambda s: family_names(s.tokens, s.gaz),
    lambda s: kin_names(s.tokens, s.gaz),
    lambda s: gazetteer_words(s.tokens, s.gaz),
    lambda s: known_phrases(s.text, s.tokens, s.gaz),
    lambda s: place_compounds(s.tokens, s.gaz),
    lambda s: context_places(s.tokens, s.gaz),
    lambda s: counties_in_their_province(s.tokens, s.gaz),
    lambda s: dashed_provinces(s.text, s.gaz),
    lambda s: tagged_orgs(s.tokens, s.gaz),
    lambda s: org_chains(s.tokens, s.gaz),
    lambda s: long_orgs(s.tokens, s.gaz),
    lambda s: word_orgs(s.tokens, s.gaz),
    fixes.titled_names,
    fixes.surname_titles,
    fixes.byline_names,
    fixes.addressed_names,
    fixes.nicknames,
    fixes.numbered_units,
    named_units,
    troupes,
    channels,
    quoted_units,
    parallel_orgs,
    company_names,
    place_committees,
    central_committees,
    fused_named_committees,
    venue_places,
    lambda s: memorial_words(s.tokens) if "纪念" in s.text else [],  # the cheapest test first
    lambda s: named_states(s.tokens, s.gaz) if "国" in s.text else [],
    lambda s: places_before_sides(s.text, s.gaz),
    dateline,
)

REFINERS: tuple[Refiner, ...] = (
    lambda s, c: c + prefixed_orgs(s.text, c),
    lambda s, c: fused_title_orgs(s.text, c, s.gaz),
    lambda s, c: c + listed_names(s.text, s.tokens, c, s.gaz),
    local_bodies,
    fixes.absorb_orgs,
    unit_tails,
    org_kinds,
    split_levels,
    fixes.drop_false_alarms,
)


def after_spread(seg: Segment, cands: list[Candidate]) -> list[Candidate]:
    """What must hold after the page-wide copies are added too: bare 省委 before 书记 is no ORG,
    no demonym or generic phrase comes back as a copy."""
    return fixes.drop_false_alarms(seg, fused_title_orgs(seg.text, cands, seg.gaz))
