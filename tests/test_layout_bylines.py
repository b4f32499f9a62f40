"""Side-by-side headlines printed together, then a byline, then both stories one after the other
(written page): the byline stands under the headline whose story the extractor printed next, so
it goes with that story, not with the last headline it follows."""

from __future__ import annotations

from core.layout.articles import byline_to_first_story
from core.layout.features import line_features
from core.layout.segment import segment
from core.layout.units import HEAD, Unit
from core.lines import split_lines

PAGE = """新城公园今日开园

老城供暖管网完成改造两万多户居民今冬受益

本报记者王小明

新城公园今日开园，市
民可免费入园游览。公园占地
六十公顷，建有湖泊、花园和
儿童游乐场。

开园首日，不少市民一
早就来到公园散步锻炼，湖边
的步道上人来人往。

本报讯 老城供暖管网完
成改造，全区两万多户居民今
冬将告别暖气不热的烦恼，室
温可达十八摄氏度以上。

改造工程历时五个月，
更换管道四十多公里。
"""


def test_the_byline_goes_with_the_story_printed_right_after_the_headlines() -> None:
    lines = split_lines(PAGE)
    articles, _ = segment(PAGE, lines)
    byline = next(ln.number for ln in lines if ln.text.startswith("本报记者"))
    holder = next(a for a in articles if byline in a.lines)
    assert holder.lines[0] == 1  # the first headline's story (its body follows the group)
    other = next(a for a in articles if 3 in a.lines)
    assert byline not in other.lines


def unit(text: str) -> Unit:
    return Unit(line_features(split_lines(text + "\n")), 10.0, HEAD)


def test_byline_moves_only_from_the_end_of_the_last_group_to_another() -> None:
    a, b, by = unit("新城公园今日开园"), unit("供暖管网完成改造"), unit("本报记者王小明")
    groups = [[a], [b, by]]
    byline_to_first_story(groups, 0)
    assert groups == [[a, by], [b]]
    groups = [[a], [b, by]]
    byline_to_first_story(groups, 1)  # the last headline's story comes first: it keeps it
    assert groups == [[a], [b, by]]
    groups = [[a], [by]]
    byline_to_first_story(groups, 0)  # a group that is only a byline is left as it is
    assert groups == [[a], [by]]


def test_a_headline_label_is_a_byline_a_column_name_or_a_jump_marker() -> None:
    from core.layout.features import headline_label

    labels = line_features(split_lines("本报记者王小明\n【经济观察】\n（下转第三版）\n新城公园今日开园"))
    assert [headline_label(ln) for ln in labels] == [True, True, True, False]
    assert [(ln.byline, ln.column, ln.jump_only) for ln in labels[:3]] == [
        (True, False, False),
        (False, True, False),
        (False, False, True),
    ]
