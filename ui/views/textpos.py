"""Python string offsets ↔ Qt text positions (Qt counts UTF-16 units: astral characters take two)."""

from __future__ import annotations

import bisect


class TextPositions:
    def __init__(self, text: str) -> None:
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._qt = [o + k for k, o in enumerate(self._astral)]

    def to_qt(self, offset: int) -> int:
        return offset + bisect.bisect_left(self._astral, offset) if self._astral else offset

    def from_qt(self, pos: int) -> int:
        return pos - bisect.bisect_left(self._qt, pos) if self._astral else pos
