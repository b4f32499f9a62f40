"""Authors' names in a headline group: several three-character names run together on one line."""

from __future__ import annotations

from core.layout.features import credits_only, line_features, names_run, one_name
from core.lines import split_lines


def test_names_run_together_are_told_by_a_surname_every_third_character() -> None:
    assert names_run("赵明华钱立新孙国平")
    assert names_run("张建国李红梅")
    assert not names_run("张建国")  # one name: ``one_name`` says it
    assert not names_run("南非华人华侨庆祝")  # not a multiple of three characters
    assert not names_run("新建三座公园")  # ``新`` and ``座`` are no surnames
    assert not names_run("赵明华、钱立新")  # a separator: not run together


def test_one_name_is_two_to_four_chinese_characters() -> None:
    assert one_name("李华") and one_name("欧阳文华")
    assert not one_name("李") and not one_name("欧阳文华明") and not one_name("A组")


def test_credits_are_names_with_one_line_of_several_or_names_alone_at_the_end() -> None:
    lines = line_features(split_lines("赵明华钱立新\n\n孙国平\n"))
    assert credits_only(lines, last=False)
    single = line_features(split_lines("孙国平\n"))
    assert not credits_only(single, last=False)
    assert credits_only(single, last=True)
    title = line_features(split_lines("赵明华钱立新\n\n新建三座公园\n"))
    assert not credits_only(title, last=True)


def test_names_run_together_under_a_headline_are_its_byline() -> None:
    from core.layout.articles import head_roles
    from core.layout.units import HEAD, Unit

    lines = line_features(split_lines("新建三座公园\n\n赵明华钱立新\n"))
    roles = head_roles([Unit([ln], 6.0, HEAD) for ln in lines], page_gap=2)
    assert roles == {1: "title", 3: "byline"}
