"""The Entities menu's two tagger entries: learning from the editor's corrections on or off, and
forgetting what was learned.

The switch is the window's setting ``tagger/learn`` (the settings file the window already keeps);
core reads the store's own flag (``TaggerStore.enabled``: the background parser and the training
after a save run without Qt), so the setting is written through to the store of the open page and
to the user's store, at start and on every toggle.  Reset asks first, then forgets the pages, the
cached examples and the model of those stores; the lexicon is left alone (it has its own file).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox

from core.entities.tagger.store import TaggerStore
from ui.actions.context import Reporter
from ui.i18n import reason, tr

SETTING = "tagger/learn"


class TaggerActions:
    """The checkable "Learn from my corrections (tagger)" and "Reset what was learned…"."""

    def __init__(
        self, parent: QObject, settings: QSettings, reporter: Reporter, page_path: Callable[[], Path | None]
    ) -> None:
        self._settings = settings
        self._reporter = reporter
        self._page_path = page_path
        self.learn = QAction(tr("Learn from my corrections (tagger)"), parent)
        self.learn.setObjectName("tagger_learn")
        self.learn.setCheckable(True)
        self.learn.setToolTip(
            tr("After each save, a tagger trained on your saved pages corrects the suggestions of later pages")
        )
        self.learn.setStatusTip(self.learn.toolTip())
        self.learn.setChecked(str(settings.value(SETTING, "true")) == "true")
        self.learn.toggled.connect(self.set_learning)
        self.reset = QAction(tr("Reset what was learned…"), parent)
        self.reset.setObjectName("tagger_reset")
        self.reset.setToolTip(tr("Forget the pages the tagger learned from and its model"))
        self.reset.setStatusTip(self.reset.toolTip())
        self.reset.triggered.connect(lambda _=False: self.ask_reset())
        self._apply(self.learn.isChecked())

    def install(self, menu: QMenu) -> None:
        menu.addAction(self.learn)
        menu.addAction(self.reset)

    def stores(self) -> list[TaggerStore]:
        """The user's store and, when the open page belongs to a project folder, the project's."""
        out = [TaggerStore.for_user()]
        page = self._page_path()
        if page is not None:
            own = TaggerStore.for_page(page)
            if own not in out:
                out.append(own)
        return out

    def _apply(self, on: bool) -> None:
        for store in self.stores():
            if store.enabled != on:
                try:
                    store.set_enabled(on)
                except OSError as e:
                    self._reporter.warn(
                        tr("Tagger"), tr("Cannot switch the tagger: {error}").format(error=reason(e, store.root))
                    )

    def set_learning(self, on: bool) -> None:
        self._settings.setValue(SETTING, "true" if on else "false")
        self._settings.sync()
        self._apply(on)
        self._reporter.say(
            tr("The tagger learns from your saved corrections") if on else tr("The tagger is switched off")
        )

    def ask_reset(self) -> None:
        yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
        answer = self._reporter.ask(
            tr("Reset what was learned"),
            tr("Forget every page the tagger learned from, and its model? Your saved corrections are kept."),
            yes | no,
            no,
        )
        if answer != yes:
            return
        for store in self.stores():
            try:
                store.reset()
            except OSError as e:
                self._reporter.warn(
                    tr("Tagger"), tr("Cannot reset the tagger: {error}").format(error=reason(e, store.root))
                )
                return
        self._reporter.say(tr("The tagger forgot what it learned"))
