"""An issue of the paper: a folder of pages, or one multi-page PDF, as an ordered list of pages.

``open_issue`` only lists and numbers pages (fast: the page list shows at once); parsing them is
``core.issue.workspace``'s business, through ``open_page`` like any page.  The pages are those
``core.pdf.pages`` names (docs/pdf.md): a folder's pages are ``folder_pages`` (``X.txt`` with its
``X.pdf`` beside it is one page), a multi-page PDF's are its page references ``X.pdf#k``, numbered
*k*.  The issue's own decisions (links between continued stories) live in ``issue.banmian.json``
in the folder, ``X.pdf.issue.banmian.json`` beside a PDF, or in the user data folder when that
folder is read-only.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from core.issue.numbering import PageNumber, date_from_name, number_pages
from core.loader import PageError
from core.messages import msg, os_reason
from core.paths import data_dir
from core.pdf.pages import PDF_SUFFIX, folder_pages, pages_of, split_ref

STATE_NAME = "issue.banmian.json"


class IssueError(Exception):
    """An issue that cannot be opened (no pages, unreadable PDF…); one line for the editor."""


@dataclass(frozen=True, slots=True)
class IssuePage:
    """One page of the issue: ``index`` is its place in page order (0-based), ``number`` the
    printed page number jump markers refer to, ``path`` the page path ``read_page`` opens (a
    ``.txt``, a ``.pdf`` or a page reference ``X.pdf#k``), ``stem`` the name its exported files
    take (``X``, or ``X-p003`` for page 3 of a multi-page PDF)."""

    index: int
    number: PageNumber
    path: Path
    stem: str

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
    return path.is_dir() or path.suffix.lower() == PDF_SUFFIX


def open_issue(path: str | Path) -> Issue:
    """List and number the pages of a folder or a PDF; ``IssueError`` when there are none."""
    src = Path(path)
    if src.is_dir():
        try:
            found = folder_pages(src)
        except OSError as e:
            raise IssueError(msg("{path}: {error}", path=src, error=os_reason(e))) from None
        if not found:
            raise IssueError(msg("{path}: no *.txt or *.pdf pages in this folder", path=src))
        numbered = number_pages([stem for _, stem in found])
        pages = [(found[i][0], found[i][1], number) for i, number in numbered]
        return _issue(src, "folder", pages, state_file(src, STATE_NAME))
    if src.suffix.lower() == PDF_SUFFIX:
        if not src.is_file():
            raise IssueError(msg("{path}: no such file", path=src))
        try:
            found = pages_of(src)
        except PageError as e:
            raise IssueError(str(e)) from None
        if not found:
            raise IssueError(msg("{path}: the PDF has no pages", path=src))
        pages = [(p, stem, PageNumber(split_ref(p)[1] or 1)) for p, stem in found]
        return _issue(src, "pdf", pages, state_file(src.parent, f"{src.name}.{STATE_NAME}"))
    if not src.exists():
        raise IssueError(msg("{path}: no such file or folder", path=src))
    raise IssueError(msg("{path}: an issue is a folder of pages or a PDF", path=src))


def _issue(src: Path, kind: str, pages: list[tuple[Path, str, PageNumber]], state_path: Path) -> Issue:
    out = tuple(IssuePage(k, number, path, stem) for k, (path, stem, number) in enumerate(pages))
    date = date_from_name(src.stem) or next((d for _, stem, _ in pages if (d := date_from_name(stem))), None)
    return Issue(src, kind, out, date, state_path)


def state_file(folder: Path, name: str) -> Path:
    """The issue's state file ``name`` in ``folder`` when it is there or the folder is writable,
    else in a folder of the user data folder keyed by the folder's path."""
    if (folder / name).exists() or os.access(folder, os.W_OK):
        return folder / name
    key = hashlib.sha1(str(folder.resolve()).encode("utf-8")).hexdigest()[:12]
    return data_dir() / "issues" / f"{key}-{folder.name}" / name


__all__ = ["Issue", "IssueError", "IssuePage", "is_issue", "open_issue"]
