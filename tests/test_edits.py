"""Each edit: apply then revert gives back the page; impossible edits are refused cleanly."""

from __future__ import annotations

import pytest

from core.document import Document
from core.edits import (
    AddEntity,
    Batch,
    ConfirmEntity,
    DeleteArticle,
    Edit,
    EditError,
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
    apply_to_all,
)
from core.fields import article_fields
from tests.test_document_helpers import check_invariant, sample_page, small_page

PER = "e13-15"
ORG = "e17-22"


def roundtrip(edit: Edit) -> Document:
    doc = Document(small_page())
    before = doc.state
    doc.apply(edit)
    check_invariant(doc.page)
    after = doc.state
    assert after != before
    doc.revert(edit)
    assert doc.state == before
    doc.apply(edit)  # redo gives the same result
    assert doc.state == after
    return doc


@pytest.mark.parametrize(
    "edit",
    [
        SplitArticle("a1", 4),
        SplitArticle("a1", 5),
        MergeArticles("a1", "a2"),
        MergeArticles("a2", "a1"),
        MoveLines((5,), "a2"),
        MoveLines((7, 8), "a1"),
        MoveLines((9,), "a2"),
        MoveLines((2, 9), None),
        MoveLines((7, 8), None),
        NewArticle((5, 9)),
        NewArticle((1,), "title", index=0),
        DeleteArticle("a1"),
        MoveArticle("a2", 0),
        SetRole((2,), "title"),
        SetRole((5,), "caption"),
        SetParagraphStart(5, True),
        SetField("a1", "title", "南京新闻（改）"),
        SetReviewDone(True),
        AddEntity(26, 28, "LOC"),
        AddEntity(4, 9, "ORG"),
        RemoveEntity(PER),
        RetypeEntity(PER, "ORG"),
        ResizeEntity(ORG, 17, 19),
        ConfirmEntity(PER),
        ConfirmEntity(PER, "ORG"),
        RejectEntity(ORG),
        Batch([SplitArticle("a1", 5), AddEntity(26, 28, "LOC"), SetField("a2", "byline", "x")], "Three"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_apply_revert_gives_back_the_page(edit: Edit) -> None:
    roundtrip(edit)


def test_split_makes_a_new_article_after_the_original() -> None:
    doc = roundtrip(SplitArticle("a1", 5))
    assert [a.id for a in doc.page.articles] == ["a1", "a3", "a2"]
    assert doc.article("a1").blocks[-1].lines == (4,)
    assert doc.article("a3").lines == (5,)


def test_delete_article_unassigns_its_lines() -> None:
    doc = roundtrip(DeleteArticle("a2"))
    assert doc.page.unassigned == (7, 8, 9)


def test_moving_all_lines_removes_the_article_and_undo_restores_overrides() -> None:
    doc = Document(small_page())
    doc.apply(SetField("a2", "title", "T"))
    before = doc.page
    edit = MoveLines((7, 8), "a1")
    doc.apply(edit)
    assert [a.id for a in doc.page.articles] == ["a1"]
    doc.revert(edit)
    assert doc.page == before


def test_set_role_joins_headline_lines() -> None:
    doc = roundtrip(SetRole((2,), "title"))
    assert doc.article("a1").blocks[0].lines == (1, 2)


def test_paragraph_start_and_join() -> None:
    doc = Document(small_page())
    doc.apply(SetParagraphStart(5, True))
    assert [b.lines for b in doc.article("a1").blocks][-2:] == [(4,), (5,)]
    doc.apply(SetParagraphStart(5, False))
    assert doc.page == small_page()


def test_field_override_keeps_raw_text() -> None:
    doc = roundtrip(SetField("a1", "title", "新标题"))
    assert article_fields(doc.page.text, doc.page.lines, doc.article("a1")).title == "新标题"
    assert doc.page.text == small_page().text


def test_entity_statuses() -> None:
    doc = Document(small_page())
    doc.apply(RetypeEntity(PER, "ORG"))
    assert doc.entity(PER).status == "edited"
    doc.apply(AddEntity(26, 28, "LOC"))
    doc.apply(RetypeEntity("e26-28", "ORG"))
    assert doc.entity("e26-28").status == "added"
    doc.apply(ResizeEntity(ORG, 17, 19))
    assert doc.entity("e17-19").text == "南京"
    doc.apply(RejectEntity("e17-19"))
    assert doc.entity("e17-19").status == "rejected"


def test_entity_across_a_line_break_has_its_surface_text() -> None:
    doc = Document(small_page())
    start = doc.page.text.index("上")
    assert doc.entity(f"e{start}-{start + 3}").text == "上海"


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (SplitArticle("a1", 1), "first line"),
        (SplitArticle("nope", 2), "no article"),
        (SplitArticle("a1", 7), "not in article"),
        (MergeArticles("a1", "a1"), "itself"),
        (MoveLines((3,), "a1"), "blank"),
        (MoveLines((99,), "a1"), "not on the page"),
        (MoveLines((7,), "a2"), "already"),
        (MoveArticle("a1", 5), "outside"),
        (SetRole((9,), "title"), "no article"),
        (SetRole((1,), "headline"), "unknown role"),
        (SetParagraphStart(4, True), "already starts"),
        (SetParagraphStart(2, False), "byline"),
        (SetField("a1", "title", None), "no override"),
        (SetReviewDone(False), "already"),
        (AddEntity(12, 20, "LOC"), "overlaps"),
        (AddEntity(3, 4, "LOC"), "no text"),
        (AddEntity(0, 999, "LOC"), "outside"),
        (AddEntity(26, 28, ""), "type"),
        (RemoveEntity("e1-2"), "no entity"),
        (ResizeEntity(ORG, 10, 18), "overlaps"),
        (ConfirmEntity(PER, None), None),
        (Batch([AddEntity(26, 28, "LOC"), AddEntity(26, 28, "LOC")]), "overlaps"),
    ],
    ids=lambda x: x if isinstance(x, str) else type(x).__name__,
)
def test_impossible_edits_are_refused_without_a_trace(edit: Edit, message: str | None) -> None:
    doc = Document(small_page())
    events: list[object] = []
    doc.subscribe(events.append)
    if message is None:  # a valid control case
        doc.apply(edit)
        return
    with pytest.raises(EditError, match=message):
        doc.apply(edit)
    assert doc.page == small_page()
    assert doc.revision == 0 and not events


def test_set_field_rejects_unknown_field() -> None:
    with pytest.raises(EditError, match="cannot be edited"):
        SetField("a1", "text", "x")


def test_add_to_all_occurrences_is_word_boundary_aware() -> None:
    page = small_page()
    batch = apply_to_all(page, "add", "南京", "LOC", tokenize=_no_words)
    doc = Document(page)
    doc.apply(batch)
    check_invariant(doc.page)
    added = [e for e in doc.page.entities if e.status == "added"]
    texts = {e.text for e in added}
    assert texts == {"南京"}
    assert all(not (17 <= e.start < 22) for e in added)  # inside the entity 南京工学院: left alone
    doc.revert(batch)
    assert doc.page == page


def test_add_to_all_skips_an_occurrence_inside_a_longer_word() -> None:
    page = small_page()
    start = page.text.index("南京市")

    def words(text: str) -> list[tuple[int, int]]:
        k = text.find("南京市")
        return [(i, i + 1) for i in range(len(text)) if not k <= i < k + 3] + ([(k, k + 3)] if k >= 0 else [])

    batch = apply_to_all(page, "add", "南京", "LOC", tokenize=words)
    assert isinstance(batch, Batch)
    spans = [(e.start, e.end) for e in batch.edits]  # type: ignore[attr-defined]
    assert (start, start + 2) not in spans
    assert len(spans) == 3


def test_add_to_all_with_jieba_leaves_nanjing_in_an_organisation_alone() -> None:
    doc = Document(small_page())
    doc.apply(apply_to_all(doc.page, "add", "南京", "LOC"))
    assert doc.entity(ORG).text == "南京工学院"


def test_decisions_on_all_suggestions() -> None:
    doc = Document(small_page())
    doc.apply(apply_to_all(doc.page, "add", "南京", "LOC", tokenize=_no_words))
    doc.apply(RetypeEntity(PER, "LOC"))
    with pytest.raises(EditError):
        apply_to_all(doc.page, "confirm", "南京", "LOC")  # editor-added ones are not suggestions
    page = doc.page
    batch = apply_to_all(small_page(), "reject", "上海", "LOC")
    doc2 = Document(small_page())
    doc2.apply(batch)
    assert [e.status for e in doc2.page.entities if e.text == "上海"] == ["rejected"]
    doc2.apply(apply_to_all(doc2.page, "retype", "南京工学院", "LOC", from_type="ORG"))
    assert doc2.entity(ORG).type == "LOC"
    assert page is doc.page


def test_edits_on_the_sample_page() -> None:
    page = sample_page()
    doc = Document(page)
    a = page.articles[0]
    start = page.lines[a.lines[0] - 1].start
    steps: list[Edit] = [
        SplitArticle(a.id, a.lines[1]),
        MoveArticle(a.id, len(page.articles)),
        AddEntity(start + 1, start + 4, "ORG"),
    ]
    for s in steps:
        doc.apply(s)
        check_invariant(doc.page)
    for s in reversed(steps):
        doc.revert(s)
    assert doc.page == page


def _no_words(text: str) -> list[tuple[int, int]]:
    """A tokenizer that knows no words: every character is one."""
    return [(i, i + 1) for i in range(len(text))]
