"""The page image: the PDF page with each article as a translucent region in its colour.

Scene coordinates are PDF points (top-left origin, as ``core.pdf`` gives boxes), so regions and
the current line are drawn straight from the page's geometry; the rendered image is scaled into
that space.  The view only shows: a click on a region reports the article (``article_clicked``)
and the window turns it into the shared selection, which comes back through ``show_selection``.
Zoom: Ctrl+wheel, fit width, fit page; when the zoom outgrows the rendered resolution the page is
rendered again, sharper, shortly after the zooming stops.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPainterPath, QPen, QPixmap, QWheelEvent
from PySide6.QtWidgets import (
    QGraphicsPathItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QWidget,
)

from core.model import Page
from core.pdf.model import PageLayout
from core.pdf.regions import article_pieces
from ui.i18n import tr
from ui.models.colours import ColourBook
from ui.views.pdf_image import Prerender, RenderError, pdf_of, render

REGION_ALPHA = 90
SELECTED_ALPHA = 150
ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.1, 8.0
MAX_RENDER_SCALE = 6.0
SHARPEN_DELAY_MS = 150
ARTICLE_ID = 0  # QGraphicsItem.data key of a region's article id


class PagePane(QGraphicsView):
    article_clicked = Signal(str)
    message = Signal(str)

    def __init__(self, colours: ColourBook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pagePane")
        self.colours = colours
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.layout_: PageLayout | None = None
        self.page: Page | None = None
        self.image_item: QGraphicsPixmapItem | None = None
        self.rendered_scale = 0.0
        self.regions: dict[str, QGraphicsPathItem] = {}
        self.line_item: QGraphicsRectItem | None = None
        self.article_id = ""
        self.line = 0
        self._sharpen = QTimer(self)
        self._sharpen.setSingleShot(True)
        self._sharpen.setInterval(SHARPEN_DELAY_MS)
        self._sharpen.timeout.connect(self._render_for_zoom)
        self.prerender = Prerender()
        self.destroyed.connect(self.prerender.shutdown)

    # -- what is shown -----------------------------------------------------------------------------

    def prepare(self, page_path: Path) -> None:
        """A page is being opened: start rendering its PDF page (if any) at the fit-width scale."""
        target = pdf_of(page_path)
        if target is not None:
            self.prerender.start(*target, self._scale_for(self._fit_width_for(target)))

    def has_image(self) -> bool:
        return self.layout_ is not None

    def show_page(self, page: Page | None) -> None:
        """A newly opened page: its image (if it came with a PDF) fitted to the width, its regions."""
        layout = page.source.layout if page is not None else None
        same = layout is not None and self.layout_ is not None and _same_pdf_page(layout, self.layout_)
        self.page, self.layout_ = page, layout
        if layout is None:
            self._clear()
            return
        if not same:
            self._clear()
            self.scene().setSceneRect(QRectF(0, 0, layout.width, layout.height))
            self.resetTransform()
            self._set_image(self._fit_width_scale())
            self.fit_width()
        self.update_regions(page)

    def update_regions(self, page: Page | None) -> None:
        """Redraw the article regions (after any edit); the image stays."""
        self.page = page
        for item in self.regions.values():
            self.scene().removeItem(item)
        self.regions.clear()
        if page is None or self.layout_ is None:
            return
        by_number = {g.number: g for g in self.layout_.lines}
        self.colours.assign([a.id for a in page.articles])
        for a in page.articles:
            path = QPainterPath()
            for b in article_pieces(a, by_number):
                path.addRect(QRectF(b.x0, b.top, b.width, b.height))
            item = QGraphicsPathItem(path)
            item.setData(ARTICLE_ID, a.id)
            item.setZValue(1)
            self.scene().addItem(item)
            self.regions[a.id] = item
        self.show_selection(self.article_id, self.line)

    def show_selection(self, article_id: str, line: int) -> None:
        """The selected article stands out, the current line is outlined."""
        self.article_id, self.line = article_id, line
        for aid, item in self.regions.items():
            selected = aid == article_id
            colour = QColor(self.colours.strong(aid) if selected else self.colours.tint(aid))
            colour.setAlpha(SELECTED_ALPHA if selected else REGION_ALPHA)
            item.setBrush(QBrush(colour))
            pen = QPen(self.colours.strong(aid).darker(160) if selected else Qt.PenStyle.NoPen)
            if selected:
                pen.setWidthF(1.5)
                pen.setCosmetic(True)
            item.setPen(pen)
        if self.line_item is not None:
            self.scene().removeItem(self.line_item)
            self.line_item = None
        box = self.layout_.line_boxes().get(line) if self.layout_ is not None else None
        if box is not None:
            pen = QPen(QColor("#c0392b"))
            pen.setWidthF(2)
            pen.setCosmetic(True)
            self.line_item = self.scene().addRect(QRectF(box.x0 - 1, box.top - 1, box.width + 2, box.height + 2), pen)
            self.line_item.setZValue(2)
            if article_id in self.regions:
                self.ensureVisible(self.line_item, 20, 20)

    def selected_colour(self) -> QColor | None:
        """The fill of the selected article's region (what tests and the status can check)."""
        item = self.regions.get(self.article_id)
        return item.brush().color() if item is not None else None

    # -- zoom --------------------------------------------------------------------------------------

    def zoom(self) -> float:
        return float(self.transform().m11())

    def set_zoom(self, factor: float) -> None:
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        self.setTransform(self.transform().fromScale(factor, factor))
        if self._wanted_scale() > self.rendered_scale * 1.05:
            self._sharpen.start()

    def zoom_by(self, step: float) -> None:
        self.set_zoom(self.zoom() * step)

    def fit_width(self) -> None:
        if self.layout_ is not None:
            self.set_zoom(self._fit_width_scale())

    def fit_page(self) -> None:
        if self.layout_ is not None:
            view = self.viewport().size()
            self.set_zoom(min(view.width() / self.layout_.width, view.height() / self.layout_.height))

    def _fit_width_scale(self) -> float:
        assert self.layout_ is not None
        return max(self.viewport().width() - 4, 50) / self.layout_.width

    def _fit_width_for(self, target: tuple[str, int]) -> float:
        """Fit-width zoom for a page not yet parsed: its width from pdfium's page size."""
        import pypdfium2 as pdfium

        try:
            doc = pdfium.PdfDocument(target[0])
            try:
                width = float(doc[target[1]].get_width())
            finally:
                doc.close()
        except (OSError, IndexError, pdfium.PdfiumError):
            width = 595.0
        return max(self.viewport().width() - 4, 50) / width

    def _scale_for(self, zoom: float) -> float:
        return max(0.5, min(MAX_RENDER_SCALE, zoom * self.devicePixelRatioF()))

    def _wanted_scale(self) -> float:
        return min(MAX_RENDER_SCALE, self.zoom() * self.devicePixelRatioF())

    def _render_for_zoom(self) -> None:
        if self.layout_ is not None and self._wanted_scale() > self.rendered_scale * 1.05:
            self._set_image(self._wanted_scale())

    def _set_image(self, zoom: float) -> None:
        assert self.layout_ is not None
        scale = self._scale_for(zoom)
        image = self.prerender.take(self.layout_.pdf_path, self.layout_.page_index, scale)
        if image is None:
            try:
                image = render(self.layout_.pdf_path, self.layout_.page_index, scale)
            except RenderError as e:
                self.message.emit(str(e))
                return
        if self.image_item is None:
            self.image_item = self.scene().addPixmap(QPixmap.fromImage(image))
            self.image_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
            self.image_item.setZValue(0)
        else:
            self.image_item.setPixmap(QPixmap.fromImage(image))
        self.image_item.setScale(1 / scale)
        self.rendered_scale = scale

    def _clear(self) -> None:
        self._sharpen.stop()
        self.scene().clear()
        self.image_item = None
        self.line_item = None
        self.regions.clear()
        self.rendered_scale = 0.0

    # -- Qt overrides ------------------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP)
            event.accept()
            return
        super().wheelEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            aid = self.article_at(self.mapToScene(event.position().toPoint()))
            if aid:
                self.article_clicked.emit(aid)
        super().mousePressEvent(event)

    def article_at(self, point: QPointF) -> str:
        for item in self.scene().items(point):
            aid = item.data(ARTICLE_ID)
            if isinstance(item, QGraphicsPathItem) and aid and item.path().contains(point):
                return str(aid)
        return ""


def _same_pdf_page(a: PageLayout, b: PageLayout) -> bool:
    return a.pdf_path == b.pdf_path and a.page_index == b.page_index


class PagePanel(QWidget):
    """The pane with its zoom buttons; hidden by the window for pages without a PDF."""

    def __init__(self, colours: ColourBook, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QToolBar, QVBoxLayout

        super().__init__(parent)
        self.pane = PagePane(colours, self)
        bar = QToolBar(self)
        bar.setObjectName("pageZoomBar")
        for text, tip, slot in (
            (tr("Fit width"), tr("Fit the page's width (Ctrl+wheel zooms)"), self.pane.fit_width),
            (tr("Fit page"), tr("Show the whole page"), self.pane.fit_page),
            ("+", tr("Zoom in"), lambda: self.pane.zoom_by(ZOOM_STEP)),
            ("−", tr("Zoom out"), lambda: self.pane.zoom_by(1 / ZOOM_STEP)),
        ):
            action = bar.addAction(text, slot)
            action.setToolTip(tip)
            action.setStatusTip(tip)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(bar)
        box.addWidget(self.pane)
