"""The rules' fast paths (issue 11 speed) skip only what could not fire: the cases at their edges.

Every sentence and token run here is made up; none comes from the sample or the gold pages.
"""

from __future__ import annotations

from written_tokens import toks as _toks

from core.entities.jieba.tokenizer import Token
from core.entities.rules.gazetteer import gazetteer
from core.entities.rules.places import place_compounds


def _spans(toks: list[Token]) -> list[tuple[int, int]]:
    return [(c.start, c.end) for c in place_compounds(toks, gazetteer())]


def test_a_zone_two_words_on_still_closes_a_place_when_no_suffix_follows_it() -> None:
    assert _spans(_toks(("长白山", "ns"), ("保护", "v"), ("开发区", "n"))) == [(0, 8)]
    assert _spans(_toks(("长白山", "ns"), ("保护", "v"), ("开发区", "n"), ("建设", "v"))) == [(0, 8)]


def test_a_zone_after_a_word_that_is_no_place_is_no_place() -> None:
    assert _spans(_toks(("我们", "r"), ("保护", "v"), ("开发区", "n"))) == []


def test_a_place_and_a_suffix_word_right_after_it_are_one_place() -> None:
    assert _spans(_toks(("延边", "ns"), ("州", "n"), ("的", "uj"))) == [(0, 3)]


def test_a_place_with_nothing_of_a_suffix_after_it_gives_nothing() -> None:
    assert _spans(_toks(("北京", "ns"), ("的", "uj"), ("学生", "n"))) == []
