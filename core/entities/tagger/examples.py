"""A saved page as training sequences: one per reflowed segment, features and BIO labels.

The labels are the page as the editor left it (``sidecar.reapply`` on a fresh parse): what they
confirmed, added or retyped with its exact span, what they rejected or removed as O, and the
suggestions they let stand.  The features are computed by the rules alone (no lexicon, no
tagger), so they do not change when the lexicon learns, and a cached page stays valid.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from core.entities.detect import default_pipeline
from core.entities.pipeline import Segment
from core.entities.tagger.features import bio, char_features, rule_tags, word_tags
from core.model import Page
from core.textmap import assemble

# the types the tagger learns (anything else an editor added is left to the rules)
TYPES = ("PER", "LOC", "ORG", "TIME")


@dataclass(frozen=True, slots=True)
class LabelledSegment:
    features: list[list[str]]
    labels: list[str]


def edited_page(page_path: Path, sidecar_path: Path) -> Page:
    """The page with the decisions of ``sidecar_path`` applied to a fresh parse (no lexicon)."""
    from core.loader import read_page
    from core.parse import parse_page
    from core.persist import load_sidecar, parse_corrections, reapply

    base = parse_page(read_page(page_path))
    page, _ = reapply(base, parse_corrections(load_sidecar(sidecar_path, base).data, base))
    return page


def segment_features(seg: Segment) -> list[list[str]]:
    """The CRF's features of one segment, with the rules' candidates computed here."""
    cands = default_pipeline(None).run(seg)
    return char_features(seg.text, rule_tags(len(seg.text), cands), word_tags(len(seg.text), seg.tokens))


def page_sequences(page: Page) -> list[LabelledSegment]:
    """Every segment of ``page`` that has text, labelled with the page's entities not rejected."""
    from core.parse import entity_segments

    where: dict[int, tuple[int, int]] = {}  # raw offset -> (segment, index in its text)
    mapped = [assemble(page.text, spans, squeeze=True) for spans in entity_segments(page)]
    for k, m in enumerate(mapped):
        for i, o in enumerate(m.offsets):
            if o >= 0:
                where[o] = (k, i)
    spans: list[list[tuple[int, int, str]]] = [[] for _ in mapped]
    for e in page.entities:
        if e.status == "rejected" or e.type not in TYPES:
            continue
        first = where.get(e.start)
        last = next((where[o] for o in range(e.end - 1, e.start - 1, -1) if o in where), None)
        if first is None or last is None or first[0] != last[0]:
            continue
        spans[first[0]].append((first[1], last[1] + 1, e.type))
    out: list[LabelledSegment] = []
    for m, sp in zip(mapped, spans, strict=True):
        if m.text:
            seg = Segment.of(m.text)
            out.append(LabelledSegment(segment_features(seg), bio(len(m.text), sp)))
    return out
