"""The entity label set: name, colour, shortcut key and description of each type.

Bundled in ``resources/labels.json``; a ``labels.json`` in the user config folder replaces it.
A user file that cannot be read or is malformed does not stop the app: ``load_labels`` falls back to
the bundled set and emits a ``LabelsWarning`` (``warnings.warn``) saying what was wrong, so the
window can show it; ``read_labels`` raises ``LabelsError`` for callers that want the error itself.
"""

from __future__ import annotations

import json
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

from core.paths import RESOURCES, config_dir

BUNDLED = RESOURCES / "labels.json"
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


class LabelsError(ValueError):
    """A label file that cannot be used; the message names the file and the problem."""


class LabelsWarning(UserWarning):
    """The user's label file was ignored; the bundled labels are used instead."""


@dataclass(frozen=True, slots=True)
class Label:
    name: str
    colour: str
    key: str
    description: str = ""


def read_labels(path: Path) -> tuple[Label, ...]:
    """Parse one label file; raise ``LabelsError`` on any problem."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise LabelsError(f"{path}: {e}") from e
    items = data.get("labels") if isinstance(data, dict) else data
    if not isinstance(items, list) or not items:
        raise LabelsError(f"{path}: expected a non-empty list of labels")
    out: list[Label] = []
    for i, it in enumerate(items):
        if not isinstance(it, dict):
            raise LabelsError(f"{path}: label {i + 1} is not an object")
        name, colour, key = it.get("name"), it.get("colour", it.get("color")), it.get("key")
        if not isinstance(name, str) or not name.strip():
            raise LabelsError(f"{path}: label {i + 1} has no name")
        if not isinstance(colour, str) or not _COLOUR.match(colour):
            raise LabelsError(f"{path}: label {name} needs a colour like #1f77b4")
        if not isinstance(key, str) or len(key) != 1:
            raise LabelsError(f"{path}: label {name} needs a one-character shortcut key")
        out.append(Label(name.strip(), colour, key.upper(), str(it.get("description", ""))))
    names = [lb.name for lb in out]
    keys = [lb.key for lb in out]
    if len(set(names)) != len(names) or len(set(keys)) != len(keys):
        raise LabelsError(f"{path}: label names and shortcut keys must be unique")
    return tuple(out)


def load_labels(path: Path | None = None) -> tuple[Label, ...]:
    """The user's labels (``path`` or the config folder's labels.json) if usable, else bundled."""
    user = path if path is not None else config_dir() / "labels.json"
    if user.is_file():
        try:
            return read_labels(user)
        except LabelsError as e:
            warnings.warn(f"{e}; using the bundled labels", LabelsWarning, stacklevel=2)
    return read_labels(BUNDLED)
