"""Value objects of a parsed page.

The raw page text is the single source of truth: every line, block, article and entity is a set of
half-open offsets into it (or line numbers, which map to offsets through ``Page.lines``).  All
objects here are frozen; the mutable state of an editing session lives in ``core.document``.
"""

from __future__ import annotations

import copyreg
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from core.pdf.model import PageLayout

ROLES: tuple[str, ...] = (
    "title",
    "kicker",
    "subtitle",
    "byline",
    "body",
    "subhead",
    "jump",
    "column",
    "caption",
    "other",
)
ENTITY_STATUSES: tuple[str, ...] = ("auto", "confirmed", "rejected", "added", "edited")
PENDING_STATUS = "auto"  # a suggestion still waiting for the editor's decision


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the page text; ``number`` is 1-based, ``start``/``end`` exclude the newline."""

    number: int
    start: int
    end: int
    text: str

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True, slots=True)
class Block:
    """Consecutive lines (in reading order) of one role; each body paragraph is its own block."""

    role: str
    lines: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Article:
    """One story: its lines in reading order, split into role blocks.

    Headline fields (title, kicker, …) are derived from the blocks; ``overrides`` holds the text an
    editor typed instead, keyed by field name, so the raw text is never rewritten.
    """

    id: str
    blocks: tuple[Block, ...]
    overrides: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def lines(self) -> tuple[int, ...]:
        return tuple(n for b in self.blocks for n in b.lines)

    def role_of(self, number: int) -> str | None:
        for b in self.blocks:
            if number in b.lines:
                return b.role
        return None


@dataclass(frozen=True, slots=True)
class Entity:
    """A mention: ``start``/``end`` are offsets into the page text and may cross line breaks."""

    id: str
    type: str
    start: int
    end: int
    text: str
    status: str = "auto"
    source: str = "jieba"
    confidence: float = 0.5
    value: str | None = None  # normalised value (ISO date/time) where the text allows it


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """Where the page came from; ``layout`` is its PDF geometry when it came from (or with) a PDF."""

    name: str
    sha256: str
    encoding: str
    layout: PageLayout | None = None


@dataclass(frozen=True, slots=True)
class Page:
    """A whole parsed page: text, lines, articles in reading order, unassigned lines, entities."""

    source: SourceInfo
    text: str
    lines: tuple[Line, ...]
    articles: tuple[Article, ...]
    unassigned: tuple[int, ...]
    entities: tuple[Entity, ...] = ()

    def line(self, number: int) -> Line:
        return self.lines[number - 1]

    def article(self, article_id: str) -> Article:
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)


def entity_id(start: int, end: int) -> str:
    """Entity ids come from the span: spans never overlap, so the id is stable across re-parses."""
    return f"e{start}-{end}"


def read_only(mapping: Mapping[str, str]) -> Mapping[str, str]:
    """A read-only view of a copy of ``mapping`` (what ``Article.overrides`` holds)."""
    return MappingProxyType(dict(mapping))


def _reduce_proxy(proxy: MappingProxyType[Any, Any]) -> tuple[Any, tuple[dict[Any, Any]]]:
    return read_only, (dict(proxy),)


# A parsed Page crosses process boundaries (the window parses in a worker process); read-only
# mappings pickle as the dict they wrap.
copyreg.pickle(MappingProxyType, _reduce_proxy)
