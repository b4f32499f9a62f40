"""An issue of the paper: a folder of page files, or one multi-page PDF, as an ordered list of pages.

``open_issue`` only lists and numbers pages (fast: the page list shows at once); parsing them is
``core.issue.workspace``'s business.  The issue's own decisions (links between continued stories)
live in ``issue.banmian.json`` beside the pages, or in the user data folder when that is read-only.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from core.issue.numbering import PageNumber, date_from_name, number_pages
from core.issue.pdfpages import IssueError, extract, read_geometry
from core.paths import data_dir

STATE_NAME = "issue.banmian.json"
PAGE_SUFFIX = ".txt"


@dataclass(frozen=True, slots=True)
class IssuePage:
    """One page of the issue: ``index`` is its place in page order (0-based), ``number`` the
    printed page number jump markers refer to, ``path`` its text file; ``pdf_page`` the 1-based
    page of the issue's PDF it was extracted from (None for a text page)."""

    index: int
    number: PageNumber
    path: Path
    pdf_page: int | None = None

    @property
    def label(self) -> str:
        return self.number.label


@dataclass(frozen=True, slots=True)
class Issue:
    source: Path  # the folder or the PDF
    kind: str  # "folder" or "pdf"
    pages: tuple[IssuePage, ...]
    date: str | None
    state_path: Path

    @property
    def name(self) -> str:
        return self.source.name

    def with_number(self, number: int) -> list[IssuePage]:
        """Pages printed with ``number`` (several when sections restart their numbering)."""
        return [p for p in self.pages if p.number.number == number]

    def from_pdf(self) -> bool:
        return self.kind == "pdf"


def is_issue(path: Path) -> bool:
    """A folder or a PDF (what ``main.py PATH`` opens as an issue rather than a page)."""
    return path.is_dir() or path.suffix.lower() == ".pdf"


def list_pages(folder: Path) -> list[Path]:
    try:
        return [p for p in folder.iterdir() if p.suffix.lower() == PAGE_SUFFIX and p.is_file()]
    except OSError as e:
        raise IssueError(f"{folder}: {e.strerror or e}") from None


def open_issue(path: str | Path, progress: Callable[[int, int], None] | None = None) -> Issue:
    """List and number the pages of a folder or a PDF; ``IssueError`` when there are none."""
    src = Path(path)
    if src.is_dir():
        files = list_pages(src)
        if not files:
            raise IssueError(f"{src}: no *.txt pages in this folder")
        return _issue(src, "folder", files, state_folder(src))
    if src.suffix.lower() == ".pdf":
        if not src.is_file():
            raise IssueError(f"{src}: no such file")
        folder = extract(src, progress)
        files = list_pages(folder)
        return _issue(src, "pdf", files, folder)
    if not src.exists():
        raise IssueError(f"{src}: no such file or folder")
    raise IssueError(f"{src}: an issue is a folder of pages or a PDF")


def _issue(src: Path, kind: str, files: list[Path], state_dir: Path) -> Issue:
    numbered = number_pages([f.stem for f in files])
    pages = tuple(
        IssuePage(k, number, files[i], int(files[i].stem.split("-")[-1]) if kind == "pdf" else None)
        for k, (i, number) in enumerate(numbered)
    )
    date = date_from_name(src.stem) or next((d for f in files if (d := date_from_name(f.stem))), None)
    return Issue(src, kind, pages, date, state_dir / STATE_NAME)


def state_folder(folder: Path) -> Path:
    """The folder itself when writable, else a folder in the user data folder keyed by its path."""
    if (folder / STATE_NAME).exists() or os.access(folder, os.W_OK):
        return folder
    key = hashlib.sha1(str(folder.resolve()).encode("utf-8")).hexdigest()[:12]
    return data_dir() / "issues" / f"{key}-{folder.name}"


__all__ = ["Issue", "IssueError", "IssuePage", "is_issue", "open_issue", "read_geometry"]
