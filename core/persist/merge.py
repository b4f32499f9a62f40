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

from core.messages import msg, word

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
            conflicts.append(msg("“{first}” and “{second}” overlap", first=prev["text"], second=nxt["text"]))
    data = {
        **ours,
        # a conflict on the review flag or the structure leaves it out of ``merged`` (and the data unused)
        "review": {"done": merged.get(("review",), False)},
        "structure": merged.get(("structure",)),
        "entities": entities,
        "removed": [v for k, v in merged.items() if k[0] == "removed"],
        "overrides": [v for k, v in merged.items() if k[0] == "override"],
    }
    return Merged(data, tuple(conflicts))


def _describe(key: tuple[object, ...], ours: object, theirs: object) -> str:
    if key[0] == "entity":
        words = next(v["text"] for v in (ours, theirs) if isinstance(v, dict))
        return msg("the entity “{text}” was decided differently", text=words)
    if key[0] == "override":
        return msg("the {field} of line {line} was set differently", field=word(str(key[2])), line=key[1])
    if key[0] == "removed":
        return msg("a {type} suggestion at {at} was removed on one side only", type=key[3], at=key[1])
    return msg("the {what} was changed differently", what=word(str(key[0])))
