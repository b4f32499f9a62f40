"""Two sessions saved the same page: a three-way merge of their decisions.

``base`` is the sidecar a session loaded, ``ours`` what it saves now, ``theirs`` what another
session saved meanwhile — all in the same text's coordinates.  Each decision is a keyed value
(an entity by its span, a removal by span and type, an override by line and field, the review
flag, the structure as a whole); where only one side changed it, that side wins; where both
changed it differently, it is a conflict and nothing is merged.  Never silently drops either side.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

_ABSENT = object()


@dataclass(frozen=True, slots=True)
class Merged:
    data: dict[str, Any]
    conflicts: tuple[str, ...]


def _keyed(data: dict[str, Any] | None) -> dict[tuple[object, ...], Any]:
    if data is None:
        return {("review",): False, ("structure",): None}
    out: dict[tuple[object, ...], Any] = {("review",): data["review"]["done"], ("structure",): data["structure"]}
    for e in data["entities"]:
        out["entity", e["start"], e["end"]] = {k: v for k, v in e.items() if v is not None}
    for r in data["removed"]:
        out["removed", r["start"], r["end"], r["type"]] = r
    for o in data["overrides"]:
        out["override", o["line"], o["field"]] = {k: v for k, v in o.items() if k != "article"}
    return out


def merge(base: dict[str, Any] | None, ours: dict[str, Any], theirs: dict[str, Any]) -> Merged:
    b, o, t = _keyed(base), _keyed(ours), _keyed(theirs)
    merged: dict[tuple[object, ...], Any] = {}
    conflicts: list[str] = []
    for key in sorted(b.keys() | o.keys() | t.keys(), key=repr):
        vb, vo, vt = b.get(key, _ABSENT), o.get(key, _ABSENT), t.get(key, _ABSENT)
        if vo == vt or vt == vb:
            v = vo
        elif vo == vb:
            v = vt
        else:
            conflicts.append(_describe(key, vo, vt))
            continue
        if v is not _ABSENT:
            merged[key] = v
    entities = sorted((v for k, v in merged.items() if k[0] == "entity"), key=lambda e: e["start"])
    for prev, nxt in itertools.pairwise(entities):
        if prev["end"] > nxt["start"]:
            conflicts.append(f"“{prev['text']}” and “{nxt['text']}” overlap")
    data = {
        **ours,
        "review": {"done": merged[("review",)]},
        "structure": merged[("structure",)],
        "entities": entities,
        "removed": [v for k, v in merged.items() if k[0] == "removed"],
        "overrides": [v for k, v in merged.items() if k[0] == "override"],
    }
    return Merged(data, tuple(conflicts))


def _describe(key: tuple[object, ...], ours: object, theirs: object) -> str:
    if key[0] == "entity":
        words = next(v["text"] for v in (ours, theirs) if isinstance(v, dict))
        return f"the entity “{words}” was decided differently"
    if key[0] == "override":
        return f"the {key[2]} of line {key[1]} was set differently"
    if key[0] == "removed":
        return f"a {key[3]} suggestion at {key[1]} was removed on one side only"
    return f"the {key[0]} was changed differently"
