"""Spoken amounts read every way a speaker means them."""

from __future__ import annotations

import pytest

from transcript_align.amounts import amounts


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
    ],
)
def test_an_amount_is_read_as_it_is_meant(said: str, value: float) -> None:
    assert value in amounts(said.split())


@pytest.mark.parametrize(
    "said", ["a", "and", "point five", "eighty nineteen", "five million million"]
)
def test_words_that_make_no_amount_give_none(said: str) -> None:
    assert not amounts(said.split())


def test_a_count_is_not_read_as_a_year_it_cannot_be() -> None:
    assert amounts("forty one".split()) == {41}
    assert amounts("twenty five".split()) == {25}
