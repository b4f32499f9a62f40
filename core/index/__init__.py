"""The searchable corpus: pages, articles and entities (with the editor's decisions) of indexed
folders in one SQLite database with FTS5 (``main.py index`` / ``main.py search``)."""

from __future__ import annotations

from core.index.build import Report, build
from core.index.db import IndexCorrupt, default_path
from core.index.search import Hit, search

__all__ = ["Hit", "IndexCorrupt", "Report", "build", "default_path", "search"]
