"""The garbage collector paused while a page is segmented.

Segmentation makes a few objects per line (features, units, lists) that live until it returns and
form no reference cycles, so reference counting frees them all.  With the collector on, every few
hundred of them start a collection that walks all the young objects, and now and then one that
walks everything the process holds (the page's lines too): ~6 % of the CPU time on a page of
100,000 characters, ~10 % on one of a million (the full collections grow with the page).  Paused,
the work is not done at all; the collector runs again as soon as segmentation returns and collects
anything left then.  core/batch/memory.py tunes the collector for whole batch runs; this pause
holds inside them too.  ``parse_page`` pauses it while the page is split into lines as well (a
line object per line, no cycle either: ~15 % of the splitting's time on a page of a million
characters).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic collection inside the block; the collector on again after it, if it was on
    before (it is left off where the caller had turned it off, e.g. around a nested pause)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
