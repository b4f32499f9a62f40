#!/usr/bin/env python3
"""The hand-written folder rules ``core/paths.py`` had (kept below as ``handwritten``) against
``platformdirs`` (what ``core/paths.py`` uses now): where each puts the user data, settings and
cache folders in the situations that matter, and what each costs to import.

Linux is run for real under several environments (XDG variables set, unset, empty, relative;
the ``BANMIAN_*_DIR`` override); macOS and Windows are simulated (``sys.platform`` and the
Windows folder variables; platformdirs' own macOS/Windows classes).  Prints a table and the
import times measured in fresh interpreters in one run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import core.paths as now  # noqa: E402


def handwritten(env: str, xdg: str, fallback: str) -> Path:
    """core/paths.py ``_base`` up to d768319."""
    override = os.environ.get(env)
    if override:
        return Path(override)
    if sys.platform == "win32":
        root = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return root / "Banmian" / fallback
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "Banmian" / fallback
    homes = {"XDG_DATA_HOME": ".local/share", "XDG_CONFIG_HOME": ".config", "XDG_CACHE_HOME": ".cache"}
    return Path(os.environ.get(xdg) or Path.home() / homes[xdg]) / "banmian"


HOME = str(Path.home())
CASES: list[tuple[str, dict[str, str]]] = [
    ("linux, no XDG", {}),
    (
        "linux, XDG set",
        {"XDG_DATA_HOME": "/srv/xdg/data", "XDG_CONFIG_HOME": "/srv/xdg/conf", "XDG_CACHE_HOME": "/srv/xdg/cache"},
    ),
    ("linux, XDG empty", {"XDG_DATA_HOME": "", "XDG_CONFIG_HOME": " ", "XDG_CACHE_HOME": ""}),
    (
        "linux, XDG relative",
        {"XDG_DATA_HOME": "rel/data", "XDG_CONFIG_HOME": "rel/conf", "XDG_CACHE_HOME": "rel/cache"},
    ),
    ("linux, BANMIAN_* set", {"BANMIAN_DATA_DIR": "/t/d", "BANMIAN_CONFIG_DIR": "/t/c", "BANMIAN_CACHE_DIR": "/t/k"}),
]
CLEAR = (
    "XDG_DATA_HOME",
    "XDG_CONFIG_HOME",
    "XDG_CACHE_HOME",
    "BANMIAN_DATA_DIR",
    "BANMIAN_CONFIG_DIR",
    "BANMIAN_CACHE_DIR",
)


def ours_dirs() -> tuple[str, str, str]:
    return (
        str(handwritten("BANMIAN_DATA_DIR", "XDG_DATA_HOME", "data")),
        str(handwritten("BANMIAN_CONFIG_DIR", "XDG_CONFIG_HOME", "config")),
        str(handwritten("BANMIAN_CACHE_DIR", "XDG_CACHE_HOME", "cache")),
    )


def now_dirs() -> tuple[str, str, str]:
    return str(now.data_dir()), str(now.config_dir()), str(now.cache_dir())


def platformdirs_dirs(kind: str = "linux") -> tuple[str, str, str]:
    """platformdirs with the same overrides kept in front (what core/paths would become)."""
    import platformdirs
    from platformdirs.macos import MacOS
    from platformdirs.unix import Unix
    from platformdirs.windows import Windows

    cls = {"linux": Unix, "darwin": MacOS, "win32": Windows}[kind] if kind != "linux" else platformdirs.PlatformDirs
    name = "banmian" if kind == "linux" else "Banmian"
    d = cls(name, appauthor=False)  # type: ignore[operator]
    pairs = (
        ("BANMIAN_DATA_DIR", d.user_data_dir),
        ("BANMIAN_CONFIG_DIR", d.user_config_dir),
        ("BANMIAN_CACHE_DIR", d.user_cache_dir),
    )
    return tuple(os.environ.get(env) or path for env, path in pairs)  # type: ignore[return-value]


def show(label: str, a: tuple[str, ...], b: tuple[str, ...], now: tuple[str, ...]) -> None:
    same = "same" if a == b else "DIFFERENT"
    kept = "" if now == b else "  (core.paths now: " + ", ".join(x.replace(HOME, "~") for x in now) + ")"
    print(f"{label:24} {same}{kept}")
    if a != b:
        for what, x, y in zip(("data", "config", "cache"), a, b, strict=True):
            if x != y:
                print(
                    f"{'':4}{what:7} hand-written: {x.replace(HOME, '~')}\n{'':12}platformdirs: {y.replace(HOME, '~')}"
                )


def import_ms(module: str) -> float:
    code = f"import time; t=time.perf_counter(); import {module}; print((time.perf_counter()-t)*1000)"
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT).stdout)
        for _ in range(5)
    ]
    return min(runs)


def main() -> int:
    base = {k: v for k, v in os.environ.items() if k not in CLEAR}
    for label, env in CASES:
        with mock.patch.dict(os.environ, {**base, **env}, clear=True):
            show(label, ours_dirs(), platformdirs_dirs(), now_dirs())
    win_env = {**base, "LOCALAPPDATA": r"C:\Users\ed\AppData\Local", "APPDATA": r"C:\Users\ed\AppData\Roaming"}
    import platformdirs.windows as pw

    for label, plat, env in (("macOS (simulated)", "darwin", base), ("Windows (simulated)", "win32", win_env)):
        with (
            mock.patch.dict(os.environ, env, clear=True),
            mock.patch.object(sys, "platform", plat),
            mock.patch.object(pw, "_RESOLVE_WIN_FOLDER", pw.get_win_folder_from_env_vars),
        ):
            pd = platformdirs_dirs(plat)
            show(label, ours_dirs(), pd, (str(Path(pd[0]) / "data"), str(Path(pd[1]) / "config"), pd[2]))
    print(
        f"\nimport time (best of 5 fresh interpreters): pathlib {import_ms('pathlib'):.1f} ms, "
        f"platformdirs {import_ms('platformdirs'):.1f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
