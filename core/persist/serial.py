"""A session's decisions as the sidecar's JSON and back, checked in one place.

What is stored is the editor's *decisions*, not the parse, so they are re-applied on top of
whatever the current parser and lexicon suggest and survive both changing:

- ``structure``: the article/block layout and unassigned lines, only once the editor changed
  segmentation, roles or paragraphs (then it wins whole);
- ``overrides``: headline field texts, each tied to its article's first line;
- ``entities``: every entity an editor decided on (confirmed, rejected, added, edited), keyed by
  span and type — it replaces any suggestion overlapping it;  ``removed``: suggestions the editor
  took off, so a re-parse does not bring them back;
- ``review``: whether the editor marked the page done;
- ``text``: the page text the decisions were made on (version 2), so that they can be re-anchored
  when the page changes; ``generation``: how many saves made this file (the concurrent-save check).

Every file read is checked against ``resources/schema/banmian.corrections.schema.json`` (types,
enums, ranges, real booleans, finite numbers) after a depth limit, before anything uses it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from core.document import Document
from core.messages import msg, unreadable
from core.model import ROLES, Article, Block, Entity, Page, entity_id
from core.paths import RESOURCES
from core.persist.paths import text_sha256
from core.textmap import surface

FORMAT = "banmian.corrections"
VERSION = 2
READABLE = (1, 2)
DECIDED = ("confirmed", "rejected", "added", "edited")
MAX_DEPTH = 16
SCHEMA_PATH = RESOURCES / "schema" / "banmian.corrections.schema.json"


class SidecarError(Exception):
    """A sidecar that cannot be used (corrupt, foreign, for another page); one line for the editor."""


# -- decisions → dict ------------------------------------------------------------------------------


def _shape(page: Page) -> tuple[object, ...]:
    return tuple((a.id, a.blocks) for a in page.articles), page.unassigned


def corrections(doc: Document, *, generation: int = 0, page_path: Path | None = None) -> dict[str, Any]:
    """The editor's decisions: the difference between ``doc.page`` and ``doc.base``."""
    page, base = doc.page, doc.base
    structure = None
    if _shape(page) != _shape(base):
        structure = {
            "articles": [
                {"id": a.id, "blocks": [{"role": b.role, "lines": list(b.lines)} for b in a.blocks]}
                for a in page.articles
            ],
            "unassigned": list(page.unassigned),
        }
    overrides = [
        {"article": a.id, "line": a.lines[0], "field": k, "text": v}
        for a in page.articles
        for k, v in sorted(a.overrides.items())
    ]
    kept = {(e.start, e.end, e.type) for e in page.entities}
    info: dict[str, Any] = {
        "name": page.source.name,
        "sha256": page.source.sha256,
        "text_sha256": text_sha256(page.text),
        "encoding": page.source.encoding,
    }
    if page_path is not None:
        info["path"] = str(page_path.resolve())
    return {
        "format": FORMAT,
        "version": VERSION,
        "generation": generation,
        "page": info,
        "saved": datetime.now(UTC).isoformat(timespec="seconds"),
        "review": {"done": doc.review_done},
        "structure": structure,
        "overrides": overrides,
        "entities": [entity_out(e) for e in page.entities if e.status in DECIDED],
        "removed": [
            {"start": e.start, "end": e.end, "type": e.type}
            for e in base.entities
            if (e.start, e.end, e.type) not in kept
        ],
        "text": page.text,
    }


def entity_out(e: Entity) -> dict[str, Any]:
    d: dict[str, Any] = {
        "start": e.start,
        "end": e.end,
        "type": e.type,
        "text": e.text,
        "status": e.status,
        "source": e.source,
        "confidence": e.confidence,
    }
    if e.value is not None:
        d["value"] = e.value
    return d


def dumps(data: dict[str, Any]) -> str:
    """The sidecar's text; a NaN or infinity is a bug here and raises ``ValueError``."""
    return json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False) + "\n"


# -- bytes → checked dict ---------------------------------------------------------------------------


def loads(raw: bytes, name: str) -> dict[str, Any]:
    """Decode and check a sidecar: JSON, depth, format, version, schema; ``SidecarError`` names
    the file and the first problem."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise SidecarError(msg("{name} is corrupt (not UTF-8: byte {at})", name=name, at=e.start)) from None
    if too_deep(text, MAX_DEPTH):
        raise SidecarError(msg("{name} is corrupt (nested deeper than {depth} levels)", name=name, depth=MAX_DEPTH))
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except (ValueError, RecursionError) as e:
        raise SidecarError(msg("{name} is corrupt ({error})", name=name, error=unreadable(e))) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SidecarError(msg("{name} is not a Banmian corrections file", name=name))
    version = data.get("version")
    if type(version) is not int or version not in READABLE:
        raise SidecarError(
            msg(
                "{name} has version {version}; this Banmian reads {readable}",
                name=name,
                version=repr(version),
                readable=", ".join(map(str, READABLE)),
            )
        )
    problem = schema_error(data)
    if problem:
        raise SidecarError(msg("{name}: corrupt corrections: {problem}", name=name, problem=problem))
    return data


def _no_constant(word: str) -> float:
    raise ValueError(msg("{word} is not a number JSON allows", word=word))


def too_deep(text: str, limit: int) -> bool:
    """Nesting deeper than ``limit`` (brackets outside strings): strings removed by one regex,
    then a pass over the brackets alone; linear, no recursion."""
    depth = 0
    for m in _BRACKET.finditer(_STRING.sub('""', text)):
        if m.group() in "[{":
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


@cache
def _schema(types: tuple[str, ...]) -> dict[str, Any]:
    with SCHEMA_PATH.open(encoding="utf-8") as f:
        schema: dict[str, Any] = json.load(f)
    bundled = schema["$defs"]["entityType"]["enum"]
    schema["$defs"]["entityType"]["enum"] = [*bundled, *(t for t in types if t not in bundled)]
    return schema


def _label_names() -> tuple[str, ...]:
    """The bundled entity types plus any the user's label file adds (their sidecars stay valid)."""
    import warnings

    from core.entities.labels import load_labels

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return tuple(lb.name for lb in load_labels())


def schema_error(data: Any) -> str | None:
    """The first schema violation as ``at /path: message``, or None."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(_schema(_label_names()))
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is None:
        return None
    where = "/".join(str(p) for p in error.absolute_path)
    value = repr(error.instance)
    return msg(
        "at /{where}: {value} breaks the format's rule “{rule}”",
        where=where,
        value=value if len(value) <= 60 else value[:59] + "…",
        rule=error.validator,
    )


# -- checked dict → decisions on a page --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Decisions:
    """A sidecar's content, checked against the page it is for."""

    review_done: bool
    structure: tuple[tuple[Article, ...], tuple[int, ...]] | None
    overrides: tuple[tuple[int, str, str], ...]  # (article's first line, field, text)
    entities: tuple[Entity, ...]
    removed: frozenset[tuple[int, int, str]]


def parse_corrections(data: dict[str, Any], page: Page) -> Decisions:
    """A schema-checked sidecar dict against ``page``; ``SidecarError`` (``corrupt …``) if a line
    or span is not on this page or the structure does not cover it."""
    try:
        return _parse(data, page)
    except ValueError as e:
        raise SidecarError(msg("corrupt corrections: {problem}", problem=str(e))) from None


def _parse(data: dict[str, Any], page: Page) -> Decisions:
    n_lines = len(page.lines)
    structure = None
    if data["structure"] is not None:
        s = data["structure"]
        articles = []
        seen: set[int] = set()
        for a in s["articles"]:
            blocks = []
            for b in a["blocks"]:
                lines = tuple(b["lines"])
                if b["role"] not in ROLES:
                    raise ValueError(msg("bad block in article {id}", id=a["id"]))
                blocks.append(Block(b["role"], lines))
                seen.update(lines)
            articles.append(Article(a["id"], tuple(blocks)))
        unassigned = tuple(s["unassigned"])
        count = sum(len(a.lines) for a in articles) + len(unassigned)
        seen.update(unassigned)
        wanted = {ln.number for ln in page.lines if not ln.is_blank}
        if seen != wanted or count != len(wanted) or len({a.id for a in articles}) != len(articles):
            raise ValueError(msg("the article structure does not cover the page's lines exactly once"))
        structure = (tuple(articles), unassigned)
    overrides = []
    for o in data["overrides"]:
        if not 1 <= o["line"] <= n_lines:
            raise ValueError(msg("override on line {line}, which is not on the page", line=o["line"]))
        overrides.append((o["line"], o["field"], o["text"]))
    entities = []
    last_end = -1
    for d in sorted(data["entities"], key=lambda d: int(d["start"])):
        s_, e_ = d["start"], d["end"]
        if not 0 <= s_ < e_ <= len(page.text) or s_ < last_end:
            raise ValueError(
                msg(
                    "entity {text} at {start}–{end} is outside the page or overlaps another",
                    text=repr(d["text"]),
                    start=s_,
                    end=e_,
                )
            )
        text = surface(page.text, s_, e_)
        if text != d["text"]:
            raise ValueError(msg("entity text {text} is not on the page at {start}", text=repr(d["text"]), start=s_))
        value = d.get("value")
        entities.append(
            Entity(entity_id(s_, e_), d["type"], s_, e_, text, d["status"], d["source"], float(d["confidence"]), value)
        )
        last_end = e_
    removed = frozenset((d["start"], d["end"], d["type"]) for d in data["removed"])
    return Decisions(data["review"]["done"], structure, tuple(overrides), tuple(entities), removed)
