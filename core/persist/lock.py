"""One editor per page: an advisory lock held while a window has the page open.

The lock is an exclusive ``flock`` on the page file itself (opened read-only: the page is never
written), so it is the same lock whatever path reached the file (a symlinked folder, a bind
mount, a hard link) and there is no lock file to leave behind.  A second window that cannot take
it opens the page read-only and says so.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from core.messages import msg

OPEN_ELSEWHERE = "{name} is open for editing elsewhere: read-only here (close it there to edit)"


class PageLock:
    """Release it (or let it be garbage collected) when the page is closed."""

    def __init__(self, fd: int, path: Path) -> None:
        self._fd = fd
        self.path = path

    @classmethod
    def acquire(cls, path: Path) -> PageLock | None:
        """The lock, or None when another session holds it.  Where locks cannot be taken at all
        (no ``fcntl``, a file system without ``flock``), an empty lock: editing is allowed."""
        try:
            import fcntl
        except ImportError:
            return cls(-1, path)
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            return cls(-1, path)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return None
        except OSError:
            os.close(fd)
            return cls(-1, path)
        return cls(fd, path)

    @property
    def held(self) -> bool:
        return self._fd >= 0

    def release(self) -> None:
        if self._fd >= 0:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = -1

    def __del__(self) -> None:
        self.release()


def open_elsewhere(path: Path) -> str:
    return msg(OPEN_ELSEWHERE, name=path.name)
