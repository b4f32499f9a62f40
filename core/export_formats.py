"""Exports of a corrected page besides the banmian.page JSON: CoNLL (NER training) and JSONL.

Both work on the reflowed article text of ``core.fields`` (lines joined with no separator): JSONL
on the body and subhead paragraphs, so offsets match the ``text`` field of the JSON export; CoNLL
on the headline as well, since a title's entities are mentions a NER model must learn too.
Rejected entities are left out of the training formats: they are decisions, not mentions.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator, Sequence
from typing import Any

from core.document import Document
from core.export_json import page_to_dict
from core.export_json import validate as check
from core.fields import article_fields, reflow
from core.model import Article, Entity, Page
from core.textmap import MappedText

SENTENCE_END = re.compile(r"[。！？!?；;]+[”’」』）)]*")
TRAINING_STATUSES = frozenset({"auto", "confirmed", "added", "edited"})
CONLL_ROLES = frozenset({"kicker", "title", "subtitle", "byline", "body", "subhead"})
DOCSTART = "-DOCSTART-\tO"
HEADLINE_ORDER = {"kicker": 0, "title": 1, "subtitle": 2}


def page_json(doc: Document, *, updated: str | None = None, validate: bool = True) -> dict[str, Any]:
    """The banmian.page dict of the corrected page, validated unless told not to (``ExportInvalid``
    is a bug)."""
    data = page_to_dict(doc.page, review_status=doc.review_status, updated=updated)
    if validate:
        check(data)
    return data


def article_units(page: Page, article: Article) -> list[MappedText]:
    """The article's reflowed paragraphs, each with its map back to page offsets."""
    out = []
    for b in article.blocks:
        if b.role in ("body", "subhead"):
            spans = [(page.lines[n - 1].start, page.lines[n - 1].end) for n in b.lines]
            mapped = reflow(page.text, spans)
            if mapped.text:
                out.append(mapped)
    return out


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in SENTENCE_END.finditer(text):
        yield start, m.end()
        start = m.end()
    if start < len(text):
        yield start, len(text)


def _labeller(page: Page) -> Any:
    kept = [e for e in page.entities if e.status in TRAINING_STATUSES]
    starts = [e.start for e in kept]

    def entity_at(offset: int) -> Entity | None:
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and kept[i].start <= offset < kept[i].end:
            return kept[i]
        return None

    return entity_at


def conll_units(page: Page, article: Article) -> list[MappedText]:
    """What CoNLL labels of an article: its headline first (kicker, title, subtitle — a headline's
    entities are mentions like any other, wherever the page printed it), then its byline, body and
    subhead paragraphs in reading order."""
    blocks = sorted(
        (b for b in article.blocks if b.role in CONLL_ROLES),
        key=lambda b: HEADLINE_ORDER.get(b.role, len(HEADLINE_ORDER)),
    )
    out = []
    for b in blocks:
        mapped = reflow(page.text, [(page.lines[n - 1].start, page.lines[n - 1].end) for n in b.lines])
        if mapped.text.strip():
            out.append(mapped)
    return out


def conll_document(parts: Sequence[tuple[Page, Article]], comments: Sequence[str] = ()) -> str:
    """One CoNLL document: ``-DOCSTART-``, then (only when given) ``# key = value`` comment lines
    (CoNLL-U's form, which readers turn into sentence metadata), then one
    ``char TAB label`` row per character in BIO, a blank line after each sentence.  ``parts`` are
    the pieces of one story in reading order (one article, or a story continued across pages)."""
    lines = [DOCSTART, ""]
    lines += [f"# {c}" for c in comments]
    for page, article in parts:
        entity_at = _labeller(page)
        for unit in conll_units(page, article):
            for s, e in _sentences(unit.text):
                current: Entity | None = None
                emitted = False
                for i in range(s, e):
                    ch = unit.text[i]
                    if ch.isspace():
                        continue
                    ent = entity_at(unit.offsets[i])
                    label = "O" if ent is None else ("I-" if ent is current else "B-") + ent.type
                    current = ent
                    lines.append(f"{ch}\t{label}")
                    emitted = True
                if emitted:
                    lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n\n"


def to_conll(page: Page, *, comments: bool = False) -> str:
    """Character-level BIO as NER tools read it: one document (``-DOCSTART-``) per article, the
    headline labelled like the body; ``comments`` adds ``# page``/``# article``/``# title`` lines."""
    out = []
    for a in page.articles:
        if not conll_units(page, a):
            continue
        notes: list[str] = []
        if comments:
            title = article_fields(page.text, page.lines, a).title
            notes = [
                f"page = {page.source.name}",
                f"sha256 = {page.source.sha256}",
                f"article = {a.id}",
                f"title = {title}",
            ]
        out.append(conll_document([(page, a)], notes))
    return "".join(out)


def article_records(doc: Document, data: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
    """One JSON-ready record per article: the JSON export's article plus the page it came from and
    ``spans`` — ``[start, end, type]`` of the training entities as offsets into ``text``.  ``data``:
    the page's ``page_json`` when the caller has it already."""
    if data is None:
        data = page_json(doc)
    page = doc.page
    for a, d in zip(page.articles, data["articles"], strict=True):
        spans = []
        base = 0
        for unit in article_units(page, a):
            for e in d["entities"]:
                if e["status"] not in TRAINING_STATUSES:
                    continue
                local = unit.from_raw(e["start"], e["end"])
                if local is not None:
                    spans.append([base + local[0], base + local[1], e["type"]])
            base += len(unit.text) + 1  # paragraphs are joined with "\n"
        spans.sort()
        yield {"page": data["source"], "review": data["review"]["status"], **d, "spans": spans}


def to_jsonl(doc: Document) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in article_records(doc))
