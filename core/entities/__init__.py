"""Entity detection: jieba's tokens plus our own layers (see ``core.entities.detect``).

Importing this package is cheap: jieba loads only when detection runs or ``warm_up`` is called, so
the window, the lexicon and the label set can be used without paying for the dictionary.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from core.entities.lexicon import UserLexicon

if TYPE_CHECKING:
    from core.entities.pipeline import Pipeline, Refiner
    from core.model import Entity

__all__ = ["UserLexicon", "detect_entities", "warm_up"]


def detect_entities(
    text: str,
    segments: Sequence[Sequence[tuple[int, int]]],
    *,
    lexicon: UserLexicon | None = None,
    pipeline: Pipeline | None = None,
    tagger: Refiner | None = None,
) -> tuple[Entity, ...]:
    """Entities of the page ``text`` found in the reflowed ``segments`` (raw line spans).

    ``pipeline``: the stages to run (``detect.default_pipeline`` with the lexicon when omitted);
    ``tagger``: the trained tagger's stage (``tagger.stage.TaggerStage.load``), run last.
    """
    from core.entities.detect import default_pipeline
    from core.entities.detect import detect_entities as detect

    if pipeline is None and tagger is not None:
        pipeline = default_pipeline(lexicon, refiners=[tagger])
    return detect(text, segments, lexicon=lexicon, pipeline=pipeline)


def warm_up() -> None:
    """Load jieba now (idempotent), e.g. in a worker before the first parse."""
    from core.entities.jieba.tokenizer import warm_up as load

    load()
