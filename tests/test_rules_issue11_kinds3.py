"""Kinds of entity errors fixed by general rules (issue 11, third round).

Every sentence here is made up; none comes from the sample or the gold pages.
"""

from __future__ import annotations

from test_entities import found


def test_a_short_form_of_a_junior_college_jieba_tags_nt_is_an_organisation() -> None:
    # X工专, X师专, X艺专: the short form of a 专科学校 jieba's dictionary tags nt
    assert found("他考上了东南工专。").get("东南工专") == "ORG"
    assert found("读完中专以后他去打工。") == {}  # the generic school level is no name


def test_a_troupe_after_its_service_or_its_own_name_is_one_organisation() -> None:
    assert found("海军仪仗队今天表演。") == {"海军仪仗队": "ORG"}
    assert found("空军八一飞行表演队向观众致意。").get("空军八一飞行表演队") == "ORG"
    assert found("八一飞行表演队成立多年。").get("八一飞行表演队") == "ORG"


def test_a_troupe_with_no_owner_or_name_is_a_kind() -> None:
    assert found("一支飞行表演队来了。") == {}
    assert found("他们组织了宣传队。") == {}
    assert found("图为下乡演出队在演出。") == {}  # 图为 is a caption's opening, no name


def test_a_second_member_under_the_same_head_is_an_organisation() -> None:
    # 岭头 is made up: jieba cuts it from 大学; the first member's head says what it is
    assert found("他们来自香港科技大学和岭头大学。").get("岭头大学") == "ORG"
    assert found("他毕业于北京大学和重点大学。") == {"北京大学": "ORG"}  # 重点 says what kind
    assert found("清华大学与其他大学合作。") == {"清华大学": "ORG"}


def test_a_place_and_what_its_channel_broadcasts_before_tai_is_one_organisation() -> None:
    assert found("广州音乐台播出了新歌。") == {"广州音乐台": "ORG"}
    assert found("北京交通台报道了路况。") == {"北京交通台": "ORG"}
    assert found("澳门粤语台每天播出。").get("澳门粤语台") == "ORG"
    assert found("他走上北京舞台。") == {"北京": "LOC"}  # 舞台 is a stage


def test_members_of_a_list_closed_by_deng_and_a_count_of_areas_are_places() -> None:
    # 石榴围 is made up: no dictionary knows it, the count of areas says what it is
    assert found("活动在九龙、石榴围等５个地区举行。").get("石榴围") == "LOC"
    assert found("他们在北京、上海等三个城市演出。") == {"北京": "LOC", "上海": "LOC"}
    assert found("我们请了张三、李四等五个人。").get("李四") != "LOC"


def test_a_memorial_jieba_keeps_as_one_common_noun_is_a_place() -> None:
    assert found("学生们参观了雷锋纪念馆。") == {"雷锋纪念馆": "LOC"}
    assert found("村里要建一座纪念馆。") == {}  # a memorial hall, no name


def test_a_memorial_named_after_an_event_is_one_place() -> None:
    from core.entities.jieba.tokenizer import Token
    from core.entities.rules.memorials import memorial_words

    toks = [Token("参观", "v", 0, 2), Token("抗日战争纪念馆", "n", 2, 9)]
    assert [(c.start, c.end, c.type) for c in memorial_words(toks)] == [(2, 9, "LOC")]


def test_a_quoted_name_closed_by_a_unit_head_is_one_organisation() -> None:
    assert found("他们成立了“绿野果蔬合作社”。") == {"绿野果蔬合作社": "ORG"}
    assert found("这是一家“皮包公司”。") == {}  # a kind of company
    assert found("所谓“先富起来的公司”并不多。") == {}  # a phrase


def test_a_place_before_a_farm_word_is_one_place() -> None:
    assert found("松花江农场的职工增收了。").get("松花江农场") == "LOC"
    assert found("他在一家农场工作。") == {}


def test_a_kingdom_named_after_a_people_is_one_place() -> None:
    assert found("这里保留着马塔贝莱王国的风俗。") == {"马塔贝莱王国": "LOC"}
    assert found("当年的巴干达王国很强大。") == {"巴干达王国": "LOC"}
    assert found("这里是冰雪王国。") == {}  # a figure of speech


def test_a_frequent_word_of_transliteration_characters_after_cong_is_no_place() -> None:
    assert found("从美丽的草原，到宽阔的大海。").get("美丽") is None


def test_a_known_place_before_a_literary_side_word_is_a_place() -> None:
    assert found("我们来到黄河之滨。") == {"黄河": "LOC"}  # jieba: 黄/a 河之滨/nr
    assert found("他去了南海之滨。") == {"南海": "LOC"}
    assert found("登上泰山之巅。") == {"泰山": "LOC"}
