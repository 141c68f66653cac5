"""Spoken amounts read every way a speaker means them."""

from __future__ import annotations

import pytest

from transcript_align.amounts import amounts, clock, dotted_clock
from transcript_align.normalize import text_units


@pytest.mark.parametrize(
    ("said", "value"),
    [
        ("two thousand and ten", 2010),
        ("twenty ten", 2010),
        ("twenty oh five", 2005),
        ("nineteen eighty four", 1984),
        ("a hundred and twenty one", 121),
        ("twelve hundred", 1200),
        ("one and a half million", 1_500_000),
        ("half a million", 500_000),
        ("two point five million", 2_500_000),
        ("seven and a half", 7.5),
        ("a million", 1_000_000),
        ("nineties", 1990),
        ("a dozen", 12),
        ("two dozen", 24),
    ],
)
def test_an_amount_is_read_as_it_is_meant(said: str, value: float) -> None:
    assert value in amounts(said.split())


@pytest.mark.parametrize(
    "said",
    ["a", "and", "point five", "eighty nineteen", "five million million", "third", "twenty third"],
)
def test_words_that_make_no_amount_give_none(said: str) -> None:
    assert not amounts(said.split())


def test_a_count_is_not_read_as_a_year_it_cannot_be() -> None:
    assert amounts("forty one".split()) == {41}
    assert amounts("twenty five".split()) == {25}


@pytest.mark.parametrize(
    ("said", "written"),
    [
        ("a quarter", "25%"),
        ("half", "50 per cent"),
        ("a third", "33%"),
        ("one third", "33.3%"),
        ("two thirds", "67%"),
        ("two thirds", "66%"),
        ("three quarters", "75%"),
        ("a fifth", "20%"),
    ],
)
def test_a_fraction_said_is_the_share_written_as_a_percentage(said: str, written: str) -> None:
    share = " ".join(text_units(written)).replace("per cent", "percent").split()
    assert amounts(said.split()) & amounts(share)


def test_a_fraction_is_not_a_share_it_only_comes_near() -> None:
    assert not amounts("a third".split()) & amounts(text_units("30%"))
    assert not amounts("a quarter".split()) & amounts(text_units("20%"))


@pytest.mark.parametrize(
    ("said", "written"),
    [
        ("half past seven", "7.30pm"),
        ("seven thirty", "7:30pm"),
        ("quarter to eight", "7.45 p.m."),
        ("twenty five past ten", "10.25am"),
        ("seven oclock", "7pm"),
        ("seven oh five", "7.05pm"),
    ],
)
def test_a_time_of_day_said_is_the_time_written(said: str, written: str) -> None:
    assert clock(said.split(), time=True) & clock(text_units(written))


def test_times_apart_or_of_the_other_half_of_the_day_differ() -> None:
    assert not clock("half past six".split()) & clock(text_units("7.30pm"))
    assert not clock("seven am".split()) & clock(text_units("7pm"))
    # A count is no time unless something says it is one.
    assert not clock("seven thirty".split())


@pytest.mark.parametrize(
    ("said", "written"),
    [("nine fifteen", "9.15"), ("seven thirty", "7.30"), ("ten oh five", "10.05")],
)
def test_a_decimal_may_be_the_time_said(said: str, written: str) -> None:
    assert clock(said.split(), time=True) & dotted_clock(text_units(written))


def test_a_decimal_beyond_a_clock_is_no_time() -> None:
    assert not dotted_clock(text_units("9.75"))
    assert not dotted_clock(text_units("14.15"))
    assert not dotted_clock(text_units("2.125"))
