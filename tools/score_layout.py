"""Score the parser against a folder of gold pages (or one page): articles, titles, roles, paragraphs.

usage: python tools/score_layout.py [GOLD_DIR_OR_PAGE ...] [-v]
A folder holds page-*.txt with page-*.gold.json beside them; a page is scored against
<stem>.gold.json beside it or in tests/data/gold.  Prints per-page figures and the averages.
Entities are not computed here (segmentation only): see tools/score_entities.py.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.export_json import page_to_dict  # noqa: E402
from core.loader import read_page  # noqa: E402
from core.parse import parse_page  # noqa: E402


def _scorer():  # type: ignore[no-untyped-def]
    for cand in (ROOT.parent / "shared" / "eval" / "score_page.py", ROOT / "tools" / "score_page.py"):
        if cand.exists():
            spec = importlib.util.spec_from_file_location("score_page", cand)
            assert spec and spec.loader
            mod = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(mod)
            return mod
    raise SystemExit("score_page.py not found (../shared/eval)")


def pages_of(arg: Path) -> list[tuple[Path, Path]]:
    if arg.is_dir():
        return [
            (p, p.with_name(p.stem + ".gold.json"))
            for p in sorted(arg.glob("*.txt"))
            if p.with_name(p.stem + ".gold.json").exists()
        ]
    gold = arg.with_name(arg.stem + ".gold.json")
    if not gold.exists():
        for cand in (
            ROOT / "tests" / "data" / "gold" / (arg.stem + ".gold.json"),
            ROOT.parent / "shared" / "gold" / (arg.stem + ".gold.json"),
        ):
            if cand.exists():
                gold = cand
    return [(arg, gold)]


def main(argv: list[str]) -> int:
    import json

    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"] or [str(ROOT.parent / "shared" / "gold" / "pd98-dev")]
    S = _scorer()
    for arg in args:
        rows = []
        for txt, gold_path in pages_of(Path(arg)):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            raw = read_page(txt)
            pred = page_to_dict(parse_page(raw, entities=False))
            res = S.score(gold, pred, raw.text)
            ex, tot = map(int, res["articles_exact"].split("/"))
            hx, _ = map(int, res["headlines_exact"].split("/"))
            rows.append((ex / tot, hx / tot, res["role_accuracy"], res["nonbody_role_recall"], res["paragraph_f1"]))
            if verbose:
                print(
                    f"{txt.name:32} art {res['articles_exact']:>5} ({res['articles_predicted']}) "
                    f"head {res['headlines_exact']:>5} role {res['role_accuracy']:.3f} "
                    f"nb {res['nonbody_role_recall']:.3f} par {res['paragraph_f1']:.3f} {res['role_errors']}"
                )
        if not rows:
            continue
        n = len(rows)
        avg = [sum(r[i] for r in rows) / n for i in range(5)]
        print(
            f"{arg}: {n} pages  articles_exact {avg[0]:.3f}  titles_exact {avg[1]:.3f}  "
            f"role_accuracy {avg[2]:.3f}  nonbody_recall {avg[3]:.3f}  paragraph_f1 {avg[4]:.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
