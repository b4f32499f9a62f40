"""How the parser does on each kind of article, so the next weakness is visible.

usage: python tools/layout_kinds.py [GOLD_DIR ...] [-v] [--save FILE] [--against FILE]

``--save FILE`` writes the tallies and each article's result as JSON; ``--against FILE`` prints a
saved run's figures beside this one's (before → after) and lists the articles that changed, so
a change to the parser is measured kind by kind on the same articles.

Every gold article is put into the kinds its layout shows (read from the gold, which is what a
measuring stick is for; nothing here feeds the parser):

- ``headline-after`` / ``headline-first``: its title lines follow / precede its body lines;
- ``side-by-side``: its headline group is printed next to another article's, before both bodies;
- ``in-pieces``: its body comes out in two or more runs of lines with other lines between;
- ``interleaved``: its lines alternate with another article's a line or two at a time;
- ``printed-across``: four or more of its lines sit where columns of one story were printed across
  line by line (as ``core/layout/interleave.py`` finds them: the parser's own detector, so this
  kind shows where it fires, not every such article);
- ``no-dateline``: its body does not open on a dateline (a story boundary must be found otherwise);
- ``no-headline``: it has no title in the text;
- ``narrow-title``: its title is set over lines of at most eight characters.

For each kind: how many articles, how many the parser gets exactly (same lines), how many with the
right title, kicker and subtitle.  Per page: the paragraph F1 as score_page.py gives it.  With
``-v``, each wrong article and what is wrong with it: the lines it lacks (in how many runs, how many
of them headline lines) and the lines of other articles it holds.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.dateline import find_dateline  # noqa: E402
from core.export_json import page_to_dict  # noqa: E402
from core.loader import read_page  # noqa: E402
from core.parse import parse_page  # noqa: E402
from core.textmap import squeeze_spaces  # noqa: E402

HEADLINE = {"title", "kicker", "subtitle"}
KINDS = (
    "headline-after",
    "headline-first",
    "side-by-side",
    "in-pieces",
    "interleaved",
    "printed-across",
    "no-dateline",
    "no-headline",
    "narrow-title",
)
PIECE_LINES = 4  # a run of at least this many non-blank lines counts as a piece of the body
NARROW = 8


def _runs(seq: Sequence[str], who: str) -> list[int]:
    """Lengths of the maximal runs of ``who`` in the sequence of line owners (file order)."""
    out: list[int] = []
    prev = None
    for owner in seq:
        if owner == who:
            if prev == who:
                out[-1] += 1
            else:
                out.append(1)
        prev = owner
    return out


def _woven_numbers(text: str) -> set[int]:
    from core.layout.features import line_features
    from core.layout.interleave import woven_lines
    from core.lines import split_lines

    infos = line_features(split_lines(text))
    return {info.number for info, w in zip(infos, woven_lines(infos), strict=True) if w}


def article_kinds(gold: dict[str, Any], lines: list[str], woven: set[int] | None = None) -> dict[str, set[str]]:
    roles = {int(k): v for k, v in gold["line_roles"].items()}
    owner = {n: a["id"] for a in gold["articles"] for n in a["lines"]}
    order = sorted(owner)
    seq = [owner[n] for n in order]
    body_owner = [owner[n] for n in order if roles.get(n, "body") in ("body", "any")]
    out: dict[str, set[str]] = {}
    heads: dict[str, list[int]] = {}
    for a in gold["articles"]:
        aid = a["id"]
        kinds: set[str] = set()
        title = [n for n in a["lines"] if roles.get(n) == "title"]
        head = [n for n in a["lines"] if roles.get(n) in HEADLINE]
        body = [n for n in a["lines"] if roles.get(n, "body") == "body"]
        heads[aid] = head
        if not title:
            kinds.add("no-headline")
        elif body:
            after = min(title) > body[len(body) // 2]
            kinds.add("headline-after" if after else "headline-first")
        if title and all(len(squeeze_spaces(lines[n - 1].strip())) <= NARROW for n in title) and len(title) > 1:
            kinds.add("narrow-title")
        pieces = [r for r in _runs(body_owner, aid) if r >= PIECE_LINES]
        if len(pieces) >= 2:
            kinds.add("in-pieces")
        short = [r for r in _runs(seq, aid) if r <= 2]
        if len(short) >= 4 and len(short) * 2 >= len(_runs(seq, aid)):
            kinds.add("interleaved")
        starts = a.get("paragraph_starts") or body[:1]
        if body and starts:
            first = starts[0]
            text = squeeze_spaces(lines[first - 1].strip()) + squeeze_spaces(
                lines[first].strip() if first < len(lines) else ""
            )
            if find_dateline(text) is None:
                kinds.add("no-dateline")
        if woven is not None and len(woven & set(a["lines"])) >= 4:
            kinds.add("printed-across")
        out[aid] = kinds
    # side by side: two articles' headline lines follow each other with no body line between
    pos = {n: i for i, n in enumerate(order)}
    for a, ha in heads.items():
        for b, hb in heads.items():
            if a != b and ha and hb and abs(pos[max(ha)] - pos[min(hb)]) <= 2 and pos[max(ha)] < pos[min(hb)]:
                out[a].add("side-by-side")
                out[b].add("side-by-side")
    return out


def _norm(s: str | None) -> str:
    return "".join((s or "").split())


def _best(gold_article: dict[str, Any], pred: dict[str, Any]) -> dict[str, Any] | None:
    """The predicted article sharing most lines with a gold one (as score_page.py matches them)."""
    gs = set(gold_article["lines"])
    best = max(pred["articles"], key=lambda p: len(gs & set(p["lines"])), default=None)
    return best if best is not None and gs & set(best["lines"]) else None


def _score_page(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, tuple[bool, bool]]:
    """For each gold article: (same lines, same headline fields) against the best-overlapping
    predicted article, as score_page.py matches them."""
    out: dict[str, tuple[bool, bool]] = {}
    for g in gold["articles"]:
        best = _best(g, pred)
        if best is None:
            out[g["id"]] = (False, False)
            continue
        fields = all(_norm(best.get(f)) == _norm(g.get(f)) for f in HEADLINE if g.get(f) is not None)
        out[g["id"]] = (set(best["lines"]) == set(g["lines"]), fields)
    return out


def _runs_of(numbers: set[int], text_lines: set[int]) -> int:
    """How many runs of consecutive non-blank lines ``numbers`` make (blank lines do not part them)."""
    runs, prev_in = 0, False
    for n in sorted(text_lines):
        inside = n in numbers
        runs += inside and not prev_in
        prev_in = inside
    return runs


def why_wrong(gold: dict[str, Any], aid: str, pred: dict[str, Any], text_lines: set[int]) -> str:
    """What an editor would change on a wrong article: the lines it lacks (in how many runs, and how
    many of them headline lines) and the lines it holds that are another article's."""
    g = next(a for a in gold["articles"] if a["id"] == aid)
    best = _best(g, pred)
    if best is None:
        return "not found"
    gs, ps = set(g["lines"]), set(best["lines"])
    missing, extra = gs - ps, ps - gs
    roles = gold.get("line_roles", {})
    heads = sum(roles.get(str(n)) in HEADLINE for n in missing)
    parts = []
    if missing:
        parts.append(f"lacks {len(missing)} lines in {_runs_of(missing, text_lines)} runs ({heads} headline)")
    if extra:
        parts.append(f"holds {len(extra)} lines of others in {_runs_of(extra, text_lines)} runs")
    return "; ".join(parts) or "headline fields"


def _option(argv: list[str], name: str) -> tuple[list[str], str | None]:
    if name not in argv:
        return argv, None
    i = argv.index(name)
    if i + 1 >= len(argv):
        raise SystemExit(f"{name} needs a file name")
    return argv[:i] + argv[i + 2 :], argv[i + 1]


def measure(folder: Path, verbose: bool) -> tuple[dict[str, list[int]], dict[str, bool]]:
    """Tallies per kind ([articles, exact, headline ok]) and each article's exactness."""
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    each: dict[str, bool] = {}
    for txt in sorted(folder.glob("page-*.txt")):
        gold_path = txt.with_name(txt.stem + ".gold.json")
        if not gold_path.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        raw = read_page(txt)
        pred = page_to_dict(parse_page(raw, entities=False))
        kinds = article_kinds(gold, raw.text.split("\n"), _woven_numbers(raw.text))
        results = _score_page(gold, pred)
        text_lines = {n for n, line in enumerate(raw.text.split("\n"), 1) if line.strip()}
        for aid, ks in kinds.items():
            exact, head = results[aid]
            each[f"{txt.name}#{aid}"] = exact
            for k in (*ks, "all"):
                tally[k][0] += 1
                tally[k][1] += exact
                tally[k][2] += head
            if verbose and not exact:
                title = next((a["title"] for a in gold["articles"] if a["id"] == aid), "")
                print(f"  {txt.name} {aid} {title[:14]:14} wrong: {' '.join(sorted(ks))}")
                print(f"      {why_wrong(gold, aid, pred, text_lines)}")
    return dict(tally), each


def _share(n: int, k: int) -> str:
    return f"{k:5d} ({k / n:4.0%})"


def main(argv: list[str]) -> int:
    argv, save = _option(argv, "--save")
    argv, against = _option(argv, "--against")
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"] or [str(ROOT.parent / "shared" / "gold" / "pdf-dev")]
    before = json.loads(Path(against).read_text(encoding="utf-8")) if against else {}
    saved: dict[str, Any] = {}
    for arg in args:
        tally, each = measure(Path(arg), verbose)
        saved[Path(arg).name] = {"kinds": tally, "articles": each}
        old = before.get(Path(arg).name)
        print(f"{arg}")
        if old is None:
            print(f"  {'kind':16} {'articles':>8} {'exact':>12} {'headline ok':>12}")
        else:
            print(f"  {'kind':16} {'articles':>8} {'exact before':>13} {'exact after':>12} {'headline ok b/a':>16}")
        for k in (*KINDS, "all"):
            n, ex, hd = tally.get(k, [0, 0, 0])
            if not n:
                continue
            if old is None:
                print(f"  {k:16} {n:8d} {_share(n, ex)} {_share(n, hd)}")
                continue
            on, oex, ohd = old["kinds"].get(k, [0, 0, 0])
            was = _share(on, oex) if on else "    -       "
            print(f"  {k:16} {n:8d} {was:>13} {_share(n, ex):>12} {ohd:>7d} / {hd:<6d}")
        if old is not None:
            for key in sorted(each):
                if key in old["articles"] and old["articles"][key] != each[key]:
                    print(f"  {'now exact' if each[key] else 'NOW WRONG'}: {key}")
    if save:
        Path(save).write_text(json.dumps(saved, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
