"""A headline whose bracketed note wraps onto a second line (``…预报（３月５日`` / ``８时—６日８时）``):
the closing bracket must not read as the end of a sentence, so the two lines stay a headline."""

from __future__ import annotations

from core.layout.features import line_features
from core.layout.units import HEAD, Unit, headline_note, make_units
from core.lines import split_lines


def unit(*texts: str) -> Unit:
    return Unit(line_features(split_lines("\n".join(texts) + "\n")), 20.0)


def test_a_wrapped_note_closes_a_headline() -> None:
    assert headline_note(unit("城区空气质量预报（３月５日", "８时—６日８时）"))


def test_credits_captions_and_sentences_are_notheadline_notes() -> None:
    assert not headline_note(unit("清晨的码头工人（本报记者王", "小明摄）"))  # a photo credit
    assert not headline_note(unit("　　渔歌（木刻）（陈", "立）"))  # an indented list item
    assert not headline_note(unit("他说，明年（１９９９年", "）会更好。"))  # running text
    assert not headline_note(unit("城区空气质量预报", "（３月５日）"))  # nothing wraps


PAGE = """　　今年春播面积比去年扩大一成，各地农机已经全部检修完毕，
种子化肥也已经运到田头，农民们正在抓紧时间整地备耕。

城区空气质量预报（３月５日
８时—６日８时）

　　受偏北风影响，５日白天到夜间城区空气扩散条件较好，
首要污染物为可吸入颗粒物，空气质量以良为主。
"""


def test_the_wrapped_headline_on_a_page_is_a_headline_unit() -> None:
    units = make_units(line_features(split_lines(PAGE)))
    head = [u for u in units if u.first.squeezed.startswith("城区")]
    assert len(head) == 1 and head[0].kind == HEAD and len(head[0].lines) == 2
