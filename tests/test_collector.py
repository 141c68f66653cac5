"""The collector runs less often during a run, and is left as the caller had it."""

from __future__ import annotations

import gc

import pytest

from transcript_align.collector import rarer_collections


@pytest.fixture
def restore_gc() -> object:
    before = gc.get_threshold()
    yield before
    gc.set_threshold(*before)


def test_collections_are_rarer_inside_and_as_before_after(restore_gc: object) -> None:
    gc.set_threshold(700, 10, 10)
    with rarer_collections(5_000):
        assert gc.get_threshold() == (5_000, 10, 10)
    assert gc.get_threshold() == (700, 10, 10)


def test_a_caller_who_collects_even_less_is_not_overruled(restore_gc: object) -> None:
    gc.set_threshold(90_000, 10, 10)
    with rarer_collections(5_000):
        assert gc.get_threshold()[0] == 90_000
    assert gc.get_threshold() == (90_000, 10, 10)


def test_the_settings_come_back_after_an_error(restore_gc: object) -> None:
    gc.set_threshold(700, 10, 10)
    with pytest.raises(ValueError), rarer_collections(5_000):
        raise ValueError("boom")
    assert gc.get_threshold() == (700, 10, 10)
