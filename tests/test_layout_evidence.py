"""Each piece of evidence the parser weighs, on lines written for the test, and the choices made
from them (headline review, story boundaries by dynamic programming)."""

from __future__ import annotations

from core.layout import evidence as E
from core.layout import weights as W
from core.layout.boundaries import best_boundaries, split_run
from core.layout.features import LineInfo, carries_on, line_features, opening_fragment
from core.layout.headlines import review_headlines
from core.layout.units import BODY, HEAD, Story, Unit, make_units
from core.lines import split_lines


def infos(*texts: str) -> list[LineInfo]:
    return line_features(split_lines("\n".join(texts) + "\n"))


def one(text: str) -> LineInfo:
    return infos(text)[0]


def unit(*texts: str, width: float = 11.0, kind: str = BODY) -> Unit:
    return Unit(infos(*texts), width, kind)


def test_fits_column_takes_full_lines_and_first_lines_only() -> None:
    assert E.fits_column(one("一二三四五六七八九十一"), 11)
    assert E.fits_column(one("一二三四五六七八九"), 11)  # a first line that lost its indent
    assert not E.fits_column(one("一二三四五"), 11)
    assert not E.fits_column(one("一二三四五六七八九十一二三四"), 11)


def test_spaced_display_is_spaced_type_that_does_not_fill_the_column() -> None:
    title = infos("落 细 防 控 措 施")
    justified = infos("城 乡 人 民 生 活 进 一 步 改")
    assert E.spaced_display(title, 11) == 1.0
    assert E.spaced_display(justified, 11) == 0.0
    assert E.spaced_display(infos("落细防控措施"), 11) == 0.0


def test_off_column_and_in_column() -> None:
    assert E.off_column(infos("一二三四五六七八九十一二三四五六七八"), 11) == 1.0
    assert E.off_column(infos("一二三四五"), 11) == 1.0
    assert E.off_column(infos("一二三四五六七八九十"), 11) == 0.0
    assert E.in_column(infos("一二三四五六七八九十"), 11) == 1.0
    assert E.in_column(infos("一二三四五"), 11) == 0.0


def test_opening_fragment_is_the_tail_of_a_cut_sentence() -> None:
    assert opening_fragment(one("善。对外经济技术交流与"))
    assert opening_fragment(one("席，观众被艺术家们精湛"))
    assert not opening_fragment(one("一九九七年，我国改"))
    assert not opening_fragment(one("。"))


def test_opens_paragraph_and_carries_on() -> None:
    assert E.opens_paragraph(one("新华社北京1月1日电 记者从"), 13)
    assert E.opens_paragraph(one("一二三四五六七八九十"), 12)  # short by the lost indent
    assert not E.opens_paragraph(one("善。对外经济技术交流与"), 11)
    assert carries_on(one("善。对外经济技术交流与"), 11)
    assert carries_on(one("一二三四五六七八九十一"), 11)
    assert not carries_on(one("一二三四五六七八九"), 11)


def test_punctuated_stack_is_running_text() -> None:
    assert (
        E.punctuated(infos("人们不禁要问，美国在对待", "亚洲金融危机问题上为何来了个", "一百八十度的大转弯？应该说"))
        == 1.0
    )
    assert E.punctuated(infos("动员全社会力量", "打好扶贫攻坚战")) == 0.0
    assert E.punctuated(infos("一二三，四五")) == 0.0  # one line says nothing


def test_verse_context() -> None:
    poem = [
        unit(t, width=7) for t in ("像一支苦调歌谣", "像一盏黄晕的灯", "光", "陪伴着遭受五千", "年", "大道旁", "的鸣响")
    ]
    assert E.verse_context(poem, 3) == 1.0
    prose = [unit("一二三四五六七八九十一", "一二三四五六七。") for _ in range(7)]
    assert E.verse_context(prose, 3) == 0.0


def test_word_pairs_skip_punctuation() -> None:
    assert E.word_pairs("春节，快乐") == {"春节", "快乐"}


def test_topic_shift_tells_one_subject_from_two() -> None:
    farm = "农民今年粮食增产，农民收入增加，粮食收购价格稳定，农业生产条件改善，粮食储备充足，农民种粮积极性高。"
    farm2 = "粮食增产让农民高兴，农业部门说今年粮食收购顺利，农民收入增加，种粮积极性提高，农业生产稳定。"
    music = "新年音乐会在京举行，交响乐团演奏了多首名曲，指挥家和歌唱家登台，观众报以热烈掌声，演出圆满成功。"
    assert E.topic_shift(farm, farm2) < 0
    assert E.topic_shift(farm, music) == 1.0
    assert E.topic_shift("短", music) == 0.0


def test_width_change_and_flow_break() -> None:
    a = unit("一二三四五六七八九十一", "二三。", width=11)
    b = unit("一二三四五六七八九十一二三四五", "六七。", width=15)
    assert E.width_change(a, b) == 1.0
    assert E.width_change(a, a) == 0.0
    # a lone short line (a heading, a last line) says nothing of its column; a lone wide one does
    assert E.width_change(b, unit("六、模范行动带新兵", width=9)) == 0.0
    assert E.width_change(a, unit("一二三四五六七八九十一二三四五六七八。", width=11)) == 1.0
    close = Unit(line_features(split_lines("甲。\n乙")), 11)
    assert close.lines[1].gap == 1
    assert E.flow_break(a, Unit([close.lines[1]], 11), page_gap=2) == 1.0
    assert E.flow_break(a, Unit([close.lines[1]], 11), page_gap=1) == 0.0


def test_jump_between() -> None:
    before = unit("任务十分艰", "（下转第六版）")
    assert E.jump_between(before, unit("一二三")) == 1.0
    assert E.jump_between(unit("一二三。"), unit("（上接第一版）", kind=HEAD)) == 1.0
    assert E.jump_between(unit("一二三。"), unit("一二三")) == 0.0


def test_boundary_needs_a_closed_sentence_or_a_dateline() -> None:
    run = [unit("一二三四五六七八九十一", "二三四五六七八九十一二"), unit("三四五六七八九十一二三", "四五。")]
    assert E.boundary_score(run, 1, 1, True) == -W.OPEN_SENTENCE
    run = [unit("一二三四五六七八九十一", "二三四五六七八九十一二"), unit("新华社北京1月1日电 记者", "从交通部获悉。")]
    assert E.boundary_score(run, 1, 1, True) > W.STORY_COST


def test_best_boundaries_split_at_datelines_and_nowhere_else() -> None:
    para = ("一二三四五六七八九", "十一二三四五六七八九十", "一二三四五六七。")
    run = [
        unit(*para),
        unit(*para),
        unit("新华社北京1月1日电 记者从交", "通运输部获悉，投资增长较快。"),
        unit(*para),
    ]
    assert best_boundaries(run, 1, True) == [2]
    assert [len(s) for s in split_run(run, 1, True)] == [2, 2]
    assert best_boundaries(run[:2], 1, True) == []


def test_best_boundaries_refuse_a_one_line_story() -> None:
    para = ("一二三四五六七八九", "十一二三四五六七八九十", "一二三四五六七。")
    dl = "新华社北京1月1日电。"
    run = [unit(*para), unit(dl), unit(*para), unit(*para)]
    # a lone dateline line a paragraph before the end would make a one-line story: it joins one
    assert len(best_boundaries(run, 1, True)) <= 1


def test_review_turns_a_justified_line_back_into_body_text() -> None:
    lines = infos(
        "一九九七年，我国改",
        "革开放和现代化建设继续",
        "全面推进。国民经济实现",
        "长较快，金融形势稳定。",
        "城 乡 人 民 生 活 进 一 步 改",
        "善。对外经济技术交流与",
        "合作继续扩大，国际收支",
        "进步的兴盛局面。",
    )
    units = review_headlines(make_units(lines))
    assert all(u.kind == BODY for u in units)
    assert [u.first.text for u in units] == ["一九九七年，我国改"]


def test_review_keeps_a_real_headline() -> None:
    lines = infos(
        "全面推进。国民经济实现",
        "长较快，金融形势稳定。",
        "动 员 全 社 会 力 量",
        "新华社贵阳1月1日电 记",
        "者从省委获悉，扶贫攻坚取",
        "得很大成绩。",
    )
    units = review_headlines(make_units(lines))
    assert [u.kind for u in units] == [BODY, HEAD, BODY]


def test_name_line_is_a_lone_short_name() -> None:
    assert E.name_line(unit("周德武"))
    assert not E.name_line(unit("周德武。"))
    assert not E.name_line(unit("联合国大会在临"))
    assert not E.name_line(unit("周德武", "联合国"))


def test_boundary_at_an_authors_name() -> None:
    para = ("一二三四五六七八九", "十一二三四五六七八九十", "一二三四五六七。")
    run = [unit(*para), unit(*para), unit("周德武"), unit("联合国大会在临近", "年底时通过一项决议，确定"), unit(*para)]
    assert E.boundary_score(run, 2, 1, False) > W.STORY_COST


def test_echo_below_counts_a_headlines_words_in_the_text_under_it() -> None:
    units = [unit("春耕备耕有序展开", kind=HEAD), unit("眼下正值春耕备耕关键时期，", "各地春耕工作有序展开。")]
    assert E.echo_below(units, 0) > 0.5
    units = [unit("城区公交线路调整", kind=HEAD), unit("眼下正值春耕备耕关键时期，", "各地春耕工作有序展开。")]
    assert E.echo_below(units, 0) == 0.0


def test_narrow_stack_finds_a_headline_over_narrow_lines() -> None:
    lines = infos("全市文化惠民", "演出走进社区", "本报讯 新春佳节到来之际，", "市文化和旅游局组织文艺院团")
    assert E.narrow_stack(lines) == 2
    assert E.narrow_stack(infos("一二三四五六", "七八九，十一", "一二三四五六七八九十一二")) == 0
    assert E.narrow_stack(infos("一二三四五六", "七八九十一二", "一二三四五六七")) == 0  # not wider enough


def test_spaced_headline_over_lines_stays_one() -> None:
    lines = infos(
        "激 动 人 心 的", "时 刻 （ 附 图", "片 １ 张 ）", "本报讯 一二三四五六七八", "九十一二三四五六七八九十。"
    )
    units = review_headlines(make_units(lines))
    assert units[0].kind == HEAD
    assert [ln.number for ln in units[0].lines] == [1, 2, 3]


def test_side_by_side_headlines_are_cut_where_each_finds_its_story() -> None:
    from core.layout.distribute import split_side_by_side

    heads = [unit("春 耕 备 耕 有 序 展 开", kind=HEAD), unit("城区公交线路今起调整", kind=HEAD)]
    run = [
        unit("本报讯 为方便市民出行，", "市交通运输局决定自今日起调", "整城区公交线路，新开通三条", "线路。"),
        unit("市交通运输局有关负责人", "介绍，调整后的公交线路覆盖", "新建小区和学校。"),
        unit("新华社长春4月20日电 眼下", "正值春耕备耕关键时期，各地", "农民抢抓农时，春耕备耕工作", "有序展开。"),
        unit("在农安县，农民们正忙着检", "修农机、调运种子化肥，田间", "一派忙碌景象。"),
    ]
    groups = split_side_by_side([heads], run, carry_on=False, page_gap=1)
    assert [[u.first.squeezed for u in g] for g in groups] == [["春耕备耕有序展开"], ["城区公交线路今起调整"]]
    # a kicker and its title answer to one story: they stay together
    one = [unit("省政府召开常务会议", kind=HEAD), unit("全 力 保 障 春 耕 生 产", kind=HEAD)]
    assert len(split_side_by_side([one], run[2:], carry_on=False, page_gap=1)) == 1


def test_keeps_indents_only_where_the_extractor_kept_them() -> None:
    from core.layout.units import keeps_indents

    kept = ["\u3000\u3000一二三四五六七八九", "十一二三四五六七八九十一。"] * 5
    assert keeps_indents(make_units(infos(*kept)))
    lost = ["一二三四五六七八九", "十一二三四五六七八九十一。"] * 5
    assert not keeps_indents(make_units(infos(*lost)))


def _column(words: list[str], width: int) -> list[str]:
    text = "".join(words)
    return [text[i : i + width] for i in range(0, len(text), width)]


def test_columns_printed_across_are_found_by_the_pairs_their_cut_words_make() -> None:
    from core.layout.interleave import woven_lines

    a = _column(["春天", "读书", "学校", "老师", "同学", "课本"] * 6, 7)
    b = _column(["农民", "种田", "收成", "粮食", "丰收", "乡村"] * 6, 7)
    across = [line for pair in zip(a, b, strict=False) for line in pair]
    woven = woven_lines(infos(*across))
    assert sum(woven) > len(woven) // 2
    assert not any(woven_lines(infos(*a, *b)))  # the same columns one after the other


def test_woven_lines_are_neither_headlines_nor_story_boundaries() -> None:
    u = unit("一二三四五六七八九十一", "二三四五六七八九十一二。")
    v = unit("三四五六七八九十一二三", "四五六七八九十一二三四。", width=15)
    run = [u, v]
    before = E.boundary_score(run, 1, 2, True)
    u.woven = v.woven = True
    assert E.boundary_score(run, 1, 2, True) == before - W.WOVEN


def test_a_title_printed_beside_another_moves_to_the_story_that_repeats_it() -> None:
    from core.layout.articles import reassign_titles

    a_title, b_title = unit("春耕备耕有序展开", kind=HEAD), unit("城区公交线路今起调整", kind=HEAD)
    b_body = unit("本报讯 为方便市民出行，市交", "通运输局决定调整城区公交线路。")
    c_title = unit("全市文化惠民演出走进社区", kind=HEAD)
    c_body = unit("本报讯 市文化和旅游局组织", "文艺院团走进社区演出。")
    a_body = unit("新华社长春4月20日电 眼下正", "值春耕备耕关键时期，春耕备耕工作有序展开。")
    stories = [Story([a_title, b_title], [b_body]), Story([c_title], [c_body]), Story([], [a_body])]
    reassign_titles(stories)
    assert [u.first.squeezed for u in stories[0].head] == ["城区公交线路今起调整"]
    assert [u.first.squeezed for u in stories[2].head] == ["春耕备耕有序展开"]


def test_an_orphan_story_goes_to_the_headline_it_answers() -> None:
    from core.layout.articles import adopt_orphans

    head = unit("冰雕童话世界（图片）", kind=HEAD)
    wrong = unit("中共中央总书记、国家主席", "江泽民向全国各族人民致以问候")
    other = Story([unit("迈向新的世纪", kind=HEAD)], [unit("一九九八年新年讲话全文如下，", "请看。")])
    orphan = unit("新年来临，冰城哈尔滨市儿童公园", "为孩子们准备了冰雕童话世界。")
    stories = [Story([head], [wrong]), other, Story([], [orphan])]
    out = adopt_orphans(stories)
    assert out[0].body == [orphan]
    assert wrong in out[1].body  # the text it held goes to the story right after it
    assert len(out) == 2


def test_a_line_that_finishes_a_word_cut_above_it_is_joined() -> None:
    from core.layout.interleave import joined_lines

    lines = infos("向广大职工祝贺新年，对节日坚守岗位的同", "志们表示慰问", "同志们辛苦了。")
    assert joined_lines(lines) == [False, True, False]  # 同志 is printed inside the third line
    assert joined_lines(infos("一二三的同", "志们", "没有这对字。")) == [False, False, False]


def test_pair_codes_hold_exactly_the_neighbouring_characters_of_the_text() -> None:
    from core.layout.interleave import pair_codes

    def code(pair: str) -> int:
        return ord(pair[0]) | ord(pair[1]) << 16

    text = "同志们\n好𠀀学习"  # a character outside the Basic Multilingual Plane shifts the code units
    codes = pair_codes(text)
    for pair in ("同志", "志们", "学习"):
        assert code(pair) in codes
    assert code("志同") not in codes  # the other way round
    assert code("们好") not in codes  # a newline between them
    assert code("好学") not in codes  # 𠀀 (two code units) between them
    assert pair_codes("") == set() and pair_codes("字") == set()


def test_spaced_titles_set_apart_by_a_blank_line_are_two_fields() -> None:
    from core.layout.articles import _fields

    lines = infos("春 耕 备 耕 有 序 展 开", "", "城 区 公 交 线 路", "今 起 全 面 调 整")
    fields = _fields([Unit([ln], 11.0, HEAD) for ln in lines])
    assert [[u.first.number for u in f] for f in fields] == [[1], [3, 4]]
    apart = infos("春 耕 备 耕 有 序 展 开", "", "城 区 公 交 线 路", "", "今 起 全 面 调 整")
    assert len(_fields([Unit([ln], 11.0, HEAD) for ln in apart])) == 1  # no line set tight: one title


def test_a_spaced_title_printed_under_another_moves_to_the_story_that_repeats_it() -> None:
    from core.layout.articles import reassign_titles

    lines = infos("春 耕 备 耕 有 序 展 开", "", "城 区 公 交 线 路", "今 起 全 面 调 整")
    head = [Unit([ln], 11.0, HEAD) for ln in lines]
    a_body = unit("本报讯 眼下正值春耕备耕关键", "时期，春耕备耕工作有序展开。")
    b_body = unit("本报讯 为方便市民出行，市交", "通运输局决定调整城区公交线路。")
    stories = [Story(head, [a_body]), Story([unit("张 明", kind=HEAD)], [b_body])]
    reassign_titles(stories)
    assert [u.first.number for u in stories[0].head] == [1]
    assert [u.first.number for u in stories[1].head][:2] == [3, 4]
