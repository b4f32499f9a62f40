"""``line_features`` (a feature at a time over all lines) gives what a plain line-by-line reading gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from core.layout.features import (
    BYLINE_RE,
    CAPTION_RE,
    CLOSING,
    COLUMN_RE,
    CREDIT_RE,
    ENUM_RE,
    HEAD_NOTE_RE,
    JUMP_ONLY_RE,
    JUMP_TAIL_RE,
    SENTENCE_END,
    SENTENCE_THEN_NOTE_RE,
    SIGNATURE_RE,
    SOFT_END,
    LineInfo,
    _dateline_starts,
    is_spaced,
    line_features,
    width,
)
from core.lines import split_lines
from core.model import Line
from core.textmap import squeeze_spaces


def _plain(lines: list[Line]) -> list[LineInfo]:
    """Every feature of every line, asked of each line in turn with no shortcut."""
    kept = [ln for ln in lines if ln.text.strip()]
    squeezed = [squeeze_spaces(ln.text.replace("\f", " ").strip()) for ln in kept]
    out = []
    for k, ln in enumerate(kept):
        raw = ln.text.replace("\f", " ")
        text, s = raw.strip(), squeezed[k]
        last = s.rstrip("".join(CLOSING))[-1:]
        w = width(s)
        head_note = s.endswith(("）", ")")) and bool(HEAD_NOTE_RE.search(s))
        closes_note = s.endswith(("）", ")")) and "（" not in s and "(" not in s and len(s) <= 12
        ends = (
            last in SENTENCE_END
            or s.endswith(("。”", "！”", "？”", "……"))
            or (
                s.endswith(("）", ")"))
                and (
                    bool(SENTENCE_THEN_NOTE_RE.search(s))
                    or (bool(CREDIT_RE.search(s)) and not head_note)
                    or closes_note
                )
            )
        )
        following = squeezed[k + 1] if k + 1 < len(kept) else ""
        byline = bool(BYLINE_RE.match(" ".join(text.split())) or BYLINE_RE.match(s))
        fields = {
            "number": ln.number,
            "index": k,
            "text": text,
            "squeezed": s,
            "width": w,
            "spaced": is_spaced(text),
            "indent": len(raw) - len(raw.lstrip(" \t\u3000\u00a0\f")),
            "full_indent": raw.startswith("\u3000"),
            "gap": ln.number - kept[k - 1].number if k else 0,
            "ends_sentence": ends,
            "ends_soft": last in SOFT_END,
            "dateline": _dateline_starts(s, following),
            "jump_only": w <= 12 and bool(JUMP_ONLY_RE.match(s)),
            "jump_tail": bool(JUMP_TAIL_RE.search(s)),
            "column": bool(COLUMN_RE.match(s)),
            "byline": byline,
            "caption": bool(CAPTION_RE.match(s)),
            "enum": bool(ENUM_RE.match(s)),
            "signature": bool(SIGNATURE_RE.match(s)),
            "head_note": head_note,
            "dash_start": s.startswith(("——", "—", "--", "－－")),
        }
        out.append(LineInfo(**fields))
    return out


# pieces of the lines each feature looks for: marks, brackets, jump markers, datelines, bylines
_PIECES = st.sampled_from(
    [
        "中", "国", "新", "闻", "。", "，", "、", "；", "！", "”", "“", "（", "）", "(", ")", " ", "\u3000",
        "\t", "\f", "a", "b", "1", "２", "版", "转第", "见第", "上接", "记者", "通讯员", "王小明", "文",
        "摄", "图", "报道", "本报", "北京", "１月５日电", "新华社", "讯", "——", "●", "【", "】", "一、",
        "（一）", "１．", "图片", "外一首", "……", "供图", "制图",
    ]
)  # fmt: skip
_LINES = st.lists(st.lists(_PIECES, max_size=10).map("".join), min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(_LINES)
def test_line_features_are_the_plain_features(lines: list[str]) -> None:
    page = split_lines("\n".join(lines) + "\n")
    assert line_features(page) == _plain(page)


def test_line_features_of_written_lines() -> None:
    page = split_lines(
        "（上接第２版）\n\u3000\u3000本报北京１月５日电  记者王小明报道\n落 细 防 控\n\n（新华社记者刘宇摄）\n"
    )
    infos = line_features(page)
    assert infos == _plain(page)
    assert [i.jump_only for i in infos] == [True, False, False, False]
    assert infos[1].dateline and infos[1].full_indent and infos[1].indent == 2
    assert infos[2].spaced and infos[2].squeezed == "落细防控"
    assert infos[3].gap == 2 and infos[3].signature and infos[3].ends_sentence


@settings(max_examples=200, deadline=None)
@given(_LINES, st.integers(1, 5))
def test_line_features_read_in_chunks_are_the_plain_features(lines: list[str], chunk: int) -> None:
    """A page read a few lines at a time (``CHUNK``) gets the features of a page read whole: the
    gap to the line above and a dateline wrapped onto the line below cross the chunks' edges."""
    from unittest import mock

    page = split_lines("\n\n".join(lines[:3]) + "\n" + "\n".join(lines[3:]) + "\n")
    with mock.patch("core.layout.features.CHUNK", chunk):
        assert line_features(page) == _plain(page)


def test_a_dateline_wrapped_across_chunks() -> None:
    from unittest import mock

    page = split_lines("标题\n\n本报苏州１月１\n日电　记者王小明\n正文。\n")
    with mock.patch("core.layout.features.CHUNK", 2):
        infos = line_features(page)
    assert infos == _plain(page)
    assert [i.dateline for i in infos] == [False, True, False, False]
    assert [i.gap for i in infos] == [0, 2, 1, 1]
    assert [i.index for i in infos] == [0, 1, 2, 3]
