"""Handing a run of body text to the headlines printed before it.

PDF extraction of side-by-side stories prints their headlines together and then the bodies, and a
story may come out in pieces with another story's headline dropped into it.  The run after such a
group is cut where stories start, and each piece goes to the headline whose words its opening
repeats (a story's first sentence usually restates its headline), to the page's story before the
group when it carries on that story's unfinished text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import combinations, permutations

from core.layout import weights as W
from core.layout.evidence import boundary_score, text_after, word_pairs
from core.layout.features import WIDE_CLASS
from core.layout.units import BODY, HEAD, Unit

MAX_CANDIDATES = 24
SETTING_STEP = 3.0  # headline lines this much wider or narrower than the one above are set apart
MAX_GROUPS = 3
OPENING_CHARS = 100
ECHO_CHARS = 300  # how much of a story is searched for its headline's words
ECHO_MIN = 0.2  # a headline's share of character pairs its story's opening repeats, at least
OVERLAP_WEIGHT = 4.0  # all of a headline's character pairs found in an opening count this much


_WIDE_RUN = re.compile(WIDE_CLASS + "{2,}")


def _bigrams(s: str) -> set[str]:
    """Pairs of neighbouring wide characters (punctuation included)."""
    out: set[str] = set()
    for run in _WIDE_RUN.findall(s):
        out.update(map(str.__add__, run, run[1:]))
    return out


def head_bigrams(group: Sequence[Unit]) -> set[str]:
    return _bigrams(head_text(group))


def text_bigrams(units: Sequence[Unit]) -> set[str]:
    return _bigrams("".join(ln.squeezed for u in units for ln in u.lines))


def head_text(group: Sequence[Unit]) -> str:
    return "".join(ln.squeezed for u in group for ln in u.lines if not (ln.byline or ln.column or ln.jump_only))


def _opening(run: Sequence[Unit], k: int) -> str:
    text = ""
    for u in run[k:]:
        text += "".join(ln.squeezed for ln in u.lines)
        if len(text) >= OPENING_CHARS:
            break
    return text[:OPENING_CHARS]


def _can_start(run: Sequence[Unit], k: int) -> bool:
    if run[k].kind != BODY and not (run[k].kind == HEAD and run[k].first.byline):
        return False
    return k == 0 or run[k - 1].last.ends_sentence


def _start_score(run: Sequence[Unit], k: int) -> float:
    """How much position ``k`` looks like the opening of a story, whatever its headline: the
    story-boundary evidence (evidence.boundary_score), never below nothing."""
    if k == 0:
        return W.OPEN_DATELINE if run[0].first.dateline or run[0].kind == HEAD else 0.0
    return max(0.0, boundary_score(run, k, 1, True))


def continues(before: Unit | None, run: Sequence[Unit]) -> bool:
    """The run goes on with a paragraph the previous piece of text left unfinished."""
    if before is None or before.kind != BODY or before.verse or not run or run[0].kind != BODY:
        return False  # (a poem's line ends on no closing mark and is still finished)
    last, first = before.last, run[0].first
    if last.ends_sentence or first.dateline or first.indent or first.full_indent:
        return False
    return first.width >= run[0].width - 1.25


def _best(
    groups: Sequence[Sequence[Unit]], run: Sequence[Unit], carry_on: bool
) -> tuple[float, tuple[int, ...], tuple[int, ...]] | None:
    """The best cut of ``run`` for ``groups``: (score, piece starts, group of each piece), or None
    when the run has too few places where a story can start."""
    m = len(groups)
    cands = [k for k in range(len(run)) if _can_start(run, k) and (k > 0 or not carry_on)]
    cands = cands[:MAX_CANDIDATES]
    pool = cands if carry_on else [k for k in cands if k > 0]
    picks = m if carry_on else m - 1
    if len(pool) < picks or (carry_on and not cands):
        return None
    titles = [_bigrams(head_text(g)) for g in groups]
    openings = {k: _bigrams(_opening(run, k)) for k in (0, *cands)}
    base = {k: _start_score(run, k) for k in (0, *cands)}

    def fit(gi: int, k: int) -> float:
        return OVERLAP_WEIGHT * len(titles[gi] & openings[k]) / max(1, len(titles[gi])) + base[k]

    best: tuple[float, tuple[int, ...], tuple[int, ...]] | None = None
    for chosen in combinations(pool, picks):
        starts = chosen if carry_on else (0, *chosen)
        for order in permutations(range(m)):
            score = sum(fit(gi, k) for gi, k in zip(order, starts, strict=True))
            if best is None or score > best[0]:
                best = (score, starts, order)
    return best


def _titled(group: Sequence[Unit]) -> bool:
    return any(not (u.first.byline or u.first.column or u.first.jump_only) for u in group)


def _one_box(above: Unit, below: Unit, page_gap: int) -> bool:
    """Two headline lines of one printed block: closer together than the page's paragraphs (where
    the extractor leaves blank lines between blocks), or both spaced out where it leaves none."""
    if page_gap > 1:
        return below.first.gap < page_gap
    return above.last.spaced and below.first.spaced


def echo(group: Sequence[Unit], run: Sequence[Unit], k: int) -> float:
    """Share of a headline's word pairs (no punctuation) that the text opening at ``run[k]``
    repeats."""
    title = word_pairs(head_text(group))
    return len(title & word_pairs(text_after(run, k, ECHO_CHARS))) / len(title) if title else 0.0


def split_side_by_side(
    groups: list[list[Unit]], run: Sequence[Unit], carry_on: bool, page_gap: int
) -> list[list[Unit]]:
    """Headline groups of side-by-side stories printed as one: cut a group between two of its
    units where each part then finds a story of its own in the run.  One part's story repeats its
    words (``ECHO_MIN`` of its word pairs at least), neither part's words are found more in the
    other's story, and the second story opens where a story can open on its own; the cut is made
    when that evidence outweighs ``HEAD_SPLIT``.  One cut at a time, up to ``MAX_GROUPS``."""
    original = groups
    groups = [lines_of(g) for g in groups]
    while len(groups) < MAX_GROUPS:
        found: tuple[float, list[list[Unit]]] | None = None
        for gi, g in enumerate(groups):
            for c in range(1, len(g)):
                head, tail = g[:c], g[c:]
                if not (_titled(head) and _titled(tail)) or _one_box(head[-1], tail[0], page_gap):
                    continue
                trial = [*groups[:gi], head, tail, *groups[gi + 1 :]]
                got = _best(trial, run, carry_on)
                if got is None:
                    continue
                _, starts, order = got
                at = {grp: k for grp, k in zip(order, starts, strict=True)}
                if gi not in at or gi + 1 not in at:
                    continue
                echoes = (echo(head, run, at[gi]), echo(tail, run, at[gi + 1]))
                crossed = (echo(head, run, at[gi + 1]), echo(tail, run, at[gi]))
                if max(echoes) < ECHO_MIN or echoes[0] < crossed[0] or echoes[1] < crossed[1] or echoes == crossed:
                    continue  # each part must answer to its own story rather than to the other
                opened = max(at[gi], at[gi + 1])
                opening = boundary_score(run, opened, 1, True) - W.STORY_COST
                if opening <= 0:
                    continue  # the second story must open where a story can open on its own
                gain = opening + W.HEAD_ECHO * sum(echoes) - W.HEAD_SPLIT
                if gain > 0 and (found is None or gain > found[0]):
                    found = (gain, trial)
        if found is None:
            break
        groups = found[1]
    return original if len(groups) == len(original) else groups


def lines_of(group: Sequence[Unit]) -> list[Unit]:
    """A headline group cut into its settings, so it can be cut between any two of them: lines of
    one setting are alike (spaced or not, as wide as each other within ``SETTING_STEP``)."""
    out: list[Unit] = []
    for u in group:
        out.append(Unit([u.lines[0]], u.width, u.kind, u.verse))
        for above, ln in zip(u.lines, u.lines[1:], strict=False):
            if ln.spaced != above.spaced or abs(ln.width - above.width) >= SETTING_STEP:
                out.append(Unit([ln], u.width, u.kind, u.verse))
            else:
                out[-1].lines.append(ln)
    return out


def distribute(
    groups: Sequence[Sequence[Unit]], run: Sequence[Unit], carry_on: bool
) -> tuple[list[Unit], list[tuple[int, list[Unit]]]]:
    """Cut ``run`` for ``groups``: returns the leading units that continue the previous story
    (only when ``carry_on``) and, for each piece, the index of the group it belongs to."""
    m = len(groups)
    if m > MAX_GROUPS or (not carry_on and m == 1):
        return [], [(0, list(run))]
    best = _best(groups, run, carry_on)
    if best is None:
        return [], [(0, list(run))]
    score, starts, order = best
    if carry_on and score < 1.0 * m:
        return [], [(0, list(run))]  # nothing in the run answers the headline: keep it whole
    pieces: list[tuple[int, list[Unit]]] = []
    bounds = [*starts, len(run)]
    for i, gi in enumerate(order):
        pieces.append((gi, list(run[bounds[i] : bounds[i + 1]])))
    return list(run[: starts[0]]), pieces
