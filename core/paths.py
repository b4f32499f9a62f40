"""Where Banmian keeps user data, settings and caches: the platform's conventions (platformdirs),
overridable for tests and portable installs by ``BANMIAN_DATA_DIR``/``_CONFIG_DIR``/``_CACHE_DIR``.

platformdirs rather than our own rules (measured in benchmarks/bench_paths.py): on Linux both give
the same folders, but platformdirs follows the XDG spec where ours did not (an empty or relative
``XDG_*_HOME`` is ignored, not used as a path), puts macOS caches in ``~/Library/Caches`` (not
backed up) and asks Windows for its known folders.  Where it gives data and settings one folder
(macOS, Windows) they keep their own sub-folders, so files saved before stay where they were.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

SIDECAR_SUFFIX = ".banmian.json"  # an editor's corrections beside a page: PAGE.txt + this


def _base(env: str, kind: str) -> Path:
    override = os.environ.get(env)
    if override:
        return Path(override)
    shared = sys.platform in ("darwin", "win32")  # platformdirs: one folder for data and settings there
    dirs = platformdirs.PlatformDirs("Banmian" if shared else "banmian", appauthor=False)
    if kind == "cache":
        return Path(dirs.user_cache_dir)
    root = Path(dirs.user_data_dir if kind == "data" else dirs.user_config_dir)
    return root / kind if shared else root


def data_dir() -> Path:
    """User data: the learned lexicon, the workspace for pages in read-only folders."""
    return _base("BANMIAN_DATA_DIR", "data")


def config_dir() -> Path:
    """User settings: a label set overriding the bundled one."""
    return _base("BANMIAN_CONFIG_DIR", "config")


def cache_dir() -> Path:
    """Rebuildable caches (jieba's dictionary cache)."""
    return _base("BANMIAN_CACHE_DIR", "cache")


RESOURCES = Path(__file__).resolve().parent.parent / "resources"
SAMPLE_PAGE = RESOURCES / "samples" / "jilin-2022-04-21-p1.txt"
