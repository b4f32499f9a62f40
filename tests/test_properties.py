"""Properties of the parse on any text: every non-empty line in exactly one place, offsets that
point at their characters, a valid export, and entity surfaces that match their spans."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.export_json import page_to_dict, validate
from core.loader import page_from_text
from core.model import ROLES, Page
from core.parse import parse_page
from core.textmap import surface

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF)
PUNCT = st.sampled_from([*"，。、；：！？“”（）《》——…·●【】", "\u3000", "（下转第四版）", "（上接第一版）"])
ASCII = st.characters(min_codepoint=0x20, max_codepoint=0x7E)
SPACE = st.sampled_from([" ", "  ", "\u3000", "\t"])
WORDS = st.sampled_from(
    [
        "本报4月20日讯（记者黄鹭）",
        "新华社北京4月20日电 ",
        "本报记者 李抑嫱",
        "落 细 防 控",
        "●总书记和人民心贴心●",
        "（新华社记者 李贺 摄）",
        "——",
        "（第四版）",
        "１２",
        "2022年",
    ]
)
PIECE = st.one_of(CJK, CJK, CJK, PUNCT, ASCII, SPACE, WORDS)


@st.composite
def page_texts(draw: st.DrawFn) -> str:
    lines = draw(st.lists(st.lists(PIECE, max_size=30).map("".join), max_size=40))
    seps = draw(
        st.lists(
            st.sampled_from(["\n", "\n", "\n\n", "\n\n\n", "\r\n", "\r"]), min_size=len(lines), max_size=len(lines)
        )
    )
    return "".join(line + sep for line, sep in zip(lines, seps, strict=True)) + draw(st.sampled_from(["", "x"]))


def check_page(page: Page) -> None:
    text = page.text
    for ln in page.lines:
        assert text[ln.start : ln.end] == ln.text
        assert "\n" not in ln.text
    assert [ln.number for ln in page.lines] == list(range(1, len(page.lines) + 1))
    seen: list[int] = []
    for a in page.articles:
        assert a.blocks
        for b in a.blocks:
            assert b.role in ROLES
            assert b.lines
            seen.extend(b.lines)
    seen.extend(page.unassigned)
    non_blank = [ln.number for ln in page.lines if not ln.is_blank]
    assert sorted(seen) == non_blank  # each non-empty line once, blank lines nowhere
    assert len({a.id for a in page.articles}) == len(page.articles)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page_texts())
def test_every_line_lands_once_and_offsets_hold(t: str) -> None:
    page = parse_page(page_from_text(t), entities=False)
    check_page(page)
    doc = page_to_dict(page, updated="2026-01-01T00:00:00+00:00")
    validate(doc)
    assert doc["text"] == page.text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page_texts())
def test_entities_match_their_spans(t: str) -> None:
    page = parse_page(page_from_text(t), entities=True)
    check_page(page)
    prev_end = -1
    for e in page.entities:
        assert 0 <= e.start < e.end <= len(page.text)
        assert e.text == surface(page.text, e.start, e.end)
        assert e.start >= prev_end  # sorted, no overlap
        prev_end = e.end
    validate(page_to_dict(page, updated="2026-01-01T00:00:00+00:00"))


def test_entities_on_a_known_line() -> None:
    page = parse_page(page_from_text("新华社北京4月20日电 外交部\n\n发言人华春莹20日宣布。\n"))
    assert {e.text for e in page.entities} >= {"新华社", "北京", "华春莹"}
    for e in page.entities:
        assert e.text == surface(page.text, e.start, e.end)
