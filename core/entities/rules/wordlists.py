"""The entity rules' word lists in ``resources/entities`` (see its README), loaded once each."""

from __future__ import annotations

from functools import lru_cache

from core.paths import RESOURCES

WORDLIST_DIR = RESOURCES / "entities"


@lru_cache(maxsize=64)
def words(name: str) -> frozenset[str]:
    """The entries of ``resources/entities/<name>.txt``: whitespace-separated, ``#`` lines skipped."""
    out: list[str] = []
    for line in (WORDLIST_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            out.extend(line.split())
    return frozenset(out)
