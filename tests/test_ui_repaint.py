"""The panes repaint only what an edit changed (narrow update rects, roles named in dataChanged):
what is on screen afterwards must equal what a repaint of every widget shows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QImage, QStandardItemModel
from PySide6.QtWidgets import QApplication, QHeaderView, QWidget

from core import edits
from tests.test_ui import Asked, asked, cached_parser, make_window, page_file, settings, win  # noqa: F401
from ui.main_window import MainWindow
from ui.views.panels import RowNumbers

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


class Counted(QObject):
    """Counts the events of some types an object receives."""

    def __init__(self, *types: QEvent.Type) -> None:
        super().__init__()
        self.types = types
        self.seen = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self.types:
            self.seen += 1
        return False


def test_a_structure_edit_lays_out_neither_the_status_bar_nor_the_whole_article(win: MainWindow) -> None:
    """A merge changes the article count (its status label) and makes the shown article longer:
    the status bar is not laid out again (it would repaint all its parts) and the article view keeps
    its width (a scroll bar appearing would lay the whole article out again)."""
    page = win.page()
    short = min(range(len(page.articles) - 1), key=lambda k: len(page.articles[k].lines))
    a, b = page.articles[short], page.articles[short + 1]
    win.resize(win.width(), 420)  # short enough that the merged article is taller than the view in any font
    win.select_article(a.id)
    assert win.push(edits.MergeArticles(a.id, b.id))  # the save state's "Unsaved changes" widens its part once
    win.undo_stack.undo()
    QApplication.processEvents()
    bar, text = Counted(QEvent.Type.LayoutRequest), Counted(QEvent.Type.Resize)
    win.statusBar().installEventFilter(bar)
    win.article_view.viewport().installEventFilter(text)
    before = win.articles_label.text()
    assert win.push(edits.MergeArticles(a.id, b.id))
    QApplication.processEvents()
    assert win.articles_label.text() != before
    assert win.article_view.article_id == a.id
    assert win.article_view.verticalScrollBar().maximum() > 0  # the merged article is taller than the view
    assert (bar.seen, text.seen) == (0, 0)
    win.undo_stack.undo()
    QApplication.processEvents()
    assert win.articles_label.text() == before
    assert (bar.seen, text.seen) == (0, 0)


def test_the_row_numbers_are_as_wide_as_qt_makes_them(qapp: QApplication) -> None:
    """The article list's row numbers are sized from the first and last row, as wide as Qt's own
    header sized from the first and last hundred rows."""
    model = QStandardItemModel(1234, 1)
    ours, qts = RowNumbers(), QHeaderView(Qt.Orientation.Vertical)
    for header in (ours, qts):
        header.setModel(model)
    assert ours.sizeHint() == qts.sizeHint()
    model.removeRows(1000, 234)
    assert ours.sizeHint() == qts.sizeHint()
    bigger = QFont(ours.font())
    bigger.setPointSizeF(bigger.pointSizeF() * 2)
    for header in (ours, qts):
        header.setFont(bigger)
    assert ours.sizeHint() == qts.sizeHint()
