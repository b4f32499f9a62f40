"""What the corpus index (``core.index``, ``main.py index``) knows of an open issue's pages.

The window uses it when an index exists that holds the issue's pages: its find looks only at the
pages whose indexed text has the characters asked for, and names the pages still parsing that
have them; its entity list counts the entities of pages still parsing.  Only pages whose file has
not changed since it was indexed are answered for (size and mtime, the first part of the index's
signature); everything else is left to the pages themselves.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from core.index.build import file_stat
from core.index.db import IndexCorrupt, connect, default_path
from core.index.tokens import is_han, tokens
from core.issue.decisions import EntityRow


class IssueIndex:
    """An open connection to the index and the issue's pages it holds (issue index → page id)."""

    def __init__(self, con: sqlite3.Connection, pages: dict[int, int]) -> None:
        self.con = con
        self.pages = pages
        self._issue_of = {pid: i for i, pid in pages.items()}

    @classmethod
    def open(cls, paths: Sequence[Path], db: Path | None = None) -> IssueIndex | None:
        """The index of these pages, or None: no index, one that is refused, or none of the pages
        in it as they are now."""
        db = db or default_path()
        if not db.is_file():
            return None
        resolved = [str(Path(p).resolve()) for p in paths]
        low, high = min(resolved, default=""), max(resolved, default="")
        try:
            con = connect(db)
            rows = con.execute(  # the issue's range of paths only: the corpus may hold an archive
                "SELECT id, path, signature FROM pages WHERE path >= ? AND path <= ?", (low, high)
            )
            known = {path: (pid, sig) for pid, path, sig in rows}
        except (IndexCorrupt, sqlite3.DatabaseError, OSError):
            return None
        pages = {}
        for i, (p, real) in enumerate(zip(paths, resolved, strict=True)):
            found = known.get(real)
            if found is not None and found[1].split("|", 1)[0] == file_stat(Path(p)):
                pages[i] = found[0]
        if not pages:
            con.close()
            return None
        return cls(con, pages)

    def close(self) -> None:
        self.con.close()

    def pages_with(self, text: str) -> set[int] | None:
        """The indexed pages whose text holds ``text`` (line breaks and spaces ignored, as the
        window's find does); None when the index cannot say exactly (words other than Han
        characters: FTS5 matches those whole, find matches any part)."""
        needle = tokens("".join(text.split()))
        if not needle or not all(is_han(t) for t in needle):
            return None
        phrase = '"' + " ".join(needle) + '"'
        try:
            rows = self.con.execute("SELECT rowid FROM pages_fts WHERE pages_fts MATCH ?", (phrase,)).fetchall()
        except sqlite3.DatabaseError:
            return None
        return {self._issue_of[pid] for (pid,) in rows if pid in self._issue_of}

    def entity_counts(self, pages: Iterable[int]) -> dict[tuple[str, str], tuple[int, tuple[int, ...]]]:
        """(text, type) → (occurrences, issue pages) of the entities indexed for ``pages``
        (rejected ones left out)."""
        counts: Counter[tuple[str, str]] = Counter()
        where: dict[tuple[str, str], set[int]] = {}
        ids = [self.pages[i] for i in pages if i in self.pages]
        for k in range(0, len(ids), 500):
            part = ids[k : k + 500]
            marks = ",".join("?" * len(part))
            rows = self.con.execute(
                f"SELECT page_id, text, type FROM entities WHERE status != 'rejected' AND page_id IN ({marks})", part
            )
            for pid, text, type_ in rows:
                key = (str(text), str(type_))
                counts[key] += 1
                where.setdefault(key, set()).add(self._issue_of[pid])
        return {key: (n, tuple(sorted(where[key]))) for key, n in counts.items()}


def with_waiting(rows: list[EntityRow], index: IssueIndex | None, waiting: Iterable[int]) -> list[EntityRow]:
    """The entity list's rows with the occurrences the index knows on pages still parsing."""
    if index is None:
        return rows
    counts = index.entity_counts(waiting)
    if not counts:
        return rows
    out = []
    for row in rows:
        found = counts.get((row.text, row.type))
        out.append(dataclasses.replace(row, waiting=found[0], waiting_pages=found[1]) if found else row)
    return out
