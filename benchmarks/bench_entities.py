#!/usr/bin/env python3
"""Entity detection vs bare ``jieba.posseg.lcut`` (HMM on, its default) on the same text, one run.

Prints the ratio ours / posseg for the sample page and for a ~100,000-character page made by
repeating the sample's paragraphs: the whole parse (target ≤ 0.8) and entity detection alone (on
the parse's segments).  Timings are the best of N runs of CPU time (``time.process_time``), ours and
posseg alternating, so both see the same load on a busy machine.

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


def best_pair(ours: Callable[[], object], base: Callable[[], object], n: int) -> tuple[float, float]:
    """Best CPU time of each, running them alternately ``n`` times."""
    a: list[float] = []
    b: list[float] = []
    for _ in range(n):
        for fn, out in ((ours, a), (base, b)):
            t = time.process_time()
            fn()
            out.append(time.process_time() - t)
    return min(a), min(b)


def main() -> int:
    import jieba.posseg

    warm_up()
    sample = SAMPLE.read_text(encoding="utf-8")
    big = sample
    while len(big) < 100_000:
        big += "\n" + sample
    from core.entities import detect_entities
    from core.parse import entity_segments

    for name, text, n in (("sample", sample, 7), ("100k", big[:100_000], 3)):
        text = text[: text.rfind("\n")] if name == "100k" else text
        raw = page_from_text(text)
        segs = entity_segments(parse_page(raw, entities=False))
        base_fn = lambda t=text: jieba.posseg.lcut(t)  # noqa: E731
        ours, base = best_pair(lambda r=raw: parse_page(r), base_fn, n)  # segmentation and entities
        ents, base2 = best_pair(lambda t=text, s=segs: detect_entities(t, s), base_fn, n)
        base = min(base, base2)
        print(
            f"{name:7} {len(text):7} chars  CPU: full parse {ours:.3f}s  entities {ents:.3f}s  posseg {base:.3f}s"
            f"  ratio full {ours / base:.2f}  entities {ents / base:.2f}"
        )
    if "--long" in sys.argv or "--huge" in sys.argv:
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
