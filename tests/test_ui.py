"""GUI tests: drive the real main window with keys and clicks; assert on the document and views."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox

from core import edits
from core.document import Document
from core.model import ROLES, Page
from core.parse import parse_page
from core.paths import SAMPLE_PAGE
from tests.test_document_helpers import edits as edit_strategy
from tests.test_document_helpers import small_page
from ui.loading import InlineLoader
from ui.main_window import MainWindow

# the offscreen platform warns about a feature it lacks; that is not our bug
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = SAMPLE_PAGE
_PARSED: dict[tuple[str, bool], Page] = {}


def cached_parser(raw: Any, *, lexicon: Any = None, entities: bool = True) -> Page:
    """jieba loads and the page parses once per session; every window reuses the parse."""
    key = (raw.source.sha256, entities)
    if key not in _PARSED:
        _PARSED[key] = parse_page(raw, lexicon=None, entities=entities)
    return _PARSED[key]


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def page_file(tmp_path: Path) -> Path:
    target = tmp_path / "pages" / SAMPLE.name
    target.parent.mkdir()
    shutil.copy(SAMPLE, target)
    return target


class Asked:
    """Stands in for the window's message boxes: records questions, gives set answers."""

    def __init__(self) -> None:
        self.questions: list[str] = []
        self.warnings: list[str] = []
        self.answer = QMessageBox.StandardButton.Discard

    def ask(self, title: str, text: str, *_: Any) -> QMessageBox.StandardButton:
        self.questions.append(text)
        return self.answer

    def warn(self, title: str, text: str) -> None:
        self.warnings.append(text)


def make_window(qtbot: Any, settings: QSettings, asked: Asked) -> MainWindow:
    w = MainWindow(loader=InlineLoader(parser=cached_parser), settings=settings)
    w.ask = asked.ask  # type: ignore[method-assign]
    w.warn = asked.warn  # type: ignore[method-assign]
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    return w


@pytest.fixture
def asked() -> Asked:
    return Asked()


@pytest.fixture
def win(qtbot: Any, settings: QSettings, page_file: Path, asked: Asked) -> Iterator[MainWindow]:
    w = make_window(qtbot, settings, asked)
    w.files.open_path(page_file)
    assert w.session.page is not None
    yield w
    w.undo_stack.setClean()
    w.files.autosave_timer.stop()


def focus(qtbot: Any, widget: Any) -> None:
    widget.window().activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=1000)


def put_cursor(w: MainWindow, line: int, *, to_line: int | None = None) -> None:
    """Cursor at the start of ``line`` (selecting through ``to_line`` if given)."""
    doc = w.raw_view.document()
    c = QTextCursor(doc.findBlockByNumber(line - 1))
    if to_line is not None:
        end = doc.findBlockByNumber(to_line - 1)
        c.setPosition(end.position() + end.length() - 1, QTextCursor.MoveMode.KeepAnchor)
    w.raw_view.setTextCursor(c)


class DialogAnswer:
    """Answers the next modal dialog with ``act(dialog)``; a failed assertion closes the dialog (so
    the test does not hang) and is raised again by ``check``."""

    def __init__(self, act: Any) -> None:
        self.act = act
        self.error: BaseException | None = None
        self.seen = False
        QTimer.singleShot(0, self._try)

    def _try(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, self._try)
            return
        self.seen = True
        dialog.activateWindow()  # keys go where the focus is: into the dialog, as on a desktop
        QApplication.processEvents()
        try:
            self.act(dialog)
        except BaseException as e:  # re-raised in check()
            self.error = e
        if dialog.isVisible():
            dialog.reject()  # type: ignore[attr-defined]

    def check(self) -> None:
        assert self.seen, "no dialog came up"
        if self.error is not None:
            raise self.error


def first_line(w: MainWindow, row: int) -> int:
    return w.page().articles[row].lines[0]


# -- models -------------------------------------------------------------------------------------------


def test_every_model_passes_the_model_tester(
    win: MainWindow, qtmodeltester: Any, qtbot: Any, request: pytest.FixtureRequest
) -> None:
    from pytestqt.modeltest import ModelTester

    models = (win.raw_model, win.article_model, win.entity_model, win.entity_panel.proxy)
    qtmodeltester.check(win.raw_model, force_py=True)
    # one tester per model: a tester watches the signals of the last model it checked
    testers = [ModelTester(request.config) for _ in models]
    for tester, model in zip(testers, models, strict=True):
        tester.check(model, force_py=True)
    # ... and they keep passing through inserts, removals and filter changes
    a = win.page().articles[0]
    focus(qtbot, win.raw_view)
    put_cursor(win, a.lines[len(a.lines) // 2])
    qtbot.keyClick(win.raw_view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(win.raw_view, Qt.Key.Key_1)
    win.select_entity(win.page().entities[0].id)
    qtbot.keyClick(win.raw_view, Qt.Key.Key_Delete)
    win.entity_panel.status_filter.setCurrentIndex(1)
    win.undo_stack.undo()
    win.undo_stack.undo()
    win.undo_stack.undo()
    for tester, model in zip(testers, models, strict=True):
        tester.check(model, force_py=True)
        tester._cleanup()


@hypothesis_settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_models_follow_any_edits_like_a_fresh_rebuild(qtbot: Any, data: st.DataObject) -> None:
    """The models update only what an edit names (O(change)); after any edits and undos they hold
    what models built from scratch on the same page hold."""
    from ui.models.article_model import ArticleListModel
    from ui.models.colours import ColourBook
    from ui.models.entity_model import EntityModel
    from ui.models.page_index import PageIndex
    from ui.models.raw_model import RawLinesModel
    from ui.models.session import PageSession

    def models(session: PageSession) -> tuple[RawLinesModel, ArticleListModel, EntityModel]:
        return (RawLinesModel(session, ColourBook()), ArticleListModel(session, ColourBook()), EntityModel(session))

    doc = Document(small_page())
    session = PageSession()
    session.open(doc)
    live = models(session)
    resets: list[object] = []
    for m in live:
        m.modelReset.connect(lambda m=m: resets.append(m))
    done: list[edits.Edit] = []
    for _ in range(8):
        edit = data.draw(edit_strategy(doc.page))
        try:
            doc.apply(edit)
        except edits.EditError:
            continue
        done.append(edit)
    if done and data.draw(st.booleans()):
        doc.revert(done.pop())
    assert not resets
    fresh = PageSession()
    fresh.open(Document(doc.page))
    raw, arts, ents = models(fresh)
    assert session.index.owner == PageIndex(doc.page).owner
    assert session.index.counts == fresh.index.counts
    assert [live[0].info(n) for n in range(1, raw.rowCount() + 1)] == [
        raw.info(n) for n in range(1, raw.rowCount() + 1)
    ]
    for mine, theirs in ((live[1], arts), (live[2], ents)):
        assert mine.rowCount() == theirs.rowCount()
        assert all(
            mine.index(r, c).data() == theirs.index(r, c).data()
            for r in range(theirs.rowCount())
            for c in range(theirs.columnCount())
        )


# -- layout -------------------------------------------------------------------------------------------


def test_window_shows_the_page_its_articles_and_entities(win: MainWindow) -> None:
    page = win.page()
    assert win.raw_view.blockCount() >= len(page.lines)
    assert win.raw_view.document().findBlockByNumber(0).text() == page.lines[0].text
    assert win.article_model.rowCount() == len(page.articles)
    assert win.entity_model.rowCount() == len(page.entities) > 0
    # gutter marks: a role letter (or ¶) on article lines, nothing on blank lines
    a = page.articles[0]
    assert win.raw_model.mark(a.lines[0]) in ("¶", "T", "K", "S", "B", "·", "H", "J", "C", "P", "O")
    blank = next(ln.number for ln in page.lines if ln.is_blank)
    assert win.raw_model.mark(blank) == ""
    # lines are tinted by article: two articles' first lines differ in background
    bg = [win.raw_view.tint(x.lines[0]) for x in page.articles[:2]]
    assert bg[0] is not None and bg[0] != bg[1]
    # the first article is selected and its text shown
    assert win.current_article_id() == a.id
    assert win.article_view.toPlainText()
    assert "articles" in win.articles_label.text()
    assert " of " in win.pending_label.text() and "reviewed" in win.pending_label.text()
    assert win.save_label.text() == "Saved"
    assert not win.isWindowModified()


def test_unassigned_lines_are_marked(win: MainWindow, qtbot: Any) -> None:
    line = first_line(win, 0)
    focus(qtbot, win.raw_view)
    put_cursor(win, line)
    qtbot.keyClick(win.raw_view, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    assert line in win.page().unassigned
    assert win.raw_model.mark(line) == "?"
    assert "1 lines unassigned" in win.articles_label.text()


# -- linked selection ---------------------------------------------------------------------------------


def test_clicking_a_raw_line_selects_its_article_and_block(win: MainWindow, qtbot: Any) -> None:
    target = win.page().articles[2]
    line = target.lines[len(target.lines) // 2]
    win.raw_view.go_to_line(line)
    rect = win.raw_view.cursorRect()
    qtbot.mouseClick(win.raw_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.raw_view.current_line() == line
    assert win.current_article_id() == target.id
    # the article text lights up the paragraph showing the line: its mark sits on the line's text
    view = win.article_view
    (mark,) = view._marks["line"]
    clicked = win.page().line(line)
    assert clicked.start <= view._offsets[mark.cursor.position()] < clicked.end


def test_selecting_an_article_lights_up_its_lines_and_scrolls(win: MainWindow, qtbot: Any) -> None:
    last = len(win.page().articles) - 1
    target = win.page().articles[last]
    ix = win.article_model.index(last, 0)
    rect = win.article_list.visualRect(ix)
    qtbot.mouseClick(win.article_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.current_article_id() == target.id
    lit = win.raw_view.lit_lines()
    assert lit == set(target.lines)
    assert win.raw_view._visible(min(target.lines) - 1)  # scrolled into view
    assert win.docks["article"].windowTitle() == f"Article {last + 1}"  # the row the article list shows


def test_selecting_an_entity_lights_it_up_in_article_and_raw_page(win: MainWindow, qtbot: Any) -> None:
    table = win.entity_panel.table
    ix = win.entity_panel.proxy.index(3, 0)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(ix).center())
    e = win.session.document.entity(win.current_entity_id())  # type: ignore[union-attr]
    assert win.article_view.highlighted_text("entity").replace("\u2029", "") == e.text
    raw_marks = [s for s in win.raw_view.extraSelections() if s.cursor.hasSelection()]
    assert raw_marks and raw_marks[-1].cursor.selectionStart() == e.start
    assert win.current_article_id() == win.session.index.article_of_entity(e)


# -- segmentation corrections -------------------------------------------------------------------------


def test_split_here_undo_redo_and_merge_by_keyboard(win: MainWindow, qtbot: Any) -> None:
    before = win.page()
    a = before.articles[1]
    cut = a.lines[len(a.lines) // 2]
    focus(qtbot, win.raw_view)
    put_cursor(win, cut)
    qtbot.keyClick(win.raw_view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert len(win.page().articles) == len(before.articles) + 1
    assert win.article_model.rowCount() == len(before.articles) + 1
    assert "Split article" in win.undo_action.text()
    assert win.isWindowModified()
    assert win.save_label.text().startswith("Unsaved")
    qtbot.keyClick(win.raw_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert win.page().articles == before.articles
    assert not win.isWindowModified()
    qtbot.keyClick(win.raw_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(win.page().articles) == len(before.articles) + 1
    # the cursor is on the new article's first line: merge it back into the previous one
    put_cursor(win, cut)
    qtbot.keyClick(win.raw_view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert len(win.page().articles) == len(before.articles)
    assert set(win.page().articles[1].lines) == set(a.lines)
    assert "Merge articles" in win.undo_action.text()


def test_merge_with_next(win: MainWindow, qtbot: Any) -> None:
    n = len(win.page().articles)
    focus(qtbot, win.raw_view)
    put_cursor(win, first_line(win, 0))
    qtbot.keyClick(win.raw_view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert len(win.page().articles) == n - 1


def test_role_number_keys_and_gutter(win: MainWindow, qtbot: Any) -> None:
    a = win.page().articles[0]
    lines = a.lines[:2]
    focus(qtbot, win.raw_view)
    put_cursor(win, lines[0], to_line=lines[1])
    assert win.raw_view.selected_lines() == lines
    qtbot.keyClick(win.raw_view, Qt.Key.Key_1)
    art = win.page().article(a.id)
    assert all(art.role_of(n) == "title" for n in lines)
    assert win.raw_model.mark(lines[0]) == "T"
    assert "Set role" in win.undo_action.text()
    qtbot.keyClick(win.raw_view, Qt.Key.Key_0)
    assert win.page().article(a.id).role_of(lines[0]) == "other"
    assert win.raw_model.mark(lines[0]) == "O"


def test_toggle_paragraph_start(win: MainWindow, qtbot: Any) -> None:
    a = win.page().articles[0]
    body = next(b for b in a.blocks if b.role == "body" and len(b.lines) > 2)
    line = body.lines[1]
    focus(qtbot, win.raw_view)
    put_cursor(win, line)
    blocks = len(win.page().article(a.id).blocks)
    qtbot.keyClick(win.raw_view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert len(win.page().article(a.id).blocks) == blocks + 1
    assert win.raw_model.mark(line) == "¶"
    qtbot.keyClick(win.raw_view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert len(win.page().article(a.id).blocks) == blocks


def test_new_article_from_selection_and_move_lines(win: MainWindow, qtbot: Any) -> None:
    a = win.page().articles[0]
    lines = a.lines[-2:]
    n = len(win.page().articles)
    focus(qtbot, win.raw_view)
    put_cursor(win, lines[0], to_line=lines[1])
    qtbot.keyClick(win.raw_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(win.page().articles) == n + 1
    new_id = win.session.index.article_of_line(lines[0])
    assert new_id != a.id and win.page().article(new_id).lines == lines

    # move them back through the Ctrl+M chooser: it offers the neighbouring article (the one they
    # came from, just before), with row numbers as in the article list
    def choose(dialog: Any) -> None:
        assert dialog.objectName() == "moveDialog"
        assert dialog.chosen() == a.id
        assert dialog.list.item(0).text().startswith("1. ")
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)

    put_cursor(win, lines[0], to_line=lines[1])
    answer = DialogAnswer(choose)
    qtbot.keyClick(win.raw_view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    answer.check()
    assert len(win.page().articles) == n
    assert set(lines) <= set(win.page().article(a.id).lines)


def test_drag_lines_onto_an_article(win: MainWindow) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

    lines = win.page().articles[1].lines[:2]
    target = win.page().articles[2].id
    put_cursor(win, lines[0], to_line=lines[1])
    mime = win.raw_view.lines_mime()  # what dragging from the gutter carries
    assert mime is not None
    viewport = win.article_list.viewport()
    at = win.article_list.visualRect(win.article_model.index(2, 0)).center()
    move, buttons, keys = Qt.DropAction.MoveAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    for event in (
        QDragEnterEvent(at, move, mime, buttons, keys),
        QDragMoveEvent(at, move, mime, buttons, keys),
        QDropEvent(QPointF(at), move, mime, buttons, keys),
    ):
        QApplication.sendEvent(viewport, event)
    assert set(lines) <= set(win.page().article(target).lines)
    assert "Move lines" in win.undo_action.text()
    assert win.raw_model.info(lines[0])[0] == target


def test_a_refused_edit_is_reported_and_never_stacked(win: MainWindow, qtbot: Any) -> None:
    before = win.page()
    focus(qtbot, win.raw_view)
    put_cursor(win, first_line(win, 1))
    qtbot.keyClick(win.raw_view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert win.page() is before
    assert win.undo_stack.count() == 0 and not win.isWindowModified()
    assert "first line" in win.statusBar().currentMessage()


def test_edit_headline_field_in_the_article_list(win: MainWindow, qtbot: Any) -> None:
    a = win.page().articles[0]
    focus(qtbot, win.article_list)
    win.article_list.setCurrentIndex(win.article_model.index(0, 0))
    qtbot.keyClick(win.article_list, Qt.Key.Key_F2)
    from PySide6.QtWidgets import QLineEdit

    editor = win.article_list.findChild(QLineEdit)
    assert editor is not None
    editor.setText("新标题")  # QTest types ASCII only
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event-loop turn
    qtbot.waitUntil(lambda: "title" in win.page().article(a.id).overrides, timeout=2000)
    assert win.page().article(a.id).overrides["title"] == "新标题"
    assert win.article_model.index(0, 0).data() == "新标题"
    assert win.article_view.toPlainText().startswith("新标题")
    assert "Edit title" in win.undo_action.text()
    win.undo_stack.undo()
    assert "title" not in win.page().article(a.id).overrides


# -- entity review ------------------------------------------------------------------------------------


def test_entity_review_keys(win: MainWindow, qtbot: Any) -> None:
    focus(qtbot, win.entity_panel.table)
    qtbot.keyClick(win.entity_panel.table, Qt.Key.Key_BracketRight)
    first = win.current_entity_id()
    assert first and win.session.document.entity(first).status == "auto"  # type: ignore[union-attr]
    qtbot.keyClick(win.entity_panel.table, Qt.Key.Key_Return)
    doc = win.session.document
    assert doc is not None
    assert doc.entity(first).status == "confirmed"
    assert "Confirm entity" in win.undo_action.text()
    qtbot.keyClick(win.entity_panel.table, Qt.Key.Key_BracketRight)
    second = win.current_entity_id()
    assert second != first
    qtbot.keyClick(win.entity_panel.table, Qt.Key.Key_Delete)
    assert doc.entity(second).status == "rejected"
    qtbot.keyClick(win.entity_panel.table, Qt.Key.Key_BracketLeft)
    third = win.current_entity_id()
    old_type = doc.entity(third).type
    new_type = next(lb for lb in win.labels if lb.name != old_type)
    qtbot.keyClick(win.entity_panel.table, new_type.key)
    assert doc.entity(third).type == new_type.name
    # the table shows it
    row = win.entity_model.row_of(third)
    assert win.entity_model.index(row, 1).data() == new_type.name


def test_add_entity_from_article_text_selection(win: MainWindow, qtbot: Any) -> None:
    view = win.article_view
    text = view.toPlainText()
    doc = win.session.document
    assert doc is not None
    # find two characters that are no entity yet
    taken = {o for e in win.page().entities for o in range(e.start, e.end)}
    pos = next(
        i
        for i in range(len(text) - 1)
        if view._offsets[i] >= 0
        and view._offsets[i + 1] >= 0
        and view._offsets[i] not in taken
        and view._offsets[i + 1] not in taken
        and not text[i].isspace()
    )
    c = view.textCursor()
    c.setPosition(pos)
    c.setPosition(pos + 2, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(c)
    focus(qtbot, view)
    n = len(win.page().entities)
    qtbot.keyClick(view, Qt.Key.Key_O)
    assert len(win.page().entities) == n + 1
    start = view._offsets[pos]
    e = next(e for e in win.page().entities if e.start == start)
    assert e.type == "ORG" and e.status == "added" and e.end == view._offsets[pos + 1] + 1
    assert win.current_entity_id() == e.id


def test_add_entity_from_raw_page_selection(win: MainWindow, qtbot: Any) -> None:
    page = win.page()
    taken = {o for e in page.entities for o in range(e.start, e.end)}
    line = next(
        ln
        for ln in page.lines
        if len(ln.text.strip()) > 4 and not any(o in taken for o in range(ln.start, ln.start + 3))
    )
    win.raw_view.select_offsets(line.start + 1, line.start + 3)
    focus(qtbot, win.raw_view)
    qtbot.keyClick(win.raw_view, Qt.Key.Key_L)
    e = next(e for e in win.page().entities if e.start == line.start + 1)
    assert e.type == "LOC" and e.end == line.start + 3


def test_apply_decision_to_every_occurrence_and_confirm_article(win: MainWindow, qtbot: Any) -> None:
    from collections import Counter

    page = win.page()
    counts = Counter((e.text, e.type) for e in page.entities if e.status == "auto")
    (text, type_), k = counts.most_common(1)[0]
    assert k > 1
    e = next(e for e in page.entities if e.text == text and e.type == type_)
    win.select_entity(e.id)
    focus(qtbot, win.entity_panel.table)
    qtbot.keyClick(win.entity_panel.table, Qt.Key.Key_Return)
    qtbot.keyClick(win.entity_panel.table, Qt.Key.Key_A)
    assert all(x.status == "confirmed" for x in win.page().entities if x.text == text and x.type == type_)
    assert "all" in win.undo_action.text()
    # confirm everything left in the current article in one step
    aid = win.current_article_id()
    qtbot.keyClick(win.entity_panel.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    index = win.session.index
    assert all(x.status != "auto" for x in win.page().entities if index.article_of_entity(x) == aid)
    win.undo_stack.undo()
    assert any(x.status == "auto" for x in win.page().entities if index.article_of_entity(x) == aid)


def test_entity_filters_and_doubtful_first(win: MainWindow) -> None:
    proxy = win.entity_panel.proxy
    keys = [proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 2) for r in range(proxy.rowCount())]
    assert keys == sorted(keys)
    from ui.models.entity_model import CONFIDENCE

    confs = [float(proxy.index(r, CONFIDENCE).data()) for r in range(min(5, proxy.rowCount()))]
    assert confs == sorted(confs)
    win.entity_panel.type_filter.setCurrentIndex(win.entity_panel.type_filter.findData("PER"))
    assert proxy.rowCount() > 0
    assert all(proxy.index(r, 1).data() == "PER" for r in range(proxy.rowCount()))
    win.entity_panel.status_filter.setCurrentIndex(win.entity_panel.status_filter.findData("confirmed"))
    assert proxy.rowCount() == 0


# -- never lose work ----------------------------------------------------------------------------------


def test_save_marks_clean_and_close_prompts(win: MainWindow, qtbot: Any, asked: Asked, page_file: Path) -> None:
    focus(qtbot, win.raw_view)
    put_cursor(win, first_line(win, 1))
    qtbot.keyClick(win.raw_view, Qt.Key.Key_1)
    assert win.isWindowModified()
    qtbot.keyClick(win.raw_view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not win.isWindowModified()
    assert win.files.sidecar_path is not None and win.files.sidecar_path.exists()
    assert win.save_label.text() == "Saved"
    qtbot.keyClick(win.raw_view, Qt.Key.Key_2)
    asked.answer = QMessageBox.StandardButton.Cancel
    assert not win.close()
    assert asked.questions and win.isVisible()
    asked.answer = QMessageBox.StandardButton.Discard
    assert win.close()


def test_autosave_writes_a_recovery_file_that_reopening_offers(
    win: MainWindow, qtbot: Any, settings: QSettings, asked: Asked, page_file: Path
) -> None:
    a = win.page().articles[1]
    focus(qtbot, win.raw_view)
    put_cursor(win, a.lines[len(a.lines) // 2])
    qtbot.keyClick(win.raw_view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert win.files.autosave_timer.isActive()
    win.files.autosave_timer.setInterval(1)
    win.files.autosave_timer.start()
    recovery = win.files.recovery_path()
    assert recovery is not None
    qtbot.waitUntil(recovery.exists, timeout=2000)
    assert "autosaved" in win.save_label.text()
    n = len(win.page().articles)
    # a crash: the process dies, the recovery file stays (marking the dead window clean for the
    # fixture's teardown would drop it, so it is put back as the crash left it)
    left = recovery.read_bytes()
    win.undo_stack.setClean()
    recovery.write_bytes(left)
    win.files._release_lock()  # and its page lock goes with it
    asked.answer = QMessageBox.StandardButton.Yes
    w2 = make_window(qtbot, settings, asked)
    w2.files.open_path(page_file)
    assert any("Restore" in q for q in asked.questions)
    assert len(w2.page().articles) == n
    assert w2.isWindowModified()
    assert w2.files.save()
    assert not recovery.exists()
    w2.undo_stack.setClean()


def test_undecodable_empty_and_corrupt_inputs(win: MainWindow, asked: Asked, tmp_path: Path) -> None:
    before = win.page()
    bad = tmp_path / "bad.txt"
    bad.write_bytes(bytes(range(128, 256)) * 20)
    win.files.open_path(bad)
    assert asked.warnings and "decode" in asked.warnings[-1]
    assert win.page() is before  # nothing lost
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    win.files.open_path(empty)
    assert win.page().articles == ()
    assert "empty" in win.statusBar().currentMessage()
    good = tmp_path / "p.txt"
    shutil.copy(SAMPLE, good)
    (tmp_path / "p.txt.banmian.json").write_text("{not json", encoding="utf-8")
    win.files.open_path(good)
    assert win.page().articles
    assert "was not used" in win.statusBar().currentMessage()
    assert list(tmp_path.glob("p.txt.banmian.json.rejected-*"))  # set aside, not deleted


def test_ctrl_o_opens_a_page_after_asking_about_unsaved_work(
    win: MainWindow, qtbot: Any, asked: Asked, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    other = tmp_path / "other.txt"
    other.write_text("本报讯 一行新闻\n\n第二段落的文字。\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_: (str(other), ""))
    focus(qtbot, win.raw_view)
    put_cursor(win, first_line(win, 1))
    qtbot.keyClick(win.raw_view, Qt.Key.Key_1)  # unsaved work
    before = win.page()
    asked.answer = QMessageBox.StandardButton.Cancel
    qtbot.keyClick(win.raw_view, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert asked.questions and win.page() is before  # cancelled: nothing dropped
    asked.answer = QMessageBox.StandardButton.Discard
    qtbot.keyClick(win.raw_view, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert win.page().source.name == "other.txt"
    assert win.raw_view.document().findBlockByNumber(0).text() == "本报讯 一行新闻"
    assert win.windowTitle().startswith("other.txt") and win.save_label.text() == "Saved"
    assert win.undo_stack.count() == 0


def test_closing_with_unsaved_work_can_save_first(win: MainWindow, qtbot: Any, asked: Asked) -> None:
    focus(qtbot, win.raw_view)
    put_cursor(win, first_line(win, 1))
    qtbot.keyClick(win.raw_view, Qt.Key.Key_1)
    asked.answer = QMessageBox.StandardButton.Save
    assert win.close()
    assert win.files.sidecar_path is not None and win.files.sidecar_path.exists()
    assert not win.isWindowModified()


# -- working through an issue -------------------------------------------------------------------------


@pytest.fixture
def issue(tmp_path: Path) -> list[Path]:
    """Three pages of one issue (copies of the sample: parsed once), named so that a plain string
    sort would put p10 before p2, and files that are not pages."""
    folder = tmp_path / "issue"
    folder.mkdir()
    pages = [folder / f"jilin-p{n}.txt" for n in (1, 2, 10)]
    for p in pages:
        shutil.copy(SAMPLE, p)
    (folder / "notes.md").write_text("not a page", encoding="utf-8")
    (folder / "scans").mkdir()
    return pages


def ctrl_key(qtbot: Any, w: MainWindow, key: Qt.Key, shift: bool = False) -> None:
    mods = Qt.KeyboardModifier.ControlModifier
    if shift:
        mods |= Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(w.raw_view, key, mods)


def test_next_and_previous_page_walk_the_folder_saving_first(
    qtbot: Any, settings: QSettings, asked: Asked, issue: list[Path]
) -> None:
    p1, p2, p10 = issue
    w = make_window(qtbot, settings, asked)
    w.files.open_path(p1)
    focus(qtbot, w.raw_view)
    line = first_line(w, 1)
    put_cursor(w, line)
    qtbot.keyClick(w.raw_view, Qt.Key.Key_3)  # a correction, not saved
    assert w.isWindowModified()
    ctrl_key(qtbot, w, Qt.Key.Key_PageDown)
    assert w.files.page_path == p2 and w.windowTitle().startswith("jilin-p2.txt")
    assert (p1.parent / "jilin-p1.txt.banmian.json").exists()  # saved on the way out, no question
    assert not asked.questions and not w.isWindowModified() and w.undo_stack.count() == 0
    ctrl_key(qtbot, w, Qt.Key.Key_PageDown)
    assert w.files.page_path == p10  # p10 after p2: digits sort as numbers
    ctrl_key(qtbot, w, Qt.Key.Key_PageDown)
    assert w.files.page_path == p10 and w.session.page is not None
    assert "last page" in w.statusBar().currentMessage()
    ctrl_key(qtbot, w, Qt.Key.Key_PageUp)
    ctrl_key(qtbot, w, Qt.Key.Key_PageUp)
    assert w.files.page_path == p1
    block = next(b for a in w.page().articles for b in a.blocks if line in b.lines)
    assert block.role == ROLES[2]  # the correction came back with the page
    ctrl_key(qtbot, w, Qt.Key.Key_PageUp)
    assert w.files.page_path == p1 and "first page" in w.statusBar().currentMessage()
    assert not asked.warnings


class HeldLoader(InlineLoader):
    """A loader whose parse is still running until the test releases it (as the worker would)."""

    def __init__(self) -> None:
        super().__init__(parser=cached_parser)
        self.held: list[str] = []

    def load(self, path: str | Path) -> None:
        self.progress.emit(f"Reading and parsing {Path(path).name}…")
        self.held.append(str(path))

    def release(self) -> None:
        from ui.worker import parse_path

        while self.held:
            self.loaded.emit(parse_path(self.held.pop(0), self.parser))


def test_keys_pressed_while_the_next_page_loads_do_not_skip_pages(
    qtbot: Any, settings: QSettings, asked: Asked, issue: list[Path]
) -> None:
    loader = HeldLoader()
    w = MainWindow(loader=loader, settings=settings)
    qtbot.addWidget(w)
    w.show()
    w.files.open_path(issue[0])
    loader.release()
    focus(qtbot, w.raw_view)
    ctrl_key(qtbot, w, Qt.Key.Key_PageDown)
    assert w.progress.isVisible() and w.files.page_path == issue[0]  # the window goes on painting
    ctrl_key(qtbot, w, Qt.Key.Key_PageDown)
    assert loader.held == [str(issue[1])]
    assert "still opening jilin-p2.txt" in w.statusBar().currentMessage()
    loader.release()
    assert w.files.page_path == issue[1] and not w.progress.isVisible()


def test_a_failed_save_keeps_the_editor_on_the_page(
    qtbot: Any, settings: QSettings, asked: Asked, issue: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import core.persist.session

    def full(*_: Any, **__: Any) -> None:
        raise OSError(28, "No space left on device")

    w = make_window(qtbot, settings, asked)
    w.files.open_path(issue[0])
    focus(qtbot, w.raw_view)
    put_cursor(w, first_line(w, 1))
    qtbot.keyClick(w.raw_view, Qt.Key.Key_3)
    before = w.page()
    monkeypatch.setattr(core.persist.session, "write_sidecar", full)
    ctrl_key(qtbot, w, Qt.Key.Key_PageDown)
    assert asked.warnings and "No space left" in asked.warnings[-1]
    assert w.files.page_path == issue[0] and w.page() is before and w.isWindowModified()
    assert "staying on jilin-p1.txt" in w.statusBar().currentMessage()
    w.undo_stack.setClean()


def test_mark_page_reviewed_undo_save_reopen(qtbot: Any, settings: QSettings, asked: Asked, page_file: Path) -> None:
    w = make_window(qtbot, settings, asked)
    w.files.open_path(page_file)
    action = w.editing.review_done
    assert w.review_label.text() == "Review: auto" and not action.isChecked()
    asked.answer = QMessageBox.StandardButton.Yes  # "entities still wait for review: mark anyway?"
    focus(qtbot, w.raw_view)
    ctrl_key(qtbot, w, Qt.Key.Key_D, shift=True)
    assert w.session.document is not None and w.session.document.review_done
    assert action.isChecked() and w.review_label.text() == "Review: done" and w.isWindowModified()
    ctrl_key(qtbot, w, Qt.Key.Key_Z)  # undo: the label follows the document, not the action
    assert not w.session.document.review_done
    assert not action.isChecked() and w.review_label.text() == "Review: auto" and not w.isWindowModified()
    put_cursor(w, first_line(w, 1))
    qtbot.keyClick(w.raw_view, Qt.Key.Key_3)
    assert w.review_label.text() == "Review: in progress"
    ctrl_key(qtbot, w, Qt.Key.Key_D, shift=True)
    ctrl_key(qtbot, w, Qt.Key.Key_S)
    assert not w.isWindowModified()
    w.close()
    w2 = make_window(qtbot, settings, asked)
    w2.files.open_path(page_file)
    assert w2.review_label.text() == "Review: done" and w2.editing.review_done.isChecked()
    focus(qtbot, w2.raw_view)
    ctrl_key(qtbot, w2, Qt.Key.Key_D, shift=True)  # taken back: reviewed no more
    assert w2.review_label.text() == "Review: in progress" and not w2.editing.review_done.isChecked()
    w2.undo_stack.setClean()


def test_without_an_argument_the_sample_page_opens() -> None:
    from ui.app import page_to_open

    assert page_to_open([]) == SAMPLE
    assert page_to_open(["page.txt"]) == Path("page.txt")
    assert page_to_open(["-x"]) is None and page_to_open(["a.txt", "b.txt"]) is None


def test_layout_is_remembered(qtbot: Any, settings: QSettings, asked: Asked) -> None:
    w = make_window(qtbot, settings, asked)
    w.docks["entities"].hide()
    w.save_layout()
    w2 = make_window(qtbot, settings, asked)
    assert not w2.docks["entities"].isVisible()
    assert w2.docks["articles"].isVisible()


def test_f1_lists_every_shortcut(win: MainWindow, qtbot: Any) -> None:
    seen: list[list[str]] = []

    def grab() -> None:
        sheet = next(
            (x for x in QApplication.topLevelWidgets() if x.objectName() == "shortcutSheet" and x.isVisible()), None
        )
        if sheet is None:
            QTimer.singleShot(20, grab)
            return
        t = sheet.table  # type: ignore[attr-defined]
        seen.append([t.item(r, 1).text() for r in range(t.rowCount())])
        sheet.close()

    QTimer.singleShot(0, grab)
    focus(qtbot, win.raw_view)
    qtbot.keyClick(win.raw_view, Qt.Key.Key_F1)
    assert seen
    names = set(seen[0])
    for a in win.editing.structure + win.editing.review + win.editing.roles + win.editing.label_actions:
        assert a.text() in names
    assert "Undo" in " ".join(names) and "Save corrections" in names
    for a in (win.next_page_action, win.prev_page_action, win.editing.review_done):
        assert a.text().replace("&", "") in names
    keys = {QKeySequence(k) for k in ("Ctrl+PgDown", "Ctrl+PgUp", "Ctrl+Shift+D")}
    assert keys <= {
        k for a in (win.next_page_action, win.prev_page_action, win.editing.review_done) for k in a.shortcuts()
    }


def test_no_display_prints_one_line_and_exits_2(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    r = subprocess.run(
        [sys.executable, str(ROOT / "main.py")], env=env, capture_output=True, text=True, timeout=30, cwd=tmp_path
    )
    assert r.returncode == 2
    out = (r.stdout + r.stderr).strip().splitlines()
    assert len(out) == 1 and "parse" in out[0] and "export" in out[0]


@pytest.mark.slow
def test_worker_process_parses_without_blocking(qtbot: Any, settings: QSettings, page_file: Path) -> None:
    from ui.loading import PageLoader

    w = MainWindow(loader=PageLoader(), settings=settings)
    qtbot.addWidget(w)
    w.show()
    w.files.open_path(page_file)
    assert w.progress.isVisible()
    qtbot.waitUntil(lambda: w.session.page is not None, timeout=30000)
    assert w.article_model.rowCount() > 0 and not w.progress.isVisible()
    w.files.shutdown()


# -- end to end ---------------------------------------------------------------------------------------


def test_end_to_end_fix_save_reopen_export(
    qtbot: Any, settings: QSettings, page_file: Path, asked: Asked, tmp_path: Path
) -> None:
    w = make_window(qtbot, settings, asked)
    w.files.open_path(page_file)
    a = w.page().articles[0]
    cut = a.lines[len(a.lines) // 2]
    focus(qtbot, w.raw_view)
    put_cursor(w, cut)
    qtbot.keyClick(w.raw_view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)  # a segmentation fix
    new_id = w.session.index.article_of_line(cut)
    focus(qtbot, w.entity_panel.table)
    qtbot.keyClick(w.entity_panel.table, Qt.Key.Key_BracketRight)
    eid = w.current_entity_id()
    qtbot.keyClick(w.entity_panel.table, Qt.Key.Key_Delete)  # an entity fix
    qtbot.keyClick(w.entity_panel.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not w.isWindowModified()
    w.close()
    w2 = make_window(qtbot, settings, asked)
    w2.files.open_path(page_file)
    assert w2.session.index.article_of_line(cut) == new_id
    assert w2.session.document.entity(eid).status == "rejected"  # type: ignore[union-attr]
    out = tmp_path / "out.json"
    assert w2.files.export_json(out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "banmian.page"
    arts = {x["id"]: x for x in data["articles"]}
    assert cut in arts[new_id]["lines"] and arts[new_id]["lines"][0] == cut
    ents = [e for x in data["articles"] for e in x["entities"]] + data["unassigned_entities"]
    assert next(e for e in ents if e["id"] == eid)["status"] == "rejected"
    assert data["review"]["status"] == "in_progress"


def test_keys_typed_into_a_text_field_do_not_trigger_review_shortcuts(win: MainWindow, qtbot: Any) -> None:
    from PySide6.QtWidgets import QLineEdit

    focus(qtbot, win.entity_panel.table)
    qtbot.keyClick(win.entity_panel.table, Qt.Key.Key_BracketRight)  # an entity to review is current
    eid = win.current_entity_id()
    assert eid and win.session.document.entity(eid).status == "auto"  # type: ignore[union-attr]
    focus(qtbot, win.article_list)
    win.article_list.setCurrentIndex(win.article_model.index(0, 0))
    qtbot.keyClick(win.article_list, Qt.Key.Key_F2)
    editor = win.article_list.findChildren(QLineEdit)[-1]
    editor.setFocus()
    for key in (Qt.Key.Key_Delete, Qt.Key.Key_P, Qt.Key.Key_A, Qt.Key.Key_Return):
        qtbot.keyClick(editor, key)
    qtbot.wait(50)
    assert win.session.document.entity(eid).status == "auto"  # type: ignore[union-attr]
    assert win.undo_stack.count() <= 1  # at most the headline edit itself
