"""What a save teaches the user lexicon (the lexicon's
own rules live in ``core.entities.lexicon``)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from core.model import Entity, Page

if TYPE_CHECKING:
    from core.entities.lexicon import UserLexicon

LEARNED = ("confirmed", "added", "edited")


def previous_learned(path: Path, page: Page) -> set[tuple[str, str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {(str(d["text"]), str(d["type"])) for d in data["entities"] if d["status"] in LEARNED}
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return set()


def removed_suggestions(page: Page, base: Page) -> list[Entity]:
    """The automatic suggestions of ``base`` the editor removed or respanned (gone from ``page``)."""
    now = {(e.start, e.end) for e in page.entities}
    return [e for e in base.entities if e.status == "auto" and (e.start, e.end) not in now]


def teach(lexicon: UserLexicon, page: Page, previous: Iterable[tuple[str, str]] = (), base: Page | None = None) -> None:
    """Teach the lexicon this page's decisions, as this page's vote (``lexicon.page_key``).

    Confirmed/added/edited entities are learned for this page (one-character and TIME ones never:
    ``lexicon.learnable``); rejected ones are recorded with their context and count against the
    entry's weight; entries this page taught before and no longer confirms lose this page's vote
    only, so what other pages confirm stays.  ``previous`` (the last save's learned pairs) still
    unlearns entries of an old lexicon that did not record their pages.

    Bulk confirmations (apply to all, confirm the article) teach like single ones: an entity does
    not record how it was confirmed, apply-to-all repeats a decision the editor made on an
    occurrence they looked at, and the harm bulk teaching used to do (dates, single characters)
    is excluded here for every confirmation; a later rejection still lowers the entry's weight.
    A suggestion of the automatic parse (``base``) the editor removed, or replaced by another span,
    counts as rejected in its context (a boundary fix says the span was wrong there, not that the
    string is never a mention); an explicit rejection on a page with no confirmation anywhere
    holds everywhere (``UserLexicon.is_rejected``).
    ``LexiconError`` if learning is paused (unreadable lexicon), ``OSError`` if writing failed."""
    from core.entities.lexicon import UNKNOWN_PAGE, context_of, learnable, page_key

    key = page_key(page.text)
    before = set(previous)
    learned = {(e.text, e.type) for e in page.entities if e.status in LEARNED and learnable(e.text, e.type)}
    for entry in lexicon.entries:
        pair = (entry.text, entry.type)
        if pair in learned:
            continue
        pages = lexicon.pages_of(*pair)
        if key in pages:
            lexicon.unlearn(*pair, page=key)
        elif pair in before and pages == {UNKNOWN_PAGE}:
            lexicon.unlearn(*pair, page=UNKNOWN_PAGE)
    for text, type_ in learned:
        lexicon.learn(text, type_, page=key)
    for e in page.entities:
        if e.status == "rejected":
            lexicon.reject(e.text, e.type, context_of(page.text, e.start, e.end), page=key)
    for e in removed_suggestions(page, base) if base is not None else ():
        if (e.text, e.type) not in learned:  # in its context only: 中国 cut out of 中国美术馆 is right elsewhere
            lexicon.reject(e.text, e.type, context_of(page.text, e.start, e.end))
    lexicon.save()
