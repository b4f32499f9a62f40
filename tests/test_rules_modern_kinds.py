"""Kinds modern Chinese newspapers print often (issue 11): party committees with their place,
companies with their legal form, a university's numbered hospital, a bank's branch, a department
after 省/市 with a preposition glued on by the HMM, foreign leaders after their title.

Every sentence here is made up; none comes from the sample or the gold pages.
"""

from __future__ import annotations

from test_entities import found

from core.entities.jieba.tokenizer import tokens


def test_a_party_committee_with_its_place_and_department() -> None:
    got = found("中共吉林省委组织部部长李明出席会议。")
    assert got == {"中共吉林省委组织部": "ORG", "李明": "PER"}


def test_a_county_committee_whose_name_jieba_took_for_a_person() -> None:
    assert found("中共通榆县委副书记王刚讲话。").get("中共通榆县委") == "ORG"


def test_a_title_after_a_committee_is_not_part_of_it() -> None:
    got = found("中共延边州委常委、宣传部部长讲话。")
    assert got.get("中共延边州委") == "ORG" and "中共延边州委常委" not in got


def test_bare_committees_stay_as_they_were() -> None:
    assert found("县委和县政府都很重视。") == {"县委": "ORG", "县政府": "ORG"}
    assert found("他任县委书记多年。") == {}


def test_a_company_with_its_legal_form() -> None:
    assert found("一汽解放汽车有限公司总经理赵刚介绍，").get("一汽解放汽车有限公司") == "ORG"
    assert found("长光卫星技术股份有限公司成功发射卫星。") == {"长光卫星技术股份有限公司": "ORG"}
    got = found("今年投资建设北京华宇科技有限公司的新厂房。")
    assert got == {"北京华宇科技有限公司": "ORG"}


def test_a_legal_form_after_generic_words_names_no_company() -> None:
    assert found("他们成立了科技有限公司。") == {}


def test_a_universitys_numbered_hospital_is_one_organisation() -> None:
    assert found("吉林大学第一医院的医护人员驰援上海。").get("吉林大学第一医院") == "ORG"


def test_a_banks_branch_in_a_city_is_one_organisation() -> None:
    got = found("吉林银行长春分行行长刘洋说，")
    assert got == {"吉林银行长春分行": "ORG", "刘洋": "PER"}


def test_a_preposition_glued_to_sheng_by_the_hmm() -> None:
    assert [t.word for t in tokens("记者从省教育厅获悉")][:3] == ["记者", "从", "省"]
    assert found("记者从省教育厅获悉，") == {"省教育厅": "ORG"}
    assert found("据省卫健委通报，").get("省卫健委") == "ORG"


def test_a_district_character_glued_to_the_next_name() -> None:
    got = found("九台区卡伦湖街道龙嘉社区工作人员")
    assert got.get("卡伦湖街道") == "LOC" and "区卡伦湖街道" not in got


def test_a_foreign_leader_jieba_tags_as_a_place_after_his_title() -> None:
    got = found("俄罗斯总统普京在莫斯科会见了来访的客人。")
    assert got.get("普京") == "PER" and got.get("莫斯科") == "LOC"


def test_a_party_and_its_central_committee() -> None:
    assert found("民盟中央主席出席茶话会。").get("民盟中央") == "ORG"
    assert found("九三学社中央副主席讲话。").get("九三学社中央") == "ORG"
    assert found("致公党中央主席讲话。").get("致公党中央") == "ORG"
