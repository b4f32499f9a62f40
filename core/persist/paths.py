"""Where a page's corrections live: beside the page, or in the workspace for read-only folders.

A page is known by its *content* (the hash of its decoded, newline-normalised text), not by its
path or its bytes: the workspace file is named after that hash, so the same page reached by another
path (a bind mount, a copy out of a read-only folder) finds its corrections, and CRLF or another
encoding changes nothing.  A page edited in place in a read-only folder is still found through the
path recorded inside its workspace sidecar.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from pathlib import Path

from core.paths import SIDECAR_SUFFIX, data_dir

SUFFIX = SIDECAR_SUFFIX


def text_sha256(text: str) -> str:
    """A page's identity: the hash of its text as decoded and newline-normalised by the loader."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def beside(page_path: Path) -> Path:
    return page_path.with_name(page_path.name + SUFFIX)


def workspace() -> Path:
    return data_dir() / "workspace"


def workspace_path(page_path: Path, text_hash: str) -> Path:
    """The workspace sidecar of a page with this text (any path, any encoding)."""
    return workspace() / f"{text_hash[:16]}-{page_path.name}{SUFFIX}"


def legacy_workspace_path(page_path: Path) -> Path:
    """Where Banmian before content identity kept it: keyed by the page's resolved path."""
    key = hashlib.sha1(str(page_path.resolve()).encode("utf-8")).hexdigest()[:12]
    return workspace() / f"{key}-{page_path.name}{SUFFIX}"


def recorded_path(sidecar: Path) -> str | None:
    """The page path a sidecar says it was saved for (None if it does not say or is unreadable)."""
    with contextlib.suppress(OSError, ValueError, RecursionError):
        data = json.loads(sidecar.read_bytes())
        page = data.get("page") if isinstance(data, dict) else None
        path = page.get("path") if isinstance(page, dict) else None
        return path if isinstance(path, str) else None
    return None


def generation(sidecar: Path) -> int:
    """The save counter a sidecar holds; -1 when it cannot be read (it still counts as found)."""
    with contextlib.suppress(OSError, ValueError, RecursionError):
        data = json.loads(sidecar.read_bytes())
        gen = data.get("generation", 0) if isinstance(data, dict) else -1
        return gen if type(gen) is int else -1
    return -1


def _named_for(folder: Path, page_name: str) -> list[Path]:
    """The workspace sidecars named after a page called ``page_name`` (``<key>-<name>.banmian.json``).

    The folder is listed once and the listing kept while the folder does not change (its mtime),
    so a batch over thousands of pages does not list a large workspace once per page.  A listing
    made less than ``SETTLED_NS`` after the folder's last change is not kept: a file system with
    coarse timestamps could hide a sidecar written in the same tick."""
    try:
        stamp = folder.stat().st_mtime_ns
    except OSError:
        return []
    cached = _listings.get(folder)
    if cached is not None and cached[0] == stamp:
        by_page = cached[1]
    else:
        by_page = {}
        with contextlib.suppress(OSError):
            for name in os.listdir(folder):
                key, dash, rest = name.partition("-")
                if dash and key and rest.endswith(SUFFIX):
                    by_page.setdefault(rest[: -len(SUFFIX)], []).append(name)
        if time.time_ns() - stamp > SETTLED_NS:
            _listings[folder] = (stamp, by_page)
    return [folder / n for n in sorted(by_page.get(page_name, ()))]


SETTLED_NS = 2_000_000_000
_listings: dict[Path, tuple[int, dict[str, list[str]]]] = {}


def candidates(page_path: Path, text_hash: str) -> list[Path]:
    """Every existing sidecar that may hold this page's corrections, beside first."""
    found = [beside(page_path)]
    folder = workspace()
    if folder.is_dir():  # else none of the others can exist: no need to resolve the page's path
        found += [workspace_path(page_path, text_hash), legacy_workspace_path(page_path)]
        real = str(page_path.resolve())
        for p in _named_for(folder, page_path.name):
            if p not in found and recorded_path(p) == real:
                found.append(p)
    out: list[Path] = []
    for p in found:
        if p not in out and p.is_file():
            out.append(p)
    return out


def find_sidecar(page_path: Path, text_hash: str) -> Path | None:
    """The page's current sidecar: of all found, the one saved last (highest generation; beside
    the page when equal), so a save that fell back to the workspace wins over the file it left."""
    found = candidates(page_path, text_hash)
    if not found:
        return None
    order = {p: i for i, p in enumerate(found)}
    return max(found, key=lambda p: (generation(p), -order[p]))


def writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK)


def sidecar_path(page_path: Path, text_hash: str) -> Path:
    """Where the next save goes: the existing sidecar, else beside the page if its folder is
    writable, else the workspace."""
    found = find_sidecar(page_path, text_hash)
    if found is not None:
        return found
    return new_sidecar_path(page_path, text_hash)


def new_sidecar_path(page_path: Path, text_hash: str) -> Path:
    """Where the first save of a page without a sidecar goes (see ``sidecar_path``)."""
    if writable(page_path.parent):
        return beside(page_path)
    return workspace_path(page_path, text_hash)
