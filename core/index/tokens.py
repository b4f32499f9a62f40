"""Chinese-aware tokens for SQLite FTS5: every Han character is a token, other words stay whole.

FTS5's ``unicode61`` tokenizer splits on separators only, so a run of Chinese would be one token
and ``长春`` would never match inside ``长春市``.  Indexing the text with a space between Han
characters and querying a phrase of characters finds any substring, names of two characters
included (the ``trigram`` tokenizer cannot match fewer than three).
"""

from __future__ import annotations

import re

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(f"[{_HAN}]|[^\\W{_HAN}]+")


def is_han(token: str) -> bool:
    """A token that is one Han character (FTS5 matches it wherever it stands)."""
    return len(token) == 1 and _HAN_CHAR.fullmatch(token) is not None


_HAN_CHAR = re.compile(f"[{_HAN}]")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def spaced(text: str) -> str:
    """The text as FTS5 will tokenise it: tokens separated by single spaces."""
    return " ".join(_TOKEN.findall(text.lower()))


def phrase_query(query: str) -> str | None:
    """An FTS5 query: each whitespace-separated part of ``query`` a phrase of its tokens, all
    required; None when the query has no searchable character."""
    parts = [tokens(part) for part in query.split()]
    phrases = ['"' + " ".join(t) + '"' for t in parts if t]
    return " AND ".join(phrases) if phrases else None
