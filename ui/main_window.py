"""The editor's window: raw page in the middle, article list, article text and entity table in docks.

The window wires parts together and holds no rules of its own: the undo stack, the session (the
open document), the shared selection every pane shows, the action sets (which take only what
they need), and ``PageFiles`` for the page on disk.  Panels learn of changes from the session's
signals (core events) and never change the document: every correction is a core edit pushed
through ``Editor``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QColor, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from core.document import Document
from core.edits.base import Edit
from core.entities.labels import load_labels
from core.model import Page
from core.paths import SAMPLE_PAGE, config_dir
from ui.actions.commands import Editor
from ui.actions.editing import EditingActions
from ui.actions.file_drop import FileDrop
from ui.actions.files import PageFiles
from ui.actions.navigation import NavigationActions
from ui.i18n import sentences, tr, tr_core
from ui.loading import InlineLoader, PageLoader
from ui.models.article_model import ArticleIdRole, ArticleListModel
from ui.models.colours import ColourBook, label_colours
from ui.models.entity_model import EntityIdRole, EntityModel
from ui.models.raw_model import RawLinesModel
from ui.models.selection import SharedSelection
from ui.models.session import PageSession
from ui.views.article_view import ArticleTextView
from ui.views.find_bar import FindBar
from ui.views.legend import legend_sheet
from ui.views.page_pane import PagePanel
from ui.views.panels import ArticleListView, EntityPanel
from ui.views.pdf_image import pdf_of
from ui.views.raw_view import RawPageView
from ui.views.shortcut_sheet import shortcut_sheet
from ui.views.status_label import StatusLabel

SAMPLE = SAMPLE_PAGE
REVIEW_TEXT = {"auto": "auto", "in_progress": "in progress", "done": "done"}  # tr() when shown


def app_settings() -> QSettings:
    """The window's settings file in the app's config folder (``core.paths.config_dir``)."""
    return QSettings(str(config_dir() / "settings.ini"), QSettings.Format.IniFormat)


class MainWindow(QMainWindow):
    def __init__(self, loader: PageLoader | InlineLoader | None = None, settings: QSettings | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(tr("Banmian") + "[*]")
        self.settings = settings or app_settings()
        self._label_problems: list[str] = []  # the user's labels.json unused: said with the first page
        self.labels = load_labels(problems=self._label_problems)
        self.label_colours = label_colours(self.labels)
        self.session = PageSession(self)
        self.selection = SharedSelection(self.session, self)
        self.colours = ColourBook()
        self.undo_stack = QUndoStack(self)
        self._syncing = False

        self.raw_model = RawLinesModel(self.session, self.colours, self)
        self.article_model = ArticleListModel(self.session, self.colours, self)
        self.entity_model = EntityModel(self.session, self.label_colours, self)
        self.raw_view = RawPageView(self)
        self.raw_view.set_model(self.raw_model)
        self.find_bar = FindBar()
        centre = QWidget()
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.raw_view, 1)
        column.addWidget(self.find_bar)
        self.setCentralWidget(centre)
        self.article_list = ArticleListView(self.article_model)
        self.article_view = ArticleTextView(self.label_colours)
        self.entity_panel = EntityPanel(self.entity_model, [lb.name for lb in self.labels])
        self.docks: dict[str, QDockWidget] = {}
        right = Qt.DockWidgetArea.RightDockWidgetArea
        self.add_dock("articles", tr("Articles"), self.article_list, right)
        self.add_dock("article", tr("Article"), self.article_view, right)
        self.add_dock("entities", tr("Entities"), self.entity_panel, right)
        self.splitDockWidget(self.docks["article"], self.docks["entities"], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["articles"], self.docks["article"]], [260, 640], Qt.Orientation.Vertical)
        self.resizeDocks([self.docks["articles"]], [980], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["article"], self.docks["entities"]], [520, 460], Qt.Orientation.Horizontal)

        self.editor = Editor(self.undo_stack, self.session, self)
        self.editing = EditingActions(self, self.editor, self.session, self, self, self.labels, self.entity_panel.proxy)
        self.editing.attach(self.raw_view, self.article_view, self.entity_panel, self.article_list)
        self.article_model.field_editor = self.editing.set_field
        self.navigation = NavigationActions(
            self, self.session, self, self.find_bar, self._show_found, self.go_to_line, self.panes
        )
        self._build_status()
        self.files = PageFiles(self, self.undo_stack, self.session, self, loader or PageLoader(self))
        self.files.opened.connect(self.show_document)
        self.files.progress.connect(self.show_progress)
        self.files.save_state.connect(self.show_save_state)
        self._build_menus()
        from ui.issue.menu import install as install_issue  # a folder or a PDF worked through page by page

        self.issue = install_issue(self)
        self.undo_stack.cleanChanged.connect(lambda _: self.show_save_state())

        self.session.reset.connect(self._after_reset)
        self.session.changed.connect(self._after_change)
        self.selection.changed.connect(self._show_selection)
        self.raw_view.line_activated.connect(lambda n: self._from_pane(self.selection.set_line, n, "raw"))
        self.article_list.selectionModel().currentRowChanged.connect(self._article_row_selected)
        self.article_list.lines_dropped.connect(self.editing.structural.move_lines)
        self.entity_panel.table.selectionModel().currentRowChanged.connect(self._entity_row_selected)
        self.article_view.entity_clicked.connect(lambda eid: self._from_pane(self.selection.set_entity, eid, "text"))
        self._add_page_image()
        self._set_minimum_sizes()
        self.resize(1600, 1000)
        self._default_state = self.saveState()
        self._restore_layout()

    # -- building ----------------------------------------------------------------------------------

    def add_dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        """Put ``widget`` in a dock named ``name`` (remembered in the layout, listed in View)."""
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
        dock.toggleViewAction().setToolTip(tr("Show or hide the {title} pane").format(title=title))
        if hasattr(self, "view_menu"):
            self.view_menu.insertAction(self.view_menu.actions()[0], dock.toggleViewAction())
        return dock

    def _add_page_image(self) -> None:
        """The PDF page beside the text (pages from a PDF only; docs/pdf.md); dropping a page file
        on the window opens it."""
        self.page_panel = PagePanel(self.colours)
        pane = self.page_panel.pane
        dock = self.add_dock("page", tr("Page image"), self.page_panel, Qt.DockWidgetArea.LeftDockWidgetArea)
        pane.article_clicked.connect(lambda aid: self._from_pane(self.selection.set_article, aid, "page"))
        pane.message.connect(self.say)

        def opening(path: Path) -> None:
            if pdf_of(path) is not None:
                dock.setVisible(True)  # sized as it will show, so the image rendered now fits
                if not dock.isFloating() and dock.width() < self.width() // 5:  # never squeezed to a strip
                    self.resizeDocks([dock], [self.width() // 3], Qt.Orientation.Horizontal)
                pane.prepare(path)

        def opened() -> None:
            page = self.session.page
            layout = page.source.layout if page is not None else None
            dock.setVisible(layout is not None)
            pane.show_page(page)
            unmatched = layout.unmatched if layout is not None else 0
            dock.setWindowTitle(
                tr("Page image ({n} lines not in the PDF)").format(n=unmatched) if unmatched else tr("Page image")
            )
            if unmatched:
                self.say(
                    tr("{n} lines of the text were not found in its PDF: the text rules placed them").format(
                        n=unmatched
                    ),
                    15000,
                )

        self.files.opening.connect(opening)
        self.session.reset.connect(opened)
        self.session.changed.connect(lambda _old, new, _change: pane.update_regions(new))
        self.selection.changed.connect(lambda _s: pane.show_selection(self.selection.article_id, self.selection.line))
        FileDrop(self, self.files.open_path)

    def _window_action(
        self,
        name: str,
        text: str,
        keys: list[QKeySequence.StandardKey | str],
        slot: Callable[[], object],
        tip: str = "",
    ) -> QAction:
        a = QAction(text, self)
        a.setObjectName(name)
        a.setShortcuts([QKeySequence(k) for k in keys])
        a.setToolTip(tip or text.replace("&", "").rstrip("…"))
        a.setStatusTip(a.toolTip())
        a.triggered.connect(lambda _=False: slot())
        self.addAction(a)
        return a

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(tr("&File"))
        self.open_action = self._window_action(
            "open", tr("&Open page…"), [QKeySequence.StandardKey.Open], self.files.open_dialog
        )
        self.save_action = self._window_action(
            "save", tr("&Save corrections"), [QKeySequence.StandardKey.Save], self.files.save
        )
        self.next_page_action = self._window_action(
            "next_page", tr("&Next page"), ["Ctrl+PgDown"], lambda: self.files.step_page(+1)
        )
        self.prev_page_action = self._window_action(
            "prev_page", tr("&Previous page"), ["Ctrl+PgUp"], lambda: self.files.step_page(-1)
        )
        self.export_action = self._window_action("export", tr("&Export JSON…"), ["Ctrl+E"], self.files.export_dialog)
        self.export_conll_action = self._window_action(
            "export_conll",
            tr("Export &CoNLL…"),
            [],
            lambda: self.files.export_dialog("conll"),
            tr("Write the corrected page as CoNLL (one token per line, BIO entity tags) for NER training"),
        )
        self.export_jsonl_action = self._window_action(
            "export_jsonl",
            tr("Export JSON &Lines…"),
            [],
            lambda: self.files.export_dialog("jsonl"),
            tr("Write one JSON record per article with its entity spans, for NER training"),
        )
        self.quit_action = self._window_action("quit", tr("&Quit"), ["Ctrl+Q"], self.close)
        for a in (self.open_action, self.next_page_action, self.prev_page_action, self.save_action):
            file.addAction(a)
        file.addSeparator()
        for a in (self.export_action, self.export_conll_action, self.export_jsonl_action):
            file.addAction(a)
        file.addSeparator()
        file.addAction(self.quit_action)
        edit = bar.addMenu(tr("&Edit"))
        self.undo_action = self.undo_stack.createUndoAction(self, tr("&Undo"))
        self.undo_action.setObjectName("undo")
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = self.undo_stack.createRedoAction(self, tr("&Redo"))
        self.redo_action.setObjectName("redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        for a in self.navigation.actions[:4]:
            edit.addAction(a)
            self.addAction(a)
        edit.addSeparator()
        for a in self.editing.structure:
            edit.addAction(a)
        self.edit_fields_action = self._window_action(
            "edit_fields", tr("Edit headline fields"), ["F2"], self.edit_fields
        )
        edit.addAction(self.edit_fields_action)
        self.addAction(self.editing.review_done)
        edit.addAction(self.editing.review_done)
        roles = edit.addMenu(tr("Set &role"))
        for a in self.editing.roles:
            roles.addAction(a)
        ents = bar.addMenu(tr("E&ntities"))
        for a in self.editing.label_actions:
            ents.addAction(a)
        ents.addSeparator()
        for a in self.editing.review:
            ents.addAction(a)
        ents.addSeparator()
        self.reading_order_action = self._window_action(
            "reading_order",
            tr("Review in page order (not doubtful first)"),
            [],
            self._toggle_order,
            tr("The review queue (table, ] and [, moving on after a decision) in page order instead of doubt"),
        )
        self.reading_order_action.setCheckable(True)
        self.reading_order_action.setChecked(self.settings.value("review/order", "doubt") == "reading")
        self.entity_model.set_order("reading" if self.reading_order_action.isChecked() else "doubt")
        ents.addAction(self.reading_order_action)
        from ui.actions.tagger import TaggerActions  # learning from the editor: on/off, reset

        ents.addSeparator()
        self.tagger_actions = TaggerActions(self, self.settings, self, lambda: self.files.page_path)
        self.tagger_actions.install(ents)
        self.view_menu = view = bar.addMenu(tr("&View"))
        for dock in self.docks.values():
            view.addAction(dock.toggleViewAction())
        view.addSeparator()
        self.compact_action = self._window_action(
            "compact",
            tr("Hide blank lines"),
            ["Ctrl+Shift+H"],
            lambda: self._set_compact(self.compact_action.isChecked()),
        )
        self.compact_action.setCheckable(True)
        self.compact_action.setChecked(self.settings.value("view/compact", "true") == "true")
        self.raw_view.set_compact(self.compact_action.isChecked())
        view.addAction(self.compact_action)
        for a in self.navigation.actions[4:]:
            view.addAction(a)
            self.addAction(a)
        view.addSeparator()
        self.reset_layout_action = self._window_action(
            "reset_layout", tr("Reset layout"), [], self.reset_layout, tr("Put every pane back where it was at first")
        )
        view.addAction(self.reset_layout_action)
        view.addSeparator()
        self.shortcuts_action = self._window_action(
            "shortcuts", tr("Keyboard shortcuts"), ["F1"], lambda: shortcut_sheet(self).exec()
        )
        view.addAction(self.shortcuts_action)
        self.legend_action = self._window_action(
            "legend", tr("Legend"), ["Shift+F1"], lambda: legend_sheet(self, self.labels).exec()
        )
        view.addAction(self.legend_action)
        self._build_language_menu(view.addMenu(tr("&Language")))
        self._describe_actions()

    def _build_status(self) -> None:
        sb = self.statusBar()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(140)
        self.progress.hide()
        self.articles_label = StatusLabel()
        self.pending_label = StatusLabel()
        self.review_label = StatusLabel()
        self.save_label = StatusLabel()
        sb.addPermanentWidget(self.progress)
        for name, w in (
            ("articlesStatus", self.articles_label),
            ("pendingStatus", self.pending_label),
            ("reviewStatus", self.review_label),
            ("saveStatus", self.save_label),
        ):
            w.setObjectName(name)
            w.setContentsMargins(10, 0, 10, 0)  # the four states read as four, not one sentence
            sb.addPermanentWidget(w)

    def _build_language_menu(self, menu: QMenu) -> None:
        """The interface language: the system's, English or Chinese; used from the next start."""
        group = QActionGroup(self)
        current = str(self.settings.value("ui/language", ""))
        for value, text in (("", tr("As the system")), ("en", "English"), ("zh", "中文")):
            a = QAction(text, self)
            a.setObjectName(f"language_{value or 'system'}")
            a.setCheckable(True)
            a.setChecked(value == current)
            a.setToolTip(tr("Interface language (from the next start)"))
            a.triggered.connect(lambda _=False, v=value: self._set_language(v))
            group.addAction(a)
            menu.addAction(a)

    def _set_language(self, value: str) -> None:
        self.settings.setValue("ui/language", value)
        self.settings.sync()
        self.say(tr("The interface language changes at the next start"))

    def _describe_actions(self) -> None:
        """Every action's tooltip says what it does and which keys do it."""
        self.undo_action.setToolTip(tr("Undo the last correction"))
        self.redo_action.setToolTip(tr("Redo the correction just undone"))
        for a in self.findChildren(QAction):
            if not a.text() or a.menu() is not None:
                continue
            tip = a.toolTip() or a.text().replace("&", "")
            keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in a.shortcuts())
            if keys and not tip.endswith(f"({keys})"):
                tip = f"{tip} ({keys})"
            a.setToolTip(tip)
            a.setStatusTip(tip)

    def _set_compact(self, on: bool) -> None:
        self.raw_view.set_compact(on)
        self.settings.setValue("view/compact", "true" if on else "false")

    def panes(self) -> list[QWidget]:
        """The panes F6 cycles through, in order (docks added later join at the end)."""
        core = [self.raw_view, self.article_list, self.article_view, self.entity_panel.table]
        extra = [d.widget() for name, d in self.docks.items() if name not in ("articles", "article", "entities")]
        return core + [w for w in extra if w is not None]

    def go_to_line(self, number: int) -> None:
        self.selection.set_line(number, "")
        self.raw_view.setFocus()

    def _show_found(self, start: int, end: int) -> None:
        self.raw_view.select_offsets(start, end)
        self.raw_view.centerCursor()
        self.selection.set_line(self.session.index.line_at(start), "raw")

    def _toggle_order(self) -> None:
        order = "reading" if self.reading_order_action.isChecked() else "doubt"
        self.entity_model.set_order(order)
        self.settings.setValue("review/order", order)

    # -- the Selection protocol (what actions read) -----------------------------------------------

    def page(self) -> Page:
        assert self.session.page is not None
        return self.session.page

    def current_line(self) -> int:
        return self.selection.line or self.raw_view.current_line()

    def selected_lines(self) -> tuple[int, ...]:
        """The raw page's selected lines when the raw page has a selection, else the current line."""
        lines = self.raw_view.selected_lines()
        if self.raw_view.textCursor().hasSelection() or self.selection.line in lines:
            return lines
        page = self.session.page
        n = self.selection.line
        return (n,) if page is not None and n and not page.lines[n - 1].is_blank else ()

    def current_article_id(self) -> str:
        return self.selection.article_id

    def current_entity_id(self) -> str:
        return self.selection.entity_id

    def text_span(self) -> tuple[int, int] | None:
        """The page span selected in the focused text view (article text or raw page)."""
        raw, article = self.raw_view.selected_span(), self.article_view.selected_span()
        return (article or raw) if self.article_view.hasFocus() else (raw or article)

    text_selection = text_span

    def select_entity(self, entity_id: str) -> None:
        self.selection.set_entity(entity_id, "")

    def select_article(self, article_id: str) -> None:
        self.selection.set_article(article_id, "")

    # -- the Reporter protocol ---------------------------------------------------------------------

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

    def push(self, edit: Edit) -> bool:
        """Do ``edit`` through the undo stack; a refused edit is reported, never stacked."""
        return self.editor.push(edit)

    def edit_fields(self) -> None:
        row = self.article_list.currentIndex().row()
        if row < 0:
            self.say(tr("select an article first"))
            return
        self.docks["articles"].show()
        ix = self.article_model.index(row, 0)
        self.article_list.setFocus()
        self.article_list.edit(ix)

    # -- the shared selection ----------------------------------------------------------------------

    def _from_pane(self, setter: Callable[[Any, str], None], value: object, source: str) -> None:
        """A pane reports what the editor picked there (ignored while the panes are being synced)."""
        if self._syncing or self.session.updating or self.session.page is None:
            return
        setter(value, source)

    def _article_row_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._from_pane(self.selection.set_article, str(current.data(ArticleIdRole)), "list")

    def _entity_row_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._from_pane(self.selection.set_entity, str(current.data(EntityIdRole)), "table")

    def _show_selection(self, source: str) -> None:
        """Every pane shows the shared selection; the pane it came from is left as the editor left it."""
        page = self.session.page
        self._syncing = True
        try:
            aid = self.selection.article_id
            row = self.article_model.row_of(aid) if aid else -1
            if row >= 0:
                ix = self.article_model.index(row, 0)
                if self.article_list.currentIndex().row() != row:
                    self.article_list.selectionModel().setCurrentIndex(
                        ix, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                    )
                self.article_list.scrollTo(ix)
            else:
                self.article_list.selectionModel().clearSelection()
                self.article_list.selectionModel().setCurrentIndex(
                    QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate
                )
            if source != "raw" and self.selection.line:
                self.raw_view.place_cursor(self.selection.line)
            if page is None or not aid:
                self.article_view.show_article(None, None, [])
                self.raw_view.show_article((), QColor(), scroll=False)
                self.docks["article"].setWindowTitle(tr("Article"))
            else:
                article = page.article(aid)
                self.article_view.show_article(page, article, self.session.index.entities_of(aid))
                self.raw_view.show_article(article.lines, self.colours.strong(aid), scroll=False)
                # named by its row in the article list, as everywhere in the window
                self.docks["article"].setWindowTitle(tr("Article {n}").format(n=row + 1) if row >= 0 else tr("Article"))
            if page is not None and self.selection.line:
                line = page.line(self.selection.line)
                self.article_view.mark_lines(line.start, line.end)
            e = self.selection.entity()
            if e is None:
                self.article_view.mark_entity(None)
                self.raw_view.show_entity(None)
                self.entity_panel.table.selectionModel().clearSelection()
                self.entity_panel.table.selectionModel().setCurrentIndex(
                    QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate
                )
            else:
                if source != "table":
                    self.entity_panel.select_entity(e.id)
                self.article_view.mark_entity(e)
                self.raw_view.show_entity((e.start, e.end), self.label_colours.get(e.type))
        finally:
            self._syncing = False

    def _after_reset(self) -> None:
        page = self.session.page
        if page is not None and page.articles:
            self.selection.set_article(page.articles[0].id, "reset")
        else:
            self.selection.clear()
        self._update_status()

    def _after_change(self, old: Page, new: Page, change: object) -> None:
        self.session.updating = False
        self.selection.follow_edit()
        self._update_status()

    # -- status ------------------------------------------------------------------------------------

    def _update_status(self) -> None:
        """Called on every reset and core change event: the labels follow the document."""
        page, doc = self.session.page, self.session.document
        if page is None or doc is None:
            self.articles_label.setText(tr("No page"))
            self.pending_label.setText("")
            self.review_label.setText("")
        else:
            unassigned = len(page.unassigned)
            self.articles_label.setText(
                tr("{n} articles, {k} lines unassigned").format(n=len(page.articles), k=unassigned)
            )
            total = len(page.entities)
            self.pending_label.setText(
                tr("{n} of {total} reviewed").format(n=total - self.session.index.pending, total=total)
            )
            self.review_label.setText(
                tr("Review: {status}").format(status=tr(REVIEW_TEXT.get(doc.review_status, doc.review_status)))
            )
        self.editing.show_review_done(doc.review_done if doc is not None else None)
        self.show_save_state()

    def show_save_state(self, note: str = "") -> None:
        """The modified marker and the status bar's save state, from the undo stack's clean state."""
        modified = self.files.is_modified()
        self.setWindowModified(modified)
        if self.session.page is None:
            self.save_label.setText("")
        elif modified:
            self.save_label.setText(tr("Unsaved changes") + (f" ({note})" if note else ""))
        else:
            self.save_label.setText(tr("Saved"))

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
        self.session.open(doc)
        self.setWindowFilePath(str(path))
        read_only = tr(" (read-only)") if doc.read_only else ""
        self.setWindowTitle(f"{path.name}[*]{read_only} — " + tr("Banmian"))
        self._update_status()
        warnings = [*self._label_problems, *warnings]
        self._label_problems.clear()
        if warnings:
            self.say(sentences(map(tr_core, warnings)), 20000)

    # -- layout ------------------------------------------------------------------------------------

    def _set_minimum_sizes(self) -> None:
        """No pane can be squeezed to nothing: the raw page keeps its numbers and some text."""
        em = self.fontMetrics().horizontalAdvance("中")
        self.raw_view.setMinimumWidth(self.raw_view.gutter_width() + 14 * em)
        self.article_list.setMinimumSize(12 * em, 4 * self.fontMetrics().height())
        self.article_view.setMinimumSize(12 * em, 6 * self.fontMetrics().height())
        self.entity_panel.setMinimumSize(14 * em, 6 * self.fontMetrics().height())

    def reset_layout(self) -> None:
        """Every pane back where the window first put it (and remembered so)."""
        for dock in self.docks.values():
            dock.setFloating(False)
            dock.show()
        self.restoreState(self._default_state)
        for dock in self.docks.values():
            dock.show()
        self.resize(max(self.width(), 1200), max(self.height(), 800))
        self.save_layout()

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
