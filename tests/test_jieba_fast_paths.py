"""The tokenizer's fast paths give exactly what the plain code they replace gives."""

from __future__ import annotations

import dataclasses

import jieba
from hypothesis import given, settings
from hypothesis import strategies as st

from core.entities.jieba import postag, tokenizer
from core.entities.jieba.tokenizer import Token, warm_up

# Han characters (dictionary words, names, rare ones past jieba's range), ASCII, punctuation, spaces
_ALPHABET = (
    "T恤AA制卡拉OK中国人民大学生长江市南京研究会的了和在是有上下天地张伟说鿖鿿abZ09.+#&_，。、《》（）：“” \u3000\t\r\n"
)
_texts = st.text(alphabet=_ALPHABET, max_size=40)


def _plain_tokens(text: str) -> list[Token]:
    """``tokenizer.tokens`` as it was before its fast paths (every word checked against the text,
    tokens made through ``__init__``)."""
    raw = postag.cut(jieba.dt, tokenizer._tags, text)
    out: list[Token] = []
    pos = 0
    run: list[tuple[str, str]] = []
    run_start = 0

    def hmm_run(run: list[tuple[str, str]], start: int) -> None:
        joined = "".join(w for w, _ in run)
        p = start
        if len(run) >= 2 and not jieba.dt.FREQ.get(joined):
            tags = dict(run)
            for w in tokenizer._unglue(list(jieba.finalseg.cut(joined))):
                out.append(Token(w, tags.get(w, "x") if len(w) == 1 else "new", p, p + len(w)))
                p += len(w)
        else:
            for w, f in run:
                out.append(Token(w, f, p, p + 1))
                p += 1

    for w, f in raw:
        if not text.startswith(w, pos):
            if run:
                hmm_run(run, run_start)
                run = []
            found = text.find(w, pos)
            if found < 0:
                continue
            pos = found
        if len(w) == 1 and "\u4e00" <= w <= "\u9fff":
            if not run:
                run_start = pos
            run.append((w, f))
            pos += 1
            continue
        if run:
            hmm_run(run, run_start)
            run = []
        out.append(Token(w, f, pos, pos + len(w)))
        pos += len(w)
    if run:
        hmm_run(run, run_start)
    return out


@settings(max_examples=200, deadline=None)
@given(_texts)
def test_cut_is_posseg_without_hmm(text: str) -> None:
    import jieba.posseg

    warm_up()
    want = [(p.word, p.flag) for p in jieba.posseg.lcut(text, HMM=False)]
    assert postag.cut(jieba.dt, tokenizer._tags, text) == want


@settings(max_examples=200, deadline=None)
@given(_texts)
def test_cut_covers_the_text_in_order(text: str) -> None:
    warm_up()
    assert "".join(w for w, _ in postag.cut(jieba.dt, tokenizer._tags, text)) == text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="，。、《》（）：“” \u3000\t\r\n鿖鿿—…", max_size=20))
def test_other_blocks_cut_as_posseg(block: str) -> None:
    plain: list[tuple[str, str]] = []
    postag._cut_other_plain(block, plain)
    assert postag.cut_other(block) == plain


@settings(max_examples=200, deadline=None)
@given(_texts)
def test_tokens_as_the_plain_code(text: str) -> None:
    warm_up()
    want = _plain_tokens(text)
    assert tokenizer.tokens(text) == want
    assert tokenizer._tokens_plain(text) == want


def test_tokens_of_a_sentence_as_the_plain_code() -> None:
    text = "新华社长春3月5日电 张伟在吉林大学说，郜长永到区卡伦湖。\n  abc 1.5"
    got = tokenizer.tokens(text)
    assert got == _plain_tokens(text) == tokenizer._tokens_plain(text)
    assert "".join(t.word for t in got) == text


def test_new_token_is_the_token_init_makes() -> None:
    assert [f.name for f in dataclasses.fields(Token)] == ["word", "flag", "start", "end"]
    made = tokenizer._new_token("长春", "ns", 3, 5)
    assert made == Token("长春", "ns", 3, 5)
    assert type(made) is Token and hash(made) == hash(Token("长春", "ns", 3, 5))
