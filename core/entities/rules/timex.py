"""Calendar and clock expressions with a number, and their normalised ISO 8601 value.

Values use ISO 8601 and its truncated forms for what the text leaves out:

=====================  ==================
text                   value
=====================  ==================
2022年 / 二〇二二年    ``2022``
1998年12月             ``1998-12``
1998年12月31日         ``1998-12-31``
4月20日 / １２月３１日 ``--04-20``
4月                    ``--04``
20日                   ``---20``
上午九时二十分         ``九时二十分``: ``T09:20``
下午3时                ``3时``: ``T15:00``
4月20日下午3时         ``4月20日`` and ``3时``: ``--04-20``, ``--04-20T15:00``
1998年元月1日          ``1998年`` and ``1日``: ``1998``, ``1998-01-01``
周四 / 星期六          ``周四`` / ``星期六`` (no value: a weekday is no date)
90年代 / 21世纪        not a TIME (decades and centuries are periods, not dates)
=====================  ==================

Relative times (今天, 今年, 上来, 后在) are never matched: a TIME needs a numeral.  The words
without one inside an expression (上午, 清晨, 元月) are relative times too: the guide leaves them
out, so the mention is the numbered parts around them, each with the value of the whole
expression up to its end (``上午九时`` is ``九时``, worth ``T09:00``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.entities.rules.wordlists import words

_D = "0-9０-９"
_CN = "〇○零一二三四五六七八九"
_YEAR = rf"(?P<y>[{_D}]{{4}}|[{_CN}]{{4}})年"
_MONTH = rf"(?P<m>[{_D}]{{1,2}}|十[一二]?|[一二三四五六七八九]|元|正)月份?"
_DAY = (
    rf"(?P<d>[{_D}]{{1,2}}|[二三]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?"
    rf"|[一二三四五六七八九])[日号]"
)
_PERIOD = r"(?P<p>凌晨|清晨|早晨|早上|上午|中午|午间|下午|傍晚|晚上|晚间|夜间|深夜|午夜|晚)"
_HOUR = rf"(?P<h>[{_D}]{{1,2}}|二十[一二三四]?|十[一二三四五六七八九]?|[零一二两三四五六七八九])[时点]"
_MIN = rf"(?:(?P<mi>[{_D}]{{1,2}}|[二三四五]?十[一二三四五六七八九]?|零?[一二三四五六七八九])分|(?P<half>半))"
_CLOCK = rf"(?:{_PERIOD}?(?:{_HOUR}(?:{_MIN})?|(?P<h2>[{_D}]{{1,2}})[:：](?P<mi2>[{_D}]{{2}})))"
# 周四 is a weekday, 一周四次 a count of weeks, 周一次 once a week
_WEEK = (
    r"(?:(?:星期|礼拜)[一二三四五六日天]"
    r"|(?<![一二两三四五六七八九十几数0-9０-９])周[一二三四五六日](?![十百千个次年期天周]))"
)
# every alternative needs a numeral; the lookahead makes the scan cheap on ordinary text
TIME_RE = re.compile(
    rf"(?=[{_D}{_CN}十廿两凌清早上中午下傍晚夜深星礼周元正])"
    rf"(?:{_WEEK}|(?:{_YEAR})?(?:{_MONTH})?(?:{_DAY})?{_CLOCK}?)"
)
# a number right before or after means a quantity, not a date (3.5月 / 20日元 are rare; 第20日 too)
_BAD_BEFORE = frozenset("0123456789０１２３４５６７８９.．%第每")
_BAD_AFTER = ("元", "圆", "美元", "日元", "天", "个")
_FESTIVAL = ("元旦", "元宵")
# how far before a number of 点 a market word makes it index points (指数上涨了15点)
_MARKET_REACH = 6  # ``1998年元旦`` is a date, ``20日元`` money

_WIDE = str.maketrans("０１２３４５６７８９", "0123456789")
_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_CN_DIGIT |= {"○": 0, "零": 0, "两": 2, "元": 1, "正": 1}


def cn_number(s: str) -> int | None:
    """Arabic (ASCII or full-width) or Chinese numerals up to 9999 → int."""
    s = s.translate(_WIDE)
    if s.isdigit():
        return int(s)
    if all(c in _CN_DIGIT for c in s):  # digit by digit: 一九九八, 二〇二二
        n = 0
        for c in s:
            n = n * 10 + _CN_DIGIT[c]
        return n
    total, cur = 0, 0
    for c in s:
        if c in _CN_DIGIT:
            cur = _CN_DIGIT[c]
        elif c in "十廿":
            total += (cur or 1) * (10 if c == "十" else 20)
            cur = 0
        elif c == "百":
            total += (cur or 1) * 100
            cur = 0
        else:
            return None
    return total + cur


@dataclass(frozen=True, slots=True)
class TimeMatch:
    start: int
    end: int
    value: str | None


def _value(m: re.Match[str]) -> str | None:
    y, mo, d = (cn_number(m.group(k)) if m.group(k) else None for k in ("y", "m", "d"))
    date = ""
    if y is not None:
        date = f"{y:04d}"
        if mo is not None:
            date += f"-{mo:02d}" + (f"-{d:02d}" if d is not None else "")
    elif mo is not None:
        date = f"--{mo:02d}" + (f"-{d:02d}" if d is not None else "")
    elif d is not None:
        date = f"---{d:02d}"
    if (mo is not None and not 1 <= mo <= 12) or (d is not None and not 1 <= d <= 31):
        return None
    h_txt = m.group("h") or m.group("h2")
    if h_txt is None:
        return date or None
    h = cn_number(h_txt)
    mi_txt = m.group("mi") or m.group("mi2")
    mi = cn_number(mi_txt) if mi_txt else (30 if m.group("half") else 0)
    if h is None or mi is None:
        return date or None
    if m.group("p") in ("下午", "傍晚", "晚上", "晚间", "晚", "夜间", "深夜") and h < 12:
        h += 12
    if not (0 <= h <= 24 and 0 <= mi < 60):
        return date or None
    return f"{date}T{h:02d}:{mi:02d}"


def _looks_like_quantity(m: re.Match[str]) -> bool:
    """两点意见, 一日三餐: a Chinese numeral alone before 点/日 is a count, not a time."""
    if m.group(0) in ("元月", "正月"):
        return True  # no numeral at all
    h = m.group("h")
    if h and m.group(0).endswith("点") and not m.group("p") and not h.translate(_WIDE).isdigit():
        return not (m.group("d") or m.group("m"))
    d = m.group("d")
    only_day = d and not (m.group("m") or m.group("y") or h or m.group("h2"))
    return bool(only_day and len(d) == 1 and not d.translate(_WIDE).isdigit())


def _index_points(text: str, m: re.Match[str]) -> bool:
    """上涨15点, 收于3200点: a number of 点 after a market word counts points, not hours."""
    if not m.group(0).endswith("点") or m.group("d") or m.group("m") or m.group("p"):
        return False
    before = text[max(0, m.start() - _MARKET_REACH) : m.start()]
    return any(w in before for w in words("market_words"))


def _numbered_parts(m: re.Match[str]) -> list[tuple[int, int]]:
    """The spans of ``m`` left when its words without a numeral (上午, 元月) are taken out."""
    gaps = []
    if m.group("p"):
        gaps.append(m.span("p"))
    if m.group("m") in ("元", "正"):
        end = m.end("m") + 1  # 元 + 月
        gaps.append((m.start("m"), end + (m.string.startswith("份", end) and end < m.end())))
    if not gaps:
        return [m.span()]
    parts, at = [], m.start()
    for s, e in sorted(gaps):
        if s > at:
            parts.append((at, s))
        at = e
    if at < m.end():
        parts.append((at, m.end()))
    return parts


# a year written with its last two digits in Chinese (九七年, 〇五年); 三四年, 七八年 (consecutive
# digits) are "three or four years", and a longer numeral before (一九九七年) is matched above
_SHORT_YEAR_RE = re.compile(rf"(?<![{_D}{_CN}十百千万两几第每])([{_CN}])([{_CN}])年(?![代级纪])")
# a commemorative day named by its month and day in quotes (“七一”, 『八一』, “五四”)
_QUOTED_DAY_RE = re.compile(r"(?<=[“『「‘\"])([一二三四五六七八九十]{2})(?=[”』」’\"])")


def _short_years(text: str) -> list[TimeMatch]:
    out: list[TimeMatch] = []
    for m in _SHORT_YEAR_RE.finditer(text):
        a, b = _CN_DIGIT[m.group(1)], _CN_DIGIT[m.group(2)]
        if b != a + 1:
            out.append(TimeMatch(m.start(), m.end(), None))
    return out


def _quoted_days(text: str) -> list[TimeMatch]:
    days = words("commemorative_days")
    return [
        TimeMatch(m.start(), m.end(), f"--{cn_number(m.group()[0]):02d}-{cn_number(m.group()[1:]):02d}")
        for m in _QUOTED_DAY_RE.finditer(text)
        if m.group() in days
    ]


def find_times(text: str) -> list[TimeMatch]:
    """Every calendar/clock expression with a numeral in ``text`` (its numbered parts)."""
    out: list[TimeMatch] = []
    if "年" in text:
        out.extend(_short_years(text))
    if "“" in text or "『" in text or "「" in text or '"' in text or "‘" in text:
        out.extend(_quoted_days(text))
    for m in TIME_RE.finditer(text):
        s, e = m.span()
        if s == e:
            continue
        if s > 0 and text[s - 1] in _BAD_BEFORE and not (text[s] == "周" and text[s - 1] == "每"):
            continue
        if (text.startswith(_BAD_AFTER, e) and not text.startswith(_FESTIVAL, e)) or _looks_like_quantity(m):
            continue
        if _index_points(text, m):
            continue
        try:
            value = _value(m)
        except IndexError:
            value = None
        parts = _numbered_parts(m)
        if not parts:
            continue  # 元月份: no numeral left
        for ps, pe in parts[:-1]:  # 1998年 | 元月 | 1日: the year part is worth its own value
            head = TIME_RE.match(text, ps, pe)
            out.append(TimeMatch(ps, pe, _value(head) if head is not None and head.end() == pe else None))
        out.append(TimeMatch(*parts[-1], value))
    return sorted(out, key=lambda t: t.start)
