"""Test set-up: Qt offscreen before anything loads it, paths to the bundled data and ../shared."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("BANMIAN_VALIDATE", "1")  # batch commands check every output in the tests (core.cli)

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from core.paths import SAMPLE_PAGE  # noqa: E402  (after the repository is on the path)

SAMPLE = SAMPLE_PAGE
SAMPLE_GOLD = ROOT / "tests" / "data" / "gold" / "jilin-2022-04-21-p1.gold.json"
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real user's lexicon, settings or cache from a test."""
    base = tmp_path_factory.getbasetemp() / "userdirs"
    # data (lexicon, workspace) per test: a workspace sidecar is found by the page's content
    monkeypatch.setenv("BANMIAN_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.setenv("BANMIAN_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("BANMIAN_CACHE_DIR", str(base.parent / "cache"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)
        if item.get_closest_marker("shared") and not SHARED.is_dir():
            item.add_marker(pytest.mark.skip(reason="../shared is not beside this clone"))
