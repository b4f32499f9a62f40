"""Handing a run of body text to the headlines printed before it.

PDF extraction of side-by-side stories prints their headlines together and then the bodies, and a
story may come out in pieces with another story's headline dropped into it.  The run after such a
group is cut where stories start, and each piece goes to the headline whose words its opening
repeats (a story's first sentence usually restates its headline), to the page's story before the
group when it carries on that story's unfinished text.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from itertools import combinations, permutations

from core.layout import weights as W
from core.layout.evidence import PAIRS_CACHE, boundary_score, pairs_share, repeated, text_after, word_pairs
from core.layout.features import WIDE_CLASS, credits_only, headline_label
from core.layout.units import BODY, HEAD, Unit

MAX_CANDIDATES = 24
SETTING_STEP = 3.0  # headline lines this much wider or narrower than the one above are set apart
MAX_GROUPS = 3
THREE_WAY_SETTINGS = 8  # a group is cut in three at once only up to this many settings (bounded work)
OPENING_CHARS = 100
ECHO_CHARS = 300  # how much of a story is searched for its headline's words
ECHO_OPENS = 0.5  # ... and at least this share where a story opens with no sign but a closed sentence
ECHO_MIN = 0.2  # a headline's share of character pairs its story's opening repeats, at least
OVERLAP_WEIGHT = 4.0  # all of a headline's character pairs found in an opening count this much


_WIDE_PAIR = re.compile(f"(?=({WIDE_CLASS}{{2}}))")  # every pair of wide characters, overlapping


@functools.lru_cache(maxsize=PAIRS_CACHE)
def _bigrams(s: str) -> frozenset[str]:
    """Pairs of neighbouring wide characters (punctuation included)."""
    return frozenset(_WIDE_PAIR.findall(s))


def head_bigrams(group: Sequence[Unit]) -> frozenset[str]:
    return _bigrams(head_text(group))


def head_text(group: Sequence[Unit]) -> str:
    return "".join([ln.squeezed for u in group for ln in u.lines if not headline_label(ln)])


def _opening(run: Sequence[Unit], k: int) -> str:
    text = ""
    for u in run[k:]:
        text += "".join([ln.squeezed for ln in u.lines])
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


class RunText:
    """What sharing out one run looks at, computed once per place of the run: the run is cut
    for many trial groups, and the text at each place does not change between trials."""

    def __init__(self, run: Sequence[Unit]) -> None:
        self.run = run
        self._opening: dict[int, str] = {}
        self._first: dict[int, str] = {}
        self._base: dict[int, float] = {}
        self._after: dict[int, str] = {}
        self._cands: dict[bool, list[int]] = {}
        self._fits: dict[str, dict[int, float]] = {}
        self._echoed: dict[tuple[str, bool], bool] = {}
        self._echo: dict[tuple[str, int], float] = {}

    def opening(self, k: int) -> str:
        """The first ``OPENING_CHARS`` characters from ``run[k]`` on."""
        if k not in self._opening:
            self._opening[k] = _opening(self.run, k)
        return self._opening[k]

    def first(self, k: int) -> str:
        """The first ``OPENING_CHARS`` characters of ``run[k]`` alone."""
        if k not in self._first:
            self._first[k] = _opening(self.run[k : k + 1], 0)
        return self._first[k]

    def base(self, k: int) -> float:
        if k not in self._base:
            self._base[k] = _start_score(self.run, k)
        return self._base[k]

    def after(self, k: int) -> str:
        """The text from ``run[k]`` on, as far as ``echo`` looks."""
        if k not in self._after:
            self._after[k] = text_after(self.run, k, ECHO_CHARS)
        return self._after[k]

    def echo(self, title_text: str, k: int) -> float:
        """``echo`` of a headline (its text) at ``run[k]``, worked out once for each pair."""
        key = (title_text, k)
        if key not in self._echo:
            self._echo[key] = pairs_share(title_text, self.after(k))
        return self._echo[key]

    def fits(self, title_text: str, places: Sequence[int]) -> dict[int, float]:
        """How well the story opening at each place answers a headline: its words repeated in the
        opening (the opening paragraph itself counting as much as the text after it: two places
        a paragraph apart share the later one's words, only one opens with them), plus the
        place's own evidence of a story start.  (The pairs an opening repeats are found by
        searching it, ``repeated``: cheaper than making the set of its own pairs.)"""
        got = self._fits.setdefault(title_text, {})
        title = _bigrams(title_text)
        n = 2 * max(1, len(title))
        for k in places:
            if k not in got:
                opening, first = self.opening(k), self.first(k)
                found = [p for p in title if p in opening]
                # the paragraph's own text opens the text from it on (``first`` is a prefix of
                # ``opening``): the pairs it repeats are among those, and are searched for alone
                shared = len(found) + (len(found) if len(first) == len(opening) else repeated(found, first))
                got[k] = OVERLAP_WEIGHT * shared / n + self.base(k)
        return got

    def echoed(self, group: Sequence[Unit], carry_on: bool) -> bool:
        """Some place where a story can open repeats ``ECHO_MIN`` of the headline's words."""
        key = (head_text(group), carry_on)
        if key not in self._echoed:
            places = (0, *self.candidates(carry_on))
            # (each place's share is ``echo``'s, kept for the trials that weigh it again)
            self._echoed[key] = bool(word_pairs(key[0])) and any(self.echo(key[0], k) >= ECHO_MIN for k in places)
        return self._echoed[key]

    def candidates(self, carry_on: bool) -> list[int]:
        if carry_on not in self._cands:
            run = self.run
            cands = [k for k in range(len(run)) if _can_start(run, k) and (k > 0 or not carry_on)]
            self._cands[carry_on] = cands[:MAX_CANDIDATES]
        return self._cands[carry_on]


def _best(
    groups: Sequence[Sequence[Unit]], text: RunText, carry_on: bool
) -> tuple[float, tuple[int, ...], tuple[int, ...]] | None:
    """The best cut of the run for ``groups``: (score, piece starts, group of each piece), or None
    when the run has too few places where a story can start."""
    m = len(groups)
    cands = text.candidates(carry_on)
    pool = cands if carry_on else [k for k in cands if k > 0]
    picks = m if carry_on else m - 1
    if len(pool) < picks or (carry_on and not cands):
        return None
    places = (0, *cands)
    fit = [text.fits(head_text(g), places) for g in groups]
    cuts = [chosen if carry_on else (0, *chosen) for chosen in combinations(pool, picks)]
    # every cut under every order of the groups, scored order by order; the best is the first of
    # the highest as cuts, then orders, are listed
    orders = list(permutations(range(m)))
    fits_in_order = [[fit[gi] for gi in order] for order in orders]
    scores = [[sum(map(dict.__getitem__, rows, starts)) for starts in cuts] for rows in fits_in_order]
    top = max(max(row) for row in scores)
    at, oi = min((row.index(top), oi) for oi, row in enumerate(scores) if top in row)
    return top, cuts[at], orders[oi]


def _titled(group: Sequence[Unit]) -> bool:
    return any(not headline_label(u.first) for u in group)


def _part_heads(parts: Sequence[Sequence[Unit]]) -> bool:
    """Every part of a cut headline can head a story of its own: none holds only a byline, column
    name or jump marker, or only its authors' names (``credits_only``), and none opens on a line
    set after a dash (``——…``), which is the subtitle of the title above it."""
    for i, p in enumerate(parts):
        if not _titled(p) or credits_only([ln for u in p for ln in u.lines], i == len(parts) - 1):
            return False
        if i and p[0].first.dash_start:
            return False
    return True


def _one_box(above: Unit, below: Unit, page_gap: int) -> bool:
    """Two headline lines of one printed block: closer together than the page's paragraphs (where
    the extractor leaves blank lines between blocks), or both spaced out where it leaves none."""
    if page_gap > 1:
        return below.first.gap < page_gap
    return above.last.spaced and below.first.spaced


def echo(group: Sequence[Unit], run: Sequence[Unit], k: int, text: RunText | None = None) -> float:
    """Share of a headline's word pairs (no punctuation) that the text opening at ``run[k]``
    repeats."""
    if text is not None:
        return text.echo(head_text(group), k)
    return pairs_share(head_text(group), text_after(run, k, ECHO_CHARS))


def split_side_by_side(
    groups: list[list[Unit]], run: Sequence[Unit], carry_on: bool, page_gap: int, text: RunText | None = None
) -> list[list[Unit]]:
    """Headline groups of side-by-side stories printed as one: cut a group between its units where
    each part then finds a story of its own in the run.  A cut counts when the parts on either
    side of it answer to their own stories: one of them repeats its words (``ECHO_MIN`` of its
    word pairs at least), neither part's words are found more in the other's story, and the later
    story opens where a story can open on its own; the cuts are made when that evidence outweighs
    ``HEAD_SPLIT`` each.  A group may be cut in two or in three at once (three stories printed
    side by side, where the two-way cut finds no story for a part answering to two headlines),
    and cutting goes on while it gains, up to ``MAX_GROUPS``.  ``text``: the run's ``RunText``, when
    the caller shares it with ``distribute`` (what is learnt of the run here then serves there)."""
    original = groups
    groups = [lines_of(g) for g in groups]
    text = text if text is not None else RunText(run)
    while len(groups) < MAX_GROUPS:
        found: tuple[float, list[list[Unit]]] | None = None
        for gi, g in enumerate(groups):
            for parts in _cuts(g, MAX_GROUPS - len(groups)):
                if not _part_heads(parts) or any(_one_box(a[-1], b[0], page_gap) for a, b in itertools.pairwise(parts)):
                    continue
                if not all(text.echoed(a, carry_on) or text.echoed(b, carry_on) for a, b in itertools.pairwise(parts)):
                    continue  # neither side of a cut is repeated by any story of the run (_cut_gain's first test)
                trial = [*groups[:gi], *parts, *groups[gi + 1 :]]
                gain = _cut_gain(trial, gi, len(parts), text, carry_on)
                if gain is not None and gain > 0 and (found is None or gain > found[0]):
                    found = (gain, trial)
        if found is None:
            break
        groups = found[1]
    return original if len(groups) == len(original) else groups


def _cuts(group: Sequence[Unit], extra: int) -> list[list[list[Unit]]]:
    """Every way to cut ``group`` into two parts, or three when ``extra`` allows two more groups
    and the group has at most ``THREE_WAY_SETTINGS`` settings."""
    n = len(group)
    out = [[list(group[:c]), list(group[c:])] for c in range(1, n)]
    if extra >= 2 and n <= THREE_WAY_SETTINGS:
        out += [[list(group[:c]), list(group[c:d]), list(group[d:])] for c in range(1, n) for d in range(c + 1, n)]
    return out


def _cut_gain(trial: Sequence[Sequence[Unit]], gi: int, m: int, text: RunText, carry_on: bool) -> float | None:
    """What cutting one group into ``trial[gi : gi + m]`` gains, or None when a part finds no
    story of its own or answers another part's story better than its own."""
    run = text.run
    got = _best(trial, text, carry_on)
    if got is None:
        return None
    _, starts, order = got
    at = {grp: k for grp, k in zip(order, starts, strict=True)}
    parts = list(range(gi, gi + m))
    if any(p not in at for p in parts):
        return None
    gain = 0.0
    for p, q in itertools.pairwise(parts):
        head, tail = trial[p], trial[q]
        echoes = (echo(head, run, at[p], text), echo(tail, run, at[q], text))
        crossed = (echo(head, run, at[q], text), echo(tail, run, at[p], text))
        if max(echoes) < ECHO_MIN or echoes[0] < crossed[0] or echoes[1] < crossed[1] or echoes == crossed:
            return None  # each part must answer to its own story rather than to the other
        gain += W.HEAD_ECHO * echoes[0] if p == gi else 0.0
        gain += W.HEAD_ECHO * echoes[1] - W.HEAD_SPLIT
    first = min(at[p] for p in parts)
    for p in parts:
        if at[p] == first:
            continue
        opening = boundary_score(run, at[p], 1, True) - W.STORY_COST
        restated = m >= 3 and opening > -W.STORY_COST and echo(trial[p], run, at[p], text) >= ECHO_OPENS
        if opening <= 0 and not restated:
            # a later story opens where a story can open on its own; in a cut into three, where
            # every part has answered to a story of its own, after a closed sentence where its
            # opening restates its headline
            return None
        gain += opening
    return gain


def lines_of(group: Sequence[Unit]) -> list[Unit]:
    """A headline group cut into its settings, so it can be cut between any two of them: lines of
    one setting are alike (spaced or not, as wide as each other within ``SETTING_STEP``) and set
    as close together as the group's closest lines (a blank line the others lack parts two)."""
    out: list[Unit] = []
    gaps = [ln.gap for u in group for ln in u.lines][1:]
    tight = min(gaps, default=1)
    for u in group:
        out.append(Unit([u.lines[0]], u.width, u.kind, u.verse))
        for above, ln in zip(u.lines, u.lines[1:], strict=False):
            if ln.spaced != above.spaced or abs(ln.width - above.width) >= SETTING_STEP or ln.gap > tight:
                out.append(Unit([ln], u.width, u.kind, u.verse))
            else:
                out[-1].lines.append(ln)
    return out


def distribute(
    groups: Sequence[Sequence[Unit]], run: Sequence[Unit], carry_on: bool, text: RunText | None = None
) -> tuple[list[Unit], list[tuple[int, list[Unit]]]]:
    """Cut ``run`` for ``groups``: returns the leading units that continue the previous story
    (only when ``carry_on``) and, for each piece, the index of the group it belongs to.  ``text``:
    the run's ``RunText``, shared with ``split_side_by_side``."""
    m = len(groups)
    if m > MAX_GROUPS or (not carry_on and m == 1):
        return [], [(0, list(run))]
    best = _best(groups, text if text is not None else RunText(run), carry_on)
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
