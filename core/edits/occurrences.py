"""Applying one entity decision to every occurrence on the page, word-boundary aware.

Matching is on the surface text (line breaks and layout spaces removed, ``textmap.surface``), so
``安立\\n\\n佳`` is an occurrence of ``安立佳``.  Decisions on suggestions (confirm, reject, retype)
touch only entities still ``auto``: an editor's own decision on one occurrence always wins.
``add`` marks unmarked occurrences, skipping one inside a longer entity (``南京`` in an entity
``南京工学院``) or inside a longer jieba word of its paragraph.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from core.edits.base import Edit, EditError
from core.edits.batch import Batch
from core.edits.entity import AddEntity, ConfirmEntity, RejectEntity, RetypeEntity, overlapping
from core.messages import msg, word
from core.model import Page
from core.textmap import MappedText, assemble

DECISIONS: tuple[str, ...] = ("confirm", "reject", "retype", "add")

Tokenizer = Callable[[str], list[tuple[int, int]]]


def occurrences(page: Page, text: str) -> list[tuple[int, int]]:
    """Raw spans whose surface is ``text`` (non-overlapping, left to right)."""
    needle = "".join(text.split())
    if not needle:
        return []
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(page.text):
        if not ch.isspace():
            chars.append(ch)
            offsets.append(i)
    hay = "".join(chars)
    out = []
    i = hay.find(needle)
    while i >= 0:
        out.append((offsets[i], offsets[i + len(needle) - 1] + 1))
        i = hay.find(needle, i + len(needle))
    return out


def apply_to_all(
    page: Page, decision: str, text: str, type: str, *, from_type: str | None = None, tokenize: Tokenizer | None = None
) -> Batch:
    """A ``Batch`` doing ``decision`` for every occurrence of ``text``; ``EditError`` if none.

    confirm/reject: auto entities ``text`` of ``type``; retype: auto entities ``text`` of
    ``from_type`` (any type if None) become ``type``; add: unmarked occurrences become ``type``.
    """
    if decision not in DECISIONS:
        raise EditError(msg("unknown decision {decision}", decision=repr(decision)))
    surface = "".join(text.split())
    edits: list[Edit] = []
    if decision == "add":
        words = _WordCheck(page, tokenize or jieba_tokens)
        for s, e in occurrences(page, surface):
            if overlapping(page, s, e) is None and words.is_word(s, e):
                edits.append(AddEntity(s, e, type))
    else:
        for ent in page.entities:
            if ent.status != "auto" or ent.text != surface:
                continue
            if decision == "retype":
                if ent.type != type and (from_type is None or ent.type == from_type):
                    edits.append(RetypeEntity(ent.id, type))
            elif ent.type == type:
                edits.append(ConfirmEntity(ent.id) if decision == "confirm" else RejectEntity(ent.id))
    if not edits:
        raise EditError(msg("no other occurrence of “{text}” to {decision}", text=surface, decision=word(decision)))
    names = {
        "confirm": msg("Confirm all “{text}”", text=surface),
        "reject": msg("Reject all “{text}”", text=surface),
        "retype": msg("Retype all “{text}”", text=surface),
        "add": msg("Add all “{text}”", text=surface),
    }
    return Batch(edits, names[decision])


class _WordCheck:
    """Is an occurrence a whole word of its paragraph?  Segments each paragraph once."""

    def __init__(self, page: Page, tokenize: Tokenizer) -> None:
        self.page = page
        self.tokenize = tokenize
        self.starts = [ln.start for ln in page.lines]
        self.unit: dict[int, tuple[int, ...]] = {}
        for a in page.articles:
            for b in a.blocks:
                for n in b.lines:
                    self.unit[n] = b.lines
        for n in page.unassigned:
            self.unit[n] = (n,)
        self.cache: dict[tuple[int, ...], tuple[MappedText, set[int]]] = {}

    def is_word(self, start: int, end: int) -> bool:
        first = bisect.bisect_right(self.starts, start)
        last = bisect.bisect_right(self.starts, end - 1)
        unit = self.unit.get(first)
        if unit is None or last not in unit:
            return False  # crosses a paragraph or article boundary
        if unit not in self.cache:
            mapped = assemble(
                self.page.text, [(self.page.lines[n - 1].start, self.page.lines[n - 1].end) for n in unit], squeeze=True
            )
            cuts = {0, len(mapped.text)}
            for s, e in self.tokenize(mapped.text):
                cuts.update((s, e))
            self.cache[unit] = (mapped, cuts)
        mapped, cuts = self.cache[unit]
        span = mapped.from_raw(start, end)
        return span is not None and span[0] in cuts and span[1] in cuts


def jieba_tokens(text: str) -> list[tuple[int, int]]:
    """jieba's word spans of ``text``, through the entity layer (the one module importing jieba)."""
    from core.entities.jieba.tokenizer import tokens

    return [(t.start, t.end) for t in tokens(text)]
