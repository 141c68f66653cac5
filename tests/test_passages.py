"""Articles partly about this event, stock phrases and short quotes (invented cases)."""

from __future__ import annotations

from transcript_align import align, parse_transcript
from transcript_align.models import QuoteCheck, Report
from transcript_align.passages import paragraph_at, paragraph_starts
from transcript_align.quotes import paragraph_spans
from transcript_align.references import parse_reference

SPEECH = """\
00:00good evening I am standing on the quay at Morlaix harbour with the lifeboat crew
00:06tonight the new lifeboat goes on station and it can reach any ship in the bay within
00:12twenty minutes that is half the time the old boat needed
00:16the crew trained for nine months in all weathers and I could not be prouder of them
00:22we never leave anyone behind at sea that is what we say and that is what we do
00:28the station cost four million and most of it came from local donations
00:34people here gave what they could and some gave a great deal more
00:40we never leave anyone behind at sea thank you and good night
"""

ROUNDUP = """\
Around the coast this week

A week of openings and arguments along the coast.

Schools in Brest will get new roofs by the spring. "Every school will get a new roof before the winter storms," the regional governor said. "Teachers deserve better buildings," she added, "and we have found the money for it."

At Morlaix the new lifeboat went on station. "Any ship in the bay within twenty minutes," the coxswain promised on the quay.

He praised the crew: "I could not be prouder of them."

The Quimper bypass is late again. "The road opens in June, not March," the engineer said. "It will take the lorries out of the village at last," he said. "We never leave anyone behind at sea," a lifeboat volunteer told the crowd at the Quimper fair.
"""

OTHER_DAY = """\
Lifeboat appeal launched

The coxswain launched the appeal for a new lifeboat last year.

"We never leave anyone behind at sea," he said. "But our boat is tired, and so are we."

"Give what you can, and we will do the rest," he said.
"""


def _run(*articles: tuple[str, str]) -> Report:
    transcript = parse_transcript(SPEECH, "harbour.txt")
    return align(transcript, [parse_reference(text, path) for path, text in articles])


def _quote(report: Report, fragment: str) -> QuoteCheck:
    (found,) = [q for q in report.quotes if fragment in q.quote.text]
    return found


def test_paragraph_spans_and_lookup() -> None:
    text = "First one.\n\nSecond, longer one.\n\n\nThird."
    spans = paragraph_spans(text)
    assert [text[a:b] for a, b in spans] == ["First one.", "Second, longer one.", "Third."]
    assert paragraph_starts(text) == tuple(a for a, _ in spans)
    assert paragraph_at(paragraph_starts(text), text.index("longer")) == 1
    assert paragraph_at(paragraph_starts(text), len(text) - 1) == 2


def test_a_round_up_is_aligned_by_the_paragraphs_that_report_this_event() -> None:
    report = _run(("roundup.txt", ROUNDUP))
    (check,) = report.references
    assert check.status == "aligned" and check.partial
    lifeboat = paragraph_at(
        paragraph_starts(check.reference.text), check.reference.text.index("Morlaix the")
    )
    assert lifeboat in check.paragraphs
    assert "paragraphs" in check.reason
    assert _quote(report, "within twenty minutes").status == "verbatim"
    assert _quote(report, "could not be prouder").status == "verbatim"


def test_quotes_of_other_events_in_a_round_up_stay_not_found() -> None:
    report = _run(("roundup.txt", ROUNDUP))
    for fragment in ("new roof", "Teachers deserve", "opens in June", "lorries"):
        assert _quote(report, fragment).status == "not_found"
    # Said twice here, but quoted from another event: a stock phrase proves nothing.
    stock = _quote(report, "never leave anyone behind")
    assert stock.status == "not_found" and stock.location is None


def test_an_article_about_another_day_with_the_stock_phrase_stays_unrelated() -> None:
    report = _run(("appeal.txt", OTHER_DAY))
    (check,) = report.references
    assert check.status == "unrelated" and not check.partial and check.paragraphs == ()
    assert all(q.status in ("not_found", "ignored") for q in report.quotes)


def test_a_short_quote_is_placed_only_where_its_aligned_sentence_was_said() -> None:
    article = (
        "Lifeboat on station\n\n"
        'The coxswain said the crew "trained for nine months" in all weathers and '
        "he could not be prouder of them.\n\n"
        'Critics called the station "extravagant" at the last council meeting.\n\n'
        '"Tonight the new lifeboat goes on station and it can reach any ship in the bay '
        'within twenty minutes," he said.'
    )
    report = _run(("station.txt", article))
    placed = _quote(report, "trained for nine months")
    assert placed.status == "verbatim" and placed.location is not None
    assert placed.location.start is not None and 16_000 <= placed.location.start < 22_000
    assert _quote(report, "extravagant").status == "ignored"


def test_a_short_quote_whose_words_were_not_said_there_stays_ignored() -> None:
    article = (
        "Lifeboat on station\n\n"
        'The crew trained for nine "long" months in all weathers and the coxswain '
        "could not be prouder of them.\n\n"
        '"Tonight the new lifeboat goes on station," he said.'
    )
    report = _run(("station.txt", article))
    assert _quote(report, "long").status == "ignored"


def test_a_passage_with_a_misheard_stretch_stays_one_said_passage() -> None:
    # Two long stretches said on the same diagonal, four misheard words between:
    # both stretches are runs (the first one used to be dropped when the second began).
    from transcript_align.alignment import build_index
    from transcript_align.relate import relatedness

    first = "the harbour board met on monday to choose a builder for the new pier at Kerlouan"
    second = "work begins in april and the pier should open to ferries before the summer season"
    t = parse_transcript(f"00:00{first} wee shell sea hat {second}\n", "t.txt")
    rel = relatedness(build_index(t.tokens), f"{first} we shall see that {second}")
    n, m = len(first.split()), len(second.split())
    assert [r.matched >= n - 2 for r in rel.runs if r.rb <= n] == [True]
    assert [r.matched >= m - 2 for r in rel.runs if r.ra >= n + 4] == [True]


def test_a_long_quote_said_closely_once_with_a_short_run_reports_this_event() -> None:
    # Misheard words break the quote into runs too short to count; aligned word by word
    # it was said at one place, and one more run of the article was said: aligned.
    # Said twice (a line the speaker repeats), or said with nothing else of the article,
    # the quote is no such evidence.
    from transcript_align.alignment import build_index
    from transcript_align.relate import assess

    quoted = (
        "i met mister oh con quo from the pot board and we a greed that the knew ferry "
        "line will open in spring"
    )
    other = "the trains were late again this morning and people are angry about it"
    article = (
        "The minister spoke in the capital on Monday.\n\n"
        '"I met Mr. Okonkwo from the Port Board and we agreed that the new ferry line will '
        'open in spring," she said.\n\n'
        "She added that the trains were late again this morning, and that people are "
        "unhappy.\n\nOther matters were not discussed."
    )
    ref = parse_reference(article, "a.txt")
    pause = "we will take questions after the break and then we will go to the harbour"
    cases = (
        ([quoted, other], "aligned"),
        ([quoted, pause, pause, quoted, other], "unrelated"),
        # Only the quote said: a line the speaker may say at every occasion.
        ([quoted, pause], "unrelated"),
    )
    for said, status in cases:
        lines = ["good morning everyone", *said, "thank you"]
        t = parse_transcript("".join(f"00:{4 * k:02d} {x}\n" for k, x in enumerate(lines)), "t")
        check, _ = assess(ref, build_index(t.tokens))
        assert check.status == status, check.reason


def test_a_long_quote_said_closely_once_with_another_quote_partly_said_reports_this_event() -> None:
    # No run of the article's words outside the long quote, but its other quote was partly
    # said: aligned. The same article beside a speech where that quote was not said at all
    # (a report of another occasion quoting a line the speaker says every time): unrelated.
    from transcript_align.alignment import build_index
    from transcript_align.relate import assess

    quoted = (
        "i met mister oh con quo from the pot board and we a greed that the knew ferry "
        "line will open in spring"
    )
    article = (
        "The minister spoke in the capital on Monday.\n\n"
        '"I met Mr. Okonkwo from the Port Board and we agreed that the new ferry line will '
        'open in spring," she said.\n\n'
        '"The trains are always late and commuters are angry," she added.\n\n'
        "Other matters were not discussed."
    )
    ref = parse_reference(article, "a.txt")
    partly = "the trains were late again this morning and people are angry about it"
    unsaid = "we will take questions after the break and then we will go to the harbour"
    for other, status in ((partly, "aligned"), (unsaid, "unrelated")):
        lines = ["good morning everyone", quoted, other, "thank you"]
        t = parse_transcript("".join(f"00:{4 * k:02d} {x}\n" for k, x in enumerate(lines)), "t")
        check, _ = assess(ref, build_index(t.tokens))
        assert check.status == status, check.reason
