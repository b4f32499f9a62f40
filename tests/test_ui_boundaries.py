"""Entity boundaries from the keyboard and by selecting over an entity (finding 3 of issue 12)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from core.model import Entity
from tests.test_ui import Asked, asked, focus, page_file, settings, win  # noqa: F401
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

ALT_SHIFT = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier


def one_line_entity(w: MainWindow, min_len: int = 3) -> Entity:
    """An auto entity of at least ``min_len`` characters on one line, with plain text either side."""
    page = w.page()
    for e in page.entities:
        raw = page.text[e.start : e.end]
        if e.status == "auto" and len(raw) >= min_len and "\n" not in raw and " " not in raw:
            before, after = page.text[e.start - 1], page.text[e.end]
            taken = any(x.end == e.start or x.start == e.end for x in page.entities)
            if not before.isspace() and not after.isspace() and not taken:
                return e
    raise AssertionError("no suitable entity on the page")


def entity_at(w: MainWindow, start: int) -> Entity:
    return next(e for e in w.page().entities if e.start == start)


def current(w: MainWindow) -> str:
    c = w.current_entity_id
    return c() if callable(c) else c


def test_a_rejected_span_is_replaced_by_selecting_the_right_part(win: MainWindow, qtbot: Any) -> None:
    """Finding 3: after rejecting a too-long span, selecting the right part and a label key replaces
    it (one undo step)."""
    e = one_line_entity(win)
    n = len(win.page().entities)
    win.select_entity(e.id)
    focus(qtbot, win.entity_panel.table)
    qtbot.keyClick(win.entity_panel.table, Qt.Key.Key_Delete)  # a too-long span: rejected
    assert win.session.document.entity(e.id).status == "rejected"  # type: ignore[union-attr]
    win.raw_view.select_offsets(e.start, e.end - 1)  # the right part of it
    focus(qtbot, win.raw_view)
    qtbot.keyClick(win.raw_view, Qt.Key.Key_P)
    new = entity_at(win, e.start)
    assert (new.end, new.type, new.status) == (e.end - 1, "PER", "added")
    assert e.id not in {x.id for x in win.page().entities} and len(win.page().entities) == n
    assert current(win) == new.id
    win.undo_stack.undo()  # one undo step gives the rejected span back
    assert win.session.document.entity(e.id).status == "rejected"  # type: ignore[union-attr]


def test_selecting_over_a_live_entity_asks_and_replaces(win: MainWindow, qtbot: Any, asked: Asked) -> None:
    """Finding 3: a selection over a live suggestion is resolved by asking, not refused."""
    e = one_line_entity(win)
    win.raw_view.select_offsets(e.start, e.end - 1)
    focus(qtbot, win.raw_view)
    asked.answer = QMessageBox.StandardButton.No
    qtbot.keyClick(win.raw_view, Qt.Key.Key_L)
    assert asked.questions and e.text in asked.questions[-1]
    assert win.session.document.entity(e.id).status == "auto"  # type: ignore[union-attr]
    asked.answer = QMessageBox.StandardButton.Yes
    win.raw_view.select_offsets(e.start, e.end - 1)
    qtbot.keyClick(win.raw_view, Qt.Key.Key_L)
    new = entity_at(win, e.start)
    assert (new.end, new.type) == (e.end - 1, "LOC")
    assert win.undo_stack.count() == 1


def test_shift_alt_arrows_move_each_end(win: MainWindow, qtbot: Any) -> None:
    """Finding 3: the current entity shrinks and grows from the keyboard at each end."""
    e = one_line_entity(win)
    win.select_entity(e.id)
    table = win.entity_panel.table
    focus(qtbot, table)
    qtbot.keyClick(table, Qt.Key.Key_Left, ALT_SHIFT)  # end one left: shrink
    x = entity_at(win, e.start)
    assert x.end == e.end - 1 and current(win) == x.id
    qtbot.keyClick(table, Qt.Key.Key_Right, ALT_SHIFT)
    qtbot.keyClick(table, Qt.Key.Key_Right, ALT_SHIFT)  # end one right of where it was: extend
    assert entity_at(win, e.start).end == e.end + 1
    ctrl = ALT_SHIFT | Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(table, Qt.Key.Key_Right, ctrl)  # start one right: shrink
    y = entity_at(win, e.start + 1)
    assert y.end == e.end + 1 and y.text == win.page().text[e.start + 1 : e.end + 1]
    qtbot.keyClick(table, Qt.Key.Key_Left, ctrl)
    qtbot.keyClick(table, Qt.Key.Key_Left, ctrl)  # start one left of where it was: extend
    z = entity_at(win, e.start - 1)
    assert z.end == e.end + 1 and z.status == "edited"
    for _ in range(6):
        win.undo_stack.undo()
    assert win.session.document.entity(e.id) == e  # type: ignore[union-attr]
