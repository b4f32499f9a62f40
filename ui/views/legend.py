"""The legend: what the gutter letters, tints and label colours mean (View → Legend)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from core.entities.labels import Label
from ui.models.colours import PARAGRAPH_MARK, ROLE_MARKS, UNASSIGNED, soften

ROLE_MEANINGS = {
    "title": "title (主题)",
    "kicker": "kicker (引题)",
    "subtitle": "subtitle (副题)",
    "byline": "byline",
    "body": "body line inside a paragraph",
    "subhead": "subhead (小标题)",
    "jump": "jump marker (转版)",
    "column": "column label",
    "caption": "photo caption",
    "other": "other",
}


def legend_rows(labels: Sequence[Label]) -> list[tuple[str, str, QColor | None]]:
    """(sign, meaning, colour) for every gutter mark, the unassigned tint and every entity label."""
    rows: list[tuple[str, str, QColor | None]] = [
        (mark, ROLE_MEANINGS.get(role, role), None) for role, mark in ROLE_MARKS.items()
    ]
    rows.append((PARAGRAPH_MARK, "first line of a body paragraph", None))
    rows.append(("?", "a line in no article (unassigned)", UNASSIGNED))
    for lb in labels:
        rows.append((lb.name, lb.description or lb.name, soften(lb.colour)))
    rows.append(("abc", "dotted underline: suggested, waiting for review", None))
    rows.append(("a̶b̶c̶", "struck out: rejected", None))
    return rows


class LegendDialog(QDialog):
    def __init__(self, parent: QWidget | None, labels: Sequence[Label]) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        self.setWindowTitle(self.tr("Legend"))
        rows = legend_rows(labels)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Sign"), self.tr("Meaning")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, (sign, meaning, colour) in enumerate(rows):
            item = QTableWidgetItem(sign)
            if colour is not None:
                item.setBackground(colour)
            self.table.setItem(r, 0, item)
            self.table.setItem(r, 1, QTableWidgetItem(self.tr(meaning)))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 520)
