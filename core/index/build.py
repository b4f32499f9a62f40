"""Building the corpus index from a folder of pages (``*.txt``, with the editor's corrections from
their sidecars) or of ``banmian.page`` exports (``*.json``).

Incremental: each page's signature (size and mtime of the file and of its sidecar, and for raw
pages the parser and lexicon fingerprints) is stored; only pages whose signature changed are read
again, and pages gone from the folder leave the index.  Raw pages go through the batch pool as
``export`` tasks, so they use every core and the parse cache.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.index.db import connect, set_aside
from core.index.tokens import spaced
from core.paths import SIDECAR_SUFFIX

if TYPE_CHECKING:
    from core.entities.lexicon import UserLexicon

_DATE = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")
COMMIT_EVERY = 200
BODY_FIELDS = ("kicker", "subtitle", "byline", "text")  # what is searched besides the title


@dataclass(slots=True)
class Report:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    failed: list[str] = field(default_factory=list)
    aside: Path | None = None


def page_date(name: str) -> str:
    """The issue date from the file name (``…1998-01-03…`` or ``…19980103…``), ISO; "" if none."""
    m = _DATE.search(name)
    return f"{m[1]}-{m[2]}-{m[3]}" if m else ""


def page_files(folder: Path) -> list[Path]:
    """Pages (``*.txt``) and exports (``*.json``) of a folder; sidecars are not pages, and an
    export beside its own page is the same page (the page, with its corrections, wins)."""
    found = {}
    for p in folder.iterdir():
        low = p.name.lower()
        if p.is_file() and not low.endswith(SIDECAR_SUFFIX) and low.endswith((".txt", ".json")):
            found[p.name] = p.resolve()
    return sorted(p for name, p in found.items() if not (p.suffix.lower() == ".json" and p.stem + ".txt" in found))


def file_stat(p: Path) -> str:
    """Size and mtime: the part of a page's signature that says whether its file changed."""
    try:
        st = p.stat()
    except OSError:
        return "-"
    return f"{st.st_size}:{st.st_mtime_ns}"


def signature(path: Path, fingerprint: str) -> str:
    if path.suffix.lower() == ".json":
        return file_stat(path)
    from core.loader import PageError, read_page
    from core.persist import find_sidecar, text_sha256

    try:  # sidecars are found by the page's text (core.persist.paths)
        sidecar = find_sidecar(path, text_sha256(read_page(path).text))
    except PageError:
        sidecar = None
    return f"{file_stat(path)}|{file_stat(sidecar) if sidecar else '-'}|{fingerprint}"


def build(
    folder: Path,
    db_path: Path,
    *,
    lexicon: UserLexicon | None = None,
    jobs: int | None = None,
    rebuild: bool = False,
    step: Callable[[str], None] | None = None,
) -> Report:
    """Bring the index up to date with ``folder``; ``IndexCorrupt`` if the database is refused
    (``rebuild`` sets it aside and starts anew)."""
    from core.cache import lexicon_fingerprint, parser_fingerprint

    report = Report()
    if rebuild:
        report.aside = set_aside(db_path)
    con = connect(db_path, create=True, check=True)
    try:
        files = page_files(folder)
        fingerprint = f"{parser_fingerprint()}:{lexicon_fingerprint(lexicon)}"
        prefix = str(folder.resolve()) + os.sep
        known = {
            path: (pid, sig)
            for pid, path, sig in con.execute("SELECT id, path, signature FROM pages")
            if path.startswith(prefix)
        }
        wanted = {str(p) for p in files}
        with con:
            for path, (pid, _) in known.items():
                if path not in wanted:
                    _delete(con, pid)
                    report.removed += 1
        todo: list[tuple[Path, str]] = []
        for p in files:
            sig = signature(p, fingerprint)
            old = known.get(str(p))
            if old is not None and old[1] == sig:
                report.unchanged += 1
                if step:
                    step(p.name)
            else:
                todo.append((p, sig))
        signatures = dict(todo)
        pending = 0
        for path, doc, error in _documents([p for p, _ in todo], lexicon, jobs):
            if error is not None:
                report.failed.append(error)
            else:
                old = known.get(str(path))
                if old is not None:
                    _delete(con, old[0])
                _insert(con, path, doc, signatures[path])
                if old is None:
                    report.added += 1
                else:
                    report.updated += 1
                pending += 1
                if pending >= COMMIT_EVERY:
                    con.commit()
                    pending = 0
            if step:
                step(path.name)
        con.commit()
    finally:
        con.close()
    return report


def _documents(
    paths: list[Path], lexicon: UserLexicon | None, jobs: int | None
) -> Iterator[tuple[Path, dict[str, Any], str | None]]:
    """Each page as its banmian.page dict (the editor's view for raw pages), or an error."""
    for p in paths:
        if p.suffix.lower() == ".json":
            yield _read_export(p)
    raw = [p for p in paths if p.suffix.lower() != ".json"]
    if not raw:
        return
    from core.batch import Task, run

    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    for o in run(raw, Task("export", "json", stamp), lexicon, jobs):
        if o.error is not None:
            yield o.path, {}, o.error
        else:
            yield o.path, json.loads(o.value), None


def _read_export(p: Path) -> tuple[Path, dict[str, Any], str | None]:
    try:
        doc = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as e:
        return p, {}, f"{p.name}: cannot read it as JSON: {e}"
    if not isinstance(doc, dict) or doc.get("format") != "banmian.page":
        return p, {}, f"{p.name}: not a banmian.page export"
    return p, doc, None


def _delete(con: sqlite3.Connection, page_id: int) -> None:
    con.execute("DELETE FROM articles_fts WHERE rowid IN (SELECT id FROM articles WHERE page_id = ?)", (page_id,))
    con.execute("DELETE FROM entities_fts WHERE rowid IN (SELECT id FROM entities WHERE page_id = ?)", (page_id,))
    con.execute("DELETE FROM pages_fts WHERE rowid = ?", (page_id,))
    con.execute("DELETE FROM articles WHERE page_id = ?", (page_id,))
    con.execute("DELETE FROM entities WHERE page_id = ?", (page_id,))
    con.execute("DELETE FROM pages WHERE id = ?", (page_id,))


def _insert(con: sqlite3.Connection, path: Path, doc: dict[str, Any], sig: str) -> None:
    name = str(doc.get("source", {}).get("name") or path.name)
    review = str(doc.get("review", {}).get("status", "auto"))
    cur = con.execute(
        "INSERT INTO pages(path, name, date, review, signature) VALUES (?, ?, ?, ?, ?)",
        (str(path), name, page_date(name) or page_date(path.name), review, sig),
    )
    page_id = cur.lastrowid
    con.execute("INSERT INTO pages_fts(rowid, text) VALUES (?, ?)", (page_id, spaced(str(doc.get("text") or ""))))
    (aid,) = con.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()
    (eid,) = con.execute("SELECT coalesce(max(id), 0) FROM entities").fetchone()
    articles, articles_fts, entities, entities_fts = [], [], [], []
    for a in doc.get("articles", []):
        aid += 1
        title = str(a.get("title") or "")
        text = "　".join(str(a[k]) for k in BODY_FIELDS if a.get(k))
        articles.append((aid, page_id, str(a.get("id", "")), title, text))
        articles_fts.append((aid, spaced(title), spaced(text)))
        for e in a.get("entities", []):
            eid += 1
            entities.append(
                (eid, page_id, aid, str(e["type"]), str(e["text"]), int(e["start"]), int(e["end"]), str(e["status"]))
            )
            entities_fts.append((eid, spaced(str(e["text"]))))
    con.executemany("INSERT INTO articles VALUES (?, ?, ?, ?, ?)", articles)
    con.executemany("INSERT INTO articles_fts(rowid, title, body) VALUES (?, ?, ?)", articles_fts)
    con.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?)", entities)
    con.executemany("INSERT INTO entities_fts(rowid, text) VALUES (?, ?)", entities_fts)
