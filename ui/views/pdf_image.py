"""A PDF page as a QImage, rendered with pypdfium2 (BSD/Apache; no QtPdf, no PyMuPDF).

pdfium renders into its own buffer: BGRx with the byte order reversed is RGBX, which QImage
reads as ``Format_RGBX8888`` without conversion; ``copy()`` detaches the image from the buffer
before the bitmap is freed.  Documents stay open in a small cache, so re-rendering sharper on
zoom does not parse the file again.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtGui import QImage

MAX_OPEN = 4
_documents: OrderedDict[str, Any] = OrderedDict()


class RenderError(Exception):
    """The PDF could not be rendered; one line for the status bar."""


def _document(path: str) -> Any:
    import pypdfium2 as pdfium

    doc = _documents.pop(path, None)
    if doc is None:
        try:
            doc = pdfium.PdfDocument(path)
        except (OSError, pdfium.PdfiumError) as e:
            raise RenderError(f"cannot show {path.rsplit('/', 1)[-1]}: {e}") from None
    _documents[path] = doc
    while len(_documents) > MAX_OPEN:
        _, old = _documents.popitem(last=False)
        old.close()
    return doc


def render(path: str, page_index: int, scale: float) -> QImage:
    """Page ``page_index`` (0-based) of ``path`` at ``scale`` pixels per PDF point."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    doc = _document(path)
    try:
        page = doc[page_index]
        bitmap = page.render(scale=scale, force_bitmap_format=pdfium_c.FPDFBitmap_BGRx, rev_byteorder=True)
    except (IndexError, pdfium.PdfiumError) as e:
        raise RenderError(f"cannot render page {page_index + 1} of {path.rsplit('/', 1)[-1]}: {e}") from None
    image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGBX8888).copy()
    bitmap.close()
    page.close()
    return image
