"""Autosave and recovery: the rules the window follows, kept here so they are tested headless.

Between saves the window writes the session's corrections to ``<sidecar>.autosave`` a few seconds
after each edit.  The rules:

- at the undo stack's clean state (nothing unsaved) there is no recovery file: ``autosave`` with
  ``clean=True`` removes it, so quitting clean never leaves one;
- an autosave newer than the last save is offered back when the page opens (after a crash);
- an autosave that cannot be restored (corrupt, another text, another version) is set aside with
  a timestamp as ``<autosave>.unrestorable-<stamp>`` — never overwritten, never deleted.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from core.document import Document
from core.messages import joined, msg
from core.model import Page
from core.persist.files import set_aside, write_sidecar
from core.persist.reapply import reapply
from core.persist.serial import SidecarError, corrections, dumps, parse_corrections
from core.persist.session import load_sidecar

SUFFIX = ".autosave"


def recovery_path(sidecar: Path) -> Path:
    return sidecar.with_name(sidecar.name + SUFFIX)


def autosave(doc: Document, sidecar: Path, *, clean: bool) -> Path | None:
    """Bring the recovery file in line with the session: removed when ``clean``, else written
    (atomically).  Returns the file written, or None.  ``OSError`` if writing failed."""
    path = recovery_path(sidecar)
    if clean:
        discard(sidecar)
        return None
    write_sidecar(path, dumps(corrections(doc)), backup=False)
    return path


def discard(sidecar: Path) -> None:
    """The session is saved (or its changes dropped by the editor): no recovery file."""
    with contextlib.suppress(OSError):
        recovery_path(sidecar).unlink(missing_ok=True)


@dataclass(frozen=True, slots=True)
class Recovery:
    """An autosave found at opening: ``document`` to offer (None when it could not be restored),
    ``warnings`` to show, ``set_aside`` where an unrestorable one was kept."""

    path: Path
    document: Document | None
    warnings: tuple[str, ...] = ()
    set_aside: Path | None = None


def pending(sidecar: Path) -> Path | None:
    """The autosave to offer: one newer than the last save, else None."""
    path = recovery_path(sidecar)
    if not path.is_file():
        return None
    with contextlib.suppress(OSError):
        if sidecar.exists() and sidecar.stat().st_mtime > path.stat().st_mtime:
            return None
    return path


def restore(sidecar: Path, base: Page) -> Recovery | None:
    """The pending autosave as a session on ``base``'s automatic parse (re-anchored if the page
    changed); an unrestorable one is set aside and said.  None when there is nothing pending."""
    path = pending(sidecar)
    if path is None:
        return None
    try:
        loaded = load_sidecar(path, base)
        decisions = parse_corrections(loaded.data, base)
    except SidecarError as e:
        aside = set_aside(path, "unrestorable")
        where = msg("kept as {name}", name=aside.name) if aside else msg("left in place")
        return Recovery(
            path, None, (msg("the autosave could not be restored: {error}; {where}", error=str(e), where=where),), aside
        )
    page, warnings = reapply(base, decisions)
    if loaded.lost:
        warnings.append(
            msg(
                "{n} autosaved decision(s) did not fit the changed page: {lost}",
                n=len(loaded.lost),
                lost=joined(loaded.lost),
            )
        )
    return Recovery(path, Document(page, base=base, review_done=decisions.review_done), tuple(warnings))
