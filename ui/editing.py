"""Every correction the editor can make, as QActions that build core edits from the selection.

Handlers never touch the document: they make an edit and hand it to ``MainWindow.push``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QWidget

from core import edits
from core.model import ROLES, Entity

if TYPE_CHECKING:
    from ui.main_window import MainWindow

ROLE_KEYS: dict[str, str] = {role: str((i + 1) % 10) for i, role in enumerate(ROLES)}
DECISION_OF_STATUS = {"confirmed": "confirm", "rejected": "reject", "added": "add", "edited": "retype"}


class EditingActions:
    """Structure and entity actions; shortcuts live on the panels they make sense in."""

    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self.structure: list[QAction] = []
        self.roles: list[QAction] = []
        self.review: list[QAction] = []
        self.label_actions: list[QAction] = []
        self.by_name: dict[str, QAction] = {}
        s = self._structure_action
        s("split", "Split article here", "Ctrl+B", self.split_here)
        s("merge_prev", "Merge with previous article", "Alt+Up", lambda: self.merge(-1))
        s("merge_next", "Merge with next article", "Alt+Down", lambda: self.merge(+1))
        s("move_lines", "Move selected lines to article…", "Ctrl+M", self.move_lines_dialog)
        s("new_article", "New article from selected lines", "Ctrl+N", self.new_article)
        s("unassign", "Take selected lines out of their article", "Ctrl+U", self.unassign)
        s("paragraph", "Toggle paragraph start", "Ctrl+P", self.toggle_paragraph)
        for role in ROLES:
            a = self._action(
                f"role_{role}", f"Set role: {role}", ROLE_KEYS[role], lambda _=False, r=role: self.set_role(r)
            )
            self.roles.append(a)
        for label in window.labels:
            a = self._action(
                f"label_{label.name}",
                f"Mark/retype as {label.name} ({label.description})"
                if label.description
                else f"Mark/retype as {label.name}",
                label.key,
                lambda _=False, n=label.name: self.label(n),
            )
            self.label_actions.append(a)
        r = self._review_action
        r("confirm", "Confirm entity", ["Return", "Enter"], self.confirm)
        r("reject", "Reject entity", ["Delete", "Backspace"], self.reject)
        r("apply_all", "Apply this decision to every occurrence", ["A"], self.apply_to_all)
        r("next_pending", "Next entity to review", ["]", "F8"], lambda: self.step_pending(+1))
        r("prev_pending", "Previous entity to review", ["[", "Shift+F8"], lambda: self.step_pending(-1))
        r(
            "confirm_article",
            "Confirm all remaining entities in the article",
            ["Ctrl+Return", "Ctrl+Enter"],
            self.confirm_article,
        )
        self.review_done = self._action("review_done", "Mark page reviewed", "Ctrl+Shift+D", self.mark_reviewed)
        self.review_done.setCheckable(True)
        self.review_done.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.show_review_done(None)

    def _action(self, name: str, text: str, keys: str | list[str], slot: Callable[..., None]) -> QAction:
        a = QAction(text, self.w)
        a.setObjectName(name)
        a.setShortcuts([QKeySequence(k) for k in ([keys] if isinstance(keys, str) else keys)])
        a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        a.triggered.connect(slot)
        self.by_name[name] = a
        return a

    def _structure_action(self, name: str, text: str, key: str, slot: Callable[[], None]) -> None:
        self.structure.append(self._action(name, text, key, lambda _=False: slot()))

    def _review_action(self, name: str, text: str, keys: list[str], slot: Callable[[], None]) -> None:
        self.review.append(self._action(name, text, keys, lambda _=False: slot()))

    def attach(self, raw: QWidget, article: QWidget, entities: QWidget) -> None:
        """Structure keys work on the raw page; entity keys on the raw page, article and table."""
        for a in self.structure + self.roles:
            raw.addAction(a)
        for w in (raw, article, entities):
            for a in self.label_actions + self.review:
                w.addAction(a)

    # -- structure -------------------------------------------------------------------------------

    def _article_at(self, line: int) -> str:
        return self.w.session.index.article_of_line(line)

    def split_here(self) -> None:
        line = self.w.raw_view.current_line()
        aid = self._article_at(line)
        if not aid:
            self.w.say(f"line {line} is in no article")
            return
        self.w.push(edits.SplitArticle(aid, line))

    def merge(self, direction: int) -> None:
        aid = self._article_at(self.w.raw_view.current_line()) or self.w.current_article_id()
        ids = [a.id for a in self.w.page().articles]
        if aid not in ids:
            self.w.say("put the cursor on a line of an article first")
            return
        i = ids.index(aid)
        j = i + direction
        if not 0 <= j < len(ids):
            self.w.say("there is no article " + ("before" if direction < 0 else "after") + " this one")
            return
        first, second = (ids[j], aid) if direction < 0 else (aid, ids[j])
        self.w.push(edits.MergeArticles(first, second))

    def move_lines(self, lines: tuple[int, ...], target: str | None) -> None:
        if not lines:
            self.w.say("select the lines to move first")
            return
        self.w.push(edits.MoveLines(lines, target))

    def move_lines_dialog(self) -> None:
        lines = self.w.raw_view.selected_lines()
        if not lines:
            self.w.say("select the lines to move first")
            return
        model = self.w.article_model
        choices = [f"{model.article_id(r)}: {model.fields(r).title or '(no title)'}" for r in range(model.rowCount())]
        if not choices:
            return
        choice, ok = QInputDialog.getItem(self.w, "Move lines", f"Move {len(lines)} line(s) to:", choices, 0, False)
        if ok and choice:
            self.move_lines(lines, choice.split(":", 1)[0])

    def new_article(self) -> None:
        lines = self.w.raw_view.selected_lines()
        if not lines:
            self.w.say("select the lines of the new article first")
            return
        self.w.push(edits.NewArticle(lines))

    def unassign(self) -> None:
        self.move_lines(self.w.raw_view.selected_lines(), None)

    def toggle_paragraph(self) -> None:
        line = self.w.raw_view.current_line()
        page = self.w.page()
        for a in page.articles:
            for k, b in enumerate(a.blocks):
                if line in b.lines:
                    starts = b.lines[0] == line and k > 0
                    self.w.push(edits.SetParagraphStart(line, start=not starts))
                    return
        self.w.say(f"line {line} is in no article")

    def set_role(self, role: str) -> None:
        lines = self.w.raw_view.selected_lines()
        if not lines:
            return
        self.w.push(edits.SetRole(lines, role))

    def set_field(self, article_id: str, field: str, text: str) -> None:
        self.w.push(edits.SetField(article_id, field, text))

    # -- the page ----------------------------------------------------------------------------------

    def mark_reviewed(self, checked: bool) -> None:
        """The check box asks for a state; the document decides (the label follows its events)."""
        doc = self.w.session.document
        if doc is None or not self.w.push(edits.SetReviewDone(checked)):
            self.show_review_done(doc.review_done if doc is not None else None)

    def show_review_done(self, done: bool | None) -> None:
        """Mirror the document's review flag (None: no page); ``setChecked`` never triggers an edit."""
        self.review_done.setEnabled(done is not None)
        self.review_done.setChecked(bool(done))

    # -- entities ----------------------------------------------------------------------------------

    def _current(self) -> Entity | None:
        eid = self.w.current_entity_id
        if not eid:
            self.w.say("select an entity first (] goes to the next one to review)")
            return None
        try:
            return self.w.session.document.entity(eid) if self.w.session.document else None
        except KeyError:
            return None

    def label(self, type_: str) -> None:
        span = self.w.text_selection()
        if span is not None:
            self.w.push(edits.AddEntity(span[0], span[1], type_), select_entity_at=span[0])
            return
        e = self._current()
        if e is not None:
            self.w.push(edits.RetypeEntity(e.id, type_), select_entity_at=e.start)

    def confirm(self) -> None:
        e = self._current()
        if e is not None:
            self.w.push(edits.ConfirmEntity(e.id), select_entity_at=e.start)

    def reject(self) -> None:
        e = self._current()
        if e is not None:
            self.w.push(edits.RejectEntity(e.id), select_entity_at=e.start)

    def apply_to_all(self) -> None:
        e = self._current()
        if e is None:
            return
        decision = DECISION_OF_STATUS.get(e.status)
        if decision is None:
            self.w.say("decide on this entity first (Enter, Delete or a label key)")
            return
        self.w.push(edits.apply_to_all(self.w.page(), decision, e.text, e.type), select_entity_at=e.start)

    def step_pending(self, direction: int) -> None:
        page = self.w.page()
        pending = [e for e in page.entities if e.status == "auto"]
        if not pending:
            self.w.say("no entity is waiting for review")
            return
        here = -1
        cur = self.w.current_entity_id
        if cur:
            try:
                here = self.w.session.document.entity(cur).start if self.w.session.document else -1
            except KeyError:
                here = -1
        if direction > 0:
            nxt = next((e for e in pending if e.start > here), pending[0])
        else:
            nxt = next((e for e in reversed(pending) if e.start < here), pending[-1])
        self.w.select_entity(nxt.id)

    def confirm_article(self) -> None:
        aid = self.w.current_article_id()
        if not aid:
            self.w.say("select an article first")
            return
        index = self.w.session.index
        todo = [
            edits.ConfirmEntity(e.id)
            for e in self.w.page().entities
            if e.status == "auto" and index.article_of_entity(e) == aid
        ]
        if not todo:
            self.w.say("no entity of this article is waiting for review")
            return
        self.w.push(edits.Batch(todo, f"Confirm {len(todo)} entities in the article"))
