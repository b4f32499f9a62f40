"""The garbage collector paused during segmentation (core/layout/collector.py)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.layout.collector import collector_paused
from core.layout.segment import segment
from core.lines import split_lines
from core.loader import read_page

PAGES = Path(__file__).parent / "pages"


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_the_collector_is_off_inside_and_on_again_after(collector_on: None) -> None:
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested: still off, and the outer block turns it on
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_is_on_again_after_an_error(collector_on: None) -> None:
    with pytest.raises(ValueError), collector_paused():
        raise ValueError
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_caller_stays_off(collector_on: None) -> None:
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_segmentation_leaves_no_cycles_for_the_collector(collector_on: None) -> None:
    """What the pause relies on: reference counting frees all that segmenting a page makes."""
    text = "\n\n".join(read_page(p).text for p in sorted(PAGES.glob("*.txt")))
    lines = split_lines(text)
    gc.collect()
    gc.disable()
    articles, _ = segment(text, lines)
    assert articles
    assert gc.collect() == 0
