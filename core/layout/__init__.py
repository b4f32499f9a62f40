"""The page parser: raw lines → articles of role blocks, in reading order."""

from __future__ import annotations

from core.layout.segment import segment

__all__ = ["segment"]
