"""What a save teaches the user lexicon (moved unchanged from ``core.sidecar``; the lexicon's
own rules live in ``core.entities.lexicon``)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from core.model import Page

if TYPE_CHECKING:
    from core.entities.lexicon import UserLexicon

LEARNED = ("confirmed", "added", "edited")


def previous_learned(path: Path, page: Page) -> set[tuple[str, str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {(str(d["text"]), str(d["type"])) for d in data["entities"] if d["status"] in LEARNED}
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return set()


def teach(lexicon: UserLexicon, page: Page, previous: Iterable[tuple[str, str]] = ()) -> None:
    """Confirmed/added/edited entities are learned, rejected ones recorded with their context;
    what an earlier save taught and no entity still says is unlearned."""
    from core.entities.lexicon import context_of

    learned = {(e.text, e.type) for e in page.entities if e.status in LEARNED}
    for text, type_ in set(previous) - learned:
        lexicon.unlearn(text, type_)
    for text, type_ in learned:
        lexicon.learn(text, type_)
    for e in page.entities:
        if e.status == "rejected":
            lexicon.reject(e.text, e.type, context_of(page.text, e.start, e.end))
    lexicon.save()
