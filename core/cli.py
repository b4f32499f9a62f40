"""The headless commands: ``parse`` and ``export``. Never imports Qt."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from core.atomic import clean_folder, write_atomic
from core.batch.progress import Progress
from core.batch.tasks import Task
from core.evaluate.command import EvaluateError
from core.loader import PageError

if TYPE_CHECKING:
    from collections.abc import Iterator

    from core.batch.tasks import Outcome
    from core.entities.lexicon import UserLexicon


class CliError(Exception):
    """One clear line for stderr; exit status 2."""


def _parse_one(path: Path, lexicon: UserLexicon, cache: bool = True) -> str:
    result: str = Task("parse", cache=cache).run(path, lexicon)
    return result


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
    src: Path, out: Path | None, task: Task, args: argparse.Namespace, lexicon: UserLexicon, suffix: str = ".json"
) -> int:
    """Process every page of a folder (or of a multi-page PDF) on every core; a failing page is
    reported and the rest still done.

    Every output is checked before anything is written (``core.outputs``): one that would replace
    an input, or a foreign file without ``--force``, stops the command.  Pages whose outputs
    differ only in case are reported and not written, never merged into one file.  With
    ``task.shards`` the outputs are JSONL shards of many pages (``core.batch.shards``)."""
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
    if task.shards:
        from core.batch.shards import shard_outputs

        names = {p: shard.name for p, shard in zip(pages, shard_outputs(out, len(pages)), strict=True)}
        clashing: set[str] = set()
    else:
        names = {p: stem + suffix for p, stem in pages_stems}
        clashing = {n for group in case_collisions(names.values()).values() for n in group}
    force = getattr(args, "force", False)
    inputs = Inputs.of(pages)
    problems = [
        why
        for name in dict.fromkeys(names[p] for p in pages)
        if name not in clashing and (why := refusal(out / name, inputs, force=force))
    ]
    if problems:
        more = f" (and {len(problems) - 1} more outputs)" if len(problems) > 1 else ""
        raise CliError(problems[0] + more)
    for p in pages:
        if names[p] in clashing:
            others = ", ".join(q.name for q in pages if q != p and names[q].casefold() == names[p].casefold())
            print(
                f"error: {p.name}: its output {names[p]} clashes with that of {others} "
                "(names differ only in case); not written",
                file=sys.stderr,
            )
    todo = [p for p in pages if names[p] not in clashing]
    failed = len(pages) - len(todo)
    # written by whichever process makes each page (core.batch.tasks): on a cluster, the workers
    targets = [(out / names[p]).absolute() for p in todo]
    results = outcomes(todo, task, args, lexicon, targets) if todo else iter(())  # checks a cluster before any work
    bar = Progress(len(todo))
    try:
        for r in results:
            if r.error is not None:
                failed += 1
                bar.write(f"error: {r.error}")
            bar.step(r.path.name)
    except KeyboardInterrupt:
        bar.close()
        print(f"stopped: {bar.done} of {len(todo)} pages done and kept in {out}", file=sys.stderr)
        raise
    finally:
        clean_folder(out)  # temp files of a worker killed mid-write
    bar.close()
    if task.shards:
        from core.batch.shards import stale_shards

        for old in stale_shards(out, len(todo)):  # an earlier run's, over more pages
            if refusal(old, inputs) is None:
                old.unlink(missing_ok=True)
    if failed:
        print(f"{failed} of {len(pages)} pages failed; {len(pages) - failed} written to {out}", file=sys.stderr)
        return 1
    return 0


def several_pages(src: Path) -> bool:
    """A multi-page PDF: one output per page, like a folder (docs/pdf.md)."""
    from core.pdf.pages import is_pdf, pages_of, split_ref

    return is_pdf(src) and split_ref(src)[1] is None and src.is_file() and len(pages_of(src)) > 1


def batch_task(kind: str, args: argparse.Namespace, fmt: str = "json") -> Task:
    """One ``review.updated`` time for the whole run, so outputs do not depend on scheduling."""
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    cache = not getattr(args, "no_cache", False)
    durable = getattr(args, "durable", False)
    shards = getattr(args, "shards", False)
    validate = getattr(args, "validate", False) or os.environ.get("BANMIAN_VALIDATE", "") not in ("", "0")
    comments = getattr(args, "comments", False)
    return Task(kind, fmt, stamp, cache=cache, comments=comments, durable=durable, validate=validate, shards=shards)


def outcomes(
    pages: list[Path],
    task: Task,
    args: argparse.Namespace,
    lexicon: UserLexicon,
    outputs: list[Path] | None = None,
) -> Iterator[Outcome]:
    """The pool on this machine, or a Dask cluster when ``--scheduler``/``--cluster`` is given
    (checked now, so a missing Dask or a bad spec is said before any work starts).  ``outputs``:
    where each page is written (by the process that makes it) instead of handed back."""
    scheduler, cluster = getattr(args, "scheduler", None), getattr(args, "cluster", None)
    if scheduler or cluster:
        from core.cluster import ClusterError, check, run_on_cluster

        try:
            check(scheduler, cluster)
            stream = run_on_cluster(pages, task, lexicon, scheduler=scheduler, cluster=cluster, outputs=outputs)
        except ClusterError as e:
            raise CliError(str(e)) from None
        return _said(stream, ClusterError)
    from core.batch import run

    return run(pages, task, lexicon, getattr(args, "jobs", None), outputs=outputs)


def _said(results: Iterator[Outcome], error: type[Exception]) -> Iterator[Outcome]:
    """``error`` raised midway (a cluster lost) becomes the one-line ``CliError``."""
    try:
        yield from results
    except error as e:
        raise CliError(str(e)) from None


def add_batch_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--jobs", "-j", type=_positive, help="processes for a folder (default: every core)")
    p.add_argument("--durable", action="store_true", help="fsync every output file (slower)")
    p.add_argument("--no-cache", action="store_true", help="parse again even if the parse is cached")
    p.add_argument(
        "--validate",
        action="store_true",
        help="check every JSON output of a folder against the schema (a single page always is; "
        "BANMIAN_VALIDATE=1 turns it on everywhere)",
    )
    p.add_argument(
        "--shards",
        action="store_true",
        help="a folder's results as JSONL shards of 64 pages (shard-NNNNN.jsonl) instead of a file per page",
    )
    p.add_argument("--scheduler", metavar="tcp://HOST:8786", help="run a folder on a Dask cluster")
    p.add_argument("--cluster", metavar="local:N", help="run a folder on a local Dask cluster of N workers")


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive number")
    return int(text)


def cmd_parse(args: argparse.Namespace) -> int:
    src = Path(args.page)
    out = Path(args.output) if args.output else None
    lexicon = load_lexicon()
    if src.is_dir() or several_pages(src):
        return run_folder(src, out, batch_task("parse", args), args, lexicon)
    if out is not None:
        check_output(out, [src], force=args.force)
    data = _parse_one(src, lexicon, cache=not args.no_cache)
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
    pp = sub.add_parser("parse", help="write the automatic annotation of a page (or of every page of a folder)")
    pp.add_argument("page", help="a page (.txt, .pdf, X.pdf#N for page N of a PDF) or a folder of them")
    pp.add_argument("-o", "--output", help="output .json (or folder for a folder); stdout if omitted")
    pp.add_argument("--force", action="store_true", help="overwrite an existing output Banmian did not write")
    add_batch_options(pp)
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
    add_batch_options(pe)
    pe.set_defaults(func=cmd_export)
    from core.evaluate.command import add_parser as add_evaluate
    from core.index.cli import add_commands

    add_evaluate(sub)
    add_commands(sub)
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
