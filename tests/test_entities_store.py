"""The user lexicon (learn, reject, save, load, corrupt file) and the label set (bundled, override)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from core.entities.labels import Label, LabelsError, LabelsWarning, load_labels, read_labels
from core.entities.lexicon import LexiconEntry, LexiconError, UserLexicon, context_of
from core.paths import config_dir, data_dir


def test_missing_lexicon_is_empty() -> None:
    lex = UserLexicon.load(data_dir() / "nothing-here.json")
    assert lex.entries == () and lex.warning is None


def test_default_path_is_in_the_data_folder() -> None:
    assert UserLexicon.load().path == data_dir() / "lexicon.json"


def test_learn_unlearn_save_load(tmp_path: Path) -> None:
    path = tmp_path / "lex.json"
    lex = UserLexicon.load(path)
    lex.learn("欧阳振华", "PER")
    lex.learn("青石镇", "LOC")
    lex.unlearn("青石镇", "LOC")
    lex.reject("长春", "PER", "在[长春]市")
    lex.save()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".lexicon-")], "no temp file left"
    again = UserLexicon.load(path)
    assert again.entries == (LexiconEntry("欧阳振华", "PER"),)
    assert again.is_rejected("长春", "PER", "在[长春]市")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "banmian.lexicon" and "欧阳振华" in path.read_text(encoding="utf-8")


def test_rejection_holds_in_its_context_only() -> None:
    lex = UserLexicon.load()
    text = "他在长春市工作，长春人热情。"
    ctx = context_of(text, 2, 4)
    assert ctx == "他在[长春]市工"
    lex.reject("长春", "PER", ctx)
    assert lex.is_rejected("长春", "PER", "昨天他在[长春]市工作")  # same two characters either side
    assert lex.is_rejected("长春", "PER", "他在长春市工")  # a plain context string works too
    assert not lex.is_rejected("长春", "PER", "，[长春]人热")
    assert not lex.is_rejected("长春", "LOC", ctx)


def test_corrupt_lexicon_is_left_alone_and_learning_pauses(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.json"
    path.write_text("{not json", encoding="utf-8")
    lex = UserLexicon.load(path)
    assert lex.entries == () and lex.paused
    assert lex.warning and "not JSON" in lex.warning and "paused" in lex.warning
    lex.learn("甲乙丙", "PER")
    with pytest.raises(LexiconError):
        lex.save()
    assert path.read_text(encoding="utf-8") == "{not json", "an editor's lexicon is never written over"
    path.unlink()  # the editor removed it: learning resumes
    lex = UserLexicon.load(path)
    lex.learn("甲乙丙", "PER")
    lex.save()
    assert UserLexicon.load(path).entries == (LexiconEntry("甲乙丙", "PER"),)


def test_save_is_atomic_when_writing_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "lexicon.json"
    lex = UserLexicon.load(path)
    lex.learn("甲乙丙", "PER")
    lex.save()
    before = path.read_text(encoding="utf-8")

    def boom(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    lex.learn("丁戊己", "PER")
    with pytest.raises(OSError):
        lex.save()
    assert path.read_text(encoding="utf-8") == before
    assert [p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")] == ["lexicon.json"]


def test_bundled_labels() -> None:
    labels = load_labels()
    assert [lb.name for lb in labels] == ["PER", "LOC", "ORG", "TIME"]
    assert [lb.key for lb in labels] == ["P", "L", "O", "T"]
    assert len({lb.colour for lb in labels}) == 4
    assert all(isinstance(lb, Label) for lb in labels)


def test_user_labels_override() -> None:
    folder = config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    user = folder / "labels.json"
    user.write_text(
        json.dumps(
            {
                "labels": [
                    {"name": "PER", "colour": "#ff0000", "key": "p"},
                    {"name": "WORK", "colour": "#00aa00", "key": "w", "description": "书名"},
                ]
            }
        ),
        encoding="utf-8",
    )
    try:
        labels = load_labels()
        assert [(lb.name, lb.key) for lb in labels] == [("PER", "P"), ("WORK", "W")]
    finally:
        user.unlink()


@pytest.mark.parametrize(
    "content",
    [
        "{oops",
        "[]",
        '[{"name": "PER", "colour": "red", "key": "P"}]',
        '[{"name": "A", "colour": "#000000", "key": "X"}, {"name": "B", "colour": "#111111", "key": "X"}]',
    ],
)
def test_corrupt_user_labels_fall_back_with_a_warning(tmp_path: Path, content: str) -> None:
    user = tmp_path / "labels.json"
    user.write_text(content, encoding="utf-8")
    with pytest.raises(LabelsError):
        read_labels(user)
    with pytest.warns(LabelsWarning, match="bundled"):
        labels = load_labels(user)
    assert [lb.name for lb in labels] == ["PER", "LOC", "ORG", "TIME"]


def test_prefix_dictionary_cache_round_trip(tmp_path: Path) -> None:
    """jieba's word → frequency table loads from our cache exactly as it was saved, and a cache
    for another dictionary file (other size or mtime) is not used."""
    from core.entities.jieba import freqcache

    dictionary = tmp_path / "dict.txt"
    dictionary.write_text("新华社 100 nt\n新华 0 x\n", encoding="utf-8")
    freq = {"新华社": 100, "新华": 0, "新": 0}
    assert freqcache.load(tmp_path, str(dictionary)) is None
    freqcache.save(tmp_path, str(dictionary), freq, 100)
    assert freqcache.load(tmp_path, str(dictionary)) == (freq, 100)
    dictionary.write_text("新华社 100 nt\n新华 0 x\n北京 50 ns\n", encoding="utf-8")
    assert freqcache.load(tmp_path, str(dictionary)) is None
