"""Core's messages for people: each is a ``Message`` (English text with its template) that the
window shows translated, and the Chinese translation file has every template core uses."""

from __future__ import annotations

import ast
import importlib.util
import pickle
import re
import string
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from core import edits
from core.edits.base import EditError
from core.messages import Message, joined, mentions, msg, render, word
from core.parse import parse_page

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "core"
TS = ROOT / "ui" / "i18n" / "banmian_zh_CN.ts"


def _load_tool(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


i18n_tool = _load_tool("banmian_i18n_tool", ROOT / "tools" / "i18n.py")  # its reading of msg(...) calls
CJK = re.compile(r"[\u4e00-\u9fff]")

# errors whose text reaches the window (status bar, message boxes, the page list)
SHOWN = {
    "EditError",
    "LinkError",
    "PageError",
    "PdfError",
    "IssueError",
    "SidecarError",
    "SaveError",
    "StalePage",
    "AnotherText",
    "ExportInvalid",
    "AltoUnavailable",
    "LabelsError",
    "LexiconError",
}
# modules whose messages only the command line prints (it stays English)
COMMAND_LINE = {
    "cli.py",
    "cli_export.py",
    "issue/cli.py",
    "index/cli.py",
    "batch/tasks.py",
    "evaluate/gold.py",
    "cluster/__init__.py",
}


def translations() -> dict[str, tuple[str, str]]:
    """source -> (translation, type) from the .ts, parsed here (not through tools/i18n.py)."""
    out = {}
    for m in ET.parse(TS).getroot().iter("message"):
        t = m.find("translation")
        assert t is not None
        out[m.findtext("source") or ""] = (t.text or "", t.get("type") or "")
    return out


def core_files() -> list[Path]:
    return sorted(CORE.rglob("*.py"))


def msg_templates(path: Path) -> list[tuple[int, str]]:
    """(line, template) of every ``msg(...)`` in ``path``: a literal, or a module constant."""
    return [
        (line, text if text is not None else f"<not a literal: {ast.unparse(arg)}>")
        for line, text, arg in i18n_tool.call_sites(path, {"msg"})
    ]


# names and formats a Chinese sentence keeps in Latin letters
KEPT = {"PDF", "JSON", "UTF", "BOM", "GB", "GBK", "Big5", "MiB", "FIFO", "ALTO", "force", "txt", "pdf"}


def reads_chinese(text: str) -> bool:
    """Chinese, or no words but the kept ones once the values are taken out (``{path}：{error}``)."""
    bare = re.sub(r"\{[^{}]*\}", "", text)
    return bool(CJK.search(bare)) or all(w in KEPT for w in re.findall(r"[A-Za-z][A-Za-z0-9]+", bare))


def fields(text: str) -> set[tuple[str, str]]:
    """The replacement fields of a format string: (name, format spec)."""
    return {(name, spec or "") for _, name, spec, _ in string.Formatter().parse(text) if name is not None}


def test_every_message_template_in_core_has_a_chinese_translation() -> None:
    have = translations()
    used = [
        (p.relative_to(ROOT), line, t) for p in core_files() if p.name != "messages.py" for line, t in msg_templates(p)
    ]
    assert len(used) > 150  # the scan finds them (load, save, persist, edits, issue, PDF, export)
    missing = [
        f"{path}:{line}: {t!r}"
        for path, line, t in used
        if t not in have or have[t][1] in ("unfinished", "obsolete") or not have[t][0] or not reads_chinese(have[t][0])
    ]
    assert not missing, "\n".join(missing)


def test_translations_fill_in_the_same_values_as_their_english() -> None:
    """A translation that names a value wrongly would fall back to English (``Message.render``)."""
    wrong = [
        f"{src!r} -> {text!r}"
        for src, (text, kind) in translations().items()
        if text and kind != "obsolete" and fields(src) != fields(text)
    ]
    assert not wrong, "\n".join(wrong)


def _raises_plain_text(path: Path, root: Path = ROOT) -> list[str]:
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
            continue
        call = node.exc
        name = call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")
        if name not in SHOWN or not call.args:
            continue
        arg = call.args[0]
        plain = isinstance(arg, ast.JoinedStr | ast.BinOp) or (
            isinstance(arg, ast.Constant) and isinstance(arg.value, str)
        )
        if plain:
            out.append(f"{path.relative_to(root)}:{node.lineno}: {ast.unparse(call)}")
    return out


def test_errors_the_window_shows_are_messages_not_plain_text() -> None:
    """``raise EditError(f"...")`` would reach a Chinese window in English: core gives ``msg(...)``."""
    found = [
        hit for p in core_files() if p.relative_to(CORE).as_posix() not in COMMAND_LINE for hit in _raises_plain_text(p)
    ]
    assert not found, "\n".join(found)


def test_the_scan_sees_a_plain_refusal(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text('def f(n):\n    raise EditError(f"line {n} is blank")\n', encoding="utf-8")
    good = tmp_path / "good.py"
    good.write_text('def f(n):\n    raise EditError(msg("line {n} is blank", n=n))\n', encoding="utf-8")
    assert _raises_plain_text(bad, tmp_path) and not _raises_plain_text(good, tmp_path)


# -- refusals at run time --------------------------------------------------------------------------

PAGE = "\n".join(
    [
        "春耕生产有序推进",
        "本报记者 王海林",
        "",
        "本报长春4月20日电  连日来，吉林省各地抓住农时，组织农民开展春耕生产。",
        "省农业农村厅负责人介绍，今年全省粮食播种面积稳定在一定水平。",
        "",
        "城市公园迎来游客",
        "",
        "周末，长春市南湖公园游人如织，市民纷纷走出家门踏青赏花。",
    ]
)


def refusals(page_text: str = PAGE) -> list[tuple[str, Message]]:
    """Every refusal we can provoke on a small page, applied through a real ``Document``."""
    from core.document import Document
    from core.loader import RawPage
    from core.model import SourceInfo

    page = parse_page(RawPage(SourceInfo("test.txt", "0" * 64, "utf-8"), page_text), entities=False)
    doc = Document(page)
    a = page.articles[0]
    blank = next(ln.number for ln in page.lines if ln.is_blank)
    doc.apply(edits.AddEntity(page.lines[0].start, page.lines[0].start + 2, "LOC"))
    ent = doc.page.entities[0]
    tries: list[edits.Edit] = [
        edits.SplitArticle(a.id, a.lines[0]),
        edits.MergeArticles(a.id, a.id),
        edits.MoveArticle(a.id, 0),
        edits.MoveArticle(a.id, 99),
        edits.DeleteArticle("a99"),
        edits.SetRole((blank,), "body"),
        edits.SetRole((999,), "body"),
        edits.SetRole(a.lines[:1], "nonsense"),
        edits.SetRole(a.lines[:1], doc.page.articles[0].blocks[0].role),
        edits.MoveLines(a.lines[:1], a.id),
        edits.NewArticle(a.lines[:1], new_id=a.id),
        edits.SetField(a.id, "title", None),
        edits.SetParagraphStart(a.lines[0], start=True),
        edits.SetParagraphStart(a.lines[0], start=False),
        edits.SetReviewDone(False),
        edits.AddEntity(ent.start, ent.end, "PER"),
        edits.AddEntity(ent.start, ent.end, " "),
        edits.AddEntity(page.lines[blank - 1].start, page.lines[blank - 1].start + 1, "PER"),
        edits.AddEntity(0, len(page.text) + 5, "PER"),
        edits.RetypeEntity(ent.id, ent.type),
        edits.RemoveEntity("e0-0"),
    ]
    out = []
    for edit in tries:
        with pytest.raises(EditError) as e:
            doc.apply(edit)
        out.append((repr(edit), e.value.args[0]))
    with pytest.raises(EditError) as e:
        edits.SetField(a.id, "headline", "x")
    out.append(("SetField headline", e.value.args[0]))
    with pytest.raises(EditError) as e:
        edits.Batch([])
    out.append(("empty batch", e.value.args[0]))
    with pytest.raises(EditError) as e:
        edits.apply_to_all(doc.page, "confirm", "没有这几个字", "PER")
    out.append(("apply to all", e.value.args[0]))
    return out


def test_every_refusal_of_an_edit_is_a_translated_message() -> None:
    have = translations()
    seen = refusals()
    assert len(seen) == 24
    for where, text in seen:
        assert isinstance(text, Message), (where, text)
        assert str(text) is text  # str() of the exception keeps the message (the window renders it)
        translated = text.render(lambda s: have.get(s, ("", ""))[0] or s)
        assert CJK.search(translated) and translated != text, (where, text, translated)


def test_refusals_read_in_english_as_before() -> None:
    """The English sentences (command line, English window) are the ones the f-strings made."""
    seen = dict(refusals())
    assert seen["empty batch"] == "nothing to do"
    assert seen["apply to all"] == "no other occurrence of “没有这几个字” to confirm"
    assert seen["SetField headline"] == "'headline' cannot be edited (one of title, kicker, subtitle, byline, dateline)"
    assert any(t == "unknown role 'nonsense'" for t in seen.values())
    assert any(re.fullmatch(r"an article cannot be split at its first line", t) for t in seen.values())


BAD_LABELS: dict[str, bytes] = {
    "not JSON": b"{oops",
    "not UTF-8": b'[{"name": "\xff"}]',
    "nested too deeply": b"[" * 100_000,
    "empty": b"[]",
    "not an object": b"[1]",
    "no name": b'[{"colour": "#000000", "key": "X"}]',
    "bad colour": b'[{"name": "PER", "colour": "red", "key": "P"}]',
    "bad key": b'[{"name": "PER", "colour": "#000000", "key": "PP"}]',
    "not unique": b'[{"name": "A", "colour": "#000000", "key": "X"}, {"name": "B", "colour": "#111111", "key": "X"}]',
}


@pytest.mark.parametrize("case", list(BAD_LABELS))
def test_why_a_label_file_is_not_used_is_a_translated_message(tmp_path: Path, case: str) -> None:
    """The window says why the user's labels.json was set aside, in Chinese too."""
    from core.entities.labels import LabelsError, load_labels, read_labels

    user = tmp_path / "labels.json"
    user.write_bytes(BAD_LABELS[case])
    with pytest.raises(LabelsError) as raised:
        read_labels(user)
    assert isinstance(str(raised.value), Message)
    problems: list[str] = []
    assert [lb.name for lb in load_labels(user, problems)] == ["PER", "LOC", "ORG", "TIME"]  # the bundled set
    [problem] = problems
    assert isinstance(problem, Message) and problem.startswith(f"{user}: ")
    assert problem.endswith("; using the bundled labels")
    have = translations()
    chinese = problem.render(lambda t: have.get(t, ("", ""))[0] or t)
    assert chinese.startswith(f"{user}：") and chinese.endswith("；改用内置的标签"), chinese
    assert not re.findall(
        r"[A-Za-z]{3,}", chinese.replace(str(user), "").replace("JSON", "").replace("UTF", "").replace("PER", "")
    )


def test_a_label_file_that_cannot_be_read_says_the_usual_reason(tmp_path: Path) -> None:
    from core.entities.labels import LabelsError, read_labels

    with pytest.raises(LabelsError) as raised:
        read_labels(tmp_path)  # a folder
    have = translations()
    assert str(raised.value) == f"{tmp_path}: Is a directory"
    assert str(raised.value).render(lambda t: have.get(t, ("", ""))[0] or t) == f"{tmp_path}：这是文件夹"  # type: ignore[attr-defined]


BAD_LEXICONS = {
    "not UTF-8": b"\xff\xfe\x00{",
    "not JSON": b'{"version": 3,',
    "not a lexicon": b'{"version": 3, "entries": 7}',
    "a later version": b'{"format": "banmian.lexicon", "version": 99, "entries": [], "rejected": []}',
    "nested deeply": b"[" * 100 + b"]" * 100,
    "a folder": None,
}


@pytest.mark.parametrize("case", list(BAD_LEXICONS))
def test_why_the_lexicon_pauses_learning_is_a_translated_message(tmp_path: Path, case: str) -> None:
    """An unusable lexicon's warning (the issue's page list and the save's status line show it)
    and the save's refusal are messages that read in Chinese, with no Python or schema English."""
    from core.entities.lexicon import LexiconError, UserLexicon

    path = tmp_path / "lexicon.json"
    raw = BAD_LEXICONS[case]
    if raw is None:
        path.mkdir()
    else:
        path.write_bytes(raw)
    lex = UserLexicon.load(path)
    assert lex.paused and isinstance(lex.warning, Message)
    with pytest.raises(LexiconError) as raised:
        lex.save()
    assert str(raised.value) == lex.warning
    have = translations()
    chinese = render(lex.warning, lambda t: have.get(t, ("", ""))[0] or t)
    assert chinese.startswith("词表 " + str(path)) or chinese.startswith("无法读取词表 " + str(path)), chinese
    assert chinese.endswith("修好或移走它之前暂停学习（它不会被改动）"), chinese
    assert not re.findall(r"[A-Za-z]{3,}", chinese.replace(str(path), "").replace("JSON", "").replace("UTF", "")), (
        chinese
    )
    if raw is not None:
        assert path.read_bytes() == raw  # left untouched


# -- Message itself --------------------------------------------------------------------------------


def test_a_message_is_its_english_text_and_renders_translated() -> None:
    zh = {"the {field} already reads that": "{field}已经是这段文字", "title": "主题"}
    m = msg("the {field} already reads that", field=word("title"))
    assert m == "the title already reads that" and isinstance(m, str)
    assert m.render(lambda s: zh.get(s, s)) == "主题已经是这段文字"
    assert render("plain text", lambda s: "x") == "plain text"
    assert mentions(joined([m, "x"]), "the {field} already reads that")


def test_word_keeps_a_message_with_its_values() -> None:
    inner = msg("Confirm all “{text}”", text="长春")
    assert word(inner) is inner
    zh = {"Confirm all “{text}”": "确认全部“{text}”", "{decision} in the issue": "在本期中{decision}"}
    outer = msg("{decision} in the issue", decision=word(inner))
    assert outer == "Confirm all “长春” in the issue"
    assert outer.render(lambda s: zh.get(s, s)) == "在本期中确认全部“长春”"


def test_a_message_crosses_to_the_worker_and_back() -> None:
    m = msg("{path}: no such file", path="a.txt")
    back = pickle.loads(pickle.dumps(EditError(m)))
    assert back.args[0] == m and isinstance(back.args[0], Message) and back.args[0].template == m.template


def test_the_usual_reasons_of_an_os_error_are_messages_with_the_same_english() -> None:
    import errno
    import os

    from core.messages import os_reason

    denied = PermissionError(errno.EACCES, os.strerror(errno.EACCES), "x.json")
    reason = os_reason(denied)
    assert isinstance(reason, Message) and reason == denied.strerror
    zh = translations()
    assert CJK.search(reason.render(lambda s: zh[s][0]))
    full = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    assert os_reason(full) == "No space left on device" and isinstance(os_reason(full), Message)
    # a reason in other words (another C library's language) or none at all: as it was
    assert os_reason(OSError(errno.EACCES, "Zugriff verweigert")) == "Zugriff verweigert"
    assert not isinstance(os_reason(OSError("odd")), Message) and os_reason(OSError("odd")) == "odd"


# -- what reading a file says: never Python's English inside a message --------------------------


def chinese(text: str) -> str:
    """``text`` as the Chinese window shows it (translated through the .ts, as ``tr_core`` does)."""
    have = translations()
    return render(text, lambda s: have[s][0] if s in have and have[s][0] else s)


def foreign_words(text: str, *names: str) -> list[str]:
    """Latin words left in a Chinese sentence once ``names`` (file names) are taken out."""
    for n in names:
        text = text.replace(n, "")
    return [w for w in re.findall(r"[A-Za-z][A-Za-z0-9]+", text) if w not in KEPT]


def _sidecar_dict() -> dict[str, object]:
    import json

    from core.document import Document
    from core.loader import RawPage
    from core.model import SourceInfo
    from core.persist.serial import corrections, dumps

    page = parse_page(RawPage(SourceInfo("p.txt", "0" * 64, "utf-8"), PAGE), entities=False)
    data: dict[str, object] = json.loads(dumps(corrections(Document(page))))
    return data


@pytest.mark.parametrize(
    ("case", "english", "values"),
    [
        ("not JSON", "p.json is corrupt (not JSON: line 1, column 2)", ()),
        ("not UTF-8", "p.json is corrupt (not UTF-8: byte 0)", ()),
        ("NaN", "p.json is corrupt (NaN is not a number JSON allows)", ("NaN",)),
        (
            "schema",
            "p.json: corrupt corrections: at /review/done: 'yes' breaks the format's rule “type”",
            ("/review/done", "'yes'", "“type”"),
        ),
    ],
)
def test_why_a_sidecar_cannot_be_read_is_a_translated_message(case: str, english: str, values: tuple[str, ...]) -> None:
    """Python's "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)" and
    jsonschema's "'yes' is not of type 'boolean'" were the values of the window's sentence."""
    import json

    from core.persist.serial import SidecarError, loads

    data = _sidecar_dict()
    review = data["review"]
    assert isinstance(review, dict)
    review["done"] = "yes"
    raw = {
        "not JSON": b"{oops",
        "not UTF-8": b"\xff{}",
        "NaN": b'{"a": NaN}',
        "schema": json.dumps(data).encode(),
    }[case]
    with pytest.raises(SidecarError) as e:
        loads(raw, "p.json")
    said = e.value.args[0]
    assert isinstance(said, Message) and said == english
    assert CJK.search(chinese(said)) and not foreign_words(chinese(said), "p.json", *values), chinese(said)


def test_a_damaged_pdf_says_so_without_pdfminers_words(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    from core.pdf.reader import PdfError, iter_pages

    bad = tmp_path / "x.pdf"
    bad.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n")
    with pytest.raises(PdfError) as e:
        list(iter_pages(bad))
    said = e.value.args[0]
    assert isinstance(said, Message) and said.template == "{path}: not a readable PDF ({error})"
    assert re.fullmatch(r"\w+", said.values["error"]), said  # the kind of fault; pdfminer's words go to the log
    assert chinese(said).startswith(f"{bad}：不是可读的 PDF（")
    assert str(bad) in caplog.text


def test_failures_handed_to_the_window_are_messages_not_plain_text() -> None:
    """``Outcome(error=f"...")`` (a parser process that died) reached the issue window in English."""
    found = []
    for p in core_files():
        if p.relative_to(CORE).as_posix() in COMMAND_LINE:
            continue
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.keyword) and node.arg == "error" and isinstance(node.value, ast.JoinedStr):
                found.append(f"{p.relative_to(ROOT)}:{node.value.lineno}: {ast.unparse(node.value)}")
    assert not found, "\n".join(found)
