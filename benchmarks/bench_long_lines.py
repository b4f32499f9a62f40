#!/usr/bin/env python3
"""Is every stage linear in the page length?  A page that is one single line of 1 MB and 10 MB
(UTF-8 bytes) against a 100 KB line, stage by stage, measured side by side in one run.

The line is the bundled sample page with its line breaks removed, repeated: real newspaper text
with names, places, dates.  Each stage runs in its own child process with a time budget
(``--budget`` seconds), so a quadratic stage is reported as ``>budget`` instead of running for
hours; the setup a stage needs (the earlier stages) is not timed.  Linear means a ratio near 10
for 1 MB and near 100 for 10 MB.  ``--profile`` adds the functions of entity detection whose time
grows fastest between the 100 KB and the 1 MB line (cProfile, own time), to point at what remains.

    python benchmarks/bench_long_lines.py [--budget 300] [--sizes 100000,1000000,10000000] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import multiprocessing
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.paths import SAMPLE_PAGE  # noqa: E402


def long_line(n_bytes: int) -> str:
    unit = "".join(SAMPLE_PAGE.read_text(encoding="utf-8").split())
    per = len(unit.encode("utf-8")) / len(unit)
    reps = int(n_bytes / per) // len(unit) + 1
    return (unit * reps)[: int(n_bytes / per)] + "\n"


# -- stages: each returns the seconds of its own work; what it needs first is built untimed ----


def _timed(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def stage_read(text: str) -> float:
    from core.loader import read_page

    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "page.txt"
        p.write_bytes(text.encode("utf-8"))
        return _timed(lambda: read_page(p))


def stage_read_gb18030(text: str) -> float:
    """The slow path of the decoder: not UTF-8, so GB18030 and Big5 are both tried and scored."""
    from core.loader import decode

    data = text.encode("gb18030")
    return _timed(lambda: decode(data))


def stage_lines(text: str) -> float:
    from core.lines import split_lines

    return _timed(lambda: split_lines(text))


def stage_layout(text: str) -> float:
    from core.layout import segment
    from core.lines import split_lines

    lines = split_lines(text)
    return _timed(lambda: segment(text, lines))


def _layout_page(text: str) -> object:
    from core.loader import page_from_text
    from core.parse import parse_page

    return parse_page(page_from_text(text), entities=False)


def stage_segments(text: str) -> float:
    from core.parse import entity_segments
    from core.textmap import assemble

    page = _layout_page(text)
    return _timed(lambda: [assemble(text, s, squeeze=True) for s in entity_segments(page)])  # type: ignore[arg-type]


def stage_jieba(text: str) -> float:
    from core.entities.jieba.tokenizer import tokens, warm_up

    warm_up()
    flat = "".join(text.split())
    return _timed(lambda: tokens(flat))


def stage_entities(text: str) -> float:
    from core.entities import detect_entities, warm_up
    from core.parse import entity_segments

    warm_up()
    page = _layout_page(text)
    segs = entity_segments(page)  # type: ignore[arg-type]
    return _timed(lambda: detect_entities(text, segs))


def stage_export(text: str) -> float:
    """JSON export of the layout (no entities: those are the stage above): fields, schema, dumps."""
    from core.export_json import dumps, page_to_dict, validate

    page = _layout_page(text)

    def run() -> None:
        d = page_to_dict(page)  # type: ignore[arg-type]
        validate(d)
        dumps(d)

    return _timed(run)


def stage_training(text: str) -> float:
    """CoNLL and JSONL exports of the layout (sentences, labels, offsets)."""
    from core.document import Document
    from core.export_formats import to_conll, to_jsonl

    page = _layout_page(text)
    doc = Document(page)  # type: ignore[arg-type]
    return _timed(lambda: (to_conll(page), to_jsonl(doc)))  # type: ignore[arg-type]


def stage_sidecar(text: str) -> float:
    """Saving and re-reading corrections (one decision on the page), then re-applying them."""
    from core.document import Document
    from core.edits import AddEntity
    from core.persist import corrections, dumps, parse_corrections, reapply

    page = _layout_page(text)
    doc = Document(page)  # type: ignore[arg-type]
    doc.apply(AddEntity(len(text) // 2, len(text) // 2 + 3, "PER"))

    def run() -> None:
        data = corrections(doc)
        dumps(data)
        reapply(page, parse_corrections(data, page))  # type: ignore[arg-type]

    return _timed(run)


STAGES: dict[str, Callable[[str], float]] = {
    "read (UTF-8)": stage_read,
    "decode (GB18030)": stage_read_gb18030,
    "lines": stage_lines,
    "layout": stage_layout,
    "entity segments": stage_segments,
    "jieba tokens": stage_jieba,
    "entities (all)": stage_entities,
    "export json": stage_export,
    "conll + jsonl": stage_training,
    "sidecar": stage_sidecar,
}


def _child(name: str, n_bytes: int, out: multiprocessing.Queue[float]) -> None:
    out.put(STAGES[name](long_line(n_bytes)))


def measure(name: str, n_bytes: int, budget: float) -> float | None:
    """Seconds of one stage on one line length, or None when over ``budget``."""
    ctx = multiprocessing.get_context("spawn")
    q: multiprocessing.Queue[float] = ctx.Queue()
    p = ctx.Process(target=_child, args=(name, n_bytes, q))
    p.start()
    try:
        return q.get(timeout=budget)
    except Exception:
        return None
    finally:
        p.terminate()
        p.join()


def profile_entities(sizes: list[int], top: int = 12) -> None:
    """Own time per function of entity detection at the two smallest sizes, fastest growing first."""
    from core.entities import detect_entities, warm_up
    from core.parse import entity_segments

    warm_up()
    own: list[dict[str, float]] = []
    for n in sizes[:2]:
        text = long_line(n)
        page = _layout_page(text)
        segs = entity_segments(page)  # type: ignore[arg-type]
        prof = cProfile.Profile()
        prof.runcall(detect_entities, text, segs)
        stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
        own.append({f"{Path(f).name}:{fn}": tt for (f, _, fn), (_, _, tt, _, _) in stats.items()})
    small, large = own
    rows = sorted(((large[k], small.get(k, 0.0), k) for k in large), reverse=True)[:top]
    print(f"\nentity detection, own time per function, {sizes[0]:,} vs {sizes[1]:,} bytes (cProfile):")
    print(f"{'function':48} {'small s':>9} {'large s':>9} {'ratio':>7}")
    for t_large, t_small, k in rows:
        ratio = f"{t_large / t_small:7.1f}" if t_small > 1e-4 else "      -"
        print(f"{k[:48]:48} {t_small:9.3f} {t_large:9.3f} {ratio}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--budget", type=float, default=300.0, help="seconds a stage may take per size")
    ap.add_argument("--sizes", default="100000,1000000,10000000", help="line lengths in UTF-8 bytes")
    ap.add_argument("--stages", default=",".join(STAGES), help="comma-separated stage names")
    ap.add_argument("--profile", action="store_true", help="per-function growth of entity detection")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    names = [s for s in args.stages.split(",") if s]
    head = "".join(f"{n / 1e6:>10.1f}MB" for n in sizes) + "".join(f"  ratio {n // sizes[0]:>4}x" for n in sizes[1:])
    print(f"one single line; seconds per stage (child process each, budget {args.budget:.0f} s)")
    print(f"{'stage':18}{head}")
    for name in names:
        times = [measure(name, n, args.budget) for n in sizes]
        cells = "".join(f"{t:>12.4f}" if t is not None else f"{'>' + str(int(args.budget)):>12}" for t in times)
        base = times[0]
        ratios = "".join(f"{t / base:>13.1f}" if t is not None and base else f"{'-':>13}" for t in times[1:])
        print(f"{name:18}{cells}{ratios}", flush=True)
    if args.profile:
        profile_entities(sizes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
