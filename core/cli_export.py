"""``main.py export``: a page (or a folder of pages) as the editor left it, in json/conll/jsonl.

Opens pages through ``persist.open_page(strict=True)``: an unusable sidecar is an error here, not
a warning — an export must never silently drop an editor's corrections, and it must not rename
files either.  Outputs are written atomically, so a failure never overwrites anything.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.atomic import write_atomic
from core.batch.progress import Progress
from core.batch.tasks import Task
from core.cli import CliError, batch_task, check_output, load_lexicon, outcomes, run_folder, several_pages
from core.entities.lexicon import UserLexicon
from core.export_alto import AltoUnavailable
from core.export_formats import page_json, to_conll, to_jsonl
from core.export_json import ExportInvalid, dumps, dumps_line
from core.loader import PageError
from core.parse import parse_page
from core.persist import SidecarError, open_page
from core.persist.session import Parser

SUFFIXES = {"json": ".json", "conll": ".conll", "jsonl": ".jsonl", "alto": ".alto.xml"}


def render(
    path: Path,
    fmt: str,
    lexicon: UserLexicon | None = None,
    *,
    parser: Parser | None = None,
    updated: str | None = None,
    comments: bool = False,
    validate: bool = True,
    line: bool = False,
) -> str:
    """One page in ``fmt``; every failure becomes a one-line ``PageError`` naming the page.

    The automatic parse comes from the parse cache (``open_page``) unless a ``parser`` is given;
    ``line``: JSON on one line (a JSONL shard)."""
    try:
        opened = open_page(path, lexicon, strict=True, parser=parser)
        for warning in opened.warnings:  # decisions that did not fit a changed page, among others
            print(f"warning: {path.name}: {warning}", file=sys.stderr)
        doc = opened.document
        if fmt == "json":
            data = page_json(doc, updated=updated, validate=validate)
            return dumps_line(data) if line else dumps(data)
        if fmt == "conll":
            return to_conll(doc.page, comments=comments)
        if fmt == "alto":
            from core.export_alto import to_alto

            return to_alto(doc.page)
        return to_jsonl(doc)
    except SidecarError as e:
        raise PageError(f"{path.name}: {e}") from None
    except ExportInvalid as e:
        raise PageError(f"{path.name}: internal error, export not written: {e}") from None
    except AltoUnavailable as e:  # a text-only page has no coordinates
        raise PageError(str(e)) from None


def export_command(args: argparse.Namespace) -> int:
    src = Path(args.page)
    out = Path(args.output) if args.output else None
    comments: bool = getattr(args, "comments", False)
    if not args.format and (src.is_dir() or several_pages(src)):  # an issue: docs/pdf.md
        from core.issue.cli import export_issue_command

        return export_issue_command(src, out, comments=comments, workers=getattr(args, "jobs", None))
    fmt: str = args.format or "json"
    lexicon = load_lexicon()
    if src.is_dir() or several_pages(src):
        task = batch_task("export", args, fmt)
        if task.shards and fmt not in ("json", "jsonl"):
            raise CliError(f"--shards writes JSON lines: --format json or jsonl, not {fmt}")
        if fmt == "jsonl" and not task.shards:
            return _corpus(src, out, task, args, lexicon)
        return run_folder(src, out, task, args, lexicon, SUFFIXES[fmt])
    if out is not None:
        check_output(out, [src], force=args.force)
    data = render(src, fmt, lexicon, parser=parse_page if args.no_cache else None, comments=comments)
    _write(out, data)
    return 0


def _write(out: Path | None, data: str) -> None:
    if out is None:
        sys.stdout.write(data)
        return
    if out.is_dir():
        raise CliError(f"{out}: is a folder; give an output file")
    try:
        write_atomic(out, data)
    except OSError as e:
        raise CliError(f"{out}: cannot write: {e.strerror or e}") from None


def _corpus(src: Path, out: Path | None, task: Task, args: argparse.Namespace, lexicon: UserLexicon) -> int:
    """Every page of a folder into one JSONL corpus; bad pages are reported and left out."""
    from core.pdf.pages import folder_pages, pages_of

    pages = [p for p, _ in (folder_pages(src) if src.is_dir() else pages_of(src))]
    if not pages:
        raise CliError(f"{src}: no *.txt or *.pdf pages in this folder")
    if out is not None:
        check_output(out, pages, force=args.force)
    results = outcomes(pages, task, args, lexicon)
    bar = Progress(len(pages))
    parts: list[tuple[int, str]] = []
    failed = 0
    for r in results:
        if r.error is None:
            parts.append((r.index, r.value))  # a cluster hands pages back as they finish
        else:
            failed += 1
            bar.write(f"error: {r.error}")
        bar.step(r.path.name)
    bar.close()
    _write(out, "".join(v for _, v in sorted(parts)))
    if failed:
        print(f"{failed} of {len(pages)} pages failed", file=sys.stderr)
        return 1
    return 0
