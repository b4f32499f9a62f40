"""Reading a page file: encoding detection and newline normalisation.

The page text is the file decoded with its detected encoding, the BOM removed and ``\\r\\n``/``\\r``
turned into ``\\n``; nothing else changes (../spec/annotation-json.md).  The raw file is only read.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from core.messages import msg, os_reason
from core.model import SourceInfo

MAX_PAGE_BYTES = 64 * 1024 * 1024

# UTF-32 before UTF-16: the UTF-32-LE mark (FF FE 00 00) begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32"),
    (b"\xff\xfe", "utf-16-le", "utf-16"),
    (b"\xfe\xff", "utf-16-be", "utf-16"),
)


class PageError(Exception):
    """A page that cannot be read; the message is one line meant for the editor."""


@dataclass(frozen=True, slots=True)
class RawPage:
    source: SourceInfo
    text: str


def _cjk_share(text: str) -> float:
    if not text:
        return 0.0
    common = sum(
        1
        for ch in text
        if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" or ch.isascii()
    )
    return common / len(text)


def _zh_score(text: str, simplified: bool) -> float:
    """How much a decoding looks like Chinese of the expected script (GBK vs Big5 choice)."""
    hits = 0
    for ch in text:
        if ch in _SIMPLIFIED_MARKERS:
            hits += 1 if simplified else -1
        elif ch in _TRADITIONAL_MARKERS:
            hits += -1 if simplified else 1
    return _cjk_share(text) * 1000 + hits


# Very common characters whose simplified and traditional forms differ: enough to tell a GB18030
# decoding of Big5 bytes (or the reverse) from the right one.
_SIMPLIFIED_MARKERS = frozenset("这个们来为说时国会对发进过动后关开样经们现种应东长门问间产义")
_TRADITIONAL_MARKERS = frozenset("這個們來為說時國會對發進過動後關開樣經們現種應東長門問間產義")


def decode(data: bytes) -> tuple[str, str]:
    """Decode page bytes; return ``(text, encoding)`` or raise ``PageError``."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as e:
                raise PageError(
                    msg(
                        "the file starts with a {name} byte-order mark but is not valid {name} (byte {at})",
                        name=name,
                        at=e.start + len(bom),
                    )
                ) from None
            return normalise_newlines(text), name
    try:
        return normalise_newlines(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates: list[tuple[float, str, str]] = []
    for codec, simplified in (("gb18030", True), ("big5", False)):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        candidates.append((_zh_score(text, simplified), codec, text))
    if candidates:
        _, codec, text = max(candidates)
        if _cjk_share(text) >= 0.6:
            return normalise_newlines(text), codec
    raise PageError(msg("cannot decode the page: it is not UTF-8, UTF-16/32 (with BOM), GB18030/GBK or Big5 text"))


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


_KINDS = (
    (stat.S_ISDIR, msg("a folder")),
    (stat.S_ISFIFO, msg("a named pipe (FIFO)")),
    (stat.S_ISSOCK, msg("a socket")),
    (stat.S_ISCHR, msg("a character device")),
    (stat.S_ISBLK, msg("a block device")),
)


# what a file was meant to be, as callers name it, in messages that can be translated
_WHAT = {"a page": msg("a page"), "a lexicon": msg("a lexicon"), "a PDF": msg("a PDF")}


def read_regular(path: Path, limit: int, what: str = "a page") -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; ``PageError`` for anything else.

    Opened without blocking and checked on the open descriptor (no race between a check and the
    open), so a FIFO, a device or a socket is refused at once instead of hanging the reader."""
    what = _WHAT.get(what, what)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise PageError(msg("{path}: no such file", path=path)) from None
    except IsADirectoryError:
        raise PageError(msg("{path}: is {kind}, not {what} file", path=path, kind=msg("a folder"), what=what)) from None
    except PermissionError:
        raise PageError(msg("{path}: permission denied", path=path)) from None
    except OSError as e:
        raise PageError(msg("{path}: {error}", path=path, error=os_reason(e))) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _KINDS if test(mode)), msg("not a regular file"))
            raise PageError(msg("{path}: is {kind}, not {what} file", path=path, kind=kind, what=what))
        size = os.fstat(fd).st_size
        if size > limit:
            raise PageError(
                msg(
                    "{path}: {size} MiB is larger than the {limit} MiB {what} may have",
                    path=path,
                    size=size // (1024 * 1024),
                    limit=limit // (1024 * 1024),
                    what=what,
                )
            )
        chunks: list[bytes] = []
        total = 0
        while chunk := os.read(fd, 1 << 20):
            total += len(chunk)
            if total > limit:  # grew while being read
                raise PageError(
                    msg(
                        "{path}: larger than the {limit} MiB {what} may have",
                        path=path,
                        limit=limit // (1024 * 1024),
                        what=what,
                    )
                )
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as e:
        raise PageError(msg("{path}: {error}", path=path, error=os_reason(e))) from None
    finally:
        os.close(fd)


def read_page(path: str | Path) -> RawPage:
    """Read and decode a page file; every failure becomes a one-line ``PageError``."""
    p = Path(path)
    from core.pdf.pages import is_pdf  # PDF pages and a PDF beside a .txt: docs/pdf.md

    if is_pdf(p):
        from core.pdf.pages import read_pdf_page

        return read_pdf_page(p)
    data = read_regular(p, MAX_PAGE_BYTES)
    if b"\x00" in data and not data.startswith(tuple(bom for bom, _, _ in _BOMS[1:])):
        raise PageError(msg("{path}: looks like a binary file, not page text", path=p))
    try:
        text, encoding = decode(data)
    except PageError as e:
        raise PageError(msg("{path}: {error}", path=p, error=str(e))) from None
    raw = RawPage(SourceInfo(p.name, hashlib.sha256(data).hexdigest(), encoding), text)
    from core.pdf.match import with_pdf_beside

    return with_pdf_beside(raw, p)


def page_from_text(text: str, name: str = "untitled.txt") -> RawPage:
    """A page made from a string (tests, pasted text): hashed as its UTF-8 bytes."""
    text = normalise_newlines(text.removeprefix("\ufeff"))
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return RawPage(SourceInfo(name, sha, "utf-8"), text)
