"""Grab docs/screenshot-en.png and docs/screenshot-zh.png: the real window on the sample page, in
English and in Chinese, under Xvfb (xcb platform) with WenQuanYi Zen Hei.

With a PDF page as argument it also grabs docs/screenshot-pdf.png: that page with its page image.

Run: python tools/screenshot.py [PAGE.pdf]   (starts Xvfb on a free display itself when DISPLAY is unset)
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def free_display() -> str:
    for n in range(97, 140):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            return f":{n}"
    raise SystemExit("no free X display number")


def shoot(language: str, out: Path, page_path: Path | None = None) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ui.i18n import install, remove
    from ui.loading import InlineLoader
    from ui.main_window import SAMPLE, MainWindow

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install(app, language)
    with tempfile.TemporaryDirectory() as d:
        settings = QSettings(str(Path(d) / "settings.ini"), QSettings.Format.IniFormat)
        w = MainWindow(loader=InlineLoader(), settings=settings)
        w.resize(1600, 1000)
        w.show()
        w.files.open_path(page_path or SAMPLE)
        page = w.page()
        row = 1 if len(page.articles) > 1 else 0
        w.select_article(page.articles[row].id)
        aid = page.articles[row].id
        ents = [e for e in page.entities if w.session.index.article_of_entity(e) == aid]
        if ents:
            w.select_entity(ents[min(2, len(ents) - 1)].id)
        for _ in range(20):
            app.processEvents()
            time.sleep(0.05)
        w.grab().save(str(out))
        print(out, w.grab().size())
        w.undo_stack.setClean()
        w.close()
    remove(app, translators)


def main() -> int:
    xvfb = None
    if not os.environ.get("DISPLAY"):
        display = free_display()
        xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"])
        os.environ["DISPLAY"] = display
        time.sleep(1.0)
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    try:
        from PySide6.QtWidgets import QApplication

        app = QApplication([])
        f = app.font()
        f.setFamily("WenQuanYi Zen Hei")
        f.setPointSize(10)
        app.setFont(f)
        shoot("en", ROOT / "docs" / "screenshot-en.png")
        shoot("zh", ROOT / "docs" / "screenshot-zh.png")
        if len(sys.argv) > 1:
            shoot("en", ROOT / "docs" / "screenshot-pdf.png", Path(sys.argv[1]))
    finally:
        if xvfb is not None:
            xvfb.terminate()
    return 0


if __name__ == "__main__":
    sys.exit(main())
