"""The page image pane: a PDF page opens with its article regions; clicks, selection and zoom."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt

from core import edits
from core.model import Page
from core.parse import parse_page
from core.paths import SAMPLE_PAGE
from tests.pdfgen import three_column_page
from ui.loading import InlineLoader
from ui.main_window import MainWindow
from ui.views.page_pane import SELECTED_ALPHA

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def layout_parser(raw: Any, *, lexicon: Any = None, entities: bool = True) -> Page:
    return parse_page(raw, entities=False)


@pytest.fixture
def pdf_window(qtbot: Any, tmp_path: Path) -> Iterator[MainWindow]:
    pdf = three_column_page(tmp_path / "page.pdf", rules=False)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(loader=InlineLoader(parser=layout_parser), settings=settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.files.open_path(pdf)
    assert w.session.page is not None
    yield w
    w.undo_stack.setClean()
    w.files.autosave_timer.stop()


def _centre_of(w: MainWindow, article_id: str) -> QPoint:
    pane = w.page_panel.pane
    rect = pane.regions[article_id].path().boundingRect()
    centre = rect.center()
    # the first piece of the region is certainly inside it: aim at its middle
    first = pane.regions[article_id].path().toFillPolygons()[0].boundingRect()
    if pane.regions[article_id].path().contains(centre):
        first = rect
    pane.centerOn(first.center())
    return pane.mapFromScene(first.center())


def test_pdf_page_shows_image_and_regions(pdf_window: MainWindow) -> None:
    w = pdf_window
    pane = w.page_panel.pane
    assert w.docks["page"].isVisible()
    assert pane.image_item is not None and not pane.image_item.pixmap().isNull()
    assert set(pane.regions) == {a.id for a in w.page().articles}
    assert len(pane.regions) == 5


def test_click_region_selects_article(qtbot: Any, pdf_window: MainWindow) -> None:
    w = pdf_window
    pane = w.page_panel.pane
    target = w.page().articles[2].id
    assert w.selection.article_id != target
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=_centre_of(w, target))
    assert w.selection.article_id == target
    assert w.article_list.currentIndex().row() == 2


def test_selecting_article_elsewhere_highlights_region(pdf_window: MainWindow) -> None:
    w = pdf_window
    pane = w.page_panel.pane
    target = w.page().articles[3].id
    w.select_article(target)
    assert pane.article_id == target
    colour = pane.selected_colour()
    assert colour is not None and colour.alpha() == SELECTED_ALPHA
    others = [item.brush().color().alpha() for aid, item in pane.regions.items() if aid != target]
    assert others and all(a < SELECTED_ALPHA for a in others)
    assert pane.line_item is not None
    first_line = w.page().article(target).lines[0]
    assert pane.line == w.selection.line
    box = w.page().source.layout.line_boxes()[w.selection.line]  # type: ignore[union-attr]
    assert pane.line_item.rect().contains(box.x0 + 1, box.top + 1)
    assert first_line in w.page().article(target).lines


def test_zoom_rerenders_sharper(qtbot: Any, pdf_window: MainWindow) -> None:
    pane = pdf_window.page_panel.pane
    before, rendered = pane.zoom(), pane.rendered_scale
    pane.zoom_by(3.0)
    assert pane.zoom() == pytest.approx(before * 3.0)
    qtbot.waitUntil(lambda: pane.rendered_scale > rendered * 1.5, timeout=3000)
    assert pane.rendered_scale == pytest.approx(min(6.0, pane.zoom() * pane.devicePixelRatioF()), rel=0.01)
    pane.fit_page()
    assert pane.zoom() < before * 3.0
    pane.fit_width()
    assert pane.zoom() == pytest.approx(before, rel=0.05)


def test_ctrl_wheel_zooms(qtbot: Any, pdf_window: MainWindow) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    pane = pdf_window.page_panel.pane
    before = pane.zoom()
    pos = QPointF(pane.viewport().rect().center())
    event = QWheelEvent(
        pos,
        pane.viewport().mapToGlobal(pos),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(pane.viewport(), event)
    assert pane.zoom() > before


def test_edits_redraw_regions(pdf_window: MainWindow) -> None:
    w = pdf_window
    pane = w.page_panel.pane
    first = w.page().articles[0]
    body = [b for b in first.blocks if b.role == "body"]
    assert w.push(edits.SplitArticle(first.id, body[1].lines[0]))
    assert set(pane.regions) == {a.id for a in w.page().articles}
    assert len(pane.regions) == 6
    w.undo_stack.undo()
    assert len(pane.regions) == 5


def test_text_only_page_keeps_the_layout(qtbot: Any, pdf_window: MainWindow, tmp_path: Path) -> None:
    w = pdf_window
    page = tmp_path / "text" / SAMPLE_PAGE.name
    page.parent.mkdir()
    shutil.copy(SAMPLE_PAGE, page)
    w.files.open_path(page)
    assert not w.docks["page"].isVisible()
    assert not w.page_panel.pane.regions


def test_image_is_rendered_while_the_page_is_parsed(
    qtbot: Any, pdf_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening a page starts its image in a thread; the page pane then takes it, no render on open."""
    import ui.views.page_pane as page_pane

    w = pdf_window
    other = three_column_page(tmp_path / "other.pdf", rules=True)

    def no_render(*_: Any) -> None:
        raise AssertionError("rendered synchronously although the image was ready")

    monkeypatch.setattr(page_pane, "render", no_render)
    w.files.open_path(other)
    pane = w.page_panel.pane
    assert pane.layout_ is not None and pane.layout_.pdf_path == str(other.resolve())
    assert pane.image_item is not None and not pane.image_item.pixmap().isNull()
    assert not pane.prerender._jobs


def test_multi_page_pdf_opens_at_its_first_page(pdf_window: MainWindow, tmp_path: Path) -> None:
    from tests.pdfgen import multi_page

    w = pdf_window
    issue = multi_page(tmp_path / "issue.pdf")
    w.files.open_path(issue)
    assert w.files.page_path == tmp_path / "issue.pdf#1"
    assert w.page().source.name == "issue.pdf#1"
    assert w.page_panel.pane.layout_ is not None and w.page_panel.pane.layout_.page_index == 0
    w.files.open_path(tmp_path / "issue.pdf#3")
    assert w.page_panel.pane.layout_.page_index == 2
    assert len(w.page_panel.pane.regions) == 1


def test_txt_with_its_pdf_says_how_many_lines_were_not_found(pdf_window: MainWindow, tmp_path: Path) -> None:
    from core.pdf.reader import iter_pages

    w = pdf_window
    folder = tmp_path / "pair"
    folder.mkdir()
    pdf = three_column_page(folder / "p.pdf", rules=True)
    text = next(iter_pages(pdf)).text.replace("Festival\n", "Festival\nOne line typed by hand\nAnd another\n", 1)
    (folder / "p.txt").write_text(text, encoding="utf-8")
    w.files.open_path(folder / "p.txt")
    assert w.page().text == text
    assert w.docks["page"].isVisible()
    assert w.docks["page"].windowTitle() == "Page image (2 lines not in the PDF)"
    assert "2 lines of the text were not found" in w.statusBar().currentMessage()
    assert len(w.page_panel.pane.regions) == len(w.page().articles)


def test_a_pdf_that_cannot_be_rendered_is_named_with_its_fault_not_pdfiums_english(tmp_path: Path) -> None:
    from ui.views.pdf_image import RenderError, render

    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    with pytest.raises(RenderError) as raised:
        render(str(broken), 0, 1.0)
    said = str(raised.value)
    assert said.startswith("cannot show broken.pdf: ") and said.endswith("Error"), said
    assert "Failed" not in said and "(" not in said, said
    with pytest.raises(RenderError) as raised:
        render(str(tmp_path / "missing.pdf"), 0, 1.0)
    assert "No such file" not in str(raised.value) and "[Errno" not in str(raised.value), str(raised.value)
