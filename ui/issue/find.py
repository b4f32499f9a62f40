"""Find across the issue: type any text (or an entity's), see every page and line that has it,
activate a hit to go there."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

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
        hits = self.search.find(ws.documents(), text, limit=MAX_HITS)
        pages = sorted({h.page for h in hits})
        more = "" if len(hits) < MAX_HITS else tr(" (first ones)")
        loading = "" if ws.all_loaded() else tr(" — {n} pages still parsing").format(n=len(ws) - ws.loaded_count())
        self.summary.setText(
            tr("{n} hits{more} on {k} pages{loading}").format(n=len(hits), more=more, k=len(pages), loading=loading)
        )
        for h in hits:
            label = ws.slots[h.page].page.label
            mark = " ●" if h.entity else ""
            item = QListWidgetItem(tr("p{page} l{line}").format(page=label, line=h.line) + f"{mark}  {h.context}")
            item.setData(HitRole, h)
            self.results.addItem(item)
        return hits

    def _chosen(self, item: QListWidgetItem) -> None:
        hit = item.data(HitRole)
        if isinstance(hit, Hit):
            self.hit_chosen.emit(hit)
