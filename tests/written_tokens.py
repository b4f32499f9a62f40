"""jieba-like tokens written by hand, for rules tested on a tokenisation jieba may not give."""

from __future__ import annotations

from core.entities.jieba.tokenizer import Token


def toks(*pairs: tuple[str, str]) -> list[Token]:
    """(word, flag) pairs as tokens one after the other from offset 0."""
    out, pos = [], 0
    for word, flag in pairs:
        out.append(Token(word, flag, pos, pos + len(word)))
        pos += len(word)
    return out
