"""Pages from PDF: text and layout from one pdfminer.six pass (reader.py), page naming and
reading (pages.py), a ``.txt`` matched to its PDF (match.py), boxes for export (regions.py,
export.py).  Qt-free; rendering happens in ``ui``.  Submodules are imported where they are used, so
that reading a text page never loads pdfminer.
"""

from __future__ import annotations

from core.pdf.model import Box, LineGeom, PageLayout

__all__ = ["Box", "LineGeom", "PageLayout"]
