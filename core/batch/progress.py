"""The progress bar of batch commands: tqdm (rate and time left) on stderr."""

from __future__ import annotations

import sys
from typing import TextIO

from tqdm import tqdm

tqdm.monitor_interval = 0  # no monitor thread: the pool may fork (core.batch.pool.context)


class Progress:
    """``step`` after each page; ``write`` prints a message above the bar without breaking it."""

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        tty = self.stream.isatty()
        self.bar = tqdm(
            total=total,
            file=self.stream,
            unit="page",
            dynamic_ncols=tty,
            ncols=None if tty else 100,
            mininterval=0.2 if tty else 5.0,  # a log file gets a line every few seconds, not per page
            ascii=not tty,
            leave=True,
        )

    @property
    def done(self) -> int:
        return int(self.bar.n)

    def step(self, label: str = "") -> None:
        if label:
            self.bar.set_postfix_str(label, refresh=False)
        self.bar.update(1)
        if self.bar.n >= (self.bar.total or 0):
            self.close()

    def write(self, message: str) -> None:
        self.bar.write(message, file=self.stream)

    def close(self) -> None:
        self.bar.close()
