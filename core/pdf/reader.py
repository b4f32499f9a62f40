"""Reading a PDF with pdfminer.six: the page text *and* its layout from one pass.

The text of a page is exactly what ``pdfminer.high_level.extract_text`` (default ``LAParams``)
prints for it — the text archives already hold, so line numbers and the JSON contract stay those of
the ``.txt`` — and it is produced here by walking the very layout objects the geometry is read
from (``TextConverter.receive_layout`` renders the same tree the same way).  Every text line's box
therefore belongs to its page-text line by construction, and pdfminer runs once, not twice.
"""

from __future__ import annotations

import io
import logging
import statistics
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage, LTText, LTTextBox, LTTextLine

from core.messages import msg
from core.pdf.model import Box, LineGeom, PageLayout

log = logging.getLogger("banmian")

# A drawn line or rectangle thinner than this (pt) is a rule; thicker rectangles are frames.
RULE_THICKNESS = 3.0
# ... and it must be at least this long (pt) to separate anything.
RULE_MIN_LENGTH = 12.0


class PdfError(Exception):
    """A PDF that cannot be read; one line for the editor."""


@dataclass(frozen=True, slots=True)
class PdfPage:
    """One page: its text (ending with the form feed extract_text writes) and its layout."""

    index: int
    text: str
    layout: PageLayout


def _normalise(s: str) -> str:
    return s.replace("\r\n", "\n").replace("\r", "\n")


class _Renderer:
    """Replays ``TextConverter.receive_layout`` while noting where each text line lands."""

    def __init__(self, height: float) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.newlines = 0
        self.height = height
        self.lines: list[LineGeom] = []
        self.rules: list[Box] = []
        self.frames: list[Box] = []

    def write(self, s: str) -> None:
        s = _normalise(s)
        self.parts.append(s)
        self.length += len(s)
        self.newlines += s.count("\n")

    def box(self, item: Any) -> Box:
        return Box(float(item.x0), self.height - float(item.y1), float(item.x1), self.height - float(item.y0))

    def render(self, item: Any) -> None:
        if isinstance(item, LTTextLine):
            number = self.newlines + 1
            sizes: list[float] = []
            fonts: Counter[str] = Counter()
            ink: float | None = None
            for child in item:
                if isinstance(child, LTChar):
                    sizes.append(float(child.size))
                    fonts[child.fontname] += 1
                    if ink is None and child.get_text().strip():
                        ink = float(child.x0)
                if isinstance(child, LTText):
                    self.write(child.get_text())
            if sizes:
                box = self.box(item)
                size = statistics.median(sizes)
                font = fonts.most_common(1)[0][0]
                self.lines.append(LineGeom(number, box, size, font, len(sizes), box.x0 if ink is None else ink))
        elif isinstance(item, LTContainer):
            for child in item:
                self.render(child)
        elif isinstance(item, LTText):
            self.write(item.get_text())
        elif isinstance(item, LTCurve):
            self._shape(item)
        elif isinstance(item, LTImage):
            self.frames.append(self.box(item))
        if isinstance(item, LTTextBox):
            self.write("\n")

    def _shape(self, item: Any) -> None:
        b = self.box(item)
        if max(b.width, b.height) < RULE_MIN_LENGTH:
            return
        if min(b.width, b.height) <= RULE_THICKNESS:
            self.rules.append(b)
        else:
            self.frames.append(b)


MAX_PDF_BYTES = 512 * 1024 * 1024


def _open_regular(p: Path) -> io.BytesIO:
    """The PDF's bytes, read only from a regular file (a FIFO or a device is refused at once,
    never hangs the reader: ``core.loader.read_regular``)."""
    from core.loader import PageError, read_regular

    try:
        return io.BytesIO(read_regular(p, MAX_PDF_BYTES, "a PDF"))
    except PageError as e:
        raise PdfError(str(e)) from None


def iter_pages(path: str | Path, *, page_numbers: set[int] | None = None) -> Iterator[PdfPage]:
    """Every page (or the 0-based ``page_numbers``) of a PDF, text and layout from one pdfminer run."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    p = Path(path)
    try:
        with _open_regular(p) as fp:
            rsrcmgr = PDFResourceManager(caching=True)
            device = PDFPageAggregator(rsrcmgr, laparams=LAParams())
            interpreter = PDFPageInterpreter(rsrcmgr, device)
            for index, page in enumerate(PDFPage.get_pages(fp, page_numbers, caching=True)):
                interpreter.process_page(page)
                ltpage = device.get_result()
                r = _Renderer(float(ltpage.height))
                r.render(ltpage)
                r.write("\f")
                number = index if page_numbers is None else sorted(page_numbers)[index]
                layout = PageLayout(
                    str(p.resolve()),
                    number,
                    float(ltpage.width),
                    float(ltpage.height),
                    tuple(r.lines),
                    tuple(r.rules),
                    tuple(r.frames),
                )
                yield PdfPage(number, "".join(r.parts), layout)
    except PdfError:
        raise
    except Exception as e:  # pdfminer raises many unrelated types on damaged files: its words go to the log
        log.warning("%s: not a readable PDF: %s: %s", p, type(e).__name__, e)
        raise PdfError(msg("{path}: not a readable PDF ({error})", path=p, error=type(e).__name__)) from None


def page_count(path: str | Path) -> int:
    """How many pages a PDF has (reads only its page tree)."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    p = Path(path)
    try:
        with _open_regular(p) as fp:
            doc = PDFDocument(PDFParser(fp))
            return sum(1 for _ in PDFPage.create_pages(doc))
    except PdfError:
        raise
    except Exception as e:
        raise PdfError(msg("{path}: not a readable PDF ({error})", path=p, error=type(e).__name__)) from None
