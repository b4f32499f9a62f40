"""The trained tagger: features, a store per user or project, training, vetoes, off and reset."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.document import Document
from core.edits.entity import RejectEntity
from core.entities.jieba.tokenizer import Token
from core.entities.pipeline import Pipeline, Segment
from core.entities.rules import stages
from core.entities.tagger.features import _span_extras, bio, char_features, char_features_utf8, word_tags
from core.entities.tagger.stage import TaggerStage, Thresholds, tagged_parser
from core.entities.tagger.store import TaggerStore
from core.entities.tagger.train import schedule_training, train
from core.loader import read_page
from core.parse import parse_page
from core.persist import beside, save

# a written page: the rules take 红星 (a place in jieba's dictionary) in 红星农场 as a place;
# this editor rejects it every time
PAGE = "红星农场迎来丰收\n本报讯 红星农场今年粮食产量创新高，\n场长李建国说，红星农场将继续扩大种植面积。\n"


def _saved_pages(folder: Path, n: int, reject: str) -> list[tuple[Path, Path]]:
    out = []
    for k in range(n):
        path = folder / f"p{k}.txt"
        path.write_text(PAGE, encoding="utf-8")
        page = parse_page(read_page(path))
        doc = Document(page)
        for e in page.entities:
            if e.text == reject:
                doc.apply(RejectEntity(e.id))
        sidecar = beside(path)
        save(doc, sidecar)
        out.append((path, sidecar))
    return out


def _first_rule_loc(text: str) -> str | None:
    seg = Segment.of(text)
    locs = [seg.text[c.start : c.end] for c in Pipeline(stages.DETECTORS, stages.REFINERS).run(seg) if c.type == "LOC"]
    return locs[0] if locs else None


def test_bio_and_features_have_one_entry_per_character() -> None:
    assert bio(5, [(1, 3, "PER")]) == ["O", "B-PER", "I-PER", "O", "O"]
    seg = Segment.of("李建国说")
    words = word_tags(4, seg.tokens)
    feats = char_features(seg.text, ["O"] * 4, words)
    assert len(feats) == 4 and "c0=李" in feats[0] and any(f.startswith("w=") for f in feats[0])


def test_store_switch_and_reset(tmp_path: Path) -> None:
    store = TaggerStore(tmp_path / "t")
    assert store.enabled and store.pages() == [] and store.trained_pages == 0
    store.add_page(tmp_path / "a.txt", tmp_path / "a.txt.banmian.json")
    store.add_page(tmp_path / "a.txt", tmp_path / "a.txt.banmian.json")
    assert len(store.pages()) == 1
    store.set_enabled(False)
    store.reset()
    assert not store.enabled and store.pages() == []


def test_project_folder_store_wins_over_the_user(tmp_path: Path) -> None:
    (tmp_path / ".banmian" / "tagger").mkdir(parents=True)
    (tmp_path / "issue").mkdir()
    assert TaggerStore.for_page(tmp_path / "issue" / "p.txt").root == tmp_path / ".banmian" / "tagger"
    other = tmp_path.parent / "elsewhere.txt"
    assert TaggerStore.for_page(other) == TaggerStore.for_user()


def _taught_to_reject(folder: Path) -> tuple[TaggerStore, str]:
    """A store of three saved pages on which the editor rejected the rules' first place."""
    rejected = _first_rule_loc(PAGE.replace("\n", ""))
    if rejected is None:
        pytest.skip("the rules find no place on the written page")
    store = TaggerStore(folder / "t")
    for page, sidecar in _saved_pages(folder, 3, rejected):
        store.add_page(page, sidecar)
    return store, rejected


# vetoes are off by default (``Thresholds``: on the dev walks they only lost); the mechanism is kept
VETOING = Thresholds(veto=0.97)


def test_trained_tagger_vetoes_what_the_editor_rejects(tmp_path: Path) -> None:
    store, rejected = _taught_to_reject(tmp_path)
    result = train(store)
    assert result.pages == 3 and store.model_path.is_file() and store.trained_pages == 3
    assert TaggerStage.load(store, min_pages=4) is None  # silent below its page count
    stage = TaggerStage.load(store, min_pages=3, thresholds=VETOING)
    assert stage is not None
    before = parse_page(read_page(tmp_path / "p0.txt"))
    after = parse_page(read_page(tmp_path / "p0.txt"), tagger=stage)
    assert rejected in {e.text for e in before.entities}
    assert rejected not in {e.text for e in after.entities}
    assert "李建国" in {e.text for e in after.entities}  # what the editor kept stays
    store.set_enabled(False)
    assert TaggerStage.load(store, min_pages=1) is None


def test_schedule_training_waits_for_pages_and_respects_the_switch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core.entities.tagger import stage

    monkeypatch.setattr(stage, "MIN_PAGES", 3)
    store = TaggerStore(tmp_path / "t")
    pages = _saved_pages(tmp_path, 3, "")
    assert schedule_training(*pages[0], store=store) is None  # too few pages to speak yet
    store.set_enabled(False)
    assert schedule_training(*pages[1], store=store) is None
    store.set_enabled(True)
    proc = schedule_training(*pages[2], store=store)
    assert proc is not None
    proc.join(timeout=300)
    assert proc.exitcode == 0 and store.trained_pages == 3


def test_tagged_parser_without_a_model_is_the_plain_parser(tmp_path: Path) -> None:
    assert tagged_parser(tmp_path / "p.txt") is parse_page


def test_islands_cut_where_both_labellings_are_at_a_span_boundary() -> None:
    from core.entities.tagger.features import spans
    from core.entities.tagger.stage import islands

    rules = ["B-LOC", "I-LOC", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O"]
    mine = ["B-ORG", "I-ORG", "O", "O", "B-ORG", "I-ORG", "O", "B-PER"]
    assert list(islands(rules, mine)) == [(0, 2), (4, 7), (7, 8)]
    assert list(islands(rules, rules)) == []
    assert spans(mine, 4, 7) == [(4, 6, "ORG")] and spans(rules, 7, 8) == []


def test_trained_tagger_adds_what_the_editor_keeps_adding(tmp_path: Path) -> None:
    from core.edits.entity import AddEntity
    from core.entities.tagger.stage import Thresholds

    text = PAGE + "老蔫头带着乡亲们在青禾坡上种了新品种，老蔫头说明年还要种。\n"
    word = "青禾坡"
    store = TaggerStore(tmp_path / "t")
    for k in range(3):
        path = tmp_path / f"p{k}.txt"
        path.write_text(text, encoding="utf-8")
        doc = Document(parse_page(read_page(path)))
        assert word not in {e.text for e in doc.page.entities}  # the rules do not find it
        doc.apply(AddEntity(text.index(word), text.index(word) + len(word), "LOC"))
        save(doc, beside(path))
        store.add_page(path, beside(path))
    assert train(store).pages == 3
    stage = TaggerStage.load(store, min_pages=3, thresholds=Thresholds(veto=0.5, add=0.5, change=0.5))
    assert stage is not None
    after = parse_page(read_page(tmp_path / "p0.txt"), tagger=stage)
    assert (word, "LOC", "tagger") in {(e.text, e.type, e.source) for e in after.entities}
    assert "李建国" in {e.text for e in after.entities}


def test_a_reset_during_training_leaves_no_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = TaggerStore(tmp_path / "t")
    for page, sidecar in _saved_pages(tmp_path, 2, ""):
        store.add_page(page, sidecar)
    pages = store.pages
    calls = iter([pages(), []])  # the second look (after training) finds the store reset
    monkeypatch.setattr(TaggerStore, "pages", lambda self: next(calls))
    assert train(store).pages == 0
    assert not store.model_path.exists()


def test_every_character_of_a_rules_mention_sees_the_whole_mention() -> None:
    feats = char_features("在青石市政府", ["O", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "I-ORG"], ["S-x"] * 6)
    assert all("rs=ORG|市政府" in feats[k] and "rprev=ORG|石" in feats[k] for k in (3, 4, 5))
    assert all(not any(f.startswith("rs=") for f in feats[k]) for k in (0,))
    assert "rs=LOC|青石" in feats[1] and "rnext=LOC|市" in feats[2]


def _char_features_one_by_one(text: str, rules: list[str], words: list[str]) -> list[list[str]]:
    """The features built one character at a time (how they were first written): the reference
    the column-wise ``char_features`` must equal string for string, in the same order."""
    n = len(text)
    padded = "##" + text + "##"
    out: list[list[str]] = []
    for i in range(n):
        p = i + 2
        out.append(
            [
                "b",
                f"c0={padded[p]}",
                f"c-1={padded[p - 1]}",
                f"c+1={padded[p + 1]}",
                f"c-2={padded[p - 2]}",
                f"c+2={padded[p + 2]}",
                f"c-1c0={padded[p - 1 : p + 1]}",
                f"c0c+1={padded[p : p + 2]}",
                f"c-1c+1={padded[p - 1]}{padded[p + 1]}",
                f"r={rules[i]}",
                f"r-1={rules[i - 1] if i else 'BOS'}",
                f"r+1={rules[i + 1] if i + 1 < n else 'EOS'}",
                f"w={words[i]}",
                f"w-1={words[i - 1] if i else 'BOS'}",
                f"w+1={words[i + 1] if i + 1 < n else 'EOS'}",
                f"r.c0={rules[i]}|{padded[p]}",
            ]
        )
    for k, j, extra in _span_extras(text, rules):  # each character of a mention sees the whole mention
        for q in range(k, j):
            out[q].extend(extra)
    return out


@st.composite
def _tagged_text(draw: st.DrawFn) -> tuple[str, list[str], list[Token], int]:
    text = draw(st.text(alphabet="青石市政府李建国#说，。 a1", max_size=30))
    n = len(text)
    cuts = sorted(draw(st.sets(st.integers(0, n), max_size=12)) | {0, n})
    types = st.sampled_from(["PER", "LOC", "ORG", "TIME"])
    spans = [(a, b, draw(types)) for a, b in itertools.pairwise(cuts) if draw(st.booleans())]
    words = [Token(text[a:b], draw(st.sampled_from(["n", "ns", "nr", "x"])), a, b) for a, b in itertools.pairwise(cuts)]
    # a token may run past the end (the features' length wins) and tokens may overlap
    words += [
        Token("", "v", a, a + k)
        for a, k in draw(st.lists(st.tuples(st.integers(0, n + 2), st.integers(1, 4)), max_size=3))
    ]
    return text, bio(n, spans), words, n + draw(st.integers(0, 2))


@given(_tagged_text())
def test_column_wise_features_equal_the_per_character_ones(case: tuple[str, list[str], list[Token], int]) -> None:
    text, rules, toks, _ = case
    words = word_tags(len(text), toks)
    want = _char_features_one_by_one(text, rules, words)
    assert char_features(text, rules, words) == want
    assert char_features(text, rules, words) == want  # again, from the reused strings
    assert char_features_utf8(text, rules, words) == [[f.encode("utf-8") for f in row] for row in want]


def test_column_wise_features_of_a_written_sentence() -> None:
    text = "在青石市政府说"
    rules = ["O", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "I-ORG", "O"]
    toks = [Token("在", "p", 0, 1), Token("青石市", "ns", 1, 4), Token("政府", "n", 4, 6), Token("说", "v", 6, 7)]
    words = word_tags(len(text), toks)
    assert words == ["S-p", "B-ns", "M-ns", "E-ns", "B-n", "E-n", "S-v"]
    feats = char_features(text, rules, words)
    assert feats == _char_features_one_by_one(text, rules, words)
    assert feats[0][:9] == ["b", "c0=在", "c-1=#", "c+1=青", "c-2=#", "c+2=石", "c-1c0=#在", "c0c+1=在青", "c-1c+1=#青"]
    assert feats[-1][9:16] == ["r=O", "r-1=I-ORG", "r+1=EOS", "w=S-v", "w-1=E-n", "w+1=EOS", "r.c0=O|说"]
    assert char_features("", [], []) == []


def test_features_are_the_same_after_the_reused_strings_are_forgotten(monkeypatch: pytest.MonkeyPatch) -> None:
    from core.entities.tagger import features

    text, rules = "青石市政府说", ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"]
    words = ["B-ns", "M-ns", "E-ns", "B-n", "E-n", "S-v"]
    want = _char_features_one_by_one(text, rules, words)
    assert char_features(text, rules, words) == want
    monkeypatch.setattr(features, "_MEMO_MAX", 0)  # every call forgets what the last one made
    assert char_features(text, rules, words) == want
    assert char_features(text, rules, words) == want


@given(_tagged_text(), st.data())
def test_rows_of_a_stretch_equal_the_same_rows_of_the_whole(
    case: tuple[str, list[str], list[Token], int], data: st.DataObject
) -> None:
    text, rules, toks, _ = case
    words = word_tags(len(text), toks)
    start = data.draw(st.integers(0, len(text)))
    stop = data.draw(st.integers(start, len(text)))
    assert char_features.rows(text, rules, words, start, stop) == char_features(text, rules, words)[start:stop]
    assert (
        char_features_utf8.rows(text, rules, words, start, stop) == char_features_utf8(text, rules, words)[start:stop]
    )


def test_rows_of_a_stretch_inside_a_long_mention_see_the_whole_mention() -> None:
    text = "在吉林省青石市人民政府说"
    rules = ["O", *bio(10, [(0, 10, "ORG")]), "O"]
    words = ["S-x"] * len(text)
    for start, stop in ((5, 6), (9, 12), (0, 1), (11, 12)):
        assert char_features.rows(text, rules, words, start, stop) == char_features(text, rules, words)[start:stop]
    assert "rs=ORG|吉林省青石市人民政府" in char_features.rows(text, rules, words, 8, 9)[0]


def test_windows_reach_around_the_places_the_tagger_could_change() -> None:
    from core.entities.candidates import Candidate
    from core.entities.tagger.stage import REACH, open_places, windows

    assert REACH == 2
    toks = [Token("在", "p", 0, 1), Token("青石市", "ns", 1, 4), Token("政府", "n", 4, 6), Token("说", "v", 6, 7)]
    assert list(open_places([], toks, [])) == [(1, 4)]  # jieba's name 青石市
    own = [(10, 12, "PER"), (14, 18, "TIME")]
    assert list(open_places(own, toks, [])) == [(10, 12), (1, 4)]  # the rules' dates are left alone
    taught = [Candidate(1, 3, "LOC", "lexicon", 1.0)]
    assert list(open_places(own, toks, taught)) == [(10, 12)]  # so is what the editor taught
    assert windows(7, [(1, 4)]) == [(0, 6)]  # two characters on each side
    assert windows(30, [(1, 4), (20, 22)]) == [(0, 6), (18, 24)]
    assert windows(30, [(28, 30), (7, 9), (1, 4)]) == [(0, 11), (26, 30)]  # overlapping ones merged
    assert windows(7, []) == []


def test_the_screen_decides_as_tagging_every_segment_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from core.entities.tagger import stage as stage_module

    store, _ = _taught_to_reject(tmp_path)
    train(store)
    stage = TaggerStage.load(store, min_pages=3, thresholds=VETOING)
    assert stage is not None
    texts = [*PAGE.splitlines(), "老蔫头带着乡亲们在红星农场种了新品种，场长李建国说明年还要种。", "今天天气很好。"]
    segs = [Segment.of(t) for t in texts]
    pipe = Pipeline(stages.DETECTORS, stages.REFINERS)
    screened = [stage(s, pipe.run(s)) for s in segs]
    monkeypatch.setattr(stage_module, "SCREEN_SHARE", -1.0)  # every segment tagged whole
    assert [stage(s, pipe.run(s)) for s in segs] == screened
    assert any(r != pipe.run(s) for s, r in zip(segs, screened, strict=True))  # the tagger did veto

    def never(*_: object) -> list[str]:
        raise AssertionError("tagged a segment with no mention and no name")

    monkeypatch.setattr(stage_module, "SCREEN_SHARE", 0.6)
    monkeypatch.setattr(stage, "_tagger", type("T", (), {"tag": staticmethod(never)})())
    calm = Segment.of("今天天气很好。")
    assert stage(calm, pipe.run(calm)) == pipe.run(calm)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 12), st.integers(1, 6)), max_size=8))
def test_clusters_group_every_stretch_in_order_with_short_gaps(steps: list[tuple[int, int]]) -> None:
    from core.entities.tagger.stage import _GAP, _clusters

    stretches, at = [], 0
    for gap, size in steps:  # sorted, disjoint stretches as ``windows`` gives them
        stretches.append((at + gap + 1, at + gap + 1 + size))
        at = stretches[-1][1]
    groups = list(_clusters(stretches))
    assert [s for _, _, g in groups for s in g] == stretches
    for lo, hi, group in groups:
        assert (lo, hi) == (group[0][0], group[-1][1])
        assert all(b[0] - a[1] <= _GAP for a, b in itertools.pairwise(group))
    assert all(b[0] - a[1] > _GAP for a, b in itertools.pairwise(groups))


def _plain_word_tags(length: int, toks: list[Token]) -> list[str]:
    """``word_tags`` as written before its one-character fast path."""
    tags = ["S-x"] * length
    for t in toks:
        start, end = t.start, min(t.end, length)
        if start < end:
            n = t.end - t.start
            pos = (f"S-{t.flag}",) if n == 1 else (f"B-{t.flag}", *[f"M-{t.flag}"] * (n - 2), f"E-{t.flag}")
            tags[start:end] = pos[: end - start]
    return tags


@settings(max_examples=200, deadline=None)
@given(
    st.integers(0, 12),
    st.lists(st.tuples(st.integers(0, 14), st.integers(0, 4), st.sampled_from(["n", "nr", "x", "v"])), max_size=10),
)
def test_word_tags_as_the_plain_code(length: int, spans: list[tuple[int, int, str]]) -> None:
    toks = [Token("字" * k, flag, s, s + k) for s, k, flag in spans]  # any order, overlapping, past the end
    assert word_tags(length, toks) == _plain_word_tags(length, toks)


def test_by_default_the_tagger_only_adds_and_screens_around_names_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Vetoes are off by default: what the editor rejects is left to the lexicon and the conventions,
    and the screen does not tag around the rules' mentions, which it could no longer change."""
    store, rejected = _taught_to_reject(tmp_path)
    train(store)
    stage = TaggerStage.load(store, min_pages=3)
    assert stage is not None
    after = parse_page(read_page(tmp_path / "p0.txt"), tagger=stage)
    assert rejected in {e.text for e in after.entities}  # no veto

    def never(*_: object) -> list[str]:
        raise AssertionError("tagged around a rule's mention it cannot change")

    monkeypatch.setattr(stage, "_tagger", type("T", (), {"tag": staticmethod(never)})())
    pipe = Pipeline(stages.DETECTORS, stages.REFINERS)
    seg = Segment.of("他们来到总政治部。")  # the rules' 总政治部 (a listed body), no name of jieba's
    cands = pipe.run(seg)
    assert cands and not any(t.flag in {"nr", "nrt", "nrfg", "ns", "nt", "nz", "j", "new"} for t in seg.tokens)
    assert stage(seg, cands) == cands
