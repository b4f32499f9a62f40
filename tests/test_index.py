"""The searchable corpus: build, search by text and by entity type (the editor's decisions count),
incremental updates, exports as input, and a damaged database refused, then rebuilt on request."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

import main
from core.edits import AddEntity, RejectEntity, RemoveEntity
from core.index import IndexCorrupt, build, search
from core.index.build import page_date
from core.index.search import snippet
from core.index.tokens import phrase_query, spaced
from core.persist import open_page, save
from tests.conftest import ROOT

PAGES = ROOT / "tests" / "pages"
# written for this test: a story whose reporter's name is split by a layout space
STORY = """\
本报讯（记者 赵 铁柱）今天上午，白山市举行冰雪旅游推介会，
介绍今冬新开的三条滑雪线路。

冰 雪 旅 游 迎 来 新 季
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    src = tmp_path / "pages"
    src.mkdir()
    for name in ("headline-first.txt", "long-lines.txt", "briefs.txt"):
        shutil.copy(PAGES / name, src / name)
    (src / "baishan-2023-12-01-p2.txt").write_text(STORY, encoding="utf-8")
    return src


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "corpus.sqlite"


def test_tokens_are_han_characters_and_whole_words() -> None:
    assert spaced("长春市GDP增长5.2%") == "长 春 市 gdp 增 长 5 2"
    assert phrase_query("长春  会议") == '"长 春" AND "会 议"'
    assert phrase_query("，。") is None
    assert page_date("renmin-19980103-04.txt") == "1998-01-03"
    assert page_date("jilin-2022-04-21-p1.txt") == "2022-04-21" and page_date("p123456.txt") == ""


def test_snippet_marks_the_match_across_layout_spaces() -> None:
    assert snippet("记者 赵 铁柱 报道", "赵铁柱") == "记者 【赵 铁柱】 报道"
    assert snippet("甲" * 40 + "乙丙" + "丁" * 40, "乙丙", width=3) == "…甲甲甲【乙丙】丁丁丁…"


def test_build_and_search_by_text(folder: Path, db: Path) -> None:
    report = build(folder, db, jobs=1)
    assert (report.added, report.failed) == (4, [])
    hits = search(db, "滑雪线路")
    assert len(hits) == 1
    h = hits[0]
    assert (h.name, h.date) == ("baishan-2023-12-01-p2.txt", "2023-12-01")
    assert "【滑雪线路】" in h.snippet
    both = search(db, "白山 推介会")  # every part must be in the article
    assert [(x.name, x.article) for x in both] == [(h.name, h.article)] and "【白山】" in both[0].snippet
    assert search(db, "白山 春耕") == []
    assert search(db, "会议")  # two characters inside longer words are found


def test_search_by_entity_type_follows_the_editors_decisions(folder: Path, db: Path) -> None:
    page = folder / "baishan-2023-12-01-p2.txt"
    opened = open_page(page)
    doc = opened.document
    start = doc.page.text.index("赵")
    end = doc.page.text.index("柱") + 1
    for e in [e for e in doc.page.entities if e.start < end and e.end > start]:
        doc.apply(RemoveEntity(e.id))  # whatever the parser made of it, the editor adds it as PER
    doc.apply(AddEntity(start, end, "PER"))
    baishan = doc.page.text.index("白山市")
    place = next((e for e in doc.page.entities if e.start == baishan), None)
    if place is None:
        doc.apply(AddEntity(baishan, baishan + 3, "LOC"))
        place = next(e for e in doc.page.entities if e.start == baishan)
    doc.apply(RejectEntity(place.id))
    save(doc, opened.sidecar_path)
    build(folder, db, jobs=1)
    hits = search(db, "赵铁柱", type_="PER")
    assert [h.name for h in hits] == ["baishan-2023-12-01-p2.txt"] and "【赵铁柱】" in hits[0].snippet
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT status FROM entities WHERE text = '赵铁柱'").fetchall() == [("added",)]
    con.close()
    assert search(db, "赵铁柱", type_="ORG") == []
    assert search(db, "白山市", type_=place.type) == []  # rejected by the editor
    assert search(db, "白山市")  # the text is still there


def test_incremental_update(folder: Path, db: Path) -> None:
    build(folder, db, jobs=1)
    again = build(folder, db, jobs=1)
    assert (again.added, again.updated, again.unchanged, again.removed) == (0, 0, 4, 0)
    (folder / "briefs.txt").unlink()
    story = folder / "baishan-2023-12-01-p2.txt"
    story.write_text(STORY.replace("三条滑雪线路", "五条徒步线路"), encoding="utf-8")
    r = build(folder, db, jobs=1)
    assert (r.added, r.updated, r.unchanged, r.removed) == (0, 1, 2, 1)
    assert search(db, "滑雪线路") == [] and len(search(db, "徒步线路")) == 1
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM pages").fetchone() == (3,)
        orphans = con.execute("SELECT count(*) FROM entities_fts WHERE rowid NOT IN (SELECT id FROM entities)")
        assert orphans.fetchone() == (0,)


def test_an_export_beside_its_page_is_not_a_second_page(folder: Path, db: Path) -> None:
    assert main.main(["parse", str(folder), "-o", str(folder), "-j", "1"]) == 0
    assert build(folder, db, jobs=1).added == 4


def test_index_of_json_exports(folder: Path, tmp_path: Path, db: Path) -> None:
    out = tmp_path / "out"
    assert main.main(["export", str(folder), "-o", str(out), "--format", "json", "-j", "1"]) == 0
    (out / "notes.json").write_text(json.dumps({"hello": 1}), encoding="utf-8")
    report = build(out, db)
    assert report.added == 4 and len(report.failed) == 1 and "notes.json" in report.failed[0]
    assert [h.date for h in search(db, "滑雪")] == ["2023-12-01"]


def test_cli_index_and_search(folder: Path, db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main.main(["index", str(folder), "--db", str(db), "-j", "1"]) == 0
    assert "4 pages added" in capsys.readouterr().err
    assert main.main(["search", "滑雪", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2023-12-01  baishan-2023-12-01-p2.txt  ") and "【滑雪】" in out
    assert main.main(["search", "没有这句话", "--db", str(db)]) == 1


@pytest.mark.parametrize("damage", ["garbage", "foreign", "truncated"])
def test_a_damaged_database_is_refused_then_rebuilt_on_request(
    folder: Path, db: Path, damage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    if damage == "garbage":
        db.write_bytes(b"this is not a database at all" * 100)
    elif damage == "foreign":
        with sqlite3.connect(db) as con:
            con.execute("CREATE TABLE notes(x)")
        con.close()
    else:
        build(folder, db, jobs=1)
        data = db.read_bytes()
        db.write_bytes(data[: len(data) // 2])  # a copy cut short
    before = db.read_bytes()
    with pytest.raises(IndexCorrupt, match="--rebuild"):
        build(folder, db, jobs=1)
    if damage != "truncated":  # (a cut-short file may still answer a query from its first half)
        with pytest.raises(IndexCorrupt, match="--rebuild"):
            search(db, "滑雪")
    assert main.main(["index", str(folder), "--db", str(db), "-j", "1"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("error: ") and "not a usable Banmian index" in err[-1] and "Traceback" not in err[-1]
    assert db.read_bytes() == before
    assert main.main(["index", str(folder), "--db", str(db), "-j", "1", "--rebuild"]) == 0
    assert len(search(db, "滑雪")) == 1
    aside = [p for p in db.parent.iterdir() if p.name.startswith("corpus.sqlite.previous-")]
    assert len(aside) == 1 and aside[0].read_bytes() == before
