"""A status bar part that does not lay the status bar out again on every edit.

A label whose size may change asks its parent for a new layout each time its text changes, and the
status bar answers every layout request by repainting itself whole (all four parts).  A label of
fixed size changes nothing around it: it is made as wide as the widest text it has shown, so a
count going from 10 to 9 articles repaints that label only."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


class StatusLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._size = (-1, -1)  # the fixed width and height set
        self._fit()

    def _fit(self) -> None:
        hint = self.sizeHint()
        size = (max(hint.width(), self._size[0]), hint.height())
        if size != self._size:
            self._size = size
            self.setFixedSize(*size)

    # Qt overrides

    def setText(self, text: str) -> None:
        if text == self.text():
            return
        super().setText(text)
        self._fit()
