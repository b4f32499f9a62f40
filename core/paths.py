"""Where Banmian keeps user data, settings and caches (XDG on Linux; overridable for tests)."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def _base(env: str, xdg: str, fallback: str) -> Path:
    override = os.environ.get(env)
    if override:
        return Path(override)
    if sys.platform == "win32":
        root = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return root / "Banmian" / fallback
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "Banmian" / fallback
    root = Path(
        os.environ.get(xdg)
        or Path.home()
        / {"XDG_DATA_HOME": ".local/share", "XDG_CONFIG_HOME": ".config", "XDG_CACHE_HOME": ".cache"}[xdg]
    )
    return root / "banmian"


def data_dir() -> Path:
    """User data: the learned lexicon, the workspace for pages in read-only folders."""
    return _base("BANMIAN_DATA_DIR", "XDG_DATA_HOME", "data")


def config_dir() -> Path:
    """User settings: a label set overriding the bundled one."""
    return _base("BANMIAN_CONFIG_DIR", "XDG_CONFIG_HOME", "config")


def cache_dir() -> Path:
    """Rebuildable caches (jieba's dictionary cache)."""
    return _base("BANMIAN_CACHE_DIR", "XDG_CACHE_HOME", "cache")


RESOURCES = Path(__file__).resolve().parent.parent / "resources"
SAMPLE_PAGE = RESOURCES / "samples" / "jilin-2022-04-21-p1.txt"
