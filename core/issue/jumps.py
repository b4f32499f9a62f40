"""Continued stories: ``（下转第四版）`` on one page, ``（上接第一版）`` on the other, linked as one story.

A part that jumps names the page it continues on (``下转第N版``, ``转第N版``, ``下转N版``); the
continuation names where it came from (``上接第M版``, ``接第M版``, ``续第M版``).  A link needs
both: the outgoing part's target page is the continuation's page, and the continuation's source
page is the outgoing part's page.  When a page holds several continuations from the same page,
the one whose headline (or opening text) shares most with the outgoing part's headline wins, each
continuation taken once.

Links point at an article by a line of it (its first line when linked), not by its id: ids change
when an editor splits or merges, a line stays where it is.  A link whose line no longer belongs to
an article, or whose two ends fall in one article, is broken: it is reported, never exported.

The editor's own decisions (``LinkStories``/``UnlinkStories``) are undoable edits over a frozen
``LinkState``; the automatic links are recomputed from the pages and never override an unlink.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from core.document import Document
from core.fields import block_text
from core.issue.numbering import chinese_number
from core.messages import msg, word
from core.model import Article, Page

OPENING = 120  # characters of a continuation's text compared with the jumping part's headline
OUT = "out"  # the part continues elsewhere
IN = "in"  # the part continues a story from elsewhere

JUMP_MARK = re.compile(
    r"[（(]\s*(下\s*转|转|上\s*接|接|续)\s*(?:第\s*)?([0-9０-９〇零一二两三四五六七八九十百]+)\s*版\s*[^）)\n]{0,8}[）)]"
)


@dataclass(frozen=True, slots=True)
class Marker:
    direction: str  # OUT or IN
    page: int  # the printed page number it names
    line: int  # the line it is on


@dataclass(frozen=True, slots=True)
class StoryRef:
    """A part of a story: the issue page (its index) and a line of the article."""

    page: int
    line: int


@dataclass(frozen=True, slots=True)
class Link:
    """``source`` jumps, ``target`` continues it."""

    source: StoryRef
    target: StoryRef


@dataclass(frozen=True, slots=True)
class LinkState:
    """Automatic links plus the editor's decisions; ``links`` is what holds."""

    auto: frozenset[Link] = frozenset()
    added: frozenset[Link] = frozenset()
    removed: frozenset[Link] = frozenset()

    @property
    def links(self) -> frozenset[Link]:
        return (self.auto - self.removed) | self.added


class LinkError(Exception):
    """A link or unlink that cannot be done; one sentence for the editor."""


def markers(page: Page, article: Article) -> list[Marker]:
    """The jump markers printed in an article's lines, in reading order."""
    out = []
    for n in article.lines:
        for m in JUMP_MARK.finditer(page.lines[n - 1].text):
            number = chinese_number("".join(m.group(2).split()))
            if number is None:
                continue
            word = "".join(m.group(1).split())
            out.append(Marker(IN if word in ("上接", "接", "续") else OUT, number, n))
    return out


def _bigrams(text: str) -> set[str]:
    chars = [c for c in text if not c.isspace() and c not in "（）()《》“”「」，。、：:！？"]
    return {a + b for a, b in pairwise(chars)}


def similarity(a: str, b: str) -> float:
    """Dice coefficient of character bigrams (a continuation repeats or shortens the headline)."""
    x, y = _bigrams(a), _bigrams(b)
    if not x or not y:
        return 0.0
    return 2 * len(x & y) / (len(x) + len(y))


@dataclass(frozen=True, slots=True)
class Part:
    """An article with a jump marker, as the linker sees it."""

    ref: StoryRef
    number: int  # printed number of its page
    marker: Marker
    title: str
    opening: str


def page_parts(index: int, number: int, page: Page) -> list[Part]:
    """The parts of page ``index`` (printed ``number``) that jump or continue."""
    out = []
    for a in page.articles:
        found = markers(page, a)
        if not found:
            continue
        host = a
        if all(b.role == "jump" for b in a.blocks):
            host = _host(page, a, found[0].direction) or a
        title, opening = _headline(page, host)
        for m in {(m.direction): m for m in reversed(found)}.values():
            out.append(Part(StoryRef(index, host.lines[0]), number, m, title, opening))
    return out


def _headline(page: Page, article: Article) -> tuple[str, str]:
    """The title (as the editor left it) and the opening of the text: what a continuation repeats."""
    title = article.overrides.get("title") or " ".join(
        block_text(page.text, page.lines, b) for b in article.blocks if b.role == "title"
    )
    body = next((b for b in article.blocks if b.role == "body"), None)
    opening = block_text(page.text, page.lines, body)[:OPENING] if body is not None else ""
    return title, opening


def _host(page: Page, lone: Article, direction: str) -> Article | None:
    """The story a marker printed on a line of its own belongs to (the parser may keep such a
    line as an article of its own): the article around it, else the one it opens (``上接``) or
    closes (``下转``)."""
    line = lone.lines[0]
    others = [a for a in page.articles if a is not lone and a.lines and any(b.role != "jump" for b in a.blocks)]
    for a in others:
        if min(a.lines) < line < max(a.lines):
            return a
    if direction == IN:
        after = [a for a in others if min(a.lines) > line]
        return min(after, key=lambda a: min(a.lines), default=None)
    before = [a for a in others if max(a.lines) < line]
    return max(before, key=lambda a: max(a.lines), default=None)


def link_parts(parts: Sequence[Part]) -> frozenset[Link]:
    """Automatic links between the parts of an issue's pages (``page_parts``)."""
    outs = [p for p in parts if p.marker.direction == OUT]
    ins = [p for p in parts if p.marker.direction == IN]
    scored = []
    for o in outs:
        for i in ins:
            if i.number != o.marker.page or i.marker.page != o.number or i.ref.page == o.ref.page:
                continue
            score = max(similarity(o.title, i.title), similarity(o.title, i.opening))
            scored.append((-score, o.ref.page, o.ref.line, i.ref.page, i.ref.line, o, i))
    scored.sort(key=lambda s: s[:5])
    used_out: set[StoryRef] = set()
    used_in: set[StoryRef] = set()
    links = set()
    for *_, o, i in scored:
        if o.ref in used_out or i.ref in used_in:
            continue
        used_out.add(o.ref)
        used_in.add(i.ref)
        links.add(Link(o.ref, i.ref))
    return frozenset(links)


# -- resolving against the current pages --------------------------------------------------------


def article_at(doc: Document, ref: StoryRef) -> str | None:
    return doc.owner(ref.line)


def resolve(link: Link, docs: Mapping[int, Document]) -> tuple[str, str] | None:
    """The article ids a link joins now, or None when the editor's changes broke it."""
    a, b = docs.get(link.source.page), docs.get(link.target.page)
    if a is None or b is None:
        return None
    x, y = article_at(a, link.source), article_at(b, link.target)
    if x is None or y is None or (link.source.page == link.target.page and x == y):
        return None
    return x, y


@dataclass(frozen=True, slots=True)
class Story:
    """A story in reading order of its parts: ``(issue page index, article id)``."""

    parts: tuple[tuple[int, str], ...]


def stories(state: LinkState, docs: Mapping[int, Document], order: Iterable[int]) -> tuple[list[Story], list[Link]]:
    """Every article of the issue as a story (continued ones joined), and the broken links."""
    nxt: dict[tuple[int, str], tuple[int, str]] = {}
    has_prev: set[tuple[int, str]] = set()
    broken = []
    for link in sorted(state.links, key=lambda lk: (lk.source.page, lk.source.line)):
        ids = resolve(link, docs)
        if ids is None:
            broken.append(link)
            continue
        a, b = (link.source.page, ids[0]), (link.target.page, ids[1])
        if a in nxt or b in has_prev:
            broken.append(link)  # two links out of one part, or into one: keep the first
            continue
        nxt[a] = b
        has_prev.add(b)
    out = []
    for index in order:
        doc = docs.get(index)
        if doc is None:
            continue
        for art in doc.page.articles:
            key = (index, art.id)
            if key in has_prev:
                continue
            chain = [key]
            while chain[-1] in nxt and nxt[chain[-1]] not in chain:
                chain.append(nxt[chain[-1]])
            out.append(Story(tuple(chain)))
    return out, broken


# -- the editor's decisions -----------------------------------------------------------------------


class LinkEdit:
    """An undoable change of the issue's links: ``forward`` returns the next state."""

    name = "Link edit"

    def __init__(self) -> None:
        self._before: LinkState | None = None

    def next_state(self, state: LinkState) -> LinkState:
        raise NotImplementedError

    def forward(self, state: LinkState) -> LinkState:
        new = self.next_state(state)
        self._before = state
        return new

    def backward(self, state: LinkState) -> LinkState:
        if self._before is None:
            raise LinkError(msg("“{name}” cannot be undone: it is not applied", name=word(self.name)))
        before, self._before = self._before, None
        return replace(before, auto=state.auto)


class LinkStories(LinkEdit):
    """The editor joins ``source`` (which jumps) to ``target`` (its continuation)."""

    name = "Link continued story"

    def __init__(self, source: StoryRef, target: StoryRef) -> None:
        super().__init__()
        self.link = Link(source, target)

    def next_state(self, state: LinkState) -> LinkState:
        if self.link.source == self.link.target:
            raise LinkError(msg("a story cannot continue itself"))
        if self.link in state.links:
            raise LinkError(msg("these parts are already linked"))
        clash = [lk for lk in state.links if lk.source == self.link.source or lk.target == self.link.target]
        removed = state.removed | frozenset(lk for lk in clash if lk in state.auto)
        added = (state.added - frozenset(clash)) | ({self.link} - state.auto)
        return LinkState(state.auto, added, removed - {self.link})


class UnlinkStories(LinkEdit):
    """The editor says these two parts are not one story; the automatic linker will not relink them."""

    name = "Unlink continued story"

    def __init__(self, link: Link) -> None:
        super().__init__()
        self.link = link

    def next_state(self, state: LinkState) -> LinkState:
        if self.link not in state.links:
            raise LinkError(msg("these parts are not linked"))
        removed = state.removed | ({self.link} & state.auto)
        return LinkState(state.auto, state.added - {self.link}, removed)


def state_to_dict(state: LinkState, names: Sequence[str]) -> dict[str, list[list[object]]]:
    """The editor's decisions, pages named by file (indices move when a page joins the folder)."""

    def rows(links: frozenset[Link]) -> list[list[object]]:
        return [
            [names[lk.source.page], lk.source.line, names[lk.target.page], lk.target.line]
            for lk in sorted(links, key=lambda lk: (lk.source.page, lk.source.line, lk.target.page, lk.target.line))
        ]

    return {"added": rows(state.added), "removed": rows(state.removed)}


def state_from_dict(data: object, names: Sequence[str]) -> LinkState:
    """The editor's decisions back; ``ValueError`` when the data is not what ``state_to_dict``
    wrote.  Decisions about pages no longer in the issue are dropped."""
    if not isinstance(data, dict):
        raise ValueError(msg("links: not an object"))
    index = {n: i for i, n in enumerate(names)}

    def links(key: str) -> frozenset[Link]:
        out = set()
        for a, b, c, d in data.get(key, []):
            if a in index and c in index:
                out.add(Link(StoryRef(index[a], int(b)), StoryRef(index[c], int(d))))
        return frozenset(out)

    try:
        return LinkState(frozenset(), links("added"), links("removed"))
    except (TypeError, ValueError):  # a link that is not four values, or a line that is no number
        raise ValueError(msg("links: a link is not a page, a line, a page and a line")) from None
