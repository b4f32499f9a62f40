"""A set of QActions made the same way: name, text, keys, tooltip, a slot with no arguments."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence


class ActionSet:
    def __init__(self, parent: QObject) -> None:
        self.parent = parent
        self.by_name: dict[str, QAction] = {}

    def action(
        self,
        name: str,
        text: str,
        keys: str | list[str],
        slot: Callable[[], object],
        tip: str = "",
        context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetWithChildrenShortcut,
    ) -> QAction:
        a = QAction(text, self.parent)
        a.setObjectName(name)
        a.setShortcuts([QKeySequence(k) for k in ([keys] if isinstance(keys, str) else keys)])
        a.setShortcutContext(context)
        a.setToolTip(tip or text.replace("&", ""))
        a.setStatusTip(a.toolTip())
        a.triggered.connect(lambda _=False: slot())
        self.by_name[name] = a
        return a
