"""Splitting the page text into 1-based lines with offsets that exclude the newline."""

from __future__ import annotations

import pickle
from dataclasses import fields

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.lines import split_lines
from core.model import Line


def test_numbering_counts_blank_lines() -> None:
    text = "甲乙\n\n丙\n \n丁戊己"
    lines = split_lines(text)
    assert [(ln.number, ln.text) for ln in lines] == [(1, "甲乙"), (2, ""), (3, "丙"), (4, " "), (5, "丁戊己")]
    assert [ln.is_blank for ln in lines] == [False, True, False, True, False]


def test_offsets_exclude_the_newline_and_point_at_the_text() -> None:
    text = "新华社北京4月20日电 外交部\n\n发言人华春莹20日宣布：\n"
    lines = split_lines(text)
    assert lines[0] == Line(1, 0, 15, "新华社北京4月20日电 外交部")
    assert lines[1] == Line(2, 16, 16, "")
    assert lines[2].start == 17
    for ln in lines:
        assert text[ln.start : ln.end] == ln.text
        assert "\n" not in ln.text
        assert ln.end == len(text) or text[ln.end] == "\n"


@pytest.mark.parametrize(
    ("text", "count"),
    [("", 0), ("\n", 1), ("甲", 1), ("甲\n", 1), ("甲\n\n", 2), ("\n\n甲", 3), ("甲\n乙", 2)],
)
def test_trailing_newline_opens_no_line(text: str, count: int) -> None:
    lines = split_lines(text)
    assert len(lines) == count
    assert [ln.number for ln in lines] == list(range(1, count + 1))
    if lines:
        assert lines[-1].end == len(text.removesuffix("\n"))


def test_lines_cover_the_text() -> None:
    text = "一\n\n二三\n  \n四\n"
    rebuilt = "\n".join(ln.text for ln in split_lines(text)) + "\n"
    assert rebuilt == text


def test_long_page_is_linear() -> None:
    text = "甲乙丙\n" * 200_000
    lines = split_lines(text)
    assert len(lines) == 200_000 and lines[-1].start == len(text) - 4


def _plain_split(text: str) -> tuple[Line, ...]:
    """The plain way: a ``Line(...)`` per piece between newlines, the empty piece after a final
    newline left out."""
    pieces = text.split("\n")
    if text.endswith("\n") or not text:
        pieces.pop()
    out, start = [], 0
    for number, piece in enumerate(pieces, 1):
        out.append(Line(number, start, start + len(piece), piece))
        start += len(piece) + 1
    return tuple(out)


@settings(max_examples=300)
@given(st.text(alphabet="甲乙 \t\u3000\n\r\fa\U00020000", max_size=40))
def test_lines_are_those_line_by_line(text: str) -> None:
    """``split_lines`` (fields set on the lines a field at a time) gives the lines ``Line(...)``
    gives, equal and alike in every field."""
    lines = split_lines(text)
    assert lines == _plain_split(text)
    for ln, plain in zip(lines, _plain_split(text), strict=True):
        assert [type(getattr(ln, f.name)) for f in fields(Line)] == [type(getattr(plain, f.name)) for f in fields(Line)]
        assert hash(ln) == hash(plain) and repr(ln) == repr(plain)
        assert pickle.loads(pickle.dumps(ln)) == plain
