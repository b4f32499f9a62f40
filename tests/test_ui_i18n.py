"""The Chinese interface: every visible string translated (the .ts is complete and compiles with
the project's own tooling), the window starts in Chinese or English by locale and by setting."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from tests.test_ui import Asked, asked, make_window, page_file, settings  # noqa: F401
from ui.i18n import choose_language, compiled, install, remove
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
ROOT = Path(__file__).resolve().parent.parent
CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_interface_string_has_a_chinese_translation() -> None:
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "i18n.py"), "--check"], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout


def test_the_language_follows_the_system_locale_unless_set() -> None:
    zh, en = QLocale(QLocale.Language.Chinese, QLocale.Country.China), QLocale(QLocale.Language.English)
    assert choose_language("", zh) == "zh" and choose_language("", en) == "en"
    assert choose_language("en", zh) == "en" and choose_language("zh", en) == "zh"


@pytest.fixture
def chinese() -> Iterator[None]:
    assert compiled("zh_CN") is not None  # lrelease from PySide6 built the .qm
    app = QApplication.instance()
    assert app is not None
    translators = install(app, "zh")
    assert translators
    yield
    remove(app, translators)


def visible_texts(w: MainWindow) -> list[str]:
    texts = [a.text() for a in w.menuBar().actions()]
    for a in w.findChildren(QAction):
        if a.text() and not a.isSeparator():
            texts.append(a.text())
    texts += [d.windowTitle() for d in w.docks.values()]
    for model in (w.article_model, w.entity_model):
        texts += [
            model.headerData(c, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal)
            for c in range(model.columnCount())
        ]
    texts += [w.articles_label.text(), w.pending_label.text(), w.review_label.text(), w.save_label.text()]
    panel = w.entity_panel
    texts += [panel.type_filter.itemText(0)] + [
        panel.status_filter.itemText(i) for i in range(panel.status_filter.count())
    ]
    return [t for t in texts if t]


# what stays as it is in a Chinese interface: the name of the other language
KEEP = re.compile(r"^English$")


def test_the_window_starts_in_chinese(
    chinese: None, qtbot: Any, settings: QSettings, asked: Asked, page_file: Path
) -> None:
    w = make_window(qtbot, settings, asked)
    w.files.open_path(page_file)
    texts = visible_texts(w)
    english = [t for t in texts if not CJK.search(t) and not KEEP.match(t)]
    assert not english, english
    assert w.menuBar().actions()[0].text() == "文件(&F)"
    assert "已审" in w.pending_label.text() and w.save_label.text() == "已保存"
    w.undo_stack.setClean()


def test_the_window_starts_in_english(qtbot: Any, settings: QSettings, asked: Asked, page_file: Path) -> None:
    w = make_window(qtbot, settings, asked)
    w.files.open_path(page_file)
    assert w.menuBar().actions()[0].text() == "&File"
    assert not any(CJK.search(t) for t in visible_texts(w) if t not in ("中文",))
