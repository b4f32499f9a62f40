"""Loading and parsing a page away from the window: runs in a spawned worker process.

No Qt here: the child process imports only ``core`` (and jieba through it), so the window keeps
painting while jieba loads (a thread would hold the GIL for most of a second).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from core.model import Page

if TYPE_CHECKING:
    from core.persist.session import Origin


@dataclass(frozen=True, slots=True)
class Loaded:
    """What the worker sends back: the page with its saved corrections re-applied (``page``), the
    automatic parse (``base``), where saves go, and warnings — or the one-line reason it failed."""

    path: str
    page: Page | None = None
    base: Page | None = None
    review_done: bool = False
    sidecar_path: str = ""
    origin: Origin | None = None  # what the sidecar held when loaded: the next save checks against it
    error: str = ""
    warnings: tuple[str, ...] = field(default_factory=tuple)


def warm_up() -> None:
    """Load jieba's dictionary ahead of the first parse."""
    from core.entities import warm_up as load

    load()


def parse_path(path: str, parser: Callable[..., Page] | None = None) -> Loaded:
    """Read, parse and re-apply saved corrections; every failure becomes a message for the editor."""
    from core.entities.lexicon import UserLexicon
    from core.entities.tagger.stage import tagged_parser
    from core.loader import PageError
    from core.persist import open_page

    lexicon = UserLexicon.load()  # an unreadable lexicon is left alone and said; learning pauses
    warnings: list[str] = [lexicon.warning] if lexicon.warning else []
    try:
        result = open_page(path, lexicon, parser=parser or tagged_parser(Path(path)))
    except PageError as e:
        return Loaded(path, error=str(e))
    except Exception as e:  # a parser bug must not take the window down
        return Loaded(path, error=f"{path}: the page could not be opened: {type(e).__name__}: {e}")
    doc = result.document
    warnings.extend(result.warnings)
    if not any(not ln.is_blank for ln in doc.page.lines):
        warnings.append(f"{doc.page.source.name}: the page is empty")
    return Loaded(
        path,
        page=doc.page,
        base=doc.base,
        review_done=doc.review_done,
        sidecar_path=str(result.sidecar_path),
        origin=result.origin,
        warnings=tuple(warnings),
    )


def start_pool() -> ProcessPoolExecutor:
    """The one worker process (spawned: no Qt state is copied into it)."""
    return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))


def start_early(path: str) -> tuple[ProcessPoolExecutor, Future[Loaded]]:
    """Start the worker and ask for the first page before Qt is even imported, so jieba loads
    while the window is being built."""
    pool = start_pool()
    return pool, pool.submit(parse_path, path)
