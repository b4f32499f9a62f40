"""Searching the corpus index: articles by their text, or by the entities in them."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from core.index.db import connect, refuse
from core.index.tokens import phrase_query

SNIPPET_WIDTH = 24  # characters of context on each side of the match


@dataclass(frozen=True, slots=True)
class Hit:
    path: str
    name: str
    date: str
    article: str
    title: str
    snippet: str


def snippet(text: str, needle: str, width: int = SNIPPET_WIDTH) -> str:
    """The first match of ``needle`` in ``text`` with some context, marked; layout spaces inside
    the page's words (``王 鹏``) do not stop a match."""
    flat = " ".join(text.split())
    keep = [i for i, ch in enumerate(flat) if not ch.isspace()]
    compact = "".join(flat[i] for i in keep).lower()
    at = -1
    for word in ["".join(needle.split()), *needle.split()]:
        at = compact.find(word.lower()) if word else -1
        if at >= 0:
            break
    if at < 0:
        return flat[: 2 * width] + ("…" if len(flat) > 2 * width else "")
    start, end = keep[at], keep[at + len(word) - 1] + 1
    left, right = max(0, start - width), min(len(flat), end + width)
    before = ("…" if left else "") + flat[left:start]
    after = flat[end:right] + ("…" if right < len(flat) else "")
    return f"{before}【{flat[start:end]}】{after}"


def search(db: Path, query: str, *, type_: str | None = None, limit: int = 20) -> list[Hit]:
    """Articles matching ``query`` (every whitespace-separated part, as a substring), best first;
    with ``type_``, articles holding an entity of that type whose text matches (not rejected)."""
    match = phrase_query(query)
    if match is None:
        return []
    con = connect(db)
    try:
        return _entity_hits(con, match, query, type_, limit) if type_ else _text_hits(con, match, query, limit)
    except sqlite3.DatabaseError as e:
        raise refuse(db, str(e)) from None
    finally:
        con.close()


def _text_hits(con: sqlite3.Connection, match: str, query: str, limit: int) -> list[Hit]:
    # the ranking picks ids only: carrying every match's article text through the sort is what costs
    ids = [
        aid
        for (aid,) in con.execute(
            "SELECT a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
            " JOIN pages p ON p.id = a.page_id"
            " WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts), p.date, p.name LIMIT ?",
            (match, limit),
        )
    ]
    return [
        Hit(path, name, date, art, title, snippet(f"{title}　{text}", query))
        for path, name, date, art, title, text, _ in _articles(con, ids)
    ]


def _entity_hits(con: sqlite3.Connection, match: str, query: str, type_: str, limit: int) -> list[Hit]:
    found = con.execute(
        "SELECT e.article_id, min(e.text) FROM entities_fts JOIN entities e ON e.id = entities_fts.rowid"
        " JOIN pages p ON p.id = e.page_id"
        " WHERE entities_fts MATCH ? AND e.type = ? AND e.status != 'rejected'"
        " GROUP BY e.article_id ORDER BY p.date, p.name, e.article_id LIMIT ?",
        (match, type_, limit),
    ).fetchall()
    mention = dict(found)
    return [
        Hit(path, name, date, art, title, snippet(f"{title}　{text}", mention[aid]))
        for path, name, date, art, title, text, aid in _articles(con, [aid for aid, _ in found])
    ]


def _articles(con: sqlite3.Connection, ids: list[int]) -> list[tuple[str, str, str, str, str, str, int]]:
    """The articles of ``ids`` with their pages, in the order of ``ids``."""
    if not ids:
        return []
    rows = con.execute(
        "SELECT p.path, p.name, p.date, a.article, a.title, a.text, a.id FROM articles a"
        f" JOIN pages p ON p.id = a.page_id WHERE a.id IN ({','.join('?' * len(ids))})",
        ids,
    ).fetchall()
    by_id = {row[6]: row for row in rows}
    return [by_id[i] for i in ids if i in by_id]
