"""Keeping an editor's corrections: the sidecar beside each page.

- ``paths``: where a page's sidecar is (by content, beside the page or in the workspace);
- ``serial``: decisions ↔ JSON, checked against the schema in one place;
- ``anchor``: moving decisions onto a page whose text changed;
- ``reapply``: decisions on top of a fresh parse;
- ``files``: reading, writing with ``.bak``, setting aside, the save lock; ``lock``: one editor per page;
- ``merge``: two sessions' saves of one page; ``learn``: what a save teaches the lexicon;
- ``session``: ``open_page`` and ``save``, the entry points; ``recovery``: autosave rules.
"""

from __future__ import annotations

from core.persist.paths import beside, find_sidecar, sidecar_path, text_sha256, workspace_path
from core.persist.reapply import reapply
from core.persist.serial import Decisions, SidecarError, corrections, dumps, parse_corrections
from core.persist.session import (
    OpenResult,
    Origin,
    SaveError,
    SaveResult,
    StalePage,
    load_sidecar,
    open_page,
    save,
)

__all__ = [
    "Decisions",
    "OpenResult",
    "Origin",
    "SaveError",
    "SaveResult",
    "SidecarError",
    "StalePage",
    "beside",
    "corrections",
    "dumps",
    "find_sidecar",
    "load_sidecar",
    "open_page",
    "parse_corrections",
    "reapply",
    "save",
    "sidecar_path",
    "text_sha256",
    "workspace_path",
]
