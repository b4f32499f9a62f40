"""The pieces of core.persist on their own: re-anchoring, the three-way merge, temp files,
paths by content, the depth limit."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.document import Document
from core.edits import AddEntity, RejectEntity, SetField, SetRole
from core.loader import page_from_text
from core.model import Page
from core.persist import StalePage, beside, corrections, open_page, save, text_sha256
from core.persist.anchor import AnotherText, TextMap, reanchor
from core.persist.merge import merge
from core.persist.paths import find_sidecar, workspace_path
from core.persist.serial import too_deep
from tests.test_document_helpers import SMALL_TEXT, small_page
from tests.test_sidecar import PER, small_parser


def _moved_page(text: str) -> Page:
    """small_page's structure is not needed here: a page of ``text`` with no entities."""
    from core.lines import split_lines

    raw = page_from_text(text, "small.txt")
    return Page(
        raw.source,
        raw.text,
        split_lines(raw.text),
        (),
        tuple(ln.number for ln in split_lines(raw.text) if not ln.is_blank),
    )


def _decisions() -> dict[str, Any]:
    doc = Document(small_page())
    doc.apply(AddEntity(26, 28, "LOC"))
    doc.apply(RejectEntity(PER))
    doc.apply(SetField("a2", "title", "新标题"))
    doc.apply(SetRole((5,), "subhead"))
    return corrections(doc)


def test_an_entity_on_an_edited_line_moves_with_its_characters() -> None:
    data = _decisions()
    new_text = SMALL_TEXT.replace("南京工学院的学生在南京", "南京工学院的好学生在南京")
    moved = reanchor(data, _moved_page(new_text))
    assert not moved.lost
    [added] = [d for d in moved.data["entities"] if d["status"] == "added"]
    assert new_text[added["start"] : added["end"]] == "南京" and added["start"] == new_text.index("在南京") + 1


def test_a_new_line_inside_a_block_joins_it_one_between_articles_is_unplaced() -> None:
    data = _decisions()
    new_text = SMALL_TEXT.replace("另一篇文章讲上\n", "另一篇文章讲上\n插入的一行\n") + "末尾新行\n"
    page = _moved_page(new_text)
    moved = reanchor(data, page)
    articles = moved.data["structure"]["articles"]
    homes = {n: (a["id"], b["role"]) for a in articles for b in a["blocks"] for n in b["lines"]}
    assert homes[8] == ("a2", "body")  # the inserted line, between two body lines of a2
    assert homes[9] == ("a2", "body") and homes[5] == ("a1", "subhead")  # old lines keep their roles
    assert moved.unplaced == (11,)


def test_another_text_is_not_reanchored(tmp_path: Path) -> None:
    data = _decisions()
    with pytest.raises(AnotherText):
        reanchor(data, _moved_page("完全不同的一页\n\n没有一行相同\n"))
    page = tmp_path / "small.txt"
    page.write_bytes(SMALL_TEXT.encode("utf-8"))
    r = open_page(page, parser=small_parser)
    r.document.apply(AddEntity(26, 28, "LOC"))
    save(r.document, r.sidecar_path, origin=r.origin)
    page.write_text("完全不同的一页\n\n没有一行相同\n", encoding="utf-8")
    with pytest.raises(StalePage, match="another text"):
        open_page(page, entities=False, strict=True)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 12), st.sampled_from(["insert", "delete", "change"])), max_size=4))
def test_reanchored_entities_always_sit_on_their_own_text(ops: list[tuple[int, str]]) -> None:
    data = _decisions()
    lines = SMALL_TEXT.split("\n")
    for at, op in ops:
        at %= len(lines)
        if op == "insert":
            lines.insert(at, "新插入的文字")
        elif op == "delete" and len(lines) > 3:
            del lines[at]
        else:
            lines[at] = lines[at][:1] + "改" + lines[at][2:]
    new_text = "\n".join(lines)
    try:
        moved = reanchor(data, _moved_page(new_text))
    except AnotherText:
        return
    for d in moved.data["entities"]:
        assert "".join(new_text[d["start"] : d["end"]].split()) == d["text"]
    assert len(moved.data["entities"]) + len(moved.data["removed"]) + len(moved.data["overrides"]) <= moved.kept


def test_text_map_pairs_an_edited_line() -> None:
    tm = TextMap("一\n第二行的文字\n三\n", "一\n第二行的字\n三\n")
    assert tm.lines == {1: 1, 2: 2, 3: 3} and tm.exact_lines == {1, 3}


def test_merge_takes_each_side_once_and_refuses_conflicts() -> None:
    base = _decisions()
    ours = json.loads(json.dumps(base))
    theirs = json.loads(json.dumps(base))
    ours["review"]["done"] = True
    theirs["overrides"] = []  # they took the title back
    merged = merge(base, ours, theirs)
    assert not merged.conflicts
    assert merged.data["review"]["done"] is True and merged.data["overrides"] == []
    theirs["review"]["done"] = False
    ours["entities"][0] = {**ours["entities"][0], "type": "ORG", "status": "edited"}
    theirs["entities"][0] = {**theirs["entities"][0], "type": "PER", "status": "edited"}
    assert merge(base, ours, theirs).conflicts


def test_merged_entities_that_overlap_conflict() -> None:
    base = _decisions()
    ours = json.loads(json.dumps(base))
    theirs = json.loads(json.dumps(base))
    ours["entities"].append(
        {"start": 17, "end": 19, "type": "ORG", "text": "南京", "status": "added", "source": "user", "confidence": 1.0}
    )
    theirs["entities"].append(
        {"start": 18, "end": 20, "type": "ORG", "text": "京工", "status": "added", "source": "user", "confidence": 1.0}
    )
    assert any("overlap" in c for c in merge(base, ours, theirs).conflicts)


def test_the_workspace_sidecar_is_named_by_content_and_the_latest_save_wins(tmp_path: Path) -> None:
    page = tmp_path / "small.txt"
    page.write_bytes(SMALL_TEXT.encode("utf-8"))
    key = text_sha256(small_page().text)
    assert workspace_path(page, key) == workspace_path(tmp_path / "elsewhere" / "small.txt", key)
    ws = workspace_path(page, key)
    ws.parent.mkdir(parents=True)
    beside(page).write_text(json.dumps({"generation": 3}), encoding="utf-8")
    ws.write_text(json.dumps({"generation": 4}), encoding="utf-8")
    assert find_sidecar(page, key) == ws
    ws.write_text(json.dumps({"generation": 3}), encoding="utf-8")
    assert find_sidecar(page, key) == beside(page)  # beside wins a tie


def test_depth_limit_ignores_brackets_in_strings() -> None:
    assert not too_deep(json.dumps({"a": "[[[[[[[[[[" * 10, "b": [[1]]}), 4)
    assert too_deep(json.dumps({"a": [[[[[1]]]]]}), 4)
    assert not too_deep(json.dumps({"a": 'quote " and [[[[[[ backslash \\'}), 2)


def test_a_structure_changed_differently_on_both_sides_is_a_conflict_not_a_crash() -> None:
    base = _decisions()
    ours = json.loads(json.dumps(base))
    theirs = json.loads(json.dumps(base))
    ours["structure"] = {"articles": [], "unassigned": [1]}
    theirs["structure"] = {"articles": [], "unassigned": [2]}
    ours["review"]["done"], theirs["review"]["done"] = True, False
    base["review"]["done"] = None
    merged = merge(base, ours, theirs)
    assert merged.conflicts == ("the review was changed differently", "the structure was changed differently")
