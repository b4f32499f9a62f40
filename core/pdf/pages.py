"""PDF pages as Banmian pages: naming, reading, and a ``.txt`` matched to the PDF beside it.

Naming (docs/pdf.md): a one-page ``X.pdf`` is the page ``X.pdf``; page *k* (1-based) of a
multi-page PDF is the page reference ``X.pdf#k``: its source name, the name its sidecar is built
from (``X.pdf#k.banmian.json`` beside the PDF) and, in folder mode, ``OUTDIR/X-pNNN.json``
(``NNN`` zero-padded to three digits).  A page's sha256 is that of the whole PDF file, so editing
the file makes every page's saved corrections stale rather than wrongly applied.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import TYPE_CHECKING

from core.loader import PageError, RawPage
from core.messages import msg, os_reason
from core.model import SourceInfo

if TYPE_CHECKING:
    from core.pdf.reader import PdfPage

PDF_SUFFIX = ".pdf"
ENCODING = "pdf"  # the source "encoding" of a page whose text was extracted from a PDF
_REF = re.compile(r"^(?P<file>.+\.pdf)#(?P<page>[1-9][0-9]*)$", re.IGNORECASE)


def split_ref(path: str | Path) -> tuple[Path, int | None]:
    """``X.pdf#3`` → (``X.pdf``, 3); ``X.pdf`` → (``X.pdf``, None). Paths that exist are never split."""
    p = Path(path)
    m = _REF.match(p.name)
    if m and not p.exists():
        return p.with_name(m.group("file")), int(m.group("page"))
    return p, None


def is_pdf(path: str | Path) -> bool:
    """Whether a page path names a PDF or a page of one."""
    file, _ = split_ref(path)
    return file.suffix.lower() == PDF_SUFFIX


def page_ref(pdf: Path, number: int) -> Path:
    return pdf.with_name(f"{pdf.name}#{number}")


def output_stem(pdf: Path, number: int | None) -> str:
    """The folder-mode output stem of a page: ``X`` for a one-page PDF, ``X-p003`` for page 3."""
    return pdf.stem if number is None else f"{pdf.stem}-p{number:03d}"


def pages_of(pdf: Path) -> list[tuple[Path, str]]:
    """The page paths of a PDF with their output stems: one page, or one per page."""
    from core.pdf.reader import PdfError, page_count

    try:
        n = page_count(pdf)
    except PdfError as e:
        raise PageError(str(e)) from None
    if n == 1:
        return [(pdf, output_stem(pdf, None))]
    return [(page_ref(pdf, k), output_stem(pdf, k)) for k in range(1, n + 1)]


def _sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as e:
        raise PageError(msg("{path}: {error}", path=path, error=os_reason(e))) from None


def read_pdf_page(path: str | Path) -> RawPage:
    """A page of a PDF: its text exactly as ``extract_text`` prints it, with the layout attached.

    ``X.pdf`` must have one page (else the message names the page references to use)."""
    from core.pdf.reader import PdfError, iter_pages, page_count

    file, number = split_ref(path)
    index = 0 if number is None else number - 1
    try:
        pages = list(iter_pages(file, page_numbers={index}))
        if number is None and (n := page_count(file)) > 1:
            raise PageError(
                msg("{path}: has {n} pages; open one of them as {name}#1 … {name}#{n}", path=file, n=n, name=file.name)
            )
    except PdfError as e:
        raise PageError(str(e)) from None
    if not pages:
        raise PageError(msg("{path}: has no page {number}", path=file, number=number))
    page: PdfPage = pages[0]
    name = file.name if number is None else f"{file.name}#{number}"
    return RawPage(SourceInfo(name, _sha256(file), ENCODING, page.layout), page.text)


def folder_pages(folder: Path) -> list[tuple[Path, str]]:
    """The pages of a folder with their output stems, in name order: every ``*.txt`` (its PDF
    beside it lends geometry), every ``*.pdf`` without a ``.txt`` of the same stem — one page, or
    one per page of a multi-page PDF.  A PDF that cannot be read is still listed (as one page), so
    that reading it reports the error like any bad page; so is a ``*.txt`` that is not a regular
    file (a FIFO, a device), which reading refuses with a message."""
    files = sorted(p for p in folder.iterdir() if not p.is_dir())
    txt_stems = {p.stem for p in files if p.suffix.lower() == ".txt"}
    out: list[tuple[Path, str]] = []
    for p in files:
        suffix = p.suffix.lower()
        if suffix == ".txt":
            out.append((p, p.stem))
        elif suffix == PDF_SUFFIX and p.stem not in txt_stems and p.is_file():
            try:
                out.extend(pages_of(p))
            except PageError:
                out.append((p, p.stem))
    return out


def first_page(path: Path) -> Path:
    """What the window opens for ``path``: page 1 (``X.pdf#1``) of a multi-page PDF, else ``path``."""
    file, number = split_ref(path)
    if number is not None or file.suffix.lower() != PDF_SUFFIX or not file.is_file():
        return path
    try:
        pages = pages_of(file)
    except PageError:
        return path  # reading it will say what is wrong
    return pages[0][0]
