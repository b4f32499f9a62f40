"""Fault injection on the persistence of corrections (issue 8, points 2, 4, 5, 8 and 10): two
processes saving one page, pages edited under their corrections, autosaves that cannot be
restored, hostile sidecars, a page folder that became read-only.  Each failed on the build before
``core.persist``."""

from __future__ import annotations

import json
import math
import multiprocessing
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from core.document import Document
from core.edits import AddEntity, EditError, RejectEntity, RetypeEntity, SetField, SetReviewDone, SplitArticle
from core.model import Page
from core.persist import SaveError, SidecarError, beside, dumps, open_page, save
from core.persist.lock import PageLock
from core.persist.recovery import autosave, pending, recovery_path, restore
from tests.conftest import SAMPLE
from tests.test_document_helpers import SMALL_TEXT, small_page
from tests.test_sidecar import PER, small_parser

# -- 2. concurrent editors ----------------------------------------------------------------------------

DECISIONS = {
    "add": lambda d: d.apply(AddEntity(26, 28, "LOC")),
    "reject": lambda d: d.apply(RejectEntity(PER)),
    "title": lambda d: d.apply(SetField("a2", "title", "另一个标题")),
    "org": lambda d: d.apply(RetypeEntity(PER, "ORG")),
    "loc": lambda d: d.apply(RetypeEntity(PER, "LOC")),
}


def _editor(folder: str, decision: str, rounds: int, barrier: Any, order: Any, results: Any) -> None:
    """One editing session per round: open, decide, wait for the other, save (in turn, or at once
    when ``order`` is None)."""
    for k in range(rounds):
        page = Path(folder) / f"p{k}.txt"
        r = open_page(page, parser=small_parser)
        DECISIONS[decision](r.document)
        barrier.wait()
        if order is not None:
            order[decision].wait()
        try:
            save(r.document, r.sidecar_path, origin=r.origin)
            results.put((k, decision, "saved"))
        except SaveError as e:
            results.put((k, decision, f"refused: {e}"))
        if order is not None:
            order["done"].set()
        barrier.wait()


def _run_two(tmp_path: Path, first: str, second: str, *, rounds: int, in_turn: bool) -> list[tuple[int, str, str]]:
    for k in range(rounds):
        (tmp_path / f"p{k}.txt").write_bytes(SMALL_TEXT.encode("utf-8"))
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    results = ctx.Queue()
    order = None
    if in_turn:
        go_first, done = ctx.Event(), ctx.Event()
        go_first.set()
        order = {first: go_first, second: done, "done": done}
    procs = [
        ctx.Process(target=_editor, args=(str(tmp_path), name, rounds, barrier, order, results))
        for name in (first, second)
    ]
    for p in procs:
        p.start()
    out = [results.get(timeout=120) for _ in range(2 * rounds)]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    return out


def _decided(page: Path) -> Page:
    r = open_page(page, parser=small_parser)
    assert not r.warnings, r.warnings
    return r.document.page


@pytest.mark.parametrize(("first", "second"), [("add", "reject"), ("reject", "add")])
def test_two_processes_saving_in_turn_keep_both(tmp_path: Path, first: str, second: str) -> None:
    out = _run_two(tmp_path, first, second, rounds=1, in_turn=True)
    assert all(status == "saved" for _, _, status in out), out
    page = _decided(tmp_path / "p0.txt")
    assert {(e.text, e.status) for e in page.entities} >= {("南京", "added"), ("张三", "rejected")}


def test_two_processes_saving_at_once_keep_both(tmp_path: Path) -> None:
    rounds = 6
    out = _run_two(tmp_path, "add", "title", rounds=rounds, in_turn=False)
    assert all(status == "saved" for _, _, status in out), out
    for k in range(rounds):
        page = _decided(tmp_path / f"p{k}.txt")
        assert ("南京", "added") in {(e.text, e.status) for e in page.entities}
        assert page.article("a2").overrides["title"] == "另一个标题"
    assert not list(tmp_path.glob(".*.tmp"))


def test_conflicting_saves_are_refused_and_both_kept(tmp_path: Path) -> None:
    out = _run_two(tmp_path, "org", "loc", rounds=1, in_turn=True)
    assert [s for _, d, s in out if d == "org"] == ["saved"]
    [refusal] = [s for _, d, s in out if d == "loc"]
    assert refusal.startswith("refused") and "conflict" in refusal
    page = _decided(tmp_path / "p0.txt")
    assert [e.type for e in page.entities if e.text == "张三"] == ["ORG"]  # the first save is untouched
    [mine] = tmp_path.glob("p0.txt.banmian.json.conflict.mine-*")
    assert [e["type"] for e in json.loads(mine.read_text(encoding="utf-8"))["entities"]] == ["LOC"]


def test_one_editor_per_page_the_second_is_read_only(tmp_path: Path) -> None:
    page = tmp_path / "small.txt"
    page.write_bytes(SMALL_TEXT.encode("utf-8"))
    link = tmp_path / "link"
    link.symlink_to(tmp_path, target_is_directory=True)
    held = PageLock.acquire(page)
    assert held is not None
    assert PageLock.acquire(link / "small.txt") is None  # the same file by another path
    doc = Document(small_page())
    doc.read_only = "small.txt is open for editing elsewhere"
    with pytest.raises(EditError, match="elsewhere"):
        doc.apply(AddEntity(26, 28, "LOC"))
    with pytest.raises(SaveError, match="elsewhere"):
        save(doc, beside(page))
    held.release()
    again = PageLock.acquire(page)
    assert again is not None and again.held
    again.release()


def test_a_save_touches_only_its_own_and_dead_writers_temp_files(tmp_path: Path) -> None:
    page = tmp_path / "small.txt"
    page.write_bytes(SMALL_TEXT.encode("utf-8"))
    from core.atomic import _HOST

    side = beside(page)
    live = tmp_path / f".{side.name}.{os.getppid()}@{_HOST}.abc.tmp"  # a writer still running
    ctx = multiprocessing.get_context("spawn")
    gone = ctx.Process(target=print)
    gone.start()
    gone.join()
    dead = tmp_path / f".{side.name}.{gone.pid}@{_HOST}.def.tmp"  # a writer killed mid-save
    live.write_text("in flight")
    dead.write_text("left behind")
    r = open_page(page, parser=small_parser)
    r.document.apply(AddEntity(26, 28, "LOC"))
    save(r.document, r.sidecar_path, origin=r.origin)
    assert live.read_text() == "in flight"
    assert not dead.exists()


# -- 4. corrections survive a changed page -----------------------------------------------------------


def _sample(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    p = folder / SAMPLE.name
    shutil.copy(SAMPLE, p)
    return p


def _line_texts(page: Page, numbers: tuple[int, ...]) -> list[str]:
    return [page.line(n).text for n in numbers]


def _decide(path: Path) -> dict[str, Any]:
    """A split, a title override, an added entity and the review flag on the sample page; what
    each looks like on any version of the page (by line text, not number)."""
    r = open_page(path, entities=False)
    doc = r.document
    a2 = doc.page.articles[1]
    body = a2.blocks[2].lines
    split_at = body[len(body) // 2]
    doc.apply(SplitArticle(a2.id, split_at))
    doc.apply(SetField(doc.page.articles[0].id, "title", "改过的标题"))
    line = doc.page.line(body[3])
    doc.apply(AddEntity(line.start + 2, line.start + 5, "LOC"))
    doc.apply(SetReviewDone(True))
    save(doc, r.sidecar_path, origin=r.origin)
    new = doc.page.articles[2]
    return {
        "split": _line_texts(doc.page, new.lines),
        "title_line": doc.page.line(doc.page.articles[0].lines[0]).text,
        "entity": (line.text[2:5], line.text),
        "deletable": body[-2],  # a middle line away from the decisions
    }


def _check(path: Path, want: dict[str, Any], *, moved: bool) -> None:
    r = open_page(path, entities=False)
    page = r.document.page
    assert bool(r.warnings) == moved, r.warnings
    assert not r.lost, r.lost
    assert any(_line_texts(page, a.lines) == want["split"] for a in page.articles)
    [titled] = [a for a in page.articles if a.overrides.get("title") == "改过的标题"]
    assert page.line(titled.lines[0]).text == want["title_line"]
    text, line_text = want["entity"]
    [added] = [e for e in page.entities if e.status == "added"]
    assert added.text == text
    assert page.line(page.text.count("\n", 0, added.start) + 1).text == line_text
    assert r.document.review_done


def _edit(path: Path, change: Any) -> None:
    text = path.read_bytes().decode("utf-8")
    path.write_bytes(change(text))


@pytest.mark.parametrize(
    ("name", "change", "moved"),
    [
        ("insert at top", lambda t: ("号外\n\n" + t).encode("utf-8"), True),
        ("CRLF", lambda t: t.replace("\n", "\r\n").encode("utf-8"), False),
        ("GB18030", lambda t: t.encode("gb18030"), False),
    ],
)
def test_page_edits_under_corrections(tmp_path: Path, name: str, change: Any, moved: bool) -> None:
    path = _sample(tmp_path / "pages")
    want = _decide(path)
    _edit(path, change)
    _check(path, want, moved=moved)
    if moved:  # the old sidecar is kept aside, untouched
        assert list(path.parent.glob(f"{path.name}.banmian.json.before-change-*"))


def test_a_deleted_middle_line_loses_nothing_else(tmp_path: Path) -> None:
    path = _sample(tmp_path / "pages")
    want = _decide(path)
    gone = want.pop("deletable")
    lines = path.read_text(encoding="utf-8").split("\n")
    want["split"].remove(lines[gone - 1])  # the line was in the article split off
    del lines[gone - 1]
    path.write_text("\n".join(lines), encoding="utf-8")
    _check(path, want, moved=True)


def test_what_does_not_anchor_is_listed_and_export_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from core.cli import main

    path = _sample(tmp_path / "pages")
    want = _decide(path)
    _, line_text = want["entity"]
    path.write_text(path.read_text(encoding="utf-8").replace(line_text + "\n", ""), encoding="utf-8")
    r = open_page(path, entities=False, strict=True)
    assert len(r.lost) == 1 and "LOC" in r.lost[0]
    assert main(["export", str(path), "-o", str(tmp_path / "out.json")]) == 0
    err = capsys.readouterr().err
    assert "could not be" in err and want["entity"][0] in err
    exported = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert exported["review"]["status"] == "done"


def test_the_same_page_by_another_path_finds_its_corrections(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A read-only folder keeps the corrections in the workspace; the page reached by a symlinked
    folder, by a second name of the same file (as a bind mount shows it), or copied into a
    writable folder finds them."""
    path = _sample(tmp_path / "ro")
    real_access = os.access
    read_only = {tmp_path / "ro", tmp_path / "mnt"}
    monkeypatch.setattr(os, "access", lambda p, mode: Path(p) not in read_only and real_access(p, mode))
    want = _decide(path)
    assert not beside(path).exists()
    (tmp_path / "link").symlink_to(tmp_path / "ro", target_is_directory=True)
    (tmp_path / "mnt").mkdir()
    os.link(path, tmp_path / "mnt" / path.name)
    copy = _sample(tmp_path / "work")
    for other in (tmp_path / "link" / path.name, tmp_path / "mnt" / path.name, copy):
        _check(other, want, moved=False)


def test_a_page_edited_in_a_read_only_folder_finds_its_workspace_corrections(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _sample(tmp_path / "ro")
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: Path(p) != path.parent and real_access(p, mode))
    want = _decide(path)
    assert not beside(path).exists()
    _edit(path, lambda t: ("号外\n\n" + t).encode("utf-8"))  # its text, and so its content key, changed
    _check(path, want, moved=True)


# -- 5. autosave --------------------------------------------------------------------------------------


def test_an_unrestorable_autosave_is_set_aside_never_overwritten(tmp_path: Path) -> None:
    page = tmp_path / "small.txt"
    page.write_bytes(SMALL_TEXT.encode("utf-8"))
    side = beside(page)
    bad = b'{"format": "banmian.corrections", "version": 7}'
    recovery_path(side).write_bytes(bad)
    found = restore(side, small_page())
    assert found is not None and found.document is None and "could not be restored" in found.warnings[0]
    assert found.set_aside is not None and found.set_aside.read_bytes() == bad
    assert ".unrestorable-" in found.set_aside.name
    doc = Document(small_page())
    doc.apply(AddEntity(26, 28, "LOC"))
    assert autosave(doc, side, clean=False) == recovery_path(side)
    assert autosave(doc, side, clean=True) is None  # back at the saved state: no recovery file
    assert not recovery_path(side).exists() and pending(side) is None
    assert found.set_aside.read_bytes() == bad


def test_a_restorable_autosave_is_offered_and_restored(tmp_path: Path) -> None:
    page = tmp_path / "small.txt"
    page.write_bytes(SMALL_TEXT.encode("utf-8"))
    doc = Document(small_page())
    doc.apply(RejectEntity(PER))
    autosave(doc, beside(page), clean=False)
    found = restore(beside(page), small_page())
    assert found is not None and found.document is not None
    assert found.document.page == doc.page


# -- 8. one schema for the sidecar --------------------------------------------------------------------


def _sidecar(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    page = tmp_path / "small.txt"
    page.write_bytes(SMALL_TEXT.encode("utf-8"))
    r = open_page(page, parser=small_parser)
    r.document.apply(AddEntity(26, 28, "LOC"))
    save(r.document, r.sidecar_path, origin=r.origin)
    return page, json.loads(r.sidecar_path.read_text(encoding="utf-8"))


def _nan(d: dict[str, Any]) -> str:
    return json.dumps(d).replace('"confidence": 1.0', '"confidence": NaN')


@pytest.mark.parametrize(
    ("case", "spoil"),
    [
        ("NaN confidence", _nan),
        ("confidence 5", lambda d: json.dumps({**d, "entities": [{**d["entities"][0], "confidence": 5}]})),
        ('"done": "false"', lambda d: json.dumps({**d, "review": {"done": "false"}})),
        ("version true", lambda d: json.dumps({**d, "version": True})),
        ("unknown type", lambda d: json.dumps({**d, "entities": [{**d["entities"][0], "type": "WEAPON"}]})),
        ("unknown source", lambda d: json.dumps({**d, "entities": [{**d["entities"][0], "source": "magic"}]})),
        (
            "deep nesting",
            lambda d: json.dumps({**d, "saved": None}).replace('"saved": null', '"saved": ' + "[" * 5000 + "]" * 5000),
        ),
    ],
)
def test_hostile_sidecars_are_refused(tmp_path: Path, case: str, spoil: Any) -> None:
    page, data = _sidecar(tmp_path)
    text = spoil(data)
    beside(page).write_text(text, encoding="utf-8")
    with pytest.raises(SidecarError):
        open_page(page, parser=small_parser, strict=True)
    r = open_page(page, parser=small_parser)
    assert r.warnings and r.document.page == small_page()
    assert r.set_aside is not None and r.set_aside.read_text(encoding="utf-8") == text


def test_no_nan_is_ever_written() -> None:
    from core import export_json

    with pytest.raises(export_json.ExportInvalid):
        export_json.dumps({"confidence": math.nan})
    with pytest.raises(ValueError):
        dumps({"confidence": math.inf})


# -- 10. a page folder that became read-only ----------------------------------------------------------


def test_a_sidecar_in_a_folder_that_became_read_only_is_saved_in_the_workspace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    page = tmp_path / "pages" / "small.txt"
    page.parent.mkdir()
    page.write_bytes(SMALL_TEXT.encode("utf-8"))
    r = open_page(page, parser=small_parser)
    r.document.apply(AddEntity(26, 28, "LOC"))
    first = save(r.document, r.sidecar_path, origin=r.origin)
    kept = beside(page).read_bytes()
    real = tempfile.mkstemp

    def read_only_folder(*args: Any, **kwargs: Any) -> tuple[int, str]:  # what EACCES/EROFS look like
        if Path(kwargs.get("dir", "")) == page.parent:
            raise PermissionError(13, "Permission denied")
        return real(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", read_only_folder)
    r.document.apply(SetReviewDone(True))
    again = save(r.document, first.path, origin=first.origin)
    assert again.path != beside(page) and "workspace" in again.warnings[-1]
    assert beside(page).read_bytes() == kept
    reopened = open_page(page, parser=small_parser)
    assert reopened.sidecar_path == again.path and reopened.document.review_done


if sys.platform == "win32":  # flock, symlinks and hard links as POSIX has them
    pytestmark = pytest.mark.skip("POSIX file semantics")
