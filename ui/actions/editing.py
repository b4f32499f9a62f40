"""Every correction the editor can make: structure and entity actions, and marking the page reviewed.

Handlers never touch the document: they make an edit and hand it to the ``Editor``.  Shortcuts
live on the panes they make sense in (``attach``).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from core import edits
from core.entities.labels import Label
from ui.actions.base import ActionSet
from ui.actions.commands import Editor
from ui.actions.context import Queue, Reporter, Selection
from ui.actions.entities import EntityActions
from ui.actions.structure import StructureActions
from ui.models.session import PageSession


class EditingActions(ActionSet):
    def __init__(
        self,
        parent: QWidget,
        editor: Editor,
        session: PageSession,
        selection: Selection,
        reporter: Reporter,
        labels: Sequence[Label],
        queue: Queue,
    ) -> None:
        super().__init__(parent)
        self.editor = editor
        self.session = session
        self.reporter = reporter
        self.structural = StructureActions(parent, editor, session, selection, reporter)
        self.entities = EntityActions(parent, editor, session, selection, reporter, labels, queue)
        self.structure = self.structural.structure
        self.roles = self.structural.roles
        self.label_actions = self.entities.label_actions
        self.review = self.entities.review
        self.review_done: QAction = self.action(
            "review_done",
            "Mark page reviewed",
            "Ctrl+Shift+D",
            lambda: self.mark_reviewed(self.review_done.isChecked()),
            "Mark the page as reviewed (export says done); again to take it back",
            Qt.ShortcutContext.WindowShortcut,
        )
        self.review_done.setCheckable(True)
        self.by_name.update(self.structural.by_name)
        self.by_name.update(self.entities.by_name)
        self.show_review_done(None)

    def attach(self, raw: QWidget, article: QWidget, entities: QWidget, articles: QWidget) -> None:
        """Structure keys work on the raw page and the article list; entity keys on raw, article, table."""
        for w in (raw, articles):
            for a in self.structure:
                w.addAction(a)
        for a in self.roles:
            raw.addAction(a)
        for w in (raw, article, entities):
            for a in self.label_actions + self.review:
                w.addAction(a)

    def set_field(self, article_id: str, field: str, text: str) -> None:
        self.structural.set_field(article_id, field, text)

    def mark_reviewed(self, checked: bool) -> None:
        """The check box asks for a state; the document decides (the label follows its events)."""
        doc = self.session.document
        if doc is not None and checked and not self._pending_ok():
            self.show_review_done(doc.review_done)
            return
        if doc is None or not self.editor.push(edits.SetReviewDone(checked)):
            self.show_review_done(doc.review_done if doc is not None else None)

    def _pending_ok(self) -> bool:
        """Marking a page reviewed with entities still waiting asks first (default: no)."""
        pending = self.session.index.pending if self.session.page is not None else 0
        if not pending:
            return True
        answer = self.reporter.ask(
            "Entities still to review",
            f"{pending} entities are still waiting for review. Mark the page reviewed anyway?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def show_review_done(self, done: bool | None) -> None:
        """Mirror the document's review flag (None: no page); ``setChecked`` never triggers an edit."""
        self.review_done.setEnabled(done is not None)
        self.review_done.setChecked(bool(done))
