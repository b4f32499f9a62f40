"""The segmenter's fast paths give exactly what the plain ways they replace give."""

from __future__ import annotations

import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from core.layout.distribute import _bigrams
from core.layout.evidence import word_pairs
from core.layout.features import WIDE_CLASS, squeeze_line
from core.layout.interleave import pair_codes
from core.textmap import squeeze_spaces

# characters of every kind these functions tell apart: layout spaces, Latin, CJK, full-width
# forms, curly quotes, a character outside the Basic Multilingual Plane, a newline
_CHARS = st.sampled_from(list(" \t\u3000\u00a0\f\vab1.,中文。，（）“”—…ＡＢ\U00020000\n"))
_TEXTS = st.lists(_CHARS, max_size=40).map("".join)


@settings(max_examples=200)
@given(_TEXTS)
def test_squeeze_line_is_squeeze_spaces(text: str) -> None:
    line = text.replace("\n", "")
    assert squeeze_line(line) == squeeze_spaces(line)


def test_squeeze_line_keeps_one_space_between_latin_words_only() -> None:
    assert squeeze_line("落 细 防 控") == "落细防控"
    assert squeeze_line("  New   York 中 国 ") == "New York中国"


@settings(max_examples=200)
@given(_TEXTS)
def test_pair_codes_are_the_pairs_of_neighbouring_characters(text: str) -> None:
    bmp = [(a, b) for a, b in itertools.pairwise(text) if ord(a) < 0x10000 and ord(b) < 0x10000]
    expected = {ord(a) | ord(b) << 16 for a, b in bmp}
    codes = pair_codes(text)
    assert expected <= codes
    # and no pair of two such characters that the text does not print side by side
    for a in set(text):
        for b in set(text):
            if ord(a) < 0xD800 and ord(b) < 0xD800 and (a, b) not in bmp:
                assert ord(a) | ord(b) << 16 not in codes


def _pairs_in_runs(pattern: str, text: str) -> frozenset[str]:
    """The plain way: the runs of such characters, and the neighbours inside each."""
    return frozenset(run[i : i + 2] for run in re.findall(pattern + "{2,}", text) for i in range(len(run) - 1))


@settings(max_examples=200)
@given(_TEXTS)
def test_word_pairs_and_bigrams_are_the_pairs_inside_runs(text: str) -> None:
    assert word_pairs.__wrapped__(text) == _pairs_in_runs("[\u4e00-\u9fff\u3400-\u4dbf]", text)
    assert _bigrams.__wrapped__(text) == _pairs_in_runs(WIDE_CLASS, text)


@settings(max_examples=200)
@given(_TEXTS, _TEXTS)
def test_repeated_is_the_size_of_the_common_pairs(own: str, text: str) -> None:
    """``repeated`` (each pair searched for in the text) counts the pairs two texts share, as the
    common part of both sets of pairs would (``pairs_share`` and ``echo_share`` rest on it)."""
    from core.layout.evidence import repeated

    for pairs in (word_pairs, _bigrams):
        assert repeated(pairs(own), text) == len(pairs(own) & pairs(text))


@settings(max_examples=200)
@given(st.lists(st.one_of(_CHARS, st.just("")), max_size=20), st.sampled_from([0, 16]))
def test_ideograph_codes_are_the_codes_of_the_ideographs(chars: list[str], shift: int) -> None:
    from core.layout.interleave import _ideograph_codes

    def plain(ch: str) -> int:
        return ord(ch) << shift if ch and ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf") else 0

    assert _ideograph_codes(chars, shift) == [plain(ch) for ch in chars]


@settings(max_examples=200)
@given(st.lists(_TEXTS.map(lambda s: s.replace("\n", "")), max_size=8))
def test_lines_with_finds_the_lines_a_search_line_by_line_finds(lines: list[str]) -> None:
    from core.layout.features import _GAP_ON, _line_starts, lines_with

    joined, starts = "\n".join(lines), _line_starts(lines)
    assert lines_with(_GAP_ON, joined, starts) == {k for k, s in enumerate(lines) if re.search(r"\s", s)}
    layout = {k for k, s in enumerate(lines) if any(ch in " \t\u3000\u00a0\f\v" for ch in s)}
    assert lines_with(re.compile("[ \t\u3000\u00a0\f\v][^\n]*"), joined, starts) == layout


_LINE = st.text(alphabet="一二三四五六七八九十。，", min_size=1, max_size=12)


@settings(max_examples=100)
@given(st.lists(st.lists(_LINE, min_size=1, max_size=4), min_size=1, max_size=8), st.data())
def test_text_before_and_after_are_the_ends_of_the_units_text(lines: list[list[str]], data: st.DataObject) -> None:
    from core.layout.evidence import text_after, text_before
    from core.layout.features import line_features
    from core.layout.units import Unit
    from core.lines import split_lines

    infos = iter(line_features(split_lines("\n".join(line for unit in lines for line in unit))))
    units = [Unit([next(infos) for _ in unit], 10.0) for unit in lines]
    k = data.draw(st.integers(0, len(units)))
    chars = data.draw(st.integers(1, 60))
    text = ["".join(ln.squeezed for ln in u.lines) for u in units]
    assert text_before(units, k, chars) == "".join(text[:k])[-chars:]
    assert text_after(units, k, chars) == "".join(text[k:])[:chars]


_RUN_LINE = st.text(alphabet="一二三四五六七八九十甲乙丙丁。，", min_size=1, max_size=40)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.lists(_RUN_LINE, min_size=1, max_size=4), min_size=1, max_size=8),
    st.lists(st.text(alphabet="一二三四五六七八九十甲乙丙丁，", min_size=1, max_size=12), min_size=1, max_size=3),
    st.booleans(),
)
def test_run_text_is_the_plain_reading_of_the_run(lines: list[list[str]], titles: list[str], carry_on: bool) -> None:
    """``RunText.fits`` and ``RunText.echoed`` (pairs searched for in a paragraph only among those
    the text from it on repeats; shares kept for ``echo``) give what the plain formulas give."""
    from core.layout.distribute import (
        ECHO_CHARS,
        ECHO_MIN,
        OPENING_CHARS,
        OVERLAP_WEIGHT,
        RunText,
        _bigrams,
        _start_score,
    )
    from core.layout.evidence import repeated, text_after
    from core.layout.features import line_features
    from core.layout.units import Unit
    from core.lines import split_lines

    infos = iter(line_features(split_lines("\n".join(line for unit in lines for line in unit))))
    run = [Unit([next(infos) for _ in unit], 10.0) for unit in lines]
    heads = [[Unit(line_features(split_lines(t)), 10.0)] for t in titles]
    text = RunText(run)
    places = list(range(len(run)))
    texts = ["".join(ln.squeezed for ln in u.lines) for u in run]
    for title_text, head in zip(titles, heads, strict=True):
        title = _bigrams(title_text)
        got = text.fits(title_text, places)
        for k in places:
            opening, first = "".join(texts[k:])[:OPENING_CHARS], texts[k][:OPENING_CHARS]
            shared = repeated(title, opening) + repeated(title, first)
            assert got[k] == OVERLAP_WEIGHT * shared / (2 * max(1, len(title))) + _start_score(run, k)
        pairs = word_pairs(title_text)
        echoed = bool(pairs) and any(
            repeated(pairs, text_after(run, k, ECHO_CHARS)) / len(pairs) >= ECHO_MIN
            for k in (0, *text.candidates(carry_on))
        )
        assert text.echoed(head, carry_on) == echoed


@settings(max_examples=300)
@given(st.lists(st.one_of(st.none(), st.integers(8, 60).map(lambda h: h / 2)), max_size=30))
def test_window_bests_are_the_best_widths_of_each_window(keys: list[float | None]) -> None:
    """``paragraphs._window_bests`` (counts kept up to date as lines enter and leave the window)
    gives, for every window of ``WINDOW + 1`` keys over the keys padded with ``WINDOW`` nothings
    either side, the width most of its keys reach within one em (ties: the wider)."""
    from core.layout.paragraphs import WINDOW, _window_bests

    padded = [None] * WINDOW + keys + [None] * WINDOW
    expected: list[float | None] = []
    for j in range(WINDOW, len(padded)):
        told = [k for k in padded[j - WINDOW : j + 1] if k is not None]
        expected.append(max(set(told), key=lambda w: (sum(abs(k - w) <= 1 for k in told), w)) if told else None)
    assert _window_bests(keys) == expected


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "责任编辑：王小明",
                "本版编辑：李华",
                "第４版",
                "２０２４年３月１５日 星期五",
                "正文。",
                "本报讯",
                "图片编辑：刘",
            ]
        ),
        min_size=1,
        max_size=12,
    )
)
def test_furniture_is_the_plain_reading_of_every_line(lines: list[str]) -> None:
    """``furniture`` (credit lines picked by their first character at once) finds what asking every
    line in turn finds."""
    from core.layout.features import line_features
    from core.layout.furniture import _ANYWHERE, _CREDIT_FIRST, _EDGE, EDGE_LINES, furniture
    from core.lines import split_lines

    infos = line_features(split_lines("\n".join(lines)))
    n = len(infos)
    plain = set()
    for k, info in enumerate(infos):
        at_edge = k < EDGE_LINES or k >= n - EDGE_LINES
        if not at_edge and info.text[:1] not in _CREDIT_FIRST:
            continue
        text = " ".join(info.text.split())
        if _ANYWHERE.match(text) or (at_edge and len(info.squeezed) <= 30 and _EDGE.match(text)):
            plain.add(info.number)
    assert furniture(infos) == plain


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text(alphabet="春风细雨花开满山，。", min_size=1, max_size=14), min_size=1, max_size=40),
    st.integers(1, 5),
)
def test_verse_read_in_chunks_is_the_verse_of_the_whole_page(lines: list[str], chunk: int) -> None:
    """``verse_lines`` reading its windows a few at a time (``CHUNK``) finds the verse it finds
    reading them all at once: a window's reading depends on its own lines only."""
    from unittest import mock

    from core.layout.features import line_features
    from core.layout.verse import verse_lines
    from core.lines import split_lines

    infos = line_features(split_lines("\n".join(lines)))
    with mock.patch("core.layout.verse.CHUNK", 10**9):
        whole = verse_lines(infos)
    with mock.patch("core.layout.verse.CHUNK", chunk):
        assert verse_lines(infos) == whole


def test_verse_found_across_chunks() -> None:
    from unittest import mock

    from core.layout.features import line_features
    from core.layout.verse import verse_lines
    from core.lines import split_lines

    poem = ["春风", "细雨花开", "满山红", "花开满山春风", "雨", "细雨花开满", "春风细雨花开满山", "山", "花开"]
    infos = line_features(split_lines("\n".join(["一二三四五六七八九十一二三四五六七八九十。"] * 3 + poem)))
    with mock.patch("core.layout.verse.CHUNK", 10**9):
        whole = verse_lines(infos)
    assert any(whole)
    for chunk in (1, 2, 3):
        with mock.patch("core.layout.verse.CHUNK", chunk):
            assert verse_lines(infos) == whole
