"""The banmian.page JSON of ../shared/spec/annotation-json.md, validated against the bundled schema."""

from __future__ import annotations

import bisect
import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from core import schemas
from core.fields import FIELD_NAMES, article_fields, block_text
from core.messages import msg
from core.model import Entity, Page
from core.paths import RESOURCES

FORMAT = "banmian.page"
VERSION = 1
SCHEMA_PATH = RESOURCES / "schema" / "banmian.page.schema.json"


class ExportInvalid(Exception):
    """An export that does not match the schema: a bug, never written to disk."""


def entity_dict(e: Entity) -> dict[str, Any]:
    d: dict[str, Any] = {
        "id": e.id,
        "type": e.type,
        "text": e.text,
        "start": e.start,
        "end": e.end,
        "status": e.status,
        "source": e.source,
        "confidence": round(e.confidence, 3),
    }
    if e.value is not None:
        d["value"] = e.value
    return d


def entities_by_article(page: Page) -> dict[str, list[Entity]]:
    """Each entity goes to the article holding the line its start is on (unassigned: key "")."""
    owner: dict[int, str] = {}
    for a in page.articles:
        for n in a.lines:
            owner[n] = a.id
    starts = [ln.start for ln in page.lines]
    out: dict[str, list[Entity]] = {a.id: [] for a in page.articles}
    out[""] = []
    for e in page.entities:
        number = bisect.bisect_right(starts, e.start)
        out.setdefault(owner.get(number, ""), []).append(e)
    return out


def page_to_dict(page: Page, *, review_status: str = "auto", updated: str | None = None) -> dict[str, Any]:
    by_article = entities_by_article(page)
    articles = []
    for a in page.articles:
        f = article_fields(page.text, page.lines, a)
        d: dict[str, Any] = {"id": a.id, "lines": list(a.lines)}
        for name in FIELD_NAMES:
            d[name] = f.get(name)
        d["dateline_parts"] = f.dateline_parts or {}
        d["blocks"] = [
            {"role": b.role, "lines": list(b.lines), "text": block_text(page.text, page.lines, b)} for b in a.blocks
        ]
        d["text"] = f.text
        d["entities"] = [entity_dict(e) for e in by_article.get(a.id, [])]
        articles.append(d)
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "source": {"name": page.source.name, "sha256": page.source.sha256, "encoding": page.source.encoding},
        "text": page.text,
        "articles": articles,
        "unassigned": list(page.unassigned),
        "unassigned_entities": [entity_dict(e) for e in by_article.get("", [])],
        "review": {"status": review_status, "updated": updated or datetime.now(UTC).isoformat(timespec="seconds")},
    }
    if page.source.layout is not None:  # pages from a PDF: boxes (docs/pdf.md)
        from core.pdf.export import add_geometry

        add_geometry(doc, page)
    return doc


def schema() -> dict[str, Any]:
    return schemas.load(SCHEMA_PATH)


def _validator() -> Callable[[Any], Any]:
    return schemas.compiled(SCHEMA_PATH)


def validate(doc: dict[str, Any]) -> None:
    """Raise ``ExportInvalid`` with the first schema error, if any."""
    import fastjsonschema

    try:
        _validator()(doc)
    except fastjsonschema.JsonSchemaValueException as e:
        where = "/".join(str(p) for p in (e.path or [])[1:])
        raise ExportInvalid(
            msg("export does not match the schema at /{where}: {error}", where=where, error=e.message)
        ) from None


def dumps(doc: dict[str, Any]) -> str:
    """The export's text; a NaN or infinity (invalid JSON) is refused, never written."""
    parts: list[str] = []
    try:
        _indented(doc, "\n", parts)
    except _Unusual:  # anything _indented does not write itself: the json module decides
        try:
            return json.dumps(doc, ensure_ascii=False, indent=1, allow_nan=False) + "\n"
        except ValueError as e:
            raise ExportInvalid(msg("export not written: {error}", error=str(e))) from None
    parts.append("\n")
    return "".join(parts)


def dumps_line(doc: dict[str, Any]) -> str:
    """The export on one line (a JSONL shard of a batch); a NaN or infinity is refused."""
    try:
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n"
    except ValueError as e:
        raise ExportInvalid(msg("export not written: {error}", error=str(e))) from None


class _Unusual(Exception):
    pass


_encode_str: Callable[[str], str] = json.encoder.encode_basestring


def _indented(o: object, newline: str, parts: list[str]) -> None:
    """``json.dumps(o, ensure_ascii=False, indent=1)`` character for character, for the values an
    export holds (str keys; str, int, finite float, bool, None, list, tuple, dict values), written
    into ``parts`` without the json module's chain of generators; ``newline`` is the current
    line break and indent.  Anything else raises ``_Unusual``."""
    if isinstance(o, str):
        parts.append(_encode_str(o))
    elif o is None:
        parts.append("null")
    elif o is True:
        parts.append("true")
    elif o is False:
        parts.append("false")
    elif isinstance(o, int):
        parts.append(int.__repr__(o))
    elif isinstance(o, float):
        if o != o or o in (_INF, -_INF):
            raise _Unusual
        parts.append(float.__repr__(o))
    elif isinstance(o, (list, tuple)):
        if not o:
            parts.append("[]")
            return
        inner = newline + " "
        sep = "[" + inner
        for v in o:
            parts.append(sep)
            _indented(v, inner, parts)
            sep = "," + inner
        parts.append(newline + "]")
    elif isinstance(o, dict):
        if not o:
            parts.append("{}")
            return
        inner = newline + " "
        sep = "{" + inner
        for k, v in o.items():
            if not isinstance(k, str):
                raise _Unusual
            parts.append(sep)
            parts.append(_encode_str(k))
            parts.append(": ")
            _indented(v, inner, parts)
            sep = "," + inner
        parts.append(newline + "}")
    else:
        raise _Unusual


_INF = float("inf")
