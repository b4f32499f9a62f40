"""The window's hold on one core ``Document``: turns core events into one Qt signal.

Models keep their own snapshot of the page until ``changed`` reaches them, so each can call
``begin…``/``end…`` around swapping in the new one.  ``Change`` says which lines, articles and
entities moved; models refresh only those.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from core.document import Document
from core.events import Changed, Event
from core.model import Page
from ui.models.page_index import PageIndex


class PageSession(QObject):
    """Emits ``reset()`` when a new document is opened and ``changed(old, new, change)`` per edit."""

    reset = Signal()
    changed = Signal(object, object, object)  # old Page, new Page, core.events.Change

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document: Document | None = None
        self.page: Page | None = None
        self._index: PageIndex | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self.updating = False  # True while models follow an edit: their row moves are no clicks

    def open(self, document: Document) -> None:
        self.close()
        self.document = document
        self.page = document.page
        self._index = None
        self._unsubscribe = document.subscribe(self._on_event)
        self.reset.emit()

    def close(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
        self._unsubscribe = None
        self.document = None
        if self.page is not None:
            self.page = None
            self._index = None
            self.reset.emit()

    @property
    def index(self) -> PageIndex:
        """Line/offset → article look-ups for the current snapshot (built on first use)."""
        assert self.page is not None
        if self._index is None or self._index.page is not self.page:
            self._index = PageIndex(self.page)
        return self._index

    def _on_event(self, event: Event) -> None:
        if not isinstance(event, Changed) or self.document is None:
            return
        old = self.page
        new = self.document.page
        self.page = new
        if old is None:
            self.reset.emit()
            return
        if self._index is not None and self._index.page is old:
            self._index = self._index.updated(new, event.change)
        self.updating = True
        try:
            self.changed.emit(old, new, event.change)
        finally:
            self.updating = False
