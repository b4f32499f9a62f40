"""A ``.txt`` page with its PDF beside it: the text is the page, the PDF lends its geometry.

The PDF's own text lines (from the same pdfminer pass as their boxes) are aligned with the
``.txt`` lines: first in order on their text with white space removed (difflib's longest matching
blocks), then lines left over between two anchors are paired in order when they are similar
enough, then any line left whose text occurs exactly once among the PDF's unmatched lines.  A line
matched nowhere keeps no geometry: the text rules place it, and ``PageLayout.unmatched`` counts it.
With several PDF pages, the page that matches most lines is used.
"""

from __future__ import annotations

import difflib
import itertools
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from core.loader import RawPage
from core.model import SourceInfo
from core.pdf.model import LineGeom, PageLayout

if TYPE_CHECKING:
    from core.pdf.reader import PdfPage

# Two lines left between anchors are the same printed line when this similar (difflib ratio).
SIMILAR = 0.6


def _key(s: str) -> str:
    return "".join(s.split())


def match_lines(txt_lines: list[str], pdf_page: PdfPage) -> tuple[dict[int, LineGeom], int]:
    """Geometry for ``.txt`` line numbers (1-based) and how many non-empty lines found none."""
    pdf_lines = pdf_page.text.split("\n")
    geoms = [g for g in pdf_page.layout.lines if 0 < g.number <= len(pdf_lines)]
    a = [(n, _key(t)) for n, t in enumerate(txt_lines, 1) if _key(t)]
    b = [(g, _key(pdf_lines[g.number - 1])) for g in geoms]
    b = [(g, k) for g, k in b if k]
    sm = difflib.SequenceMatcher(None, [k for _, k in a], [k for _, k in b], autojunk=False)
    pairs: dict[int, int] = {}
    for i, j, size in sm.get_matching_blocks():
        for d in range(size):
            pairs[i + d] = j + d
    # pair what is left between anchors, in order, when similar
    used = set(pairs.values())
    ai = sorted(pairs)
    bounds = [(-1, -1), *((i, pairs[i]) for i in ai), (len(a), len(b))]
    for (i0, j0), (i1, j1) in itertools.pairwise(bounds):
        j = j0 + 1
        for i in range(i0 + 1, i1):
            while j < j1 and j in used:
                j += 1
            if j < j1 and difflib.SequenceMatcher(None, a[i][1], b[j][1]).ratio() >= SIMILAR:
                pairs[i] = j
                used.add(j)
                j += 1
    # lines moved elsewhere: an exact text seen once among what is left
    left_b = Counter(b[j][1] for j in range(len(b)) if j not in used)
    where = {b[j][1]: j for j in range(len(b)) if j not in used}
    for i in range(len(a)):
        if i not in pairs and left_b.get(a[i][1]) == 1:
            pairs[i] = where[a[i][1]]
    out = {a[i][0]: replace(b[j][0], number=a[i][0]) for i, j in pairs.items()}
    return out, len(a) - len(out)


def with_pdf_beside(raw: RawPage, path: Path) -> RawPage:
    """``raw`` (read from ``path``, a ``.txt``) with the geometry of ``X.pdf`` beside it, if any.

    A PDF that cannot be read leaves the page text-only: the ``.txt`` is the page either way."""
    pdf = next((p for p in (path.with_suffix(".pdf"), path.with_suffix(".PDF")) if p.is_file()), None)
    if pdf is None:
        return raw
    from core.pdf.reader import PdfError, iter_pages

    txt_lines = raw.text.split("\n")
    best: tuple[int, int, PageLayout] | None = None
    try:
        for page in iter_pages(pdf):
            found, unmatched = match_lines(txt_lines, page)
            layout = replace(
                page.layout, lines=tuple(sorted(found.values(), key=lambda g: g.number)), unmatched=unmatched
            )
            if best is None or len(found) > best[0]:
                best = (len(found), unmatched, layout)
    except PdfError:
        return raw
    if best is None or best[0] == 0:
        return raw
    s = raw.source
    return RawPage(SourceInfo(s.name, s.sha256, s.encoding, best[2]), raw.text)
