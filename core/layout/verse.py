"""Verse: runs of short lines of irregular width, each line its own paragraph.

Prose in a column is justified, so most of its lines share one width; a poem's lines end where
its phrases end, so their widths scatter and few of them close a sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.layout.features import LineInfo

WINDOW = 3  # lines each side
MAX_WIDTH = 12.0
PUNCTUATED = 3  # prose: this many lines of a window carry a clause mark; a poem's lines few


def _verse_like(window: Sequence[LineInfo]) -> bool:
    if len(window) < 2 * WINDOW + 1:
        return False
    if any(
        ln.spaced or ln.width > MAX_WIDTH or ln.dateline or ln.head_note or ln.column or ln.jump_only for ln in window
    ):
        return False
    if sum(ln.ends_sentence or ln.ends_soft for ln in window) > 1:
        return False  # prose in a narrow column still ends many lines on a comma or a full stop
    if sum(_inner_stop(ln.squeezed) for ln in window) > 1:
        return False  # ... or closes sentences inside its lines, where a poem breaks the line
    if sum(any(ch in ln.squeezed for ch in "，、。；：？！") for ln in window) >= PUNCTUATED:
        return False  # ... and runs clauses through its lines
    widths = [round(ln.width * 2) / 2 for ln in window]
    mode_count = max(widths.count(w) for w in widths)
    return len(set(widths)) >= 4 and mode_count <= 3


def _inner_stop(s: str) -> bool:
    """A sentence closes inside the line and text goes on after it."""
    return any(ch in "。！？；" for ch in s[:-1])


def verse_lines(infos: Sequence[LineInfo]) -> list[bool]:
    """``verse[i]``: line ``i`` sits inside a run of verse (every line of a verse window counts)."""
    n = len(infos)
    verse = [False] * n
    for i in range(WINDOW, n - WINDOW):
        if _verse_like(infos[i - WINDOW : i + WINDOW + 1]):
            for k in range(i - WINDOW, i + WINDOW + 1):
                verse[k] = True
    return verse
