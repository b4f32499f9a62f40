"""Everyday desktop expectations (finding 8 of issue 12), each driven through the real window."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog

from tests.test_ui import Asked, DialogAnswer, asked, focus, page_file, settings, win  # noqa: F401
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def action(w: MainWindow, name: str) -> QAction:
    found = [a for a in w.findChildren(QAction) if a.objectName() == name]
    assert found, f"no action {name}"
    return found[0]


def test_ctrl_f_finds_text_across_line_breaks_and_shows_it_everywhere(win: MainWindow, qtbot: Any) -> None:
    """Finding 8: Find (Ctrl+F) across the page."""
    page = win.page()
    # a word broken over two lines of one paragraph: the last character of a line and the first of the next
    a = page.articles[1]
    body = next(b for b in a.blocks if b.role == "body" and len(b.lines) > 2)
    n = body.lines[1]
    first, second = page.line(n).text.strip(), page.line(body.lines[2]).text.strip()
    query = first[-2:] + second[:2]
    focus(qtbot, win.raw_view)
    qtbot.keyClick(win.raw_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = win.find_bar
    assert bar.isVisible() and bar.line.hasFocus()
    bar.line.setText(query)  # QTest types ASCII only
    found = []
    for _ in range(10):
        qtbot.keyClick(bar.line, Qt.Key.Key_Return)
        span = win.raw_view.selected_span()
        assert span is not None
        found.append(span)
        if span[0] == page.line(n).end - 2:
            break
    assert found[-1][0] == page.line(n).end - 2 and found[-1][1] == page.line(body.lines[2]).start + 2 + (
        len(page.line(body.lines[2]).text) - len(page.line(body.lines[2]).text.lstrip())
    )
    assert win.article_view.article_id == a.id  # the match's article is shown
    assert "/" in bar.count.text()
    qtbot.keyClick(bar.line, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_ctrl_g_goes_to_a_line(win: MainWindow, qtbot: Any) -> None:
    """Finding 8: go to line (Ctrl+G)."""
    target = win.page().articles[4].lines[3]

    def type_line(dialog: Any) -> None:
        dialog.setIntValue(target)
        dialog.accept()

    focus(qtbot, win.raw_view)
    answer = DialogAnswer(type_line)
    qtbot.keyClick(win.raw_view, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    answer.check()
    assert win.raw_view.current_line() == target
    assert win.article_view.article_id == win.page().articles[4].id


def test_f6_cycles_the_panes(win: MainWindow, qtbot: Any) -> None:
    """Finding 8: a key to move between panes (F6)."""
    focus(qtbot, win.raw_view)
    order = [win.article_list, win.article_view, win.entity_panel.table, win.raw_view]
    for pane in order:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        assert pane.hasFocus() or pane.isAncestorOf(QApplication.focusWidget())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert win.entity_panel.table.hasFocus()


@pytest.mark.parametrize("name,fmt", [("export", "json"), ("export_conll", "conll"), ("export_jsonl", "jsonl")])
def test_every_export_format_from_the_menu(
    win: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, fmt: str
) -> None:
    """Finding 8: CoNLL and JSONL export from the menu, not only the command line."""
    out = tmp_path / f"out.{fmt}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_: (str(out), ""))
    file_menu = win.menuBar().actions()[0].menu()
    assert action(win, name) in file_menu.actions()
    action(win, name).trigger()
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        assert json.loads(text)["format"] == "banmian.page"
    elif fmt == "jsonl":
        assert len(text.splitlines()) == len(win.page().articles)
        assert json.loads(text.splitlines()[0])["spans"] is not None
    else:
        assert any(line.endswith("B-PER") or "\tB-" in line for line in text.splitlines())


def test_the_entity_table_shows_article_and_context(win: MainWindow) -> None:
    """Finding 8: the entity table has an article and a context column."""
    model = win.entity_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "Article" in headers and "Context" in headers
    e = win.page().entities[5]
    row = model.row_of(e.id)
    art = model.index(row, headers.index("Article")).data()
    aid = win.session.index.article_of_entity(e)
    assert art == [a.id for a in win.page().articles].index(aid) + 1  # the article list's row number
    ctx = model.index(row, headers.index("Context")).data()
    assert f"【{e.text}】" in ctx and len(ctx) > len(e.text) + 4


def test_the_compact_raw_view_hides_blank_lines_and_toggles(win: MainWindow, qtbot: Any) -> None:
    """Finding 8: blank raw lines no longer take half the raw pane (compact view, a toggle)."""
    blank = next(ln.number for ln in win.page().lines if ln.is_blank)
    doc = win.raw_view.document()
    assert win.compact_action.isChecked() and not doc.findBlockByNumber(blank - 1).isVisible()
    focus(qtbot, win.raw_view)
    qtbot.keyClick(win.raw_view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert doc.findBlockByNumber(blank - 1).isVisible()
    assert win.settings.value("view/compact") == "false"


def test_legend_explains_gutter_letters_and_label_colours(win: MainWindow) -> None:
    from ui.models.colours import ROLE_MARKS

    seen: list[str] = []

    def read(dialog: Any) -> None:
        t = dialog.table
        seen.extend(t.item(r, 0).text() for r in range(t.rowCount()))

    answer = DialogAnswer(read)
    action(win, "legend").trigger()
    answer.check()
    assert set(ROLE_MARKS.values()) <= set(seen) and {"¶", "?"} <= set(seen)
    assert {lb.name for lb in win.labels} <= set(seen)


def test_every_action_has_a_tooltip_naming_its_keys(win: MainWindow) -> None:
    for menu_action in win.menuBar().actions():
        menu = menu_action.menu()
        for a in menu.actions() + [x for m in menu.findChildren(type(menu)) for x in m.actions()]:
            if a.isSeparator() or a.menu() is not None:
                continue
            tip = a.toolTip()
            assert tip and tip != a.text(), a.objectName()
            if a.shortcuts():
                assert a.shortcuts()[0].toString(a.shortcuts()[0].SequenceFormat.NativeText) in tip, tip
