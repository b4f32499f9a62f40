"""Document: the only way state changes, with one before/after event pair per apply/revert."""

from __future__ import annotations

import pytest

from core.document import Document
from core.edits import AddEntity, Batch, SetReviewDone, SplitArticle
from core.events import AboutToChange, Changed
from tests.test_document_helpers import small_page


def test_events_pair_up_and_say_what_changed() -> None:
    doc = Document(small_page())
    seen: list[object] = []
    pages = []

    def listener(event: object) -> None:
        seen.append(event)
        pages.append(doc.page)

    doc.subscribe(listener)
    edit = SplitArticle("a1", 5)
    doc.apply(edit)
    before, after = seen
    assert isinstance(before, AboutToChange) and isinstance(after, Changed)
    assert pages[0] is not pages[1] and pages[0] == small_page()  # about_to: old page still there
    assert after.articles == {"a1", "a3"} and after.article_list and 5 in after.lines
    assert after.name == "Split article" and not after.reverted and after.revision == 1
    doc.revert(edit)
    assert seen[-1].reverted and seen[-1].revision == 2  # type: ignore[attr-defined]


def test_entity_event_names_lines_and_ids() -> None:
    doc = Document(small_page())
    seen: list[Changed] = []
    doc.subscribe(lambda e: seen.append(e) if isinstance(e, Changed) else None)
    start = doc.page.text.index("上")
    doc.apply(AddEntity(26, 28, "LOC"))
    assert seen[-1].entities == {"e26-28"} and seen[-1].lines == {4} and not seen[-1].article_list
    assert start > 0


def test_batch_is_one_event_pair() -> None:
    doc = Document(small_page())
    seen: list[object] = []
    doc.subscribe(seen.append)
    doc.apply(Batch([SplitArticle("a1", 5), AddEntity(26, 28, "LOC")], "Both"))
    assert len(seen) == 2
    assert seen[1].name == "Both"  # type: ignore[attr-defined]


def test_unsubscribe() -> None:
    doc = Document(small_page())
    seen: list[object] = []
    off = doc.subscribe(seen.append)
    off()
    off()
    doc.apply(SplitArticle("a1", 5))
    assert not seen


def test_listener_cannot_edit_reentrantly() -> None:
    doc = Document(small_page())
    doc.subscribe(lambda e: doc.apply(SetReviewDone(True)))
    with pytest.raises(RuntimeError):
        doc.apply(SplitArticle("a1", 5))


def test_review_status() -> None:
    doc = Document(small_page())
    assert doc.review_status == "auto"
    edit = AddEntity(26, 28, "LOC")
    doc.apply(edit)
    assert doc.review_status == "in_progress"
    doc.revert(edit)
    assert doc.review_status == "auto"
    doc.apply(SetReviewDone(True))
    assert doc.review_status == "done"


def test_lookups() -> None:
    doc = Document(small_page())
    assert doc.owner(5) == "a1" and doc.owner(9) is None and doc.owner(3) is None
    with pytest.raises(KeyError):
        doc.entity("e0-1")
    with pytest.raises(KeyError):
        doc.entity("bogus")
