"""An issue: page order from names, continued-story links, issue-wide decisions, find, recovery."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from issue_pages import write_issue

from core.edits import EditError, MoveLines
from core.issue.decisions import apply_decision, entity_rows, plan, row_decision
from core.issue.jumps import IN, JUMP_MARK, OUT, Link, LinkError, LinkStories, StoryRef, UnlinkStories, markers
from core.issue.numbering import PageNumber, chinese_number, date_from_name, number_from_name, number_pages
from core.issue.search import IssueSearch
from core.issue.source import IssueError, open_issue
from core.issue.workspace import IssueWorkspace
from core.loader import page_from_text
from core.parse import parse_page


def chars(text: str) -> list[tuple[int, int]]:
    """A tokenizer where every character is a word (so ``add`` accepts any occurrence)."""
    return [(i, i + 1) for i in range(len(text))]


# -- page numbers and order -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stem", "number"),
    [
        ("p1", PageNumber(1)),
        ("01", PageNumber(1)),
        ("page-003", PageNumber(3)),
        ("A01", PageNumber(1, "A")),
        ("B12", PageNumber(12, "B")),
        ("第一版", PageNumber(1)),
        ("第1版", PageNumber(1)),
        ("第十二版", PageNumber(12)),
        ("人民日报第04版", PageNumber(4)),
        ("jilin-2022-04-21-p1", PageNumber(1)),
        ("20220421_05", PageNumber(5)),
        ("scan 7", PageNumber(7)),
    ],
)
def test_page_number_from_name(stem: str, number: PageNumber) -> None:
    assert number_from_name(stem) == number


def test_a_name_with_only_a_date_states_no_page() -> None:
    assert number_from_name("2022-04-21") is None
    assert number_from_name("front") is None


def test_chinese_numbers() -> None:
    assert [chinese_number(x) for x in ("四", "十", "十二", "二十", "二十一", "一百零一", "１２")] == [
        4,
        10,
        12,
        20,
        21,
        101,
        12,
    ]
    assert chinese_number("版") is None


def test_pages_are_ordered_by_number_not_by_name() -> None:
    stems = ["p10", "p2", "p1"]
    assert [stems[i] for i, _ in number_pages(stems)] == ["p1", "p2", "p10"]
    stems = ["第三版", "第一版", "第二版"]
    assert [(stems[i], n.number) for i, n in number_pages(stems)] == [("第一版", 1), ("第二版", 2), ("第三版", 3)]
    stems = ["B01", "A02", "A01"]
    assert [n.label for _, n in number_pages(stems)] == ["A01", "A02", "B01"]


def test_fallback_numbers_by_natural_order() -> None:
    stems = ["front", "back", "p1"]  # names without numbers: the order of the names, numbered 1…
    got = number_pages(stems)
    assert [stems[i] for i, _ in got] == ["back", "front", "p1"]
    assert [n.number for _, n in got] == [1, 2, 3] and all(n.guessed for _, n in got)
    clash = ["a-1", "b-1"]  # two pages claiming number 1
    assert all(n.guessed for _, n in number_pages(clash))


def test_issue_date_from_names() -> None:
    assert date_from_name("jilin-2022-04-21") == "2022-04-21"
    assert date_from_name("20220421") == "2022-04-21"
    assert date_from_name("2022年4月1日") == "2022-04-01"
    assert date_from_name("p1") is None


def test_open_folder_issue(tmp_path: Path) -> None:
    issue = open_issue(write_issue(tmp_path / "daily-2024-03-15"))
    assert [(p.path.name, p.number.number) for p in issue.pages] == [("p1.txt", 1), ("p2.txt", 2), ("p4.txt", 4)]
    assert issue.date == "2024-03-15" and issue.kind == "folder"
    assert issue.with_number(4)[0].path.name == "p4.txt"


def test_open_issue_errors(tmp_path: Path) -> None:
    with pytest.raises(IssueError, match=r"no \*\.txt or \*\.pdf pages"):
        open_issue(tmp_path)
    with pytest.raises(IssueError, match="no such"):
        open_issue(tmp_path / "missing.pdf")
    (tmp_path / "x.pdf").write_bytes(b"not a pdf")
    with pytest.raises(IssueError, match=r"x\.pdf: not a readable PDF"):
        open_issue(tmp_path / "x.pdf")


# -- jump markers and links -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "direction", "page"),
    [
        ("（下转第四版）", OUT, 4),
        ("（转第4版）", OUT, 4),
        ("（下转4版）", OUT, 4),
        ("(下转第十二版)", OUT, 12),
        ("（上接第一版）", IN, 1),
        ("（接第1版）", IN, 1),
        ("（上接第１版）", IN, 1),
    ],
)
def test_jump_markers(text: str, direction: str, page: int) -> None:
    raw = page_from_text(f"标题\n本报讯 记者报道今天的新闻内容{text}\n")
    parsed = parse_page(raw, entities=False)
    found = [m for a in parsed.articles for m in markers(parsed, a)]
    assert [(m.direction, m.page) for m in found] == [(direction, page)]


def test_text_that_is_no_marker() -> None:
    assert JUMP_MARK.search("（记者王明）") is None and JUMP_MARK.search("转第四版") is None


@pytest.fixture
def ws(tmp_path: Path) -> IssueWorkspace:
    w = IssueWorkspace(open_issue(write_issue(tmp_path / "daily-2024-03-15")))
    w.load_all(workers=1)
    return w


def titles(ws: IssueWorkspace, story: tuple[tuple[int, str], ...]) -> list[tuple[str, str]]:
    from core.fields import article_fields

    out = []
    for i, aid in story:
        page = ws.slots[i].document.page  # type: ignore[union-attr]
        out.append((ws.slots[i].page.label, article_fields(page.text, page.lines, page.article(aid)).title))
    return out


def continued(ws: IssueWorkspace) -> list[list[tuple[str, str]]]:
    return [titles(ws, s.parts) for s in ws.stories()[0] if len(s.parts) > 1]


def test_both_jumps_are_linked_to_the_right_continuation(ws: IssueWorkspace) -> None:
    # page 4 holds two continuations from page 1: the headline decides which is which
    assert sorted(continued(ws)) == [
        [("1", "吉林冰雪旅游持续升温"), ("4", "冰雪旅游持续升温")],
        [("1", "长春全力保障春耕生产"), ("4", "保障春耕生产")],
    ]
    stories, broken = ws.stories()
    assert not broken
    # every article is in exactly one story: a continuation is not a story of its own
    parts = [p for s in stories for p in s.parts]
    assert len(parts) == len(set(parts)) == sum(len(d.page.articles) for d in ws.documents().values())


def test_links_need_matching_page_numbers(tmp_path: Path) -> None:
    folder = write_issue(tmp_path / "issue")
    (folder / "p4.txt").rename(folder / "p3.txt")  # the continuations are now on page 3, not 4
    w = IssueWorkspace(open_issue(folder))
    w.load_all(workers=1)
    assert continued(w) == [] and w.links.links == frozenset()


def test_unlink_is_undoable_and_survives_relinking(ws: IssueWorkspace) -> None:
    link = next(lk for lk in ws.links.links if lk.target.line == 1)
    before = ws.links
    ws.link(UnlinkStories(link))
    assert len(continued(ws)) == 1
    ws.relink()  # the automatic linker does not undo the editor's decision
    assert len(continued(ws)) == 1
    with pytest.raises(LinkError):
        ws.link(UnlinkStories(link))
    ws.undo_link()
    assert ws.links == before and len(continued(ws)) == 2
    ws.redo_link()
    assert len(continued(ws)) == 1


def test_link_by_hand_replaces_the_clashing_link(ws: IssueWorkspace) -> None:
    chunxi, bingxue = sorted(ws.links.links, key=lambda lk: lk.source.line)
    # the editor says the 春耕 story continues in the 冰雪 continuation instead
    ws.link(LinkStories(chunxi.source, bingxue.target))
    assert ws.links.links == {Link(chunxi.source, bingxue.target)}
    ws.undo_link()
    assert ws.links.links == {chunxi, bingxue}
    with pytest.raises(LinkError):
        ws.link(LinkStories(chunxi.source, chunxi.source))


def test_link_state_is_saved_with_the_issue(ws: IssueWorkspace) -> None:
    link = next(iter(ws.links.links))
    ws.link(UnlinkStories(link))
    ws.link(LinkStories(StoryRef(1, 1), StoryRef(2, 5)))
    ws.save_all()
    again = IssueWorkspace(ws.issue)
    again.load_all(workers=1)
    assert again.links.links == ws.links.links


def test_a_link_the_editor_breaks_is_reported_not_joined(ws: IssueWorkspace) -> None:
    link = next(lk for lk in ws.links.links if lk.target.page == 2 and lk.target.line == 5)
    doc = ws.document(2)
    assert doc is not None
    lines = doc.page.article(doc.owner(5) or "").lines
    ws.do(2, MoveLines(tuple(lines), None))  # the editor takes the continuation apart
    assert ws.stories()[1] == [link] and len(continued(ws)) == 1
    ws.undo(2)
    assert ws.stories()[1] == [] and len(continued(ws)) == 2


def test_two_links_into_one_part_keep_the_first(ws: IssueWorkspace) -> None:
    doc = ws.document(2)
    assert doc is not None
    # the editor merges both continuations on page 4 into one article
    ws.do(2, MoveLines(tuple(doc.page.article(doc.owner(5) or "").lines), doc.owner(1)))
    assert len(ws.stories()[1]) == 1 and len(continued(ws)) == 1


def test_link_to_an_unassigned_line_is_broken(ws: IssueWorkspace) -> None:
    ws.link(LinkStories(StoryRef(0, 1), StoryRef(1, 99)))  # a line in no article
    assert Link(StoryRef(0, 1), StoryRef(1, 99)) in ws.stories()[1]


# -- issue-wide decisions ----------------------------------------------------------------------------


def statuses(ws: IssueWorkspace, text: str) -> dict[int, list[str]]:
    return {i: [e.status for e in d.page.entities if e.text == text] for i, d in ws.documents().items()}


def test_issue_wide_confirm_and_undo_per_page(ws: IssueWorkspace) -> None:
    before = statuses(ws, "长春")
    assert sum(len(v) for v in before.values()) >= 3 and len([v for v in before.values() if v]) >= 2
    decision = apply_decision(plan(ws.documents(), "confirm", "长春", "LOC"), ws.do)
    assert decision.pages == [i for i, v in before.items() if v] and not decision.skipped
    after = statuses(ws, "长春")
    assert all(s == "confirmed" for v in after.values() for s in v)
    first, *rest = decision.pages
    ws.undo(first)  # undone on one page: the other pages keep the decision
    again = statuses(ws, "长春")
    assert again[first] == before[first]
    assert all(again[i] == after[i] for i in rest)
    assert ws.slots[first].modified is False and all(ws.slots[i].modified for i in rest)


def test_issue_wide_add_marks_unmarked_occurrences(ws: IssueWorkspace) -> None:
    decision = plan(ws.documents(), "add", "王海林", "PER", tokenize=chars)
    assert decision.pages == [1, 2]
    apply_decision(decision, ws.do)
    for i in (1, 2):
        assert any(e.text == "王海林" and e.status == "added" for e in ws.documents()[i].page.entities)
    with pytest.raises(EditError):
        plan(ws.documents(), "add", "王海林", "PER", tokenize=chars)  # nothing left to add
    with pytest.raises(EditError):
        plan(ws.documents(), "confirm", "不存在的名字", "PER")


def test_entity_list_and_a_row_decision(ws: IssueWorkspace) -> None:
    rows = entity_rows(ws.documents())
    row = next(r for r in rows if r.text == "长春" and r.type == "LOC")
    assert row.count == sum(len(v) for v in statuses(ws, "长春").values())
    assert row.pages == tuple(i for i, v in statuses(ws, "长春").items() if v)
    assert row.status == "auto" and row.pending == row.count
    apply_decision(row_decision(ws.documents(), row, "retype", "ORG"), ws.do)
    rows = entity_rows(ws.documents())
    moved = next(r for r in rows if r.text == "长春" and r.type == "ORG")
    assert moved.count == row.count and moved.status == "edited" and moved.pending == 0
    assert not any(r.text == "长春" and r.type == "LOC" for r in rows)


def test_find_across_the_issue(ws: IssueWorkspace) -> None:
    search = IssueSearch()
    hits = search.find(ws.documents(), "长春")
    assert [h.page for h in hits] == sorted(h.page for h in hits) and {h.page for h in hits} == {0, 1, 2}
    for h in hits:
        page = ws.documents()[h.page].page
        assert page.text[h.start : h.end] == "长春" and page.line(h.line).start <= h.start
    assert any(h.entity for h in hits)
    across = search.find(ws.documents(), "同比增长")  # 同比 ends one line, 增长 starts the next
    assert len(across) == 1 and "\n" in ws.documents()[across[0].page].page.text[across[0].start : across[0].end]
    assert search.find(ws.documents(), "  ") == [] and search.find(ws.documents(), "上海") == []
    assert len(search.find(ws.documents(), "长春", limit=1)) == 1


# -- saving and recovery -----------------------------------------------------------------------------


def test_save_all_writes_each_modified_page(ws: IssueWorkspace) -> None:
    apply_decision(plan(ws.documents(), "confirm", "长春", "LOC"), ws.do)
    modified = ws.modified_pages()
    assert modified and ws.save_all() == []
    assert ws.modified_pages() == []
    again = IssueWorkspace(ws.issue)
    again.load_all(workers=1)
    assert statuses(again, "长春") == statuses(ws, "长春")
    assert [s.status for s in again.slots] == [s.status for s in ws.slots]
    assert {again.slots[i].status for i in modified} == {"in_progress"}


def test_recovery_after_a_crash(ws: IssueWorkspace) -> None:
    apply_decision(plan(ws.documents(), "reject", "长春", "LOC"), ws.do)
    assert ws.autosave() == []
    crashed = statuses(ws, "长春")
    # the process dies here: nothing saved, only the autosaves are on disk
    again = IssueWorkspace(ws.issue)
    again.load_all(workers=1)
    assert statuses(again, "长春") != crashed
    pages = again.recoverable()
    assert pages == ws.modified_pages()
    for i in pages:
        again.recover(i)
    assert statuses(again, "长春") == crashed
    assert again.modified_pages() == pages  # recovered, not saved yet
    again.save_all()
    assert again.recoverable() == [] and not any((s.recovery_path() or Path("x")).exists() for s in again.slots)


def test_an_older_autosave_is_not_offered(ws: IssueWorkspace) -> None:
    apply_decision(plan(ws.documents(), "confirm", "长春", "LOC"), ws.do)
    ws.autosave()
    i = ws.modified_pages()[0]
    path = ws.slots[i].recovery_path()
    assert path is not None
    ws.save_page(i)
    path.write_text("{}", encoding="utf-8")  # an autosave left behind, older than the save
    sidecar = ws.slots[i].sidecar_path
    assert sidecar is not None
    old = sidecar.stat().st_mtime - 60
    os.utime(path, (old, old))
    again = IssueWorkspace(ws.issue)
    again.load_all(workers=1)
    assert i not in again.recoverable()


def test_a_page_that_cannot_be_read_is_an_error_not_a_crash(tmp_path: Path) -> None:
    folder = write_issue(tmp_path / "issue")
    (folder / "p3.txt").write_bytes(b"\x00\x01binary")
    w = IssueWorkspace(open_issue(folder))
    w.load_all(workers=1)
    bad = next(s for s in w.slots if s.page.path.name == "p3.txt")
    assert bad.status == "error" and "binary" in bad.error and bad.document is None
    assert len(continued(w)) == 2 and w.all_loaded()


def test_page_index_finds_what_the_occurrence_scan_finds() -> None:
    from core.edits.occurrences import occurrences
    from core.issue.search import PageIndex
    from core.loader import read_page
    from core.paths import SAMPLE_PAGE

    page = parse_page(read_page(SAMPLE_PAGE), entities=False)
    index = PageIndex(page)
    for needle in ("习近平", "疫情防控", "吉林", "。", "4月", "长春市", "不在这页上"):
        assert index.spans(needle) == occurrences(page, needle)


# -- loading through core.batch's pool --------------------------------------------------------------


def test_pages_load_through_the_batch_pool_as_load_tasks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from core.batch import pool
    from core.batch.tasks import Task

    folder = write_issue(tmp_path / "issue")
    kinds: list[str] = []
    outcome = Task.outcome
    monkeypatch.setattr(Task, "outcome", lambda self, *a: (kinds.append(self.kind), outcome(self, *a))[1])
    serial = IssueWorkspace(open_issue(folder))
    serial.load_all(workers=1)
    assert kinds == ["load"] * len(serial)  # inline: core.batch ran one load task per page

    started: list[str] = []
    context = pool.context
    monkeypatch.setattr(pool, "context", lambda: (started.append("pool"), context())[1])
    pooled = IssueWorkspace(open_issue(folder))
    got: list[str] = []
    pooled.load_all(workers=2, progress=lambda page: got.append(page.path.name))
    assert started == ["pool"]  # the worker processes are core.batch's
    assert got == [s.page.path.name for s in pooled.slots]  # in page order
    for a, b in zip(serial.slots, pooled.slots, strict=True):
        assert a.document is not None and b.document is not None
        assert b.document.page == a.document.page and b.sidecar_path == a.sidecar_path
    assert continued(pooled) == continued(serial)


def test_a_strict_load_task_fails_the_page_with_an_unusable_sidecar(tmp_path: Path) -> None:
    from core.batch import run
    from core.batch.tasks import Task
    from core.issue.loading import PageLoad, page_load
    from core.persist import paths

    folder = write_issue(tmp_path / "issue")
    page = sorted(folder.glob("*.txt"))[0]
    base = parse_page(page_from_text(page.read_text("utf-8"), page))
    paths.sidecar_path(page, paths.text_sha256(base.text)).write_text("{not json", encoding="utf-8")
    strict = page_load(next(run([page], Task("load", strict=True), jobs=1)))
    assert isinstance(strict, PageLoad) and strict.page is None and strict.error  # nothing touched
    lenient = page_load(next(run([page], Task("load"), jobs=1)))  # sets the sidecar aside, says so
    assert lenient.page is not None and lenient.warnings and not lenient.error
