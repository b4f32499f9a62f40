"""The story the selected article belongs to: its parts across pages (click one to go there),
and the buttons to unlink it or link it to its continuation by hand."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from ui.i18n import tr

PartRole = Qt.ItemDataRole.UserRole + 1


def part_label(page: str, row: int, title: str) -> str:
    """A part of a story as the window names an article: its page and its row number in that
    page's article list (``row`` 1-based; 0 when the page is not parsed), then its title."""
    where = tr("p{page} article {n}").format(page=page, n=row) if row > 0 else tr("p{page}").format(page=page)
    return f"{where} {title}".strip()


class StoryPanel(QWidget):
    part_chosen = Signal(int, str)  # issue page index, article id
    unlink_requested = Signal()
    link_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("issueStory")
        self.title = QLabel(tr("Story: —"))
        self.parts = QListWidget()
        self.parts.setObjectName("issueStoryParts")
        self.parts.setToolTip(tr("The parts of the story across the pages; click one to go there"))
        self.parts.itemActivated.connect(self._chosen)
        self.parts.itemClicked.connect(self._chosen)
        self.link_button = QPushButton(tr("Link to continuation…"))
        self.link_button.setToolTip(tr("Link the selected article to its continuation on another page"))
        self.link_button.setObjectName("issueLink")
        self.link_button.clicked.connect(self.link_requested.emit)
        self.unlink_button = QPushButton(tr("Unlink"))
        self.unlink_button.setToolTip(tr("Take the selected article out of its continued story"))
        self.unlink_button.setObjectName("issueUnlink")
        self.unlink_button.clicked.connect(self.unlink_requested.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.link_button)
        buttons.addWidget(self.unlink_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.title)
        layout.addWidget(self.parts)
        layout.addLayout(buttons)
        self.show_parts([], -1)

    def show_parts(self, parts: list[tuple[int, str, str]], here: int) -> None:
        """``parts``: (page index, article id, label) in reading order; ``here``: the one on screen."""
        self.parts.clear()
        for k, (index, aid, label) in enumerate(parts):
            item = QListWidgetItem(("▶ " if k == here else "   ") + label)
            item.setData(PartRole, (index, aid))
            self.parts.addItem(item)
        continued = len(parts) > 1
        self.title.setText(tr("Story in {n} parts").format(n=len(parts)) if continued else tr("Story: not continued"))
        self.unlink_button.setEnabled(continued)
        self.link_button.setEnabled(bool(parts))

    def _chosen(self, item: QListWidgetItem) -> None:
        index, aid = item.data(PartRole)
        self.part_chosen.emit(int(index), str(aid))
