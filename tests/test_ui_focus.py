"""Focus is a contract: every key acts on what is highlighted, and every pane shows the same
article and line after each step (findings 1, 2 and the article-list half of 6 of issue 12)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.test_ui import Asked, DialogAnswer, asked, focus, page_file, put_cursor, settings, win  # noqa: F401
from ui.main_window import MainWindow
from ui.models.article_model import ArticleIdRole

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def listed_article(w: MainWindow) -> str:
    ix = w.article_list.currentIndex()
    return str(ix.data(ArticleIdRole)) if ix.isValid() else ""


def lit_raw_lines(w: MainWindow) -> set[int]:
    return w.raw_view.lit_lines()


def assert_panes_agree(w: MainWindow, article_id: str | None = None) -> str:
    """The raw cursor's line, the article list, the article text and the raw highlight agree."""
    line = w.raw_view.current_line()
    owner = w.session.index.article_of_line(line)
    assert owner, f"the raw cursor (line {line}) is in no article"
    if article_id is not None:
        assert owner == article_id
    assert listed_article(w) == owner
    assert w.article_view.article_id == owner
    assert lit_raw_lines(w) == set(w.page().article(owner).lines)
    (mark,) = w.article_view._marks["line"]
    shown = w.page().line(line)
    assert shown.start <= w.article_view._offsets[mark.cursor.position()] < shown.end
    return owner


def click_article(qtbot: Any, w: MainWindow, row: int) -> None:
    rect = w.article_list.visualRect(w.article_model.index(row, 0))
    w.article_list.scrollTo(w.article_model.index(row, 0))
    rect = w.article_list.visualRect(w.article_model.index(row, 0))
    qtbot.mouseClick(w.article_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_raw_line(qtbot: Any, w: MainWindow, line: int) -> None:
    w.raw_view.go_to_line(line)
    qtbot.mouseClick(w.raw_view.viewport(), Qt.MouseButton.LeftButton, pos=w.raw_view.cursorRect().center())


def test_a_role_key_edits_the_clicked_line_and_the_selection_stays(win: MainWindow, qtbot: Any) -> None:
    """Finding 1: an entity looked at in one article must not pull the panes back after an edit."""
    page = win.page()
    focus(qtbot, win.entity_panel.table)
    qtbot.keyClick(win.entity_panel.table, Qt.Key.Key_BracketRight)  # an entity of some article
    touched = win.session.index.article_of_entity(win.session.document.entity(win.current_entity_id()))  # type: ignore[union-attr]
    row = next(i for i, a in enumerate(page.articles) if a.id != touched and len(a.lines) > 4)
    target = page.articles[row]
    click_article(qtbot, win, row)
    assert assert_panes_agree(win) == target.id
    third = target.lines[2]
    click_raw_line(qtbot, win, third)
    qtbot.keyClick(win.raw_view, Qt.Key.Key_4)
    assert win.page().article(target.id).role_of(third) == "byline"
    assert assert_panes_agree(win, target.id) == target.id
    assert win.raw_view.current_line() == third
    fourth = target.lines[3]
    qtbot.keyClick(win.raw_view, Qt.Key.Key_Down)  # the next key edits the same article
    while win.raw_view.current_line() != fourth:
        qtbot.keyClick(win.raw_view, Qt.Key.Key_Down)
    qtbot.keyClick(win.raw_view, Qt.Key.Key_3)
    assert win.page().article(target.id).role_of(fourth) == "subtitle"
    assert_panes_agree(win, target.id)


def test_split_merge_three_times_move_and_roles_keep_every_pane_on_one_article(win: MainWindow, qtbot: Any) -> None:
    """Finding 2: after each step the raw cursor, list, article text and highlight show one article."""
    page = win.page()
    row = next(i for i in range(3, len(page.articles)) if len(page.articles[i].lines) > 6)
    a = page.articles[row]
    cut = a.lines[len(a.lines) // 2]
    focus(qtbot, win.raw_view)
    put_cursor(win, cut)
    assert_panes_agree(win, a.id)
    qtbot.keyClick(win.raw_view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)  # split
    new_id = win.session.index.article_of_line(cut)
    assert new_id != a.id
    assert_panes_agree(win, new_id)  # the selection follows what the edit created
    n = len(win.page().articles)
    for k in range(3):  # merge ×3, each time into the article before
        before = win.page().articles
        here = listed_article(win)
        i = [x.id for x in before].index(here)
        previous = before[i - 1].id
        qtbot.keyClick(win.raw_view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
        assert len(win.page().articles) == n - k - 1
        assert assert_panes_agree(win) == previous  # the merged article, highlighted everywhere
        assert cut in win.page().article(previous).lines
    merged = listed_article(win)
    # a role key on the highlighted line edits that article
    line = win.raw_view.current_line()
    qtbot.keyClick(win.raw_view, Qt.Key.Key_5)
    assert win.page().article(merged).role_of(line) == "body"
    assert_panes_agree(win, merged)
    # move the cursor's line to another article through the dialog (typing its row number); the
    # panes follow the line
    others = [x.id for x in win.page().articles if x.id != merged]
    row = [x.id for x in win.page().articles].index(others[0]) + 1

    def choose(dialog: Any) -> None:
        qtbot.keyClicks(dialog.filter, str(row))
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)

    answer = DialogAnswer(choose)
    qtbot.keyClick(win.raw_view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    answer.check()
    assert line in win.page().article(others[0]).lines
    assert_panes_agree(win, others[0])


def test_structure_keys_work_in_the_article_list(win: MainWindow, qtbot: Any) -> None:
    """Finding 6 (first part): Alt+Up in the article list merges the highlighted article."""
    page = win.page()
    click_article(qtbot, win, 2)
    focus(qtbot, win.article_list)
    second, first = page.articles[2].id, page.articles[1].id
    qtbot.keyClick(win.article_list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert second not in {a.id for a in win.page().articles}
    assert listed_article(win) == first
    assert_panes_agree(win, first)
