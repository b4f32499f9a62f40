"""The user lexicon: what editors confirmed, added or rejected, used by every later parse.

Stored as JSON in the user data folder (``core.paths.data_dir()/lexicon.json``)::

    {"format": "banmian.lexicon", "version": 1,
     "entries": [{"text": "安立佳", "type": "PER"}],
     "rejected": [{"text": "养老院", "type": "PER", "context": "送往[养老院]安置"}]}

A rejection holds for one context only: the mention with up to ``CONTEXT_WIDTH`` characters on
either side (``context_of``), so 长春 rejected as a PER in 长春市 is still suggested elsewhere.
A corrupt file is renamed aside (``lexicon.json.corrupt-…``) and the lexicon starts empty, with
the problem in ``warning`` for the window to show; nothing the editor taught is silently lost.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from core.atomic import write_atomic
from core.paths import data_dir

FORMAT = "banmian.lexicon"
VERSION = 1
CONTEXT_WIDTH = 2


def default_path() -> Path:
    return data_dir() / "lexicon.json"


def context_of(text: str, start: int, end: int, width: int = CONTEXT_WIDTH) -> str:
    """``left[mention]right`` with up to ``width`` non-space characters either side."""
    left = "".join(text[max(0, start - 4 * width) : start].split())[-width:]
    right = "".join(text[end : end + 4 * width].split())[:width]
    return f"{left}[{''.join(text[start:end].split())}]{right}"


def _normal_context(mention: str, context: str) -> str:
    """Cut any caller's context down to the canonical ``left[mention]right`` window."""
    if "[" in context and "]" in context:
        left, rest = context.split("[", 1)
        right = rest.split("]", 1)[1]
    else:
        at = context.find(mention)
        if at < 0:
            return f"[{mention}]"
        left, right = context[:at], context[at + len(mention) :]
    left = "".join(left.split())[-CONTEXT_WIDTH:]
    right = "".join(right.split())[:CONTEXT_WIDTH]
    return f"{left}[{mention}]{right}"


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    text: str
    type: str


@dataclass(slots=True)
class UserLexicon:
    """Learned entries and rejections; mutable, saved atomically."""

    path: Path
    _entries: dict[tuple[str, str], LexiconEntry] = field(default_factory=dict)
    _rejected: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    warning: str | None = None

    @classmethod
    def load(cls, path: Path | None = None) -> UserLexicon:
        """Read the lexicon; a missing file is an empty lexicon, a corrupt one is moved aside."""
        path = path or default_path()
        lex = cls(path)
        try:
            raw = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return lex
        except OSError as e:
            lex.warning = f"lexicon {path} unreadable ({e}); starting empty"
            return lex
        try:
            data = json.loads(raw)
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                raise ValueError("not a banmian.lexicon file")
            for item in data.get("entries", []):
                lex.learn(str(item["text"]), str(item["type"]))
            for r in data.get("rejected", []):
                lex.reject(str(r["text"]), str(r["type"]), str(r.get("context", "")))
        except (ValueError, KeyError, TypeError, AttributeError) as e:
            aside = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
            try:
                os.replace(path, aside)
                where = f"moved to {aside.name}"
            except OSError:
                where = "left in place"
            lex = cls(path, warning=f"lexicon {path} is corrupt ({e}); {where}, starting empty")
        return lex

    @property
    def entries(self) -> tuple[LexiconEntry, ...]:
        return tuple(self._entries.values())

    def learn(self, text: str, type: str) -> None:
        text = "".join(text.split())
        if text:
            self._entries[(text, type)] = LexiconEntry(text, type)

    def unlearn(self, text: str, type: str) -> None:
        self._entries.pop(("".join(text.split()), type), None)

    def reject(self, text: str, type: str, context: str) -> None:
        text = "".join(text.split())
        if text:
            self._rejected.setdefault((text, type), set()).add(_normal_context(text, context))

    def is_rejected(self, text: str, type: str, context: str) -> bool:
        text = "".join(text.split())
        contexts = self._rejected.get((text, type))
        return bool(contexts) and _normal_context(text, context) in contexts  # type: ignore[operator]

    def to_dict(self) -> dict[str, object]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "entries": [{"text": e.text, "type": e.type} for e in self._entries.values()],
            "rejected": [
                {"text": t, "type": ty, "context": c} for (t, ty), cs in self._rejected.items() for c in sorted(cs)
            ],
        }

    def save(self) -> None:
        """Atomic: a temp file in the same folder, fsync, then ``os.replace``."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, json.dumps(self.to_dict(), ensure_ascii=False, indent=1))
