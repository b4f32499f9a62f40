"""Parsing the pages of an issue in worker processes, one page per task, on every core.

``start_pool`` is the one place that decides how pages are parsed in parallel (a plain
``ProcessPoolExecutor`` over spawned processes, so no Qt state is ever copied into a worker);
``load_page`` is what runs in a worker and returns plain picklable values.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field

from core.model import Page
from core.persist.session import Origin


@dataclass(frozen=True, slots=True)
class PageLoad:
    """A parsed page with its saved corrections re-applied (``page``), the automatic parse
    (``base``), where saves go, warnings — or the one-line reason it failed (``error``)."""

    path: str
    page: Page | None = None
    base: Page | None = None
    review_done: bool = False
    sidecar_path: str = ""
    error: str = ""
    warnings: tuple[str, ...] = field(default_factory=tuple)
    origin: Origin | None = None  # the sidecar as loaded: saves check the disk against it


def load_page(path: str, strict: bool = False) -> PageLoad:
    """Read, parse, re-apply saved corrections; every failure becomes a message, never a crash.
    ``strict`` (export): an unusable sidecar is an error, not set aside."""
    from core.entities.lexicon import UserLexicon
    from core.loader import PageError
    from core.persist import SidecarError, open_page

    lexicon = UserLexicon.load()
    warnings = [lexicon.warning] if lexicon.warning else []
    try:
        result = open_page(path, lexicon, strict=strict)
    except (PageError, SidecarError) as e:
        return PageLoad(path, error=str(e))
    except Exception as e:  # a parser bug on one page must not stop the issue
        return PageLoad(path, error=f"{os.path.basename(path)}: could not be parsed: {type(e).__name__}: {e}")
    doc = result.document
    return PageLoad(
        path,
        page=doc.page,
        base=doc.base,
        review_done=doc.review_done,
        sidecar_path=str(result.sidecar_path),
        warnings=(*warnings, *result.warnings),
        origin=result.origin,
    )


def worker_count() -> int:
    return max(1, os.cpu_count() or 1)


def start_pool(workers: int | None = None) -> Executor:
    """The executor that parses an issue's pages (swap this one function for another pool)."""
    return ProcessPoolExecutor(max_workers=workers or worker_count(), mp_context=multiprocessing.get_context("spawn"))
