"""Small pictures of the issue's PDF pages for the page list, rendered by the page pane's renderer
(``ui.views.pdf_image``, pypdfium2: an optional extra, without which the list shows none)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from core.pdf.model import PageLayout
from ui.views.pdf_image import RenderError, pdf_of, render

THUMB_WIDTH = 72
SCALE = 0.25  # pixels per PDF point to render at before scaling down to THUMB_WIDTH


class Thumbnails:
    """Renders each PDF page once, on first request."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, int], QImage | None] = {}
        self.available = True

    def image(self, page_path: Path, layout: PageLayout | None = None) -> QImage | None:
        """The page's PDF page as a small image, or None (a text page, no renderer, unreadable PDF).

        ``layout``, once the page is parsed, says which PDF page it is (a ``.txt`` matched to a
        page of the PDF beside it); before that the page's path does."""
        where = (layout.pdf_path, layout.page_index) if layout is not None else pdf_of(page_path)
        if where is None or not self.available:
            return None
        if where not in self._cache:
            self._cache[where] = self._render(*where)
        return self._cache[where]

    def _render(self, pdf: str, page_index: int) -> QImage | None:
        try:
            image = render(pdf, page_index, SCALE)
        except ImportError:
            self.available = False
            return None
        except RenderError:  # a broken page draws no thumbnail; the text is still there
            return None
        return image.scaledToWidth(THUMB_WIDTH, Qt.TransformationMode.SmoothTransformation)
