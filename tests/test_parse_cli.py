"""The ``parse`` command on good and bad input, through ``main.main`` and one real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import main
from core.export_json import validate
from core.loader import page_from_text
from core.parse import parse_page
from tests.conftest import ROOT, SAMPLE

BAD = bytes(range(0x80, 0x100)) * 8


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_parse_to_stdout_is_valid_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["parse", str(SAMPLE)], capsys)
    assert code == 0 and err == ""
    doc = json.loads(out)
    validate(doc)
    assert len(doc["articles"]) == 6


def test_empty_file_gives_zero_articles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "empty.txt"
    page.write_bytes(b"")
    out_file = tmp_path / "empty.json"
    code, _, err = run(["parse", str(page), "-o", str(out_file)], capsys)
    assert code == 0 and err == ""
    doc = json.loads(out_file.read_text(encoding="utf-8"))
    validate(doc)
    assert doc["articles"] == [] and doc["unassigned"] == [] and doc["text"] == ""


def test_blank_only_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "blank.txt"
    page.write_text(" \n\n\u3000\n", encoding="utf-8")
    code, out, _ = run(["parse", str(page)], capsys)
    assert code == 0 and json.loads(out)["articles"] == []


@pytest.mark.parametrize(
    ("data", "word"),
    [(BAD, "decode"), (b"\x00\x01\x02binary\x00", "binary")],
    ids=["undecodable", "binary"],
)
def test_bad_bytes_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, word: str) -> None:
    page = tmp_path / "bad.txt"
    page.write_bytes(data)
    out_file = tmp_path / "bad.json"
    code, out, err = run(["parse", str(page), "-o", str(out_file)], capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("error: ") and word in err and "bad.txt" in err
    assert "Traceback" not in err
    assert not out_file.exists()


def test_missing_file_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["parse", str(tmp_path / "nope.txt")], capsys)
    assert code == 2 and err.count("\n") == 1 and "no such file" in err


def test_folder_run_reports_the_bad_file_and_parses_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, dst = tmp_path / "pages", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_bytes(SAMPLE.read_bytes())
    (src / "b.txt").write_bytes(BAD)
    (src / "c.txt").write_text("本报讯 今天天气晴。\n", encoding="gb18030")
    (src / "notes.md").write_text("not a page", encoding="utf-8")
    code, _, err = run(["parse", str(src), "-o", str(dst)], capsys)
    assert code == 1
    assert sorted(p.name for p in dst.iterdir()) == ["a.json", "c.json"]
    for name in ("a.json", "c.json"):
        validate(json.loads((dst / name).read_text(encoding="utf-8")))
    errors = [ln for ln in err.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1 and "b.txt" in errors[0]
    assert "1 of 3 pages failed" in err and "Traceback" not in err
    assert "3/3" in err  # the progress bar got to the end


def test_folder_needs_an_output_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("甲\n", encoding="utf-8")
    code, _, err = run(["parse", str(tmp_path)], capsys)
    assert code == 2 and "-o" in err


def test_hundred_thousand_lines_parse_whole() -> None:
    """Every line of a huge page is placed (its speed is benchmarks/bench_parse.py's business)."""
    lines = ["本报讯 今天，省里召开会议，部署", "春耕生产工作，要求各地抓好落实。", "", "落 细 防 控"]
    text = "\n".join(lines[i % 4] for i in range(100_000)) + "\n"
    page = parse_page(page_from_text(text), entities=False)
    assert len(page.lines) == 100_000
    placed = sum(len(a.lines) for a in page.articles) + len(page.unassigned)
    assert placed == 75_000


def test_real_subprocess_and_no_qt(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(BAD)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    r = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "parse", str(bad)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
    )
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    out = tmp_path / "sample.json"
    code = (
        "import sys; sys.argv = ['main.py', 'parse', sys.argv[1], '-o', sys.argv[2]]\n"
        "import main\n"
        "rc = main.main(sys.argv[1:])\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'ui'))\n"
        "print(rc, qt)\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", code, str(SAMPLE), str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "0 []"
    validate(json.loads(out.read_text(encoding="utf-8")))
