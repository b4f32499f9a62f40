#!/usr/bin/env python3
"""Training the tagger on one more saved page, as the window does after a save: wall and CPU time.

The pages are a gold folder (default ``../shared/gold/pd98-dev``) replayed as an editor's saves
(``core.evaluate.teach``, the same path ``evaluate --learn`` takes) into a scratch store.  For
stores of several sizes it prints the time of ``train`` in this process (wall and CPU: the machine
may be shared, so CPU is the cost on a machine of its own) and of the background path the window
takes (``schedule_training``: a spawned process, wall time until it exits).  The target is under
ten seconds for one more page.  Then, with the tagger trained on all pages, the parse of the
longest page with and without the tagger (its cost on every later parse), as a ratio to bare
``jieba.posseg.lcut`` on the same text (target <= 0.8), and with everything learned (the tagger,
the lexicon of all pages and the conventions its decisions teach).

    python benchmarks/bench_learning.py [GOLDDIR]
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.entities.lexicon import UserLexicon  # noqa: E402
from core.entities.tagger.stage import TaggerStage  # noqa: E402
from core.entities.tagger.store import TaggerStore  # noqa: E402
from core.entities.tagger.train import schedule_training, train  # noqa: E402
from core.evaluate.gold import load_folder  # noqa: E402
from core.evaluate.teach import teach_page  # noqa: E402
from core.loader import read_page  # noqa: E402
from core.parse import parse_page  # noqa: E402

RUNS = 5


def _best(*fns: Callable[[], object]) -> list[tuple[float, float]]:
    """The fastest of ``RUNS`` calls of each function: (wall, CPU) seconds.  The calls are
    interleaved (one of each per round), so that a load that comes and goes on a shared machine
    weighs on every function alike and their ratios hold."""
    out: list[list[tuple[float, float]]] = [[] for _ in fns]
    for _ in range(RUNS):
        for fn, times in zip(fns, out, strict=True):
            t, c = time.perf_counter(), time.process_time()
            fn()
            times.append((time.perf_counter() - t, time.process_time() - c))
    return [min(times) for times in out]


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "gold" / "pd98-dev"
    if not folder.is_dir():
        print(f"{folder}: not a folder (give a folder of pages with *.gold.json)")
        return 1
    pages = load_folder(folder)
    sizes = sorted({n for n in (3, 10, 20, len(pages) - 1) if 1 <= n < len(pages)})
    with tempfile.TemporaryDirectory(prefix="banmian-bench-learning-") as tmp:
        scratch = Path(tmp)
        lexicon = UserLexicon(scratch / "lexicon.json")
        store = TaggerStore(scratch / "tagger")
        saved = []
        for gp in pages:
            saved.append((gp.path, teach_page(gp, parse_page(read_page(gp.path)), lexicon, scratch)))
        print(f"{len(pages)} pages of {folder}")
        print(f"{'pages':>5} {'train wall s':>12} {'train CPU s':>11} {'background wall s':>17}")
        done = 0
        for n in sizes:
            while done < n - 1:  # the earlier pages were trained on before (their examples cached)
                store.add_page(*saved[done])
                done += 1
            train(store)
            store.add_page(*saved[done])  # one more page: its examples computed, then the whole retrain
            done += 1
            r = train(store)
            store.add_page(*saved[done])  # and once more through the window's background path
            done += 1
            t = time.perf_counter()
            proc = schedule_training(*saved[done - 1], store=store)
            if proc is not None:
                proc.join()
            bg = time.perf_counter() - t
            print(f"{n:5} {r.seconds:12.2f} {r.cpu_seconds:11.2f} {bg:17.2f}")
        stage = TaggerStage.load(store, 0)
        longest = max(pages, key=lambda gp: len(gp.text))
        raw = read_page(longest.path)
        parse_page(raw)
        import jieba.posseg

        jieba.posseg.lcut(longest.text)
        (plain, plain_cpu), (tagged, tagged_cpu), (learned, learned_cpu), (_, posseg_cpu) = _best(
            lambda: parse_page(raw),
            lambda: parse_page(raw, tagger=stage),
            lambda: parse_page(raw, lexicon=lexicon, tagger=stage),
            lambda: jieba.posseg.lcut(longest.text),
        )
        print(
            f"ratio to bare jieba.posseg.lcut on the same text ({posseg_cpu:.3f} s CPU): "
            f"{plain_cpu / posseg_cpu:.2f} plain, {tagged_cpu / posseg_cpu:.2f} with the tagger, "
            f"{learned_cpu / posseg_cpu:.2f} with the tagger, the lexicon and its conventions"
        )
        print(
            f"parse of {longest.name} ({len(longest.text)} characters), best of {RUNS}: {plain:.3f} s wall / "
            f"{plain_cpu:.3f} s CPU plain, {tagged:.3f} s / {tagged_cpu:.3f} s with the tagger "
            f"(x{tagged_cpu / max(plain_cpu, 1e-9):.2f} CPU), {learned:.3f} s / {learned_cpu:.3f} s with all the "
            f"learning (x{learned_cpu / max(plain_cpu, 1e-9):.2f} CPU; {len(lexicon.entries)} entries, "
            f"{len(lexicon.decisions)} decisions)"
        )
        per = 100_000 / len(raw.text)
        print(
            f"per 100k characters, CPU s: jieba.posseg.lcut {posseg_cpu * per:.2f}, parse {plain_cpu * per:.2f}, "
            f"the tagger's share {(tagged_cpu - plain_cpu) * per:.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
