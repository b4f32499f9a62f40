"""Sidecar files on disk: read, write with a ``.bak``, set aside, and the lock that makes a
save's check-then-write one step against other processes."""

from __future__ import annotations

import contextlib
import glob
import hashlib
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

from core.atomic import write_atomic as replace_file
from core.messages import msg, os_reason
from core.persist.serial import SidecarError


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as e:
        raise SidecarError(msg("{name}: cannot read: {error}", name=path.name, error=os_reason(e))) from None


def digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def write_sidecar(path: Path, text: str, *, backup: bool = True) -> None:
    """``path`` is always a whole old or a whole new save, even under SIGKILL or power loss
    (``core.atomic``).  The replaced save is kept as ``.bak``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if backup and path.exists():
        replace_file(path.with_name(path.name + ".bak"), path.read_bytes())
    replace_file(path, text.encode("utf-8"))


def set_aside(path: Path, kind: str, *, copy: bool = False) -> Path | None:
    """Keep ``path`` as ``<name>.<kind>-<timestamp>`` (renamed, or copied with ``copy``): an
    editor's work is never deleted.  None if it cannot be done.  A copy identical to one already
    kept is not made twice."""
    if copy:
        raw = path.read_bytes()
        for old in path.parent.glob(f"{glob.escape(path.name)}.{kind}-*"):
            with contextlib.suppress(OSError):
                if old.read_bytes() == raw:
                    return old
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.{kind}-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.name}.{kind}-{stamp}-{n}")
    try:
        if copy:
            shutil.copy2(path, aside)
        else:
            os.replace(path, aside)
    except OSError:
        return None
    return aside


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive ``flock`` on ``folder`` itself (no lock file to leave behind) while a
    save reads, merges and writes; other processes saving into the same folder wait."""
    try:
        import fcntl
    except ImportError:  # not POSIX: the generation check still refuses lost updates
        yield
        return
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder, os.O_RDONLY)
    try:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock
