"""The find bar under the raw page (Ctrl+F): type, Enter for the next match, Shift+Enter back."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


class FindLine(QLineEdit):
    step = Signal(int)
    closed = Signal()

    # Qt overrides

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.step.emit(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
            return
        if event.key() == Qt.Key.Key_Escape:
            self.closed.emit()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    """``step(direction)``: find the next (+1) or previous (-1) match of ``text()``."""

    step = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.line = FindLine()
        self.line.setObjectName("findText")
        self.line.setPlaceholderText(self.tr("Find on the page (raw and article text)"))
        self.count = QLabel()
        self.count.setObjectName("findCount")
        prev, nxt, close = QToolButton(), QToolButton(), QToolButton()
        prev.setText("▲")
        prev.setToolTip(self.tr("Previous match (Shift+Enter)"))
        nxt.setText("▼")
        nxt.setToolTip(self.tr("Next match (Enter)"))
        close.setText("✕")
        close.setToolTip(self.tr("Close the find bar (Esc)"))
        prev.clicked.connect(lambda: self.step.emit(-1))
        nxt.clicked.connect(lambda: self.step.emit(1))
        close.clicked.connect(self.hide)
        self.line.step.connect(self.step.emit)
        self.line.closed.connect(self.hide)
        self.line.textChanged.connect(lambda _: self.count.clear())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(QLabel(self.tr("Find")))
        layout.addWidget(self.line, 1)
        layout.addWidget(self.count)
        for b in (prev, nxt, close):
            layout.addWidget(b)
        self.hide()

    def text(self) -> str:
        return self.line.text()

    def open(self) -> None:
        self.show()
        self.line.setFocus()
        self.line.selectAll()
