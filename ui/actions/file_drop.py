"""Pages dropped on the window open like Ctrl+O: a ``.txt`` (with its PDF beside it, if any) or a
``.pdf``.  An event filter, so the window only installs it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QWidget

PAGE_SUFFIXES = (".txt", ".pdf")


def _page(event: QDragEnterEvent | QDropEvent) -> Path | None:
    for url in event.mimeData().urls():
        if url.isLocalFile():
            p = Path(url.toLocalFile())
            if p.suffix.lower() in PAGE_SUFFIXES:
                return p
    return None


class FileDrop(QObject):
    def __init__(self, widget: QWidget, open_path: Callable[[Path], None]) -> None:
        super().__init__(widget)
        self.open_path = open_path
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    # Qt overrides
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QDragEnterEvent | QDropEvent) and event.type() in (
            QEvent.Type.DragEnter,
            QEvent.Type.Drop,
        ):
            page = _page(event)
            if page is None:
                return False
            event.acceptProposedAction()
            if isinstance(event, QDropEvent) and event.type() == QEvent.Type.Drop:
                self.open_path(page)
            return True
        return super().eventFilter(watched, event)
