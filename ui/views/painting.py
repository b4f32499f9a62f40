"""How the window paints: in the GUI thread only, without Qt's thread pool for fills.

Qt's raster engine hands every fill taller than about a hundred scanlines to a pool of threads
(``qdrawhelper``: a scroll bar, a table column, a text view's band), then waits for them. The
regions this window repaints after an edit are small, so the hand-over costs more than it saves:
on a busy two-core machine a 14×495 scroll bar took 1.5 ms to repaint with the pool and 0.2 ms
without it (``benchmarks/bench_ui.py`` measures the whole edit).
"""

from __future__ import annotations

import os

NO_POOL = "QT_NO_GUI_THREADPOOL"  # read once by Qt, at the first fill that could use the pool


def paint_in_gui_thread() -> None:
    """Ask Qt to paint without its GUI thread pool; call before the first window is painted
    (an application that set the variable itself keeps its own value)."""
    os.environ.setdefault(NO_POOL, "1")
