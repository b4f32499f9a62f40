"""Splitting the page text into numbered lines with offsets."""

from __future__ import annotations

from core.model import Line


def split_lines(text: str) -> tuple[Line, ...]:
    """1-based lines as a text editor shows them, blank lines counted; offsets exclude ``\\n``.

    A trailing newline does not open a further line; an empty text has no lines.
    """
    if not text:
        return ()
    out: list[Line] = []
    start = 0
    number = 1
    n = len(text)
    while True:
        end = text.find("\n", start)
        if end < 0:
            if start < n:
                out.append(Line(number, start, n, text[start:n]))
            break
        out.append(Line(number, start, end, text[start:end]))
        number += 1
        start = end + 1
    return tuple(out)
