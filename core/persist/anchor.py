"""Re-anchoring saved decisions on a page whose text changed since they were saved.

A sidecar (version 2) keeps the text its decisions were made on.  When the page's text is
different, each decision is moved to the new text instead of being dropped:

- lines by content: a line diff (``difflib.SequenceMatcher``) pairs equal lines; inside a changed
  hunk, lines that stayed similar are paired too (an edited line keeps its role and article);
- character offsets through equal runs: whole equal lines, and a character diff inside each
  changed hunk; an entity decision moves only if its whole span lies in one equal run that also
  carries some context on one side, and its text on the new page is the same;
- what the diff cannot place is searched by its text with its context around it (both sides,
  else one side), taken only when that occurs exactly once on the old page and on the new one
  and lies on the lines the line diff paired with its old lines.

What does not anchor exactly is not guessed: it is listed (one line each) for the editor.
"""

from __future__ import annotations

import bisect
import difflib
from dataclasses import dataclass
from typing import Any

from core.lines import split_lines
from core.messages import msg, word
from core.model import Line, Page
from core.textmap import surface

HUNK_CHARS = 6000  # a changed hunk larger than this is not diffed character by character
PAIR_RATIO = 0.6  # how alike an old and a new line of a changed hunk must be to be the same line
CONTEXT = 2  # characters an equal run must carry beyond an entity on one side (in a changed hunk)
SEARCH_CONTEXT = 6  # characters of context on each side for the surface-text search
MIN_KEPT_LINES = 0.5  # below this share of non-blank lines found again it is another text


@dataclass(frozen=True, slots=True)
class Reanchored:
    """``data``: the sidecar dict in the new text's coordinates; ``lost``: one line per decision
    that did not anchor exactly; ``kept``: how many did; ``unplaced``: new lines the editor's
    structure has no place for (left unassigned)."""

    data: dict[str, Any]
    kept: int
    lost: tuple[str, ...]
    unplaced: tuple[int, ...] = ()


class AnotherText(ValueError):
    """The new text shares too little with the old one for any decision to be moved."""


class TextMap:
    """Old text → new text: paired lines and equal character runs."""

    def __init__(self, old_text: str, new_text: str) -> None:
        self.old_text, self.new_text = old_text, new_text
        self.old_lines = split_lines(old_text)
        self.new_lines = split_lines(new_text)
        self.lines: dict[int, int] = {}  # old line number → new line number (equal or edited)
        self.exact_lines: set[int] = set()  # old lines found unchanged
        runs: list[tuple[int, int, int, bool]] = []  # (old start, old end, new start, whole lines)
        a = [ln.text for ln in self.old_lines]
        b = [ln.text for ln in self.new_lines]
        matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                for k in range(i2 - i1):
                    self.lines[i1 + k + 1] = j1 + k + 1
                    self.exact_lines.add(i1 + k + 1)
                start = self.old_lines[i1].start
                runs.append((start, self.old_lines[i2 - 1].end, self.new_lines[j1].start, True))
            elif tag == "replace":
                self._pair_lines(i1, i2, j1, j2)
                runs.extend(self._char_runs(self.old_lines[i1:i2], self.new_lines[j1:j2]))
        runs.sort()
        self.runs = runs
        self.run_starts = [r[0] for r in runs]

    def _pair_lines(self, i1: int, i2: int, j1: int, j2: int) -> None:
        """Edited lines: in order, each old line with the most alike new line after the last pair."""
        if (i2 - i1) * (j2 - j1) > 400:
            return
        nxt = j1
        for i in range(i1, i2):
            old = self.old_lines[i].text
            if not old.strip():
                continue
            best, best_j = PAIR_RATIO, -1
            for j in range(nxt, j2):
                new = self.new_lines[j].text
                if not new.strip():
                    continue
                r = difflib.SequenceMatcher(None, old, new, autojunk=False).ratio()
                if r >= best:
                    best, best_j = r, j
            if best_j >= 0:
                self.lines[i + 1] = best_j + 1
                nxt = best_j + 1

    def _char_runs(self, old: tuple[Line, ...], new: tuple[Line, ...]) -> list[tuple[int, int, int, bool]]:
        o0, o1 = old[0].start, old[-1].end
        n0, n1 = new[0].start, new[-1].end
        if o1 - o0 > HUNK_CHARS or n1 - n0 > HUNK_CHARS:
            return []
        a, b = self.old_text[o0:o1], self.new_text[n0:n1]
        m = difflib.SequenceMatcher(None, a, b, autojunk=False)
        return [(o0 + i, o0 + i + size, n0 + j, False) for i, j, size in m.get_matching_blocks() if size]

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The new span of old ``[start, end)`` when it lies in one equal run (with context when
        the run comes from a changed hunk), else None."""
        k = bisect.bisect_right(self.run_starts, start) - 1
        if k < 0:
            return None
        o0, o1, n0, whole = self.runs[k]
        if not (o0 <= start and end <= o1):
            return None
        if not whole and start - o0 < CONTEXT and o1 - end < CONTEXT:
            return None
        s = n0 + (start - o0)
        e = s + (end - start)
        if self.new_text[s:e] != self.old_text[start:end]:
            return None
        return s, e

    def search(self, start: int, end: int) -> tuple[int, int] | None:
        """The new span of old ``[start, end)`` found by its text and the context on both sides,
        else on one side; only where that occurs exactly once on the old page and on the new."""
        needle = self.old_text[start:end]
        left = self.old_text[max(0, start - SEARCH_CONTEXT) : start]
        right = self.old_text[end : end + SEARCH_CONTEXT]
        for before, after in ((left, right), (left, ""), ("", right)):
            if len(before) + len(after) < SEARCH_CONTEXT:
                continue
            probe = before + needle + after
            if _count(self.old_text, probe) != 1:  # the context must single it out on the old page too
                continue
            i = self.new_text.find(probe)
            if i >= 0 and self.new_text.find(probe, i + 1) < 0:
                s = i + len(before)
                if self._same_lines(start, end, s, s + len(needle)):
                    return s, s + len(needle)
        return None

    def _same_lines(self, start: int, end: int, new_start: int, new_end: int) -> bool:
        """The lines a found span covers are the old span's lines as the line diff paired them
        (not a new line that happens to hold the same characters)."""
        old = range(_line_of(self.old_lines, start), _line_of(self.old_lines, end - 1) + 1)
        new = range(_line_of(self.new_lines, new_start), _line_of(self.new_lines, new_end - 1) + 1)
        return len(old) == len(new) and all(self.lines.get(o) == n for o, n in zip(old, new, strict=True))

    def move(self, start: int, end: int) -> tuple[int, int] | None:
        return self.span(start, end) or self.search(start, end)

    def kept_share(self) -> float:
        old = [ln.number for ln in self.old_lines if not ln.is_blank]
        return sum(1 for n in old if n in self.exact_lines) / len(old) if old else 1.0


def reanchor(data: dict[str, Any], new_page: Page) -> Reanchored:
    """``data`` (a checked version-2 sidecar dict) moved onto ``new_page``'s text.

    ``AnotherText`` when too little of the old text is found again to trust any of it."""
    tmap = TextMap(data["text"], new_page.text)
    if tmap.kept_share() < MIN_KEPT_LINES:
        raise AnotherText(msg("only {share:.0%} of its lines are on this page", share=tmap.kept_share()))
    lost: list[str] = []
    kept = 0
    old_text = data["text"]

    entities = []
    taken: list[tuple[int, int]] = []
    for d in sorted(data["entities"], key=lambda d: d["start"]):
        span = tmap.move(d["start"], d["end"])
        if span is not None and surface(new_page.text, *span) == d["text"] and not _overlaps(taken, span):
            entities.append({**d, "start": span[0], "end": span[1]})
            bisect.insort(taken, span)
            kept += 1
        else:
            lost.append(
                msg(
                    "{status} {type} “{text}” (was at line {line})",
                    status=word(d["status"]),
                    type=d["type"],
                    text=d["text"],
                    line=_line_of(tmap.old_lines, d["start"]),
                )
            )
    removed = []
    for d in data["removed"]:
        span = tmap.move(d["start"], d["end"])
        if span is not None and new_page.text[span[0] : span[1]] == old_text[d["start"] : d["end"]]:
            removed.append({**d, "start": span[0], "end": span[1]})
            kept += 1
        else:
            words = surface(old_text, d["start"], d["end"])
            lost.append(
                msg(
                    "removed {type} “{text}” (was at line {line})",
                    type=d["type"],
                    text=words,
                    line=_line_of(tmap.old_lines, d["start"]),
                )
            )
    overrides = []
    for o in data["overrides"]:
        line = tmap.lines.get(o["line"])
        if line is not None:
            overrides.append({**o, "line": line})
            kept += 1
        else:
            lost.append(
                msg(
                    "the {field} “{text}” (its line {line} is gone)",
                    field=word(o["field"]),
                    text=o["text"],
                    line=o["line"],
                )
            )
    structure = data["structure"]
    unplaced: list[int] = []
    if structure is not None:
        structure, k, structure_lost, unplaced = _structure(structure, tmap, new_page)
        kept += k
        lost.extend(structure_lost)
    out = {
        **data,
        "structure": structure,
        "overrides": overrides,
        "entities": entities,
        "removed": removed,
        "text": new_page.text,
    }
    return Reanchored(out, kept, tuple(lost), tuple(unplaced))


def _overlaps(taken: list[tuple[int, int]], span: tuple[int, int]) -> bool:
    """``span`` overlaps one of ``taken`` (sorted, non-overlapping spans)."""
    i = bisect.bisect_left(taken, span)
    return (i > 0 and taken[i - 1][1] > span[0]) or (i < len(taken) and taken[i][0] < span[1])


def _count(text: str, probe: str, limit: int = 2) -> int:
    n, i = 0, text.find(probe)
    while i >= 0 and n < limit:
        n += 1
        i = text.find(probe, i + 1)
    return n


def _line_of(lines: tuple[Line, ...], offset: int) -> int:
    return bisect.bisect_right([ln.start for ln in lines], offset)


def _structure(
    structure: dict[str, Any], tmap: TextMap, page: Page
) -> tuple[dict[str, Any], int, list[str], list[int]]:
    """Articles and blocks through the line map; a new line between two lines of one block joins
    it, any other new line is left unassigned (and said)."""
    lost: list[str] = []
    kept = 0
    articles: list[dict[str, Any]] = []
    where: dict[int, tuple[int, int]] = {}  # new line → (article index, block index)
    for a in structure["articles"]:
        blocks = []
        for b in a["blocks"]:
            lines = [tmap.lines[n] for n in b["lines"] if n in tmap.lines]
            if lines:
                blocks.append({"role": b["role"], "lines": lines})
        if blocks:
            kept += 1
            for bi, b in enumerate(blocks):
                for n in b["lines"]:
                    where[n] = (len(articles), bi)
            articles.append({"id": a["id"], "blocks": blocks})
        else:
            lost.append(msg("article {id} (all its lines are gone)", id=a["id"]))
    unassigned = [tmap.lines[n] for n in structure["unassigned"] if n in tmap.lines]
    covered = set(where) | set(unassigned)
    unplaced: list[int] = []
    wanted = [ln.number for ln in page.lines if not ln.is_blank]
    ordered = sorted(covered)
    for n in wanted:
        if n in covered:
            continue
        i = bisect.bisect_left(ordered, n)
        before = ordered[i - 1] if i > 0 else None
        after = ordered[i] if i < len(ordered) else None
        home = where.get(before) if before is not None else None
        if home is not None and after is not None and where.get(after) == home:
            block = articles[home[0]]["blocks"][home[1]]["lines"]
            k = block.index(before)
            if k + 1 < len(block) and block[k + 1] == after:
                block.insert(k + 1, n)
                where[n] = home
                bisect.insort(ordered, n)
                continue
        unassigned.append(n)
        unplaced.append(n)
    return {"articles": articles, "unassigned": sorted(unassigned)}, kept, lost, unplaced
