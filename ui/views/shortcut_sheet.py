"""F1: every shortcut of the window, read from the live QActions so the sheet cannot go stale."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

WHERE = {
    Qt.ShortcutContext.WindowShortcut: "anywhere",
    Qt.ShortcutContext.ApplicationShortcut: "anywhere",
    Qt.ShortcutContext.WidgetWithChildrenShortcut: "",
    Qt.ShortcutContext.WidgetShortcut: "",
}
PANELS = {"rawPage": "raw page", "articleText": "article text", "entityPanel": "entity table"}


def shortcut_rows(window: QWidget) -> list[tuple[str, str, str]]:
    """(keys, what, where) for every action with a shortcut, deduplicated, in menu order."""
    rows: list[tuple[str, str, str]] = []
    seen: set[int] = set()
    for action in window.findChildren(QAction):
        if id(action) in seen or not action.shortcuts():
            continue
        seen.add(id(action))
        keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
        where = WHERE.get(action.shortcutContext(), "")
        if not where:
            panels = [PANELS.get(w.objectName(), "") for w in action.associatedObjects() if isinstance(w, QWidget)]
            where = ", ".join(p for p in panels if p) or "anywhere"
        rows.append((keys, action.text().replace("&", ""), where))
    return rows


class ShortcutSheet(QDialog):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("shortcutSheet")
        self.setWindowTitle("Keyboard shortcuts")
        rows = shortcut_rows(window)
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setHorizontalHeaderLabels(["Keys", "Action", "Where"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(720, 640)
