"""LOC kinds fixed by general rules (issue 11): places inside one jieba word with a describing
word, a part or a second place; a numeral starting a longer name; a verb and its object.

Every sentence here is made up; none comes from the sample or the gold pages.
"""

from __future__ import annotations

from test_entities import found


def test_a_describing_word_glued_to_a_place() -> None:
    assert found("第一次来到首都北京的学生") == {"北京": "LOC"}
    assert found("原苏联和俄罗斯历史上") == {"苏联": "LOC", "俄罗斯": "LOC"}


def test_two_places_in_one_word_are_two_places() -> None:
    assert found("这是广西南宁的冬泳爱好者") == {"广西": "LOC", "南宁": "LOC"}


def test_a_part_of_a_place_glued_to_it() -> None:
    assert found("五星红旗在天安门城楼上升起") == {"天安门": "LOC"}
    assert found("以军从约旦河西岸撤出") == {"约旦河": "LOC"}


def test_a_numeral_may_start_a_name_but_a_count_is_no_name() -> None:
    assert found("游客们在八达岭合影。") == {"八达岭": "LOC"}
    assert found("两条河流经过这里。") == {}


def test_a_verb_and_a_mountain_is_no_place() -> None:
    assert "登山" not in found("他们参加了登山活动。")


def test_a_plain_jieba_place_after_a_preposition_or_joined_to_a_sure_place() -> None:
    assert found("知青们来到北大荒开荒。") == {"北大荒": "LOC"}
    assert found("他们在米兰住了三天。") == {"米兰": "LOC"}
    # after a bare 在 a common word jieba tags ns stays a word
    assert found("周末他在哥哥家吃饭。") == {}
    assert found("罗马和米兰的家庭") == {"罗马": "LOC", "米兰": "LOC"}
    assert found("江南和华南的部分地区有大雨。") == {"江南": "LOC", "华南": "LOC"}


def test_compass_words_and_river_basins_are_not_taken_whole_from_context() -> None:
    assert "淮河流域" not in found("在淮河流域治理污染。")
    assert "东南" not in found("在东南地区有小雨。")


def test_some_venues_of_a_city_are_not_one_venue() -> None:
    assert found("国庆期间，京城各大公园游人如织。") == {"京城": "LOC"}


def test_a_place_and_one_character_making_a_common_noun() -> None:
    assert found("他能说几句中国话。") == {}
    assert found("身穿一套中山装。") == {}
    # the character starts a word of its own: the place stays inside the name
    assert found("中国画家协会举办展览。") == {"中国画家协会": "ORG"}


def test_compass_areas_in_a_weather_report_are_directions() -> None:
    assert found("明天东北地区有大风，西北大部降温。") == {}
    assert found("亚太地区经济增长放缓。") == {}
    assert found("华北东部将有大风。") == {"华北": "LOC"}


def test_a_building_jieba_tags_as_an_organisation() -> None:
    assert found("代表们步入人民大会堂。") == {"人民大会堂": "LOC"}
    assert found("万人大会堂里坐满了观众。") == {}


def test_a_place_glued_to_a_word_for_its_people_or_a_slogan() -> None:
    assert found("香港市民踊跃参加活动。") == {"香港": "LOC"}
    assert found("他们鼓吹台湾独立的主张。") == {"台湾": "LOC"}


def test_a_river_or_a_temple_jieba_took_for_a_person() -> None:
    from core.entities.jieba.tokenizer import Token
    from core.entities.rules.gazetteer import gazetteer
    from core.entities.rules.places import gazetteer_words

    for word in ("嘉岭江", "寒松寺"):
        toks = [Token("过", "v", 0, 1), Token(word, "nr", 1, 4), Token("大桥", "n", 4, 6)]
        assert [(c.start, c.end, c.type) for c in gazetteer_words(toks, gazetteer())] == [(1, 4, "LOC")]
    assert found("李长江同志讲了话。") == {"李长江": "PER"}


def test_a_county_short_form_in_a_list_of_places() -> None:
    assert found("班列开往长春、延吉、珲春等地。") == {"长春": "LOC", "延吉": "LOC", "珲春": "LOC"}
    assert "和平" not in found("各国人民热爱和平。")


def test_a_city_short_form_after_gewei_is_a_common_noun() -> None:
    assert found("各位来宾请入座。") == {}
    assert found("他们陪同各方来宾参观。") == {}
    assert found("三百多位香港同胞来到广州。") == {"香港": "LOC", "广州": "LOC"}


def test_a_kind_of_city_is_no_place() -> None:
    from core.entities.jieba.tokenizer import Token
    from core.entities.rules.gazetteer import gazetteer
    from core.entities.rules.places import gazetteer_words

    assert gazetteer_words([Token("旅游城市", "ns", 0, 4)], gazetteer()) == []


def test_a_foreign_province_of_two_parts_joined_by_a_dash() -> None:
    got = found("代表团访问了拉达—马尼省，又到阿布—卡省参观。")
    assert got.get("拉达—马尼省") == "LOC" and got.get("阿布—卡省") == "LOC"
    assert found("开通上海—杭州的高铁。") == {"上海": "LOC", "杭州": "LOC"}
