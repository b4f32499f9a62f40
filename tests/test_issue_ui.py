"""The issue in the window: page list, save-and-next, issue-wide decisions and entity list, find,
continued stories, recovery after a crash, export — on a folder of pages and on a generated PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from issue_pages import write_issue, write_pdf
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QMessageBox

from core.edits import ConfirmEntity
from core.issue.workspace import IssueWorkspace
from tests.test_ui import Asked
from ui.issue.page_list import PendingRole, StatusRole
from ui.loading import InlineLoader
from ui.main_window import MainWindow

# the offscreen platform warns about features it lacks; that is not our bug
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", r"does not support raise")


@pytest.fixture
def asked() -> Asked:
    return Asked()


def make_window(qtbot: Any, tmp_path: Path, asked: Asked) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(loader=InlineLoader(), settings=settings)
    w.ask = asked.ask  # type: ignore[method-assign]
    w.warn = asked.warn  # type: ignore[method-assign]
    w.issue.workers = 0  # parse in the test's thread, one page per event-loop turn
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def open_issue(qtbot: Any, w: MainWindow, path: Path) -> IssueWorkspace:
    assert w.issue.open(path)
    ws = w.issue.ws
    assert ws is not None
    qtbot.waitUntil(lambda: ws.all_loaded() and w.issue.loader is not None and not w.issue.loader.busy(), timeout=60000)
    return ws


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_issue(tmp_path / "daily-2024-03-15")


@pytest.fixture
def win(qtbot: Any, tmp_path: Path, asked: Asked) -> Any:
    w = make_window(qtbot, tmp_path, asked)
    yield w
    w.undo_stack.setClean()
    w.files.autosave_timer.stop()
    w.issue.autosave_timer.stop()


def statuses(ws: IssueWorkspace, text: str) -> dict[int, list[str]]:
    return {i: [e.status for e in d.page.entities if e.text == text] for i, d in ws.documents().items()}


def test_page_list_status_and_progress(
    qtbot: Any, qtmodeltester: Any, win: MainWindow, folder: Path, asked: Asked
) -> None:
    ws = open_issue(qtbot, win, folder)
    model = win.issue.model
    panel = win.issue.panel
    assert model is not None and panel is not None
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    texts = [model.text(r) for r in range(3)]
    assert texts[0].startswith("Page 1 · automatic · ") and texts[2].startswith("Page 4")
    assert [model.index(r, 0).data(PendingRole) for r in range(3)] == [s.pending for s in ws.slots]
    assert win.session.document is ws.document(0)  # the first page is on screen
    assert panel.progress.text() == "0 of 3 pages reviewed" and not panel.loading.isVisible()
    assert "daily-2024-03-15 · 2024-03-15 · 3 pages" in panel.summary.text()
    asked.answer = QMessageBox.StandardButton.Yes  # reviewed with entities still pending: yes
    win.editing.review_done.trigger()  # mark the page reviewed (an undoable edit)
    assert model.index(0, 0).data(StatusRole) == "done" and "reviewed" in model.text(0)
    qtbot.waitUntil(lambda: panel.progress.text() == "1 of 3 pages reviewed")  # recounted once per burst
    win.undo_stack.undo()
    assert model.index(0, 0).data(StatusRole) == "auto"
    panel.view.clicked.emit(model.index(2, 0))  # a click on page 4
    assert win.session.document is ws.document(2) and win.issue.current == 2


def test_save_and_next_with_one_key(qtbot: Any, win: MainWindow, folder: Path, asked: Asked) -> None:
    ws = open_issue(qtbot, win, folder)
    first = win.page().entities[0]
    win.push(ConfirmEntity(first.id))
    assert win.isWindowModified() and "unsaved" in (win.issue.model.text(0) if win.issue.model else "")
    qtbot.keyClick(win, Qt.Key.Key_F9)
    assert win.issue.current == 1 and win.session.document is ws.document(1)
    assert (folder / "p1.txt.banmian.json").exists() and not ws.slots[0].modified
    assert not asked.questions and not win.isWindowModified()
    qtbot.keyClick(win, Qt.Key.Key_F9)
    assert win.issue.current == 2
    qtbot.keyClick(win, Qt.Key.Key_F9)
    assert win.issue.current == 2 and "last page" in win.statusBar().currentMessage()
    qtbot.keyClick(win, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)  # the folder keys walk the issue
    assert win.issue.current == 1


def test_apply_to_all_reaches_the_issue_and_undoes_per_page(qtbot: Any, win: MainWindow, folder: Path) -> None:
    ws = open_issue(qtbot, win, folder)
    before = statuses(ws, "长春")
    target = next(e for e in win.page().entities if e.text == "长春")
    win.push(ConfirmEntity(target.id))
    win.select_entity(target.id)
    win.editing.by_name["apply_all"].trigger()  # A
    after = statuses(ws, "长春")
    assert all(s == "confirmed" for v in after.values() for s in v) and len([v for v in after.values() if v]) == 3
    assert "in the issue" in win.statusBar().currentMessage()
    assert win.issue.model is not None and "unsaved" in win.issue.model.text(1)
    qtbot.keyClick(win, Qt.Key.Key_F9)  # page 2: the issue-wide decision is on its own undo stack
    assert win.undo_stack.count() == 1
    win.undo_stack.undo()
    now = statuses(ws, "长春")
    assert now[1] == before[1] and now[0] == after[0] and now[2] == after[2]
    win.undo_stack.redo()
    assert statuses(ws, "长春")[1] == after[1]


def test_issue_entity_list_decides_for_every_page(
    qtbot: Any, qtmodeltester: Any, win: MainWindow, folder: Path
) -> None:
    ws = open_issue(qtbot, win, folder)
    before = statuses(ws, "长春")
    win.issue.show_entities()
    window = win.issue.entity_window
    assert window is not None and window.isVisible()
    qtmodeltester.check(window.model)
    assert window.select_text("长春", "LOC")
    row = window.current_row()
    assert row is not None and row.count == sum(map(len, before.values())) and window.model.pages_text(row) == "1, 2, 4"
    qtbot.mouseClick(window.buttons["reject"], Qt.MouseButton.LeftButton)
    assert all(s == "rejected" for v in statuses(ws, "长春").values() for s in v)
    qtbot.waitUntil(lambda: any(r.text == "长春" and r.status == "rejected" for r in window.model.rows))
    window.filter.setText("长春")
    assert window.proxy.rowCount() >= 1
    win.undo_stack.undo()  # page 1 (on screen) takes its part back; pages 2 and 4 keep theirs
    got = statuses(ws, "长春")
    assert got[0] == before[0] and got[1] == ["rejected"] and got[2] == ["rejected"]


def test_find_across_the_issue_and_go_there(qtbot: Any, win: MainWindow, folder: Path) -> None:
    ws = open_issue(qtbot, win, folder)
    win.issue.find_dialog()
    panel = win.issue.find_panel
    panel.query.setText("王海林")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    assert panel.results.count() == 2 and "2 hits on 2 pages" in panel.summary.text()
    item = panel.results.item(1)
    panel.results.itemActivated.emit(item)
    assert win.issue.current == 2 and win.session.document is ws.document(2)
    hit = ws.documents()[2].page.text.index("王海林")
    line = next(ln.number for ln in win.page().lines if ln.start <= hit < ln.end)
    assert win.selection.line == line


def test_continued_story_shown_linked_and_unlinked(qtbot: Any, win: MainWindow, folder: Path) -> None:
    ws = open_issue(qtbot, win, folder)
    win.select_article(win.page().articles[0].id)
    story = win.issue.story
    assert story.parts.count() == 2 and story.title.text() == "Story in 2 parts"
    assert "p4" in story.parts.item(1).text()
    qtbot.mouseClick(story.unlink_button, Qt.MouseButton.LeftButton)
    assert story.parts.count() == 1 and len(ws.links.links) == 1
    assert ws.issue.state_path.exists()  # the decision is kept with the issue
    win.undo_stack.undo()
    assert story.parts.count() == 2 and len(ws.links.links) == 2
    story.parts.itemClicked.emit(story.parts.item(1))  # go to the continuation
    assert win.issue.current == 2
    assert story.parts.count() == 2 and story.parts.item(1).text().startswith("▶")


def test_link_by_hand(qtbot: Any, win: MainWindow, folder: Path) -> None:
    ws = open_issue(qtbot, win, folder)
    p2 = ws.documents()[1].page
    qtbot.keyClick(win, Qt.Key.Key_F9)
    win.select_article(p2.articles[0].id)
    assert win.issue.links.link(p2.articles[0].id, 2, ws.documents()[2].page.articles[-1].id)
    assert win.issue.story.parts.count() >= 2
    win.undo_stack.undo()
    assert win.issue.story.parts.count() == 1


def test_recovery_after_a_crash(qtbot: Any, tmp_path: Path, folder: Path, asked: Asked) -> None:
    first = make_window(qtbot, tmp_path / "one", asked)
    ws = open_issue(qtbot, first, folder)
    target = next(e for e in first.page().entities if e.text == "长春")
    first.push(ConfirmEntity(target.id))
    first.select_entity(target.id)
    first.editing.by_name["apply_all"].trigger()
    first.files.autosave()  # the page on screen, as the timer would
    first.issue.autosave_others()  # the other pages the decision reached
    crashed = statuses(ws, "长春")
    recovery = [s.recovery_path() for s in ws.slots]
    assert all(p is not None and p.exists() for p in recovery)
    # the program is killed here: nothing was saved; the editor opens the issue again
    second = make_window(qtbot, tmp_path / "two", asked)
    offered: list[list[tuple[int, str]]] = []

    def choose(items: list[tuple[int, str]]) -> list[int]:
        offered.append(items)
        return [i for i, _ in items if i != 2]  # restore pages 1 and 2, not page 4

    second.issue.choose_recovery = choose
    again = open_issue(qtbot, second, folder)
    assert offered == [[(0, "1"), (1, "2"), (2, "4")]]
    got = statuses(again, "长春")
    assert got[0] == crashed[0] and got[1] == crashed[1] and got[2] == ["auto"]
    assert second.session.document is again.document(0) and second.isWindowModified()
    assert again.modified_pages() == [0, 1]
    assert recovery[2] is not None and not recovery[2].exists()  # declined: dropped
    first.undo_stack.setClean()
    first.files.autosave_timer.stop()
    first.issue.autosave_timer.stop()
    second.undo_stack.setClean()
    second.files.autosave_timer.stop()


def test_export_from_the_window(qtbot: Any, win: MainWindow, folder: Path, tmp_path: Path) -> None:
    open_issue(qtbot, win, folder)
    out = tmp_path / "export"
    assert win.issue.export(out)
    assert (
        (out / "corpus.jsonl").is_file() and (out / "corpus.conll").is_file() and (out / "pages" / "p4.json").exists()
    )


def test_a_pdf_issue_in_the_window(qtbot: Any, win: MainWindow, tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "daily-2024-03-15.pdf")
    ws = open_issue(qtbot, win, pdf)
    model = win.issue.model
    assert model is not None and model.rowCount() == 4
    assert [s.page.label for s in ws.slots] == ["1", "2", "3", "4"]
    pytest.importorskip("pypdfium2")
    thumb = model.index(0, 0).data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(thumb, QPixmap) and thumb.width() > 0
    qtbot.keyClick(win, Qt.Key.Key_F9)
    assert win.issue.current == 1
    win.select_article(ws.documents()[0].page.articles[0].id)
    out = tmp_path / "export"
    assert win.issue.export(out) and (out / "mets.xml").is_file()


def test_thumbnails_without_the_pdf_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from ui.issue.thumbnails import Thumbnails

    monkeypatch.setitem(sys.modules, "pypdfium2", None)  # the optional extra is not installed
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4")
    thumbs = Thumbnails()
    assert thumbs.image(tmp_path / "x.pdf#1") is None and not thumbs.available
    assert thumbs.image(tmp_path / "x.txt") is None  # a text page has no PDF to draw


def test_drop_a_folder_opens_it_as_an_issue_and_it_is_remembered(qtbot: Any, win: MainWindow, folder: Path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    drop = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    assert win.issue.eventFilter(win, drop)  # what Qt hands the window's filter on a real drop
    ws = win.issue.ws
    assert ws is not None and ws.issue.source == folder
    qtbot.waitUntil(lambda: ws.all_loaded(), timeout=60000)
    assert win.issue.recent() == [str(folder.resolve())]
    win.close()  # closing the window closes the issue and stops its workers
    assert win.issue.ws is None and win.issue.loader is None


class HeldBatch:
    """Stands in for ``core.batch``'s pool: the test decides which pages are done, and when."""

    jobs = 2

    def __init__(self, paths: list[str]) -> None:
        from core.batch.tasks import Outcome
        from core.issue.loading import load_page

        self.outcomes = [Outcome(i, Path(p), load_page(p)) for i, p in enumerate(paths)]
        self.finished: list[Any] = []
        self.handed, self.closed = 0, False

    @property
    def done(self) -> bool:
        return self.handed >= len(self.outcomes)

    def finish(self, index: int) -> None:
        self.finished.append(self.outcomes[index])

    def ready(self, limit: int | None = None) -> list[Any]:
        got, self.finished = self.finished[:limit], self.finished[len(self.finished[:limit]) :]
        self.handed += len(got)
        return got

    def close(self) -> None:
        self.closed = True


def test_the_page_list_follows_pages_as_the_pool_finishes_them(
    qtbot: Any, win: MainWindow, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.issue.loader

    batches: list[HeldBatch] = []
    kinds: list[tuple[bool, int | None]] = []

    def start_loading(paths: list[str], workers: int | None = None, *, ordered: bool = True) -> HeldBatch:
        kinds.append((ordered, workers))
        batches.append(HeldBatch(paths))
        return batches[-1]

    monkeypatch.setattr(ui.issue.loader, "start_loading", start_loading)
    win.issue.workers = None  # every core
    assert win.issue.open(folder)
    ws, model = win.issue.ws, win.issue.model
    assert ws is not None and model is not None and kinds == [(False, None)]  # as they finish
    assert all(" · loading" in model.text(r) for r in range(3))
    batches[0].finish(2)  # the last page is done first
    qtbot.waitUntil(lambda: ws.loaded_count() == 1)
    assert "automatic" in model.text(2) and " · loading" in model.text(0) and win.issue.loader is not None
    assert win.issue.loader.busy() and win.issue.panel is not None and win.issue.panel.loading.isVisible()
    batches[0].finish(0)
    batches[0].finish(1)
    qtbot.waitUntil(lambda: ws.all_loaded() and not win.issue.loader.busy())  # type: ignore[union-attr]
    assert [s.status for s in ws.slots] == ["auto"] * 3 and len(ws.stories()[0]) > 0
    assert win.session.document is ws.document(0)
