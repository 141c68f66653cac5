"""Repairs on small invented cases: what is repaired, and the traps that must not be."""

from __future__ import annotations

from transcript_align import Options, Reference, align, parse_transcript
from transcript_align.quotes import extract_quotes


def repairs(transcript: str, article: str, **options: object) -> list[tuple[str, str, bool]]:
    t = parse_transcript(transcript, "t.txt")
    ref = Reference("a.txt", "", article, quotes=extract_quotes(article))
    report = align(t, [ref], Options(**options))  # type: ignore[arg-type]
    assert report.references[0].status == "aligned"
    return [(c.original, c.corrected, c.applied) for c in report.corrections]


SPEECH = (
    "00:00 good afternoon and thank you all for coming to the harbour today\n"
    "00:05 the new ferry line to the islands will open in the spring of next year\n"
    "00:10 and it will carry more than two thousand people every single day\n"
    "00:15 {name} from the port authority will say a few words about the timetable\n"
    "00:20 after that we will take your questions about the ferry line\n"
)
ARTICLE = (
    'The harbour master said on Monday that "the new ferry line to the islands will open '
    "in the spring of next year and it will carry more than two thousand people every single "
    'day." {full} of the port authority presented the timetable.'
)


def test_an_unknown_spelling_of_a_name_is_repaired() -> None:
    got = repairs(SPEECH.format(name="Mr. Delacroixe"), ARTICLE.format(full="Jules Delacroix"))
    assert got == [("Delacroixe", "Delacroix", True)]


def test_a_name_split_into_common_words_is_repaired() -> None:
    got = repairs(SPEECH.format(name="Ms. van der pool"), ARTICLE.format(full="Ilse Vanterpool"))
    assert got == [("van der pool", "Vanterpool", True)]


def test_a_given_name_is_not_expanded() -> None:
    got = repairs(
        SPEECH.format(name="Chris Abernathy"), ARTICLE.format(full="Christopher Abernathy")
    )
    assert got == []


def test_a_common_word_for_a_name_the_transcript_spells_right_elsewhere_stays() -> None:
    speech = SPEECH.format(name="the Harbour Board") + (
        "00:25 the Harbour Board and the Harbour Board and yes that Nate that Harbour Board\n"
        "00:30 the NATO ships and the NATO ships and the NATO ships will not come here\n"
    )
    article = ARTICLE.format(full="The Harbour Board") + " NATO ships will stay away."
    assert all(c[0] != "Nate" for c in repairs(speech, article))


def test_suggest_applies_nothing() -> None:
    got = repairs(
        SPEECH.format(name="Mr. Delacroixe"), ARTICLE.format(full="Jules Delacroix"), apply=False
    )
    assert got == [("Delacroixe", "Delacroix", False)]


def test_a_higher_threshold_applies_less() -> None:
    got = repairs(
        SPEECH.format(name="Mr. Delacroixe"),
        ARTICLE.format(full="Jules Delacroix"),
        min_confidence=1.0,
    )
    assert [applied for *_, applied in got] == [False] * len(got)


def test_the_rest_of_the_cue_and_its_time_stay() -> None:
    t = parse_transcript(SPEECH.format(name="Mr. Delacroixe"), "t.txt")
    article = ARTICLE.format(full="Jules Delacroix")
    report = align(t, [Reference("a.txt", "", article, quotes=extract_quotes(article))])
    before = t.segments[3]
    after = report.spoken.segments[3]
    assert (after.start, after.end) == (before.start, before.end)
    assert after.text == before.text.replace("Delacroixe", "Delacroix")
