"""Segmentation speed (no entities): a 100,000-character page, and 1×, 10×, 100× the sample.

Run by hand: ``.venv/bin/python benchmarks/bench_parse.py``.  Prints times measured in this run and
their ratios; linear growth shows as a steady time per 1k characters.  Target: < 0.2 s for 100k.
"""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.loader import page_from_text, read_page  # noqa: E402
from core.parse import parse_page  # noqa: E402
from core.paths import SAMPLE_PAGE as SAMPLE  # noqa: E402


def page_of(base: str, chars: int) -> str:
    """The sample repeated (whole lines) until the page holds ``chars`` characters."""
    reps = chars // len(base) + 1
    text = (base.rstrip("\n") + "\n\n") * reps
    cut = text.rfind("\n", 0, chars)
    return text[: cut + 1]


def best_of(text: str, runs: int) -> float:
    raw = page_from_text(text)
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        t0 = time.perf_counter()
        parse_page(raw, entities=False)
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> int:
    base = read_page(SAMPLE).text
    parse_page(page_from_text(base), entities=False)  # warm up imports and regex compilation
    t100k = best_of(page_of(base, 100_000), 5)
    verdict = "ok" if t100k < 0.2 else "OVER TARGET"
    print(f"segmentation of a 100,000-character page: {t100k:.3f} s  (target < 0.2 s: {verdict})")
    print()
    print(f"{'size':>6} {'chars':>10} {'lines':>8} {'time s':>9} {'ms / 1k chars':>14} {'vs 1x per char':>15}")
    base_rate = 0.0
    for factor, runs in ((1, 20), (10, 5), (100, 3)):
        text = base * factor
        t = best_of(text, runs)
        rate = t / len(text) * 1000
        if factor == 1:
            base_rate = rate
        print(
            f"{factor:>5}x {len(text):>10,} {text.count(chr(10)):>8,} {t:>9.4f} {rate * 1000:>14.3f} "
            f"{rate / base_rate:>15.2f}"
        )
    print("\nlinear growth: the last column stays near 1.0 (time per character does not grow with size)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
