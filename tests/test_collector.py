"""The collector is paused during a run, and is left as the caller had it."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from transcript_align import Options, align, parse_transcript
from transcript_align.collector import paused_collections


@pytest.fixture
def restore_gc() -> Iterator[None]:
    before = gc.isenabled()
    yield
    if before:
        gc.enable()
    else:
        gc.disable()


def test_paused_inside_and_running_after(restore_gc: None) -> None:
    gc.enable()
    with paused_collections():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_caller_who_paused_it_is_not_overruled(restore_gc: None) -> None:
    gc.disable()
    with paused_collections():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_the_setting_comes_back_after_an_error(restore_gc: None) -> None:
    gc.enable()
    with pytest.raises(ValueError), paused_collections():
        raise ValueError("boom")
    assert gc.isenabled()


def test_align_leaves_the_collector_running(restore_gc: None) -> None:
    gc.enable()
    t = parse_transcript("00:00 the talks in Strelsau go on\n", "t.txt")
    align(t, [], Options(jobs=1))
    assert gc.isenabled()


def test_what_the_block_kept_is_not_walked_at_once_after(restore_gc: None) -> None:
    gc.enable()
    with paused_collections():
        kept = [[k] for k in range(20_000)]
    assert gc.get_count()[0] < 1_000  # moved to the oldest generation, not pending
    assert gc.get_freeze_count() == 0
    assert len(kept) == 20_000


def test_a_callers_frozen_objects_stay_frozen(restore_gc: None) -> None:
    gc.enable()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with paused_collections():
            pass
        assert gc.get_freeze_count() >= frozen > 0
    finally:
        gc.unfreeze()
