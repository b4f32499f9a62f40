"""The selected article, reflowed: headline group first, then paragraphs, entities in label colours.

Every displayed character remembers the page offset it came from, so a selection here becomes an
entity span on the raw page, and a raw line maps to the paragraph showing it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from difflib import SequenceMatcher

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget

from core.fields import article_fields, needs_space
from core.model import PENDING_STATUS, Article, Entity, Page
from core.textmap import MappedText, assemble
from ui.i18n import tr

HEAD_ORDER = ("kicker", "title", "subtitle", "byline")
ROLE_SIZES = {"kicker": 1.0, "title": 1.45, "subtitle": 1.05, "byline": 0.95}


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One text block of the view: its role (its format), its text and the page offset of each
    character (None: typed by the editor or made up, e.g. the dateline line)."""

    role: str
    text: str
    offsets: tuple[int, ...] | None


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


def _offset_range(p: Paragraph) -> tuple[int, int] | None:
    """The smallest and largest page offset ``p`` shows (None: none)."""
    if not p.offsets:
        return None
    hi = max(p.offsets)
    if hi < 0:
        return None
    lo = min(p.offsets)
    return (lo if lo >= 0 else min(o for o in p.offsets if o >= 0), hi)


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
        # an article growing past the view's height (a merge) or shrinking under it (its undo) would
        # show or hide the scroll bar: a narrower viewport, the whole article laid out again
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.colours: dict[str, QColor] = colours or {}
        self._offsets: list[int] = []  # Qt position → page offset (-1: not from the page)
        self._positions: dict[int, int] | None = {}  # page offset → Qt position (None: not built yet)
        self._entities: list[Entity] = []
        self._runs: list[tuple[int, int, QTextCharFormat]] = []  # Qt positions of each written run, its format
        # reflowed text per (joined as a headline?, line spans) of the article last shown: the page
        # text never changes under a session, so an edit re-renders without reflowing untouched blocks
        self._reflowed: tuple[str, dict[tuple[bool, tuple[tuple[int, int], ...]], MappedText]] = (
            "",
            {},
        )
        self._shown: tuple[Page, Article] | None = None
        self._paras: list[Paragraph] = []  # what each text block shows
        self._separators: set[int] = set()  # Qt positions of the breaks between paragraphs
        self._role_formats: dict[str, tuple[QTextBlockFormat, QTextCharFormat]] = {}
        self._entity_formats: dict[tuple[int, str, str, str, str], QTextCharFormat] = {}
        self._marks: dict[str, list[QTextEdit.ExtraSelection]] = {"entity": [], "line": []}

    @property
    def article_id(self) -> str:
        return self._shown[1].id if self._shown else ""

    def show_article(self, page: Page | None, article: Article | None, entities: list[Entity]) -> None:
        if page is None or article is None:
            self._shown = None
            self.clear()
            self._paras, self._offsets, self._positions, self._entities = [], [], {}, []
            self._runs = []
            return
        if (
            self._shown is not None
            and self._shown[1] is article
            and self._entities == entities
            and self._shown[0].text is page.text
        ):
            return
        keep = self.verticalScrollBar().value() if self._shown and self._shown[1].id == article.id else 0
        same_text = self._shown is not None and self._shown[0].text is page.text
        old = self._entities
        self._shown = (page, article)
        self._entities = entities
        paras = self._paragraphs(page, article)
        if same_text and self._paras:
            # the same page: write only the paragraphs that differ, then repaint changed entities
            fresh, painted = self._replace(paras)
            self._repaint_entities(old, entities, fresh, painted)
        else:
            self._render(paras)
        self.verticalScrollBar().setValue(keep)

    def _paragraphs(self, page: Page, article: Article) -> list[Paragraph]:
        """What the article shows, paragraph by paragraph, in display order."""
        cache = self._reflowed[1] if self._reflowed[0] is page.text else {}
        reflowed: dict[tuple[bool, tuple[tuple[int, int], ...]], MappedText] = {}
        self._reflowed = (page.text, reflowed)
        out: list[Paragraph] = []

        def add(role: str, head: bool, sp: list[tuple[int, int]]) -> None:
            key = (head, tuple(sp))
            mt = cache.get(key)
            if mt is None:
                mt = headline(page.text, sp) if head else assemble(page.text, sp, squeeze=True)
            reflowed[key] = mt
            if mt.text:
                out.append(Paragraph(role, mt.text, mt.offsets))

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
                    out.append(Paragraph(role, override, None))
                continue
            for sp in spans(role):
                add(role, True, sp)
        dateline = article_fields(page.text, page.lines, article).dateline if "dateline" in article.overrides else ""
        if dateline:
            out.append(Paragraph("byline", tr("[dateline] {text}").format(text=dateline), None))
        for b in article.blocks:
            if b.role in ("body", "subhead"):
                add(b.role, False, [(page.lines[n - 1].start, page.lines[n - 1].end) for n in b.lines])
        for role in TAIL_ROLES:
            for sp in spans(role):
                add(role, True, sp)
        return out

    def _formats(self, role: str) -> tuple[QTextBlockFormat, QTextCharFormat]:
        cached = self._role_formats.get(role)
        if cached is not None:
            return cached
        fmt = QTextBlockFormat()
        fmt.setBottomMargin(6)
        if role == "body":
            fmt.setTextIndent(2 * self.fontMetrics().horizontalAdvance("中"))
        cf = QTextCharFormat()
        base = QFont(self.font())
        f = QFont(base)
        f.setPointSizeF(base.pointSizeF() * ROLE_SIZES.get(role, 1.0))
        f.setBold(role in ("title", "subhead"))
        cf.setFont(f)
        if role in ("byline", "jump", "column", "caption", "other"):
            cf.setForeground(QColor("#555555"))
        self._role_formats[role] = (fmt, cf)
        return fmt, cf

    def _write(self, cursor: QTextCursor, paras: list[Paragraph], *, new_block: bool) -> None:
        """Write ``paras`` at the cursor, the first into the cursor's (empty) block unless
        ``new_block``; the characters of the entities shown are written already in their formats,
        as painting each entity over the written text in page order would leave them."""
        order = sorted(range(len(self._entities)), key=lambda j: self._entities[j].start)
        by_start = ([self._entities[j].start for j in order], order)
        longest = max((e.end - e.start for e in self._entities), default=0)
        formats: dict[tuple[str, tuple[int, ...]], QTextCharFormat] = {}  # (role, entities over) → format
        for i, p in enumerate(paras):
            fmt, cf = self._formats(p.role)
            if i or new_block:
                cursor.insertBlock(fmt)
            else:
                cursor.setBlockFormat(fmt)
            for text, f in self._entity_segments(p, cf, by_start, longest, formats):
                cursor.insertText(text, f)

    def _entity_segments(
        self,
        p: Paragraph,
        cf: QTextCharFormat,
        by_start: tuple[list[int], list[int]],
        longest: int,
        formats: dict[tuple[str, tuple[int, ...]], QTextCharFormat],
    ) -> list[tuple[str, QTextCharFormat]]:
        """``p``'s text cut where the entities covering its characters change, each piece with
        ``cf`` merged with the format of every entity over it, in page order (``by_start``: the
        entities' starts sorted and their indices in that order; ``longest``: the longest's length;
        ``formats``: the merged formats made so far, shared by the paragraphs of one write).
        Work in proportion to the entities' characters, not the paragraph's."""
        offsets = p.offsets
        if not offsets:
            return [(p.text, cf)]
        hi = max(offsets)
        if hi < 0:
            return [(p.text, cf)]
        lo = min(offsets)
        if lo < 0:
            lo = min(o for o in offsets if o >= 0)
        starts, order = by_start
        picked = sorted(order[bisect_left(starts, lo - longest) : bisect_right(starts, hi)])
        near = [k for k in picked if lo < self._entities[k].end]
        if not near:
            return [(p.text, cf)]
        at = {o: i for i, o in enumerate(offsets) if o >= 0}
        cover: dict[int, tuple[int, ...]] = {}  # character index → the entities over it (page order)
        for k in near:
            e = self._entities[k]
            for o in range(max(e.start, lo), min(e.end, hi + 1)):
                i = at.get(o)
                if i is not None:
                    cover[i] = (*cover.get(i, ()), k)
        text = p.text
        out: list[tuple[str, QTextCharFormat]] = []
        covered = sorted(cover)
        pos = 0
        n = 0
        while n < len(covered):
            first = covered[n]
            over = cover[first]
            m = n + 1
            while m < len(covered) and covered[m] == covered[m - 1] + 1 and cover[covered[m]] == over:
                m += 1
            end = covered[m - 1] + 1
            if first > pos:
                out.append((text[pos:first], cf))
            f = formats.get((p.role, over))
            if f is None:
                f = QTextCharFormat(cf)
                for k in over:
                    f.merge(self._entity_format(self._entities[k]))
                formats[(p.role, over)] = f
            out.append((text[first:end], f))
            pos = end
            n = m
        if pos < len(text):
            out.append((text[pos:], cf))
        return out

    def _render(self, paras: list[Paragraph]) -> None:
        doc = self.document()
        doc.clear()
        self._marks = {"entity": [], "line": []}
        self.setExtraSelections([])
        cursor = QTextCursor(doc)
        self._write(cursor, paras, new_block=False)
        self._paras = paras
        self._index_offsets()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def _replace(self, paras: list[Paragraph]) -> tuple[list[tuple[int, int]], set[int]]:
        """Swap the paragraphs that differ from those shown for ``paras`` (one text block each),
        each run of differing paragraphs on its own (a merge changes the headline group at the top
        and adds paragraphs at the bottom: the body between stays); returns the Qt positions the
        written paragraphs now cover and their indices in ``paras``."""
        old = self._paras
        ops = [op for op in SequenceMatcher(None, old, paras, autojunk=False).get_opcodes() if op[0] != "equal"]
        if not ops:
            return [], set()
        doc = self.document()
        self._clear_marks()
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        written: list[tuple[int, int]] = []  # paragraphs of ``paras`` written, first and end
        for _tag, i1, i2, j1, j2 in reversed(ops):  # from the bottom: the blocks above keep their numbers
            if i1 == i2 == 0:  # an insert at the top: rewrite the first paragraph too (a block to write into)
                i2, j2 = 1, j2 + 1
            self._swap(cursor, i1, i2, paras[j1:j2], paras)
            if j2 > j1:
                written.append((j1, j2))
        cursor.endEditBlock()
        self._paras = paras
        self._index_offsets()
        fresh = []
        for j1, j2 in written:
            last = doc.findBlockByNumber(j2 - 1)
            fresh.append((doc.findBlockByNumber(j1).position(), last.position() + last.length() - 1))
        return fresh, {j for j1, j2 in written for j in range(j1, j2)}

    def _swap(self, cursor: QTextCursor, start: int, end: int, new: list[Paragraph], paras: list[Paragraph]) -> None:
        """Blocks ``start..end`` (exclusive) become ``new`` (``paras``: every paragraph shown after)."""
        doc = self.document()
        if start == end:  # a pure insert (a merge): new blocks after block start - 1
            before = doc.findBlockByNumber(start - 1)
            cursor.setPosition(before.position() + before.length() - 1)
            self._write(cursor, new, new_block=True)
            return
        first, last = doc.findBlockByNumber(start), doc.findBlockByNumber(end - 1)
        cursor.setPosition(first.position())
        cursor.setPosition(last.position() + last.length() - 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()  # leaves block ``start`` empty
        if new:
            self._write(cursor, new, new_block=False)
            return
        # nothing to write there: the emptied block goes too
        if start > 0:
            cursor.movePosition(QTextCursor.MoveOperation.PreviousCharacter, QTextCursor.MoveMode.KeepAnchor)
        else:
            cursor.movePosition(QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        if start == 0 and paras:  # the next paragraph joined the emptied first block: its format
            cursor.setBlockFormat(self._formats(paras[0].role)[0])

    def _index_offsets(self) -> None:
        """Qt position → page offset (-1 between paragraphs and for text not from the page)."""
        offsets: list[int] = []
        runs: list[tuple[int, int, QTextCharFormat]] = []
        separators: set[int] = set()
        for i, p in enumerate(self._paras):
            if i:
                separators.add(len(offsets))
                offsets.append(-1)
            start = len(offsets)
            if p.text and max(p.text) <= "\uffff":  # one Qt position per character
                offsets.extend(p.offsets if p.offsets is not None else [-1] * len(p.text))
            elif p.offsets is None:
                offsets.extend(-1 for ch in p.text for _ in range(2 if ord(ch) > 0xFFFF else 1))
            else:
                for ch, o in zip(p.text, p.offsets, strict=True):
                    offsets.append(o)
                    if ord(ch) > 0xFFFF:
                        offsets.append(-1)
            runs.append((start, len(offsets), self._formats(p.role)[1]))
        self._offsets = offsets
        self._separators = separators
        self._runs = runs
        self._positions = None  # built when an entity's characters are looked up (``_raw_to_pos``)

    @property
    def _raw_to_pos(self) -> dict[int, int]:
        if self._positions is None:
            self._positions = {o: i for i, o in enumerate(self._offsets) if o >= 0}
        return self._positions

    def _first_position(self, start: int, end: int) -> int | None:
        """The Qt position of the first page offset in ``start..end`` shown (the smallest offset),
        looked for only in the paragraphs whose offsets reach that range."""
        best: tuple[int, int] | None = None
        offsets = self._offsets
        for (first, last, _cf), p in zip(self._runs, self._paras, strict=True):
            if not p.offsets or max(p.offsets) < start or min(p.offsets) >= end:
                continue
            for i in range(first, last):
                o = offsets[i]
                if start <= o < end and (best is None or o <= best[0]):
                    best = (o, i)
        return best[1] if best is not None else None

    def _repaint_entities(
        self,
        old: list[Entity],
        new: list[Entity],
        fresh: list[tuple[int, int]] | None = None,
        painted: set[int] | None = None,
    ) -> None:
        """Give back their written format to the characters of entities that changed, then paint again
        every entity over those characters, in page order: the text ends formatted as a full render
        leaves it (the ``fresh`` text just written came with its entity formats: paragraphs
        ``painted``)."""
        self._clear_marks()
        old_ids = {e.id: e for e in old}
        new_ids = {e.id: e for e in new}
        changed = [e for e in old if new_ids.get(e.id) != e] + [e for e in new if old_ids.get(e.id) != e]
        if painted and changed:
            # an entity no paragraph left standing shows a character of is all in the fresh text
            # (the entities a merge brings): nothing to look up for it
            kept = [_offset_range(p) for i, p in enumerate(self._paras) if i not in painted]
            changed = [e for e in changed if any(r and r[0] < e.end and e.start <= r[1] for r in kept)]
        # the ``fresh`` text came painted: only what changed outside it is painted again
        written = fresh or []

        def is_fresh(a: int, b: int) -> bool:
            return any(lo <= a and b <= hi for lo, hi in written)

        regions = [r for e in changed for r in self._entity_runs(e) if not is_fresh(*r)]
        if not regions:
            self._cursor_home()
            return
        placed = [(e, self._entity_runs(e)) for e in new]

        def touches(runs: list[tuple[int, int]]) -> bool:
            return any(r[0] < b and a < r[1] for r in runs for a, b in regions)

        grown = True
        while grown:  # an entity touching a region is repainted whole: the region takes it in
            grown = False
            for _e, runs in placed:
                if not touches(runs):
                    continue
                for r in runs:
                    if not any(a <= r[0] and r[1] <= b for a, b in regions):
                        regions.append(r)
                        grown = True
        if regions:
            cursor = QTextCursor(self.document())
            cursor.beginEditBlock()
            for a, b in regions:
                if is_fresh(a, b):
                    continue  # just written with its paragraph's format: nothing to give back
                for start, end, cf in self._runs:
                    lo, hi = max(a, start), min(b, end)
                    if lo < hi:
                        cursor.setPosition(lo)
                        cursor.setPosition(hi, QTextCursor.MoveMode.KeepAnchor)
                        cursor.setCharFormat(cf)
            for e, runs in placed:
                if touches(runs):
                    self._paint_entity(cursor, e)
            cursor.endEditBlock()
        self._cursor_home()

    def _cursor_home(self) -> None:
        """The cursor back at the start, as after a full render; when it is there already nothing
        moves (``moveCursor`` would scroll to the top, and ``show_article`` scroll back: two
        scrolls and a repaint of the whole view for nothing)."""
        c = self.textCursor()
        if c.position() or c.hasSelection():
            self.moveCursor(QTextCursor.MoveOperation.Start)

    def _entity_range(self, e: Entity) -> tuple[int, int] | None:
        """From the first to the last shown character of ``e`` (what the highlight covers)."""
        runs = self._entity_runs(e)
        return (runs[0][0], runs[-1][1]) if runs else None

    def _entity_runs(self, e: Entity) -> list[tuple[int, int]]:
        """The Qt positions showing ``e``'s characters, as runs: an entity whose lines are shown in
        two paragraphs (or out of order) paints its own characters, never the text between."""
        runs: list[tuple[int, int]] = []
        offsets = self._offsets
        for p in sorted(self._raw_to_pos[o] for o in range(e.start, e.end) if o in self._raw_to_pos):
            end = p + 1
            if end < len(offsets) and offsets[end] < 0 and end not in self._separators:
                end += 1  # the second half of a character outside the BMP
            if runs and runs[-1][1] == p:
                runs[-1] = (runs[-1][0], end)
            else:
                runs.append((p, end))
        return runs

    def _paint_entity(self, cursor: QTextCursor, e: Entity) -> None:
        cf = self._entity_format(e)
        for a, b in self._entity_runs(e):
            cursor.setPosition(a)
            cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(cf)

    def _entity_format(self, e: Entity) -> QTextCharFormat:
        """The format painted over ``e``'s characters; one per look and tooltip, made once (a merge
        writes the absorbed article's entities in their formats)."""
        colour = QColor(self.colours.get(e.type, QColor("#dddddd")))
        status = tr(e.status)
        key = (colour.rgba(), e.type, e.status, status, e.text)
        cf = self._entity_formats.get(key)
        if cf is None:
            if len(self._entity_formats) > 4096:
                self._entity_formats.clear()
            cf = self._entity_formats[key] = self._new_entity_format(e, colour, status)
        return cf

    def _new_entity_format(self, e: Entity, colour: QColor, status: str) -> QTextCharFormat:
        cf = QTextCharFormat()
        if e.status == "rejected":
            cf.setFontStrikeOut(True)
            cf.setForeground(QColor("#999999"))
        else:
            if e.status == PENDING_STATUS:
                colour.setAlpha(150)
                cf.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            cf.setBackground(colour)
        cf.setToolTip(f"{e.text} · {e.type} · {status}")
        return cf

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
        if e is None and not self._marks["entity"]:
            return  # nothing marked, nothing to mark: no selections to recompute
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
        pos = self._first_position(start, end)
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

    def _clear_marks(self) -> None:
        """No line or entity mark (before the text under them changes), told to Qt only when
        there were some: each ``setExtraSelections`` works out the areas to repaint."""
        if self._marks["entity"] or self._marks["line"]:
            self._marks = {"entity": [], "line": []}
            self.setExtraSelections([])

    def _apply(self) -> None:
        self.setExtraSelections(self._marks["line"] + self._marks["entity"])

    # Qt overrides

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if not self.textCursor().hasSelection():
            eid = self.entity_at_cursor()
            if eid:
                self.entity_clicked.emit(eid)
