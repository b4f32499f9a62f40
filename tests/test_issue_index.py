"""The window's issue-wide find and entity list with a corpus index: the index answers for the
pages it holds as they are on disk, exactly where find would find the text, and names pages
still parsing; without an index, or with one it cannot trust, everything works as before."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from issue_pages import write_issue

from core.index import build
from core.index.db import default_path
from core.issue.decisions import entity_rows
from core.issue.indexed import IssueIndex, with_waiting
from core.issue.source import open_issue
from core.issue.workspace import IssueWorkspace


@pytest.fixture
def issue(tmp_path: Path) -> IssueWorkspace:
    folder = write_issue(tmp_path / "daily-2024-03-15")
    build(folder, default_path(), jobs=1)
    return IssueWorkspace(open_issue(folder))


def squeezed(ws: IssueWorkspace, i: int) -> str:
    return "".join(ws.slots[i].page.path.read_text(encoding="utf-8").split())


def test_the_index_says_which_pages_have_the_characters(issue: IssueWorkspace) -> None:
    index = IssueIndex.open([s.page.path for s in issue.slots])
    assert index is not None and sorted(index.pages) == list(range(len(issue)))
    for needle in ("长春", "王海林", "春耕生产", "长 春", "没有这句话"):
        want = {i for i in range(len(issue)) if "".join(needle.split()) in squeezed(issue, i)}
        assert index.pages_with(needle) == want
    assert index.pages_with("长春") and index.pages_with("没有这句话") == set()
    assert index.pages_with("GDP") is None and index.pages_with("2024") is None  # words: find's own scan
    index.close()


def test_a_page_changed_since_it_was_indexed_is_not_answered_for(issue: IssueWorkspace) -> None:
    path = issue.slots[1].page.path
    path.write_text(path.read_text(encoding="utf-8") + "新增一行。\n", encoding="utf-8")
    index = IssueIndex.open([s.page.path for s in issue.slots])
    assert index is not None and 1 not in index.pages and 0 in index.pages
    index.close()


def test_no_index_or_a_damaged_one_is_no_index(issue: IssueWorkspace, tmp_path: Path) -> None:
    paths = [s.page.path for s in issue.slots]
    assert IssueIndex.open(paths, tmp_path / "none.sqlite") is None
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"not a database" * 100)
    assert IssueIndex.open(paths, bad) is None


def test_entity_rows_count_what_pages_still_parsing_hold(issue: IssueWorkspace) -> None:
    index = IssueIndex.open([s.page.path for s in issue.slots])
    issue.load_all(1)
    docs = issue.documents()
    loaded = {0: docs[0]}  # as if the other pages were still parsing
    rows = with_waiting(entity_rows(loaded), index, range(1, len(issue)))
    full = {(r.text, r.type): r for r in entity_rows(docs)}
    for r in rows:
        whole = full[(r.text, r.type)]
        indexed = sum(
            1 for i in range(1, len(issue)) for e in docs[i].page.entities if (e.text, e.type) == (r.text, r.type)
        )
        assert r.waiting == indexed and r.count + r.waiting == whole.count
        assert set(r.waiting_pages) == set(whole.pages) - {0}
    assert any(r.waiting for r in rows)
    assert with_waiting(rows, None, range(len(issue))) == rows
    assert index is not None
    index.close()


def test_find_panel_lists_pages_still_parsing_from_the_index(qtbot: Any, issue: IssueWorkspace) -> None:
    from ui.issue.find import IssueFindPanel

    panel = IssueFindPanel(lambda: issue)
    qtbot.addWidget(panel)
    panel.search_for("王海林")  # nothing is loaded yet
    want = [i for i in range(len(issue)) if "王海林" in squeezed(issue, i)]
    assert want and panel.results.count() == len(want)
    labels = [issue.slots[i].page.label for i in want]
    assert all(f"p{label}" in panel.results.item(k).text() for k, label in enumerate(labels))
    issue.load_all(1)
    panel.search_for("王海林")  # loaded: the hits themselves, found on the pages the index names
    assert panel.results.count() == 2 and "2 hits on 2 pages" in panel.summary.text()
    panel.reset()
    os.remove(default_path())
    panel.search_for("王海林")
    assert panel.results.count() == 2
