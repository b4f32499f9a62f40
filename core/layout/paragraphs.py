"""Column width around each line, and where paragraphs start.

Extracted body lines of one column are about as wide as the column (``W``, give or take one em for
compressed or hanging punctuation and half-width digits); a paragraph's first line lost its
two-character indent (``W - 2``); its last line is usually short.  The width changes from story to
story and sometimes inside one, so it is estimated from the lines just before and just after each
line, and a line counts as full if it fills either.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from core.layout.features import ENUM_RE, LineInfo, headline_label

WINDOW = 6
SHORT_BY = 1.5  # a line this much narrower than its column ends its paragraph
LONG_LINE = 40.0  # wider than any printed column: text not broken into column lines
OVERFLOW = 2.5  # a line wider than its column by more than this may be a headline set across columns (``_overflows``)
_CLAUSE = re.compile("[，、,；。]")
_STOPS = re.compile("[，。；]")
_MARKS = re.compile("[，。；、：]")


def _regular(info: LineInfo) -> bool:
    """Lines that tell the column width: not spaced-out headlines, not tiny fragments."""
    return not info.spaced and info.width >= 4


def _window_bests(keys: Sequence[float | None]) -> list[float | None]:
    """For each window of ``WINDOW + 1`` neighbouring keys, ``keys`` padded with ``WINDOW`` lines
    of nothing either side: the width most of its lines reach within one em (ties: the wider), or
    None where no line tells.  One pass, each width's count of such lines kept up to date as
    lines enter and leave the window.  Keys are multiples of ½: counted in halves, as whole
    numbers, one em either side is two halves and ``near`` is a list indexed by them."""
    halves: list[int | None] = [None] * WINDOW + [None if k is None else int(k * 2) for k in keys] + [None] * WINDOW
    near = [0] * (max((h for h in halves if h is not None), default=0) + 5)  # near[h + 2]: lines within one em of h
    counts: dict[int, int] = {}
    # the window ending at each line from the first real one on, and the key that leaves it as
    # that line enters (none for the first window: it starts on the padding); ``out`` starts with
    # the window before the first, empty, so that an unchanged window repeats the one before
    out: list[float | None] = [None]
    for h, old in zip(halves[WINDOW:], [None, *halves[: -WINDOW - 1]], strict=True):
        if old == h:
            out.append(out[-1])  # the line entering the window is as wide as the one leaving it
            continue
        if h is not None:
            counts[h] = counts.get(h, 0) + 1
            near[h] += 1  # (unrolled: this runs for every line of the page)
            near[h + 1] += 1
            near[h + 2] += 1
            near[h + 3] += 1
            near[h + 4] += 1
        if old is not None:
            counts[old] -= 1
            if not counts[old]:
                del counts[old]
            near[old] -= 1
            near[old + 1] -= 1
            near[old + 2] -= 1
            near[old + 3] -= 1
            near[old + 4] -= 1
        if not counts:
            out.append(None)
            continue
        best_h, best_score = 0, -1
        for w in counts:
            score = near[w + 2]
            if score > best_score or (score == best_score and w > best_h):
                best_h, best_score = w, score
        out.append(best_h / 2)
    del out[0]
    return out


def _around(keys: Sequence[float | None], widths: Sequence[float]) -> tuple[list[float], list[float]]:
    """For each line, the column width seen in the window of ``WINDOW + 1`` lines ending at it
    and in the one starting at it (within ``keys``): one window's best serves both the line
    that ends it and the line that starts it."""
    bests = _window_bests(keys)
    back = [w if b is None else b for w, b in zip(widths, bests, strict=False)]
    fwd = [w if b is None else b for w, b in zip(widths, bests[WINDOW:], strict=True)]
    return back, fwd


def column_widths(infos: Sequence[LineInfo]) -> list[tuple[float, float]]:
    """For each line, the column width seen in the lines before it and after it (itself included).

    Linear in the page length: a sliding window of at most ``WINDOW + 1`` widths each way.
    """
    n = len(infos)
    keys = [round(i.width * 2) / 2 if not i.spaced and i.width >= 4 else None for i in infos]  # (``_regular``)
    widths = [i.width for i in infos]
    back, fwd = _around(keys, widths)
    first = list(zip(back, fwd, strict=True))
    # headline lines set wider than the column distort the estimate around them: leave them out
    # and estimate again (still linear: two passes)
    # (``_overflows`` first asks whether the line is wider than both its columns by ``OVERFLOW``: asked
    # here, with no call for the many lines that are not; a line with a key is not spaced)
    drop = [
        k
        for k, info, key, (back, fwd) in zip(itertools.count(), infos, keys, first)
        if key is not None
        and not (info.ends_sentence or info.ends_soft)
        and info.width - back > OVERFLOW
        and info.width - fwd > OVERFLOW
        and _overflows(infos, first, k)
    ]
    if not drop:
        return first
    for k in drop:
        keys[k] = None
    # only lines whose window held a dropped line change: estimate again around each stretch
    for lo, hi in _stretches(drop):
        start, stop = max(0, lo - WINDOW), min(n, hi + WINDOW + 1)
        again_back, again_fwd = _around(keys[start:stop], widths[start:stop])
        back[lo:stop] = again_back[lo - start :]
        fwd[start : hi + 1] = again_fwd[: hi + 1 - start]
    return list(zip(back, fwd, strict=True))


def _stretches(indices: Sequence[int]) -> list[tuple[int, int]]:
    """Sorted indices grouped into stretches (first, last) whose windows overlap."""
    out: list[tuple[int, int]] = []
    for k in indices:
        if out and k - out[-1][1] <= 2 * WINDOW:
            out[-1] = (out[-1][0], k)
        else:
            out.append((k, k))
    return out


def column_of(widths: tuple[float, float]) -> float:
    return min(widths)


def is_full(info: LineInfo, widths: tuple[float, float]) -> bool:
    """The line fills its column: the one above it, or the wider one that starts with it."""
    back, fwd = widths
    if info.spaced:
        x = info.width  # (both widths spelt out: no generator on a path run for every line)
        return back - SHORT_BY <= x <= back + 1.25 or fwd - SHORT_BY <= x <= fwd + 1.25
    return info.width >= back - SHORT_BY or (info.width > back + SHORT_BY and info.width >= fwd - SHORT_BY)


def standalone(info: LineInfo, widths: tuple[float, float]) -> bool:
    """Lines that are never part of a paragraph: labels, jump markers, bylines, overflowing lines."""
    if info.column or info.jump_only or (info.byline and info.width <= 18):
        return True
    return info.head_note and not info.ends_sentence


def _overflows(infos: Sequence[LineInfo], widths: Sequence[tuple[float, float]], i: int) -> bool:
    """A lone line much wider than the column around it: a headline set across columns."""
    info = infos[i]
    if info.ends_sentence or info.ends_soft or info.spaced:
        return False
    over = info.width - max(widths[i])
    if over <= OVERFLOW or (over <= 6 and _CLAUSE.search(info.squeezed) is not None):
        return False
    # a lone line, or one of a pair of headline lines (kicker and title) with no punctuation
    for k in (i - 1, i + 1):
        if 0 <= k < len(infos) and abs(infos[k].width - info.width) <= 2.5:
            near = infos[k]
            if near.ends_sentence or near.ends_soft or _CLAUSE.search(near.squeezed) is not None:
                return False
    return True


def _opens_bracket(info: LineInfo) -> bool:
    return info.squeezed.count("（") > info.squeezed.count("）")


def _closes_bracket(info: LineInfo) -> bool:
    """The line closes a bracket before it opens any."""
    close, open_ = info.squeezed.find("）"), info.squeezed.find("（")
    return close >= 0 and (open_ < 0 or close < open_)


def _subtitle(infos: Sequence[LineInfo], widths: Sequence[tuple[float, float]], i: int) -> bool:
    """A ``——…`` line with no punctuation right under a headline-like line: a subtitle."""
    info = infos[i]
    if i == 0 or not info.dash_start or info.ends_sentence or _STOPS.search(info.squeezed) is not None:
        return False
    above = infos[i - 1]
    short = above.spaced or above.width < min(widths[i - 1]) - SHORT_BY
    return short and not (above.ends_sentence or above.ends_soft)


def _titles_subtitle(cur: LineInfo, nxt: LineInfo) -> bool:
    """``cur`` (no mark at all) stands over a ``——…`` line with no clause mark set wider than it."""
    plain = not (cur.ends_sentence or cur.ends_soft or _MARKS.search(cur.squeezed) is not None)
    subtitle = nxt.dash_start and not nxt.ends_sentence and _STOPS.search(nxt.squeezed) is None
    return plain and subtitle and nxt.width > cur.width


def _unfinished(infos: Sequence[LineInfo], widths: Sequence[tuple[float, float]], i: int, col: float) -> bool:
    """Line ``i`` cannot go on with the paragraph above: the paragraph would end (at the first line
    short of the column, looking a few lines ahead) on no closing mark at all."""
    for k in range(i, min(i + 3, len(infos))):
        ln = infos[k]
        if ln.ends_sentence or ln.ends_soft:
            return False
        if k > i and (ln.dateline or ln.indent or ln.full_indent or standalone(ln, widths[k])):
            return True
        if ln.width < col - SHORT_BY:
            return True
    return False


def first_line_like(info: LineInfo, widths: tuple[float, float]) -> bool:
    """About two characters shorter than the column: a paragraph's first line."""
    (a, b), x = widths, info.width  # (both widths spelt out: no generator on a path run for every line)
    return a - 3.5 <= x <= a - 1.25 or b - 3.5 <= x <= b - 1.25


def paragraph_breaks(infos: Sequence[LineInfo], widths: Sequence[tuple[float, float]]) -> list[bool]:
    """``breaks[i]``: line ``i`` does not continue the paragraph of line ``i - 1``."""
    n = len(infos)
    breaks = [True] * n
    # what each line is on its own, asked of it as the line above and as the line below
    # (each test only where the line could pass it: most body lines close a clause and open
    # with no dash)
    # (``_overflows`` first asks whether the line is wider than both its columns by ``OVERFLOW``: asked
    # here, with no call for the many lines that are not)
    apart = [
        ((headline_label(info) or info.head_note) and standalone(info, wd))
        or (
            not (info.ends_sentence or info.ends_soft or info.spaced)
            and info.width - wd[0] > OVERFLOW
            and info.width - wd[1] > OVERFLOW
            and _overflows(infos, widths, i)
        )
        or (info.dash_start and _subtitle(infos, widths, i))
        for i, info, wd in zip(itertools.count(), infos, widths)
    ]
    line_widths = [info.width for info in infos]
    start = 0  # first line of the paragraph being read
    for i in range(1, n):
        if breaks[i - 1]:
            start = i - 1
        breaks[i] = apart[i - 1] or apart[i] or _breaks_before(infos, widths, breaks, i, start, line_widths)
    return breaks


def _local_column(widths: Sequence[tuple[float, float]], start: int, j: int, line_widths: list[float]) -> float | None:
    """The column a paragraph has shown so far: the middle width of its recent lines (the first
    line counting the indent it lost), or None while the paragraph has only its first line.
    ``line_widths``: the width of each line, as a list (no attribute read per line)."""
    if j <= start:
        return None
    if j == start + 1:
        # only the first line so far: it lost about two characters of indent (if it was short)
        first = line_widths[start]
        return first + 2.0 if first + 2.0 <= max(widths[start]) + 1.0 else first
    recent = sorted(line_widths[max(start + 1, j - 4) : j])
    return recent[(len(recent) - 1) // 2]


def _breaks_before(
    infos: Sequence[LineInfo],
    widths: Sequence[tuple[float, float]],
    breaks: list[bool],
    i: int,
    start: int,
    line_widths: list[float],
) -> bool:
    """Whether line ``i`` starts a new paragraph, given the decisions for the lines above it."""
    n = len(infos)
    prev, cur = infos[i - 1], infos[i]
    # (a line standing apart, overflowing its column or a subtitle is a break: paragraph_breaks)
    if prev.jump_tail:
        return True
    if prev.signature:
        return True  # a bracketed source or credit closes the text above: nothing goes on from it
    if i + 1 < n and infos[i + 1].dash_start and _titles_subtitle(cur, infos[i + 1]):
        return True  # the line right above a ——subtitle is its title, whatever was above it
    if "（" in prev.squeezed and _opens_bracket(prev) and _closes_bracket(cur):
        return False  # the line closes a bracket the line above opened: one phrase over two lines
    local = _local_column(widths, start, i - 1, line_widths)
    if cur.spaced and not prev.spaced:
        # justified body text is spaced too, but only ever goes on with the line above, filling
        # the column (give or take the characters a justified line squeezes in)
        col = local if local is not None else widths[i][0]
        if (
            prev.ends_sentence
            and not cur.head_note
            and abs(cur.width - col) <= 1.0
            and any(ch in cur.squeezed[:-1] for ch in "，、")
        ):
            return False  # a justified line that happens to follow a full stop
        opened = breaks[i - 1] and first_line_like(prev, widths[i - 1])
        fills = is_full(prev, widths[i - 1]) or (local is not None and prev.width >= local - SHORT_BY)
        return bool(prev.ends_sentence or not (opened or fills) or not col - 2.5 <= cur.width <= col + 1.25)
    if _ends_paragraph(infos, widths, breaks, i - 1, local):
        return True
    col = local if local is not None else min(widths[i - 1])
    if prev.ends_sentence and not cur.spaced and _unfinished(infos, widths, i, col):
        return True
    if (
        not cur.spaced
        and not cur.ends_sentence
        and not cur.ends_soft
        and cur.width < min(col, widths[i][0]) - 3.0
        and _unfinished(infos, widths, i, col)
    ):
        return True  # a short line that cannot end the paragraph: a headline dropped into the text
    if cur.full_indent or cur.indent > 0 or cur.dateline:
        return True
    if (
        cur.enum
        and cur.squeezed[0] not in "一二三四五六七八九十"
        and (prev.ends_sentence or prev.signature or prev.squeezed.endswith(("）", ")")))
    ):
        return True  # a numbered item
    if prev.enum and _heading_only(prev) and not cur.enum:
        return True  # a numbered heading (``２、棉堆如山喜煞人``) stands on its own line
    if prev.spaced and not cur.spaced and not is_full(prev, widths[i - 1]) and prev.ends_sentence:
        return True
    if prev.ends_sentence and _opens_paragraph(infos, widths, i):
        return True
    # a headline line, then a paragraph's first line
    return (
        not prev.ends_soft
        and not prev.ends_sentence
        and breaks[i - 1]
        and first_line_like(cur, widths[i])
        and not first_line_like(prev, widths[i - 1])
        and (i + 1 == n or infos[i + 1].width > cur.width + 0.75)
    )


def _heading_only(info: LineInfo) -> bool:
    """After its number, the line has no clause mark at all: a heading, not a sentence."""
    m = ENUM_RE.match(info.squeezed)
    rest = info.squeezed[m.end() :] if m else info.squeezed
    return 2 <= len(rest) <= 12 and not any(ch in rest for ch in "，、。；：？！,.;:?!（）()“”")


def _opens_paragraph(infos: Sequence[LineInfo], widths: Sequence[tuple[float, float]], i: int) -> bool:
    """Line ``i`` is shorter than the column by about the lost indent and the next line is wider."""
    cur = infos[i]
    if i + 1 == len(infos):
        return first_line_like(cur, widths[i])
    gain = infos[i + 1].width - cur.width
    if first_line_like(cur, widths[i]) and gain > 0.75:
        return True
    # the column estimate runs an em low where many lines are short: trust a clear step up
    (a, b), x = widths[i], cur.width
    return gain >= 1.75 and (a - 2.5 <= x <= a - 0.75 or b - 2.5 <= x <= b - 0.75)


def _ends_paragraph(
    infos: Sequence[LineInfo],
    widths: Sequence[tuple[float, float]],
    breaks: list[bool],
    j: int,
    local: float | None = None,
) -> bool:
    """Whether line ``j`` is the last of its paragraph, judged from the line itself.

    Column widths jitter by an em, so a line only a little short ends its paragraph when it also
    ends a sentence; one with no closing mark must be clearly short, and a paragraph's first line
    (short by its lost indent) goes on when the line below fills the column.
    """
    info = infos[j]
    if info.squeezed.endswith(("，", "、", ",")):
        return False  # a paragraph never ends on a comma
    back, fwd = widths[j]
    nxt_w = infos[j + 1].width if j + 1 < len(infos) else 0.0
    col = back
    if info.width > back + SHORT_BY and abs(nxt_w - info.width) <= SHORT_BY:
        col = fwd  # the first line of a wider column
    elif breaks[j] and not info.ends_sentence and info.width < back - 3 and nxt_w >= info.width - 1:
        col = fwd  # a paragraph opening a narrower column
    if local is not None and not info.spaced:
        col = local  # the paragraph has shown its column: that is what this line must fill
    if info.spaced:
        if breaks[j] is False:  # justified body text
            return info.ends_sentence or info.width < col - 3
        return True  # a spaced-out line opening a paragraph is a headline
    if info.ends_sentence:
        # no newspaper column is this wide: the text has one paragraph per line
        return info.width < col - 1.0 or info.width > LONG_LINE
    if info.width >= col - 3.0:
        return False
    if not breaks[j] or j + 1 == len(infos):
        return True  # clearly short, no closing mark: the paragraph stops here (a headline follows)
    # a short line opening a paragraph goes on only into a line that fills the column
    nxt = infos[j + 1]
    starts_anew = nxt.dateline or nxt.indent > 0 or nxt.full_indent or nxt.spaced
    if nxt.ends_sentence and nxt.width <= info.width + 1 and not (starts_anew or standalone(nxt, widths[j + 1])):
        return False  # a two-line paragraph: this line broke mid-phrase, the next one ends it
    x = info.width
    if not (info.dateline or back - 4.0 <= x <= back - 1.25 or fwd - 4.0 <= x <= fwd - 1.25):
        return True  # far too short for a first line that lost its indent
    fills = nxt.width >= min(widths[j + 1]) - SHORT_BY and nxt.width > info.width + 0.75
    return not fills or starts_anew or nxt.jump_only or nxt.column
