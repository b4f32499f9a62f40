"""Views follow an edit by updating only what it touched; the result must equal a full refresh."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from PySide6.QtCore import QAbstractItemModel, QModelIndex
from PySide6.QtGui import QColor, QTextCursor, QTextFormat

from core import edits
from core.document import Document
from core.events import Change, Changed
from core.fields import article_fields
from core.model import Article, Entity
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


class ModelSignals:
    """What one model told its views, in order: resets and layout changes (a view then redoes
    everything), row inserts and removals, and the rows ``dataChanged`` named."""

    def __init__(self, model: QAbstractItemModel) -> None:
        self.log: list[tuple[str, int, int]] = []
        model.modelReset.connect(lambda: self.log.append(("reset", -1, -1)))
        model.layoutChanged.connect(lambda *_: self.log.append(("layout", -1, -1)))
        model.rowsMoved.connect(lambda *_: self.log.append(("moved", -1, -1)))
        model.rowsInserted.connect(lambda _p, a, b: self.log.append(("inserted", a, b)))
        model.rowsRemoved.connect(lambda _p, a, b: self.log.append(("removed", a, b)))
        model.dataChanged.connect(lambda tl, br, *_: self.log.append(("changed", tl.row(), br.row())))

    def take(self) -> list[tuple[str, int, int]]:
        out, self.log = self.log, []
        return out


def problems(
    log: list[tuple[str, int, int]],
    *,
    inserted: tuple[int, ...] = (),
    removed: tuple[int, ...] = (),
    rows: set[int] | None = None,
) -> list[str]:
    """How ``log`` differs from an update of exactly the rows an edit touched: no reset or layout
    change, one insert or removal per row expected and no other, ``dataChanged`` only on ``rows``."""
    out = [f"{kind} signal" for kind, _a, _b in log if kind in ("reset", "layout", "moved")]
    got_in = [r for kind, a, b in log if kind == "inserted" for r in range(a, b + 1)]
    got_out = [r for kind, a, b in log if kind == "removed" for r in range(a, b + 1)]
    if sorted(got_in) != sorted(inserted):
        out.append(f"rows inserted {got_in}, expected {list(inserted)}")
    if sorted(got_out) != sorted(removed):
        out.append(f"rows removed {got_out}, expected {list(removed)}")
    if rows is not None:
        extra = {r for kind, a, b in log if kind == "changed" for r in range(a, b + 1)} - rows
        if extra:
            out.append(f"dataChanged on rows {sorted(extra)} the edit did not touch")
    return out


def test_split_merge_role_and_entity_edits_signal_exactly_the_rows_they_touch(win: MainWindow) -> None:
    """Every model follows an edit with inserts, removals and ``dataChanged`` on the touched rows:
    never a reset or a layout change (after which each view repaints and re-asks everything)."""
    page = win.page()
    r = max(range(len(page.articles) - 1), key=lambda i: len(page.articles[i].lines))
    a, b = page.articles[r], page.articles[r + 1]
    win.select_article(a.id)
    models = {
        "articles": win.article_model,
        "entities": win.entity_model,
        "queue": win.entity_panel.proxy,
        "raw": win.raw_model,
    }
    heard = {name: ModelSignals(m) for name, m in models.items()}

    def check(edit: edits.Edit | None, expect: dict[str, dict[str, Any]]) -> None:
        if edit is None:
            win.undo_stack.undo()
        else:
            assert win.push(edit), edit
        for name, signals in heard.items():
            assert problems(signals.take(), **expect.get(name, {"rows": set()})) == [], (edit, name)

    def raw_rows(*articles: Article) -> set[int]:
        """The raw rows from the first to the last line of ``articles`` (one ``dataChanged`` spans
        the few blank lines between an article's lines)."""
        numbers = [n for art in articles for n in art.lines]
        return set(range(min(numbers) - 1, max(numbers)))

    a_rows = raw_rows(a)
    cut = a.lines[len(a.lines) // 2]
    check(
        edits.SplitArticle(a.id, cut),
        {
            "articles": {"inserted": (r + 1,), "rows": {r, r + 1}},
            "raw": {"rows": a_rows},
            "entities": {"rows": None},  # the Article column of later entities is renumbered
            "queue": {"rows": None},
        },
    )
    check(
        None,
        {
            "articles": {"removed": (r + 1,), "rows": {r}},
            "raw": {"rows": a_rows},
            "entities": {"rows": None},
            "queue": {"rows": None},
        },
    )
    check(
        edits.MergeArticles(a.id, b.id),
        {
            "articles": {"removed": (r + 1,), "rows": {r}},
            "raw": {"rows": raw_rows(a, b)},
            "entities": {"rows": None},
            "queue": {"rows": None},
        },
    )
    check(
        None,
        {
            "articles": {"inserted": (r + 1,), "rows": {r, r + 1}},
            "raw": {"rows": raw_rows(a, b)},
            "entities": {"rows": None},
            "queue": {"rows": None},
        },
    )
    line = a.lines[1]
    role = next(blk.role for blk in a.blocks if line in blk.lines)
    check(
        edits.SetRole((line,), "byline" if role != "byline" else "body"),
        {"articles": {"rows": {r}}, "raw": {"rows": set(range(line - 1 - 8, line + 8))}},
    )
    check(None, {"articles": {"rows": {r}}, "raw": {"rows": set(range(line - 1 - 8, line + 8))}})
    e = next(e for e in win.page().entities if e.status == "auto")
    same_text = {i for i, x in enumerate(win.page().entities) if x.text == e.text}
    queue_rows = {win.entity_panel.proxy.mapFromSource(win.entity_model.index(i, 0)).row() for i in same_text}
    for step in (edits.ConfirmEntity(e.id), None):
        check(
            step,
            {
                "entities": {"rows": same_text},
                "queue": {"rows": queue_rows},
                "articles": {"rows": {win.article_model.row_of(win.session.index.article_of_entity(e))}},
                "raw": {"rows": set()},
            },
        )


def test_a_reset_or_a_stray_row_signal_is_caught(win: MainWindow) -> None:
    """The check above can fail: a model that resets, or signals rows an edit did not touch, is seen."""
    heard = ModelSignals(win.article_model)
    win.article_model._on_reset()
    assert problems(heard.take(), rows=set()) == ["reset signal"]
    win.article_model._row_changed(3)
    assert problems(heard.take(), rows={2}) == ["dataChanged on rows [3] the edit did not touch"]
    page = win.page()
    a = page.articles[0]
    assert win.push(edits.SplitArticle(a.id, a.lines[len(a.lines) // 2]))
    assert problems(heard.take(), rows={0, 1}) == ["rows inserted [1], expected []"]


def test_the_review_tables_filters_follow_decisions_and_undo(win: MainWindow) -> None:
    """Type and status filters (Qt's own pattern over the entity model's filter key) show exactly
    the entities they name, and a decision or its undo moves an entity out of or into the view."""
    panel = win.entity_panel
    proxy = panel.proxy

    def shown() -> list[Entity]:
        by_id = {e.id: e for e in win.page().entities}
        return [by_id[eid] for eid in proxy.visible_ids()]

    every = len(win.page().entities)
    assert proxy.rowCount() == every
    pending = [e for e in win.page().entities if e.status == "auto"]
    kind = pending[0].type
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("pending"))
    assert {e.id for e in shown()} == {e.id for e in pending}
    panel.type_filter.setCurrentIndex(panel.type_filter.findData(kind))
    assert {e.id for e in shown()} == {e.id for e in pending if e.type == kind}
    assert win.push(edits.ConfirmEntity(pending[0].id))
    assert pending[0].id not in proxy.visible_ids()
    assert all(e.status == "auto" and e.type == kind for e in shown())
    win.undo_stack.undo()
    assert pending[0].id in proxy.visible_ids()
    assert proxy.shows(pending[0].id)
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("confirmed"))
    assert all(e.status == "confirmed" and e.type == kind for e in shown())
    assert not proxy.shows(pending[0].id)
    panel.type_filter.setCurrentIndex(0)
    panel.status_filter.setCurrentIndex(0)
    assert proxy.rowCount() == every


def test_the_article_lists_fields_are_cores_without_the_body(win: MainWindow) -> None:
    """The list asks core.fields for the headline fields only (text=False): the same values as the
    full fields, the body text left out."""
    page = win.page()
    for row, a in enumerate(page.articles):
        full = article_fields(page.text, page.lines, a)
        shown = win.article_model.fields(row)
        assert shown.text == ""
        assert [shown.get(k) for k in ("title", "kicker", "subtitle", "byline", "dateline")] == [
            full.get(k) for k in ("title", "kicker", "subtitle", "byline", "dateline")
        ]
    assert any(article_fields(page.text, page.lines, a).text for a in page.articles)
