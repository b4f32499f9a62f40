"""After a crash: which pages' autosaved corrections to restore (each page offered, all ticked)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ui.i18n import tr

PageRole = Qt.ItemDataRole.UserRole + 1


class RecoveryDialog(QDialog):
    def __init__(self, items: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("issueRecovery")
        self.setWindowTitle(tr("Unsaved corrections found"))
        self.list = QListWidget()
        for index, label in items:
            item = QListWidgetItem(tr("Page {page}").format(page=label))
            item.setData(PageRole, index)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        restore = buttons.button(QDialogButtonBox.StandardButton.Ok)
        restore.setText(tr("Restore ticked pages"))
        restore.setToolTip(tr("Bring back the autosaved corrections of the ticked pages (not saved yet)"))
        discard = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        discard.setText(tr("Discard all"))
        discard.setToolTip(tr("Keep every page as it was last saved and delete the autosaves"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(tr("These pages hold corrections made after their last save (the program stopped). Restore them?"))
        )
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def chosen(self) -> list[int]:
        out = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(int(item.data(PageRole)))
        return out


def choose_pages(parent: QWidget, items: list[tuple[int, str]]) -> list[int]:
    """The pages to restore; none when the editor discards."""
    dialog = RecoveryDialog(items, parent)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else []
