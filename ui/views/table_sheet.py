"""A read-only table in a dialog with a Close button: the legend (Shift+F1) and the shortcut sheet
(F1) are each one of these, filled with their own rows."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

Cell = str | tuple[str, QColor | None]  # text, or text on a background colour


class TableSheet(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        name: str,
        title: str,
        headers: Sequence[str],
        rows: Sequence[Sequence[Cell]],
        size: tuple[int, int] = (640, 560),
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.table = QTableWidget(len(rows), len(headers), self)
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                text, colour = (cell, None) if isinstance(cell, str) else cell
                item = QTableWidgetItem(text)
                if colour is not None:
                    item.setBackground(colour)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(*size)
