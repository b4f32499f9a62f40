"""``evaluate --explain``: each entity correction with its kind, engine and what earlier pages said."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from core.evaluate.command import evaluate
from core.evaluate.explain import Correction, History, corrections, tally
from core.evaluate.scoring import page_effort

TEXT = "青石县长王立新昨天在白水镇会见了红山集团董事长李明。\n"


def _at(word: str, type_: str, **extra: str) -> dict[str, Any]:
    k = TEXT.index(word)
    return {"type": type_, "start": k, "end": k + len(word), "raw_start": k, "raw_end": k + len(word), **extra}


def _pages(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> tuple[dict[str, Any], dict[str, Any]]:
    g = {"articles": [{"id": 1, "lines": [1], "entities": gold, "optional": []}], "line_roles": {}}
    p = {"articles": [{"id": 1, "lines": [1], "entities": pred}]}
    return g, p


def test_each_kind_of_correction_is_told_apart_and_they_add_up_to_the_effort() -> None:
    gold, pred = _pages(
        [_at("王立新", "PER"), _at("白水镇", "LOC"), _at("红山集团", "ORG"), _at("李明", "PER")],
        [
            _at("王立新", "PER", source="rule"),  # right
            _at("白水", "LOC", source="jieba"),  # boundary: hides 白水镇
            _at("红山集团", "LOC", source="lexicon"),  # right span, wrong type
            _at("董事长", "PER", source="tagger"),  # nothing there
        ],
    )
    found = corrections(gold, pred, TEXT)
    got = {(c.kind, c.text, c.type, c.source, c.count) for c in found}
    assert got == {
        ("boundary", "白水镇", "LOC", "jieba", 1),
        ("boundary", "白水", "LOC", "jieba", 1),
        ("type", "红山集团", "ORG", "lexicon", 2),
        ("false alarm", "董事长", "PER", "tagger", 1),
        ("miss", "李明", "PER", "-", 1),
    }
    assert sum(c.count for c in found) == page_effort(gold, pred, TEXT).entities == 6
    assert tally(found)["boundary"] == 2 and tally(found)["seen:unseen"] == 6


def test_what_earlier_pages_said_of_a_string() -> None:
    history = History()
    history.add_gold([("白水镇", "LOC"), ("红山集团有限公司", "ORG")])
    history.add_verdicts([("董事长", "rejected")])
    assert history.seen("白水镇") == "as LOC"
    assert history.seen("董事长") == "decided rejected"
    assert history.seen("红山集团") == "inside"
    assert history.seen("白水镇政府") == "around"
    assert history.seen("李明") == "unseen"
    c = corrections(*_pages([_at("白水镇", "LOC")], []), TEXT, history)
    assert c == [Correction("miss", "白水镇", "LOC", "-", 1, "as LOC")]


def test_the_curve_explains_its_second_half(tmp_path: Path) -> None:
    (tmp_path / "p.txt").write_text(TEXT, encoding="utf-8")
    gold, _ = _pages([_at("白水镇", "LOC"), _at("董事长", "PER")], [])
    (tmp_path / "p.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    out = io.StringIO()
    summary = evaluate(tmp_path, explain=True, out=out)  # one page: the second half is the page
    explained = summary["second_half_explained"]
    assert sum(v for k, v in explained.items() if not k.startswith("seen:")) == summary["entities"] > 0
    assert sum(v for k, v in explained.items() if k.startswith("seen:")) == summary["entities"]
    assert "董事长  [-; unseen]" in out.getvalue()  # listed with its engine and what was seen


def _seen_by_search(gold: dict[str, set[str]], verdicts: dict[str, set[str]], text: str) -> str:
    """What ``History.seen`` answers, by searching every string (its definition)."""
    if text in gold:
        return "as " + "/".join(sorted(gold[text]))
    if text in verdicts:
        return "decided " + "/".join(sorted(verdicts[text]))
    if any(text in g for g in gold):
        return "inside"
    if any(g in text for g in gold if len(g) >= 2):
        return "around"
    return "unseen"


_WORDS = st.text(alphabet="白水镇红山", max_size=5)


@given(
    st.lists(st.tuples(_WORDS, st.sampled_from(["LOC", "ORG"])), max_size=6),
    st.lists(st.tuples(_WORDS, st.just("rejected")), max_size=3),
    st.lists(_WORDS, min_size=1, max_size=6),
)
def test_what_was_seen_is_what_a_search_of_every_string_says(
    gold: list[tuple[str, str]], verdicts: list[tuple[str, str]], asked: list[str]
) -> None:
    history = History()
    history.add_gold(gold[:3])
    history.add_verdicts(verdicts)
    history.add_gold(gold[3:])  # added in two walks, as page after page
    for text in asked:
        assert history.seen(text) == _seen_by_search(history.gold, history.verdicts, text)


def test_a_missed_mention_under_two_suggestions_is_charged_to_the_first() -> None:
    gold, pred = _pages(
        [_at("红山集团董事长", "PER")],
        [_at("红山集团", "ORG", source="rule"), _at("董事长", "PER", source="tagger")],
    )
    assert corrections(gold, pred, TEXT) == [
        Correction("boundary", "红山集团董事长", "PER", "rule", 1),  # not the tagger's 董事长
        Correction("boundary", "红山集团", "ORG", "rule", 1),
        Correction("boundary", "董事长", "PER", "tagger", 1),
    ]
