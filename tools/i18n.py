"""Keep the interface translations in step with the code.

    python tools/i18n.py           add new strings to ui/i18n/banmian_zh_CN.ts (marked unfinished),
                                   mark vanished ones obsolete, keep every translation made
    python tools/i18n.py --check   exit 1 when a visible string has no finished translation
    python tools/i18n.py --qm      compile the .ts with PySide6's lrelease (as the app does itself)

The strings are every literal passed to ``tr("...")`` in ui/, the templates of core's messages
(``msg("...")`` in core/, see core/messages.py), plus the words the ui passes to ``tr`` as values
or core passes to messages as ``word``: roles, entity statuses and sources, column names, review
states, edit names (``core/edits`` and the issue's link edits), editable fields, entity decisions,
legend and shortcut-sheet words, label descriptions, and the issue's words (page statuses
``core.issue.workspace.STATUS_TEXT``, the issue entity list's columns and its ``mixed`` status).
"""

from __future__ import annotations

import ast
import os
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TS = ROOT / "ui" / "i18n" / "banmian_zh_CN.ts"


def call_sites(path: Path, names: set[str]) -> list[tuple[int, str | None, ast.expr]]:
    """(line, text, argument) of every call to one of ``names`` in ``path``: the text is the first
    argument when it is a string literal or a module-level constant assigned one in the same file
    (``msg(REANCHORED, ...)``), None otherwise."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    constants = {
        t.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
        for t in node.targets
        if isinstance(t, ast.Name)
    }
    out: list[tuple[int, str | None, ast.expr]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names and node.args:
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                out.append((node.lineno, arg.value, arg))
            elif isinstance(arg, ast.Name) and arg.id in constants:
                out.append((node.lineno, constants[arg.id], arg))
            else:
                out.append((node.lineno, None, arg))
    return out


def literal_calls(path: Path, names: set[str]) -> list[str]:
    """The first argument of every call to one of ``names`` that is a string (``call_sites``)."""
    return [text for _, text, _ in call_sites(path, names) if text is not None]


def core_messages() -> list[str]:
    """The templates of core's messages (``core.messages.msg``; the window's worker process, which
    has no Qt, makes them too) that the window shows translated."""
    out: list[str] = []
    for path in sorted((ROOT / "core").rglob("*.py")) + sorted((ROOT / "ui").rglob("*.py")):
        if "msg(" in path.read_text(encoding="utf-8"):
            out += literal_calls(path, {"msg"})
    return out


def edit_names() -> list[str]:
    """The ``name`` of every edit (the Undo menu shows it): core's edits and the issue's link edits."""
    out = []
    for path in [*sorted((ROOT / "core" / "edits").glob("*.py")), ROOT / "core" / "issue" / "jumps.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant | ast.IfExp):
                targets = [t for t in node.targets if isinstance(t, ast.Name | ast.Attribute)]
                if any((t.id if isinstance(t, ast.Name) else t.attr) == "name" for t in targets):
                    v = node.value
                    values = [v] if isinstance(v, ast.Constant) else [v.body, v.orelse]
                    out += [v.value for v in values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
    return out


def value_words() -> list[str]:
    from core.edits.occurrences import DECISIONS
    from core.entities.labels import load_labels
    from core.fields import EDITABLE_FIELDS
    from core.issue.workspace import STATUS_TEXT
    from core.model import ENTITY_STATUSES, ROLES
    from ui.issue import entity_list
    from ui.main_window import REVIEW_TEXT
    from ui.models import article_model, entity_model
    from ui.views import legend, shortcut_sheet

    words = [*ROLES, *ENTITY_STATUSES, "jieba", "rule", "lexicon", "user", *REVIEW_TEXT.values()]
    words += [*EDITABLE_FIELDS, *DECISIONS]  # fields and decisions named in edit names and refusals
    words += [label for _, label in article_model.COLUMNS] + list(entity_model.COLUMNS)
    words += [meaning for _, meaning, _ in legend.legend_rows(load_labels())]
    words += list(shortcut_sheet.WHERE.values()) + list(shortcut_sheet.PANELS.values())
    words += [lb.description for lb in load_labels() if lb.description]
    words += [*STATUS_TEXT.values(), *entity_list.COLUMNS, "mixed"]
    return words


def wanted() -> list[str]:
    strings: list[str] = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        strings += literal_calls(path, {"tr"})
    strings += edit_names() + value_words() + core_messages()
    seen: dict[str, None] = {}
    for s in strings:
        if s.strip() and not s.isdigit():
            seen.setdefault(s, None)
    return list(seen)


def read_ts(path: Path) -> dict[str, tuple[str, str]]:
    """source -> (translation, type) where type is "", "unfinished" or "obsolete"."""
    if not path.exists():
        return {}
    out = {}
    for msg in ET.parse(path).getroot().iter("message"):
        src = msg.findtext("source") or ""
        t = msg.find("translation")
        out[src] = ((t.text or "") if t is not None else "", (t.get("type") or "") if t is not None else "unfinished")
    return out


def write_ts(path: Path, entries: dict[str, tuple[str, str]]) -> None:
    root = ET.Element("TS", version="2.1", language="zh_CN", sourcelanguage="en")
    ctx = ET.SubElement(root, "context")
    ET.SubElement(ctx, "name").text = "Banmian"
    for src, (text, kind) in entries.items():
        msg = ET.SubElement(ctx, "message")
        ET.SubElement(msg, "source").text = src
        t = ET.SubElement(msg, "translation")
        if kind:
            t.set("type", kind)
        t.text = text
    ET.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def update() -> dict[str, tuple[str, str]]:
    have = read_ts(TS)
    want = wanted()
    entries: dict[str, tuple[str, str]] = {}
    for s in want:
        text = have.get(s, ("", ""))[0]
        entries[s] = (text, "" if text else "unfinished")
    for s, (text, _) in have.items():
        if s not in entries and text:
            entries[s] = (text, "obsolete")
    return entries


def missing() -> list[str]:
    have = read_ts(TS)
    return [s for s in wanted() if not have.get(s, ("", ""))[0] or have[s][1] == "unfinished"]


def main(argv: list[str]) -> int:
    if "--check" in argv:
        gaps = missing()
        for s in gaps:
            print(f"untranslated: {s!r}")
        return 1 if gaps else 0
    if "--qm" in argv:
        from ui.i18n import compiled

        qm = compiled("zh_CN")
        print(qm or "lrelease failed or is missing")
        return 0 if qm else 1
    write_ts(TS, update())
    print(f"{TS}: {len(missing())} strings to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
