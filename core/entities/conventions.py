"""The editor's conventions, learned from their decisions on saved pages, applied to unseen strings.

The lexicon remembers strings; most of what an editor corrects on a new page are strings never
seen before.  What carries over are *kinds* of decisions, so every save also records what the
editor did with each suggestion of the automatic parse (``Decision``: confirmed, rejected,
retyped, respanned into the mentions now inside it, or added), and two conventions are learned
from that log at run time:

- **Classes of suggestions the editor rejects.**  A suggestion falls in a few classes (its type
  with its first character, with its length, with its last character and length, with its last
  two characters, and for an organisation named by its level alone the level class: ``市公安局``
  is ``ORG 市…``, ``ORG 4``, ``ORG …局 4``, ``ORG …安局`` and ``ORG level``, so an editor who
  rejects 市政府, 省委 and 县公安局 is no longer offered 特区政府).  Each class has an acceptance
  rate with a Beta prior centred on the type's own rate (``PRIOR`` pseudo-decisions); a class
  whose posterior falls below ``SUPPRESS_BELOW`` with at least ``MIN_REJECTED`` rejected strings
  is no longer suggested, nor anything of its type the rules nest inside it (市公安局 rejected
  leaves no 公安局).  Each string counts once per page (a page that rejects 安理会 five times is
  one vote), and a confirmation raises the rate again: a class the editor rejected, then
  confirmed, weighs less again.  A string the editor confirmed is never suppressed by its class.
- **Cuts.**  When the editor re-cuts a suggestion into the mentions inside it, what they cut away
  (``上午`` from ``上午９时``, ``元月`` after a year, ``大会`` after an organisation) is recorded
  with the types of what remained.  Once the editor has made a cut on ``MIN_CUTS`` pages, a later
  suggestion of that type holding that string is cut the same way (at its start, its end or in
  its middle, whichever it is there; a cut that changed the type, ``委员会`` off an ORG leaving a
  LOC, only where the editor made it), unless the editor has kept the string inside a mention of
  that type at least half as often as they cut it.  The very string the editor re-cut is re-cut
  the same way from the first page on (``联合国大会`` → ``联合国``), unless they confirmed it whole
  on some page; every copy the rules proposed of it goes.  A suggestion a cut applies to is cut,
  not suppressed (the re-cuts count against its classes too).

Both read only the decision log (``UserLexicon.decisions``): nothing here comes from a word list.
They act on the rules' and jieba's candidates only, after every other stage (the tagger was
trained on the rules' own output), so what the editor taught the lexicon is never undone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from core.entities.candidates import TIER_RULE, Candidate, resolve
from core.entities.rules.gazetteer import LOC_SUFFIX_CHARS, gazetteer

if TYPE_CHECKING:
    from core.entities.pipeline import Segment

VERDICTS = ("confirmed", "rejected", "retyped", "respanned", "added")
# the engines whose suggestions conventions may change (never the lexicon's or the tagger's)
ENGINES = frozenset({"rule", "jieba"})
# a class is suppressed when its posterior acceptance falls below this with this many rejections
SUPPRESS_BELOW = 0.25
MIN_REJECTED = 3
PRIOR = 1.0  # pseudo-decisions at the type's own acceptance rate
CUT_CONFIDENCE = 0.8  # the pieces of a cut suggestion (above the spread's copies)
MIN_PIECE = 2  # characters a piece left by a cut must keep
MIN_CUTS = 2  # pages a cut must be made on before it is a convention (one page: that string only)

Piece = tuple[int, int, str]  # start, end (into the decision's text), type


@dataclass(frozen=True, slots=True)
class Decision:
    """What the editor did with one mention of a saved page.

    ``text`` is the suggestion's (or the added mention's) surface; for ``retyped`` ``new_type``
    is the type it got; for ``respanned`` ``pieces`` are the editor's mentions inside the
    suggestion's surface (empty when the editor's mentions only overlap it)."""

    text: str
    type: str
    verdict: str
    new_type: str | None = None
    pieces: tuple[Piece, ...] = ()

    def to_dict(self) -> dict[str, object]:
        d: dict[str, object] = {"text": self.text, "type": self.type, "verdict": self.verdict}
        if self.new_type:
            d["new_type"] = self.new_type
        if self.pieces:
            d["pieces"] = [f"{s}:{e}:{t}" for s, e, t in self.pieces]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, object]) -> Decision | None:
        """The decision of a lexicon file's item; None for one this version cannot use."""
        text, type_, verdict = d.get("text"), d.get("type"), d.get("verdict")
        if not isinstance(text, str) or not isinstance(type_, str) or verdict not in VERDICTS:
            return None
        new_type = d.get("new_type")
        pieces: list[Piece] = []
        raw = d.get("pieces", [])
        for p in raw if isinstance(raw, list) else []:
            try:
                s, e, t = str(p).split(":", 2)
                if 0 <= int(s) < int(e) <= len(text):
                    pieces.append((int(s), int(e), t))
            except ValueError:
                continue
        return cls(text, type_, str(verdict), new_type if isinstance(new_type, str) else None, tuple(pieces))


def _classes(text: str, type_: str) -> tuple[tuple[str, ...], ...]:
    n = str(len(text))
    head = (("head", type_, text[-2:]),) if len(text) > 2 else ()  # 政府 of 县政府, 委员会's 员会
    level = (("level", type_),) if type_ == "ORG" and named_by_level(text) else ()
    return (("first", type_, text[0]), ("len", type_, n), ("last-len", type_, text[-1], n), *head, *level)


# level words longer than one character that name a body by themselves (特区政府, 自治区政府)
_LEVEL_WORDS = ("特区", "自治区", "自治州", "自治县")


@lru_cache(maxsize=4096)
def named_by_level(text: str) -> bool:
    """Whether an organisation is named by its administrative level alone, with no place before
    it: 市政府, 省委, 县公安局, 市政府办公厅, 特区政府 (not 镇江市委, whose 镇 starts a place, nor
    市场监管总局, whose 市 starts the word 市场).

    The guide tags these (省政协, 市信访局); a corpus that tags only named bodies does not.  One
    class for every level, so an editor who rejects 市政府 and 省委 is not offered 特区政府 either,
    and one who confirms them keeps them all.  The level is the first word of ``text``: a level
    character alone (市 of 市|交管局), a listed body named by its level (市政府, 村委会) or a level
    character with an organisation's suffix (县公安局, 旗委)."""
    if text.startswith(_LEVEL_WORDS):
        return text not in _LEVEL_WORDS  # a body after the level word; the bare 自治区 names none
    if len(text) < 2 or text[0] not in LOC_SUFFIX_CHARS:
        return False
    gaz = gazetteer()
    if any(gaz.is_place(text[:k]) for k in range(2, len(text) + 1)):
        return False
    from core.entities.jieba.tokenizer import tokens  # not at import: the window imports this module at start

    first = tokens(text)[0].word
    return first == text[0] or first in gaz.orgs or gaz.org_suffix(first) == first[1:]


def _cuts(d: Decision) -> list[tuple[str, str, tuple[str, ...], str]]:
    """(type, cut string, types of the pieces, where) of a respanned decision whose one or two pieces
    tile it but for one cut: at its start, at its end, or between the two (``where``)."""
    ps = sorted(d.pieces)
    if not ps or len(ps) > 2:
        return []
    n = len(d.text)
    types = tuple(t for _, _, t in ps)
    if len(ps) == 1:
        s, e, _ = ps[0]
        if s > 0 and e == n:
            return [(d.type, d.text[:s], types, "start")]
        if s == 0 and e < n:
            return [(d.type, d.text[e:], types, "end")]
        return []
    (s1, e1, _), (s2, e2, _) = ps
    if s1 == 0 and e2 == n and e1 < s2:
        return [(d.type, d.text[e1:s2], types, "middle")]
    return []


def _mine(c: Candidate) -> bool:
    """Whether conventions may change ``c``: a suggestion of the rules or jieba (``ENGINES``)."""
    return c.source in ENGINES and c.tier == TIER_RULE


def _where(text: str, k: int, n: int) -> str:
    """Where a cut of ``n`` characters at ``k`` falls in ``text``."""
    return "start" if k == 0 else "end" if k + n == len(text) else "middle"


class Conventions:
    """The conventions of a decision log; call it as the pipeline's last refiner."""

    def __init__(self, log: Iterable[tuple[str, Decision]]) -> None:
        seen: set[tuple[str, str, str, str]] = set()  # page, text, type, verdict: one vote per page
        votes: dict[tuple[str, ...], list[int]] = defaultdict(lambda: [0, 0])  # class -> [yes, no]
        per_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        self._confirmed: set[tuple[str, str]] = set()
        cut_count: dict[tuple[str, str], int] = defaultdict(int)
        cut_types: dict[tuple[str, str], tuple[str, ...]] = {}
        cut_where: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._respans: dict[tuple[str, str], tuple[Piece, ...]] = {}  # (text, type) -> the editor's pieces
        kept_mentions: list[tuple[str, str]] = []
        for page, d in log:
            if not d.text:
                continue
            key = (page, d.text, d.type, d.verdict)
            first = key not in seen
            seen.add(key)
            good = d.verdict in ("confirmed", "added")
            if good or d.verdict == "retyped":
                final = d.new_type if d.verdict == "retyped" and d.new_type else d.type
                self._confirmed.add((d.text, final))
                kept_mentions.append((d.text, final))
                if first:
                    for c in _classes(d.text, final):
                        votes[c][0] += 1
                    per_type[final][0] += 1
            if not good and first:
                for c in _classes(d.text, d.type):
                    votes[c][1] += 1
                per_type[d.type][1] += 1
            if d.verdict == "respanned" and d.pieces:
                self._respans[(d.text, d.type)] = d.pieces
            if d.verdict == "respanned" and first:
                for t, cut, types, where in _cuts(d):
                    cut_count[(t, cut)] += 1
                    cut_types[(t, cut)] = types
                    cut_where[(t, cut)].add(where)
        self._suppressed: set[tuple[str, ...]] = set()
        for c, (yes, no) in votes.items():
            ty = per_type[c[1]]
            prior = (ty[0] + 1) / (ty[0] + ty[1] + 2)
            if no >= MIN_REJECTED and (yes + PRIOR * prior) / (yes + no + PRIOR) < SUPPRESS_BELOW:
                self._suppressed.add(c)
        self._cuts: dict[str, list[tuple[str, tuple[str, ...], frozenset[str]]]] = defaultdict(list)
        for (t, cut), count in cut_count.items():
            kept = sum(1 for text, ty in kept_mentions if ty == t and cut in text and len(text) > len(cut))
            if count >= max(MIN_CUTS, 2 * kept + 1):
                self._cuts[t].append((cut, cut_types[(t, cut)], frozenset(cut_where[(t, cut)])))
        for cuts in self._cuts.values():
            cuts.sort(key=lambda x: -len(x[0]))

    def __bool__(self) -> bool:
        return bool(self._suppressed or self._cuts or self._respans)

    def suppressed(self, text: str, type_: str) -> bool:
        """Whether a suggestion of ``text`` as ``type_`` falls in a class the editor rejects."""
        if not text or (text, type_) in self._confirmed:
            return False
        return any(c in self._suppressed for c in _classes(text, type_))

    def cut(self, text: str, type_: str) -> list[Piece] | None:
        """The pieces the editor's cuts leave of ``text`` (None when no cut applies, or when the editor
        confirmed ``text`` whole)."""
        if (text, type_) in self._confirmed:
            return None
        same = self._respans.get((text, type_))
        if same is not None:
            return list(same)
        for cut, types, wheres in self._cuts.get(type_, ()):
            k = text.find(cut)
            if k < 0 or len(cut) >= len(text):
                continue
            if any(t != type_ for t in types) and _where(text, k, len(cut)) not in wheres:
                continue  # a cut that changed the type holds only where the editor made it
            first, last = types[0], types[-1]
            left, right = (0, k, first), (k + len(cut), len(text), last if k else first)
            pieces = [p for p in (left, right) if p[1] > p[0]]
            if all(e - s >= MIN_PIECE for s, e, _ in pieces):
                return pieces
        return None

    def __call__(self, seg: Segment, cands: list[Candidate]) -> list[Candidate]:
        text = seg.text
        gone = [
            c
            for c in cands
            if _mine(c)
            and c.type != "TIME"
            and self.suppressed(text[c.start : c.end], c.type)
            and self.cut(text[c.start : c.end], c.type) is None  # a cut the editor taught wins
        ]
        # the editor rejects the mention there, not just its span: what the rules nest inside it goes too
        kept = [
            c
            for c in cands
            if not (_mine(c) and any(g.type == c.type and g.start <= c.start and c.end <= g.end for g in gone))
        ]
        if not self._cuts and not self._respans:
            return kept
        out = list(kept)
        for c in resolve(kept):
            if not _mine(c):
                continue
            pieces = self.cut(text[c.start : c.end], c.type)
            if pieces is None:
                continue
            # every copy of the suggestion goes (the rules may propose the same span twice)
            out = [x for x in out if not (_mine(x) and (x.start, x.end, x.type) == (c.start, c.end, c.type))]
            out.extend(
                Candidate(c.start + s, c.start + e, t, c.source, min(c.confidence, CUT_CONFIDENCE))
                for s, e, t in pieces
            )
        return out
