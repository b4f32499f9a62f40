"""A faster cache for jieba's prefix dictionary.

jieba caches its word → frequency table (words and all their prefixes, about half a million keys)
with marshal, and unmarshalling it takes about 0.7 s — most of the window's cold start, since the
first page cannot show its entities before it.  Keys as one text file and frequencies as an array
load in about 0.2 s.  The cache is keyed by the dictionary file's size and mtime; any problem just
means jieba loads the dictionary its own way.
"""

from __future__ import annotations

import array
import contextlib
import os
from pathlib import Path

from core.atomic import write_atomic


def _paths(folder: Path, dictionary: str) -> tuple[Path, Path]:
    st = os.stat(dictionary)
    stem = f"jieba-freq-{st.st_size}-{int(st.st_mtime)}"
    return folder / f"{stem}.keys", folder / f"{stem}.vals"


def load(folder: Path, dictionary: str) -> tuple[dict[str, int], int] | None:
    """The table and its total from the cache, or None when there is no usable cache."""
    try:
        keys_path, vals_path = _paths(folder, dictionary)
        keys = keys_path.read_text(encoding="utf-8").split("\n")
        vals = array.array("q")
        vals.frombytes(vals_path.read_bytes())
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    if len(vals) != len(keys) + 1:  # the last value is the total
        return None
    total = vals.pop()
    return dict(zip(keys, vals, strict=True)), total


def save(folder: Path, dictionary: str, freq: dict[str, int], total: int) -> None:
    """Write the cache (atomically); failing to write it only costs the next start time."""
    with contextlib.suppress(OSError, ValueError, OverflowError):
        keys_path, vals_path = _paths(folder, dictionary)
        if any("\n" in k for k in freq):
            return
        vals = array.array("q", freq.values())
        vals.append(total)
        write_atomic(vals_path, vals.tobytes())
        write_atomic(keys_path, "\n".join(freq))
