"""F1: every shortcut of the window, read from the live QActions so the sheet cannot go stale."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from ui.i18n import listing, tr
from ui.views.table_sheet import TableSheet

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
            where = listing(tr(p) for p in panels if p) or "anywhere"  # "、" between Chinese words
        rows.append((keys, action.text().replace("&", ""), tr(where)))
    return rows


def shortcut_sheet(window: QWidget) -> TableSheet:
    headers = [tr("Keys"), tr("Action"), tr("Where")]
    return TableSheet(window, "shortcutSheet", tr("Keyboard shortcuts"), headers, shortcut_rows(window), (720, 640))
