"""Find across the issue: type any text (or an entity's), see every page and line that has it,
activate a hit to go there.

When the corpus index (``main.py index``) holds the issue's pages, only the pages whose indexed
text has the characters are searched, and pages still parsing that have them are listed too
(``core.issue.indexed``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from core.issue.indexed import IssueIndex
from core.issue.search import Hit, IssueSearch
from core.issue.workspace import IssueWorkspace
from ui.i18n import tr

MAX_HITS = 2000
HitRole = Qt.ItemDataRole.UserRole + 1


class IssueFindPanel(QWidget):
    """``hit_chosen(hit)`` when the editor activates a result."""

    hit_chosen = Signal(object)  # core.issue.search.Hit

    def __init__(self, ws_of: Callable[[], IssueWorkspace | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws_of = ws_of
        self.search = IssueSearch()
        self._index: tuple[IssueWorkspace, IssueIndex | None] | None = None
        self.query = QLineEdit()
        self.query.setObjectName("issueFind")
        self.query.setPlaceholderText(tr("Find in the issue (Enter)…"))
        self.query.setToolTip(tr("Text to find on every page of the issue; Enter searches"))
        self.query.setClearButtonEnabled(True)
        self.query.returnPressed.connect(lambda: self.search_for(self.query.text()))
        self.results = QListWidget()
        self.results.setObjectName("issueFindResults")
        self.results.itemActivated.connect(self._chosen)
        self.results.itemClicked.connect(self._chosen)
        self.summary = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.query)
        layout.addWidget(self.summary)
        layout.addWidget(self.results)

    def reset(self) -> None:
        self.search = IssueSearch()
        self.reset_index()
        self.results.clear()
        self.summary.setText("")

    def search_for(self, text: str) -> list[Hit]:
        """Search every loaded page; list the hits in page order."""
        self.query.setText(text)
        ws = self.ws_of()
        self.results.clear()
        if ws is None:
            self.summary.setText(tr("no issue is open"))
            return []
        docs = ws.documents()
        index = self.index(ws)
        found = index.pages_with(text) if index is not None else None
        waiting: list[int] = []
        if index is not None and found is not None:  # pages the index answers for and that lack it: skipped
            docs = {i: d for i, d in docs.items() if i in found or i not in index.pages}
            waiting = sorted(i for i in found if ws.slots[i].document is None)
        hits = self.search.find(docs, text, limit=MAX_HITS)
        pages = sorted({h.page for h in hits})
        more = "" if len(hits) < MAX_HITS else tr(" (first ones)")
        loading = "" if ws.all_loaded() else tr(" — {n} pages still parsing").format(n=len(ws) - ws.loaded_count())
        self.summary.setText(
            tr("{n} hits{more} on {k} pages{loading}").format(n=len(hits), more=more, k=len(pages), loading=loading)
        )
        for i in waiting:
            label = ws.slots[i].page.label
            self.results.addItem(
                QListWidgetItem(tr("p{page}: has it (corpus index); still parsing").format(page=label))
            )
        for h in hits:
            label = ws.slots[h.page].page.label
            mark = " ●" if h.entity else ""
            item = QListWidgetItem(tr("p{page} l{line}").format(page=label, line=h.line) + f"{mark}  {h.context}")
            item.setData(HitRole, h)
            self.results.addItem(item)
        return hits

    def index(self, ws: IssueWorkspace) -> IssueIndex | None:
        """The corpus index of this issue's pages, opened on the first search (None: there is none)."""
        if self._index is None or self._index[0] is not ws:
            self.reset_index()
            self._index = (ws, IssueIndex.open([s.page.path for s in ws.slots]))
        return self._index[1]

    def reset_index(self) -> None:
        if self._index is not None and self._index[1] is not None:
            self._index[1].close()
        self._index = None

    def _chosen(self, item: QListWidgetItem) -> None:
        hit = item.data(HitRole)
        if isinstance(hit, Hit):
            self.hit_chosen.emit(hit)
