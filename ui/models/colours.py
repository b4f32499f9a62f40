"""Article tints and role marks: stable per article id, so one edit never recolours the page."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtGui import QColor

from core.entities.labels import Label

# Pale, distinguishable tints (light enough for black CJK text on top).
TINTS: tuple[str, ...] = (
    "#dbeafe",
    "#fde2c8",
    "#d9f2dc",
    "#f3d9f4",
    "#fff2b3",
    "#d4f1f4",
    "#f7d6d6",
    "#e3e0fb",
)
TINT_RGBA: tuple[int, ...] = tuple(QColor(t).rgba() for t in TINTS)  # compared and painted per line
UNASSIGNED = QColor("#eeeeee")
UNASSIGNED_MARK = QColor("#c0392b")

ROLE_MARKS: dict[str, str] = {
    "title": "T",
    "kicker": "K",
    "subtitle": "S",
    "byline": "B",
    "body": "·",
    "subhead": "H",
    "jump": "J",
    "column": "C",
    "caption": "P",
    "other": "O",
}
PARAGRAPH_MARK = "¶"


class ColourBook:
    """Hands out a tint per article id on first sight, avoiding its neighbours' tints."""

    def __init__(self) -> None:
        self._index: dict[str, int] = {}

    def reset(self) -> None:
        self._index.clear()

    def assign(self, ids: Sequence[str]) -> None:
        """Give every new id in reading order a tint unlike the articles beside it."""
        for i, aid in enumerate(ids):
            if aid in self._index:
                continue
            near = {self._index.get(ids[j]) for j in (i - 1, i + 1) if 0 <= j < len(ids)}
            first = len(self._index) % len(TINTS)
            ring = [(first + k) % len(TINTS) for k in range(len(TINTS))]
            self._index[aid] = next((k for k in ring if k not in near), first)

    def tint(self, article_id: str) -> QColor:
        return QColor.fromRgba(self.tint_rgba(article_id)) if article_id else UNASSIGNED

    def tint_rgba(self, article_id: str) -> int:
        """The tint as an RGBA int (no colour parsed per call: the raw view asks per line)."""
        if not article_id:
            return UNASSIGNED.rgba()
        k = self._index.get(article_id)
        if k is None:
            k = len(self._index) % len(TINTS)
            self._index[article_id] = k
        return TINT_RGBA[k]

    def strong(self, article_id: str) -> QColor:
        """The tint of a selected article: the same hue, more saturated."""
        c = self.tint(article_id)
        return QColor.fromHsv(c.hsvHue(), min(255, c.hsvSaturation() * 2 + 20), max(0, c.value() - 12))


def soften(colour: str, amount: float = 0.6) -> QColor:
    """A label colour mixed with white, light enough to sit behind text."""
    c = QColor(colour)
    return QColor(
        round(c.red() + (255 - c.red()) * amount),
        round(c.green() + (255 - c.green()) * amount),
        round(c.blue() + (255 - c.blue()) * amount),
    )


def label_colours(labels: Iterable[Label]) -> dict[str, QColor]:
    """Each entity type's colour as the label set (``core.entities.labels``) gives it, softened."""
    return {lb.name: soften(lb.colour) for lb in labels}
