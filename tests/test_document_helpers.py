"""Shared by the document/edit/sidecar/export tests: small pages, the page invariant, and a
hypothesis strategy drawing a valid-looking edit for the current page."""

from __future__ import annotations

from collections import Counter
from functools import cache

from hypothesis import strategies as st

from core.edits import (
    AddEntity,
    ConfirmEntity,
    DeleteArticle,
    Edit,
    MergeArticles,
    MoveArticle,
    MoveLines,
    NewArticle,
    RejectEntity,
    RemoveEntity,
    ResizeEntity,
    RetypeEntity,
    SetField,
    SetParagraphStart,
    SetReviewDone,
    SetRole,
    SplitArticle,
)
from core.fields import EDITABLE_FIELDS
from core.lines import split_lines
from core.loader import page_from_text, read_page
from core.model import ROLES, Article, Block, Entity, Page, entity_id
from core.paths import SAMPLE_PAGE
from core.textmap import surface

SAMPLE = SAMPLE_PAGE

SMALL_TEXT = (
    "南 京 新 闻\n"  # 1 title
    "本报记者 张三\n"  # 2 byline
    "\n"  # 3
    "南京工学院的学生在南京\n"  # 4 body
    "参观。南京市民欢迎。\n"  # 5 body
    "\n"  # 6
    "另一篇文章讲上\n"  # 7
    "海和南京的故事。\n"  # 8
    "孤立的一行\n"  # 9 unassigned
)


def small_page() -> Page:
    """Two articles, one unassigned line and a few entities, one crossing a line break."""
    raw = page_from_text(SMALL_TEXT, "small.txt")
    lines = split_lines(raw.text)
    arts = (
        Article("a1", (Block("title", (1,)), Block("byline", (2,)), Block("body", (4, 5)))),
        Article("a2", (Block("body", (7, 8)),)),
    )

    def ent(word: str, type_: str, nth: int = 0) -> Entity:
        flat = [(i, ch) for i, ch in enumerate(raw.text) if not ch.isspace()]
        hay = "".join(ch for _, ch in flat)
        k = -1
        for _ in range(nth + 1):
            k = hay.index(word, k + 1)
        s, e = flat[k][0], flat[k + len(word) - 1][0] + 1
        return Entity(entity_id(s, e), type_, s, e, surface(raw.text, s, e), "auto", "jieba", 0.8)

    ents = sorted([ent("南京工学院", "ORG"), ent("张三", "PER"), ent("上海", "LOC")], key=lambda e: e.start)
    return Page(raw.source, raw.text, lines, arts, (9,), tuple(ents))


@cache
def sample_page() -> Page:
    from core.parse import parse_page

    return parse_page(read_page(SAMPLE), entities=False)


def check_invariant(page: Page) -> None:
    """Every non-empty line in exactly one block or unassigned; blocks non-empty; entity spans
    sorted, non-overlapping, with ids and surfaces that match their spans."""
    counts: Counter[int] = Counter()
    ids = [a.id for a in page.articles]
    assert len(ids) == len(set(ids)), ids
    for a in page.articles:
        assert a.blocks, a.id
        for b in a.blocks:
            assert b.lines, a.id
            assert b.role in ROLES
            counts.update(b.lines)
    counts.update(page.unassigned)
    assert list(page.unassigned) == sorted(page.unassigned)
    nonblank = {ln.number for ln in page.lines if not ln.is_blank}
    assert set(counts) == nonblank
    assert all(c == 1 for c in counts.values())
    last = -1
    for e in page.entities:
        assert e.start >= last and e.start < e.end
        assert e.id == entity_id(e.start, e.end)
        assert e.text == surface(page.text, e.start, e.end)
        last = e.end


@st.composite
def edits(draw: st.DrawFn, page: Page) -> Edit:
    """One edit aimed at ``page``; it may still be refused (EditError), which callers skip."""
    nonblank = [ln.number for ln in page.lines if not ln.is_blank]
    aids = [a.id for a in page.articles] or ["a1"]
    some_lines = st.lists(st.sampled_from(nonblank), min_size=1, max_size=4).map(tuple)
    eids = [e.id for e in page.entities] or ["e0-1"]
    kind = draw(st.integers(0, 17))
    aid = draw(st.sampled_from(aids))
    if kind == 0:
        a = next((x for x in page.articles if x.id == aid), None)
        line = draw(st.sampled_from(a.lines)) if a else 1
        return SplitArticle(aid, line)
    if kind == 1:
        return MergeArticles(aid, draw(st.sampled_from(aids)))
    if kind == 2:
        return MoveLines(draw(some_lines), draw(st.sampled_from([*aids, None])))
    if kind == 3:
        return NewArticle(draw(some_lines), draw(st.sampled_from([None, "body", "title"])))
    if kind == 4:
        return DeleteArticle(aid)
    if kind == 5:
        return MoveArticle(aid, draw(st.integers(0, max(len(aids) - 1, 0))))
    if kind == 6:
        return SetRole(draw(some_lines), draw(st.sampled_from(ROLES)))
    if kind == 7:
        return SetParagraphStart(draw(st.sampled_from(nonblank)), draw(st.booleans()))
    if kind == 8:
        return SetField(aid, draw(st.sampled_from(EDITABLE_FIELDS)), draw(st.sampled_from([None, "改过的标题", "X"])))
    if kind == 9:
        return SetReviewDone(draw(st.booleans()))
    if kind == 10:
        s = draw(st.integers(0, max(len(page.text) - 1, 0)))
        return AddEntity(s, s + draw(st.integers(1, 6)), draw(st.sampled_from(["PER", "LOC", "ORG"])))
    eid = draw(st.sampled_from(eids))
    if kind == 11:
        return RemoveEntity(eid)
    if kind == 12:
        return RetypeEntity(eid, draw(st.sampled_from(["PER", "LOC", "ORG", "TIME"])))
    if kind == 13:
        s = draw(st.integers(0, max(len(page.text) - 1, 0)))
        return ResizeEntity(eid, s, s + draw(st.integers(1, 6)))
    if kind == 14:
        return ConfirmEntity(eid)
    if kind == 15:
        return RejectEntity(eid)
    if kind == 16:
        from core.edits import Batch

        return Batch([draw(edits(page)), draw(edits(page))], "Two edits")
    return SetField(aid, "title", draw(st.text(alphabet="新闻标题", min_size=1, max_size=4)))
