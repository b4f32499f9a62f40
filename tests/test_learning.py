"""What a save teaches beyond single entries: rejections that hold everywhere, boundary fixes."""

from __future__ import annotations

from pathlib import Path

from core.document import Document
from core.edits.entity import AddEntity, RemoveEntity
from core.entities.lexicon import UserLexicon, context_of
from core.loader import page_from_text
from core.parse import parse_page
from core.persist.learn import removed_suggestions, teach


def test_rejected_on_a_page_and_confirmed_on_none_is_rejected_everywhere(tmp_path: Path) -> None:
    lex = UserLexicon.load(tmp_path / "lex.json")
    lex.reject("港湾", "LOC", "到[港湾]去", page="page-a")
    assert lex.is_rejected("港湾", "LOC", "新[港湾]里")  # another context
    assert not lex.is_rejected("港湾", "ORG", "新[港湾]里")  # another type
    lex.learn("港湾", "LOC", page="page-b")  # another page confirms it: only its own context stays
    assert not lex.is_rejected("港湾", "LOC", "新[港湾]里")
    assert lex.is_rejected("港湾", "LOC", "到[港湾]去")


def test_a_suggestion_the_editor_respans_counts_as_rejected_in_its_context(tmp_path: Path) -> None:
    text = "本报讯 青石县人民政府昨天召开会议，县长王立新说，青石县人民政府将继续努力。\n"
    page = parse_page(page_from_text(text, "p.txt"))
    doc = Document(page)
    first = min(page.entities, key=lambda e: e.start)
    doc.apply(RemoveEntity(first.id))
    doc.apply(AddEntity(first.start, first.end + 1, first.type))  # one character longer
    assert [e.id for e in removed_suggestions(doc.page, doc.base)] == [first.id]
    lex = UserLexicon.load(tmp_path / "lex.json")
    teach(lex, doc.page, base=doc.base)
    here = context_of(text, first.start, first.end)
    assert lex.is_rejected(first.text, first.type, here)  # where the editor respanned it
    assert not lex.is_rejected(first.text, first.type, "某[" + first.text + "]某")  # elsewhere it still may be
    longer = text[first.start : first.end + 1]
    assert (longer, first.type) in {(e.text, e.type) for e in lex.entries}
    assert not lex.is_rejected(longer, first.type, context_of(text, first.start, first.end + 1))
