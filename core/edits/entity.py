"""Entity edits: add from a span, remove, retype, respan, confirm, reject.

Spans are half-open offsets into the page text and may cross line breaks; an entity's ``text`` is
always ``textmap.surface`` of its span and its id ``model.entity_id`` of it, so both stay true
after any edit.  Spans never overlap: an edit that would make them overlap is refused.
"""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.edits.base import Edit, EditError, Patch
from core.messages import msg
from core.model import Entity, Page, entity_id
from core.state import find_entity
from core.textmap import surface

if TYPE_CHECKING:
    from core.state import State

EDITOR_SOURCE = "user"


def trim_span(page: Page, start: int, end: int) -> tuple[int, int]:
    """The span without whitespace at its edges; ``EditError`` if nothing is left."""
    if not 0 <= start < end <= len(page.text):
        raise EditError(msg("span {start}–{end} is outside the page text", start=start, end=end))
    while start < end and page.text[start].isspace():
        start += 1
    while end > start and page.text[end - 1].isspace():
        end -= 1
    if start >= end:
        raise EditError(msg("the selection holds no text"))
    return start, end


def overlapping(page: Page, start: int, end: int, ignore: str | None = None) -> Entity | None:
    """The first entity other than ``ignore`` overlapping ``[start, end)``, if any.

    Entities are sorted and never overlap, so their ends are sorted too: a bisect, not a scan."""
    ents = page.entities
    for i in range(bisect.bisect_right(ents, start, key=lambda e: e.end), len(ents)):
        e = ents[i]
        if e.start >= end:
            break
        if e.id != ignore:
            return e
    return None


def _get(page: Page, eid: str) -> Entity:
    try:
        return find_entity(page, eid)
    except KeyError:
        raise EditError(msg("there is no entity {id}", id=eid)) from None


def _edited(e: Entity) -> str:
    """An editor's own entity stays ``added`` however often it is changed."""
    return "added" if e.status == "added" else "edited"


def _check_type(type_: str) -> None:
    if not type_ or not type_.strip():
        raise EditError(msg("an entity needs a type"))


@dataclass(eq=False)
class AddEntity(Edit):
    """Mark ``[start, end)`` as an entity of ``type`` (status ``added``, source ``user``)."""

    start: int
    end: int
    type: str
    status: str = "added"
    name = "Add entity"

    def patch(self, state: State) -> Patch:
        page = state.page
        _check_type(self.type)
        s, e = trim_span(page, self.start, self.end)
        other = overlapping(page, s, e)
        if other is not None:
            raise EditError(msg("the selection overlaps the entity “{text}”", text=other.text))
        return Patch(
            add=(Entity(entity_id(s, e), self.type, s, e, surface(page.text, s, e), self.status, EDITOR_SOURCE, 1.0),)
        )


@dataclass(eq=False)
class RemoveEntity(Edit):
    """Take an entity off the page (unlike reject, which keeps it with ``rejected`` status)."""

    entity_id: str
    name = "Remove entity"

    def patch(self, state: State) -> Patch:
        return Patch(remove=(_get(state.page, self.entity_id),))


@dataclass(eq=False)
class _Replace(Edit):
    entity_id: str

    def replacement(self, page: Page, e: Entity) -> Entity:
        raise NotImplementedError

    def patch(self, state: State) -> Patch:
        e = _get(state.page, self.entity_id)
        new = self.replacement(state.page, e)
        if new == e:
            raise EditError(msg("“{text}” is already like that", text=e.text))
        return Patch(remove=(e,), add=(new,))


@dataclass(eq=False)
class RetypeEntity(_Replace):
    """Change an entity's type; it becomes ``edited`` (``added`` stays ``added``)."""

    type: str = ""
    name = "Change entity type"

    def replacement(self, page: Page, e: Entity) -> Entity:
        _check_type(self.type)
        return dataclasses.replace(e, type=self.type, status=_edited(e))


@dataclass(eq=False)
class ResizeEntity(_Replace):
    """Change an entity's span (its id and text follow); it becomes ``edited``."""

    start: int = 0
    end: int = 0
    name = "Change entity span"

    def replacement(self, page: Page, e: Entity) -> Entity:
        s, t = trim_span(page, self.start, self.end)
        other = overlapping(page, s, t, ignore=e.id)
        if other is not None:
            raise EditError(msg("the new span overlaps the entity “{text}”", text=other.text))
        return dataclasses.replace(
            e, id=entity_id(s, t), start=s, end=t, text=surface(page.text, s, t), status=_edited(e), value=None
        )


@dataclass(eq=False)
class ConfirmEntity(_Replace):
    """The editor says the suggestion is right (optionally as ``type``)."""

    type: str | None = None
    name = "Confirm entity"

    def replacement(self, page: Page, e: Entity) -> Entity:
        return dataclasses.replace(e, status="confirmed", type=self.type or e.type)


@dataclass(eq=False)
class RejectEntity(_Replace):
    """The editor says the suggestion is wrong; it stays with ``rejected`` status so it is not
    suggested again and the decision can be audited."""

    name = "Reject entity"

    def replacement(self, page: Page, e: Entity) -> Entity:
        return dataclasses.replace(e, status="rejected")
