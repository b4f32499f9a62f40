"""What every edit shares: the ``Edit`` protocol, ``EditError`` and the patch that undo inverts.

An edit is a small command object.  ``forward(state)`` validates against the current snapshot and
returns the next one; it never mutates anything but its own undo memory.  Every edit describes its
effect as a ``Patch`` (new article list, new unassigned lines, entities out and in, review flag);
``apply_patch`` computes the inverse patch and the ``Change`` set, so revert is exact for every
edit without deep copies of the page (labelme's counter-example in the house style).
"""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.events import Change
from core.messages import msg, word
from core.model import Article, Entity, Line, Page

if TYPE_CHECKING:
    from core.state import Editable, State


class EditError(Exception):
    """An edit that cannot be done on this page (unknown id, split at the first line, overlap…).

    The message is one sentence meant for the editor's status bar.
    """


@dataclass(frozen=True, slots=True)
class Patch:
    """The effect of an edit; ``None`` means unchanged.  ``remove``/``add`` are whole entities."""

    articles: tuple[Article, ...] | None = None
    unassigned: tuple[int, ...] | None = None
    remove: tuple[Entity, ...] = ()
    add: tuple[Entity, ...] = ()
    review_done: bool | None = None


class Edit:
    """Base of all corrections: ``name`` for the Undo menu, ``apply``/``revert`` on a document.

    Subclasses implement ``patch(state)``; undo memory is the inverse patch of the last forward.
    """

    name: str = "Edit"
    _inverse: Patch | None = None

    def apply(self, doc: Editable) -> None:
        """Do this edit on ``doc`` (same as ``doc.apply(self)``)."""
        doc.apply(self)

    def revert(self, doc: Editable) -> None:
        """Undo this edit on ``doc`` (same as ``doc.revert(self)``)."""
        doc.revert(self)

    def patch(self, state: State) -> Patch:
        raise NotImplementedError

    def forward(self, state: State) -> tuple[State, Change]:
        """The next snapshot and what changed; raises ``EditError`` and leaves nothing behind."""
        new, inverse, change = apply_patch(state, self.patch(state))
        self._inverse = inverse
        return new, change

    def backward(self, state: State) -> tuple[State, Change]:
        """The snapshot before the last ``forward``; only valid on the state that forward made."""
        if self._inverse is None:
            raise EditError(msg("“{name}” cannot be undone: it is not applied", name=word(self.name)))
        new, _, change = apply_patch(state, self._inverse)
        self._inverse = None
        return new, change


def apply_patch(state: State, patch: Patch) -> tuple[State, Patch, Change]:
    """Apply ``patch``; return the new state, the patch that undoes it and the change set."""
    page = state.page
    articles = page.articles if patch.articles is None else patch.articles
    unassigned = page.unassigned if patch.unassigned is None else patch.unassigned
    ids: set[str] = set()
    lines: set[int] = set()
    article_list = False
    if patch.articles is not None:
        old = {a.id: a for a in page.articles}
        new = {a.id: a for a in articles}
        article_list = [a.id for a in page.articles] != [a.id for a in articles]
        for aid in old.keys() | new.keys():
            before, after = old.get(aid), new.get(aid)
            if before is not after and before != after:
                ids.add(aid)
                lines.update(before.lines if before else ())
                lines.update(after.lines if after else ())
    if patch.unassigned is not None:
        lines.update(set(page.unassigned) ^ set(unassigned))
    entities = page.entities
    if patch.remove or patch.add:
        entities = _replace_entities(entities, patch.remove, patch.add)
        for e in (*patch.remove, *patch.add):
            first = bisect.bisect_right(page.lines, e.start, key=_line_start)
            last = bisect.bisect_right(page.lines, max(e.end - 1, e.start), key=_line_start)
            lines.update(range(first, last + 1))
    review = state.review_done if patch.review_done is None else patch.review_done
    new_page = Page(page.source, page.text, page.lines, articles, unassigned, entities)
    inverse = Patch(
        articles=None if patch.articles is None else page.articles,
        unassigned=None if patch.unassigned is None else page.unassigned,
        remove=patch.add,
        add=patch.remove,
        review_done=None if patch.review_done is None else state.review_done,
    )
    change = Change(
        frozenset(ids),
        frozenset(lines),
        frozenset(e.id for e in (*patch.remove, *patch.add)),
        article_list,
        review != state.review_done,
    )
    return dataclasses.replace(state, page=new_page, review_done=review), inverse, change


def _line_start(line: Line) -> int:
    return line.start


def _replace_entities(
    entities: tuple[Entity, ...], remove: tuple[Entity, ...], add: tuple[Entity, ...]
) -> tuple[Entity, ...]:
    out = list(entities)
    for e in remove:
        i = bisect.bisect_left(out, e.start, key=lambda x: x.start)
        if i >= len(out) or out[i] != e:
            raise EditError(msg("entity {id} is not on the page any more", id=e.id))
        del out[i]
    for e in add:
        i = bisect.bisect_left(out, e.start, key=lambda x: x.start)
        if (i < len(out) and out[i].start < e.end) or (i > 0 and out[i - 1].end > e.start):
            raise EditError(msg("“{text}” overlaps another entity", text=e.text))
        out.insert(i, e)
    return tuple(out)


def next_article_id(articles: tuple[Article, ...], taken: set[str] | None = None) -> str:
    """A fresh ``a<n>`` id: deterministic, so redo after undo gives the same id."""
    used = {a.id for a in articles} | (taken or set())
    n = len(articles) + 1
    for a in articles:
        if a.id.startswith("a") and a.id[1:].isdigit():
            n = max(n, int(a.id[1:]) + 1)
    while f"a{n}" in used:
        n += 1
    return f"a{n}"
