"""Entity P/R/F1 and editor effort of a parse against a gold page, as the shared scorers count them.

Both sides are dicts: the gold in the format of ``../shared/gold`` (articles with ``lines``,
``entities`` and ``optional`` mentions as ``raw_start``/``raw_end``, ``line_roles``) and the
prediction in the export format (``core.export_json.page_to_dict``).  Mentions are compared as
sets of non-space character positions, so a mention across a line break matches however its span
includes the newline.  One correction is one editor action:

- segmentation: each run of consecutive lines in the wrong article, and each article to create;
- roles: each run of lines of one article with a wrong non-body role;
- entities: each missing mention (add), spurious one (reject) or right span with the wrong type
  (retype); optional gold mentions are free.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

TYPES = ("PER", "LOC", "ORG", "TIME")

Mention = frozenset[int]


def positions(text: str, start: int, end: int) -> Mention:
    """The non-whitespace character positions inside ``[start, end)``."""
    return frozenset(i for i in range(max(0, start), min(len(text), end)) if not text[i].isspace())


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass(slots=True)
class TypeCounts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    def add(self, other: TypeCounts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def f1(self) -> float:
        return prf(self.tp, self.fp, self.fn)[2]


def _articles(d: dict[str, Any]) -> list[dict[str, Any]]:
    return [a for a in d.get("articles", []) if isinstance(a, dict)]


def mention_text(text: str, m: Iterable[int]) -> str:
    """The characters of mention ``m`` (its positions in ``text``), in order."""
    return "".join(text[i] for i in sorted(m))


@dataclass(frozen=True, slots=True)
class GoldMention:
    """A gold mention: its positions (how it is compared), its type and its raw span (how it is added)."""

    positions: Mention
    type: str
    start: int
    end: int


def gold_table(gold: dict[str, Any], text: str) -> tuple[list[GoldMention], list[Mention]]:
    """The gold page's mentions in page order and its optional mentions (free either way): read once
    for the scores here, for ``explain`` and for ``teach``."""
    mentions: list[GoldMention] = []
    optional: list[Mention] = []
    for a in _articles(gold):
        for m in a.get("entities", []):
            s, e = int(m["raw_start"]), int(m["raw_end"])
            mentions.append(GoldMention(positions(text, s, e), str(m["type"]), s, e))
        optional.extend(positions(text, int(m["raw_start"]), int(m["raw_end"])) for m in a.get("optional", []))
    return mentions, optional


def covered(mentions: Iterable[Mention]) -> Mention:
    """Every position of ``mentions``: a mention overlaps one of them when it meets this set."""
    return frozenset().union(*mentions)


def predicted(pred: dict[str, Any], text: str) -> list[tuple[Mention, str, str]]:
    """The prediction's entities not rejected, in page order: positions, type and engine ("?" when
    not said); an entity without a readable type or span is left out, as if not predicted."""
    out: list[tuple[Mention, str, str]] = []
    for a in _articles(pred):
        for e in a.get("entities", []) or []:
            if not isinstance(e, dict) or e.get("status") == "rejected":
                continue
            try:
                out.append(
                    (positions(text, int(e["start"]), int(e["end"])), str(e["type"]), str(e.get("source") or "?"))
                )
            except (KeyError, TypeError, ValueError):
                continue
    return out


def entity_counts(gold: dict[str, Any], pred: dict[str, Any], text: str) -> dict[str, TypeCounts]:
    """Per type: true and false positives, misses, with the missed and spurious surfaces."""
    mentions, optional = gold_table(gold, text)
    gm: dict[str, set[Mention]] = defaultdict(set)
    for g in mentions:
        gm[g.type].add(g.positions)
    opt = covered(optional)
    pm: dict[str, set[Mention]] = defaultdict(set)
    for m, t, _ in predicted(pred, text):
        pm[t].add(m)
    all_gold: set[Mention] = set().union(*gm.values()) if gm else set()
    out: dict[str, TypeCounts] = {}
    for t in sorted(set(gm) | set(TYPES)):
        gs, ps = gm.get(t, set()), pm.get(t, set())
        fp = [x for x in ps - gs if x not in all_gold and not x & opt]
        fp_typed = [x for x in ps - gs if x in all_gold]  # right span, wrong type
        out[t] = TypeCounts(
            tp=len(ps & gs),
            fp=len(fp) + len(fp_typed),
            fn=len(gs - ps),
            missed=sorted(mention_text(text, x) for x in gs - ps),
            spurious=sorted(mention_text(text, x) for x in fp + fp_typed),
        )
    return out


@dataclass(frozen=True, slots=True)
class Effort:
    segmentation: int
    roles: int
    entities: int

    @property
    def total(self) -> int:
        return self.segmentation + self.roles + self.entities


def _segmentation(gold: dict[str, Any], parts: list[dict[str, Any]]) -> int:
    garts = _articles(gold)
    gof = {ln: a["id"] for a in garts for ln in a["lines"]}
    pof: dict[int, int] = {}
    for i, a in enumerate(parts):
        for ln in a.get("lines", []) or []:
            pof.setdefault(ln, i)
    # each predicted article stands for the gold article holding most of its lines
    owner: dict[int, Any] = {}
    for i, a in enumerate(parts):
        cnt: dict[Any, int] = {}
        for ln in a.get("lines", []) or []:
            if ln in gof:
                cnt[gof[ln]] = cnt.get(gof[ln], 0) + 1
        if cnt:
            owner[i] = max(cnt, key=lambda k: cnt[k])
    used = set(owner.values())
    seg = sum(1 for g in garts if g["id"] not in used)  # articles to create
    run = False
    for ln in sorted(gof):
        wrong = ln not in pof or owner.get(pof[ln]) != gof[ln]
        if wrong and not run:
            seg += 1
        run = wrong
    return seg


def _roles(gold: dict[str, Any], parts: list[dict[str, Any]]) -> int:
    prole: dict[int, Any] = {}
    for a in parts:
        for b in a.get("blocks", []) or []:
            if isinstance(b, dict):
                for ln in b.get("lines", []) or []:
                    prole.setdefault(ln, b.get("role"))
    roles, run = 0, False
    for ln in sorted(int(k) for k in gold.get("line_roles", {})):
        g = gold["line_roles"][str(ln)]
        wrong = g != "any" and prole.get(ln, "body") != g and not (g == "body" and prole.get(ln) is None)
        if wrong and not run:
            roles += 1
        run = wrong
    return roles


def page_effort(gold: dict[str, Any], pred: dict[str, Any], text: str) -> Effort:
    """The corrections an editor still makes to turn ``pred`` into ``gold``."""
    parts = _articles(pred)
    ents = sum(c.fn + c.fp for c in entity_counts(gold, pred, text).values())
    return Effort(_segmentation(gold, parts), _roles(gold, parts), ents)
