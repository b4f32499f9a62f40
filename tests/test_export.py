"""Exports: JSON valid against the schema after any edits, CoNLL/JSONL, and the CLI."""

from __future__ import annotations

import contextlib
import json
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.cli import main
from core.document import Document
from core.edits import AddEntity, EditError, RejectEntity, SetReviewDone
from core.export_formats import page_json, to_conll, to_jsonl
from core.export_json import validate
from core.history import History
from core.persist import beside, open_page, save
from tests.conftest import SAMPLE
from tests.test_document_helpers import edits, small_page

PER = "e13-15"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_json_export_is_valid_after_any_edits(data: st.DataObject) -> None:
    doc = Document(small_page())
    h = History(doc)
    for _ in range(8):
        with contextlib.suppress(EditError):
            h.do(data.draw(edits(doc.page)))
        validate(page_json(doc))
        to_conll(doc.page)
        for line in to_jsonl(doc).splitlines():
            json.loads(line)


def test_json_keeps_rejected_and_review_status() -> None:
    doc = Document(small_page())
    assert page_json(doc)["review"]["status"] == "auto"
    doc.apply(RejectEntity(PER))
    d = page_json(doc)
    assert d["review"]["status"] == "in_progress"
    assert [e["status"] for e in d["articles"][0]["entities"] if e["text"] == "张三"] == ["rejected"]
    doc.apply(SetReviewDone(True))
    assert page_json(doc)["review"]["status"] == "done"


def test_conll_is_bio_without_rejected() -> None:
    doc = Document(small_page())
    doc.apply(AddEntity(26, 28, "LOC"))
    doc.apply(RejectEntity("e17-22"))
    out = to_conll(doc.page, comments=True)
    rows = [ln.split("\t") for ln in out.splitlines() if ln and not ln.startswith(("#", "-DOCSTART-"))]
    assert all(len(r) == 2 and len(r[0]) == 1 for r in rows)
    labels = "".join(ch for ch, _ in rows)
    assert "南京工学院的学生在南京参观。" in labels
    tags = dict(enumerate(rows))
    k = labels.index("在南京") + 1
    assert (tags[k][1], tags[k + 1][1]) == ("B-LOC", "I-LOC")
    assert all(t == "O" for _, t in rows[:5])  # 南京工学院 rejected: plain text
    assert "# article = a1" in out and "# title = 南京新闻" in out
    assert "上\tB-LOC" in out and "海\tI-LOC" in out  # across a line break


def test_jsonl_spans_point_into_text() -> None:
    doc = Document(small_page())
    recs = [json.loads(x) for x in to_jsonl(doc).splitlines()]
    assert [r["id"] for r in recs] == ["a1", "a2"]
    for r in recs:
        for s, e, t in r["spans"]:
            assert any(x["type"] == t and x["text"] == r["text"][s:e] for x in r["entities"])
    assert recs[1]["spans"] == [[recs[1]["text"].index("上海"), recs[1]["text"].index("上海") + 2, "LOC"]]


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "a.txt")
    (folder / "b.txt").write_bytes(b"\x00\x01binary")
    return folder


@pytest.mark.parametrize("fmt", ["json", "conll", "jsonl"])
def test_cli_export_one_page(tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "p.txt"
    shutil.copy(SAMPLE, page)
    r = open_page(page)
    first = r.document.page.entities[0]
    r.document.apply(RejectEntity(first.id))
    save(r.document, r.sidecar_path)
    out = tmp_path / f"out.{fmt}"
    assert main(["export", str(page), "-o", str(out), "--format", fmt]) == 0
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        d = json.loads(text)
        validate(d)
        assert d["review"]["status"] == "in_progress"
        assert any(e["status"] == "rejected" for a in d["articles"] for e in a["entities"])
    elif fmt == "jsonl":
        assert all(json.loads(x)["page"]["name"] == "p.txt" for x in text.splitlines())
    else:
        assert text.startswith("-DOCSTART-")
    assert main(["export", str(page), "--format", fmt]) == 0
    stamp = re.compile(r'"updated": ?"[^"]*"')  # the export time differs between the two runs
    assert stamp.sub("", capsys.readouterr().out) == stamp.sub("", text)


def test_cli_export_folder_with_a_bad_file(pages: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["export", str(pages), "-o", str(out), "--format", "conll"]) == 1
    assert (out / "a.conll").exists() and not (out / "b.conll").exists()
    assert "b.txt" in capsys.readouterr().err
    corpus = tmp_path / "corpus.jsonl"
    assert main(["export", str(pages), "-o", str(corpus), "--format", "jsonl"]) == 1
    assert all(json.loads(x)["page"]["name"] == "a.txt" for x in corpus.read_text("utf-8").splitlines())


def test_cli_export_corrupt_sidecar_fails_and_overwrites_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "p.txt"
    shutil.copy(SAMPLE, page)
    beside(page).write_text("garbage", encoding="utf-8")
    out = tmp_path / "out.json"
    out.write_text("previous", encoding="utf-8")
    assert main(["export", str(page), "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "corrupt" in err[0]
    assert out.read_text(encoding="utf-8") == "previous"
    assert beside(page).read_text(encoding="utf-8") == "garbage"


def test_cli_export_missing_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(tmp_path / "none.txt")]) == 2
    assert "no such file" in capsys.readouterr().err
