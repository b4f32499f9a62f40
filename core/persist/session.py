"""The entry points: open a page with its corrections, save them.  The CLI and the window use
only these (and ``core.persist.recovery`` for autosaves).

Opening finds the page's sidecar by content (``core.persist.paths``), checks it, and re-applies
its decisions to the fresh parse; on a changed page they are re-anchored first and what did not
anchor is listed.  Saving checks that the sidecar on disk is still the one the session loaded
(its digest, kept in ``Origin``); when another session saved meanwhile, non-conflicting decisions
are merged and conflicts refuse the save (the session's own decisions are kept in a file aside).
A page whose folder became read-only saves to the workspace instead, and says so.
"""

from __future__ import annotations

import dataclasses
import errno
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.document import Document
from core.loader import read_page
from core.messages import joined, msg, os_reason, unreadable
from core.model import Page
from core.persist import paths
from core.persist.anchor import AnotherText, reanchor
from core.persist.files import digest, folder_lock, read_bytes, set_aside, write_sidecar
from core.persist.learn import previous_learned, teach
from core.persist.merge import merge
from core.persist.reapply import reapply
from core.persist.serial import SidecarError, corrections, dumps, loads, parse_corrections

if TYPE_CHECKING:
    from core.entities.lexicon import UserLexicon


class SaveError(Exception):
    """A save that failed or was refused; the previous save is intact.  One line for the editor."""


class StalePage(SidecarError):
    """The page's text changed and the corrections cannot be moved onto it (an old sidecar
    without its text, or another text altogether): they must not be applied."""


@dataclass(frozen=True, slots=True)
class Origin:
    """What a session loaded: the sidecar's digest (None: there was none) and its decisions in the
    current text's coordinates — the base of the three-way merge at save."""

    digest: str | None = None
    data: dict[str, Any] | None = None
    generation: int = 0
    page: Path | None = None  # the page file the session opened (recorded in the sidecar)


@dataclass(frozen=True, slots=True)
class Loaded:
    """A checked sidecar on a page: its decisions, warnings, and what was not re-applied."""

    data: dict[str, Any]
    origin: Origin
    lost: tuple[str, ...] = ()
    reanchored: bool = False
    unplaced: tuple[int, ...] = ()


# the note on a page whose corrections were moved onto its changed text (the window marks it unsaved)
REANCHORED = "{page} changed since its corrections were saved: they were moved onto the new text"


def load_sidecar(path: Path, page: Page) -> Loaded:
    """Read, check and (if the page changed) re-anchor a sidecar for ``page``.

    ``SidecarError`` (``StalePage`` for a changed page it cannot follow) says what is wrong."""
    raw = read_bytes(path)
    data = loads(raw, path.name)
    origin_digest = digest(raw)
    info = data["page"]
    here = paths.text_sha256(page.text)
    gen = data.get("generation", 0)
    same = info.get("text_sha256") == here if "text_sha256" in info else info["sha256"] == page.source.sha256
    if same or ("text" in data and data["text"] == page.text):
        return Loaded(data, Origin(origin_digest, data, gen))
    if "text" not in data:
        if info["name"] != page.source.name:
            raise SidecarError(
                msg("{name} holds corrections for another page ({page})", name=path.name, page=info["name"])
            )
        raise StalePage(msg("{page} changed on disk since its corrections were saved", page=page.source.name))
    if paths.text_sha256(data["text"]) != info.get("text_sha256", paths.text_sha256(data["text"])):
        raise SidecarError(msg("{name}: corrupt corrections: its text does not match its hash", name=path.name))
    try:
        moved = reanchor(data, page)
    except AnotherText as e:
        raise StalePage(msg("{name} holds corrections for another text ({why})", name=path.name, why=str(e))) from None
    return Loaded(moved.data, Origin(origin_digest, moved.data, gen), moved.lost, True, moved.unplaced)


# -- opening --------------------------------------------------------------------------------------


@dataclass(slots=True)
class OpenResult:
    """A page ready for editing.  ``sidecar_path``: where saves go; ``warnings``: show them;
    ``lost``: decisions that did not anchor on a changed page (also summed up in ``warnings``);
    ``set_aside``: the sidecar kept out of the way (corrupt, foreign, before re-anchoring) —
    never deleted; ``origin``: pass it to ``save``."""

    document: Document
    page_path: Path
    sidecar_path: Path
    warnings: list[str] = field(default_factory=list)
    set_aside: Path | None = None
    lost: tuple[str, ...] = ()
    origin: Origin = field(default_factory=Origin)


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
    and the automatic parse.  A changed page: decisions re-anchored, the rest listed in ``lost``
    (with ``strict`` nothing is written; otherwise the old sidecar is also copied aside)."""
    page_path = Path(path)
    raw = read_page(page_path)
    if parser is None:  # the automatic parse, from the parse cache when it holds it
        from core.cache import cached_parse

        parser = cached_parse
    base = parser(raw, lexicon=lexicon, entities=entities)
    key = paths.text_sha256(base.text)
    found = paths.find_sidecar(page_path, key)  # looked for once: where saves go follows from it
    target = found if found is not None else paths.new_sidecar_path(page_path, key)
    result = OpenResult(Document(base), page_path, target, origin=Origin(page=page_path))
    if found is None:
        return result
    try:
        loaded = load_sidecar(found, base)
        decisions = parse_corrections(loaded.data, base)
    except SidecarError as e:
        if strict:
            raise type(e)(
                str(e) if found.name in str(e) else msg("{name}: {error}", name=found.name, error=str(e))
            ) from None
        stale = isinstance(e, StalePage)
        aside = set_aside(found, "stale" if stale else "rejected")
        where = msg("kept as {name}", name=aside.name) if aside else msg("left in place (could not rename it)")
        what = msg("its corrections were not applied") if stale else msg("it was not used")
        result.warnings.append(
            msg(
                "{error}; {what}, {where}; the page opens with its automatic parse",
                error=str(e),
                what=what,
                where=where,
            )
        )
        result.set_aside = aside
        return result
    page, warnings = reapply(base, decisions)
    result.document = Document(page, base=base, review_done=decisions.review_done)
    result.sidecar_path = found
    result.origin = dataclasses.replace(loaded.origin, page=page_path)
    result.lost = loaded.lost
    if loaded.reanchored:
        notes = [msg(REANCHORED, page=page_path.name)]
        if loaded.lost:
            notes.append(msg("{n} could not be: {lost}", n=len(loaded.lost), lost=joined(loaded.lost)))
        if loaded.unplaced:
            lines = ", ".join(map(str, loaded.unplaced))
            notes.append(msg("new line(s) {lines} are in no article", lines=lines))
        if not strict:
            aside = set_aside(found, "before-change", copy=True)
            result.set_aside = aside
            if aside:
                notes.append(msg("the old corrections are kept as {name}", name=aside.name))
        result.warnings.append(joined(notes))
    result.warnings.extend(warnings)
    return result


# -- saving ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SaveResult:
    """``path``: where the corrections went (the workspace when the page's folder became
    read-only); ``origin``: pass it to the next save; ``document``: when another session's
    decisions were merged in, the session to continue with (its page holds both)."""

    path: Path
    warnings: tuple[str, ...] = ()
    origin: Origin = field(default_factory=Origin)
    document: Document | None = None


_READ_ONLY = (errno.EACCES, errno.EPERM, errno.EROFS)


def save(
    doc: Document,
    target: str | Path,
    *,
    lexicon: UserLexicon | None = None,
    origin: Origin | None = None,
    page_path: str | Path | None = None,
) -> SaveResult:
    """Write ``doc``'s corrections to ``target`` (``OpenResult.sidecar_path``) atomically, then
    teach the lexicon.

    ``origin`` is what the session loaded (``OpenResult.origin``, then each ``SaveResult.origin``);
    if the file on disk is no longer that one, the other session's decisions are merged in, or on
    a conflict the save is refused (``SaveError``) with this session's decisions kept in a
    ``.conflict-…`` file beside it.  ``SaveError`` also if writing failed (the previous save is
    intact); a lexicon problem is only a warning.  ``page_path`` (recorded in the sidecar, so a
    workspace sidecar is found again after the page changed in place) defaults to the page the
    sidecar sits beside, or the one it recorded."""
    if doc.read_only:
        raise SaveError(msg("not saved: {why}", why=doc.read_only))
    path = Path(target)
    origin = origin or Origin()
    warnings: list[str] = []
    try:
        with folder_lock(path.parent):
            previous = previous_learned(path, doc.page)
            page = Path(page_path) if page_path is not None else origin.page or _page_of(path) or _recorded(origin)
            data, merged_doc, gen = _settle(doc, path, origin, page, warnings)
            path = _write(path, data, doc.page.text, page, warnings)
    except OSError as e:
        raise SaveError(msg("cannot save corrections to {path}: {error}", path=path, error=os_reason(e))) from None
    if lexicon is not None:
        try:
            teach(lexicon, (merged_doc or doc).page, previous, base=doc.base)
        except (OSError, ValueError) as e:
            warnings.append(
                msg("corrections saved, but the lexicon could not be updated: {error}", error=unreadable(e))
            )
    new_origin = Origin(digest(path.read_bytes()), data, gen, page)
    return SaveResult(path, tuple(warnings), new_origin, merged_doc)


def _settle(
    doc: Document, path: Path, origin: Origin, page: Path | None, warnings: list[str]
) -> tuple[dict[str, Any], Document | None, int]:
    """The decisions to write: ours, or ours merged with what another session saved meanwhile."""
    ours = corrections(doc, generation=origin.generation + 1, page_path=page)
    try:
        raw: bytes | None = path.read_bytes()
    except FileNotFoundError:
        raw = None
    if raw is None or digest(raw) == origin.digest:
        return ours, None, ours["generation"]
    try:
        theirs = load_sidecar(path, doc.base)
    except SidecarError as e:
        aside = set_aside(path, "rejected")
        warnings.append(
            msg(
                "{error}; it was kept as {name} and replaced by this save",
                error=str(e),
                name=aside.name if aside else path.name,
            )
        )
        return ours, None, ours["generation"]
    gen = max(origin.generation, theirs.origin.generation) + 1
    result = merge(origin.data, ours, theirs.data)
    if result.conflicts:
        ours["generation"] = gen
        kept = path.with_name(path.name + ".conflict")
        write_sidecar(kept, dumps(ours), backup=False)
        aside = set_aside(kept, "mine") or kept
        raise SaveError(
            msg(
                "not saved: {name} was changed by another session since this page was opened and "
                "{n} decision(s) conflict ({conflicts}); their save is untouched, yours is kept in {kept}",
                name=path.name,
                n=len(result.conflicts),
                conflicts=joined(result.conflicts[:3]),
                kept=aside.name,
            )
        )
    data = {**result.data, "generation": gen}
    decisions = parse_corrections(data, doc.base)
    both, more = reapply(doc.base, decisions)
    warnings.extend(more)
    warnings.append(msg("merged with corrections saved by another session ({name})", name=path.name))
    merged = Document(both, base=doc.base, review_done=decisions.review_done)
    return data, (merged if merged.page != doc.page or merged.review_done != doc.review_done else None), gen


def _page_of(sidecar: Path) -> Path | None:
    """The page a sidecar beside it belongs to (None for a workspace sidecar)."""
    if sidecar.parent == paths.workspace() or not sidecar.name.endswith(paths.SUFFIX):
        return None
    return sidecar.with_name(sidecar.name[: -len(paths.SUFFIX)])


def _recorded(origin: Origin) -> Path | None:
    info = origin.data.get("page", {}) if origin.data else {}
    return Path(info["path"]) if "path" in info else None


def _write(path: Path, data: dict[str, Any], text: str, page: Path | None, warnings: list[str]) -> Path:
    """Write beside the page; if its folder refuses (became read-only), in the workspace."""
    try:
        write_sidecar(path, dumps(data))
        return path
    except PermissionError as e:
        failure: OSError = e
    except OSError as e:
        if e.errno not in _READ_ONLY:
            raise
        failure = e
    if page is None or path.parent == paths.workspace():
        raise failure
    fallback = paths.workspace_path(page, paths.text_sha256(text))
    data["page"]["path"] = str(page.resolve())
    with folder_lock(fallback.parent):
        write_sidecar(fallback, dumps(data))
    why = os_reason(failure)
    warnings.append(
        msg(
            "{folder} cannot be written ({why}): corrections saved in the workspace as {path}",
            folder=path.parent,
            why=why,
            path=fallback,
        )
    )
    return fallback
