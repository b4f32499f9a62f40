"""A string the editor re-cut is re-cut the same way on later pages, every copy of it."""

from __future__ import annotations

from core.entities.candidates import Candidate, resolve
from core.entities.conventions import Conventions, Decision
from core.entities.pipeline import Segment

# the editor cut 国际协会大会 (an ORG suggestion) down to the 国际协会 inside it
RECUT = ("p1", Decision("国际协会大会", "ORG", "respanned", pieces=((0, 4, "ORG"),)))
# ... and kept organisations ending in 大会 whole on other pages (so 大会 alone is no cut)
KEPT = [(f"p{k}", Decision(s, "ORG", "confirmed")) for k, s in enumerate(["青石县人民代表大会", "全国工商联大会"], 2)]


def test_a_recut_string_is_recut_the_same_way_whatever_the_cut_string_does_elsewhere() -> None:
    conv = Conventions([RECUT, *KEPT])
    assert conv.cut("国际协会大会", "ORG") == [(0, 4, "ORG")]
    assert conv.cut("青石协会大会", "ORG") is None  # 大会 is kept inside other organisations
    assert conv.cut("国际协会大会", "LOC") is None  # another type: not the editor's decision


def test_a_recut_string_the_editor_also_confirmed_whole_is_left_alone() -> None:
    confirmed = ("p9", Decision("国际协会大会", "ORG", "confirmed"))
    assert Conventions([RECUT, *KEPT, confirmed]).cut("国际协会大会", "ORG") is None


def test_a_respan_outside_the_suggestion_teaches_no_recut() -> None:
    longer = ("p1", Decision("青石县", "LOC", "respanned"))  # the editor's mention only overlaps it
    assert Conventions([longer]).cut("青石县", "LOC") is None


def test_every_copy_of_a_recut_suggestion_is_replaced() -> None:
    text = "昨天国际协会大会开幕。"
    seg = Segment.of(text)
    k = text.index("国际协会大会")
    twice = [Candidate(k, k + 6, "ORG", "rule", 0.85), Candidate(k, k + 6, "ORG", "rule", 0.85)]
    out = Conventions([RECUT, *KEPT])(seg, twice)
    assert [(text[c.start : c.end], c.type) for c in resolve(out)] == [("国际协会", "ORG")]


def test_a_cut_that_changed_the_type_holds_only_where_the_editor_made_it() -> None:
    # 青石县委员会 (ORG) cut down to the place at its start: 委员会 went, the rest became a LOC
    retyping = [
        (f"p{k}", Decision(s, "ORG", "respanned", pieces=((0, 3, "LOC"),)))
        for k, s in enumerate(["青石县委员会", "红山县委员会"])
    ]
    conv = Conventions(retyping)
    assert conv.cut("白水县委员会", "ORG") == [(0, 3, "LOC")]  # at the end, as the editor cut it
    assert conv.cut("白水县委员会常务会", "ORG") is None  # in the middle: no place is left whole there
    # a cut that kept the type holds wherever the string falls (上午 out of a time)
    keeping = [
        (f"p{k}", Decision(s, "TIME", "respanned", pieces=((2, 4, "TIME"),)))
        for k, s in enumerate(["上午９时", "上午８时"])
    ]
    assert Conventions(keeping).cut("元月三日上午９时", "TIME") == [(0, 4, "TIME"), (6, 8, "TIME")]
