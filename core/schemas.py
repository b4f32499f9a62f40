"""The JSON Schemas in ``resources/schema/``, read once and compiled once per process.

fastjsonschema turns a schema into Python code: checking an export or a 20,000-entry lexicon costs
about what ``json.loads`` costs to read it, where interpreting the schema (jsonschema) took 25–30
times longer — so every export and every load can afford to be checked.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any


@cache
def load(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as f:
        loaded: dict[str, Any] = json.load(f)
    return loaded


@cache
def compiled(path: Path) -> Callable[[Any], Any]:
    import fastjsonschema

    check: Callable[[Any], Any] = fastjsonschema.compile(load(path))
    return check
