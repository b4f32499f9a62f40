"""How well saved corrections survive an edited page (issue 8, point 4).

For each dev page (copies in a temp folder; the shared pages are only read): parse it, make
decisions an editor could make on the parser's own output (confirm / reject / retype / remove
suggestions, add entities, split and merge articles, set roles, retitle, mark reviewed) and save
them; then edit 1–5 % of the page's lines at random (insert, delete, change a few characters)
while recording where every old character went; re-parse and re-anchor the sidecar.

Each decision is judged against that record: *exact* (re-applied where its characters went),
*lost* (listed, not applied) or *wrong* (applied anywhere else).  Decisions whose characters the
random edit itself changed or deleted cannot be re-applied; they are counted apart (and should be
listed as lost).  Run: ``python benchmarks/bench_reanchor.py [--pages N] [--seed S]``.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.edits import (  # noqa: E402
    AddEntity,
    ConfirmEntity,
    EditError,
    MergeArticles,
    RejectEntity,
    RemoveEntity,
    RetypeEntity,
    SetField,
    SetReviewDone,
    SetRole,
    SplitArticle,
)
from core.loader import read_page  # noqa: E402
from core.model import Page  # noqa: E402
from core.parse import parse_page  # noqa: E402
from core.persist import find_sidecar, load_sidecar, open_page, save, text_sha256  # noqa: E402

GOLD = ROOT.parent / "shared" / "gold"
TYPES = ("PER", "LOC", "ORG", "TIME")
ROLES = ("title", "subtitle", "byline", "body", "caption")


@dataclass
class Tally:
    exact: int = 0
    lost: int = 0
    wrong: int = 0
    gone: int = 0  # the random edit destroyed it: cannot be re-applied

    def add(self, other: Tally) -> None:
        self.exact += other.exact
        self.lost += other.lost
        self.wrong += other.wrong
        self.gone += other.gone


# -- the editor's decisions -----------------------------------------------------------------------


def decide(path: Path, rng: random.Random) -> None:
    r = open_page(path)
    doc = r.document
    page = doc.page
    auto = list(page.entities)
    for e in rng.sample(auto, k=min(len(auto), max(4, len(auto) // 3))):
        x = rng.random()
        edit = (
            ConfirmEntity(e.id)
            if x < 0.45
            else RejectEntity(e.id)
            if x < 0.7
            else RetypeEntity(e.id, type=rng.choice([t for t in TYPES if t != e.type]))
            if x < 0.85
            else RemoveEntity(e.id)
        )
        with contextlib.suppress(EditError):
            doc.apply(edit)
    body = [ln for ln in page.lines if len(ln.text.strip()) >= 8]
    for ln in rng.sample(body, k=min(len(body), 8)):
        s = ln.start + rng.randrange(0, len(ln.text) - 5)
        with contextlib.suppress(EditError):
            doc.apply(AddEntity(s, s + rng.randint(2, 4), rng.choice(TYPES)))
    for _ in range(3):
        arts = [a for a in doc.page.articles if len(a.lines) >= 6]
        if arts:
            a = rng.choice(arts)
            with contextlib.suppress(EditError):
                doc.apply(SplitArticle(a.id, a.lines[rng.randrange(2, len(a.lines) - 2)]))
    arts = doc.page.articles
    if len(arts) >= 3:
        k = rng.randrange(len(arts) - 1)
        with contextlib.suppress(EditError):
            doc.apply(MergeArticles(arts[k].id, arts[k + 1].id))
    for a in rng.sample(list(doc.page.articles), k=min(2, len(doc.page.articles))):
        with contextlib.suppress(EditError):
            doc.apply(SetRole((a.lines[0],), rng.choice(ROLES)))
        with contextlib.suppress(EditError):
            doc.apply(SetField(a.id, "title", "编辑改的标题"))
    doc.apply(SetReviewDone(True))
    save(doc, r.sidecar_path, origin=r.origin)


# -- the random edit, with a record of where every character went ---------------------------------


def edit_text(text: str, rng: random.Random) -> tuple[str, dict[int, int], dict[int, int]]:
    """``text`` with 1–5 % of its lines inserted, deleted or changed; old offset → new offset
    for every character that is still there, old line → new line for every line still there
    (changed or not)."""
    lines: list[list[tuple[str, int | None]]] = []
    pos = 0
    for raw in text.split("\n"):
        lines.append([(ch, pos + i) for i, ch in enumerate(raw)])
        pos += len(raw) + 1
    ids: list[int | None] = list(range(1, len(lines) + 1))
    alphabet = [ch for ch in text if not ch.isspace()]
    nonblank = sum(1 for ln in lines if any(not ch.isspace() for ch, _ in ln))
    n_ops = max(1, round(nonblank * rng.uniform(0.01, 0.05)))
    for _ in range(n_ops):
        op = rng.choice(("insert", "delete", "change"))
        if op == "insert":
            new = [(rng.choice(alphabet), None) for _ in range(rng.randint(4, 20))]
            at = rng.randrange(len(lines) + 1)
            lines.insert(at, new)
            ids.insert(at, None)
        elif op == "delete" and len(lines) > 2:
            at = rng.randrange(len(lines))
            del lines[at]
            del ids[at]
        else:
            candidates = [i for i, ln in enumerate(lines) if len(ln) >= 3]
            if not candidates:
                continue
            ln = lines[rng.choice(candidates)]
            for _ in range(rng.randint(1, 3)):
                at = rng.randrange(len(ln))
                kind = rng.choice(("replace", "insert", "delete"))
                if kind == "replace":
                    ln[at] = (rng.choice(alphabet), None)
                elif kind == "insert":
                    ln.insert(at, (rng.choice(alphabet), None))
                elif len(ln) > 1:
                    del ln[at]
    out: list[str] = []
    where: dict[int, int] = {}
    pos = 0
    for k, ln in enumerate(lines):
        for i, (ch, old) in enumerate(ln):
            out.append(ch)
            if old is not None:
                where[old] = pos + i
        pos += len(ln)
        if k < len(lines) - 1:
            out.append("\n")
            pos += 1
    line_where = {old: k + 1 for k, old in enumerate(ids) if old is not None}
    return "".join(out), where, line_where


def truth_span(old_text: str, new_text: str, where: dict[int, int], s: int, e: int) -> tuple[int, int] | None:
    """Where ``[s, e)`` went if the random edit left it whole (same characters, still together)."""
    if s not in where or (e - 1) not in where:
        return None
    ns, ne = where[s], where[e - 1] + 1
    if new_text[ns:ne] != old_text[s:e]:
        return None
    if any(where.get(k) != ns + (k - s) for k in range(s, e) if old_text[k] != "\n"):
        return None
    return ns, ne


# -- judging ----------------------------------------------------------------------------------------


def judge(
    old_data: dict[str, Any],
    moved: dict[str, Any],
    old: Page,
    new_text: str,
    where: dict[int, int],
    lines: dict[int, int],
) -> dict[str, Tally]:
    """Each decision against where the random edit really put its characters (or its line)."""
    old_text = old.text

    def spans(kind: str, fields: tuple[str, ...]) -> Tally:
        t = Tally()
        moved_set = {(d["start"], d["end"], *(d[f] for f in fields)) for d in moved[kind]}
        expected = set()
        for d in old_data[kind]:
            span = truth_span(old_text, new_text, where, d["start"], d["end"])
            if span is None:  # the edit changed or deleted its characters
                t.gone += 1
                continue
            key = (*span, *(d[f] for f in fields))
            expected.add(key)
            t.exact += key in moved_set
            t.lost += key not in moved_set
        t.wrong = len(moved_set - expected)
        return t

    tallies = {"entities": spans("entities", ("type", "status")), "removed": spans("removed", ("type",))}
    t = Tally()
    moved_over = {(o["line"], o["field"], o["text"]) for o in moved["overrides"]}
    expected_over = set()
    for o in old_data["overrides"]:
        if o["line"] not in lines:
            t.gone += 1
            continue
        key = (lines[o["line"]], o["field"], o["text"])
        expected_over.add(key)
        t.exact += key in moved_over
        t.lost += key not in moved_over
    t.wrong = len(moved_over - expected_over)
    tallies["overrides"] = t
    t = Tally()
    if old_data["structure"] is not None:
        old_home = _homes(old_data["structure"])
        new_home = _homes(moved["structure"])
        for n, home in old_home.items():
            if n not in lines:
                t.gone += 1
                continue
            got = new_home.get(lines[n])
            if got == home:
                t.exact += 1
            elif got is None or got == ("", ""):
                t.lost += 1
            else:
                t.wrong += 1
    tallies["structure"] = t
    return tallies


def _homes(structure: dict[str, Any]) -> dict[int, tuple[str, str]]:
    out = {}
    for a in structure["articles"]:
        for b in a["blocks"]:
            for n in b["lines"]:
                out[n] = (a["id"], b["role"])
    for n in structure["unassigned"]:
        out[n] = ("", "")
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=10, help="pages from each dev set")
    ap.add_argument("--seed", type=int, default=8)
    args = ap.parse_args()
    pages = []
    for folder in ("pd98-dev", "pdf-dev"):
        pages += sorted((GOLD / folder).glob("*.txt"))[: args.pages]
    if not pages:
        print(f"no dev pages under {GOLD}", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    total = {k: Tally() for k in ("entities", "removed", "overrides", "structure")}
    listed = 0
    started = time.perf_counter()
    anchor_time = 0.0
    with tempfile.TemporaryDirectory(prefix="bench-reanchor-") as tmp:
        import os

        os.environ["BANMIAN_DATA_DIR"] = str(Path(tmp) / "data")
        for k, src in enumerate(pages):
            path = Path(tmp) / f"{k:02d}-{src.parent.name}" / src.name
            path.parent.mkdir(parents=True)
            shutil.copy(src, path)
            decide(path, rng)
            old = parse_page(read_page(path))
            side = find_sidecar(path, text_sha256(old.text))
            assert side is not None
            old_data = load_sidecar(side, old).data
            new_text, where, lines = edit_text(old.text, rng)
            path.write_text(new_text, encoding="utf-8")
            new = parse_page(read_page(path))
            t0 = time.perf_counter()
            loaded = load_sidecar(side, new)
            anchor_time += time.perf_counter() - t0
            listed += len(loaded.lost)
            tallies = judge(old_data, loaded.data, old, new_text, where, lines)
            for name, t in tallies.items():
                total[name].add(t)
    print(
        f"{len(pages)} edited pages, seed {args.seed}, {time.perf_counter() - started:.1f} s "
        f"(re-anchoring itself {anchor_time:.2f} s)"
    )
    print(f"{'decisions':<12}{'survivable':>11}{'exact':>8}{'share':>8}{'lost':>6}{'wrong':>7}{'destroyed':>11}")
    all_s = all_e = all_l = all_w = 0
    for name, t in total.items():
        n = t.exact + t.lost
        all_s += n if name != "structure" else 0
        all_e += t.exact if name != "structure" else 0
        all_l += t.lost if name != "structure" else 0
        all_w += t.wrong if name != "structure" else 0
        share = f"{t.exact / n:.1%}" if n else "-"
        print(f"{name:<12}{n:>11}{t.exact:>8}{share:>8}{t.lost:>6}{t.wrong:>7}{t.gone:>11}")
    print(f"{'all but lines':<12}{all_s:>11}{all_e:>8}{all_e / max(all_s, 1):>8.1%}{all_l:>6}{all_w:>7}")
    destroyed = sum(t.gone for name, t in total.items() if name != "structure")
    print(f"listed for the editor: {listed} (lost + destroyed decisions: {all_l + destroyed})")
    print("lost: survived the edit but not re-applied; wrong: re-applied anywhere but where its text went;")
    print("destroyed: the edit changed its characters (or deleted its line): to be listed, never applied;")
    print("structure: each line's article and role as the editor's structure fixed them (deleted lines destroyed)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
