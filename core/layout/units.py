"""Paragraph-like units, whether each is body text or part of a headline group, and the stories
they are grouped into."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from core.layout.features import PHOTO_CREDIT_RE, SIGNATURE_RE, LineInfo, headline_label, opening_fragment
from core.layout.paragraphs import SHORT_BY, column_of, column_widths, is_full, paragraph_breaks
from core.layout.verse import verse_lines

BODY = "B"
HEAD = "H"
SUBHEAD = "S"


@dataclass(slots=True)
class Unit:
    """A run of lines one paragraph long (or one headline line)."""

    lines: list[LineInfo]
    width: float  # the column width around the unit
    kind: str = BODY
    verse: bool = False  # a line of a poem: a paragraph of its own
    woven: bool = False  # inside columns printed across, line by line (interleave.py)
    joined: bool = False  # its first line finishes a word the line above began (interleave.py)

    @property
    def first(self) -> LineInfo:
        return self.lines[0]

    @property
    def last(self) -> LineInfo:
        return self.lines[-1]


@dataclass(slots=True)
class Story:
    """A story as the page is assembled: its headline's units and its text's.  Mutable: the passes
    that give strays back to their stories (pieces.py, strays.py) move units between stories."""

    head: list[Unit] = field(default_factory=list)
    body: list[Unit] = field(default_factory=list)


def make_units(infos: Sequence[LineInfo]) -> list[Unit]:
    widths = column_widths(infos)
    breaks = paragraph_breaks(infos, widths)
    verse = verse_lines(infos)
    # where the extractor kept the indent of a poem's lines, a line without it is the rest of the
    # line above, wrapped by a narrow column
    indented = any(verse) and any(
        v and (info.full_indent or info.indent > 0) for v, info in zip(verse, infos, strict=True)
    )
    units: list[Unit] = []
    for i, info in enumerate(infos):
        wrapped = indented and verse[i] and bool(units) and units[-1].verse and not (info.full_indent or info.indent)
        if wrapped:
            units[-1].lines.append(info)
        elif breaks[i] or verse[i] or not units or units[-1].verse:
            units.append(Unit([info], column_of(widths[i]), verse=verse[i]))
        else:
            units[-1].lines.append(info)
    for u in units:
        u.width = _unit_width(u, widths)
    for k in range(len(units) - 1, -1, -1):  # backwards: a unit's kind may depend on the next one's
        u = units[k]
        u.kind = BODY if u.verse else _kind(u, widths, units[k + 1] if k + 1 < len(units) else None)
    _mark_subheads(units)
    if keeps_indents(units):
        units = joined(units, _unindented_goes_on)
    return units


KEPT_INDENTS = 0.6  # share of paragraphs after a closed sentence that open indented ...
KEPT_MIN = 4  # ... among at least this many, for a page to count as keeping its indents


def _indented(info: LineInfo) -> bool:
    return info.full_indent or info.indent > 0


def keeps_indents(units: Sequence[Unit]) -> bool:
    """The extractor kept paragraph indents on this page: most body units that follow a closed
    sentence open indented.  There, a body line without an indent never opens a paragraph."""
    opened = [u for k, u in enumerate(units) if k > 0 and u.kind == BODY and units[k - 1].last.ends_sentence]
    return len(opened) >= KEPT_MIN and sum(_indented(u.first) for u in opened) >= KEPT_INDENTS * len(opened)


def joined(units: Sequence[Unit], goes_on: Callable[[Unit, Unit], bool]) -> list[Unit]:
    """The units, each one that ``goes_on(above, unit)`` (``above``: the unit kept above it) says
    carries on the unit above appended to it (its lines join ``above``'s, in place)."""
    out: list[Unit] = []
    for u in units:
        if out and goes_on(out[-1], u):
            out[-1].lines.extend(u.lines)
        else:
            out.append(u)
    return out


def _unindented_goes_on(prev: Unit, u: Unit) -> bool:
    """Where the extractor keeps indents, a body unit opening with none (and with no dateline, list
    number, note or caption) goes on with the paragraph above in the same column."""
    return (
        prev.kind == BODY
        and u.kind == BODY
        and not _indented(u.first)
        and not (u.first.dateline or u.first.enum or u.first.signature or u.first.caption)
        and abs(prev.width - u.width) < 3
    )


def _unit_width(u: Unit, widths: Sequence[tuple[float, float]]) -> float:
    """The column a paragraph is set in: the middle width of its lines but the last."""
    if len(u.lines) > 1:
        ws = sorted(ln.width for ln in u.lines[:-1])
        return ws[len(ws) // 2]
    back = widths[u.first.index][0]
    return u.first.width if u.first.width >= back - 1.5 else back


def _kind(u: Unit, widths: Sequence[tuple[float, float]], nxt: Unit | None) -> str:
    first, last = u.first, u.last
    if len(u.lines) == 1:
        if first.jump_only or first.column:
            return HEAD
        if first.byline and first.width <= 18:
            return HEAD
    if first.head_note and len(u.lines) <= 2:
        return HEAD
    if first.dateline or first.enum or first.caption or (first.signature and len(u.lines) == 1) or last.jump_tail:
        return BODY
    if not headline_note(u) and any(ln.ends_sentence or ln.ends_soft or "。" in ln.squeezed for ln in u.lines):
        return BODY  # a headline carries no full stop
    if first.spaced and any(ch in first.squeezed for ch in "，、；"):
        return BODY  # justified body text (a spaced-out headline rarely has commas)
    if len(u.lines) == 1:
        inner = any(ch in first.squeezed for ch in "，、")
        if inner and not first.spaced and abs(first.width - widths[first.index][0]) <= SHORT_BY:
            return BODY  # a line of running text that fills its column, cut from its paragraph
        return HEAD
    # a few lines with no closing punctuation: a headline set over lines (a paragraph ends on a
    # closing mark, and a headline carries no full stop)
    if all(ln.spaced for ln in u.lines):
        return HEAD
    if len(u.lines) > 3 or any("。" in ln.squeezed for ln in u.lines):
        return BODY
    if SIGNATURE_RE.match("".join(ln.squeezed for ln in u.lines)):
        return BODY  # a credit or dateline in brackets, wrapped
    if nxt is None or nxt.first.dateline or nxt.first.byline:
        return HEAD
    if nxt.kind == HEAD and not nxt.first.jump_only:
        return HEAD  # part of a stack of headline lines
    if all(ln.width > nxt.width + 2.5 for ln in u.lines):
        return HEAD  # set across the columns below it
    return BODY if is_full(last, widths[last.index]) else HEAD


def headline_note(u: Unit) -> bool:
    """Two short lines with no clause mark, the second closing a bracket the first opened
    (``明日天气（８日８时`` / ``至９日８时）``): a headline with its note wrapped, not a sentence
    closed by a credit (a credit names who took or wrote it: ``…摄）``, and stands alone)."""
    if len(u.lines) != 2:
        return False
    first, last = u.first.squeezed, u.last.squeezed
    text = first + last
    if any(ch in text for ch in "，、。；：？！,;:?!") or PHOTO_CREDIT_RE.search(last):
        return False
    if u.first.indent or u.first.full_indent or sum(first.count(ch) for ch in "（()）") != 1:
        return False  # an indented paragraph, or a list of items with their notes
    opened = max(first.find("（"), first.find("("))
    return opened > 0 and last.endswith(("）", ")")) and sum(last.count(ch) for ch in "（()）") == 1


def _mark_subheads(units: list[Unit]) -> None:
    """A short headline line between two body paragraphs of the same column, inside one story (not
    one whose sentence the line below finishes: it opens on the clause's last character or two).
    A subheading may hold a comma (``稳住面积，提高单产``): a clause cut short is no sign here."""
    for k in range(1, len(units) - 1):
        u = units[k]
        if u.kind != HEAD or len(u.lines) != 1:
            continue
        line = u.first
        prev, nxt = units[k - 1], units[k + 1]
        if prev.kind != BODY or nxt.kind != BODY:
            continue
        if line.spaced or headline_label(line) or line.head_note:
            continue
        if not prev.last.ends_sentence or nxt.first.dateline or nxt.first.byline:
            continue
        after = units[k + 2] if k + 2 < len(units) else None
        if PHOTO_CREDIT_RE.search(nxt.last.squeezed) or (
            after is not None and len(after.lines) == 1 and PHOTO_CREDIT_RE.search(after.last.squeezed)
        ):
            continue  # the headline of a photo: its caption (and credit) follow
        if abs(prev.width - nxt.width) > 2.5 or line.width > 0.8 * nxt.width:
            continue
        if line.gap > nxt.first.gap + 1:
            continue
        if opening_fragment(nxt.first) and not nxt.first.enum:
            continue  # the line below finishes its sentence (``介`` / ``绍，…``): a paragraph's first line
        u.kind = SUBHEAD
