"""What a save teaches the user lexicon (the lexicon's
own rules live in ``core.entities.lexicon``)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from core.model import Entity, Page

if TYPE_CHECKING:
    from core.entities.conventions import Decision
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


def decisions_of(page: Page, base: Page) -> list[Decision]:
    """What the editor did with each suggestion of the automatic parse ``base`` (one per suggestion),
    and the mentions they added: the log ``core.entities.conventions`` learns from.

    A suggestion left standing counts as confirmed (the editor saved the page with it, as the
    tagger reads it); one removed with the editor's own mentions inside it was respanned into
    them; one removed with nothing in its place was rejected."""
    from core.entities.conventions import Decision
    from core.textmap import surface

    now = {(e.start, e.end): e for e in page.entities}
    out: list[Decision] = []
    for b in base.entities:
        if b.status != "auto" or not b.text:
            continue
        e = now.get((b.start, b.end))
        if e is not None:
            if e.status == "rejected":
                out.append(Decision(b.text, b.type, "rejected"))
            elif e.type != b.type:
                out.append(Decision(b.text, b.type, "retyped", new_type=e.type))
            else:
                out.append(Decision(b.text, b.type, "confirmed"))
            continue
        inside = [
            p for p in page.entities if p.status != "rejected" and b.start <= p.start and p.end <= b.end and p.text
        ]
        overlapping = any(p.status != "rejected" and p.start < b.end and b.start < p.end for p in page.entities)
        pieces = []
        for p in inside:
            k = len(surface(page.text, b.start, p.start))
            if b.text[k : k + len(p.text)] == p.text:
                pieces.append((k, k + len(p.text), p.type))
        verdict = "respanned" if overlapping else "rejected"
        out.append(Decision(b.text, b.type, verdict, pieces=tuple(sorted(pieces))))
    known = {(b.start, b.end) for b in base.entities}
    out.extend(
        Decision(e.text, e.type, "added")
        for e in page.entities
        if e.status != "rejected" and (e.start, e.end) not in known and e.text
    )
    return out


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
    With ``base``, the page's decisions are recorded too (``decisions_of``), replacing what an
    earlier save of this page recorded: the conventions of ``core.entities.conventions``.
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
    if base is not None:
        lexicon.record(key, decisions_of(page, base))
    for e in removed_suggestions(page, base) if base is not None else ():
        if (e.text, e.type) not in learned:  # in its context only: 中国 cut out of 中国美术馆 is right elsewhere
            lexicon.reject(e.text, e.type, context_of(page.text, e.start, e.end))
    lexicon.save()
