"""Units (units.py): joining a unit to the one kept above it."""

from __future__ import annotations

from core.layout.features import line_features
from core.layout.units import BODY, HEAD, Unit, joined
from core.lines import split_lines


def test_joined_appends_each_unit_that_goes_on_to_the_unit_kept_above_it() -> None:
    a, b, c, d = line_features(split_lines("标题\n第一行\n第二行\n第三行"))
    head, first, second, third = Unit([a], 4, HEAD), Unit([b], 4), Unit([c], 4), Unit([d], 4)
    out = joined([head, first, second, third], lambda above, u: above.kind == u.kind == BODY)
    assert out == [head, first]
    assert first.lines == [b, c, d]  # ``third`` went on from ``first``, which ``second`` had joined
    assert joined([], lambda above, u: True) == []
