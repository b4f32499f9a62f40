"""A paragraph set in the column is not a headline, however it ends: its first line is indented (or
short by the indent it lost) and the text wraps at the column's width.  Pages written for the test."""

from __future__ import annotations

from core.layout import evidence as E
from core.layout.features import LineInfo, line_features
from core.layout.headlines import review_headlines
from core.layout.interleave import mark_units
from core.layout.units import BODY, HEAD, Unit, make_units
from core.lines import split_lines


def infos(*texts: str) -> list[LineInfo]:
    return line_features(split_lines("\n".join(texts) + "\n"))


def reviewed(*texts: str) -> list[Unit]:
    lines = infos(*texts)
    units = make_units(lines)
    mark_units(units, lines)
    return review_headlines(units)


def kind_of(units: list[Unit], text: str) -> str:
    return next(u.kind for u in units if any(ln.squeezed == text for ln in u.lines))


def test_paragraph_shape_is_an_indented_first_line_then_a_full_one() -> None:
    assert (
        E.paragraph_shape(infos("各地政府全力组织群", "众抗灾力争降低灾害损失"), 11) == 1.0
    )  # short by its lost indent
    assert E.paragraph_shape(infos("\u3000\u3000今年粮食总产", "量创下新的记录以及高产"), 11) == 1.0  # indent kept
    assert E.paragraph_shape(infos("全力组织抗灾", "力争降低损失"), 11) == 0.0  # centred: fills no column
    assert E.paragraph_shape(infos("各地政府全力组织群众抗", "灾力争降低灾害损失"), 11) == 0.0  # no indent
    assert E.paragraph_shape(infos("全 力 组 织 抗 灾", "力 争 降 低 灾 害 损 失 啊"), 11) == 0.0  # display type
    assert E.paragraph_shape(infos("各地政府全力组织群"), 11) == 0.0  # one line says nothing


DATED_BODY = (
    "据新华社北京１２月",
    "",
    "３０日电各地政府召开会",
    "",
    "议部署工作，要求加快进",
    "",
    "度做好各项准备，确保群",
    "",
    "众安全过冬。",
)
LEAD = ("各地政府全力组织群", "", "众抗灾力争降低灾害损失", "")


def test_a_paragraph_under_the_title_is_body_text() -> None:
    units = reviewed("各 地 部 署 冬 季 工 作", "", *LEAD, *DATED_BODY)
    assert kind_of(units, "各地部署冬季工作") == HEAD
    assert kind_of(units, "各地政府全力组织群") == BODY
    assert kind_of(units, "众抗灾力争降低灾害损失") == BODY


def test_a_centred_subtitle_stays_a_headline() -> None:
    units = reviewed("各 地 部 署 冬 季 工 作", "", "全力组织抗灾", "", "力争降低损失", "", *DATED_BODY)
    assert kind_of(units, "全力组织抗灾") == HEAD


def test_a_spaced_title_over_two_lines_keeps_its_cut_word() -> None:
    # the page prints ``关心西藏``: the title's two lines end and open on a pair the page prints,
    # which inside running text would say the second line finishes the first one's word
    units = reviewed(
        "党 中 央 国 务 院 关 心", "西 藏 雪 灾 救 灾 工 作", "", *LEAD, *DATED_BODY, "", "党中央关心西藏灾情。"
    )
    assert kind_of(units, "党中央国务院关心") == HEAD
    assert kind_of(units, "西藏雪灾救灾工作") == HEAD
    assert kind_of(units, "各地政府全力组织群") == BODY


def test_splits_off_dated_story_between_finished_text_and_a_dateline() -> None:
    closed = Unit(infos("会议指出今年任务艰巨。"), 11)
    lead = Unit(infos("各地政府全力组织群", "众抗灾力争降低灾害损失"), 11, HEAD)
    dated = Unit(infos("本报北京１月１日电各地", "政府召开会议部署工作。"), 11)
    assert E.splits_off_dated_story([closed, lead, dated], 1)
    assert not E.splits_off_dated_story([closed, lead, closed], 1)
    open_ = Unit(infos("会议指出今年任务艰巨而"), 11)
    assert not E.splits_off_dated_story([open_, lead, dated], 1)


def test_indented_like_body_needs_the_same_ideographic_indent_nearby() -> None:
    para = Unit(infos("\u3000\u3000苦涩里又有甜蜜", "开得那么认真。"), 7.0)
    line = Unit(infos("\u3000\u3000它洁白的浆汁为"), 7.0, HEAD)
    centred = Unit(infos("  它洁白的浆汁为"), 7.0, HEAD)  # spaces that centre a line are no indent
    plain = Unit(infos("苦涩里又有甜蜜。"), 7.0)
    assert E.indented_like_body([line, para], 0) == 1.0
    assert E.indented_like_body([centred, para], 0) == 0.0
    assert E.indented_like_body([line, plain], 0) == 0.0


def test_lines_of_a_poem_indented_like_its_stanzas_are_not_headlines() -> None:
    stanza = ("\u3000\u3000苦涩里又有甜", "", "蜜和芬芳。", "")
    units = reviewed(*stanza, "\u3000\u3000从生活的缝隙间", "", "\u3000\u3000它洁白的浆汁为", "", *stanza, *stanza)
    assert kind_of(units, "它洁白的浆汁为") == BODY
    assert kind_of(units, "从生活的缝隙间") == BODY


def test_a_spaced_line_set_tight_under_a_spaced_title_line_is_its_second_line() -> None:
    units = reviewed(
        "宁 夏 ： 农 业 产 业 化 铺 筑 致 富 路",
        "",
        "我 驻 南 非 大 使 馆 开 馆",
        "钱 其 琛 揭 牌 并 讲 话",
        "",
        "编辑点评：",
        "每个地方，不管是东",
        "部还是西部，不管是发达",
        "地区还是相对落后的地",
        "区，都有自己的优势。",
    )
    assert kind_of(units, "钱其琛揭牌并讲话") == HEAD


def test_inside_poem_is_between_two_lines_the_poem_finder_marked() -> None:
    verse = Unit(infos("蹲在窑洞的土炕上"), 8.0, verse=True)
    prose = Unit(infos("蹲在窑洞的土炕上看着远方。"), 8.0)
    line = Unit(infos("虎啸的雷鸣和风声"), 8.0, HEAD)
    assert E.inside_poem([verse, line, verse], 1) == 1.0
    assert E.inside_poem([prose, line, verse], 1) == 0.0
    assert E.inside_poem([line, verse], 0) == 0.0


def test_a_rejected_paragraph_is_as_wide_as_the_column_its_score_measured() -> None:
    """``headline_score`` hands back the column and the paragraph shape it measured; a headline it
    rejects that is set like a paragraph takes that column's width (its own lines, the first short
    by an indent, are narrower)."""
    lines = infos("各 地 部 署 冬 季 工 作", "", *LEAD, *DATED_BODY)
    units = make_units(lines)
    mark_units(units, lines)
    lead = next(k for k, u in enumerate(units) if u.first.squeezed == "各地政府全力组织群")
    got = E.headline_score(units, lead)
    assert got is not None and got.score < 0
    assert (got.col, got.paragraph) == (E.reference_column(units, lead), 1.0)
    assert units[lead].width < got.col
    widened = next(u for u in review_headlines(units) if u.first.squeezed == "各地政府全力组织群")
    assert (widened.kind, widened.width) == (BODY, got.col)
