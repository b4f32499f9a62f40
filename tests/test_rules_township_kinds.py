"""Counties, townships and villages (issue 11): kinds any newspaper prints, with sentences made up
for these tests (none comes from the sample or the gold pages)."""

from __future__ import annotations

from test_entities import found
from written_tokens import toks as _toks

from core.entities.rules.gazetteer import gazetteer
from core.entities.rules.places import gazetteer_words, place_compounds


def test_a_two_character_county_is_a_place() -> None:
    assert found("山东省沛县的农民种植大蒜。") == {"山东省": "LOC", "沛县": "LOC"}
    assert found("安徽歙县出产徽墨。") == {"安徽": "LOC", "歙县": "LOC"}


def test_a_county_character_inside_other_words_is_no_county() -> None:
    assert found("县委和县政府都很重视，他任县长多年。") == {"县委": "ORG", "县政府": "ORG"}
    assert found("这个县的农民增收了。") == {}


def test_a_rare_name_before_a_township_or_village_word() -> None:
    assert found("湖北省竹山县柳林乡白杨村的村民喜迁新居。") == {
        "湖北省": "LOC",
        "竹山县": "LOC",
        "柳林乡": "LOC",
        "白杨村": "LOC",
    }
    assert found("该县青石镇的养殖户增加了。") == {"青石镇": "LOC"}


def test_a_description_before_a_village_word_is_no_name() -> None:
    assert found("那个后进村如今变了样。") == {}
    assert found("全乡各村抽调干部，本镇的企业很多。") == {}
    assert found("他们把这里建成了示范村。") == {}


def test_a_township_word_glued_to_the_village_after_it() -> None:
    # the HMM reads 镇柳河 as one word: the township ends at 镇, the village starts after it
    got = found("浙江省洋河镇柳河村的乐队演出。")
    assert got.get("柳河村") == "LOC"
    assert "镇柳河村" not in got


def test_a_township_closing_its_name_opens_no_organisation() -> None:
    got = found("该县石桥乡砖瓦厂扩大了生产。")
    assert "乡砖瓦厂" not in got


def test_a_unit_cut_off_as_its_own_word_closes_the_name() -> None:
    assert found("这批家具由江苏省沛县木器厂制作。") == {"江苏省沛县木器厂": "ORG"}
    assert found("这批筐由沛县编织厂制作。") == {"沛县编织厂": "ORG"}


def test_a_place_and_a_body_generic_alone_make_one_organisation() -> None:
    assert found("该县青石镇党委研究了这个问题。").get("青石镇党委") == "ORG"
    assert found("柳河村党支部带领群众修路。") == {"柳河村党支部": "ORG"}
    assert found("党支部带领群众修路。") == {}


def test_a_city_and_its_urban_area() -> None:
    assert found("成都市区的主干道车辆畅通。") == {"成都": "LOC"}


def test_a_rare_verb_like_word_before_a_township_word_after_its_county() -> None:
    gaz = gazetteer()
    got = place_compounds(_toks(("该县", "r"), ("宣平", "v"), ("镇", "n"), ("的", "uj")), gaz)
    assert [(c.start, c.end, c.type) for c in got] == [(2, 5, "LOC")]
    # a common verb is no name, and without a county before it the word stays a verb
    assert place_compounds(_toks(("该县", "r"), ("发展", "v"), ("镇", "n")), gaz) == []
    assert place_compounds(_toks(("他们", "r"), ("宣平", "v"), ("镇", "n")), gaz) == []


def test_a_township_jieba_took_for_a_name() -> None:
    gaz = gazetteer()
    got = gazetteer_words(_toks(("与", "p"), ("西岭镇", "nr"), ("结对", "v")), gaz)
    assert [(c.start, c.end, c.type) for c in got] == [(1, 4, "LOC")]
    assert gazetteer_words(_toks(("出名", "a"), ("富裕村", "nr")), gaz) == []


def test_a_stem_opening_with_lao_or_xiao_is_a_description() -> None:
    gaz = gazetteer()
    assert place_compounds(_toks(("有名", "a"), ("的", "uj"), ("老落后", "nr"), ("村", "zg")), gaz) == []
    assert place_compounds(_toks(("一个", "m"), ("小富裕", "nr"), ("村", "zg")), gaz) == []


def test_a_division_jieba_cuts_before_its_suffix() -> None:
    # 九台/m 区: jieba reads the name as a numeral, the division list knows 九台区
    assert found("市领导到九台区调研。") == {"九台区": "LOC"}
