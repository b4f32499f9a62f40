"""The issue as a corpus: one JSONL line per story (continued stories joined, with the issue date
and the page numbers of every part), and CoNLL with one ``-DOCSTART-`` document per story.

A story's ``text`` is its parts' texts joined with a newline, and its ``spans`` and ``entities``
are shifted into that joined text, so a story jumping from page 1 to page 4 is one training
example, exactly as a reader reads it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from core.document import Document
from core.export_formats import article_records, conll_document, conll_units, page_json
from core.fields import article_fields
from core.issue.jumps import Story
from core.issue.source import Issue

FORMAT = "banmian.issue-article"


def page_records(docs: Mapping[int, Document], pages: Mapping[int, dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """Per page index: article id → its record (``export_formats.article_records``)."""
    return {i: {r["id"]: r for r in article_records(docs[i], pages[i])} for i in docs}


def story_record(issue: Issue, story: Story, records: Mapping[int, Mapping[str, dict[str, Any]]]) -> dict[str, Any]:
    """One story as one JSON object: the first part's headline, the joined text, every part."""
    parts = []
    texts: list[str] = []
    spans: list[list[object]] = []
    entities: list[dict[str, Any]] = []
    base = 0
    for index, article_id in story.parts:
        page = issue.pages[index]
        r = records[index][article_id]
        parts.append(
            {
                "page": page.number.number,
                "page_label": page.label,
                "file": page.path.name,
                "article": article_id,
                "title": r["title"],
                "jump": r["jump"],
                "lines": r["lines"],
                "review": r["review"],
                "start": base,
                "end": base + len(r["text"]),
            }
        )
        spans += [[base + s, base + e, t] for s, e, t in r["spans"]]
        entities += [{**e, "page": page.number.number} for e in r["entities"]]
        texts.append(r["text"])
        base += len(r["text"]) + 1
    first = records[story.parts[0][0]][story.parts[0][1]]
    first_page = issue.pages[story.parts[0][0]]
    return {
        "format": FORMAT,
        "issue": {"source": issue.name, "date": issue.date},
        "id": f"p{first_page.label}-{story.parts[0][1]}",
        "pages": [p["page"] for p in parts],
        "continued": len(parts) > 1,
        **{k: first[k] for k in ("title", "kicker", "subtitle", "byline", "dateline", "column")},
        "text": "\n".join(texts),
        "spans": spans,
        "entities": entities,
        "parts": parts,
    }


def corpus_jsonl(
    issue: Issue,
    docs: Mapping[int, Document],
    stories: Sequence[Story],
    pages: Mapping[int, dict[str, Any]] | None = None,
) -> str:
    """The JSONL corpus: one story per line in page order of its first part."""
    if pages is None:
        pages = {i: page_json(d) for i, d in docs.items()}
    records = page_records(docs, pages)
    return "".join(json.dumps(story_record(issue, s, records), ensure_ascii=False) + "\n" for s in stories)


def corpus_conll(
    issue: Issue, docs: Mapping[int, Document], stories: Sequence[Story], *, comments: bool = False
) -> str:
    """CoNLL for NER training: one document per story, its parts in reading order."""
    out = []
    for story in stories:
        parts = [(docs[i].page, docs[i].page.article(a)) for i, a in story.parts]
        notes: list[str] = []
        if comments:
            first_page, first = parts[0]
            title = article_fields(first_page.text, first_page.lines, first).title
            where = ", ".join(f"{issue.pages[i].label}:{a}" for i, a in story.parts)
            notes = [f"issue = {issue.name}", f"date = {issue.date or ''}", f"story = {where}", f"title = {title}"]
        if any(conll_units(page, article) for page, article in parts):
            out.append(conll_document(parts, notes))
    return "".join(out)
