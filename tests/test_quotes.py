"""Quote extraction: marks, apostrophes, continued and interrupted quotes, speakers."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transcript_align.models import Quote
from transcript_align.quotes import extract_quotes, scan_quotes


def texts(text: str) -> list[str]:
    return [q.text for q in extract_quotes(text)]


def who(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(q.text, q.speaker, q.verb) for q in extract_quotes(text)]


def check_invariants(text: str, quotes: tuple[Quote, ...]) -> None:
    """What every caller may rely on, whatever the input."""
    previous_end = -1
    for q in quotes:
        assert previous_end <= q.start < q.end <= len(text)
        assert q.parts, q
        assert q.text == " ".join(text[a:b] for a, b in q.parts)
        for a, b in q.parts:
            assert q.start < a < b <= q.end
            assert "\n" not in text[a:b]
            assert text[a:b] == text[a:b].strip()
        previous_end = q.end


# --- marks ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He called it "a disaster" twice.', ["a disaster"]),
        ("He called it “a disaster” twice.", ["a disaster"]),
        ("Il a parlé d’« une catastrophe » hier.", ["une catastrophe"]),
        ("Il a parlé d’«une catastrophe» hier.", ["une catastrophe"]),
        ("Il a parlé d’«\u00a0une catastrophe\u00a0» hier.", ["une catastrophe"]),
        ("Il a parlé d’«\u202fune catastrophe\u202f» hier.", ["une catastrophe"]),
        ("Er sprach von „einer Katastrophe“ gestern.", ["einer Katastrophe"]),
        ("Er sprach von ‚einer Katastrophe‘ gestern.", ["einer Katastrophe"]),
        ("Er sprach von »einer Katastrophe« gestern.", ["einer Katastrophe"]),
        ("Han talade om ”en katastrof” i går.", ["en katastrof"]),
        ("He called it ‘a disaster’ twice.", ["a disaster"]),
        ("He called it 'a disaster' twice.", ["a disaster"]),
        ('He said:"Not now." Then he left.', ["Not now."]),
        ('("Not now," he said.)', ["Not now"]),
    ],
)
def test_quote_marks(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine’s membership and the allies’ plans don’t change in the ’90s or the '80s.",
        "It's the leaders' meeting; rock 'n' roll, 'til dawn, and 'em all.",
        "The children’s toys, James’ car and the 5' wall, said O’Brien.",
    ],
)
def test_apostrophes_are_never_quote_marks(text: str) -> None:
    assert extract_quotes(text) == ()


def test_apostrophes_inside_a_double_quoted_quote() -> None:
    text = "“Ukraine’s allies don’t agree,” he said of the ’90s-era treaty."
    assert texts(text) == ["Ukraine’s allies don’t agree"]


def test_british_single_quotes_with_possessives_and_nested_doubles() -> None:
    text = (
        "‘The leaders’ meeting was a success,’ said the spokesman. "
        "‘He called it “historic”, and I agree.’"
    )
    assert texts(text) == [
        "The leaders’ meeting was a success",
        "He called it “historic”, and I agree.",
    ]


def test_single_quotes_nested_in_double_quotes_stay_in_the_text() -> None:
    text = 'He said "it is \'fine\' now," adding that the ‘plan’ was "ready."'
    assert texts(text) == ["it is 'fine' now", "ready."]


def test_quotes_in_the_style_a_page_uses_less_are_quotes_too() -> None:
    text = (
        "The councillor said: 'We will keep the library open on Saturdays.'\n\n"
        'She said the trust had told her "we will look at the figures again", which was '
        '"simply not good enough" and a ‘fudge’.'
    )
    assert texts(text) == [
        "We will keep the library open on Saturdays.",
        "we will look at the figures again",
        "simply not good enough",
    ]


def test_straight_double_quotes_nested_in_straight_double_quotes() -> None:
    assert texts('"It is "fine" now," she said.') == ['It is "fine" now']


# --- what a quote's text and spans are -----------------------------------------------------


def test_text_drops_marks_spaces_and_the_attribution_comma_only() -> None:
    text = "«\u00a0We are ready,\u00a0» he said. “Are we?” “Yes — really…”"
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == ["We are ready", "Are we?", "Yes — really…"]
    first = quotes[0]
    assert (first.start, first.end) == (0, text.index("»") + 1)
    assert first.parts == ((2, 14),)


def test_em_dash_and_ellipsis_are_kept_as_written() -> None:
    text = (
        "“But we also know, as I said—and this is a statement of fact—that there is "
        "no unanimity,” he said. “We have to do now... That will be a step.”"
    )
    assert texts(text) == [
        "But we also know, as I said—and this is a statement of fact—that there is no unanimity",
        "We have to do now... That will be a step.",
    ]


def test_quote_continued_over_paragraphs_is_one_quote_with_parts() -> None:
    text = (
        "She said: “The council has set aside the money.\n\n"
        "“What we need now is a signature.\n\n"
        "“We won’t wait another winter,” she added.\n\n"
        "The vote is on Thursday."
    )
    (quote,) = extract_quotes(text)
    assert quote.text == (
        "The council has set aside the money. What we need now is a signature. "
        "We won’t wait another winter"
    )
    assert len(quote.parts) == 3
    assert [text[a:b] for a, b in quote.parts][1] == "What we need now is a signature."
    assert quote.start == text.index("“") and quote.end == text.index("” she") + 1
    assert (quote.speaker, quote.verb) == ("she", "added")


def test_french_continued_paragraph_may_open_with_closing_guillemet() -> None:
    text = "« Nous tiendrons.\n\n» Jusqu’au bout », a-t-elle dit."
    assert texts(text) == ["Nous tiendrons. Jusqu’au bout"]


def test_interrupted_quote_gives_two_quotes_with_the_same_speaker() -> None:
    text = (
        "Rutte spoke to reporters. “Let’s hope we get to a point where there is a peace "
        "deal,” he said. “At the moment, it is the Americans very much pushing for that.”"
    )
    assert who(text) == [
        ("Let’s hope we get to a point where there is a peace deal", "Rutte", "said"),
        ("At the moment, it is the Americans very much pushing for that.", "Rutte", "said"),
    ]


def test_interrupted_in_one_sentence() -> None:
    text = '"Nothing," said NATO Secretary General Mark Rutte, "is decided yet."'
    assert who(text) == [
        ("Nothing", "Mark Rutte", "said"),
        ("is decided yet.", "Mark Rutte", "said"),
    ]


def test_a_paraphrase_is_not_a_quote_but_a_scare_quote_is() -> None:
    assert extract_quotes("Rutte said there was no consensus on membership.") == ()
    assert texts("Moscow warned of a “pre-emptive strike” by the alliance.") == [
        "pre-emptive strike"
    ]


def test_empty_marks_give_no_quote() -> None:
    assert extract_quotes('He said "" and “ ” and "?" then left.') == ()


# --- speakers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "verb"),
    [
        ("“We are ready,” Rutte said.", "Rutte", "said"),
        ("“We are ready,” said Rutte.", "Rutte", "said"),
        ("“We are ready,” Rutte told reporters in Brussels.", "Rutte", "told"),
        ("“We are ready,” according to Rutte.", "Rutte", "according to"),
        ("According to Rutte, “we are ready.”", "Rutte", "according to"),
        ("Rutte said: “We are ready.”", "Rutte", "said"),
        ("Rutte told reporters: “We are ready.”", "Rutte", "told"),
        ("“We are ready,” the NATO chief said.", "the NATO chief", "said"),
        ("“We are ready,” said NATO Secretary General Mark Rutte.", "Mark Rutte", "said"),
        ("US Secretary of State Marco Rubio said: “We are ready.”", "Marco Rubio", "said"),
        ("“We are ready,” Rutte, who chairs the meeting, said.", "Rutte", "said"),
        ("Rutte, who chairs the meeting, said “we are ready.”", "Rutte", "said"),
        ("Norway’s minister, Anders Dahl, said it was “over”.", "Anders Dahl", "said"),
        # Where the speaker works, set off by commas, does not speak.
        ("Ines Lowe, of Tarnby Police, said it was “over”.", "Ines Lowe", "said"),
        ("Dr Ines Lowe, from the Port Authority, said it was “over”.", "Ines Lowe", "said"),
        ("“We are ready,” said the minister, Priya Lal.", "Priya Lal", "said"),
        ("“Are we ready?” Rutte asked.", "Rutte", "asked"),
        ("Rutte reiterated that there is “no unanimity” on the matter.", "Rutte", "reiterated"),
        (
            "A senior U.S. official confirmed talks would begin “soon”.",
            "A senior U.S. official",
            "confirmed",
        ),
        ("Dr Ines Lowe of the River Trust said: “We are ready.”", "Ines Lowe", "said"),
        ("Ines Lowe from the Port Authority told us it was “over”.", "Ines Lowe", "told"),
        (
            "“We are ready,” the head of the River Trust said.",
            "the head of the River Trust",
            "said",
        ),
        # A title written small after what it is of: the name after it speaks.
        ("“We are ready,” said Rovers boss Ann Kerrow.", "Ann Kerrow", "said"),
        ("“We are ready,” said former club captain Ann Kerrow.", "Ann Kerrow", "said"),
        ("“We are ready,” said Harbour Trust chief executive Ann Kerrow.", "Ann Kerrow", "said"),
        ("“We are ready,” said Rovers on Thursday.", "Rovers", "said"),
        (
            "“We are ready,” the health board’s clinical lead said.",
            "the health board’s clinical lead",
            "said",
        ),
        ("“We are ready,” he said.", "he", "said"),
        ("“We are ready.” Rutte said the army was fine.", None, None),
        ("The alliance is “ready” for talks.", None, None),
    ],
)
def test_speaker_and_verb(text: str, speaker: str | None, verb: str | None) -> None:
    (quote,) = extract_quotes(text)
    assert (quote.speaker, quote.verb) == (speaker, verb)


def test_pronoun_resolves_to_the_most_recent_named_speaker() -> None:
    text = (
        "NATO Secretary General Mark Rutte said on Tuesday that talks go on.\n\n"
        "Marco Rubio said the envoy would travel. “We are hopeful,” he said.\n\n"
        "Rutte also addressed the summit, noting that it would be “decisive”.\n\n"
        "“I would not read anything in it,” he said."
    )
    assert who(text) == [
        ("We are hopeful", "Marco Rubio", "said"),
        ("decisive", "Mark Rutte", "noting"),
        ("I would not read anything in it", "Mark Rutte", "said"),
    ]


def test_a_pronoun_with_nobody_named_before_resolves_to_the_speaker_described() -> None:
    text = (
        "“Waiting lists are long,” the clinic's lead nurse said on Monday.\n\n"
        "“They have doubled in two years,” she said."
    )
    assert who(text) == [
        ("Waiting lists are long", "the clinic's lead nurse", "said"),
        ("They have doubled in two years", "the clinic's lead nurse", "said"),
    ]
    # A name said before wins over a description after it: "the minister" is often him.
    named = "Tomas Ferrer said so. “We wait,” the minister said. “Not long,” he said."
    assert who(named)[-1] == ("Not long", "Tomas Ferrer", "said")


def test_a_pronoun_resolves_to_a_described_subject_of_a_reporting_verb_outside_quotes() -> None:
    text = (
        "The harbour master confirmed that the north quay will close for a month.\n\n"
        "“The repairs cannot wait any longer,” she said."
    )
    assert who(text) == [("The repairs cannot wait any longer", "The harbour master", "said")]


def test_a_pronoun_after_someone_new_described_resolves_to_them_not_to_a_name_before() -> None:
    text = (
        "Skerra Ferries has said sailings will resume.\n\n"
        "A spokesperson said: “The engine is being repaired.”\n\n"
        "“We expect to sail by Friday,” she added."
    )
    assert who(text)[-1] == ("We expect to sail by Friday", "A spokesperson", "added")


def test_a_title_with_its_portfolio_is_the_speaker_not_the_portfolio() -> None:
    assert who("The Minister for Health has said the ward “will stay open”.") == [
        ("will stay open", "The Minister for Health", "said")
    ]
    text = "The Secretary of State for Transport said the line “will be rebuilt by May”."
    assert who(text)[0][1] == "The Secretary of State for Transport"


def test_a_pronoun_after_someone_of_a_body_resolves_to_the_person() -> None:
    text = "Kofi Mensah of the Water Board said talks go on. “We are hopeful,” he said."
    assert who(text) == [("We are hopeful", "Kofi Mensah", "said")]


def test_a_relative_who_said_takes_the_name_before_it() -> None:
    text = (
        "“Fares will rise,” said Labour’s Ruth Cadbury.\n\n"
        "The committee heard from Dr Ines Lowe of the River Trust, who said levels "
        "“have doubled”. She added: “We heard nothing back.”"
    )
    assert who(text) == [
        ("Fares will rise", "Ruth Cadbury", "said"),
        ("have doubled", "Ines Lowe", "said"),
        ("We heard nothing back.", "Ines Lowe", "added"),
    ]


def test_whom_a_speaker_told_is_not_the_speaker() -> None:
    text = (
        "Councillor Ines Lowe, who said the county had set aside “four hundred thousand "
        "pounds”, told MPs: “We will review the permits.”\n\n"
        "“The permits will be ready,” Lowe told reporters."
    )
    assert who(text) == [
        ("four hundred thousand pounds", "Ines Lowe", "said"),
        ("We will review the permits.", "Ines Lowe", "said"),
        ("The permits will be ready", "Ines Lowe", "told"),
    ]


def test_names_inside_quotes_are_not_speakers() -> None:
    text = "Rutte spoke. “Rubio said he would come,” he said."
    assert who(text) == [("Rubio said he would come", "Rutte", "said")]


def test_participle_takes_the_sentence_subject() -> None:
    text = (
        "He recalled the 5% pledge, adding that the allies “have made progress.”\n\n"
        "Rutte also addressed the absence of Marco Rubio, saying Rubio was "
        "“working extremely hard.”"
    )
    assert who(text) == [
        ("have made progress.", "He", "adding"),
        ("working extremely hard.", "Rutte", "saying"),
    ]


# --- unbalanced marks ----------------------------------------------------------------------


def test_unclosed_quote_ends_at_its_paragraph_and_is_noted() -> None:
    text = (
        "The offer was “an insult to every docker.\n\n"
        "The employers said they would “not negotiate under threat”."
    )
    scan = scan_quotes(text)
    assert [q.text for q in scan.quotes] == [
        "an insult to every docker.",
        "not negotiate under threat",
    ]
    assert scan.quotes[0].end == text.index("\n")
    assert any("never closed" in n for n in scan.notes)


def test_stray_closing_mark_is_ignored_and_noted() -> None:
    scan = scan_quotes("Costa said the union” would decide. Then “a real quote,” she said.")
    assert [q.text for q in scan.quotes] == ["a real quote"]
    assert any("stray closing" in n for n in scan.notes)


def test_unclosed_opening_before_a_proper_pair_is_dropped() -> None:
    scan = scan_quotes("“Missing close. Then “an inner quote.” More text.")
    assert [q.text for q in scan.quotes] == ["an inner quote."]
    assert any("unclosed quote mark ignored" in n for n in scan.notes)


def test_an_unclosed_quote_never_swallows_later_paragraphs() -> None:
    text = "He said “we will see.\n\nLater, the minister said “no” twice.\n\nThe end."
    assert texts(text) == ["we will see.", "no"]


def test_unclosed_quote_at_the_very_end() -> None:
    assert texts("It was, he said, “the end of an era") == ["the end of an era"]


# --- robustness ----------------------------------------------------------------------------


def test_large_article_with_many_marks_is_linear() -> None:
    paragraph = (
        "Rutte said the alliance’s plans were fine. “We are ready for the talks, it’s clear,” "
        "he said, adding that “nothing is decided.” The leaders’ meeting ended. "
    )
    text = "\n\n".join([paragraph] * (1_000_000 // len(paragraph)))
    started = time.perf_counter()
    quotes = extract_quotes(text)
    elapsed = time.perf_counter() - started
    assert len(quotes) == 2 * text.count(paragraph)
    assert elapsed < 20, elapsed
    pathological = "“word " * 100_000 + "\n\n" + "a ”b " * 100_000 + "\n\n" + "x's ’y " * 100_000
    started = time.perf_counter()
    scan_quotes(pathological)
    assert time.perf_counter() - started < 20


_PIECES = st.sampled_from(
    [
        "word",
        "Rutte",
        "said",
        "he",
        " ",
        " ",
        ",",
        ".",
        "\n",
        "\n\n",
        '"',
        "'",
        "“",
        "”",
        "‘",
        "’",
        "«",
        "»",
        "„",
        "‚",
        "\u00a0",
        "—",
        "…",
        "according to",
        "who",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=80).map("".join))
def test_any_text_gives_well_formed_quotes(text: str) -> None:
    quotes = extract_quotes(text)
    check_invariants(text, quotes)
    assert extract_quotes(text) == quotes


def test_a_quote_keeps_the_words_of_its_sentence_before_it() -> None:
    text = (
        "The plan would bring “400 jobs”, which he said was nearly “half of those lost”.\n\n"
        "“We will go on,” he said."
    )
    assert [q.lead for q in extract_quotes(text)] == [
        "The plan would bring",
        ", which he said was nearly",
        "",
    ]


def test_a_description_stands_for_the_name_the_page_gave_that_title() -> None:
    text = (
        "Magistrate Orla Kinsella told the court: “This cannot happen again.”\n\n"
        "“I have no choice,” the magistrate said.\n\n"
        "Harbour board chair Idris Penhale said “we are relieved”. “It was long,” the chair added."
    )
    assert [speaker for _, speaker, _ in who(text)] == [
        "Orla Kinsella",
        "Orla Kinsella",
        "Idris Penhale",
        "Idris Penhale",
    ]
    # Never a name given after the quote, nor one the title never went with.
    later = "“We wait,” the magistrate said. Magistrate Orla Kinsella then adjourned."
    assert who(later)[0][1] == "the magistrate"
    other = "Orla Kinsella spoke first. “We wait,” the coroner said."
    assert who(other)[0][1] == "the coroner"


def test_a_second_quote_after_a_participle_in_the_same_sentence_keeps_the_speaker() -> None:
    text = (
        "Ines Varga said the damage “was not only structural”, adding that "
        "“three families could not go home”."
    )
    assert who(text) == [
        ("was not only structural", "Ines Varga", "said"),
        ("three families could not go home", "Ines Varga", "adding"),
    ]


def test_a_speaker_described_by_place_or_job_apposition_is_the_person_or_the_group() -> None:
    text = (
        "Ferry crews in Skerra have warned that the timetable “cannot hold”.\n\n"
        "Marta Quill, chief engineer of the Skerra Ferry Company, said the engines "
        "were “past their best”. Residents of Lowholm said they felt “forgotten”."
    )
    assert [speaker for _, speaker, _ in who(text)] == [
        "Ferry crews in Skerra",
        "Marta Quill",
        "Residents of Lowholm",
    ]
    # An everyday noun opening the sentence is no name: the whole group spoke.
    dentists = "Dentists in Brycemoor say the new contract is “unworkable for us all”."
    assert who(dentists)[0][1] == "Dentists in Brycemoor"
    # A verb's object before "from" is not who spoke.
    heard = "The board heard from Dr Ann Lowe, who said costs “have doubled”."
    assert who(heard)[0][1] == "Ann Lowe"


def test_a_quote_opening_the_next_paragraph_unattributed_is_the_same_speakers() -> None:
    text = (
        "“We have been poor,” Nuala Brant said.\n\n"
        "“The players have given everything.”\n\n"
        "The club confirmed the squad on Friday.\n\n"
        "“It is a fresh start.”"
    )
    assert [speaker for _, speaker, _ in who(text)] == ["Nuala Brant", "Nuala Brant", None]


def test_a_pronoun_with_no_subject_before_resolves_to_the_last_person_titled() -> None:
    text = (
        "Floods minister Carys Abernethy visited Marrowby on Tuesday.\n\n"
        "“I want to thank the fire crews,” she said."
    )
    assert who(text) == [("I want to thank the fire crews", "Carys Abernethy", "said")]
    # A subject of a reporting verb named later wins over it.
    later = text.replace("\n\n", " Ida Frome said the town was cut off.\n\n")
    assert who(later)[0][1] == "Ida Frome"


def test_a_quote_signed_with_a_dash_is_the_named_persons() -> None:
    assert who("“We will sail in March.” — Ines Varga, council leader") == [
        ("We will sail in March.", "Ines Varga", None)
    ]
    # A dash before anything but a name signs nothing.
    assert who("“Never” — the word of the day.") == [("Never", None, None)]
    assert who("He said “no” — and then left.")[0][1] == "He"


def test_an_interview_printed_as_questions_and_answers_quotes_its_answers() -> None:
    text = (
        "The harbour master spoke to us on Friday.\n\n"
        "Q: Why did the ferry stop?\n\n"
        "A: The engine failed on Monday and we had no spare part.\n\n"
        "Q: When will it run again?\n\n"
        "A: We expect to sail by Friday, if the part arrives.\n\n"
        "Note: this interview was edited for length."
    )
    assert who(text) == [
        ("The engine failed on Monday and we had no spare part.", None, None),
        ("We expect to sail by Friday, if the part arrives.", None, None),
    ]
    named = "LOWE: The weir is failing.\n\nKIRK: Since when?\n\nLOWE: Since May.\n\nKIRK: I see."
    assert [(q, s) for q, s, _ in who(named)] == [
        ("The weir is failing.", "LOWE"),
        ("Since when?", "KIRK"),
        ("Since May.", "LOWE"),
        ("I see.", "KIRK"),
    ]
    # One label, or labels once each, make no interview.
    assert who("Note: edited.\n\nUpdate: the ferry sails.\n\nSource: the port.") == []


def test_a_plural_subject_with_no_determiner_opening_the_sentence_is_the_speaker() -> None:
    assert who('Health chiefs have promised that waits "will not happen again".') == [
        ("will not happen again", "Health chiefs", "promised")
    ]
    assert who('Then officials said it was "fine by us".')[0][1] is None


def test_what_data_suggested_is_quoted_from_the_person_reporting_it() -> None:
    text = (
        "Asked about the pier, Orla Dunmore said the survey suggested "
        '"a crack of about nine inches". '
        'Bram Kettle said the inspector suggested "closing the pier at once".'
    )
    assert who(text) == [
        ("a crack of about nine inches", "Orla Dunmore", "said"),
        # A person who suggested keeps the words: Kettle reports the inspector's.
        ("closing the pier at once", "the inspector", "suggested"),
    ]


def test_a_speaker_called_by_surname_is_the_person_named_before_in_full() -> None:
    text = (
        'Mission director Ifan Brackwell said: "We heard from it." '
        '"It is charging," Brackwell told reporters.\n\n'
        'Tess Brackwell, his sister, said: "He rang me." "It was late," Brackwell said.'
    )
    assert [speaker for _, speaker, _ in who(text)] == [
        "Ifan Brackwell",
        "Ifan Brackwell",
        "Tess Brackwell",
        # Two people of that name before: the surname as written.
        "Brackwell",
    ]


def test_a_participle_clause_set_off_after_the_speaker_is_not_the_speaker() -> None:
    text = 'Dr Ilse Varrow, speaking on a radio phone-in, said the dam "works but it leaks".'
    assert who(text) == [("works but it leaks", "Ilse Varrow", "said")]


def test_a_paragraph_ending_in_a_colon_introduces_the_quote_below_it() -> None:
    text = (
        "Dr Ilse Varrow's report was out on Monday. This is what Varrow told the paper:\n\n"
        '"The wall was built for the tides of 1990."\n\n'
        "It was a busy week.\n\n"
        '"Nobody asked us," a neighbour said. "Not once."'
    )
    assert [speaker for _, speaker, _ in who(text)] == ["Ilse Varrow", "a neighbour", "a neighbour"]
    # "she" with nobody named as a speaker: the person titled before, without "'s".
    pronoun = text.replace("what Varrow told", "what she told")
    assert who(pronoun)[0][1] == "Ilse Varrow"


def test_a_colon_after_a_named_person_brings_in_their_words() -> None:
    text = (
        "The hearing has opened. Chair Wenna Castell began with an apology: "
        '"We let every family in the valley down." '
        'Councillor Ifan Rhosier: "I had two hundred letters this week." '
        'Pryce Doran read a letter from a farmer: "My herd went without water for a day." '
        'Update: "The hearing will resume at two."'
    )
    assert [speaker for _, speaker, _ in who(text)] == [
        "Wenna Castell",
        "Ifan Rhosier",
        None,
        None,
    ]
