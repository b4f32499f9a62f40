"""Folders on a Dask cluster: the same outputs as a serial run, and a worker killed mid-run loses
no page and writes none twice.  The tests start their own LocalCluster and skip without Dask; the
app without Dask is tested by hiding the import."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import main
from core.batch import Task, run
from core.cluster import ClusterError, chunks, local_cluster, local_workers, run_on_cluster
from tests.conftest import ROOT, SAMPLE

PAGES = ROOT / "tests" / "pages"
STAMP = "2026-12-01T00:00:00+00:00"


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    distributed = pytest.importorskip("distributed")
    cluster = local_cluster(2)  # the app's own: quiet, no dashboard, no fixed port
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    src = tmp_path / "pages"
    src.mkdir()
    for p in sorted(PAGES.glob("*.txt")):
        shutil.copy(p, src / p.name)
    (src / "zz-bad.txt").write_bytes(b"\x00\x01binary")
    return src


def test_chunks_cover_every_page_once() -> None:
    for n, w in ((0, 2), (1, 4), (10, 2), (1000, 3)):
        got = [i for r in chunks(n, w) for i in r]
        assert got == list(range(n))
    assert len(chunks(1000, 2)) == 16 and len(chunks(1000, 2)[0]) == 63  # many pages per task, several per worker
    assert len(chunks(100_000, 4)[0]) == 64  # at most 64 pages: a lost worker costs little


def test_local_spec() -> None:
    assert local_workers("local:3") == 3
    for bad in ("local", "local:0", "remote:2", "local:x"):
        with pytest.raises(ClusterError, match="local:N"):
            local_workers(bad)


def test_cluster_run_is_identical_to_serial(client: Any, folder: Path) -> None:
    pages = sorted(folder.glob("*.txt"))
    task = Task("parse", stamp=STAMP, cache=False)
    serial = {o.index: o for o in run(pages, task, jobs=1)}
    got = list(run_on_cluster(pages, task, None, client=client, pages_per_task=3))
    assert sorted(o.index for o in got) == list(range(len(pages)))
    for o in got:
        assert (o.value, o.error) == (serial[o.index].value, serial[o.index].error)
    assert [o.path.name for o in got if not o.ok] == ["zz-bad.txt"]


def test_a_worker_killed_mid_run_loses_nothing_and_duplicates_nothing(client: Any, tmp_path: Path) -> None:
    src = tmp_path / "pages"
    src.mkdir()
    for i in range(8):
        shutil.copy(SAMPLE, src / f"p{i:02d}.txt")
    pages = sorted(src.glob("*.txt"))
    task = Task("parse", stamp=STAMP, cache=False)
    expected = next(run(pages[:1], task, jobs=1)).value
    stream = run_on_cluster(pages, task, None, client=client, pages_per_task=1)
    got = [next(stream)]
    busy = [w for w, keys in client.processing().items() if keys]
    pids = client.run(os.getpid, workers=busy[:1])
    os.kill(next(iter(pids.values())), signal.SIGKILL)
    got.extend(stream)
    indices = [o.index for o in got]
    assert sorted(indices) == list(range(8)) and len(set(indices)) == 8
    for o in got:  # the same page under 8 names
        assert o.value == expected.replace('"p00.txt"', f'"{o.path.name}"')
    client.wait_for_workers(2, timeout=60)  # the nanny restarted it


def test_cli_local_cluster_writes_every_page(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("distributed")
    out = tmp_path / "out"
    assert main.main(["parse", str(folder), "-o", str(out), "--cluster", "local:2"]) == 1
    assert len(list(out.glob("*.json"))) == len(list(folder.glob("*.txt"))) - 1
    err = capsys.readouterr().err
    assert "zz-bad.txt" in err and f"1 of {len(list(folder.glob('*.txt')))} pages failed" in err


HIDE = "import sys; sys.modules['distributed'] = None; sys.modules['dask'] = None\n"


def test_without_dask_the_app_runs_and_the_cluster_option_says_what_is_missing(folder: Path, tmp_path: Path) -> None:
    code = HIDE + "import main; sys.exit(main.main(sys.argv[1:]))\n"
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    base = [sys.executable, "-c", code, "parse", str(folder), "-o"]
    r = subprocess.run(
        [*base, str(tmp_path / "a"), "--cluster", "local:2"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert r.returncode == 2 and r.stderr.strip().splitlines()[-1].startswith("error: running on a cluster needs Dask")
    assert "Traceback" not in r.stderr
    r = subprocess.run(
        [*base, str(tmp_path / "b"), "-j", "1"], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )
    assert r.returncode == 1 and len(list((tmp_path / "b").glob("*.json"))) == len(list(folder.glob("*.txt"))) - 1
