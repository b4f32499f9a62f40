"""General rules: lists of names and places, caption marks, areas, generic stems, legal forms.

Every sentence here is made up; none comes from the sample or the gold pages.
"""

from __future__ import annotations

from dataclasses import replace

from test_entities import found

from core.entities.jieba.tokenizer import Token
from core.entities.rules.gazetteer import gazetteer
from core.entities.rules.places import gazetteer_words


def test_long_transliterated_name_may_end_in_ke() -> None:
    got = found("波兰总理普罗文科２日表示，两国合作良好。")
    assert got.get("普罗文科") == "PER"


def test_short_foreign_name_after_title_before_function_char() -> None:
    assert found("智利外长恩萨在会上发言。").get("恩萨") == "PER"


def test_name_list_closed_by_deng_and_opened_after_title() -> None:
    got = found("出席的还有：周德明、孙立、梁安江等。记者王海涛、刘勇报道：")
    assert got.get("梁安江") == "PER" and got.get("孙立") == "PER"
    assert got.get("刘勇") == "PER" and "刘勇报道" not in got


def test_run_of_credit_names_with_dictionary_name() -> None:
    got = found("工程顺利完工。（王建国郭立）")
    assert got.get("王建国") == "PER" and got.get("郭立") == "PER"


def test_name_before_caption_position_mark() -> None:
    got = found("图为退休教师宋雁（右）在辅导学生。")
    assert got.get("宋雁") == "PER"


def test_list_of_places_without_suffixes() -> None:
    got = found("五寨、代县、岢岚县等地今年增产。")
    assert got.get("五寨") == "LOC" and got.get("代县") == "LOC"


def test_prefecture_area_is_one_place_but_compass_area_is_not() -> None:
    got = found("喀什地区今年丰收，东北地区降雪。")
    assert got.get("喀什地区") == "LOC"
    assert "东北地区" not in got


def test_place_before_generic_authority_word() -> None:
    tok = Token("东岛当局", "nz", 0, 4)
    got = gazetteer_words([tok], replace(gazetteer(), places=frozenset({"东岛"})))
    assert [(c.start, c.end, c.type) for c in got] == [(0, 2, "LOC")]


def test_generic_stems_are_not_places() -> None:
    got = found("各县市推广家庭农场，十大景区和先进村都有新貌，成都市区很热闹。")
    assert "家庭农场" not in got and "十大景区" not in got and "先进村" not in got
    assert "各县市" not in got and "成都市区" not in got


def test_descriptive_feature_words_are_not_places() -> None:
    got = found("百米长街灯火通明，古城迎来新年，高原上下雪。")
    assert "长街" not in got and "古城" not in got and "高原" not in got


def test_company_name_keeps_its_legal_form() -> None:
    got = found("位于山东的中国重汽集团有限责任公司扩大生产。")
    assert got.get("中国重汽集团有限责任公司") == "ORG"


def test_verb_object_word_does_not_end_an_organisation() -> None:
    got = found("新使馆在雅加达开馆。")
    assert "雅加达开馆" not in got and got.get("雅加达") == "LOC"


def test_phrase_ending_in_generic_noun_is_not_an_organisation() -> None:
    assert "公共场所" not in found("志愿者在商场等公共场所讲解。")


def test_party_name_tagged_as_place_by_jieba_is_an_organisation() -> None:
    got = gazetteer_words([Token("北方人民联盟", "ns", 0, 6)], gazetteer())
    assert [(c.start, c.end, c.type) for c in got] == [(0, 6, "ORG")]
