"""Corpus index speed: building the index of 1,000 pages, an incremental run, and searches.

Run by hand: ``.venv/bin/python benchmarks/bench_index.py [--pages 1000]``.  Pages are made as in
``bench_batch.py``.  Timed: the index built from the raw pages (their parses cached, as after a
``parse`` run; and cold, parsing included, with ``--cold``), from a folder of JSON exports, an
incremental run where nothing changed and one where 10 pages changed, and the median and worst
of text and entity searches.  Targets: 1,000 pages indexed < 30 s; a search < 50 ms.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_batch import load, make_folder  # noqa: E402

QUERIES = ["会议", "经济", "北京", "人民", "改革开放", "长春市", "中国共产党", "记者", "农业 发展", "国务院总理"]
ENTITY_QUERIES = [
    ("李鹏", "PER"),
    ("江泽民", "PER"),
    ("北京", "LOC"),
    ("吉林", "LOC"),
    ("国务院", "ORG"),
    ("新华社", "ORG"),
]


def timed(fn: object) -> float:
    t0 = time.perf_counter()
    with contextlib.redirect_stderr(io.StringIO()):
        fn()  # type: ignore[operator]
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--cold", action="store_true", help="also time a build that parses every page")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="banmian-bench-index-"))
    os.environ["BANMIAN_CACHE_DIR"] = str(tmp / "cache")
    os.environ["BANMIAN_DATA_DIR"] = str(tmp / "data")
    from core.cli import main as cli
    from core.index import build, search

    folder = tmp / "pages"
    pages = make_folder(folder, args.pages)
    print(f"{len(pages)} pages; load average before: {load()}")
    rows: list[tuple[str, float]] = []
    if args.cold:
        rows.append(("index DIR, parsing every page", timed(lambda: build(folder, tmp / "cold.sqlite"))))
    else:
        t = timed(lambda: cli(["parse", str(folder), "-o", str(tmp / "json")]))
        print(f"(parse -j {os.cpu_count()} to fill the cache and make exports: {t:.1f} s)")
    if not (tmp / "json").exists():
        cli_t = timed(lambda: cli(["parse", str(folder), "-o", str(tmp / "json")]))
        print(f"(parse of the folder for exports: {cli_t:.1f} s)")
    db = tmp / "corpus.sqlite"
    rows.append(("index DIR, parses cached", timed(lambda: build(folder, db))))
    rows.append(("index OUTDIR of JSON exports", timed(lambda: build(tmp / "json", tmp / "json.sqlite"))))
    rows.append(("incremental, nothing changed", timed(lambda: build(folder, db))))
    for p in pages[:10]:
        p.write_text(p.read_text(encoding="utf-8") + "补记一行。\n", encoding="utf-8")
    rows.append(("incremental, 10 pages changed", timed(lambda: build(folder, db))))
    print(f"load average after building: {load()}\n")
    for name, t in rows:
        print(f"{name:<34} {t:7.2f} s  ({len(pages) / t:7.1f} pages/s)")
    size = db.stat().st_size / 1024 / 1024
    print(f"database: {size:.1f} MB for {len(pages)} pages")

    times: list[tuple[float, str, int]] = []
    for _ in range(3):
        for q in QUERIES:
            t0 = time.perf_counter()
            n = len(search(db, q))
            times.append(((time.perf_counter() - t0) * 1000, q, n))
        for q, ty in ENTITY_QUERIES:
            t0 = time.perf_counter()
            n = len(search(db, q, type_=ty))
            times.append(((time.perf_counter() - t0) * 1000, f"{q} --type {ty}", n))
    ms = [t for t, _, _ in times]
    worst = max(times)
    print(
        f"\nsearch ({len(times)} queries, 20 hits max, connection opened each time): "
        f"median {statistics.median(ms):.1f} ms, "
        f"worst {worst[0]:.1f} ms ({worst[1]!r}, {worst[2]} hits)  (target < 50 ms: "
        f"{'ok' if worst[0] < 50 else 'MISSED'})"
    )
    build_t = dict(rows)["index DIR, parses cached"]
    print(f"1,000 pages indexed (cached parses): {build_t / len(pages) * 1000:.1f} s (target < 30 s)")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
