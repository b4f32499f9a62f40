"""The one undo command: any core edit, done and undone through the document."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from core.document import Document
from core.edits.base import Edit


class EditCommand(QUndoCommand):
    """``redo`` applies the edit, ``undo`` reverts it; the menu shows the edit's name.

    The window applies the edit itself before pushing (so a refused edit raises ``EditError`` where
    it can be reported, and never reaches the stack); ``applied=True`` makes the push's first
    ``redo`` a no-op.
    """

    def __init__(self, document: Document, edit: Edit, *, applied: bool = False) -> None:
        super().__init__(edit.name)
        self.document = document
        self.edit = edit
        self._skip_redo = applied

    # Qt overrides

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self.document.apply(self.edit)

    def undo(self) -> None:
        self.document.revert(self.edit)
