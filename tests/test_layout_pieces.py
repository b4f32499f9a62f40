"""A column of one story printed inside another's text, told by its line spacing (pieces.py), on
pages written for the test."""

from __future__ import annotations

from core.layout import pieces as P
from core.layout.articles import Story
from core.layout.features import LineInfo, line_features
from core.layout.segment import segment
from core.layout.units import BODY, Unit
from core.lines import split_lines

A_HEAD = "宁 夏 农 业 产 业 化 见 成 效"
A_START = (
    "本报银川１月１日电宁夏",
    "各地建立和完善了一大批",
    "农副产品市场，以组织和",
    "引导农户进行生产。全区",
    "已有各类农副产品市场三",
    "百多个，最大的蔬菜批发",
    "市场吸引了全国各地以及",
)
A_PIECE = (
    "十几个省区的客商，年成",
    "交额达到三亿元。乳制品",
    "集团公司属下有十多家乳",
    "品加工企业，统一管理产",
    "供销，年产奶粉七千吨。",
)
B_HEAD = "吕 梁 地 区 扶 贫 开 发"
B_START = (
    "本报太原１月１日电吕梁",
    "地区坚持不懈、持之以恒",
    "地严格控制人口增长。他",
    "们采取的主要措施有明确",
    "一把手负总责的制度以及",
)
B_REST = ("由各级财政保证经费，把计", "划生育工作作为一把手工", "程来抓，每年召开工作会", "议，研究解决重大问题。")


def spaced(lines: tuple[str, ...]) -> list[str]:
    """Lines with a blank line after each, as an extractor prints some text boxes."""
    return [x for ln in lines for x in (ln, "")]


def infos(*texts: str) -> list[LineInfo]:
    return line_features(split_lines("\n".join(texts) + "\n"))


def articles(*texts: str) -> list[list[str]]:
    text = "\n".join(texts) + "\n"
    lines = split_lines(text)
    arts, _ = segment(text, lines)
    return [[text[lines[n - 1].start : lines[n - 1].end].strip() for n in a.lines] for a in arts]


def test_spacing_is_the_gap_the_lines_share() -> None:
    lines = infos(*spaced(B_START))
    assert P.spacing(lines[1:]) == 2
    assert P.spacing(infos(*A_START)[1:]) == 1
    assert P.spacing(infos("一二三", "", "四五六", "七八九")) is None


def test_foreign_piece_opens_where_the_spacing_changes_mid_sentence() -> None:
    lines = infos(*spaced(B_START), *A_PIECE, "", *spaced(B_REST))
    at = len(B_START)
    assert P.foreign_piece(lines, at) == (at + len(A_PIECE), 1)
    assert P.foreign_piece(lines, at - 1) is None  # no change of spacing there
    closed = infos(*spaced(B_START[:3]), "们采取了许多措施。", "", *A_PIECE)
    assert P.foreign_piece(closed, 4) is None  # the sentence above is finished: a boundary, not a piece


def test_piece_end_goes_over_a_paragraph_set_off_by_a_blank_line() -> None:
    lines = infos("甲乙丙丁", "戊己庚辛。", "", "一二三四", "五六七八", "", "子丑寅卯", "", "辰巳午未")
    assert P.piece_end(lines, 0, 1) == 4  # the paragraph after the blank line keeps the spacing
    assert P.piece_end(lines, 2, 1) == 4  # and stops where the other spacing comes back


def test_dangles_needs_an_unfinished_sentence_in_the_pieces_spacing() -> None:
    open_story = Story(body=[Unit(infos(*A_START), 11.0, BODY)])
    assert P.dangles(open_story, 1)
    assert not P.dangles(open_story, 2)
    closed = Story(body=[Unit(infos(*A_START[:3], "引导农户进行生产。"), 11.0, BODY)])
    assert not P.dangles(closed, 1)


def test_a_column_of_the_story_above_goes_back_to_it() -> None:
    page = articles(A_HEAD, "", *A_START, "", B_HEAD, "", *spaced(B_START), *A_PIECE, "", *spaced(B_REST))
    assert len(page) == 2
    assert page[0][-len(A_PIECE) - 1 :] == [A_START[-1], *A_PIECE]
    assert page[1][-len(B_REST) - 1 :] == [B_START[-1], *B_REST]


def test_a_story_spaced_otherwise_after_a_finished_one_stays() -> None:
    finished = (*A_START[:-1], "市场吸引了全国客商。")
    page = articles(A_HEAD, "", *finished, "", B_HEAD, "", *spaced(B_START), *A_PIECE, "", *spaced(B_REST))
    assert all(ln not in page[0] for ln in A_PIECE)  # no story left its sentence unfinished


# the same page with both stories spaced alike: the piece is told by its column's width
NARROW_START = (
    "本报银川１月１日电宁",
    "夏各地建立和完善了大",
    "批的农副产品市场，组",
    "织和引导农户进行生产",
    "，全区已有各类农副产",
    "品市场三百多个，最大",
    "的蔬菜批发市场吸引了",
)
NARROW_PIECE = (
    "十几个省区的客商，年",
    "成交额达到三亿元。乳",
    "制品集团公司属下有十",
    "多家乳品加工企业，统",
    "一管理产供销的工作。",
)
WIDE_START = (
    "本报太原１月１日电吕梁地",
    "区坚持不懈、持之以恒地严",
    "格控制人口增长。他们采取",
    "的主要措施有：明确一把手",
    "负总责的制度，各级财政保",
)
WIDE_REST = ("证计划生育的经费，每年召", "开工作会议研究解决重大问", "题，效果十分明显的好。")


def test_column_is_the_width_full_lines_share() -> None:
    assert P.column(infos(*WIDE_START[1:3])) == 12.0
    assert P.column(infos(WIDE_START[0], NARROW_START[0])) is None


def test_narrow_piece_needs_the_hosts_column_back_after_it() -> None:
    lines = infos(*WIDE_START, *NARROW_PIECE, *WIDE_REST)
    at = len(WIDE_START)
    assert P.narrow_piece(lines, at) == (at + len(NARROW_PIECE), 10.0)
    assert P.narrow_piece(infos(*WIDE_START, *NARROW_PIECE), at) is None  # the host never comes back


def test_a_column_of_another_width_goes_back_to_its_story() -> None:
    page = articles(
        "宁 夏 新 貌",
        "",
        *spaced(NARROW_START),
        "吕 梁 扶 贫",
        "",
        *spaced(WIDE_START),
        *spaced(NARROW_PIECE),
        *spaced(WIDE_REST),
    )
    assert len(page) == 2
    assert page[0][-len(NARROW_PIECE) :] == list(NARROW_PIECE)
    assert page[1][-len(WIDE_REST) - 1 :] == [WIDE_START[-1], *WIDE_REST]


def test_a_story_continued_on_another_page_does_not_dangle() -> None:
    jumped = Story(body=[Unit(infos(*A_START[:-1], "市场吸引了 （下转第九版）"), 11.0, BODY)])
    assert P.dangling_spacing(jumped) is None
    assert P.dangling_column(jumped) is None


C_HEAD = "全 省 春 耕 生 产 全 面 展 开"
C_TEXT = (
    "本报长春３月１日电连日",
    "来，全省各地抓住有利时",
    "机，组织农民开展春耕备",
    "耕，各地农资供应充足，",
    "农机具检修工作已经基本",
    "完成，技术人员深入田间",
)
DROPPED = "北方煤炭价格回落"
C_REST = ("地头指导农民科学种田。", "今年全省计划播种粮食作", "物五千万亩。（下转第二版）")
D_BYLINE = "新华社记者王明"
D_TEXT = (
    "入春以来，北方煤炭价格",
    "持续回落，多地煤炭库存",
    "明显增加。业内人士说，",
    "煤炭价格回落主要是由于",
    "供暖季结束、需求减少。",
)


def test_dropped_line_is_a_short_line_inside_a_cut_sentence() -> None:
    lines = infos(*C_TEXT, DROPPED, *C_REST)
    k = len(C_TEXT)
    assert P.dropped_line(lines, k)
    assert not P.dropped_line(lines, k - 1)  # a full line of the text
    ended = infos(*C_TEXT[:-1], "完成，技术人员深入田间。", DROPPED, *C_REST)
    assert not P.dropped_line(ended, k)  # after a finished sentence: a paragraph's last line, or a heading
    soft = infos(*C_TEXT, "北方煤炭价格回落，", *C_REST)
    assert not P.dropped_line(soft, k)  # a clause ends there: text
    squeezed = infos("领导、专家、学者、代表", "全省农民开展春耕备", "和群众，一同参加会议，")
    assert not P.dropped_line(squeezed, 1)  # full lines with many marks squeezed hold more characters


def test_echo_share_is_the_share_of_the_lines_pairs_repeated() -> None:
    line = infos(DROPPED)[0]
    assert P.echo_share(line, "".join(D_TEXT)) > 0.5
    assert P.echo_share(line, "".join(C_TEXT)) == 0.0


def test_a_title_dropped_inside_another_story_heads_its_untitled_story() -> None:
    page = spaced((C_HEAD, *C_TEXT, DROPPED, *C_REST, D_BYLINE, *D_TEXT))
    got = articles(*page)
    assert got[0] == [C_HEAD, *C_TEXT, *C_REST]
    assert got[1] == [DROPPED, D_BYLINE, *D_TEXT]


def test_a_short_line_the_later_story_does_not_repeat_stays() -> None:
    other = (
        "入春以来，南方多地雨水",
        "偏多，部分地区出现洪涝",
        "灾害。气象部门提醒说，",
        "各地要做好防汛准备工作",
        "确保群众生命财产安全。",
    )
    page = spaced((C_HEAD, *C_TEXT, DROPPED, *C_REST, D_BYLINE, *other))
    got = articles(*page)
    assert DROPPED in got[0]
    assert got[1][0] == D_BYLINE


def verse(*texts: str) -> list[Unit]:
    return [Unit([ln], 9.0, BODY, True) for ln in infos(*texts)]


def prose(*texts: str) -> Unit:
    return Unit(infos(*texts), 11.0, BODY)


POEM = ("归来的雁阵飞过", "陕北的山梁", "蒲公英就开了", "开在窑洞的墙角")
MORE = ("蹲在土炕上", "想心事的布老虎", "虎啸早已消失", "只有巧手的婆姨")
REPORT = ("本报北京１月１日讯今天", "的北京，节日气氛浓厚。")


def test_is_poem_needs_verse_to_the_end() -> None:
    assert P.is_poem(Story(body=verse(*POEM)))
    assert not P.is_poem(Story(body=[*verse(*POEM), prose(*REPORT)]))
    assert not P.is_poem(Story(body=[prose(*REPORT), *verse(*POEM[:1])]))


def test_verse_tail_is_a_run_of_verse_after_finished_prose() -> None:
    assert P.verse_tail([prose(*REPORT), *verse(*MORE)]) == 1
    assert P.verse_tail([prose(*REPORT), *verse(*MORE[:2])]) is None  # too few lines: a quotation
    assert P.verse_tail([prose("本报北京１月１日讯今天", "的北京，节日气氛"), *verse(*MORE)]) is None
    assert P.verse_tail(verse(*MORE)) is None  # no prose: a poem of its own


def test_verse_after_a_report_goes_back_to_the_poem_above() -> None:
    poem = Story(body=verse(*POEM))
    report = Story(body=[prose(*REPORT), *verse(*MORE)])
    P.return_verse([poem, report])
    assert [u.first.squeezed for u in poem.body] == [*POEM, *MORE]
    assert len(report.body) == 1
    alone = Story(body=[prose(*REPORT), *verse(*MORE)])
    P.return_verse([Story(body=[prose(*REPORT)]), alone])  # no poem above: the verse stays
    assert len(alone.body) == 5
