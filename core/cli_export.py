"""``main.py export``: a page (or a folder of pages) as the editor left it, in json/conll/jsonl.

Opens pages through ``sidecar.open_page(strict=True)``: an unusable sidecar is an error here, not
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
from core.cli import CliError, batch_task, load_lexicon, outcomes, run_folder
from core.entities.lexicon import UserLexicon
from core.export_formats import page_json, to_conll, to_jsonl
from core.export_json import ExportInvalid, dumps
from core.loader import PageError
from core.parse import parse_page
from core.sidecar import Parser, SidecarError, open_page

SUFFIXES = {"json": ".json", "conll": ".conll", "jsonl": ".jsonl"}


def render(
    path: Path,
    fmt: str,
    lexicon: UserLexicon | None = None,
    *,
    parser: Parser | None = None,
    updated: str | None = None,
) -> str:
    """One page in ``fmt``; every failure becomes a one-line ``PageError`` naming the page.

    The automatic parse comes from the parse cache (``open_page``) unless a ``parser`` is given."""
    try:
        doc = open_page(path, lexicon, strict=True, parser=parser).document
        if fmt == "json":
            return dumps(page_json(doc, updated=updated))
        if fmt == "conll":
            return to_conll(doc.page)
        return to_jsonl(doc)
    except SidecarError as e:
        raise PageError(f"{path.name}: {e}") from None
    except ExportInvalid as e:
        raise PageError(f"{path.name}: internal error, export not written: {e}") from None


def export_command(args: argparse.Namespace) -> int:
    src = Path(args.page)
    out = Path(args.output) if args.output else None
    fmt: str = args.format or "json"
    lexicon = load_lexicon()
    if src.is_dir():
        task = batch_task("export", args, fmt)
        if fmt == "jsonl":
            return _corpus(src, out, task, args, lexicon)
        return run_folder(src, out, task, args, lexicon, SUFFIXES[fmt])
    data = render(src, fmt, lexicon, parser=parse_page if args.no_cache else None)
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
    pages = sorted(p for p in src.iterdir() if p.suffix.lower() == ".txt" and p.is_file())
    if not pages:
        raise CliError(f"{src}: no *.txt pages in this folder")
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
    _write(out, "".join(v for _, v in sorted(parts)))
    if failed:
        print(f"{failed} of {len(pages)} pages failed", file=sys.stderr)
        return 1
    return 0
