"""The Chinese interface: every visible string translated (the .ts is complete and compiles with
the project's own tooling), the window starts in Chinese or English by locale and by setting."""

from __future__ import annotations

import errno
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QToolBar,
    QWidget,
)

from core.model import Page
from core.parse import parse_page
from tests.issue_pages import write_issue
from tests.pdfgen import three_column_page
from tests.test_ui import Asked, asked, focus, make_window, page_file, settings  # noqa: F401
from ui.i18n import choose_language, compiled, install, remove, tr_core
from ui.issue.recovery import RecoveryDialog
from ui.issue.story import PartRole
from ui.loading import InlineLoader
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", r"does not support raise")
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


# what stays as it is in a Chinese interface: the name of the other language, the zoom signs
KEEP = re.compile(r"^(English|[+−])$")


def test_the_window_starts_in_chinese(
    chinese: None, qtbot: Any, settings: QSettings, asked: Asked, page_file: Path
) -> None:
    """Finding 8: not English only: the window starts in Chinese."""
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


# -- the issue and the PDF page pane in Chinese ---------------------------------------------------

LETTERS = re.compile(r"[A-Za-z]")


def chrome_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for the words of the interface itself under ``root`` (and its tool windows):
    labels, buttons, placeholders, progress texts, dock and window titles, actions and every
    tooltip; not the page's own text in the editors and tables."""
    out: list[tuple[str, str]] = []
    widgets = [root, *root.findChildren(QWidget)]
    for wd in widgets:
        name = f"{type(wd).__name__}#{wd.objectName()}"
        if isinstance(wd, QLabel | QAbstractButton):
            out.append((name, wd.text()))
        elif isinstance(wd, QLineEdit):
            out.append((name, wd.placeholderText()))
        elif isinstance(wd, QProgressBar) and wd.isVisible():
            out.append((name, wd.text()))
        if isinstance(wd, QDockWidget) or wd.isWindow():
            out.append((name + " title", wd.windowTitle()))
        out.append((name + " tip", wd.toolTip()))
    for a in root.findChildren(QAction):
        if a.isSeparator() or not a.text():
            continue
        out += [(f"action {a.objectName()}", a.text()), (f"action {a.objectName()} tip", a.toolTip())]
    return [(where, t) for where, t in out if t and not re.search(r"[A-Za-z]:?[/\\]", t)]  # paths are data


def untranslated(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Texts in letters with no Chinese (signs such as ▲ or + need no translation)."""
    return [(where, t) for where, t in texts if LETTERS.search(t) and not CJK.search(t) and not KEEP.match(t)]


def open_issue(qtbot: Any, w: MainWindow, path: Path) -> None:
    w.issue.workers = 0  # parse in the test's thread
    assert w.issue.open(path)
    ws = w.issue.ws
    assert ws is not None
    qtbot.waitUntil(lambda: ws.all_loaded() and w.issue.loader is not None and not w.issue.loader.busy(), timeout=60000)


def test_an_open_issue_speaks_chinese(
    chinese: None, qtbot: Any, settings: QSettings, asked: Asked, tmp_path: Path
) -> None:
    w = make_window(qtbot, settings, asked)
    open_issue(qtbot, w, write_issue(tmp_path / "daily-2024-03-15"))
    assert w.issue.model is not None and w.issue.panel is not None
    w.select_article(w.page().articles[0].id)  # a story continued on page 4: the story panel fills
    assert w.issue.story.parts.count() == 2
    assert w.docks["article"].windowTitle() == "文章 1"  # the row the article list shows
    w.issue.show_entities()
    assert w.issue.entity_window is not None
    w.issue.find("王海林")
    texts = chrome_texts(w)
    assert not untranslated(texts), untranslated(texts)
    # what the issue's lists and titles say about the pages
    model = w.issue.model
    rows = [model.text(r) for r in range(model.rowCount())]
    assert rows[0].startswith("第1版 · 自动 · ") and all("待审" in r for r in rows), rows
    assert w.issue.panel.progress.text() == "已审 0 / 3 版"
    assert "daily-2024-03-15 · 2024-03-15 · 共 3 版" in w.issue.panel.summary.text()
    assert w.issue.story.title.text() == "文章分为 2 部分"
    # a part of the story is named by its page and the row the article list shows, not by its id
    index, aid = w.issue.story.parts.item(1).data(PartRole)
    row = [a.id for a in w.issue.ws.slots[index].document.page.articles].index(aid) + 1  # type: ignore[union-attr]
    assert w.issue.story.parts.item(1).text().startswith(f"   第4版 文章 {row} ")
    find = w.issue.find_panel
    assert find.summary.text() == "2 版中找到 2 处" and find.results.item(0).text().startswith("第2版 第")
    entity_model = w.issue.entity_window.model
    heads = [str(entity_model.headerData(c, Qt.Orientation.Horizontal)) for c in range(entity_model.columnCount())]
    assert heads == ["实体", "类型", "次数", "版面", "状态"]
    statuses = {entity_model.index(r, 4).data() for r in range(entity_model.rowCount())}
    assert statuses and all(CJK.search(s) for s in statuses), statuses
    assert CJK.search(entity_model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole))
    assert "第1版" in w.windowTitle() and w.windowTitle().endswith("— 版面")
    assert CJK.search(w.statusBar().currentMessage())
    # the issue menu: every action in Chinese, each with a tooltip of its own (not its text again)
    menu = next(a.menu() for a in w.menuBar().actions() if a.menu() and a.menu().objectName() == "issueMenu")
    assert menu.title() == "本期(&I)"
    issue_actions = [a for a in menu.actions() if not a.isSeparator()]
    assert len(issue_actions) >= 8
    for a in issue_actions:
        if a.menu() is None:
            assert a.toolTip() and a.toolTip() != a.text().replace("&", ""), a.text()
    # an issue-wide decision from the entity list, told in Chinese
    assert w.issue.entity_window.select_text("长春", "LOC")
    w.issue.entity_window.buttons["reject"].click()
    assert w.statusBar().currentMessage().startswith("在本期中否决全部“长春”：第1、2、4版共 "), (
        w.statusBar().currentMessage()
    )
    # the recovery dialog after a crash
    dialog = RecoveryDialog([(0, "1"), (2, "4")], w)
    texts = chrome_texts(dialog) + [(f"item {i}", dialog.list.item(i).text()) for i in range(dialog.list.count())]
    assert not untranslated(texts), untranslated(texts)
    assert dialog.list.item(1).text() == "第4版"
    dialog.deleteLater()
    w.issue.entity_window.close()
    w.undo_stack.setClean()
    w.files.autosave_timer.stop()
    w.issue.autosave_timer.stop()


def test_a_pdf_page_speaks_chinese(
    chinese: None, qtbot: Any, settings: QSettings, asked: Asked, tmp_path: Path
) -> None:
    from core.pdf.reader import iter_pages

    folder = tmp_path / "pair"
    folder.mkdir()
    pdf = three_column_page(folder / "p.pdf", rules=True)
    text = next(iter_pages(pdf)).text.replace("Festival\n", "Festival\nOne line typed by hand\n", 1)
    (folder / "p.txt").write_text(text, encoding="utf-8")
    w = MainWindow(loader=InlineLoader(parser=layout_only), settings=settings)
    w.ask = asked.ask  # type: ignore[method-assign]
    w.warn = asked.warn  # type: ignore[method-assign]
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.files.open_path(folder / "p.txt")
    dock = w.docks["page"]
    assert dock.isVisible() and w.page_panel.pane.has_image()
    assert dock.windowTitle() == "版面图像（1 行不在 PDF 中）"
    assert "文本中有 1 行在其 PDF 中找不到" in w.statusBar().currentMessage()
    bar = w.page_panel.findChild(QToolBar, "pageZoomBar")
    assert bar is not None
    zoom = [a for a in bar.actions() if not a.isSeparator()]
    assert [a.text() for a in zoom] == ["适合宽度", "适合整版", "+", "−"]
    assert all(CJK.search(a.toolTip()) for a in zoom), [a.toolTip() for a in zoom]
    texts = chrome_texts(w)
    assert not untranslated(texts), untranslated(texts)
    w.files.open_path(pdf)  # the PDF itself: the image alone is named
    assert dock.windowTitle() == "版面图像"
    w.undo_stack.setClean()
    w.files.autosave_timer.stop()


def layout_only(raw: Any, *, lexicon: Any = None, entities: bool = True) -> Page:
    return parse_page(raw, entities=False)


# -- messages from core, in Chinese ----------------------------------------------------------------


def test_load_errors_from_core_are_shown_in_chinese(
    chinese: None, qtbot: Any, settings: QSettings, asked: Asked, tmp_path: Path
) -> None:
    w = make_window(qtbot, settings, asked)
    w.files.open_path(tmp_path / "missing.txt")
    assert asked.warnings[-1] == f"{tmp_path / 'missing.txt'}：文件不存在"
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x01" * 20)
    w.files.open_path(binary)
    assert asked.warnings[-1] == f"{binary}：看来是二进制文件，不是版面文本"
    w.files.open_path(tmp_path)  # a folder
    assert asked.warnings[-1] == f"{tmp_path}：这是文件夹，不是版面文件"
    assert CJK.search(w.statusBar().currentMessage())


def test_a_label_file_set_aside_is_told_in_chinese(
    chinese: None,
    qtbot: Any,
    settings: QSettings,
    asked: Asked,
    page_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The user's labels.json that cannot be used: the window says why with the first page, in
    Chinese, and works with the bundled labels."""
    config = tmp_path / "config"
    config.mkdir()
    user = config / "labels.json"
    user.write_text('[{"name": "PER", "colour": "red", "key": "P"}]', encoding="utf-8")
    monkeypatch.setenv("BANMIAN_CONFIG_DIR", str(config))
    w = make_window(qtbot, settings, asked)
    assert [lb.name for lb in w.labels] == ["PER", "LOC", "ORG", "TIME"]
    w.files.open_path(page_file)
    said = w.statusBar().currentMessage()
    assert said.startswith(f"{user}：标签 PER 需要形如 #1f77b4 的颜色；改用内置的标签"), said
    w.files.open_path(page_file)  # said once, not with every page
    assert "标签" not in w.statusBar().currentMessage()
    w.undo_stack.setClean()
    w.files.autosave_timer.stop()


def test_a_tagger_store_that_cannot_be_written_is_told_in_chinese(
    chinese: None, qtbot: Any, settings: QSettings, asked: Asked, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from core.entities.tagger.store import TaggerStore

    model = tmp_path / "model.crfsuite"

    def refuse(self: TaggerStore) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(model))

    monkeypatch.setattr(TaggerStore, "reset", refuse)
    w = make_window(qtbot, settings, asked)
    asked.answer = QMessageBox.StandardButton.Yes
    w.tagger_actions.reset.trigger()
    assert asked.warnings[-1] == f"无法重置标注器：{model}：没有权限"


def test_save_refusals_from_core_are_shown_in_chinese(
    chinese: None, qtbot: Any, settings: QSettings, asked: Asked, page_file: Path
) -> None:
    from core import edits
    from core.persist import open_page, save

    w1 = make_window(qtbot, settings, asked)
    w1.files.open_path(page_file)
    w2 = make_window(qtbot, settings, asked)
    w2.files.open_path(page_file)
    # the lock notice: in the title, the status bar and, on Ctrl+S, the refusal
    assert "（只读）" in w2.windowTitle() or "只读" in w2.windowTitle()
    assert "已在别处打开编辑：此处只读" in w2.statusBar().currentMessage()
    focus(qtbot, w2.raw_view)
    qtbot.keyClick(w2.raw_view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert asked.warnings[-1] == f"未保存：{page_file.name} 已在别处打开编辑：此处只读（在那里关闭后才能编辑）"
    # a conflict: another session saved a different structure meanwhile
    other = open_page(page_file)
    line = other.document.page.articles[0].lines[0]
    other.document.apply(edits.SetRole((line,), "kicker"))
    save(other.document, other.sidecar_path, origin=other.origin)
    focus(qtbot, w1.raw_view)
    w1.raw_view.go_to_line(line)
    qtbot.keyClick(w1.raw_view, Qt.Key.Key_3)
    assert w1.isWindowModified()
    qtbot.keyClick(w1.raw_view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    refusal = asked.warnings[-1]
    assert refusal.startswith(f"未保存：本版打开后，{page_file.name}.banmian.json 已被另一会话改动，有 1 条决定冲突（")
    assert "结构被改得不一致" in refusal or "不一致" in refusal, refusal
    assert w1.isWindowModified()
    w1.undo_stack.setClean()


def test_a_page_whose_corrections_were_moved_onto_its_changed_text_is_unsaved(
    chinese: None, qtbot: Any, settings: QSettings, asked: Asked, page_file: Path
) -> None:
    w = make_window(qtbot, settings, asked)
    w.files.open_path(page_file)
    line = w.page().articles[0].lines[0]
    focus(qtbot, w.raw_view)
    w.raw_view.go_to_line(line)
    qtbot.keyClick(w.raw_view, Qt.Key.Key_3)
    assert w.files.save() and not w.isWindowModified()
    w.close()
    page_file.write_text("新加的第一行\n" + page_file.read_text(encoding="utf-8"), encoding="utf-8")
    w2 = make_window(qtbot, settings, asked)
    w2.files.open_path(page_file)
    message = w2.statusBar().currentMessage()
    assert f"{page_file.name} 在校改保存后已改动：校改已移到新文本上" in message, message
    assert "旧的校改另存为" in message
    assert w2.isWindowModified() and w2.save_label.text() == "有未保存的修改"  # the moved sidecar is not on disk
    focus(qtbot, w2.raw_view)
    qtbot.keyClick(w2.raw_view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not w2.isWindowModified()
    w2.close()
    w3 = make_window(qtbot, settings, asked)
    w3.files.open_path(page_file)  # saved on the new text: nothing to move any more
    assert not w3.isWindowModified()
    assert w3.page().articles[0].lines[0] == line + 1
    w3.undo_stack.setClean()


# -- the page window, all of it: refusals from core, dialogs, menus, tips, headers -----------------

# ASCII words a Chinese interface keeps: the other language's name, label names, file formats, keys,
# the tokenizer's name, article and entity ids (a3, e10-12), the export status ``done`` (a JSON value)
ALLOWED = re.compile(
    r"^(English|PER|LOC|ORG|TIME|PDF|JSON|JSONL|CoNLL|ALTO|METS|BIO|Ctrl|Shift|Alt|Enter|Esc|Del|Delete|PgUp|PgDown"
    r"|F\d+|jieba|done|a\d+|e\d+)$"
)


def english_words(text: str) -> list[str]:
    """Words of two or more ASCII letters that are not on the allow-list (``&F`` accelerators and
    single letters such as the gutter's T or the key P are not words)."""
    text = text.replace("JSON Lines", "JSONL")  # a format's name
    return [w for w in re.findall(r"[A-Za-z][A-Za-z0-9]+", text) if not ALLOWED.match(w)]


class AskedWithTitles(Asked):
    """``Asked`` that also keeps the titles of the questions and warnings."""

    def __init__(self) -> None:
        super().__init__()
        self.titles: list[str] = []

    def ask(self, title: str, text: str, *rest: Any) -> Any:
        self.titles.append(title)
        return super().ask(title, text, *rest)

    def warn(self, title: str, text: str) -> None:
        self.titles.append(title)
        super().warn(title, text)


def status(w: MainWindow) -> str:
    return w.statusBar().currentMessage()


def assert_chinese(texts: list[tuple[str, str]]) -> None:
    bad = [(where, t) for where, t in texts if t and (english_words(t) or (LETTERS.search(t) and not CJK.search(t)))]
    bad = [(where, t) for where, t in bad if english_words(t) or not KEEP.match(t)]
    assert not bad, "\n".join(sorted({f"{where}: {t}" for where, t in bad}))


def test_refusals_of_core_edits_are_told_in_chinese(
    chinese: None, qtbot: Any, settings: QSettings, page_file: Path
) -> None:
    """Every kind of edit core refuses, by key where a key leads there, else pushed as the actions
    push them: the status bar says why in Chinese (the English sentence was shown before)."""
    from core import edits
    from ui.actions.structure import ROLE_KEYS

    said: list[tuple[str, str]] = []
    w = make_window(qtbot, settings, AskedWithTitles())
    w.files.open_path(page_file)
    page = w.page()
    first, second = page.articles[0], page.articles[1]
    title_lines = [n for b in first.blocks if b.role == "title" for n in b.lines]
    assert title_lines
    focus(qtbot, w.raw_view)

    def key(line: int, k: Qt.Key | str, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        w.statusBar().clearMessage()
        w.raw_view.go_to_line(line)
        qtbot.keyClick(w.raw_view, k, mods)
        said.append((f"key {k} on line {line}", status(w)))

    ctrl = Qt.KeyboardModifier.ControlModifier
    key(first.lines[0], Qt.Key.Key_B, ctrl)  # split at the article's first line
    key(first.lines[0], Qt.Key.Key_P, ctrl)  # the first line already starts a paragraph
    key(title_lines[0], ROLE_KEYS["title"])  # a title line made a title again
    key(second.lines[-1], Qt.Key.Key_U, ctrl)
    assert second.lines[-1] in w.page().unassigned
    key(second.lines[-1], Qt.Key.Key_U, ctrl)  # already out of its article
    assert len(said) == 5
    refusals = said[:3] + said[4:]

    page = w.page()
    first, second = page.articles[0], page.articles[1]
    ents = page.entities
    blank = next(ln.number for ln in page.lines if ln.is_blank)
    pair = ents[0], ents[1]  # neighbours: widening the first over the second overlaps it
    gap = next(i for i in range(len(page.text)) if page.text[i] == "\n" and not any(e.start <= i < e.end for e in ents))
    body = next(b for b in first.blocks if b.role == "body")
    head = next(b for b in first.blocks if b.role != "body")
    assert w.push(edits.ConfirmEntity(pair[0].id))  # done: confirming it again is refused
    refused: list[edits.Edit] = [
        edits.MergeArticles(first.id, first.id),
        edits.MoveLines(second.lines[:1], second.id),
        edits.MoveArticle(first.id, 0),
        edits.MoveArticle(first.id, len(page.articles) + 5),
        edits.SplitArticle(first.id, second.lines[0]),
        edits.DeleteArticle("a999"),
        edits.SetRole((blank,), "body"),
        edits.SetRole((len(page.lines) + 10,), "body"),
        edits.NewArticle(second.lines[:1], new_id=first.id),
        edits.SetField(first.id, "title", None),
        edits.SetParagraphStart(body.lines[0], start=False) if head.role != body.role else edits.Batch([]),
        edits.SetReviewDone(False),
        edits.AddEntity(pair[0].start, pair[0].end, pair[0].type),
        edits.AddEntity(gap, gap + 1, "PER"),
        edits.AddEntity(pair[0].start, pair[0].end, ""),
        edits.ConfirmEntity(pair[0].id),
        edits.ResizeEntity(pair[0].id, pair[0].start, pair[1].end),
        edits.RemoveEntity("e0-0"),
    ]
    done = w.undo_stack.count()
    for edit in refused:
        w.statusBar().clearMessage()
        assert not w.push(edit), edit
        said.append((repr(edit), status(w)))
        refusals.append(said[-1])
    with pytest.raises(edits.EditError) as nothing:
        edits.apply_to_all(page, "confirm", "没有这几个字", "PER")
    w.say(tr_core(str(nothing.value)))
    refusals.append(("apply to all", status(w)))
    assert all(t for _, t in refusals), [where for where, t in refusals if not t]
    assert all(CJK.search(t) for _, t in refusals), refusals
    assert not [(where, t, english_words(t)) for where, t in refusals if english_words(t)]
    assert "主题" in refusals[2][1]  # the role named in the sentence is translated too
    assert w.undo_stack.count() == done  # each was refused, none reached the undo stack
    w.undo_stack.setClean()


def test_every_menu_dialog_tip_and_header_of_the_page_window_is_chinese(
    chinese: None, qtbot: Any, settings: QSettings, page_file: Path
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QAbstractItemView, QMenu, QTableWidget

    asked = AskedWithTitles()
    asked.answer = QMessageBox.StandardButton.No
    w = make_window(qtbot, settings, asked)
    w.files.open_path(page_file)
    texts = chrome_texts(w)
    texts += [(f"menu {m.objectName()}", m.title()) for m in w.findChildren(QMenu)]
    texts += [(f"status tip {a.objectName()}", a.statusTip()) for a in w.findChildren(QAction)]
    for view in w.findChildren(QAbstractItemView):
        model = view.model()
        if model is not None:
            texts += [
                (f"header {view.objectName()}", str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
                for c in range(model.columnCount())
            ]
    # an entity's row: its status and source in words of the interface
    e = w.entity_model
    texts += [(f"entity cell {c}", str(e.index(0, c).data() or "")) for c in (2, 4)]

    # the dialogs the keys open (modal: looked at, then closed)
    seen: list[tuple[str, str]] = []

    def look(name: str) -> None:
        def grab() -> None:
            d = QApplication.activeModalWidget()
            assert d is not None, name
            seen.extend((f"{name}: {where}", t) for where, t in chrome_texts(d))
            for table in d.findChildren(QTableWidget):
                for c in range(table.columnCount()):
                    seen.append((f"{name} header", table.horizontalHeaderItem(c).text()))
                for r in range(table.rowCount()):  # the last column describes: Chinese
                    cell = table.item(r, table.columnCount() - 1)
                    seen.append((f"{name} row {r}", cell.text() if cell else ""))
            d.close()

        QTimer.singleShot(0, grab)

    focus(qtbot, w.raw_view)
    w.raw_view.go_to_line(w.page().articles[1].lines[0])
    for name, k, mods in (
        ("go to line", Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier),
        ("move lines", Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier),
        ("shortcuts", Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier),
        ("legend", Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier),
    ):
        focus(qtbot, w.raw_view)
        look(name)
        qtbot.keyClick(w.raw_view, k, mods)
    assert {where.split(":")[0] for where, _ in seen} >= {"go to line", "move lines", "shortcuts", "legend"}, seen
    texts += seen
    # the find bar, and what it says when nothing is found
    qtbot.keyClick(w.raw_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    texts += chrome_texts(w)
    # a question: marking the page reviewed with entities pending (answered No)
    focus(qtbot, w.raw_view)
    qtbot.keyClick(w.raw_view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert asked.questions, "no warning before marking the page reviewed"
    texts += [("question title", t) for t in asked.titles] + [("question", t) for t in asked.questions]
    # the Undo menu names an edit whose name has values (the field edited) in Chinese
    first = w.page().articles[0]
    assert w.push(edits_set_field(first.id))
    texts.append(("undo action", w.undo_action.text()))
    assert "编辑主题" in w.undo_action.text(), w.undo_action.text()
    assert_chinese([(where, t.replace(page_file.name, "")) for where, t in texts if t])
    w.undo_stack.setClean()


def edits_set_field(article_id: str) -> Any:
    from core import edits

    return edits.SetField(article_id, "title", "新的主题")


def test_refusals_in_an_issue_are_told_in_chinese(
    chinese: None, qtbot: Any, settings: QSettings, tmp_path: Path
) -> None:
    from core.issue.jumps import LinkStories, StoryRef

    asked = AskedWithTitles()
    w = make_window(qtbot, settings, asked)
    assert not w.issue.open(tmp_path / "page.txt")  # neither a folder nor a PDF
    (tmp_path / "empty").mkdir()
    assert not w.issue.open(tmp_path / "empty")
    assert asked.warnings == [
        f"{tmp_path / 'page.txt'}：文件或文件夹不存在",
        f"{tmp_path / 'empty'}：此文件夹中没有 *.txt 或 *.pdf 版面",
    ]
    assert asked.titles == ["无法打开这一期", "无法打开这一期"]
    open_issue(qtbot, w, write_issue(tmp_path / "daily-2024-03-15"))
    assert w.issue.apply_everywhere("confirm", "没有这几个字", "PER")
    assert status(w) == "本期中没有“没有这几个字”可确认"
    part = StoryRef(0, w.page().articles[0].lines[0])
    assert not w.issue.links.push_link(LinkStories(part, part))
    assert status(w) == "文章不能接续自身"
    w.undo_stack.setClean()
    w.files.autosave_timer.stop()
    w.issue.autosave_timer.stop()


def test_a_failed_export_says_why_in_chinese(
    chinese: None, qtbot: Any, settings: QSettings, page_file: Path, tmp_path: Path
) -> None:
    asked = AskedWithTitles()
    w = make_window(qtbot, settings, asked)
    w.files.open_path(page_file)
    target = page_file / "out.json"  # under a file: its folder cannot be made
    assert not w.files.export(target)
    assert asked.titles[-1] == "无法导出" and asked.warnings[-1] == f"{target}：文件已存在"
    assert not w.issue.open(tmp_path / "nothing-here.pdf")
    assert asked.warnings[-1] == f"{tmp_path / 'nothing-here.pdf'}：文件不存在"
    w.undo_stack.setClean()


# -- what goes wrong in an issue, and everything the issue window says, in Chinese ----------------


def recording(w: MainWindow) -> list[str]:
    """Every message the window puts in its status bar, from now on (a later one may replace it)."""
    said: list[str] = []

    def say(message: str, ms: int = 6000) -> None:
        said.append(message)
        w.statusBar().showMessage(message, ms)

    w.say = say  # type: ignore[method-assign]
    return said


def refused_write(path: Path) -> Any:
    def write(*_: Any) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    return write


def test_an_issue_that_cannot_be_written_says_why_in_chinese(
    chinese: None, qtbot: Any, settings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Python's "[Errno 13] Permission denied: ..." was shown in the Chinese window."""
    w = make_window(qtbot, settings, AskedWithTitles())
    open_issue(qtbot, w, write_issue(tmp_path / "daily-2024-03-15"))
    ws = w.issue.ws
    assert ws is not None
    state = ws.issue.state_path
    monkeypatch.setattr(ws, "save_state", refused_write(state))
    said = recording(w)
    page2, page4 = ws.documents()[1].page, ws.documents()[2].page
    qtbot.keyClick(w, Qt.Key.Key_F9)
    assert w.issue.links.link(page2.articles[0].id, 2, page4.articles[-1].id)
    assert said[-1] == f"已连接，但未能保存：{state}：没有权限"
    w.issue.save_all()
    assert said[-1] == f"本期的跨版链接：{state}：没有权限"
    assert w.issue.close_issue()
    assert said[-1] == f"本期的跨版链接未能保存：{state}：没有权限"
    w.undo_stack.setClean()
    w.files.autosave_timer.stop()


def test_an_autosave_that_cannot_be_used_is_told_in_chinese(
    chinese: None,
    qtbot: Any,
    settings: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A failed restore: an OSError says its reason, a bug names the file (the detail is logged)."""
    from core.edits import ConfirmEntity
    from core.issue.workspace import IssueWorkspace

    folder = write_issue(tmp_path / "daily-2024-03-15")
    first = make_window(qtbot, settings, AskedWithTitles())
    open_issue(qtbot, first, folder)
    target = next(e for e in first.page().entities if e.text == "长春")
    first.push(ConfirmEntity(target.id))
    first.select_entity(target.id)
    first.editing.by_name["apply_all"].trigger()
    first.files.autosave()
    first.issue.autosave_others()
    ws = first.issue.ws
    assert ws is not None and all(s.recovery_path() is not None for s in ws.slots)
    autosaves = [s.recovery_path() for s in ws.slots]
    restore = IssueWorkspace.recover

    def recover(self: IssueWorkspace, index: int) -> list[str]:
        if index == 0:
            raise RuntimeError("internal detail of a bug")
        if index == 1:
            raise PermissionError(errno.EACCES, "Permission denied", str(autosaves[1]))
        return restore(self, index)

    monkeypatch.setattr(IssueWorkspace, "recover", recover)
    second = make_window(qtbot, settings, AskedWithTitles())
    second.issue.choose_recovery = lambda items: [i for i, _ in items]
    said = recording(second)
    open_issue(qtbot, second, folder)
    qtbot.waitUntil(lambda: any("已恢复" in s for s in said))
    told = said[-1]
    assert told.startswith("已恢复 3 版未保存的校改（尚未保存）；"), told
    assert f"第1版：自动保存的文件无法使用：处理 {autosaves[0].name} 时发生意外错误（详情见日志）" in told  # type: ignore[union-attr]
    assert f"第2版：自动保存的文件无法使用：{autosaves[1]}：没有权限" in told
    assert "internal detail" not in told and "Permission" not in told
    assert "internal detail of a bug" in caplog.text
    for w in (first, second):
        w.undo_stack.setClean()
        w.files.autosave_timer.stop()
        w.issue.autosave_timer.stop()


def test_a_parser_process_that_dies_is_told_in_chinese(
    chinese: None, qtbot: Any, caplog: pytest.LogCaptureFixture
) -> None:
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    from ui.loading import PageLoader

    loader = PageLoader()
    died: Future[Any] = Future()
    died.set_exception(BrokenProcessPool("A process in the process pool was terminated abruptly"))
    with qtbot.waitSignal(loader.loaded, timeout=5000) as got:
        loader.adopt("/some/where/p7.txt", died)
    assert got.args[0].error == "解析进程在读取 p7.txt 时中止（详情见日志）"
    assert "terminated abruptly" in caplog.text
    loader.shutdown()


def test_page_lists_are_joined_the_chinese_way(chinese: None, qtbot: Any, settings: QSettings, tmp_path: Path) -> None:
    w = make_window(qtbot, settings, AskedWithTitles())
    open_issue(qtbot, w, write_issue(tmp_path / "daily-2024-03-15"))
    said = recording(w)
    w.issue.show_entities()
    window = w.issue.entity_window
    assert window is not None and window.select_text("长春", "LOC")
    row = window.current_row()
    assert row is not None and window.model.pages_text(row) == "1、2、4"
    window.buttons["confirm"].click()
    assert said[-1].startswith("在本期中确认全部“长春”：第1、2、4版共 "), said[-1]
    tip = window.model.data(window.proxy.mapToSource(window.table.currentIndex()), Qt.ItemDataRole.ToolTipRole)
    assert tip and ":" not in str(tip) and "：" in str(tip), tip
    window.close()
    w.undo_stack.setClean()
    w.files.autosave_timer.stop()
    w.issue.autosave_timer.stop()


def test_walking_through_the_issue_window_is_all_chinese(
    chinese: None, qtbot: Any, settings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every panel, dialog, tooltip and status message of the issue window, driven as an editor
    would, on an issue with a page that cannot be opened; nothing in English."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QProgressDialog

    import ui.issue.controller
    from core.edits import ConfirmEntity
    from ui.issue.recovery import choose_pages

    folder = write_issue(tmp_path / "daily-2024-03-15")
    (folder / "p5.txt").write_bytes(b"\x00\x01 not text")
    asked = AskedWithTitles()
    asked.answer = QMessageBox.StandardButton.Discard
    w = make_window(qtbot, settings, asked)
    said = recording(w)
    texts: list[tuple[str, str]] = []
    seen: list[tuple[str, str]] = []

    def look(name: str, button: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Cancel) -> None:
        def grab() -> None:
            d = QApplication.activeModalWidget()
            assert isinstance(d, QDialog), name
            seen.extend((f"{name}: {where}", t) for where, t in chrome_texts(d))
            for box in d.findChildren(QComboBox):
                seen.extend((f"{name} choice", box.itemText(i)) for i in range(box.count()))
            for bar in d.findChildren(QDialogButtonBox):
                b = bar.button(button)
                if b is not None:
                    b.click()
                    return
            d.reject()

        QTimer.singleShot(0, grab)

    open_issue(qtbot, w, folder)
    ws = w.issue.ws
    assert ws is not None and w.issue.model is not None and w.issue.panel is not None
    model = w.issue.model
    assert [s.page.label for s in ws.slots] == ["1", "2", "4", "5"] and ws.slots[3].error
    for r in range(model.rowCount()):
        texts.append((f"page row {r}", model.text(r)))
        tip = str(model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole))
        texts.append((f"page row {r} tip", tip.replace(ws.slots[r].page.path.name, "")))
    # moving between pages, past the last one, onto the page that cannot be opened
    for _ in range(4):
        qtbot.keyClick(w, Qt.Key.Key_F9)
    w.issue.show_page(3)
    w.issue.step(-1)
    w.issue.show_page(0)
    w.issue.step(-1)
    # the story panel: a story continued on page 4, one that is not, linking by hand
    page1 = w.page()
    w.select_article(page1.articles[0].id)
    texts += chrome_texts(w.issue.story)
    texts += [(f"story part {i}", w.issue.story.parts.item(i).text()) for i in range(w.issue.story.parts.count())]
    look("link")
    w.issue.story.link_button.click()
    w.issue.links.unlink()
    w.issue.story.title.text()
    w.issue.links.link(page1.articles[-1].id, 0, page1.articles[-1].id)
    w.issue.show_page(1)
    w.select_article(w.page().articles[0].id)
    texts += chrome_texts(w.issue.story)
    assert w.issue.story.title.text() == "文章：未跨版"
    w.issue.links.unlink()
    w.issue.show_page(0)
    # issue-wide decisions, the entity list, find
    target = next(e for e in page1.entities if e.text == "长春")
    w.push(ConfirmEntity(target.id))
    w.select_entity(target.id)
    w.editing.by_name["apply_all"].trigger()
    w.issue.show_entities()
    window = w.issue.entity_window
    assert window is not None
    texts += chrome_texts(window)
    m = window.model
    for r in range(m.rowCount()):
        texts += [(f"entity row {r} {c}", str(m.index(r, c).data() or "")) for c in (3, 4)]
        texts.append((f"entity row {r} tip", str(m.index(r, 0).data(Qt.ItemDataRole.ToolTipRole) or "")))
    other = next(r for r in m.rows if r.text != "长春")
    assert window.select_text(other.text, other.type)
    window.buttons["reject"].click()
    w.issue.find("王海林")
    texts += chrome_texts(w.issue.find_panel)
    w.issue.find("没有这几个字")
    texts += chrome_texts(w.issue.find_panel)
    # saving, exporting (page 5 is left out), the recovery dialog
    w.issue.autosave_others()
    w.issue.save_all()
    shown: list[QProgressDialog] = []

    class Progress(QProgressDialog):
        def __init__(self, *args: Any) -> None:
            super().__init__(*args)
            shown.append(self)

        def setLabelText(self, text: str) -> None:
            seen.append(("export progress", text))
            super().setLabelText(text)

    monkeypatch.setattr(ui.issue.controller, "QProgressDialog", Progress)
    assert w.issue.export(tmp_path / "export")
    assert shown and shown[0].windowTitle() == "导出本期"
    seen.extend(("export dialog: " + where, t) for where, t in chrome_texts(shown[0]))
    look("recovery", QDialogButtonBox.StandardButton.Cancel)
    assert choose_pages(w, [(0, "1"), (2, "4")]) == []
    # closing with pages changed by a decision, then what the menu says with no issue open
    elsewhere = next(r for r in m.rows if 0 not in r.pages and r.pending)
    w.issue.apply_everywhere("confirm", elsewhere.text, elsewhere.type)
    assert w.issue.close_issue()
    assert asked.titles[-1] == "本期有未保存的校改", asked.titles
    w.issue.show_entities()
    w.issue.find_dialog()
    w.issue.export_dialog()
    w.issue.find_panel.search_for("长春")
    texts += chrome_texts(w.issue.find_panel)
    assert {where.split(":")[0] for where, _ in seen} >= {"link", "recovery"}, seen
    texts += seen + [("status", s) for s in said]
    texts += [("question title", t) for t in asked.titles] + [("question", t) for t in asked.questions]
    texts += [("warning", t) for t in asked.warnings]
    names = [str(tmp_path / "export"), str(folder), "daily-2024-03-15", "p5.txt"]

    def without_data(t: str) -> str:
        for n in names:
            t = t.replace(n, "")
        return re.sub(r"\b(p\d\.txt[\w.]*|corpus\.\w+)", "", t)  # files: a page's, its corrections', exported

    texts = [(where, without_data(t)) for where, t in texts if t]
    assert_chinese(texts)
    # nor English punctuation between Chinese words (lists joined with 、, sentences with ；)
    assert not [(where, t) for where, t in texts if CJK.search(t) and re.search(r"[,;:] ", t)]
    w.undo_stack.setClean()
    w.files.autosave_timer.stop()
    w.issue.autosave_timer.stop()


@pytest.mark.parametrize(
    ("content", "why"),
    [
        ("{not json", "不是 JSON：第 1 行第 2 列"),
        ('{"format": "%s", "links": {"added": [1]}}', "跨版链接：某条链接不是“版、行、版、行”四项"),
    ],
)
def test_an_unreadable_issue_file_is_told_in_chinese(
    chinese: None, qtbot: Any, settings: QSettings, tmp_path: Path, content: str, why: str
) -> None:
    """Python's "Expecting value: line 1 column 2 (char 1)" or "cannot unpack non-iterable int
    object" was shown inside the Chinese sentence."""
    from core.issue.source import open_issue as issue_of
    from core.issue.workspace import FORMAT

    folder = write_issue(tmp_path / "daily-2024-03-15")
    state = issue_of(folder).state_path
    state.write_text(content.replace("%s", FORMAT), encoding="utf-8")
    w = make_window(qtbot, settings, AskedWithTitles())
    said = recording(w)
    open_issue(qtbot, w, folder)
    told = next(s for s in said if state.name in s)
    assert told == f"{state.name}：无法读取本期的跨版链接决定（{why}）；跨版链接按自动结果", told
    w.undo_stack.setClean()


def test_a_fault_in_the_parser_is_told_in_chinese_and_logged(
    chinese: None,
    qtbot: Any,
    settings: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    import core.persist

    def broken(*_: Any, **__: Any) -> Any:
        raise KeyError("an internal detail")

    monkeypatch.setattr(core.persist, "open_page", broken)
    w = make_window(qtbot, settings, AskedWithTitles())
    said = recording(w)
    open_issue(qtbot, w, write_issue(tmp_path / "daily-2024-03-15"))
    assert not w.issue.show_page(0)
    assert said[-1] == "第1版无法打开：p1.txt：无法解析（程序出错，详情见日志）", said[-1]
    assert "an internal detail" in caplog.text and "p1.txt" in caplog.text


def test_title_bars_name_the_program_in_the_interface_language(qtbot: Any) -> None:
    """An untitled dialog's title bar showed the application name "Banmian" in a Chinese session."""
    from PySide6.QtGui import QGuiApplication

    from ui.app import speak

    app = QApplication.instance()
    assert app is not None
    translators = speak(app, "zh")
    try:
        assert QGuiApplication.applicationDisplayName() == "版面"
    finally:
        remove(app, translators)
    translators = speak(app, "en")
    assert not translators and QGuiApplication.applicationDisplayName() == "Banmian"


def test_a_save_with_a_lexicon_that_cannot_be_written_says_both_in_chinese(
    chinese: None, qtbot: Any, settings: QSettings, asked: Asked, page_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The save's notes were joined with "; " and the lexicon's failure was Python's
    "[Errno 13] Permission denied: '…'"."""
    import core.persist.session

    def refuse(*_: Any, **__: Any) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", "/somewhere/lexicon.json")

    monkeypatch.setattr(core.persist.session, "teach", refuse)
    w = make_window(qtbot, settings, asked)
    w.files.open_path(page_file)
    line = w.page().articles[0].lines[0]
    focus(qtbot, w.raw_view)
    w.raw_view.go_to_line(line)
    qtbot.keyClick(w.raw_view, Qt.Key.Key_3)
    assert w.isWindowModified()
    qtbot.keyClick(w.raw_view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    said = w.statusBar().currentMessage()
    name = f"{page_file.name}.banmian.json"
    assert said == f"已保存 {name}；校改已保存，但词表未能更新：没有权限", said


def test_corrections_that_are_not_json_are_told_in_chinese_with_the_other_notes(
    chinese: None,
    qtbot: Any,
    settings: QSettings,
    asked: Asked,
    page_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Python's "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)" was
    shown inside the Chinese sentence, and the opening notes were joined with "; "."""
    from core.persist import open_page

    sidecar = open_page(page_file).sidecar_path
    sidecar.write_text("{oops", encoding="utf-8")
    config = tmp_path / "config"
    config.mkdir()
    (config / "labels.json").write_text('[{"name": "PER", "colour": "red", "key": "P"}]', encoding="utf-8")
    monkeypatch.setenv("BANMIAN_CONFIG_DIR", str(config))
    w = make_window(qtbot, settings, asked)
    w.files.open_path(page_file)
    said = w.statusBar().currentMessage()
    assert f"改用内置的标签；{sidecar.name} 已损坏（不是 JSON：第 1 行第 2 列）；未使用该文件，另存为 " in said, said
    w.undo_stack.setClean()
    w.files.autosave_timer.stop()
