"""The editing session around a page: one mutable ``Document`` holding immutable snapshots.

State is a frozen ``State`` (the current ``Page`` and the review flag).  It only changes through
``Document.apply(edit)`` / ``Document.revert(edit)``: the edit computes the next snapshot purely
from the current one, the document emits ``AboutToChange``, swaps the snapshot, bumps
``revision`` and emits ``Changed``.  Nothing else can mutate it, so undo, autosave and the views
all see the same sequence of states.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from core.edits.base import EditError
from core.events import AboutToChange, Change, Changed, Event, Listeners
from core.model import Article, Entity, Page
from core.state import State, find_entity

if TYPE_CHECKING:
    from core.edits import Edit

REVIEW_STATUSES: tuple[str, ...] = ("auto", "in_progress", "done")

Listener = Callable[[Event], None]


class Document:
    """A page being corrected.

    ``base`` is the automatic parse the session started from (what the parser alone gives); the
    sidecar stores the difference between it and ``page``, so corrections survive a new parser.
    """

    def __init__(self, page: Page, *, base: Page | None = None, review_done: bool = False) -> None:
        self._state = State(page, review_done)
        self.base: Page = base if base is not None else page
        self._revision = 0
        self._listeners: Listeners[Event] = Listeners()
        self._busy = False
        self.read_only: str | None = None  # why edits are refused (the page is open elsewhere)

    # -- reading -------------------------------------------------------------------------------

    @property
    def state(self) -> State:
        return self._state

    @property
    def page(self) -> Page:
        """The current immutable snapshot; hold on to it freely, it never changes under you."""
        return self._state.page

    @property
    def revision(self) -> int:
        """Increases on every apply and every revert (never goes back: a cache key, not a clean
        marker; use ``History.is_clean`` or ``QUndoStack.isClean`` for the modified flag)."""
        return self._revision

    @property
    def review_done(self) -> bool:
        return self._state.review_done

    @property
    def review_status(self) -> str:
        """``done`` when the editor said so, ``auto`` while the page is the bare parse,
        ``in_progress`` otherwise (the export's ``review.status``)."""
        if self._state.review_done:
            return "done"
        return "auto" if self.page == self.base else "in_progress"

    def article(self, article_id: str) -> Article:
        """The article with this id; ``KeyError`` if there is none."""
        return self.page.article(article_id)

    def entity(self, entity_id: str) -> Entity:
        """The entity with this id; ``KeyError`` if there is none."""
        return find_entity(self.page, entity_id)

    def owner(self, line: int) -> str | None:
        """Id of the article holding ``line``, or None (unassigned or blank)."""
        for a in self.page.articles:
            for b in a.blocks:
                if line in b.lines:
                    return a.id
        return None

    # -- changing --------------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(event)`` for every ``AboutToChange``/``Changed``; returns the unsubscriber."""
        return self._listeners.subscribe(listener)

    def apply(self, edit: Edit) -> None:
        """Do ``edit``; raises ``EditError`` (state untouched, no event) when it is impossible or
        the document is ``read_only``."""
        if self.read_only:
            raise EditError(self.read_only)
        self._step(edit, reverted=False)

    def revert(self, edit: Edit) -> None:
        """Undo ``edit``, which must be the last edit applied and not yet reverted."""
        self._step(edit, reverted=True)

    def _step(self, edit: Edit, *, reverted: bool) -> None:
        if self._busy:
            raise RuntimeError("an edit was applied from inside a change listener")
        self._busy = True
        try:
            new, change = edit.backward(self._state) if reverted else edit.forward(self._state)
            self._emit(AboutToChange(change, edit.name, reverted))
            self._state = new
            self._revision += 1
            self._emit(Changed(change, edit.name, reverted, self._revision))
        finally:
            self._busy = False

    def _emit(self, event: Event) -> None:
        self._listeners.emit(event)


__all__ = ["REVIEW_STATUSES", "Change", "Document", "State", "find_entity"]
