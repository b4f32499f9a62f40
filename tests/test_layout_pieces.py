"""A column of one story printed inside another's text, told by its line spacing (pieces.py), on
pages written for the test."""

from __future__ import annotations

from core.layout import pieces as P
from core.layout.features import LineInfo, line_features
from core.layout.segment import segment
from core.layout.units import BODY, Story, Unit
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


def test_a_story_dangles_in_its_spacing_only_where_its_sentence_is_unfinished() -> None:
    open_story = Story(body=[Unit(infos(*A_START), 11.0, BODY)])
    assert P.dangling_spacing(open_story) == 1
    closed = Story(body=[Unit(infos(*A_START[:3], "引导农户进行生产。"), 11.0, BODY)])
    assert P.dangling_spacing(closed) is None


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
