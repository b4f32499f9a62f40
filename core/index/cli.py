"""``main.py index DIR`` and ``main.py search QUERY``: wiring between argparse and the index."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from core.index.db import IndexCorrupt, default_path


def add_commands(sub: Any) -> None:
    pi = sub.add_parser("index", help="add a folder of pages (or of JSON exports) to the searchable corpus")
    pi.add_argument("folder", help="a folder of *.txt pages (with their corrections) or of *.json exports")
    pi.add_argument("--db", help=f"the index database (default: {default_path()})")
    pi.add_argument("--rebuild", action="store_true", help="set the existing database aside and build anew")
    pi.add_argument("--jobs", "-j", type=int, default=None, help="processes for parsing pages (default: every core)")
    pi.set_defaults(func=cmd_index)
    ps = sub.add_parser("search", help="articles of the corpus matching a text (or an entity with --type)")
    ps.add_argument("query", help="text to find; several words must all be in the article")
    ps.add_argument("--type", help="match entities of this type (PER, LOC, ORG, TIME…) instead of the text")
    ps.add_argument("--db", help=f"the index database (default: {default_path()})")
    ps.add_argument("--limit", type=int, default=20, help="at most this many articles (default 20)")
    ps.set_defaults(func=cmd_search)


def _db(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else default_path()


def cmd_index(args: argparse.Namespace) -> int:
    from core.batch.progress import Progress
    from core.cli import CliError, load_lexicon
    from core.index.build import build, page_files

    folder = Path(args.folder)
    if not folder.is_dir():
        raise CliError(f"{folder}: not a folder")
    total = len(page_files(folder))
    if not total:
        raise CliError(f"{folder}: no *.txt pages or *.json exports in this folder")
    db = _db(args)
    lexicon = load_lexicon()
    bar = Progress(total)
    try:
        report = build(folder, db, lexicon=lexicon, jobs=args.jobs, rebuild=args.rebuild, step=bar.step)
    except IndexCorrupt as e:
        bar.close()
        raise CliError(str(e)) from None
    bar.close()
    for message in report.failed:
        print(f"error: {message}", file=sys.stderr)
    if report.aside:
        print(f"the previous database was set aside as {report.aside.name}", file=sys.stderr)
    print(
        f"{db}: {report.added} pages added, {report.updated} updated, {report.removed} removed, "
        f"{report.unchanged} unchanged, {len(report.failed)} failed",
        file=sys.stderr,
    )
    return 1 if report.failed else 0


def cmd_search(args: argparse.Namespace) -> int:
    from core.cli import CliError
    from core.index.search import search

    db = _db(args)
    if not db.exists():
        raise CliError(f"{db}: no index yet; build one with `main.py index DIR`")
    try:
        hits = search(db, args.query, type_=args.type, limit=args.limit)
    except IndexCorrupt as e:
        raise CliError(str(e)) from None
    for h in hits:
        print(f"{h.date or '----------'}  {h.name}  {h.article}  {h.title or '(untitled)'}\n    {h.snippet}")
    print(f"{len(hits)} article{'s' if len(hits) != 1 else ''}", file=sys.stderr)
    return 0 if hits else 1
