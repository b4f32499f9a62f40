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

A poem's lines can come out after the finished text of a prose story printed below it: a run of
verse ending a prose story goes back to the poem above (``return_verse``).  A single line can be
dropped the same way: a headline line read into the running text of the story
printed beside it, while its own story comes out with no headline further down (``lift_titles``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from core.layout.distribute import ECHO_CHARS, ECHO_MIN
from core.layout.evidence import text_after, word_pairs
from core.layout.features import CLOSING, SENTENCE_END, SOFT_END, LineInfo
from core.layout.units import BODY, HEAD, SUBHEAD, Unit

PIECE_LINES = 4  # a piece is at least this many lines (a column, not a stray line)
SPACING_LINES = 3  # lines either side of a cut whose spacing is read
STORIES_BACK = 4  # how many stories before the host the piece's own story may be
WIDTH_STEP = 1.0  # two columns differ by this much at least (a character)
SAME_WIDTH = 0.25  # lines of one column are this close in width (full lines of justified text)
PUNCTUATION = SENTENCE_END | SOFT_END | CLOSING | frozenset("“‘「『（(《【〔—")
VERSE_SHARE = 0.8  # a poem: this share of its text's paragraphs at least are lines of verse
DROPPED_SHORT = 2.0  # a line dropped into a column is this much narrower than its full lines, at least
# (one character less is no sign: a full line with no punctuation to squeeze holds one less), and
# a character at least with its punctuation counted half (``_set_width``)


class _Story(Protocol):
    body: list[Unit]


class _Headed(_Story, Protocol):
    head: list[Unit]


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
    if i < 3 or i + SPACING_LINES >= len(lines) or not _full(lines, i - 2, 2):
        return None
    host = column(lines[i - 2 : i])
    own = column(lines[i : i + SPACING_LINES]) if _full(lines, i, SPACING_LINES) else None
    if host is None or own is None or abs(host - own) < WIDTH_STEP:
        return None
    for m in range(i + PIECE_LINES, len(lines) - 1):
        if abs(lines[m].width - host) <= SAME_WIDTH and column(lines[m : m + 2]) and not lines[m].ends_sentence:
            return m, own  # the host's column again: a full line, and the line it runs on into
    return None


def _full(lines: Sequence[LineInfo], i: int, n: int) -> bool:
    """``lines[i : i + n]`` are full lines of running text: none opens a paragraph (the line above
    each ends no sentence) and none ends one."""
    return i >= 1 and not any(ln.ends_sentence for ln in lines[i - 1 : i + n])


def dangling_column(story: _Story) -> float | None:
    """The width of the full lines the story's text stops mid-sentence in, else None."""
    last = _unfinished_lines(story)
    if last is None or len(last) < 2:
        return None
    return column(last[-2:])


def _unfinished_lines(story: _Story) -> list[LineInfo] | None:
    """The lines of the story's last paragraph when it stops mid-sentence, else None (a paragraph
    ended by a "continued on page N" marker goes on on that page, not here)."""
    if not story.body or story.body[-1].kind != BODY:
        return None
    last = story.body[-1].lines
    end = last[-1]
    return None if end.ends_sentence or end.jump_tail or end.jump_only else last


def dangles(story: _Story, step: int) -> bool:
    """The story's text stops mid-sentence, in lines spaced ``step`` apart."""
    return dangling_spacing(story) == step


def dangling_spacing(story: _Story) -> int | None:
    """The line spacing of the story's last lines when its text stops mid-sentence, else None."""
    last = _unfinished_lines(story)
    if last is None or len(last) <= SPACING_LINES:
        return None
    return spacing(last[-SPACING_LINES:])


def return_pieces(stories: Sequence[_Story]) -> None:
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


def _unfinished(stories: Sequence[_Story], hi: int) -> tuple[dict[int, int], dict[float, int]]:
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


def _move(host: _Story, owner: _Story, moved: set[int]) -> None:
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
            elif cut is not None and taken and u.kind == BODY and not _opens(part[0]):
                cut.lines.extend(part)
                cut = None
            else:
                kept.append(Unit(part, u.width, u.kind, u.verse))
                cut = None if taken else cut
    host.body[:] = kept
    if taken and owner.body and owner.body[-1].kind == BODY and not _opens(taken[0].first):
        owner.body[-1].lines.extend(taken[0].lines)
        taken = taken[1:]
    owner.body.extend(taken)


def _opens(line: LineInfo) -> bool:
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


def dropped_line(lines: Sequence[LineInfo], k: int) -> bool:
    """``lines[k]`` is a line dropped into running text, not a line of it: the line above stops
    mid-sentence and the line below carries the sentence on (opens nothing), both full lines of one
    width, and ``lines[k]`` is shorter than both by ``DROPPED_SHORT`` at least and ends on no punctuation
    (justified text has no short line inside a paragraph, and a line cut mid-sentence is full)."""
    if k < 1 or k + 1 >= len(lines):
        return False
    above, line, below = lines[k - 1], lines[k], lines[k + 1]
    if above.ends_sentence or line.ends_sentence or line.ends_soft or line.spaced or _opens(below):
        return False
    if not line.squeezed or line.squeezed[-1] in SOFT_END:
        return False
    if abs(above.width - below.width) > SAME_WIDTH or above.width - line.width < DROPPED_SHORT:
        return False
    return min(_set_width(above), _set_width(below)) - _set_width(line) >= WIDTH_STEP


def _set_width(line: LineInfo) -> float:
    """The line's width with each punctuation mark counted as half a character: a line of justified
    text squeezes its punctuation to take in more characters, so a full line with many marks is
    wider in characters than one with none."""
    return line.width - 0.5 * sum(ch in PUNCTUATION for ch in line.squeezed)


def echo_share(line: LineInfo, text: str) -> float:
    """Share of the line's word pairs that ``text`` repeats (0 for a line of fewer than three)."""
    own = word_pairs(line.squeezed)
    return len(own & word_pairs(text)) / len(own) if len(own) >= 3 else 0.0


def lift_titles(stories: Sequence[_Headed]) -> None:
    """A story with no title (a byline at most) whose text repeats the words of a line dropped
    inside the paragraph of a story up to ``STORIES_BACK`` before it (``dropped_line``), more than
    that story's own text does: the line is its headline, read into the wrong text by the
    extractor.  It leaves the paragraph (whose sentence runs on across it) and heads the story (in
    place).  Each story's dropped lines are looked for once, and only when a story after it has no
    title."""
    dropped: dict[int, list[tuple[Unit, LineInfo]]] = {}
    for oi, orphan in enumerate(stories):
        if oi == 0 or not orphan.body or _titled(orphan.head):
            continue
        opening = text_after(orphan.body, 0, ECHO_CHARS)
        best: tuple[float, Unit, LineInfo] | None = None
        for hi in range(max(0, oi - STORIES_BACK), oi):
            if hi not in dropped:
                dropped[hi] = _dropped_lines(stories[hi].body)
            for u, line in dropped[hi]:
                there = echo_share(line, opening)
                if there < ECHO_MIN or (best is not None and there <= best[0]) or line not in u.lines:
                    continue
                if there > echo_share(line, _text_without(stories[hi].body, line)):
                    best = (there, u, line)
        if best is not None:
            _, u, line = best
            u.lines.remove(line)
            orphan.head.insert(0, Unit([line], u.width, HEAD))


def _dropped_lines(body: Sequence[Unit]) -> list[tuple[Unit, LineInfo]]:
    """The lines dropped inside the paragraphs of a story's text, with their paragraphs."""
    return [
        (u, u.lines[k])
        for u in body
        if u.kind == BODY and len(u.lines) >= 3
        for k in range(1, len(u.lines) - 1)
        if dropped_line(u.lines, k)
    ]


def _titled(head: Sequence[Unit]) -> bool:
    """The headline has a line that is not a byline, a column's name or a jump marker."""
    return any(not (ln.byline or ln.column or ln.jump_only) for u in head for ln in u.lines)


def _text_without(body: Sequence[Unit], line: LineInfo) -> str:
    """The text of the story's body without ``line``."""
    return "".join(ln.squeezed for u in body for ln in u.lines if ln is not line)


def is_poem(story: _Story) -> bool:
    """The story's text is a poem: ``VERSE_SHARE`` of its paragraphs are lines of verse, its
    last one too."""
    body = [u for u in story.body if u.kind == BODY]
    if not body or not body[-1].verse:
        return False
    return sum(u.verse for u in body) >= VERSE_SHARE * len(body)


def verse_tail(body: Sequence[Unit]) -> int | None:
    """Where a prose text ends in a run of verse (at least ``PIECE_LINES`` lines, a one-line
    subheading at its head read as a line of it), after its prose stops on a finished sentence:
    the run's first unit, else None."""
    j = len(body)
    while j > 0 and body[j - 1].kind == BODY and body[j - 1].verse:
        j -= 1
    if j > 0 and body[j - 1].kind == SUBHEAD and len(body[j - 1].lines) == 1 and j < len(body):
        j -= 1
    prose = [u for u in body[:j] if u.kind == BODY]
    if not prose or any(u.verse for u in prose) or not prose[-1].last.ends_sentence:
        return None
    return j if sum(len(u.lines) for u in body[j:]) >= PIECE_LINES else None


def return_verse(stories: Sequence[_Story]) -> None:
    """A run of verse ending a prose story goes back to the nearest poem up to ``STORIES_BACK``
    stories before it (in place): the poem's lines came out after the prose printed below it."""
    for hi in range(1, len(stories)):
        host = stories[hi]
        if not host.body or not host.body[-1].verse:
            continue  # (the cheap test first: most stories end in prose)
        j = verse_tail(host.body)
        if j is None:
            continue
        poem = next(
            (stories[oi] for oi in range(hi - 1, max(-1, hi - 1 - STORIES_BACK), -1) if is_poem(stories[oi])), None
        )
        if poem is None:
            continue
        tail = host.body[j:]
        del host.body[j:]
        poem.body.extend(Unit(u.lines, u.width, BODY, True) for u in tail)
