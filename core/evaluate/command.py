"""``main.py evaluate GOLDDIR [--learn]``: per-page and total F1 and corrections, last line JSON.

Without ``--learn`` every page gets the automatic parse with no lexicon (the user's lexicon may
have learned from these very pages).  With ``--learn`` the pages are walked in name order and,
before each one, the previous page's gold is taught through ``teach.teach_page`` (the window's
save path) to a scratch lexicon in a temporary folder: the printout is the learning curve.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any, TextIO

from core.evaluate.explain import Correction, History, corrections, gold_mentions, tally
from core.evaluate.gold import GoldError, GoldPage, load_folder
from core.evaluate.scoring import TYPES, Effort, TypeCounts, entity_counts, mention_text, page_effort, prf


class EvaluateError(Exception):
    """One line for stderr."""


def _f1s(counts: dict[str, TypeCounts]) -> str:
    return " ".join(f"{t} {counts[t].f1:.3f}" for t in TYPES if t in counts)


def _details(counts: dict[str, TypeCounts], out: TextIO) -> None:
    for t in TYPES:
        c = counts.get(t)
        if c is not None and (c.missed or c.spurious):
            out.write(f"      {t}: add {' '.join(c.missed) or '-'} | reject/retype {' '.join(c.spurious) or '-'}\n")


def _gold_strings(gp: GoldPage) -> list[tuple[str, str]]:
    wanted, _ = gold_mentions(gp.gold, gp.text)
    return [(mention_text(gp.text, m), t) for m, t in wanted.items()]


def evaluate(
    folder: Path,
    *,
    learn: bool = False,
    tagger: bool = True,
    min_pages: int | None = None,
    verbose: bool = False,
    explain: bool = False,
    out: TextIO | None = None,
) -> dict[str, Any]:
    """Score every gold page of ``folder``; returns (and prints last) the totals.

    With ``learn``, the lexicon learns from each page before the next, and (unless ``tagger`` is
    False) the tagger is retrained on every page so far; ``min_pages`` overrides the pages it
    waits for before speaking (``tagger.stage.MIN_PAGES``).  With ``explain``, each page's entity
    corrections are listed with their kind, engine and what earlier pages said of their string
    (``explain``), and the summary counts them for the second half.
    """
    from core.entities.lexicon import UserLexicon
    from core.entities.tagger.stage import MIN_PAGES, TaggerStage
    from core.entities.tagger.store import TaggerStore
    from core.entities.tagger.train import train
    from core.evaluate.teach import teach_page
    from core.export_json import page_to_dict
    from core.loader import read_page
    from core.parse import parse_page

    stream = out or sys.stdout
    try:
        pages = load_folder(folder)
    except GoldError as e:
        raise EvaluateError(str(e)) from None
    totals = {t: TypeCounts() for t in TYPES}
    efforts: list[Effort] = []
    history = History()
    explained: list[list[Correction]] = []
    with tempfile.TemporaryDirectory(prefix="banmian-evaluate-") as scratch_dir:
        scratch = Path(scratch_dir)
        lexicon = UserLexicon(scratch / "lexicon.json") if learn else None
        store = TaggerStore(scratch / "tagger")
        stage = None
        train_times: list[tuple[float, float]] = []
        previous: tuple[GoldPage, Any] | None = None
        for gp in pages:
            if lexicon is not None and previous is not None:
                sidecar = teach_page(previous[0], previous[1], lexicon, scratch)
                if tagger:
                    store.add_page(previous[0].path, sidecar)
                    trained = train(store)
                    train_times.append((trained.seconds, trained.cpu_seconds))
                    stage = TaggerStage.load(store, MIN_PAGES if min_pages is None else min_pages)
            if explain and previous is not None:
                history.add_gold(_gold_strings(previous[0]))
                if lexicon is not None:
                    history.add_verdicts((d.text, d.verdict) for _, d in lexicon.decisions)
            page = parse_page(read_page(gp.path), lexicon=lexicon, tagger=stage)
            pred = page_to_dict(page)
            counts = entity_counts(gp.gold, pred, gp.text)
            effort = page_effort(gp.gold, pred, gp.text)
            efforts.append(effort)
            for t in TYPES:
                totals[t].add(counts.get(t, TypeCounts()))
            stream.write(
                f"{gp.name:24} corrections {effort.total:4} (segmentation {effort.segmentation}, roles "
                f"{effort.roles}, entities {effort.entities})  F1 {_f1s(counts)}\n"
            )
            if verbose:
                _details(counts, stream)
            if explain:
                found = corrections(gp.gold, pred, gp.text, history)
                explained.append(found)
                for c in found:
                    stream.write(f"      {c.kind:11} {c.type:4} {c.text}  [{c.source}; {c.seen}]\n")
            previous = (gp, page)
    per_page = [e.total for e in efforts]
    half = len(per_page) // 2
    summary: dict[str, Any] = {
        "pages": len(pages),
        "learn": learn,
        "corrections": sum(per_page),
        "segmentation": sum(e.segmentation for e in efforts),
        "roles": sum(e.roles for e in efforts),
        "entities": sum(e.entities for e in efforts),
        "second_half": sum(per_page[half:]),
        "per_page": per_page,
        "f1": {t: round(totals[t].f1, 4) for t in TYPES},
        "precision": {t: round(prf(totals[t].tp, totals[t].fp, totals[t].fn)[0], 4) for t in TYPES},
        "recall": {t: round(prf(totals[t].tp, totals[t].fp, totals[t].fn)[1], 4) for t in TYPES},
    }
    if explain:
        summary["second_half_explained"] = tally(c for cs in explained[half:] for c in cs)
    if train_times:
        summary["tagger_train_seconds_max"] = round(max(w for w, _ in train_times), 2)
        summary["tagger_train_cpu_seconds_max"] = round(max(c for _, c in train_times), 2)
    stream.write(f"total: {len(pages)} pages, F1 {_f1s(totals)}\n")
    stream.write(
        f"corrections an editor would still make: {summary['corrections']} (segmentation "
        f"{summary['segmentation']}, roles {summary['roles']}, entities {summary['entities']}); "
        f"second half of the pages: {summary['second_half']}\n"
    )
    stream.write(json.dumps(summary, ensure_ascii=False) + "\n")
    stream.flush()
    return summary


def cmd_evaluate(args: argparse.Namespace) -> int:
    evaluate(
        Path(args.golddir),
        learn=args.learn,
        tagger=not args.no_tagger,
        min_pages=args.min_pages,
        verbose=args.verbose,
        explain=args.explain,
    )
    return 0


def add_parser(sub: Any) -> None:
    """The ``evaluate`` subcommand on ``core.cli``'s subparsers."""
    pv = sub.add_parser("evaluate", help="score the parse against gold pages (or corrected pages) of a folder")
    pv.add_argument(
        "golddir",
        help="a folder of PAGE.txt with PAGE.gold.json or saved corrections (and PAGE.pdf, read as parse reads it)",
    )
    pv.add_argument("--learn", action="store_true", help="teach each page's gold before the next (learning curve)")
    pv.add_argument("--no-tagger", action="store_true", help="with --learn: teach the lexicon only")
    pv.add_argument("--min-pages", type=int, help="with --learn: pages the tagger waits for (default: its own)")
    pv.add_argument("-v", "--verbose", action="store_true", help="list each page's entity corrections")
    pv.add_argument(
        "--explain",
        action="store_true",
        help="list each entity correction: kind, engine, what earlier pages said of it",
    )
    pv.set_defaults(func=cmd_evaluate)
