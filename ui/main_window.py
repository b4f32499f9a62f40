"""The editor's window: raw page in the middle, article list, article text and entity table in docks.

The window owns the undo stack; ``ui.files`` owns the page on disk.  Panels learn of changes from
the session's signals (core events) and never change the document: every correction is a core edit
pushed as an ``EditCommand`` (``push``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QColor, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QWidget,
)

from core.document import Document
from core.edits.base import Edit
from core.events import Change
from core.model import Entity, Page
from core.paths import SAMPLE_PAGE
from ui.article_model import ArticleIdRole, ArticleListModel
from ui.article_view import ArticleTextView
from ui.colours import ColourBook
from ui.commands import EditCommand
from ui.editing import EditingActions
from ui.entity_model import EntityIdRole, EntityModel
from ui.files import PageFiles
from ui.labels import load_labels
from ui.loading import InlineLoader, PageLoader
from ui.panels import ArticleListView, EntityPanel
from ui.raw_model import RawLinesModel
from ui.raw_view import RawPageView
from ui.session import PageSession
from ui.shortcut_sheet import ShortcutSheet

SAMPLE = SAMPLE_PAGE
REVIEW_TEXT = {"auto": "auto", "in_progress": "in progress", "done": "done"}


def soften(colour: str, amount: float = 0.6) -> QColor:
    """A label colour mixed with white, light enough to sit behind text."""
    c = QColor(colour)
    return QColor(
        round(c.red() + (255 - c.red()) * amount),
        round(c.green() + (255 - c.green()) * amount),
        round(c.blue() + (255 - c.blue()) * amount),
    )


class MainWindow(QMainWindow):
    def __init__(self, loader: PageLoader | InlineLoader | None = None, settings: QSettings | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("Banmian[*]")
        self.settings = settings or QSettings()
        self.labels = load_labels()
        self.label_colours = {lb.name: soften(lb.colour) for lb in self.labels}
        self.session = PageSession(self)
        self.colours = ColourBook()
        self.undo_stack = QUndoStack(self)
        self.current_entity_id = ""
        self._syncing = False

        self.raw_model = RawLinesModel(self.session, self.colours, self)
        self.article_model = ArticleListModel(self.session, self.colours, self)
        self.entity_model = EntityModel(self.session, self.label_colours, self)
        self.raw_view = RawPageView(self)
        self.raw_view.set_model(self.raw_model)
        self.setCentralWidget(self.raw_view)
        self.article_list = ArticleListView(self.article_model)
        self.article_view = ArticleTextView(self.label_colours)
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
        self._build_status()
        self.files = PageFiles(self, loader or PageLoader(self))
        self._build_menus()
        self.undo_stack.cleanChanged.connect(lambda _: self.show_save_state())

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
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(area, dock)
        self.docks[name] = dock

    def _window_action(
        self, name: str, text: str, keys: list[QKeySequence.StandardKey | str], slot: Callable[[], object]
    ) -> QAction:
        a = QAction(text, self)
        a.setObjectName(name)
        a.setShortcuts([QKeySequence(k) for k in keys])
        a.triggered.connect(lambda _=False: slot())
        self.addAction(a)
        return a

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("&File")
        self.open_action = self._window_action(
            "open", "&Open page…", [QKeySequence.StandardKey.Open], self.files.open_dialog
        )
        self.save_action = self._window_action(
            "save", "&Save corrections", [QKeySequence.StandardKey.Save], self.files.save
        )
        self.next_page_action = self._window_action(
            "next_page", "&Next page", ["Ctrl+PgDown"], lambda: self.files.step_page(+1)
        )
        self.prev_page_action = self._window_action(
            "prev_page", "&Previous page", ["Ctrl+PgUp"], lambda: self.files.step_page(-1)
        )
        self.export_action = self._window_action("export", "&Export JSON…", ["Ctrl+E"], self.files.export_dialog)
        self.quit_action = self._window_action("quit", "&Quit", [QKeySequence.StandardKey.Quit], self.close)
        for a in (self.open_action, self.next_page_action, self.prev_page_action, self.save_action):
            file.addAction(a)
        file.addSeparator()
        for a in (self.export_action, self.quit_action):
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
        self.edit_fields_action = self._window_action("edit_fields", "Edit headline fields", ["F2"], self.edit_fields)
        edit.addAction(self.edit_fields_action)
        self.addAction(self.editing.review_done)
        edit.addAction(self.editing.review_done)
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
        self.shortcuts_action = self._window_action(
            "shortcuts", "Keyboard shortcuts", ["F1"], lambda: ShortcutSheet(self).exec()
        )
        view.addAction(self.shortcuts_action)

    def _build_status(self) -> None:
        sb = self.statusBar()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(140)
        self.progress.hide()
        self.articles_label = QLabel()
        self.pending_label = QLabel()
        self.review_label = QLabel()
        self.save_label = QLabel()
        sb.addPermanentWidget(self.progress)
        for name, w in (
            ("articlesStatus", self.articles_label),
            ("pendingStatus", self.pending_label),
            ("reviewStatus", self.review_label),
            ("saveStatus", self.save_label),
        ):
            w.setObjectName(name)
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
        raw, article = self.raw_view.selected_span(), self.article_view.selected_span()
        return (article or raw) if self.article_view.hasFocus() else (raw or article)

    def say(self, message: str, ms: int = 6000) -> None:
        self.statusBar().showMessage(message, ms)

    def ask(
        self, title: str, text: str, buttons: QMessageBox.StandardButton, default: QMessageBox.StandardButton
    ) -> QMessageBox.StandardButton:
        """One place for questions (tests replace it)."""
        return QMessageBox.question(self, title, text, buttons, default)

    def warn(self, title: str, text: str) -> None:
        """One place for error boxes (tests replace it)."""
        QMessageBox.warning(self, title, text)

    # -- editing -----------------------------------------------------------------------------------

    def push(self, edit: Edit, *, select_entity_at: int | None = None) -> bool:
        """Do ``edit`` through the undo stack; a refused edit is reported, never stacked."""
        doc = self.session.document
        if doc is None:
            return False
        command = EditCommand(doc, edit)
        self.undo_stack.push(command)
        if command.error is not None:
            self.say(str(command.error))
            return False
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
            ix, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
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
        with self._following():
            self.select_article(self.session.index.article_of_entity(e))
        self.article_view.mark_entity(e)
        self.raw_view.show_entity((e.start, e.end), self.label_colours.get(e.type))

    def _entity_row_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._set_entity(str(current.data(EntityIdRole)))

    def _raw_line_activated(self, number: int) -> None:
        if self.session.page is None or self._syncing:
            return
        with self._following():
            self.select_article(self.session.index.article_of_line(number))
        line = self.page().line(number)
        self.article_view.mark_lines(line.start, line.end)

    @contextmanager
    def _following(self) -> Iterator[None]:
        """The article selection follows a line or an entity: the raw page must not scroll away
        from what the editor is looking at, nor a raw cursor move select back."""
        self._syncing = True
        try:
            yield
        finally:
            self._syncing = False

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
        self.article_view.show_article(page, article, self.session.index.entities_of(aid))
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
            self.select_article(self.session.index.article_of_line(self.raw_view.current_line()))
        self._show_current_article(scroll=False)
        if self.current_entity_id:
            self._set_entity(self.current_entity_id)
        self._update_status()

    # -- status ------------------------------------------------------------------------------------

    def _update_status(self) -> None:
        """Called on every reset and core change event: the labels follow the document."""
        page, doc = self.session.page, self.session.document
        if page is None or doc is None:
            self.articles_label.setText("No page")
            self.pending_label.setText("")
            self.review_label.setText("")
        else:
            unassigned = len(page.unassigned)
            self.articles_label.setText(f"{len(page.articles)} articles, {unassigned} lines unassigned")
            self.pending_label.setText(f"{self.session.index.pending} entities to review")
            self.review_label.setText("Review: " + REVIEW_TEXT.get(doc.review_status, doc.review_status))
        self.editing.show_review_done(doc.review_done if doc is not None else None)
        self.show_save_state()

    def show_save_state(self, note: str = "") -> None:
        """The modified marker and the status bar's save state, from the undo stack's clean state."""
        modified = self.files.is_modified()
        self.setWindowModified(modified)
        if self.session.page is None:
            self.save_label.setText("")
        elif modified:
            self.save_label.setText("Unsaved changes" + (f" ({note})" if note else ""))
        else:
            self.save_label.setText("Saved")

    def show_progress(self, message: str) -> None:
        """The worker's progress: a busy bar and the message; an empty message ends it."""
        self.progress.setVisible(bool(message))
        if message:
            self.statusBar().showMessage(message)
        else:
            self.statusBar().clearMessage()

    def show_document(self, doc: Document, path: Path, warnings: Iterable[str] = ()) -> None:
        """A freshly opened page: a new undo history, the first article selected."""
        self.show_progress("")
        self.undo_stack.clear()
        self.current_entity_id = ""
        self.session.open(doc)
        self.setWindowFilePath(str(path))
        self.setWindowTitle(f"{path.name}[*] — Banmian")
        self._update_status()
        if warnings:
            self.say("; ".join(warnings), 20000)

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
        if not self.files.confirm_discard():
            event.ignore()
            return
        self.save_layout()
        self.files.shutdown()
        event.accept()
