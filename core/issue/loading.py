"""Opening the pages of an issue for editing, on every core: a ``load`` task of ``core.batch``
(the pool behind ``parse DIR``), whose workers load jieba and the lexicon once.

``load_page`` is what runs for each page (in a worker, or inline) and returns plain picklable
values; ``start_loading`` starts the batch that the workspace iterates (blocking, in page order)
and the window polls (pages as they finish).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from core.messages import msg
from core.model import Page

if TYPE_CHECKING:
    from core.batch.pool import Batch
    from core.batch.tasks import Outcome
    from core.entities.lexicon import UserLexicon
    from core.persist.session import Origin, Parser


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


def load_page(
    path: str, lexicon: UserLexicon | None = None, *, strict: bool = False, parser: Parser | None = None
) -> PageLoad:
    """Read, parse, re-apply saved corrections; every failure becomes a message, never a crash.
    ``strict`` (export): an unusable sidecar is an error, not set aside.  ``parser``: the automatic
    parse (default: through the parse cache)."""
    from core.loader import PageError
    from core.persist import SidecarError, open_page

    warnings = [lexicon.warning] if lexicon is not None and lexicon.warning else []
    try:
        result = open_page(path, lexicon, strict=strict, parser=parser)
    except (PageError, SidecarError) as e:
        return PageLoad(path, error=str(e))
    except Exception as e:  # a parser bug on one page must not stop the issue: said, its detail logged
        logging.getLogger("banmian").error("%s: could not be parsed", path, exc_info=e)
        name = os.path.basename(path)
        return PageLoad(
            path,
            error=msg("{name}: could not be parsed (a fault in the program; the details are in the log)", name=name),
        )
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


def start_loading(
    paths: Sequence[str], workers: int | None = None, *, strict: bool = False, ordered: bool = True
) -> Batch:
    """The pages opened by ``core.batch``'s pool (``workers`` processes, default every core; 1 or
    0: in this process, one page per ``ready()``).  The user lexicon is read once, here.
    ``ordered=False`` (the window): pages as they finish, one per task, so the first page is on
    screen as soon as it is parsed rather than with its chunk."""
    from core.batch.pool import Batch
    from core.batch.tasks import Task
    from core.entities.lexicon import UserLexicon

    jobs = 1 if workers is not None and workers <= 1 else workers
    task = Task(kind="load", strict=strict)
    chunk = None if ordered else 1
    return Batch([Path(p) for p in paths], task, UserLexicon.load(), jobs, ordered=ordered, chunk=chunk)


def page_load(outcome: Outcome) -> PageLoad:
    """The ``PageLoad`` of a batch outcome (a failure outside ``load_page`` becomes the page's error)."""
    if isinstance(outcome.value, PageLoad):
        return outcome.value
    error = outcome.error or msg("{name}: could not be parsed", name=outcome.path.name)
    return PageLoad(str(outcome.path), error=error)
