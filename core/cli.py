"""The headless commands: ``parse`` and ``export``. Never imports Qt."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from core.atomic import write_atomic
from core.loader import PageError

if TYPE_CHECKING:
    from core.entities.lexicon import UserLexicon


class CliError(Exception):
    """One clear line for stderr; exit status 2."""


class Progress:
    """A one-line progress bar on stderr (plain lines when stderr is not a terminal)."""

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.total = total
        self.done = 0
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()

    def step(self, label: str) -> None:
        self.done += 1
        width = 30
        filled = width * self.done // max(self.total, 1)
        bar = "#" * filled + "-" * (width - filled)
        line = f"[{bar}] {self.done}/{self.total} {label}"
        if self.tty:
            self.stream.write("\r" + line[:100].ljust(100))
            if self.done == self.total:
                self.stream.write("\n")
        else:
            self.stream.write(line + "\n")
        self.stream.flush()


def _parse_one(path: Path, lexicon: UserLexicon) -> str:
    from core.export_json import dumps, page_to_dict, validate
    from core.loader import read_page
    from core.parse import parse_page

    page = parse_page(read_page(path), lexicon=lexicon)
    doc = page_to_dict(page)
    validate(doc)
    return dumps(doc)


def load_lexicon() -> UserLexicon:
    """The user's lexicon, read once per command; a problem with it is said on stderr, not fatal."""
    from core.entities.lexicon import UserLexicon

    lexicon = UserLexicon.load()
    if lexicon.warning:
        print(f"warning: {lexicon.warning}", file=sys.stderr)
    return lexicon


def run_folder(src: Path, out: Path | None, one: Callable[[Path], str], suffix: str = ".json") -> int:
    """Process every page of a folder (or of a multi-page PDF); a bad one is reported and the rest
    still done."""
    if out is None:
        raise CliError(f"{src} has several pages: give an output folder, -o OUTDIR")
    if out.exists() and not out.is_dir():
        raise CliError(f"{out}: exists and is not a folder")
    from core.pdf.pages import folder_pages, pages_of

    pages = folder_pages(src) if src.is_dir() else pages_of(src)  # *.txt and *.pdf pages: docs/pdf.md
    if not pages:
        raise CliError(f"{src}: no *.txt or *.pdf pages in this folder")
    bar = Progress(len(pages))
    failed = 0
    for p, stem in pages:
        try:
            write_atomic(out / (stem + suffix), one(p))
        except PageError as e:
            failed += 1
            print(f"error: {e}", file=sys.stderr)
        except OSError as e:
            failed += 1
            print(f"error: {p.name}: cannot write output: {e.strerror or e}", file=sys.stderr)
        bar.step(p.name)
    if failed:
        print(f"{failed} of {len(pages)} pages failed", file=sys.stderr)
        return 1
    return 0


def several_pages(src: Path) -> bool:
    """A multi-page PDF: one output per page, like a folder (docs/pdf.md)."""
    from core.pdf.pages import is_pdf, pages_of, split_ref

    return is_pdf(src) and split_ref(src)[1] is None and src.is_file() and len(pages_of(src)) > 1


def cmd_parse(args: argparse.Namespace) -> int:
    src = Path(args.page)
    out = Path(args.output) if args.output else None
    lexicon = load_lexicon()
    if src.is_dir() or several_pages(src):
        return run_folder(src, out, lambda p: _parse_one(p, lexicon))
    data = _parse_one(src, lexicon)
    if out is None:
        sys.stdout.write(data)
    else:
        try:
            write_atomic(out, data)
        except OSError as e:
            raise CliError(f"{out}: cannot write: {e.strerror or e}") from None
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from core.cli_export import export_command

    return export_command(args)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="main.py", description="Banmian: newspaper pages into annotated articles.")
    sub = p.add_subparsers(dest="command", required=True)
    pp = sub.add_parser("parse", help="write the automatic annotation of a page (or every *.txt of a folder)")
    pp.add_argument("page", help="a page (.txt, .pdf, X.pdf#N for page N of a PDF) or a folder of them")
    pp.add_argument("-o", "--output", help="output .json (or folder for a folder); stdout if omitted")
    pp.set_defaults(func=cmd_parse)
    pe = sub.add_parser("export", help="write a page as the editor left it (saved corrections applied)")
    pe.add_argument("page", help="a page (.txt, .pdf, X.pdf#N for page N of a PDF) or a folder of them")
    pe.add_argument("-o", "--output", help="output file (or folder); stdout if omitted")
    pe.add_argument("--format", choices=("json", "conll", "jsonl", "alto"), default="json")
    pe.set_defaults(func=cmd_export)
    return p


def main(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(list(argv))
    try:
        result: int = args.func(args)
        return result
    except (PageError, CliError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
