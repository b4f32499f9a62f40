"""Keystrokes per entity correction on one pdf-dev page brought to its gold, through the real window.

python benchmarks/keystrokes.py [BUILD_ROOT] [PAGE]     (BUILD_ROOT: a checkout of Banmian, default
this one; PAGE: default ../shared/gold/pdf-dev/page-004.txt)

The gold is the measuring stick only: a scripted editor walks the review queue with the keys an
editor would press (], Enter, Delete, a label key), then adds the mentions the parser missed by
putting the cursor on the line (Ctrl+G where the build has it, else Ctrl+Home and Down), moving to
the column, selecting with Shift+Right and pressing the label key.  Every key press is counted (a
chord such as Ctrl+G is one).  Prints the keys, the corrections the page needed (effort.py's entity
count: missing + spurious + wrong type) and what is left wrong at the end.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
WORK = Path(tempfile.mkdtemp(prefix="banmian-keys-"))  # no saved corrections, autosaves or settings
for _name in ("DATA", "CONFIG", "CACHE"):
    os.environ[f"BANMIAN_{_name}_DIR"] = str(WORK / _name.lower())
HERE = Path(__file__).resolve().parent.parent
ROOT = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else HERE
PAGE = Path(sys.argv[2]) if len(sys.argv) > 2 else HERE.parent / "shared" / "gold" / "pdf-dev" / "page-004.txt"
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox, QSpinBox  # noqa: E402

KEYS = 0


def press(widget: object, key: Qt.Key | str, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    global KEYS
    KEYS += 1
    QTest.keyClick(widget, key, mods)  # type: ignore[call-overload]


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

    # 1. the review queue
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
    review_keys = KEYS

    # 2. the mentions the parser missed
    raw = w.raw_view
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

            def type_line(digits: str = digits) -> None:
                dialog = QApplication.activeModalWidget()
                if dialog is None:
                    QTimer.singleShot(5, type_line)
                    return
                dialog.activateWindow()  # offscreen windows do not take the focus by themselves
                QApplication.processEvents()
                box = dialog.findChild(QSpinBox)
                box.setFocus()
                box.selectAll()
                for ch in digits:
                    press(box, ch)
                press(box, Qt.Key.Key_Return)

            QTimer.singleShot(0, type_line)
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
    print(f"  corrections needed (missing + spurious + wrong type): {corrections}")
    print(f"  keys: {KEYS} ({review_keys} walking the queue, {KEYS - review_keys} adding missed mentions)")
    print(f"  keys per correction: {KEYS / max(1, corrections):.1f}")
    print(f"  additions refused: {failed}; left wrong at the end: {missing} missing, {spurious} spurious")
    print(f"  ({seconds:.0f} s of scripted key presses)")
    w.undo_stack.setClean()
    w.close()
    shutil.rmtree(WORK, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
