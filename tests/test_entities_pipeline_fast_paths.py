"""The entity pipeline's fast paths give exactly what the plain code they replace gives."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from core.entities.candidates import TIER_RULE, TIER_SURE, Candidate, _rank, _resolve_plain, resolve
from core.entities.lexicon import UserLexicon, context_of

_cands = st.lists(
    st.builds(
        lambda s, k, t, conf, tier: Candidate(s, s + k, t, "rule", conf, tier=tier),
        st.integers(-2, 20),
        st.integers(-1, 6),
        st.sampled_from(["PER", "LOC", "ORG"]),
        st.sampled_from([0.5, 0.7, 0.9]),
        st.sampled_from([TIER_RULE, TIER_SURE]),
    ),
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(_cands)
def test_resolve_as_with_a_set_of_taken_offsets(cands: list[Candidate]) -> None:
    assert resolve(cands) == _resolve_plain(sorted(cands, key=_rank))


@settings(max_examples=300, deadline=None)
@given(_cands)
def test_resolve_without_negative_offsets_as_with_a_set(cands: list[Candidate]) -> None:
    cands = [c for c in cands if c.start >= 0]  # the bytearray path
    assert resolve(cands) == _resolve_plain(sorted(cands, key=_rank))


def test_resolve_keeps_the_longest_then_the_surest() -> None:
    a = Candidate(0, 3, "ORG", "rule", 0.6)
    b = Candidate(1, 3, "LOC", "rule", 0.9)
    c = Candidate(3, 5, "PER", "rule", 0.5)
    d = Candidate(3, 5, "LOC", "rule", 0.8)
    assert resolve([b, a, c, d]) == [a, d]
    assert resolve([a, Candidate(2, 3, "LOC", "lexicon", 0.5, tier=TIER_SURE)])[0].tier == TIER_SURE


_words = st.text(alphabet="港湾 新到去里", min_size=1, max_size=4)
_types = st.sampled_from(["LOC", "ORG", "PER", "TIME"])


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(_words, _types, _words, st.sampled_from([None, "page-a", "page-b"])), max_size=5),
    st.lists(st.tuples(_words, _types, st.sampled_from([None, "page-a", "page-b"])), max_size=3),
    _words,
    _types,
    st.text(alphabet="港湾新到去里[] ", max_size=8),
)
def test_a_lexicon_rejects_only_what_it_may_reject(
    rejections: list[tuple[str, str, str, str | None]],
    learned: list[tuple[str, str, str | None]],
    word: str,
    type_: str,
    context: str,
) -> None:
    lex = UserLexicon.load(Path("/nonexistent-banmian-test") / "lex.json")
    for text, t, where, page in rejections:
        lex.reject(text, t, f"{where}[{text}]{where}", page=page)
    for text, t, page in learned:
        lex.learn(text, t, page=page or "page-c")
    for w, t, ctx in [(word, type_, context), *((r[0], r[1], r[2]) for r in rejections)]:
        if lex.is_rejected(w, t, ctx):
            assert lex.may_reject(w, t)


def test_the_page_drops_a_rejected_mention_only_in_its_context() -> None:
    from core.entities.detect import _rejected
    from core.entities.pipeline import Segment

    lex = UserLexicon.load(Path("/nonexistent-banmian-test") / "lex.json")
    text = "到港湾去，新港湾里"
    seg = Segment.of(text)
    lex.reject("港湾", "LOC", context_of(text, 1, 3))
    assert _rejected(lex, seg, Candidate(1, 3, "LOC", "rule", 0.9))
    assert not _rejected(lex, seg, Candidate(6, 8, "LOC", "rule", 0.9))
    assert not _rejected(lex, seg, Candidate(1, 3, "ORG", "rule", 0.9))
    assert not lex.may_reject("新港", "LOC")
