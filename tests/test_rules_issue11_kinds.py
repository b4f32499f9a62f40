"""Kinds of entity errors fixed by general rules (issue 11, second round): autonomous
prefectures known by their short name, lists of counties, two-digit years, commemorative dates,
Japanese and Thai names after a title, things jieba's dictionary tags nr.

Every sentence here is made up; none comes from the sample or the gold pages.
"""

from __future__ import annotations

from test_entities import found

from core.entities.rules.gazetteer import autonomous_place, gazetteer


def test_an_autonomous_division_is_known_by_the_place_it_is_named_after() -> None:
    assert autonomous_place("延边朝鲜族自治州") == "延边"
    assert autonomous_place("恩施土家族苗族自治州") == "恩施"  # two groups
    assert autonomous_place("伊犁哈萨克自治州") == "伊犁"  # a group written without 族
    assert autonomous_place("吉林市") is None
    gaz = gazetteer()
    assert gaz.is_place("楚雄") and gaz.is_place("延边")
    assert not gaz.is_place("楚雄彝族")


def test_a_prefecture_short_name_jieba_reads_as_a_noun_is_a_place() -> None:
    assert found("我们游览了大理的古城。").get("大理") == "LOC"
    assert found("大理石的地面很光滑。") == {}


def test_a_stone_tea_or_liquor_named_after_a_place_is_no_place() -> None:
    assert found("茅台酒和普洱茶都是名产。") == {}
    assert found("福建茶叶销往各地。") == {"福建": "LOC"}  # 茶叶 is a word of its own
