"""Evidence for the parser's scored decisions, one named function per observation.

Each function looks at a few lines or units and returns a number in about [-1, 1] (most return 0 or
1): how strongly the page shows one thing.  ``headline_score`` and ``boundary_score`` weigh them
with the weights of ``weights.py``; nothing here decides on its own.  Every function reads a bounded
neighbourhood, so scoring every unit of a page stays linear in its length.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Sequence
from typing import NamedTuple

from core.layout import weights as W
from core.layout.features import LineInfo, carries_on, cut_after_clause, opening_fragment
from core.layout.units import BODY, HEAD, Unit
from core.textmap import is_wide

FIT_BELOW = 3.0  # a body line is at most this much narrower than its column (a first line's lost indent)
FIT_ABOVE = 1.0  # ... and at most this much wider (hanging punctuation)
OPEN_SHORT = 1.25  # a first line this much narrower than its column at least lost an indent
ECHO_BELOW_CHARS = 200  # how far below a headline its words are looked for (``echo_below``)
ECHO_PAIRS = 3  # a text with fewer word pairs (or character pairs) is too short for their echo to tell anything
PAIRS_CACHE = 4096  # texts whose word pairs are kept (headlines, openings: a page's worth)
TOPIC_CHARS = 300  # how much text either side of a boundary is compared
TOPIC_SAME = 0.10  # share of common character pairs above which two texts are on one subject
TOPIC_OTHER = 0.02  # ... and below which they are on two
STACK_STEP = 3.0  # a headline stack is narrower than the text below it by this much at least
INDENT_UNITS = 3  # units either side whose paragraph indent a unit is compared with
VERSE_WIDTH = 8.0  # lines of a poem in a narrow column are at most this wide
_WORD_PAIR = re.compile("(?=([\u4e00-\u9fff\u3400-\u4dbf]{2}))")  # every pair of ideographs, overlapping
_NOT_WORDS = frozenset("，、。；：？！“”‘’（）《》「」『』…—·,.;:?!()\"' \u3000")


# --- single observations ----------------------------------------------------------------------


def fits_column(line: LineInfo, col: float) -> bool:
    """The line is as wide as a body line of the column: full, or short by a lost indent."""
    return col - FIT_BELOW <= line.width <= col + FIT_ABOVE


def spaced_display(lines: Sequence[LineInfo], col: float) -> float:
    """Spaced-out characters that do not fill the column: display type, not justified text."""
    if not lines or not all(ln.spaced for ln in lines):
        return 0.0
    return 0.0 if all(fits_column(ln, col) for ln in lines) else 1.0


def off_column(lines: Sequence[LineInfo], col: float) -> float:
    """Set wider than the column, or far narrower than any line of running text in it."""
    if all(ln.width > col + 2.5 for ln in lines):
        return 1.0
    if all(ln.width < col - FIT_BELOW - 1.0 for ln in lines):
        return 1.0
    return 0.0


def in_column(lines: Sequence[LineInfo], col: float) -> float:
    """Every line as wide as the column's running text."""
    return 1.0 if lines and all(fits_column(ln, col) for ln in lines) else 0.0


def opens_paragraph(line: LineInfo, col: float) -> bool:
    """The line opens a paragraph or a story: a dateline, an indent, or short by a lost indent."""
    if line.dateline or line.indent or line.full_indent or line.byline or line.enum:
        return True
    if opening_fragment(line):
        return False
    return col - 3.5 <= line.width <= col - 1.25


def name_line(u: Unit) -> bool:
    """A lone line of two to four characters with no mark at all: an author's name set above a
    story (``周德武``), as features and commentaries print it."""
    if len(u.lines) != 1:
        return False
    s = u.first.squeezed
    return 2 <= len(s) <= 4 and all(is_wide(ch) and ch not in _NOT_WORDS for ch in s)


def paragraph_shape(lines: Sequence[LineInfo], col: float) -> float:
    """Set like a paragraph of the column: the first line opens it (an indent, or short by the
    indent it lost: ``OPEN_SHORT`` to ``FIT_BELOW`` less than the column) and a later line fills the
    column, so the text wrapped because the column was full.  A headline is broken where its
    phrases end and centred or set apart; it is not indented and then justified to the column."""
    if len(lines) < 2 or any(ln.spaced for ln in lines):
        return 0.0
    first = lines[0]
    opens = first.indent > 0 or first.full_indent or col - FIT_BELOW <= first.width <= col - OPEN_SHORT
    wrapped = any(ln.width >= col - FIT_ABOVE for ln in lines[1:])
    return 1.0 if opens and wrapped and first.width < col else 0.0


def punctuated(lines: Sequence[LineInfo]) -> float:
    """Clause marks inside lines (``，`` ``？`` ``、``) of a stack of plain lines: running text (a
    headline over several lines rarely has them, and never on most of its lines)."""
    if len(lines) < 2 or any(ln.spaced for ln in lines):
        return 0.0
    marked = sum(any(ch in ln.squeezed[:-1] for ch in "，、？！；：") for ln in lines)
    return 1.0 if marked * 2 >= len(lines) else 0.0


def narrow_stack(lines: Sequence[LineInfo]) -> int:
    """How many opening lines of a paragraph form a headline set over narrow lines: at least two
    lines of one width with no punctuation, then text at least ``STACK_STEP`` wider (the column the
    story is set in).  0 when there is none."""
    k = 0
    while k < len(lines) and _plain(lines[k]) and abs(lines[k].width - lines[0].width) <= 0.5:
        k += 1
    if k < 2 or k >= len(lines):
        return 0
    return k if lines[k].width >= lines[0].width + STACK_STEP else 0


def _plain(line: LineInfo) -> bool:
    return not (line.ends_sentence or line.ends_soft or any(ch in line.squeezed for ch in "，、。；：？！"))


def verse_context(units: Sequence[Unit], k: int) -> float:
    """Short lines of a poem around unit ``k``: most units nearby are single short lines that end
    no sentence."""
    near = [units[j] for j in range(max(0, k - 3), min(len(units), k + 4)) if j != k]
    if len(near) < 4:
        return 0.0
    short = sum(
        len(u.lines) <= 2 and all(ln.width <= VERSE_WIDTH and not ln.ends_sentence for ln in u.lines) for u in near
    )
    return 1.0 if short * 4 >= 3 * len(near) else 0.0


def indented_like_body(units: Sequence[Unit], k: int) -> float:
    """Unit ``k`` opens with the ideographic-space indent the body paragraphs near it open with
    (``\u3000\u3000``): where the extractor keeps indents, it keeps them on paragraphs; a headline is
    set apart, not indented like the text (spaces that centre a headline are not ideographic
    ones of a paragraph's width)."""
    first = units[k].first
    if not first.full_indent:
        return 0.0
    near = range(max(0, k - INDENT_UNITS), min(len(units), k + INDENT_UNITS + 1))
    same = any(
        j != k and units[j].kind == BODY and units[j].first.full_indent and units[j].first.indent == first.indent
        for j in near
    )
    return 1.0 if same else 0.0


def inside_poem(units: Sequence[Unit], k: int) -> float:
    """Unit ``k`` sits between two lines of a poem (``verse.py`` found them: short lines set one
    under the other with no closing marks): a line of the poem the finder left out."""
    if k == 0 or k + 1 >= len(units):
        return 0.0
    return 1.0 if units[k - 1].verse and units[k + 1].verse else 0.0


def echo_below(units: Sequence[Unit], k: int) -> float:
    """Share of unit ``k``'s word pairs that the text below it repeats (a story restates its
    headline's words early on; a line of running text is not echoed like that)."""
    own = "".join([ln.squeezed for ln in units[k].lines])
    return echo_share(own, text_after(units, k + 1, ECHO_BELOW_CHARS))


def echo_share(own: str, text: str) -> float:
    """``pairs_share`` of a text of ``ECHO_PAIRS`` word pairs at least, else 0: a line or a
    headline whose words ``text`` repeats."""
    pairs = word_pairs(own)
    return repeated(pairs, text) / len(pairs) if len(pairs) >= ECHO_PAIRS else 0.0


def pairs_share(title_text: str, text: str) -> float:
    """Share of the word pairs of ``title_text`` (``word_pairs``) that ``text`` repeats; 0 when it
    has none."""
    title = word_pairs(title_text)
    return repeated(title, text) / len(title) if title else 0.0


def repeated(pairs: Collection[str], text: str) -> int:
    """How many of ``pairs`` (of ideographs, ``word_pairs``, or of wide characters,
    ``distribute._bigrams``) ``text`` prints: the size of their common part with the text's own
    pairs, found by a few searches in the text rather than by building the set of all its pairs (a
    pair of such characters printed anywhere sits inside a run of them, so it would be one of the
    set's)."""
    return len([p for p in pairs if p in text])


@functools.lru_cache(maxsize=PAIRS_CACHE)
def word_pairs(text: str) -> frozenset[str]:
    """Pairs of neighbouring characters that are both part of words (ideographs, no punctuation):
    what two texts on one subject share.  Cached: a headline's or an opening's pairs are asked
    for again by every decision that weighs them."""
    return frozenset(_WORD_PAIR.findall(text))


def text_before(units: Sequence[Unit], k: int, chars: int = TOPIC_CHARS) -> str:
    """The last ``chars`` characters of the text of ``units[:k]`` (a unit's lines joined at once)."""
    parts: list[str] = []
    size = 0
    for j in range(k - 1, -1, -1):
        parts.append("".join([ln.squeezed for ln in units[j].lines]))
        size += len(parts[-1])
        if size >= chars:
            break
    return "".join(reversed(parts))[-chars:]


def text_after(units: Sequence[Unit], k: int, chars: int = TOPIC_CHARS) -> str:
    """The first ``chars`` characters of the text of ``units[k:]`` (a unit's lines joined at once)."""
    parts: list[str] = []
    size = 0
    for j in range(k, len(units)):
        parts.append("".join([ln.squeezed for ln in units[j].lines]))
        size += len(parts[-1])
        if size >= chars:
            break
    return "".join(parts)[:chars]


def topic_shift(before: str, after: str) -> float:
    """+1 when two texts share almost no character pairs (two subjects), -1 when they share many
    (one subject), in between linearly; 0 when either is too short to tell."""
    a, b = word_pairs(before), word_pairs(after)
    if len(a) < 20 or len(b) < 20:
        return 0.0
    share = len(a & b) / min(len(a), len(b))
    if share <= TOPIC_OTHER:
        return 1.0
    if share >= TOPIC_SAME:
        return -1.0
    return 1.0 - 2.0 * (share - TOPIC_OTHER) / (TOPIC_SAME - TOPIC_OTHER)


def width_change(a: Unit, b: Unit) -> float:
    """The column changes width between two paragraphs.  A lone line narrower than the other
    paragraph's column says nothing (a short heading, a paragraph's last line); one wider does."""
    wa = a.width if len(a.lines) > 1 else a.first.width
    wb = b.width if len(b.lines) > 1 else b.first.width
    if (len(a.lines) == 1 and wa < wb) or (len(b.lines) == 1 and wb < wa):
        return 0.0
    return 1.0 if abs(wa - wb) >= 3 else 0.0


def flow_break(prev: Unit, u: Unit, page_gap: int) -> float:
    """The text flow breaks: the unit sits closer to the text above than the page's body lines
    sit to each other (the extractor started another block)."""
    return 1.0 if page_gap > 1 and u.first.gap < page_gap else 0.0


def continued_to(line: LineInfo) -> bool:
    return "下转" in line.squeezed or "转第" in line.squeezed


def continued_from(line: LineInfo) -> bool:
    return "上接" in line.squeezed or "接第" in line.squeezed


def jump_between(prev: Unit, u: Unit) -> float:
    """A "continued on page N" marker ends the text above, or "continued from" opens the unit."""
    if (prev.last.jump_only or prev.last.jump_tail) and continued_to(prev.last):
        return 1.0
    if u.kind == HEAD and u.first.jump_only and continued_from(u.first):
        return 1.0
    return 0.0


# --- the weighed decisions ----------------------------------------------------------------------


def _display_goes_on(prev: Unit, u: Unit) -> bool:
    """A headline set in spaced-out display type goes on over the next line, which finishes the
    word its line ends on (``关 心`` / ``西 藏 …``): a cut word there says nothing of running text."""
    return prev.kind == HEAD and prev.last.spaced and u.first.spaced


def splits_off_dated_story(units: Sequence[Unit], k: int) -> bool:
    """Unit ``k`` alone parts finished body text above from a dateline below: whatever its shape,
    it opens the story the dateline begins (a lead or headline set in the column), and only as a
    headline does it cut the story off from the one above, as no sentence ends before the dateline."""
    prev = units[k - 1] if k > 0 else None
    nxt = units[k + 1] if k + 1 < len(units) else None
    if prev is None or nxt is None or prev.kind != BODY or nxt.kind != BODY:
        return False
    return prev.last.ends_sentence and nxt.first.dateline and not units[k].last.ends_sentence


def reference_column(units: Sequence[Unit], k: int) -> float | None:
    """The width of the body column a headline-looking unit ``k`` is measured against: the body
    text below it, else above it; None when there is none."""
    prev = units[k - 1] if k > 0 else None
    nxt = units[k + 1] if k + 1 < len(units) else None
    ref = nxt if nxt is not None and nxt.kind == BODY else prev if prev is not None and prev.kind == BODY else None
    if ref is None:
        return None
    # a lone line fills its own column, unless it is the short last line of a paragraph
    return ref.width if len(ref.lines) > 1 or ref.first.ends_sentence else ref.first.width


class HeadlineScore(NamedTuple):
    """``headline_score``'s answer, with what it measured that a caller needs again."""

    score: float
    col: float  # the body column the unit was measured against (``reference_column``)
    paragraph: float  # ``paragraph_shape`` of the unit's lines in that column


def headline_score(units: Sequence[Unit], k: int, threshold: float = 0.0) -> HeadlineScore | None:
    """How much unit ``k`` (classified as a headline) looks like one against the body text around
    it; None when there is no body text around to compare with.  The costlier evidence (the text
    below echoing it) is only weighed where it can lift the score over ``threshold``."""
    u = units[k]
    prev = units[k - 1] if k > 0 else None
    nxt = units[k + 1] if k + 1 < len(units) else None
    col = reference_column(units, k)
    if col is None:
        return None
    inside = in_column(u.lines, col)
    shape = paragraph_shape(u.lines, col)
    score = W.HEAD_PRIOR
    score += W.HEAD_SPACED * spaced_display(u.lines, col)
    score += W.HEAD_OFF_COLUMN * off_column(u.lines, col)
    score -= W.HEAD_IN_COLUMN * inside
    score -= W.HEAD_PUNCTUATED * punctuated(u.lines)
    if not splits_off_dated_story(units, k):
        score -= W.HEAD_PARAGRAPH * shape
    if len(u.lines) == 1 and inside and not u.first.spaced and cut_after_clause(u.first):
        score -= W.HEAD_PUNCTUATED  # a comma, then the line stops mid-clause: running text cut short
    score -= W.HEAD_VERSE * verse_context(units, k)
    score -= W.HEAD_IN_POEM * inside_poem(units, k)
    score -= W.HEAD_INDENTED * indented_like_body(units, k)
    if prev is not None and _display_goes_on(prev, u) and u.first.gap == 1:
        score += W.HEAD_DISPLAY_GOES_ON  # set tight under a line of a spaced-out headline
    if u.woven:
        score -= W.HEAD_WOVEN
    if u.joined and prev is not None and not prev.last.ends_sentence and not _display_goes_on(prev, u):
        score -= W.HEAD_JOINED  # it finishes a word the line above began
    if u.first.byline and len(u.lines) == 1:
        score += W.HEAD_BYLINE  # reporters' names (a justified line can look like them: ``…做文``)
    if nxt is None:
        score += W.HEAD_NEXT_OPENS  # the page ends: a body line would have closed its sentence
    elif nxt.kind == HEAD or opens_paragraph(nxt.first, nxt.width):
        score += W.HEAD_NEXT_OPENS
    elif not u.last.ends_sentence and (opening_fragment(nxt.first) or (inside and carries_on(nxt.first, nxt.width))):
        score -= W.HEAD_NEXT_CARRIES_ON  # a line far narrower than the column ends no sentence there
    if threshold - W.HEAD_ECHO_BELOW <= score < threshold:  # the echo only raises the score: weigh it
        score += W.HEAD_ECHO_BELOW * echo_below(units, k)
    return HeadlineScore(score, col, shape)


def boundary_score(units: Sequence[Unit], k: int, page_gap: int, datelines: bool) -> float:
    """Evidence that a story starts at unit ``k`` of a body run (unit ``k - 1`` ends the one above),
    before the cost of a story is paid."""
    u, prev = units[k], units[k - 1]
    jump = jump_between(prev, u)
    if jump:
        return W.JUMP * jump
    dateline = (u.kind == BODY and u.first.dateline) or (u.kind == HEAD and u.first.byline)
    if not prev.last.ends_sentence and not dateline:
        return -W.OPEN_SENTENCE
    score = W.CLOSED_SENTENCE if prev.last.ends_sentence else 0.0  # a story cut short by the column
    if dateline:
        score += W.OPEN_DATELINE if datelines else W.OPEN_DATELINE_WEAK
    elif name_line(u) and k + 1 < len(units) and not carries_on(units[k + 1].first, units[k + 1].width):
        score += W.OPEN_NAME
    elif opens_paragraph(u.first, u.width):
        score += W.OPEN_INDENT
    elif carries_on(u.first, u.width):
        score -= W.OPEN_CARRIED
    if u.woven and prev.woven:
        score -= W.WOVEN
    score += W.WIDTH_CHANGE * width_change(prev, u)
    score += W.FLOW_BREAK * flow_break(prev, u, page_gap)
    if abs(score - W.STORY_COST) < W.TOPIC_SHIFT:  # the subject can only tip a close call: skip it otherwise
        score += W.TOPIC_SHIFT * topic_shift(text_before(units, k), text_after(units, k))
    return score
