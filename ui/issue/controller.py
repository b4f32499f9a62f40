"""An open issue in the main window: the page list dock, moving between pages (saving first),
issue-wide decisions, find, links between continued stories, recovery and export.

The window keeps showing one page at a time through its usual machinery: the controller hands it
the workspace's ``Document`` of a page (``PageFiles.adopt``), so an edit in the window is an edit
of the issue.  Issue-wide decisions go through the window's undo stack for the page on screen and
through each page's core history for the others; when such a page is opened, its pending edits
move onto the window's undo stack, so each page undoes its own part with Ctrl+Z.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog

from core.edits.base import Edit, EditError
from core.issue.decisions import EntityRow, IssueDecision, apply_decision, plan, row_decision
from core.issue.search import Hit
from core.issue.source import IssueError, is_issue, open_issue
from core.issue.workspace import IssueEvent, IssueWorkspace
from core.messages import os_reason
from ui.actions.commands import EditCommand
from ui.i18n import listing, reason, sentences, tr, tr_core
from ui.issue.entity_list import IssueEntityModel, IssueEntityWindow
from ui.issue.find import IssueFindPanel
from ui.issue.links import StoryLinks
from ui.issue.loader import IssueLoader
from ui.issue.page_list import PageListModel, PageListPanel
from ui.issue.recovery import choose_pages
from ui.issue.story import StoryPanel

if TYPE_CHECKING:
    from ui.main_window import MainWindow

AUTOSAVE_MS = 3000
RECENT_KEY = "issues/recent"
RECENT_MAX = 8


def decision_text(decision: str, text: str, type_: str) -> str:
    """An issue-wide decision in the editor's words, for the status bar."""
    surface = "".join(text.split())
    if decision == "confirm":
        return tr("Confirm all “{text}” in the issue").format(text=surface)
    if decision == "reject":
        return tr("Reject all “{text}” in the issue").format(text=surface)
    if decision == "retype":
        return tr("Retype all “{text}” to {type} in the issue").format(text=surface, type=type_)
    return tr("Mark all “{text}” as {type} in the issue").format(text=surface, type=type_)


class IssueController(QObject):
    """``opened()`` when an issue is open, ``page_shown(index)`` when a page is on screen."""

    opened = Signal()
    page_shown = Signal(int)

    def __init__(self, window: MainWindow, workers: int | None = None) -> None:
        super().__init__(window)
        self.w = window
        self.workers = workers
        self.ws: IssueWorkspace | None = None
        self.current = -1
        self._want = -1  # a page asked for before it was parsed
        self.loader: IssueLoader | None = None
        self.model: PageListModel | None = None
        self.panel: PageListPanel | None = None
        self.entity_model: IssueEntityModel | None = None
        self.entity_window: IssueEntityWindow | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self.choose_recovery: Callable[[list[tuple[int, str]]], list[int]] = lambda items: choose_pages(self.w, items)
        self.find_panel = IssueFindPanel(lambda: self.ws)
        self.find_panel.hit_chosen.connect(self.go_to_hit)
        self.story = StoryPanel()
        self.links = StoryLinks(self.story, window, lambda: self.ws, lambda: self.current, self.show_page, self)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave_others)
        window.files.save_state.connect(self._window_saved)
        window.selection.changed.connect(lambda _source: self.links.show_story())
        window.editing.entities.issue_wide = self.apply_everywhere
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    # -- opening -----------------------------------------------------------------------------------

    def open_dialog(self) -> None:
        start = str(self.ws.issue.source.parent) if self.ws else str(Path.home())
        folder = QFileDialog.getExistingDirectory(self.w, tr("Open issue (a folder of pages)"), start)
        if folder:
            self.open(folder)

    def open_pdf_dialog(self) -> None:
        start = str(self.ws.issue.source.parent) if self.ws else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self.w, tr("Open issue PDF"), start, tr("PDF (*.pdf)"))
        if path:
            self.open(path)

    def open(self, path: str | Path) -> bool:
        """Open a folder or a PDF as the issue: the page list at once, parsing in the background."""
        if not self.close_issue():
            return False
        try:
            issue = open_issue(path)
        except IssueError as e:
            self.w.warn(tr("Cannot open issue"), tr_core(str(e)))
            return False
        ws = self.ws = IssueWorkspace(issue)
        self._unsubscribe = ws.subscribe(self._on_event)
        self.model = PageListModel(ws, self)
        self.panel = PageListPanel(self.model)
        self.panel.page_chosen.connect(self.show_page)
        self._dock_panel()
        self.w.files.stepper = self.step
        self.current, self._want = -1, 0
        self.find_panel.reset()
        self._remember(issue.source)
        if ws.state_warning:
            self.w.say(tr_core(ws.state_warning), 15000)
        self.w.say(tr("{name}: {n} pages; parsing them in the background…").format(name=issue.name, n=len(issue.pages)))
        self.loader = IssueLoader(ws, self.workers, self)
        self.loader.progress.connect(lambda done, total: self.panel.recount() if self.panel else None)
        self.loader.finished.connect(self._all_loaded)
        self.loader.start()
        self.opened.emit()
        return True

    def _dock_panel(self) -> None:
        assert self.panel is not None
        from PySide6.QtWidgets import QVBoxLayout, QWidget

        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel, 3)
        layout.addWidget(self.story, 1)
        dock = self.w.docks.get("issue")
        if dock is None:
            dock = self.w.add_dock("issue", tr("Issue"), holder, Qt.DockWidgetArea.LeftDockWidgetArea)
            self.w.add_dock("issue_find", tr("Find in issue"), self.find_panel, Qt.DockWidgetArea.LeftDockWidgetArea)
        else:
            old = dock.widget()
            dock.setWidget(holder)
            if old is not None:
                old.deleteLater()
        dock.show()
        dock.raise_()

    def _on_event(self, event: IssueEvent) -> None:
        if event.kind == "page_loaded" and event.page is not None:
            doc = self.ws.document(event.page) if self.ws is not None else None
            if doc is not None:  # find is quick from the first search on: index each page as it arrives
                self.find_panel.search.index(event.page, doc.page)
            if event.page == self._want:
                self.show_page(event.page)
        elif event.kind == "links_changed":
            self.links.show_story()

    def _all_loaded(self) -> None:
        ws = self.ws
        if ws is None:
            return
        if self.panel is not None:
            self.panel.show_progress()  # every page is in: the loading bar goes now, not after a pause
        errors = [s for s in ws.slots if s.error]
        parsed = tr("{name}: {n} pages parsed").format(name=ws.issue.name, n=len(ws) - len(errors))
        failed = tr(", {n} could not be opened").format(n=len(errors)) if errors else ""
        continued = sum(1 for s in ws.stories()[0] if len(s.parts) > 1)
        self.w.say(parsed + failed + tr(", {n} continued stories").format(n=continued), 10000)
        self.offer_recovery()

    def offer_recovery(self) -> None:
        """Pages whose autosave is newer than their save: ask which to restore (after a crash)."""
        ws = self.ws
        if ws is None:
            return
        pages = ws.recoverable()
        if not pages:
            return
        chosen = self.choose_recovery([(i, ws.slots[i].page.label) for i in pages])
        notes: list[str] = []  # what the restore says (an autosave set aside, corrections dropped)
        for i in pages:
            if i in chosen:
                slot = ws.slots[i]
                try:
                    notes.extend(ws.recover(i))
                except Exception as e:  # an unusable autosave: say it, keep the page as saved
                    notes.append(
                        tr("page {page}: the autosave could not be used: {error}").format(
                            page=slot.page.label, error=reason(e, slot.recovery_path() or slot.page.path)
                        )
                    )
            else:
                ws.drop_recovery(i)
        if self.current in chosen:
            shown, self.current = self.current, -1
            self.show_page(shown, save_first=False)
        if chosen:
            done = tr("restored the unsaved corrections of {n} pages (not saved yet)").format(n=len(chosen))
            self.w.say(sentences([done, *map(tr_core, notes)]), 15000)

    def close_issue(self) -> bool:
        """Close the open issue, saving what the editor wants saved; False: the editor cancelled."""
        ws = self.ws
        if ws is None:
            return self.w.files.confirm_discard()
        others = [i for i in ws.modified_pages() if i != self.current]
        if others:
            answer = self.w.ask(
                tr("Unsaved corrections in the issue"),
                tr("{n} other pages hold corrections not saved yet (issue-wide decisions). Save them?").format(
                    n=len(others)
                ),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                return False
            if answer == QMessageBox.StandardButton.Save:
                problems = self.save_others(others)
                if problems:
                    self.w.warn(tr("Cannot save"), "\n".join(map(tr_core, problems)))
                    return False
        if not self.w.files.confirm_discard():
            return False
        try:
            ws.save_state()
        except OSError as e:
            why = reason(e, ws.issue.state_path)
            self.w.say(tr("the issue's links were not saved: {error}").format(error=why), 15000)
        if self.loader is not None:
            self.loader.shutdown()
        if self._unsubscribe is not None:
            self._unsubscribe()
        for m in (self.model, self.entity_model):
            if m is not None:
                m.detach()
        if self.entity_window is not None:
            self.entity_window.close()
        self.ws, self.model, self.entity_model, self.entity_window, self.loader = None, None, None, None, None
        self.w.files.stepper = None
        self.current = -1
        return True

    # -- moving between pages ----------------------------------------------------------------------

    def show_page(self, index: int, *, save_first: bool = True) -> bool:
        """Put page ``index`` in the window, saving the page on screen first (never dropping work)."""
        ws = self.ws
        if ws is None or not 0 <= index < len(ws):
            return False
        slot = ws.slots[index]
        if index == self.current and self.w.session.document is slot.document:
            return True
        if slot.document is None:
            if slot.error:
                self.w.say(
                    tr("page {page} cannot be opened: {error}").format(page=slot.page.label, error=tr_core(slot.error)),
                    15000,
                )
                return False
            self._want = index
            self.w.say(tr("page {page} is still being parsed; it opens when ready").format(page=slot.page.label))
            return False
        if save_first and self.current >= 0 and self.w.files.is_modified() and not self.w.files.save():
            self.w.say(tr("the corrections were not saved: staying on this page"), 15000)
            return False
        self._want = -1
        pending = slot.history.done if slot.history is not None else ()
        clean = slot.history.is_clean if slot.history is not None else True
        self.current = index
        self.w.files.adopt(
            slot.document,
            slot.page.path,
            slot.sidecar_path,
            modified=slot.modified and not pending,
            warnings=slot.warnings,
        )
        for edit in pending:  # issue-wide decisions made while the page was elsewhere: undoable here
            self.w.undo_stack.push(EditCommand(slot.document, edit))
        if pending and clean:
            self.w.undo_stack.setClean()
        if slot.history is not None:
            slot.history.clear()
        self.w.show_save_state()
        if self.panel is not None:
            self.panel.select(index)
        title = tr("{issue} — page {page}").format(issue=ws.issue.name, page=slot.page.label)
        self.w.setWindowTitle(f"{title}[*] — " + tr("Banmian"))
        self.links.show_story()
        self.page_shown.emit(index)
        return True

    def step(self, direction: int) -> None:
        """Save this page and open the next (``+1``) or previous (``-1``) page of the issue."""
        ws = self.ws
        if ws is None:
            return
        target = self.current + direction
        if not 0 <= target < len(ws):
            self.w.say(
                tr("this is the last page of the issue") if direction > 0 else tr("this is the first page of the issue")
            )
            if direction > 0 and self.w.files.is_modified():
                self.w.files.save()
            return
        self.show_page(target)

    def save_and_next(self) -> None:
        self.step(+1)

    def _window_saved(self, _note: str) -> None:
        """The window saved (or autosaved) the page on screen: the page list follows."""
        ws = self.ws
        if ws is None or not 0 <= self.current < len(ws):
            return
        slot = ws.slots[self.current]
        if slot.document is not None and slot.document is self.w.session.document and not self.w.files.is_modified():
            slot.saved = slot.document.state
            ws.notify(self.current)

    def save_others(self, indices: list[int] | None = None) -> list[str]:
        """Save pages changed by issue-wide decisions (not the one on screen: Ctrl+S does that)."""
        from core.entities.lexicon import UserLexicon
        from core.persist import SaveError

        ws = self.ws
        if ws is None:
            return []
        problems: list[str] = []
        lexicon = UserLexicon.load()
        for i in indices if indices is not None else ws.modified_pages():
            if i == self.current:
                continue
            try:
                problems.extend(ws.save_page(i, lexicon))
            except SaveError as e:
                problems.append(str(e))
        return problems

    def save_all(self) -> None:
        problems = self.save_others()
        if self.w.files.is_modified():
            self.w.files.save()
        if self.ws is not None:
            try:
                self.ws.save_state()
            except OSError as e:
                problems.append(tr("the issue's links: {error}").format(error=reason(e, self.ws.issue.state_path)))
        self.w.say(sentences(map(tr_core, problems)) if problems else tr("every page of the issue is saved"), 10000)

    def autosave_others(self) -> None:
        ws = self.ws
        if ws is None:
            return
        problems = ws.autosave([i for i in ws.modified_pages() if i != self.current])
        if problems:
            self.w.say(sentences(map(tr_core, problems)), 15000)

    # -- issue-wide decisions ----------------------------------------------------------------------

    def _run(self, index: int, edit: Edit) -> None:
        if index == self.current:
            if not self.w.push(edit):
                raise EditError(tr("refused on the page on screen"))
        else:
            assert self.ws is not None
            self.ws.do(index, edit)

    def _report(self, decision: IssueDecision, what: str) -> None:
        """``what``: the decision in the editor's words (``decision_text``)."""
        assert self.ws is not None
        pages = decision.pages
        count = sum(len(b.edits) for b in decision.batches.values())
        where = listing(self.ws.slots[i].page.label for i in pages[:12]) + ("…" if len(pages) > 12 else "")
        skipped = tr("; not on {n} pages that changed").format(n=len(decision.skipped)) if decision.skipped else ""
        self.w.say(
            tr("{decision}: {n} occurrences on pages {pages}{skipped} (Ctrl+Z on a page undoes it there)").format(
                decision=what, n=count, pages=where, skipped=skipped
            )
        )
        if any(i != self.current for i in pages):
            self.autosave_timer.start()

    def apply_everywhere(self, decision: str, text: str, type_: str) -> bool:
        """The A key with an issue open: the decision on every page of the issue."""
        if self.ws is None:
            return False
        if not self.ws.all_loaded():
            self.w.say(tr("the issue is still being parsed: the decision reaches the pages parsed so far"))
        try:
            done = apply_decision(plan(self.ws.documents(), decision, text, type_), self._run)
        except EditError as e:
            self.w.say(tr_core(str(e)))
            return True
        self._report(done, decision_text(decision, text, type_))
        return True

    def decide_row(self, row: EntityRow, decision: str, type_: str | None) -> None:
        """A decision on a row of the issue's entity list: every occurrence in the issue."""
        if self.ws is None:
            return
        try:
            done = apply_decision(row_decision(self.ws.documents(), row, decision, type_), self._run)
        except EditError as e:
            self.w.say(tr_core(str(e)))
            return
        self._report(done, decision_text(decision, row.text, type_ or row.type))

    def show_entities(self) -> None:
        ws = self.ws
        if ws is None:
            self.w.say(tr("open an issue first (Issue ▸ Open issue folder…)"))
            return
        if self.entity_window is None:
            self.entity_model = IssueEntityModel(ws, self)
            labels = [lb.name for lb in self.w.labels]
            self.entity_window = IssueEntityWindow(self.entity_model, labels, self.decide_row, self.find, self.w)
        self.entity_window.show()
        self.entity_window.raise_()

    # -- find --------------------------------------------------------------------------------------

    def find(self, text: str) -> list[Hit]:
        dock = self.w.docks.get("issue_find")
        if dock is not None:
            dock.show()
            dock.raise_()
        return self.find_panel.search_for(text)

    def find_dialog(self) -> None:
        dock = self.w.docks.get("issue_find")
        if dock is None:
            self.w.say(tr("open an issue first (Issue ▸ Open issue folder…)"))
            return
        dock.show()
        dock.raise_()
        entity = self.w.selection.entity()
        if entity is not None and not self.find_panel.query.text():
            self.find_panel.query.setText(entity.text)
        self.find_panel.query.setFocus()
        self.find_panel.query.selectAll()

    def go_to_hit(self, hit: Hit) -> None:
        if not self.show_page(hit.page):
            return
        if hit.entity:
            self.w.selection.set_entity(hit.entity, "find")
        else:
            self.w.selection.set_line(hit.line, "find")

    # -- export ------------------------------------------------------------------------------------

    def export_dialog(self) -> None:
        ws = self.ws
        if ws is None:
            self.w.say(tr("open an issue first (Issue ▸ Open issue folder…)"))
            return
        start = str(ws.issue.source.parent / f"{ws.issue.source.stem}-export")
        folder = QFileDialog.getExistingDirectory(self.w, tr("Export the issue into"), start)
        if folder:
            self.export(Path(folder))

    def export(self, out: Path) -> bool:
        from core.issue.export import export_issue

        ws = self.ws
        if ws is None:
            return False
        if not ws.all_loaded():
            self.w.say(tr("the issue is still being parsed; export when every page is ready"))
            return False
        progress = QProgressDialog(tr("Exporting the issue…"), "", 0, 0, self.w)
        progress.setWindowTitle(tr("Export the issue"))
        progress.setCancelButton(None)
        progress.setMinimumDuration(300)

        def step(done: int, total: int, what: str) -> None:
            progress.setMaximum(total)
            progress.setValue(done)
            progress.setLabelText(tr("Exporting {what}…").format(what=what))
            QApplication.processEvents()

        try:
            result = export_issue(ws, out, progress=step)
        except OSError as e:
            self.w.warn(tr("Cannot export"), tr("{path}: {error}").format(path=out, error=tr_core(os_reason(e))))
            return False
        finally:
            progress.close()
            self.w.activateWindow()
        done = tr("Exported {n} files to {folder}").format(n=len(result.written), folder=out)
        self.w.say(sentences([done, *map(tr_core, result.problems)]), 15000)
        return True

    # -- recent issues, drag and drop, closing -------------------------------------------------------

    def recent(self) -> list[str]:
        value = self.w.settings.value(RECENT_KEY, [])
        items = [value] if isinstance(value, str) else list(value) if isinstance(value, (list, tuple)) else []
        return [str(x) for x in items if x]

    def _remember(self, path: Path) -> None:
        items = [str(path.resolve())] + [x for x in self.recent() if x != str(path.resolve())]
        self.w.settings.setValue(RECENT_KEY, items[:RECENT_MAX])

    # Qt overrides

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.w and event.type() == QEvent.Type.DragEnter:
            assert isinstance(event, QDragEnterEvent)
            urls = event.mimeData().urls()
            if len(urls) == 1 and urls[0].isLocalFile():
                event.acceptProposedAction()
                return True
        if watched is self.w and event.type() == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            urls = event.mimeData().urls()
            if len(urls) == 1 and urls[0].isLocalFile():
                path = Path(urls[0].toLocalFile())
                event.acceptProposedAction()
                if is_issue(path):
                    self.open(path)
                else:
                    self.w.files.open_path(path)
                return True
        # the issue closes first (its other pages' corrections, the parsing workers); the window's
        # own close then finds nothing left to ask about
        closing = watched is self.w and event.type() == QEvent.Type.Close and self.ws is not None
        if closing and not self.close_issue():
            event.ignore()
            return True
        return super().eventFilter(watched, event)
