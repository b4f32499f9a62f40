"""Exporting an issue: the JSONL corpus with continued stories joined, CoNLL read back by a real
reader, per-page JSON, METS (checked against the METS schema) with ALTO from a generated PDF."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import conllu
import pytest
from issue_pages import CJK_FONT, HEADLINES, PDF_PAGES, write_issue, write_pdf

from core.document import Document
from core.edits import RejectEntity
from core.export_alto import NS as ALTO_NS
from core.export_alto import to_alto
from core.export_formats import TRAINING_STATUSES, conll_units, to_conll
from core.export_json import validate
from core.issue.export import export_issue
from core.issue.mets import METS_NS, XLINK_NS
from core.issue.numbering import PageNumber
from core.issue.source import open_issue
from core.issue.workspace import IssueWorkspace
from core.loader import read_page
from core.parse import parse_page
from core.paths import RESOURCES, SAMPLE_PAGE
from main import main

FIELDS = ["form", "ner"]


def read_conll(text: str) -> list[conllu.TokenList]:
    return conllu.parse(text, fields=FIELDS)


def documents(sentences: list[conllu.TokenList]) -> list[list[conllu.TokenList]]:
    """Sentences grouped into documents at each ``-DOCSTART-``."""
    docs: list[list[conllu.TokenList]] = []
    for s in sentences:
        if len(s) == 1 and s[0]["form"] == "-DOCSTART-":
            docs.append([])
        else:
            assert docs, "a sentence before the first -DOCSTART-"
            docs[-1].append(s)
    return docs


def spans(sentences: list[conllu.TokenList]) -> list[tuple[str, str]]:
    """Entity surfaces and types from BIO labels (checking the labels are well formed)."""
    out: list[tuple[str, str]] = []
    for s in sentences:
        current: list[str] = []
        kind = ""
        for tok in [*s, {"form": "", "ner": "O"}]:
            tag = tok["ner"]
            if current and not tag.startswith("I-"):
                out.append(("".join(current), kind))
                current = []
            if tag.startswith("B-"):
                current, kind = [tok["form"]], tag[2:]
            elif tag.startswith("I-"):
                assert current and tag[2:] == kind, f"I- without B- at {tok['form']}"
                current.append(tok["form"])
            else:
                assert tag == "O"
    return out


# -- CoNLL of one page ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample() -> Document:
    return Document(parse_page(read_page(SAMPLE_PAGE)))


def test_conll_holds_every_entity_of_the_sample_headlines_included(sample: Document) -> None:
    sentences = read_conll(to_conll(sample.page))
    docs = documents(sentences)
    assert len(docs) == sum(1 for a in sample.page.articles if conll_units(sample.page, a))
    found = spans([s for d in docs for s in d])
    wanted = [(e.text, e.type) for e in sample.page.entities if e.status in TRAINING_STATUSES]
    assert sorted(found) == sorted(wanted)
    assert ("习近平", "PER") in found
    titles = [d[0] for d in docs]  # each document opens with its headline
    assert "".join(t["form"] for t in titles[0]).startswith("习近平")


def test_conll_comments_only_on_request(sample: Document) -> None:
    plain = to_conll(sample.page)
    assert not any(ln.startswith("#") for ln in plain.splitlines())
    commented = to_conll(sample.page, comments=True)
    sentences = read_conll(commented)
    assert sentences[1].metadata["article"] == sample.page.articles[0].id  # [0] is -DOCSTART-
    assert spans(sentences) == spans(read_conll(plain))


def test_rejected_entities_are_plain_text(sample: Document) -> None:
    doc = Document(sample.page)
    target = next(e for e in doc.page.entities if e.text == "习近平")
    doc.apply(RejectEntity(target.id))
    found = spans(read_conll(to_conll(doc.page)))
    assert found.count(("习近平", "PER")) == sum(
        1 for e in doc.page.entities if e.text == "习近平" and e.status in TRAINING_STATUSES
    )


# -- the issue ----------------------------------------------------------------------------------------


@pytest.fixture
def ws(tmp_path: Path) -> IssueWorkspace:
    w = IssueWorkspace(open_issue(write_issue(tmp_path / "daily-2024-03-15")))
    w.load_all(workers=1)
    return w


def test_corpus_joins_continued_stories(ws: IssueWorkspace, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = export_issue(ws, out, ("jsonl", "json", "conll"))
    assert result.problems == []
    records = [json.loads(x) for x in (out / "corpus.jsonl").read_text("utf-8").splitlines()]
    joined = {r["title"]: r for r in records if r["continued"]}
    assert set(joined) == {"长春全力保障春耕生产", "吉林冰雪旅游持续升温"}
    story = joined["长春全力保障春耕生产"]
    assert story["pages"] == [1, 4] and story["issue"] == {"source": "daily-2024-03-15", "date": "2024-03-15"}
    assert "指导农民科学备耕" in story["text"] and "价格总体平稳" in story["text"]
    for part in story["parts"]:
        assert story["text"][part["start"] : part["end"]]
    for s, e, t in story["spans"]:
        assert any(x["text"] == story["text"][s:e] and x["type"] == t for x in story["entities"])
    assert {e["page"] for e in story["entities"]} == {1, 4}
    # the continuations are not stories of their own
    assert not any(r["title"] in ("保障春耕生产", "冰雪旅游持续升温") for r in records)
    for name in ("p1.json", "p2.json", "p4.json"):
        validate(json.loads((out / "pages" / name).read_text("utf-8")))


def test_issue_conll_has_one_document_per_story(ws: IssueWorkspace, tmp_path: Path) -> None:
    export_issue(ws, tmp_path, ("conll",))
    text = (tmp_path / "corpus.conll").read_text("utf-8")
    docs = documents(read_conll(text))
    documents_ = ws.documents()
    labelled = [
        s
        for s in ws.stories()[0]
        if any(conll_units(documents_[i].page, documents_[i].page.article(a)) for i, a in s.parts)
    ]
    assert len(docs) == len(labelled)
    forms = ["".join("".join(t["form"] for t in s) for s in d) for d in docs]
    spring = next(f for f in forms if f.startswith("长春全力保障春耕生产"))
    assert "价格总体平稳" in spring  # the part on page 4 is in the same document
    assert not any(ln.startswith("#") for ln in text.splitlines())


def test_cli_conll_comments_on_request(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = write_issue(tmp_path / "issue")
    assert main(["export", str(folder / "p1.txt"), "--format", "conll"]) == 0
    plain = capsys.readouterr().out
    assert main(["export", str(folder / "p1.txt"), "--format", "conll", "--comments"]) == 0
    commented = capsys.readouterr().out
    assert "#" not in plain and "# article = a1" in commented
    assert spans(read_conll(plain)) == spans(read_conll(commented))


def test_cli_exports_a_folder_as_an_issue(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = write_issue(tmp_path / "issue")
    out = tmp_path / "out"
    assert main(["export", str(folder), "-o", str(out)]) == 0
    assert {p.name for p in out.iterdir()} == {"corpus.jsonl", "corpus.conll", "pages"}
    assert "2 continued stories" in capsys.readouterr().err
    assert main(["export", str(folder)]) == 2
    assert "-o OUTDIR" in capsys.readouterr().err


def test_cli_issue_export_with_a_corrupt_sidecar_leaves_it_alone(tmp_path: Path) -> None:
    folder = write_issue(tmp_path / "issue")
    bad = folder / "p2.txt.banmian.json"
    bad.write_text("garbage", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["export", str(folder), "-o", str(out)]) == 1
    assert bad.read_text("utf-8") == "garbage"
    assert not (out / "pages" / "p2.json").exists() and (out / "pages" / "p1.json").exists()


# -- a PDF issue: METS with ALTO ------------------------------------------------------------------------


@pytest.fixture
def pdf(tmp_path: Path) -> Path:
    return write_pdf(tmp_path / "daily-2024-03-15.pdf")


def test_the_bundled_test_font_has_a_glyph_for_every_character_of_the_test_pdf() -> None:
    from fontTools.ttLib import TTFont

    cmap = TTFont(CJK_FONT).getBestCmap()
    text = "".join(PDF_PAGES) + "".join(HEADLINES)
    assert sorted({c for c in text if not c.isspace() and ord(c) not in cmap}) == []


def test_pdf_issue_pages_and_links(pdf: Path) -> None:
    issue = open_issue(pdf)
    assert issue.kind == "pdf" and [p.path for p in issue.pages] == [
        pdf.with_name(f"{pdf.name}#{k}") for k in range(1, 5)
    ]
    assert [p.stem for p in issue.pages] == [f"daily-2024-03-15-p{k:03d}" for k in range(1, 5)]
    assert [p.number for p in issue.pages] == [PageNumber(k) for k in range(1, 5)] and issue.date == "2024-03-15"
    assert issue.state_path == pdf.with_name(pdf.name + ".issue.banmian.json")
    before = pdf.read_bytes()
    ws = IssueWorkspace(issue)
    ws.load_all(workers=1)
    assert sorted(pdf.parent.iterdir()) == [pdf]  # nothing extracted beside the PDF
    docs = ws.documents()
    for i, page in enumerate(issue.pages):
        raw = read_page(page.path)  # the page as ``parse X.pdf#k`` reads it: extract_text's text, geometry
        assert docs[i].base.text == raw.text and docs[i].page.source == raw.source
        layout = raw.source.layout
        assert layout is not None and layout.page_index == i and layout.lines
    assert "（下转第四版）" in docs[0].page.text
    assert len([s for s in ws.stories()[0] if len(s.parts) > 1]) == 2
    ws.do(0, RejectEntity(docs[0].page.entities[0].id))
    assert ws.save_page(0) == ()
    assert ws.slots[0].sidecar_path == pdf.with_name(pdf.name + "#1.banmian.json")  # docs/pdf.md
    assert ws.slots[0].sidecar_path.is_file() and pdf.read_bytes() == before


def test_folder_issue_lists_pages_as_parse_dir_does(pdf: Path, tmp_path: Path) -> None:
    folder = write_issue(tmp_path / "daily")
    shutil.copy(pdf, folder / "p1.pdf")  # beside p1.txt: it lends its geometry, it is not more pages
    issue = open_issue(folder)
    assert [(p.path.name, p.stem, p.number.number) for p in issue.pages] == [
        ("p1.txt", "p1", 1),
        ("p2.txt", "p2", 2),
        ("p4.txt", "p4", 4),
    ]
    ws = IssueWorkspace(issue)
    ws.load_all(workers=1)
    layout = ws.documents()[0].page.source.layout
    assert layout is not None and layout.page_index == 0 and ws.documents()[1].page.source.layout is None
    out = tmp_path / "out"
    result = export_issue(ws, out, ("json", "mets"))
    assert [p.name for p in (out / "alto").iterdir()] == ["p1.xml"]
    assert result.problems == [f"{n}: no line geometry; no ALTO for this page" for n in ("p2.txt", "p4.txt")]
    # a folder holding only a multi-page PDF: one page per page reference, numbered from the names
    only = tmp_path / "only"
    only.mkdir()
    shutil.copy(pdf, only / "issue.pdf")
    pages = open_issue(only).pages
    assert [(p.path.name, p.stem, p.number.number) for p in pages] == [
        (f"issue.pdf#{k}", f"issue-p{k:03d}", k) for k in range(1, 5)
    ]


def test_mets_and_alto_of_a_pdf_issue(pdf: Path, tmp_path: Path) -> None:
    import xmlschema

    ws = IssueWorkspace(open_issue(pdf))
    ws.load_all(workers=1)
    out = tmp_path / "out"
    result = export_issue(ws, out)
    assert result.problems == []
    schema = xmlschema.XMLSchema(str(RESOURCES / "schema" / "mets.xsd"))
    schema.validate(str(out / "mets.xml"))
    root = ET.parse(out / "mets.xml").getroot()
    ns = {"m": METS_NS, "a": ALTO_NS}
    files = {
        f.get("ID", ""): f.find("m:FLocat", ns).get(f"{{{XLINK_NS}}}href", "")  # type: ignore[union-attr]
        for f in root.iterfind(".//m:fileGrp[@USE='FULLTEXT']/m:file", ns)
    }
    assert len(files) == 4
    blocks: dict[str, set[str]] = {}
    for fid, href in files.items():
        alto = ET.parse(out / href).getroot()
        assert alto.tag == f"{{{ALTO_NS}}}alto"
        page = alto.find(".//a:Page", ns)
        assert page is not None and int(page.get("WIDTH", "0")) > 0
        for line in alto.iterfind(".//a:TextLine", ns):
            assert int(line.get("WIDTH", "0")) > 0 and line.find("a:String", ns) is not None
        blocks[fid] = {b.get("ID", "") for b in alto.iterfind(".//a:TextBlock", ns)}
    articles = root.findall(".//m:structMap[@TYPE='LOGICAL']//m:div[@TYPE='article']", ns)
    assert articles
    for div in articles:
        for area in div.iterfind(".//m:area", ns):
            assert area.get("BETYPE") == "IDREF" and area.get("BEGIN") in blocks[area.get("FILEID", "")]
    spread = [d for d in articles if len({a.get("FILEID") for a in d.iter(f"{{{METS_NS}}}area")}) > 1]
    assert sorted(d.get("LABEL", "") for d in spread) == ["吉林冰雪旅游持续升温", "长春全力保障春耕生产"]
    physical = root.findall(".//m:structMap[@TYPE='PHYSICAL']//m:div[@TYPE='page']", ns)
    assert [d.get("ORDER") for d in physical] == ["1", "2", "3", "4"]
    assert sorted(files.values()) == [f"alto/daily-2024-03-15-p{k:03d}.xml" for k in range(1, 5)]
    (master,) = root.iterfind(".//m:fileGrp[@USE='MASTER']/m:file/m:FLocat", ns)
    assert master.get(f"{{{XLINK_NS}}}href") == pdf.resolve().as_uri()
    # each ALTO file is the one ``export --format alto`` writes for that page
    for i, doc in ws.documents().items():
        assert (out / f"alto/daily-2024-03-15-p{i + 1:03d}.xml").read_text("utf-8") == to_alto(doc.page)


def test_cli_exports_a_pdf_issue(pdf: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["export", str(pdf), "-o", str(out)]) == 0
    assert (out / "mets.xml").is_file() and len(list((out / "alto").iterdir())) == 4
    assert len((out / "corpus.jsonl").read_text("utf-8").splitlines()) >= 4
