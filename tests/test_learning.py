"""What a save teaches beyond single entries: rejections that hold everywhere, boundary fixes, and the
editor's conventions (classes of suggestions rejected, cuts) applied to strings never seen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from core.document import Document
from core.edits.entity import AddEntity, RejectEntity, RemoveEntity, RetypeEntity
from core.entities import lexicon as lexicon_module
from core.entities.conventions import Conventions, Decision
from core.entities.learned import LexiconDetector
from core.entities.lexicon import REJECTED_EVERYWHERE, UserLexicon, context_of
from core.entities.pipeline import Segment
from core.loader import page_from_text
from core.parse import parse_page
from core.persist.learn import decisions_of, removed_suggestions, teach


def test_rejected_on_a_page_and_confirmed_on_none_is_rejected_everywhere(tmp_path: Path) -> None:
    lex = UserLexicon.load(tmp_path / "lex.json")
    lex.reject("港湾", "LOC", "到[港湾]去", page="page-a")
    assert lex.is_rejected("港湾", "LOC", "新[港湾]里")  # another context
    assert not lex.is_rejected("港湾", "ORG", "新[港湾]里")  # another type
    lex.learn("港湾", "LOC", page="page-b")  # another page confirms it: only its own context stays
    assert not lex.is_rejected("港湾", "LOC", "新[港湾]里")
    assert lex.is_rejected("港湾", "LOC", "到[港湾]去")


def test_a_string_too_long_for_the_lexicon_is_not_stored_and_learning_goes_on(tmp_path: Path) -> None:
    """A mention of hundreds of characters (a parser fault) rejected, confirmed or decided on is not
    written: the file stays one its own schema reads, so the next save does not pause learning."""
    long = "长" * 300
    a, b = "a" * 32, "b" * 32  # page keys as page_key makes them
    lex = UserLexicon.load(tmp_path / "lex.json")
    assert not lex.learn(long, "PER", page=a)
    lex.reject(long, "PER", f"[{long}]", page=a)
    lex.record(a, [Decision(long, "PER", "rejected"), Decision("港湾", "LOC", "rejected")])
    lex.reject("港湾", "LOC", "到[港湾]去", page=a)
    lex.save()
    again = UserLexicon.load(tmp_path / "lex.json")
    assert not again.paused and not again.warning
    assert again.is_rejected("港湾", "LOC", "到[港湾]去") and not again.is_rejected(long, "PER", f"[{long}]")
    assert [d.text for _, d in again.decisions] == ["港湾"]
    again.learn("港口", "LOC", page=b)
    again.save()  # learning goes on


def test_a_date_rejected_on_pages_stays_rejected_only_where_it_was() -> None:
    """A date rejected as a piece of a longer mention (２００１年 in ２００１年度) is still a date elsewhere."""
    lex = UserLexicon.load(Path("/nonexistent-banmian-test") / "lex.json")
    for k in range(REJECTED_EVERYWHERE + 1):
        lex.reject("２００１年", "TIME", "在[２００１年]度", page=f"page-{k}")
        lex.reject("港湾", "LOC", "到[港湾]去", page=f"page-{k}")
    assert lex.is_rejected("港湾", "LOC", "新[港湾]里")  # any other string: rejected everywhere
    assert lex.is_rejected("２００１年", "TIME", "在[２００１年]度")
    assert not lex.is_rejected("２００１年", "TIME", "于[２００１年]建成")


def test_a_suggestion_the_editor_respans_counts_as_rejected_in_its_context(tmp_path: Path) -> None:
    text = "本报讯 青石县人民政府昨天召开会议，县长王立新说，青石县人民政府将继续努力。\n"
    page = parse_page(page_from_text(text, "p.txt"))
    doc = Document(page)
    first = min(page.entities, key=lambda e: e.start)
    doc.apply(RemoveEntity(first.id))
    doc.apply(AddEntity(first.start, first.end + 1, first.type))  # one character longer
    assert [e.id for e in removed_suggestions(doc.page, doc.base)] == [first.id]
    lex = UserLexicon.load(tmp_path / "lex.json")
    teach(lex, doc.page, base=doc.base)
    here = context_of(text, first.start, first.end)
    assert lex.is_rejected(first.text, first.type, here)  # where the editor respanned it
    assert not lex.is_rejected(first.text, first.type, "某[" + first.text + "]某")  # elsewhere it still may be
    longer = text[first.start : first.end + 1]
    assert (longer, first.type) in {(e.text, e.type) for e in lex.entries}
    assert not lex.is_rejected(longer, first.type, context_of(text, first.start, first.end + 1))


# -- conventions: what the editor's decisions teach about strings never seen -----------------------


def _edited(text: str, edits: Callable[[Document], None]) -> Document:
    doc = Document(parse_page(page_from_text(text, "p.txt")))
    edits(doc)
    return doc


def _reject_type(kind: str) -> Callable[[Document], None]:
    def run(doc: Document) -> None:
        for e in [e for e in doc.page.entities if e.type == kind]:
            doc.apply(RejectEntity(e.id))

    return run


def _found(text: str, lex: UserLexicon | None) -> set[tuple[str, str]]:
    return {(e.text, e.type) for e in parse_page(page_from_text(text, "p.txt"), lexicon=lex).entities}


CITY_OFFICES = (
    "本报讯 昨天，市卫生局在会上通报了情况。\n",
    "本报讯 市税务局和市统计局今天发布数据。\n",
    "本报讯 市交通局局长王立新到达现场。\n",
)
UNSEEN = "本报讯 记者昨天获悉，市园林局在北京宣布开放五座公园。\n"


def test_a_class_the_editor_always_rejects_is_not_suggested_on_an_unseen_page(tmp_path: Path) -> None:
    lex = UserLexicon.load(tmp_path / "lex.json")
    assert ("市园林局", "ORG") in _found(UNSEEN, lex)
    for text in CITY_OFFICES:  # the editor rejects every ORG of the form 市X局 on three pages
        doc = _edited(text, _reject_type("ORG"))
        teach(lex, doc.page, base=doc.base)
    found = _found(UNSEEN, lex)
    assert not any(t == "ORG" and s.endswith("园林局") for s, t in found)  # neither whole nor nested
    assert ("北京", "LOC") in found  # other types untouched
    again = UserLexicon.load(tmp_path / "lex.json")  # the decisions are saved with the lexicon
    assert ("市园林局", "ORG") not in _found(UNSEEN, again)


def test_a_rejected_then_confirmed_class_weighs_less_again() -> None:
    rejected = [(f"p{k}", Decision(s, "ORG", "rejected")) for k, s in enumerate(["市卫生局", "市税务局", "市交通局"])]
    kept = [(f"p{k}", Decision(s, "ORG", "confirmed")) for k, s in enumerate(["外交部", "青石县政府", "国务院"])]
    conv = Conventions(rejected + kept)
    assert conv.suppressed("市园林局", "ORG")
    assert not conv.suppressed("市园林局", "LOC") and not conv.suppressed("青石县公安局", "ORG")
    assert not Conventions(rejected[:2] + kept).suppressed("市园林局", "ORG")  # two rejections are not a convention
    confirmed = [("p9", Decision("市文化局", "ORG", "confirmed"))]
    assert not Conventions(rejected + kept + confirmed).suppressed("市园林局", "ORG")
    # one page rejecting the same string many times is one vote
    same = [("p1", Decision("市卫生局", "ORG", "rejected"))] * 5
    assert not Conventions(same + kept).suppressed("市园林局", "ORG")
    # a string the editor confirmed is never suppressed by its class
    added = [("p8", Decision("市园林局", "ORG", "added"))]
    assert not Conventions(rejected + kept + added).suppressed("市园林局", "ORG")


def _cut_city_word(doc: Document) -> None:
    """The editor's convention: a city office without the bare 市 before it (市卫生局 → 卫生局)."""
    for e in [e for e in doc.page.entities if e.type == "ORG" and e.text.startswith("市")]:
        doc.apply(RemoveEntity(e.id))
        doc.apply(AddEntity(e.start + 1, e.end, "ORG"))


def test_a_cut_the_editor_made_is_made_on_an_unseen_suggestion(tmp_path: Path) -> None:
    lex = UserLexicon.load(tmp_path / "lex.json")
    assert ("市园林局", "ORG") in _found(UNSEEN, lex)
    doc = _edited(CITY_OFFICES[0], _cut_city_word)
    teach(lex, doc.page, base=doc.base)
    assert [d.verdict for _, d in lex.decisions if d.type == "ORG"] == ["respanned", "added"]
    assert ("市园林局", "ORG") in _found(UNSEEN, lex)  # one page: a cut of that string only
    doc = _edited(CITY_OFFICES[2], _cut_city_word)
    teach(lex, doc.page, base=doc.base)
    found = _found(UNSEEN, lex)
    assert ("园林局", "ORG") in found and ("市园林局", "ORG") not in found
    doc = _edited(CITY_OFFICES[1], _cut_city_word)  # three pages of re-cut 市…局: the class is cut, not suppressed
    teach(lex, doc.page, base=doc.base)
    found = _found(UNSEEN, lex)
    assert ("园林局", "ORG") in found and ("市园林局", "ORG") not in found


def test_a_cut_the_editor_keeps_undoing_is_not_made() -> None:
    cut = [
        (f"p{k}", Decision(s, "TIME", "respanned", pieces=((2, 4, "TIME"),)))
        for k, s in enumerate(["上午９时", "上午８时"])
    ]
    assert Conventions(cut[:1]).cut("上午１０时", "TIME") is None  # made on one page: not yet a convention
    assert Conventions(cut).cut("上午１０时", "TIME") == [(2, 5, "TIME")]
    assert Conventions(cut).cut("１９９８年元月上午９时", "TIME") == [(0, 7, "TIME"), (9, 11, "TIME")]
    assert Conventions(cut).cut("上午", "TIME") is None and Conventions(cut).cut("上午９", "TIME") is None
    assert Conventions(cut).cut("上午１０时", "ORG") is None
    kept = [("p2", Decision("上午７时", "TIME", "confirmed"))]
    assert Conventions(cut + kept).cut("上午１０时", "TIME") is None  # kept half as often as cut
    again = [(f"p{k}", d) for k in range(3, 6) for _, d in cut[:1]]  # cut on three more pages: the convention wins
    assert Conventions(cut + again + kept).cut("上午１０时", "TIME") is not None


def test_decisions_of_a_save(tmp_path: Path) -> None:
    text = "本报讯 市税务局和市统计局今天上午１０时在北京发布数据，市物价局也派人参加。\n"

    def edits(doc: Document) -> None:
        by = {e.text: e for e in doc.page.entities}
        doc.apply(RejectEntity(by["市税务局"].id))
        doc.apply(RetypeEntity(by["市统计局"].id, type="LOC"))
        doc.apply(RemoveEntity(by["市物价局"].id))
        doc.apply(AddEntity(by["市物价局"].start + 1, by["市物价局"].end, "ORG"))
        doc.apply(AddEntity(text.index("数据"), text.index("数据") + 2, "ORG"))

    doc = _edited(text, edits)
    got = {d.text: d for d in decisions_of(doc.page, doc.base)}
    assert got["市税务局"].verdict == "rejected"
    assert (got["市统计局"].verdict, got["市统计局"].new_type) == ("retyped", "LOC")
    assert (got["市物价局"].verdict, got["市物价局"].pieces) == ("respanned", ((1, 4, "ORG"),))
    assert got["数据"].verdict == "added" and got["北京"].verdict == "confirmed"  # left standing


def test_decisions_are_saved_replaced_per_page_and_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "lex.json"
    lex = UserLexicon.load(path)
    lex.record("a" * 32, [Decision("上午９时", "TIME", "respanned", pieces=((2, 4, "TIME"),))])
    lex.record("b" * 32, [Decision("市卫生局", "ORG", "rejected")])
    lex.record("a" * 32, [Decision("市税务局", "ORG", "rejected")])  # the page saved again
    lex.save()
    again = UserLexicon.load(path)
    assert again.warning is None
    assert [(p[0], d.text) for p, d in again.decisions] == [("b", "市卫生局"), ("a", "市税务局")]
    monkeypatch.setattr(lexicon_module, "DECISION_PAGES", 2)
    again.record("c" * 32, [Decision("市交通局", "ORG", "rejected")])
    assert [p[0] for p, _ in again.decisions] == ["a", "c"]


# page keys as ``page_key`` makes them (the lexicon file accepts no other)
_P1, _P2, _P3 = "1" * 32, "2" * 32, "3" * 32


def _scan_every_boundary(seg: Segment, by_text: dict[str, tuple[str, float]]) -> list[tuple[int, int, str, float]]:
    """The plain reference matcher: every token boundary, every learned length, longest first."""
    lengths = sorted({len(w) for w in by_text}, reverse=True)
    out = []
    for start in sorted(seg.cuts):
        for n in lengths:
            hit = by_text.get(seg.text[start : start + n]) if start + n in seg.cuts else None
            if hit is not None:
                out.append((start, start + n, *hit))
    return out


def test_the_indexed_lexicon_matcher_finds_what_a_scan_of_every_boundary_finds(tmp_path: Path) -> None:
    lex = UserLexicon(tmp_path / "lexicon.json")
    words = {"王小明": "PER", "王小": "PER", "小明": "PER", "青石县": "LOC", "青石": "LOC", "石县农机站": "ORG"}
    for word, type_ in words.items():
        lex.learn(word, type_, _P1)
    lex.reject("青石", "LOC", "在[青石]种", page=_P2)  # weight 1/2: below the silent threshold
    seg = Segment.of("王小明在青石县种地，小明和王小去了青石县农机站。青石王小明")
    found = [(c.start, c.end, c.type, c.confidence) for c in LexiconDetector.of(lex)(seg)]
    expected = {w: (t, 0.95) for w, t in words.items() if w != "青石"}
    assert found == _scan_every_boundary(seg, expected)
    assert any(seg.text[s:e] == "王小明" for s, e, _, _ in found)


def test_the_cached_lexicon_matcher_is_rebuilt_when_the_lexicon_changes(tmp_path: Path) -> None:
    lex = UserLexicon(tmp_path / "lexicon.json")
    lex.learn("柯望舒", "PER", _P1)
    seg = Segment.of("记者柯望舒、罗辑报道。")
    first = LexiconDetector.of(lex)
    assert LexiconDetector.of(lex) is first  # built once while the lexicon is unchanged
    assert [seg.text[c.start : c.end] for c in first(seg)] == ["柯望舒"]
    lex.learn("罗辑", "PER", _P1)
    assert sorted(seg.text[c.start : c.end] for c in LexiconDetector.of(lex)(seg)) == ["柯望舒", "罗辑"]
    lex.unlearn("柯望舒", "PER", _P1)
    assert [seg.text[c.start : c.end] for c in LexiconDetector.of(lex)(seg)] == ["罗辑"]
    lex.reject("罗辑", "PER", "舒、[罗辑]报道", page=_P2)  # confirmed on one page, rejected on one: silent
    assert not LexiconDetector.of(lex)
    lex.learn("罗辑", "PER", _P3)
    lex.save()
    reloaded = UserLexicon.load(lex.path)
    assert LexiconDetector.of(reloaded)
    lex.unlearn("罗辑", "PER")
    lex.save()  # the file is re-read under the lock: what this lexicon matches follows it
    assert not LexiconDetector.of(lex)


def test_a_parse_after_learning_uses_the_new_entry(tmp_path: Path) -> None:
    lex = UserLexicon(tmp_path / "lexicon.json")
    raw = page_from_text("柯望舒昨天在会上发言。\n")
    lex.learn("会上发", "ORG", _P1)
    parse_page(raw, lexicon=lex)  # the matcher of the lexicon as it was is cached here
    lex.learn("柯望舒", "PER", _P1)
    assert any(e.text == "柯望舒" and e.source == "lexicon" for e in parse_page(raw, lexicon=lex).entities)


def test_a_context_with_a_closing_bracket_before_its_opening_one_is_read_as_plain_text() -> None:
    """Found by hypothesis: ``"]["`` split at the first "[" left no "]" after it (IndexError)."""
    lex = UserLexicon(Path("unused.json"))
    lex.reject("港湾", "LOC", "][港湾去")
    assert lex.is_rejected("港湾", "LOC", "][港湾去")
