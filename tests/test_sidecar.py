"""Saving and loading corrections: identity, bad sidecars, stale pages, failed saves, lexicon."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.document import Document
from core.edits import (
    AddEntity,
    EditError,
    RejectEntity,
    RemoveEntity,
    RetypeEntity,
    SetField,
    SetReviewDone,
    SetRole,
    SplitArticle,
)
from core.history import History
from core.loader import RawPage
from core.model import Page
from core.persist import (
    SaveError,
    SidecarError,
    beside,
    open_page,
    save,
    sidecar_path,
    text_sha256,
    workspace_path,
)
from tests.conftest import SAMPLE
from tests.test_document_helpers import SMALL_TEXT, edits, small_page

PER = "e13-15"


def small_parser(raw: RawPage, **_: Any) -> Page:
    assert raw.source.sha256 == small_page().source.sha256
    return small_page()


@pytest.fixture
def small_file(tmp_path: Path) -> Path:
    p = tmp_path / "small.txt"
    p.write_bytes(SMALL_TEXT.encode("utf-8"))
    return p


@pytest.fixture
def sample_file(tmp_path: Path) -> Path:
    p = tmp_path / SAMPLE.name
    shutil.copy(SAMPLE, p)
    return p


def reopen(path: Path) -> Document:
    r = open_page(path, parser=small_parser)
    assert not r.warnings, r.warnings
    return r.document


def test_save_then_load_is_identity(small_file: Path) -> None:
    r = open_page(small_file, parser=small_parser)
    assert r.sidecar_path == beside(small_file) and not r.sidecar_path.exists()
    doc = r.document
    for e in (
        SplitArticle("a1", 5),
        SetRole((2,), "title"),
        SetField("a2", "title", "新"),
        AddEntity(26, 28, "LOC"),
        RejectEntity(PER),
        RemoveEntity("e47-50"),
        SetReviewDone(True),
    ):
        doc.apply(e)
    raw_before = small_file.read_bytes()
    save(doc, r.sidecar_path)
    assert small_file.read_bytes() == raw_before  # the page file is never written
    again = reopen(small_file)
    assert again.page == doc.page and again.review_status == "done"
    data = json.loads(r.sidecar_path.read_text(encoding="utf-8"))
    assert data["format"] == "banmian.corrections" and data["version"] == 2
    assert data["page"]["sha256"] == doc.page.source.sha256
    assert data["page"]["text_sha256"] == text_sha256(doc.page.text) and data["text"] == doc.page.text


def test_untouched_page_stores_no_structure(small_file: Path) -> None:
    r = open_page(small_file, parser=small_parser)
    r.document.apply(AddEntity(26, 28, "LOC"))
    save(r.document, r.sidecar_path)
    data = json.loads(r.sidecar_path.read_text(encoding="utf-8"))
    assert data["structure"] is None and len(data["entities"]) == 1


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_any_edits_save_load_identity(tmp_path: Path, data: st.DataObject) -> None:
    path = tmp_path / "small.txt"
    path.write_bytes(SMALL_TEXT.encode("utf-8"))
    beside(path).unlink(missing_ok=True)
    doc = open_page(path, parser=small_parser).document
    h = History(doc)
    for _ in range(8):
        with contextlib.suppress(EditError):
            h.do(data.draw(edits(doc.page)))
    save(doc, beside(path))
    assert reopen(path).page == doc.page


def test_decisions_survive_a_new_parser(small_file: Path) -> None:
    doc = open_page(small_file, parser=small_parser).document
    doc.apply(RetypeEntity(PER, "ORG"))
    doc.apply(RemoveEntity("e47-50"))
    doc.apply(SetField("a1", "title", "标题"))
    save(doc, beside(small_file))

    def new_parser(raw: RawPage, **_: Any) -> Page:
        old = small_page()
        # a new parser: different article ids, a new suggestion overlapping the editor's decision
        from core.model import Article, Entity

        arts = tuple(Article("b" + a.id, a.blocks) for a in old.articles)
        clash = Entity("e12-14", "LOC", 12, 14, old.text[12:14].strip(), "auto", "rule", 0.9)
        ents = tuple(sorted([e for e in old.entities if e.id != PER] + [clash], key=lambda e: e.start))
        return Page(old.source, old.text, old.lines, arts, old.unassigned, ents)

    again = open_page(small_file, parser=new_parser)
    page = again.document.page
    assert [e.type for e in page.entities if e.start in (12, 13)] == ["ORG"]  # editor wins
    assert all(e.text != "上海" for e in page.entities)  # removed stays removed
    assert page.article("ba1").overrides["title"] == "标题"


def test_corrupt_sidecar_is_set_aside(small_file: Path) -> None:
    side = beside(small_file)
    side.write_text("{not json", encoding="utf-8")
    r = open_page(small_file, parser=small_parser)
    assert r.warnings and "corrupt" in r.warnings[0]
    assert r.document.page == small_page()
    assert r.set_aside is not None and r.set_aside.read_text(encoding="utf-8") == "{not json"
    assert not side.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ({"format": "something.else"}, "not a Banmian corrections file"),
        ({"format": "banmian.corrections", "version": 99}, "version"),
        (
            {
                "format": "banmian.corrections",
                "version": 1,
                "page": {"name": "other.txt", "sha256": "0" * 64},
                **{"review": {"done": False}, "structure": None, "overrides": [], "entities": [], "removed": []},
            },
            "another page",
        ),
        (
            {
                "format": "banmian.corrections",
                "version": 1,
                "page": {"name": "small.txt", "sha256": "SAME"},
                "entities": [{"start": 0, "end": 3}],
            },
            "corrupt",
        ),
    ],
)
def test_bad_sidecars_are_refused(small_file: Path, content: dict[str, Any], message: str) -> None:
    if content.get("page", {}).get("sha256") == "SAME":
        content["page"]["sha256"] = small_page().source.sha256
    beside(small_file).write_text(json.dumps(content), encoding="utf-8")
    with pytest.raises(SidecarError, match=message):
        open_page(small_file, parser=small_parser, strict=True)
    assert beside(small_file).exists()  # strict (export) touches nothing
    r = open_page(small_file, parser=small_parser)
    assert message.split()[0] in r.warnings[0] and r.document.page == small_page()
    assert r.set_aside is not None and json.loads(r.set_aside.read_text(encoding="utf-8")) == content


def test_page_changed_on_disk_moves_corrections_and_keeps_the_old_aside(sample_file: Path) -> None:
    r = open_page(sample_file, entities=False)
    first = r.document.page.articles[0]
    r.document.apply(SetField(first.id, "title", "改"))
    save(r.document, r.sidecar_path)
    saved = r.sidecar_path.read_bytes()
    sample_file.write_bytes(sample_file.read_bytes().replace("习近平".encode(), "某某某".encode()))
    again = open_page(sample_file, entities=False)
    assert "changed since its corrections were saved" in again.warnings[0]
    assert any(a.overrides.get("title") == "改" for a in again.document.page.articles)
    assert again.set_aside is not None and again.set_aside.read_bytes() == saved
    assert r.sidecar_path.read_bytes() == saved  # replaced only by the next save


def test_old_sidecar_on_a_changed_page_is_set_aside(sample_file: Path) -> None:
    """Version 1 kept no text: its decisions cannot be moved, so they are kept aside, not applied."""
    r = open_page(sample_file, entities=False)
    r.document.apply(SetField(r.document.page.articles[0].id, "title", "改"))
    save(r.document, r.sidecar_path)
    data = json.loads(r.sidecar_path.read_text(encoding="utf-8"))
    for key in ("text", "generation"):
        del data[key]
    del data["page"]["text_sha256"], data["page"]["path"]
    data["version"] = 1
    r.sidecar_path.write_text(json.dumps(data), encoding="utf-8")
    sample_file.write_bytes(sample_file.read_bytes().replace("习近平".encode(), "某某某".encode()))
    again = open_page(sample_file, entities=False)
    assert "changed on disk" in again.warnings[0]
    assert again.document.review_status == "auto"
    assert again.set_aside is not None and json.loads(again.set_aside.read_bytes()) == data


def test_failed_save_keeps_the_previous_save(small_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    r = open_page(small_file, parser=small_parser)
    r.document.apply(AddEntity(26, 28, "LOC"))
    saved = save(r.document, r.sidecar_path)
    good = r.sidecar_path.read_bytes()
    r.document.apply(SetReviewDone(True))

    def broken(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(SaveError, match="No space left"):
        save(r.document, r.sidecar_path, origin=saved.origin)
    monkeypatch.undo()
    assert r.sidecar_path.read_bytes() == good
    assert not list(small_file.parent.glob(".*.tmp"))


def test_save_failing_after_the_backup_keeps_save_and_backup(small_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    r = open_page(small_file, parser=small_parser)
    r.document.apply(AddEntity(26, 28, "LOC"))
    saved = save(r.document, r.sidecar_path)
    good = r.sidecar_path.read_bytes()
    r.document.apply(SetReviewDone(True))
    real = os.replace

    def full_disk_for_the_sidecar(src: str, dst: str | Path) -> None:
        if Path(dst) == r.sidecar_path:
            raise OSError(28, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(os, "replace", full_disk_for_the_sidecar)
    with pytest.raises(SaveError, match="No space left"):
        save(r.document, r.sidecar_path, origin=saved.origin)
    monkeypatch.undo()
    assert r.sidecar_path.read_bytes() == good
    assert r.sidecar_path.with_name(r.sidecar_path.name + ".bak").read_bytes() == good
    assert reopen(small_file).review_status == "in_progress"


def test_backup_holds_the_previous_save(small_file: Path) -> None:
    r = open_page(small_file, parser=small_parser)
    r.document.apply(AddEntity(26, 28, "LOC"))
    saved = save(r.document, r.sidecar_path)
    first = r.sidecar_path.read_bytes()
    r.document.apply(SetReviewDone(True))
    save(r.document, r.sidecar_path, origin=saved.origin)
    assert r.sidecar_path.with_name(r.sidecar_path.name + ".bak").read_bytes() == first


def test_read_only_folder_saves_to_the_workspace(small_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == small_file.parent else real(p, mode))
    key = text_sha256(small_page().text)
    assert sidecar_path(small_file, key) == workspace_path(small_file, key)
    r = open_page(small_file, parser=small_parser)
    r.document.apply(AddEntity(26, 28, "LOC"))
    save(r.document, r.sidecar_path)
    assert not beside(small_file).exists()
    assert reopen(small_file).page == r.document.page


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_unwritable_sidecar_folder_falls_back_to_the_workspace(small_file: Path) -> None:
    r = open_page(small_file, parser=small_parser)
    r.document.apply(AddEntity(26, 28, "LOC"))
    saved = save(r.document, r.sidecar_path)
    good = r.sidecar_path.read_bytes()
    r.document.apply(SetReviewDone(True))
    small_file.parent.chmod(0o500)
    try:
        again = save(r.document, r.sidecar_path, origin=saved.origin)
    finally:
        small_file.parent.chmod(0o700)
    assert r.sidecar_path.read_bytes() == good
    assert again.path != r.sidecar_path and "workspace" in again.warnings[-1]
    assert reopen(small_file).review_status == "done"


def test_save_teaches_the_lexicon(small_file: Path, tmp_path: Path) -> None:
    lexicon_mod = pytest.importorskip("core.entities.lexicon")
    lex = lexicon_mod.UserLexicon.load(tmp_path / "lex.json")
    r = open_page(small_file, parser=small_parser)
    doc = r.document
    doc.apply(AddEntity(26, 28, "LOC"))
    doc.apply(RejectEntity(PER))
    saved = save(doc, r.sidecar_path, lexicon=lex)
    assert ("南京", "LOC") in {(e.text, e.type) for e in lex.entries}
    e = doc.entity(PER)
    assert lex.is_rejected("张三", "PER", lexicon_mod.context_of(doc.page.text, e.start, e.end))
    again = lexicon_mod.UserLexicon.load(tmp_path / "lex.json")
    assert ("南京", "LOC") in {(x.text, x.type) for x in again.entries}
    doc.apply(RemoveEntity("e26-28"))
    save(doc, r.sidecar_path, lexicon=lex, origin=saved.origin)
    assert ("南京", "LOC") not in {(x.text, x.type) for x in lex.entries}
