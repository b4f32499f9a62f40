"""Kinds of entity errors fixed by general rules (issue 11, second round): autonomous
prefectures known by their short name, lists of counties, two-digit years, commemorative dates,
Japanese and Thai names after a title, things jieba's dictionary tags nr.

Every sentence here is made up; none comes from the sample or the gold pages.
"""

from __future__ import annotations

from test_entities import found
from written_tokens import toks as _toks

from core.entities.rules.gazetteer import autonomous_place, gazetteer, lies_in
from core.entities.rules.levels import level_cut
from core.entities.rules.names import closes_locative_frame, word_headed
from core.entities.rules.persons import family_names
from core.entities.rules.places import place_compounds
from core.entities.rules.timex import find_times


def test_an_autonomous_division_is_known_by_the_place_it_is_named_after() -> None:
    assert autonomous_place("延边朝鲜族自治州") == "延边"
    assert autonomous_place("恩施土家族苗族自治州") == "恩施"  # two groups
    assert autonomous_place("伊犁哈萨克自治州") == "伊犁"  # a group written without 族
    assert autonomous_place("吉林市") is None
    gaz = gazetteer()
    assert gaz.is_place("楚雄") and gaz.is_place("延边")
    assert not gaz.is_place("楚雄彝族")


def test_a_prefecture_short_name_jieba_reads_as_a_noun_is_a_place() -> None:
    assert found("我们游览了大理的古城。").get("大理") == "LOC"
    assert found("大理石的地面很光滑。") == {}


def test_a_stone_tea_or_liquor_named_after_a_place_is_no_place() -> None:
    assert found("茅台酒和普洱茶都是名产。") == {}
    assert found("福建茶叶销往各地。") == {"福建": "LOC"}  # 茶叶 is a word of its own


def test_a_year_written_with_two_chinese_digits() -> None:
    got = {(t.start, t.end) for t in find_times("他是九七年入学的，八五年毕业。")}
    assert got == {(2, 5), (9, 12)}
    # three or four years, a full year, a decade: no two-digit year
    assert find_times("这项工程要三四年才能完成。") == []
    assert [(t.start, t.end) for t in find_times("一九九七年春天")] == [(0, 5)]
    assert find_times("九十年代") == []


def test_a_commemorative_day_in_quotes_is_a_date() -> None:
    got = find_times("“五一”节前夕，职工们迎来了『八一』建军节。")
    assert [(t.start, t.end, t.value) for t in got] == [(1, 3, "--05-01"), (15, 17, "--08-01")]
    # a five-year plan is a period, and a number out of quotes is no day
    assert find_times("“九五”计划期间") == []
    assert find_times("八一飞行表演队") == []


def test_a_japanese_name_after_a_title_and_its_surname_later() -> None:
    got = found("日本外相田中一郎会见了记者。田中说，两国关系良好。")
    assert got.get("田中一郎") == "PER" and got.get("田中") == "PER"
    # a title before an ordinary word ending in such a character is no name
    assert found("他担任主任多年，是个好男子。") == {}


def test_a_thai_or_burmese_name_with_a_dot_after_a_title() -> None:
    got = found("泰国总理春·立派２日发表讲话。")
    assert got.get("春·立派") == "PER"


def test_a_title_opening_a_dotted_name_is_no_part_of_it() -> None:
    got = found("总统彼得·汉森访问中国。")
    assert got.get("彼得·汉森") == "PER"
    assert "总统彼得·汉森" not in got


def test_a_dictionary_name_opening_with_a_common_word_is_a_thing() -> None:
    # wool, a trade, an orchestra: jieba's dictionary tags them nr
    assert found("羊毛绒、山羊绒等产品销路很好。") == {}
    assert found("这个县发展养殖业和林果业。") == {}
    assert word_headed("管弦乐") and not word_headed("周德武")


def test_a_river_opening_with_a_surname_is_a_place_by_its_shore() -> None:
    assert found("在风景如画的金水河畔，游人很多。") == {"金水河": "LOC"}


def test_a_list_closed_by_a_count_of_places_is_a_list_of_places() -> None:
    # county short names are places only in a list of places: the count says it is one
    assert found("经验推广到了汾阳、方山、中阳三县市。") == {"汾阳": "LOC", "方山": "LOC", "中阳": "LOC"}
    assert found("他们种了小麦、玉米两个品种。") == {}


def test_a_village_word_glued_to_the_word_after_it_by_the_hmm() -> None:
    # an unknown word opening with 乡 after a rare name: the township ends at 乡
    toks = _toks(("阿克苏", "nr"), ("乡像", "new"), ("花园", "n"))
    assert [(c.start, c.end) for c in place_compounds(toks, gazetteer())] == [(0, 4)]


def test_a_place_and_an_unknown_word_ending_in_a_village_word_are_one_village() -> None:
    toks = _toks(("沙河", "ns"), ("口村", "new"), ("的", "uj"))
    assert [(c.start, c.end) for c in place_compounds(toks, gazetteer())] == [(0, 4)]


def test_an_unknown_word_ending_like_a_northern_village_after_a_county() -> None:
    toks = _toks(("平定县", "ns"), ("后沟营", "new"), ("的", "uj"))
    assert [(c.start, c.end) for c in place_compounds(toks, gazetteer())] == [(3, 6)]
    assert place_compounds(_toks(("他们", "r"), ("后沟营", "new")), gazetteer()) == []


def test_an_unknown_word_ending_in_a_road_word_is_a_street() -> None:
    got = place_compounds(_toks(("沿着", "p"), ("榕荫路", "new"), ("往前", "d")), gazetteer())
    assert [(c.start, c.end) for c in got] == [(2, 5)]
    assert place_compounds(_toks(("走", "v"), ("三条路", "new")), gazetteer()) == []
    assert found("他走在回家的路上。") == {}


def test_a_two_character_full_name_jieba_knows_is_a_name() -> None:
    assert found("人们都喜欢徐渭的画。") == {"徐渭": "PER"}  # no title, no verb after it
    # a family, a surname and a verb: no name
    assert found("这是刘家的房子。") == {}
    assert found("他们不要胡说。") == {}


def test_a_surname_before_jia_in_an_unknown_word_is_the_family_name() -> None:
    toks = _toks(("走进", "v"), ("胡家", "new"), ("和", "c"), ("邱氏", "new"))
    got = family_names(toks, gazetteer())
    assert [(c.start, c.end) for c in got] == [(2, 3), (5, 6)]
    assert family_names(_toks(("国家", "n"), ("大家", "r")), gazetteer()) == []


def test_a_company_with_its_bracketed_group_mark_is_one_name() -> None:
    assert found("他调到了锦江机械（集团）公司。").get("锦江机械（集团）公司") == "ORG"
    assert found("大连化工（集团）有限公司宣布扩产。") == {"大连化工（集团）有限公司": "ORG"}
    assert found("本公司（集团）公司") == {}


def test_a_four_character_slogan_or_idiom_jieba_tags_ns_is_no_place() -> None:
    assert found("实行“澳人治澳”、高度自治。") == {}
    assert found("节日的广场上人山人海。") == {}


def test_a_word_before_inside_its_walls_or_borders_is_a_place() -> None:
    assert found("皖南境内山清水秀。").get("皖南") == "LOC"
    assert found("城市一带的交通很好。") == {}


def test_a_rare_dictionary_name_with_a_rare_surname_before_a_verb_is_a_thing() -> None:
    assert found("田野里的蒲公英飘落到河边。") == {}
    # in a list of names it is still a name
    assert found("学者谷源洋、李长久出席了会议。") == {"谷源洋": "PER", "李长久": "PER"}


def test_the_locative_closing_a_zai_frame_ends_no_name() -> None:
    assert found("他在写给朋友的信中说，一切都好。") == {}
    toks = _toks(("在", "p"), ("寒风", "n"), ("冷雨里", "new"))
    assert closes_locative_frame(toks, 2, gazetteer())
    # no 在 before it, or a common surname opening it: the rule says nothing
    assert not closes_locative_frame(_toks(("寒风", "n"), ("冷雨里", "new")), 1, gazetteer())
    assert not closes_locative_frame(_toks(("在", "p"), ("王建中", "new")), 1, gazetteer())


def test_a_capital_jieba_tags_as_a_name_is_a_place() -> None:
    assert found("总统１日在马普托会见了代表团。").get("马普托") == "LOC"


def test_a_famous_mountain_lake_or_region_is_a_place() -> None:
    got = found("从洞庭湖到青藏高原，从岭南到关中，处处是新气象。")
    assert got == {"洞庭湖": "LOC", "青藏高原": "LOC", "岭南": "LOC", "关中": "LOC"}


def test_a_county_short_name_after_its_own_province_is_a_place() -> None:
    assert lies_in("离石", "山西") and not lies_in("离石", "江西")
    assert found("他的老家是湖南平江。").get("平江") == "LOC"
    # after a province it does not lie in, the word stays what it is
    assert "和平" not in found("江西和平发展的局面来之不易。")


def test_two_places_glued_before_the_word_they_describe() -> None:
    assert found("长江三峡工程进展顺利。") == {"长江": "LOC", "三峡": "LOC"}


def test_an_unknown_name_after_a_kinship_word() -> None:
    assert found("她的儿子王涛，今年十岁。") == {"王涛": "PER"}
    # a surname and a given name jieba cut apart (刘/zg 桂兰/ns) before a speech verb
    assert found("他的妻子刘桂兰说，日子越过越好。") == {"刘桂兰": "PER"}
    assert found("他的孩子们都很好。") == {}
    assert found("他的儿子也来了。") == {}


def test_a_road_after_its_length_is_a_kind_of_road() -> None:
    assert found("村里还修建了８公里盘山路。") == {}


def test_a_count_of_countries_is_no_given_name() -> None:
    # 中、南两国: the HMM reads 南两国 as one word; 两 (two) stands in no given name
    assert found("中、南两国代表出席。").get("南两国") is None


def test_a_transliterated_palace_is_a_place_not_a_person() -> None:
    assert found("总统叶利钦在克里姆林宫会见了外长。").get("克里姆林宫") == "LOC"
    assert found("女王在白金汉宫举行宴会。") == {"白金汉宫": "LOC"}


def test_a_long_jieba_organisation_opening_with_a_country() -> None:
    got = found("巴勒斯坦民族权力机构主席阿拉法特会见了特使。")
    assert got.get("巴勒斯坦民族权力机构") == "ORG" and got.get("阿拉法特") == "PER"


def test_a_country_glued_to_a_title_and_the_short_foreign_name_after_it() -> None:
    # jieba reads 德国总理 as one "name"; 科尔 is a two-character transliterated name
    got = found("德国总理科尔会见了客人。")
    assert got == {"德国": "LOC", "科尔": "PER"}


def test_a_surname_and_a_form_of_address_after_a_role_word() -> None:
    # 居民 王大妈: the form of address is no part of the name
    assert found("社区的居民王大妈说，日子越过越好。") == {"王": "PER"}


def test_a_division_and_the_division_inside_it_are_two_places() -> None:
    got = found("外商纷纷到上海浦东新区投资。")
    assert got.get("上海") == "LOC" and got.get("浦东新区") == "LOC"


def test_a_level_cut_keeps_a_square_after_its_city_whole() -> None:
    gaz = gazetteer()
    assert level_cut("上海浦东新区", gaz) == 2
    assert level_cut("重庆市人民广场", gaz) == 0
    assert level_cut("昌邑区莲花街道", gaz) == 3


def test_a_village_after_its_township_whatever_jieba_tags_its_first_word() -> None:
    toks = _toks(("石桥", "ns"), ("乡", "n"), ("李家", "nrfg"), ("沟村", "new"))
    got = [(c.start, c.end) for c in place_compounds(toks, gazetteer())]
    assert (3, 7) in got


def test_a_hospital_attached_to_a_college_is_part_of_its_name() -> None:
    assert found("湖南大学医学院附属第二医院的医生会诊。") == {"湖南大学医学院附属第二医院": "ORG"}


def test_an_institute_joining_two_fields_is_part_of_its_academy() -> None:
    got = found("中国社会科学院亚洲与太平洋研究所举办讲座。")
    assert got == {"中国社会科学院亚洲与太平洋研究所": "ORG"}
    assert found("北京大学和清华大学的学生参加了活动。") == {"北京大学": "ORG", "清华大学": "ORG"}


def test_a_nickname_before_a_time_word() -> None:
    assert found("老郑今年六十岁了。") == {"老郑": "PER"}
    assert found("小赵明天出发。") == {"小赵": "PER"}
    assert found("小时候他很调皮。") == {}


def test_a_village_named_after_a_family_is_no_person() -> None:
    # jieba's dictionary tags such a village nr
    assert found("这个村子叫李家庄。") == {"李家庄": "LOC"}


def test_a_noun_and_a_locative_after_a_title_are_no_name() -> None:
    assert found("首相官邸前聚集了很多记者。") == {}
    assert found("书记李建中说，要抓好生产。").get("李建中") == "PER"


def test_a_frequent_word_that_is_also_a_county_stays_a_word_after_its_province() -> None:
    assert found("广东和平发展的势头很好。") == {"广东": "LOC"}


def test_a_rare_street_name_jieba_knows_as_nz() -> None:
    got = place_compounds(_toks(("沿着", "p"), ("华阳路", "nz"), ("往前", "d")), gazetteer())
    assert [(c.start, c.end) for c in got] == [(2, 5)]
    # a frequent one is a kind of street
    assert place_compounds(_toks(("沿着", "p"), ("文化路", "nz")), gazetteer()) == []
