"""The rules' fast paths (issue 11 speed) skip only what could not fire: the cases at their edges.

Every sentence and token run here is made up; none comes from the sample or the gold pages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from written_tokens import toks as _toks

from core.entities.candidates import Candidate
from core.entities.jieba.tokenizer import Token
from core.entities.pipeline import Segment
from core.entities.rules.committees import central_committees
from core.entities.rules.fixes import addressed_names, nicknames, numbered_units
from core.entities.rules.foreign import dotted_names, joined_fragments
from core.entities.rules.gazetteer import gazetteer
from core.entities.rules.lists import listed_names
from core.entities.rules.orgs import org_chains
from core.entities.rules.persons import japanese_names
from core.entities.rules.places import gazetteer_words, place_compounds


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


def test_gazetteer_words_still_reads_long_nouns_and_names_after_the_short_word_skip() -> None:
    gaz = gazetteer()
    got = gazetteer_words(_toks(("沿着", "p"), ("嘉陵江", "nr"), ("走", "v")), gaz)
    assert [(c.start, c.end, c.type) for c in got] == [(2, 5, "LOC")]
    assert gazetteer_words(_toks(("沿着", "p"), ("江边", "nr"), ("走", "v")), gaz) == []


def test_org_chains_still_finds_a_fused_office_and_a_strong_suffix_after_proper_words() -> None:
    gaz = gazetteer()
    got = org_chains(_toks(("省农业厅", "nt"), ("发布", "v")), gaz)
    assert (0, 4, "ORG") in [(c.start, c.end, c.type) for c in got]
    got = org_chains(_toks(("华为", "nz"), ("公司", "n"), ("发布", "v")), gaz)
    assert (0, 4, "ORG") in [(c.start, c.end, c.type) for c in got]
    assert org_chains(_toks(("我们", "r"), ("发布", "v")), gaz) == []


def test_japanese_names_still_joins_a_name_jieba_cut_in_two_after_a_title() -> None:
    gaz = gazetteer()
    toks = _toks(("首相", "n"), ("田中", "nr"), ("一郎", "new"), ("说", "v"), ("田中", "nr"))
    got = [(c.start, c.end) for c in japanese_names("首相田中一郎说田中", toks, gaz)]
    assert got == [(2, 6), (7, 9)]
    toks = _toks(("首相", "n"), ("田中", "nr"), ("一个", "m"))
    assert japanese_names("首相田中一个", toks, gaz) == []
    toks = _toks(("首相", "n"), ("田中", "nr"))  # the last word: nothing after it to join
    assert japanese_names("首相田中", toks, gaz) == []


def test_listed_names_needs_a_list_mark_and_still_reads_a_list_that_has_one() -> None:
    gaz = gazetteer()
    loc = [Candidate(2, 4, "LOC", "rule", 0.85)]
    toks = _toks(("开往", "v"), ("长春", "ns"), ("和", "c"), ("延吉", "ns"), ("。", "x"))
    assert listed_names("开往长春和延吉。", toks, loc, gaz) == []
    toks = _toks(("开往", "v"), ("长春", "ns"), ("、", "x"), ("延吉", "ns"), ("。", "x"))
    assert (5, 7, "LOC") in [(c.start, c.end, c.type) for c in listed_names("开往长春、延吉。", toks, loc, gaz)]


def _segment_finds(rule: Callable[[Segment], Iterable[Candidate]], text: str) -> list[tuple[int, int, str]]:
    return [(c.start, c.end, c.type) for c in rule(Segment.of(text))]


def test_the_segment_rules_that_return_early_still_find_what_their_mark_opens() -> None:
    assert _segment_finds(central_committees, "民盟中央发表声明。") == [(0, 4, "ORG")]
    assert _segment_finds(central_committees, "民盟发表声明。") == []
    assert _segment_finds(nicknames, "小王说他明天来。") == [(0, 2, "PER")]
    assert _segment_finds(nicknames, "我和老李去了。") == [(2, 4, "PER")]
    assert _segment_finds(nicknames, "王说他明天来。") == []
    assert _segment_finds(numbered_units, "他在北京市第五十五中学读书。") == [(2, 11, "ORG")]
    assert _segment_finds(numbered_units, "他在北京市中学读书。") == []


def test_a_dotted_name_needs_its_dot_and_a_framed_name_its_frame() -> None:
    def dotted(text: str) -> list[tuple[int, int, str]]:
        seg = Segment.of(text)
        return [(c.start, c.end, c.type) for c in dotted_names(seg.text, seg.tokens, seg.gaz)]

    assert dotted("穆罕默德·阿里访问了这里。") == [(0, 7, "PER")]
    assert dotted("穆罕默德阿里访问了这里。") == []
    assert _segment_finds(addressed_names, "学者何方同志说。") == [(2, 4, "PER")]
    assert _segment_finds(addressed_names, "何方说。") == []


def test_joined_fragments_still_joins_transliterated_pieces_with_a_name_tag() -> None:
    gaz = gazetteer()
    got = joined_fragments(_toks(("会见", "v"), ("斯迈", "nr"), ("洛夫", "nrt"), ("说", "v")), gaz)
    assert [(c.start, c.end, c.type) for c in got] == [(2, 6, "PER")]
    assert joined_fragments(_toks(("会见", "v"), ("斯迈", "n"), ("洛夫", "n")), gaz) == []
