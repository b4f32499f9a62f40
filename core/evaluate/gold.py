"""The gold pages of a folder: ``*.gold.json`` beside each ``*.txt``, or an editor's saved corrections.

A folder of pages an editor has corrected is its own gold: the page as the editor left it
(``sidecar.open_page``: the automatic parse with the saved decisions applied), rejected entities
left out.  Pages with neither are skipped; a folder with no gold at all is an error.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.loader import read_page
from core.model import Page


class GoldError(Exception):
    """A gold folder or file that cannot be used; one line for the user."""


@dataclass(frozen=True, slots=True)
class GoldPage:
    name: str
    path: Path  # the page text
    text: str  # as ``core.loader`` reads it: BOM removed, newlines normalised
    gold: dict[str, Any]  # the format of ../shared/gold


def gold_of_page(page: Page) -> dict[str, Any]:
    """An edited page in the gold format: its articles, roles, and entities not rejected."""
    from core.export_json import entities_by_article

    by_article = entities_by_article(page)
    articles = []
    roles: dict[str, str] = {}
    for a in page.articles:
        for b in a.blocks:
            roles.update({str(n): b.role for n in b.lines})
        ents = [
            {"type": e.type, "text": e.text, "raw_start": e.start, "raw_end": e.end}
            for e in by_article.get(a.id, [])
            if e.status != "rejected"
        ]
        articles.append({"id": a.id, "lines": list(a.lines), "entities": ents, "optional": []})
    return {"source": page.source.name, "articles": articles, "line_roles": roles}


def _from_sidecar(path: Path) -> dict[str, Any] | None:
    from core.loader import read_page
    from core.persist import SidecarError, find_sidecar, open_page, text_sha256

    if find_sidecar(path, text_sha256(read_page(path).text)) is None:
        return None
    try:
        opened = open_page(path, None, strict=True)
    except SidecarError as e:
        raise GoldError(f"{path.name}: its corrections cannot be used: {e}") from None
    return gold_of_page(opened.document.page)


def load_folder(folder: Path) -> list[GoldPage]:
    """Every page of ``folder`` that has gold, in name order."""
    if not folder.is_dir():
        raise GoldError(f"{folder}: not a folder")
    pages: list[GoldPage] = []
    for path in sorted(p for p in folder.iterdir() if p.suffix.lower() == ".txt" and p.is_file()):
        gold_path = path.with_name(path.stem + ".gold.json")
        if gold_path.is_file():
            try:
                gold = json.loads(gold_path.read_text(encoding="utf-8"))
                if not isinstance(gold, dict) or not isinstance(gold.get("articles"), list):
                    raise ValueError("no articles")
            except (OSError, ValueError) as e:
                raise GoldError(f"{gold_path.name}: not a gold page ({e})") from None
        else:
            found = _from_sidecar(path)
            if found is None:
                continue
            gold = found
        pages.append(GoldPage(path.stem, path, read_page(path).text, gold))
    if not pages:
        raise GoldError(f"{folder}: no page with gold (*.gold.json) or saved corrections (*.banmian.json)")
    return pages
