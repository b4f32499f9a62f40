"""History: unlimited undo/redo in core, a clean marker; any edit sequence undoes to the start."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.document import Document
from core.edits import AddEntity, EditError, SetField, SplitArticle
from core.history import History
from tests.test_document_helpers import check_invariant, edits, sample_page, small_page


def test_undo_redo_and_names() -> None:
    doc = Document(small_page())
    h = History(doc)
    assert not h.can_undo and h.undo_name is None and h.is_clean
    h.do(SplitArticle("a1", 5))
    h.do(AddEntity(26, 28, "LOC"))
    assert h.undo_name == "Add entity" and not h.is_clean
    h.undo()
    assert h.redo_name == "Add entity" and h.undo_name == "Split article"
    h.redo()
    h.mark_clean()
    assert h.is_clean
    h.undo()
    assert not h.is_clean
    h.redo()
    assert h.is_clean
    h.undo()
    h.do(SetField("a1", "title", "x"))  # the clean state was in the dropped redo branch
    assert not h.is_clean
    h.undo()
    h.undo()
    assert doc.page == small_page()
    with pytest.raises(IndexError):
        h.undo()


def test_refused_edit_leaves_history_alone() -> None:
    h = History(Document(small_page()))
    with pytest.raises(EditError):
        h.do(SplitArticle("a1", 1))
    assert not h.can_undo


def _run(page_factory: object, data: st.DataObject, steps: int) -> None:
    page = page_factory()  # type: ignore[operator]
    doc = Document(page)
    h = History(doc)
    states = [doc.state]
    for _ in range(steps):
        edit = data.draw(edits(doc.page))
        try:
            h.do(edit)
        except EditError:
            assert doc.state == states[-1]
            continue
        check_invariant(doc.page)
        states.append(doc.state)
    while h.can_undo:
        h.undo()
        states.pop()
        assert doc.state == states[-1]
    assert doc.page == page and not doc.review_done
    while h.can_redo:
        h.redo()
    check_invariant(doc.page)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_edit_sequence_undoes_to_the_start_small(data: st.DataObject) -> None:
    _run(small_page, data, 12)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_edit_sequence_undoes_to_the_start_sample(data: st.DataObject) -> None:
    _run(sample_page, data, 10)
