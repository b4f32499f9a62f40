"""METS with ALTO for an issue whose pages come from PDF: what libraries and digitisation
programmes ingest.

Each page with geometry gets the ALTO file ``core.export_alto`` writes for any PDF page.  The METS
file lists the PDFs and the ALTO files, the pages in a physical structure map, and each story as a
logical ``article`` division whose areas point at its ALTO text blocks across pages
(``BETYPE="IDREF"``), continued stories included.  The METS schema ships in ``resources/schema``
and the export is checked against it in the tests.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

from core.document import Document
from core.fields import article_fields
from core.issue.jumps import Story
from core.issue.source import Issue

METS_NS = "http://www.loc.gov/METS/"
XLINK_NS = "http://www.w3.org/1999/xlink"
MODS_NS = "http://www.loc.gov/mods/v3"

ET.register_namespace("mets", METS_NS)
ET.register_namespace("xlink", XLINK_NS)
ET.register_namespace("mods", MODS_NS)


def _m(tag: str) -> str:
    return f"{{{METS_NS}}}{tag}"


def page_id(label: str) -> str:
    return "P" + "".join(ch if ch.isalnum() else "_" for ch in label)


def alto_name(index: int, issue: Issue) -> str:
    return f"alto/{issue.pages[index].stem}.xml"


def mets(
    issue: Issue,
    docs: Mapping[int, Document],
    stories: Sequence[Story],
    alto_blocks: Mapping[int, Mapping[str, Sequence[str]]],
    pdf_hrefs: Mapping[int, str],
) -> str:
    """The METS file; ``alto_blocks``: page index → article id → the ALTO ``TextBlock`` ids
    written for it (``core.export_alto.Alto.blocks``), for the pages that have an ALTO file;
    ``pdf_hrefs``: page index → the URL of the PDF it comes from."""
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
    for k, href in enumerate(dict.fromkeys(pdf_hrefs[i] for i in sorted(pdf_hrefs)), 1):
        f = ET.SubElement(master, _m("file"), {"ID": f"FILE_PDF_{k}", "MIMETYPE": "application/pdf"})
        ET.SubElement(f, _m("FLocat"), {"LOCTYPE": "URL", f"{{{XLINK_NS}}}href": href})
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
        parts = [(i, a) for i, a in story.parts if alto_blocks.get(i, {}).get(a)]
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
            for block in alto_blocks[i][a]:
                ET.SubElement(
                    holder, _m("area"), {"FILEID": f"ALTO_{page_id(label)}", "BEGIN": block, "BETYPE": "IDREF"}
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
