"""The editing session of a whole issue: one ``Document`` per page, the links between continued
stories, saving, autosave and recovery.  Plain Python: the window adapts its events.

Pages arrive one by one (``loaded``), in whatever order the workers finish; until then a page is
``loading``.  Each page keeps its own core ``History``, so a decision made issue-wide is undone
page by page like any other edit of that page.  ``modified`` compares the page's state with the
state at its last save (or load), so undoing back to it is not modified.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from core.atomic import write_atomic
from core.document import Document, State
from core.edits.base import Edit
from core.events import Event, Listeners
from core.history import History
from core.issue.jumps import (
    Link,
    LinkEdit,
    LinkState,
    Part,
    Story,
    link_parts,
    page_parts,
    state_from_dict,
    state_to_dict,
    stories,
)
from core.issue.loading import PageLoad, page_load, start_loading
from core.issue.source import Issue, IssuePage
from core.messages import msg, os_reason, unreadable
from core.model import Page
from core.persist.recovery import recovery_path
from core.persist.session import Origin

FORMAT = "banmian.issue"
VERSION = 1
STATUS_TEXT = {
    "loading": "loading",
    "error": "error",
    "auto": "automatic",
    "in_progress": "in progress",
    "done": "reviewed",
}


@dataclass(slots=True)
class PageSlot:
    """One page of the open issue; ``document`` is None while it loads or when it failed."""

    page: IssuePage
    document: Document | None = None
    history: History | None = None
    sidecar_path: Path | None = None
    warnings: tuple[str, ...] = ()
    error: str = ""
    saved: State | None = None
    origin: Origin | None = None  # the sidecar as loaded or last saved (core.persist.save checks it)
    unsubscribe: Callable[[], None] | None = field(default=None, repr=False)
    _counted: tuple[State, str, int] | None = field(default=None, repr=False)

    def _count(self) -> tuple[str, int]:
        """Review status and pending count of the current snapshot, worked out once per snapshot
        (a page list asks for them on every repaint)."""
        assert self.document is not None
        state = self.document.state
        if self._counted is None or self._counted[0] is not state:
            pending = sum(1 for e in state.page.entities if e.status == "auto")
            self._counted = (state, self.document.review_status, pending)
        return self._counted[1], self._counted[2]

    @property
    def status(self) -> str:
        """loading, error, auto, in_progress or done (``STATUS_TEXT`` says them for editors)."""
        if self.error:
            return "error"
        if self.document is None:
            return "loading"
        return self._count()[0]

    @property
    def pending(self) -> int:
        """Entities still waiting for a decision (status ``auto``)."""
        return 0 if self.document is None else self._count()[1]

    @property
    def modified(self) -> bool:
        return self.document is not None and self.document.state != self.saved

    def recovery_path(self) -> Path | None:
        return recovery_path(self.sidecar_path) if self.sidecar_path else None


@dataclass(frozen=True, slots=True)
class IssueEvent:
    """``kind``: page_loaded, page_changed (an edit, a save) or links_changed; ``page``: its index."""

    kind: str
    page: int | None = None


Listener = Callable[[IssueEvent], None]


class IssueWorkspace:
    def __init__(self, issue: Issue) -> None:
        self.issue = issue
        self.slots = [PageSlot(p) for p in issue.pages]
        self._listeners: Listeners[IssueEvent] = Listeners()
        self.links = LinkState()
        self._link_done: list[LinkEdit] = []
        self._link_undone: list[LinkEdit] = []
        self.links_saved = self.links
        self.state_warning = ""
        self._parts: dict[int, tuple[Page, list[Part]]] = {}
        self._load_state()

    # -- reading -----------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.slots)

    def documents(self) -> dict[int, Document]:
        return {i: s.document for i, s in enumerate(self.slots) if s.document is not None}

    def document(self, index: int) -> Document | None:
        return self.slots[index].document

    def loaded_count(self) -> int:
        return sum(1 for s in self.slots if s.document is not None or s.error)

    def all_loaded(self) -> bool:
        return self.loaded_count() == len(self.slots)

    def progress(self) -> tuple[int, int]:
        """Reviewed pages and all pages: the issue's progress."""
        return sum(1 for s in self.slots if s.status == "done"), len(self.slots)

    def stories(self) -> tuple[list[Story], list[Link]]:
        return stories(self.links, self.documents(), range(len(self.slots)))

    def modified_pages(self) -> list[int]:
        return [i for i, s in enumerate(self.slots) if s.modified]

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        return self._listeners.subscribe(listener)

    def notify(self, index: int) -> None:
        """Say that page ``index`` changed in a way its document does not announce (it was saved
        by someone else)."""
        self._emit(IssueEvent("page_changed", index))

    def _emit(self, event: IssueEvent) -> None:
        self._listeners.emit(event)

    # -- loading -----------------------------------------------------------------------------------

    def loaded(self, index: int, result: PageLoad) -> None:
        """A page's parse came back (from a worker or inline)."""
        slot = self.slots[index]
        if slot.unsubscribe is not None:
            slot.unsubscribe()
        if result.page is None or result.base is None:
            slot.error = result.error or msg("the page could not be opened")
            slot.document = None
        else:
            doc = Document(result.page, base=result.base, review_done=result.review_done)
            slot.document, slot.error = doc, ""
            slot.history = History(doc)
            slot.saved = doc.state
            slot.sidecar_path = Path(result.sidecar_path) if result.sidecar_path else None
            slot.origin = result.origin
            slot.unsubscribe = doc.subscribe(functools.partial(self._page_event, index))
        slot.warnings = result.warnings
        self._page_parts(index)  # the linker's share of the work, page by page as they arrive
        self._emit(IssueEvent("page_loaded", index))
        if self.all_loaded():
            self.relink()

    def _page_event(self, index: int, event: Event) -> None:
        from core.events import Changed

        if isinstance(event, Changed):
            self._emit(IssueEvent("page_changed", index))

    def load_all(
        self, workers: int | None = None, progress: Callable[[IssuePage], None] | None = None, *, strict: bool = False
    ) -> None:
        """Parse every page through ``core.batch``'s pool (``workers`` processes, default every
        core; 1: in this process), blocking, in page order.  ``strict``: an unusable sidecar makes
        the page fail instead of being set aside (export)."""
        paths = [str(s.page.path) for s in self.slots]
        with start_loading(paths, workers, strict=strict) as batch:
            for outcome in batch:
                self.loaded(outcome.index, page_load(outcome))
                if progress:
                    progress(self.slots[outcome.index].page)

    def relink(self) -> None:
        """Recompute the automatic links from the pages as they are now (the editor's decisions stay)."""
        parts = [p for i in range(len(self.slots)) for p in self._page_parts(i)]
        auto = link_parts(parts)
        if auto != self.links.auto:
            self.links = LinkState(auto, self.links.added, self.links.removed)
            self._emit(IssueEvent("links_changed"))

    def _page_parts(self, index: int) -> list[Part]:
        """The page's jumping parts, kept while its page snapshot is the same (edits renew it)."""
        doc = self.slots[index].document
        if doc is None:
            return []
        cached = self._parts.get(index)
        if cached is None or cached[0] is not doc.page:
            cached = self._parts[index] = (doc.page, page_parts(index, self.slots[index].page.number.number, doc.page))
        return cached[1]

    # -- editing -----------------------------------------------------------------------------------

    def do(self, index: int, edit: Edit) -> None:
        """Apply ``edit`` to page ``index`` through its history (``EditError`` leaves it untouched)."""
        history = self.slots[index].history
        if history is None:
            raise KeyError(f"page {self.slots[index].page.label} is not loaded")
        history.do(edit)

    def undo(self, index: int) -> None:
        history = self.slots[index].history
        if history is None or not history.can_undo:
            raise IndexError("nothing to undo on this page")
        history.undo()

    def link(self, edit: LinkEdit) -> None:
        """Apply a link decision (``LinkError`` leaves the links untouched)."""
        self.links = edit.forward(self.links)
        self._link_done.append(edit)
        self._link_undone.clear()
        self._emit(IssueEvent("links_changed"))

    def apply_link(self, edit: LinkEdit) -> None:
        """Apply a link decision kept on someone else's undo stack (the window's)."""
        self.links = edit.forward(self.links)
        self._emit(IssueEvent("links_changed"))

    def revert_link(self, edit: LinkEdit) -> None:
        """Undo ``edit``, which must be the last link decision applied."""
        self.links = edit.backward(self.links)
        self._emit(IssueEvent("links_changed"))

    def undo_link(self) -> None:
        if not self._link_done:
            raise IndexError("no link decision to undo")
        edit = self._link_done.pop()
        self.links = edit.backward(self.links)
        self._link_undone.append(edit)
        self._emit(IssueEvent("links_changed"))

    def redo_link(self) -> None:
        if not self._link_undone:
            raise IndexError("no link decision to redo")
        edit = self._link_undone.pop()
        self.links = edit.forward(self.links)
        self._link_done.append(edit)
        self._emit(IssueEvent("links_changed"))

    # -- saving ------------------------------------------------------------------------------------

    def save_page(self, index: int, lexicon: object | None = None) -> tuple[str, ...]:
        """Write one page's corrections (``SaveError`` if it failed); returns warnings."""
        from core.persist import save

        slot = self.slots[index]
        if slot.document is None or slot.sidecar_path is None:
            return ()
        result = save(slot.document, slot.sidecar_path, lexicon=lexicon, origin=slot.origin)  # type: ignore[arg-type]
        slot.sidecar_path, slot.origin = result.path, result.origin
        if result.document is not None:  # another session's decisions were merged in
            self.loaded(
                index,
                PageLoad(
                    str(slot.page.path),
                    result.document.page,
                    result.document.base,
                    result.document.review_done,
                    str(result.path),
                    warnings=result.warnings,
                    origin=result.origin,
                ),
            )
        slot.saved = slot.document.state
        if slot.history is not None:
            slot.history.mark_clean()
        self.drop_recovery(index)
        self._emit(IssueEvent("page_changed", index))
        return result.warnings

    def save_all(self, lexicon: object | None = None) -> list[str]:
        """Save every modified page and the links; the one-line problems (nothing else is lost)."""
        from core.persist import SaveError

        problems: list[str] = []
        for i in self.modified_pages():
            try:
                problems.extend(self.save_page(i, lexicon))
            except SaveError as e:
                problems.append(str(e))
        try:
            self.save_state()
        except OSError as e:
            problems.append(
                msg(
                    "cannot save the issue's links to {path}: {error}",
                    path=self.issue.state_path,
                    error=os_reason(e),
                )
            )
        return problems

    def save_state(self) -> None:
        if self.links.added == self.links_saved.added and self.links.removed == self.links_saved.removed:
            return
        names = [s.page.path.name for s in self.slots]
        data = {"format": FORMAT, "version": VERSION, "links": state_to_dict(self.links, names)}
        write_atomic(self.issue.state_path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        self.links_saved = self.links

    def _load_state(self) -> None:
        path = self.issue.state_path
        if not path.is_file():
            return
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                raise ValueError(msg("not a banmian issue file"))
            self.links = state_from_dict(data.get("links", {}), [s.page.path.name for s in self.slots])
            self.links_saved = self.links
        except (OSError, ValueError) as e:
            self.state_warning = msg(
                "{name}: the issue's link decisions could not be read ({error}); links are automatic",
                name=path.name,
                error=unreadable(e),
            )

    # -- autosave and recovery -----------------------------------------------------------------------

    def autosave(self, indices: list[int] | None = None) -> list[str]:
        """Write the corrections of modified pages to their recovery files (the real save is
        ``save_page``); returns the one-line problems."""
        from core.persist.recovery import autosave

        problems: list[str] = []
        for i in self.modified_pages() if indices is None else indices:
            slot = self.slots[i]
            if slot.document is None or slot.sidecar_path is None:
                continue
            try:
                autosave(slot.document, slot.sidecar_path, clean=not slot.modified)
            except OSError as e:
                error = os_reason(e)
                problems.append(msg("autosave of {name} failed: {error}", name=slot.page.path.name, error=error))
        return problems

    def recoverable(self) -> list[int]:
        """Pages whose autosave is newer than their last save: corrections a crash left behind."""
        from core.persist.recovery import pending

        return [
            i
            for i, slot in enumerate(self.slots)
            if slot.document is not None and slot.sidecar_path is not None and pending(slot.sidecar_path) is not None
        ]

    def recover(self, index: int) -> list[str]:
        """Put a page's autosaved corrections back (unsaved until saved); returns warnings.
        ``SidecarError`` when the autosave cannot be used."""
        from core.persist.recovery import restore

        slot = self.slots[index]
        if slot.document is None or slot.sidecar_path is None:
            return []
        recovery = restore(slot.sidecar_path, slot.document.base)
        if recovery is None:
            return []
        if recovery.document is None:  # unrestorable: set aside (never deleted), said
            return list(recovery.warnings)
        doc = recovery.document
        saved, origin = slot.saved, slot.origin
        self.loaded(
            index,
            PageLoad(
                str(slot.page.path),
                doc.page,
                doc.base,
                doc.review_done,
                str(slot.sidecar_path),
                warnings=recovery.warnings,
                origin=origin,
            ),
        )
        slot.saved = saved
        self._emit(IssueEvent("page_changed", index))
        return list(recovery.warnings)

    def drop_recovery(self, index: int) -> None:
        from core.persist.recovery import discard

        sidecar = self.slots[index].sidecar_path
        if sidecar is not None:
            discard(sidecar)
