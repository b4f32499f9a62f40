"""The window's page on disk: open (worker process), next/previous page of the folder, save,
autosave and recovery, export, and the question before unsaved corrections are dropped.

The undo stack's clean state is the saved state.  Ctrl+S writes the sidecar (``core.persist``);
between saves, a few seconds after each edit, the same corrections go to ``<sidecar>.autosave``,
which the next opening of the page offers back (after a crash or a kill).  The autosave rules and
the one-editor-per-page lock are core's (``core.persist.recovery``, ``core.persist.lock``); this
module only wires them to the window.  A page open in another window opens read-only here.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from core.atomic import write_atomic
from core.document import Document
from core.messages import os_reason
from core.paths import SAMPLE_PAGE
from core.pdf.pages import first_page
from ui.actions.context import Reporter
from ui.i18n import sentences, tr, tr_core
from ui.loading import InlineLoader, PageLoader
from ui.models.session import PageSession
from ui.worker import Loaded

if TYPE_CHECKING:
    from core.persist.lock import PageLock
    from core.persist.session import Origin

AUTOSAVE_MS = 3000
EXPORT_FORMATS = {"json": (".json", "JSON"), "conll": (".conll", "CoNLL"), "jsonl": (".jsonl", "JSONL")}
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
        self._restored = False  # corrections restored from an autosave or re-anchored: unsaved until saved
        self._opening: Path | None = None  # asked of the loader, not back yet
        self.origin: Origin | None = None  # the sidecar as loaded: saves check the disk against it
        self.lock: PageLock | None = None  # held while this window edits the page
        self.stepper: Callable[[int], None] | None = None  # an open issue moves between its pages
        loader.loaded.connect(self._on_loaded)
        loader.progress.connect(self.progress.emit)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        undo_stack.indexChanged.connect(lambda _: self.autosave_timer.start())
        undo_stack.cleanChanged.connect(self._on_clean_changed)

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
        path, _ = QFileDialog.getOpenFileName(
            self.widget, tr("Open page"), start, tr("Pages (*.txt *.pdf);;All files (*)")
        )
        if path:
            self.open_path(path)

    def step_page(self, direction: int) -> None:
        """Open the next (``+1``) or previous (``-1``) page of the folder, saving corrections first.

        Moving on never asks and never drops work: unsaved corrections are saved through ``save``;
        when that fails (its error is shown) the editor stays on this page.
        """
        if self.stepper is not None:
            self.stepper(direction)
            return
        if self._opening is not None:
            self.reporter.say(tr("still opening {name}…").format(name=self._opening.name))
            return
        if self.page_path is None:
            self.reporter.say(tr("no page is open"))
            return
        target = neighbour_page(self.page_path, direction)
        if target is None:
            text = (
                tr("{name} is the last page in {folder}")
                if direction > 0
                else tr("{name} is the first page in {folder}")
            )
            self.reporter.say(text.format(name=self.page_path.name, folder=self.page_path.parent.name or "."))
            return
        if self.is_modified() and not self.save():
            self.reporter.say(
                tr("the corrections were not saved: staying on {name}").format(name=self.page_path.name), 15000
            )
            return
        self.open_path(target)

    def _on_loaded(self, result: Loaded) -> None:
        from core.messages import mentions
        from core.persist.lock import PageLock, open_elsewhere
        from core.persist.recovery import restore
        from core.persist.session import REANCHORED

        self._opening = None
        if result.page is None:
            self.progress.emit("")
            self.reporter.warn(tr("Cannot open page"), tr_core(result.error))
            self.reporter.say(tr_core(result.error), 15000)
            return
        doc = Document(result.page, base=result.base, review_done=result.review_done)
        self.page_path = Path(result.path)
        self.sidecar_path = Path(result.sidecar_path) if result.sidecar_path else None
        self.origin = result.origin
        self._release_lock()
        self.lock = PageLock.acquire(self.page_path)
        warnings = list(result.warnings)
        recovered = None
        if self.lock is None:
            doc.read_only = open_elsewhere(self.page_path)
            warnings.insert(0, doc.read_only)
        elif self.sidecar_path is not None and self._offer_recovery(self.sidecar_path):
            recovery = restore(self.sidecar_path, doc.base)
            if recovery is not None:
                warnings.extend(recovery.warnings)
                recovered = recovery.document
        # corrections moved onto a changed page are not on disk in their new place until saved
        moved = any(mentions(w, REANCHORED) for w in result.warnings)
        self._restored = recovered is not None or (moved and not doc.read_only)
        self.opened.emit(recovered or doc, self.page_path, tuple(warnings))

    def _release_lock(self) -> None:
        if self.lock is not None:
            self.lock.release()
        self.lock = None

    # -- recovery (the rules are core.persist.recovery's) ------------------------------------------

    def adopt(
        self, doc: Document, page_path: Path, sidecar_path: Path | None, *, modified: bool, warnings: tuple[str, ...]
    ) -> None:
        """Show a document opened elsewhere (a page of an open issue); ``modified``: it holds
        corrections not saved yet."""
        self._opening = None
        self.page_path = page_path
        self.sidecar_path = sidecar_path
        self._restored = modified
        self.opened.emit(doc, page_path, warnings)

    def recovery_path(self) -> Path | None:
        from core.persist.recovery import recovery_path

        return recovery_path(self.sidecar_path) if self.sidecar_path else None

    def _offer_recovery(self, sidecar: Path) -> bool:
        """Ask whether to restore an autosave newer than the last save (a crash, a kill)."""
        from core.persist.recovery import pending

        path = pending(sidecar)
        if path is None:
            return False
        answer = self.reporter.ask(
            tr("Unsaved corrections found"),
            tr("{name} holds corrections made after the last save. Restore them?").format(name=path.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _drop_recovery(self) -> None:
        from core.persist.recovery import discard

        if self.sidecar_path is not None and self.lock is not None:  # never another window's file
            discard(self.sidecar_path)

    def _on_clean_changed(self, clean: bool) -> None:
        """Back at the saved state (undo to it, or a save): no recovery file, at once."""
        if clean and not self._restored:
            self.autosave_timer.stop()
            self._drop_recovery()

    # -- saving ------------------------------------------------------------------------------------

    def save(self) -> bool:
        from core.entities.lexicon import UserLexicon
        from core.persist.session import SaveError
        from core.persist.session import save as save_sidecar

        doc = self.session.document
        if doc is None or self.sidecar_path is None:
            return False
        try:
            result = save_sidecar(doc, self.sidecar_path, lexicon=UserLexicon.load(), origin=self.origin)
        except SaveError as e:
            self.reporter.warn(tr("Cannot save"), tr_core(str(e)))
            return False
        if result.path != self.sidecar_path:  # the folder became read-only: saved in the workspace
            self._drop_recovery()
        self.sidecar_path = result.path
        self.origin = result.origin
        if result.document is not None:  # another session's decisions were merged in
            assert self.page_path is not None
            self.opened.emit(result.document, self.page_path, ())
        self._mark_clean()
        if self.page_path is not None:
            from core.entities.tagger.train import schedule_training

            schedule_training(self.page_path, result.path)  # a background process, never waited for
        self.reporter.say(sentences([tr("Saved {name}").format(name=result.path.name), *map(tr_core, result.warnings)]))
        return True

    def _mark_clean(self) -> None:
        self._restored = False
        self._drop_recovery()
        self.undo_stack.setClean()
        self.save_state.emit("")  # setClean does not signal when the stack already was clean

    def autosave(self) -> None:
        """Bring the recovery file beside the sidecar in line with the session (Ctrl+S saves)."""
        from core.persist.recovery import autosave

        doc = self.session.document
        if doc is None or self.sidecar_path is None or doc.read_only:
            return
        try:
            written = autosave(doc, self.sidecar_path, clean=not self.is_modified())
        except OSError as e:
            self.reporter.say(tr("autosave failed: {error}").format(error=tr_core(os_reason(e))), 15000)
            return
        if written is not None:
            self.save_state.emit(tr("autosaved {time}").format(time=time.strftime("%H:%M:%S")))

    def confirm_discard(self) -> bool:
        """Ask before unsaved corrections are dropped; True when it is fine to go on."""
        if not self.is_modified():
            return True
        answer = self.reporter.ask(
            tr("Unsaved corrections"),
            tr("Save the corrections to this page first?"),
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
        if not self.is_modified():  # quitting clean never leaves a recovery file
            self._drop_recovery()
        self._release_lock()
        self.loader.shutdown()

    # -- export ------------------------------------------------------------------------------------

    def export_dialog(self, fmt: str = "json") -> None:
        if self.session.document is None or self.page_path is None:
            return
        suffix, name = EXPORT_FORMATS[fmt]
        start = str(self.page_path.with_suffix(suffix))
        path, _ = QFileDialog.getSaveFileName(
            self.widget, tr("Export {format}").format(format=name), start, f"{name} (*{suffix})"
        )
        if path:
            self.export(Path(path), fmt)

    def export_json(self, path: Path) -> bool:
        return self.export(path, "json")

    def export(self, path: Path, fmt: str = "json") -> bool:
        """The corrected page as banmian.page JSON (validated), CoNLL or JSONL, written atomically."""
        from core.export_formats import page_json, to_conll, to_jsonl
        from core.export_json import ExportInvalid, dumps

        doc = self.session.document
        if doc is None:
            return False
        try:
            if fmt == "conll":
                data = to_conll(doc.page)
            elif fmt == "jsonl":
                data = to_jsonl(doc)
            else:
                data = dumps(page_json(doc))
            write_atomic(path, data)
        except ExportInvalid as e:
            self.reporter.warn(tr("Cannot export"), tr_core(str(e)))
            return False
        except OSError as e:
            why = tr("{path}: {error}").format(path=path, error=tr_core(os_reason(e)))
            self.reporter.warn(tr("Cannot export"), why)
            return False
        self.reporter.say(tr("Exported {name}").format(name=path.name))
        return True
