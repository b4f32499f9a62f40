"""The editor's window: raw page in the middle, article list, article text and entity table in docks.

The window owns the undo stack and the file; panels learn of changes from the session's signals
(core events) and never change the document themselves.
"""

from __future__ import annotations

import contextlib
import time
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QColor, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QWidget,
)

from core.document import Document
from core.edits.base import Edit, EditError
from core.events import Change
from core.model import Entity, Page
from core.paths import SAMPLE_PAGE
from ui.article_model import ArticleIdRole, ArticleListModel
from ui.article_view import ArticleTextView
from ui.colours import ColourBook
from ui.commands import EditCommand
from ui.editing import EditingActions
from ui.entity_model import EntityIdRole, EntityModel
from ui.labels import load_labels
from ui.loading import InlineLoader, PageLoader
from ui.panels import ArticleListView, EntityPanel
from ui.raw_model import RawLinesModel
from ui.raw_view import RawPageView
from ui.session import PageSession
from ui.shortcut_sheet import ShortcutSheet
from ui.worker import Loaded

SAMPLE = SAMPLE_PAGE
AUTOSAVE_MS = 3000
RECOVERY_SUFFIX = ".autosave"


def soften(colour: str, amount: float = 0.6) -> QColor:
    """A label colour mixed with white, light enough to sit behind text."""
    c = QColor(colour)
    return QColor(round(c.red() + (255 - c.red()) * amount), round(c.green() + (255 - c.green()) * amount),
                  round(c.blue() + (255 - c.blue()) * amount))


class MainWindow(QMainWindow):
    def __init__(self, loader: PageLoader | InlineLoader | None = None,
                 settings: QSettings | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("Banmian[*]")
        self.settings = settings or QSettings()
        self.labels = load_labels()
        self.label_colours = {lb.name: soften(lb.colour) for lb in self.labels}
        self.session = PageSession(self)
        self.colours = ColourBook()
        self.undo_stack = QUndoStack(self)
        self.page_path: Path | None = None
        self.sidecar_path: Path | None = None
        self.current_entity_id = ""
        self._restored = False  # corrections restored from an autosave: unsaved until saved
        self._syncing = False
        self.loader = loader or PageLoader(self)
        self.loader.loaded.connect(self._on_loaded)
        self.loader.progress.connect(self._on_progress)

        self.raw_model = RawLinesModel(self.session, self.colours, self)
        self.article_model = ArticleListModel(self.session, self.colours, self)
        self.entity_model = EntityModel(self.session, self.label_colours, self)
        self.raw_view = RawPageView(self)
        self.raw_view.set_model(self.raw_model)
        self.setCentralWidget(self.raw_view)
        self.article_list = ArticleListView(self.article_model)
        self.article_view = ArticleTextView()
        self.article_view.colours = self.label_colours
        self.entity_panel = EntityPanel(self.entity_model, [lb.name for lb in self.labels])
        self.docks: dict[str, QDockWidget] = {}
        self._dock("articles", "Articles", self.article_list, Qt.DockWidgetArea.RightDockWidgetArea)
        self._dock("article", "Article", self.article_view, Qt.DockWidgetArea.RightDockWidgetArea)
        self._dock("entities", "Entities", self.entity_panel, Qt.DockWidgetArea.RightDockWidgetArea)
        self.splitDockWidget(self.docks["article"], self.docks["entities"], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["articles"], self.docks["article"]], [260, 640], Qt.Orientation.Vertical)
        self.resizeDocks([self.docks["articles"]], [980], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["article"], self.docks["entities"]], [520, 460], Qt.Orientation.Horizontal)

        self.editing = EditingActions(self)
        self.editing.attach(self.raw_view, self.article_view, self.entity_panel)
        self.article_model.field_editor = self.editing.set_field
        self._build_menus()
        self._build_status()

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.undo_stack.indexChanged.connect(lambda _: self.autosave_timer.start())

        self.session.reset.connect(self._after_reset)
        self.session.changed.connect(self._after_change)
        self.raw_view.line_activated.connect(self._raw_line_activated)
        self.article_list.selectionModel().currentRowChanged.connect(self._article_selected)
        self.article_list.lines_dropped.connect(self.editing.move_lines)
        self.entity_panel.table.selectionModel().currentRowChanged.connect(self._entity_row_selected)
        self.article_view.entity_clicked.connect(self.select_entity)
        self.resize(1600, 1000)
        self._restore_layout()

    # -- building ----------------------------------------------------------------------------------

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> None:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"{name}Dock")
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(area, dock)
        self.docks[name] = dock

    def _window_action(self, name: str, text: str, keys: list[QKeySequence | str], slot: Any) -> QAction:
        a = QAction(text, self)
        a.setObjectName(name)
        a.setShortcuts([QKeySequence(k) for k in keys])
        a.triggered.connect(lambda _=False: slot())
        self.addAction(a)
        return a

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("&File")
        self.open_action = self._window_action("open", "&Open page…", [QKeySequence.StandardKey.Open],
                                               self.open_dialog)
        self.save_action = self._window_action("save", "&Save corrections", [QKeySequence.StandardKey.Save],
                                               self.save)
        self.export_action = self._window_action("export", "&Export JSON…", ["Ctrl+E"], self.export_dialog)
        self.quit_action = self._window_action("quit", "&Quit", [QKeySequence.StandardKey.Quit], self.close)
        for a in (self.open_action, self.save_action, self.export_action, self.quit_action):
            file.addAction(a)
        edit = bar.addMenu("&Edit")
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setObjectName("undo")
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setObjectName("redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        for a in self.editing.structure:
            edit.addAction(a)
        self.edit_fields_action = self._window_action("edit_fields", "Edit headline fields", ["F2"],
                                                      self.edit_fields)
        edit.addAction(self.edit_fields_action)
        roles = edit.addMenu("Set &role")
        for a in self.editing.roles:
            roles.addAction(a)
        ents = bar.addMenu("E&ntities")
        for a in self.editing.label_actions:
            ents.addAction(a)
        ents.addSeparator()
        for a in self.editing.review:
            ents.addAction(a)
        view = bar.addMenu("&View")
        for dock in self.docks.values():
            view.addAction(dock.toggleViewAction())
        view.addSeparator()
        self.shortcuts_action = self._window_action("shortcuts", "Keyboard shortcuts",
                                                    ["F1"],
                                                    self.show_shortcuts)
        view.addAction(self.shortcuts_action)

    def _build_status(self) -> None:
        sb = self.statusBar()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(140)
        self.progress.hide()
        self.articles_label = QLabel(objectName="articlesStatus")
        self.pending_label = QLabel(objectName="pendingStatus")
        self.save_label = QLabel(objectName="saveStatus")
        sb.addPermanentWidget(self.progress)
        for w in (self.articles_label, self.pending_label, self.save_label):
            sb.addPermanentWidget(w)

    # -- reading state -----------------------------------------------------------------------------

    def page(self) -> Page:
        assert self.session.page is not None
        return self.session.page

    def current_article_id(self) -> str:
        ix = self.article_list.currentIndex()
        return str(ix.data(ArticleIdRole)) if ix.isValid() else ""

    def text_selection(self) -> tuple[int, int] | None:
        """The page span selected in the focused text view (article text or raw page)."""
        first, second = self.raw_view, self.article_view
        if self.article_view.hasFocus():
            first, second = second, first  # type: ignore[assignment]
        return first.selected_span() or second.selected_span()

    def say(self, message: str, ms: int = 6000) -> None:
        self.statusBar().showMessage(message, ms)

    def ask(self, title: str, text: str, buttons: QMessageBox.StandardButton,
            default: QMessageBox.StandardButton) -> QMessageBox.StandardButton:
        """One place for questions (tests replace it)."""
        return QMessageBox.question(self, title, text, buttons, default)

    def warn(self, title: str, text: str) -> None:
        """One place for error boxes (tests replace it)."""
        QMessageBox.warning(self, title, text)

    # -- editing -----------------------------------------------------------------------------------

    def push(self, edit: Edit, *, select_entity_at: int | None = None) -> bool:
        """Apply ``edit`` and put it on the undo stack; a refused edit is reported, never stacked."""
        doc = self.session.document
        if doc is None:
            return False
        try:
            doc.apply(edit)
        except EditError as e:
            self.say(str(e))
            return False
        self.undo_stack.push(EditCommand(doc, edit, applied=True))
        if select_entity_at is not None:
            found = next((e for e in self.page().entities if e.start == select_entity_at), None)
            if found is not None:
                self.select_entity(found.id)
        return True

    def edit_fields(self) -> None:
        row = self.article_list.currentIndex().row()
        if row < 0:
            self.say("select an article first")
            return
        self.docks["articles"].show()
        ix = self.article_model.index(row, 0)
        self.article_list.setCurrentIndex(ix)
        self.article_list.setFocus()
        self.article_list.edit(ix)

    # -- linked selection --------------------------------------------------------------------------

    def select_article(self, article_id: str) -> None:
        row = self.article_model.row_of(article_id)
        if row < 0 or row == self.article_list.currentIndex().row():
            return
        ix = self.article_model.index(row, 0)
        self.article_list.selectionModel().setCurrentIndex(
            ix, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.article_list.scrollTo(ix)

    def select_entity(self, entity_id: str) -> None:
        if not self.entity_panel.select_entity(entity_id):
            self._set_entity(entity_id)  # filtered out of the table: still make it current

    def _set_entity(self, entity_id: str) -> None:
        self.current_entity_id = entity_id
        doc = self.session.document
        e: Entity | None = None
        if doc is not None and entity_id:
            try:
                e = doc.entity(entity_id)
            except KeyError:
                e = None
        if e is None:
            self.article_view.mark_entity(None)
            self.raw_view.show_entity(None)
            return
        aid = self.session.index.article_of_entity(e)
        self._syncing = True
        try:
            if aid:
                self.select_article(aid)
        finally:
            self._syncing = False
        self.article_view.mark_entity(e)
        self.raw_view.show_entity((e.start, e.end), self.label_colours.get(e.type))

    def _entity_row_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._set_entity(str(current.data(EntityIdRole)))

    def _raw_line_activated(self, number: int) -> None:
        if self.session.page is None or self._syncing:
            return
        aid = self.session.index.article_of_line(number)
        self._syncing = True
        try:
            if aid:
                self.select_article(aid)
        finally:
            self._syncing = False
        line = self.page().line(number)
        self.article_view.mark_lines(line.start, line.end)

    def _article_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_current_article(scroll=not self._syncing)

    def _show_current_article(self, *, scroll: bool) -> None:
        page = self.session.page
        aid = self.current_article_id()
        if page is None or not aid:
            self.article_view.show_article(None, None, [])
            self.raw_view.show_article((), QColor(), scroll=False)
            return
        article = page.article(aid)
        index = self.session.index
        ents = [e for e in page.entities if index.article_of_entity(e) == aid]
        self.article_view.show_article(page, article, ents)
        self.raw_view.show_article(article.lines, self.colours.strong(aid), scroll=scroll)
        self.docks["article"].setWindowTitle(f"Article {aid}")

    def _after_reset(self) -> None:
        self.current_entity_id = ""
        if self.session.page is not None and self.article_model.rowCount():
            self.article_list.setCurrentIndex(self.article_model.index(0, 0))
        else:
            self._show_current_article(scroll=False)
        self._update_status()

    def _after_change(self, old: Page, new: Page, change: Change) -> None:
        if not self.article_list.currentIndex().isValid():
            aid = self.session.index.article_of_line(self.raw_view.current_line())
            if aid:
                self.select_article(aid)
        self._show_current_article(scroll=False)
        if self.current_entity_id:
            self._set_entity(self.current_entity_id)
        self._update_status()

    def _update_status(self) -> None:
        page = self.session.page
        if page is None:
            self.articles_label.setText("No page")
            self.pending_label.setText("")
        else:
            pending = sum(1 for e in page.entities if e.status == "auto")
            unassigned = len(page.unassigned)
            self.articles_label.setText(f"{len(page.articles)} articles, {unassigned} lines unassigned")
            self.pending_label.setText(f"{pending} entities to review")
        self._update_save_label()

    def _update_save_label(self, note: str = "") -> None:
        if self.session.page is None:
            self.save_label.setText("")
        elif self.is_modified():
            self.save_label.setText("Unsaved changes" + (f" ({note})" if note else ""))
        else:
            self.save_label.setText("Saved")

    def _clean_changed(self, _clean: bool) -> None:
        self.setWindowModified(self.is_modified())
        self._update_save_label()

    def is_modified(self) -> bool:
        return self._restored or not self.undo_stack.isClean()

    # -- files -------------------------------------------------------------------------------------

    def open_path(self, path: str | Path) -> None:
        if not self.confirm_discard():
            return
        self.progress.show()
        self.loader.load(str(path))

    def begin_open(self, path: str | Path, future: Future[Loaded]) -> None:
        """Show the result of a parse started before the window (see ``ui.app``)."""
        self.progress.show()
        if isinstance(self.loader, PageLoader):
            self.loader.adopt(path, future)
        else:
            self.loader.load(str(path))

    def open_dialog(self) -> None:
        start = str(self.page_path.parent) if self.page_path else str(SAMPLE.parent)
        path, _ = QFileDialog.getOpenFileName(self, "Open page", start, "Page text (*.txt);;All files (*)")
        if path:
            self.open_path(path)

    def _on_progress(self, message: str) -> None:
        self.progress.show()
        self.statusBar().showMessage(message)

    def _on_loaded(self, result: Loaded) -> None:
        self.progress.hide()
        self.statusBar().clearMessage()
        if result.page is None:
            self.warn("Cannot open page", result.error)
            self.say(result.error, 15000)
            return
        page = result.page
        doc = Document(page, base=result.base, review_done=result.review_done)
        self.page_path = Path(result.path)
        self.sidecar_path = Path(result.sidecar_path) if result.sidecar_path else None
        self._restored = False
        recovered = self._recover(doc)
        if recovered is not None:
            doc = recovered
            self._restored = True
        self.undo_stack.clear()
        self.current_entity_id = ""
        self.session.open(doc)
        self.setWindowFilePath(str(self.page_path))
        self.setWindowTitle(f"{self.page_path.name}[*] — Banmian")
        self.setWindowModified(self.is_modified())
        self._update_status()
        if result.warnings:
            self.say("; ".join(result.warnings), 20000)

    def recovery_path(self) -> Path | None:
        return self.sidecar_path.with_name(self.sidecar_path.name + RECOVERY_SUFFIX) \
            if self.sidecar_path else None

    def _recover(self, doc: Document) -> Document | None:
        """Offer the corrections of an autosave newer than the last save (a crash, a kill)."""
        from core.sidecar import SidecarError, read_sidecar, reapply

        path = self.recovery_path()
        if path is None or not path.exists():
            return None
        saved = self.sidecar_path
        if saved is not None and saved.exists() and saved.stat().st_mtime > path.stat().st_mtime:
            return None
        answer = self.ask("Unsaved corrections found",
                          f"{path.name} holds corrections made after the last save. Restore them?",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          QMessageBox.StandardButton.Yes)
        if answer != QMessageBox.StandardButton.Yes:
            return None
        try:
            decisions = read_sidecar(path, doc.base)
        except (SidecarError, OSError, ValueError) as e:
            self.say(f"the autosave could not be used: {e}", 15000)
            return None
        page, warnings = reapply(doc.base, decisions)
        if warnings:
            self.say("; ".join(warnings), 15000)
        return Document(page, base=doc.base, review_done=decisions.review_done)

    def save(self) -> bool:
        from core.sidecar import SaveError
        from core.sidecar import save as save_sidecar
        from ui.worker import user_lexicon

        doc = self.session.document
        if doc is None or self.sidecar_path is None:
            return False
        try:
            result = save_sidecar(doc, self.sidecar_path, lexicon=user_lexicon())
        except SaveError as e:
            self.warn("Cannot save", str(e))
            return False
        self.undo_stack.setClean()
        self._restored = False
        self.setWindowModified(False)
        self._drop_recovery()
        self._update_save_label()
        self.say(f"Saved {result.path.name}" + ("; " + "; ".join(result.warnings) if result.warnings else ""))
        return True

    def autosave(self) -> None:
        """Write the corrections to a recovery file beside the sidecar (the real save is Ctrl+S)."""
        from core.sidecar import corrections, dumps, write_atomic

        doc = self.session.document
        path = self.recovery_path()
        if doc is None or path is None:
            return
        if not self.is_modified():
            self._drop_recovery()
            return
        try:
            write_atomic(path, dumps(corrections(doc)), backup=False)
        except OSError as e:
            self.say(f"autosave failed: {e.strerror or e}", 15000)
            return
        self._update_save_label(f"autosaved {time.strftime('%H:%M:%S')}")

    def _drop_recovery(self) -> None:
        path = self.recovery_path()
        if path is not None:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)

    def export_dialog(self) -> None:
        if self.session.page is None or self.page_path is None:
            return
        start = str(self.page_path.with_suffix(".json"))
        path, _ = QFileDialog.getSaveFileName(self, "Export JSON", start, "JSON (*.json)")
        if path:
            self.export_json(Path(path))

    def export_json(self, path: Path) -> bool:
        from core.cli import write_atomic
        from core.export_json import ExportInvalid, dumps, page_to_dict, validate

        doc = self.session.document
        if doc is None:
            return False
        data = page_to_dict(doc.page, review_status=doc.review_status)
        try:
            validate(data)
            write_atomic(path, dumps(data))
        except (ExportInvalid, OSError) as e:
            self.warn("Cannot export", str(e))
            return False
        self.say(f"Exported {path.name}")
        return True

    def confirm_discard(self) -> bool:
        """Ask before unsaved corrections are dropped; True when it is fine to go on."""
        if not self.is_modified():
            return True
        answer = self.ask("Unsaved corrections", "Save the corrections to this page first?",
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self._drop_recovery()
            self.undo_stack.setClean()
            self._restored = False
            return True
        return False

    def show_shortcuts(self) -> None:
        ShortcutSheet(self).exec()

    # -- layout ------------------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.sync()

    # Qt overrides

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_discard():
            event.ignore()
            return
        self.save_layout()
        self.autosave_timer.stop()
        self.loader.shutdown()
        event.accept()
