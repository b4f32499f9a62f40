"""The process pool behind ``parse DIR``/``export DIR``: same bytes as a serial run, a bad page
reported while the rest is done, Ctrl+C keeps what is finished, and ``parse_many`` for callers."""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import main
from core.batch import Task, parse_many, pool, run
from core.entities.lexicon import UserLexicon
from core.export_json import schema
from core.loader import read_page
from core.parse import parse_page
from tests.conftest import ROOT, SAMPLE

PAGES = ROOT / "tests" / "pages"
BAD = bytes(range(0x80, 0x100)) * 8
STAMP = re.compile(r'"updated": "[^"]*"')


def reference_valid(text: str) -> None:
    """Every export checked by the reference validator too, not only the compiled one."""
    jsonschema.Draft202012Validator(schema()).validate(json.loads(text))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    src = tmp_path / "pages"
    src.mkdir()
    for p in sorted(PAGES.glob("*.txt")):
        shutil.copy(p, src / p.name)
    shutil.copy(SAMPLE, src / "sample.txt")
    return src


@pytest.mark.parametrize("start", ["spawn", "fork"] if sys.platform == "linux" else ["spawn"])
def test_pool_output_is_byte_identical_to_serial(folder: Path, start: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "context", lambda: multiprocessing.get_context(start))
    pages = sorted(folder.glob("*.txt"))
    task = Task("parse", stamp="2026-12-01T00:00:00+00:00", cache=False)
    serial = list(run(pages, task, jobs=1))
    pooled = list(run(pages, task, jobs=2))
    assert [o.index for o in pooled] == list(range(len(pages)))
    assert [o.path for o in pooled] == pages
    assert [o.value for o in pooled] == [o.value for o in serial]
    assert all(o.ok for o in pooled)
    for o in pooled:
        reference_valid(o.value)


def test_cli_folder_with_two_jobs_matches_one_job(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    assert main.main(["parse", str(folder), "-o", str(one), "-j", "1"]) == 0
    assert main.main(["parse", str(folder), "-o", str(two), "-j", "2", "--no-cache"]) == 0
    names = sorted(p.name for p in one.iterdir())
    assert names == sorted(p.name for p in two.iterdir()) and len(names) == len(list(folder.glob("*.txt")))
    for name in names:
        a, b = (d.joinpath(name).read_text(encoding="utf-8") for d in (one, two))
        assert STAMP.sub("", a) == STAMP.sub("", b)
    err = capsys.readouterr().err
    n = len(list(folder.glob("*.txt")))
    assert f"{n}/{n}" in err and "page/s" in err  # tqdm's bar: count and rate


def test_export_folder_in_a_pool_matches_serial(folder: Path, tmp_path: Path) -> None:
    for fmt in ("json", "conll"):
        one, two = tmp_path / f"one-{fmt}", tmp_path / f"two-{fmt}"
        assert main.main(["export", str(folder), "-o", str(one), "-j", "1", "--format", fmt]) == 0
        assert main.main(["export", str(folder), "-o", str(two), "-j", "2", "--format", fmt]) == 0
        for p in one.iterdir():
            a, b = p.read_text(encoding="utf-8"), (two / p.name).read_text(encoding="utf-8")
            assert STAMP.sub("", a) == STAMP.sub("", b)
            if fmt == "json":
                reference_valid(a)


def test_a_bad_page_in_a_pool_is_reported_and_the_rest_done(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "m-bad.txt").write_bytes(BAD)
    out = tmp_path / "out"
    assert main.main(["parse", str(folder), "-o", str(out), "-j", "2"]) == 1
    assert len(list(out.iterdir())) == len(list(PAGES.glob("*.txt"))) + 1 and not (out / "m-bad.json").exists()
    err = capsys.readouterr().err
    errors = [ln for ln in err.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1 and "m-bad.txt" in errors[0] and "decode" in errors[0]
    assert f"1 of {len(list(folder.glob('*.txt')))} pages failed" in err and "Traceback" not in err


@dataclass(frozen=True, slots=True)
class CrashOn(Task):
    """A parser bug on one page (the task crosses into the workers, so it is a module-level class)."""

    victim: str = ""

    def run(self, path: Path, lexicon: UserLexicon | None) -> Any:
        if path.name == self.victim:
            raise RuntimeError("boom")
        return Task.run(self, path, lexicon)


def test_a_crashing_page_is_one_failure_not_the_end_of_the_run(folder: Path) -> None:
    pages = sorted(folder.glob("*.txt"))[:5]
    results = list(run(pages, CrashOn("parse", cache=False, victim=pages[1].name), jobs=2))
    assert [o.path for o in results] == pages
    assert [o.ok for o in results] == [True, False, True, True, True]
    assert results[1].error == f"{pages[1].name}: internal error, not written: RuntimeError: boom"
    assert "unknown task" in (next(run(pages[:1], Task("nonsense"), jobs=1)).error or "")


def test_parse_many_gives_the_pages_in_order(folder: Path) -> None:
    pages = sorted(folder.glob("*.txt"))[:4]
    got = list(parse_many(pages, jobs=2))
    assert [o.path for o in got] == pages
    for o, p in zip(got, pages, strict=True):
        assert o.value == parse_page(read_page(p))


def test_durable_option_still_writes_everything(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main.main(["parse", str(folder), "-o", str(out), "-j", "1", "--durable"]) == 0
    assert len(list(out.glob("*.json"))) == len(list(PAGES.glob("*.txt"))) + 1 and not list(out.glob(".*.tmp"))


def test_jobs_must_be_positive(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main.main(["parse", str(folder), "-o", str(tmp_path / "o"), "-j", "0"])
    assert "positive" in capsys.readouterr().err


@pytest.mark.slow
def test_ctrl_c_stops_cleanly_and_keeps_what_is_done(tmp_path: Path) -> None:
    src, out = tmp_path / "pages", tmp_path / "out"
    src.mkdir()
    for i in range(60):
        shutil.copy(SAMPLE, src / f"p{i:03d}.txt")
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "BANMIAN_PARSE_CACHE": "0"}
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "parse", str(src), "-o", str(out), "-j", "2"],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(out.glob("*.json"))) < 2:
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    done = sorted(out.glob("*.json"))
    assert 2 <= len(done) < 60
    assert "stopped:" in err and "Traceback" not in err
    for p in done:
        reference_valid(p.read_text(encoding="utf-8"))
    assert not list(out.glob(".*.tmp"))


@pytest.mark.parametrize("ordered", [True, False])
def test_a_killed_worker_fails_the_pages_left_instead_of_hanging(folder: Path, ordered: bool) -> None:
    pages = sorted(folder.glob("*.txt"))
    with pool.Batch(pages, Task("parse", cache=False), jobs=2, ordered=ordered) as batch:
        os.kill(batch._workers[0].pid or 0, signal.SIGKILL)  # before it can have finished anything
        got = list(batch) if ordered else [o for _ in iter(lambda: batch.done, True) for o in batch.ready()]
    assert sorted(o.index for o in got) == list(range(len(pages)))  # each page once
    failed = [o for o in got if not o.ok]
    assert failed and all("the parser process stopped" in (o.error or "") for o in failed)
    assert all(o.path == pages[o.index] for o in got)
