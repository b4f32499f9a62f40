"""Starting the window: display check first, window shown at once, the page parsed in a worker."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from core.paths import SAMPLE_PAGE as SAMPLE

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication, QTranslator

NO_DISPLAY = (
    "banmian: no display available (DISPLAY/WAYLAND_DISPLAY unset); the headless commands "
    "work here: python main.py parse PAGE.txt, python main.py export PAGE.txt"
)


def display_available() -> bool:
    if not sys.platform.startswith("linux"):
        return True
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def page_to_open(argv: list[str]) -> Path | None:
    """``PAGE.txt`` (or an issue: a folder or a PDF) from the command line, the bundled sample
    without one; None: a usage error."""
    if len(argv) > 1 or (argv and argv[0].startswith("-")):
        return None
    if not argv:
        return SAMPLE
    from core.pdf.pages import first_page  # a multi-page PDF opens at its first page

    return first_page(Path(argv[0]))


def speak(app: QCoreApplication, setting: str) -> list[QTranslator]:
    """Install the interface language (``setting``: "zh", "en", or "" for the system's) and name
    the program in it where the title bars name it (an untitled dialog shows that name alone).
    Returns the translators (keep them alive)."""
    from PySide6.QtGui import QGuiApplication

    from ui.i18n import choose_language, install, tr

    translators = install(app, choose_language(setting))
    QGuiApplication.setApplicationDisplayName(tr("Banmian"))
    return translators


def run(argv: list[str]) -> int:
    if not display_available():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    path = page_to_open(argv)
    if path is None:
        print("usage: main.py [PAGE.txt|FOLDER|ISSUE.pdf]   (see main.py --help)", file=sys.stderr)
        return 2
    from core.issue.source import is_issue

    issue = is_issue(path)  # a folder or a PDF: the issue opens, its pages parse on every core
    from ui.worker import start_early

    pool, first = (None, None) if issue else start_early(str(path))  # jieba loads while Qt loads

    from ui.views.painting import paint_in_gui_thread

    paint_in_gui_thread()  # before Qt paints anything
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "banmian"])
    app.setOrganizationName("Banmian")
    app.setApplicationName("Banmian")
    from ui.loading import PageLoader
    from ui.main_window import MainWindow, app_settings

    settings = app_settings()
    translators = speak(app, str(settings.value("ui/language", "")))  # noqa: F841 (kept alive)
    window = MainWindow(loader=PageLoader(pool=pool), settings=settings)
    window.show()
    if first is None:
        window.issue.open(path)
    else:
        window.files.begin_open(path, first)
    return int(app.exec())
