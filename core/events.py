"""Plain-Python change events of a ``Document`` (no Qt): the window adapts them to its item models.

Every ``Document.apply``/``revert`` emits exactly one ``AboutToChange`` and then one ``Changed``
carrying the same change set, so a Qt model can pair them with ``begin…``/``end…`` calls.  A
batch of edits is one pair, not one per sub-edit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

E = TypeVar("E")


class Listeners(Generic[E]):
    """Callbacks of one publisher (a ``Document``, an issue): ``subscribe`` returns the way out,
    ``emit`` calls each in subscription order (a copy, so a listener may unsubscribe itself)."""

    __slots__ = ("_items",)

    def __init__(self) -> None:
        self._items: list[Callable[[E], None]] = []

    def subscribe(self, listener: Callable[[E], None]) -> Callable[[], None]:
        self._items.append(listener)

        def unsubscribe() -> None:
            if listener in self._items:
                self._items.remove(listener)

        return unsubscribe

    def emit(self, event: E) -> None:
        for listener in list(self._items):
            listener(event)


@dataclass(frozen=True, slots=True)
class Change:
    """What one edit touched, so a view refreshes only that (Anki's ``OpChanges`` idea).

    ``articles``: ids of articles inserted, removed or changed (blocks, roles, overrides) — old and
    new ids both; ``article_list``: the list of articles itself changed (insert, remove, reorder);
    ``lines``: line numbers whose article, block or role changed, or that an entity edit touched;
    ``entities``: ids of entities added, removed or changed (old and new id when a span moved);
    ``review``: the review flag changed.
    """

    articles: frozenset[str] = frozenset()
    lines: frozenset[int] = frozenset()
    entities: frozenset[str] = frozenset()
    article_list: bool = False
    review: bool = False

    def __or__(self, other: Change) -> Change:
        return Change(
            self.articles | other.articles,
            self.lines | other.lines,
            self.entities | other.entities,
            self.article_list or other.article_list,
            self.review or other.review,
        )


@dataclass(frozen=True, slots=True)
class _ChangeEvent:
    change: Change
    name: str  # the edit's human name ("Split article")
    reverted: bool  # True when this is an undo

    @property
    def articles(self) -> frozenset[str]:
        return self.change.articles

    @property
    def lines(self) -> frozenset[int]:
        return self.change.lines

    @property
    def entities(self) -> frozenset[str]:
        return self.change.entities

    @property
    def article_list(self) -> bool:
        return self.change.article_list


@dataclass(frozen=True, slots=True)
class AboutToChange(_ChangeEvent):
    """Emitted before the snapshot is swapped: ``Document.page`` is still the old page."""


@dataclass(frozen=True, slots=True)
class Changed(_ChangeEvent):
    """Emitted after the snapshot is swapped: ``Document.page`` is the new page."""

    revision: int


Event = AboutToChange | Changed
