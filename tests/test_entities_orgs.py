"""ORG and PER rules added for the pd98 accuracy targets of issue 3.

Every sentence here is made up; none comes from the sample or the gold pages.
"""

from __future__ import annotations

from test_entities import found

from core.entities.jieba.tokenizer import Token
from core.entities.rules.gazetteer import gazetteer
from core.entities.rules.names import rare_dict_name
from core.entities.rules.orgs import person_government, tagged_orgs


def test_jieba_nt_phrases_without_an_organisation_ending_are_not_orgs() -> None:
    got = found("谈判取得重大进展，双方发表联合公报。")
    assert "重大进展" not in got and "联合公报" not in got


def test_a_presidents_government_is_the_person() -> None:
    # jieba tags a few such words nt as one token; the rule sees the token
    got = tagged_orgs([Token("卡斯特罗政府", "nt", 0, 6)], gazetteer())
    assert [(c.start, c.end, c.type) for c in got] == [(0, 4, "PER")]
    assert not person_government("上海市政府", gazetteer())


def test_chain_stops_at_the_word_after_the_organisation() -> None:
    assert found("中国驻法国大使馆开馆仪式昨天举行。").get("中国驻法国大使馆") == "ORG"
    assert not any(t == "ORG" for t in found("两地演艺界人士同台演出。").values())


def test_short_unit_word_right_after_a_place_and_branch_after_a_place() -> None:
    assert found("浙江画院举办画展。").get("浙江画院") == "ORG"
    assert found("新华社广东分社记者报道。").get("新华社广东分社") == "ORG"


def test_long_name_with_links_closed_by_committee() -> None:
    assert found("日本和平与发展委员会发表声明。").get("日本和平与发展委员会") == "ORG"


def test_session_ordinal_and_party_prefix_belong_to_the_org() -> None:
    assert found("第十届全国人民代表大会开幕。").get("第十届全国人民代表大会") == "ORG"
    assert found("中共浙江省委召开会议。").get("中共浙江省委") == "ORG"


def test_named_committee_before_a_title_is_an_org_bare_one_is_not() -> None:
    assert found("湖北省委书记出席。").get("湖北省委") == "ORG"
    assert "省委" not in found("省委书记出席。")


def test_ministries_and_offices_from_the_general_list() -> None:
    assert found("水利部部长说，汛期将至。").get("水利部") == "ORG"
    assert found("国务院港澳办负责人表示欢迎。").get("国务院港澳办") == "ORG"


def test_title_fused_into_an_nt_word_is_cut_off() -> None:
    got = found("中央政治局常委出席会议。")
    assert got.get("中央政治局") == "ORG" and "中央政治局常委" not in got


def test_area_of_a_region_is_not_an_org() -> None:
    assert "华南大部" not in found("华南大部地区有雨。")


def test_rare_dictionary_names_and_names_jieba_knows() -> None:
    assert found("郭树忠的画展开幕。").get("郭树忠") == "PER"
    assert found("李为民的画展开幕。").get("李为民") == "PER"
    assert not rare_dict_name("胡萝卜", gazetteer())


def test_rare_dictionary_word_after_a_title_is_a_name() -> None:
    assert found("秘书长丁庆出席了会议。").get("丁庆") == "PER"
