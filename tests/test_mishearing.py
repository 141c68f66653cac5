"""The mishearing model on invented pairs it was never fitted on."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from transcript_align.mishearing import (
    FEATURES,
    THRESHOLD,
    Costs,
    acronyms,
    default_model,
    edit_similarity,
    explains,
    letters_written,
    misheard,
    misheard_batch,
    model_from_dict,
)

MISHEARINGS = [
    ("Katrin", "catherine"),  # a first name heard as a commoner one
    ("Mateus", "matthews"),
    ("Baines", "beans"),  # a surname heard as a common word
    ("Fitch", "fish"),
    ("Wyre", "wire"),
    ("Oyelaran", "oh yellow ran"),  # split into common words
    ("Tambolini", "tom bowl eeny"),
    ("dysregulation", "this regulation"),
    ("FINRA", "fin ra"),  # acronyms split or read letter by letter
    ("IBM", "i b m"),
    ("NVQ", "en vee queue"),
    ("their", "there"),  # homophones
    ("council", "counsel"),
    ("Gwendolyn Ruparelia", "gwendolen ruby relia"),
]
GENUINE_CHANGES = [
    ("four", "five"),
    ("review", "reverse"),
    ("nearly forty", "40"),
    ("increase", "decrease"),
    ("million", "billion"),
    ("twelve percent", "twenty percent"),
    ("approve", "reject"),
    ("profit", "product"),
    ("Okafor", "Lindqvist"),
    ("Marguerite", "Tobias"),
]


@pytest.mark.parametrize(("said", "heard"), MISHEARINGS)
def test_mishearings_score_high(said: str, heard: str) -> None:
    assert misheard(said, heard) >= 0.8
    assert explains(said, heard)


@pytest.mark.parametrize(("said", "heard"), GENUINE_CHANGES)
def test_genuine_changes_score_low(said: str, heard: str) -> None:
    assert misheard(said, heard) < 0.4
    assert not explains(said, heard)


def test_every_mishearing_outranks_every_genuine_change() -> None:
    low = min(misheard_batch(MISHEARINGS))
    high = max(misheard_batch(GENUINE_CHANGES))
    assert low > high


def test_same_words_and_same_number_written_differently() -> None:
    assert misheard("Tambolini", "tambolini") == 1.0
    assert misheard("forty two", "42") == 1.0
    assert misheard("forty two", "43") == 0.0
    assert misheard("", "beans") == misheard("Baines", "") == 0.0


def test_a_capitalised_common_word_is_a_name() -> None:
    """The surname "Field" is easily heard as "feel"; where an article has the common
    word "field" and the transcript "feel", a changed wording is the likelier story."""
    assert explains("Field", "feel")
    assert not explains("field", "feel")


def test_scores_are_probabilities_and_deterministic() -> None:
    pairs = MISHEARINGS + GENUINE_CHANGES
    first = misheard_batch(pairs)
    misheard.cache_clear()
    assert misheard_batch(pairs) == first
    assert all(0.0 <= p <= 1.0 for p in first)
    assert 0 < THRESHOLD < 1


def test_the_shipped_model_loads_and_names_its_source() -> None:
    text = resources.files("transcript_align").joinpath("data/mishearing.json").read_text("utf-8")
    data = json.loads(text)
    assert "CC BY-SA" in data["about"]
    assert list(data["features"]) == list(FEATURES)
    model = default_model()
    assert len(model.weights) == len(FEATURES)
    assert model.costs.substitute and model.common_offset < 0
    data["weights"].pop("sound")
    with pytest.raises(ValueError, match="weights"):
        model_from_dict(data)


def test_acronyms_are_words_in_capitals_or_without_vowels() -> None:
    assert acronyms("the FINRA rules at NVQ's hq in Leeds") == {"finra", "nvq", "hq"}
    assert acronyms("Okafor met Lindqvist") == frozenset()


def test_a_letter_written_alone_is_read_as_its_name() -> None:
    # "C" was heard as "see" ("Sea"), "um X" as "um ex" ("Omex"); "A" and "I" are words.
    assert letters_written("um X and C but A and I") == {"x", "c"}
    assert misheard("Sea", "C") > 0.9 > THRESHOLD > misheard("Sea", "Q")
    assert misheard("Omex", "um X") > 0.9
    # Only a letter alone: one acronym written for another is weighed as before.
    assert misheard("CEO", "CFO") == pytest.approx(0.509, abs=0.01)


def test_edit_similarity_uses_the_learned_costs() -> None:
    free_vowels = Costs({"ae": 0.0, "ea": 0.0}, {}, {})
    assert edit_similarity("tamsin", "tamsin", free_vowels) == 1.0
    assert edit_similarity("tamsin", "temsin", free_vowels) == 1.0
    assert edit_similarity("tamsin", "tomsin", free_vowels) == pytest.approx(1 - 1 / 6)
    assert edit_similarity("", "tomsin", free_vowels) == 0.0
