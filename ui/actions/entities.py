"""Entity review as QActions: label keys, confirm, reject, apply to all, step through the queue."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QMessageBox, QWidget

from core import edits
from core.entities.labels import Label
from core.model import PENDING_STATUS, Entity
from ui.actions.base import ActionSet
from ui.actions.commands import Editor
from ui.actions.context import Queue, Reporter, Selection
from ui.i18n import tr, tr_core
from ui.models.session import PageSession

DECISION_OF_STATUS = {"confirmed": "confirm", "rejected": "reject", "added": "add", "edited": "retype"}


class EntityActions(ActionSet):
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
        self.queue = queue
        self._last_decided = ""  # A applies this decision when the queue has moved on
        # an open issue takes "apply to all" to every page: (decision, text, type) -> handled
        self.issue_wide: Callable[[str, str, str], bool] | None = None
        self.editor = editor
        self.session = session
        self.selection = selection
        self.reporter = reporter
        a = self.action
        self.label_actions = [
            a(
                f"label_{lb.name}",
                tr("Mark/retype as {label}").format(label=lb.name),
                lb.key,
                lambda n=lb.name: self.label(n),  # type: ignore[misc]
                tr(lb.description),
            )
            for lb in labels
        ]
        self.review = [
            a("confirm", tr("Confirm entity"), ["Return", "Enter"], self.confirm),
            a("reject", tr("Reject entity"), ["Delete", "Backspace"], self.reject),
            a("apply_all", tr("Apply this decision to every occurrence"), ["A"], self.apply_to_all),
            a("next_pending", tr("Next entity to review"), ["]", "F8"], lambda: self.step_pending(+1)),
            a("prev_pending", tr("Previous entity to review"), ["[", "Shift+F8"], lambda: self.step_pending(-1)),
            a(
                "confirm_article",
                tr("Confirm all remaining entities in the article"),
                ["Ctrl+Return", "Ctrl+Enter"],
                self.confirm_article,
            ),
        ]
        self.boundaries = [
            a("end_left", tr("Entity end one character left"), ["Alt+Shift+Left"], lambda: self.move_edge(False, -1)),
            a(
                "end_right",
                tr("Entity end one character right"),
                ["Alt+Shift+Right"],
                lambda: self.move_edge(False, +1),
            ),
            a(
                "start_left",
                tr("Entity start one character left"),
                ["Ctrl+Alt+Shift+Left"],
                lambda: self.move_edge(True, -1),
            ),
            a(
                "start_right",
                tr("Entity start one character right"),
                ["Ctrl+Alt+Shift+Right"],
                lambda: self.move_edge(True, +1),
            ),
        ]
        self.review += self.boundaries

    def _next_in_queue(self, after: str, direction: int = 1, skip: frozenset[str] = frozenset()) -> str:
        """The next entity waiting for review after ``after`` in the table's order (wrapping), or ""."""
        page = self.session.page
        if page is None:
            return ""
        pending = {e.id for e in page.entities if e.status == PENDING_STATUS} - skip
        order = self.queue.visible_ids()
        if direction < 0:
            order.reverse()
        here = order.index(after) if after in order else -1
        for eid in order[here + 1 :] + order[: here + 1]:
            if eid in pending and eid != after:
                return eid
        return ""

    def _decide(self, edit: edits.Edit, e: Entity) -> None:
        """Push a decision on ``e``, then move on to the next entity waiting in the queue."""
        nxt = self._next_in_queue(e.id, skip=frozenset({e.id}))
        if not self._push(edit, e.start):
            return
        page = self.session.page
        self._last_decided = next((x.id for x in page.entities if x.start == e.start), "") if page else ""
        if nxt and self.session.document is not None:
            try:
                self.session.document.entity(nxt)
            except KeyError:
                nxt = self._next_in_queue(e.id)
            if nxt:
                self.selection.select_entity(nxt)
                return
        self.reporter.say(tr("every entity in the table is reviewed"))

    def _push(self, edit: edits.Edit, select_at: int | None = None) -> bool:
        if not self.editor.push(edit):
            return False
        page = self.session.page
        if select_at is not None and page is not None:
            found = next((e for e in page.entities if e.start == select_at), None)
            if found is not None:
                self.selection.select_entity(found.id)
        return True

    def _current(self) -> Entity | None:
        eid = self.selection.current_entity_id()
        if not eid:
            self.reporter.say(tr("select an entity first (] goes to the next one to review)"))
            return None
        try:
            return self.session.document.entity(eid) if self.session.document else None
        except KeyError:
            return None

    def label(self, type_: str) -> None:
        span = self.selection.text_span()
        if span is not None:
            self.mark_span(span[0], span[1], type_)
            return
        e = self._current()
        if e is not None:
            self._decide(edits.RetypeEntity(e.id, type_), e)

    def mark_span(self, start: int, end: int, type_: str) -> None:
        """A new entity over the selection.  Entities it overlaps are replaced in the same undo step:
        rejected ones silently (that is how a boundary is fixed), others after asking."""
        page = self.session.page
        if page is None:
            return
        text = page.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            self.reporter.say(tr("the selection holds no text"))
            return
        over = [e for e in page.entities if e.start < end and start < e.end]
        if len(over) == 1 and (over[0].start, over[0].end) == (start, end) and over[0].type != type_:
            self._decide(edits.RetypeEntity(over[0].id, type_), over[0])
            return
        kept = [e for e in over if e.status != "rejected"]
        if kept:
            names = "、".join(f"“{e.text}” ({e.type})" for e in kept)
            answer = self.reporter.ask(
                tr("Replace entities"),
                tr("The selection overlaps {names}. Replace with “{text}” as {type}?").format(
                    names=names, text=text[start:end].strip(), type=type_
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        add = edits.AddEntity(start, end, type_)
        if not over:
            self._push(add, start)
            return
        batch = edits.Batch(
            [*(edits.RemoveEntity(e.id) for e in over), add], tr("Replace with {type}").format(type=type_)
        )
        self._push(batch, start)

    def move_edge(self, start_edge: bool, direction: int) -> None:
        """Shrink or extend the current entity by one character at one end (layout spaces and line
        breaks are stepped over: an entity may cross a line)."""
        e = self._current()
        page = self.session.page
        if e is None or page is None:
            return
        text = page.text
        s, t = e.start, e.end
        if start_edge:
            s = _step(text, s, direction, inside=direction > 0)
        else:
            t = _step(text, t, direction, inside=direction < 0)
        if not 0 <= s < t <= len(text):
            self.reporter.say(tr("the entity cannot get any shorter") if s >= t else tr("the page ends there"))
            return
        self._push(edits.ResizeEntity(e.id, s, t), s)

    def confirm(self) -> None:
        e = self._current()
        if e is not None:
            self._decide(edits.ConfirmEntity(e.id), e)

    def reject(self) -> None:
        e = self._current()
        if e is not None:
            self._decide(edits.RejectEntity(e.id), e)

    def apply_to_all(self) -> None:
        """A: the decision on the current entity, or on the one just decided (the queue moved on)."""
        e = self._current()
        page = self.session.page
        if e is None or page is None:
            return
        if e.status == PENDING_STATUS and self._last_decided and self.session.document is not None:
            with contextlib.suppress(KeyError):
                e = self.session.document.entity(self._last_decided)
        decision = DECISION_OF_STATUS.get(e.status)
        if decision is None:
            self.reporter.say(tr("decide on this entity first (Enter, Delete or a label key)"))
            return
        if self.issue_wide is not None and self.issue_wide(decision, e.text, e.type):
            return
        try:
            batch = edits.apply_to_all(page, decision, e.text, e.type)
        except edits.EditError as err:
            self.reporter.say(tr_core(str(err)))
            return
        # like Ctrl+Enter, a bulk decision touches only what the table shows (new marks are not in it)
        shown = [x for x in batch.edits if not hasattr(x, "entity_id") or self.queue.shows(x.entity_id)]
        if not shown:
            self.reporter.say(tr("no other occurrence shown in the table"))
            return
        self._decide(edits.Batch(shown, batch.name), e)

    def step_pending(self, direction: int) -> None:
        """``]``/``[``: the next/previous entity waiting for review, in the table's order and filters."""
        nxt = self._next_in_queue(self.selection.current_entity_id(), direction)
        if not nxt:
            self.reporter.say(tr("no entity in the table is waiting for review"))
            return
        self.selection.select_entity(nxt)

    def confirm_article(self) -> None:
        aid = self.selection.current_article_id()
        page = self.session.page
        if not aid or page is None:
            self.reporter.say(tr("select an article first"))
            return
        index = self.session.index
        todo = [
            edits.ConfirmEntity(e.id)
            for e in page.entities
            if e.status == PENDING_STATUS and index.article_of_entity(e) == aid and self.queue.shows(e.id)
        ]
        if not todo:
            self.reporter.say(tr("no entity of this article shown in the table is waiting for review"))
            return
        self.editor.push(edits.Batch(todo, tr("Confirm {n} entities in the article").format(n=len(todo))))


def _step(text: str, pos: int, direction: int, *, inside: bool) -> int:
    """Move a span edge ``pos`` one visible character in ``direction``.  ``inside`` says the edge
    moves into the span (shrinking), where it lands after the character it passes."""
    n = len(text)
    if direction > 0:
        i = pos
        while i < n and text[i].isspace():
            i += 1
        i += 1
        if inside:  # a start edge landing on layout space moves on to the next character
            while i < n and text[i].isspace():
                i += 1
        return i
    i = pos
    while i > 0 and text[i - 1].isspace():
        i -= 1
    i -= 1
    if inside:
        while i > 0 and text[i - 1].isspace():
            i -= 1
    return i
