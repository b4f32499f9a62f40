"""One row per page line: its text, article, role and paragraph start (the raw page's model)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from core.events import Change
from core.model import Article, Page
from ui.i18n import tr
from ui.models.colours import PARAGRAPH_MARK, ROLE_MARKS, ColourBook
from ui.models.session import PageSession

ArticleRole = Qt.ItemDataRole.UserRole + 1
LineRoleRole = Qt.ItemDataRole.UserRole + 2
ParagraphStartRole = Qt.ItemDataRole.UserRole + 3
UnassignedRole = Qt.ItemDataRole.UserRole + 4
MarkRole = Qt.ItemDataRole.UserRole + 5

_TINT, _MARK = 1, 2  # what changed on a row

_Index = QModelIndex | QPersistentModelIndex
LineInfo = tuple[str, str, bool]  # article id ("" if none), role ("" if none), paragraph start
NO_ARTICLE: LineInfo = ("", "", False)


def line_infos(articles: Iterable[Article]) -> dict[int, LineInfo]:
    """Article, role and paragraph start of every line of ``articles``."""
    out: dict[int, LineInfo] = {}
    for a in articles:
        for b in a.blocks:
            for k, n in enumerate(b.lines):
                out[n] = (a.id, b.role, k == 0 and b.role == "body")
    return out


class RawLinesModel(QAbstractListModel):
    def __init__(self, session: PageSession, colours: ColourBook, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._colours = colours
        self._page: Page | None = None
        self._info: list[LineInfo] = []
        session.reset.connect(self._on_reset)
        session.changed.connect(self._on_changed)
        self._on_reset()

    @property
    def page(self) -> Page | None:
        return self._page

    def info(self, number: int) -> LineInfo:
        return self._info[number - 1]

    def mark(self, number: int) -> str:
        """The gutter mark: role letter, ¶ for a paragraph start, ? for an unassigned line."""
        assert self._page is not None
        return _mark(self._info[number - 1], self._page.lines[number - 1].is_blank)

    def tint_rgba(self, row: int) -> int:
        """The row's background as ``data(BackgroundRole)`` gives it, as an RGBA int (-1: none):
        the raw view compares ints per row without building an index and a variant for each."""
        if self._page is None or self._page.lines[row].is_blank:
            return -1
        return self._colours.tint_rgba(self._info[row][0])

    def _on_reset(self) -> None:
        self.beginResetModel()
        self._page = self._session.page
        self._info = []
        if self._page is not None:
            found = line_infos(self._page.articles)
            self._colours.assign([a.id for a in self._page.articles])
            self._info = [found.get(ln.number, NO_ARTICLE) for ln in self._page.lines]
        self.endResetModel()

    def _on_changed(self, old: Page, new: Page, change: Change) -> None:
        if len(new.lines) != len(self._info):
            self._on_reset()
            return
        rows = sorted(n - 1 for n in change.lines)
        was = [self._info[r] for r in rows]
        self._page = new
        if change.article_list:
            self._colours.assign([a.id for a in new.articles])
        if change.articles:
            # a line whose article, role or paragraph changed is named in ``change.lines``, and its
            # article (old or new) in ``change.articles``; any other line keeps its info
            found = line_infos(a for a in new.articles if a.id in change.articles)
            for n in change.lines:
                if self._info[n - 1][0] in change.articles or n in found:
                    self._info[n - 1] = found.get(n, NO_ARTICLE)
        # only the rows whose tint or mark differ, with the roles that did: the raw view repaints
        # the text under a changed tint, the gutter under a changed mark (an entity edit: neither).
        # Tints are stable per article id: only a line whose article changed can change tint.
        lines = new.lines
        tint = self._colours.tint_rgba
        changed: dict[int, int] = {}
        for r, before in zip(rows, was, strict=True):
            now = self._info[r]
            if now == before:
                continue
            blank = lines[r].is_blank
            recoloured = now[0] != before[0] and not blank and tint(now[0]) != tint(before[0])
            roles = (_TINT if recoloured else 0) | (_MARK if _mark(now, blank) != _mark(before, blank) else 0)
            if roles:
                changed[r] = roles
        for first, last in _runs(list(changed)):
            bits = 0
            for r in range(first, last + 1):
                bits |= changed.get(r, 0)
            which = [int(Qt.ItemDataRole.BackgroundRole)] if bits & _TINT else []
            self.dataChanged.emit(self.index(first), self.index(last), which + ([MarkRole] if bits & _MARK else []))

    # Qt overrides

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._info)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._page is None:
            return None
        row = index.row()
        aid, line_role, para = self._info[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._page.lines[row].text
        if role == Qt.ItemDataRole.BackgroundRole:
            return None if self._page.lines[row].is_blank else self._colours.tint(aid)
        if role == Qt.ItemDataRole.ToolTipRole:
            where = tr("article {id}, {role}").format(id=aid, role=tr(line_role)) if aid else tr("in no article")
            return tr("line {n}: {where}").format(n=row + 1, where=where)
        if role == ArticleRole:
            return aid
        if role == LineRoleRole:
            return line_role
        if role == ParagraphStartRole:
            return para
        if role == UnassignedRole:
            return not aid and not self._page.lines[row].is_blank
        if role == MarkRole:
            return self.mark(row + 1)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None


def _mark(info: LineInfo, blank: bool) -> str:
    aid, role, para = info
    if not aid:
        return "" if blank else "?"
    return PARAGRAPH_MARK if para else ROLE_MARKS.get(role, "")


RUN_GAP = 8  # rows between two changed rows that one dataChanged still spans (views skip unchanged rows)


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Runs of rows, each a ``dataChanged``: an article's lines come with blank lines between
    them, and one signal over a short gap costs less than two."""
    out: list[tuple[int, int]] = []
    for r in rows:
        if out and r <= out[-1][1] + RUN_GAP:
            out[-1] = (out[-1][0], r)
        else:
            out.append((r, r))
    return out
