"""Lines the geometry does not cover, placed by the text rules.

When a ``.txt`` page is read with a PDF beside it, some of its lines may match nothing in the PDF
(edited text, another extractor).  Each such line goes where the text parser put it: into the
geometric article that shares most lines with its text article — inside the block of the line just
before it when the roles agree — or, when its text article has no line with geometry, into an
article of its own built from the text parser's blocks.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from core.model import Article, Block


def _insert(article: Article, number: int, role: str) -> Article:
    blocks = list(article.blocks)
    before = [(k, n) for k, b in enumerate(blocks) for n in b.lines if n < number]
    if not before:
        blocks.insert(0, Block(role, (number,)))
        return Article(article.id, tuple(blocks), article.overrides)
    k, _ = max(before, key=lambda kn: kn[1])
    b = blocks[k]
    if b.role == role:
        lines = sorted((*b.lines, number))
        blocks[k] = Block(role, tuple(lines))
    else:
        blocks.insert(k + 1, Block(role, (number,)))
    return Article(article.id, tuple(blocks), article.overrides)


def place_missing(
    geometric: Sequence[Article],
    unassigned: Sequence[int],
    text_articles: Sequence[Article],
    text_unassigned: Sequence[int],
    missing: Sequence[int],
) -> tuple[tuple[Article, ...], tuple[int, ...]]:
    if not missing:
        return tuple(geometric), tuple(unassigned)
    owner = {n: k for k, a in enumerate(geometric) for n in a.lines}
    articles = list(geometric)
    extra: dict[int, list[tuple[str, int]]] = {}
    left = set(unassigned)
    for number in missing:
        home = next((t for t in text_articles if number in t.lines), None)
        if home is None:
            left.add(number)
            continue
        role = home.role_of(number) or "body"
        votes = Counter(owner[n] for n in home.lines if n in owner)
        if votes:
            k = votes.most_common(1)[0][0]
            articles[k] = _insert(articles[k], number, role)
        else:
            extra.setdefault(text_articles.index(home), []).append((role, number))
    for _, pieces in sorted(extra.items()):
        blocks: list[Block] = []
        for role, number in pieces:
            if blocks and blocks[-1].role == role:
                blocks[-1] = Block(role, (*blocks[-1].lines, number))
            else:
                blocks.append(Block(role, (number,)))
        articles.append(Article("", tuple(blocks)))
    renamed = tuple(Article(f"a{k + 1}", a.blocks, a.overrides) for k, a in enumerate(articles))
    return renamed, tuple(sorted(left | (set(text_unassigned) & set(missing)) - {n for a in renamed for n in a.lines}))
