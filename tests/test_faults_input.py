"""Fault injection, input side (issue 8 points 1, 3, 6, 7, 9, 10): what a hostile user or a crash
does to inputs, outputs and the lexicon.  Each test failed on d768319."""

from __future__ import annotations

import dataclasses
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from core.cli import main
from core.entities.lexicon import LexiconEntry, LexiconError, UserLexicon, page_key
from core.loader import PageError, page_from_text, read_page
from core.model import Entity, Page, entity_id
from core.parse import parse_page
from core.paths import data_dir
from core.persist.learn import teach
from tests.conftest import ROOT

PAGE_TEXT = "本报讯 记者王小明报道：长白山景区今天开放。\n\n游客李四说，景色很美。\n"
SPAWN = multiprocessing.get_context("spawn")


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _own_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A lexicon these tests break must not reach other tests (the shared user folder is per session)."""
    monkeypatch.setenv("BANMIAN_DATA_DIR", str(tmp_path / "userdata"))


@pytest.fixture
def page(tmp_path: Path) -> Path:
    p = tmp_path / "page.txt"
    p.write_text(PAGE_TEXT, encoding="utf-8")
    return p


# -- 1. outputs never clobber inputs ------------------------------------------------------------


@pytest.mark.parametrize("command", ["parse", "export"])
@pytest.mark.parametrize("target", ["page", "sidecar", "bak", "lexicon", "symlink", "hardlink"])
def test_output_onto_an_input_is_refused(
    command: str, target: str, page: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sidecar = page.with_name(page.name + ".banmian.json")
    sidecar.write_text('{"format": "banmian.corrections"}', encoding="utf-8")
    bak = sidecar.with_name(sidecar.name + ".bak")
    bak.write_text('{"format": "banmian.corrections", "old": 1}', encoding="utf-8")
    lexicon = data_dir() / "lexicon.json"
    lexicon.parent.mkdir(parents=True, exist_ok=True)
    lexicon.write_text('{"format": "banmian.lexicon", "version": 2, "entries": [], "rejected": []}', encoding="utf-8")
    out = {"page": page, "sidecar": sidecar, "bak": bak, "lexicon": lexicon}.get(target)
    if target == "symlink":
        out = tmp_path / "link.json"
        out.symlink_to(page)
    elif target == "hardlink":
        out = tmp_path / "other-name.json"
        os.link(page, out)
    assert out is not None
    before = {p: p.read_bytes() for p in (page, sidecar, bak, lexicon)}
    code, stdout, err = run([command, str(page), "-o", str(out)], capsys)
    assert code == 2 and stdout == ""
    assert err.count("\n") == 1 and err.startswith("error: ") and "input" in err
    assert {p: p.read_bytes() for p in before} == before
    # --force does not change that
    assert run([command, str(page), "-o", str(out), "--force"], capsys)[0] == 2
    assert {p: p.read_bytes() for p in before} == before


def test_output_not_written_by_banmian_needs_force(
    page: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    foreign = tmp_path / "notes.json"
    foreign.write_text('{"mine": "do not lose"}', encoding="utf-8")
    code, _, err = run(["parse", str(page), "-o", str(foreign)], capsys)
    assert code == 2 and "--force" in err and foreign.read_text(encoding="utf-8") == '{"mine": "do not lose"}'
    assert run(["parse", str(page), "-o", str(foreign), "--force"], capsys)[0] == 0
    assert json.loads(foreign.read_text(encoding="utf-8"))["format"] == "banmian.page"
    # a Banmian output is replaced without asking, in every format
    assert run(["parse", str(page), "-o", str(foreign)], capsys)[0] == 0
    conll = tmp_path / "page.conll"
    assert run(["export", str(page), "-o", str(conll), "--format", "conll"], capsys)[0] == 0
    assert run(["export", str(page), "-o", str(conll), "--format", "conll"], capsys)[0] == 0


def test_folder_mode_checks_outputs_before_writing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "pages"
    src.mkdir()
    (src / "a.txt").write_text(PAGE_TEXT, encoding="utf-8")
    (src / "b.txt").write_text(PAGE_TEXT, encoding="utf-8")
    (src / "b.json").write_text("someone's file", encoding="utf-8")
    code, _, err = run(["parse", str(src), "-o", str(src)], capsys)
    assert code == 2 and "b.json" in err and "--force" in err
    assert not (src / "a.json").exists() and (src / "b.json").read_text(encoding="utf-8") == "someone's file"
    # a page named like the lexicon cannot be parsed onto it
    data = data_dir()
    data.mkdir(parents=True, exist_ok=True)
    (data / "lexicon.json").write_text("{}", encoding="utf-8")
    (src / "lexicon.txt").write_text(PAGE_TEXT, encoding="utf-8")
    (src / "b.json").unlink()
    code, _, err = run(["parse", str(src), "-o", str(data), "--force"], capsys)
    assert code == 2 and "lexicon.json" in err and (data / "lexicon.json").read_text(encoding="utf-8") == "{}"


# -- 3. the lexicon is data, not a cache ------------------------------------------------------


def _lexicon_with(path: Path, *names: str) -> bytes:
    lex = UserLexicon.load(path)
    for n in names:
        lex.learn(n, "PER")
    lex.save()
    return path.read_bytes()


def _deny_reading(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``path`` unreadable even for root (who ignores permission bits): opening it raises EACCES."""
    import io

    real_os_open, real_io_open = os.open, io.open

    def denied(p: object) -> bool:
        return isinstance(p, str | os.PathLike) and os.path.abspath(os.fspath(p)) == str(path)

    def os_open(p: str, flags: int, *a: int, **kw: int) -> int:
        if denied(p):
            raise PermissionError(13, "Permission denied", str(p))
        return real_os_open(p, flags, *a, **kw)

    def io_open(p: object, *a: object, **kw: object) -> object:
        if denied(p) and "r" in str(a[0] if a else kw.get("mode", "r")):
            raise PermissionError(13, "Permission denied", str(p))
        return real_io_open(p, *a, **kw)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "open", os_open)
    monkeypatch.setattr(io, "open", io_open)


def test_unreadable_lexicon_is_never_overwritten(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "lexicon.json"
    before = _lexicon_with(path, "王小明", "李大钊")
    if os.geteuid() == 0:
        _deny_reading(path, monkeypatch)
    else:
        path.chmod(0o000)
    try:
        lex = UserLexicon.load(path)
        assert lex.paused and lex.warning and "permission denied" in lex.warning.lower()
        lex.learn("欧阳振华", "PER")
        with pytest.raises(LexiconError):
            lex.save()
    finally:
        monkeypatch.undo()
        path.chmod(0o644)
    assert path.read_bytes() == before


def test_undecodable_lexicon_pauses_learning_and_parse_still_works(
    page: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = data_dir() / "lexicon.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    bad = b'{"format": "banmian.lexicon", "version": 2, "entries": [{"text": "\xff\xfe", "type": "PER"}]}'
    path.write_bytes(bad)
    lex = UserLexicon.load()
    assert lex.paused and lex.warning and "UTF-8" in lex.warning
    code, out, err = run(["parse", str(page)], capsys)
    assert code == 0 and json.loads(out)["format"] == "banmian.page"
    assert "warning:" in err and "paused" in err
    assert run(["export", str(page)], capsys)[0] == 0
    lex.learn("王小明", "PER")
    with pytest.raises(LexiconError):
        lex.save()
    assert path.read_bytes() == bad


@pytest.mark.parametrize("depth", [50, 200_000])
def test_deeply_nested_lexicon_is_refused_not_a_crash(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "lexicon.json"
    nested = "[" * depth + "]" * depth
    text = '{"format": "banmian.lexicon", "version": 2, "entries": [{"text": "王小明", "type": "PER", "x": %s}]}'
    path.write_text(text % nested, encoding="utf-8")
    lex = UserLexicon.load(path)
    assert lex.paused and lex.warning and "nested" in lex.warning
    with pytest.raises(LexiconError):
        lex.save()
    assert path.read_text(encoding="utf-8") == text % nested


def test_lexicon_schema_types_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.json"
    data = {"format": "banmian.lexicon", "version": 2, "entries": [{"text": 5, "type": "PER"}], "rejected": []}
    path.write_text(json.dumps(data), encoding="utf-8")
    lex = UserLexicon.load(path)
    assert lex.paused and lex.warning and "/entries/0/text" in lex.warning


def _add_names(path: str, prefix: str, n: int) -> None:
    lex = UserLexicon.load(Path(path))
    for i in range(n):
        lex.learn(f"{prefix}{i:04d}", "PER")
        lex.save()


def test_two_processes_updating_the_lexicon_keep_all_entries(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.json"
    procs = [SPAWN.Process(target=_add_names, args=(str(path), prefix, 150)) for prefix in ("甲", "乙")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(300)
        assert p.exitcode == 0
    names = {e.text for e in UserLexicon.load(path).entries}
    assert len(names) == 300


def _page(text: str, *decisions: tuple[str, str, str]) -> Page:
    """A page of ``text`` carrying entities (mention, type, status) at their first occurrence."""
    base = parse_page(page_from_text(text), entities=False)
    ents = []
    for mention, type_, status in decisions:
        s = text.index(mention)
        ents.append(Entity(entity_id(s, s + len(mention)), type_, s, s + len(mention), mention, status))
    return dataclasses.replace(base, entities=tuple(sorted(ents, key=lambda e: e.start)))


def test_rejection_on_one_page_keeps_what_another_page_confirms(tmp_path: Path) -> None:
    lex = UserLexicon.load(tmp_path / "lexicon.json")
    a = "甲版：王小明在长白山考察。\n"
    b = "乙版：王小明回到长春。\n"
    teach(lex, _page(a, ("王小明", "PER", "confirmed")))
    teach(lex, _page(b, ("王小明", "PER", "confirmed")))
    # page b changes its mind: its earlier save taught 王小明, now the editor rejects it there
    teach(lex, _page(b, ("王小明", "PER", "rejected")), previous=[("王小明", "PER")])
    again = UserLexicon.load(tmp_path / "lexicon.json")
    entry = next(e for e in again.entries if e.text == "王小明")
    assert again.pages_of("王小明", "PER") == {page_key(a)}
    assert entry.weight < 1.0 and entry.rejections == 1  # rejected somewhere: weighs less
    # page a takes its vote back: nothing confirms it any more
    teach(again, _page(a))
    assert "王小明" not in {e.text for e in UserLexicon.load(tmp_path / "lexicon.json").entries}


def test_single_characters_and_times_are_not_learned(tmp_path: Path) -> None:
    lex = UserLexicon.load(tmp_path / "lexicon.json")
    text = "王说，5月1日在长白山见面。\n"
    teach(lex, _page(text, ("王", "PER", "confirmed"), ("5月1日", "TIME", "confirmed"), ("长白山", "LOC", "added")))
    assert UserLexicon.load(tmp_path / "lexicon.json").entries == (LexiconEntry("长白山", "LOC"),)


def test_page_identity_ignores_line_endings(tmp_path: Path) -> None:
    assert page_key("甲乙\n丙丁\n") == page_key("甲乙\r\n丙丁\r\n") == page_key("\ufeff甲乙  \n丙丁")
    assert page_key("甲乙\n丙丁\n") != page_key("甲乙\n丙戊\n")


def test_stale_temp_files_are_cleaned(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.json"
    _lexicon_with(path, "王小明")
    stale = tmp_path / ".lexicon.json.k1ll3d.tmp"
    stale.write_text('{"format": "banmian.lex', encoding="utf-8")
    other = tmp_path / ".page.txt.banmian.json.x.tmp"  # not the lexicon's: left alone
    other.write_text("", encoding="utf-8")
    _lexicon_with(path, "李大钊")
    assert not stale.exists() and other.exists()


def _save_forever(path: str) -> None:
    lex = UserLexicon.load(Path(path))
    i = 0
    while True:
        i += 1
        lex.learn(f"名字{i:06d}", "PER")
        lex.save()


def test_killed_lexicon_writers_leave_a_loadable_lexicon_and_no_temp_files(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.json"
    _lexicon_with(path, "王小明")
    for k in range(12):
        child = SPAWN.Process(target=_save_forever, args=(str(path),))
        child.start()
        # let it get through its imports and into the save loop
        deadline = time.monotonic() + 60
        start = path.stat().st_mtime_ns
        while path.stat().st_mtime_ns == start and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.005 * k)
        assert child.pid is not None
        os.kill(child.pid, signal.SIGKILL)
        child.join()
        lex = UserLexicon.load(path)
        assert lex.warning is None and "王小明" in {e.text for e in lex.entries}
    _lexicon_with(path, "李大钊")
    assert not list(tmp_path.glob(".lexicon.json.*.tmp"))
    assert len(UserLexicon.load(path).entries) > 2


# -- 6. hostile pages ---------------------------------------------------------------------------


def _parse_in_child(page: Path) -> subprocess.CompletedProcess[str]:
    """``main.py parse PAGE`` in a child with a memory cap and a timeout: a build that hangs or
    reads forever fails the test instead of taking the machine down."""

    def cap() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))

    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "parse", str(page)],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=cap,
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "page.txt"
    os.mkfifo(fifo)
    r = _parse_in_child(fifo)
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "named pipe" in r.stderr
    with pytest.raises(PageError, match="named pipe"):
        read_page(fifo)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_device_is_refused() -> None:
    r = _parse_in_child(Path("/dev/zero"))
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "device" in r.stderr
    with pytest.raises(PageError, match="device"):
        read_page("/dev/zero")


# -- 7. UTF-32 ----------------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_utf32_with_bom_is_detected(tmp_path: Path, codec: str) -> None:
    p = tmp_path / "page.txt"
    p.write_bytes(("\ufeff" + PAGE_TEXT).encode(codec))
    raw = read_page(p)
    assert raw.text == PAGE_TEXT and raw.source.encoding == "utf-32"


# -- 9 and 10. folder mode ----------------------------------------------------------------------


def test_folder_reports_a_failing_export_and_does_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import core.export_json as export_json

    src, dst = tmp_path / "pages", tmp_path / "out"
    src.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (src / name).write_text(PAGE_TEXT, encoding="utf-8")
    real = export_json.validate

    def broken_for_b(doc: dict[str, object]) -> None:
        if doc["source"]["name"] == "b.txt":  # type: ignore[index]
            raise export_json.ExportInvalid("export does not match the schema at /articles: injected")
        real(doc)

    monkeypatch.setattr(export_json, "validate", broken_for_b)
    code, _, err = run(["parse", str(src), "-o", str(dst), "-j", "1"], capsys)  # the patch lives here
    assert code == 1 and "Traceback" not in err
    assert sorted(p.name for p in dst.iterdir()) == ["a.json", "c.json"]
    errors = [ln for ln in err.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1 and "b.txt" in errors[0] and "injected" in errors[0]
    assert "1 of 3 pages failed" in err
    # one page alone: one line, exit 2
    code, out, err = run(["parse", str(src / "b.txt")], capsys)
    assert code == 2 and out == "" and err.count("\n") == 1 and "b.txt" in err


def test_folder_reports_any_per_page_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import core.parse

    src, dst = tmp_path / "pages", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text(PAGE_TEXT, encoding="utf-8")
    (src / "b.txt").write_text(PAGE_TEXT, encoding="utf-8")
    real = core.parse.parse_page

    def crash_on_b(raw: object, **kw: object) -> Page:
        if raw.source.name == "b.txt":  # type: ignore[attr-defined]
            raise RecursionError("maximum recursion depth exceeded")
        return real(raw, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(core.parse, "parse_page", crash_on_b)
    code, _, err = run(["export", str(src), "-o", str(dst), "--format", "json", "-j", "1", "--no-cache"], capsys)
    assert code == 1 and [p.name for p in dst.iterdir()] == ["a.json"] and "b.txt" in err


def test_case_insensitive_output_collisions_are_reported_not_merged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, dst = tmp_path / "pages", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text("甲版：王小明在长白山考察。\n", encoding="utf-8")
    (src / "a.TXT").write_text("乙版：李四回到长春。\n", encoding="utf-8")
    (src / "B.txt").write_text(PAGE_TEXT, encoding="utf-8")
    (src / "b.txt").write_text(PAGE_TEXT, encoding="utf-8")
    (src / "c.txt").write_text(PAGE_TEXT, encoding="utf-8")
    code, _, err = run(["parse", str(src), "-o", str(dst)], capsys)
    assert code == 1
    assert [p.name for p in dst.iterdir()] == ["c.json"]
    errors = [ln for ln in err.splitlines() if ln.startswith("error:")]
    assert len(errors) == 4 and all("case" in ln for ln in errors)
    assert "4 of 5 pages failed" in err


# -- 6. the window's worker can be cancelled ----------------------------------------------------


def _slow_job(path: str) -> object:
    """Stands in for a page that takes minutes to parse; says which process runs it."""
    Path(path + ".pid").write_text(str(os.getpid()), encoding="utf-8")
    time.sleep(600)
    return None


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()[0]
    except OSError:
        return True
    return state in ("Z", "X")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_opening_another_page_cancels_the_running_parse_and_closing_ends_it(qtbot: object, tmp_path: Path) -> None:
    from ui.loading import PageLoader

    bot: Any = qtbot
    loader = PageLoader(job=_slow_job)  # type: ignore[arg-type]
    delivered: list[object] = []
    loader.loaded.connect(delivered.append)
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    try:
        loader.load(first)
        bot.waitUntil(lambda: Path(f"{first}.pid").exists(), timeout=60_000)
        pid1 = int(Path(f"{first}.pid").read_text(encoding="utf-8"))
        loader.load(second)  # the editor opens another page
        bot.waitUntil(lambda: _gone(pid1), timeout=30_000)
        bot.waitUntil(lambda: Path(f"{second}.pid").exists(), timeout=60_000)
        pid2 = int(Path(f"{second}.pid").read_text(encoding="utf-8"))
        assert pid2 != pid1
    finally:
        loader.shutdown()  # the window closes
    bot.waitUntil(lambda: _gone(pid2), timeout=30_000)
    assert delivered == []  # the cancelled parse never reaches the window


# -- 7. user folders (platformdirs) -------------------------------------------------------------


@pytest.mark.skipif(sys.platform != "linux", reason="XDG rules")
def test_user_folders_follow_xdg_and_the_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from core.paths import cache_dir, config_dir

    for var in ("BANMIAN_DATA_DIR", "BANMIAN_CONFIG_DIR", "BANMIAN_CACHE_DIR"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("XDG_CONFIG_HOME", " ")  # blank: ignored, not a folder named " "
    monkeypatch.setenv("XDG_CACHE_HOME", "")
    assert data_dir() == tmp_path / "xdg" / "banmian"
    assert config_dir() == tmp_path / ".config" / "banmian"
    assert cache_dir() == tmp_path / ".cache" / "banmian"
    monkeypatch.setenv("BANMIAN_CONFIG_DIR", str(tmp_path / "portable"))
    assert config_dir() == tmp_path / "portable"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_as_output_is_not_opened(page: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    code, _, err = run(["parse", str(page), "-o", str(fifo)], capsys)
    assert code == 2 and "--force" in err
