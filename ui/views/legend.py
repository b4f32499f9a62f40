"""The legend: what the gutter letters, tints and label colours mean (View → Legend)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from core.entities.labels import Label
from ui.i18n import tr
from ui.models.colours import PARAGRAPH_MARK, ROLE_MARKS, UNASSIGNED, soften
from ui.views.table_sheet import TableSheet

ROLE_MEANINGS = {
    "title": "title (主题)",
    "kicker": "kicker (引题)",
    "subtitle": "subtitle (副题)",
    "byline": "byline",
    "body": "body line inside a paragraph",
    "subhead": "subhead (小标题)",
    "jump": "jump marker (转版)",
    "column": "column label",
    "caption": "photo caption",
    "other": "other",
}


def legend_rows(labels: Sequence[Label]) -> list[tuple[str, str, QColor | None]]:
    """(sign, meaning, colour) for every gutter mark, the unassigned tint and every entity label."""
    rows: list[tuple[str, str, QColor | None]] = [
        (mark, ROLE_MEANINGS.get(role, role), None) for role, mark in ROLE_MARKS.items()
    ]
    rows.append((PARAGRAPH_MARK, "first line of a body paragraph", None))
    rows.append(("?", "a line in no article (unassigned)", UNASSIGNED))
    for lb in labels:
        rows.append((lb.name, lb.description or lb.name, soften(lb.colour)))
    rows.append(("abc", "dotted underline: suggested, waiting for review", None))
    rows.append(("a̶b̶c̶", "struck out: rejected", None))
    return rows


def legend_sheet(parent: QWidget | None, labels: Sequence[Label]) -> TableSheet:
    rows = [((sign, colour), tr(meaning)) for sign, meaning, colour in legend_rows(labels)]
    return TableSheet(parent, "legend", tr("Legend"), [tr("Sign"), tr("Meaning")], rows, (560, 520))
