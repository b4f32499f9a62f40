"""Views follow an edit by updating only what it touched; the result must equal a full refresh."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QColor, QTextCursor, QTextFormat

from core import edits
from core.document import Document
from core.events import Change, Changed
from core.model import Entity
from tests.test_document_helpers import edits as edit_strategy
from tests.test_document_helpers import small_page
from tests.test_ui import Asked, asked, cached_parser, make_window, page_file, settings, win  # noqa: F401
from ui.main_window import MainWindow
from ui.models.entity_model import COLUMNS, EntityModel
from ui.models.page_index import PageIndex
from ui.models.raw_model import LineRoleRole, RawLinesModel
from ui.models.session import PageSession
from ui.views.article_view import ArticleTextView

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")
COLUMNS_N = len(COLUMNS)


def char_formats(view: ArticleTextView) -> list[tuple[str, tuple[object, ...]]]:
    """Every character of the view with what its format shows."""
    doc = view.document()
    cursor = QTextCursor(doc)
    out: list[tuple[str, tuple[object, ...]]] = []
    for pos in range(doc.characterCount() - 1):
        cursor.setPosition(pos + 1)  # the format of the character before the cursor
        f = cursor.charFormat()
        shown = (
            f.background().color().name(QColor.NameFormat.HexArgb)
            if f.hasProperty(QTextFormat.Property.BackgroundBrush)
            else "",
            f.foreground().color().name(QColor.NameFormat.HexArgb)
            if f.hasProperty(QTextFormat.Property.ForegroundBrush)
            else "",
            f.fontStrikeOut(),
            f.underlineStyle(),
            f.toolTip(),
            f.font().pointSizeF(),
            f.font().bold(),
        )
        out.append((str(doc.characterAt(pos)), shown))
    return out


def fresh(win: MainWindow) -> ArticleTextView:
    page = win.session.page
    assert page is not None
    aid = win.selection.article_id
    view = ArticleTextView(win.label_colours)
    view.show_article(page, page.article(aid), win.session.index.entities_of(aid))
    return view


def busiest_article(win: MainWindow) -> tuple[str, list[Entity]]:
    page = win.session.page
    assert page is not None
    aid = max((a.id for a in page.articles), key=lambda i: len(win.session.index.entities_of(i)))
    return aid, win.session.index.entities_of(aid)


def _apply_or_revert(doc: Document, done: list[edits.Edit], edit: edits.Edit, data: st.DataObject) -> bool:
    """Revert the last edit done or apply ``edit`` (Hypothesis decides which); False when refused."""
    try:
        if done and data.draw(st.booleans()):
            doc.revert(done.pop())
        else:
            doc.apply(edit)
            done.append(edit)
    except edits.EditError:
        return False
    return True


def test_entity_edits_repaint_the_article_text_as_a_full_render_does(win: MainWindow, qtbot: Any) -> None:
    aid, ents = busiest_article(win)
    assert len(ents) >= 4
    win.select_article(aid)
    text_before = win.article_view.toPlainText()
    first, second, third = ents[0], ents[1], ents[2]
    other = "ORG" if third.type != "ORG" else "LOC"
    steps: list[edits.Edit] = [
        edits.ConfirmEntity(first.id),
        edits.RejectEntity(second.id),
        edits.RetypeEntity(third.id, type=other),
    ]
    for step in steps:
        assert win.push(step)
        assert win.selection.article_id == aid
        assert win.article_view.toPlainText() == text_before  # the text was not rebuilt
        assert char_formats(win.article_view) == char_formats(fresh(win))
    for _ in steps:
        win.undo_stack.undo()
        assert char_formats(win.article_view) == char_formats(fresh(win))
    assert not any(shown[2] for _ch, shown in char_formats(win.article_view))  # nothing struck out after undo


@hypothesis_settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_the_page_index_follows_edits_as_a_fresh_index_sees_the_page(data: st.DataObject) -> None:
    doc = Document(small_page())
    index = PageIndex(doc.page)
    done: list[edits.Edit] = []
    changes: list[Change] = []
    doc.subscribe(lambda ev: changes.append(ev.change) if isinstance(ev, Changed) else None)
    for _ in range(10):
        _ = index.counts, index.pending  # worked out, so the next index inherits them
        edit = data.draw(edit_strategy(doc.page))
        old = doc.page
        changes.clear()
        if not _apply_or_revert(doc, done, edit, data):
            continue
        assert index.page is old and len(changes) == 1
        index = index.updated(doc.page, changes[0])
        fresh = PageIndex(doc.page)
        keys = {a.id for a in doc.page.articles} | {""}
        assert {k: index.entities_of(k) for k in keys} == {k: fresh.entities_of(k) for k in keys}
        assert index.counts == fresh.counts
        assert index.pending == fresh.pending


def raw_tints(win: MainWindow) -> list[tuple[int, object, object]]:
    """Tint, role and mark of every raw line as the window's model holds them after its edits."""
    m = win.raw_model
    return [(m.tint_rgba(r), m.data(m.index(r), LineRoleRole), m.mark(r + 1)) for r in range(m.rowCount())]


def model_tints(win: MainWindow) -> list[tuple[int, object, object]]:
    """The same read by a model built afresh from the page as it is now."""
    m = RawLinesModel(win.session, win.colours)
    return [(m.tint_rgba(r), m.data(m.index(r), LineRoleRole), m.mark(r + 1)) for r in range(m.rowCount())]


def test_the_raw_page_paints_each_line_with_its_articles_tint(win: MainWindow, qtbot: Any) -> None:
    """What the editor sees: right of the text, each visible line of an article not selected shows
    its tint (the raw view paints tints from the model; none are stored in the text)."""
    view = win.raw_view
    win.select_article(win.page().articles[0].id)
    qtbot.wait(10)
    image = view.viewport().grab().toImage()
    x = view.viewport().width() - 4
    checked = 0
    block = view.firstVisibleBlock()
    selected = set(win.page().articles[0].lines)
    while block.isValid() and checked < 20:
        geo = view.blockBoundingGeometry(block).translated(view.contentOffset())
        if geo.bottom() > view.viewport().height():
            break
        n = block.blockNumber() + 1
        tint = view.tint(n)
        if block.isVisible() and tint is not None and n not in selected:
            y = int(geo.top() + geo.height() / 2)
            assert image.pixelColor(x, y).rgb() == tint.rgb(), n
            checked += 1
        block = block.next()
    assert checked


def test_raw_tints_and_the_article_text_follow_structure_and_entity_edits(win: MainWindow) -> None:
    page = win.page()
    a, b = page.articles[1], page.articles[2]
    _aid, ents = busiest_article(win)
    steps: list[edits.Edit] = [
        edits.SplitArticle(a.id, a.lines[len(a.lines) // 2]),
        edits.SetRole(b.lines[:1], "byline"),
        edits.MergeArticles(a.id, b.id),
        edits.ConfirmEntity(ents[0].id),
        edits.RejectEntity(ents[1].id),
        edits.DeleteArticle(page.articles[3].id),
    ]
    win.select_article(a.id)
    assert raw_tints(win) == model_tints(win)
    done = 0
    for step in steps:
        if win.push(step):
            done += 1
        assert raw_tints(win) == model_tints(win)
        assert char_formats(win.article_view) == char_formats(fresh(win))
    assert done >= 5
    for _ in range(done):
        win.undo_stack.undo()
        assert raw_tints(win) == model_tints(win)
        assert char_formats(win.article_view) == char_formats(fresh(win))


@hypothesis_settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_every_entity_cell_an_edit_changes_is_named_by_data_changed(data: st.DataObject) -> None:
    doc = Document(small_page())
    session = PageSession()
    session.open(doc)
    model = EntityModel(session)
    covered: set[tuple[int, int]] = set()

    def note(first: QModelIndex, last: QModelIndex, _roles: object = None) -> None:
        covered.update(
            (r, c) for r in range(first.row(), last.row() + 1) for c in range(first.column(), last.column() + 1)
        )

    model.dataChanged.connect(note)
    model.rowsInserted.connect(lambda _p, first, last: note(model.index(first, 0), model.index(last, COLUMNS_N - 1)))
    for _ in range(8):
        cells = {
            model.entity(r).id: [model.index(r, c).data() for c in range(COLUMNS_N)] for r in range(model.rowCount())
        }
        covered.clear()
        try:
            doc.apply(data.draw(edit_strategy(doc.page)))
        except edits.EditError:
            continue
        for r in range(model.rowCount()):
            now = [model.index(r, c).data() for c in range(COLUMNS_N)]
            was = cells.get(model.entity(r).id)
            for c in range(COLUMNS_N):
                if was is None or was[c] != now[c]:
                    assert (r, c) in covered, (model.entity(r).id, c, was, now)


def block_formats(view: ArticleTextView) -> list[tuple[str, float, float]]:
    """Every text block of the view: its text, first-line indent and bottom margin."""
    out = []
    block = view.document().begin()
    while block.isValid():
        f = block.blockFormat()
        out.append((block.text(), f.textIndent(), f.bottomMargin()))
        block = block.next()
    return out


@pytest.mark.gui
@hypothesis_settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_the_article_text_after_any_edit_equals_a_full_render(qapp: Any, data: st.DataObject) -> None:
    """Structure edits rewrite only the paragraphs that differ: whatever the edit, the text, its
    formats and the page offsets behind each character equal a view that rendered from nothing."""
    doc = Document(small_page())
    index = PageIndex(doc.page)
    view = ArticleTextView({"PER": QColor("#ffcc80"), "LOC": QColor("#a5d6a7"), "ORG": QColor("#90caf9")})
    line = data.draw(st.sampled_from([1, 2, 4, 5, 7, 8]), label="anchor line")
    done: list[edits.Edit] = []
    for _ in range(8):
        edit = data.draw(edit_strategy(doc.page))
        if not _apply_or_revert(doc, done, edit, data):
            continue
        index = PageIndex(doc.page)
        aid = index.article_of_line(line) or (doc.page.articles[0].id if doc.page.articles else "")
        if not aid:
            continue
        article = doc.page.article(aid)
        view.show_article(doc.page, article, index.entities_of(aid))
        full = ArticleTextView(view.colours)
        full.show_article(doc.page, article, index.entities_of(aid))
        assert view.toPlainText() == full.toPlainText()
        assert block_formats(view) == block_formats(full)
        assert char_formats(view) == char_formats(full)
        assert view._offsets == full._offsets
        full.deleteLater()
    view.deleteLater()
