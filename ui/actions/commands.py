"""The one undo command (any core edit, done and undone through the document) and ``Editor``,
the one way an action changes the document."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtGui import QUndoCommand, QUndoStack

from core.document import Document
from core.edits.base import Edit, EditError
from core.messages import Message, word
from core.model import Page
from ui.actions.context import Reporter
from ui.i18n import tr_core
from ui.models.session import PageSession


class EditCommand(QUndoCommand):
    """``redo`` applies the edit, ``undo`` reverts it; the menu shows the edit's name.

    The edit is already in the document when the command is pushed (``Editor`` tries every edit
    before stacking it; an issue-wide decision was made while another page was on screen), so the
    push itself does nothing; later redos re-apply it.  An edit the document refuses on a redo
    marks the command obsolete.
    """

    def __init__(self, document: Document, edit: Edit) -> None:
        super().__init__(tr_core(word(edit.name)))  # a name with values (“Confirm all …”) is a Message
        self.document = document
        self.edit = edit
        self._skip_redo = True

    # Qt overrides

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        try:
            self.document.apply(self.edit)
        except EditError:
            self.setObsolete(True)

    def undo(self) -> None:
        self.document.revert(self.edit)


def by_row(text: str, page: Page) -> str:
    """A refusal naming an article of the page by its id names it by its row number instead: the
    number the article list shows (core knows articles by id only)."""
    if not isinstance(text, Message) or "article {id}" not in text.template:
        return text
    row = next((k for k, a in enumerate(page.articles, 1) if a.id == text.values.get("id")), 0)
    return Message(text.template, {**text.values, "id": row}) if row else text


class Editor:
    """Pushes edits on the undo stack for the session's document; a refused edit is reported.

    The document tries each edit before the stack sees it: a refused edit leaves the stack, its
    clean state and hence the autosave untouched (``QUndoStack.push`` would drop the redo
    history even for a command that turns out obsolete, and ``beginMacro`` opens a step at once).
    """

    def __init__(self, undo_stack: QUndoStack, session: PageSession, reporter: Reporter) -> None:
        self.undo_stack = undo_stack
        self.session = session
        self.reporter = reporter
        self._macro: str | None = None  # the name of the step ``macro`` will open
        self._macro_open = False

    def push(self, edit: Edit) -> bool:
        doc = self.session.document
        if doc is None:
            return False
        try:
            doc.apply(edit)
        except EditError as e:
            self.reporter.say(tr_core(by_row(str(e), doc.page)))
            return False
        if self._macro is not None and not self._macro_open:
            self.undo_stack.beginMacro(self._macro)
            self._macro_open = True
        self.undo_stack.push(EditCommand(doc, edit))
        return True

    @contextmanager
    def macro(self, name: str) -> Iterator[None]:
        """Edits pushed inside are one undo step (for follow-ups that depend on the first edit).

        The step opens with the first edit the document accepts: when none is, nothing is stacked.
        """
        if self._macro is not None:  # nested: part of the step already asked for
            yield
            return
        self._macro, self._macro_open = name, False
        try:
            yield
        finally:
            if self._macro_open:
                self.undo_stack.endMacro()
            self._macro, self._macro_open = None, False
