"""The raw page: every line as extracted, numbered, tinted by its article, its role in the gutter.

A read-only ``QPlainTextEdit`` over ``RawLinesModel``: one text block per line; the article tints
are painted from the model under the visible lines (not stored as block formats), so an edit that
re-tints hundreds of lines costs a repaint of the screen, on the sample as on a 20,000-line page.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QModelIndex, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDrag,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QStaticText,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from core.model import Page
from ui.i18n import tr
from ui.models.colours import UNASSIGNED_MARK
from ui.models.raw_model import MarkRole, RawLinesModel
from ui.views.textpos import TextPositions

LINES_MIME = "application/x-banmian-lines"
BAND_GAP = 4  # an article's highlight runs on over at most this many blank lines
GUTTER_BACKGROUND = QColor("#f4f4f4")
GUTTER_NUMBER = QColor("#888888")
GUTTER_MARK = QColor("#2b4a7a")


class LineGutter(QWidget):
    """Line numbers and role marks; paints only the visible lines."""

    def __init__(self, view: RawPageView) -> None:
        super().__init__(view)
        self._view = view
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setToolTip(tr("Drag from here to move the selected lines onto an article in the list"))
        self._press: QPoint | None = None

    # Qt overrides

    def sizeHint(self) -> QSize:
        return QSize(self._view.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self._view.paint_gutter(self, event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press = None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None or (event.position().toPoint() - self._press).manhattanLength() < 6:
            return
        self._press = None
        self._view.start_line_drag()


class RawPageView(QPlainTextEdit):
    line_activated = Signal(int)  # the line the cursor is on (1-based)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.document().setUndoRedoEnabled(False)
        self.setObjectName("rawPage")
        self._model: RawLinesModel | None = None
        self._positions = TextPositions("")
        self._article_marks: list[QTextEdit.ExtraSelection] = []
        self._article_shown: tuple[tuple[int, ...], int] = ((), 0)  # the lines and colour marked
        self._entity_mark: list[QTextEdit.ExtraSelection] = []
        self._gutter = LineGutter(self)
        self._mark_font = QFont(self.font())
        self._mark_font.setBold(True)
        self._statics: dict[tuple[str, bool], QStaticText] = {}
        self.blockCountChanged.connect(self._fit_gutter)
        self.updateRequest.connect(self._scroll_gutter)
        self.cursorPositionChanged.connect(self._cursor_moved)
        self._last_line = 0
        self.compact = False
        self._fit_gutter()

    # -- model --------------------------------------------------------------------------------------

    def set_model(self, model: RawLinesModel) -> None:
        self._model = model
        model.modelReset.connect(self._rebuild)
        model.dataChanged.connect(self._rows_changed)
        self._rebuild()

    def _rebuild(self) -> None:
        assert self._model is not None
        page = self._model.page
        text = page.text if page is not None else ""
        self._positions = TextPositions(text)
        self._last_line = 0
        self._article_marks = []
        self._article_shown = ((), 0)
        self._entity_mark = []
        self.setExtraSelections([])
        self.blockSignals(True)
        self.setPlainText(text)
        self.blockSignals(False)
        if self.compact:
            self._show_blank_lines(False)
        self._fit_gutter()
        self._gutter.update()

    def _rows_changed(self, first: QModelIndex, last: QModelIndex, roles: list[int] | None = None) -> None:
        """Tints are painted from the model (``paintEvent``), so an edit only asks for a repaint of
        the rows it touched that are on screen: the text under changed tints, the gutter under
        changed marks (no roles: both); nothing in the text document changes."""
        tint = not roles or Qt.ItemDataRole.BackgroundRole in roles
        mark = not roles or MarkRole in roles
        band = self._on_screen(first.row(), last.row()) if tint or mark else None
        if band is not None:
            if tint:
                self.viewport().update(QRect(0, band[0], self.viewport().width(), band[1] - band[0] + 1))
            if mark:
                self._gutter.update(0, band[0], self._gutter.width(), band[1] - band[0] + 1)

    def _on_screen(self, first: int, last: int) -> tuple[int, int] | None:
        """The vertical band (viewport pixels) rows ``first..last`` cover on screen, or None."""
        start = max(first, self.firstVisibleBlock().blockNumber())
        if start > last:
            return None
        offset = self.contentOffset()
        height = self.viewport().height()
        block = self.document().findBlockByNumber(start)  # not a walk from the top of the screen
        top: int | None = None
        bottom = 0
        while block.isValid() and block.blockNumber() <= last:
            geo = self.blockBoundingGeometry(block).translated(offset)
            if geo.top() > height:
                break
            if block.isVisible():
                top = int(geo.top()) if top is None else top
                bottom = int(geo.bottom()) + 1
            block = block.next()
        return (top, bottom) if top is not None else None

    def tint(self, number: int) -> QColor | None:
        """The background line ``number`` is painted with (its article's tint), or None."""
        if self._model is None or self._model.page is None or not 1 <= number <= self._model.rowCount():
            return None
        rgba = self._model.tint_rgba(number - 1)
        return QColor.fromRgba(rgba) if rgba >= 0 else None

    def _paint_tints(self, event: QPaintEvent) -> None:
        """Each line's article tint, full width, under the text: only the lines in the event's band
        (from the line at its top, not from the top of the screen), one fill per run of lines with
        the same tint."""
        model = self._model
        if model is None or model.page is None:
            return
        area = event.rect()
        dy = self.contentOffset().y()
        width = self.viewport().width()
        n_rows = model.rowCount()
        painter = QPainter(self.viewport())
        run = (-1, 0.0, 0.0)  # tint, top, bottom of the lines waiting to be filled

        def fill(rgba: int, top: float, bottom: float) -> None:
            if rgba >= 0:
                painter.fillRect(QRectF(0, top, width, bottom - top), QColor.fromRgba(rgba))

        block = self.cursorForPosition(QPoint(0, area.top())).block()
        while block.isValid():
            geo = self.blockBoundingGeometry(block)
            top = geo.top() + dy
            if top > area.bottom():
                break
            row = block.blockNumber()
            if block.isVisible() and row < n_rows:
                bottom = top + geo.height()
                rgba = model.tint_rgba(row)
                if rgba == run[0] and top <= run[2]:
                    run = (rgba, run[1], bottom)
                else:
                    fill(*run)
                    run = (rgba, top, bottom)
            block = block.next()
        fill(*run)
        painter.end()

    # -- selection ----------------------------------------------------------------------------------

    def current_line(self) -> int:
        return self.textCursor().blockNumber() + 1

    def selected_lines(self) -> tuple[int, ...]:
        """Non-blank lines touched by the selection (or the cursor's line)."""
        c = self.textCursor()
        doc = self.document()
        first = doc.findBlock(c.selectionStart()).blockNumber()
        end = c.selectionEnd()
        last = doc.findBlock(end).blockNumber()
        if c.hasSelection() and last > first and doc.findBlock(end).position() == end:
            last -= 1  # a selection ending at a line start does not take that line
        page = self._model.page if self._model else None
        if page is None:
            return ()
        return tuple(n for n in range(first + 1, last + 2) if n <= len(page.lines) and not page.lines[n - 1].is_blank)

    def selected_span(self) -> tuple[int, int] | None:
        """The selected text as page offsets (edge whitespace left out), or None."""
        c = self.textCursor()
        if not c.hasSelection() or self._model is None or self._model.page is None:
            return None
        text = self._model.page.text
        s = self._positions.from_qt(c.selectionStart())
        e = self._positions.from_qt(c.selectionEnd())
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        return (s, e) if s < e else None

    def go_to_line(self, number: int, *, select: bool = False) -> None:
        block = self.document().findBlockByNumber(number - 1)
        if not block.isValid():
            return
        c = QTextCursor(block)
        if select:
            c.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(c)
        self.centerCursor()

    def place_cursor(self, number: int) -> None:
        """Put the cursor on line ``number`` as the shared selection says (no ``line_activated``);
        a selection already on that line is kept, and the view scrolls only when the line is hidden."""
        block = self.document().findBlockByNumber(number - 1)
        if not block.isValid() or self.current_line() == number:
            self._last_line = number
            return
        self.blockSignals(True)
        self.setTextCursor(QTextCursor(block))
        self.blockSignals(False)
        self._last_line = number
        if not self._visible(block.blockNumber()):
            self.centerCursor()

    def select_offsets(self, start: int, end: int) -> None:
        c = QTextCursor(self.document())
        c.setPosition(self._positions.to_qt(start))
        c.setPosition(self._positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(c)

    def show_article(self, lines: tuple[int, ...], colour: QColor, *, scroll: bool) -> None:
        """Light up an article's lines (stronger tint, full width); optionally scroll to the first.
        The same lines in the same colour (after a role or entity edit) keep their marks."""
        doc = self.document()
        shown = (tuple(lines), colour.rgba())
        if shown != self._article_shown:
            self._article_shown = shown
            self._mark_article(lines, colour)
        if scroll and lines:
            first = doc.findBlockByNumber(min(lines) - 1)
            if first.isValid() and not self._visible(first.blockNumber()):
                self.blockSignals(True)
                self.setTextCursor(QTextCursor(first))
                self.blockSignals(False)
                self.centerCursor()

    def _mark_article(self, lines: tuple[int, ...], colour: QColor) -> None:
        """One mark per run of consecutive lines (blank lines between join a run), not one per line."""
        marks = []
        doc = self.document()
        page = self._model.page if self._model is not None else None
        runs: list[list[int]] = []
        for n in sorted(lines):
            if runs and (n == runs[-1][1] + 1 or self._blank_between(page, runs[-1][1], n)):
                runs[-1][1] = n
            else:
                runs.append([n, n])
        for first_n, last_n in runs:
            first, last = doc.findBlockByNumber(first_n - 1), doc.findBlockByNumber(last_n - 1)
            if not first.isValid() or not last.isValid():
                continue
            sel = QTextEdit.ExtraSelection()
            c = QTextCursor(first)
            if last_n > first_n:  # to the end of the last line: a selection ending at a line start skips it
                c.setPosition(last.position() + last.length() - 1, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = c
            sel.format.setBackground(colour)
            sel.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            marks.append(sel)
        self._article_marks = marks
        self._apply_marks()

    @staticmethod
    def _blank_between(page: Page | None, a: int, b: int) -> bool:
        """Only blank lines between lines ``a`` and ``b``: one band lights both (fewer marks)."""
        return page is not None and b - a <= BAND_GAP and all(page.lines[n - 1].is_blank for n in range(a + 1, b))

    def lit_lines(self) -> set[int]:
        """The non-blank lines the article highlight covers (1-based)."""
        doc = self.document()
        page = self._model.page if self._model is not None else None
        out: set[int] = set()
        for sel in self._article_marks:
            c = sel.cursor
            first = doc.findBlock(c.selectionStart()).blockNumber() + 1
            out.update(range(first, doc.findBlock(c.selectionEnd()).blockNumber() + 2))
        return {n for n in out if page is None or not page.lines[n - 1].is_blank}

    def show_entity(self, span: tuple[int, int] | None, colour: QColor | None = None) -> None:
        if span is None and not self._entity_mark:
            return  # nothing marked, nothing to mark: no selections to recompute
        self._entity_mark = []
        if span is not None:
            sel = QTextEdit.ExtraSelection()
            c = QTextCursor(self.document())
            c.setPosition(self._positions.to_qt(span[0]))
            c.setPosition(self._positions.to_qt(span[1]), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = c
            fmt = QTextCharFormat()
            fmt.setBackground(colour or QColor("#ffd54f"))
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            sel.format = fmt
            self._entity_mark = [sel]
            block = self.document().findBlock(c.selectionStart())
            if not self._visible(block.blockNumber()):
                self.blockSignals(True)
                cur = QTextCursor(block)
                self.setTextCursor(cur)
                self.blockSignals(False)
                self.centerCursor()
        self._apply_marks()

    def _apply_marks(self) -> None:
        self.setExtraSelections(self._article_marks + self._entity_mark)

    def _visible(self, block_number: int) -> bool:
        block = self.document().findBlockByNumber(block_number)
        if not block.isValid():
            return False
        geo = self.blockBoundingGeometry(block).translated(self.contentOffset())
        return geo.top() >= 0 and geo.bottom() <= self.viewport().height()

    # -- compact view --------------------------------------------------------------------------------

    def set_compact(self, on: bool) -> None:
        """Hide blank lines (they keep their numbers: the gutter skips them) or show them again."""
        if on == self.compact:
            return
        self.compact = on
        self._show_blank_lines(not on)

    def _show_blank_lines(self, visible: bool) -> None:
        page = self._model.page if self._model is not None else None
        if page is None:
            return
        doc = self.document()
        for ln in page.lines:
            if ln.is_blank:
                doc.findBlockByNumber(ln.number - 1).setVisible(visible)
        doc.markContentsDirty(0, doc.characterCount())
        self.viewport().update()
        self._gutter.update()
        self.ensureCursorVisible()

    def _cursor_moved(self) -> None:
        n = self.current_line()
        if n != self._last_line:
            self._last_line = n
            self.line_activated.emit(n)

    def lines_mime(self) -> QMimeData | None:
        """The selected lines as drag data (``LINES_MIME``: comma-separated numbers), or None."""
        lines = self.selected_lines()
        if not lines:
            return None
        mime = QMimeData()
        mime.setData(LINES_MIME, ",".join(map(str, lines)).encode())
        mime.setText(f"lines {lines[0]}–{lines[-1]}")
        return mime

    def start_line_drag(self) -> None:
        mime = self.lines_mime()
        if mime is None:
            return
        drag = QDrag(self)
        drag.setMimeData(mime)
        drag.exec(Qt.DropAction.MoveAction)

    # -- gutter -----------------------------------------------------------------------------------

    def gutter_width(self) -> int:
        digits = len(str(max(1, self.blockCount())))
        return self.fontMetrics().horizontalAdvance("9") * (digits + 3) + 10

    def _fit_gutter(self, *_: object) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _scroll_gutter(self, rect: QRect, dy: int) -> None:
        """The gutter follows the text when it scrolls or is laid out again (a whole-viewport
        update); a partial update (the cursor, a highlight, a tint) leaves numbers and marks as
        they are: a changed mark asks for its own band (``_rows_changed``)."""
        if dy:
            self._gutter.scroll(0, dy)
        elif rect.contains(self.viewport().rect()):
            self._gutter.update()

    def paint_gutter(self, gutter: QWidget, event: QPaintEvent) -> None:
        """Numbers and marks of the lines in the event's band, each text laid out once per session
        (``QStaticText``) and drawn with one pen per kind: a repaint costs its lines' draws only."""
        painter = QPainter(gutter)
        area = event.rect()
        painter.fillRect(area, GUTTER_BACKGROUND)
        model = self._model
        if model is None:
            painter.end()
            return
        block = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        mark_w = self.fontMetrics().horizontalAdvance("MM")
        right = gutter.width() - mark_w - 6  # numbers end here; marks are centred after it
        n_rows = model.rowCount()
        shown: list[tuple[int, int]] = []  # (row, top) of the lines in the band
        while block.isValid() and top <= area.bottom():
            if not block.isVisible():
                block = block.next()
                continue
            bottom = top + round(self.blockBoundingRect(block).height())
            row = block.blockNumber()
            if bottom >= area.top() and row < n_rows:
                shown.append((row, top))
            block = block.next()
            top = bottom
        painter.setFont(self.font())
        painter.setPen(GUTTER_NUMBER)
        for row, y in shown:
            st = self._static(str(row + 1), bold=False)
            painter.drawStaticText(QPointF(right - st.size().width(), y), st)
        painter.setFont(self._mark_font)
        for unassigned in (False, True):
            painter.setPen(UNASSIGNED_MARK if unassigned else GUTTER_MARK)
            for row, y in shown:
                mark = model.mark(row + 1)
                if mark and (mark == "?") == unassigned:
                    st = self._static(mark, bold=True)
                    size = st.size()
                    painter.drawStaticText(
                        QPointF(right + 4 + (mark_w - size.width()) / 2, y + (height - size.height()) / 2), st
                    )
        painter.end()

    def _static(self, text: str, *, bold: bool) -> QStaticText:
        """``text`` laid out once in the gutter's font (numbers) or the marks' bold font."""
        key = (text, bold)
        st = self._statics.get(key)
        if st is None:
            st = QStaticText(text)
            st.setTextFormat(Qt.TextFormat.PlainText)
            st.prepare(font=self._mark_font if bold else self.font())
            self._statics[key] = st
        return st

    # Qt overrides

    def paintEvent(self, event: QPaintEvent) -> None:
        self._paint_tints(event)
        super().paintEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._statics.clear()
            self._mark_font = QFont(self.font())
            self._mark_font.setBold(True)
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        cr = self.contentsRect()
        self._gutter.setGeometry(QRect(cr.left(), cr.top(), self.gutter_width(), cr.height()))
