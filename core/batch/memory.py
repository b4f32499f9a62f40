"""The garbage collector during a batch.

A parse allocates hundreds of thousands of short-lived objects; with the default thresholds the
collector keeps walking what was loaded once and lives for the whole run (jieba's and the
gazetteers' tables, the compiled rules): ~10 % of a page's CPU.  During a batch the objects that
exist before it are frozen (``gc.freeze``: never walked again, and after a fork never touched, so
the workers' pages of that memory stay shared with the parent), and young collections run less
often.  Reference counting frees almost everything a page makes anyway; cycles are still collected.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

THRESHOLDS = (20_000, 20, 100)  # defaults (700, 10, 10)


def tune() -> None:
    """For a worker process that does nothing but batch work: freeze what is loaded, collect less."""
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)


def is_tuned() -> bool:
    """Whether this process's collector runs with the batch thresholds (``tune`` or ``tuned``)."""
    return gc.get_threshold() == THRESHOLDS


@contextmanager
def tuned() -> Iterator[None]:
    """``tune`` for the length of a batch run in a process that goes on afterwards."""
    before = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()
