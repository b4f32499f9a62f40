"""Pages from PDF end to end, on PDFs written here with fpdf2: the text is extract_text's, line
boxes belong to their lines, multi-page naming, a .txt with its PDF, the commands, JSON boxes and
ALTO."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

import main
from core.export_alto import NS, alto, to_alto
from core.export_json import page_to_dict, validate
from core.fields import article_fields
from core.loader import PageError, read_page
from core.parse import parse_page
from core.pdf.match import with_pdf_beside
from core.pdf.pages import folder_pages, pages_of, split_ref
from core.pdf.reader import iter_pages
from tests.pdfgen import multi_page, side_by_side, three_column_page

TITLES = [s.headline for s in side_by_side(True)]


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("pdfs")
    return {
        "ruled": three_column_page(d / "ruled.pdf", rules=True),
        "plain": three_column_page(d / "plain.pdf", rules=False),
        "multi": multi_page(d / "issue.pdf"),
    }


def titles(path: Path | str) -> list[str]:
    page = parse_page(read_page(path), entities=False)
    return [article_fields(page.text, page.lines, a).title for a in page.articles]


def test_text_is_exactly_what_extract_text_prints(pdfs: dict[str, Path]) -> None:
    from pdfminer.high_level import extract_text

    for path in pdfs.values():
        assert "".join(p.text for p in iter_pages(path)) == extract_text(str(path))


def test_line_boxes_belong_to_their_lines(pdfs: dict[str, Path]) -> None:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextLine

    (page,) = iter_pages(pdfs["ruled"])
    lines = page.text.split("\n")
    (ltpage,) = extract_pages(str(pdfs["ruled"]))
    printed = {}
    for box in ltpage:
        for ln in getattr(box, "_objs", []):
            if isinstance(ln, LTTextLine):
                printed[round(ln.x0, 1), round(ltpage.height - ln.y1, 1)] = ln.get_text().rstrip("\n")
    assert page.layout.lines
    for g in page.layout.lines:
        assert lines[g.number - 1] == printed[round(g.box.x0, 1), round(g.box.top, 1)]


def test_rules_and_frames_are_read(pdfs: dict[str, Path]) -> None:
    (ruled,) = iter_pages(pdfs["ruled"])
    (plain,) = iter_pages(pdfs["plain"])
    assert ruled.layout.rules and not plain.layout.rules
    assert len(ruled.layout.frames) == 1 == len(plain.layout.frames)  # the photo


@pytest.mark.parametrize("kind", ["ruled", "plain"])
def test_stories_found_with_and_without_rules(pdfs: dict[str, Path], kind: str) -> None:
    page = parse_page(read_page(pdfs[kind]), entities=False)
    got = [article_fields(page.text, page.lines, a) for a in page.articles]
    assert [f.title for f in got] == TITLES
    assert got[1].subtitle == "-- prices hold steady"
    assert got[4].kicker == "Province council"
    assert page.unassigned == ()
    # the wide story under a headline spanning its four columns: six paragraphs, in order
    festival = page.articles[2]
    assert [b.role for b in festival.blocks] == ["title"] + ["body"] * 6
    # the photo story: its caption is a paragraph of its own, then the story
    photo = article_fields(page.text, page.lines, page.articles[3])
    assert photo.text.split("\n")[0].startswith("Pupils plant a garden") and photo.text.split("\n")[0].endswith(
        "(Photo by a reporter)"
    )
    assert len(photo.text.split("\n")) == 2


def test_every_line_in_exactly_one_place(pdfs: dict[str, Path]) -> None:
    for path in (pdfs["ruled"], pdfs["plain"]):
        page = parse_page(read_page(path), entities=False)
        seen = [n for a in page.articles for n in a.lines] + list(page.unassigned)
        assert sorted(seen) == [ln.number for ln in page.lines if not ln.is_blank]


def test_multi_page_naming(pdfs: dict[str, Path]) -> None:
    multi = pdfs["multi"]
    assert [(p.name, stem) for p, stem in pages_of(multi)] == [
        ("issue.pdf#1", "issue-p001"),
        ("issue.pdf#2", "issue-p002"),
        ("issue.pdf#3", "issue-p003"),
    ]
    assert split_ref(multi.with_name("issue.pdf#2")) == (multi, 2)
    assert titles(multi.with_name("issue.pdf#2")) == TITLES
    assert titles(multi.with_name("issue.pdf#3")) == ["Coast highway tunnel"]
    raw = read_page(multi.with_name("issue.pdf#3"))
    assert raw.source.name == "issue.pdf#3" and raw.source.layout is not None
    assert raw.source.layout.page_index == 2
    with pytest.raises(PageError, match=r"has 3 pages; open one of them as issue.pdf#1"):
        read_page(multi)
    with pytest.raises(PageError, match="no page 9"):
        read_page(multi.with_name("issue.pdf#9"))


def test_bad_pdf_is_one_clear_line(tmp_path: Path) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4\nthis is not really a pdf\n")
    with pytest.raises(PageError) as e:
        read_page(bad)
    assert "broken.pdf" in str(e.value) and "\n" not in str(e.value)
    with pytest.raises(PageError, match="no such file"):
        read_page(tmp_path / "missing.pdf")


def test_txt_with_pdf_beside_whose_text_differs(pdfs: dict[str, Path], tmp_path: Path) -> None:
    (page,) = iter_pages(pdfs["plain"])
    text = page.text.replace("Harbour bridge opens", "Harbour bridge opened")
    text = text.replace("Festival\n", "Festival\nA line typed by hand that no PDF has\n", 1)
    txt = tmp_path / "pair.txt"
    txt.write_text(text, encoding="utf-8")
    (tmp_path / "pair.pdf").write_bytes(pdfs["plain"].read_bytes())
    raw = read_page(txt)
    assert raw.text == text  # the .txt is the page
    layout = raw.source.layout
    assert layout is not None and layout.unmatched == 1
    typed = text.split("\n").index("A line typed by hand that no PDF has") + 1
    assert typed not in layout.line_boxes()
    parsed = parse_page(raw, entities=False)
    fields = [article_fields(parsed.text, parsed.lines, a) for a in parsed.articles]
    assert [f.title for f in fields][:3] == ["Harbour bridge opened", "Winter grain market", "Festival"]
    placed = [n for a in parsed.articles for n in a.lines] + list(parsed.unassigned)
    assert typed in placed
    assert sorted(placed) == [ln.number for ln in parsed.lines if not ln.is_blank]
    assert page_to_dict(parsed)["layout"]["unmatched_lines"] == 1


def test_txt_alone_stays_text_only(tmp_path: Path) -> None:
    txt = tmp_path / "alone.txt"
    txt.write_text("本报北京1月1日电 一行。\n", encoding="utf-8")
    raw = read_page(txt)
    assert raw.source.layout is None
    assert with_pdf_beside(raw, txt) is raw


def test_folder_pages_and_names(pdfs: dict[str, Path], tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one.pdf").write_bytes(pdfs["ruled"].read_bytes())
    (folder / "issue.pdf").write_bytes(pdfs["multi"].read_bytes())
    (folder / "pair.pdf").write_bytes(pdfs["plain"].read_bytes())
    (folder / "pair.txt").write_text(next(iter_pages(pdfs["plain"])).text, encoding="utf-8")
    stems = [stem for _, stem in folder_pages(folder)]
    assert stems == ["issue-p001", "issue-p002", "issue-p003", "one", "pair"]


def test_parse_command_on_a_folder_of_pdfs(pdfs: dict[str, Path], tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page-1.pdf").symlink_to(pdfs["ruled"])
    (folder / "page-2.pdf").write_bytes(pdfs["multi"].read_bytes())
    out = tmp_path / "out"
    assert main.main(["parse", str(folder), "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "page-1.json",
        "page-2-p001.json",
        "page-2-p002.json",
        "page-2-p003.json",
    ]
    doc = json.loads((out / "page-1.json").read_text(encoding="utf-8"))
    validate(doc)
    assert [a["title"] for a in doc["articles"]] == TITLES
    assert doc["source"] == {"name": "page-1.pdf", "sha256": doc["source"]["sha256"], "encoding": "pdf"}
    assert doc["text"] == next(iter_pages(pdfs["ruled"])).text
    second = json.loads((out / "page-2-p003.json").read_text(encoding="utf-8"))
    assert second["source"]["name"] == "page-2.pdf#3" and second["layout"]["page"] == 3


def test_multi_page_pdf_needs_an_output_folder(pdfs: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main.main(["parse", str(pdfs["multi"])]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "-o OUTDIR" in err


def test_json_boxes(pdfs: dict[str, Path]) -> None:
    page = parse_page(read_page(pdfs["ruled"]), entities=False)
    doc = page_to_dict(page)
    validate(doc)
    assert doc["layout"]["width"] == 595 and doc["layout"]["origin"] == "top-left"
    boxes = {d["line"]: d["box"] for d in doc["line_boxes"]}
    for ad in doc["articles"]:
        assert ad["boxes"]
        for bd in ad["blocks"]:
            for n in bd["lines"]:  # every line box lies inside one of its block's boxes
                x0, top, x1, bottom = boxes[n]
                assert any(b[0] <= x0 and x1 <= b[2] and b[1] <= top and bottom <= b[3] for b in bd["boxes"])
    festival = doc["articles"][2]
    assert len(festival["boxes"]) == 5  # the headline and the four columns
    text_only = page_to_dict(replace(page, source=replace(page.source, layout=None)))
    assert "layout" not in text_only and "boxes" not in text_only["articles"][0]


def test_alto_structure(pdfs: dict[str, Path]) -> None:
    page = parse_page(read_page(pdfs["ruled"]), entities=False)
    root = ET.fromstring(to_alto(page))
    q = f"{{{NS}}}"
    assert root.tag == f"{q}alto"
    assert root.find(f"{q}Description/{q}MeasurementUnit").text == "inch1200"  # type: ignore[union-attr]
    tags = {t.get("ID"): t for t in root.iter(f"{q}StructureTag")}
    assert [t.get("LABEL") for t in tags.values()] == TITLES
    pg = root.find(f"{q}Layout/{q}Page")
    assert pg is not None and pg.get("WIDTH") == str(round(595 * 1200 / 72))
    lines_seen = []
    for block in root.iter(f"{q}TextBlock"):
        art, role = block.get("TAGREFS", "").split()
        assert art in tags and role.startswith("ROLE_")
        bx, by = int(block.get("HPOS", "")), int(block.get("VPOS", ""))
        for line in block.iter(f"{q}TextLine"):
            assert int(line.get("HPOS", "")) >= bx and int(line.get("VPOS", "")) >= by
            (string,) = line.iter(f"{q}String")
            number = int(line.get("ID", "").removeprefix("LINE_"))
            assert string.get("CONTENT") == page.lines[number - 1].text.strip()
            lines_seen.append(number)
    assert sorted(lines_seen) == sorted(n for a in page.articles for n in a.lines)
    # what METS points at: each article's blocks, in order, are the TextBlocks tagged with it
    written = alto(page)
    assert written.xml == to_alto(page) and set(written.blocks) == {a.id for a in page.articles}
    for a in page.articles:
        tagged = [b.get("ID") for b in root.iter(f"{q}TextBlock") if f"ART_{a.id}" in b.get("TAGREFS", "").split()]
        assert list(written.blocks[a.id]) == tagged and tagged


def test_export_command_alto_and_text_only_refusal(
    pdfs: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "p.alto.xml"
    assert main.main(["export", str(pdfs["ruled"]), "--format", "alto", "-o", str(out)]) == 0
    assert ET.parse(out).getroot().tag == f"{{{NS}}}alto"
    txt = tmp_path / "t.txt"
    txt.write_text("一行。\n", encoding="utf-8")
    assert main.main(["export", str(txt), "--format", "alto"]) == 2
    assert "ALTO needs the page's geometry" in capsys.readouterr().err


def test_corrections_of_a_pdf_page_are_saved_beside_it(pdfs: dict[str, Path], tmp_path: Path) -> None:
    from core import edits
    from core.persist import open_page, save

    (tmp_path / "issue.pdf").write_bytes(pdfs["multi"].read_bytes())
    ref = tmp_path / "issue.pdf#2"
    opened = open_page(ref, entities=False)
    assert opened.sidecar_path == tmp_path / "issue.pdf#2.banmian.json"
    doc = opened.document
    first = doc.page.articles[0]
    doc.apply(edits.SetField(first.id, "title", "Harbour bridge is open"))
    save(doc, opened.sidecar_path)
    again = open_page(ref, entities=False).document.page
    assert article_fields(again.text, again.lines, again.articles[0]).title == "Harbour bridge is open"
    assert again.source.layout is not None  # the geometry comes back with the page
    other = open_page(tmp_path / "issue.pdf#1", entities=False).document.page
    assert article_fields(other.text, other.lines, other.articles[0]).title == "Harbour bridge opens"


def test_first_page_of_what_the_window_opens(pdfs: dict[str, Path]) -> None:
    from core.pdf.pages import first_page

    multi = pdfs["multi"]
    assert first_page(multi) == multi.with_name("issue.pdf#1")
    assert first_page(multi.with_name("issue.pdf#2")) == multi.with_name("issue.pdf#2")
    assert first_page(pdfs["ruled"]) == pdfs["ruled"]


def test_a_fifo_named_like_a_pdf_is_refused_at_once(tmp_path: Path) -> None:
    """Only regular files are read: pdfminer never gets to open (and block on) a FIFO."""
    import os

    from core.pdf.reader import PdfError, iter_pages, page_count

    fifo = tmp_path / "page.pdf"
    os.mkfifo(fifo)
    with pytest.raises(PdfError, match=r"FIFO|fifo|pipe|not a PDF"):
        list(iter_pages(fifo))
    with pytest.raises(PdfError):
        page_count(fifo)
