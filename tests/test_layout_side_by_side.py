"""Headlines of side-by-side stories printed together before their bodies (written lines): the
group is cut into its settings where a blank line parts them, and into three parts at once where
three stories follow without datelines, each restating its own headline."""

from __future__ import annotations

from core.layout.distribute import lines_of, split_side_by_side
from core.layout.features import line_features
from core.layout.units import BODY, HEAD, Unit
from core.lines import split_lines


def unit(*texts: str, width: float = 13.0, kind: str = BODY) -> Unit:
    return Unit(line_features(split_lines("\n".join(texts) + "\n")), width, kind)


def test_a_blank_line_parts_settings_of_one_width_where_the_group_has_tight_lines() -> None:
    # two two-line titles of one width; inside each title no blank line, between them one
    lines = line_features(split_lines("新建公园开工\n城东城南两处\n\n供暖管网改造\n全区今冬受益\n"))
    group = [Unit(list(lines), 6.0, HEAD)]
    assert [[ln.squeezed for ln in u.lines] for u in lines_of(group)] == [
        ["新建公园开工", "城东城南两处"],
        ["供暖管网改造", "全区今冬受益"],
    ]
    # with a blank line after every line nothing tells the titles apart by spacing
    loose = line_features(split_lines("新建公园开工\n\n城东城南两处\n\n供暖管网改造\n"))
    assert len(lines_of([Unit(list(loose), 6.0, HEAD)])) == 1


HEADS = ["市区新建三座公园", "老城供暖管网完成改造", "青少年足球联赛开幕"]
RUN = [  # a column 13 wide; a paragraph's first line is short by its lost indent
    unit("本报讯 记者从市园林局获悉，", "今年市区将新建三座公园，总", "面积超过六十公顷。"),
    unit("三座公园分别位于城东、", "城南和城西，预计年底前建成。"),
    unit("老城供暖管网完成改造，", "全区两万多户居民今冬将告别", "暖气不热的烦恼。"),
    unit("改造工程历时五个月，", "更换管道四十多公里。"),
    unit("青少年足球联赛开幕，", "来自全市的三十二支球队将进", "行为期两个月的比赛。"),
    unit("开幕式上，组委会为各", "队颁发了参赛证书。"),
]


def test_three_headlines_printed_together_find_three_stories_without_datelines() -> None:
    heads = [unit(h, width=9.0, kind=HEAD) for h in HEADS]
    groups = split_side_by_side([heads], RUN, carry_on=False, page_gap=1)
    assert [[u.first.squeezed for u in g] for g in groups] == [[h] for h in HEADS]


def test_headlines_whose_stories_do_not_restate_them_stay_one_group() -> None:
    heads = [unit(h, width=9.0, kind=HEAD) for h in ("今日要闻", "本版导读", "编者按语")]
    assert len(split_side_by_side([heads], RUN, carry_on=False, page_gap=1)) == 1


def _texts(groups: list[list[Unit]]) -> list[list[str]]:
    return [[u.first.squeezed for u in g] for g in groups]


def test_a_line_set_after_a_dash_is_not_cut_off_as_a_headline_of_its_own() -> None:
    # the dashed line restates the second story's words, but a subtitle goes with the title above
    heads = [unit(h, width=9.0, kind=HEAD) for h in (HEADS[0], "——老城供暖管网完成改造", HEADS[2])]
    groups = _texts(split_side_by_side([heads], RUN, carry_on=False, page_gap=1))
    assert not any(g[0].startswith("——") for g in groups)


CREDITED = [RUN[0], RUN[1], unit("赵明华钱立新孙国平三位", "工程师今天谈老城供暖管网", "改造的经过。"), *RUN[3:]]


def test_authors_names_run_together_are_not_cut_off_as_a_headline() -> None:
    # the second story names the authors the headline credits; the names are no headline for it
    heads = [unit(h, width=9.0, kind=HEAD) for h in (HEADS[0], "赵明华钱立新孙国平", HEADS[2])]
    groups = _texts(split_side_by_side([heads], CREDITED, carry_on=False, page_gap=1))
    assert ["赵明华钱立新孙国平"] not in groups
