#!/usr/bin/env python3
"""Entity detection vs bare ``jieba.posseg.lcut`` (HMM on, its default) on the same text, one run.

Prints the ratio ours / posseg for the sample page and for a ~100,000-character page made by
repeating the sample's paragraphs: the whole parse (target ≤ 0.8) and entity detection alone (on
the parse's segments).  Timings are the best of N runs of CPU time (``time.process_time``), ours and
posseg alternating, so both see the same load on a busy machine.

``--tagger [GOLDDIR] [--pages N]``: the whole parse with a trained tagger speaking, against bare
``jieba.posseg.lcut`` on the same text (target <= 0.8).  The tagger learns, through the path
``evaluate --learn`` takes (``teach.teach_page`` then ``train``), from the gold of up to ``N`` pages
(default: all the others, up to ``train.MAX_PAGES``) of the folder (default
``../shared/gold/pd98-dev``), then its longest page, which it never saw, is parsed without and with
the tagger, with the lexicon those pages taught and with both (as the window parses), each time
with ``jieba.posseg.lcut`` after them, ``RATIO_ROUNDS`` rounds: the median of the paired ratios
(each parse over the posseg run of its round) holds on a machine whose speed drifts.

``--long``: entity detection on one line (one segment) of 100,000 and 800,000 characters (and
10 MB with ``--huge``), printing microseconds per character: every stage must stay linear, so
the rate must not grow with the length.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
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


RATIO_ROUNDS = 15


def paired_ratios(ours: Sequence[Callable[[], object]], base: Callable[[], object], rounds: int) -> list[float]:
    """The median over ``rounds`` of each of ``ours``' CPU time divided by ``base``'s in the same
    round (the calls alternate: ours, base, ...)."""
    ratios: list[list[float]] = [[] for _ in ours]
    for _ in range(rounds):
        times = []
        for fn in (*ours, base):
            t = time.process_time()
            fn()
            times.append(time.process_time() - t)
        for r, took in zip(ratios, times, strict=False):
            r.append(took / max(times[-1], 1e-9))
    return [statistics.median(r) for r in ratios]


def tagger_main(folder: Path, pages: int | None) -> int:
    """The whole parse with a trained tagger against bare posseg (``--tagger``)."""
    import jieba.posseg

    from core.entities.lexicon import UserLexicon
    from core.entities.tagger.stage import TaggerStage
    from core.entities.tagger.store import TaggerStore
    from core.entities.tagger.train import MAX_PAGES, train
    from core.evaluate.gold import load_folder
    from core.evaluate.teach import teach_page
    from core.loader import read_page

    golds = load_folder(folder)
    timed = max(golds, key=lambda gp: len(gp.text))
    others = [gp for gp in golds if gp is not timed][: pages or MAX_PAGES]
    with tempfile.TemporaryDirectory(prefix="banmian-bench-entities-") as tmp:
        scratch = Path(tmp)
        lexicon = UserLexicon(scratch / "lexicon.json")
        store = TaggerStore(scratch / "tagger")
        for gp in others:
            store.add_page(gp.path, teach_page(gp, parse_page(read_page(gp.path)), lexicon, scratch))
        trained = train(store)
        stage = TaggerStage.load(store, 0)
        if stage is None:
            print("the tagger learned nothing (no page with a mention)")
            return 1
        raw = read_page(timed.path)
        parse_page(raw, tagger=stage)
        jieba.posseg.lcut(timed.text)
        plain, tagged, learned, everything = paired_ratios(
            [
                lambda: parse_page(raw),
                lambda: parse_page(raw, tagger=stage),
                lambda: parse_page(raw, lexicon=lexicon),
                lambda: parse_page(raw, lexicon=lexicon, tagger=stage),
            ],
            lambda: jieba.posseg.lcut(timed.text),
            RATIO_ROUNDS,
        )
    print(
        f"{timed.name} ({len(timed.text)} chars), learned from {trained.pages} other pages: median of {RATIO_ROUNDS} "
        f"paired CPU ratios to jieba.posseg.lcut: plain parse {plain:.2f}, with the tagger {tagged:.2f}, with the "
        f"lexicon {learned:.2f}, with both (as the window parses) {everything:.2f}"
    )
    return 0


def _arguments() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--long", action="store_true", help="one line of 100k and 800k characters")
    ap.add_argument("--huge", action="store_true", help="and of 10 MB")
    ap.add_argument(
        "--tagger",
        nargs="?",
        const=str(ROOT.parent / "shared" / "gold" / "pd98-dev"),
        metavar="GOLDDIR",
        help="the whole parse with a tagger trained on the folder's gold",
    )
    ap.add_argument("--pages", type=int, help="with --tagger: the pages it learns from")
    return ap.parse_args()


def main() -> int:
    import jieba.posseg

    warm_up()
    args = _arguments()
    if args.tagger is not None:
        return tagger_main(Path(args.tagger), args.pages)
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
    if args.long or args.huge:
        line = "".join(sample.split())
        sizes = [100_000, 800_000] + ([10_000_000] if args.huge else [])
        for size in sizes:
            text = (line * (size // len(line) + 1))[:size]
            t = time.perf_counter()
            detect_entities(text, [[(0, len(text))]])
            took = time.perf_counter() - t
            print(f"one line {size:9} chars  entities {took:7.2f}s  {took / size * 1e6:.1f} µs/char")
    return 0


if __name__ == "__main__":
    sys.exit(main())
