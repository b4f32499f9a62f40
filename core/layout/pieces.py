"""Pieces of one story printed inside another, found by their line spacing or column width.

A story laid out over several columns can come out with a column of it dropped into the text of
the story printed beside it.  The extractor keeps each text box's own line spacing (a blank line
between the lines of one box, none between those of another), so the piece is a stretch of lines
spaced otherwise than the host text around it, which cuts the host's sentence (the host picks it up
again after the piece) and carries on the sentence an earlier story left unfinished, spaced as that
story is.  Where both boxes are spaced alike, a column of another width tells the piece the same
way, when the host's text comes back in its own width after it.  Such a piece goes back to the
earlier story.  Boundary evidence cannot find it: nothing opens there, and no story starts or ends
where a sentence is cut.
Single lines, a poem's lines and a story's last paragraph out of place are strays.py's.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.layout.features import LineInfo
from core.layout.units import BODY, Story, Unit

PIECE_LINES = 4  # a piece is at least this many lines (a column, not a stray line)
SPACING_LINES = 3  # lines either side of a cut whose spacing is read
STORIES_BACK = 4  # how many stories before the host the piece's own story may be
WIDTH_STEP = 1.0  # two columns differ by this much at least (a character)
SAME_WIDTH = 0.25  # lines of one column are this close in width (full lines of justified text)


def spacing(lines: Sequence[LineInfo]) -> int | None:
    """The line spacing the lines share (every line's ``gap`` the same), or None when they differ."""
    gaps = {ln.gap for ln in lines}
    return gaps.pop() if len(gaps) == 1 else None


def piece_end(lines: Sequence[LineInfo], i: int, step: int) -> int:
    """Where a piece opening at ``lines[i]`` with line spacing ``step`` ends (exclusive): its lines
    keep the spacing, except a paragraph's first line set off by a blank line when the paragraph
    goes on in the piece's spacing."""
    k = i + 1
    while k < len(lines) and (lines[k].gap == step or _new_paragraph_in(lines, k, step)):
        k += 1
    return k


def _new_paragraph_in(lines: Sequence[LineInfo], k: int, step: int) -> bool:
    """``lines[k]`` opens a paragraph after a finished sentence and the paragraph goes on spaced
    ``step`` apart."""
    return lines[k - 1].ends_sentence and k + 1 < len(lines) and lines[k + 1].gap == step


def foreign_piece(lines: Sequence[LineInfo], i: int) -> tuple[int, int] | None:
    """A piece of another text box opening at ``lines[i]`` inside running text: the line above stops
    mid-sentence, the lines above share one spacing and the lines from ``i`` on share another.
    Returns (end, the piece's spacing) or None."""
    if i < SPACING_LINES or i + SPACING_LINES >= len(lines) or lines[i - 1].ends_sentence:
        return None
    first = lines[i]
    if first.dateline or first.indent or first.full_indent:
        return None  # an opening: boundary evidence weighs it
    host = spacing(lines[i - SPACING_LINES + 1 : i])
    own = spacing(lines[i + 1 : i + 1 + SPACING_LINES])
    if host is None or own is None or host == own:
        return None
    end = piece_end(lines, i, own)
    return (end, own) if end - i >= PIECE_LINES else None


def column(lines: Sequence[LineInfo]) -> float | None:
    """The width the lines share (full lines of one column), or None when they differ."""
    if not lines or max(ln.width for ln in lines) - min(ln.width for ln in lines) > SAME_WIDTH:
        return None
    return lines[0].width


def narrow_piece(lines: Sequence[LineInfo], i: int) -> tuple[int, float] | None:
    """A piece of a column of another width opening at ``lines[i]`` inside running text: the line
    above stops mid-sentence, full lines of one width above, full lines of another from ``i`` on,
    and the first width comes back after the piece (the host's text goes on).  Returns (end, the
    piece's width) or None."""
    if i < 3 or i + SPACING_LINES >= len(lines) or not _mid_paragraph(lines, i - 2, 2):
        return None
    host = column(lines[i - 2 : i])
    own = column(lines[i : i + SPACING_LINES]) if _mid_paragraph(lines, i, SPACING_LINES) else None
    if host is None or own is None or abs(host - own) < WIDTH_STEP:
        return None
    for m in range(i + PIECE_LINES, len(lines) - 1):
        if abs(lines[m].width - host) <= SAME_WIDTH and column(lines[m : m + 2]) and not lines[m].ends_sentence:
            return m, own  # the host's column again: a full line, and the line it runs on into
    return None


def _mid_paragraph(lines: Sequence[LineInfo], i: int, n: int) -> bool:
    """``lines[i : i + n]`` are lines inside a paragraph (so full, in justified text): none opens a
    paragraph (the line above each ends no sentence) and none ends one.  (Told by the sentences
    alone; their widths are ``column``'s to compare.)"""
    return i >= 1 and not any(ln.ends_sentence for ln in lines[i - 1 : i + n])


def dangling_column(story: Story) -> float | None:
    """The width of the full lines the story's text stops mid-sentence in, else None."""
    last = unfinished_lines(story)
    if last is None or len(last) < 2:
        return None
    return column(last[-2:])


def unfinished_lines(story: Story) -> list[LineInfo] | None:
    """The lines of the story's last paragraph when it stops mid-sentence, else None (a paragraph
    ended by a "continued on page N" marker goes on on that page, not here)."""
    if not story.body or story.body[-1].kind != BODY:
        return None
    last = story.body[-1].lines
    end = last[-1]
    return None if end.ends_sentence or end.jump_tail or end.jump_only else last


def dangling_spacing(story: Story) -> int | None:
    """The line spacing of the story's last lines when its text stops mid-sentence, else None."""
    last = unfinished_lines(story)
    if last is None or len(last) <= SPACING_LINES:
        return None
    return spacing(last[-SPACING_LINES:])


def return_pieces(stories: Sequence[Story]) -> None:
    """Move every piece of an earlier story printed inside a later one back to it (in place).
    Only a host after a story left unfinished is read line by line (most stories end a sentence)."""
    for hi in range(1, len(stories)):
        i = 0
        while True:
            spaced, wide = _unfinished(stories, hi)
            if not spaced and not wide:
                break
            lines = [ln for u in stories[hi].body if u.kind == BODY for ln in u.lines]
            found = _next_piece(spaced, wide, lines, i)
            if found is None:
                break
            i, end, oi = found
            _move(stories[hi], stories[oi], {id(ln) for ln in lines[i:end]})


def _unfinished(stories: Sequence[Story], hi: int) -> tuple[dict[int, int], dict[float, int]]:
    """The stories up to ``STORIES_BACK`` before ``hi`` that stop mid-sentence, nearest first, by
    the line spacing and by the column width they stop in: spacing (width) -> story index."""
    spaced: dict[int, int] = {}
    wide: dict[float, int] = {}
    for oi in range(hi - 1, max(-1, hi - 1 - STORIES_BACK), -1):
        step = dangling_spacing(stories[oi])
        if step is not None:
            spaced.setdefault(step, oi)
        width = dangling_column(stories[oi])
        if width is not None:
            wide.setdefault(width, oi)
    return spaced, wide


def _next_piece(
    spaced: dict[int, int], wide: dict[float, int], lines: Sequence[LineInfo], i: int
) -> tuple[int, int, int] | None:
    """The first piece at or after ``lines[i]`` that carries on an unfinished story, told by its
    spacing (``spaced``) or its width (``wide``): (start, end, that story's index)."""
    for k in range(max(i, 1), len(lines) - 1):
        above, first = lines[k - 1], lines[k]
        if above.ends_sentence:
            continue  # (the cheap tests first: most lines continue their text)
        step = lines[k + 1].gap
        if step in spaced and above.gap != step:
            got = foreign_piece(lines, k)
            if got is not None and got[1] in spaced:
                return k, got[0], spaced[got[1]]
        if first.width in wide and abs(above.width - first.width) >= WIDTH_STEP:
            cut = narrow_piece(lines, k)
            if cut is not None and cut[1] in wide:
                return k, cut[0], wide[cut[1]]
    return None


def _move(host: Story, owner: Story, moved: set[int]) -> None:
    """Take the lines ``moved`` (one stretch of the host's text) out of the host's paragraphs and
    append them to the owner's text, the first finishing the owner's last paragraph; the host
    paragraph the piece cut takes back the lines after the piece, which finish its sentence."""
    kept: list[Unit] = []
    taken: list[Unit] = []
    cut: Unit | None = None  # the host paragraph the piece cut, while its rest is still to come
    for u in host.body:
        for inside, part in _stretches(u.lines, moved):
            if inside:
                taken.append(Unit(part, u.width, u.kind, u.verse))
                cut = kept[-1] if kept and kept[-1].kind == BODY and not taken[1:] else cut
            elif cut is not None and taken and u.kind == BODY and not opens(part[0]):
                cut.lines.extend(part)
                cut = None
            else:
                kept.append(Unit(part, u.width, u.kind, u.verse))
                cut = None if taken else cut
    host.body[:] = kept
    if taken and owner.body and owner.body[-1].kind == BODY and not opens(taken[0].first):
        owner.body[-1].lines.extend(taken[0].lines)
        taken = taken[1:]
    owner.body.extend(taken)


def opens(line: LineInfo) -> bool:
    """The line opens a paragraph or a story: a dateline or an indent."""
    return line.dateline or line.indent > 0 or line.full_indent


def _stretches(lines: Sequence[LineInfo], moved: set[int]) -> list[tuple[bool, list[LineInfo]]]:
    """The lines cut into runs that are all moved or all kept."""
    out: list[tuple[bool, list[LineInfo]]] = []
    for ln in lines:
        inside = id(ln) in moved
        if out and out[-1][0] == inside:
            out[-1][1].append(ln)
        else:
            out.append((inside, [ln]))
    return out
