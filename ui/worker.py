"""Loading and parsing a page away from the window: runs in a spawned worker process.

No Qt here: the child process imports only ``core`` (and jieba through it), so the window keeps
painting while jieba loads (a thread would hold the GIL for most of a second).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from core.issue.loading import PageLoad, load_page
from core.messages import msg
from core.model import Page

# What the worker sends back: the one result type of page loading, shared with the issue's pool.
Loaded = PageLoad


def warm_up() -> None:
    """Load jieba's dictionary ahead of the first parse."""
    from core.entities import warm_up as load

    load()


def parse_path(path: str, parser: Callable[..., Page] | None = None) -> Loaded:
    """Read, parse and re-apply saved corrections (``core.issue.loading.load_page``, with the
    editor's tagger); every failure becomes a message for the editor."""
    from dataclasses import replace

    from core.entities.lexicon import UserLexicon
    from core.entities.tagger.stage import tagged_parser

    result = load_page(path, UserLexicon.load(), parser=parser or tagged_parser(Path(path)))
    if result.page is not None and all(ln.is_blank for ln in result.page.lines):
        empty = msg("{name}: the page is empty", name=result.page.source.name)
        result = replace(result, warnings=(*result.warnings, empty))
    return result


def start_pool() -> ProcessPoolExecutor:
    """The one worker process (spawned: no Qt state is copied into it)."""
    return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))


def start_early(path: str) -> tuple[ProcessPoolExecutor, Future[Loaded]]:
    """Start the worker and ask for the first page before Qt is even imported, so jieba loads
    while the window is being built."""
    pool = start_pool()
    return pool, pool.submit(parse_path, path)
