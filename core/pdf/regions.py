"""Boxes of blocks and articles: one rectangle per column piece, not one bounding box.

A paragraph or story that runs on into the next column would get a bounding box covering the
columns between; instead, consecutive lines (reading order) of one type size that stand under one
another make one piece, and a jump to another column (or from a headline to the body) starts the
next.  These are what the JSON export and ALTO
write and what the page pane draws.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from core.model import Article, Page
from core.pdf.model import Box, LineGeom, PageLayout

# Lines of one piece overlap horizontally by at least this share of the narrower one and are at
# most this many line heights apart.
OVERLAP = 0.3
LINE_GAPS = 2.5
SAME_SIZE = 0.6


def _continues(piece: Box, last: Box, b: Box) -> bool:
    overlap = min(piece.x1, b.x1) - max(piece.x0, b.x0)
    near = -last.height <= b.top - last.bottom <= LINE_GAPS * max(last.height, b.height)
    return overlap >= OVERLAP * min(piece.width, b.width) and near


def pieces(lines: Iterable[LineGeom]) -> list[Box]:
    out: list[Box] = []
    last: LineGeom | None = None
    for g in lines:
        if out and last is not None and abs(g.size - last.size) < SAME_SIZE and _continues(out[-1], last.box, g.box):
            out[-1] = out[-1].union(g.box)
        else:
            out.append(g.box)
        last = g
    return out


def geoms(page: Page) -> Mapping[int, LineGeom]:
    """Line number → geometry, for pages that have it (else empty)."""
    layout = page.source.layout
    return {g.number: g for g in layout.lines} if layout is not None else {}


def block_pieces(lines: Sequence[int], by_number: Mapping[int, LineGeom]) -> list[Box]:
    return pieces(by_number[n] for n in lines if n in by_number)


def article_pieces(article: Article, by_number: Mapping[int, LineGeom]) -> list[Box]:
    """An article's region: the pieces of its lines in reading order, merged like a block's."""
    return pieces(by_number[n] for n in article.lines if n in by_number)


def layout_info(layout: PageLayout) -> dict[str, object]:
    return {
        "pdf": Path(layout.pdf_path).name,
        "page": layout.page_index + 1,
        "width": round(layout.width, 2),
        "height": round(layout.height, 2),
        "unit": "pt",
        "origin": "top-left",
        "unmatched_lines": layout.unmatched,
    }
