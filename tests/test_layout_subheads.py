"""Subheadings inside a story's text (units._mark_subheads), on lines written for the test."""

from __future__ import annotations

from core.layout.features import cut_after_clause, line_features
from core.layout.units import SUBHEAD, make_units
from core.lines import split_lines

ABOVE = ("全省各地抓住有利时机，组织", "农民开展春耕备耕，各地农资", "供应充足，春耕生产有序进行。")
BELOW = ("各地农机具检修工作已经基本", "完成，技术人员深入田间地头", "指导农民科学种田，效果很好。")


def kinds(*texts: str) -> list[str]:
    return [u.kind for u in make_units(line_features(split_lines("\n".join(texts) + "\n")))]


def test_a_short_line_between_paragraphs_is_a_subheading() -> None:
    assert kinds(*ABOVE, "", "农机检修", "", *BELOW)[1] == SUBHEAD


def test_a_subheading_may_hold_a_comma() -> None:
    assert kinds(*ABOVE, "", "稳住面积，提高单产", "", *BELOW)[1] == SUBHEAD


def test_a_subheading_over_an_enumerated_paragraph_stays() -> None:
    below = ("一、各地农机具检修工作已经", *BELOW[1:])
    assert kinds(*ABOVE, "", "农机检修", "", *below)[1] == SUBHEAD


def test_a_line_whose_sentence_the_next_finishes_is_no_subheading() -> None:
    below = ("绍，各地农机具检修工作已经", *BELOW[1:])
    assert kinds(*ABOVE, "", "据有关部门介", "", *below)[1] != SUBHEAD


def test_cut_after_clause_needs_a_comma_inside_and_no_end_mark() -> None:
    lines = line_features(split_lines("目前，农机具检修\n农机检修\n目前，农机具检修完毕。\n"))
    assert [cut_after_clause(ln) for ln in lines] == [True, False, False]
