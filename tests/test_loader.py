"""Loading a page file: encodings, newline normalisation, and one-line errors for bad files."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from core.loader import PageError, decode, normalise_newlines, page_from_text, read_page

SIMPLIFIED = "本报讯 这是一个关于发展的测试。\n国家和人民都在这里。\n"
TRADITIONAL = "本報訊 這個國家的發展進入新時代。\n關於這個問題，們會說明。\n"


def write(tmp_path: Path, data: bytes, name: str = "page.txt") -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SIMPLIFIED.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + SIMPLIFIED.encode("utf-8"), "utf-8-sig"),
        (SIMPLIFIED.encode("gb18030"), "gb18030"),
        (SIMPLIFIED.encode("gbk"), "gb18030"),
        (b"\xff\xfe" + SIMPLIFIED.encode("utf-16-le"), "utf-16"),
        (b"\xfe\xff" + SIMPLIFIED.encode("utf-16-be"), "utf-16"),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "gbk", "utf16-le", "utf16-be"],
)
def test_encodings_decode_to_the_same_text(tmp_path: Path, data: bytes, encoding: str) -> None:
    raw = read_page(write(tmp_path, data))
    assert raw.text == SIMPLIFIED
    assert raw.source.encoding == encoding
    assert raw.source.sha256 == hashlib.sha256(data).hexdigest()
    assert raw.source.name == "page.txt"
    assert not raw.text.startswith("\ufeff")


def test_big5_is_told_from_gb18030(tmp_path: Path) -> None:
    raw = read_page(write(tmp_path, TRADITIONAL.encode("big5")))
    assert raw.source.encoding == "big5"
    assert raw.text == TRADITIONAL


def test_gb18030_only_characters(tmp_path: Path) -> None:
    text = "镕基与𠀀字，€符号。\n"  # a four-byte GB18030 character and the euro sign
    raw = read_page(write(tmp_path, text.encode("gb18030")))
    assert raw.text == text and raw.source.encoding == "gb18030"


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("这是国家\r\n发展们\r\n", "这是国家\n发展们\n"),
        ("这是国家\r发展们\r", "这是国家\n发展们\n"),
        ("这是\r\n\r\n国家\r发展\n们", "这是\n\n国家\n发展\n们"),
        ("这是国家\r\r\n发展们", "这是国家\n\n发展们"),
    ],
)
def test_newlines_are_normalised(tmp_path: Path, raw: str, text: str) -> None:
    assert normalise_newlines(raw) == text
    assert read_page(write(tmp_path, raw.encode("utf-8"))).text == text
    assert read_page(write(tmp_path, raw.encode("gb18030"), "g.txt")).text == text
    assert read_page(write(tmp_path, b"\xff\xfe" + raw.encode("utf-16-le"), "u.txt")).text == text


def test_nothing_else_changes(tmp_path: Path) -> None:
    text = "  落 细 防 控  \n\n\u3000\u3000本报讯\t正文。 \n"
    assert read_page(write(tmp_path, text.encode("utf-8"))).text == text


def test_empty_file(tmp_path: Path) -> None:
    raw = read_page(write(tmp_path, b""))
    assert raw.text == ""
    assert raw.source.sha256 == hashlib.sha256(b"").hexdigest()


def _one_line_error(path: Path) -> str:
    with pytest.raises(PageError) as info:
        read_page(path)
    msg = str(info.value)
    assert msg and "\n" not in msg
    assert info.value.__cause__ is None
    assert info.value.__context__ is None or info.value.__suppress_context__
    return msg


def test_undecodable_bytes(tmp_path: Path) -> None:
    p = write(tmp_path, bytes(range(0x80, 0x100)) * 4)
    msg = _one_line_error(p)
    assert "page.txt" in msg and "decode" in msg


def test_bad_bytes_after_a_bom(tmp_path: Path) -> None:
    msg = _one_line_error(write(tmp_path, b"\xef\xbb\xbf\xe4\xb8\xad\xff\xfe\xfd"))
    assert "byte-order mark" in msg


def test_binary_file(tmp_path: Path) -> None:
    msg = _one_line_error(write(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "x.png"))
    assert "binary" in msg


def test_folder_path(tmp_path: Path) -> None:
    assert "folder" in _one_line_error(tmp_path)


def test_missing_file(tmp_path: Path) -> None:
    assert "no such file" in _one_line_error(tmp_path / "nope.txt")


def test_decode_reports_without_path() -> None:
    with pytest.raises(PageError):
        decode(b"\x81\x30\xff" * 50)


def test_page_from_text_drops_bom_and_normalises() -> None:
    raw = page_from_text("\ufeff甲\r\n乙\r", name="p.txt")
    assert raw.text == "甲\n乙\n"
    assert raw.source.name == "p.txt" and raw.source.encoding == "utf-8"
    assert raw.source.sha256 == hashlib.sha256("甲\n乙\n".encode()).hexdigest()
