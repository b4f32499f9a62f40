"""Second look at headline-looking units inside body text, weighed against the text around them.

The unit classifier (units.py) calls a short line with no closing mark a headline.  In extracted
text many such lines are body text: a justified line set in spaced characters at the top of a
paragraph, a line of a poem, the tail of a story cut off by another column.  ``headline_score``
weighs what the unit looks like against what follows it (an opening, or the rest of a sentence);
units it rejects become body text and rejoin the paragraph they belong to.  Units are reviewed
from the bottom up, so a stack of lines is judged knowing whether the line below it stayed a
headline.
"""

from __future__ import annotations

from core.layout import weights as W
from core.layout.evidence import HeadlineScore, fits_column, headline_score, narrow_stack
from core.layout.features import LineInfo, carries_on, opening_fragment
from core.layout.units import BODY, HEAD, Unit, headline_note, joined

SPACED_TITLE_LINES = 3  # a spaced-out headline goes on over this many more lines at most
SUBTITLE_LINES = 3  # a ``——…`` subtitle is set over this many lines at most


def _protected(u: Unit) -> bool:
    """Lines whose pattern says what they are, whatever surrounds them."""
    first = u.first
    return bool(
        first.jump_only
        or first.column
        or first.head_note
        or first.dash_start
        or first.caption
        or u.last.head_note
        or u.verse
    )


def split_stacks(units: list[Unit]) -> list[Unit]:
    """A headline set over narrow lines and read as the start of the paragraph below it (no blank
    line, no closing mark between them) becomes a headline unit of its own."""
    out: list[Unit] = []
    for k, u in enumerate(units):
        prev = units[k - 1] if k > 0 else None
        stack = narrow_stack(u.lines) if u.kind == BODY and not u.verse else 0
        if stack and (prev is None or prev.kind != BODY or prev.last.ends_sentence):
            out.append(Unit(u.lines[:stack], u.width, HEAD))
            out.append(Unit(u.lines[stack:], u.width, BODY))
        else:
            out.append(u)
    return out


def join_spaced_titles(units: list[Unit]) -> list[Unit]:
    """A spaced-out headline over several narrow lines, its last lines read as a paragraph
    because they close a bracket (``激 动 人 心 的`` / ``时 刻 （ 附 图`` / ``片 １ 张 ）``)."""
    return joined(units, _spaced_title_goes_on)


def _spaced_title_goes_on(prev: Unit, u: Unit) -> bool:
    return (
        prev.kind == HEAD
        and (u.kind == BODY or headline_note(u))
        and len(u.lines) <= SPACED_TITLE_LINES
        and all(ln.spaced for ln in (*prev.lines, *u.lines))
        and all(abs(ln.width - prev.last.width) <= 1.5 for ln in u.lines)
    )


def promote_subtitles(units: list[Unit]) -> list[Unit]:
    """A ``——…`` unit of a few lines right under a headline is its subtitle, even with a comma in
    it (``——记花鸟画家、美术教育家…``)."""
    for k in range(1, len(units)):
        u, prev = units[k], units[k - 1]
        if (
            u.kind == BODY
            and prev.kind == HEAD
            and u.first.dash_start
            and len(u.lines) <= SUBTITLE_LINES
            and not any(ln.ends_sentence for ln in u.lines[:-1])
            and "。" not in "".join(ln.squeezed for ln in u.lines)
        ):
            u.kind = HEAD
    return units


def promote_over_datelines(units: list[Unit]) -> list[Unit]:
    """A lone plain line (no mark at all) between finished text and a dateline is the headline of
    the story the dateline opens: a paragraph's last line would close its sentence."""
    for k in range(len(units) - 1):
        u, nxt = units[k], units[k + 1]
        prev = units[k - 1] if k > 0 else None
        if (
            u.kind == BODY
            and len(u.lines) == 1
            and _plain(u.first)
            and nxt.kind == BODY
            and nxt.first.dateline
            and (
                prev is None
                or prev.kind != BODY
                or prev.verse
                or prev.last.ends_sentence
                or prev.last.width * 2 <= u.first.width
            )
        ):
            u.kind, u.verse = HEAD, False  # (a poem's window may reach over the headline below it)
    return units


def _plain(line: LineInfo) -> bool:
    s = line.squeezed
    return (
        len(s) >= 4 and not (line.ends_sentence or line.ends_soft) and not any(ch in s for ch in "，。；：、？！（）")
    )


def review_headlines(units: list[Unit]) -> list[Unit]:
    """The units with rejected headlines turned into body text and joined to their paragraphs."""
    units = promote_over_datelines(promote_subtitles(join_spaced_titles(split_stacks(units))))
    rejected: set[int] = set()
    for k in range(len(units) - 1, -1, -1):
        u = units[k]
        if u.kind != HEAD or _protected(u):
            continue
        nxt = units[k + 1] if k + 1 < len(units) else None
        if u.first.spaced and nxt is not None and id(nxt) in rejected and nxt.first.spaced:
            continue  # display type above a spaced line just rejected: no column to measure it by
        got = headline_score(units, k)
        if got is not None and got.score < 0:
            u.kind = BODY
            rejected.add(id(u))
            _widen_paragraph(u, got)
    # a line below a rejected one that goes on with its unfinished sentence is body text too
    for k in range(1, len(units)):
        u, prev = units[k], units[k - 1]
        if u.kind == HEAD and not _protected(u) and id(prev) in rejected and not prev.last.ends_sentence:
            got = headline_score(units, k, W.HEAD_PREV_CARRIES_ON)
            if got is not None and got.score - W.HEAD_PREV_CARRIES_ON < 0:
                u.kind = BODY
                rejected.add(id(u))
    return _rejoin(units, rejected) if rejected else units


def _widen_paragraph(u: Unit, got: HeadlineScore) -> None:
    """A rejected unit set like a paragraph of the column beside it (``paragraph_shape``, as its
    score measured it) is as wide as that column: its own lines, the first short by an indent,
    would make it narrower, and a headline above it is measured against the column (its first
    line then opens a paragraph)."""
    if got.paragraph:
        u.width = max(u.width, got.col)


def _rejoin(units: list[Unit], rejected: set[int]) -> list[Unit]:
    """A rejected headline rejoins the paragraph above when it fills the column (a justified line
    in the middle of a paragraph) and takes the text below that carries on its sentence."""
    out: list[Unit] = []
    for u in units:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == BODY and u.kind == BODY and abs(prev.width - u.width) <= 1.5:
            if id(prev) in rejected and not prev.last.ends_sentence and carries_on(u.first, u.width):
                prev.lines.extend(u.lines)
                continue
            indented = u.first.full_indent or u.first.indent > 0
            if (
                id(u) in rejected
                and not indented
                and (
                    opening_fragment(u.first)
                    or (not prev.last.ends_sentence and carries_on(u.first, prev.width))
                    or (not u.first.spaced and u.first.width >= prev.width - 1.0)
                    or (u.first.spaced and fits_column(u.first, prev.width) and u.first.width >= prev.width - 1.0)
                )
            ):
                prev.lines.extend(u.lines)
                rejected.add(id(prev))
                continue
        out.append(u)
    return out
