"""The parse cache: a hit gives the very page a parse gives; misses, stale and corrupt entries are
parsed again and rewritten; the folder stays under its cap, least recently used out first."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

import main
from core import cache as cache_mod
from core.cache import ParseCache, cached_parse, default_cache, lexicon_fingerprint
from core.entities.lexicon import UserLexicon
from core.loader import page_from_text, read_page
from core.parse import parse_page
from tests.conftest import SAMPLE

TEXT = "本报讯 记者王小明报道：长春市今天召开会议，部署春耕生产工作。\n\n春 耕 有 序\n"


@pytest.fixture
def pc(tmp_path: Path) -> ParseCache:
    return ParseCache(tmp_path / "parse")


def test_miss_then_hit_gives_the_same_page(pc: ParseCache) -> None:
    raw = read_page(SAMPLE)
    first = pc.parse(raw)
    assert (pc.stats.misses, pc.stats.hits) == (1, 0)
    second = pc.parse(raw)
    assert (pc.stats.misses, pc.stats.hits) == (1, 1)
    assert second == first == parse_page(raw)


def test_same_text_in_another_file_shares_the_entry_but_keeps_its_own_source(pc: ParseCache) -> None:
    pc.parse(page_from_text(TEXT, "a.txt"))
    hit = pc.parse(page_from_text(TEXT, "b.txt"))
    assert pc.stats.hits == 1 and hit.source.name == "b.txt"


def test_a_lexicon_change_makes_the_entry_stale(pc: ParseCache, tmp_path: Path) -> None:
    raw = page_from_text(TEXT)
    lex = UserLexicon(tmp_path / "lex.json")
    pc.parse(raw, lexicon=lex)
    lex.learn("春耕生产", "ORG")
    page = pc.parse(raw, lexicon=lex)
    assert pc.stats.stale == 1 and pc.stats.hits == 0
    assert any(e.text == "春耕生产" and e.type == "ORG" for e in page.entities)
    assert pc.parse(raw, lexicon=lex) == page and pc.stats.hits == 1  # rewritten with the new lexicon


def test_a_parser_change_makes_the_entry_stale(pc: ParseCache, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = page_from_text(TEXT)
    pc.parse(raw)
    monkeypatch.setattr(cache_mod, "parser_fingerprint", lambda: "another-parser")
    assert pc.get(raw, None) is None and pc.stats.stale == 1


@pytest.mark.parametrize(
    "damage",
    [
        b"{not json",
        b"\xff\xfe\x00",
        b'{"format": "banmian.parse-cache", "version": 1}',
        "entities-out-of-range",
        "lines-out-of-range",
    ],
)
def test_a_corrupt_entry_is_ignored_deleted_and_rebuilt(pc: ParseCache, damage: bytes | str) -> None:
    raw = page_from_text(TEXT)
    good = pc.parse(raw)
    path = pc.path_for(raw.text, True)
    if isinstance(damage, bytes):
        path.write_bytes(damage)
    else:
        data = json.loads(path.read_text(encoding="utf-8"))
        if damage == "entities-out-of-range":
            data["page"]["entities"][0][2] = 10_000
        else:
            data["page"]["articles"][0][1][0][1] = [999]
        path.write_text(json.dumps(data), encoding="utf-8")
    assert pc.get(raw, None) is None and pc.stats.corrupt == 1 and not path.exists()
    assert pc.parse(raw) == good and path.exists()


def test_an_entry_for_other_text_is_not_used(pc: ParseCache) -> None:
    a, b = page_from_text(TEXT), page_from_text(TEXT + "又一行。\n")
    pc.parse(a)
    target = pc.path_for(b.text, True)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(pc.path_for(a.text, True), target)
    assert pc.get(b, None) is None and pc.stats.corrupt == 1


def test_layout_only_parses_have_their_own_entries(pc: ParseCache) -> None:
    raw = page_from_text(TEXT)
    assert pc.parse(raw, entities=False).entities == ()
    assert pc.parse(raw).entities != ()
    assert pc.stats.misses == 2


def test_eviction_drops_least_recently_used_first(tmp_path: Path) -> None:
    pc = ParseCache(tmp_path / "parse")
    raws = [page_from_text(TEXT + f"第{i}行。\n") for i in range(6)]
    for i, raw in enumerate(raws):
        pc.parse(raw, entities=False)
        os.utime(pc.path_for(raw.text, False), (1000 + i, 1000 + i))
    pc.get(raws[0], None, entities=False)  # used now: the newest
    size = sum(p.stat().st_size for p in (tmp_path / "parse").rglob("*.json"))
    pc.max_bytes = size * 2 // 3
    assert pc.evict() >= 2
    left = {r.text for r in raws if pc.path_for(r.text, False).exists()}
    assert raws[0].text in left and raws[1].text not in left and raws[2].text not in left
    assert sum(p.stat().st_size for p in (tmp_path / "parse").rglob("*.json")) <= pc.max_bytes


def test_lexicon_fingerprint_ignores_order(tmp_path: Path) -> None:
    a, b = UserLexicon(tmp_path / "a"), UserLexicon(tmp_path / "b")
    a.learn("张甲", "PER")
    a.learn("乙县", "LOC")
    b.learn("乙县", "LOC")
    b.learn("张甲", "PER")
    assert lexicon_fingerprint(a) == lexicon_fingerprint(b) != lexicon_fingerprint(None)
    assert lexicon_fingerprint(UserLexicon(tmp_path / "empty")) == lexicon_fingerprint(None)


def test_export_after_parse_comes_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BANMIAN_CACHE_DIR", str(tmp_path / "cache"))
    src = tmp_path / "pages"
    src.mkdir()
    shutil.copy(SAMPLE, src / "a.txt")
    assert main.main(["parse", str(src), "-o", str(tmp_path / "p"), "-j", "1"]) == 0
    before = default_cache().stats.hits
    assert main.main(["export", str(src), "-o", str(tmp_path / "e"), "-j", "1"]) == 0
    assert default_cache().stats.hits == before + 1
    assert cached_parse(read_page(src / "a.txt")) == parse_page(read_page(src / "a.txt"))


def test_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BANMIAN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("BANMIAN_PARSE_CACHE", "0")
    cached_parse(page_from_text(TEXT))
    assert not (tmp_path / "cache" / "parse").exists()


def test_reopening_a_page_comes_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from core.persist import open_page

    monkeypatch.setenv("BANMIAN_CACHE_DIR", str(tmp_path / "cache"))
    page = tmp_path / "a.txt"
    page.write_text(TEXT, encoding="utf-8")
    first = open_page(page).document.page
    hits = default_cache().stats.hits
    assert open_page(page).document.page == first
    assert default_cache().stats.hits == hits + 1


def test_a_page_with_pdf_geometry_never_shares_the_entry_of_its_bare_text(pc: ParseCache, tmp_path: Path) -> None:
    """The same text read from its PDF is segmented from the geometry: a text-only parse cached
    first must not be served for it (nor the other way round)."""
    pytest.importorskip("fpdf")
    from tests.pdfgen import three_column_page

    pdf = three_column_page(tmp_path / "page.pdf", rules=True)
    with_geometry = read_page(pdf)
    assert with_geometry.source.layout is not None
    bare = page_from_text(with_geometry.text, "page.txt")
    text_only = pc.parse(bare)
    from_pdf = pc.parse(with_geometry)
    assert pc.stats.hits == 0 and from_pdf == parse_page(with_geometry)
    assert pc.parse(with_geometry) == from_pdf and pc.parse(bare) == text_only and pc.stats.hits == 2
