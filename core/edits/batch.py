"""Several edits as one undoable unit (one Undo menu entry, one pair of change events)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from core.edits.base import Edit, EditError
from core.events import Change
from core.messages import msg

if TYPE_CHECKING:
    from core.state import State


class Batch(Edit):
    """Apply ``edits`` in order; if one fails nothing of the batch happens."""

    def __init__(self, edits: Sequence[Edit], name: str = "Edits") -> None:
        if not edits:
            raise EditError(msg("nothing to do"))
        self.edits: tuple[Edit, ...] = tuple(edits)
        self.name = name

    def __repr__(self) -> str:
        return f"Batch({list(self.edits)!r}, name={self.name!r})"

    def forward(self, state: State) -> tuple[State, Change]:
        change = Change()
        done: list[Edit] = []
        try:
            for e in self.edits:
                state, c = e.forward(state)
                done.append(e)
                change = change | c
        except BaseException:
            for e in done:
                e._inverse = None
            raise
        return state, change

    def backward(self, state: State) -> tuple[State, Change]:
        change = Change()
        for e in reversed(self.edits):
            state, c = e.backward(state)
            change = change | c
        return state, change
