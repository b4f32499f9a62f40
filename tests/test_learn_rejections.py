"""How a rejection made elsewhere weighs against what a new context says of the string."""

from __future__ import annotations

from pathlib import Path

from core.entities.lexicon import EVERYWHERE, HERE, UserLexicon
from core.loader import page_from_text
from core.parse import parse_page


def _types(text: str, lex: UserLexicon, word: str) -> list[str]:
    page = parse_page(page_from_text(text, "p.txt"), lexicon=lex)
    return [e.type for e in page.entities if e.text == word]


def test_a_rejection_tells_whether_it_was_made_here_or_holds_everywhere(tmp_path: Path) -> None:
    lex = UserLexicon.load(tmp_path / "lex.json")
    lex.reject("商务部", "ORG", "在[商务部]吹风", page="page-a")
    assert lex.rejection("商务部", "ORG", "在[商务部]吹风") == HERE
    assert lex.rejection("商务部", "ORG", "是[商务部]发言") == EVERYWHERE
    assert lex.rejection("商务部", "LOC", "是[商务部]发言") is None
    lex.learn("商务部", "ORG", page="page-b")  # confirmed on another page: only its own context stays
    assert lex.rejection("商务部", "ORG", "在[商务部]吹风") == HERE
    assert lex.rejection("商务部", "ORG", "是[商务部]发言") is None


def test_a_rejection_made_elsewhere_yields_to_a_title_right_after(tmp_path: Path) -> None:
    """The editor rejected 商务部 once, in a phrase that names an event (商务部吹风会).  Elsewhere it
    still goes, but written before a title (商务部发言人) it is the body someone speaks for, as the
    guide tags it, and one rejection in another context does not outweigh that."""
    lex = UserLexicon.load(tmp_path / "lex.json")
    assert _types("本报北京电 商务部发言人今天在北京说，出口继续增长。\n", lex, "商务部") == ["ORG"]
    lex.reject("商务部", "ORG", "在[商务部]吹风", page="page-a")
    assert _types("本报北京电 商务部发言人今天在北京说，出口继续增长。\n", lex, "商务部") == ["ORG"]
    assert _types("本报北京电 记者昨天来到商务部采访，出口继续增长。\n", lex, "商务部") == []
    assert _types("本报北京电 昨天在商务部吹风会上，出口继续增长。\n", lex, "商务部") == []  # here: always


def test_a_name_rejected_elsewhere_is_kept_before_a_title_and_dropped_without_one(tmp_path: Path) -> None:
    lex = UserLexicon.load(tmp_path / "lex.json")
    lex.reject("王小明", "PER", "见[王小明]的信", page="page-a")
    assert _types("本报讯 厂里的王小明主任昨天说，出口继续增长。\n", lex, "王小明") == ["PER"]
    assert _types("本报讯 我们看望了王小明，出口继续增长。\n", lex, "王小明") == []


def test_a_rejection_holds_wherever_the_same_characters_follow(tmp_path: Path) -> None:
    """What follows a mention decides what it is part of (商务部|吹风会): a rejection made there holds
    after any other verb or preposition, but not before other characters nor at a segment's end."""
    lex = UserLexicon.load(tmp_path / "lex.json")
    lex.reject("商务部", "ORG", "在[商务部]吹风")  # a suggestion the editor respanned: no page, no vote
    lex.learn("商务部", "ORG", page="page-b")
    assert lex.rejection("商务部", "ORG", "加[商务部]吹风") == HERE
    assert lex.rejection("商务部", "ORG", "在[商务部]发言") is None
    assert lex.rejection("商务部", "ORG", "在[商务部]") is None


def test_a_page_drops_a_rejected_mention_before_the_same_word_after_another_verb(tmp_path: Path) -> None:
    lex = UserLexicon.load(tmp_path / "lex.json")
    lex.reject("商务部", "ORG", "在[商务部]吹风")
    lex.learn("商务部", "ORG", page="page-b")
    assert _types("本报北京电 记者们参加商务部吹风会，出口继续增长。\n", lex, "商务部") == []
    assert _types("本报北京电 记者们参加商务部组织的活动，出口继续增长。\n", lex, "商务部") == ["ORG"]


def test_a_rejection_before_punctuation_or_a_particle_needs_its_whole_context(tmp_path: Path) -> None:
    lex = UserLexicon.load(tmp_path / "lex.json")
    lex.reject("商务部", "ORG", "在[商务部]的会")
    lex.reject("商务部", "ORG", "在[商务部]，他")
    lex.learn("商务部", "ORG", page="page-b")
    assert lex.rejection("商务部", "ORG", "在[商务部]的会") == HERE
    assert lex.rejection("商务部", "ORG", "是[商务部]的会") is None
    assert lex.rejection("商务部", "ORG", "是[商务部]，他") is None
