"""core/ never imports Qt or ui/: every core module imported in a fresh interpreter."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT

CODE = """
import importlib, pkgutil, sys
import core
names = sorted(m.name for m in pkgutil.walk_packages(core.__path__, "core."))
for name in names:
    importlib.import_module(name)
bad = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "ui"))
print(len(names), bad)
"""


def test_core_imports_no_qt() -> None:
    r = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    count, bad = r.stdout.strip().split(" ", 1)
    assert int(count) >= 20  # every module was found and imported
    assert bad == "[]"


def test_the_window_module_loads_no_jieba_at_import() -> None:
    """jieba's dictionary takes half a second: the window starts without it and loads it in the
    background, so nothing on the window's import path may import it at module level."""
    code = "import ui.main_window, sys; print(sorted(m for m in sys.modules if m.split('.')[0] == 'jieba'))"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120, env=env)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"
