"""The window's side of persistence: a page open in another window is read-only and says so;
quitting at the saved state leaves no recovery file; an unrestorable autosave survives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from core.persist.recovery import recovery_path
from tests.test_ui import Asked, asked, first_line, focus, make_window, page_file, put_cursor, settings

__all__ = ["asked", "page_file", "settings"]  # fixtures used here

# the offscreen platform warns about a feature it lacks; that is not our bug
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_a_page_open_in_another_window_opens_read_only(
    qtbot: Any, settings: QSettings, asked: Asked, page_file: Path
) -> None:
    w1 = make_window(qtbot, settings, asked)
    w1.files.open_path(page_file)
    w2 = make_window(qtbot, settings, asked)
    w2.files.open_path(page_file)
    assert "read-only" in w2.windowTitle() and "elsewhere" in w2.statusBar().currentMessage()
    before = w2.page()
    focus(qtbot, w2.raw_view)
    put_cursor(w2, first_line(w2, 1))
    qtbot.keyClick(w2.raw_view, Qt.Key.Key_3)
    assert w2.page() is before and not w2.isWindowModified()
    assert not w2.files.save() and "elsewhere" in asked.warnings[-1]
    focus(qtbot, w1.raw_view)
    put_cursor(w1, first_line(w1, 1))
    qtbot.keyClick(w1.raw_view, Qt.Key.Key_3)  # the first window edits as before
    assert w1.isWindowModified()
    w1.undo_stack.setClean()


def test_quitting_at_the_saved_state_leaves_no_recovery_file(
    qtbot: Any, settings: QSettings, asked: Asked, page_file: Path
) -> None:
    w = make_window(qtbot, settings, asked)
    w.files.open_path(page_file)
    focus(qtbot, w.raw_view)
    put_cursor(w, first_line(w, 1))
    qtbot.keyClick(w.raw_view, Qt.Key.Key_3)
    w.files.autosave()
    recovery = w.files.recovery_path()
    assert recovery is not None and recovery.exists()
    qtbot.keyClick(w.raw_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # back to clean
    assert not w.isWindowModified()
    assert w.close() and not asked.questions
    assert not recovery.exists()


def test_an_unrestorable_autosave_is_kept_aside_by_the_window(
    qtbot: Any, settings: QSettings, asked: Asked, page_file: Path
) -> None:
    side = page_file.with_name(page_file.name + ".banmian.json")
    bad = b'{"format": "banmian.corrections", "version": 7}'
    recovery_path(side).write_bytes(bad)
    asked.answer = QMessageBox.StandardButton.Yes
    w = make_window(qtbot, settings, asked)
    w.files.open_path(page_file)
    assert "could not be restored" in w.statusBar().currentMessage()
    [aside] = page_file.parent.glob("*.autosave.unrestorable-*")
    focus(qtbot, w.raw_view)
    put_cursor(w, first_line(w, 1))
    qtbot.keyClick(w.raw_view, Qt.Key.Key_3)
    w.files.autosave()
    assert w.files.save()
    assert aside.read_bytes() == bad
