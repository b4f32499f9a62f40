"""One snapshot of an editing session and the look-ups every edit needs.

Kept apart from ``core.document`` so that the edit objects depend on it one way: ``edits`` import
``state``, ``document`` imports ``state`` (and knows edits only by type), nothing imports back.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from core.model import Entity, Page

if TYPE_CHECKING:
    from core.edits.base import Edit


@dataclass(frozen=True, slots=True)
class State:
    """One snapshot of the session: what an edit transforms and what undo gives back."""

    page: Page
    review_done: bool = False


class Editable(Protocol):
    """What an edit needs of a document: ``core.document.Document`` is one."""

    def apply(self, edit: Edit) -> None: ...

    def revert(self, edit: Edit) -> None: ...


def find_entity(page: Page, entity_id: str) -> Entity:
    """Entities are sorted by start and ids encode the span: a bisect, not a scan."""
    start = _id_start(entity_id)
    if start is not None:
        i = bisect.bisect_left(page.entities, start, key=lambda e: e.start)
        if i < len(page.entities) and page.entities[i].id == entity_id:
            return page.entities[i]
    for e in page.entities:  # ids not made by model.entity_id (should not happen)
        if e.id == entity_id:
            return e
    raise KeyError(entity_id)


def _id_start(entity_id: str) -> int | None:
    try:
        return int(entity_id[1:].split("-", 1)[0])
    except ValueError:
        return None


def present_entities(page: Page, ids: frozenset[str]) -> list[Entity]:
    """The entities of ``page`` among ``ids`` (an edit's change names both the old and the new ids)."""
    out = []
    for eid in ids:
        try:
            out.append(find_entity(page, eid))
        except KeyError:
            continue
    return out
