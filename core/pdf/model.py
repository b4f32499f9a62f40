"""Geometry of a page that came from (or with) a PDF: frozen values, Qt-free, picklable.

Coordinates are PDF points with the origin at the page's *top-left* corner (y grows downwards),
so they can be drawn as they are on an image of the page; ``Box(x0, top, x1, bottom)``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Box:
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def union(self, other: Box) -> Box:
        return Box(
            min(self.x0, other.x0), min(self.top, other.top), max(self.x1, other.x1), max(self.bottom, other.bottom)
        )

    def as_list(self) -> list[float]:
        return [round(self.x0, 2), round(self.top, 2), round(self.x1, 2), round(self.bottom, 2)]


def union_all(boxes: list[Box]) -> Box | None:
    if not boxes:
        return None
    return Box(
        min(b.x0 for b in boxes), min(b.top for b in boxes), max(b.x1 for b in boxes), max(b.bottom for b in boxes)
    )


@dataclass(frozen=True, slots=True)
class LineGeom:
    """A text line of the page as pdfminer laid it out: ``number`` is the page-text line it printed.

    ``size`` is the median glyph size (pt) and ``font`` the commonest font name of its characters;
    ``chars`` counts them; ``ink_x0`` is where its first visible character starts (an indent typed
    as ideographic spaces leaves ``box.x0`` at the column edge)."""

    number: int
    box: Box
    size: float
    font: str
    chars: int
    ink_x0: float


@dataclass(frozen=True, slots=True)
class PageLayout:
    """The geometry of one PDF page: text lines, drawn rules (thin lines and rectangles) and frames
    (larger rectangles, curves and images: photos, boxes).  ``pdf_path``/``page_index`` (0-based)
    say which page of which file to show; ``unmatched`` counts page-text lines (non-empty) that
    have no geometry (only when a ``.txt`` was matched to a PDF)."""

    pdf_path: str
    page_index: int
    width: float
    height: float
    lines: tuple[LineGeom, ...]
    rules: tuple[Box, ...]
    frames: tuple[Box, ...]
    unmatched: int = 0

    def line_boxes(self) -> dict[int, Box]:
        return {g.number: g.box for g in self.lines}
