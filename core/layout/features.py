"""What one extracted line looks like: width in ems, spacing, punctuation, known patterns."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from typing import NamedTuple

from core.dateline import could_open, could_open_lines, find_dateline
from core.model import Line
from core.textmap import is_wide

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
_WIDE_RUN = re.compile(WIDE_CLASS + "{2,}")


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


_CLOSING_CHARS = "".join(sorted(CLOSING))


def _last_meaningful(s: str) -> str:
    """The last character before any closing marks (after any trailing spaces)."""
    return s.rstrip(_SPACES).rstrip(_CLOSING_CHARS)[-1:]


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


_SPACE_ON = re.compile("[ \t\u3000\u00a0\f\v][^\n]*")  # a layout space, up to the end of its line
_SPACE_RUN = re.compile("[ \t\u3000\u00a0\f\v]+")  # the layout spaces of ``textmap.squeeze_spaces``


def _gap_kept(m: re.Match[str]) -> str:
    """A run of layout spaces between two narrow characters stays as one space (``Latin words``);
    any other (at either end, or beside a wide character) goes."""
    s, a, b = m.string, m.start(), m.end()
    return " " if a > 0 and b < len(s) and not is_wide(s[a - 1]) and not is_wide(s[b]) else ""


def squeeze_line(line: str) -> str:
    """``textmap.squeeze_spaces(line)``, one substitution per run of spaces instead of a step per
    character (the same characters are kept: a run is kept as one space when the characters either
    side of it are narrow, and those are what ``squeeze_spaces`` last kept and sees next)."""
    return _SPACE_RUN.sub(_gap_kept, line)


def _line_starts(lines: Sequence[str]) -> list[int]:
    """Where each line starts in ``"\\n".join(lines)``."""
    return list(itertools.accumulate(map((1).__add__, map(len, lines)), initial=0))  # (+1: the newline)


def lines_with(pattern: re.Pattern[str], joined: str, starts: Sequence[int]) -> set[int]:
    """Indices of the lines of ``joined`` (starting at ``starts``) where ``pattern`` finds something,
    in one pass over the page.  A pattern that goes on to the end of its line (``…[^\\n]*``)
    finds each line once."""
    return {bisect.bisect_right(starts, m.start()) - 1 for m in pattern.finditer(joined)}


def _squeezed(stripped: list[str], spaced: set[int]) -> list[str]:
    """``squeeze_line`` of every line, called only on the lines that hold a space (``spaced``)."""
    out = list(stripped)
    for k in spaced:
        out[k] = squeeze_line(stripped[k])
    return out


_GAP_ON = re.compile("[^\\S\n][^\n]*")  # a space of any kind (what ``str.split`` splits at), to the line end
_BYLINE_WORDS_ON = re.compile(f"(?:{_BYLINE_WORDS.pattern})[^\n]*")


def line_features(lines: Sequence[Line]) -> list[LineInfo]:
    """Features of every non-blank line.  Each regular expression runs only on lines that pass a
    cheap test for what it needs (a ``版`` for jump markers, a closing bracket for notes...): most
    body lines pass none, and the features are the parser's cost per line."""
    out: list[LineInfo] = []
    prev_number = 0
    kept = [ln for ln in lines if ln.text.strip()]  # (``not ln.is_blank``, with no call per line)
    texts = [ln.text.replace("\f", " ") for ln in kept]
    stripped = [t.strip() for t in texts]
    # what only some lines hold, found in one pass over the page each (lines hold no newline)
    joined_stripped, stripped_starts = "\n".join(stripped), _line_starts(stripped)
    gapped = lines_with(_GAP_ON, joined_stripped, stripped_starts)
    # (the stripped line itself where it holds no space: one string)
    squeezed_all = _squeezed(stripped, lines_with(_SPACE_ON, joined_stripped, stripped_starts))
    joined = "\n".join(squeezed_all)
    narrow_all = _WIDE_RE.sub("", joined).split("\n")  # the narrow characters of every line
    squeezed_starts = _line_starts(squeezed_all)
    may_open = could_open_lines(joined, squeezed_starts)
    reporters = lines_with(_BYLINE_WORDS_ON, joined, squeezed_starts)
    for k, ln in enumerate(kept):
        raw = texts[k]
        text = stripped[k]
        squeezed = squeezed_all[k]
        lead = len(raw) - len(raw.lstrip(_LEAD_SPACES))
        last = squeezed.rstrip(_CLOSING_CHARS)[-1:]  # (the line is stripped: no space to strip first)
        spaced = k in gapped and is_spaced(text)
        narrow = narrow_all[k]
        # ``_width(squeezed, narrow)``: a squeezed line holds no space but " " (between Latin words)
        w = (len(squeezed) - len(narrow)) + 0.5 * (len(narrow) - narrow.count(" ")) if narrow else float(len(squeezed))
        first = squeezed[:1]
        bracketed = squeezed.endswith(("）", ")"))
        opens_bracket = first in ("（", "(")
        has_edition = "版" in squeezed
        head_note = bracketed and bool(HEAD_NOTE_RE.search(squeezed))
        # positionally, in the order of the fields (``new_info``)
        out.append(
            new_info(
                LineInfo,
                (
                    ln.number,
                    k,  # index
                    text,
                    squeezed,
                    w,  # width
                    spaced,
                    lead,  # indent
                    raw.startswith("\u3000"),  # full_indent
                    ln.number - prev_number if prev_number else 0,  # gap
                    # ends_sentence
                    last in SENTENCE_END
                    or squeezed.endswith(("。”", "！”", "？”", "……"))
                    or (
                        bracketed
                        and (
                            bool(SENTENCE_THEN_NOTE_RE.search(squeezed))
                            or (bool(CREDIT_RE.search(squeezed)) and not head_note)
                            or _closes_note(squeezed)
                        )
                    ),
                    last in SOFT_END,  # ends_soft
                    # dateline
                    k in may_open and _dateline_starts(squeezed, squeezed_all[k + 1] if k + 1 < len(kept) else ""),
                    has_edition and w <= 12 and bool(JUMP_ONLY_RE.match(squeezed)),  # jump_only
                    has_edition and bracketed and bool(JUMP_TAIL_RE.search(squeezed)),  # jump_tail
                    first in _COLUMN_MARKS and bool(COLUMN_RE.match(squeezed)),  # column
                    # byline
                    # (first a cheap test: it names a reporter's job or ends on a credit word)
                    (squeezed[-1:] in _BYLINE_LAST or k in reporters)
                    and bool(BYLINE_RE.match(" ".join(text.split())) or BYLINE_RE.match(squeezed)),
                    opens_bracket and bracketed and bool(CAPTION_RE.match(squeezed)),  # caption
                    first in _ENUM_FIRST and bool(ENUM_RE.match(squeezed)),  # enum
                    opens_bracket and bracketed and bool(SIGNATURE_RE.match(squeezed)),  # signature
                    head_note,
                    squeezed.startswith(("——", "—", "--", "－－")),  # dash_start
                ),
            )
        )
        prev_number = ln.number
    return out
