"""The interface language: Chinese on a Chinese system (or by setting), English otherwise.

Visible strings go through ``tr`` (one translation context, "Banmian"); messages from core
(``core.messages``: English templates with values) through ``tr_core``.  The translations live in
``ui/i18n/banmian_zh_CN.ts`` (Qt Linguist format, in the repository); ``tools/i18n.py`` extracts
new strings into it, and the ``.qm`` Qt loads is compiled from it with PySide6's ``lrelease``
into the cache folder the first time it is needed (again whenever the ``.ts`` is newer).
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from core.messages import Message, os_reason, render
from core.paths import cache_dir

CONTEXT = "Banmian"
TS_DIR = Path(__file__).resolve().parent / "i18n"
LANGUAGES = {"zh": "zh_CN"}  # setting value -> .ts suffix; "en" is the source language
log = logging.getLogger("banmian")


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def tr_core(text: str) -> str:
    """A message from core (``core.messages.Message``: a load error, a save refusal, a warning) in
    the interface language; text that is no such message is shown as it is."""
    return render(text, tr)


def listing(items: Iterable[str]) -> str:
    """Items named one after the other (page numbers, statuses): "1, 2, 4" in English, "1、2、4"
    in Chinese (the separator is a translated string)."""
    return tr(", ").join(items)


def sentences(items: Iterable[str]) -> str:
    """Short sentences said on one line: joined by "; " in English, by "；" in Chinese."""
    return tr("; ").join(items)


def reason(e: BaseException, about: str | os.PathLike[str]) -> str:
    """Why ``e`` happened, in the interface language: an ``OSError``'s reason (with its file),
    core's own message, or, for anything else (a bug), a sentence naming ``about`` (the file
    concerned) while the detail goes to the log (never Python's English to the editor)."""
    if isinstance(e, OSError):
        why = tr_core(os_reason(e))
        return tr("{path}: {error}").format(path=e.filename, error=why) if e.filename else why
    text = str(e)
    if isinstance(text, Message):
        return tr_core(text)
    log.error("%s: %s: %s", about, type(e).__name__, text, exc_info=e)
    return tr("unexpected error with {name} (the details are in the log)").format(name=Path(about).name)


def lrelease() -> str | None:
    """PySide6's lrelease (shipped with PySide6-Essentials), or one on PATH."""
    import PySide6

    bundled = Path(PySide6.__file__).resolve().parent / "lrelease"
    if bundled.exists():
        return str(bundled)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def compiled(locale: str) -> Path | None:
    """The ``.qm`` of ``banmian_<locale>.ts``, compiled when missing or older than the ``.ts``."""
    ts = TS_DIR / f"banmian_{locale}.ts"
    if not ts.exists():
        return None
    qm = cache_dir() / "i18n" / f"banmian_{locale}.qm"
    if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return qm
    tool = lrelease()
    if tool is None:
        return None
    qm.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], capture_output=True, check=False)
    return qm if done.returncode == 0 and qm.exists() else None


def choose_language(setting: str, system: QLocale | None = None) -> str:
    """ "zh" or "en": the setting when it names one, else the system locale's language."""
    if setting in ("zh", "en"):
        return setting
    locale = system or QLocale.system()
    return "zh" if locale.language() == QLocale.Language.Chinese else "en"


def install(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load Banmian's and Qt's own translations for ``language`` into ``app`` (none for English).
    Returns the translators (keep them alive; ``remove`` takes them out again)."""
    locale = LANGUAGES.get(language)
    if locale is None:
        return []
    out: list[QTranslator] = []
    mine = compiled(locale)
    if mine is not None:
        t = QTranslator(app)
        if t.load(str(mine)):
            out.append(t)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{locale}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        out.append(qt)
    for t in out:
        app.installTranslator(t)
    return out


def remove(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for t in translators:
        app.removeTranslator(t)
