"""Less clean-up after structure edits (finding 6 of issue 12): merging demotes the absorbed
headline, moved lines keep their paragraph starts, Chinese title lines join without a space, the
move dialog offers the neighbouring article, shows row numbers and filters as you type."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from core.textmap import squeeze_spaces
from tests.test_ui import Asked, DialogAnswer, asked, focus, page_file, put_cursor, settings, win  # noqa: F401
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def titled(w: MainWindow, i: int) -> bool:
    return any(b.role == "title" for b in w.page().articles[i].blocks)


def test_merging_demotes_the_absorbed_headline_to_body(win: MainWindow, qtbot: Any) -> None:
    """Finding 6: a merge does not keep the absorbed fragment's headline lines as extra titles."""
    arts = win.page().articles
    i = next(k for k in range(1, len(arts)) if titled(win, k) and titled(win, k - 1))
    first, second = arts[i - 1], arts[i]
    heads = [n for b in second.blocks if b.role in ("title", "kicker", "subtitle") for n in b.lines]
    focus(qtbot, win.raw_view)
    put_cursor(win, second.lines[-1])
    qtbot.keyClick(win.raw_view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    merged = win.page().article(first.id)
    assert all(merged.role_of(n) == "body" for n in heads)
    assert [b.lines for b in merged.blocks if b.role == "title"] == [b.lines for b in first.blocks if b.role == "title"]
    assert win.article_model.index(i - 1, 0).data() == win.article_model.fields(i - 1).title
    win.undo_stack.undo()  # one step
    assert win.page().article(second.id) == second


def test_moved_lines_keep_their_paragraph_starts(win: MainWindow, qtbot: Any) -> None:
    """Finding 6: moved lines keep their paragraph starts."""
    page = win.page()
    src = next(a for a in page.articles if sum(1 for b in a.blocks if b.role == "body" and len(b.lines) > 1) >= 2)
    bodies = [b for b in src.blocks if b.role == "body" and len(b.lines) > 1]
    para_start = bodies[1].lines[0]
    moving = (bodies[0].lines[-1], para_start, bodies[1].lines[1])
    row = next(k for k, a in enumerate(page.articles) if a.id != src.id)
    target = page.articles[row].id
    focus(qtbot, win.raw_view)
    put_cursor(win, moving[0], to_line=moving[-1])

    def choose(dialog: Any) -> None:
        qtbot.keyClicks(dialog.filter, str(row + 1))
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)

    answer = DialogAnswer(choose)
    qtbot.keyClick(win.raw_view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    answer.check()
    moved = win.page().article(target)
    assert set(moving) <= set(moved.lines)
    assert any(b.lines[0] == para_start and b.role == "body" for b in moved.blocks)
    assert win.raw_model.mark(para_start) == "¶"
    assert win.undo_stack.count() == 1


def test_chinese_title_lines_join_without_a_space(win: MainWindow, qtbot: Any) -> None:
    """Finding 6: Chinese lines of a title are joined without spaces."""
    page = win.page()
    a = next(x for x in page.articles if sum(1 for b in x.blocks if b.role == "body" for _ in b.lines) > 4)
    body = next(b for b in a.blocks if b.role == "body" and len(b.lines) > 2)
    lines = body.lines[:2]
    focus(qtbot, win.raw_view)
    put_cursor(win, lines[0], to_line=lines[1])
    qtbot.keyClick(win.raw_view, Qt.Key.Key_1)  # these two lines are the title
    row = [x.id for x in win.page().articles].index(a.id)
    parts = [squeeze_spaces(page.line(n).text).strip() for n in lines]
    title = win.article_model.index(row, 0).data()
    assert parts[0] + parts[1] in title and f"{parts[0]} {parts[1]}" not in title
    assert parts[0] + parts[1] in win.article_view.toPlainText()


def test_the_move_dialog_offers_the_neighbour_and_filters_as_you_type(win: MainWindow, qtbot: Any) -> None:
    """Finding 6: the move dialog defaults to the neighbouring article, shows row numbers, filters as you type."""
    page = win.page()
    a = page.articles[2]
    tail = a.lines[-2:]
    focus(qtbot, win.raw_view)
    put_cursor(win, tail[0], to_line=tail[1])
    words = win.article_model.fields(5).title[:3]
    seen: dict[str, Any] = {}

    def look(dialog: Any) -> None:
        seen["default"] = dialog.chosen()
        seen["rows"] = [dialog.list.item(r).text() for r in range(dialog.list.count())]
        qtbot.keyClicks(dialog.filter, "x")  # QTest types ASCII only; Chinese words go in as text
        dialog.filter.setText(words)
        seen["shown"] = [
            dialog.list.item(r).text() for r in range(dialog.list.count()) if not dialog.list.item(r).isHidden()
        ]
        seen["narrowed"] = dialog.chosen()
        dialog.reject()

    answer = DialogAnswer(look)
    qtbot.keyClick(win.raw_view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    answer.check()
    assert seen["default"] == page.articles[3].id  # the lines end their article: the next one
    assert seen["rows"][3].startswith("4. ")
    assert seen["shown"] and all(words in r for r in seen["shown"]) and len(seen["shown"]) < len(seen["rows"])
    assert seen["narrowed"] == page.articles[5].id or words in seen["shown"][0]


def test_the_window_names_an_article_by_its_row_number(win: MainWindow, qtbot: Any) -> None:
    """The article dock and a refusal name the article by the row the article list shows (not its id),
    and follow the renumbering after a split above it."""
    page = win.page()
    a = page.articles[2]
    focus(qtbot, win.raw_view)
    put_cursor(win, a.lines[1])
    assert win.docks["article"].windowTitle() == "Article 3"
    put_cursor(win, page.articles[0].lines[1])
    qtbot.keyClick(win.raw_view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)  # a new article above
    put_cursor(win, a.lines[1], to_line=a.lines[2])
    assert win.article_list.currentIndex().row() == 3
    assert win.article_model.headerData(3, Qt.Orientation.Vertical) == "4"
    assert win.docks["article"].windowTitle() == "Article 4"

    def choose(dialog: Any) -> None:  # its own article: refused
        qtbot.keyClicks(dialog.filter, "4")
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)

    answer = DialogAnswer(choose)
    qtbot.keyClick(win.raw_view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    answer.check()
    assert win.statusBar().currentMessage() == "these lines are already in article 4"
