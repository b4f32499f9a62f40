"""Structure corrections (split, merge, move lines, roles, paragraphs, headline fields) as QActions.

Each handler reads the shared selection, builds one core edit and hands it to the ``Editor``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from core import edits
from core.model import ROLES
from ui.actions.base import ActionSet
from ui.actions.commands import Editor
from ui.actions.context import Reporter, Selection
from ui.models.session import PageSession

ROLE_KEYS: dict[str, str] = {role: str((i + 1) % 10) for i, role in enumerate(ROLES)}


class StructureActions(ActionSet):
    def __init__(
        self, parent: QWidget, editor: Editor, session: PageSession, selection: Selection, reporter: Reporter
    ) -> None:
        super().__init__(parent)
        self.widget = parent
        self.editor = editor
        self.session = session
        self.selection = selection
        self.reporter = reporter
        a = self.action
        self.structure = [
            a("split", "Split article here", "Ctrl+B", self.split_here, "A new article starts at the cursor's line"),
            a("merge_prev", "Merge with previous article", "Alt+Up", lambda: self.merge(-1)),
            a("merge_next", "Merge with next article", "Alt+Down", lambda: self.merge(+1)),
            a("move_lines", "Move selected lines to article…", "Ctrl+M", self.move_lines_dialog),
            a("new_article", "New article from selected lines", "Ctrl+N", self.new_article),
            a("unassign", "Take selected lines out of their article", "Ctrl+U", self.unassign),
            a("paragraph", "Toggle paragraph start", "Ctrl+P", self.toggle_paragraph),
        ]
        self.roles = [
            a(f"role_{role}", f"Set role: {role}", ROLE_KEYS[role], lambda r=role: self.set_role(r))  # type: ignore[misc]
            for role in ROLES
        ]

    def _article_at(self, line: int) -> str:
        return self.session.index.article_of_line(line)

    def split_here(self) -> None:
        line = self.selection.current_line()
        aid = self._article_at(line)
        if not aid:
            self.reporter.say(f"line {line} is in no article")
            return
        self.editor.push(edits.SplitArticle(aid, line))

    def merge(self, direction: int) -> None:
        aid = self.selection.current_article_id()
        page = self.session.page
        ids = [a.id for a in page.articles] if page is not None else []
        if aid not in ids:
            self.reporter.say("put the cursor on a line of an article first")
            return
        i = ids.index(aid)
        j = i + direction
        if not 0 <= j < len(ids):
            self.reporter.say("there is no article " + ("before" if direction < 0 else "after") + " this one")
            return
        first, second = (ids[j], aid) if direction < 0 else (aid, ids[j])
        self.editor.push(edits.MergeArticles(first, second))

    def move_lines(self, lines: tuple[int, ...], target: str | None) -> None:
        if not lines:
            self.reporter.say("select the lines to move first")
            return
        self.editor.push(edits.MoveLines(lines, target))

    def move_lines_dialog(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        from core.fields import article_fields

        lines = self.selection.selected_lines()
        page = self.session.page
        if not lines or page is None:
            self.reporter.say("select the lines to move first")
            return
        choices = [f"{a.id}: {article_fields(page.text, page.lines, a).title or '(no title)'}" for a in page.articles]
        if not choices:
            return
        choice, ok = QInputDialog.getItem(
            self.widget, "Move lines", f"Move {len(lines)} line(s) to:", choices, 0, False
        )
        if ok and choice:
            self.move_lines(lines, choice.split(":", 1)[0])

    def new_article(self) -> None:
        lines = self.selection.selected_lines()
        if not lines:
            self.reporter.say("select the lines of the new article first")
            return
        self.editor.push(edits.NewArticle(lines))

    def unassign(self) -> None:
        self.move_lines(self.selection.selected_lines(), None)

    def toggle_paragraph(self) -> None:
        line = self.selection.current_line()
        page = self.session.page
        for a in page.articles if page is not None else ():
            for k, b in enumerate(a.blocks):
                if line in b.lines:
                    starts = b.lines[0] == line and k > 0
                    self.editor.push(edits.SetParagraphStart(line, start=not starts))
                    return
        self.reporter.say(f"line {line} is in no article")

    def set_role(self, role: str) -> None:
        lines = self.selection.selected_lines()
        if lines:
            self.editor.push(edits.SetRole(lines, role))

    def set_field(self, article_id: str, field: str, text: str) -> None:
        self.editor.push(edits.SetField(article_id, field, text))
