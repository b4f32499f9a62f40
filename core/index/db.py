"""The corpus database: SQLite with FTS5 (stdlib ``sqlite3``), one file.

Tables: ``pages`` (one per indexed page file, with the signature that tells whether it changed),
``articles`` and ``entities`` (with the editor's status), and FTS5 tables over them whose rowids
are the ids of ``articles``, ``entities`` and ``pages`` (the whole page text, headlines, folios
and all, for the window's find: ``core.issue.indexed``).  A file that is not such a database, or is damaged,
is refused with ``IndexCorrupt``; ``--rebuild`` sets it aside (never deleted) and starts anew.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from pathlib import Path

from core.paths import data_dir

FORMAT = "banmian.index"
VERSION = 2  # 2: the page text (pages_fts), for the window's find

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE pages(
    id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, name TEXT NOT NULL, date TEXT NOT NULL,
    review TEXT NOT NULL, signature TEXT NOT NULL);
CREATE TABLE articles(
    id INTEGER PRIMARY KEY, page_id INTEGER NOT NULL, article TEXT NOT NULL, title TEXT NOT NULL,
    text TEXT NOT NULL);
CREATE INDEX articles_page ON articles(page_id);
CREATE TABLE entities(
    id INTEGER PRIMARY KEY, page_id INTEGER NOT NULL, article_id INTEGER NOT NULL, type TEXT NOT NULL,
    text TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, status TEXT NOT NULL);
CREATE INDEX entities_page ON entities(page_id);
CREATE INDEX entities_type ON entities(type, text);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, tokenize='unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE entities_fts USING fts5(text, tokenize='unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE pages_fts USING fts5(text, tokenize='unicode61 remove_diacritics 0');
"""


class IndexCorrupt(Exception):
    """The database file cannot be used; one line saying how to rebuild it."""


def default_path() -> Path:
    return data_dir() / "index.sqlite"


def refuse(path: Path, why: str) -> IndexCorrupt:
    return IndexCorrupt(
        f"{path} is not a usable Banmian index ({why}); run `main.py index DIR --rebuild` to build it anew"
        " (the damaged file is kept aside)"
    )


def connect(path: Path, *, create: bool = False, check: bool = False) -> sqlite3.Connection:
    """Open the index (creating it when ``create`` and absent); ``IndexCorrupt`` if it is not ours
    or damaged.  ``check`` runs SQLite's quick_check too (before writing to it)."""
    fresh = not path.exists()
    if fresh and not create:
        raise FileNotFoundError(path)
    if fresh:
        path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA foreign_keys = OFF")
        if fresh:
            with con:
                con.executescript(SCHEMA)
                con.executemany("INSERT INTO meta VALUES (?, ?)", [("format", FORMAT), ("version", str(VERSION))])
            return con
        meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("format") != FORMAT:
            raise refuse(path, "no Banmian index inside")
        if meta.get("version") != str(VERSION):
            raise refuse(path, f"version {meta.get('version')}, this Banmian reads {VERSION}")
        if check:
            verdict = con.execute("PRAGMA quick_check").fetchone()
            if not verdict or verdict[0] != "ok":
                raise refuse(path, f"damaged: {verdict[0] if verdict else 'no answer'}")
    except sqlite3.DatabaseError as e:
        con.close()
        raise refuse(path, str(e)) from None
    except IndexCorrupt:
        con.close()
        raise
    return con


def set_aside(path: Path) -> Path | None:
    """Move the database out of the way for a rebuild (never deleted); None if there was none."""
    if not path.exists():
        return None
    aside = path.with_name(f"{path.name}.previous-{time.strftime('%Y%m%d-%H%M%S')}")
    os.replace(path, aside)
    for suffix in ("-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            os.replace(path.with_name(path.name + suffix), aside.with_name(aside.name + suffix))
    return aside
