"""The panes repaint only what an edit changed (narrow update rects, roles named in dataChanged):
what is on screen afterwards must equal what a repaint of every widget shows."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from core import edits
from tests.test_ui import Asked, asked, cached_parser, make_window, page_file, settings, win  # noqa: F401
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")


def on_screen(win: MainWindow) -> QImage:
    """The window as the screen (the backing store) holds it: stale pixels included."""
    QApplication.processEvents()
    screen = win.screen()
    return screen.grabWindow(win.winId()).toImage()


def repainted(win: MainWindow) -> QImage:
    """The same after every widget of the window was asked to repaint whole."""
    for w in win.findChildren(QWidget):
        w.update()
    win.update()
    return on_screen(win)


def test_after_each_structure_and_entity_edit_the_screen_equals_a_full_repaint(win: MainWindow) -> None:
    page = win.page()
    a, b, c = page.articles[0], page.articles[1], page.articles[2]
    pending = [e for e in page.entities if e.status == "auto"]
    steps: list[edits.Edit] = [
        edits.SplitArticle(a.id, a.lines[len(a.lines) // 2]),
        edits.SetRole(b.lines[:1], "byline"),
        edits.MoveLines((b.lines[0],), c.id),  # on screen, in no selected article: its tint alone changes
        edits.MergeArticles(b.id, c.id),
        edits.ConfirmEntity(pending[0].id),
    ]
    win.select_article(a.id)
    win.raw_view.go_to_line(a.lines[0])
    assert on_screen(win) == repainted(win)  # the comparison itself sees the window as painted
    done = 0
    for step in steps:
        before = on_screen(win)
        if not win.push(step):
            continue
        done += 1
        after = on_screen(win)
        assert after != before, step  # the edit shows
        assert after == repainted(win), step
    assert done >= 4
    for _ in range(done):
        win.undo_stack.undo()
        assert on_screen(win) == repainted(win)


def test_a_stale_region_is_seen(win: MainWindow) -> None:
    """The check can fail: a cell changed behind the table's back shows only after a repaint."""
    table = win.entity_panel.table
    model = win.entity_model
    top = table.model().mapToSource(table.model().index(0, 0))
    e = model.entity(top.row())
    cells = model._cells(top.row())
    before = on_screen(win)
    model._display[id(e)] = (e, ("改过的字", *cells[1:]))  # no dataChanged
    assert on_screen(win) == before
    assert repainted(win) != before
