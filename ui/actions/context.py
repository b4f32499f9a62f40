"""The narrow things an action needs, as protocols: a way to report, and what is selected.

The window implements both; a test can hand an action a small fake instead of a window.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QMessageBox


class Reporter(Protocol):
    """Messages for the editor: a status line, a question, an error box."""

    def say(self, message: str, ms: int = 6000) -> None: ...

    def ask(
        self, title: str, text: str, buttons: QMessageBox.StandardButton, default: QMessageBox.StandardButton
    ) -> QMessageBox.StandardButton: ...

    def warn(self, title: str, text: str) -> None: ...


class Selection(Protocol):
    """What the editor has highlighted: one article, one line, maybe one entity, maybe a text span."""

    def current_line(self) -> int: ...

    def selected_lines(self) -> tuple[int, ...]: ...

    def text_span(self) -> tuple[int, int] | None: ...

    def current_article_id(self) -> str: ...

    def current_entity_id(self) -> str: ...

    def select_entity(self, entity_id: str) -> None: ...


class Queue(Protocol):
    """The review queue as the entity table shows it: its filters and its order."""

    def visible_ids(self) -> list[str]: ...

    def shows(self, entity_id: str) -> bool: ...
