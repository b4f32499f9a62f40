"""The one undo command (any core edit, done and undone through the document) and ``Editor``,
the one way an action changes the document."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand, QUndoStack

from core.document import Document
from core.edits.base import Edit, EditError
from ui.actions.context import Reporter
from ui.models.session import PageSession


class EditCommand(QUndoCommand):
    """``redo`` applies the edit, ``undo`` reverts it; the menu shows the edit's name.

    Pushing the command is the only way the window changes a document.  An edit the document
    refuses leaves its ``EditError`` in ``error`` and marks the command obsolete, which makes
    ``QUndoStack.push`` drop it: a refused edit never reaches the stack.
    """

    def __init__(self, document: Document, edit: Edit) -> None:
        super().__init__(edit.name)
        self.document = document
        self.edit = edit
        self.error: EditError | None = None

    # Qt overrides

    def redo(self) -> None:
        try:
            self.document.apply(self.edit)
        except EditError as e:
            self.error = e
            self.setObsolete(True)

    def undo(self) -> None:
        self.document.revert(self.edit)


class Editor:
    """Pushes edits on the undo stack for the session's document; a refused edit is reported."""

    def __init__(self, undo_stack: QUndoStack, session: PageSession, reporter: Reporter) -> None:
        self.undo_stack = undo_stack
        self.session = session
        self.reporter = reporter

    def push(self, edit: Edit) -> bool:
        doc = self.session.document
        if doc is None:
            return False
        command = EditCommand(doc, edit)
        self.undo_stack.push(command)
        if command.error is not None:
            self.reporter.say(str(command.error))
            return False
        return True
