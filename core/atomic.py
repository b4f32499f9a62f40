"""Writing a file so that a crash, a full disk or a kill leaves either the whole old file or the
whole new one: a temp file in the same folder, fsync, ``os.replace``, then fsync of the folder.

Each writer's temp file carries its host and process id (``.<name>.<pid>@<host>.<random>.tmp``),
so two processes writing the same file never touch each other's temp file.  What a killed writer
left behind is removed by the next write of the same file on the same host once that process is
gone; a live writer's temp file is never touched.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import os
import socket
import tempfile
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# mkstemp creates files readable by their owner only; the result should look like any saved file
_MODE = 0o666 & ~_umask()
_HOST = hashlib.sha1(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:8]


def _prefix(path: Path) -> str:
    return f".{path.name}."


def write_atomic(path: Path, data: str | bytes, *, durable: bool = True, clean: bool = True) -> None:
    """Replace ``path`` with ``data`` (text is written as UTF-8 with ``\\n`` newlines).

    ``durable=False`` skips the fsyncs: still whole-old-or-whole-new if the process dies, but not
    across a power loss (batch outputs, which can be regenerated; saves are always durable).
    ``clean=False`` leaves dead writers' temp files for the caller to clean once (``clean_folder``):
    a batch writing thousands of files into one folder must not scan it after each write."""
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f"{_prefix(path)}{os.getpid()}@{_HOST}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(raw)
            f.flush()
            if durable:
                os.fsync(f.fileno())
            with contextlib.suppress(OSError):
                os.chmod(tmp, _MODE)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if durable:
        fsync_dir(path.parent)
    if clean:
        clean_stale_temps(path)


def stale_temps(path: Path) -> list[Path]:
    """Temp files of ``path`` whose writer, on this host, is no longer running."""
    out = []
    prefix = _prefix(path)
    for p in path.parent.glob(f"{glob.escape(prefix)}*.tmp"):
        owner = p.name[len(prefix) :].split(".", 1)[0]
        pid_text, _, host = owner.partition("@")
        if host != _HOST or not pid_text.isdigit():
            continue
        pid = int(pid_text)
        if pid != os.getpid() and not _alive(pid):
            out.append(p)
    return out


def clean_stale_temps(path: Path) -> None:
    for p in stale_temps(path):
        with contextlib.suppress(OSError):
            p.unlink()


def clean_folder(folder: Path) -> None:
    """Every dead writer's temp file in ``folder`` (on this host), in one scan of the folder."""
    names: set[str] = set()
    with contextlib.suppress(OSError):
        for p in folder.glob(".*.tmp"):
            written, _, _random = p.name[1 : -len(".tmp")].rpartition(".")  # .<name>.<pid>@<host>.<random>.tmp
            names.add(written.rpartition(".")[0])
    for name in names:
        if name:
            clean_stale_temps(folder / name)


def _alive(pid: int) -> bool:
    if os.name != "posix":
        return True  # os.kill(pid, 0) would signal the process there
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # another user's process, or a platform that cannot tell: keep its file
    return True


def fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); harmless where folders cannot be opened."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
