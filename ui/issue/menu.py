"""The Issue menu and the window's wiring to ``IssueController`` (one call from the main window)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from ui.i18n import tr
from ui.issue.controller import IssueController

if TYPE_CHECKING:
    from ui.main_window import MainWindow

SAVE_AND_NEXT_KEY = "F9"


def install(window: MainWindow, workers: int | None = None) -> IssueController:
    """Add the Issue menu to ``window`` and return the controller behind it."""
    issue = IssueController(window, workers)
    menu = window.menuBar().addMenu(tr("&Issue"))
    menu.setObjectName("issueMenu")
    recent = QMenu(tr("Recent issues"), menu)
    recent.setToolTipsVisible(True)
    recent.menuAction().setToolTip(tr("Open one of the issues opened lately"))
    menu.setToolTipsVisible(True)

    def action(name: str, text: str, keys: list[str], slot: object, tip: str) -> QAction:
        a = QAction(text, window)
        a.setObjectName(name)
        a.setShortcuts([QKeySequence(k) for k in keys])
        shortcut = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in a.shortcuts())
        tip = f"{tip} ({shortcut})" if shortcut else tip  # as the window's own actions say their keys
        a.setToolTip(tip)
        a.setStatusTip(tip)
        a.triggered.connect(lambda _=False: slot())  # type: ignore[operator]
        window.addAction(a)
        menu.addAction(a)
        return a

    action(
        "open_issue",
        tr("&Open issue folder…"),
        ["Ctrl+Shift+O"],
        issue.open_dialog,
        tr("Open a folder of page files as one issue: the page list, parsing in the background"),
    )
    action(
        "open_issue_pdf",
        tr("Open issue &PDF…"),
        [],
        issue.open_pdf_dialog,
        tr("Open a multi-page PDF as one issue, one page of the issue per PDF page"),
    )
    menu.addMenu(recent)
    menu.addSeparator()
    action(
        "save_and_next",
        tr("&Save and next page"),
        [SAVE_AND_NEXT_KEY],
        issue.save_and_next,
        tr("Save the page on screen and open the next page of the issue"),
    )
    action(
        "save_issue",
        tr("Save &every page"),
        ["Ctrl+Shift+S"],
        issue.save_all,
        tr("Save every page of the issue that holds unsaved corrections, and the issue's links"),
    )
    menu.addSeparator()
    action(
        "issue_entities",
        tr("Issue &entities…"),
        ["Ctrl+Shift+E"],
        issue.show_entities,
        tr("Every distinct entity of the issue with its count and pages; decide once for every page"),
    )
    action(
        "find_in_issue",
        tr("&Find in issue…"),
        ["Ctrl+Shift+F"],
        issue.find_dialog,
        tr("Find text on every page of the issue"),
    )
    menu.addSeparator()
    action(
        "export_issue",
        tr("E&xport issue…"),
        ["Ctrl+Shift+X"],
        issue.export_dialog,
        tr("Export the whole issue into a folder: JSON per page, JSONL and CoNLL corpora, METS/ALTO for a PDF"),
    )

    def fill_recent() -> None:
        recent.clear()
        for path in issue.recent():
            a = recent.addAction(path)
            a.setToolTip(tr("Open the issue {path}").format(path=path))
            a.triggered.connect(lambda _=False, p=path: issue.open(p))
        recent.setEnabled(bool(recent.actions()))

    recent.aboutToShow.connect(fill_recent)
    fill_recent()
    return issue
