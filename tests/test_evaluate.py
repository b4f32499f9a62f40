"""``evaluate``: scoring as the shared scorers count, gold from sidecars, the learning curve."""

from __future__ import annotations

import io
import json
import shutil
import sys
from pathlib import Path

import pytest

from core.evaluate.command import EvaluateError, evaluate
from core.evaluate.gold import gold_of_page
from core.evaluate.scoring import entity_counts, page_effort
from core.export_json import page_to_dict
from core.loader import page_from_text, read_page
from core.parse import parse_page
from tests.conftest import ROOT, SAMPLE, SAMPLE_GOLD, SHARED

BRIEFS = ROOT / "tests" / "pages" / "briefs.txt"

PAGE_ONE = "星火读书会举办春季活动\n本报讯 星火读书会日前在四平市举办春季活动，\n吸引了许多市民参加。\n"
PAGE_TWO = "读书活动受欢迎\n本报讯 记者从四平市获悉，星火读书会本月\n还将举办两场讲座。\n"


def _gold_file(folder: Path, name: str, text: str, add: list[tuple[str, str]]) -> None:
    """A page and its gold: our parse's entities plus the mentions in ``add`` (text, type)."""
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    page = parse_page(read_page(folder / f"{name}.txt"))
    gold = gold_of_page(page)
    for word, typ in add:
        at = text.index(word)
        art = next(
            a for a in gold["articles"] for ln in a["lines"] if page.lines[ln - 1].start <= at < page.lines[ln - 1].end
        )
        art["entities"].append({"type": typ, "text": word, "raw_start": at, "raw_end": at + len(word)})
    (folder / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")


def test_a_parse_scored_against_itself_needs_no_correction() -> None:
    page = parse_page(read_page(BRIEFS))
    gold = gold_of_page(page)
    pred = page_to_dict(page)
    assert page_effort(gold, pred, page.text).total == 0
    assert all(c.fp == 0 and c.fn == 0 for c in entity_counts(gold, pred, page.text).values())


def test_one_missing_and_one_spurious_mention_are_two_corrections() -> None:
    page = parse_page(read_page(BRIEFS))
    gold = gold_of_page(page)
    ents = gold["articles"][0]["entities"]
    assert ents, "the written page has entities in its first article"
    ents.pop(0)
    at = page.text.index("招聘会")
    ents.append({"type": "ORG", "text": "招聘会", "raw_start": at, "raw_end": at + 3})
    effort = page_effort(gold, page_to_dict(page), page.text)
    assert (effort.segmentation, effort.roles, effort.entities) == (0, 0, 2)


def test_evaluate_prints_pages_and_a_json_summary_last(tmp_path: Path) -> None:
    _gold_file(tmp_path, "p1", PAGE_ONE, [("星火读书会", "ORG")])
    _gold_file(tmp_path, "p2", PAGE_TWO, [("星火读书会", "ORG")])
    out = io.StringIO()
    summary = evaluate(tmp_path, out=out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("p1") and lines[1].startswith("p2")
    last = json.loads(lines[-1])
    assert last == summary
    assert last["pages"] == 2 and last["per_page"] == [1, 1] and last["corrections"] == 2
    assert set(last["f1"]) == {"PER", "LOC", "ORG", "TIME"}


def test_learning_from_the_first_page_helps_the_second(tmp_path: Path) -> None:
    _gold_file(tmp_path, "p1", PAGE_ONE, [("星火读书会", "ORG")])
    _gold_file(tmp_path, "p2", PAGE_TWO, [("星火读书会", "ORG")])
    plain = evaluate(tmp_path, out=io.StringIO())
    learnt = evaluate(tmp_path, learn=True, out=io.StringIO())
    assert plain["per_page"][1] == 1
    assert learnt["per_page"][1] == 0


def test_learning_never_touches_the_users_lexicon(tmp_path: Path) -> None:
    from core.paths import data_dir

    _gold_file(tmp_path, "p1", PAGE_ONE, [("星火读书会", "ORG")])
    _gold_file(tmp_path, "p2", PAGE_TWO, [])
    evaluate(tmp_path, learn=True, out=io.StringIO())
    assert not (data_dir() / "lexicon.json").exists()
    assert not (data_dir() / "tagger").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p1.gold.json", "p1.txt", "p2.gold.json", "p2.txt"]


def test_a_folder_of_corrected_pages_is_its_own_gold(tmp_path: Path) -> None:
    from core.document import Document
    from core.edits.entity import AddEntity
    from core.persist import beside, save

    shutil.copy(BRIEFS, tmp_path / "briefs.txt")
    (tmp_path / "untouched.txt").write_text(PAGE_TWO, encoding="utf-8")  # no sidecar: skipped
    page = parse_page(read_page(tmp_path / "briefs.txt"))
    doc = Document(page)
    at = page.text.index("招聘会")
    doc.apply(AddEntity(at, at + 3, "ORG"))
    save(doc, beside(tmp_path / "briefs.txt"))
    summary = evaluate(tmp_path, out=io.StringIO())
    assert summary["pages"] == 1 and summary["corrections"] == 1


def test_a_folder_without_gold_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "p.txt").write_text(PAGE_ONE, encoding="utf-8")
    with pytest.raises(EvaluateError, match="no page with gold"):
        evaluate(tmp_path, out=io.StringIO())


def test_cli_evaluate_exit_status_and_last_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from core.cli import main

    _gold_file(tmp_path, "p1", PAGE_ONE, [])
    assert main(["evaluate", str(tmp_path)]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[-1])["corrections"] == 0
    assert main(["evaluate", str(tmp_path / "missing")]) == 2


@pytest.mark.shared
def test_scoring_matches_the_shared_scorers_on_the_sample() -> None:
    sys.path.insert(0, str(SHARED / "eval"))
    import effort
    import score_page

    page = parse_page(page_from_text(SAMPLE.read_text(encoding="utf-8")))
    pred = page_to_dict(page)
    gold = json.loads(SAMPLE_GOLD.read_text(encoding="utf-8"))
    text = score_page.load_text(str(SAMPLE))
    ours = entity_counts(gold, pred, text)
    theirs = score_page.score(gold, pred, text)["entities"]
    assert {t: (c.tp, c.fp, c.fn) for t, c in ours.items()} == {
        t: (v["tp"], v["fp"], v["fn"]) for t, v in theirs.items()
    }
    e = page_effort(gold, pred, text)
    assert (e.segmentation, e.roles, e.entities) == effort.page_effort(gold, pred, text)


def test_learning_a_convention_helps_on_strings_never_seen(tmp_path: Path) -> None:
    """Three pages whose gold has no ORG of the form 市X局 teach the class; the fourth page's
    市园林局 (a string no page had) is no longer suggested."""
    texts = [
        "卫生通报\n本报讯 昨天，市卫生局在会上通报了情况。\n",
        "税收数据\n本报讯 市税务局和市统计局今天发布数据。\n",
        "交通现场\n本报讯 市交通局局长王立新到达现场。\n",
        "公园开放\n本报讯 记者昨天获悉，市园林局在北京宣布开放五座公园。\n",
    ]
    for k, text in enumerate(texts, 1):
        (tmp_path / f"p{k}.txt").write_text(text, encoding="utf-8")
        gold = gold_of_page(parse_page(read_page(tmp_path / f"p{k}.txt")))
        for a in gold["articles"]:
            a["entities"] = [e for e in a["entities"] if not (e["type"] == "ORG" and e["text"].startswith("市"))]
        (tmp_path / f"p{k}.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    plain = evaluate(tmp_path, out=io.StringIO())
    learnt = evaluate(tmp_path, learn=True, tagger=False, out=io.StringIO())
    assert plain["per_page"][3] == 1  # 市园林局 to reject
    assert learnt["per_page"][3] == 0


def test_a_pdf_beside_a_gold_page_is_read_as_parse_reads_it(tmp_path: Path) -> None:
    """The pages of a gold folder are parsed with their PDF's geometry when it sits beside them,
    so the learning curve of pages with their PDFs is the one an editor with the PDF sees."""
    pytest.importorskip("fpdf")
    from tests.pdfgen import three_column_page

    pdf = three_column_page(tmp_path / "page.pdf", rules=True)
    (tmp_path / "page.txt").write_text(read_page(pdf).text, encoding="utf-8")
    with_pdf = parse_page(read_page(tmp_path / "page.txt"))
    assert with_pdf.source.layout is not None
    bare = parse_page(page_from_text(with_pdf.text, "page.txt"))
    assert page_to_dict(bare)["articles"] != page_to_dict(with_pdf)["articles"], "the geometry changes the parse"
    (tmp_path / "page.gold.json").write_text(json.dumps(gold_of_page(with_pdf), ensure_ascii=False), encoding="utf-8")
    summary = evaluate(tmp_path, out=io.StringIO())
    assert summary["corrections"] == 0
    (tmp_path / "page.pdf").unlink()
    assert evaluate(tmp_path, out=io.StringIO())["corrections"] > 0
