"""Names the articles write with accents, written plainly by the recogniser."""

from __future__ import annotations

from transcript_align import Reference, align, parse_transcript
from transcript_align.quotes import extract_quotes
from transcript_align.repair.accents import accented_names

SPEECH = (
    "00:00 good morning and thank you for coming to the harbour today\n"
    "00:05 the new ferry line to {place} will open in the spring of next year\n"
    "00:10 and it will carry more than two thousand people every single day\n"
)
ARTICLE = (
    'The harbour master said on Monday that "the new ferry line to {place} will open in the '
    'spring of next year and it will carry more than two thousand people every single day."'
)


def repairs(said: str, written: str) -> list[tuple[str, str]]:
    article = ARTICLE.format(place=written)
    ref = Reference("a.txt", "", article, quotes=extract_quotes(article))
    report = align(parse_transcript(SPEECH.format(place=said), "t.txt"), [ref])
    assert [q.status for q in report.quotes] == ["verbatim"]
    return [(c.original, c.corrected) for c in report.corrections if c.applied]


def test_a_plain_spelling_takes_the_articles_accents() -> None:
    assert repairs("skjervøy", "Skjervøy") == []
    assert repairs("skjervoy", "Skjervøy") == [("skjervoy", "Skjervøy")]
    assert repairs("Lodz", "Łódź") == [("Lodz", "Łódź")]
    assert repairs("dusseldorf's port", "Düsseldorf's port") == [("dusseldorf's", "Düsseldorf's")]


def test_an_accent_the_transcript_has_is_never_taken_off() -> None:
    assert repairs("skjervøy", "Skjervoy") == []


def test_a_word_spelled_two_ways_or_only_opening_sentences_is_left() -> None:
    both = "Then Ana Müller and Anna Muller met. Later Müller left."
    assert accented_names([Reference("a", "", both)]) == {}
    opening = "Zoë said yes.\n\nÉcole rules."
    assert accented_names([Reference("a", "", opening)]) == {}
