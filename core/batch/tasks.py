"""What a batch does to one page, as a picklable value: it crosses into worker processes (and onto
cluster workers), where the lexicon and jieba are loaded once and every page runs through it.

Every failure of a page becomes an ``Outcome`` with a one-line ``error`` naming the page; nothing a
page does can stop the run.  ``stamp`` is the run's one ``review.updated`` time, so a page's output
does not depend on when (or in which process) it happened to be parsed.

A page given an output path is written where it is made (atomically, fsync only with ``durable``)
and only its outcome travels back: the parent of a pool or the client of a cluster does not carry
every page's text through a pipe and write it alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.atomic import write_atomic
from core.loader import PageError

if TYPE_CHECKING:
    from core.entities.lexicon import UserLexicon
    from core.model import Page
    from core.persist.session import Parser

KINDS = ("parse", "export", "page", "load")


@dataclass(frozen=True, slots=True)
class Outcome:
    """One page's result: ``value`` (output text, or a ``Page`` for kind ``page``) or ``error``."""

    index: int
    path: Path
    value: Any = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True, slots=True)
class Task:
    """``parse``: the automatic annotation as JSON; ``export``: the page as the editor left it in
    ``fmt``; ``page``: the automatic parse as a ``Page``; ``load``: the page opened for editing
    with its saved corrections, as a ``core.issue.loading.PageLoad`` (the window's and the issue
    export's background parse of an issue; ``strict``: an unusable sidecar fails the page)."""

    kind: str = "parse"
    fmt: str = "json"
    stamp: str | None = None
    cache: bool = True
    comments: bool = False  # CoNLL: comment lines (export --comments)
    strict: bool = False  # load: an unusable sidecar is the page's error, not set aside
    durable: bool = False  # outputs written by the task: fsync each one (--durable)
    validate: bool = True  # each JSON output checked against the schema (batch commands: --validate)
    shards: bool = False  # results as lines of JSONL shards (core.batch.shards), JSON on one line

    def parser(self) -> Parser:
        if self.cache:
            from core.cache import cached_parse

            return cached_parse
        from core.parse import parse_page

        return parse_page

    def run(self, path: Path, lexicon: UserLexicon | None) -> Any:
        """The page's result; ``PageError`` for anything wrong with it."""
        if self.kind not in KINDS:
            raise ValueError(f"unknown task {self.kind!r}")
        if self.kind == "export":
            from core.cli_export import render

            return render(
                path,
                self.fmt,
                lexicon,
                parser=self.parser(),
                updated=self.stamp,
                comments=self.comments,
                validate=self.validate,
                line=self.shards,
            )
        if self.kind == "load":
            from core.issue.loading import load_page

            return load_page(str(path), lexicon, strict=self.strict, parser=self.parser())
        from core.loader import read_page

        page = self.parser()(read_page(path), lexicon=lexicon)
        if self.kind == "page":
            return page
        return annotation(page, self.stamp, validate=self.validate, line=self.shards)

    def outcome(self, index: int, path: Path, lexicon: UserLexicon | None, output: str = "") -> Outcome:
        """The page's ``Outcome``; with an ``output`` path the result is written there and the
        outcome carries no value (a write that fails is the page's error)."""
        try:
            value = self.run(path, lexicon)
        except PageError as e:
            return Outcome(index, path, error=str(e))
        except Exception as e:  # a parser bug on one page must not end the run
            return Outcome(index, path, error=f"{path.name}: internal error, not written: {type(e).__name__}: {e}")
        if not output:
            return Outcome(index, path, value)
        try:
            write_atomic(Path(output), value, durable=self.durable, clean=False)
        except OSError as e:
            return Outcome(index, path, error=f"{path.name}: cannot write output: {e.strerror or e}")
        return Outcome(index, path)


def annotation(page: Page, stamp: str | None = None, *, validate: bool = True, line: bool = False) -> str:
    """The banmian.page JSON of an automatic parse (on one ``line`` for a shard), validated unless
    told not to (the export code is what the schema checks, not the page: the test suite
    validates every output)."""
    from core.export_json import ExportInvalid, dumps, dumps_line, page_to_dict
    from core.export_json import validate as check

    doc = page_to_dict(page, updated=stamp)
    try:
        if validate:
            check(doc)
        return dumps_line(doc) if line else dumps(doc)
    except ExportInvalid as e:
        raise PageError(f"{page.source.name}: internal error, not written: {e}") from None
