"""METS with ALTO for an issue whose pages come from a PDF: what libraries and digitisation
programmes ingest.

Each page gets an ALTO file: one ``TextBlock`` per article part (and per run of lines in no
article), one ``TextLine`` with one ``String`` per printed line, at the line's place on the PDF
page (``core.issue.pdfpages`` kept the boxes).  The METS file lists the ALTO files, the pages in
a physical structure map, and each story as a logical ``article`` division whose areas point at
its ALTO blocks across pages (``BETYPE="IDREF"``), continued stories included.  The METS schema
ships in ``resources/schema`` and the export is checked against it in the tests.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

from core.document import Document
from core.fields import article_fields
from core.issue.jumps import Story
from core.issue.pdfpages import PageGeometry
from core.issue.source import Issue
from core.model import Page

METS_NS = "http://www.loc.gov/METS/"
XLINK_NS = "http://www.w3.org/1999/xlink"
MODS_NS = "http://www.loc.gov/mods/v3"
ALTO_NS = "http://www.loc.gov/standards/alto/ns-v4#"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
ALTO_LOCATION = "http://www.loc.gov/standards/alto/ns-v4# http://www.loc.gov/alto/v4/alto-4-2.xsd"
UNIT = 1200 / 72  # PDF points → ALTO inch1200

ET.register_namespace("mets", METS_NS)
ET.register_namespace("xlink", XLINK_NS)
ET.register_namespace("mods", MODS_NS)
ET.register_namespace("xsi", XSI_NS)
ET.register_namespace("alto", ALTO_NS)


def _m(tag: str) -> str:
    return f"{{{METS_NS}}}{tag}"


def _a(tag: str) -> str:
    return f"{{{ALTO_NS}}}{tag}"


def page_id(label: str) -> str:
    return "P" + "".join(ch if ch.isalnum() else "_" for ch in label)


def block_id(label: str, article_id: str) -> str:
    return f"{page_id(label)}_{article_id}"


def alto_name(index: int, issue: Issue) -> str:
    return f"alto/{issue.pages[index].path.stem}.xml"


def _box(x: float, y: float, w: float, h: float) -> dict[str, str]:
    return {
        "HPOS": f"{x * UNIT:.0f}",
        "VPOS": f"{y * UNIT:.0f}",
        "WIDTH": f"{w * UNIT:.0f}",
        "HEIGHT": f"{h * UNIT:.0f}",
    }


def alto_page(issue: Issue, index: int, page: Page, geometry: PageGeometry) -> str:
    """The ALTO v4 file of one page."""
    label = issue.pages[index].label
    root = ET.Element(_a("alto"), {f"{{{XSI_NS}}}schemaLocation": ALTO_LOCATION, "SCHEMAVERSION": "4.2"})
    desc = ET.SubElement(root, _a("Description"))
    ET.SubElement(desc, _a("MeasurementUnit")).text = "inch1200"
    info = ET.SubElement(desc, _a("sourceImageInformation"))
    ET.SubElement(info, _a("fileName")).text = issue.source.name
    proc = ET.SubElement(desc, _a("Processing"), {"ID": "BANMIAN"})
    ET.SubElement(proc, _a("processingDateTime")).text = datetime.now(UTC).isoformat(timespec="seconds")
    soft = ET.SubElement(proc, _a("processingSoftware"))
    ET.SubElement(soft, _a("softwareName")).text = "Banmian"
    layout = ET.SubElement(root, _a("Layout"))
    number = issue.pages[index].pdf_page or index + 1
    pg = ET.SubElement(
        layout,
        _a("Page"),
        {
            "ID": page_id(label),
            "PHYSICAL_IMG_NR": str(number),
            "PRINTED_IMG_NR": label,
            "WIDTH": f"{geometry.width * UNIT:.0f}",
            "HEIGHT": f"{geometry.height * UNIT:.0f}",
        },
    )
    space = ET.SubElement(pg, _a("PrintSpace"), _box(0, 0, geometry.width, geometry.height))
    groups: list[tuple[str, Sequence[int]]] = [(block_id(label, a.id), a.lines) for a in page.articles]
    run: list[int] = []
    for n in page.unassigned:
        if run and n != run[-1] + 1:
            groups.append((block_id(label, f"u{run[0]}"), run))
            run = []
        run.append(n)
    if run:
        groups.append((block_id(label, f"u{run[0]}"), run))
    for bid, lines in groups:
        boxes = [geometry.boxes[n] for n in lines if n in geometry.boxes]
        if not boxes:
            continue
        x0 = min(b.x for b in boxes)
        y0 = min(b.y for b in boxes)
        x1 = max(b.x + b.width for b in boxes)
        y1 = max(b.y + b.height for b in boxes)
        block = ET.SubElement(space, _a("TextBlock"), {"ID": bid, **_box(x0, y0, x1 - x0, y1 - y0)})
        for b in boxes:
            text = " ".join(page.lines[b.line - 1].text.split())
            tl = ET.SubElement(
                block, _a("TextLine"), {"ID": f"{page_id(label)}_L{b.line}", **_box(b.x, b.y, b.width, b.height)}
            )
            ET.SubElement(
                tl,
                _a("String"),
                {"ID": f"{page_id(label)}_S{b.line}", "CONTENT": text, **_box(b.x, b.y, b.width, b.height)},
            )
    ET.indent(root)
    # ElementTree cannot write a default namespace with plain attribute names: write the prefix,
    # then drop it (text and attribute values are escaped, so "<alto:" only occurs in tags)
    out = ET.tostring(root, encoding="unicode")
    out = out.replace("<alto:", "<").replace("</alto:", "</").replace("xmlns:alto=", "xmlns=")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + out + "\n"


def mets(
    issue: Issue,
    docs: Mapping[int, Document],
    stories: Sequence[Story],
    alto_blocks: Mapping[int, set[str]],
    pdf_href: str,
) -> str:
    """The METS file; ``alto_blocks``: page index → the ALTO block ids written for it (areas
    point only at blocks that exist)."""
    root = ET.Element(_m("mets"), {"OBJID": issue.source.stem, "TYPE": "Newspaper", "LABEL": issue.name})
    hdr = ET.SubElement(root, _m("metsHdr"), {"CREATEDATE": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S")})
    agent = ET.SubElement(hdr, _m("agent"), {"ROLE": "CREATOR", "TYPE": "OTHER", "OTHERTYPE": "SOFTWARE"})
    ET.SubElement(agent, _m("name")).text = "Banmian"
    dmd = ET.SubElement(root, _m("dmdSec"), {"ID": "DMD_ISSUE"})
    wrap = ET.SubElement(dmd, _m("mdWrap"), {"MDTYPE": "MODS"})
    mods = ET.SubElement(ET.SubElement(wrap, _m("xmlData")), f"{{{MODS_NS}}}mods")
    ET.SubElement(ET.SubElement(mods, f"{{{MODS_NS}}}titleInfo"), f"{{{MODS_NS}}}title").text = issue.source.stem
    if issue.date:
        origin = ET.SubElement(mods, f"{{{MODS_NS}}}originInfo")
        ET.SubElement(origin, f"{{{MODS_NS}}}dateIssued", {"encoding": "iso8601"}).text = issue.date

    files = ET.SubElement(root, _m("fileSec"))
    master = ET.SubElement(files, _m("fileGrp"), {"USE": "MASTER"})
    f = ET.SubElement(master, _m("file"), {"ID": "FILE_PDF", "MIMETYPE": "application/pdf"})
    ET.SubElement(f, _m("FLocat"), {"LOCTYPE": "URL", f"{{{XLINK_NS}}}href": pdf_href})
    text_grp = ET.SubElement(files, _m("fileGrp"), {"USE": "FULLTEXT"})
    for i in sorted(alto_blocks):
        f = ET.SubElement(text_grp, _m("file"), {"ID": f"ALTO_{page_id(issue.pages[i].label)}", "MIMETYPE": "text/xml"})
        ET.SubElement(f, _m("FLocat"), {"LOCTYPE": "URL", f"{{{XLINK_NS}}}href": alto_name(i, issue)})

    phys = ET.SubElement(root, _m("structMap"), {"TYPE": "PHYSICAL"})
    seq = ET.SubElement(phys, _m("div"), {"ID": "PHYS_0000", "TYPE": "physSequence"})
    for i in sorted(alto_blocks):
        p = issue.pages[i]
        div = ET.SubElement(
            seq,
            _m("div"),
            {"ID": f"PHYS_{page_id(p.label)}", "TYPE": "page", "ORDER": str(i + 1), "ORDERLABEL": p.label},
        )
        ET.SubElement(div, _m("fptr"), {"FILEID": f"ALTO_{page_id(p.label)}"})

    logical = ET.SubElement(root, _m("structMap"), {"TYPE": "LOGICAL"})
    top = ET.SubElement(
        logical, _m("div"), {"ID": "LOG_ISSUE", "TYPE": "issue", "DMDID": "DMD_ISSUE", "LABEL": issue.name}
    )
    links: list[tuple[str, str]] = []
    n = 0
    for story in stories:
        parts = [(i, a) for i, a in story.parts if block_id(issue.pages[i].label, a) in alto_blocks.get(i, set())]
        if not parts:
            continue
        n += 1
        first_page = docs[story.parts[0][0]].page
        title = article_fields(first_page.text, first_page.lines, first_page.article(story.parts[0][1])).title
        attrs = {"ID": f"LOG_{n:04d}", "TYPE": "article"}
        if title:
            attrs["LABEL"] = title
        div = ET.SubElement(top, _m("div"), attrs)
        fptr = ET.SubElement(div, _m("fptr"))
        holder = ET.SubElement(fptr, _m("seq"))
        for i, a in parts:
            label = issue.pages[i].label
            ET.SubElement(
                holder, _m("area"), {"FILEID": f"ALTO_{page_id(label)}", "BEGIN": block_id(label, a), "BETYPE": "IDREF"}
            )
            link = (f"LOG_{n:04d}", f"PHYS_{page_id(label)}")
            if link not in links:
                links.append(link)
    if links:
        struct = ET.SubElement(root, _m("structLink"))
        for frm, to in links:
            ET.SubElement(struct, _m("smLink"), {f"{{{XLINK_NS}}}from": frm, f"{{{XLINK_NS}}}to": to})
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def blocks_in(alto: str) -> set[str]:
    """The TextBlock ids an ALTO file holds."""
    root = ET.fromstring(alto)
    return {el.get("ID", "") for el in root.iter(_a("TextBlock"))}
