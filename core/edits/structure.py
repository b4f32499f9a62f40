"""Edits of the article structure: split, merge, move lines, new/delete/reorder articles, roles,
paragraph starts, headline overrides and the review flag.

Each computes a new article tuple from the current one; blocks stay non-empty and every non-empty
line stays in exactly one block or in ``unassigned`` (checked by the tests after every edit).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

from core.edits.base import Edit, EditError, Patch, next_article_id
from core.fields import EDITABLE_FIELDS
from core.messages import msg, word
from core.model import ROLES, Article, Block, Page

if TYPE_CHECKING:
    from core.state import State


# -- helpers --------------------------------------------------------------------------------------


def _index(page: Page, article_id: str) -> int:
    for i, a in enumerate(page.articles):
        if a.id == article_id:
            return i
    raise EditError(msg("there is no article {id}", id=article_id))


def _check_lines(page: Page, lines: Iterable[int]) -> tuple[int, ...]:
    out = tuple(sorted(set(lines)))
    if not out:
        raise EditError(msg("no lines selected"))
    for n in out:
        if not 1 <= n <= len(page.lines):
            raise EditError(msg("line {n} is not on the page", n=n))
        if page.lines[n - 1].is_blank:
            raise EditError(msg("line {n} is blank", n=n))
    return out


def _check_role(role: str | None) -> None:
    if role is not None and role not in ROLES:
        raise EditError(msg("unknown role {role}", role=repr(role)))


def _fresh_id(page: Page, wanted: str | None) -> str:
    """``wanted``, or the next free ``a<n>`` when None; ``EditError`` if an article already has it."""
    new_id = wanted or next_article_id(page.articles)
    if any(a.id == new_id for a in page.articles):
        raise EditError(msg("there is already an article {id}", id=new_id))
    return new_id


def _runs(page: Page, lines: Sequence[int], role_of: dict[int, str]) -> list[Block]:
    """Sorted lines grouped into blocks: same role and only blank lines between them."""
    blocks: list[Block] = []
    current: list[int] = []
    for n in lines:
        if current and (
            role_of[n] != role_of[current[-1]] or any(not page.lines[k - 1].is_blank for k in range(current[-1] + 1, n))
        ):
            blocks.append(Block(role_of[current[-1]], tuple(current)))
            current = []
        current.append(n)
    if current:
        blocks.append(Block(role_of[current[-1]], tuple(current)))
    return blocks


def _strip(article: Article, lines: set[int]) -> Article:
    blocks = []
    for b in article.blocks:
        kept = tuple(n for n in b.lines if n not in lines)
        if kept == b.lines:
            blocks.append(b)
        elif kept:
            blocks.append(Block(b.role, kept))
    return Article(article.id, tuple(blocks), article.overrides)


def _take(page: Page, lines: tuple[int, ...]) -> tuple[list[Article], tuple[int, ...], dict[int, str], int]:
    """Remove ``lines`` from wherever they are.  Returns the articles left (emptied ones dropped),
    the unassigned lines left, each line's former role (``body`` if unassigned) and the index the
    first line's article had (or the article count)."""
    wanted = set(lines)
    role_of = {n: "body" for n in lines}
    first_index = len(page.articles)
    articles: list[Article] = []
    for a in page.articles:
        hit = False
        for b in a.blocks:
            for n in b.lines:
                if n in wanted:
                    role_of[n] = b.role
                    hit = True
        if not hit:
            articles.append(a)
            continue
        if lines[0] in a.lines:
            first_index = len(articles)
        stripped = _strip(a, wanted)
        if stripped.blocks:
            articles.append(stripped)
    unassigned = tuple(n for n in page.unassigned if n not in wanted)
    return articles, unassigned, role_of, first_index


def _insert_blocks(blocks: tuple[Block, ...], new: list[Block]) -> tuple[Block, ...]:
    """Put each new block before the first block that starts after it (reading order ≈ line order)."""
    out = list(blocks)
    for nb in new:
        pos = next((i for i, b in enumerate(out) if b.lines[0] > nb.lines[0]), len(out))
        out.insert(pos, nb)
    return tuple(out)


def _merge_unassigned(unassigned: tuple[int, ...], lines: Iterable[int]) -> tuple[int, ...]:
    out = list(unassigned)
    for n in lines:
        i = bisect.bisect_left(out, n)
        if i == len(out) or out[i] != n:
            out.insert(i, n)
    return tuple(out)


# -- edits ----------------------------------------------------------------------------------------


@dataclass(eq=False)
class SplitArticle(Edit):
    """Cut an article before ``line`` (reading order): that line and the rest become a new article
    right after it.  A block straddling the cut is cut too."""

    article_id: str
    line: int
    new_id: str | None = None
    name = "Split article"

    def patch(self, state: State) -> Patch:
        page = state.page
        i = _index(page, self.article_id)
        a = page.articles[i]
        order = a.lines
        if self.line not in order:
            raise EditError(msg("line {n} is not in article {id}", n=self.line, id=a.id))
        if order[0] == self.line:
            raise EditError(msg("an article cannot be split at its first line"))
        new_id = _fresh_id(page, self.new_id)
        head: list[Block] = []
        tail: list[Block] = []
        seen = False
        for b in a.blocks:
            if seen:
                tail.append(b)
            elif self.line in b.lines:
                k = b.lines.index(self.line)
                if k:
                    head.append(Block(b.role, b.lines[:k]))
                tail.append(Block(b.role, b.lines[k:]))
                seen = True
            else:
                head.append(b)
        articles = list(page.articles)
        articles[i : i + 1] = [Article(a.id, tuple(head), a.overrides), Article(new_id, tuple(tail))]
        return Patch(articles=tuple(articles))


@dataclass(eq=False)
class MergeArticles(Edit):
    """Append the blocks of ``second_id`` to ``first_id``; the first keeps its place and its
    overrides (the second's fill only fields the first has none for)."""

    first_id: str
    second_id: str
    name = "Merge articles"

    def patch(self, state: State) -> Patch:
        page = state.page
        if self.first_id == self.second_id:
            raise EditError(msg("an article cannot be merged with itself"))
        i, j = _index(page, self.first_id), _index(page, self.second_id)
        a, b = page.articles[i], page.articles[j]
        merged = Article(a.id, a.blocks + b.blocks, MappingProxyType({**b.overrides, **a.overrides}))
        articles = list(page.articles)
        articles[i] = merged
        del articles[j]
        return Patch(articles=tuple(articles))


@dataclass(eq=False)
class MoveLines(Edit):
    """Move lines into article ``target`` (or to unassigned when ``target`` is None).

    Lines keep their role unless ``role`` is given (``body`` when coming from unassigned); an
    article left without lines disappears (undo brings it back with its overrides)."""

    lines: tuple[int, ...]
    target: str | None
    role: str | None = None
    name = "Move lines"

    def patch(self, state: State) -> Patch:
        page = state.page
        lines = _check_lines(page, self.lines)
        _check_role(self.role)
        if self.target is None:
            unassigned_now = set(page.unassigned)
            moving = tuple(n for n in lines if n not in unassigned_now)
            if not moving:
                raise EditError(msg("these lines are already unassigned"))
            articles, unassigned, _, _ = _take(page, moving)
            return Patch(articles=tuple(articles), unassigned=_merge_unassigned(unassigned, moving))
        t = page.articles[_index(page, self.target)]
        inside = set(t.lines)
        moving = tuple(n for n in lines if n not in inside)
        if not moving:
            raise EditError(msg("these lines are already in article {id}", id=t.id))
        articles, unassigned, role_of, _ = _take(page, moving)
        if self.role is not None:
            role_of = dict.fromkeys(moving, self.role)
        k = next(i for i, a in enumerate(articles) if a.id == t.id)
        target = articles[k]
        articles[k] = Article(target.id, _insert_blocks(target.blocks, _runs(page, moving, role_of)), target.overrides)
        return Patch(articles=tuple(articles), unassigned=unassigned)


@dataclass(eq=False)
class NewArticle(Edit):
    """Make a new article of ``lines`` (taken from wherever they are), placed at ``index`` or
    where the first line's article was; the lines take ``role`` (default: keep their role)."""

    lines: tuple[int, ...]
    role: str | None = None
    index: int | None = None
    new_id: str | None = None
    name = "New article"

    def patch(self, state: State) -> Patch:
        page = state.page
        lines = _check_lines(page, self.lines)
        _check_role(self.role)
        new_id = _fresh_id(page, self.new_id)
        articles, unassigned, role_of, first = _take(page, lines)
        if self.role is not None:
            role_of = dict.fromkeys(lines, self.role)
        index = first if self.index is None else self.index
        if not 0 <= index <= len(articles):
            raise EditError(msg("position {index} is outside the article list", index=index))
        articles.insert(index, Article(new_id, tuple(_runs(page, lines, role_of))))
        return Patch(articles=tuple(articles), unassigned=unassigned)


@dataclass(eq=False)
class DeleteArticle(Edit):
    """Dissolve an article: its lines become unassigned, nothing of the text is lost."""

    article_id: str
    name = "Delete article"

    def patch(self, state: State) -> Patch:
        page = state.page
        i = _index(page, self.article_id)
        articles = page.articles[:i] + page.articles[i + 1 :]
        return Patch(articles=articles, unassigned=_merge_unassigned(page.unassigned, page.articles[i].lines))


@dataclass(eq=False)
class MoveArticle(Edit):
    """Reorder: put the article at position ``index`` of the reading order."""

    article_id: str
    index: int
    name = "Move article"

    def patch(self, state: State) -> Patch:
        page = state.page
        i = _index(page, self.article_id)
        if not 0 <= self.index < len(page.articles):
            raise EditError(msg("position {index} is outside the article list", index=self.index))
        if i == self.index:
            raise EditError(msg("the article is already there"))
        articles = list(page.articles)
        a = articles.pop(i)
        articles.insert(self.index, a)
        return Patch(articles=tuple(articles))


@dataclass(eq=False)
class SetRole(Edit):
    """Give ``lines`` (all in articles) the role ``role``; a block is cut where roles differ and
    neighbouring headline-like blocks of the same role join (a two-line title is one block)."""

    lines: tuple[int, ...]
    role: str
    name = "Set role"

    def patch(self, state: State) -> Patch:
        page = state.page
        lines = set(_check_lines(page, self.lines))
        if self.role not in ROLES:
            raise EditError(msg("unknown role {role}", role=repr(self.role)))
        found: set[int] = set()
        changed = False
        articles = list(page.articles)
        for i, a in enumerate(articles):
            if not lines.intersection(a.lines):
                continue
            blocks: list[tuple[Block, bool]] = []
            for b in a.blocks:
                hit = lines.intersection(b.lines)
                found |= hit
                if not hit:
                    blocks.append((b, False))
                    continue
                changed |= b.role != self.role
                run: list[int] = []
                run_hit = False
                for n in b.lines:
                    h = n in lines
                    if run and h != run_hit:
                        blocks.append((Block(self.role if run_hit else b.role, tuple(run)), run_hit))
                        run = []
                    run.append(n)
                    run_hit = h
                blocks.append((Block(self.role if run_hit else b.role, tuple(run)), run_hit))
            merged: list[tuple[Block, bool]] = []
            for b, touched in blocks:
                if (
                    merged
                    and self.role != "body"
                    and b.role == self.role == merged[-1][0].role
                    and (touched or merged[-1][1])
                ):
                    prev = merged[-1][0]
                    merged[-1] = (Block(prev.role, prev.lines + b.lines), True)
                else:
                    merged.append((b, touched))
            articles[i] = Article(a.id, tuple(b for b, _ in merged), a.overrides)
        missing = lines - found
        if missing:
            raise EditError(msg("line {n} is in no article", n=min(missing)))
        if not changed:
            raise EditError(msg("these lines already are {role}", role=word(self.role)))
        return Patch(articles=tuple(articles))


@dataclass(eq=False)
class SetParagraphStart(Edit):
    """``start=True``: a new block (paragraph) begins at ``line``; ``False``: the block starting at
    ``line`` joins the block before it (which must have the same role)."""

    line: int
    start: bool = True
    name = "Set paragraph start"

    def __post_init__(self) -> None:
        self.name = "Start paragraph" if self.start else "Join paragraph"

    def patch(self, state: State) -> Patch:
        page = state.page
        for i, a in enumerate(page.articles):
            for k, b in enumerate(a.blocks):
                if self.line not in b.lines:
                    continue
                j = b.lines.index(self.line)
                blocks = list(a.blocks)
                if self.start:
                    if j == 0:
                        raise EditError(msg("line {n} already starts a paragraph", n=self.line))
                    blocks[k : k + 1] = [Block(b.role, b.lines[:j]), Block(b.role, b.lines[j:])]
                else:
                    if j != 0 or k == 0:
                        raise EditError(msg("line {n} does not start a paragraph that can be joined", n=self.line))
                    prev = blocks[k - 1]
                    if prev.role != b.role:
                        raise EditError(
                            msg(
                                "the block before line {n} is {role}, not {other}",
                                n=self.line,
                                role=word(prev.role),
                                other=word(b.role),
                            )
                        )
                    blocks[k - 1 : k + 1] = [Block(b.role, prev.lines + b.lines)]
                articles = list(page.articles)
                articles[i] = Article(a.id, tuple(blocks), a.overrides)
                return Patch(articles=tuple(articles))
        raise EditError(msg("line {n} is in no article", n=self.line))


@dataclass(eq=False)
class SetField(Edit):
    """Override a headline field (title, kicker, subtitle, byline, dateline) with the editor's text;
    ``text=None`` clears the override.  The raw text is never rewritten."""

    article_id: str
    field: str
    text: str | None
    name = "Edit field"

    def __post_init__(self) -> None:
        if self.field not in EDITABLE_FIELDS:
            raise EditError(
                msg(
                    "{field} cannot be edited (one of {fields})",
                    field=repr(self.field),
                    fields=", ".join(EDITABLE_FIELDS),
                )
            )
        field = word(self.field)
        self.name = msg("Edit {field}", field=field) if self.text is not None else msg("Clear {field}", field=field)

    def patch(self, state: State) -> Patch:
        page = state.page
        i = _index(page, self.article_id)
        a = page.articles[i]
        overrides = dict(a.overrides)
        if self.text is None:
            if self.field not in overrides:
                raise EditError(msg("the {field} has no override to clear", field=word(self.field)))
            del overrides[self.field]
        else:
            if overrides.get(self.field) == self.text:
                raise EditError(msg("the {field} already reads that", field=word(self.field)))
            overrides[self.field] = self.text
        articles = list(page.articles)
        articles[i] = Article(a.id, a.blocks, MappingProxyType(overrides))
        return Patch(articles=tuple(articles))


@dataclass(eq=False)
class SetReviewDone(Edit):
    """The editor marks the page reviewed (or takes it back): export says ``done``."""

    done: bool = True
    name = "Mark reviewed"

    def __post_init__(self) -> None:
        self.name = "Mark reviewed" if self.done else "Mark not reviewed"

    def patch(self, state: State) -> Patch:
        if state.review_done == self.done:
            raise EditError(msg("the page already has that review status"))
        return Patch(review_done=self.done)
