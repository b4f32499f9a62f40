"""A cache of automatic parses, so ``export`` and reopening a page do not parse it again.

The parse is a pure function of the page text, the parser's code and data, jieba's dictionary and
the user lexicon.  An entry is stored per text (sha256 of the normalised text, plus whether
entities were asked for) in ``cache_dir()/parse/``, and holds the fingerprints of the rest: when
the parser or the lexicon changed the entry is *stale*, ignored and overwritten by the new parse.
The parser's fingerprint hashes every ``core/**/*.py`` and the bundled resources, so a code change
can never serve an old parse (no version number to forget to bump).

An entry is compact JSON of what the parse decided (articles as role blocks of line numbers,
unassigned lines, entities); lines are re-derived from the text.  Anything unreadable or
inconsistent with the text is *corrupt*: deleted and rebuilt.  Entries are written atomically
without fsync (a lost entry is only a re-parse).  The folder is capped (``BANMIAN_PARSE_CACHE_MB``,
default 1024): a hit refreshes the entry's mtime and the oldest entries are evicted first.
``BANMIAN_PARSE_CACHE=0`` turns the cache off.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import tempfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.lines import split_lines
from core.loader import RawPage
from core.model import ROLES, Article, Block, Entity, Page, entity_id
from core.paths import RESOURCES, cache_dir

if TYPE_CHECKING:
    from core.entities.lexicon import UserLexicon

FORMAT = "banmian.parse-cache"
VERSION = 1
DEFAULT_MAX_MB = 1024
EVICT_EVERY = 256  # puts between two scans of the folder's size
EVICT_TO = 0.9  # an eviction brings the folder down to this share of the cap

_CORE = Path(__file__).resolve().parent


@cache
def parser_fingerprint() -> str:
    """Everything the parse depends on apart from the text and the lexicon: our code and data,
    jieba's version and dictionary."""
    h = hashlib.sha256()
    files = sorted(_CORE.rglob("*.py")) + sorted(p for p in RESOURCES.rglob("*") if p.is_file())
    for p in files:
        h.update(str(p.relative_to(_CORE.parent)).encode("utf-8"))
        with contextlib.suppress(OSError):
            h.update(hashlib.sha256(p.read_bytes()).digest())
    with contextlib.suppress(importlib.metadata.PackageNotFoundError):
        h.update(importlib.metadata.version("jieba").encode("ascii"))
    spec = importlib.util.find_spec("jieba")
    if spec is not None and spec.origin:
        with contextlib.suppress(OSError):
            st = os.stat(Path(spec.origin).parent / "dict.txt")
            h.update(f"{st.st_size}:{st.st_mtime_ns}".encode("ascii"))
    return h.hexdigest()[:32]


def lexicon_fingerprint(lexicon: UserLexicon | None) -> str:
    d = lexicon.to_dict() if lexicon is not None else {}
    if not d.get("entries") and not d.get("rejected") and not d.get("decisions"):
        return "none"  # no lexicon and an empty one parse alike
    parts = []
    for k in ("entries", "rejected", "decisions"):
        items = d.get(k, [])
        assert isinstance(items, list)
        parts.append(sorted(json.dumps(e, sort_keys=True, ensure_ascii=False) for e in items))
    canon = json.dumps(parts, ensure_ascii=False)
    return hashlib.sha256(canon.encode("utf-8")).hexdigest()[:32]


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def geometry_key(raw: RawPage) -> str:
    """What besides the text decides the parse: a page read with its PDF's geometry is segmented
    from that geometry, so it never shares an entry with the same text read alone."""
    layout = raw.source.layout
    if layout is None:
        return ""
    return "-g" + hashlib.sha256(repr(layout).encode("utf-8")).hexdigest()[:24]


class _Corrupt(Exception):
    pass


def encode(page: Page) -> dict[str, Any]:
    return {
        "articles": [[a.id, [[b.role, list(b.lines)] for b in a.blocks]] for a in page.articles],
        "unassigned": list(page.unassigned),
        "entities": [
            [e.type, e.start, e.end, e.text, e.status, e.source, e.confidence, e.value] for e in page.entities
        ],
    }


def decode(raw: RawPage, data: dict[str, Any]) -> Page:
    """The page from an entry; ``_Corrupt`` when it does not fit the text."""
    try:
        lines = split_lines(raw.text)
        n = len(lines)
        articles = []
        for aid, blocks in data["articles"]:
            bs = []
            for role, numbers in blocks:
                if role not in ROLES or not numbers or not all(isinstance(k, int) and 1 <= k <= n for k in numbers):
                    raise _Corrupt("bad block")
                bs.append(Block(role, tuple(numbers)))
            if not isinstance(aid, str) or not bs:
                raise _Corrupt("bad article")
            articles.append(Article(aid, tuple(bs)))
        unassigned = tuple(int(k) for k in data["unassigned"])
        entities = []
        size = len(raw.text)
        for type_, s, e, text, status, source, conf, value in data["entities"]:
            if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= size):
                raise _Corrupt("bad entity span")
            entities.append(
                Entity(entity_id(s, e), str(type_), s, e, str(text), str(status), str(source), float(conf), value)
            )
    except (KeyError, TypeError, ValueError) as exc:
        raise _Corrupt(str(exc)) from None
    return Page(raw.source, raw.text, lines, tuple(articles), unassigned, tuple(entities))


@dataclass(slots=True)
class Stats:
    hits: int = 0
    misses: int = 0
    stale: int = 0
    corrupt: int = 0


@dataclass(slots=True)
class ParseCache:
    """The cache folder; ``parse`` has the signature of ``core.parse.parse_page``."""

    folder: Path
    max_bytes: int = DEFAULT_MAX_MB * 1024 * 1024
    stats: Stats = field(default_factory=Stats)
    _puts: int = 0

    def path_for(self, text: str, entities: bool, geometry: str = "") -> Path:
        key = text_hash(text) + geometry + ("" if entities else "-layout")
        return self.folder / key[:2] / f"{key}.json"

    def get(self, raw: RawPage, lexicon: UserLexicon | None, entities: bool = True) -> Page | None:
        path = self.path_for(raw.text, entities, geometry_key(raw))
        try:
            blob = path.read_bytes()
        except OSError:
            self.stats.misses += 1
            return None
        try:
            data = json.loads(blob.decode("utf-8"))
            if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("version") != VERSION:
                raise _Corrupt("not a cache entry")
            if data.get("text") != text_hash(raw.text) + geometry_key(raw) or data.get("entities") != entities:
                raise _Corrupt("entry for another text")
            if data.get("parser") != parser_fingerprint() or data.get("lexicon") != lexicon_fingerprint(lexicon):
                self.stats.stale += 1
                return None
            page = decode(raw, data["page"])
        except (_Corrupt, UnicodeDecodeError, ValueError, KeyError, TypeError):
            self.stats.corrupt += 1
            with contextlib.suppress(OSError):
                path.unlink()
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # least recently used goes first
        self.stats.hits += 1
        return page

    def put(self, raw: RawPage, lexicon: UserLexicon | None, entities: bool, page: Page) -> None:
        """Store a parse; a cache that cannot be written only costs a later re-parse."""
        data = {
            "format": FORMAT,
            "version": VERSION,
            "text": text_hash(raw.text) + geometry_key(raw),
            "entities": entities,
            "parser": parser_fingerprint(),
            "lexicon": lexicon_fingerprint(lexicon),
            "page": encode(page),
        }
        path = self.path_for(raw.text, entities, geometry_key(raw))
        blob = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(blob)
                os.replace(tmp, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        if self._puts % EVICT_EVERY == 0:
            self.evict()
        self._puts += 1

    def evict(self) -> int:
        """Delete the least recently used entries while the folder is over its cap; how many."""
        entries: list[tuple[float, int, str]] = []
        total = 0
        with contextlib.suppress(OSError):
            for sub in os.scandir(self.folder):
                if not sub.is_dir():
                    continue
                for e in os.scandir(sub.path):
                    with contextlib.suppress(OSError):
                        st = e.stat()
                        entries.append((st.st_mtime, st.st_size, e.path))
                        total += st.st_size
        if total <= self.max_bytes:
            return 0
        removed = 0
        for _, size, path in sorted(entries):
            if total <= self.max_bytes * EVICT_TO:
                break
            with contextlib.suppress(OSError):
                os.unlink(path)
                total -= size
                removed += 1
        return removed

    def parse(self, raw: RawPage, *, lexicon: UserLexicon | None = None, entities: bool = True) -> Page:
        page = self.get(raw, lexicon, entities)
        if page is None:
            from core.parse import parse_page

            page = parse_page(raw, lexicon=lexicon, entities=entities)
            self.put(raw, lexicon, entities, page)
        return page


def enabled() -> bool:
    return os.environ.get("BANMIAN_PARSE_CACHE", "1") not in ("0", "off", "no", "false")


def default_cache() -> ParseCache:
    """The cache in the user cache folder (looked up each time: tests and users may move it)."""
    mb = os.environ.get("BANMIAN_PARSE_CACHE_MB", "")
    max_mb = int(mb) if mb.isdigit() else DEFAULT_MAX_MB
    folder = cache_dir() / "parse"
    found = _caches.get(folder)
    if found is None or found.max_bytes != max_mb * 1024 * 1024:
        found = _caches[folder] = ParseCache(folder, max_mb * 1024 * 1024)
    return found


_caches: dict[Path, ParseCache] = {}


def cached_parse(raw: RawPage, *, lexicon: UserLexicon | None = None, entities: bool = True) -> Page:
    """``parse_page`` through the user's cache (a plain parse when the cache is turned off)."""
    if not enabled():
        from core.parse import parse_page

        return parse_page(raw, lexicon=lexicon, entities=entities)
    return default_cache().parse(raw, lexicon=lexicon, entities=entities)
