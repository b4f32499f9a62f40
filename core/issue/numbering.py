"""Page numbers and order from file names: ``p1``, ``01``, ``A01``, ``第一版``, ``第1版``, ``page-003``.

An issue arrives as a folder of page files named by whoever scanned or extracted it.  The printed
page number (版次) is what jump markers (``（下转第四版）``) refer to, so it is read from the name
where the name says it, by the most explicit pattern first; a date in the name
(``jilin-2022-04-21-p1``) is never taken for a page number.  When names give no number, or two
pages would share one, every page is numbered by its place in natural order (``p2`` before
``p10``) — the sane fallback, said in ``PageNumber.guessed``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
FULLWIDTH = str.maketrans(
    "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ", "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
)
MAX_PAGE = 999

_CN_NUM = r"[〇零一二两三四五六七八九十百\d]+"
_EDITION = re.compile(rf"第\s*({_CN_NUM})\s*版")
_BAN = re.compile(rf"({_CN_NUM})\s*版")
_PREFIXED = re.compile(r"(?:^|[^a-z])(?:page|pg|p)[-_ .]?(\d{1,3})(?!\d)", re.IGNORECASE)
_SECTION = re.compile(r"(?:^|[^A-Za-z0-9])([A-Z])[-_]?(\d{1,3})(?!\d)")
_DATE = re.compile(r"(?<!\d)(?:19|20)\d\d([-_.]?)(?:0[1-9]|1[0-2])\1(?:0[1-9]|[12]\d|3[01])(?!\d)")
_CN_DATE = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DIGITS = re.compile(r"(?<!\d)(\d{1,3})(?!\d)")
_NATURAL = re.compile(r"(\d+)")


@dataclass(frozen=True, slots=True)
class PageNumber:
    """A printed page number: ``section`` letter (``A`` of ``A01``, often empty), ``number``, the
    ``label`` an editor reads, and ``guessed`` when it came from the order, not the name."""

    number: int
    section: str = ""
    guessed: bool = False

    @property
    def label(self) -> str:
        return f"{self.section}{self.number:02d}" if self.section else str(self.number)


def chinese_number(text: str) -> int | None:
    """``四`` → 4, ``十二`` → 12, ``二十`` → 20, ``一百零一`` → 101; Arabic digits pass through."""
    text = text.translate(FULLWIDTH).strip()
    if not text:
        return None
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch in CN_DIGITS:
            current = CN_DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def number_from_name(stem: str) -> PageNumber | None:
    """The page number a file name states, or None when it states none."""
    text = stem.translate(FULLWIDTH)
    for pattern in (_EDITION, _BAN):
        m = pattern.search(text)
        if m:
            n = chinese_number(m.group(1))
            if n is not None and 0 < n <= MAX_PAGE:
                return PageNumber(n)
    undated = _DATE.sub(" ", _CN_DATE.sub(" ", text))
    m = _PREFIXED.search(undated)
    if m and int(m.group(1)) > 0:
        return PageNumber(int(m.group(1)))
    m = _SECTION.search(undated)
    if m and int(m.group(2)) > 0:
        return PageNumber(int(m.group(2)), m.group(1))
    runs = [int(x) for x in _DIGITS.findall(undated) if int(x) > 0]
    if runs:
        return PageNumber(runs[-1])
    return None


def natural_key(name: str) -> tuple[object, ...]:
    """Sort key with runs of digits as numbers (``p2`` before ``p10``)."""
    parts = _NATURAL.split(name.casefold())
    return tuple((1, int(x)) if i % 2 else (0, x) for i, x in enumerate(parts))


def number_pages(stems: Sequence[str]) -> list[tuple[int, PageNumber]]:
    """``(index into stems, number)`` in page order.

    Ordered by section and number when every name states one and no two clash; otherwise by
    natural name order, numbered 1, 2, … (``guessed``)."""
    found = [number_from_name(s) for s in stems]
    keys = [(f.section, f.number) for f in found if f is not None]
    if found and all(f is not None for f in found) and len(set(keys)) == len(keys):
        numbered = [(i, f) for i, f in enumerate(found) if f is not None]
        return sorted(numbered, key=lambda x: (x[1].section, x[1].number))
    order = sorted(range(len(stems)), key=lambda i: natural_key(stems[i]))
    return [(i, PageNumber(k + 1, guessed=True)) for k, i in enumerate(order)]


def date_from_name(name: str) -> str | None:
    """An ISO date a folder or file name holds (``2022-04-21``, ``20220421``, ``2022年4月21日``)."""
    text = name.translate(FULLWIDTH)
    m = _CN_DATE.search(text)
    if m:
        y, mo, d = (int(x) for x in m.groups())
        return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else None
    m = _DATE.search(text)
    if m:
        digits = re.sub(r"\D", "", m.group(0))
        return f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}"
    return None
