"""The selected article, reflowed: headline group first, then paragraphs, entities in label colours.

Every displayed character remembers the page offset it came from, so a selection here becomes an
entity span on the raw page, and a raw line maps to the paragraph showing it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget

from core.fields import article_fields, needs_space
from core.model import PENDING_STATUS, Article, Entity, Page
from core.textmap import MappedText, assemble
from ui.i18n import tr

HEAD_ORDER = ("kicker", "title", "subtitle", "byline")


def headline(raw: str, spans: list[tuple[int, int]]) -> MappedText:
    """Headline lines joined as ``core.fields`` joins them (a space only between Latin words)."""
    text = ""
    offsets: tuple[int, ...] = ()
    for sp in spans:
        part = assemble(raw, [sp], squeeze=True)
        if not part.text:
            continue
        if needs_space(text, part.text):
            text, offsets = text + " ", (*offsets, -1)
        text, offsets = text + part.text, offsets + part.offsets
    return MappedText(text, offsets)


TAIL_ROLES = ("jump", "column", "caption", "other")


class ArticleTextView(QTextEdit):
    entity_clicked = Signal(str)

    def __init__(self, colours: dict[str, QColor] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleText")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.document().setUndoRedoEnabled(False)
        self.colours: dict[str, QColor] = colours or {}
        self._offsets: list[int] = []  # Qt position → page offset (-1: not from the page)
        self._raw_to_pos: dict[int, int] = {}
        self._entities: list[Entity] = []
        self._runs: list[tuple[int, int, QTextCharFormat]] = []  # Qt positions of each written run, its format
        # reflowed text per (joined as a headline?, line spans) of the article last shown: the page
        # text never changes under a session, so an edit re-renders without reflowing untouched blocks
        self._reflowed: tuple[str, dict[tuple[bool, tuple[tuple[int, int], ...]], MappedText]] = (
            "",
            {},
        )
        self._shown: tuple[Page, Article] | None = None
        self._marks: dict[str, list[QTextEdit.ExtraSelection]] = {"entity": [], "line": []}

    @property
    def article_id(self) -> str:
        return self._shown[1].id if self._shown else ""

    def show_article(self, page: Page | None, article: Article | None, entities: list[Entity]) -> None:
        if page is None or article is None:
            self._shown = None
            self.clear()
            self._offsets, self._raw_to_pos, self._entities = [], {}, []
            return
        if (
            self._shown is not None
            and self._shown[1] is article
            and self._entities == entities
            and self._shown[0].text is page.text
        ):
            return
        keep = self.verticalScrollBar().value() if self._shown and self._shown[1].id == article.id else 0
        same_text = self._shown is not None and self._shown[1] is article and self._shown[0].text is page.text
        old = self._entities
        self._shown = (page, article)
        self._entities = entities
        if same_text:  # only entities changed: repaint their spans, the text stays
            self._repaint_entities(old, entities)
        else:
            self._render(page, article)
        self.verticalScrollBar().setValue(keep)

    def _render(self, page: Page, article: Article) -> None:
        doc = self.document()
        doc.clear()
        self._marks = {"entity": [], "line": []}
        self.setExtraSelections([])
        cursor = QTextCursor(doc)
        offsets: list[int] = []
        runs: list[tuple[int, int, QTextCharFormat]] = []
        base = QFont(self.font())
        sizes = {"kicker": 1.0, "title": 1.45, "subtitle": 1.05, "byline": 0.95}
        first = True
        cache = self._reflowed[1] if self._reflowed[0] is page.text else {}
        reflowed: dict[tuple[bool, tuple[tuple[int, int], ...]], MappedText] = {}
        self._reflowed = (page.text, reflowed)

        def reflow(head: bool, sp: list[tuple[int, int]]) -> MappedText:
            key = (head, tuple(sp))
            mt = cache.get(key)
            if mt is None:
                mt = headline(page.text, sp) if head else assemble(page.text, sp, squeeze=True)
            reflowed[key] = mt
            return mt

        def paragraph(role: str) -> None:
            nonlocal first
            fmt = QTextBlockFormat()
            fmt.setBottomMargin(6)
            if role == "body":
                fmt.setTextIndent(2 * self.fontMetrics().horizontalAdvance("中"))
            if first:
                cursor.setBlockFormat(fmt)
                first = False
            else:
                cursor.insertBlock(fmt)
                offsets.append(-1)

        def write(text: str, raw: list[int] | None, role: str) -> None:
            cf = QTextCharFormat()
            f = QFont(base)
            f.setPointSizeF(base.pointSizeF() * sizes.get(role, 1.0))
            f.setBold(role in ("title", "subhead"))
            cf.setFont(f)
            if role in ("byline", "jump", "column", "caption", "other"):
                cf.setForeground(QColor("#555555"))
            start = cursor.position()
            cursor.insertText(text, cf)
            runs.append((start, cursor.position(), cf))
            for i, ch in enumerate(text):
                o = raw[i] if raw is not None else -1
                offsets.append(o)
                if ord(ch) > 0xFFFF:
                    offsets.append(-1)

        def spans(role: str) -> list[list[tuple[int, int]]]:
            return [
                [(page.lines[n - 1].start, page.lines[n - 1].end) for n in b.lines]
                for b in article.blocks
                if b.role == role
            ]

        for role in HEAD_ORDER:
            override = article.overrides.get(role)
            if override is not None:
                if override:
                    paragraph(role)
                    write(override, None, role)
                continue
            for sp in spans(role):
                mt = reflow(True, sp)
                if mt.text:
                    paragraph(role)
                    write(mt.text, list(mt.offsets), role)
        dateline = article_fields(page.text, page.lines, article).dateline if "dateline" in article.overrides else ""
        if dateline:
            paragraph("byline")
            write(tr("[dateline] {text}").format(text=dateline), None, "byline")
        for b in article.blocks:
            if b.role not in ("body", "subhead"):
                continue
            mt = reflow(False, [(page.lines[n - 1].start, page.lines[n - 1].end) for n in b.lines])
            if mt.text:
                paragraph(b.role)
                write(mt.text, list(mt.offsets), b.role)
        for role in TAIL_ROLES:
            for sp in spans(role):
                mt = reflow(True, sp)
                if mt.text:
                    paragraph(role)
                    write(mt.text, list(mt.offsets), role)
        self._offsets = offsets
        self._runs = runs
        self._raw_to_pos = {o: i for i, o in enumerate(offsets) if o >= 0}
        for e in self._entities:
            self._paint_entity(cursor, e)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def _repaint_entities(self, old: list[Entity], new: list[Entity]) -> None:
        """Give back their written format to the spans of entities that changed, then paint again every
        entity over those spans, in page order: the text ends formatted as a full render leaves it."""
        self._marks = {"entity": [], "line": []}
        self.setExtraSelections([])
        old_ids = {e.id: e for e in old}
        new_ids = {e.id: e for e in new}
        changed = [e for e in old if new_ids.get(e.id) != e] + [e for e in new if old_ids.get(e.id) != e]
        regions = [r for r in map(self._entity_range, changed) if r is not None]
        ranges = [(e, self._entity_range(e)) for e in new]
        grown = True
        while grown:  # an entity overlapping a region is repainted whole: the region takes it in
            grown = False
            for _e, r in ranges:
                if r is None or not any(r[0] < b and a < r[1] for a, b in regions):
                    continue
                if not any(a <= r[0] and r[1] <= b for a, b in regions):
                    regions.append(r)
                    grown = True
        if regions:
            cursor = QTextCursor(self.document())
            cursor.beginEditBlock()
            for a, b in regions:
                for start, end, cf in self._runs:
                    lo, hi = max(a, start), min(b, end)
                    if lo < hi:
                        cursor.setPosition(lo)
                        cursor.setPosition(hi, QTextCursor.MoveMode.KeepAnchor)
                        cursor.setCharFormat(cf)
            for e, r in ranges:
                if r is not None and any(r[0] < b and a < r[1] for a, b in regions):
                    self._paint_entity(cursor, e)
            cursor.endEditBlock()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def _entity_range(self, e: Entity) -> tuple[int, int] | None:
        pos = [self._raw_to_pos[o] for o in range(e.start, e.end) if o in self._raw_to_pos]
        return (min(pos), max(pos) + 1) if pos else None

    def _paint_entity(self, cursor: QTextCursor, e: Entity) -> None:
        r = self._entity_range(e)
        if r is None:
            return
        cursor.setPosition(r[0])
        cursor.setPosition(r[1], QTextCursor.MoveMode.KeepAnchor)
        cf = QTextCharFormat()
        colour = QColor(self.colours.get(e.type, QColor("#dddddd")))
        if e.status == "rejected":
            cf.setFontStrikeOut(True)
            cf.setForeground(QColor("#999999"))
        else:
            if e.status == PENDING_STATUS:
                colour.setAlpha(150)
                cf.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            cf.setBackground(colour)
        cf.setToolTip(f"{e.text} · {e.type} · {tr(e.status)}")
        cursor.mergeCharFormat(cf)

    # -- selection and marks ----------------------------------------------------------------------

    def selected_span(self) -> tuple[int, int] | None:
        c = self.textCursor()
        if not c.hasSelection():
            return None
        real = [o for o in self._offsets[c.selectionStart() : c.selectionEnd()] if o >= 0]
        return (min(real), max(real) + 1) if real else None

    def entity_at_cursor(self) -> str:
        pos = self.textCursor().position()
        for p in (pos, pos - 1):
            if 0 <= p < len(self._offsets) and self._offsets[p] >= 0:
                o = self._offsets[p]
                for e in self._entities:
                    if e.start <= o < e.end:
                        return e.id
        return ""

    def highlighted_text(self, kind: str) -> str:
        return "".join(sel.cursor.selectedText() for sel in self._marks[kind])

    def mark_entity(self, e: Entity | None) -> None:
        self._marks["entity"] = []
        if e is not None:
            r = self._entity_range(e)
            if r is not None:
                sel = QTextEdit.ExtraSelection()
                c = QTextCursor(self.document())
                c.setPosition(r[0])
                c.setPosition(r[1], QTextCursor.MoveMode.KeepAnchor)
                sel.cursor = c
                cf = QTextCharFormat()
                cf.setBackground(QColor("#303f9f"))
                cf.setForeground(QColor("white"))
                sel.format = cf
                self._marks["entity"] = [sel]
                self._ensure_visible(r[0])
        self._apply()

    def mark_lines(self, start: int, end: int) -> None:
        """Light up the paragraph showing page offsets ``start..end`` (a raw line)."""
        self._marks["line"] = []
        pos = next((self._raw_to_pos[o] for o in range(start, end) if o in self._raw_to_pos), None)
        if pos is not None:
            sel = QTextEdit.ExtraSelection()
            c = QTextCursor(self.document())
            c.setPosition(pos)
            sel.cursor = c
            cf = QTextCharFormat()
            cf.setBackground(QColor("#fff6cc"))
            cf.setProperty(QTextCharFormat.Property.FullWidthSelection, True)
            sel.format = cf
            self._marks["line"] = [sel]
            self._ensure_visible(pos)
        self._apply()

    def _ensure_visible(self, pos: int) -> None:
        c = QTextCursor(self.document())
        c.setPosition(pos)
        rect = self.cursorRect(c)
        if not self.viewport().rect().contains(rect):
            self.verticalScrollBar().setValue(
                self.verticalScrollBar().value() + rect.top() - self.viewport().height() // 3
            )

    def _apply(self) -> None:
        self.setExtraSelections(self._marks["line"] + self._marks["entity"])

    # Qt overrides

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if not self.textCursor().hasSelection():
            eid = self.entity_at_cursor()
            if eid:
                self.entity_clicked.emit(eid)
