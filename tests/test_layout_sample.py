"""The bundled sample page end to end against its gold, scored by the project's measuring stick
(tools/score_page.py, a copy of ../shared/eval/score_page.py)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from core.export_json import page_to_dict, validate
from core.loader import read_page
from core.parse import parse_page
from tests.conftest import ROOT, SAMPLE, SAMPLE_GOLD, SHARED


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"score_page_{path.parent.name}", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def sample_doc() -> dict[str, Any]:
    return page_to_dict(parse_page(read_page(SAMPLE), entities=False))


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SAMPLE_GOLD.read_text(encoding="utf-8"))
    return loaded


def test_sample_against_gold(sample_doc: dict[str, Any], gold: dict[str, Any]) -> None:
    validate(sample_doc)
    res = load_scorer(ROOT / "tools" / "score_page.py").score(gold, sample_doc, sample_doc["text"])
    assert res["articles_exact"] == "6/6", res
    assert res["articles_predicted"] == 6
    assert res["headlines_exact"] == "6/6", res
    assert res["role_accuracy"] >= 0.99, res["role_errors"]
    assert res["nonbody_role_recall"] >= 0.95, res["role_errors"]
    assert res["paragraph_f1"] >= 0.95


def test_sample_fields(sample_doc: dict[str, Any], gold: dict[str, Any]) -> None:
    assert sample_doc["source"]["sha256"] == gold["sha256"]
    for g, p in zip(gold["articles"], sample_doc["articles"], strict=True):
        assert p["lines"] == g["lines"]
        for f in ("title", "kicker", "subtitle", "byline", "dateline"):
            assert "".join(p[f].split()) == "".join(g[f].split()), (g["id"], f)
        starts = [b["lines"][0] for b in p["blocks"] if b["role"] == "body"]
        assert starts == g["paragraph_starts"]
    assert sample_doc["unassigned"] == []


@pytest.mark.shared
def test_bundled_scorer_is_the_shared_one() -> None:
    ours = (ROOT / "tools" / "score_page.py").read_text(encoding="utf-8")
    assert ours == (SHARED / "eval" / "score_page.py").read_text(encoding="utf-8")


@pytest.mark.parametrize("cut", [30, 200])
def test_a_page_opening_inside_a_story_still_reads_headlines_after_stories(gold: dict[str, Any], cut: int) -> None:
    """Drop the first ``cut`` lines: the page now opens mid-story, which says nothing about which
    way round it is; the headlines' words, repeated in the stories above them, still tell."""
    from core.loader import page_from_text

    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    text = "\n".join(lines[cut:])
    kept = []
    for a in gold["articles"]:
        numbers = [n - cut for n in a["lines"] if n > cut]
        if numbers:
            kept.append(set(numbers))
    doc = page_to_dict(parse_page(page_from_text(text), entities=False))
    assert [set(a["lines"]) for a in doc["articles"]] == kept
