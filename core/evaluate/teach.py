"""Replay a gold page as an editor's save, so ``evaluate --learn`` teaches what the window teaches.

The page is parsed as the window parses it, the edits an editor would make are applied to a
``Document`` (confirm what is right, retype a right span of the wrong type, reject what is wrong,
remove a suggestion in the way of a missed mention, add the missed ones), and the document is
saved with ``sidecar.save`` — the same call the window's save makes, which teaches the lexicon.
The sidecar goes to a scratch folder; the lexicon is a scratch one (never the user's).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from core.document import Document
from core.edits.base import Edit, EditError
from core.edits.entity import AddEntity, ConfirmEntity, RejectEntity, RemoveEntity, RetypeEntity
from core.entities.lexicon import UserLexicon
from core.evaluate.gold import GoldPage
from core.evaluate.scoring import Mention, covered, gold_table, positions
from core.model import Page
from core.persist import save
from core.persist.paths import SUFFIX


def gold_edits(page: Page, gold: dict[str, Any]) -> list[Edit]:
    """The entity edits that turn ``page``'s suggestions into the gold mentions (spans and types)."""
    text = page.text
    mentions, optional = gold_table(gold, text)
    wanted = {g.positions: (g.type, g.start, g.end) for g in mentions}
    gold_chars, optional_chars = covered(wanted), covered(optional)
    edits: list[Edit] = []
    matched: set[Mention] = set()
    for ent in page.entities:
        if ent.status != "auto":
            continue
        p = positions(text, ent.start, ent.end)
        hit = wanted.get(p)
        if hit is not None:
            matched.add(p)
            edits.append(ConfirmEntity(ent.id) if hit[0] == ent.type else RetypeEntity(ent.id, type=hit[0]))
        elif p & gold_chars:
            edits.append(RemoveEntity(ent.id))  # in the way of a missed mention: the editor respans it
        elif not p & optional_chars:
            edits.append(RejectEntity(ent.id))
    edits.extend(AddEntity(s, e, t) for m, (t, s, e) in wanted.items() if m not in matched)
    return edits


def teach_page(gp: GoldPage, page: Page, lexicon: UserLexicon, scratch: Path) -> Path:
    """Apply the gold's entity edits to ``page`` and save as the window does; the sidecar's path."""
    doc = Document(page)
    for edit in gold_edits(page, gp.gold):
        try:
            doc.apply(edit)
        except EditError:
            continue  # a gold mention overlapping another one: the editor would pick one
    target = scratch / (gp.path.name + SUFFIX)
    for warning in save(doc, target, lexicon=lexicon).warnings:  # a lexicon that stopped learning, say
        print(f"warning: {gp.path.name}: {warning}", file=sys.stderr)
    return target
