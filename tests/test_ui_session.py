"""The window's promises about work and place: autosave follows the undo stack (finding 4), the
layout cannot be squeezed and can be reset, settings live in the app's config folder (finding 7),
marking a page reviewed with entities pending asks first (finding 8, first part)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from tests.test_ui import Asked, asked, cached_parser, focus, make_window, page_file, settings, win  # noqa: F401
from ui.loading import InlineLoader
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")


def test_an_undone_edit_never_comes_back_from_the_autosave(
    qtbot: Any, settings: QSettings, asked: Asked, page_file: Path
) -> None:
    """Finding 4: Ctrl+Shift+D, Ctrl+Z, Ctrl+Q, reopen: nothing to restore, the undone edit stays undone."""
    w = make_window(qtbot, settings, asked)
    w.files.open_path(page_file)
    w.files.autosave_timer.setInterval(1)
    asked.answer = QMessageBox.StandardButton.Yes  # "mark reviewed anyway?" and "restore?" alike
    focus(qtbot, w.raw_view)
    qtbot.keyClick(w.raw_view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert w.session.document is not None and w.session.document.review_done
    recovery = w.files.recovery_path()
    assert recovery is not None
    qtbot.waitUntil(recovery.exists, timeout=2000)
    qtbot.keyClick(w.raw_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert w.save_label.text() == "Saved"
    assert not recovery.exists()  # at the clean state there is no recovery file
    asked.questions.clear()
    qtbot.keyClick(w.raw_view, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not w.isVisible() and not asked.questions
    assert not recovery.exists()  # quitting clean never leaves one
    w2 = make_window(qtbot, settings, asked)
    w2.files.open_path(page_file)
    assert not asked.questions
    assert w2.session.document is not None and not w2.session.document.review_done


def test_marking_reviewed_with_entities_pending_asks_first(win: MainWindow, qtbot: Any, asked: Asked) -> None:
    """Finding 8: marking the page reviewed with entities pending warns first."""
    focus(qtbot, win.raw_view)
    asked.answer = QMessageBox.StandardButton.No
    qtbot.keyClick(win.raw_view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert asked.questions and "waiting for review" in asked.questions[-1]
    assert win.session.document is not None and not win.session.document.review_done
    assert not win.editing.review_done.isChecked() and win.undo_stack.count() == 0
    asked.answer = QMessageBox.StandardButton.Yes
    qtbot.keyClick(win.raw_view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert win.session.document.review_done and win.editing.review_done.isChecked()


def test_a_small_window_keeps_the_raw_page_readable_and_reset_layout_brings_panes_back(
    win: MainWindow, qtbot: Any
) -> None:
    """Finding 7: a small window does not squeeze the raw page to its line numbers; Reset layout undoes a bad layout."""
    win.resize(700, 500)
    qtbot.wait(20)
    em = win.raw_view.fontMetrics().horizontalAdvance("中")
    assert win.raw_view.width() >= win.raw_view.gutter_width() + 10 * em  # more than line numbers
    win.docks["entities"].hide()
    win.docks["articles"].setFloating(True)
    win.save_layout()
    action = next(a for a in win.findChildren(type(win.undo_action)) if a.objectName() == "reset_layout")
    action.trigger()
    assert all(d.isVisible() and not d.isFloating() for d in win.docks.values())


def test_settings_live_in_the_apps_config_folder(qtbot: Any, asked: Asked) -> None:
    """Finding 7: settings go to the app's config folder, not ~/.config/Banmian."""
    w = MainWindow(loader=InlineLoader(parser=cached_parser))
    qtbot.addWidget(w)
    config = Path(os.environ["BANMIAN_CONFIG_DIR"])
    assert Path(w.settings.fileName()).resolve().is_relative_to(config.resolve())
    w.close()
    assert (config / "settings.ini").exists()
