#!/usr/bin/env python3
"""Entity detection vs bare ``jieba.posseg.lcut`` (HMM on, its default) on the same text, one run.

Prints the ratio ours / posseg for the sample page and for a ~100,000-character page made by
repeating the sample's paragraphs.  The target is a ratio ≤ 0.8.  Timings are best-of-N wall time.

``--long``: entity detection on one line (one segment) of 100,000 and 800,000 characters (and
10 MB with ``--huge``), printing microseconds per character: every stage must stay linear, so
the rate must not grow with the length.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.entities import warm_up  # noqa: E402
from core.loader import page_from_text  # noqa: E402
from core.parse import parse_page  # noqa: E402
from core.paths import SAMPLE_PAGE as SAMPLE  # noqa: E402


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
        raw = page_from_text(text)
        ours = best(lambda r=raw: parse_page(r), n)  # the whole parse: segmentation and entities
        base = best(lambda t=text: jieba.posseg.lcut(t), n)
        print(f"{name:7} {len(text):7} chars  full parse {ours:.3f}s  posseg {base:.3f}s  ratio {ours / base:.2f}")
    if "--long" in sys.argv or "--huge" in sys.argv:
        from core.entities import detect_entities

        line = "".join(sample.split())
        sizes = [100_000, 800_000] + ([10_000_000] if "--huge" in sys.argv else [])
        for size in sizes:
            text = (line * (size // len(line) + 1))[:size]
            t = time.perf_counter()
            detect_entities(text, [[(0, len(text))]])
            took = time.perf_counter() - t
            print(f"one line {size:9} chars  entities {took:7.2f}s  {took / size * 1e6:.1f} µs/char")
    return 0


if __name__ == "__main__":
    sys.exit(main())
