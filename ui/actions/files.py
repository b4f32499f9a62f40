"""The window's page on disk: open (worker process), next/previous page of the folder, save,
autosave and recovery, export, and the question before unsaved corrections are dropped.

The undo stack's clean state is the saved state.  Ctrl+S writes the sidecar (``core.sidecar``);
between saves, a few seconds after each edit, the same corrections go to ``<sidecar>.autosave``,
which the next opening of the page offers back (after a crash or a kill).
"""

from __future__ import annotations

import contextlib
import re
import time
from concurrent.futures import Future
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from core.atomic import write_atomic
from core.document import Document
from core.paths import SAMPLE_PAGE
from core.pdf.pages import first_page
from ui.actions.context import Reporter
from ui.loading import InlineLoader, PageLoader
from ui.models.session import PageSession
from ui.worker import Loaded

AUTOSAVE_MS = 3000
RECOVERY_SUFFIX = ".autosave"
_DIGITS = re.compile(r"(\d+)")


def page_order(path: Path) -> tuple[tuple[object, ...], str]:
    """Sort key of a page file: by name, runs of digits as numbers (``p2`` before ``p10``)."""
    parts = _DIGITS.split(path.name.casefold())
    return tuple(int(x) if i % 2 else x for i, x in enumerate(parts)), path.name


def neighbour_page(path: Path, direction: int) -> Path | None:
    """The next (``+1``) or previous (``-1``) ``*.txt`` of ``path``'s folder, or None at the end.

    Measured from ``path``'s place in the order, so it works even when ``path`` itself is gone.
    """
    here = page_order(path)
    others = [p for p in path.parent.glob("*.txt") if p.is_file() and p.name != path.name]
    if direction > 0:
        return min((p for p in others if page_order(p) > here), key=page_order, default=None)
    return max((p for p in others if page_order(p) < here), key=page_order, default=None)


class PageFiles(QObject):
    """Where the window's page and its corrections live, and every read and write of them.

    ``opened(document, path, warnings)`` hands a freshly opened page to whoever shows it;
    ``save_state(note)`` says the saved/unsaved state may have changed.
    """

    opened = Signal(object, object, object)  # Document, Path, tuple[str, ...]
    opening = Signal(object)  # Path: a page is being read (the page image can get ready meanwhile)
    progress = Signal(str)
    save_state = Signal(str)

    def __init__(
        self,
        parent: QWidget,
        undo_stack: QUndoStack,
        session: PageSession,
        reporter: Reporter,
        loader: PageLoader | InlineLoader,
    ) -> None:
        super().__init__(parent)
        self.widget = parent
        self.undo_stack = undo_stack
        self.session = session
        self.reporter = reporter
        self.loader = loader
        self.page_path: Path | None = None
        self.sidecar_path: Path | None = None
        self._restored = False  # corrections restored from an autosave: unsaved until saved
        self._opening: Path | None = None  # asked of the loader, not back yet
        loader.loaded.connect(self._on_loaded)
        loader.progress.connect(self.progress.emit)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        undo_stack.indexChanged.connect(lambda _: self.autosave_timer.start())
        undo_stack.cleanChanged.connect(self._clean_changed)

    def _clean_changed(self, clean: bool) -> None:
        """Back at the saved state (undo, redo): the recovery file would only bring back undone work."""
        if clean and not self._restored:
            self.autosave_timer.stop()
            self._drop_recovery()

    def is_modified(self) -> bool:
        return self._restored or not self.undo_stack.isClean()

    # -- opening -----------------------------------------------------------------------------------

    def open_path(self, path: str | Path) -> None:
        if not self.confirm_discard():
            return
        self._opening = first_page(Path(path))  # a multi-page PDF opens at X.pdf#1 (docs/pdf.md)
        self.opening.emit(self._opening)
        self.loader.load(str(self._opening))

    def begin_open(self, path: str | Path, future: Future[Loaded]) -> None:
        """Show the result of a parse started before the window (see ``ui.app``)."""
        self._opening = Path(path)
        self.opening.emit(self._opening)
        if isinstance(self.loader, PageLoader):
            self.loader.adopt(path, future)
        else:
            self.loader.load(str(path))

    def open_dialog(self) -> None:
        start = str(self.page_path.parent) if self.page_path else str(SAMPLE_PAGE.parent)
        path, _ = QFileDialog.getOpenFileName(self.widget, "Open page", start, "Pages (*.txt *.pdf);;All files (*)")
        if path:
            self.open_path(path)

    def step_page(self, direction: int) -> None:
        """Open the next (``+1``) or previous (``-1``) page of the folder, saving corrections first.

        Moving on never asks and never drops work: unsaved corrections are saved through ``save``;
        when that fails (its error is shown) the editor stays on this page.
        """
        if self._opening is not None:
            self.reporter.say(f"still opening {self._opening.name}…")
            return
        if self.page_path is None:
            self.reporter.say("no page is open")
            return
        target = neighbour_page(self.page_path, direction)
        if target is None:
            end = "last" if direction > 0 else "first"
            self.reporter.say(f"{self.page_path.name} is the {end} page in {self.page_path.parent.name or '.'}")
            return
        if self.is_modified() and not self.save():
            self.reporter.say(f"the corrections were not saved: staying on {self.page_path.name}", 15000)
            return
        self.open_path(target)

    def _on_loaded(self, result: Loaded) -> None:
        self._opening = None
        if result.page is None:
            self.progress.emit("")
            self.reporter.warn("Cannot open page", result.error)
            self.reporter.say(result.error, 15000)
            return
        doc = Document(result.page, base=result.base, review_done=result.review_done)
        self.page_path = Path(result.path)
        self.sidecar_path = Path(result.sidecar_path) if result.sidecar_path else None
        recovered = self._recover(doc)
        self._restored = recovered is not None
        self.opened.emit(recovered or doc, self.page_path, tuple(result.warnings))

    # -- recovery ----------------------------------------------------------------------------------

    def recovery_path(self) -> Path | None:
        return self.sidecar_path.with_name(self.sidecar_path.name + RECOVERY_SUFFIX) if self.sidecar_path else None

    def _recover(self, doc: Document) -> Document | None:
        """Offer the corrections of an autosave newer than the last save (a crash, a kill)."""
        from core.sidecar import SidecarError, read_sidecar, reapply

        path = self.recovery_path()
        if path is None or not path.exists():
            return None
        saved = self.sidecar_path
        if saved is not None and saved.exists() and saved.stat().st_mtime > path.stat().st_mtime:
            return None
        answer = self.reporter.ask(
            "Unsaved corrections found",
            f"{path.name} holds corrections made after the last save. Restore them?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        try:
            decisions = read_sidecar(path, doc.base)
        except (SidecarError, OSError, ValueError) as e:
            self.reporter.say(f"the autosave could not be used: {e}", 15000)
            return None
        page, warnings = reapply(doc.base, decisions)
        if warnings:
            self.reporter.say("; ".join(warnings), 15000)
        return Document(page, base=doc.base, review_done=decisions.review_done)

    def _drop_recovery(self) -> None:
        path = self.recovery_path()
        if path is not None:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)

    # -- saving ------------------------------------------------------------------------------------

    def save(self) -> bool:
        from core.entities.lexicon import UserLexicon
        from core.sidecar import SaveError
        from core.sidecar import save as save_sidecar

        doc = self.session.document
        if doc is None or self.sidecar_path is None:
            return False
        try:
            result = save_sidecar(doc, self.sidecar_path, lexicon=UserLexicon.load())
        except SaveError as e:
            self.reporter.warn("Cannot save", str(e))
            return False
        self._mark_clean()
        self.reporter.say(f"Saved {result.path.name}" + ("; " + "; ".join(result.warnings) if result.warnings else ""))
        return True

    def _mark_clean(self) -> None:
        self._restored = False
        self._drop_recovery()
        self.undo_stack.setClean()
        self.save_state.emit("")  # setClean does not signal when the stack already was clean

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
            self.reporter.say(f"autosave failed: {e.strerror or e}", 15000)
            return
        self.save_state.emit(f"autosaved {time.strftime('%H:%M:%S')}")

    def confirm_discard(self) -> bool:
        """Ask before unsaved corrections are dropped; True when it is fine to go on."""
        if not self.is_modified():
            return True
        answer = self.reporter.ask(
            "Unsaved corrections",
            "Save the corrections to this page first?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self._mark_clean()
            return True
        return False

    def shutdown(self) -> None:
        self.autosave_timer.stop()
        if not self.is_modified():
            self._drop_recovery()  # quitting clean never leaves a recovery file behind
        self.loader.shutdown()

    # -- export ------------------------------------------------------------------------------------

    def export_dialog(self) -> None:
        if self.session.document is None or self.page_path is None:
            return
        start = str(self.page_path.with_suffix(".json"))
        path, _ = QFileDialog.getSaveFileName(self.widget, "Export JSON", start, "JSON (*.json)")
        if path:
            self.export_json(Path(path))

    def export_json(self, path: Path) -> bool:
        """The banmian.page JSON of the corrected page, validated, written atomically."""
        from core.export_formats import page_json
        from core.export_json import ExportInvalid, dumps

        doc = self.session.document
        if doc is None:
            return False
        try:
            write_atomic(path, dumps(page_json(doc)))
        except (ExportInvalid, OSError) as e:
            self.reporter.warn("Cannot export", str(e))
            return False
        self.reporter.say(f"Exported {path.name}")
        return True
