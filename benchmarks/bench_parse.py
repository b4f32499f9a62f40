"""Segmentation speed (layout only, no entities) at 10k, 100k and 1M characters.

Run by hand: ``/work/main/.venv/bin/python benchmarks/bench_parse.py``.  The pages are built from
written text only (the sample page and the pages written for the tests, tests/pages/*.txt, in
turn, whole lines, a blank line between pages) up to each size.  For each size it prints the best
wall time and CPU time of a few runs of ``core.layout.segment.segment`` (the lines split
beforehand, as ``parse_page`` does), the time per 100,000 characters and the linearity ratio: time
per character at this size over time per character at 10k (near 1.0 when segmentation is linear).
Target: at most 0.2 s per 100,000 characters.  CPU time is the figure to trust on a loaded machine.

The written text repeats itself at 100k and 1M, so caches of word pairs (and any cache keyed by
text) hit more often than on a real page.  When ``../shared`` is present, a last row segments
100,000 characters of distinct real pages (pdf-dev, pages, pd98-dev in turn) the same way, as a
check on that.
"""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.layout.distribute import _bigrams  # noqa: E402
from core.layout.evidence import word_pairs  # noqa: E402
from core.layout.segment import segment  # noqa: E402
from core.lines import split_lines  # noqa: E402
from core.loader import read_page  # noqa: E402
from core.paths import SAMPLE_PAGE as SAMPLE  # noqa: E402

SHARED = ROOT.parent / "shared"
TARGET_PER_100K = 0.2
SIZES = ((10_000, 9), (100_000, 5), (1_000_000, 2))  # characters, runs


def written_text() -> str:
    """The sample page and the written test pages, one after the other."""
    pages = [SAMPLE, *sorted((ROOT / "tests" / "pages").glob("*.txt"))]
    return "\n\n".join(read_page(p).text.strip("\n") for p in pages) + "\n\n"


def shared_text(chars: int) -> str:
    """Distinct real pages from ``../shared``, whole pages, up to about ``chars`` characters."""
    folders = (SHARED / "gold" / "pdf-dev", SHARED / "pages", SHARED / "gold" / "pd98-dev")
    parts: list[str] = []
    size = 0
    for p in (p for folder in folders for p in sorted(folder.rglob("*.txt"))):
        if size >= chars:
            break
        parts.append(read_page(p).text.strip("\n"))
        size += len(parts[-1]) + 2
    text = "\n\n".join(parts) + "\n\n"
    return text[: text.rfind("\n", 0, chars) + 1]


def page_of(base: str, chars: int) -> str:
    """``base`` repeated (whole lines) until the page holds about ``chars`` characters."""
    text = base * (chars // len(base) + 1)
    cut = text.rfind("\n", 0, chars)
    return text[: cut + 1]


def forget() -> None:
    """Empty the parser's caches of word pairs, so that no run profits from the one before."""
    word_pairs.cache_clear()
    _bigrams.cache_clear()


def best_of(text: str, runs: int) -> tuple[float, float]:
    """Best wall and best CPU time of segmenting ``text``, each run from empty caches."""
    lines = split_lines(text)
    wall = cpu = float("inf")
    for _ in range(runs):
        forget()
        gc.collect()
        w0, c0 = time.perf_counter(), time.process_time()
        segment(text, lines)
        cpu = min(cpu, time.process_time() - c0)
        wall = min(wall, time.perf_counter() - w0)
    return wall, cpu


def main() -> int:
    base = written_text()
    segment(base, split_lines(base))  # warm up imports and regex compilation
    print(f"{'chars':>10} {'lines':>8} {'wall s':>8} {'cpu s':>8} {'cpu s/100k':>11} {'linearity':>10}")
    rate0 = 0.0
    per100k = 0.0
    for chars, runs in SIZES:
        text = page_of(base, chars)
        wall, cpu = best_of(text, runs)
        rate = cpu / len(text)
        rate0 = rate0 or rate
        per100k = rate * 100_000
        lines = text.count("\n")
        print(f"{len(text):>10,} {lines:>8,} {wall:>8.3f} {cpu:>8.3f} {per100k:>11.3f} {rate / rate0:>10.2f}")
    if SHARED.is_dir():
        text = shared_text(100_000)
        wall, cpu = best_of(text, SIZES[1][1])
        lines = text.count("\n")
        rate = cpu / len(text) * 100_000
        print(f"{len(text):>10,} {lines:>8,} {wall:>8.3f} {cpu:>8.3f} {rate:>11.3f} {'':>10}  (distinct shared pages)")
    verdict = "ok" if per100k <= TARGET_PER_100K else "OVER TARGET"
    print(f"\nper 100,000 characters at 1M: {per100k:.3f} s CPU (target <= {TARGET_PER_100K} s: {verdict})")
    print("linearity: CPU time per character over that at 10k; near 1.0 means linear growth")
    return 0


if __name__ == "__main__":
    sys.exit(main())
