"""What ``parse``/``export`` may write: never an input, never someone else's file unasked.

An output that resolves (real path, or the same inode through a hard link) to a page being read,
to a page's corrections (``PAGE.txt.banmian.json`` and everything named after it: ``.bak``,
autosave, set-aside copies, beside the page or in the workspace) or to the user lexicon is
refused whatever the flags say: writing there would destroy an editor's work.  An existing file
that is not a Banmian output (JSON page, CoNLL or JSONL corpus) is only overwritten with ``--force``.
Folder mode also refuses outputs whose names differ only in case (``a.txt`` and ``a.TXT`` both
give ``a.json``): they would be merged into one file on any file system that ignores case.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from core.messages import msg
from core.paths import SIDECAR_SUFFIX, data_dir

LEXICON_NAMES = ("lexicon.json", ".lexicon.json")  # the lexicon, its lock, temps and copies
SNIFF_BYTES = 4096
# How each Banmian output starts (core.export_json.dumps, export_formats.to_conll/to_jsonl)
_OUR_STARTS = (
    '{\n "format": "banmian.page"',
    '{"format":"banmian.page"',  # a JSONL shard (core.batch.shards)
    "# page: ",
    "# page = ",
    "-DOCSTART-",
    '{"page": {"name": ',
)


def _real(p: Path) -> Path:
    return Path(os.path.realpath(p))


def _inode(p: Path) -> tuple[int, int] | None:
    try:
        st = p.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


@dataclass(slots=True)
class Inputs:
    """Everything a command reads or an editor keeps: pages, corrections, the lexicon."""

    paths: set[Path] = field(default_factory=set)
    prefixes: set[tuple[Path, str]] = field(default_factory=set)  # (real folder, protected name start)
    inodes: set[tuple[int, int]] = field(default_factory=set)

    @classmethod
    def of(cls, pages: Sequence[Path]) -> Inputs:

        inputs = cls()
        folders: set[Path] = set()
        workspace = _real(data_dir() / "workspace")
        for page in pages:
            for p in {page.absolute(), _real(page)}:
                inputs.paths.add(_real(p))
                inputs.prefixes.add((_real(p.parent), p.name + SIDECAR_SUFFIX))
                folders.add(_real(p.parent))
            inputs.prefixes.add((workspace, _workspace_name(page)))
            if (ino := _inode(page)) is not None:
                inputs.inodes.add(ino)
        lexicon_dir = _real(data_dir())
        inputs.prefixes.update((lexicon_dir, name) for name in LEXICON_NAMES)
        inputs.paths.add(lexicon_dir / LEXICON_NAMES[0])
        globs = [*((f, f"*{SIDECAR_SUFFIX}*") for f in folders | {workspace}), (lexicon_dir, "*lexicon.json*")]
        for folder, pattern in globs:
            inputs.inodes.update(i for f in _glob(folder, pattern) if (i := _inode(f)) is not None)
        return inputs

    def protects(self, out: Path) -> bool:
        real = _real(out)
        if real in self.paths:
            return True
        name, folder = real.name, real.parent
        if any(name.startswith(n) for n in LEXICON_NAMES) and (folder, LEXICON_NAMES[0]) in self.prefixes:
            return True
        at = name.find(SIDECAR_SUFFIX)
        if at >= 0 and (folder, name[: at + len(SIDECAR_SUFFIX)]) in self.prefixes:
            return True
        ino = _inode(out)
        return ino is not None and ino in self.inodes


def _workspace_name(page: Path) -> str:
    """The path-keyed workspace name (content-keyed sidecars there are protected by inode)."""
    from core.persist.paths import legacy_workspace_path

    return legacy_workspace_path(page).name


def _glob(folder: Path, pattern: str) -> Iterable[Path]:
    try:
        return list(folder.glob(pattern))
    except OSError:
        return []


def is_banmian_output(path: Path) -> bool:
    """An existing file Banmian wrote (or an empty one): safe to replace without ``--force``."""
    import stat

    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return False  # a FIFO or a device: never opened, never ours
        with path.open("rb") as f:
            head = f.read(SNIFF_BYTES)
    except OSError:
        return False
    text = head.decode("utf-8", errors="replace")
    return not head.strip() or text.startswith(_OUR_STARTS)


def refusal(out: Path, inputs: Inputs, *, force: bool = False) -> str | None:
    """Why ``out`` must not be written (one line), or None."""
    if inputs.protects(out):
        return msg(
            "{path}: is one of the inputs (a page, its corrections or the lexicon); choose another output", path=out
        )
    if out.is_dir():
        return msg("{path}: is a folder; give an output file", path=out)
    if not force and (out.exists() or out.is_symlink()) and not is_banmian_output(out):
        return msg("{path}: exists and is not a Banmian output; add --force to overwrite it", path=out)
    return None


def case_collisions(names: Iterable[str]) -> dict[str, list[str]]:
    """Output names that differ only in case, grouped by their case-folded form."""
    groups: dict[str, list[str]] = {}
    for n in names:
        groups.setdefault(n.casefold(), []).append(n)
    return {k: v for k, v in groups.items() if len(v) > 1}
