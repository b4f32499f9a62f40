"""The pages of a multi-page PDF issue as page text files the rest of Banmian reads like any page.

Everything after this module works on page text files: parsing, sidecars, autosave and recovery,
the window's loader.  So a PDF issue is extracted once into a folder of ``page-001.txt`` … beside
the PDF (or in the user data folder when the PDF's folder is read-only), each with the geometry of
its lines (``page-001.lines.json``) for the ALTO export.  A manifest holds the PDF's sha256: a
changed PDF is extracted again, an unchanged one is not.  The PDF itself is only ever read.

Extraction is written against ``SourcePage`` (text, number, optional line geometry) so the PDF
reader of ``core.pdf`` can replace ``read_pdf`` here without touching the issue code.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from core.atomic import write_atomic
from core.paths import data_dir

MANIFEST = "manifest.json"
FORMAT = "banmian.pdf-pages"
VERSION = 1
Progress = Callable[[int, int], None]


class IssueError(Exception):
    """An issue that cannot be opened (no pages, unreadable PDF…); one line for the editor."""


@dataclass(frozen=True, slots=True)
class LineBox:
    """Where text line ``line`` (1-based, as in ``core.model.Line``) sits on the printed page, in
    PDF points from the page's top-left corner."""

    line: int
    x: float
    y: float
    width: float
    height: float


class SourcePage(Protocol):
    """What the issue needs of a page that comes from a PDF."""

    @property
    def text(self) -> str: ...
    @property
    def number(self) -> int: ...
    @property
    def width(self) -> float: ...
    @property
    def height(self) -> float: ...
    @property
    def boxes(self) -> Sequence[LineBox]: ...


@dataclass(frozen=True, slots=True)
class PdfPage:
    text: str
    number: int
    width: float
    height: float
    boxes: tuple[LineBox, ...] = ()


def read_pdf(path: Path, progress: Progress | None = None) -> list[PdfPage]:
    """Text and line boxes of every page (pdfminer.six): one text line per printed line, a blank
    line between text boxes, the way an extractor prints a page."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextBox, LTTextLine
    from pdfminer.pdfpage import PDFPage

    try:
        with path.open("rb") as f:
            total = sum(1 for _ in PDFPage.get_pages(f))
        pages: list[PdfPage] = []
        for number, layout in enumerate(extract_pages(str(path), laparams=LAParams()), start=1):
            lines: list[str] = []
            boxes: list[LineBox] = []
            height = float(layout.height)
            for box in layout:
                if not isinstance(box, LTTextBox):
                    continue
                if lines:
                    lines.append("")
                for item in box:
                    if not isinstance(item, LTTextLine):
                        continue
                    text = item.get_text().rstrip("\n")
                    if not text.strip():
                        continue
                    lines.append(text)
                    x0, y0, x1, y1 = item.bbox
                    boxes.append(LineBox(len(lines), x0, height - y1, x1 - x0, y1 - y0))
            pages.append(PdfPage("\n".join(lines) + "\n", number, float(layout.width), height, tuple(boxes)))
            if progress is not None:
                progress(number, total)
    except (OSError, ValueError, TypeError, KeyError, AssertionError) as e:
        raise IssueError(f"{path.name}: cannot read the PDF: {e}") from None
    except Exception as e:  # pdfminer raises its own exception types for broken files
        raise IssueError(f"{path.name}: cannot read the PDF: {type(e).__name__}: {e}") from None
    if not pages:
        raise IssueError(f"{path.name}: the PDF has no pages")
    return pages


def pages_folder(pdf: Path) -> Path:
    """Where a PDF's pages are extracted: beside it when its folder is writable, else the user
    data folder (keyed by the PDF's absolute path)."""
    beside = pdf.with_name(pdf.name + ".pages")
    if beside.is_dir() or os.access(pdf.parent, os.W_OK):
        return beside
    key = hashlib.sha1(str(pdf.resolve()).encode("utf-8")).hexdigest()[:12]
    return data_dir() / "issues" / f"{key}-{pdf.name}.pages"


def page_file(folder: Path, number: int) -> Path:
    return folder / f"page-{number:03d}.txt"


def boxes_file(page_path: Path) -> Path:
    return page_path.with_name(page_path.stem + ".lines.json")


def extract(
    pdf: Path, progress: Progress | None = None, reader: Callable[..., Sequence[SourcePage]] = read_pdf
) -> Path:
    """The folder of the PDF's page files, extracting them unless they are up to date."""
    try:
        digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
    except OSError as e:
        raise IssueError(f"{pdf}: {e.strerror or e}") from None
    folder = pages_folder(pdf)
    manifest = folder / MANIFEST
    try:
        old = json.loads(manifest.read_text(encoding="utf-8"))
        same = old.get("format") == FORMAT and old.get("sha256") == digest
        if same and all(page_file(folder, n).is_file() for n in old.get("pages", [])):
            return folder
    except (OSError, ValueError, AttributeError):
        pass
    pages = reader(pdf, progress)
    try:
        for p in pages:
            target = page_file(folder, p.number)
            write_atomic(target, p.text)
            write_atomic(boxes_file(target), json.dumps(_boxes_dict(p)))
        write_atomic(
            manifest,
            json.dumps(
                {
                    "format": FORMAT,
                    "version": VERSION,
                    "pdf": pdf.name,
                    "sha256": digest,
                    "pages": [p.number for p in pages],
                }
            ),
        )
    except OSError as e:
        raise IssueError(f"{folder}: cannot write the extracted pages: {e.strerror or e}") from None
    return folder


def _boxes_dict(p: SourcePage) -> dict[str, Any]:
    return {
        "width": p.width,
        "height": p.height,
        "lines": [[b.line, round(b.x, 2), round(b.y, 2), round(b.width, 2), round(b.height, 2)] for b in p.boxes],
    }


@dataclass(frozen=True, slots=True)
class PageGeometry:
    width: float
    height: float
    boxes: dict[int, LineBox]


def read_geometry(page_path: Path) -> PageGeometry | None:
    """The line boxes saved with an extracted page, or None (a text page, or the file is unusable)."""
    try:
        data = json.loads(boxes_file(page_path).read_text(encoding="utf-8"))
        boxes = {int(n): LineBox(int(n), float(x), float(y), float(w), float(h)) for n, x, y, w, h in data["lines"]}
        return PageGeometry(float(data["width"]), float(data["height"]), boxes)
    except (OSError, ValueError, KeyError, TypeError):
        return None
