"""Segmentation speed (layout only, no entities) at 10k, 100k and 1M characters.

Run by hand: ``/work/main/.venv/bin/python benchmarks/bench_parse.py [--baseline REV]``.  The pages
are built from written text only (the sample page and the pages written for the tests,
tests/pages/*.txt, in turn, whole lines, a blank line between pages) up to each size.  For each
size it prints the best wall time and CPU time of a few runs of ``core.layout.segment.segment``
(the lines split beforehand, as ``parse_page`` does), the time per 100,000 characters and the
linearity ratio: time per character at this size over time per character at 10k (near 1.0 when
segmentation is linear).  Target: at most 0.2 s per 100,000 characters (``OVER TARGET`` marks a
row above it).  CPU time is the figure to trust on a loaded machine.

The written text repeats itself at 100k and 1M, so caches of word pairs (and any cache keyed by
text) hit more often than on a real page.  When ``../shared`` is present, a last row segments
100,000 characters of distinct real pages (pdf-dev, pages, pd98-dev in turn) the same way, as a
check on that.

``--baseline REV`` also times the code of git revision ``REV`` on the same texts, side by side in
the same run (its ``core`` extracted with ``git archive`` into a temporary folder and run in a
child process, turn about with this code, so that both see the same load), and prints the ratio
of the CPU times (this code over REV's: below 1.0 is faster).
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODE = Path(os.environ.get("BANMIAN_BENCH_CODE", ROOT))  # whose ``core`` is timed (--baseline's child)
sys.path.insert(0, str(CODE))

from core.layout.segment import segment  # noqa: E402
from core.lines import split_lines  # noqa: E402
from core.loader import read_page  # noqa: E402
from core.paths import SAMPLE_PAGE as SAMPLE  # noqa: E402

SHARED = ROOT.parent / "shared"
TARGET_PER_100K = 0.2
SIZES = ((10_000, 9), (100_000, 5), (1_000_000, 2))  # characters, runs
SHARED_CHARS = 100_000
SIDE_BY_SIDE_RUNS = 3  # times as many runs with --baseline: a ratio needs both bests on a loaded machine
REAL = "real pages"  # the row of distinct real pages
NL = "\n"
CACHED = ("core.layout.evidence.word_pairs", "core.layout.distribute._bigrams")  # caches of word pairs


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
    """Empty the parser's caches of word pairs, so that no run profits from the one before (a
    cache the timed code does not have is skipped: ``--baseline`` may time older code)."""
    for dotted in CACHED:
        module, name = dotted.rsplit(".", 1)
        cached = getattr(sys.modules.get(module), name, None)
        if cached is not None and hasattr(cached, "cache_clear"):
            cached.cache_clear()


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


class Child:
    """The code of a folder (``core`` in it) timed in a child process that stays up: sent a text
    file per run, it answers with the wall and CPU time of segmenting it once."""

    def __init__(self, code: Path) -> None:
        env = {**os.environ, "BANMIAN_BENCH_CODE": str(code)}
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "--child"], env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )

    def once(self, path: Path) -> tuple[float, float]:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(f"{path}\n")
        self.proc.stdin.flush()
        wall, cpu = map(float, self.proc.stdout.readline().split())
        return wall, cpu

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait()


def child() -> int:
    """``--child`` (see ``Child``): one line per text file on stdin, its times on stdout."""
    segment(written_text(), split_lines(written_text()))  # warm up imports and regex compilation
    for path in sys.stdin:
        text = Path(path.strip()).read_text(encoding="utf-8")
        print(*best_of(text, 1), flush=True)
    return 0


def extract(rev: str, folder: Path) -> Path:
    """``core`` and ``resources`` of git revision ``rev``, written into ``folder``."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev, "core", "resources"], capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder


def side_by_side(rev: str, texts: list[tuple[str, str, int]], folder: Path) -> list[tuple[float, float, float]]:
    """Best CPU time of each text by this code and by ``rev``'s, each in a child process, run
    turn about (this, base, base, this...) so that both see the same load; and the median ratio
    of the two times of each turn (this over base: a load that changes between turns cancels)."""
    new, old = Child(ROOT), Child(extract(rev, folder / "base"))
    out = []
    try:
        for _, text, runs in texts:
            path = folder / "text.txt"
            path.write_text(text, encoding="utf-8")
            pairs = []
            for turn in range(runs * SIDE_BY_SIDE_RUNS):
                if turn % 2:
                    b, n = old.once(path)[1], new.once(path)[1]
                else:
                    n, b = new.once(path)[1], old.once(path)[1]
                pairs.append((n, b))
            ratios = sorted(n / b for n, b in pairs)
            out.append((min(n for n, _ in pairs), min(b for _, b in pairs), ratios[len(ratios) // 2]))
    finally:
        new.close()
        old.close()
    return out


def rows() -> list[tuple[str, str, int]]:
    """(label, text, runs) of every row: the written sizes, then distinct real pages."""
    base = written_text()
    out = [(f"{chars:,}", page_of(base, chars), runs) for chars, runs in SIZES]
    if SHARED.is_dir():
        out.append((REAL, shared_text(SHARED_CHARS), SIZES[1][1]))
    return out


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        return child()
    if argv[:1] == ["--baseline"] and len(argv) == 2:
        return compare(argv[1])
    if argv:
        print("usage: bench_parse.py [--baseline REV]", file=sys.stderr)
        return 2
    base = written_text()
    segment(base, split_lines(base))  # warm up imports and regex compilation
    print(f"{'text':>10} {'chars':>10} {'lines':>8} {'wall s':>8} {'cpu s':>8} {'cpu s/100k':>11} {'linearity':>10}")
    rate0 = 0.0
    over = []
    for label, text, runs in rows():
        wall, cpu = best_of(text, runs)
        per100k = cpu / len(text) * 100_000
        rate0 = rate0 or per100k
        linear = f"{per100k / rate0:>10.2f}" if label != REAL else ""
        row = (
            f"{label:>10} {len(text):>10,} {text.count(NL):>8,} {wall:>8.3f} {cpu:>8.3f} {per100k:>11.3f} {linear:>10}"
        )
        print(row + verdict(label, per100k, over), flush=True)
    return summary(over)


def compare(rev: str) -> int:
    """``--baseline REV``: CPU time per 100,000 characters of this code and of ``rev``'s, side by side."""
    texts = rows()
    with tempfile.TemporaryDirectory() as tmp:
        times = side_by_side(rev, texts, Path(tmp))
    head = f"{'text':>10} {'chars':>10} {'lines':>8} {'cpu s/100k':>11} {'linearity':>10} {'base s/100k':>12}"
    print(head + f" {'ratio':>6} {'paired':>7}")
    rate0 = 0.0
    over: list[str] = []
    for (label, text, _), (new, old, paired) in zip(texts, times, strict=True):
        per100k, base100k = new / len(text) * 100_000, old / len(text) * 100_000
        rate0 = rate0 or per100k
        linear = f"{per100k / rate0:>10.2f}" if label != REAL else ""
        row = f"{label:>10} {len(text):>10,} {text.count(NL):>8,} {per100k:>11.3f} {linear:>10} {base100k:>12.3f}"
        print(row + f" {per100k / base100k:>6.2f} {paired:>7.2f}" + verdict(label, per100k, over))
    print(f"base: the same texts segmented by the code of {rev}; ratio: this code's best CPU time over")
    print("base's; paired: the median over turns of this code's time over base's in the same turn")
    return summary(over)


def verdict(label: str, per100k: float, over: list[str]) -> str:
    """``  OVER TARGET`` for a row above the target (its label noted in ``over``)."""
    if per100k <= TARGET_PER_100K:
        return ""
    over.append(label)
    return "  OVER TARGET"


def summary(over: list[str]) -> int:
    state = "OVER TARGET at " + ", ".join(over) if over else "ok"
    print(f"\ntarget: <= {TARGET_PER_100K} s CPU per 100,000 characters: {state}")
    print("linearity: CPU time per character over that at 10k; near 1.0 means linear growth")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
