"""A child process saving corrections in a loop, SIGKILLed at random moments: the sidecar must
always load — the old save or the new one, never a torn file — and no temp file stays behind."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from core.document import Document
from core.edits import AddEntity, SetField
from core.persist import beside, load_sidecar, open_page, save
from tests.test_document_helpers import SMALL_TEXT, small_page
from tests.test_sidecar import small_parser

ROOT = Path(__file__).resolve().parent.parent

CHILD = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from pathlib import Path
    from core.document import Document
    from core.edits import AddEntity, SetField
    from core.persist import load_sidecar, save
    from tests.test_document_helpers import small_page

    target = Path(sys.argv[1])
    docs = []
    for k in range(2):
        d = Document(small_page())
        d.apply(AddEntity(26, 28, "LOC"))
        d.apply(SetField("a1", "title", "标题" * (1 + 200 * k)))  # two sizes: a torn write shows
        docs.append(d)
    origin = load_sidecar(target, small_page()).origin if target.exists() else None  # what a killed save left
    origin = save(docs[0], target, origin=origin).origin
    print("ready", flush=True)
    i = 0
    while True:
        i += 1
        origin = save(docs[i % 2], target, origin=origin).origin
""")


def expected() -> list[object]:
    out = []
    for k in range(2):
        d = Document(small_page())
        d.apply(AddEntity(26, 28, "LOC"))
        d.apply(SetField("a1", "title", "标题" * (1 + 200 * k)))
        out.append(d.page)
    return out


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sidecar_survives_sigkill(tmp_path: Path) -> None:
    page = tmp_path / "small.txt"
    page.write_bytes(SMALL_TEXT.encode("utf-8"))
    pages = expected()
    rng = random.Random(4)
    code = CHILD.format(root=str(ROOT))
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    for _ in range(50):
        child = subprocess.Popen([sys.executable, "-c", code, str(beside(page))], stdout=subprocess.PIPE, env=env)
        assert child.stdout is not None
        assert child.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0, 0.03))
        child.send_signal(signal.SIGKILL)
        child.wait()
        r = open_page(page, parser=small_parser)
        assert not r.warnings, r.warnings
        assert r.document.page in pages
        bak = beside(page).with_name(beside(page).name + ".bak")
        if bak.exists():  # the backup is a whole save too
            load_sidecar(bak, small_page())
    # a killed save leaves its temp file; the next save of that file removes it (its writer is gone)
    r = open_page(page, parser=small_parser)
    r.document.apply(SetField("a1", "title", "最后"))
    save(r.document, r.sidecar_path, origin=r.origin)
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*.tmp"))
