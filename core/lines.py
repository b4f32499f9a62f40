"""Splitting the page text into numbered lines with offsets."""

from __future__ import annotations

import itertools
import operator
from collections import deque

from core.model import Line

# ``Line``'s fields, each set on a new line object by its slot (in C, as ``map`` calls it): what
# ``Line(number, start, end, text)`` does, without the Python-level ``__init__`` of a frozen
# dataclass (four ``object.__setattr__`` calls), which is most of the cost of splitting a page of
# a hundred thousand lines.  ``tests/test_lines.py`` checks the lines equal ``Line(...)``'s.
_FIELDS = ("number", "start", "end", "text")
_SETTERS = tuple(getattr(Line, name).__set__ for name in _FIELDS)
_new_line = object.__new__


def split_lines(text: str) -> tuple[Line, ...]:
    """1-based lines as a text editor shows them, blank lines counted; offsets exclude ``\\n``.

    A trailing newline does not open a further line; an empty text has no lines.

    Each field is made for all lines at once (the texts by ``str.split``, the offsets by running
    sums of their lengths) and set on the lines a field at a time, all in C: no Python step per
    line.
    """
    if not text:
        return ()
    texts = text.split("\n")
    if not texts[-1]:
        texts.pop()  # the text ends on a newline: it opens no line
    lengths = list(map(len, texts))
    starts = list(itertools.accumulate(map((1).__add__, lengths), initial=0))  # (+1: the newline)
    ends = list(map(operator.add, starts, lengths))
    lines = list(map(_new_line, itertools.repeat(Line, len(texts))))
    for setter, values in zip(_SETTERS, (range(1, len(texts) + 1), starts, ends, texts), strict=True):
        deque(map(setter, lines, values), maxlen=0)  # (run through in C)
    return tuple(lines)
