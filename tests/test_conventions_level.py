"""Organisations named by their level alone (市政府, 省委, 特区政府) are one class of the editor's
conventions: rejecting some of them teaches the others, confirming them keeps them all."""

from __future__ import annotations

from core.entities.candidates import Candidate, resolve
from core.entities.conventions import Conventions, Decision, named_by_level
from core.entities.pipeline import Segment


def test_a_body_named_by_its_level_alone() -> None:
    for text in ("市政府", "省委", "县公安局", "市交管局", "市政府办公厅", "特区政府", "自治区政府", "旗委", "村委会"):
        assert named_by_level(text), text


def test_a_body_with_a_place_or_a_word_before_its_level_is_named() -> None:
    # 镇江 is a place, 市场 and 州立 are words, 国务院 has no level; a bare level is no body
    for text in ("镇江市委", "市场监管总局", "州立大学", "国务院", "市", "特区", "自治区", "自治州", "村民委员会"):
        assert not named_by_level(text), text


def _log(verdict: str, *texts: str) -> list[tuple[str, Decision]]:
    return [(f"p{k}", Decision(t, "ORG", verdict)) for k, t in enumerate(texts)]


# named organisations the editor keeps: the type's own acceptance rate stays high
NAMED = _log("confirmed", "青石县人民政府", "红山市公安局", "国务院", "外交部", "白水县委", "长河市政协")


def test_rejecting_bodies_named_by_level_suppresses_a_level_never_seen() -> None:
    conv = Conventions([*NAMED, *_log("rejected", "市政府", "省委", "县公安局")])
    assert conv.suppressed("特区政府", "ORG")  # another level, another head: the level class
    assert conv.suppressed("区政协", "ORG")
    assert not conv.suppressed("青石县政府", "ORG")  # a named body
    assert not conv.suppressed("国务院", "ORG")


def test_confirming_them_keeps_them() -> None:
    conv = Conventions([*NAMED, *_log("confirmed", "市政府", "省委", "县公安局")])
    assert not conv.suppressed("特区政府", "ORG")
    # two rejections are not a convention yet
    conv = Conventions([*NAMED, *_log("rejected", "市政府", "省委")])
    assert not conv.suppressed("特区政府", "ORG")


def test_the_pipeline_drops_the_suppressed_class_and_keeps_named_bodies() -> None:
    text = "特区政府和青石县政府昨天发表声明。"
    seg = Segment.of(text)
    cands = [
        Candidate(0, 4, "ORG", "jieba", 0.7),
        Candidate(text.index("青石县政府"), text.index("青石县政府") + 5, "ORG", "rule", 0.85),
    ]
    conv = Conventions([*NAMED, *_log("rejected", "市政府", "省委", "县公安局")])
    kept = [text[c.start : c.end] for c in resolve(conv(seg, cands))]
    assert kept == ["青石县政府"]
