"""Squeezing spaced-out characters, reflowing lines, and mapping back to raw offsets."""

from __future__ import annotations

import pytest

from core.textmap import MappedText, assemble, is_wide, squeeze_spaces, surface


@pytest.mark.parametrize(
    ("line", "squeezed"),
    [
        ("落 细 防 控", "落细防控"),
        ("  落 细 防 控 措 施  严 防 疫 情 反 弹 ", "落细防控措施严防疫情反弹"),
        ("落\u3000细\u3000防\u3000控", "落细防控"),
        ("博鳌 2022 年会", "博鳌2022年会"),
        ("COVID 19 防控", "COVID 19防控"),
        ("New  York 时报", "New York时报"),
        ("无空格", "无空格"),
        ("", ""),
    ],
)
def test_squeeze_spaces(line: str, squeezed: str) -> None:
    assert squeeze_spaces(line) == squeezed


def test_squeezed_headline_maps_back() -> None:
    raw = "前文\n落 细 防 控\n后文"
    m = assemble(raw, [(3, 10)], squeeze=True)
    assert m.text == "落细防控"
    assert m.offsets == (3, 5, 7, 9)
    assert all(raw[o] == ch for o, ch in zip(m.offsets, m.text, strict=True))
    assert m.to_raw(1, 3) == (5, 8)  # 细防 → raw "细 防"
    assert raw[slice(*m.to_raw(0, 4))] == "落 细 防 控"
    assert m.from_raw(5, 8) == (1, 3)
    assert m.from_raw(4, 5) is None  # a layout space maps to no character


def test_reflow_across_lines_with_no_separator() -> None:
    raw = "本报讯 今天，省\n\n委书记景俊海\n  主持会议。  \n"
    spans = [(0, 8), (10, 16), (17, 26)]
    m = assemble(raw, spans, squeeze=True)
    assert m.text == "本报讯今天，省委书记景俊海主持会议。"
    assert all(raw[o] == ch for o, ch in zip(m.offsets, m.text, strict=True))
    s, e = m.to_raw(m.text.index("省委"), m.text.index("省委") + 2)
    assert raw[s:e] == "省\n\n委"
    assert surface(raw, s, e) == "省委"


def test_separator_maps_to_minus_one() -> None:
    raw = "甲乙\n丙丁\n\n\n戊"
    m = assemble(raw, [(0, 2), (3, 5), (6, 6), (8, 9)], separator=" ")
    assert m.text == "甲乙 丙丁 戊"
    assert m.offsets == (0, 1, -1, 3, 4, -1, 8)
    assert m.to_raw(1, 4) == (1, 4)
    with pytest.raises(ValueError):
        m.to_raw(2, 3)


def test_without_squeeze_spaces_inside_stay() -> None:
    raw = " 新华社北京4月20日电 外交部 "
    m = assemble(raw, [(0, len(raw))])
    assert m.text == "新华社北京4月20日电 外交部"
    assert m.offsets[0] == 1


def test_surface_drops_line_breaks_and_layout_spaces() -> None:
    raw = "副省长安立\n\n佳提出 要 求"
    assert surface(raw, 3, 8) == "安立佳"
    assert surface(raw, 8, len(raw)) == "提出要求"
    assert surface(raw, 0, 0) == ""


def test_is_wide() -> None:
    assert all(is_wide(ch) for ch in "中，。“”—…（）４Ａ\u3000")
    assert not any(is_wide(ch) for ch in "a1 ,.()")


def test_empty_mapping() -> None:
    assert assemble("   \n ", [(0, 3), (4, 5)]) == MappedText("", ())
