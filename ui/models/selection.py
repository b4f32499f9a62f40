"""The one selection every pane shows: an article, a line of the raw page, maybe an entity.

Panes never keep their own idea of "current": they report what the editor clicked or keyed here
(``set_line``, ``set_article``, ``set_entity``) and redraw from ``changed``.  After an edit the line
is the anchor: the article is the one that now holds the line (the new article after a split, the
merged one after a merge), so an edit never moves the selection to an article the editor did not
touch.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from core.document import find_entity
from core.model import Entity
from ui.models.session import PageSession


class SharedSelection(QObject):
    """``changed(source)``: the pane named by ``source`` made the change and need not follow it."""

    changed = Signal(str)

    def __init__(self, session: PageSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.article_id = ""
        self.line = 0
        self.entity_id = ""

    def entity(self) -> Entity | None:
        page = self._session.page
        if page is None or not self.entity_id:
            return None
        try:
            return find_entity(page, self.entity_id)
        except KeyError:
            return None

    def clear(self) -> None:
        self.article_id, self.line, self.entity_id = "", 0, ""
        self.changed.emit("reset")

    def set_line(self, number: int, source: str = "") -> None:
        """The editor put the cursor on line ``number``: its article (if any) becomes current."""
        page = self._session.page
        if page is None or not 1 <= number <= len(page.lines):
            return
        self.line = number
        aid = self._session.index.article_of_line(number)
        if aid or page.lines[number - 1].is_blank:
            self.article_id = aid or self.article_id
        else:
            self.article_id = ""
        e = self.entity()
        if e is None or self._session.index.line_at(e.start) != number:
            self.entity_id = ""
        self.changed.emit(source)

    def set_article(self, article_id: str, source: str = "") -> None:
        """An article was picked in a list: the line moves to its first line unless already inside."""
        page = self._session.page
        if page is None:
            return
        try:
            article = page.article(article_id)
        except KeyError:
            return
        self.article_id = article_id
        if self.line not in article.lines and article.lines:
            self.line = article.lines[0]
        e = self.entity()
        if e is None or self._session.index.article_of_entity(e) != article_id:
            self.entity_id = ""
        self.changed.emit(source)

    def set_entity(self, entity_id: str, source: str = "") -> None:
        page = self._session.page
        if page is None:
            return
        try:
            e = find_entity(page, entity_id)
        except KeyError:
            return
        self.entity_id = entity_id
        self.line = self._session.index.line_at(e.start)
        self.article_id = self._session.index.article_of_entity(e)
        self.changed.emit(source)

    def follow_edit(self) -> None:
        """After an edit: the article now holding the anchor line; an entity only if it survived."""
        page = self._session.page
        if page is None:
            return
        if not 1 <= self.line <= len(page.lines):
            self.line = 1 if page.lines else 0
        aid = self._session.index.article_of_line(self.line) if self.line else ""
        if aid:
            self.article_id = aid
        elif self.article_id and not any(a.id == self.article_id for a in page.articles):
            self.article_id = ""
        if self.entity() is None:
            self.entity_id = ""
        self.changed.emit("edit")
