"""Reading a page file: encoding detection and newline normalisation.

The page text is the file decoded with its detected encoding, the BOM removed and ``\\r\\n``/``\\r``
turned into ``\\n``; nothing else changes (../spec/annotation-json.md).  The raw file is only read.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from core.model import SourceInfo

MAX_PAGE_BYTES = 64 * 1024 * 1024

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig", "utf-8-sig"),
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
                    f"the file starts with a {name} byte-order mark but is not valid {name} (byte {e.start + len(bom)})"
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
    raise PageError("cannot decode the page: it is not UTF-8, UTF-16 (with BOM), GB18030/GBK or Big5 text")


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_page(path: str | Path) -> RawPage:
    """Read and decode a page file; every failure becomes a one-line ``PageError``."""
    p = Path(path)
    from core.pdf.pages import is_pdf  # PDF pages and a PDF beside a .txt: docs/pdf.md

    if is_pdf(p):
        from core.pdf.pages import read_pdf_page

        return read_pdf_page(p)
    try:
        if p.is_dir():
            raise PageError(f"{p}: is a folder, not a page file")
        size = p.stat().st_size
        if size > MAX_PAGE_BYTES:
            raise PageError(
                f"{p}: {size // (1024 * 1024)} MiB is larger than the "
                f"{MAX_PAGE_BYTES // (1024 * 1024)} MiB a page may have"
            )
        data = p.read_bytes()
    except FileNotFoundError:
        raise PageError(f"{p}: no such file") from None
    except PermissionError:
        raise PageError(f"{p}: permission denied") from None
    except OSError as e:
        raise PageError(f"{p}: {e.strerror or e}") from None
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise PageError(f"{p}: looks like a binary file, not page text")
    try:
        text, encoding = decode(data)
    except PageError as e:
        raise PageError(f"{p}: {e}") from None
    raw = RawPage(SourceInfo(p.name, hashlib.sha256(data).hexdigest(), encoding), text)
    from core.pdf.match import with_pdf_beside

    return with_pdf_beside(raw, p)


def page_from_text(text: str, name: str = "untitled.txt") -> RawPage:
    """A page made from a string (tests, pasted text): hashed as its UTF-8 bytes."""
    text = normalise_newlines(text.removeprefix("\ufeff"))
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return RawPage(SourceInfo(name, sha, "utf-8"), text)
