"""tools/layout_kinds.py says what is wrong with a wrong article (written gold and parse)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType


def _tool() -> ModuleType:
    path = Path(__file__).resolve().parent.parent / "tools" / "layout_kinds.py"
    spec = importlib.util.spec_from_file_location("layout_kinds", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GOLD = {
    "articles": [{"id": "1", "lines": [1, 3, 5, 9, 11]}, {"id": "2", "lines": [7, 13]}],
    "line_roles": {"1": "title", "3": "body", "5": "body", "7": "body", "9": "body", "11": "body", "13": "title"},
}


def test_why_wrong_counts_lacking_and_foreign_lines_in_runs() -> None:
    tool = _tool()
    text_lines = {1, 3, 5, 7, 9, 11, 13}
    pred = {"articles": [{"lines": [3, 5, 7, 9]}, {"lines": [1, 11, 13]}]}
    assert tool.why_wrong(GOLD, "1", pred, text_lines) == (
        "lacks 2 lines in 2 runs (1 headline); holds 1 lines of others in 1 runs"
    )
    exact = {"articles": [{"lines": [1, 3, 5, 9, 11]}, {"lines": [7, 13]}]}
    assert tool.why_wrong(GOLD, "1", exact, text_lines) == "headline fields"
    assert tool.why_wrong(GOLD, "2", {"articles": [{"lines": [1]}]}, text_lines) == "not found"
