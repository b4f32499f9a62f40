"""``--shards``: a folder's results as JSONL shards.  Every page that succeeds is in exactly one
shard, once, in page order; the pool, the inline run and a Dask cluster (with a worker killed
mid-run) write the same shards; a rerun over fewer pages leaves no old shard behind."""

from __future__ import annotations

import json
import os
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import main
from core.batch import Task, shards
from core.batch.shards import shard_outputs
from tests.conftest import ROOT, SAMPLE

PAGES = ROOT / "tests" / "pages"
STAMP = "2026-12-01T00:00:00+00:00"


@pytest.fixture(autouse=True)
def small_shards(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shards, "SHARD_PAGES", 3)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    src = tmp_path / "pages"
    src.mkdir()
    for p in sorted(PAGES.glob("*.txt"))[:6]:
        shutil.copy(p, src / p.name)
    (src / "zz-bad.txt").write_bytes(b"\x00\x01binary")
    return src


def lines(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for p in sorted(out.glob("shard-*.jsonl")) for line in p.read_text("utf-8").splitlines()]


def test_shards_hold_each_good_page_once_in_order_as_its_json(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = sorted(folder.glob("*.txt"))
    assert main.main(["parse", str(folder), "-o", str(tmp_path / "one"), "-j", "1", "--no-cache"]) == 1
    assert main.main(["parse", str(folder), "-o", str(tmp_path / "sh1"), "-j", "1", "--shards"]) == 1
    assert main.main(["parse", str(folder), "-o", str(tmp_path / "sh2"), "-j", "2", "--shards"]) == 1
    assert "zz-bad.txt" in capsys.readouterr().err
    names = sorted(p.name for p in (tmp_path / "sh1").iterdir())
    assert names == ["shard-00000.jsonl", "shard-00001.jsonl", "shard-00002.jsonl"]  # 7 pages, 3 a shard
    got = lines(tmp_path / "sh1")
    assert [d["source"]["name"] for d in got] == [p.name for p in pages if p.name != "zz-bad.txt"]
    for d in got:  # the same document as the page's own file (but for the run's time)
        own = json.loads((tmp_path / "one" / (Path(d["source"]["name"]).stem + ".json")).read_text("utf-8"))
        assert {**d, "review": None} == {**own, "review": None}
    for name in names:  # whole lines only; the last shard holds only the bad page: empty
        text = (tmp_path / "sh1" / name).read_text("utf-8")
        assert text.endswith("}\n") if name != names[-1] else text == ""
    strip = [{**d, "review": None} for d in got]
    assert strip == [{**d, "review": None} for d in lines(tmp_path / "sh2")]


def test_a_rerun_over_fewer_pages_removes_the_shards_beyond_it(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main.main(["parse", str(folder), "-o", str(out), "-j", "1", "--shards"]) == 1
    for p in sorted(folder.glob("*.txt"))[3:]:
        p.unlink()
    assert main.main(["parse", str(folder), "-o", str(out), "-j", "1", "--shards"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["shard-00000.jsonl"]
    assert len(lines(out)) == 3


def test_export_shards_of_jsonl_and_a_refused_format(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main.main(["export", str(folder), "-o", str(out), "--format", "jsonl", "--shards", "-j", "1"]) == 1
    assert {r["page"]["name"] for r in lines(out)} <= {p.name for p in folder.glob("*.txt")}
    assert main.main(["export", str(folder), "-o", str(tmp_path / "c"), "--format", "conll", "--shards"]) == 2


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    pytest.importorskip("distributed")
    from core.cluster import local_cluster

    distributed = pytest.importorskip("distributed")
    cluster = local_cluster(2)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def test_cluster_shards_survive_a_killed_worker_without_loss_or_duplicates(client: Any, tmp_path: Path) -> None:
    from core.cluster import run_on_cluster

    src = tmp_path / "pages"
    src.mkdir()
    for i in range(12):
        (src / f"p{i:02d}.txt").write_text(SAMPLE.read_text("utf-8") + f"\n本报第{i}期\n", encoding="utf-8")
    pages = sorted(src.glob("*.txt"))
    out = tmp_path / "out"
    task = Task("parse", stamp=STAMP, cache=False, shards=True)
    stream = run_on_cluster(pages, task, None, client=client, outputs=shard_outputs(out, len(pages)))
    got = [next(stream)]
    busy = [w for w, keys in client.processing().items() if keys]
    if busy:  # a worker still holds a shard: kill it mid-run
        pids = client.run(os.getpid, workers=busy[:1])
        os.kill(next(iter(pids.values())), signal.SIGKILL)
    got.extend(stream)
    assert sorted(o.index for o in got) == list(range(12)) and all(o.ok for o in got)
    names = [d["source"]["name"] for d in lines(out)]
    assert names == [p.name for p in pages]  # every page once, in order
    assert sorted(p.name for p in out.glob("shard-*.jsonl")) == [f"shard-{k:05d}.jsonl" for k in range(4)]
    client.wait_for_workers(2, timeout=60)
