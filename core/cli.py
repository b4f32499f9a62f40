"""The headless commands: ``parse`` and ``export``. Never imports Qt."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from core.atomic import write_atomic
from core.evaluate.command import EvaluateError
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
    from core.export_json import ExportInvalid, dumps, page_to_dict, validate
    from core.loader import read_page
    from core.parse import parse_page

    page = parse_page(read_page(path), lexicon=lexicon)
    doc = page_to_dict(page)
    try:
        validate(doc)
    except ExportInvalid as e:
        raise PageError(f"{path.name}: internal error, output not written: {e}") from None
    return dumps(doc)


def check_output(out: Path, pages: Sequence[Path], *, force: bool = False) -> None:
    """``CliError`` if writing ``out`` could destroy an input or a file Banmian did not write."""
    from core.outputs import Inputs, refusal

    problem = refusal(out, Inputs.of(pages), force=force)
    if problem:
        raise CliError(problem)


def load_lexicon() -> UserLexicon:
    """The user's lexicon, read once per command; a problem with it is said on stderr, not fatal."""
    from core.entities.lexicon import UserLexicon

    lexicon = UserLexicon.load()
    if lexicon.warning:
        print(f"warning: {lexicon.warning}", file=sys.stderr)
    return lexicon


def run_folder(
    src: Path, out: Path | None, one: Callable[[Path], str], suffix: str = ".json", *, force: bool = False
) -> int:
    """Process every ``*.txt`` of a folder; a failing page is reported and the rest still done.

    Every output is checked before anything is written (``core.outputs``): one that would replace
    an input, or a foreign file without ``--force``, stops the command.  Pages whose outputs
    differ only in case are reported and not written, never merged into one file."""
    from core.outputs import Inputs, case_collisions, refusal
    from core.pdf.pages import folder_pages, pages_of

    if out is None:
        raise CliError(f"{src} has several pages: give an output folder, -o OUTDIR")
    if out.exists() and not out.is_dir():
        raise CliError(f"{out}: exists and is not a folder")
    pages_stems = folder_pages(src) if src.is_dir() else pages_of(src)  # *.txt and *.pdf pages: docs/pdf.md
    if not pages_stems:
        raise CliError(f"{src}: no *.txt or *.pdf pages in this folder")
    pages = [p for p, _ in pages_stems]
    names = {p: stem + suffix for p, stem in pages_stems}
    clashing = {n for group in case_collisions(names.values()).values() for n in group}
    inputs = Inputs.of(pages)
    problems = [r for p in pages if names[p] not in clashing and (r := refusal(out / names[p], inputs, force=force))]
    if problems:
        more = f" (and {len(problems) - 1} more outputs)" if len(problems) > 1 else ""
        raise CliError(problems[0] + more)
    bar = Progress(len(pages))
    failed = 0
    for p in pages:
        try:
            if names[p] in clashing:
                others = ", ".join(q.name for q in pages if q != p and names[q].casefold() == names[p].casefold())
                raise PageError(
                    f"{p.name}: its output {names[p]} clashes with that of {others} "
                    "(names differ only in case); not written"
                )
            write_atomic(out / names[p], one(p))
        except PageError as e:
            failed += 1
            print(f"error: {e}", file=sys.stderr)
        except OSError as e:
            failed += 1
            print(f"error: {p.name}: cannot write output: {e.strerror or e}", file=sys.stderr)
        except Exception as e:  # a parser bug on one page must not cost the rest of the folder
            failed += 1
            print(f"error: {p.name}: internal error ({type(e).__name__}: {e}); not written", file=sys.stderr)
        bar.step(p.name)
    if failed:
        print(f"{failed} of {len(pages)} pages failed; {len(pages) - failed} written to {out}", file=sys.stderr)
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
        return run_folder(src, out, lambda p: _parse_one(p, lexicon), force=args.force)
    if out is not None:
        check_output(out, [src], force=args.force)
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
    pp.add_argument("--force", action="store_true", help="overwrite an existing output Banmian did not write")
    pp.set_defaults(func=cmd_parse)
    pe = sub.add_parser("export", help="write a page as the editor left it (saved corrections applied)")
    pe.add_argument("page", help="a page (.txt, .pdf, X.pdf#N for page N of a PDF), a folder of them or an issue PDF")
    pe.add_argument("-o", "--output", help="output file (or folder); stdout if omitted")
    pe.add_argument(
        "--format",
        choices=("json", "conll", "jsonl", "alto"),
        help="json (the default for a page), conll, jsonl or alto (pages from a PDF); a folder or a "
        "multi-page PDF without --format is exported as an issue: corpus.jsonl, corpus.conll, pages/*.json, "
        "and METS/ALTO for a PDF",
    )
    pe.add_argument("--comments", action="store_true", help="CoNLL: add # page/article/title comment lines")
    pe.add_argument("--force", action="store_true", help="overwrite an existing output Banmian did not write")
    pe.set_defaults(func=cmd_export)
    from core.evaluate.command import add_parser as add_evaluate

    add_evaluate(sub)
    return p


def main(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(list(argv))
    try:
        result: int = args.func(args)
        return result
    except (PageError, CliError, EvaluateError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
