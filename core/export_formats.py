"""Exports of a corrected page besides the banmian.page JSON: CoNLL (NER training) and JSONL.

Both work on the reflowed article text of ``core.fields`` (body and subhead paragraphs, lines
joined with no separator), so offsets and labels match the ``text`` field of the JSON export.
Rejected entities are left out of the training formats: they are decisions, not mentions.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator
from typing import Any

from core.document import Document
from core.export_json import page_to_dict, validate
from core.fields import article_fields, reflow
from core.model import Article, Entity, Page
from core.textmap import MappedText

SENTENCE_END = re.compile(r"[。！？!?；;]+[”’」』）)]*")
TRAINING_STATUSES = frozenset({"auto", "confirmed", "added", "edited"})


def page_json(doc: Document, *, updated: str | None = None) -> dict[str, Any]:
    """The banmian.page dict of the corrected page, validated (``ExportInvalid`` is a bug)."""
    data = page_to_dict(doc.page, review_status=doc.review_status, updated=updated)
    validate(data)
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


def to_conll(page: Page) -> str:
    """Character-level BIO: one ``char TAB label`` per line, a blank line after each sentence,
    ``# article``/``# title`` comment lines opening each article."""
    entity_at = _labeller(page)
    lines: list[str] = [f"# page: {page.source.name} sha256={page.source.sha256}"]
    for a in page.articles:
        units = article_units(page, a)
        if not units:
            continue
        title = article_fields(page.text, page.lines, a).title
        lines += ["", f"# article: {a.id}", f"# title: {title}"]
        for unit in units:
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
    return "\n".join(lines).rstrip("\n") + "\n"


def article_records(doc: Document) -> Iterator[dict[str, Any]]:
    """One JSON-ready record per article: the JSON export's article plus the page it came from and
    ``spans`` — ``[start, end, type]`` of the training entities as offsets into ``text``."""
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
