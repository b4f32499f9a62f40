"""A PDF page as a QImage, rendered with pypdfium2 (BSD/Apache; no QtPdf, no PyMuPDF).

pdfium renders into its own buffer: BGRx with the byte order reversed is RGBX, which QImage
reads as ``Format_RGBX8888`` without conversion; ``copy()`` detaches the image from the buffer
before the bitmap is freed.  Documents stay open in a small cache, so re-rendering sharper on
zoom does not parse the file again.
"""

from __future__ import annotations

import atexit
import functools
import logging
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from PySide6.QtGui import QImage

from ui.i18n import reason, tr

MAX_OPEN = 4
log = logging.getLogger("banmian")
_documents: OrderedDict[str, Any] = OrderedDict()


def close_all() -> None:
    """Close the documents kept open for re-rendering (pypdfium2 warns about any left at exit)."""
    while _documents:
        _, doc = _documents.popitem()
        doc.close()


@functools.cache
def _close_at_exit() -> None:
    """Register ``close_all`` once pypdfium2 is imported: exit handlers run last-registered first,
    so ours then runs before pypdfium2's own, which reports documents still open."""
    atexit.register(close_all)


class RenderError(Exception):
    """The PDF could not be rendered; one line for the status bar."""


def _open(path: str) -> Any:
    """The PDF ``path`` opened by pdfium; ``RenderError`` saying why, in the interface language."""
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(path)
    except (OSError, pdfium.PdfiumError) as e:
        why = reason(e, path) if isinstance(e, OSError) else _fault(e, path)
        raise RenderError(tr("cannot show {name}: {error}").format(name=Path(path).name, error=why)) from None


def _fault(e: Exception, path: str) -> str:
    """pdfium's fault named by its kind (its own English words go to the log)."""
    log.warning("%s: %s: %s", path, type(e).__name__, e)
    return type(e).__name__


def _document(path: str) -> Any:
    doc = _documents.pop(path, None)
    if doc is None:
        doc = _open(path)
        _close_at_exit()
    _documents[path] = doc
    while len(_documents) > MAX_OPEN:
        _, old = _documents.popitem(last=False)
        old.close()
    return doc


def render(path: str, page_index: int, scale: float) -> QImage:
    """Page ``page_index`` (0-based) of ``path`` at ``scale`` pixels per PDF point."""
    return _render(_document(path), path, page_index, scale)


def _render(doc: Any, path: str, page_index: int, scale: float) -> QImage:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        page = doc[page_index]
        bitmap = page.render(scale=scale, force_bitmap_format=pdfium_c.FPDFBitmap_BGRx, rev_byteorder=True)
    except (IndexError, pdfium.PdfiumError) as e:
        message = tr("cannot render page {page} of {name}: {error}")
        raise RenderError(message.format(page=page_index + 1, name=Path(path).name, error=_fault(e, path))) from None
    image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGBX8888).copy()
    bitmap.close()
    page.close()
    return image


def pdf_of(page_path: Path) -> tuple[str, int] | None:
    """The PDF page a page file will show (``X.pdf``, ``X.pdf#k``, ``X.txt`` with ``X.pdf`` beside)."""
    from core.pdf.pages import split_ref

    file, number = split_ref(page_path)
    if file.suffix.lower() != ".pdf":
        file = file.with_suffix(".pdf")
    if not file.is_file():
        return None
    return str(file.resolve()), 0 if number is None else number - 1


class Prerender:
    """Renders a page in a thread while the page is still being parsed, so that the image is there
    when the page opens.  pdfium runs outside the GIL; the thread opens its own document (pdfium
    documents are not shared between threads)."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="page-image")
        self._jobs: dict[tuple[str, int], tuple[float, Future[QImage]]] = {}

    def start(self, path: str, page_index: int, scale: float) -> None:
        self._jobs = {(path, page_index): (scale, self._pool.submit(_render_fresh, path, page_index, scale))}

    def take(self, path: str, page_index: int, scale: float) -> QImage | None:
        """The image started for this page at about this scale (waiting for it if need be), else None."""
        job = self._jobs.pop((path, page_index), None)
        if job is None or abs(job[0] - scale) > scale * 0.05:
            return None
        try:
            return job[1].result()
        except RenderError:
            return None

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def _render_fresh(path: str, page_index: int, scale: float) -> QImage:
    doc = _open(path)
    try:
        return _render(doc, path, page_index, scale)
    finally:
        doc.close()
