"""Entity labels (name, colour, key) from core, with the four default types as a fallback."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class UiLabel:
    name: str
    colour: str
    key: str
    description: str


DEFAULT_LABELS: tuple[UiLabel, ...] = (
    UiLabel("PER", "#ffb3ba", "P", "person"),
    UiLabel("LOC", "#baffc9", "L", "place"),
    UiLabel("ORG", "#bae1ff", "O", "organisation"),
    UiLabel("TIME", "#ffe4a1", "T", "calendar time"),
)


def load_labels() -> tuple[UiLabel, ...]:
    try:
        from core.entities.labels import load_labels as core_labels
    except ImportError:
        return DEFAULT_LABELS
    try:
        found = core_labels()
    except Exception:  # a broken user label file: keep working with the defaults
        return DEFAULT_LABELS
    return tuple(UiLabel(lb.name, lb.colour, lb.key, getattr(lb, "description", "")) for lb in found) or DEFAULT_LABELS
