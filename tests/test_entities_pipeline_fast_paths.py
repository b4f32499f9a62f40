"""The entity pipeline's fast paths give exactly what the plain code they replace gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from core.entities.candidates import TIER_RULE, TIER_SURE, Candidate, _rank, _resolve_plain, resolve

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
