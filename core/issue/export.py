"""Exporting a whole issue into a folder: the JSONL corpus, every page's JSON, CoNLL, and — when
pages come from PDF — METS with one ALTO file (``core.export_alto``) per page with geometry.

Every file is written atomically; a page that failed to open is reported and left out, never
exported half-corrected.  ``progress(done, total, what)`` is called after each step so the window
and the command line can show a bar.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.atomic import write_atomic
from core.export_alto import alto
from core.export_formats import page_json
from core.export_json import dumps
from core.issue.corpus import corpus_conll, corpus_jsonl
from core.issue.mets import alto_name, mets
from core.issue.workspace import IssueWorkspace
from core.messages import msg

FORMATS: tuple[str, ...] = ("jsonl", "json", "conll", "mets")
CORPUS = "corpus.jsonl"
CONLL = "corpus.conll"
METS = "mets.xml"
PAGES = "pages"

Progress = Callable[[int, int, str], None]


@dataclass(slots=True)
class ExportResult:
    written: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def export_issue(
    ws: IssueWorkspace,
    out: Path,
    formats: tuple[str, ...] = FORMATS,
    *,
    conll_comments: bool = False,
    progress: Progress | None = None,
) -> ExportResult:
    """Write the issue as the editors left it into ``out`` (created if needed)."""
    result = ExportResult()
    docs = ws.documents()
    for slot in ws.slots:
        if slot.document is None:
            result.problems.append(
                msg(
                    "{name}: {error}; left out of the export",
                    name=slot.page.path.name,
                    error=slot.error or msg("not loaded"),
                )
            )
    stories, broken = ws.stories()
    for link in broken:
        src, dst = ws.slots[link.source.page].page, ws.slots[link.target.page].page
        result.problems.append(
            msg(
                "the link from page {page} line {line} to page {to_page} line {to_line} "
                "no longer joins two stories; exported unlinked",
                page=src.label,
                line=link.source.line,
                to_page=dst.label,
                to_line=link.target.line,
            )
        )
    with_geometry = any(d.page.source.layout is not None for d in docs.values())
    want_mets = "mets" in formats and (ws.issue.from_pdf() or with_geometry)
    total = len(docs) + sum(1 for f in ("jsonl", "conll") if f in formats) + (len(docs) + 1 if want_mets else 0)
    done = 0

    def step(what: str) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total, what)

    def write(path: Path, data: str) -> None:
        write_atomic(path, data)
        result.written.append(path)

    pages: dict[int, dict[str, Any]] = {}
    for i in sorted(docs):
        pages[i] = page_json(docs[i])
        if "json" in formats:
            write(out / PAGES / (ws.slots[i].page.stem + ".json"), dumps(pages[i]))
        step(ws.slots[i].page.path.name)
    if "jsonl" in formats:
        write(out / CORPUS, corpus_jsonl(ws.issue, docs, stories, pages))
        step(CORPUS)
    if "conll" in formats:
        write(out / CONLL, corpus_conll(ws.issue, docs, stories, comments=conll_comments))
        step(CONLL)
    if want_mets:
        blocks: dict[int, Mapping[str, tuple[str, ...]]] = {}
        hrefs: dict[int, str] = {}
        for i in sorted(docs):
            layout = docs[i].page.source.layout
            if layout is None:
                result.problems.append(
                    msg("{name}: no line geometry; no ALTO for this page", name=ws.slots[i].page.path.name)
                )
            else:
                page_alto = alto(docs[i].page)
                write(out / alto_name(i, ws.issue), page_alto.xml)
                blocks[i] = page_alto.blocks
                hrefs[i] = Path(layout.pdf_path).resolve().as_uri()
            step(f"ALTO {ws.slots[i].page.label}")
        write(out / METS, mets(ws.issue, docs, stories, blocks, hrefs))
        step(METS)
    return result
