"""Getting around: find (Ctrl+F, F3), go to line (Ctrl+G), the next pane (F6)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QWidget

from ui.actions.base import ActionSet
from ui.actions.context import Reporter
from ui.models.find import PageFinder
from ui.models.session import PageSession
from ui.views.find_bar import FindBar

WINDOW = Qt.ShortcutContext.WindowShortcut


class NavigationActions(ActionSet):
    def __init__(
        self,
        parent: QWidget,
        session: PageSession,
        reporter: Reporter,
        find_bar: FindBar,
        show_span: Callable[[int, int], None],
        go_to_line: Callable[[int], None],
        panes: Callable[[], list[QWidget]],
    ) -> None:
        super().__init__(parent)
        self.widget = parent
        self.session = session
        self.reporter = reporter
        self.bar = find_bar
        self.show_span = show_span
        self.go_to = go_to_line
        self.panes = panes
        self.finder = PageFinder()
        self._at = -1  # raw offset of the last match shown
        a = self.action
        self.actions = [
            a("find", "&Find…", "Ctrl+F", self.bar.open, "Find text on the page (raw and article text)", WINDOW),
            a("find_next", "Find next", ["F3"], lambda: self.find(+1), "The next match of the find bar's text", WINDOW),
            a("find_prev", "Find previous", ["Shift+F3"], lambda: self.find(-1), "The previous match", WINDOW),
            a(
                "go_to_line",
                "&Go to line…",
                "Ctrl+G",
                self.ask_line,
                "Put the cursor on a line of the raw page",
                WINDOW,
            ),
            a(
                "next_pane",
                "Next pane",
                "F6",
                lambda: self.cycle(+1),
                "Move the keyboard focus to the next pane",
                WINDOW,
            ),
            a("prev_pane", "Previous pane", "Shift+F6", lambda: self.cycle(-1), "Focus the previous pane", WINDOW),
        ]
        self.bar.step.connect(self.find)

    def find(self, direction: int) -> None:
        page = self.session.page
        query = self.bar.text()
        if page is None or not query.strip():
            self.bar.open()
            return
        found = self.finder.matches(page, query)
        if not found:
            self.bar.count.setText(self.bar.tr("not found"))
            self.reporter.say(f"“{query}” is not on this page")
            return
        if direction > 0:
            k = next((i for i, (s, _) in enumerate(found) if s > self._at), 0)
        else:
            k = next((i for i in range(len(found) - 1, -1, -1) if found[i][0] < self._at), len(found) - 1)
        start, end = found[k]
        self._at = start
        self.bar.count.setText(f"{k + 1} / {len(found)}")
        self.show_span(start, end)

    def ask_line(self) -> None:
        page = self.session.page
        if page is None or not page.lines:
            return
        n, ok = QInputDialog.getInt(
            self.widget, self.widget.tr("Go to line"), self.widget.tr("Line:"), 1, 1, len(page.lines)
        )
        if ok:
            self.go_to(n)

    def cycle(self, direction: int) -> None:
        panes = [p for p in self.panes() if p.isVisible()]
        if not panes:
            return
        focus = QApplication.focusWidget()
        here = next((i for i, p in enumerate(panes) if focus is not None and (p is focus or p.isAncestorOf(focus))), -1)
        target = panes[(here + direction) % len(panes)]
        target.setFocus(Qt.FocusReason.TabFocusReason if direction > 0 else Qt.FocusReason.BacktabFocusReason)
