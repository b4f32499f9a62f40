"""Messages core gives to people (load errors, save refusals, conflicts, re-anchoring reports,
read-only notices) with a stable identity the window can translate.

A ``Message`` is the English text itself (a ``str``: the command line prints it, exceptions and
result objects carry it where they carried text before, it pickles across the worker process) that
also remembers its ``template`` and the ``values`` that filled it.  The template is the message's
key: the window passes it through Qt's ``tr`` (the English text is the source text of Qt's
translation files) and fills in the values, translating the values that are messages themselves.
Core never imports Qt: ``render`` takes the translating function.

Templates are written as literals at the ``msg(...)`` call, so ``tools/i18n.py`` finds every one of
them in ``core/`` and checks that the translation file has them.
"""

from __future__ import annotations

import errno
import json
from collections.abc import Callable, Sequence
from typing import Any


class Message(str):
    """English text that knows its template and values (``msg`` builds one)."""

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, values: dict[str, Any]) -> Message:
        self = super().__new__(cls, template.format(**values) if values else template)
        self.template = template
        self.values = values
        return self

    def __getnewargs__(self) -> tuple[str, dict[str, Any]]:  # type: ignore[override]
        return (self.template, self.values)

    def __str__(self) -> str:
        return self  # str(exception) and str(message) keep the identity

    def render(self, translate: Callable[[str], str]) -> str:
        """The message in another language: the template translated, message values likewise."""
        values = {k: v.render(translate) if isinstance(v, Message) else v for k, v in self.values.items()}
        try:
            return translate(self.template).format(**values)
        except (KeyError, IndexError, ValueError):  # a translation that names a value wrongly
            return self.template.format(**values)


def msg(template: str, **values: Any) -> Message:
    """A message from its English template (a literal: tools/i18n.py collects them) and values."""
    return Message(template, values)


def word(text: str) -> Message:
    """A word the window also shows on its own (a role, a status, a field name): translated as
    such when it fills a message.  A message passed in is kept as it is (its values included)."""
    return text if isinstance(text, Message) else Message(text, {})


def joined(parts: Sequence[str], sep: str = "; ") -> Message:
    """Several messages shown as one line, each translated on its own (the template holds only
    the separators, so it needs no translation)."""
    return Message(sep.join(f"{{i{k}}}" for k in range(len(parts))), {f"i{k}": p for k, p in enumerate(parts)})


def mentions(text: str, template: str) -> bool:
    """Whether ``text`` is a message from ``template`` or holds one among its values."""
    if not isinstance(text, Message):
        return False
    return text.template == template or any(mentions(v, template) for v in text.values.values() if isinstance(v, str))


def render(text: str, translate: Callable[[str], str]) -> str:
    """``text`` translated when it is a ``Message``; other text as it is."""
    return text.render(translate) if isinstance(text, Message) else text


# the reasons an OSError gives most often, in the C library's words (so the English stays as it was)
_REASONS = {
    errno.EACCES: msg("Permission denied"),
    errno.EPERM: msg("Operation not permitted"),
    errno.ENOENT: msg("No such file or directory"),
    errno.ENOSPC: msg("No space left on device"),
    errno.EROFS: msg("Read-only file system"),
    errno.EISDIR: msg("Is a directory"),
    errno.ENOTDIR: msg("Not a directory"),
    errno.EEXIST: msg("File exists"),
    errno.ENAMETOOLONG: msg("File name too long"),
    errno.EIO: msg("Input/output error"),
}


def os_reason(e: OSError) -> str:
    """Why ``e`` happened, as ``e.strerror or e`` says it; one of the usual reasons as a message,
    so that the window can say it in its language."""
    known = _REASONS.get(e.errno) if e.errno is not None else None
    if known is not None and e.strerror == known:
        return known
    return e.strerror or str(e)


def unreadable(e: BaseException) -> str:
    """Why a file could not be read or decoded, as a message (never Python's English): an
    ``OSError``'s reason, where a JSON text breaks, a text that is not UTF-8, nesting too deep;
    a refusal that is already a message (the reading's own) is kept as it is."""
    if isinstance(e, OSError):
        return os_reason(e)
    if isinstance(e, json.JSONDecodeError):
        return msg("not JSON: line {line}, column {column}", line=e.lineno, column=e.colno)
    if isinstance(e, UnicodeDecodeError):
        return msg("not UTF-8 text")
    if isinstance(e, RecursionError):
        return msg("nested too deeply")
    return str(e)
