"""UI timings, run by hand: window visible, sample shown cold, per-edit refresh on 645 and 20,000 lines.

python benchmarks/bench_ui.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from core.paths import SAMPLE_PAGE  # noqa: E402

CHILD = r"""
import sys, time
t0 = float(sys.argv[1])
sys.path.insert(0, sys.argv[2])
from ui.app import SAMPLE
from ui.worker import start_early
pool, first = start_early(str(SAMPLE))  # as ui.app.run does
from PySide6.QtWidgets import QApplication
app = QApplication([])
from ui.loading import PageLoader
from ui.main_window import MainWindow
w = MainWindow(loader=PageLoader(pool=pool))
w.show(); app.processEvents()
visible = time.time() - t0
w.files.begin_open(SAMPLE, first)
while w.session.page is None:
    app.processEvents(); time.sleep(0.005)
app.processEvents()
print(visible, time.time() - t0)
w.undo_stack.setClean(); w.files.shutdown()
"""


def cold_start() -> tuple[float, float]:
    t0 = time.time()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(t0), str(ROOT)], capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), float(out[1])


def edit_latencies(path: Path, n: int = 60) -> list[float]:
    from PySide6.QtWidgets import QApplication

    from core import edits
    from ui.loading import InlineLoader
    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    w = MainWindow(loader=InlineLoader())
    w.show()
    w.files.open_path(path)
    app.processEvents()
    page = w.page()
    times: list[float] = []
    arts = page.articles
    for i in range(n):
        a = arts[(i * 7) % len(arts)]
        kind = i % 4
        if kind == 0 and len(a.lines) > 2:
            edit: edits.Edit = edits.SplitArticle(a.id, a.lines[len(a.lines) // 2])
        elif kind == 1:
            edit = edits.SetRole(a.lines[:1], "title")
        else:
            pend = [e for e in w.page().entities if e.status == "auto"]
            edit = edits.ConfirmEntity(pend[i % len(pend)].id) if pend else edits.SetRole(a.lines[:1], "body")
        w.raw_view.go_to_line(a.lines[0])
        w.article_list.setCurrentIndex(w.article_model.index(w.article_model.row_of(a.id), 0))
        app.processEvents()
        t = time.perf_counter()
        w.push(edit)
        app.processEvents()  # repaint every view
        times.append(time.perf_counter() - t)
        if i % 5 == 4:
            t = time.perf_counter()
            w.undo_stack.undo()
            app.processEvents()
            times.append(time.perf_counter() - t)
    w.undo_stack.setClean()
    w.close()
    return times


def p95(xs: list[float]) -> float:
    return statistics.quantiles(xs, n=20)[-1]


def main() -> None:
    visible, shown = cold_start()
    print(f"window visible from process start: {visible * 1000:.0f} ms (target < 500)")
    print(f"sample page fully shown, cold:     {shown * 1000:.0f} ms (target < 1500)")
    sample = SAMPLE_PAGE
    small = edit_latencies(sample)
    print(
        f"edit → all views, sample (645 lines): p95 {p95(small) * 1000:.1f} ms, "
        f"median {statistics.median(small) * 1000:.1f} ms (target < 30)"
    )
    text = sample.read_text(encoding="utf-8")
    reps = 20000 // text.count("\n") + 1
    with tempfile.TemporaryDirectory() as d:
        big = Path(d) / "big.txt"
        big.write_text(text * reps, encoding="utf-8")
        t = time.perf_counter()
        lat = edit_latencies(big, 40)
        print(f"(20k page: opened and edited in {time.perf_counter() - t:.1f} s)")
    print(
        f"edit → all views, {reps * text.count(chr(10))} lines: p95 {p95(lat) * 1000:.1f} ms, "
        f"median {statistics.median(lat) * 1000:.1f} ms (target < 100)"
    )


if __name__ == "__main__":
    main()
