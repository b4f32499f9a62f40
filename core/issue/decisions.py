"""Issue-wide decisions: one decision on an entity applied to every occurrence in every page, and
the issue's entity list (distinct entities with counts, pages and status).

An issue-wide decision is one ``Batch`` per page (``core.edits.apply_to_all`` on that page), each
applied through that page's own history: undoing it on one page leaves the others decided.  The
editor's own decision on an occurrence always wins (``apply_to_all`` only touches suggestions).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from core.document import Document, State
from core.edits import Batch, Edit, EditError, Patch, apply_to_all
from core.edits.occurrences import Tokenizer
from core.messages import msg, word
from core.model import Entity

Runner = Callable[[int, Edit], None]
DECIDED = ("confirmed", "rejected", "added", "edited")


class PageDecision(Edit):
    """One page's part of an issue-wide decision, applied as one patch.

    ``apply_to_all`` gives one small edit per occurrence, each touching its own entity (distinct
    entities, non-overlapping spans), so their patches, all computed on the same snapshot, add up
    to one: the page is rebuilt once instead of once per occurrence, and undo stays exact."""

    def __init__(self, batch: Batch) -> None:
        self.edits: tuple[Edit, ...] = batch.edits
        self.name = batch.name

    def patch(self, state: State) -> Patch:
        remove: list[Entity] = []
        add: list[Entity] = []
        for edit in self.edits:
            p = edit.patch(state)
            remove.extend(p.remove)
            add.extend(p.add)
        return Patch(remove=tuple(remove), add=tuple(add))


@dataclass(slots=True)
class IssueDecision:
    """``batches``: page index → the page's part of the decision; ``skipped``: pages where it
    could not be applied (the page changed meanwhile), with the reason."""

    name: str
    batches: dict[int, PageDecision]
    skipped: dict[int, str] = field(default_factory=dict)

    @property
    def pages(self) -> list[int]:
        return sorted(self.batches)


def plan(
    docs: Mapping[int, Document],
    decision: str,
    text: str,
    type: str,
    *,
    from_type: str | None = None,
    tokenize: Tokenizer | None = None,
) -> IssueDecision:
    """The batches doing ``decision`` on every page that has an occurrence; ``EditError`` if none has."""
    batches: dict[int, PageDecision] = {}
    name = ""
    for index in sorted(docs):
        try:
            batch = apply_to_all(docs[index].page, decision, text, type, from_type=from_type, tokenize=tokenize)
        except EditError:
            continue
        batches[index] = PageDecision(batch)
        name = batch.name
    if not batches:
        surface = "".join(text.split())
        raise EditError(
            msg("no occurrence of “{text}” in the issue to {decision}", text=surface, decision=word(decision))
        )
    return IssueDecision(msg("{decision} in the issue", decision=name), batches)


def apply_decision(decision: IssueDecision, run: Runner) -> IssueDecision:
    """Apply every page's batch through ``run(page index, batch)``; a page that refuses is skipped
    (and said in ``skipped``), the others still done."""
    for index in decision.pages:
        try:
            run(index, decision.batches[index])
        except EditError as e:
            decision.skipped[index] = str(e)
            del decision.batches[index]
    return decision


# -- the entity list ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EntityRow:
    """One distinct entity of the issue (surface text and type)."""

    text: str
    type: str
    count: int
    pages: tuple[int, ...]  # issue page indices, in page order
    statuses: tuple[tuple[str, int], ...]  # status → occurrences, most frequent first
    waiting: int = 0  # occurrences on pages still parsing, as the corpus index has them
    waiting_pages: tuple[int, ...] = ()

    @property
    def pending(self) -> int:
        return dict(self.statuses).get("auto", 0)

    @property
    def status(self) -> str:
        """One word for the row: the single status of every occurrence, else ``mixed``."""
        return self.statuses[0][0] if len(self.statuses) == 1 else "mixed"


def entity_rows(docs: Mapping[int, Document]) -> list[EntityRow]:
    """Distinct entities over the issue, most frequent first (then by text)."""
    counts: dict[tuple[str, str], Counter[str]] = {}
    pages: dict[tuple[str, str], list[int]] = {}
    for index in sorted(docs):
        for e in docs[index].page.entities:
            key = (e.text, e.type)
            counts.setdefault(key, Counter())[e.status] += 1
            where = pages.setdefault(key, [])
            if not where or where[-1] != index:
                where.append(index)
    rows = [
        EntityRow(text, type_, sum(c.values()), tuple(pages[(text, type_)]), tuple(c.most_common()))
        for (text, type_), c in counts.items()
    ]
    rows.sort(key=lambda r: (-r.count, r.text, r.type))
    return rows


def row_decision(docs: Mapping[int, Document], row: EntityRow, decision: str, type: str | None = None) -> IssueDecision:
    """A decision on one entity-list row: confirm or reject it, or retype it to ``type``."""
    if decision == "retype":
        if not type:
            raise EditError(msg("retyping needs the new type"))
        return plan(docs, "retype", row.text, type, from_type=row.type)
    return plan(docs, decision, row.text, row.type)
