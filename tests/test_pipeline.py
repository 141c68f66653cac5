"""The pipeline's shared work: a quote several articles carry is checked once."""

from __future__ import annotations

import pytest

from transcript_align import Options, Quote, Reference, align, parse_transcript, pipeline

SPEECH = (
    "00:00we will not give up on the people of Ruritania\n"
    "00:04and the talks in Strelsau go on next week\n"
    "00:09the harbour in Zenda opens again in spring\n"
    "00:13thank you all\n"
)


def _article(path: str, lead: str, *said: str) -> Reference:
    text, quotes = lead, []
    for words in said:
        text += ' "'
        quotes.append(Quote(words, len(text), len(text) + len(words)))
        text += words + '". Then:'
    return Reference(path, "", text, quotes=tuple(quotes))


def test_a_quote_in_several_articles_is_checked_once(monkeypatch: pytest.MonkeyPatch) -> None:
    said = "we will not give up on the people of Ruritania and the talks in Strelsau go on"
    other = "the harbour in Zenda opens again in spring"
    refs = [
        _article("a.txt", "The minister said", said),
        _article("b.txt", "Speaking on Monday, the minister told reporters", said),
        _article("c.txt", "She added", other, said),
    ]
    checked: list[str] = []
    real = pipeline.check_quote

    def counting(quote: Quote, reference: str, *args: object) -> object:
        checked.append(quote.text)
        return real(quote, reference, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "check_quote", counting)
    report = align(parse_transcript(SPEECH, "t.txt"), refs, Options(jobs=1, repair=False))
    assert sorted(checked) == sorted([said, other])
    a, b, c, d = report.quotes
    assert [q.reference for q in report.quotes] == ["a.txt", "b.txt", "c.txt", "c.txt"]
    assert [q.quote for q in report.quotes] == [q for r in refs for q in r.quotes]
    assert a.status == b.status == d.status == "verbatim"
    assert a.location == b.location == d.location
    assert c.status == "verbatim"


def test_a_passage_is_aligned_once_per_place(monkeypatch: pytest.MonkeyPatch) -> None:
    from transcript_align import alignment

    t = parse_transcript(SPEECH, "t.txt")
    index = alignment.build_index(t.tokens)
    calls: list[tuple[int, int]] = []
    real = alignment._align_window

    def counting(
        index: object, units: list[str], qids: object, weights: object, lo: int, hi: int
    ) -> object:
        calls.append((lo, hi))
        return real(index, units, qids, weights, lo, hi)  # type: ignore[arg-type]

    monkeypatch.setattr(alignment, "_align_window", counting)
    passage = "the talks in Strelsau go on next week".lower().split()
    first = alignment.locate(index, passage, limit=1)
    again = alignment.locate(index, passage, limit=2)
    assert first and first == again[:1]
    assert len(calls) == len(set(calls))  # the best window, asked for twice, aligned once
    other = alignment.build_index(t.tokens)  # a new transcript index keeps its own
    assert alignment.locate(other, passage) == alignment.locate(index, passage)


def test_a_short_quote_is_placed_by_its_articles_runs_after_a_repair() -> None:
    from transcript_align.quotes import extract_quotes

    speech = (
        "00:00 good afternoon and thank you all for coming to the harbour today\n"
        "00:05 the new ferry line to the islands will open in the spring of next year\n"
        "00:10 and it will carry more than two thousand people every single day\n"
        "00:15 Mr. Delacroixe from the port authority will say a few words about the timetable\n"
    )
    article = (
        'The harbour master said on Monday that "the new ferry line to the islands will open '
        "in the spring of next year and it will carry more than two thousand people every "
        'single day." Jules Delacroix of the port authority will talk about the "timetable".'
    )
    ref = Reference("a.txt", "", article, quotes=extract_quotes(article))
    for jobs in (1, 2):
        report = align(parse_transcript(speech, "t.txt"), [ref], Options(jobs=jobs))
        assert [(c.original, c.corrected, c.applied) for c in report.corrections] == [
            ("Delacroixe", "Delacroix", True)
        ]
        short = [q for q in report.quotes if q.quote.text == "timetable"]
        assert [q.status for q in short] == ["verbatim"]
        assert short[0].said == "timetable"


HEARING = (
    "00:00 thank you chair the river board has written to us about the weir\n"
    "00:05 the environment agency has flagged it twice and we have had no answer\n"
    "00:10 we will ask the minister to look at it again before the summer\n"
)


@pytest.mark.parametrize(
    ("paragraph", "status"),
    [
        # Written where its paragraph was said, one word changed: a misquote.
        ('The Environment Agency "has flagged it once", the chair said.', "misquote"),
        # The same fragment said word for word there: found before any placing.
        ('The Environment Agency "has flagged it twice", the chair said.', "verbatim"),
        # Other words where the paragraph was said: nothing to judge.
        ('The Environment Agency "is very worried", the chair said.', "not_found"),
    ],
)
def test_a_short_quote_not_found_alone_is_judged_where_its_paragraph_was_said(
    paragraph: str, status: str
) -> None:
    from transcript_align.quotes import extract_quotes

    article = (
        "The river board has written to the committee about the weir.\n\n"
        + paragraph
        + "\n\nWe will ask the minister to look at it again before the summer, she said.\n"
    )
    ref = Reference("a.txt", "", article, quotes=extract_quotes(article))
    report = align(parse_transcript(HEARING, "t.txt"), [ref])
    assert report.references[0].status == "aligned"
    (check,) = report.quotes
    assert check.status == status, check.reason
    if status == "misquote":
        assert check.location is not None and 5000 < check.location.start < 10000
        # The fragment stops mid-sentence: the said word in its last word's place is
        # what the writer changed.
        assert [(c.kind, c.written, c.said) for c in check.changes] == [
            ("changed_word", "once", "twice")
        ]


TRIBUNAL = (
    "00:00 the panel has heard from both sides and read every statement\n"
    "00:06 this was a careful decision it was not a rushed decision\n"
    "00:12 we never said the depot would close. the depot will stay open\n"
    "00:18 the drivers and their union will be told on monday by letter\n"
)


@pytest.mark.parametrize(
    ("paragraph", "negation"),
    [
        # Quoted without the "not" the speaker said right before: the words turn around.
        ('The chair called it "a rushed decision".', "not"),
        ('She said "the depot would close".', "never"),
        # The writer kept the negation, or the quote opens a sentence of its own.
        ('The chair said it was not "a rushed decision".', None),
        ('The chair said "the depot will stay open".', None),
        ('"It was not a rushed decision," the chair said.', None),
    ],
)
def test_a_quote_said_right_after_a_negation_says_so(paragraph: str, negation: str | None) -> None:
    from transcript_align.quotes import extract_quotes

    article = (
        "The tribunal panel met on Friday about the depot. The panel has heard from both "
        "sides and read every statement, its chair said. This was a careful decision, she "
        "added.\n\n" + paragraph + "\n\nThe drivers and their union will be told on Monday "
        "by letter.\n"
    )
    ref = Reference("a.txt", "", article, quotes=extract_quotes(article))
    (check,) = align(parse_transcript(TRIBUNAL, "t.txt"), [ref]).quotes
    assert check.status == "verbatim", check.reason
    if negation is None:
        assert "before it" not in check.reason
    else:
        assert f"the speaker said '{negation}' before it" in check.reason


def test_an_article_in_another_language_is_unrelated_and_says_why() -> None:
    from transcript_align.quotes import extract_quotes
    from transcript_align.relate import OTHER_LANGUAGE

    french = (
        "Le comité a examiné le barrage vendredi. « Nous avons demandé au ministre de le "
        "revoir avant l'été », a dit la présidente."
    )
    english = "The football club signed a new striker on Friday. “He is quick,” the coach said."
    refs = [
        Reference(name, "", text, quotes=extract_quotes(text))
        for name, text in (("fr.txt", french), ("en.txt", english))
    ]
    report = align(parse_transcript(HEARING, "t.txt"), refs)
    assert [(c.status, c.reason) for c in report.references] == [
        ("unrelated", OTHER_LANGUAGE),
        ("unrelated", "no passage of it was said here"),
    ]
    assert [q.reason for q in report.quotes] == [
        "the article is in another language",
        "the article reports another event",
    ]


def test_an_article_aligned_by_its_quotes_counts_every_quote_in_its_reason() -> None:
    from transcript_align.quotes import extract_quotes

    # Only quotes in common, no passage: each quote said counts, the last included.
    article = (
        'Asked about the weir, she said: "the river board has written to us". Later on the '
        'same afternoon she went on: "we have had no answer". Then, leaving the room, she '
        'promised: "we will ask the minister to look at it again".'
    )
    ref = Reference("a.txt", "", article, quotes=extract_quotes(article))
    (check,) = align(parse_transcript(HEARING, "t.txt"), [ref]).references
    assert (check.status, check.reason) == ("aligned", "3 of its 3 quotes were said here")
