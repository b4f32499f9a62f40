"""The hand-written word lists behind the entity rules (``resources/gazetteer``, ``resources/entities``).

A word listed twice is harmless to the loaders (they make sets) but says the list was edited
without looking: the second entry hides where the word really belongs.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from core.entities.rules.wordlists import entries
from core.paths import RESOURCES

_LISTS = sorted(
    p for d in ("gazetteer", "entities") for p in (RESOURCES / d).glob("*.txt") if not p.name.startswith("LICENSE")
)


def test_there_are_lists_to_check() -> None:
    names = {p.name for p in _LISTS}
    assert {"orgs.txt", "org_suffixes.txt", "places.txt", "unit_heads.txt"} <= names


@pytest.mark.parametrize("path", _LISTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_word_is_listed_twice(path: Path) -> None:
    twice = sorted(w for w, n in Counter(entries(path)).items() if n > 1)
    assert twice == [], f"{path.name} lists these more than once: {twice}"


@pytest.mark.parametrize("path", _LISTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_list_is_described_in_its_readme(path: Path) -> None:
    readme = (path.parent / "README.md").read_text(encoding="utf-8")
    assert f"`{path.name}`" in readme  # what it holds, where it comes from, who reads it


def test_the_levels_fused_with_an_office_are_one_character_each() -> None:
    # orgs._fused_admin_office reads the office from the word's second character on (省|农业厅)
    levels = entries(RESOURCES / "entities" / "fused_admin_levels.txt")
    assert levels and all(len(w) == 1 for w in levels), levels
