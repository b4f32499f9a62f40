"""Kinds of ORG errors fixed by general rules (issue 11): venues, delegations and seats,
meetings, kinds of unit, titles of works, chains that run over other words.

Every sentence here is made up; none comes from the sample or the gold pages.
"""

from __future__ import annotations

from test_entities import found

from core.entities.rules.orgkinds import generic_org, only_modifiers
from core.entities.rules.units import rare_word


def test_a_whole_name_after_other_words_does_not_end_a_place_chain() -> None:
    got = found("日本建议联合国加快改革进程。")
    assert got == {"日本": "LOC", "联合国": "ORG"}
    assert found("美国反对世界银行提高利率。") == {"美国": "LOC", "世界银行": "ORG"}


def test_a_place_before_an_international_body_stays_a_place() -> None:
    assert found("他在日内瓦世界卫生组织总部发表讲话。") == {"日内瓦": "LOC", "世界卫生组织": "ORG"}


def test_buildings_and_grounds_are_places_with_their_city() -> None:
    assert found("画展在浙江美术馆开幕。") == {"浙江美术馆": "LOC"}
    assert found("宴会在南京金陵饭店举行。") == {"南京金陵饭店": "LOC"}
    assert found("游客在杭州西湖公园散步。") == {"杭州西湖公园": "LOC"}


def test_some_venues_or_a_figure_of_speech_are_no_venue() -> None:
    assert "全市各大公园" not in found("全市各大公园游人如织。")
    assert all(not w.endswith("大厦") for w in found("条约使非洲大厦更加稳固。"))


def test_a_delegation_is_its_sender() -> None:
    assert found("日本外务省代表团今天抵达。") == {"日本外务省": "ORG"}
    assert found("越南代表团今天抵达。") == {"越南": "LOC"}


def test_a_numbered_congress_is_a_meeting() -> None:
    got = found("共青团第十四次全国代表大会闭幕。")
    assert got == {"共青团": "ORG"}


def test_kinds_of_unit_are_not_names() -> None:
    assert found("这家外资银行和两家服装加工厂都已开业。") == {}
    assert generic_org("商业银行") and generic_org("敬老院") and generic_org("食品加工厂")
    assert not generic_org("华夏银行") and not generic_org("中国银行")
    assert only_modifiers("商业信息", frozenset({"商业", "信息"}))
    assert not only_modifiers("", frozenset({"商业"}))


def test_a_newspaper_between_title_marks_is_a_work() -> None:
    assert "光明日报" not in found("《光明日报》发表评论员文章。")


def test_a_place_before_a_fused_committee_title_names_the_committee() -> None:
    assert found("山东省委书记会见了客人。") == {"山东省委": "ORG"}
    # the bare title word stays a title (the guide: 省委书记 is left alone)
    assert found("省委书记会见了客人。") == {}


def test_an_organisation_as_the_place_of_a_dispatch() -> None:
    got = found("新华社国际原子能机构６月２日电（记者王力）")
    assert got.get("国际原子能机构") == "ORG"


def test_a_system_named_after_a_body_is_not_the_body() -> None:
    assert "中国人民政治协商会议" not in found("坚持和完善中国人民政治协商会议制度。")
    assert found("中国人民政治协商会议今天开幕。").get("中国人民政治协商会议") == "ORG"


def test_a_national_prefix_fused_with_a_word_opens_a_committee() -> None:
    assert found("由国家鉴定委员会评审。") == {"国家鉴定委员会": "ORG"}


def test_a_place_fused_with_an_organisation_word() -> None:
    assert found("北京交响乐团今晚演出。") == {"北京交响乐团": "ORG"}


def test_a_newspapers_circulation_or_a_years_volume_is_the_publication() -> None:
    assert found("今年北京晚报的发行量比去年增加。") == {}
    assert "光明日报" not in found("２００１年度的光明日报已开始征订。")
    assert found("光明日报发表评论员文章。") == {"光明日报": "ORG"}


def test_a_known_organisation_overlapping_the_start_makes_the_longer_name() -> None:
    assert found("团中央书记处常务书记出席会议。") == {"团中央书记处": "ORG"}
    assert found("党中央国务院高度重视。") == {"党中央": "ORG", "国务院": "ORG"}


def test_a_place_a_name_and_a_plain_unit_noun_make_one_organisation() -> None:
    assert found("记者来到江西红星酒厂采访。") == {"江西红星酒厂": "ORG"}
    assert not any(t == "ORG" for t in found("两地演艺界人士同台演出。").values())


def test_an_age_group_inside_a_name() -> None:
    assert found("河南洛阳老年合唱团演出。") == {"河南洛阳老年合唱团": "ORG"}


def test_a_unit_may_be_named_by_a_rare_chinese_word_only() -> None:
    assert rare_word("青龙山", 5) and rare_word("浸会", 3)
    assert not rare_word("青龙山", 2)  # longer than the caller allows
    assert not rare_word("重点", 3) and not rare_word("中国", 5)  # frequent: ordinary words
    assert not rare_word("峰会", 5)  # rare, but a generic noun
    assert not rare_word("ＡＢ", 5) and not rare_word("龙", 5)  # not Chinese, too short


def test_a_works_or_a_mine_whose_name_jieba_took_for_a_person() -> None:
    # 青龙山/nr 热电厂, 青龙山/nr 煤矿: a name ending like a place before a unit head
    assert found("青龙山热电厂的工人们加班加点。").get("青龙山热电厂") == "ORG"
    assert found("省里向青龙山煤矿派出了工作组。").get("青龙山煤矿") == "ORG"
    assert found("青龙山水泥总厂今年产量创新高。").get("青龙山水泥总厂") == "ORG"


def test_a_unit_head_cut_off_after_an_unknown_name() -> None:
    assert found("他在兴华厂工作了三十年。").get("兴华厂") == "ORG"
    assert found("吉林市龙潭粮库今年收购玉米三万吨。") == {"吉林市龙潭粮库": "ORG"}


def test_a_short_school_name_after_a_city() -> None:
    assert found("他在广州美院讲授油画。") == {"广州美院": "ORG"}


def test_a_person_before_a_unit_word_makes_no_works() -> None:
    assert "李明厂" not in found("李明厂长今天来了。")
    assert found("中国煤矿的安全生产") == {"中国": "LOC"}


def test_a_part_of_town_before_an_organisation_joins_it() -> None:
    # a country before an institute stays apart (比勒陀利亚 南非研究中心); a part of town joins
    assert found("上午，上海静安寺敬老院来了客人。") == {"上海静安寺敬老院": "ORG"}


def test_a_bare_village_committee_is_a_kind_of_body() -> None:
    assert found("党支部和村委会的班子都很团结。") == {}


def test_a_foreign_city_jieba_took_for_a_person_before_a_court() -> None:
    from core.entities.jieba.tokenizer import Token
    from core.entities.rules.gazetteer import gazetteer
    from core.entities.rules.orgs import org_chains

    toks = [Token("在", "p", 0, 1), Token("拉科尔", "nr", 1, 4), Token("高等法院", "l", 4, 8)]
    assert [(c.start, c.end) for c in org_chains(toks, gazetteer()) if c.type == "ORG"] == [(1, 8)]
    assert found("他曾在卡拉奇高等法院任职。").get("卡拉奇高等法院") == "ORG"


def test_a_city_office_right_after_a_dateline_keeps_its_city_word() -> None:
    """The reflowed text squeezes ``本报讯 市…`` together: the dispatch word is no name that the
    admin word would end, and jieba's tokens never cross the dateline's end."""
    assert found("本报讯 市林业局和市物价局昨天联合发文。") == {"市林业局": "ORG", "市物价局": "ORG"}
    got = found("本报青石5月8日电 县水利局局长周明远到达大坝。")
    assert got["县水利局"] == "ORG" and not any("电" in s for s in got)


def test_a_level_and_office_jieba_keeps_as_one_word_is_an_organisation() -> None:
    assert found("今年省农业厅派出三个工作组。") == {"省农业厅": "ORG"}
    assert found("昨天县公安局破获一起盗窃案。") == {"县公安局": "ORG"}
    assert found("市场部经理介绍了新产品。") == {}  # 场部 is no office
