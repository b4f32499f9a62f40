"""The entity label set: name, colour, shortcut key and description of each type.

Bundled in ``resources/labels.json``; a ``labels.json`` in the user config folder replaces it.
A user file that cannot be read or is malformed does not stop the app: ``load_labels`` falls back to
the bundled set and says what was wrong (to the window's list of problems, else as a
``LabelsWarning``); ``read_labels`` raises ``LabelsError`` for callers that want the error itself.
The texts are ``core.messages`` messages, which the window shows in its language.
"""

from __future__ import annotations

import json
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

from core.messages import msg, unreadable
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
    """Parse one label file; raise ``LabelsError`` on any problem (a ``core.messages`` message)."""
    where = str(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError) as e:  # (ValueError: not UTF-8, not JSON)
        raise LabelsError(msg("{path}: {error}", path=where, error=unreadable(e))) from None
    items = data.get("labels") if isinstance(data, dict) else data
    if not isinstance(items, list) or not items:
        raise LabelsError(msg("{path}: expected a non-empty list of labels", path=where))
    out: list[Label] = []
    for i, it in enumerate(items):
        if not isinstance(it, dict):
            raise LabelsError(msg("{path}: label {n} is not an object", path=where, n=i + 1))
        name, colour, key = it.get("name"), it.get("colour", it.get("color")), it.get("key")
        if not isinstance(name, str) or not name.strip():
            raise LabelsError(msg("{path}: label {n} has no name", path=where, n=i + 1))
        if not isinstance(colour, str) or not _COLOUR.match(colour):
            raise LabelsError(msg("{path}: label {name} needs a colour like #1f77b4", path=where, name=name))
        if not isinstance(key, str) or len(key) != 1:
            raise LabelsError(msg("{path}: label {name} needs a one-character shortcut key", path=where, name=name))
        out.append(Label(name.strip(), colour, key.upper(), str(it.get("description", ""))))
    names = [lb.name for lb in out]
    keys = [lb.key for lb in out]
    if len(set(names)) != len(names) or len(set(keys)) != len(keys):
        raise LabelsError(msg("{path}: label names and shortcut keys must be unique", path=where))
    return tuple(out)


def load_labels(path: Path | None = None, problems: list[str] | None = None) -> tuple[Label, ...]:
    """The user's labels (``path`` or the config folder's labels.json) if usable, else bundled.

    Why the user's file was not used goes to ``problems`` when given (the window shows it), else
    out as a ``LabelsWarning``; either way it is a message the window can translate.
    """
    user = path if path is not None else config_dir() / "labels.json"
    if user.is_file():
        try:
            return read_labels(user)
        except LabelsError as e:
            problem = msg("{problem}; using the bundled labels", problem=str(e))
            if problems is not None:
                problems.append(problem)
            else:
                warnings.warn(LabelsWarning(problem), stacklevel=2)
    return read_labels(BUNDLED)
