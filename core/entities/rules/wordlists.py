"""The entity rules' word lists in ``resources/entities`` (see its README), loaded once each, and
the one reader of every hand-written list (the gazetteer's too)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from core.paths import RESOURCES

WORDLIST_DIR = RESOURCES / "entities"


def entries(path: Path) -> list[str]:
    """The entries of a word list in file order: whitespace-separated, ``#`` lines skipped."""
    out: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            out.extend(line.split())
    return out


@lru_cache(maxsize=64)
def words(name: str) -> frozenset[str]:
    """The entries of ``resources/entities/<name>.txt``."""
    return frozenset(entries(WORDLIST_DIR / f"{name}.txt"))
