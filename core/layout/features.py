"""What one extracted line looks like: width in ems, spacing, punctuation, known patterns."""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from core.dateline import could_open, could_open_lines, find_dateline
from core.model import Line
from core.paths import RESOURCES

SENTENCE_END = frozenset("。！？!?；;…")
CLOSING = frozenset("”’」』）)》】〕\"'")
SOFT_END = frozenset("，、,：:")
_SPACES = " \t\u3000\u00a0"

JUMP_ONLY_RE = re.compile(
    r"^[（(]?\s*(?:[上下][接转]|转|续|见|接)?\s*(?:第?\s*[0-9０-９一二三四五六七八九十]+\s*版)"
    r"(?:[^）)\n]{0,8})?\s*[）)]?$"
)
JUMP_TAIL_RE = re.compile(
    r"[（(]\s*(?:[上下][接转]|转|续|见)\s*第?\s*[0-9０-９一二三四五六七八九十]+\s*版[^）)]{0,6}[）)]$"
)
COLUMN_RE = re.compile(r"^[●◆■▲★☆◎○□◇【\[〖].{1,20}[●◆■▲★☆◎○□◇】\]〗]?$")
BYLINE_RE = re.compile(
    r"^(?:(?:本报|新华社|中新社|人民日报)?(?:特派|驻[\u4e00-\u9fff]{1,8})?(?:记者|通讯员|特约记者|评论员|实习生)"
    r"[ \u3000]*[\u4e00-\u9fff·]{2,4}(?:[ \u3000、，]+[\u4e00-\u9fff·]{2,4}){0,4}"
    r"|[\u4e00-\u9fff·]{2,4}(?:[ \u3000、]+[\u4e00-\u9fff·]{2,4}){0,3}[ \u3000]*(?:文|摄|撰文|文/图|文并摄|报道))$"
)
CAPTION_RE = re.compile(r"^[（(].{0,30}(?:摄|供图|制图|图)[）)]$")
SENTENCE_THEN_NOTE_RE = re.compile(r"[。！？…][”’」』]?\s*[（(][^（）()]{1,30}[）)]$")
ENUM_RE = re.compile(
    r"^(?:[0-9０-９]{1,2}[、.．]|[一二三四五六七八九十]{1,3}[、是]|[（(][一二三四五六七八九十0-9０-９]{1,3}[）)])"
)
SIGNATURE_RE = re.compile(r"^[（(][^（）()]{2,30}[）)]$")
PHOTO_CREDIT_RE = re.compile(r"(?:摄|供图|摄影)[）)]$")
CREDIT_RE = re.compile(r"[（(][\u4e00-\u9fff、·\s]{2,12}[）)]$")
HEAD_NOTE_RE = re.compile(
    r"[（(](?:附?图片[^）)]{0,6}|外[一二三四五六七八九十两]首|[一二三四五六七八九十两]首|摘要|节选|上|下|续)[）)]$"
)


# what ``textmap.is_wide`` counts as wide, plus curly quotes, as one character class
WIDE_CLASS = (
    "[\u4e00-\u9fff\u3400-\u4dbf\u3001-\u303f\uff00-\uffef\u2e80-\u2fdf"
    "\U00020000-\U0002ffff\u2014\u2026\u2018\u2019\u201c\u201d\u00b7\u2022\u25cf]"
)
_WIDE_RE = re.compile(WIDE_CLASS + "+")  # runs: one replacement per run, not per character


FRAGMENT = 2  # a clause this short opening a line is the tail of a sentence cut at the line end
CLAUSE_END = frozenset("，、。；：？！,;:?!")


def opening_fragment(line: LineInfo) -> bool:
    """The line opens with a clause of a character or two (``善。对外…``, ``席，观众…``): the end of
    a sentence cut at the line above, never the start of a paragraph or a story."""
    s = line.squeezed
    for i, ch in enumerate(s[: FRAGMENT + 1]):
        if ch in CLAUSE_END:
            return i > 0
    return False


def cut_after_clause(line: LineInfo) -> bool:
    """A comma inside the line, and the line ends on no mark at all."""
    s = line.squeezed
    return not (line.ends_sentence or line.ends_soft) and any(ch in s[1:-1] for ch in "，、")


def carries_on(line: LineInfo, col: float) -> bool:
    """The line goes on with a sentence from above: a short tail clause, or full width with no
    sign of an opening."""
    if opening_fragment(line):
        return True
    if line.dateline or line.indent or line.full_indent or line.jump_only or line.column:
        return False
    return line.width >= col - 1.0


def headline_label(line: LineInfo) -> bool:
    """A byline, a column's name or a jump marker: a line set with a headline that is no title
    (its words are not the headline's, and a headline of such lines alone heads no story)."""
    return line.byline or line.column or line.jump_only


NAME_LEN = 3  # the length of most Chinese names: a one-character surname and a two-character given name


@functools.cache
def surnames() -> frozenset[str]:
    """The one-character surnames of the gazetteer (read only; the list is general knowledge)."""
    text = (RESOURCES / "gazetteer" / "surnames.txt").read_text(encoding="utf-8")
    return frozenset(w for row in text.splitlines() if not row.startswith("#") for w in row.split() if len(w) == 1)


def chinese(s: str) -> bool:
    """Every character of ``s`` is a Chinese character (of the CJK Unified Ideographs block)."""
    return all("\u4e00" <= ch <= "\u9fff" for ch in s)


def names_run(s: str) -> bool:
    """The text is two or more three-character names run together with nothing between them
    (``赖林嵩周美林范双民``): the authors' credit of a story set on one line, not a title.  Every
    third character is a surname and every character is a Chinese character."""
    n = len(s)
    if n < 2 * NAME_LEN or n % NAME_LEN or not chinese(s):
        return False
    heads = surnames()
    return all(s[i] in heads for i in range(0, n, NAME_LEN))


def one_name(s: str) -> bool:
    """Two to four Chinese characters and nothing else: the length of a name (``李华``, ``欧阳文华``)."""
    return 2 <= len(s) <= 4 and chinese(s)


def credits_only(lines: Sequence[LineInfo], last: bool) -> bool:
    """Lines that name a story's authors and nothing else: one of them several names run together
    (``names_run``), the others names too, or, at the end of a headline (``last``), names alone.  A
    headline part made of them is no headline."""
    texts = [ln.squeezed for ln in lines if not ln.spaced]
    if len(texts) != len(lines) or not all(names_run(t) or one_name(t) for t in texts):
        return False
    return last or any(map(names_run, texts))


def width(s: str) -> float:
    """Printed width in ems: CJK, full-width forms and curly quotes 1, ASCII and other narrow
    characters ½, spaces nothing."""
    return _width(s, _WIDE_RE.sub("", s))


def _width(s: str, narrow: str) -> float:
    """``width(s)`` given ``narrow``, the characters of ``s`` that are not wide."""
    if not narrow:
        return float(len(s))
    spaces = sum(narrow.count(sp) for sp in _SPACES)
    return (len(s) - len(narrow)) + 0.5 * (len(narrow) - spaces)


_SPACED_GAP = re.compile(WIDE_CLASS + r"\s+(?=" + WIDE_CLASS + ")")  # a gap of spaces between wide characters
_WIDE_PAIR = re.compile("(?=" + WIDE_CLASS + "{2})")  # two wide characters side by side (overlapping)


def is_spaced(s: str) -> bool:
    """Characters set apart by spaces (``落 细 防 控``): most gaps between wide characters are spaces."""
    if len(s.split(maxsplit=1)) < 2:
        return False
    # (regex passes over the whole line rather than a test per token: ``\s`` is what ``str.split``
    # splits at, and no wide character is a space)
    spaced = len(_SPACED_GAP.findall(s))
    gaps = spaced + len(_WIDE_PAIR.findall(s))
    return (gaps >= 3 and spaced >= 0.7 * gaps) or (gaps == 2 and spaced == 2)  # ``烂 漫 时``


class LineInfo(NamedTuple):
    """Features of one non-blank line.  ``gap`` is the number of newlines since the previous
    non-blank line (1: directly below it, 2: one blank line between...).  A named tuple rather
    than a frozen dataclass: as immutable, and built several times faster (one per line of every
    page parsed)."""

    number: int
    index: int  # type: ignore[assignment]  # position among non-blank lines (shadows tuple.index)
    text: str  # stripped
    squeezed: str
    width: float
    spaced: bool
    indent: int  # leading layout spaces
    full_indent: bool  # starts with an ideographic (full-width) space
    gap: int
    ends_sentence: bool
    ends_soft: bool
    dateline: bool
    jump_only: bool
    jump_tail: bool
    column: bool
    byline: bool
    caption: bool
    enum: bool
    signature: bool  # the whole line is a parenthesised note: reporters' names, a credit
    head_note: bool  # ends with a note that only headlines carry: （图片）, （附图片３张）, （外一首）
    dash_start: bool


# ``LineInfo`` built from a tuple of its fields in order: ``tuple.__new__`` itself, what
# ``LineInfo._make`` calls after a Python-level frame of its own (one per line of every page parsed:
# several times faster than keywords, and a third faster than ``_make``)
new_info = tuple.__new__


def _closes_note(s: str) -> bool:
    """The line closes a bracketed note opened on the line above (``（新华社记者刘`` / ``宇摄）``)."""
    return s.endswith(("）", ")")) and "（" not in s and "(" not in s and len(s) <= 12


CHUNK = 4096  # lines whose features are read together (``line_features``)
_CLOSING_CHARS = "".join(sorted(CLOSING))


def _dateline_starts(squeezed: str, following: str) -> bool:
    """A dateline opens the line, possibly wrapped onto the next one (``本报苏州１月１`` / ``日电``)."""
    if not could_open(squeezed):
        return False
    if find_dateline(squeezed) is not None:
        return True
    if not following:
        return False
    found = find_dateline(squeezed + following)
    return found is not None and found.end > len(squeezed)


_LEAD_SPACES = _SPACES + "\f"
_COLUMN_MARKS = "●◆■▲★☆◎○□◇【〖["
_ENUM_FIRST = frozenset("0123456789０１２３４５６７８９一二三四五六七八九十（(")
_BYLINE_WORDS = re.compile("记者|通讯员|评论员|实习生")
_BYLINE_LAST = frozenset("文摄图道")


_LAYOUT = " \t\u3000\u00a0\f\v"  # the layout spaces of ``textmap.squeeze_spaces``
_NARROW = "[^" + WIDE_CLASS[1:-1] + _LAYOUT + "]"  # neither ``is_wide`` nor a layout space
# a run of layout spaces between two narrow characters (``Latin words``): kept, as one space
_KEPT_GAP = re.compile(f"[{_LAYOUT}](?<={_NARROW}[{_LAYOUT}])[{_LAYOUT}]*(?={_NARROW})")
# any other run (at either end, or beside a wide character): once the kept runs are one space
# each, the runs that do not sit between two narrow characters (each pattern opens on a space,
# the lookbehind after it, so that the search skips ahead to the next space)
_LOST_GAP = re.compile(f"[{_LAYOUT}](?:(?<!{_NARROW}[{_LAYOUT}])[{_LAYOUT}]*|[{_LAYOUT}]*(?!{_NARROW}))")


def squeeze_line(line: str) -> str:
    """``textmap.squeeze_spaces(line)``, in two substitutions over the line instead of a step per
    character: a run of spaces is kept as one space when the characters either side of it are
    narrow (those are what ``squeeze_spaces`` last kept and sees next), and goes otherwise.  Lines
    joined by newlines are squeezed at once when none starts or ends with a space (a newline is
    narrow, but no run of spaces then touches one)."""
    return _LOST_GAP.sub("", _KEPT_GAP.sub(" ", line))


def _line_starts(lines: Sequence[str]) -> list[int]:
    """Where each line starts in ``"\\n".join(lines)``."""
    return list(itertools.accumulate(map((1).__add__, map(len, lines)), initial=0))  # (+1: the newline)


def lines_with(pattern: re.Pattern[str], joined: str, starts: Sequence[int]) -> set[int]:
    """Indices of the lines of ``joined`` (starting at ``starts``) where ``pattern`` finds something,
    in one pass over the page.  A pattern that goes on to the end of its line (``…[^\\n]*``)
    finds each line once."""
    return {bisect.bisect_right(starts, m.start()) - 1 for m in pattern.finditer(joined)}


_GAP_ON = re.compile("[^\\S\n][^\n]*")  # a space of any kind (what ``str.split`` splits at), to the line end
_BYLINE_WORDS_ON = re.compile(f"(?:{_BYLINE_WORDS.pattern})[^\n]*")


_BRACKET_CLOSERS = ("）", ")")
_QUOTED_ENDS = ("。”", "！”", "？”", "……")
_DASHES = ("——", "—", "--", "－－")
_OPENERS = ("（", "(")


def _squeezed(stripped: list[str], gapped: Sequence[int]) -> list[str]:
    """``squeeze_line`` of every stripped line: the lines with a space in them (``gapped``, in
    order) squeezed at once, joined by newlines (they are stripped: no run of spaces touches a
    newline); every other line is its own squeezed form, the same string rather than a copy."""
    out = list(stripped)
    if gapped:
        squeezed = squeeze_line("\n".join([stripped[k] for k in gapped])).split("\n")
        for k, s in zip(gapped, squeezed, strict=True):
            out[k] = s
    return out


def _where(flags: Iterable[object]) -> list[int]:
    """Indices of the true ``flags`` (taken in C: no Python step per line)."""
    return list(itertools.compress(itertools.count(), flags))


def _gaps(numbers: Sequence[int], before: int) -> list[int]:
    """``LineInfo.gap`` of each line: newlines since the previous non-blank line (``before``, the
    number of the one above the first; 0 for the first of the page, whose gap is 0)."""
    return [numbers[0] - before if before else 0, *(b - a if a else 0 for a, b in itertools.pairwise(numbers))]


def _widths(squeezed_all: Sequence[str], narrow_all: Sequence[str]) -> list[float]:
    """``_width(squeezed, narrow)`` of every line: a squeezed line holds no space but " " (between
    Latin words)."""
    return [
        (len(s) - len(narrow)) + 0.5 * (len(narrow) - narrow.count(" ")) if narrow else float(len(s))
        for s, narrow in zip(squeezed_all, narrow_all, strict=True)
    ]


def _ends_sentence(squeezed: str, head_note: bool) -> bool:
    """A line ending on a closing bracket closes a sentence with a note, a credit or a note the
    line above opened (asked only of such lines, when their last mark did not say so already)."""
    return (
        bool(SENTENCE_THEN_NOTE_RE.search(squeezed))
        or (bool(CREDIT_RE.search(squeezed)) and not head_note)
        or _closes_note(squeezed)
    )


def _is_byline(text: str, squeezed: str) -> bool:
    return bool(BYLINE_RE.match(" ".join(text.split())) or BYLINE_RE.match(squeezed))


def line_features(lines: Sequence[Line]) -> list[LineInfo]:
    """Features of every non-blank line, a feature at a time over all lines (the ``LineInfo``s are
    zipped together at the end).  What every line needs is taken by ``map`` over the lines, in C;
    what only some lines can have starts ``False`` and is asked only of the lines that pass a cheap
    test for what it needs (a ``版`` for jump markers, a closing bracket for notes...): most body
    lines pass none, and the features are the parser's cost per line.

    The lines are read ``CHUNK`` at a time (no feature looks further than the line below): the
    twenty-odd lists of one feature each then stay small enough for the processor's cache however
    long the page, and are dropped before the next chunk's are made, where lists over a whole page
    of a million characters would pass through memory a feature at a time and take tens of
    megabytes more."""
    kept = [ln for ln in lines if ln.text.strip()]  # (``not ln.is_blank``, with no call per line)
    out: list[LineInfo] = []
    for lo in range(0, len(kept), CHUNK):
        out += _chunk_features(kept, lo, min(lo + CHUNK, len(kept)))
    return out


def _squeezed_line(line: Line) -> str:
    """A line's ``LineInfo.squeezed``."""
    return squeeze_line(line.text.replace("\f", " ").strip())


def _chunk_features(all_kept: Sequence[Line], lo: int, hi: int) -> list[LineInfo]:
    """``line_features`` of the non-blank lines ``all_kept[lo:hi]`` (their neighbours outside it
    read where a feature needs them: the line above for the gap, the line below for a dateline)."""
    kept = all_kept[lo:hi]
    n = len(kept)
    texts = [ln.text.replace("\f", " ") for ln in kept]
    stripped = [t.strip() for t in texts]
    # what only some lines hold, found in one pass over the chunk each (lines hold no newline)
    joined_stripped, stripped_starts = "\n".join(stripped), _line_starts(stripped)
    gapped = sorted(lines_with(_GAP_ON, joined_stripped, stripped_starts))
    squeezed_all = _squeezed(stripped, gapped)
    joined = "\n".join(squeezed_all)
    narrow_all = _WIDE_RE.sub("", joined).split("\n")  # the narrow characters of every line
    squeezed_starts = _line_starts(squeezed_all)
    widths = _widths(squeezed_all, narrow_all)
    numbers = [ln.number for ln in kept]
    # the last character before any closing marks (the line is stripped: no space to strip first)
    lasts = [s.rstrip(_CLOSING_CHARS)[-1:] for s in squeezed_all]
    firsts = [s[:1] for s in squeezed_all]
    bracketed = _where(map(str.endswith, squeezed_all, itertools.repeat(_BRACKET_CLOSERS)))

    spaced = [False] * n
    for k in gapped:
        spaced[k] = is_spaced(stripped[k])
    head_note = [False] * n
    for k in bracketed:
        head_note[k] = bool(HEAD_NOTE_RE.search(squeezed_all[k]))
    ends_sentence = list(
        map(
            operator.or_,
            map(SENTENCE_END.__contains__, lasts),
            map(str.endswith, squeezed_all, itertools.repeat(_QUOTED_ENDS)),
        )
    )
    for k in bracketed:
        if not ends_sentence[k]:
            ends_sentence[k] = _ends_sentence(squeezed_all[k], head_note[k])
    dateline = [False] * n
    for k in could_open_lines(joined, squeezed_starts):
        following = squeezed_all[k + 1] if k + 1 < n else _squeezed_line(all_kept[hi]) if hi < len(all_kept) else ""
        dateline[k] = _dateline_starts(squeezed_all[k], following)
    jump_only, jump_tail = [False] * n, [False] * n
    bracketed_set = set(bracketed)
    for k in _where(map(str.__contains__, squeezed_all, itertools.repeat("版"))):
        jump_only[k] = widths[k] <= 12 and bool(JUMP_ONLY_RE.match(squeezed_all[k]))
        jump_tail[k] = k in bracketed_set and bool(JUMP_TAIL_RE.search(squeezed_all[k]))
    column = [False] * n
    for k in _where(map(_COLUMN_MARKS.__contains__, firsts)):
        column[k] = bool(COLUMN_RE.match(squeezed_all[k]))
    byline = [False] * n
    # (first a cheap test: it names a reporter's job or ends on a credit word)
    ends_credit = _where(map(_BYLINE_LAST.__contains__, (s[-1:] for s in squeezed_all)))
    for k in lines_with(_BYLINE_WORDS_ON, joined, squeezed_starts).union(ends_credit):
        byline[k] = _is_byline(stripped[k], squeezed_all[k])
    caption, signature = [False] * n, [False] * n
    for k in bracketed:
        if firsts[k] in _OPENERS:
            caption[k] = bool(CAPTION_RE.match(squeezed_all[k]))
            signature[k] = bool(SIGNATURE_RE.match(squeezed_all[k]))
    enum = [False] * n
    for k in _where(map(_ENUM_FIRST.__contains__, firsts)):
        enum[k] = bool(ENUM_RE.match(squeezed_all[k]))
    # in the order of the fields (``new_info``)
    fields = zip(
        numbers,
        range(lo, hi),  # index
        stripped,  # text
        squeezed_all,
        widths,
        spaced,
        list(map(operator.sub, map(len, texts), map(len, map(str.lstrip, texts, itertools.repeat(_LEAD_SPACES))))),
        list(map(str.startswith, texts, itertools.repeat("\u3000"))),  # full_indent
        _gaps(numbers, all_kept[lo - 1].number if lo else 0),
        ends_sentence,
        list(map(SOFT_END.__contains__, lasts)),  # ends_soft
        dateline,
        jump_only,
        jump_tail,
        column,
        byline,
        caption,
        enum,
        signature,
        head_note,
        list(map(str.startswith, squeezed_all, itertools.repeat(_DASHES))),  # dash_start
        strict=True,
    )
    return list(map(new_info, itertools.repeat(LineInfo), fields))
