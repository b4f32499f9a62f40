"""Unlimited undo/redo over a ``Document`` without Qt (headless use, tests, scripts).

The window uses ``QUndoStack`` over the very same edit objects; both only call
``Document.apply``/``revert``, so the two can never disagree about what an edit does.
"""

from __future__ import annotations

from core.document import Document
from core.edits import Edit


class History:
    """Undo and redo stacks plus a clean marker (the revision count of the saved state)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._done: list[Edit] = []
        self._undone: list[Edit] = []
        self._clean: int | None = 0  # len(_done) at the last save; None: unreachable

    def do(self, edit: Edit) -> None:
        """Apply ``edit`` and make it the top of the undo stack (redo is forgotten).
        ``EditError`` leaves history and document untouched."""
        self.doc.apply(edit)
        self._done.append(edit)
        if self._clean is not None and self._clean > len(self._done) - 1 and self._undone:
            self._clean = None  # the saved state was in the redo branch we are dropping
        self._undone.clear()

    def undo(self) -> None:
        if not self._done:
            raise IndexError("nothing to undo")
        edit = self._done[-1]
        self.doc.revert(edit)
        self._undone.append(self._done.pop())

    def redo(self) -> None:
        if not self._undone:
            raise IndexError("nothing to redo")
        edit = self._undone[-1]
        self.doc.apply(edit)
        self._done.append(self._undone.pop())

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    @property
    def done(self) -> tuple[Edit, ...]:
        """The applied edits, oldest first (the top of the undo stack last)."""
        return tuple(self._done)

    @property
    def undo_name(self) -> str | None:
        return self._done[-1].name if self._done else None

    @property
    def redo_name(self) -> str | None:
        return self._undone[-1].name if self._undone else None

    def mark_clean(self) -> None:
        """Call after a successful save: the current state is what is on disk."""
        self._clean = len(self._done)

    @property
    def is_clean(self) -> bool:
        return self._clean == len(self._done)

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()
        self._clean = 0
