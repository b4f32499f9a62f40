"""Where stories start inside a run of body text: the best segmentation of the run as a whole.

Every unit boundary of a run gets a score (``evidence.boundary_score``: dateline, indent, closed
sentence, column width, text flow, subject, jump markers); a segmentation pays ``STORY_COST`` per
story and ``SHORT_STORY`` (weights.py) for a story too short to stand alone (a single short paragraph is more
often a paragraph cut off by a misread line than a story).  Dynamic programming picks the set of
boundaries with the highest total, so one boundary's evidence is weighed against its neighbours'
(two weak openings a paragraph apart do not both become stories).  Linear: the short-story term
only looks back ``SHORT_UNITS`` units.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from core.layout import weights as W
from core.layout.evidence import boundary_score
from core.layout.units import Unit

SHORT_UNITS = 2  # a story of at most this many units ...
SHORT_LINES = 4  # ... and fewer lines than this is short


def _short(units: Sequence[Unit], i: int, j: int) -> bool:
    return j - i <= SHORT_UNITS and sum(len(u.lines) for u in units[i:j]) < SHORT_LINES


def best_boundaries(units: Sequence[Unit], page_gap: int, datelines: bool) -> list[int]:
    """Indices (> 0) of the units that open a new story, chosen together."""
    n = len(units)
    if n < 2:
        return []
    gain = [0.0] + [boundary_score(units, k, page_gap, datelines) - W.STORY_COST for k in range(1, n)]
    # best[j]: the best total for units[:j] with a story ending at j; back[j]: where that story began
    neg = float("-inf")
    best = [neg] * (n + 1)
    back = [0] * (n + 1)
    best[0] = 0.0
    # the best start among those far enough back that the story is long: a running maximum
    far_best, far_at = neg, 0
    far_next = 0  # next start index to fold into the running maximum
    for j in range(1, n + 1):
        while far_next < j and not _short(units, far_next, j):
            cand = best[far_next] + (gain[far_next] if far_next > 0 else 0.0)
            if cand > far_best:
                far_best, far_at = cand, far_next
            far_next += 1
        top, at = far_best, far_at
        for i in range(far_next, j):  # short stories: at most SHORT_UNITS of them
            cand = best[i] + (gain[i] if i > 0 else 0.0) - W.SHORT_STORY * (i > 0 or j < n)
            if cand > top:
                top, at = cand, i
        best[j], back[j] = top, at
    starts: list[int] = []
    j = n
    while j > 0:
        i = back[j]
        if i > 0:
            starts.append(i)
        j = i
    return sorted(starts)


def split_run(run: Sequence[Unit], page_gap: int, datelines: bool) -> list[list[Unit]]:
    """The stories of a run, in order."""
    cuts = [0, *best_boundaries(run, page_gap, datelines), len(run)]
    return [list(run[a:b]) for a, b in itertools.pairwise(cuts) if b > a]
