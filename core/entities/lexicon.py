"""The user lexicon: what editors confirmed, added or rejected, used by every later parse.

Stored as JSON in the user data folder (``core.paths.data_dir()/lexicon.json``), checked on load
against ``resources/schema/banmian.lexicon.schema.json``::

    {"format": "banmian.lexicon", "version": 2,
     "entries": [{"text": "安立佳", "type": "PER", "pages": ["<page key>"], "rejected_on": []}],
     "rejected": [{"text": "养老院", "type": "PER", "context": "送往[养老院]安置"}],
     "decisions": [{"page": "<page key>", "text": "上午９时", "type": "TIME", "verdict": "respanned",
                    "pieces": ["2:4:TIME"]}]}

The lexicon is the editors' data, not a cache:

- Each entry keeps the pages that taught it (``page_key``: a hash of the normalised page text), so
  unlearning on one page removes only that page's vote; the entry lives while any page confirms it.
  Pages where the editor rejected the string are counted too, and ``LexiconEntry.weight`` (share
  of confirming pages) tells the detector how far to trust it.
- One-character strings and TIME entries are never learned (``learnable``): a learned ``上`` or
  ``今天`` would fire on every later page.
- A rejection is recorded with its context: the mention with up to ``CONTEXT_WIDTH`` characters
  on either side (``context_of``), so 长春 rejected as a PER in 长春市 is still suggested elsewhere.
  The characters after the mention are what matters (a noun phrase ends in its head): the
  rejection holds wherever the same ``CONTEXT_WIDTH`` characters follow, whatever precedes
  (``_followed_alike``).
  A string rejected on ``REJECTED_EVERYWHERE`` pages and confirmed on none is rejected in any
  context too, but ``rejection`` says which of the two holds, so the detector can let a
  context's own evidence outweigh a rejection made elsewhere (``core.entities.detect``).
- ``save`` is a locked read-modify-write: the file is re-read under a lock, this process's changes
  (kept as a list of operations since load) are replayed on it and the result written atomically,
  so two processes saving at once keep both their entries.  Temp files a killed writer left are
  removed under the same lock.
- ``decisions``: what the editor did with each suggestion of the newest ``DECISION_PAGES`` saved
  pages (a page saved again replaces its own); ``conventions`` learns from them the kinds of
  suggestion this editor rejects or re-cuts (``core.entities.conventions``).
- A lexicon that cannot be read (permissions, invalid UTF-8, not JSON, too deeply nested, not
  matching the schema) is never overwritten or moved: learning pauses (``save`` raises
  ``LexiconError``), ``warning`` says why, and parsing goes on without it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar, cast

from core import schemas
from core.atomic import write_atomic
from core.entities.conventions import Conventions, Decision
from core.loader import PageError, read_regular
from core.messages import msg, unreadable
from core.paths import RESOURCES, data_dir

FORMAT = "banmian.lexicon"
VERSION = 3
READS = (1, 2, 3)  # versions this code loads; 1 had no pages (its entries count as one unknown page)
CONTEXT_WIDTH = 2
MAX_TEXT = 200  # the longest string the lexicon stores (its schema's limit): no name is longer
MAX_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 4  # document → list → entry (or decision) → list of page keys (or pieces)
DECISION_PAGES = 200  # pages whose decisions are kept (the newest)
LOCK_TIMEOUT = 30.0  # seconds a save waits for another process's save
UNKNOWN_PAGE = "?"  # entries learned without a page (version 1 files, direct ``learn`` calls)
UNLEARNED_TYPES = frozenset({"TIME"})  # dates recur on every page with a different meaning
# a string rejected as a type on this many pages, and confirmed on none, is rejected in any context
REJECTED_EVERYWHERE = 1
SCHEMA_PATH = RESOURCES / "schema" / "banmian.lexicon.schema.json"

Rejection = Literal["here", "everywhere"]
HERE: Rejection = "here"
EVERYWHERE: Rejection = "everywhere"

T = TypeVar("T")
log = logging.getLogger(__name__)


class LexiconError(ValueError):
    """The lexicon cannot be updated (learning is paused); one line for the editor."""


def _paused(e: LexiconError) -> str:
    """The warning of a lexicon that cannot be used: why, and that learning waits for it."""
    return msg("{error}; learning is paused until it is fixed or removed (it is left untouched)", error=str(e))


def default_path() -> Path:
    return data_dir() / "lexicon.json"


def page_key(text: str) -> str:
    """A page's identity for the lexicon: its text, not its path or bytes.

    NFC, newlines unified, trailing spaces and blank lines ignored, so the same page re-encoded or
    with CRLF endings teaches as the same page."""
    norm = unicodedata.normalize("NFC", text.removeprefix("\ufeff"))
    lines = [ln.rstrip() for ln in norm.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return hashlib.sha256("\n".join(lines).strip("\n").encode("utf-8")).hexdigest()[:32]


def learnable(text: str, type: str) -> bool:
    """Whether a confirmed mention may become a lexicon entry."""
    return 2 <= len("".join(text.split())) <= MAX_TEXT and type not in UNLEARNED_TYPES


def context_of(text: str, start: int, end: int, width: int = CONTEXT_WIDTH) -> str:
    """``left[mention]right`` with up to ``width`` non-space characters either side."""
    left = "".join(text[max(0, start - 4 * width) : start].split())[-width:]
    right = "".join(text[end : end + 4 * width].split())[:width]
    return f"{left}[{''.join(text[start:end].split())}]{right}"


def _normal_context(mention: str, context: str) -> str:
    """Cut any caller's context down to the canonical ``left[mention]right`` window."""
    left, bracket, rest = context.partition("[")
    if bracket and "]" in rest:  # ``left[mention]right`` (a "]" before the "[" is no window)
        right = rest.split("]", 1)[1]
    else:
        at = context.find(mention)
        if at < 0:
            return f"[{mention}]"
        left, right = context[:at], context[at + len(mention) :]
    left = "".join(left.split())[-CONTEXT_WIDTH:]
    right = "".join(right.split())[:CONTEXT_WIDTH]
    return f"{left}[{mention}]{right}"


def _after(mention: str, context: str) -> str:
    """The characters after the mention in a canonical ``left[mention]right`` context."""
    return context.rpartition(f"[{mention}]")[2]


# particles after which what follows is no longer part of the mention's phrase
_ENDS_PHRASE = frozenset("的之")


def _followed_alike(mention: str, context: str, contexts: Iterable[str]) -> bool:
    """Whether one of the rejected ``contexts`` has the same ``CONTEXT_WIDTH`` characters after the
    mention as ``context``, whatever comes before it.

    A Chinese noun phrase ends in its head: what follows a mention decides what it is part of
    (外交部|吹风会, 中国|画, １９９８年|度, 中国共产党|第十五次全国代表大会), while what precedes it is
    mostly the verb or preposition of the sentence (在, 参加, 召开的).  A rejection or a re-cut
    made before the same two characters is the same decision wherever it recurs.  Not when they
    end the phrase instead (punctuation, a number, the particle 的 or 之): then the sentence
    around it is all the context there is."""
    after = _after(mention, context)
    if len(after) != CONTEXT_WIDTH or unicodedata.category(after[0]) != "Lo" or after[0] in _ENDS_PHRASE:
        return False
    return any(_after(mention, c) == after for c in contexts)


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """A learned string.  ``weight`` in (0, 1]: confirming pages / (confirming + rejecting pages)."""

    text: str
    type: str
    weight: float = field(default=1.0, compare=False)
    confirmations: int = field(default=1, compare=False)
    rejections: int = field(default=0, compare=False)


@dataclass(slots=True)
class _Record:
    pages: set[str] = field(default_factory=set)
    rejected_on: set[str] = field(default_factory=set)


Key = tuple[str, str]
Op = Callable[["UserLexicon"], None]


@dataclass(slots=True)
class UserLexicon:
    """Learned entries and rejections; mutable in memory, saved by a locked read-modify-write."""

    path: Path
    _records: dict[Key, _Record] = field(default_factory=dict)
    _rejected: dict[Key, set[str]] = field(default_factory=dict)
    warning: str | None = None
    paused: bool = False  # the file on disk could not be read: never write over it
    _ops: list[Op] = field(default_factory=list)
    _decisions: dict[str, tuple[Decision, ...]] = field(default_factory=dict)  # page -> its decisions, oldest first
    # what other modules derive from the lexicon (the conventions, the detector's matcher), dropped on
    # every change
    _derived: dict[Callable[[UserLexicon], object], object] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def load(cls, path: Path | None = None) -> UserLexicon:
        """Read the lexicon; a missing file is an empty lexicon, an unreadable one pauses learning."""
        lex = cls(path or default_path())
        try:
            lex._read_disk()
        except LexiconError as e:
            lex.paused = True
            lex.warning = _paused(e)
        return lex

    def _read_disk(self) -> None:
        """Replace the in-memory state with the file's; ``LexiconError`` if it cannot be used."""
        self._records.clear()
        self._rejected.clear()
        self._decisions.clear()
        self._derived.clear()
        try:
            raw = read_regular(self.path, MAX_BYTES, "a lexicon")
        except PageError as e:
            if not self.path.exists() and not self.path.is_symlink():
                return
            raise LexiconError(msg("lexicon {error}", error=str(e))) from None
        data = _decode(raw, self.path)
        unknown = data.get("version") == 1
        for item in data["entries"]:
            pages = [UNKNOWN_PAGE] if unknown else item.get("pages", [])
            key = _key(item["text"], item["type"])
            if key is None or not learnable(*key):
                continue  # written by an older Banmian that learned them
            rec = self._records.setdefault(key, _Record())
            rec.pages.update(pages)
            rec.rejected_on.update(item.get("rejected_on", []))
        for r in data["rejected"]:
            self._reject(r["text"], r["type"], r.get("context", ""))
        by_page: dict[str, list[Decision]] = {}
        for item in data.get("decisions", []):
            d = Decision.from_dict(item)
            if d is not None:
                by_page.setdefault(item["page"], []).append(d)
        for page, ds in by_page.items():
            self._decisions[page] = tuple(ds)

    # -- reading -----------------------------------------------------------------------------------

    @property
    def entries(self) -> tuple[LexiconEntry, ...]:
        """What the detector may use: strings at least one page still confirms."""
        out = []
        for (text, type_), rec in self._records.items():
            if rec.pages:
                c, r = len(rec.pages), len(rec.rejected_on)
                out.append(LexiconEntry(text, type_, c / (c + r), c, r))
        return tuple(out)

    def may_reject(self, text: str, type: str) -> bool:
        """False when ``is_rejected(text, type, context)`` is False in every context: the editor
        never rejected ``text`` as ``type`` (so the caller need not make the context)."""
        return bool(self._rejected.get(("".join(text.split()), type)))

    def is_rejected(self, text: str, type: str, context: str) -> bool:
        """Rejected in this context (or before the same characters), or rejected on some page and
        confirmed on none: ``rejection`` is not None."""
        return self.rejection(text, type, context) is not None

    def rejection(self, text: str, type: str, context: str) -> Rejection | None:
        """How the editor's rejections of ``text`` as ``type`` bear on ``context``: ``HERE`` when
        they rejected it in this context (or before the same characters, ``_followed_alike``),
        ``EVERYWHERE`` when they rejected it on some page and confirmed it on none (a guess from
        another context, which the detector may weigh against what this context says), None when
        neither."""
        text = "".join(text.split())
        contexts = self._rejected.get((text, type))
        if not contexts:
            return None
        here = _normal_context(text, context)
        if here in contexts or _followed_alike(text, here, contexts):
            return HERE
        rec = self._records.get((text, type))
        everywhere = rec is not None and not rec.pages and len(rec.rejected_on) >= REJECTED_EVERYWHERE
        if everywhere and type not in UNLEARNED_TYPES:
            return EVERYWHERE  # (a date is a date everywhere: one rejected inside a longer mention stays local)
        return None

    @property
    def decisions(self) -> tuple[tuple[str, Decision], ...]:
        """Every recorded decision with its page's key, oldest page first."""
        return tuple((page, d) for page, ds in self._decisions.items() for d in ds)

    def conventions(self) -> Conventions:
        """What the decisions teach about unseen strings (computed once per change)."""
        return self.derived(_conventions_of)

    def derived(self, build: Callable[[UserLexicon], T]) -> T:
        """``build(self)``, computed once per change of the lexicon and kept until the next one
        (any learn, unlearn, reject, record or reload drops it)."""
        if build not in self._derived:
            self._derived[build] = build(self)
        return cast(T, self._derived[build])

    def pages_of(self, text: str, type: str) -> frozenset[str]:
        """The keys of the pages that confirm an entry (empty if none)."""
        rec = self._records.get(("".join(text.split()), type))
        return frozenset(rec.pages) if rec else frozenset()

    # -- changing (each change is also kept as an operation to replay under the save lock) ---------

    def _do(self, op: Op) -> None:
        op(self)
        self._ops.append(op)
        self._derived.clear()

    def record(self, page: str, decisions: Iterable[Decision]) -> None:
        """``page``'s decisions, replacing what it recorded before; the oldest pages beyond
        ``DECISION_PAGES`` are forgotten."""
        ds = tuple(decisions)
        self._do(lambda lex: lex._record(page, ds))

    def _record(self, page: str, ds: tuple[Decision, ...]) -> None:
        ds = tuple(d for d in ds if len(d.text) <= MAX_TEXT)
        self._decisions.pop(page, None)
        if ds:
            self._decisions[page] = ds
        while len(self._decisions) > DECISION_PAGES:
            del self._decisions[next(iter(self._decisions))]

    def learn(self, text: str, type: str, page: str = UNKNOWN_PAGE) -> bool:
        """``page`` confirms ``text`` as ``type``; False (nothing learned) if it is not learnable."""
        if not learnable(text, type):
            return False
        self._do(lambda lex: lex._learn(text, type, page))
        return True

    def unlearn(self, text: str, type: str, page: str | None = None) -> None:
        """``page`` no longer confirms the entry; without a page, drop the entry whatever taught it."""
        self._do(lambda lex: lex._unlearn(text, type, page))

    def reject(self, text: str, type: str, context: str, page: str | None = None) -> None:
        """The editor rejected ``text`` as ``type`` in ``context`` (on ``page``: the entry weighs less)."""
        self._do(lambda lex: lex._reject(text, type, context, page))

    def _learn(self, text: str, type_: str, page: str) -> None:
        key = _key(text, type_)
        if key is not None:
            rec = self._records.setdefault(key, _Record())
            rec.pages.add(page)
            rec.rejected_on.discard(page)

    def _unlearn(self, text: str, type_: str, page: str | None) -> None:
        key = _key(text, type_)
        rec = self._records.get(key) if key else None
        if rec is None:
            return
        if page is None:
            rec.pages.clear()
        else:
            rec.pages.discard(page)
        if not rec.pages and not rec.rejected_on and key is not None:
            del self._records[key]

    def _reject(self, text: str, type_: str, context: str, page: str | None = None) -> None:
        key = _key(text, type_)
        if key is None:
            return
        self._rejected.setdefault(key, set()).add(_normal_context(key[0], context))
        if page is not None:
            rec = self._records.setdefault(key, _Record())
            rec.pages.discard(page)
            rec.rejected_on.add(page)

    # -- saving ------------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, object]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "entries": [
                {"text": t, "type": ty, "pages": sorted(rec.pages), "rejected_on": sorted(rec.rejected_on)}
                for (t, ty), rec in self._records.items()
            ],
            "rejected": [
                {"text": t, "type": ty, "context": c} for (t, ty), cs in self._rejected.items() for c in sorted(cs)
            ],
            "decisions": [{"page": page, **d.to_dict()} for page, d in self.decisions],
        }

    def save(self) -> None:
        """Under the lexicon's lock: re-read the file, replay this process's changes, write atomically.

        ``LexiconError`` (nothing written) if learning is paused or the file on disk became
        unreadable; ``OSError`` if writing failed (the previous file is intact)."""
        if self.paused:
            raise LexiconError(self.warning or msg("lexicon {path} cannot be read; learning is paused", path=self.path))
        from filelock import FileLock, Timeout

        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.path.with_name(f".{self.path.name}.lock")), timeout=LOCK_TIMEOUT)
        try:
            with lock:
                _clean_stale_temps(self.path)
                ops, self._ops = self._ops, []
                try:
                    self._read_disk()
                except LexiconError as e:
                    self.paused = True
                    self.warning = _paused(e)
                    raise LexiconError(self.warning) from None
                for op in ops:
                    op(self)
                self._derived.clear()
                write_atomic(self.path, _dumps(self.to_dict()))
        except Timeout:
            busy = msg(
                "lexicon {path} is locked by another Banmian for over {seconds} s",
                path=self.path,
                seconds=f"{LOCK_TIMEOUT:.0f}",
            )
            raise LexiconError(busy) from None


def _dumps(data: dict[str, object]) -> str:
    """One entry per line: readable and diffable, and written by json's C encoder (``indent``
    would switch to its pure-Python one, ten times slower on a big lexicon)."""
    parts = []
    for name, value in data.items():
        if isinstance(value, list):
            items = ",\n  ".join(json.dumps(v, ensure_ascii=False) for v in value)
            parts.append(f"{json.dumps(name)}: [\n  {items}\n ]" if value else f"{json.dumps(name)}: []")
        else:
            parts.append(f"{json.dumps(name)}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n " + ",\n ".join(parts) + "\n}\n"


def _key(text: str, type_: str) -> Key | None:
    """The entry's key; None for an empty string or one too long to store (a file that broke its
    own schema would pause learning)."""
    text = "".join(text.split())
    return (text, type_) if 0 < len(text) <= MAX_TEXT else None


def _clean_stale_temps(path: Path) -> None:
    """Temp files of killed writers (``core.atomic`` names them ``.<name>.*.tmp``); call under the lock."""
    for stale in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()


def schema() -> dict[str, Any]:
    return schemas.load(SCHEMA_PATH)


def _validator() -> Callable[[Any], Any]:
    return schemas.compiled(SCHEMA_PATH)


def _depth(data: Any, limit: int) -> bool:
    """True if ``data`` nests no deeper than ``limit`` containers (iterative: no recursion)."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        item, depth = stack.pop()
        children: Iterable[Any] = item.values() if isinstance(item, dict) else item if isinstance(item, list) else ()
        for child in children:
            if isinstance(child, dict | list):
                if depth + 1 > limit:
                    return False
                stack.append((child, depth + 1))
    return True


def _decode(raw: bytes, path: Path) -> dict[str, Any]:
    from fastjsonschema import JsonSchemaValueException

    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError) as e:  # not UTF-8, not JSON, nested too deeply
        raise LexiconError(msg("lexicon {path} cannot be read: {why}", path=path, why=unreadable(e))) from None
    try:
        _validator()(data)  # its closed structure is also the depth limit
    except JsonSchemaValueException as e:
        if not _depth(data, MAX_DEPTH):
            depth = msg("lexicon {path} is nested deeper than a lexicon ({levels} levels)", path=path, levels=MAX_DEPTH)
            raise LexiconError(depth) from None
        where = "/".join(str(p) for p in (e.path or [])[1:])
        log.warning("%s: not a Banmian lexicon at /%s: %s", path, where, e.message)  # the schema's English
        raise LexiconError(
            msg("lexicon {path} is not a Banmian lexicon (at /{where})", path=path, where=where)
        ) from None
    if data["version"] not in READS:
        versions = ", ".join(map(str, READS))
        found = msg(
            "lexicon {path} has version {version}; this Banmian reads {versions}",
            path=path,
            version=data["version"],
            versions=versions,
        )
        raise LexiconError(found)
    return data  # type: ignore[no-any-return]


def _conventions_of(lex: UserLexicon) -> Conventions:
    return Conventions(lex.decisions)
