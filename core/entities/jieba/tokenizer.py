"""The one module that imports jieba: loading it once, and a fast part-of-speech cut.

``jieba.posseg.lcut`` with its HMM spends most of its time in a 4×50-state Viterbi over every run
of single characters.  We cut with ``HMM=False`` (dictionary words only) and then run jieba's
cheap 4-state segmentation HMM (``finalseg``) on the runs of single Han characters that are not a
dictionary word: new words it finds (names, mostly) get the tag ``new`` and our layers decide what
they are.  The result is close to what posseg's HMM would give, at a fraction of its cost.
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass
from math import log

import jieba
import jieba.finalseg

from core.entities.jieba import freqcache, postag
from core.paths import cache_dir

_lock = threading.Lock()
_ready = False
_tags: dict[str, str] = {}  # jieba's word → part-of-speech table (see ``postag``)


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the reflowed text, ``start``/``end`` offsets into that text."""

    word: str
    flag: str
    start: int
    end: int


def warm_up() -> None:
    """Load jieba's dictionary once (idempotent, thread-safe); its cache goes to our cache folder."""
    global _ready
    if _ready:
        return
    with _lock:
        if _ready:
            return
        jieba.setLogLevel(logging.WARNING)
        logging.getLogger("jieba").setLevel(logging.WARNING)
        folder = cache_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            jieba.dt.tmp_dir = str(folder)
            jieba.dt.cache_file = "jieba.cache"
        except OSError:
            pass  # an unwritable cache folder only costs load time; jieba falls back to tempdir
        dictionary = jieba.dt.dictionary or os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
        cached = freqcache.load(folder, dictionary)
        if cached is not None:
            with jieba.dt.lock:
                jieba.dt.FREQ, jieba.dt.total = cached
                jieba.dt.initialized = True
        else:
            jieba.dt.initialize()
            freqcache.save(folder, dictionary, jieba.dt.FREQ, jieba.dt.total)
        _tags.update(postag.load_tag_table(dictionary))
        _ready = True


def in_dictionary(word: str) -> bool:
    """True when jieba's dictionary holds ``word`` with a non-zero frequency."""
    warm_up()
    return bool(jieba.dt.FREQ.get(word))


def word_freq(word: str) -> int:
    """jieba's dictionary frequency of ``word`` (0 when unknown)."""
    warm_up()
    return int(jieba.dt.FREQ.get(word) or 0)


def dict_tag(word: str) -> str | None:
    """jieba's part-of-speech tag for a dictionary word, or None."""
    warm_up()
    return _tags.get(word)


# characters that end an HMM word only by mistake: finalseg glues them to a name (景俊海以, 永到)
_GLUE_CHARS = frozenset("以到在说和与是的了为对向从把被于也都就又还将已曾等及摄")


# prepositions finalseg glues to the 省/市 after them (从省 教育厅, 据市 卫健委)
_LEAD_GLUE = frozenset("从据在向对由经自到赴")
# administrative characters that stand alone before an organisation (省 教育厅) or end the name
# before them (九台 区): finalseg glues them to a neighbour (区卡伦湖)
_ADMIN_CHARS = frozenset("省市县区州乡镇")


def _unglue(words: list[str]) -> list[str]:
    """Split a trailing function character off HMM words, then rejoin a name cut in two.

    finalseg knows no grammar: ``景俊海以`` (name + 以) and ``郜长/永到`` (a name cut after its
    second character, the third glued to 到) are common on unknown names; ``从省`` (a preposition
    and 省) and ``区卡伦湖`` (区 of the name before, then a name) are cut apart.
    """
    out: list[str] = []
    for w in words:
        if len(w) == 2 and w[0] in _LEAD_GLUE and w[1] in _ADMIN_CHARS:
            out += [w[0], w[1]]
        elif len(w) >= 3 and w[0] in _ADMIN_CHARS and w[-1] not in _ADMIN_CHARS:
            out += [w[0], w[1:]]
        elif len(w) >= 3 and w[-1] in _GLUE_CHARS:
            out += [w[:-1], w[-1]]
        elif len(w) == 2 and w[-1] in _GLUE_CHARS and out and len(out[-1]) == 2:
            out[-1] += w[0]
            out.append(w[-1])
        else:
            out.append(w)
    return out


def _new_token(word: str, flag: str, start: int, end: int) -> Token:
    """``Token(word, flag, start, end)`` at about half the cost: the frozen dataclass's ``__init__``
    sets each field through ``object.__setattr__``; this sets the slots directly (a tokenizer
    makes a token for every word of every parse)."""
    t = _new(Token)
    _set_word(t, word)
    _set_flag(t, flag)
    _set_start(t, start)
    _set_end(t, end)
    return t


_new = object.__new__
_set_word = vars(Token)["word"].__set__
_set_flag = vars(Token)["flag"].__set__
_set_start = vars(Token)["start"].__set__
_set_end = vars(Token)["end"].__set__


def _hmm_run(run: list[tuple[str, str]], start: int, out: list[Token]) -> None:
    """Tokens of a run of single Han characters: finalseg's words when the run is no dictionary word."""
    p = start
    if len(run) >= 2:
        joined = "".join([w for w, _ in run])
        if not jieba.dt.FREQ.get(joined):
            tags = dict(run)
            for w in _unglue(list(jieba.finalseg.cut(joined))):
                flag = tags.get(w, "x") if len(w) == 1 else "new"
                out.append(_new_token(w, flag, p, p + len(w)))
                p += len(w)
            return
    for w, f in run:
        out.append(_new_token(w, f, p, p + 1))
        p += 1


def tokens(text: str) -> list[Token]:
    """Part-of-speech tokens covering ``text``; HMM only on runs of unknown single Han characters.

    The words are ``postag.cut``'s (posseg's without its HMM), made straight from jieba's best path
    (``postag._route``) and placed by their lengths: its words cover the text exactly, in order.
    ``_tokens_plain`` makes them from ``postag.cut``'s pairs; the tests check both agree."""
    warm_up()
    freq, logtotal, tag = jieba.dt.FREQ, log(jieba.dt.total), _tags.get
    out: list[Token] = []
    append = out.append
    run: list[tuple[str, str]] = []  # single Han characters waiting for ``_hmm_run``
    run_start = pos = 0
    for blk in postag._HAN_INTERNAL.split(text):
        if not blk:
            continue
        n = len(blk)
        if postag._HAN_INTERNAL.match(blk):
            nxt = postag._route(freq, logtotal, blk)
            x = 0
            eng = -1  # where a run of single ASCII letters and digits began (posseg joins them: eng)
            while x < n:
                y = nxt[x] + 1
                if y - x == 1:
                    ch = blk[x]
                    if ch in postag._ENG1:
                        if eng < 0:
                            if run:
                                _hmm_run(run, run_start, out)
                                run = []
                            eng = x
                        x = y
                        continue
                    if eng >= 0:
                        append(_new_token(blk[eng:x], "eng", pos + eng, pos + x))
                        eng = -1
                    if "\u4e00" <= ch <= "\u9fff":
                        if not run:
                            run_start = pos + x
                        run.append((ch, tag(ch, "x")))
                        x = y
                        continue
                    word = ch
                else:
                    if eng >= 0:
                        append(_new_token(blk[eng:x], "eng", pos + eng, pos + x))
                        eng = -1
                    word = blk[x:y]
                if run:
                    _hmm_run(run, run_start, out)
                    run = []
                append(_new_token(word, tag(word, "x"), pos + x, pos + y))
                x = y
            if eng >= 0:
                append(_new_token(blk[eng:], "eng", pos + eng, pos + n))
        else:
            for word, flag in postag.cut_other(blk):
                if len(word) == 1 and "\u4e00" <= word <= "\u9fff":  # past jieba's Han range (鿖)
                    if not run:
                        run_start = pos
                    run.append((word, flag))
                    pos += 1
                    continue
                if run:
                    _hmm_run(run, run_start, out)
                    run = []
                append(_new_token(word, flag, pos, pos + len(word)))
                pos += len(word)
            continue
        pos += n
    if run:
        _hmm_run(run, run_start, out)
    return out


def _tokens_plain(text: str) -> list[Token]:
    """``tokens`` made from ``postag.cut``'s (word, tag) pairs (what ``tokens`` must give)."""
    warm_up()
    raw = postag.cut(jieba.dt, _tags, text)
    out: list[Token] = []
    pos = 0
    run: list[tuple[str, str]] = []
    run_start = 0
    for pair in raw:
        w = pair[0]
        if len(w) == 1 and "\u4e00" <= w <= "\u9fff":  # a single Han character
            if not run:
                run_start = pos
            run.append(pair)
            pos += 1
            continue
        if run:
            _hmm_run(run, run_start, out)
            run = []
        out.append(Token(w, pair[1], pos, pos + len(w)))
        pos += len(w)
    if run:
        _hmm_run(run, run_start, out)
    return out
