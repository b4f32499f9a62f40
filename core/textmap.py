"""Text assembled from pieces of the raw page, with a map from every character back to raw offsets.

Used for reflowed paragraphs (lines joined with no separator), for headlines set in spaced
characters (``落 细 防 控`` → ``落细防控``) and for entity detection, which runs on reflowed text and
must report raw offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_LAYOUT_SPACES = frozenset(" \t\u3000\u00a0\f\v")
_HAS_SPACE = re.compile("[ \t\u3000\u00a0\f\v]")


def is_wide(ch: str) -> bool:
    """CJK ideographs, full-width forms and CJK punctuation: characters set one per em."""
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0x3000 <= o <= 0x303F
        or 0xFF00 <= o <= 0xFFEF
        or 0x2E80 <= o <= 0x2FDF
        or 0x20000 <= o <= 0x2FFFF
        or o in (0x2014, 0x2026, 0x201C, 0x201D, 0x2018, 0x2019, 0x00B7, 0x2022, 0x25CF)
    )


def squeeze_spaces(line: str) -> str:
    """Remove layout spaces between wide characters; keep a space between two Latin words."""
    if not _HAS_SPACE.search(line):
        return line
    return "".join(ch for _, ch in _squeeze(line, 0))


def _squeeze(s: str, base: int) -> Iterable[tuple[int, str]]:
    """Yield (raw offset, char) of ``s`` without layout spaces, keeping one between Latin words."""
    n = len(s)
    i = 0
    prev: str | None = None
    while i < n:
        ch = s[i]
        if ch in _LAYOUT_SPACES:
            j = i
            while j < n and s[j] in _LAYOUT_SPACES:
                j += 1
            nxt = s[j] if j < n else None
            if prev is not None and nxt is not None and not is_wide(prev) and not is_wide(nxt):
                yield base + i, " "
            i = j
            continue
        yield base + i, ch
        prev = ch
        i += 1


@dataclass(frozen=True, slots=True)
class MappedText:
    """``text[i]`` came from raw offset ``offsets[i]``; synthetic separators map to -1."""

    text: str
    offsets: tuple[int, ...]

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw half-open span covering mapped characters ``[start, end)``."""
        real = [o for o in self.offsets[start:end] if o >= 0]
        if not real:
            raise ValueError("span maps to no raw character")
        return real[0], real[-1] + 1

    def from_raw(self, raw_start: int, raw_end: int) -> tuple[int, int] | None:
        """Mapped span of the characters inside raw ``[raw_start, raw_end)``, or None."""
        idx = [i for i, o in enumerate(self.offsets) if raw_start <= o < raw_end]
        if not idx:
            return None
        return idx[0], idx[-1] + 1


def assemble(raw: str, spans: Sequence[tuple[int, int]], *, squeeze: bool = False, separator: str = "") -> MappedText:
    """Join raw ``spans`` (usually lines), stripped of edge whitespace, with ``separator``.

    With ``squeeze``, layout spaces inside a span are dropped as ``squeeze_spaces`` does.
    """
    chars: list[str] = []
    offsets: list[int] = []
    for k, (s, e) in enumerate(spans):
        while s < e and raw[s].isspace():
            s += 1
        while e > s and raw[e - 1].isspace():
            e -= 1
        if s >= e:
            continue
        if k and chars and separator:
            chars.extend(separator)
            offsets.extend([-1] * len(separator))
        if squeeze and _HAS_SPACE.search(raw, s, e):
            for o, ch in _squeeze(raw[s:e], s):
                chars.append(ch)
                offsets.append(o)
        else:
            chars.extend(raw[s:e])
            offsets.extend(range(s, e))
    return MappedText("".join(chars), tuple(offsets))


def surface(raw: str, start: int, end: int) -> str:
    """An entity's surface form: the raw span minus line breaks and layout spaces."""
    return "".join(ch for ch in raw[start:end] if not ch.isspace())
