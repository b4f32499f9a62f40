"""One review queue: the table's order is the order of ]/[ and of auto-advance after every decision;
filters apply to bulk actions; progress in the status bar (finding 5 of issue 12)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.test_ui import Asked, asked, focus, page_file, settings, win  # noqa: F401
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

ID = Qt.ItemDataRole.UserRole + 1  # EntityIdRole in the old and the new build


def table_ids(w: MainWindow) -> list[str]:
    proxy = w.entity_panel.proxy
    return [str(proxy.index(r, 0).data(ID)) for r in range(proxy.rowCount())]


def status(w: MainWindow, eid: str) -> str:
    assert w.session.document is not None
    return w.session.document.entity(eid).status


def current(w: MainWindow) -> str:
    c = w.current_entity_id
    return c() if callable(c) else c


def test_brackets_walk_the_table_order(win: MainWindow, qtbot: Any) -> None:
    """Finding 5: ] and [ walk the table's order (the review queue), not reading order."""
    table = win.entity_panel.table
    focus(qtbot, table)
    pending = [e for e in table_ids(win) if status(win, e) == "auto"]
    seen = []
    for _ in range(6):
        qtbot.keyClick(table, Qt.Key.Key_BracketRight)
        seen.append(current(win))
        assert table.currentIndex().data(ID) == current(win)  # the table shows what ] picked
    assert seen == pending[:6]
    qtbot.keyClick(table, Qt.Key.Key_BracketLeft)
    assert current(win) == pending[4]


def test_every_decision_moves_on_to_the_next_in_the_queue_and_rows_stay(win: MainWindow, qtbot: Any) -> None:
    """Finding 5: decided rows stay put and the selection moves on to the next in the queue."""
    table = win.entity_panel.table
    focus(qtbot, table)
    qtbot.keyClick(table, Qt.Key.Key_BracketRight)
    order = table_ids(win)
    pending = [e for e in order if status(win, e) == "auto"]
    first = current(win)
    assert first == pending[0]
    qtbot.keyClick(table, Qt.Key.Key_Return)  # confirm: on to the next
    assert status(win, first) == "confirmed"
    assert current(win) == pending[1]
    assert table_ids(win) == order  # the decided row did not move
    qtbot.keyClick(table, Qt.Key.Key_Delete)  # reject: on to the next
    assert status(win, pending[1]) == "rejected"
    assert current(win) == pending[2]
    other = next(lb for lb in win.labels if lb.name != win.session.document.entity(pending[2]).type)  # type: ignore[union-attr]
    qtbot.keyClick(table, other.key)  # retype: a decision too
    assert current(win) == pending[3]
    assert table.currentIndex().data(ID) == pending[3]


def test_filters_apply_to_confirm_all_and_the_status_bar_counts(win: MainWindow, qtbot: Any) -> None:
    """Finding 5: Ctrl+Enter confirms only what the filters show; the status bar counts the review."""
    page = win.page()
    index = win.session.index
    by_article: dict[str, set[str]] = {}
    for e in page.entities:
        by_article.setdefault(index.article_of_entity(e), set()).add(e.type)
    aid = next(a for a, types in by_article.items() if a and len(types) > 1)
    types = sorted(by_article[aid])
    shown = types[0]
    panel = win.entity_panel
    panel.type_filter.setCurrentIndex(panel.type_filter.findData(shown))
    win.select_article(aid) if hasattr(win, "select_article") else None
    row = next(i for i, a in enumerate(page.articles) if a.id == aid)
    win.article_list.setCurrentIndex(win.article_model.index(row, 0))
    total = len(page.entities)
    assert win.pending_label.text() == f"0 of {total} reviewed"
    focus(qtbot, panel.table)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    mine = [e for e in win.page().entities if index.article_of_entity(e) == aid]
    assert all(e.status == "confirmed" for e in mine if e.type == shown)
    assert all(e.status == "auto" for e in mine if e.type != shown)  # hidden by the filter: untouched
    done = sum(1 for e in mine if e.type == shown)
    assert win.pending_label.text() == f"{done} of {total} reviewed"


def test_the_queue_order_can_be_page_order(win: MainWindow, qtbot: Any) -> None:
    action = next(a for a in win.findChildren(type(win.undo_action)) if a.objectName() == "reading_order")
    action.trigger()
    table = win.entity_panel.table
    focus(qtbot, table)
    starts = []
    for _ in range(5):
        qtbot.keyClick(table, Qt.Key.Key_BracketRight)
        starts.append(win.session.document.entity(current(win)).start)  # type: ignore[union-attr]
    assert starts == sorted(starts)
    assert table_ids(win) == [e.id for e in win.page().entities]
    assert win.settings.value("review/order") == "reading"
