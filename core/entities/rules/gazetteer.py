"""Word lists behind the rules: administrative divisions, places, organisations, titles, surnames.

All of it is general knowledge or published data (resources/gazetteer/README.md names the sources);
nothing is learned from the gold pages.  Loaded once, lazily, into frozensets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from core.entities.rules.wordlists import entries, words
from core.paths import RESOURCES

GAZETTEER_DIR = RESOURCES / "gazetteer"

# suffixes an administrative division name may be printed without (长春市 → 长春)
_DIVISION_SUFFIXES = (
    "特别行政区",
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    "自治州",
    "自治县",
    "地区",
    "林区",
    "新区",
    "省",
    "市",
    "县",
    "区",
    "盟",
    "旗",
)
# single characters that, after a place name, make a longer place name (延边 + 州)
LOC_SUFFIX_CHARS = frozenset("省市县区州盟旗镇乡村屯")
# words that, after a name, make a smaller place (莲花 + 街道, 乾丰园 + 社区)
LOC_SUFFIX_WORDS = words("place_suffix_words")


# surnames.txt is in order of frequency; this many cover about nine names in ten
_COMMON_SURNAMES = 160


@dataclass(frozen=True, slots=True)
class Gazetteer:
    divisions: frozenset[str]
    places: frozenset[str]
    orgs: frozenset[str]
    org_suffixes: tuple[str, ...]
    titles: frozenset[str]
    surnames: frozenset[str]
    compound_surnames: frozenset[str]
    common_surnames: frozenset[str]  # the most frequent single surnames (the list's first lines)
    translit: frozenset[str]
    not_names: frozenset[str]
    county_short: frozenset[str] = frozenset()  # 延吉, 离石: places in a list of places only
    place_names: frozenset[str] = field(init=False)  # places and divisions: one lookup in ``is_place``

    def __post_init__(self) -> None:
        object.__setattr__(self, "place_names", self.places | self.divisions)

    @property
    def org_pattern(self) -> re.Pattern[str]:
        """Known organisation names of three characters or more, longest first."""
        return _org_pattern(self.orgs)

    def is_place(self, word: str) -> bool:
        return word in self.place_names

    def org_suffix(self, word: str) -> str | None:
        """The longest organisation suffix ``word`` ends with, or None."""
        if not word.endswith(self.org_suffixes):  # one test in C for the common case: none
            return None
        for suf in self.org_suffixes:
            if word.endswith(suf):
                return suf
        return None

    def surname_len(self, s: str) -> int:
        """Length of the surname ``s`` starts with (2 for 欧阳…), 0 when none."""
        if s[:2] in self.compound_surnames:
            return 2
        return 1 if s[:1] in self.surnames else 0

    def is_translit(self, s: str) -> bool:
        return bool(s) and self.translit.issuperset(s)


def _words(name: str) -> list[str]:
    return entries(GAZETTEER_DIR / name)


def autonomous_place(name: str) -> str | None:
    """The place an autonomous division is named after: 恩施土家族苗族自治州 → 恩施, 博尔塔拉蒙古自治州
    → 博尔塔拉; None when ``name`` is no autonomous division.  A one-character group is stripped
    only with its 族 (白族, not 白)."""
    if not name.endswith(("自治州", "自治县", "自治旗")):
        return None
    rest = name[:-3]
    tails = _ethnic_tails()
    while (tail := next((t for t in tails if rest.endswith(t) and len(rest) - len(t) >= 2), None)) is not None:
        rest = rest[: -len(tail)]
    return rest if rest != name[:-3] else None


@lru_cache(maxsize=1)
def _ethnic_tails() -> tuple[str, ...]:
    """What an autonomous division's name may end with, longest group first (哈萨克 before 哈):
    a group with its 族, then the group alone if it has two characters or more."""
    groups = sorted(_words("ethnic_groups.txt"), key=len, reverse=True)
    return tuple(t for g in groups for t in ((g + "族", g) if len(g) >= 2 else (g + "族",)))


@lru_cache(maxsize=1)
def division_codes() -> dict[str, frozenset[str]]:
    """Each division's name and short form (江西省, 江西, 泰和县, 泰和) → its adcodes: which province
    (two digits) and prefecture (four) a place lies in."""
    codes: dict[str, set[str]] = {}
    for code, name in _division_rows():
        forms = {name}
        if (short := _short_form(name)) is not None:
            forms.add(short)
        for form in forms:
            codes.setdefault(form, set()).add(code)
    return {k: frozenset(v) for k, v in codes.items()}


def lies_in(county: str, region: str) -> bool:
    """泰和 lies in 江西, 离石 in 吕梁: some county-level division named ``county`` has its code
    under a province or prefecture named ``region``."""
    codes = division_codes()
    inner, outer = codes.get(county, frozenset()), codes.get(region, frozenset())
    for o in outer:
        if o[2:].strip("0") == "":
            prefix = o[:2]  # a province
        elif o[4:].strip("0") == "":
            prefix = o[:4]  # a prefecture
        else:
            continue
        if any(c.startswith(prefix) and c[4:].strip("0") != "" for c in inner):
            return True
    return False


def _divisions() -> tuple[set[str], set[str]]:
    """Division names with the short forms of provinces and prefectures; and, apart, the short
    forms of counties (延吉, 离石): too often ordinary words alone (和平, 前进), they are places
    only where the context says places (a list of places)."""
    names: set[str] = set()
    county_short: set[str] = set()
    for code, name in _division_rows():
        if len(name) < 2 or (len(name) == 2 and name.endswith("区")) or "辖" in name or "行政区划" in name:
            continue  # 县, 城区, 郊区, 矿区: generic words, not names (滑县, 沛县 are names: a county
            # is matched as a whole jieba word, and jieba cuts 和 县政府, 任 县长 apart)
        names.add(name)
        if (short := _short_form(name)) is not None:  # 大理白族自治州 → 大理 (not 大理白族)
            (names if code[4:6] in ("", "00") else county_short).add(short)
    return names, county_short - names


def _division_rows() -> list[tuple[str, str]]:
    """The (adcode, name) rows of ``divisions.tsv``."""
    rows: list[tuple[str, str]] = []
    for line in (GAZETTEER_DIR / "divisions.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        code, name = (x.strip() for x in line.split("\t", 1))
        rows.append((code, name))
    return rows


def _short_form(name: str) -> str | None:
    """A division's name without its level: the place an autonomous division is named after
    (大理白族自治州 → 大理), else the name before its first division suffix (江西省 → 江西)."""
    if (place := autonomous_place(name)) is not None:
        return place
    return next((name[: -len(x)] for x in _DIVISION_SUFFIXES if name.endswith(x) and len(name) - len(x) >= 2), None)


@lru_cache(maxsize=4)
def _org_pattern(orgs: frozenset[str]) -> re.Pattern[str]:
    long = sorted((o for o in orgs if len(o) >= 3), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, long)) or "(?!)")


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    surnames = _words("surnames.txt")
    divisions, county_short = _divisions()
    return Gazetteer(
        divisions=frozenset(divisions),
        county_short=frozenset(county_short),
        places=frozenset(_words("places.txt")),
        orgs=frozenset(_words("orgs.txt")),
        org_suffixes=tuple(sorted(set(_words("org_suffixes.txt")), key=len, reverse=True)),
        titles=frozenset(_words("titles.txt")),
        surnames=frozenset(s for s in surnames if len(s) == 1),
        compound_surnames=frozenset(s for s in surnames if len(s) == 2),
        common_surnames=frozenset([s for s in surnames if len(s) == 1][:_COMMON_SURNAMES]),
        translit=frozenset("".join(_words("translit.txt"))),
        not_names=frozenset(_words("not_names.txt")),
    )
