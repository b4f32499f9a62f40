"""Party committees named by their place: ``中共吉林省委组织部``, ``中共通榆县委``.

jieba cuts them in ways the chain rules miss: the place and a bare ``委`` (``吉林省/ns 委/zg``),
or a county's name read as a person before ``县委`` (``通榆/nr 县委``).  The committee is one ORG
with the place, the ``中共`` before it and the departments right after it (组织部, 宣传部); a title
after it (常委, 副书记) is not part of it.  Bare ``省委``/``市委`` are left to the other rules.
"""

from __future__ import annotations

from collections.abc import Iterable

from core.entities.candidates import Candidate
from core.entities.pipeline import Segment
from core.entities.rules.names import han_word
from core.entities.rules.orgs import org_word
from core.entities.rules.places import place_token, village_stem

# committee words after a place's name (省委 after 吉林, 县委 after 通榆)
_COMMITTEES = frozenset({"委", "省委", "市委", "县委", "区委", "州委", "盟委", "旗委", "党委", "工委"})
# a township's or village's committee fused with its level (青石 镇党委): the name before is rare
_LOCAL_COMMITTEES = frozenset({"镇党委", "乡党委", "村党委", "村委会", "镇政府", "乡政府"})
# how many department words may follow (组织部, 宣传部 办公室)
_DEPARTMENTS_MAX = 2


# bodies that are a kind alone (党支部, 村委会) but a named organisation after their place
_LOCAL_BODIES = ("党支部", "党总支", "党委", "村委会", "居委会", "村民委员会", "居民委员会")


def local_bodies(seg: Segment, cands: list[Candidate]) -> list[Candidate]:
    """双泾村党支部, 青石镇党委: a place right before a body that is generic alone is one ORG."""
    text = seg.text
    out = list(cands)
    for c in cands:
        if c.type == "LOC":
            body = next((b for b in _LOCAL_BODIES if text.startswith(b, c.end)), None)
            if body is not None:
                out.append(Candidate(c.start, c.end + len(body), "ORG", "rule", max(c.confidence, 0.75)))
    return out


def central_committees(seg: Segment) -> Iterable[Candidate]:
    """民盟中央, 致公党 中央: a known party or organisation and 中央 (its central committee) are one
    ORG, fused by jieba into one word or not."""
    toks, gaz = seg.tokens, seg.gaz
    out: list[Candidate] = []
    if "中央" not in seg.text:
        return out  # (the cheapest test first: most segments name no central committee)
    for k, t in enumerate(toks):
        w = t.word
        if len(w) > 2 and w.endswith("中央") and w[:-2] in gaz.orgs:
            out.append(Candidate(t.start, t.end, "ORG", "rule", 0.85))
        elif w in gaz.orgs and k + 1 < len(toks) and toks[k + 1].word == "中央":
            out.append(Candidate(t.start, toks[k + 1].end, "ORG", "rule", 0.85))
    return out


def place_committees(seg: Segment) -> Iterable[Candidate]:
    """A place (or a name jieba took for a person) + 委/县委… + departments, with 中共 before."""
    toks, gaz = seg.tokens, seg.gaz
    out: list[Candidate] = []
    for k in range(1, len(toks)):
        t, name = toks[k], toks[k - 1]
        if t.word in _LOCAL_COMMITTEES and village_stem(name, gaz):
            out.append(Candidate(name.start, t.end, "ORG", "rule", 0.8))  # 青石 镇党委
            continue
        if t.word not in _COMMITTEES or not han_word(name.word) or len(name.word) < 2:
            continue
        if name.word in gaz.titles or name.word in gaz.orgs:
            continue
        named = place_token(name, gaz) or (t.word != "委" and name.flag in ("nr", "ns", "nz", "new"))
        if not named or (t.word == "委" and name.word[-1] not in "省市县区州盟旗"):
            continue  # 吉林省 委, 延边州 委: a bare 委 only after a full division name
        start = toks[k - 2].start if k >= 2 and toks[k - 2].word == "中共" else name.start
        end, j = t.end, k + 1
        while j < len(toks) and j - k <= _DEPARTMENTS_MAX and org_word(toks[j], gaz) and toks[j].word not in gaz.titles:
            end, j = toks[j].end, j + 1
        out.append(Candidate(start, end, "ORG", "rule", 0.8))
    return out
