"""Datelines: the opening ``本报…讯（记者…）`` / ``新华社…电`` of a story, and its parts."""

from __future__ import annotations

import pytest

from core.dateline import dateline_fields, find_dateline


def parts(s: str) -> tuple[str, dict[str, object]] | None:
    found = find_dateline(s)
    if found is None:
        return None
    return s[found.start : found.end], dateline_fields(s, found)


@pytest.mark.parametrize(
    ("s", "dateline", "source", "place", "date", "reporters"),
    [
        ("本报4月20日讯（记者黄鹭）今天，省委书记", "本报4月20日讯（记者黄鹭）", "本报", "", "4月20日", ["黄鹭"]),
        ("新华社北京4月20日电 外交部发言人", "新华社北京4月20日电", "新华社", "北京", "4月20日", []),
        ("本报讯（记者于小博）近日，记者从", "本报讯（记者于小博）", "本报", "", "", ["于小博"]),
        (
            "本报４月２０日讯（记者王小明、李华）今天",
            "本报４月２０日讯（记者王小明、李华）",
            "本报",
            "",
            "４月２０日",
            ["王小明", "李华"],
        ),
        (
            "新华社北京４月２０日电（记者张三　李四）记者",
            "新华社北京４月２０日电（记者张三　李四）",
            "新华社",
            "北京",
            "４月２０日",
            ["张三", "李四"],
        ),
        ("中新社上海4月19日电（记者 陈静）", "中新社上海4月19日电（记者 陈静）", "中新社", "上海", "4月19日", ["陈静"]),
        (
            "本报长春4月20日电（记者 刘 洋 通讯员 张 伟）",
            "本报长春4月20日电（记者 刘 洋 通讯员 张 伟）",
            "本报",
            "长春",
            "4月20日",
            ["刘洋", "张伟"],
        ),
        (
            "本报讯（通讯员 赵一鸣 记者 钱 多）",
            "本报讯（通讯员 赵一鸣 记者 钱 多）",
            "本报",
            "",
            "",
            ["赵一鸣", "钱多"],
        ),
        ("新华社华盛顿2022年4月19日电", "新华社华盛顿2022年4月19日电", "新华社", "华盛顿", "2022年4月19日", []),
        ("本报十月一日讯 国庆假期", "本报十月一日讯", "本报", "", "十月一日", []),
    ],
)
def test_datelines(s: str, dateline: str, source: str, place: str, date: str, reporters: list[str]) -> None:
    found = parts(s)
    assert found is not None
    text, fields = found
    assert text == dateline
    assert fields == {"source": source, "place": place, "date": date, "reporters": reporters}


def test_spans_point_into_the_string() -> None:
    s = "新华社北京4月20日电（记者张三）外交部"
    found = find_dateline(s)
    assert found is not None
    assert s[slice(*found.source)] == "新华社"
    assert found.place is not None and s[slice(*found.place)] == "北京"
    assert found.date is not None and s[slice(*found.date)] == "4月20日"
    assert [s[a:b] for a, b in found.reporters] == ["张三"]


@pytest.mark.parametrize(
    "s",
    [
        "本报记者走访了长春市多个社区。",
        "本报评论员文章",
        "新华社记者张三摄",
        "新华社电",  # a wire story needs a date
        "本报电",
        "今天上午，本报讯息平台正式上线。",
        "会议指出，要坚持科学精准。",
        "4月20日讯",
        "",
        "（新华社记者 李贺 摄）",
    ],
)
def test_not_a_dateline(s: str) -> None:
    assert find_dateline(s) is None


def test_could_open_lines_finds_every_line_could_open_passes() -> None:
    from core.dateline import could_open, could_open_lines

    lines = [
        "本报北京4月20日讯（记者黄鹭）",
        "新华社北京4月20日电",
        "他在会上说，要把工作做好。",
        "据中新社报道，",
        "1234567890新华社",  # the source too far in
        "",
        "市日报社记者",
    ]
    starts = [sum(len(line) + 1 for line in lines[:k]) for k in range(len(lines))]
    found = could_open_lines("\n".join(lines), starts)
    assert {k for k, line in enumerate(lines) if could_open(line)} <= found
    assert 2 not in found and 4 not in found and 5 not in found
    assert could_open_lines("", [0]) == set()
