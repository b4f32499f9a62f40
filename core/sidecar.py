"""Saving and loading an editor's corrections: ``<page file name>.banmian.json`` beside the page.

What is stored is the editor's *decisions*, not the parse, so they are re-applied on top of
whatever the current parser and lexicon suggest and survive both changing:

- ``structure``: the article/block layout and unassigned lines, only once the editor changed
  segmentation, roles or paragraphs (then it wins whole);
- ``overrides``: headline field texts, each tied to its article's first line;
- ``entities``: every entity an editor decided on (confirmed, rejected, added, edited), keyed by
  span and type — it replaces any suggestion overlapping it;  ``removed``: suggestions the editor
  took off, so a re-parse does not bring them back;
- ``review``: whether the editor marked the page done.

The page's sha256 guards it all: corrections are never applied to other text.  Writes are atomic
(temp file in the same folder, fsync, ``os.replace``) and the previous save stays as ``.bak``.
The page file itself is only ever read.
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from core.atomic import write_atomic as replace_file
from core.document import Document
from core.fields import EDITABLE_FIELDS
from core.loader import read_page
from core.model import ROLES, Article, Block, Entity, Page, entity_id
from core.paths import data_dir
from core.textmap import surface

if TYPE_CHECKING:
    from core.entities.lexicon import UserLexicon

FORMAT = "banmian.corrections"
VERSION = 1
SUFFIX = ".banmian.json"
DECIDED = ("confirmed", "rejected", "added", "edited")
LEARNED = ("confirmed", "added", "edited")


class SidecarError(Exception):
    """A sidecar that cannot be used (corrupt, foreign, for another page); one line for the editor."""


class SaveError(Exception):
    """A save that failed; the previous save is intact.  One line for the editor."""


# -- where ----------------------------------------------------------------------------------------


def beside(page_path: Path) -> Path:
    return page_path.with_name(page_path.name + SUFFIX)


def workspace_path(page_path: Path) -> Path:
    """For pages in read-only folders: keyed by the page's absolute path, so namesakes never clash."""
    key = hashlib.sha1(str(page_path.resolve()).encode("utf-8")).hexdigest()[:12]
    return data_dir() / "workspace" / f"{key}-{page_path.name}{SUFFIX}"


def find_sidecar(page_path: Path) -> Path | None:
    """The existing sidecar of a page: beside it, else in the workspace."""
    for p in (beside(page_path), workspace_path(page_path)):
        if p.is_file():
            return p
    return None


def sidecar_path(page_path: Path) -> Path:
    """Where the next save goes: the existing sidecar, else beside the page if its folder is
    writable, else the workspace."""
    found = find_sidecar(page_path)
    if found is not None:
        return found
    if os.access(page_path.parent, os.W_OK):
        return beside(page_path)
    return workspace_path(page_path)


# -- decisions ↔ dict ---------------------------------------------------------------------------


def _shape(page: Page) -> tuple[object, ...]:
    return tuple((a.id, a.blocks) for a in page.articles), page.unassigned


def corrections(doc: Document) -> dict[str, Any]:
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
    return {
        "format": FORMAT,
        "version": VERSION,
        "page": {"name": page.source.name, "sha256": page.source.sha256, "encoding": page.source.encoding},
        "saved": datetime.now(UTC).isoformat(timespec="seconds"),
        "review": {"done": doc.review_done},
        "structure": structure,
        "overrides": overrides,
        "entities": [_entity_out(e) for e in page.entities if e.status in DECIDED],
        "removed": [
            {"start": e.start, "end": e.end, "type": e.type}
            for e in base.entities
            if (e.start, e.end, e.type) not in kept
        ],
    }


def _entity_out(e: Entity) -> dict[str, Any]:
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


@dataclass(frozen=True, slots=True)
class Decisions:
    """A sidecar's content, checked against the page it is for."""

    review_done: bool
    structure: tuple[tuple[Article, ...], tuple[int, ...]] | None
    overrides: tuple[tuple[int, str, str], ...]  # (article's first line, field, text)
    entities: tuple[Entity, ...]
    removed: frozenset[tuple[int, int, str]]


def parse_corrections(data: Any, page: Page) -> Decisions:
    """Check a sidecar's dict against ``page``; ``SidecarError`` (``corrupt …``) on anything off.

    Format, version and sha256 are checked by the caller (they get their own messages)."""
    try:
        return _parse(data, page)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as e:
        raise SidecarError(f"corrupt corrections: {e or type(e).__name__}") from None


def _parse(data: Any, page: Page) -> Decisions:
    n_lines = len(page.lines)
    structure = None
    if data.get("structure") is not None:
        s = data["structure"]
        articles = []
        seen: set[int] = set()
        for a in s["articles"]:
            blocks = []
            for b in a["blocks"]:
                lines = tuple(int(n) for n in b["lines"])
                if b["role"] not in ROLES or not lines:
                    raise ValueError(f"bad block in article {a['id']}")
                blocks.append(Block(str(b["role"]), lines))
                seen.update(lines)
            if not blocks or not isinstance(a["id"], str):
                raise ValueError("an article without lines")
            articles.append(Article(a["id"], tuple(blocks)))
        unassigned = tuple(int(n) for n in s["unassigned"])
        count = sum(len(a.lines) for a in articles) + len(unassigned)
        seen.update(unassigned)
        wanted = {ln.number for ln in page.lines if not ln.is_blank}
        if seen != wanted or count != len(wanted) or len({a.id for a in articles}) != len(articles):
            raise ValueError("the article structure does not cover the page's lines exactly once")
        structure = (tuple(articles), unassigned)
    overrides = []
    for o in data["overrides"]:
        if o["field"] not in EDITABLE_FIELDS or not 1 <= int(o["line"]) <= n_lines:
            raise ValueError(f"bad override {o!r}")
        overrides.append((int(o["line"]), str(o["field"]), str(o["text"])))
    entities = []
    last_end = -1
    for d in sorted(data["entities"], key=lambda d: int(d["start"])):
        s_, e_ = int(d["start"]), int(d["end"])
        if not 0 <= s_ < e_ <= len(page.text) or s_ < last_end or d["status"] not in DECIDED:
            raise ValueError(f"bad entity {d!r}")
        text = surface(page.text, s_, e_)
        if text != d["text"]:
            raise ValueError(f"entity text {d['text']!r} is not on the page at {s_}")
        value = d.get("value")
        entities.append(
            Entity(
                entity_id(s_, e_),
                str(d["type"]),
                s_,
                e_,
                text,
                str(d["status"]),
                str(d["source"]),
                float(d["confidence"]),
                None if value is None else str(value),
            )
        )
        last_end = e_
    removed = frozenset((int(d["start"]), int(d["end"]), str(d["type"])) for d in data["removed"])
    return Decisions(bool(data["review"]["done"]), structure, tuple(overrides), tuple(entities), removed)


def reapply(page: Page, decisions: Decisions) -> tuple[Page, list[str]]:
    """``page`` (a fresh parse) with the editor's decisions on top; editor always wins."""
    warnings: list[str] = []
    articles, unassigned = decisions.structure or (page.articles, page.unassigned)
    if decisions.structure is not None:
        articles = tuple(Article(a.id, a.blocks) for a in articles)  # overrides come below
    if decisions.overrides:
        out = list(articles)
        for line, name, text in decisions.overrides:
            k = next((i for i, a in enumerate(out) if line in a.lines), None)
            if k is None:
                warnings.append(f"the {name} “{text}” was not applied: line {line} is in no article now")
                continue
            a = out[k]
            out[k] = Article(a.id, a.blocks, MappingProxyType({**a.overrides, name: text}))
        articles = tuple(out)
    kept = [e for e in page.entities if (e.start, e.end, e.type) not in decisions.removed]
    decided = decisions.entities
    if decided:
        spans = sorted((e.start, e.end) for e in decided)

        def clashes(e: Entity) -> bool:
            i = bisect.bisect_left(spans, (e.end, -1))
            return i > 0 and spans[i - 1][1] > e.start

        kept = [e for e in kept if not clashes(e)]
    entities = tuple(sorted([*kept, *decided], key=lambda e: e.start))
    return Page(page.source, page.text, page.lines, articles, unassigned, entities), warnings


# -- files ----------------------------------------------------------------------------------------


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def write_atomic(path: Path, text: str, *, backup: bool = True) -> None:
    """``path`` is always a whole old or a whole new save, even under SIGKILL or power loss
    (``core.atomic``).  The replaced save is kept as ``.bak``."""
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob(f".{path.name}.*.tmp"):  # left by a killed save
        with contextlib.suppress(OSError):
            stale.unlink()
    if backup and path.exists():
        replace_file(path.with_name(path.name + ".bak"), path.read_bytes())
    replace_file(path, text.encode("utf-8"))


def read_sidecar(path: Path, page: Page) -> Decisions:
    """Read and check a sidecar for ``page``; ``SidecarError`` says what is wrong with it."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise SidecarError(f"{path.name}: cannot read: {e.strerror or e}") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        raise SidecarError(f"{path.name} is corrupt (not JSON: {e})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SidecarError(f"{path.name} is not a Banmian corrections file")
    if data.get("version") != VERSION:
        raise SidecarError(f"{path.name} has version {data.get('version')!r}; this Banmian reads {VERSION}")
    info: dict[str, Any] = data["page"] if isinstance(data.get("page"), dict) else {}
    if info.get("sha256") != page.source.sha256:
        if info.get("name") not in (None, page.source.name):
            raise SidecarError(f"{path.name} holds corrections for another page ({info.get('name')})")
        raise StalePage(f"{page.source.name} changed on disk since its corrections were saved")
    try:
        return parse_corrections(data, page)
    except SidecarError as e:
        raise SidecarError(f"{path.name}: {e}") from None


class StalePage(SidecarError):
    """The page's text changed since the corrections were saved: they must not be applied."""


# -- the entry points -----------------------------------------------------------------------------


@dataclass(slots=True)
class OpenResult:
    """A page ready for editing.  ``sidecar_path``: where saves go; ``warnings``: show them;
    ``set_aside``: a sidecar moved out of the way (corrupt, foreign, stale) — never deleted."""

    document: Document
    page_path: Path
    sidecar_path: Path
    warnings: list[str] = field(default_factory=list)
    set_aside: Path | None = None


Parser = Callable[..., Page]


def open_page(
    path: str | Path,
    lexicon: UserLexicon | None = None,
    *,
    strict: bool = False,
    entities: bool = True,
    parser: Parser | None = None,
) -> OpenResult:
    """Parse a page and re-apply its saved corrections (the one entry point for CLI and window).

    ``PageError`` if the page cannot be read.  An unusable sidecar: with ``strict`` (export) a
    ``SidecarError`` and nothing touched; otherwise a warning, the file renamed aside untouched
    and the automatic parse."""
    page_path = Path(path)
    raw = read_page(page_path)
    if parser is None:  # the automatic parse, from the parse cache when it holds it
        from core.cache import cached_parse

        parser = cached_parse
    base = parser(raw, lexicon=lexicon, entities=entities)
    result = OpenResult(Document(base), page_path, sidecar_path(page_path))
    found = find_sidecar(page_path)
    if found is None:
        return result
    try:
        decisions = read_sidecar(found, base)
    except SidecarError as e:
        if strict:
            raise
        kind = "stale" if isinstance(e, StalePage) else "rejected"
        aside = _set_aside(found, kind)
        where = f"kept as {aside.name}" if aside else "left in place (could not rename it)"
        what = "its corrections were not applied" if isinstance(e, StalePage) else "it was not used"
        result.warnings.append(f"{e}; {what}, {where}; the page opens with its automatic parse")
        result.set_aside = aside
        return result
    page, warnings = reapply(base, decisions)
    result.document = Document(page, base=base, review_done=decisions.review_done)
    result.sidecar_path = found
    result.warnings.extend(warnings)
    return result


def _set_aside(path: Path, kind: str) -> Path | None:
    """Rename an unusable sidecar out of the way (never delete an editor's work); None if it cannot."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.{kind}-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.name}.{kind}-{stamp}-{n}")
    try:
        os.replace(path, aside)
    except OSError:
        return None
    return aside


@dataclass(frozen=True, slots=True)
class SaveResult:
    path: Path
    warnings: tuple[str, ...] = ()


def save(doc: Document, target: str | Path, *, lexicon: UserLexicon | None = None) -> SaveResult:
    """Write ``doc``'s corrections to ``target`` (``OpenResult.sidecar_path``) atomically, then
    teach the lexicon.  ``SaveError`` if writing failed (the previous save is intact); a lexicon
    problem is only a warning — the corrections themselves are safe."""
    path = Path(target)
    try:
        previous = _previous_learned(path, doc.page)
        write_atomic(path, dumps(corrections(doc)))
    except OSError as e:
        raise SaveError(f"cannot save corrections to {path}: {e.strerror or e}") from None
    warnings: list[str] = []
    if lexicon is not None:
        try:
            teach(lexicon, doc.page, previous)
        except (OSError, ValueError) as e:
            warnings.append(f"corrections saved, but the lexicon could not be updated: {e}")
    return SaveResult(path, tuple(warnings))


def _previous_learned(path: Path, page: Page) -> set[tuple[str, str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {(str(d["text"]), str(d["type"])) for d in data["entities"] if d["status"] in LEARNED}
    except (OSError, ValueError, KeyError, TypeError):
        return set()


def teach(lexicon: UserLexicon, page: Page, previous: Iterable[tuple[str, str]] = ()) -> None:
    """Confirmed/added/edited entities are learned, rejected ones recorded with their context;
    what an earlier save taught and no entity still says is unlearned."""
    from core.entities.lexicon import context_of

    learned = {(e.text, e.type) for e in page.entities if e.status in LEARNED}
    for text, type_ in set(previous) - learned:
        lexicon.unlearn(text, type_)
    for text, type_ in learned:
        lexicon.learn(text, type_)
    for e in page.entities:
        if e.status == "rejected":
            lexicon.reject(e.text, e.type, context_of(page.text, e.start, e.end))
    lexicon.save()
