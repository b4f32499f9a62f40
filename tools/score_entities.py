#!/usr/bin/env python3
"""Score entity detection against gold: the sample page and every page of a gold folder.

usage: score_entities.py [GOLD_DIR ...] [--sample] [--errors [--top N]]

Each page is parsed with ``core.parse.parse_page`` and exported with
``core.export_json.page_to_dict``, then scored by ``score`` from ../shared/eval/score_page.py;
per-type P/R/F1 are micro-averaged over the folder's pages.
The gold only measures: nothing here feeds back into the detector.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(SHARED / "eval"))

from score_page import load_text, prf, score  # noqa: E402

from core.loader import read_page  # noqa: E402

TYPES = ("PER", "LOC", "ORG", "TIME")


def predict(path: Path) -> dict[str, Any]:
    raw = read_page(path)
    from core.export_json import page_to_dict
    from core.parse import parse_page

    return page_to_dict(parse_page(raw))


def score_pages(pairs: list[tuple[Path, Path]], errors: bool, top: int = 40) -> dict[str, tuple[float, ...]]:
    import json

    tot: dict[str, Counter[str]] = {t: Counter() for t in TYPES}
    missed: dict[str, Counter[str]] = {t: Counter() for t in TYPES}
    spurious: dict[str, Counter[str]] = {t: Counter() for t in TYPES}
    for txt, gold_path in pairs:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        res = score(gold, predict(txt), load_text(str(txt)))
        for t in TYPES:
            e = res["entities"].get(t, {"tp": 0, "fp": 0, "fn": 0, "missed": [], "spurious": []})
            tot[t].update({"tp": e["tp"], "fp": e["fp"], "fn": e["fn"]})
            missed[t].update(e["missed"])
            spurious[t].update(e["spurious"])
    out = {}
    for t in TYPES:
        p, r, f = prf(tot[t]["tp"], tot[t]["fp"], tot[t]["fn"])
        out[t] = (p, r, f)
        c = tot[t]
        print(f"  {t:5} P {p:.3f} R {r:.3f} F1 {f:.3f}  (tp {c['tp']} fp {c['fp']} fn {c['fn']})")
        if errors:
            for label, counts in (("missed:  ", missed[t]), ("spurious:", spurious[t])):
                shown = (f"{w}×{n}" if n > 1 else w for w, n in counts.most_common(top))
                print("       ", label, " ".join(shown))
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="*", type=Path)
    ap.add_argument("--sample", action="store_true", help="score the sample page too (default: no folder)")
    ap.add_argument("--errors", action="store_true", help="list missed and spurious mentions")
    ap.add_argument("--top", type=int, default=40, help="how many errors of each kind to list")
    args = ap.parse_args(argv)
    if args.sample or not args.folders:
        print("sample jilin-2022-04-21-p1 (entity F1, micro-averaged):")
        score_pages(
            [(SHARED / "pages" / "jilin-2022-04-21-p1.txt", SHARED / "gold" / "jilin-2022-04-21-p1.gold.json")],
            args.errors,
            args.top,
        )
    for folder in args.folders:
        pairs = [(p, p.with_name(p.name[:-4] + ".gold.json")) for p in sorted(folder.glob("*.txt"))]
        pairs = [(t, g) for t, g in pairs if g.is_file()]
        print(f"{folder} ({len(pairs)} pages, entity F1, micro-averaged):")
        score_pages(pairs, args.errors, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
