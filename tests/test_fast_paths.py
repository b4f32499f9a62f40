"""The parse's fast paths give exactly what the slow ways they replace give."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.entities.jieba import postag
from core.entities.jieba.tokenizer import warm_up
from core.export_json import ExportInvalid, dumps
from core.textmap import _squeeze, assemble


def _jieba_words(sentence: str) -> list[str]:
    import jieba

    dag = jieba.dt.get_DAG(sentence)
    route: dict[int, tuple[float, int]] = {}
    jieba.dt.calc(sentence, dag, route)
    out, x = [], 0
    while x < len(sentence):
        y = route[x][1] + 1
        out.append(sentence[x:y])
        x = y
    return out


def _our_words(sentence: str) -> list[str]:
    import jieba

    nxt = postag._route(jieba.dt.FREQ, math.log(jieba.dt.total), sentence)
    out, x = [], 0
    while x < len(sentence):
        out.append(sentence[x : nxt[x] + 1])
        x = nxt[x] + 1
    return out


_SENTENCES = [
    "我们在长春市第一中学听了一堂课",
    "研究生命起源",
    "结婚的和尚未结婚的",
    "南京市长江大桥",
    "工信处女干事每月经过下属科室",
    "欧阳明日在北京大学发言",
    "x",
    "abc123中文",
]


@pytest.mark.parametrize("sentence", _SENTENCES)
def test_route_cuts_as_jieba(sentence: str) -> None:
    warm_up()
    assert _our_words(sentence) == _jieba_words(sentence)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="中国人民大学生长江市南京研究会的了和在是有上下天地", min_size=1, max_size=30))
def test_route_cuts_as_jieba_on_any_run(sentence: str) -> None:
    warm_up()
    assert _our_words(sentence) == _jieba_words(sentence)


_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(alphabet=st.characters(codec="utf-8")),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.text(max_size=4), _json, max_size=5))
def test_dumps_is_json_dumps(doc: dict[str, object]) -> None:
    assert dumps(doc) == json.dumps(doc, ensure_ascii=False, indent=1, allow_nan=False) + "\n"


def test_dumps_tuples_and_unusual_keys_as_json_does() -> None:
    doc: dict[str, object] = {"t": (1, "二"), "k": {1: None}, "e": [], "d": {}}
    assert dumps(doc) == json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_dumps_refuses_non_finite(bad: float) -> None:
    with pytest.raises(ExportInvalid, match="not JSON compliant"):
        dumps({"c": [{"x": bad}]})


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet="中文ab 　\t\fx", max_size=12), min_size=1, max_size=4))
def test_assemble_squeezed_as_char_by_char(lines: list[str]) -> None:
    raw = "\n".join(lines)
    spans, pos = [], 0
    for line in lines:
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    chars: list[str] = []
    offsets: list[int] = []
    for s, e in spans:  # the unconditional squeeze assemble did before its fast path
        while s < e and raw[s].isspace():
            s += 1
        while e > s and raw[e - 1].isspace():
            e -= 1
        for o, ch in _squeeze(raw[s:e], s):
            chars.append(ch)
            offsets.append(o)
    got = assemble(raw, spans, squeeze=True)
    assert (got.text, got.offsets) == ("".join(chars), tuple(offsets))
