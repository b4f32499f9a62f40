"""UI timings, run by hand: window visible, sample shown cold, edit → all views per edit kind.

python benchmarks/bench_ui.py                    # this tree: cold start, sample and a 20,000-line page
python benchmarks/bench_ui.py --baseline HEAD~3  # the same edits on REV and on this tree, side by side

Each edit (split, merge, role change, line move, entity confirm; an undo every fifth) is timed from
the push to the end of the repaint, wall clock and this process's CPU time (the machine is shared:
wall time is noisy, CPU time less so).  Each tree's window is set up as its ``ui.app.run`` does
(``ui.views.painting`` where the tree has it).  With ``--baseline`` the trees run in alternating child
processes (REV is extracted with ``git archive``), so both see the same load.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the windows timed here keep their settings (dock layout, size) in a folder of their own: the
# user's saved layout would change what is painted, and these runs must not change it either
_SETTINGS = tempfile.TemporaryDirectory(prefix="bench_ui_config_")
os.environ["BANMIAN_CONFIG_DIR"] = _SETTINGS.name

from core.paths import SAMPLE_PAGE  # noqa: E402

KINDS = ("split", "merge", "role", "move", "entity")

COLD = r"""
import sys, time
t0 = float(sys.argv[1])
sys.path.insert(0, sys.argv[2])
from ui.app import SAMPLE
from ui.worker import start_early
pool, first = start_early(str(SAMPLE))  # as ui.app.run does
try:
    from ui.views.painting import paint_in_gui_thread
except ImportError:  # a tree from before it
    pass
else:
    paint_in_gui_thread()
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

# the edit loop, run in a child with the tree under test first on sys.path (argv: tree, page, n)
EDITS = r"""
import json, os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, sys.argv[1])
from pathlib import Path
try:  # paint as the tree's ui.app.run sets Qt up (trees from before it: Qt's defaults)
    from ui.views.painting import paint_in_gui_thread
except ImportError:
    pass
else:
    paint_in_gui_thread()
from PySide6.QtWidgets import QApplication
from core import edits
from ui.loading import InlineLoader
from ui.main_window import MainWindow

KINDS = ("split", "merge", "role", "move", "entity")
app = QApplication([])
w = MainWindow(loader=InlineLoader())
w.show()
w.files.open_path(Path(sys.argv[2]))
app.processEvents()
n = int(sys.argv[3])
out = {}


def role_of(a, line):
    return next(b.role for b in a.blocks if line in b.lines)


def timed(kind, act):
    t, c = time.perf_counter(), time.process_time()
    act()
    app.processEvents()  # repaint every view
    out.setdefault(kind, []).append((time.perf_counter() - t, time.process_time() - c))


for i in range(n):
    page = w.page()
    arts = page.articles
    k = (i * 7) % (len(arts) - 1)
    a, b = arts[k], arts[k + 1]
    kind = KINDS[i % len(KINDS)]
    if kind == "merge" and len(arts) <= 5:  # keep the number of articles about the same
        kind = "split"
    if kind == "split" and len(a.lines) > 2:
        edit = edits.SplitArticle(a.id, a.lines[len(a.lines) // 2])
    elif kind == "merge":
        edit = edits.MergeArticles(a.id, b.id)
    elif kind == "move" and len(a.lines) > 1:
        edit = edits.MoveLines((a.lines[-1],), b.id)
    elif kind == "entity":
        pend = [e for e in page.entities if e.status == "auto"]
        edit = edits.ConfirmEntity(pend[i % len(pend)].id)
    else:
        kind = "role"
        edit = edits.SetRole(a.lines[:1], "body" if role_of(a, a.lines[0]) != "body" else "title")
    w.raw_view.go_to_line(a.lines[0])
    w.article_list.setCurrentIndex(w.article_model.index(w.article_model.row_of(a.id), 0))
    app.processEvents()
    timed(kind, lambda: w.push(edit))
    if i % 5 == 4:
        timed("undo", w.undo_stack.undo)
w.undo_stack.setClean()
w.close()
print(json.dumps(out))
"""

Samples = dict[str, list[tuple[float, float]]]


def cold_start() -> tuple[float, float]:
    t0 = time.time()
    out = subprocess.run(
        [sys.executable, "-c", COLD, str(t0), str(ROOT)], capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), float(out[1])


def edit_latencies(tree: Path, page: Path, n: int) -> Samples:
    done = subprocess.run(
        [sys.executable, "-c", EDITS, str(tree), str(page), str(n)],
        capture_output=True,
        text=True,
        cwd=tree,
    )
    if done.returncode:
        sys.exit(f"edit run in {tree} failed:\n{done.stderr[-2000:]}")
    raw: dict[str, list[list[float]]] = json.loads(done.stdout.strip().splitlines()[-1])
    return {k: [(w, c) for w, c in v] for k, v in raw.items()}


def p95(xs: list[float]) -> float:
    return statistics.quantiles(xs, n=20)[-1] if len(xs) > 1 else xs[0]


def merge(into: Samples, more: Samples) -> None:
    for k, v in more.items():
        into.setdefault(k, []).extend(v)


def table(results: dict[str, Samples], target: float) -> None:
    names = list(results)
    print(f"{'edit':8}" + "".join(f"{n[:24]:>42}" for n in names))
    print(f"{'':8}" + "".join(f"{'n  p95 wall  med wall  p95 cpu  med cpu':>42}" for _ in names))
    for kind in (*KINDS, "undo", "all"):
        row = f"{kind:8}"
        for name in names:
            s = results[name]
            xs = [x for v in s.values() for x in v] if kind == "all" else s.get(kind, [])
            if not xs:
                row += f"{'-':>42}"
                continue
            wall = [w for w, _ in xs]
            cpu = [c for _, c in xs]
            med = statistics.median(wall)
            mcpu = statistics.median(cpu)
            row += f"{len(xs):>5}{p95(wall) * 1000:>10.1f}{med * 1000:>10.1f}{p95(cpu) * 1000:>9.1f}{mcpu * 1000:>9.1f}"
        print(row)
    print(f"(ms; target p95 < {target:.0f})")


def big_page(folder: Path) -> Path:
    text = SAMPLE_PAGE.read_text(encoding="utf-8")
    big = folder / "big.txt"
    big.write_text(text * (20000 // text.count("\n") + 1), encoding="utf-8")
    return big


def extract(rev: str, folder: Path) -> Path:
    tree = folder / "baseline"
    tree.mkdir()
    archive = subprocess.run(["git", "archive", rev], cwd=ROOT, capture_output=True, check=True).stdout
    tar = folder / "baseline.tar"
    tar.write_bytes(archive)
    with tarfile.open(tar) as t:
        t.extractall(tree, filter="data")
    return tree


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--baseline", metavar="REV", help="time REV's window too, in alternating runs")
    ap.add_argument("--rounds", type=int, default=3, help="child runs per tree (sample page)")
    ap.add_argument("--edits", type=int, default=60, help="edits per run")
    ap.add_argument("--big", action="store_true", help="with --baseline: the 20,000-line page too")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d)
        trees = {"this tree": ROOT}
        if args.baseline:
            trees = {args.baseline: extract(args.baseline, folder), "this tree": ROOT}
        else:
            visible, shown = cold_start()
            print(f"window visible from process start: {visible * 1000:.0f} ms (target < 500)")
            print(f"sample page fully shown, cold:     {shown * 1000:.0f} ms (target < 1500)")
        results: dict[str, Samples] = {name: {} for name in trees}
        for _ in range(args.rounds):
            for name, tree in trees.items():
                merge(results[name], edit_latencies(tree, SAMPLE_PAGE, args.edits))
        print(f"\nedit → all views, sample ({SAMPLE_PAGE.read_text(encoding='utf-8').count(chr(10))} lines)")
        table(results, 30)
        if args.big or not args.baseline:
            big = big_page(folder)
            results = {name: edit_latencies(tree, big, 40) for name, tree in trees.items()}
            print(f"\nedit → all views, {big.read_text(encoding='utf-8').count(chr(10))} lines")
            table(results, 100)


if __name__ == "__main__":
    main()
