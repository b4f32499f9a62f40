"""The optional geometry fields of the banmian.page JSON (docs/pdf.md): PDF points, top-left
origin, boxes as ``[x0, top, x1, bottom]``.

- top level ``layout``: which PDF page, its size, how many ``.txt`` lines found no geometry;
- top level ``line_boxes``: ``{line, box, size}`` for every line with geometry;
- ``articles[].boxes`` and ``articles[].blocks[].boxes``: one box per column piece.
Pages without geometry get none of them, so text-only exports are unchanged.
"""

from __future__ import annotations

from typing import Any

from core.model import Page
from core.pdf.regions import article_pieces, block_pieces, layout_info


def add_geometry(doc: dict[str, Any], page: Page) -> None:
    """Add the geometry fields to ``doc`` (made by ``page_to_dict`` from ``page``) in place."""
    layout = page.source.layout
    if layout is None:
        return
    by_number = {g.number: g for g in layout.lines}
    doc["layout"] = layout_info(layout)
    doc["line_boxes"] = [{"line": g.number, "box": g.box.as_list(), "size": round(g.size, 2)} for g in layout.lines]
    by_id = {a.id: a for a in page.articles}
    for ad in doc["articles"]:
        article = by_id.get(ad["id"])
        if article is None:
            continue
        ad["boxes"] = [b.as_list() for b in article_pieces(article, by_number)]
        for bd, block in zip(ad["blocks"], article.blocks, strict=False):
            bd["boxes"] = [b.as_list() for b in block_pieces(block.lines, by_number)]
