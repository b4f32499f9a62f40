"""Continued stories in the window: which story the article on screen belongs to (its parts across
pages, in the story panel), and the editor's link and unlink, as commands on the window's undo
stack like any other correction.  The issue's link decisions are written with the issue at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand

from core.fields import article_fields
from core.issue.jumps import LinkEdit, LinkError, LinkStories, StoryRef, UnlinkStories, resolve
from core.issue.workspace import IssueWorkspace
from ui.i18n import reason, tr, tr_core
from ui.issue.story import StoryPanel, part_label

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class LinkCommand(QUndoCommand):
    """A link decision on the window's undo stack, already made when pushed (``push_link`` tries
    it first, so that a refused one leaves the stack alone): the push itself does nothing."""

    def __init__(self, ws: IssueWorkspace, edit: LinkEdit) -> None:
        super().__init__(tr(edit.name))
        self.ws = ws
        self.edit = edit
        self._skip_redo = True

    # Qt overrides

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        try:
            self.ws.apply_link(self.edit)
        except LinkError:
            self.setObsolete(True)

    def undo(self) -> None:
        self.ws.revert_link(self.edit)


class StoryLinks(QObject):
    """The story panel's side of the controller: ``ws_of``/``current_of`` say which issue and page
    are open, ``show_page`` opens another page of the issue."""

    def __init__(
        self,
        panel: StoryPanel,
        window: MainWindow,
        ws_of: Callable[[], IssueWorkspace | None],
        current_of: Callable[[], int],
        show_page: Callable[[int], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.story = panel
        self.w = window
        self.ws_of = ws_of
        self.current_of = current_of
        self.show_page = show_page
        panel.part_chosen.connect(self.go_to_part)
        panel.unlink_requested.connect(self.unlink)
        panel.link_requested.connect(self.link_dialog)

    @property
    def ws(self) -> IssueWorkspace | None:
        return self.ws_of()

    @property
    def current(self) -> int:
        return self.current_of()

    def show_story(self) -> None:
        ws = self.ws
        aid = self.w.selection.article_id
        if ws is None or self.current < 0 or not aid:
            self.story.show_parts([], -1)
            return
        stories, _ = ws.stories()
        key = (self.current, aid)
        story = next((s for s in stories if key in s.parts), None)
        if story is None:
            self.story.show_parts([], -1)
            return
        parts = []
        for i, a in story.parts:
            doc = ws.slots[i].document
            title, row = "", 0
            if doc is not None:
                page = doc.page
                title = article_fields(page.text, page.lines, page.article(a)).title
                row = next(k + 1 for k, x in enumerate(page.articles) if x.id == a)
            parts.append((i, a, part_label(ws.slots[i].page.label, row, title)))
        self.story.show_parts(parts, story.parts.index(key))

    def go_to_part(self, index: int, article_id: str) -> None:
        if self.show_page(index):
            self.w.selection.set_article(article_id, "story")

    def _ref(self, index: int, article_id: str) -> StoryRef | None:
        assert self.ws is not None
        doc = self.ws.slots[index].document
        if doc is None:
            return None
        try:
            return StoryRef(index, doc.page.article(article_id).lines[0])
        except (KeyError, IndexError):
            return None

    def push_link(self, edit: LinkEdit) -> bool:
        assert self.ws is not None
        try:
            self.ws.apply_link(edit)
        except LinkError as e:
            self.w.say(tr_core(str(e)))
            return False
        self.w.undo_stack.push(LinkCommand(self.ws, edit))
        try:
            self.ws.save_state()
        except OSError as e:
            why = reason(e, self.ws.issue.state_path)
            self.w.say(tr("the link was made but not saved: {error}").format(error=why), 15000)
        return True

    def unlink(self) -> None:
        """Unlink the article on screen from the part that follows it (or precedes it, at the end)."""
        ws = self.ws
        aid = self.w.selection.article_id
        if ws is None or not aid:
            return
        for link in ws.links.links:
            ids = resolve(link, ws.documents())
            if ids is None:
                continue
            if (link.source.page, ids[0]) == (self.current, aid) or (link.target.page, ids[1]) == (self.current, aid):
                self.push_link(UnlinkStories(link))
                return
        self.w.say(tr("this article is not linked to another part"))

    def link_dialog(self) -> None:
        """Link the article on screen to its continuation, chosen among the other pages' articles."""
        from PySide6.QtWidgets import QInputDialog

        ws = self.ws
        aid = self.w.selection.article_id
        if ws is None or not aid or self.current < 0:
            self.w.say(tr("select the article that jumps first"))
            return
        choices: list[tuple[str, int, str]] = []
        for i, slot in enumerate(ws.slots):
            if i == self.current or slot.document is None:
                continue
            page = slot.document.page
            for row, a in enumerate(page.articles, 1):
                title = article_fields(page.text, page.lines, a).title or page.line(a.lines[0]).text.strip()[:20]
                choices.append(
                    (
                        tr("page {page} · article {n} · {title}").format(page=slot.page.label, n=row, title=title),
                        i,
                        a.id,
                    )
                )
        if not choices:
            self.w.say(tr("no article on another page to link to"))
            return
        text, ok = QInputDialog.getItem(
            self.w, tr("Link continued story"), tr("Continues in:"), [c[0] for c in choices], 0, False
        )
        if ok:
            chosen = next(c for c in choices if c[0] == text)
            self.link(aid, chosen[1], chosen[2])

    def link(self, article_id: str, target_page: int, target_article: str) -> bool:
        source = self._ref(self.current, article_id)
        target = self._ref(target_page, target_article)
        if source is None or target is None:
            self.w.say(tr("these articles cannot be linked"))
            return False
        return self.push_link(LinkStories(source, target))
