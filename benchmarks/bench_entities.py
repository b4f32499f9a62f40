#!/usr/bin/env python3
"""Entity detection vs bare ``jieba.posseg.lcut`` (HMM on, its default) on the same text, one run.

Prints the ratio ours / posseg for the sample page and for a ~100,000-character page made by
repeating the sample's paragraphs.  The target is a ratio ≤ 1.0.  Timings are best-of-N wall time.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.entities import detect_entities, warm_up  # noqa: E402

SAMPLE = ROOT / "resources" / "samples" / "jilin-2022-04-21-p1.txt"


def segments_of(text: str) -> list[list[tuple[int, int]]]:
    """Runs of non-empty lines; a blank line between two lines of one paragraph is ignored."""
    segs: list[list[tuple[int, int]]] = []
    cur: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            cur.append((pos, pos + len(line)))
            if line.rstrip().endswith(("。", "！", "？", "”")) or len(line.strip()) < 10:
                segs.append(cur)
                cur = []
        pos += len(line) + 1
    if cur:
        segs.append(cur)
    return segs


def best(fn: Callable[[], object], n: int) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> int:
    import jieba.posseg

    warm_up()
    sample = SAMPLE.read_text(encoding="utf-8")
    big = sample
    while len(big) < 100_000:
        big += "\n" + sample
    for name, text, n in (("sample", sample, 5), ("100k", big[:100_000], 2)):
        text = text[: text.rfind("\n")] if name == "100k" else text
        segs = segments_of(text)
        flat = "".join(text[s:e].replace(" ", "") for seg in segs for s, e in seg)
        ours = best(lambda t=text, s=segs: detect_entities(t, s), n)
        base = best(lambda f=flat: jieba.posseg.lcut(f), n)
        print(f"{name:7} {len(text):7} chars  entities {ours:.3f}s  posseg {base:.3f}s  ratio {ours / base:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
