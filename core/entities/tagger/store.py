"""Where a tagger lives: per user (``data_dir()/tagger``) or per project folder (``.banmian/tagger``).

``pages.json`` lists the saved pages it learns from (page and sidecar paths) and whether it is
switched on; ``examples/`` caches each page's training sequences, keyed by the page's and the
sidecar's content, so training on one more page only computes that page; ``model.crfsuite`` is
the model, replaced atomically.  ``reset`` forgets pages, cache and model; switching off keeps
them.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.atomic import write_atomic
from core.paths import data_dir

FORMAT = "banmian.tagger"
VERSION = 1
PROJECT_DIR = ".banmian"


@dataclass(frozen=True, slots=True)
class TaggerStore:
    root: Path

    @classmethod
    def for_user(cls) -> TaggerStore:
        return cls(data_dir() / "tagger")

    @classmethod
    def for_project(cls, folder: Path) -> TaggerStore:
        return cls(folder / PROJECT_DIR / "tagger")

    @classmethod
    def for_page(cls, page: Path) -> TaggerStore:
        """The project's tagger when the page's folder (or one above it) has ``.banmian/tagger``,
        else the user's: a team sharing a project folder trains one tagger."""
        for folder in (page.resolve().parent, *page.resolve().parent.parents):
            if (folder / PROJECT_DIR / "tagger").is_dir():
                return cls.for_project(folder)
        return cls.for_user()

    @property
    def model_path(self) -> Path:
        return self.root / "model.crfsuite"

    @property
    def _manifest_path(self) -> Path:
        return self.root / "pages.json"

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self._manifest_path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and data.get("format") == FORMAT:
                return data
        except (OSError, ValueError):
            pass
        return {"format": FORMAT, "version": VERSION, "enabled": True, "pages": [], "trained_pages": 0}

    def _write(self, data: dict[str, Any]) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        write_atomic(self._manifest_path, json.dumps(data, ensure_ascii=False, indent=1))

    @property
    def enabled(self) -> bool:
        return bool(self._read().get("enabled", True))

    def set_enabled(self, on: bool) -> None:
        data = self._read()
        data["enabled"] = on
        self._write(data)

    def pages(self) -> list[tuple[Path, Path]]:
        """The saved pages to learn from, in the order they were first saved."""
        return [(Path(p["page"]), Path(p["sidecar"])) for p in self._read()["pages"]]

    def add_page(self, page: Path, sidecar: Path) -> None:
        data = self._read()
        entry = {"page": str(page.resolve()), "sidecar": str(sidecar.resolve())}
        if entry not in data["pages"]:
            data["pages"].append(entry)
            self._write(data)

    @property
    def trained_pages(self) -> int:
        """How many pages the current model learned from (0 without a model)."""
        return int(self._read().get("trained_pages", 0)) if self.model_path.is_file() else 0

    def set_trained(self, pages: int) -> None:
        data = self._read()
        data["trained_pages"] = pages
        self._write(data)

    def cache_path(self, page: Path, sidecar: Path) -> Path:
        from core.entities.tagger.features import VERSION as FEATURES

        h = hashlib.sha256(f"features {FEATURES}\0".encode())
        h.update(page.read_bytes())
        h.update(b"\0")
        h.update(sidecar.read_bytes())
        return self.root / "examples" / f"{h.hexdigest()[:24]}.json"

    def reset(self) -> None:
        """Forget every page, the cache and the model (the switch keeps its position)."""
        enabled = self.enabled
        shutil.rmtree(self.root, ignore_errors=True)
        self._write({"format": FORMAT, "version": VERSION, "enabled": enabled, "pages": [], "trained_pages": 0})
