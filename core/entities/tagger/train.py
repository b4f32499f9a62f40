"""Training the CRF on the store's pages, in the caller's process or in a background one.

The window saves, then calls ``schedule_training``: the page joins the store and a spawned
process (no Qt, no shared state) retrains from the cached sequences plus the new page's.  A page
whose text or corrections cannot be read any more is skipped, never fatal.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import time
from dataclasses import dataclass
from multiprocessing.process import BaseProcess
from pathlib import Path

from core.entities.tagger.examples import LabelledSegment, edited_page, page_sequences
from core.entities.tagger.store import TaggerStore

# crfsuite L-BFGS: L1 and a minimum feature count keep the model small; 30 iterations keep one more
# page under ten seconds on a few dozen pages (the model is near convergence by then)
_PARAMS = {
    "c1": 0.1,
    "c2": 0.01,
    "max_iterations": 30,
    "feature.minfreq": 2,
    "feature.possible_transitions": True,
}


# training reads the newest pages only, so one more page costs the same however many were saved
# (about 5 s CPU at this size, benchmarks/bench_learning.py); the lexicon keeps every page's entries
MAX_PAGES = 30
_RULE = 9  # the index of the rules' tag among a character's features (``features.char_features``)


@dataclass(frozen=True, slots=True)
class TrainResult:
    pages: int
    sequences: int
    seconds: float  # wall time
    cpu_seconds: float  # this process's CPU time (what the training costs on a machine of its own)


def _sequences(store: TaggerStore, page: Path, sidecar: Path) -> list[LabelledSegment]:
    cache = store.cache_path(page, sidecar)
    try:
        data = json.loads(cache.read_text(encoding="utf-8"))
        return [LabelledSegment(d["f"], d["l"]) for d in data]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    seqs = page_sequences(edited_page(page, sidecar))
    cache.parent.mkdir(parents=True, exist_ok=True)
    from core.atomic import write_atomic

    write_atomic(cache, json.dumps([{"f": s.features, "l": s.labels} for s in seqs], ensure_ascii=False))
    return seqs


def informative(s: LabelledSegment) -> bool:
    """A segment where the editor or the rules saw a mention (the rest only teaches O after O)."""
    return any(label != "O" for label in s.labels) or any(f[_RULE] != "r=O" for f in s.features)


def train(store: TaggerStore) -> TrainResult:
    """Retrain the store's model on all its pages; the old model stays until the new one is written."""
    import pycrfsuite

    t0, c0 = time.perf_counter(), time.process_time()
    trainer = pycrfsuite.Trainer(verbose=False)
    pages = n = 0
    learned = store.pages()
    for page, sidecar in learned[-MAX_PAGES:]:
        try:
            seqs = _sequences(store, page, sidecar)
        except Exception:
            continue
        pages += 1
        for s in seqs:
            if informative(s):
                trainer.append(s.features, s.labels)
                n += 1
    if n:
        trainer.set_params(_PARAMS)
        tmp = store.model_path.with_name(f"{store.model_path.name}.tmp-{os.getpid()}")
        store.root.mkdir(parents=True, exist_ok=True)
        trainer.train(str(tmp))
        if store.pages()[: len(learned)] != learned:  # reset while training: this model is forgotten too
            tmp.unlink(missing_ok=True)
            return TrainResult(0, 0, time.perf_counter() - t0, time.process_time() - c0)
        os.replace(tmp, store.model_path)
        store.set_trained(pages)
    return TrainResult(pages, n, time.perf_counter() - t0, time.process_time() - c0)


def _train_main(root: str) -> None:
    train(TaggerStore(Path(root)))


def train_in_background(store: TaggerStore) -> BaseProcess:
    """Start training in a spawned process and return it (the caller never waits for it)."""
    proc = multiprocessing.get_context("spawn").Process(target=_train_main, args=(str(store.root),), daemon=True)
    proc.start()
    return proc


_running: dict[Path, BaseProcess] = {}


def schedule_training(page: Path, sidecar: Path, store: TaggerStore | None = None) -> BaseProcess | None:
    """After a save: remember the page and retrain in the background.

    Nothing starts when the tagger is switched off, before it has ``MIN_PAGES`` pages (it would
    stay silent anyway), or while this process's previous training of the store still runs (the
    page is remembered; the next save trains on it).
    """
    from core.entities.tagger.stage import MIN_PAGES

    store = store or TaggerStore.for_page(page)
    store.add_page(page, sidecar)
    busy = _running.get(store.root)
    if not store.enabled or len(store.pages()) < MIN_PAGES or (busy is not None and busy.is_alive()):
        return None
    proc = train_in_background(store)
    _running[store.root] = proc
    return proc
