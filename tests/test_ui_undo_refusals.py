"""A refused action leaves the undo stack, its clean state and the autosave as they were (issue 12,
finding 4's contract): no empty "Move lines" step, no redo history dropped, no autosave started."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from core import edits
from core.persist.lock import PageLock
from tests.test_ui import (  # noqa: F401
    Asked,
    DialogAnswer,
    asked,
    focus,
    make_window,
    page_file,
    put_cursor,
    settings,
    win,
)
from ui.actions.structure import ROLE_KEYS
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

CTRL = Qt.KeyboardModifier.ControlModifier
ALT_SHIFT = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
HEADLINE = ("title", "kicker", "subtitle")


def stack_state(w: MainWindow) -> tuple[object, ...]:
    s = w.undo_stack
    return (s.count(), s.index(), s.cleanIndex(), s.isClean(), s.canRedo(), w.isWindowModified(), w.page())


def with_history(w: MainWindow, qtbot: Any) -> None:
    """Two steps saved (Ctrl+U on the first line of the first article, an entity confirmed), one
    more done and undone."""
    focus(qtbot, w.raw_view)
    put_cursor(w, w.page().articles[0].lines[0])
    qtbot.keyClick(w.raw_view, Qt.Key.Key_U, CTRL)
    confirm_one(w, qtbot)
    focus(qtbot, w.raw_view)
    qtbot.keyClick(w.raw_view, Qt.Key.Key_S, CTRL)
    last = next(a for a in reversed(w.page().articles) if len(a.lines) > 2)
    assert w.push(edits.SplitArticle(last.id, last.lines[1]))
    qtbot.keyClick(w.raw_view, Qt.Key.Key_Z, CTRL)
    s = w.undo_stack
    assert (s.count(), s.index(), s.isClean(), s.canRedo()) == (3, 2, True, True)
    w.files.autosave_timer.stop()


def unassign_again(w: MainWindow, qtbot: Any) -> None:
    """The issue's case: Ctrl+U on a line already out of any article (a macro step)."""
    line = w.page().unassigned[0]
    put_cursor(w, line)
    qtbot.keyClick(w.raw_view, Qt.Key.Key_U, CTRL)


def split_at_first_line(w: MainWindow, qtbot: Any) -> None:
    put_cursor(w, w.page().articles[1].lines[0])
    qtbot.keyClick(w.raw_view, Qt.Key.Key_B, CTRL)


def same_role_again(w: MainWindow, qtbot: Any) -> None:
    a = w.page().articles[1]
    line = a.lines[0]
    put_cursor(w, line)
    qtbot.keyClick(w.raw_view, ROLE_KEYS[a.role_of(line)])


def move_into_own_article(w: MainWindow, qtbot: Any) -> None:
    """Ctrl+M choosing the article the lines are in (the move, a macro step, is refused)."""
    a = w.page().articles[2]
    put_cursor(w, a.lines[1], to_line=a.lines[2])

    def choose(dialog: Any) -> None:
        qtbot.keyClicks(dialog.filter, "3")
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)

    answer = DialogAnswer(choose)
    qtbot.keyClick(w.raw_view, Qt.Key.Key_M, CTRL)
    answer.check()


def confirm_again(w: MainWindow, qtbot: Any) -> None:
    e = next(x for x in w.page().entities if x.status == "confirmed")
    w.select_entity(e.id)
    focus(qtbot, w.entity_panel.table)
    qtbot.keyClick(w.entity_panel.table, Qt.Key.Key_Return)


REFUSALS: dict[str, Callable[[MainWindow, Any], None]] = {
    "unassign_again": unassign_again,
    "split_at_first_line": split_at_first_line,
    "same_role_again": same_role_again,
    "move_into_own_article": move_into_own_article,
    "confirm_again": confirm_again,
}


@pytest.mark.parametrize("action", list(REFUSALS))
def test_a_refused_action_leaves_stack_clean_state_and_autosave_alone(win: MainWindow, qtbot: Any, action: str) -> None:
    with_history(win, qtbot)
    before = stack_state(win)
    win.statusBar().clearMessage()
    REFUSALS[action](win, qtbot)
    assert win.statusBar().currentMessage()  # the refusal is told
    assert stack_state(win) == before  # no empty step, the redo step and the clean state kept
    assert not win.files.autosave_timer.isActive()
    focus(qtbot, win.raw_view)
    qtbot.keyClick(win.raw_view, Qt.Key.Key_Y, CTRL)  # the undone step still comes back
    assert win.undo_stack.index() == 3


def test_ctrl_u_twice_leaves_no_empty_move_lines_step(win: MainWindow, qtbot: Any) -> None:
    """The issue's report, as the editor sees it: Ctrl+U, Ctrl+S, Ctrl+U again on the same line."""
    focus(qtbot, win.raw_view)
    line = win.page().articles[0].lines[0]
    put_cursor(win, line)
    qtbot.keyClick(win.raw_view, Qt.Key.Key_U, CTRL)
    qtbot.keyClick(win.raw_view, Qt.Key.Key_S, CTRL)
    win.files.autosave_timer.stop()
    put_cursor(win, line)
    qtbot.keyClick(win.raw_view, Qt.Key.Key_U, CTRL)
    assert win.undo_stack.count() == 1 and win.undo_stack.isClean() and not win.isWindowModified()
    assert win.undo_action.text().endswith("Move lines")
    assert not win.files.autosave_timer.isActive()


# -- a page another window holds: every edit is refused -------------------------------------------


@pytest.fixture
def held(qtbot: Any, settings: QSettings, page_file: Path, asked: Asked) -> Iterator[MainWindow]:
    lock = PageLock.acquire(page_file)
    assert lock is not None
    w = make_window(qtbot, settings, asked)
    w.files.open_path(page_file)
    assert w.session.document is not None and w.session.document.read_only
    yield w
    w.files.autosave_timer.stop()
    lock.release()


def merge_with_demotion(w: MainWindow, qtbot: Any) -> None:
    arts = w.page().articles
    titled = [any(b.role in HEADLINE for b in a.blocks) for a in arts]
    i = next(k for k in range(1, len(arts)) if titled[k] and titled[k - 1])
    put_cursor(w, arts[i].lines[-1])
    qtbot.keyClick(w.raw_view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)


def confirm_the_article(w: MainWindow, qtbot: Any) -> None:
    e = next(x for x in w.page().entities if x.status == "auto")
    w.select_entity(e.id)
    focus(qtbot, w.entity_panel.table)
    qtbot.keyClick(w.entity_panel.table, Qt.Key.Key_Return, CTRL)


def confirm_one(w: MainWindow, qtbot: Any) -> None:
    e = next(x for x in w.page().entities if x.status == "auto")
    w.select_entity(e.id)
    focus(qtbot, w.entity_panel.table)
    qtbot.keyClick(w.entity_panel.table, Qt.Key.Key_Return)


def replace_a_span(w: MainWindow, qtbot: Any) -> None:
    e = next(x for x in w.page().entities if x.status == "auto" and x.end - x.start > 2)
    w.raw_view.select_offsets(e.start, e.end - 1)
    qtbot.keyClick(w.raw_view, Qt.Key.Key_L)


def shrink_an_entity(w: MainWindow, qtbot: Any) -> None:
    e = next(x for x in w.page().entities if x.end - x.start > 2)
    w.select_entity(e.id)
    focus(qtbot, w.entity_panel.table)
    qtbot.keyClick(w.entity_panel.table, Qt.Key.Key_Left, ALT_SHIFT)


def unassign(w: MainWindow, qtbot: Any) -> None:
    put_cursor(w, w.page().articles[0].lines[0])
    qtbot.keyClick(w.raw_view, Qt.Key.Key_U, CTRL)


HELD: dict[str, Callable[[MainWindow, Any], None]] = {
    "merge_with_demotion": merge_with_demotion,
    "confirm_the_article": confirm_the_article,
    "confirm_one": confirm_one,
    "replace_a_span": replace_a_span,
    "shrink_an_entity": shrink_an_entity,
    "unassign": unassign,
}


@pytest.mark.parametrize("action", list(HELD))
def test_on_a_page_open_elsewhere_no_action_stacks_a_step(
    held: MainWindow, qtbot: Any, asked: Asked, action: str
) -> None:
    asked.answer = QMessageBox.StandardButton.Yes  # "replace the entity it overlaps?": yes
    focus(qtbot, held.raw_view)
    before = stack_state(held)
    held.statusBar().clearMessage()
    HELD[action](held, qtbot)
    assert held.statusBar().currentMessage()
    assert stack_state(held) == before and held.undo_stack.count() == 0
    assert not held.files.autosave_timer.isActive()


# -- an issue: a link the issue refuses ------------------------------------------------------------


def test_a_refused_link_leaves_the_undo_stack_alone(
    qtbot: Any, settings: QSettings, asked: Asked, tmp_path: Path
) -> None:
    """Link to continuation… choosing the part the story already continues in: refused, and the
    redo step of the page stays."""
    from PySide6.QtWidgets import QComboBox

    from tests.issue_pages import write_issue
    from ui.issue.story import PartRole

    w = make_window(qtbot, settings, asked)
    w.issue.workers = 0
    assert w.issue.open(write_issue(tmp_path / "daily-2024-03-15"))
    ws = w.issue.ws
    assert ws is not None
    qtbot.waitUntil(lambda: ws.all_loaded() and w.issue.loader is not None and not w.issue.loader.busy(), timeout=60000)
    w.select_article(w.page().articles[0].id)
    story = w.issue.story
    assert story.parts.count() == 2
    index, aid = story.parts.item(1).data(PartRole)
    row = [a.id for a in ws.slots[index].document.page.articles].index(aid) + 1  # type: ignore[union-attr]
    # a step done and undone on the page
    last = next(a for a in reversed(w.page().articles) if len(a.lines) > 2)
    assert w.push(edits.SplitArticle(last.id, last.lines[1]))
    focus(qtbot, w.raw_view)
    qtbot.keyClick(w.raw_view, Qt.Key.Key_Z, CTRL)
    w.select_article(w.page().articles[0].id)
    w.files.autosave_timer.stop()
    before = stack_state(w)
    links = list(ws.links.links)
    shown: list[str] = []

    def choose(dialog: Any) -> None:
        box = dialog.findChild(QComboBox)
        texts = [box.itemText(k) for k in range(box.count())]
        prefix = f"page {ws.slots[index].page.label} · article {row} · "
        shown.extend(t for t in texts if t.startswith(prefix))
        box.setCurrentIndex(texts.index(shown[0]))
        dialog.accept()

    answer = DialogAnswer(choose)
    qtbot.mouseClick(story.link_button, Qt.MouseButton.LeftButton)
    answer.check()
    assert len(shown) == 1  # the part named by its row, as its page's article list shows it
    assert w.statusBar().currentMessage() == "these parts are already linked"
    assert stack_state(w) == before and list(ws.links.links) == links
    assert not w.files.autosave_timer.isActive()
    w.undo_stack.setClean()
    w.issue.autosave_timer.stop()
