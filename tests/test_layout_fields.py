"""Article fields derived from hand-made blocks (independent of the parser) and the JSON export."""

from __future__ import annotations

import json

import pytest

from core.export_json import ExportInvalid, dumps, page_to_dict, validate
from core.fields import article_fields, block_text
from core.lines import split_lines
from core.loader import page_from_text
from core.model import Article, Block, Page

TEXT = (
    "●总书记和人民心贴心●\n"  # 1
    "落 细 防 控 措 施\n"  # 2
    "严 防 疫 情 反 弹\n"  # 3
    "——全省疫情防控工作调度会召开\n"  # 4
    "本报记者  李抑嫱   王  鹏\n"  # 5
    "本报4月20日讯（记者黄鹭）今天，省\n"  # 6
    "委召开会议，部署疫情防控工作。\n"  # 7
    "会议强调，要严格落实各项措\n"  # 8
    "施。（下转第四版）\n"  # 9
    "（下转第四版）\n"  # 10
)


def page_of(blocks: list[Block], text: str = TEXT) -> Page:
    raw = page_from_text(text)
    lines = split_lines(raw.text)
    return Page(raw.source, raw.text, lines, (Article("a1", tuple(blocks)),), ())


BLOCKS = [
    Block("column", (1,)),
    Block("title", (2, 3)),
    Block("subtitle", (4,)),
    Block("byline", (5,)),
    Block("body", (6, 7)),
    Block("body", (8, 9)),
    Block("jump", (10,)),
]


def test_fields() -> None:
    page = page_of(BLOCKS)
    f = article_fields(page.text, page.lines, page.articles[0])
    assert f.title == "落细防控措施严防疫情反弹"  # two Chinese lines: no space between them (issue 12)
    assert f.subtitle == "——全省疫情防控工作调度会召开"
    assert f.kicker == ""
    assert f.column == "●总书记和人民心贴心●"
    assert f.byline == "本报记者 李抑嫱 王 鹏"
    assert f.jump == "下转第四版"
    assert f.dateline == "本报4月20日讯（记者黄鹭）"
    assert f.dateline_parts == {"source": "本报", "place": "", "date": "4月20日", "reporters": ["黄鹭"]}
    assert f.text == (
        "本报4月20日讯（记者黄鹭）今天，省委召开会议，部署疫情防控工作。\n会议强调，要严格落实各项措施。（下转第四版）"
    )


def test_jump_from_a_body_line_tail() -> None:
    page = page_of(BLOCKS[:-1], TEXT.replace("（下转第四版）\n", "\n").replace("施。\n", "施。（下转第 4 版）\n"))
    assert article_fields(page.text, page.lines, page.articles[0]).jump == "下转第4版"


def test_overrides_win() -> None:
    page = page_of(BLOCKS)
    a = Article("a1", tuple(BLOCKS), {"title": "编辑改的标题"})
    f = article_fields(page.text, page.lines, a)
    assert f.title == "编辑改的标题" and f.get("subtitle") == "——全省疫情防控工作调度会召开"


def test_kicker_and_missing_fields() -> None:
    text = "韩俊主持召开省政府常务会议\n研究部署春耕生产\n今天召开会议。\n"
    page = page_of([Block("kicker", (1,)), Block("title", (2,)), Block("body", (3,))], text)
    f = article_fields(page.text, page.lines, page.articles[0])
    assert (f.kicker, f.title, f.byline, f.dateline, f.jump, f.column) == (
        "韩俊主持召开省政府常务会议",
        "研究部署春耕生产",
        "",
        "",
        "",
        "",
    )
    assert f.dateline_parts is None


def test_block_text_reflows_body_and_squeezes_headlines() -> None:
    page = page_of(BLOCKS)
    assert block_text(page.text, page.lines, Block("body", (8, 9))) == "会议强调，要严格落实各项措施。（下转第四版）"
    assert block_text(page.text, page.lines, Block("title", (2, 3))) == "落细防控措施严防疫情反弹"


def test_export_validates_and_round_trips() -> None:
    page = page_of(BLOCKS)
    doc = page_to_dict(page)
    validate(doc)
    again = json.loads(dumps(doc))
    assert again == doc
    art = again["articles"][0]
    assert art["lines"] == list(range(1, 11))
    assert [b["role"] for b in art["blocks"]] == ["column", "title", "subtitle", "byline", "body", "body", "jump"]
    assert art["title"] == "落细防控措施严防疫情反弹"
    assert again["text"] == TEXT and again["unassigned"] == []
    assert again["source"]["encoding"] == "utf-8" and again["format"] == "banmian.page"


def test_schema_rejects_a_broken_export() -> None:
    doc = page_to_dict(page_of(BLOCKS))
    doc["articles"][0]["blocks"][0]["role"] = "headline"
    with pytest.raises(ExportInvalid, match="blocks"):
        validate(doc)
    doc = page_to_dict(page_of(BLOCKS))
    del doc["articles"][0]["title"]
    with pytest.raises(ExportInvalid):
        validate(doc)


def test_headline_lines_join_with_a_space_only_between_latin_words() -> None:
    from core.fields import join_words

    assert join_words(["农民", "增", "收"]) == "农民增收"
    assert join_words(["Welcome to", "New York"]) == "Welcome to New York"
    assert join_words(["迎接APEC", "峰会"]) == "迎接APEC峰会"
    assert join_words(["2022", "年会", "", "B"]) == "2022年会B"
