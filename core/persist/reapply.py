"""The editor's decisions on top of a fresh parse: the editor always wins."""

from __future__ import annotations

import bisect
from types import MappingProxyType

from core.messages import msg, word
from core.model import Article, Entity, Page
from core.persist.serial import Decisions


def reapply(page: Page, decisions: Decisions) -> tuple[Page, list[str]]:
    """``page`` (a fresh parse) with the editor's decisions on top; warnings for overrides whose
    line is in no article now."""
    warnings: list[str] = []
    articles, unassigned = decisions.structure or (page.articles, page.unassigned)
    if decisions.structure is not None:
        articles = tuple(Article(a.id, a.blocks) for a in articles)  # overrides come below
    if decisions.overrides:
        out = list(articles)
        for line, name, text in decisions.overrides:
            k = next((i for i, a in enumerate(out) if line in a.lines), None)
            if k is None:
                warnings.append(
                    msg(
                        "the {field} “{text}” was not applied: line {line} is in no article now",
                        field=word(name),
                        text=text,
                        line=line,
                    )
                )
                continue
            a = out[k]
            out[k] = Article(a.id, a.blocks, MappingProxyType({**a.overrides, name: text}))
        articles = tuple(out)
    kept = [e for e in page.entities if (e.start, e.end, e.type) not in decisions.removed]
    decided = decisions.entities
    if decided:
        spans = sorted((e.start, e.end) for e in decided)

        def clashes(e: Entity) -> bool:
            i = bisect.bisect_left(spans, (e.end, -1))
            return i > 0 and spans[i - 1][1] > e.start

        kept = [e for e in kept if not clashes(e)]
    entities = tuple(sorted([*kept, *decided], key=lambda e: e.start))
    return Page(page.source, page.text, page.lines, articles, unassigned, entities), warnings
