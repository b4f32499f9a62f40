"""Calendar and clock expressions: what is a TIME and its normalised ISO 8601 value."""

from __future__ import annotations

import pytest

from core.entities.rules.timex import cn_number, find_times


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022年", "2022"),
        ("二〇二二年", "2022"),
        ("一九九八年", "1998"),
        ("１９９８年", "1998"),
        ("1998年12月", "1998-12"),
        ("2022年4月20日", "2022-04-20"),
        ("一九九七年十二月三十一日", "1997-12-31"),
        ("4月20日", "--04-20"),
        ("１２月３１日", "--12-31"),
        ("十月", "--10"),
        ("20日", "---20"),
        ("三十一日", "---31"),
        ("九时二十分", "T09:20"),
        ("3时", "T03:00"),
        ("23:05", "T23:05"),
    ],
)
def test_normalised_value(text: str, expected: str) -> None:
    found = find_times(f"在{text}，")
    assert [(f"在{text}，"[m.start : m.end], m.value) for m in found] == [(text, expected)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("上午九时二十分", [("九时二十分", "T09:20")]),
        ("下午3时", [("3时", "T15:00")]),
        ("晚上八点半", [("八点半", "T20:30")]),
        ("4月20日下午3时", [("4月20日", "--04-20"), ("3时", "--04-20T15:00")]),
        ("1998年1月1日凌晨2:30", [("1998年1月1日", "1998-01-01"), ("2:30", "1998-01-01T02:30")]),
        ("1998年元月1日", [("1998年", "1998"), ("1日", "1998-01-01")]),
        ("元月十五日", [("十五日", "--01-15")]),
        ("2005年正月初", [("2005年", "2005-01")]),
    ],
)
def test_words_without_a_numeral_stay_outside(text: str, expected: list[tuple[str, str]]) -> None:
    """上午, 元月 are relative times (the guide leaves them out): the numbered parts are the
    mentions, each worth the whole expression up to its end."""
    s = f"在{text}，"
    assert [(s[m.start : m.end], m.value) for m in find_times(s)] == expected


@pytest.mark.parametrize(
    ("text", "day"),
    [("他每周四晚上去夜校学习。", "周四"), ("博物馆逢周六、周日免费开放。", "周六"), ("星期天他去了公园。", "星期天")],
)
def test_weekdays(text: str, day: str) -> None:
    assert [text[m.start : m.end] for m in find_times(text)][:1] == [day]


@pytest.mark.parametrize("text", ["一周四次训练", "两周一次例会", "周一次见面"])
def test_week_counts_are_no_weekdays(text: str) -> None:
    assert find_times(text) == []


@pytest.mark.parametrize(
    "text", ["今天", "今年", "上来", "后在", "两点意见", "一日三餐", "第3日", "每日", "20日元", "元月", "元月份"]
)
def test_not_a_time(text: str) -> None:
    assert find_times(text) == []


def test_impossible_date_has_no_value() -> None:
    (m,) = find_times("13月40日")
    assert m.value is None


@pytest.mark.parametrize(
    ("s", "n"),
    [("一九九八", 1998), ("二〇二二", 2022), ("十二", 12), ("三十一", 31), ("２０", 20), ("二十四", 24), ("十", 10)],
)
def test_cn_number(s: str, n: int) -> None:
    assert cn_number(s) == n


def test_year_before_new_years_day_is_a_date_but_yen_is_money() -> None:
    from core.entities.rules.timex import find_times

    assert [t.value for t in find_times("大家喜庆２０３０年元旦。")] == ["2030"]
    assert find_times("售价３０日元") == []
