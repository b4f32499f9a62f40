"""Small pictures of PDF pages for the page list (pypdfium2, an optional extra: without it the
list simply shows no thumbnails)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

THUMB_WIDTH = 72


class Thumbnails:
    """Renders each page of one PDF once, on first request."""

    def __init__(self, pdf: Path) -> None:
        self.pdf = pdf
        self._doc: object | None = None
        self._cache: dict[int, QImage | None] = {}
        self.available = True

    def image(self, page_number: int) -> QImage | None:
        """The 1-based page as a small image, or None (no renderer, unreadable PDF)."""
        if page_number in self._cache:
            return self._cache[page_number]
        image = self._render(page_number)
        self._cache[page_number] = image
        return image

    def _render(self, page_number: int) -> QImage | None:
        if not self.available:
            return None
        try:
            import pypdfium2 as pdfium
            import pypdfium2.raw as pdfium_c
        except ImportError:
            self.available = False
            return None
        try:
            if self._doc is None:
                self._doc = pdfium.PdfDocument(str(self.pdf))
            page = self._doc[page_number - 1]  # type: ignore[index]
            scale = THUMB_WIDTH / max(page.get_width(), 1)
            bitmap = page.render(scale=scale, force_bitmap_format=pdfium_c.FPDFBitmap_BGRA)
            data = bytes(bitmap.buffer)
            image = QImage(data, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_ARGB32)
            return image.copy()  # own the pixels: ``data`` goes away
        except Exception:  # a broken page draws no thumbnail; the text is still there
            return None

    def close(self) -> None:
        if self._doc is not None:
            self._doc.close()  # type: ignore[attr-defined]
            self._doc = None
