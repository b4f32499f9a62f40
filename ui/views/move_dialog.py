"""Ctrl+M: pick the article to move lines to — row numbers as in the article list, the neighbouring
article first, a filter that narrows the list as you type (row number or title)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

IdRole = Qt.ItemDataRole.UserRole + 1


class FilterLine(QLineEdit):
    """Up/Down move through the list below while the text keeps the focus."""

    def __init__(self, target: QListWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._target = target

    # Qt overrides

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self._target.keyPressEvent(event)
            return
        super().keyPressEvent(event)


class MoveDialog(QDialog):
    def __init__(self, parent: QWidget | None, prompt: str, choices: list[tuple[str, str]], default: int) -> None:
        """``choices``: (article id, label) in list order; ``default``: the row chosen at first."""
        super().__init__(parent)
        self.setObjectName("moveDialog")
        self.setWindowTitle(self.tr("Move lines"))
        self.list = QListWidget()
        self.list.setObjectName("moveChoices")
        for k, (aid, label) in enumerate(choices):
            item = QListWidgetItem(f"{k + 1}. {label}")
            item.setData(IdRole, aid)
            self.list.addItem(item)
        self.filter = FilterLine(self.list)
        self.filter.setObjectName("moveFilter")
        self.filter.setPlaceholderText(self.tr("Type a row number or words of the title"))
        self.filter.textChanged.connect(self._narrow)
        self.filter.returnPressed.connect(self.accept)
        self.list.itemDoubleClicked.connect(lambda _: self.accept())
        if 0 <= default < self.list.count():
            self.list.setCurrentRow(default)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(prompt))
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(520, 420)
        self.filter.setFocus()

    def _narrow(self, text: str) -> None:
        words = text.split()
        first_shown = -1
        for r in range(self.list.count()):
            item = self.list.item(r)
            label = item.text()
            number = label.split(".", 1)[0]
            hit = all(w in label for w in words) or (len(words) == 1 and words[0] == number)
            item.setHidden(not hit)
            if hit and first_shown < 0:
                first_shown = r
        if len(words) == 1 and words[0].isdigit() and 1 <= int(words[0]) <= self.list.count():
            self.list.setCurrentRow(int(words[0]) - 1)  # a row number picks its row
            return
        current = self.list.currentItem()
        if (current is None or current.isHidden()) and first_shown >= 0:
            self.list.setCurrentRow(first_shown)

    def chosen(self) -> str:
        item = self.list.currentItem()
        return str(item.data(IdRole)) if item is not None and not item.isHidden() else ""


def neighbour_row(article_rows: list[tuple[int, ...]], lines: tuple[int, ...], owner: int) -> int:
    """The article the lines most likely belong to instead: the previous one when they open their
    article, else the next one (the nearest article above for unassigned lines)."""
    n = len(article_rows)
    if n == 0:
        return -1
    if owner < 0:
        above = [k for k, rows in enumerate(article_rows) if rows and rows[0] < lines[0]]
        return max(above, key=lambda k: article_rows[k][0]) if above else 0
    if article_rows[owner] and lines[0] <= article_rows[owner][0]:
        return owner - 1 if owner > 0 else min(1, n - 1)
    return owner + 1 if owner + 1 < n else max(owner - 1, 0)
