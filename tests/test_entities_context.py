"""Context rules added for issue 3: names from their surroundings, place stems, org splits.

Every sentence here is made up; none comes from the sample or the gold pages.
"""

from __future__ import annotations

from test_entities import found


def test_short_foreign_name_after_title_and_before_speech_verb() -> None:
    got = found("挪威外交大臣代表团抵达。巴尔多夫强调，两国关系良好。")
    assert got.get("巴尔多夫") == "PER"


def test_photo_and_story_credits() -> None:
    got = found("市民在广场上锻炼。（新华社记者黄立新摄）另据报道，（周明远 陈小兵）")
    assert got.get("黄立新") == "PER"
    assert "黄立新摄" not in got
    assert got.get("周明远") == "PER" and got.get("陈小兵") == "PER"


def test_credit_without_names_is_ignored() -> None:
    got = found("会议取得成功。（附图片）（下转第二版）")
    assert not any(t == "PER" for t in got.values())


def test_anonymised_name_with_rare_surname_character() -> None:
    assert found("社区帮助居民腾某办理手续。").get("腾某") == "PER"
    assert "在某" not in found("他在某地工作。")


def test_ordinary_word_after_role_is_not_a_name() -> None:
    got = found("部门干部包小区，总书记和人民心连心。")
    assert "包小区" not in got and "和人民" not in got


def test_given_name_ending_in_jun_is_a_name() -> None:
    assert found("出席会议的有王志军、李红梅等。").get("王志军") == "PER"


def test_dotted_name_stops_before_a_word() -> None:
    got = found("总统阿卜杜拉·哈桑日前发表讲话。")
    assert got.get("阿卜杜拉·哈桑") == "PER"


def test_generic_neighbourhood_words_are_not_places() -> None:
    got = found("要推进“无疫小区”建设，干部下沉包保社区，城市按下暂停键。")
    assert not any(t == "LOC" for t in got.values())


def test_named_neighbourhood_and_village() -> None:
    got = found("他来到昌平区东湖街道锦绣园社区。")
    assert got.get("锦绣园社区") == "LOC"
    assert got.get("东湖街道") == "LOC"


def test_place_glued_to_ordinary_word() -> None:
    assert found("我们思念台湾同胞。").get("台湾") == "LOC"


def test_two_known_organisations_side_by_side() -> None:
    got = found("按照省委省政府部署，省直机关工委作出安排。")
    assert got.get("省委") == "ORG" and got.get("省政府") == "ORG"
    assert got.get("省直机关工委") == "ORG"


def test_ad_hoc_body_after_place_is_not_an_organisation() -> None:
    got = found("长宁区疫情防控指挥部召开会议。")
    assert "长宁区疫情防控指挥部" not in got
