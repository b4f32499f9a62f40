"""Grab docs/screenshot.png: the real window on the sample page under Xvfb (xcb platform).

Run: python tools/screenshot.py   (starts Xvfb :97 itself when DISPLAY is unset)
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    xvfb = None
    if not os.environ.get("DISPLAY"):
        xvfb = subprocess.Popen(["Xvfb", ":97", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"])
        os.environ["DISPLAY"] = ":97"
        time.sleep(1.0)
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    try:
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication

        from ui.loading import InlineLoader
        from ui.main_window import SAMPLE, MainWindow

        app = QApplication([])
        f = app.font()
        f.setFamily("WenQuanYi Zen Hei")
        f.setPointSize(10)
        app.setFont(f)
        settings = QSettings(str(ROOT / ".screenshot-settings.ini"), QSettings.Format.IniFormat)
        w = MainWindow(loader=InlineLoader(), settings=settings)
        w.resize(1600, 1000)
        w.show()
        w.files.open_path(SAMPLE)
        page = w.page()
        row = 1 if len(page.articles) > 1 else 0
        w.article_list.setCurrentIndex(w.article_model.index(row, 0))
        aid = page.articles[row].id
        ents = [e for e in page.entities if w.session.index.article_of_entity(e) == aid]
        if ents:
            w.select_entity(ents[min(2, len(ents) - 1)].id)
        for _ in range(20):
            app.processEvents()
            time.sleep(0.05)
        out = ROOT / "docs" / "screenshot.png"
        w.grab().save(str(out))
        print(out, w.grab().size())
        w.undo_stack.setClean()
        w.close()
        Path(settings.fileName()).unlink(missing_ok=True)
    finally:
        if xvfb is not None:
            xvfb.terminate()
    return 0


if __name__ == "__main__":
    sys.exit(main())
