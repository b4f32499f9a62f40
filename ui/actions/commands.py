"""The one undo command (any core edit, done and undone through the document) and ``Editor``,
the one way an action changes the document."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtGui import QUndoCommand, QUndoStack

from core.document import Document
from core.edits.base import Edit, EditError
from core.messages import word
from ui.actions.context import Reporter
from ui.i18n import tr_core
from ui.models.session import PageSession


class EditCommand(QUndoCommand):
    """``redo`` applies the edit, ``undo`` reverts it; the menu shows the edit's name.

    Pushing the command is the only way the window changes a document.  An edit the document
    refuses leaves its ``EditError`` in ``error`` and marks the command obsolete, which makes
    ``QUndoStack.push`` drop it: a refused edit never reaches the stack.

    ``applied``: the edit is already in the document (an issue-wide decision made while another
    page was on screen), so the push itself does nothing; later redos re-apply it.
    """

    def __init__(self, document: Document, edit: Edit, *, applied: bool = False) -> None:
        super().__init__(tr_core(word(edit.name)))  # a name with values (“Confirm all …”) is a Message
        self.document = document
        self.edit = edit
        self.error: EditError | None = None
        self._skip_redo = applied

    # Qt overrides

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
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
            self.reporter.say(tr_core(str(command.error)))
            return False
        return True

    @contextmanager
    def macro(self, name: str) -> Iterator[None]:
        """Edits pushed inside are one undo step (for follow-ups that depend on the first edit)."""
        self.undo_stack.beginMacro(name)
        try:
            yield
        finally:
            self.undo_stack.endMacro()
