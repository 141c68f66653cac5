from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transcript_align import normalize
from transcript_align.normalize import text_units, text_words, tokenize, units, zipf


def spans_text(text: str) -> list[str]:
    return [text[a:b] for a, b in tokenize(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("as I said—and this is", ["as", "I", "said", "and", "this", "is"]),
        ("the U.S. and the E.U. agreed.", ["the", "U.S.", "and", "the", "E.U.", "agreed"]),
        ("Rutte’s plan, 3.5% of GDP", ["Rutte’s", "plan", "3.5%", "of", "GDP"]),
        ("1,000 people; 10,50 euros", ["1,000", "people", "10", "50", "euros"]),
        ("Secretary-General said--no", ["Secretary-General", "said", "no"]),
        ("our M&A team, Q&A's end & more", ["our", "M&A", "team", "Q&A's", "end", "more"]),
        ("« Bonjour »  „Hallo“", ["Bonjour", "Hallo"]),
        ("", []),
        ("... — !!", []),
    ],
)
def test_tokenize_spans(text: str, expected: list[str]) -> None:
    assert spans_text(text) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("28", "twenty-eight"),
        ("5%", "five percent"),
        ("28th", "twenty-eighth"),
        ("the 1990s", "the nineteen nineties"),
        ("I'm", "I am"),
        ("don't", "do not"),
        ("let's", "let us"),
        ("it's", "it is"),
        ("Türkiye", "Turkiye"),
        ("U.S.", "US"),
        ("won't", "will not"),
        ("2008", "two thousand eight"),
        ("OK", "okay"),
        ("M&A", "m and a"),
        ("SG&A costs", "SG and A costs"),
    ],
)
def test_written_and_spoken_forms_meet(a: str, b: str) -> None:
    assert text_units(a) == text_units(b)


def test_words_keep_their_spans_and_units_line_up() -> None:
    text = "Mr Witko — 28 can't"
    tw = text_words(text)
    assert tw.words == ("Mr", "Witko", "28", "can't")
    assert [text[a:b] for a, b in zip(tw.starts, tw.ends)] == list(tw.words)
    assert tw.units == ("mister", "witko", "twenty", "eight", "can", "not")
    assert tw.first_unit == (0, 1, 2, 4, 6)


@given(st.text(alphabet="aU.S. $£5,0%'’-‐&_é\n", max_size=40))
def test_words_stand_where_the_tokenizer_finds_them(text: str) -> None:
    """Each word's span is the tokenizer's, however words repeat around it ("U.S.x",
    "5,000 5,00", "a&a&")."""
    tw = normalize._read_words(text)
    assert list(zip(tw.starts, tw.ends)) == tokenize(text)
    assert [text[a:b] for a, b in tokenize(text)] == list(tw.words)


def test_huge_and_zero_padded_numbers_are_read_digit_by_digit() -> None:
    assert units("007") == ("zero", "zero", "seven")
    assert len(units("1" * 40)) == 40


@pytest.mark.parametrize(
    "word", ["the", "ceasefire", "alliance", "witkoff", "okonkwo", "mediterranean", "xqzv", "café"]
)
def test_word_rarity_matches_wordfreq(word: str) -> None:
    from wordfreq import zipf_frequency

    assert zipf(word) == zipf_frequency(word, "en", wordlist="large")


def test_word_rarity_falls_back_to_wordfreq_when_its_data_file_is_unreadable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    direct = normalize._centibels()
    normalize._centibels.cache_clear()
    monkeypatch.setattr(normalize, "_wordfreq_list", lambda name: tmp_path / f"{name}.gz")
    try:
        fallback = normalize._centibels()
    finally:
        normalize._centibels.cache_clear()
    assert fallback == direct
    assert fallback["the"] < fallback["house"] < fallback["ceasefire"]


def test_words_sent_back_by_another_process_are_used_and_the_oldest_let_go(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(normalize, "_words", {})
    monkeypatch.setattr(normalize, "WORDS_KEPT", 2)
    sent = text_words("Ms Vanterpool spoke")
    normalize._words.clear()
    normalize.keep_words("Ms Vanterpool spoke", sent)
    assert text_words("Ms Vanterpool spoke") is sent  # not read again
    text_words("a second text")
    text_words("a third text")
    again = text_words("Ms Vanterpool spoke")
    assert again is not sent and again == sent  # let go, then read anew, the same


def test_forgotten_words_are_read_again_alike() -> None:
    from transcript_align import normalize

    text = "Minister Okafor spoke in Vantmere."
    first = normalize.text_words(text)
    normalize.forget_words(text)
    assert text not in normalize._words
    assert normalize.text_words(text) == first
    normalize.forget_words("a text never read")  # nothing to forget: no error


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("£1.5m", "one point five million pounds"),
        ("$3bn", "three billion dollars"),
        ("€40M", "forty million euros"),
        ("£5k", "five thousand pounds"),
        ("3bn", "three billion"),
        ("$2tn", "two trillion dollars"),
    ],
)
def test_amounts_abbreviated_by_the_press_are_read_as_said(written: str, said: str) -> None:
    assert units(written) == tuple(said.split())


def test_a_bare_m_or_k_after_a_number_is_no_amount() -> None:
    # "a 1.5m wall" is metres, "a 5k run" kilometres: only a currency sign makes them money.
    assert "million" not in units("1.5m")
    assert "thousand" not in units("5k")


def test_a_currency_is_said_after_the_magnitude_word_that_follows_the_amount() -> None:
    assert text_units("another £1.5 million for the pier") == (
        "another one point five million pounds for the pier".split()
    )
    assert text_words("$3 billion").units == ("three", "billion", "dollars")
    # Alone, or before another word, the currency stays with its amount.
    assert text_units("£20 a head") == "twenty pounds a head".split()


def test_a_day_beside_its_month_is_said_as_an_ordinal() -> None:
    assert text_units("on 3 March") == ["on", "third", "march"]
    assert text_units("by June 30, 2026")[:4] == ["by", "june", "thirtieth", "twenty"]
    assert text_units("3 months") == ["three", "months"]


def test_letters_of_their_own_are_folded_as_english_writes_them() -> None:
    from transcript_align.normalize import fold

    assert fold("Tromsø, Łódź, Straße, Ærø, Þórshöfn") == "Tromso, Lodz, Strasse, Aero, Thorshofn"
    assert units("Sørensen's") == ("sorensens",)


_PLAIN_TOKEN = (
    r"(?:[^\W\d_]\.)+[^\W\d_]\.(?!\w)|"
    r"[$€£¥]?\w+(?:(?:['’‘\-‐‑&]|\.(?=\w)|(?<=\d),(?=\d{3}(?!\d)))\w+)*(?:(?<=\d)\s?%)?"
)
"""The word pattern without the lookaheads that only make it faster."""


@given(
    st.lists(
        st.sampled_from([*"aZé5_ .,'’-&%$€\n", "U.S.", "1,000", "M&A", " %"]), max_size=30
    ).map("".join)
)
def test_the_word_pattern_finds_what_it_did_without_its_lookaheads(text: str) -> None:
    import re

    plain = re.compile(_PLAIN_TOKEN)
    assert [m.span() for m in normalize.TOKEN.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]
