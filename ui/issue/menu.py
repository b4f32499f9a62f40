"""The Issue menu and the window's wiring to ``IssueController`` (one call from the main window)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from ui.issue.controller import IssueController

if TYPE_CHECKING:
    from ui.main_window import MainWindow

SAVE_AND_NEXT_KEY = "F9"


def install(window: MainWindow, workers: int | None = None) -> IssueController:
    """Add the Issue menu to ``window`` and return the controller behind it."""
    issue = IssueController(window, workers)
    menu = window.menuBar().addMenu("&Issue")
    menu.setObjectName("issueMenu")
    recent = QMenu("Recent issues", menu)

    def action(name: str, text: str, keys: list[str], slot: object, enabled_without_issue: bool = True) -> QAction:
        a = QAction(text, window)
        a.setObjectName(name)
        a.setShortcuts([QKeySequence(k) for k in keys])
        a.setToolTip(text.replace("&", "").rstrip("…"))
        a.triggered.connect(lambda _=False: slot())  # type: ignore[operator]
        window.addAction(a)
        menu.addAction(a)
        return a

    action("open_issue", "&Open issue folder…", ["Ctrl+Shift+O"], issue.open_dialog)
    action("open_issue_pdf", "Open issue &PDF…", [], issue.open_pdf_dialog)
    menu.addMenu(recent)
    menu.addSeparator()
    action("save_and_next", "&Save and next page", [SAVE_AND_NEXT_KEY], issue.save_and_next)
    action("save_issue", "Save &every page", ["Ctrl+Shift+S"], issue.save_all)
    menu.addSeparator()
    action("issue_entities", "Issue &entities…", ["Ctrl+Shift+E"], issue.show_entities)
    action("find_in_issue", "&Find in issue…", ["Ctrl+Shift+F"], issue.find_dialog)
    menu.addSeparator()
    action("export_issue", "E&xport issue…", ["Ctrl+Shift+X"], issue.export_dialog)

    def fill_recent() -> None:
        recent.clear()
        for path in issue.recent():
            a = recent.addAction(path)
            a.triggered.connect(lambda _=False, p=path: issue.open(p))
        recent.setEnabled(bool(recent.actions()))

    recent.aboutToShow.connect(fill_recent)
    fill_recent()
    return issue
