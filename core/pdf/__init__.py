"""Pages from PDF: text and layout from one pdfminer.six pass (reader.py), page naming and a
``.txt`` matched to its PDF (pages.py, match.py).  Qt-free; rendering happens in ``ui``."""

from __future__ import annotations

from core.pdf.match import with_pdf_beside
from core.pdf.model import Box, LineGeom, PageLayout
from core.pdf.pages import is_pdf, output_stem, page_ref, pages_of, read_pdf_page, split_ref
from core.pdf.reader import PdfError, iter_pages

__all__ = [
    "Box",
    "LineGeom",
    "PageLayout",
    "PdfError",
    "is_pdf",
    "iter_pages",
    "output_stem",
    "page_ref",
    "pages_of",
    "read_pdf_page",
    "split_ref",
    "with_pdf_beside",
]
