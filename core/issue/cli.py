"""``main.py export FOLDER|ISSUE.pdf -o OUTDIR``: the whole issue, parsed on every core, exported.

Pages are opened strictly (an unusable sidecar fails the page rather than being set aside: an
export never renames files nor drops corrections); a failed page is reported and left out.
"""

from __future__ import annotations

import sys
from pathlib import Path

from core.batch.progress import Progress
from core.cli import CliError
from core.issue.export import FORMATS, export_issue
from core.issue.source import IssueError, open_issue
from core.issue.workspace import IssueWorkspace


def export_issue_command(src: Path, out: Path | None, *, comments: bool = False, workers: int | None = None) -> int:
    if out is None:
        raise CliError("an issue needs an output folder: -o OUTDIR")
    if out.exists() and not out.is_dir():
        raise CliError(f"{out}: exists and is not a folder")
    bars: dict[str, Progress] = {}

    def bar(name: str, total: int, label: str) -> None:
        """One progress bar per stage, made when the stage says how long it is."""
        if name not in bars:
            bars[name] = Progress(total)
        bars[name].step(label)

    try:
        issue = open_issue(src)
    except IssueError as e:
        raise CliError(str(e)) from None
    ws = IssueWorkspace(issue)
    if ws.state_warning:
        print(f"warning: {ws.state_warning}", file=sys.stderr)
    ws.load_all(workers, lambda page: bar("parse", len(issue.pages), f"parsed {page.path.name}"), strict=True)
    try:
        result = export_issue(
            ws, out, FORMATS, conll_comments=comments, progress=lambda done, total, what: bar("export", total, what)
        )
    except OSError as e:
        raise CliError(f"{out}: cannot write: {e.strerror or e}") from None
    for problem in result.problems:
        print(f"error: {problem}", file=sys.stderr)
    failed = sum(1 for s in ws.slots if s.document is None)
    stories = sum(1 for s in ws.stories()[0] if len(s.parts) > 1)
    print(
        f"{len(issue.pages) - failed} of {len(issue.pages)} pages, {stories} continued stories, "
        f"{len(result.written)} files in {out}",
        file=sys.stderr,
    )
    return 1 if failed else 0
