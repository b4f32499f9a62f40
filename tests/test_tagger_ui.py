"""The tagger's switch and reset in the Entities menu, driven through the real menu."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox

from core.entities.tagger.store import TaggerStore
from tests.test_ui import Asked, asked, make_window, settings  # noqa: F401
from ui.actions.tagger import SETTING
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise", "grabbing the keyboard")


def _entities_menu(w: MainWindow) -> QMenu:
    for a in w.menuBar().actions():
        menu = a.menu()
        if isinstance(menu, QMenu) and any(x.objectName() == "tagger_learn" for x in menu.actions()):
            return menu
    raise AssertionError("no menu holds the tagger's switch")


def _click(qtbot: Any, w: MainWindow, name: str) -> QAction:
    """Open the menu from the menu bar and click the entry, as an editor does."""
    menu = _entities_menu(w)
    w.menuBar().setActiveAction(menu.menuAction())
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    action = next(a for a in menu.actions() if a.objectName() == name)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=2000)
    return action


def test_the_switch_turns_learning_off_and_on_and_is_remembered(
    qtbot: Any,
    settings: QSettings,  # noqa: F811
    asked: Asked,  # noqa: F811
) -> None:
    w = make_window(qtbot, settings, asked)
    store = TaggerStore.for_user()
    learn = _click(qtbot, w, "tagger_learn")
    assert not learn.isChecked() and not store.enabled
    assert settings.value(SETTING) == "false"
    again = make_window(qtbot, settings, asked)  # a new window reads the setting
    assert not next(a for a in _entities_menu(again).actions() if a.objectName() == "tagger_learn").isChecked()
    _click(qtbot, again, "tagger_learn")
    assert store.enabled and settings.value(SETTING) == "true"


def test_reset_asks_first_and_forgets_only_when_confirmed(
    qtbot: Any,
    settings: QSettings,  # noqa: F811
    asked: Asked,  # noqa: F811
    tmp_path: Path,
) -> None:
    w = make_window(qtbot, settings, asked)
    store = TaggerStore.for_user()
    store.add_page(tmp_path / "a.txt", tmp_path / "a.txt.banmian.json")
    asked.answer = QMessageBox.StandardButton.No
    _click(qtbot, w, "tagger_reset")
    assert len(asked.questions) == 1 and len(store.pages()) == 1
    asked.answer = QMessageBox.StandardButton.Yes
    _click(qtbot, w, "tagger_reset")
    assert len(asked.questions) == 2 and store.pages() == []
    assert store.enabled  # forgetting keeps the switch where it was
