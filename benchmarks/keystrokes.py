"""Keystrokes per correction on one pdf-dev page brought to its gold, through the real window.

python benchmarks/keystrokes.py [BUILD_ROOT] [PAGE]     (BUILD_ROOT: a checkout of Banmian, default
this one; PAGE: default ../shared/gold/pdf-dev/page-012.txt, a page whose parse
needs structure and entity corrections)

The gold is the measuring stick only.  A scripted editor first corrects the structure, then the
entities, with the keys an editor would press:

- structure (effort.py's counting: each run of lines in the wrong article is one "move lines", a
  gold article with no counterpart one "new article", each run of lines with a wrong role one
  "set role"): the cursor goes to the run's first line (Up/Down from where it is, or Ctrl+G and the
  number where the build has it, whichever is fewer keys), Shift+Down selects through its last line,
  then Ctrl+M and the article (the build's move dialog: a row number typed, or Down in a list),
  Ctrl+N, or the role key;
- entities: the review queue walked with ], Enter, Delete or a label key, then the mentions the
  parser missed added by putting the cursor on the line (Ctrl+G where the build has it, else
  Ctrl+Home and Down), moving to the column, selecting with Shift+Right and pressing the label key.

Every key press is counted (a chord such as Ctrl+G is one).  Prints the keys, the corrections the
page needed and what is left wrong at the end, for the structure and the entities.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
WORK = Path(tempfile.mkdtemp(prefix="banmian-keys-"))  # no saved corrections, autosaves or settings
for _name in ("DATA", "CONFIG", "CACHE"):
    os.environ[f"BANMIAN_{_name}_DIR"] = str(WORK / _name.lower())
HERE = Path(__file__).resolve().parent.parent
if len(sys.argv) > 1 and sys.argv[1] in ("-h", "--help"):
    print(__doc__)
    sys.exit(0)
ROOT = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else HERE
PAGE = Path(sys.argv[2]) if len(sys.argv) > 2 else HERE.parent / "shared" / "gold" / "pdf-dev" / "page-012.txt"
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QListWidget, QMessageBox, QSpinBox  # noqa: E402

KEYS = 0


def press(widget: object, key: Qt.Key | str, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    global KEYS
    KEYS += 1
    QTest.keyClick(widget, key, mods)  # type: ignore[call-overload]


def owners(page: Any, gof: dict[int, int]) -> dict[str, int]:
    """effort.py's reading: each article stands for the gold article holding most of its lines."""
    out = {}
    for a in page.articles:
        cnt: dict[int, int] = {}
        for n in a.lines:
            if n in gof:
                cnt[gof[n]] = cnt.get(gof[n], 0) + 1
        if cnt:
            out[a.id] = max(cnt, key=cnt.__getitem__)
    return out


def runs(page: Any, wrong: dict[int, object]) -> list[tuple[list[int], object]]:
    """Lines to correct in one action: consecutive (only blank lines between) with the same aim."""
    out: list[tuple[list[int], object]] = []
    for n in sorted(wrong):
        if out and out[-1][1] == wrong[n] and all(page.lines[k - 1].is_blank for k in range(out[-1][0][-1] + 1, n)):
            out[-1][0].append(n)
        else:
            out.append(([n], wrong[n]))
    return out


def structure_state(page: Any, gold: dict[str, Any]) -> tuple[int, int, dict[int, object], dict[int, object]]:
    """effort.py's segmentation and role counts, and the lines wrong in each (with what they should be)."""
    gof = {n: a["id"] for a in gold["articles"] for n in a["lines"]}
    pof = {n: a.id for a in page.articles for n in a.lines}
    owner = owners(page, gof)
    seg = sum(1 for g in gold["articles"] if g["id"] not in set(owner.values()))
    wrong_seg: dict[int, object] = {}
    run = False
    for n in sorted(gof):
        wrong = n not in pof or owner.get(pof[n]) != gof[n]
        if wrong:
            wrong_seg[n] = gof[n]
            seg += not run
        run = wrong
    prole = {n: b.role for a in page.articles for b in a.blocks for n in b.lines}
    roles, run = 0, False
    wrong_role: dict[int, object] = {}
    for n in sorted(int(k) for k in gold["line_roles"]):
        g = gold["line_roles"][str(n)]
        wrong = g != "any" and prole.get(n, "body") != g and not (g == "body" and prole.get(n) is None)
        if wrong:
            wrong_role[n] = g
            roles += not run
        run = wrong
    return seg, roles, wrong_seg, wrong_role


def main() -> int:
    from ui.loading import InlineLoader
    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    gold = json.loads(PAGE.with_name(PAGE.stem + ".gold.json").read_text(encoding="utf-8"))
    wanted = {(e["raw_start"], e["raw_end"]): e["type"] for a in gold["articles"] for e in a["entities"]}
    optional = {(e["raw_start"], e["raw_end"]) for a in gold["articles"] for e in a.get("optional", [])}
    settings = QSettings(str(WORK / "settings.ini"), QSettings.Format.IniFormat)
    page_path = WORK / PAGE.name
    shutil.copy(PAGE, page_path)
    w = MainWindow(loader=InlineLoader(), settings=settings)
    w.ask = lambda *_: QMessageBox.StandardButton.Yes  # type: ignore[method-assign]
    w.show()
    w.activateWindow()  # shortcuts need the window active (offscreen windows are not by themselves)
    app.processEvents()
    w.files.open_path(page_path)
    page = w.session.page
    assert page is not None
    labels = {lb.name: lb.key for lb in w.labels}

    def current() -> str:
        c = w.current_entity_id
        return str(c() if callable(c) else c)

    def ents() -> dict[tuple[int, int], object]:
        return {(e.start, e.end): e for e in w.session.page.entities}

    predicted = {(e.start, e.end): e.type for e in page.entities}
    corrections = sum(1 for s in wanted if s not in predicted)
    corrections += sum(1 for s, t in predicted.items() if s not in wanted and s not in optional)
    corrections += sum(1 for s, t in predicted.items() if s in wanted and wanted[s] != t)
    new_build = hasattr(w, "navigation")

    # 0. the structure: articles, then roles
    from core.model import ROLES

    role_keys = {role: str((i + 1) % 10) for i, role in enumerate(ROLES)}
    raw = w.raw_view
    t0 = time.perf_counter()

    def visible_between(a: int, b: int) -> int:
        """Up/Down presses from line ``a`` to line ``b`` (hidden blank lines are skipped)."""
        doc = raw.document()
        lo, hi = min(a, b), max(a, b)
        return sum(1 for n in range(lo + 1, hi + 1) if doc.findBlockByNumber(n - 1).isVisible())

    def in_dialog(act: Any) -> None:
        """Run ``act(dialog)`` once the modal dialog a key opens is up."""

        def run() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(5, run)
                return
            dialog.activateWindow()  # offscreen windows do not take the focus by themselves
            QApplication.processEvents()
            act(dialog)

        QTimer.singleShot(0, run)

    def go_to(line: int) -> None:
        """The cursor to the start of ``line`` in as few keys as the build allows."""
        raw.setFocus()
        cur = raw.current_line()
        steps = visible_between(cur, line)
        by_number = len(str(line)) + 2 if new_build else None
        from_top = 1 + visible_between(1, line)
        if by_number is not None and by_number < min(steps, from_top) + 1:

            def type_line(dialog: Any) -> None:
                box = dialog.findChild(QSpinBox)
                box.setFocus()
                box.selectAll()
                for ch in str(line):
                    press(box, ch)
                press(box, Qt.Key.Key_Return)

            in_dialog(type_line)
            press(raw, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
            w.activateWindow()
            app.processEvents()
            raw.setFocus()
            return
        if from_top < steps:
            press(raw, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
        for _ in range(2 * max(steps, from_top) + 4):
            if raw.current_line() == line:
                break
            press(raw, Qt.Key.Key_Down if raw.current_line() < line else Qt.Key.Key_Up)
        if raw.textCursor().positionInBlock() or raw.textCursor().hasSelection():  # a selection left over
            press(raw, Qt.Key.Key_Home)

    def select(lines: list[int]) -> bool:
        """Select ``lines`` (the cursor on the first one): Shift+Down through the last."""
        go_to(lines[0])
        for _ in range(3 * (lines[-1] - lines[0]) + 4):
            if raw.selected_lines() and raw.selected_lines()[-1] >= lines[-1]:
                break
            end = raw.textCursor().selectionEnd()
            press(raw, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
            if raw.textCursor().selectionEnd() == end:  # the last line of the page
                press(raw, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
        return list(raw.selected_lines()) == [n for n in lines]

    def move_to(row: int) -> None:
        """Ctrl+M and the article at ``row`` of the list, as the build's dialog takes it."""

        def choose(dialog: Any) -> None:
            choices = dialog.findChild(QListWidget)
            if choices is not None:  # a list with row numbers and a filter line
                line_edit = dialog.findChild(QLineEdit)
                line_edit.setFocus()
                if choices.currentRow() != row:
                    for ch in str(row + 1):
                        press(line_edit, ch)
                press(line_edit, Qt.Key.Key_Return)
                return
            combo = dialog.findChild(QComboBox)  # QInputDialog.getItem: a drop-down list
            combo.setFocus()
            while combo.currentIndex() != row:
                press(combo, Qt.Key.Key_Down if combo.currentIndex() < row else Qt.Key.Key_Up)
            press(combo, Qt.Key.Key_Return)

        in_dialog(choose)
        press(raw, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
        w.activateWindow()
        app.processEvents()

    seg_needed, roles_needed, _, _ = structure_state(w.session.page, gold)
    refused: list[str] = []
    for _ in range(400):  # one action per round, the state worked out again after each
        page_now = w.session.page
        _, _, wrong_seg, wrong_role = structure_state(page_now, gold)
        if wrong_seg:
            lines, gid = runs(page_now, wrong_seg)[0]
            owner = owners(page_now, {n: a["id"] for a in gold["articles"] for n in a["lines"]})
            targets = [a for a in page_now.articles if owner.get(a.id) == gid]
            before = page_now
            if not select(lines):
                refused.append(f"selection of {lines[0]}–{lines[-1]} ({raw.selected_lines()}, at {raw.current_line()})")
            elif not targets:
                press(raw, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
            else:
                target = max(targets, key=lambda a: len(a.lines))
                move_to([a.id for a in page_now.articles].index(target.id))
        elif wrong_role:
            lines, role = runs(page_now, wrong_role)[0]
            before = page_now
            if not select(lines):
                refused.append(f"selection of {lines[0]}–{lines[-1]}")
            else:
                press(raw, role_keys[str(role)])
        else:
            break
        if w.session.page is before:
            refused.append(f"lines {lines[0]}–{lines[-1]}: {w.statusBar().currentMessage()}")
            break
    structure_keys = KEYS
    structure_seconds = time.perf_counter() - t0
    seg_left, roles_left, _, _ = structure_state(w.session.page, gold)

    # 1. the review queue
    page = w.session.page
    table = w.entity_panel.table
    table.setFocus()
    app.processEvents()
    t0 = time.perf_counter()
    press(table, Qt.Key.Key_BracketRight)
    for _ in range(len(page.entities) * 2):
        doc = w.session.document
        eid = current()
        if not eid or doc is None:
            break
        e = doc.entity(eid)
        if e.status != "auto":
            if not any(x.status == "auto" for x in w.session.page.entities):
                break
            press(table, Qt.Key.Key_BracketRight)
            continue
        span = (e.start, e.end)
        if span in wanted and wanted[span] != e.type:
            press(table, labels[wanted[span]])
        elif span in wanted or span in optional:
            press(table, Qt.Key.Key_Return)
        else:
            press(table, Qt.Key.Key_Delete)
        if not new_build:  # no auto-advance: step on
            press(table, Qt.Key.Key_BracketRight)
    review_keys = KEYS - structure_keys

    # 2. the mentions the parser missed
    failed = 0
    for (s, t), type_ in sorted(wanted.items()):
        have = ents().get((s, t))
        if have is not None and have.type == type_ and have.status != "rejected":  # type: ignore[attr-defined]
            continue
        line = w.session.index.line_at(s)
        raw.setFocus()
        app.processEvents()
        if new_build:
            digits = str(line)

            def type_line(dialog: Any, digits: str = digits) -> None:
                box = dialog.findChild(QSpinBox)
                box.setFocus()
                box.selectAll()
                for ch in digits:
                    press(box, ch)
                press(box, Qt.Key.Key_Return)

            in_dialog(type_line)
            press(raw, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
            w.activateWindow()  # back from the dialog (a window manager does this on a desktop)
            app.processEvents()
        else:
            press(raw, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
            for _ in range(line - 1):
                press(raw, Qt.Key.Key_Down)
        raw.setFocus()
        for _ in range(s - w.session.page.line(line).start):
            press(raw, Qt.Key.Key_Right)
        for _ in range(3 * (t - s)):  # until the selection reaches the end (hidden blank lines count none)
            if raw.textCursor().selectionEnd() >= t:
                break
            press(raw, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
        press(raw, labels[type_])
        got = ents().get((s, t))
        if got is None or got.type != type_:  # type: ignore[attr-defined]
            failed += 1
            if os.environ.get("KEYS_DEBUG"):
                sel = raw.selected_span() if hasattr(raw, "selected_span") else None
                print("refused", s, t, type_, repr(w.session.page.text[s:t]), sel, w.statusBar().currentMessage())
    seconds = time.perf_counter() - t0
    final = {span: e.type for span, e in ents().items() if e.status != "rejected"}  # type: ignore[attr-defined]
    missing = sum(1 for sp, ty in wanted.items() if final.get(sp) != ty)
    spurious = sum(1 for sp in final if sp not in wanted and sp not in optional)
    print(f"build {ROOT.name}: page {PAGE.name}, {len(page.entities)} suggestions, {len(wanted)} gold mentions")
    structure_needed = seg_needed + roles_needed
    entity_keys = KEYS - structure_keys
    print(
        f"  structure corrections needed: {structure_needed} "
        f"(effort.py's count: {seg_needed} segmentation + {roles_needed} roles)"
    )
    print(f"    keys: {structure_keys}, per correction {structure_keys / max(1, structure_needed):.1f}")
    print(f"    left wrong at the end: {seg_left} segmentation, {roles_left} roles; refused: {refused or 'none'}")
    print(f"  entity corrections needed (missing + spurious + wrong type): {corrections}")
    print(
        f"    keys: {entity_keys} ({review_keys} walking the queue, {entity_keys - review_keys} adding missed mentions)"
    )
    print(f"    keys per correction: {entity_keys / max(1, corrections):.1f}")
    print(f"    additions refused: {failed}; left wrong at the end: {missing} missing, {spurious} spurious")
    total = structure_needed + corrections
    print(f"  whole page: {KEYS} keys for {total} corrections, {KEYS / max(1, total):.1f} per correction")
    print(f"  ({structure_seconds + seconds:.0f} s of scripted key presses)")
    w.undo_stack.setClean()
    w.close()
    shutil.rmtree(WORK, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
