"""The 17 pdf-dev pages with their PDFs, end to end against their gold (../shared; skipped without).

The gold is a measuring stick here, never data: nothing in the geometric path is derived from it.
Thresholds are the issue's targets: articles and headlines exact ≥ 95 %, paragraph F1 ≥ 0.95, and
≥ 90 % on the five pages without rules.
"""

from __future__ import annotations

import importlib.util
import json
from types import ModuleType
from typing import Any

import pytest

from core.export_json import page_to_dict
from core.loader import read_page
from core.parse import parse_page
from tests.conftest import SHARED

pytestmark = [pytest.mark.shared, pytest.mark.slow]

GOLD = SHARED / "gold" / "pdf-dev"
PAGES = [f"{n:03d}" for n in range(4, 21)]
NO_RULES = ["006", "009", "012", "015", "018"]


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_page", SHARED / "eval" / "score_page.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def results() -> dict[str, dict[str, Any]]:
    score = _scorer()
    out = {}
    for p in PAGES:
        page = parse_page(read_page(GOLD / "pdf" / f"page-{p}.pdf"), entities=False)
        text = (GOLD / f"page-{p}.txt").read_text(encoding="utf-8")
        assert page.text == text  # the page text is the archive's .txt, line for line
        gold = json.loads((GOLD / f"page-{p}.gold.json").read_text(encoding="utf-8"))
        out[p] = score.score(gold, page_to_dict(page), text)
    return out


def _totals(results: dict[str, dict[str, Any]], pages: list[str]) -> tuple[float, float]:
    def share(key: str) -> float:
        got = [tuple(map(int, results[p][key].split("/"))) for p in pages]
        return sum(a for a, _ in got) / sum(b for _, b in got)

    return share("articles_exact"), share("headlines_exact")


@pytest.mark.parametrize("pages, floor", [(PAGES, 0.95), (NO_RULES, 0.90)], ids=["all", "no-rules"])
def test_articles_headlines_paragraphs(results: dict[str, dict[str, Any]], pages: list[str], floor: float) -> None:
    articles, headlines = _totals(results, pages)
    assert articles >= floor
    assert headlines >= floor
    paragraph_f1 = sum(results[p]["paragraph_f1"] for p in pages) / len(pages)
    assert paragraph_f1 >= floor
