"""One edit object per correction; ``Document.apply``/``revert`` (or ``History``) run them.

The window wraps any of these in one generic ``QUndoCommand``; a ``Batch`` is one undo step.
"""

from __future__ import annotations

from core.edits.base import Edit, EditError, Patch
from core.edits.batch import Batch
from core.edits.entity import (
    AddEntity,
    ConfirmEntity,
    RejectEntity,
    RemoveEntity,
    ResizeEntity,
    RetypeEntity,
)
from core.edits.occurrences import DECISIONS, apply_to_all, occurrences
from core.edits.structure import (
    DeleteArticle,
    MergeArticles,
    MoveArticle,
    MoveLines,
    NewArticle,
    SetField,
    SetParagraphStart,
    SetReviewDone,
    SetRole,
    SplitArticle,
)

__all__ = [
    "DECISIONS",
    "AddEntity",
    "Batch",
    "ConfirmEntity",
    "DeleteArticle",
    "Edit",
    "EditError",
    "MergeArticles",
    "MoveArticle",
    "MoveLines",
    "NewArticle",
    "Patch",
    "RejectEntity",
    "RemoveEntity",
    "ResizeEntity",
    "RetypeEntity",
    "SetField",
    "SetParagraphStart",
    "SetReviewDone",
    "SetRole",
    "SplitArticle",
    "apply_to_all",
    "occurrences",
]
