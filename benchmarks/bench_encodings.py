#!/usr/bin/env python3
"""Our page decoder (``core.loader.decode``) against charset-normalizer on a corpus of encodings.

The corpus is built here: the bundled sample page (long), its first lines (medium), and short
pages of sentences written for this test (simplified, and traditional for Big5), each encoded as
UTF-8, UTF-8 with BOM, GB18030, GBK, Big5, UTF-16 and UTF-32 in both byte orders with their BOM;
BOM-less UTF-16 is listed apart (a page extractor does not write it; we refuse it as binary).
A decoding is right when it gives back exactly the text that was encoded.  Prints accuracy and
the mean time per page of each detector, measured side by side in one run.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.loader import PageError, decode, normalise_newlines  # noqa: E402
from core.paths import SAMPLE_PAGE  # noqa: E402

SHORT_SIMPLIFIED = [
    "本报讯 今天上午，市图书馆举办读书节开幕式。\n",
    "记者 张晓梅\n",
    "春风吹过田野，农民们忙着播种。\n合作社负责人说，今年的种子质量很好。\n",
    "5月12日\n",
    "他说：“我们要把这件事办好。”\n",
    "新华社北京电 国务院新闻办公室今天举行发布会，介绍经济运行情况。\n",
]
SHORT_TRADITIONAL = [
    "本報訊 今天上午，市圖書館舉辦讀書節開幕式。\n",
    "記者 張曉梅\n",
    "春風吹過田野，農民們忙著播種。\n合作社負責人說，今年的種子質量很好。\n",
    "他說：「我們要把這件事辦好。」\n",
    "國務院新聞辦公室今天舉行發布會，介紹經濟運行情況。\n",
    "臺北市政府宣布，明年起將擴大公共運輸的服務範圍，並增加夜間班次。\n" * 3,
]
WITH_BOM = ("utf-8-sig", "utf-16", "utf-32")  # Python writes these with their BOM
ENDIAN_BOM = {
    "utf-16-le": b"\xff\xfe",
    "utf-16-be": b"\xfe\xff",
    "utf-32-le": b"\xff\xfe\x00\x00",
    "utf-32-be": b"\x00\x00\xfe\xff",
}


def corpus() -> list[tuple[str, str, str, bytes]]:
    """(kind, encoding, text, bytes)"""
    sample = SAMPLE_PAGE.read_text(encoding="utf-8")
    simplified = [("long", sample), ("medium", "\n".join(sample.splitlines()[:15]) + "\n")]
    simplified += [("short", t) for t in SHORT_SIMPLIFIED]
    traditional = [("short-trad", t) for t in SHORT_TRADITIONAL]
    traditional.append(("medium-trad", "".join(SHORT_TRADITIONAL) * 2))
    out = []
    for kind, text in simplified + traditional:
        encodings = ["utf-8", "utf-8-sig", "gb18030", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"]
        encodings += ["big5"] if "trad" in kind else ["gbk"]
        for enc in encodings:
            try:
                data = text.encode(enc)
            except UnicodeEncodeError:
                continue
            out.append((kind, enc + ("+bom" if enc in ENDIAN_BOM else ""), text, ENDIAN_BOM.get(enc, b"") + data))
        out.append((kind, "utf-16-le (no BOM)", text, text.encode("utf-16-le")))
    return out


def ours(data: bytes) -> str | None:
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        return None  # read_page refuses it as binary
    try:
        return decode(data)[0]
    except PageError:
        return None


def normalizer(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return None if best is None else normalise_newlines(str(best).removeprefix("\ufeff"))


def run(name: str, fn: Callable[[bytes], str | None], items: list[tuple[str, str, str, bytes]]) -> None:
    right = {True: 0, False: 0}
    wrong: list[str] = []
    t = time.perf_counter()
    results = [fn(data) for _, _, _, data in items]
    elapsed = time.perf_counter() - t
    groups: dict[str, list[bool]] = {}
    for (kind, enc, text, _), got in zip(items, results, strict=True):
        ok = got == normalise_newlines(text)
        bomless = "no BOM" in enc
        groups.setdefault("BOM-less UTF-16" if bomless else "pages", []).append(ok)
        if not ok and not bomless:
            wrong.append(f"{kind}/{enc}")
        right[ok] += 1
    pages = groups["pages"]
    bl = groups["BOM-less UTF-16"]
    print(
        f"{name:20} {sum(pages):3}/{len(pages)} right ({100 * sum(pages) / len(pages):.1f} %)   "
        f"BOM-less UTF-16 {sum(bl)}/{len(bl)}   {1000 * elapsed / len(items):7.2f} ms/page"
    )
    if wrong:
        print(f"{'':20} wrong: {', '.join(wrong)}")


def main() -> int:
    items = corpus()
    import charset_normalizer

    normalizer(b"warm up")
    print(f"{len(items)} encoded pages; charset-normalizer {charset_normalizer.__version__}")
    run("core.loader.decode", ours, items)
    run("charset-normalizer", normalizer, items)
    return 0


if __name__ == "__main__":
    sys.exit(main())
