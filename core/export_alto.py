"""ALTO XML (v4) of a page from a PDF, for digitisation workflows: every block of every article as
a ``TextBlock`` (one per column piece) of ``TextLine``s with their coordinates, tagged with its
article (``StructureTag`` TYPE ``article``) and role (``LayoutTag`` TYPE ``role``).

Coordinates: ALTO's ``inch1200`` unit (1/1200 inch; a PDF point is 1/72 inch, so 50/3 units),
origin at the page's top-left corner as ALTO wants it.  Lines without geometry (a ``.txt`` line
that matched nothing in its PDF) have no place on the page and are left out, as are blank lines.
``alto`` also says which blocks belong to which article: the issue's METS export
(``core.issue.mets``) points its article areas at them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

from core.fields import article_fields
from core.messages import msg
from core.model import Page
from core.pdf.model import Box, LineGeom
from core.pdf.regions import pieces

NS = "http://www.loc.gov/standards/alto/ns-v4#"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{NS} http://www.loc.gov/standards/alto/v4/alto-4-2.xsd"
UNITS_PER_PT = 1200 / 72


class AltoUnavailable(ValueError):
    """The page has no geometry (a text-only page): ALTO needs coordinates."""


def _u(v: float) -> str:
    return f"{v * UNITS_PER_PT:.0f}"


def _place(el: ET.Element, b: Box) -> None:
    el.set("HPOS", _u(b.x0))
    el.set("VPOS", _u(b.top))
    el.set("WIDTH", _u(b.width))
    el.set("HEIGHT", _u(b.height))


def _split(lines: list[LineGeom]) -> list[list[LineGeom]]:
    """Lines of a block grouped by the column piece they stand in."""
    boxes = pieces(lines)
    groups: list[list[LineGeom]] = [[] for _ in boxes]
    k = 0
    for g in lines:
        while k < len(boxes) - 1 and not _inside(g.box, boxes[k]):
            k += 1
        groups[k].append(g)
    return [grp for grp in groups if grp]


def _inside(b: Box, outer: Box) -> bool:
    return (
        outer.x0 <= b.x0 + 0.01
        and b.x1 <= outer.x1 + 0.01
        and outer.top <= b.top + 0.01
        and b.bottom <= outer.bottom + 0.01
    )


@dataclass(frozen=True, slots=True)
class Alto:
    """An ALTO file and, for each article id, the ``TextBlock`` ids written for it in reading
    order (what a METS file points its article areas at)."""

    xml: str
    blocks: Mapping[str, tuple[str, ...]]


def to_alto(page: Page) -> str:
    return alto(page).xml


def alto(page: Page) -> Alto:
    """The ALTO file of a page with geometry; ``AltoUnavailable`` for a text-only page."""
    layout = page.source.layout
    if layout is None:
        raise AltoUnavailable(
            msg("{name}: ALTO needs the page's geometry (open it from its PDF)", name=page.source.name)
        )
    by_number = {g.number: g for g in layout.lines}
    ET.register_namespace("", NS)
    ET.register_namespace("xsi", XSI)
    q = f"{{{NS}}}"
    root = ET.Element(f"{q}alto", {f"{{{XSI}}}schemaLocation": SCHEMA_LOCATION})
    desc = ET.SubElement(root, f"{q}Description")
    ET.SubElement(desc, f"{q}MeasurementUnit").text = "inch1200"
    info = ET.SubElement(desc, f"{q}sourceImageInformation")
    ET.SubElement(info, f"{q}fileName").text = Path(layout.pdf_path).name
    tags = ET.SubElement(root, f"{q}Tags")
    roles = sorted({b.role for a in page.articles for b in a.blocks})
    for role in roles:
        ET.SubElement(tags, f"{q}LayoutTag", {"ID": f"ROLE_{role}", "TYPE": "role", "LABEL": role})
    for a in page.articles:
        title = article_fields(page.text, page.lines, a).title
        ET.SubElement(tags, f"{q}StructureTag", {"ID": f"ART_{a.id}", "TYPE": "article", "LABEL": title or a.id})
    lay = ET.SubElement(root, f"{q}Layout")
    pg = ET.SubElement(
        lay, f"{q}Page", {"ID": f"PAGE_{layout.page_index + 1}", "PHYSICAL_IMG_NR": str(layout.page_index + 1)}
    )
    pg.set("WIDTH", _u(layout.width))
    pg.set("HEIGHT", _u(layout.height))
    space = ET.SubElement(pg, f"{q}PrintSpace")
    _place(space, Box(0.0, 0.0, layout.width, layout.height))

    def block(block_id: str, numbers: list[int], tagrefs: str | None) -> list[str]:
        geoms = [by_number[n] for n in numbers if n in by_number]
        ids = []
        for k, group in enumerate(_split(geoms), 1):
            ids.append(f"{block_id}_{k}")
            el = ET.SubElement(space, f"{q}TextBlock", {"ID": ids[-1]})
            box = group[0].box
            for g in group[1:]:
                box = box.union(g.box)
            _place(el, box)
            if tagrefs:
                el.set("TAGREFS", tagrefs)
            for g in group:
                line_el = ET.SubElement(el, f"{q}TextLine", {"ID": f"LINE_{g.number}"})
                _place(line_el, g.box)
                string = ET.SubElement(line_el, f"{q}String", {"CONTENT": page.lines[g.number - 1].text.strip()})
                _place(string, g.box)
        return ids

    blocks: dict[str, tuple[str, ...]] = {}
    for a in page.articles:
        ids: list[str] = []
        for k, b in enumerate(a.blocks, 1):
            ids += block(f"BLK_{a.id}_{k}", list(b.lines), f"ART_{a.id} ROLE_{b.role}")
        if ids:
            blocks[a.id] = tuple(ids)
    if page.unassigned:
        block("BLK_unassigned", list(page.unassigned), None)
    ET.indent(root, space=" ")
    xml = '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
    return Alto(xml, blocks)
