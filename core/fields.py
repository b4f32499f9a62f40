"""Article fields derived from blocks: headline strings, dateline, jump, column and reflowed text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from core.dateline import dateline_fields, find_dateline
from core.model import Article, Block, Line
from core.textmap import MappedText, assemble, is_wide, squeeze_spaces

FIELD_NAMES: tuple[str, ...] = ("title", "kicker", "subtitle", "byline", "dateline", "jump", "column")
EDITABLE_FIELDS: tuple[str, ...] = ("title", "kicker", "subtitle", "byline", "dateline")
HEADLINE_SQUEEZED = frozenset({"title", "kicker", "subtitle", "subhead", "column"})

JUMP_RE = re.compile(
    r"[（(]\s*((?:[上下]?[接转]|续|见)?(?:第?\s*[0-9０-９一二三四五六七八九十]+\s*版)"
    r"(?:[^）)\n]{0,8})?)\s*[）)]"
)


@dataclass(frozen=True, slots=True)
class ArticleFields:
    title: str
    kicker: str
    subtitle: str
    byline: str
    dateline: str
    jump: str
    column: str
    dateline_parts: dict[str, object] | None
    text: str

    def get(self, name: str) -> str:
        value = getattr(self, name)
        assert isinstance(value, str)
        return value


def needs_space(left: str, right: str) -> bool:
    """Whether two pieces of a headline joined across a line break keep a space between them:
    only between Latin words (``增收`` from ``增`` + ``收``, ``New York`` from ``New`` + ``York``)."""
    return bool(left) and bool(right) and not is_wide(left[-1]) and not is_wide(right[0])


def join_words(parts: Sequence[str]) -> str:
    out = ""
    for p in parts:
        if p:
            out += (" " if needs_space(out, p) else "") + p
    return out


def block_text(raw: str, lines: Sequence[Line], block: Block) -> str:
    """A block's text: headline-like roles squeeze layout spaces and join their lines as words
    (``join_words``); other roles are reflowed with no separator."""
    spans = [(lines[n - 1].start, lines[n - 1].end) for n in block.lines]
    if block.role in HEADLINE_SQUEEZED:
        return join_words([squeeze_spaces(raw[s:e]).strip() for s, e in spans])
    return reflow(raw, spans).text


def reflow(raw: str, spans: Sequence[tuple[int, int]]) -> MappedText:
    """A paragraph's lines joined with no separator; layout spaces between wide characters go."""
    return assemble(raw, spans, squeeze=True)


def _first(blocks: Sequence[Block], role: str) -> list[Block]:
    return [b for b in blocks if b.role == role]


def article_fields(raw: str, lines: Sequence[Line], article: Article, *, text: bool = True) -> ArticleFields:
    """The article's fields; ``text=False`` leaves the reflowed body out (``text`` is then empty):
    a headline list asks for the short fields of a long article after every edit."""

    def joined(role: str) -> str:
        return join_words([block_text(raw, lines, b) for b in _first(article.blocks, role)])

    body_blocks = [b for b in article.blocks if b.role in ("body", "subhead")] if text else []
    paragraphs = [block_text(raw, lines, b) for b in body_blocks]
    dateline = ""
    parts = None
    for b in article.blocks:
        if b.role != "body":
            continue
        first = block_text(raw, lines, b)
        found = find_dateline(first)
        if found is not None:
            dateline = first[found.start : found.end]
            # the parts come from the text with its layout spaces, which separate reporters' names
            spaced = assemble(raw, [(lines[n - 1].start, lines[n - 1].end) for n in b.lines]).text
            found_spaced = find_dateline(spaced)
            parts = dateline_fields(spaced, found_spaced) if found_spaced else dateline_fields(first, found)
        break
    jump = ""
    for n in article.lines:
        m = JUMP_RE.search(lines[n - 1].text)
        if m:
            jump = "".join(m.group(1).split())
            break
    byline = " ".join(" ".join(lines[n - 1].text.split()) for b in _first(article.blocks, "byline") for n in b.lines)
    values = {
        "title": joined("title"),
        "kicker": joined("kicker"),
        "subtitle": joined("subtitle"),
        "byline": byline,
        "dateline": dateline,
        "jump": jump,
        "column": joined("column"),
    }
    for key, value in article.overrides.items():
        if key in values:
            values[key] = value
    return ArticleFields(
        title=values["title"],
        kicker=values["kicker"],
        subtitle=values["subtitle"],
        byline=values["byline"],
        dateline=values["dateline"],
        jump=values["jump"],
        column=values["column"],
        dateline_parts=parts,
        text="\n".join(p for p in paragraphs if p),
    )
