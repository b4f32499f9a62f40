"""Apply/undo of every edit kind on the sample page and on a 20,000-line page; saving corrections.

Run by hand: ``.venv/bin/python benchmarks/bench_document.py``.  Prints milliseconds (median of a
few runs) and the ratio to the target of issue 4 (< 1 is within target).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.document import Document
from core.edits import (
    AddEntity,
    Batch,
    ConfirmEntity,
    DeleteArticle,
    Edit,
    MergeArticles,
    MoveArticle,
    MoveLines,
    NewArticle,
    RejectEntity,
    RemoveEntity,
    ResizeEntity,
    RetypeEntity,
    SetField,
    SetParagraphStart,
    SetReviewDone,
    SetRole,
    SplitArticle,
    apply_to_all,
)
from core.loader import page_from_text, read_page
from core.model import Page
from core.parse import parse_page
from core.paths import SAMPLE_PAGE
from core.persist import Origin, save

SAMPLE = SAMPLE_PAGE


def kinds(page: Page) -> list[tuple[str, Callable[[], Edit]]]:
    arts = [a for a in page.articles if len(a.lines) >= 3]
    a, b = arts[len(arts) // 2], arts[-1]
    ents = [e for e in page.entities if e.status == "auto"]
    e = ents[len(ents) // 2]
    mid = a.lines[len(a.lines) // 2]
    body = next(blk for blk in a.blocks if len(blk.lines) >= 2)
    free = next(
        i
        for i in range(e.end, len(page.text) - 2)
        if not page.text[i : i + 2].isspace() and all(x.start >= i + 2 or x.end <= i for x in ents)
    )
    return [
        ("split article", lambda: SplitArticle(a.id, mid)),
        ("merge articles", lambda: MergeArticles(a.id, b.id)),
        ("move lines", lambda: MoveLines((mid,), b.id)),
        ("lines to unassigned", lambda: MoveLines((mid,), None)),
        ("new article", lambda: NewArticle((mid,))),
        ("delete article", lambda: DeleteArticle(a.id)),
        ("move article", lambda: MoveArticle(a.id, 0)),
        ("set role", lambda: SetRole((mid,), "caption")),
        ("paragraph start", lambda: SetParagraphStart(body.lines[1], True)),
        ("edit title", lambda: SetField(a.id, "title", "新标题")),
        ("review done", lambda: SetReviewDone(True)),
        ("add entity", lambda: AddEntity(free, free + 2, "LOC")),
        ("remove entity", lambda: RemoveEntity(e.id)),
        ("retype entity", lambda: RetypeEntity(e.id, "ORG" if e.type != "ORG" else "LOC")),
        ("respan entity", lambda: ResizeEntity(e.id, e.start, e.end - 1)),
        ("confirm entity", lambda: ConfirmEntity(e.id)),
        ("reject entity", lambda: RejectEntity(e.id)),
        ("reject all occurrences", lambda: apply_to_all(page, "reject", e.text, e.type)),
        (
            "batch of 3",
            lambda: Batch([SplitArticle(a.id, mid), RejectEntity(e.id), SetField(b.id, "title", "x")], "three"),
        ),
    ]


def ms(fn: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def bench(label: str, page: Page, target: float) -> None:
    print(
        f"\n{label}: {len(page.lines)} lines, {len(page.articles)} articles, {len(page.entities)} entities"
        f"  (target < {target:g} ms)"
    )
    print(f"  {'edit':26} {'apply ms':>9} {'undo ms':>9} {'ratio':>6}")
    worst = 0.0
    for name, make in kinds(page):
        doc = Document(page)
        edit = make()
        apply_t, undo_t = [], []
        for _ in range(5):
            t = time.perf_counter()
            doc.apply(edit)
            apply_t.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            doc.revert(edit)
            undo_t.append((time.perf_counter() - t) * 1000)
        ap, un = statistics.median(apply_t), statistics.median(undo_t)
        worst = max(worst, ap, un)
        print(f"  {name:26} {ap:9.3f} {un:9.3f} {max(ap, un) / target:6.2f}")
    print(f"  worst {worst:.3f} ms = {worst / target:.2f} of target")


def main() -> None:
    raw = read_page(SAMPLE)
    sample = parse_page(raw)
    bench("sample page", sample, 5.0)

    reps = 20_000 // len(sample.lines) + 1
    big_raw = page_from_text("\n".join([raw.text.rstrip("\n")] * reps) + "\n", "big.txt")
    t = time.perf_counter()
    big = parse_page(big_raw)
    print(f"\n(parsing the {len(big.lines)}-line page took {(time.perf_counter() - t):.1f} s)")
    bench("20,000-line page", big, 50.0)

    doc = Document(sample)
    for name, make in kinds(sample):
        if name in ("edit title", "reject entity", "split article", "add entity"):
            doc.apply(make())
    with tempfile.TemporaryDirectory() as d:
        target = Path(d) / "sample.txt.banmian.json"
        origin: list[Origin | None] = [None]  # each save checks the disk against the one before

        def once() -> None:
            origin[0] = save(doc, target, origin=origin[0]).origin

        first = ms(once, runs=1)
        steady = ms(once, runs=10)
    print(f"\nsave sample corrections: {steady:.2f} ms (first {first:.2f} ms), ratio to 20 ms target {steady / 20:.2f}")


if __name__ == "__main__":
    main()
