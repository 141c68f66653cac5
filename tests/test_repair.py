"""Repairs on small invented cases: what is repaired, and the traps that must not be."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pytest

from transcript_align import Correction, Options, Reference, Transcript, align, parse_transcript
from transcript_align.alignment import build_index
from transcript_align.normalize import text_words
from transcript_align.quotes import extract_quotes
from transcript_align.relate import assess
from transcript_align.repair import (
    Candidate,
    Features,
    Span,
    features,
    mine_candidates,
    scored_pairs,
)
from transcript_align.repair.aligned import (
    _by_start,
    _gaps,
    _run_blocks,
    _slipped,
    block_spans,
    blocks,
)
from transcript_align.repair.candidates import article_finds, with_context
from transcript_align.repair.confidence import BlockFit
from transcript_align.repair.guards import rest_beside, shared_in_place
from transcript_align.repair.propagate import Learned, propagated
from transcript_align.repair.spans import span_at


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


def test_a_truncated_name_is_repaired() -> None:
    got = repairs(SPEECH.format(name="Mr. Halvorse"), ARTICLE.format(full="Erik Halvorsen"))
    assert got == [("Halvorse", "Halvorsen", True)]


def test_common_words_spelling_a_name_exactly_are_joined() -> None:
    got = repairs(SPEECH.format(name="the sal ta va agency"), ARTICLE.format(full="Saltava"))
    assert got == [("sal ta va", "Saltava", True)]


def test_two_words_are_not_glued_into_a_compound_an_article_uses() -> None:
    speech = SPEECH.format(name="the free cash flow team") + (
        "00:25 our cash flow is strong and the cash flow will stay strong\n"
    )
    article = ARTICLE.format(full="The cashflow team") + " Cashflow was strong, cashflow grew."
    assert all(corrected.lower() != "cashflow" for _, corrected, _ in repairs(speech, article))


def test_a_split_name_whose_first_part_is_a_word_is_repaired() -> None:
    got = repairs(SPEECH.format(name="Ms. bran home"), ARTICLE.format(full="Ilse Branheim"))
    assert got == [("bran home", "Branheim", True)]


@pytest.mark.parametrize(
    ("heard", "full", "repaired"),
    [
        ("Mr. pen hallow", "Jory Penhallow", ("pen hallow", "Penhallow", True)),
        ("Ms. den is", "Ruth Dennis", ("den is", "Dennis", True)),
        ("Ms. bry an", "Ruth Bryan", ("bry an", "Bryan", True)),
        ("Councillor den is", "Ruth Dennis", ("den is", "Dennis", True)),
    ],
)
def test_a_name_split_into_words_is_repaired_whole(
    heard: str, full: str, repaired: tuple[str, str, bool]
) -> None:
    """The same letters as the name ("pen hallow"), or a name's last syllable heard
    as a function word ("den is"), after a title."""
    assert repairs(SPEECH.format(name=heard), ARTICLE.format(full=full)) == [repaired]


@pytest.mark.parametrize("name", ["Dennis", "Golden"])
def test_a_word_and_a_function_word_are_no_name_where_none_stands(name: str) -> None:
    speech = SPEECH.format(name=f"Ms. {name}") + (
        "00:25 the lion den is full and the gold in the vault is safe\n"
    )
    assert repairs(speech, ARTICLE.format(full=f"Ruth {name}")) == []


def test_the_word_i_after_a_name_is_not_taken_into_it() -> None:
    speech = SPEECH.format(name="port ross via i think and ms dorheim i believe")
    article = ARTICLE.format(full="Port Rasvia and Anna Torheim")
    t = parse_transcript(speech, "t.txt")
    weighed = scored_pairs(t, [Reference("a.txt", "", article)])
    assert weighed
    assert not any(span.text.lower().endswith(" i") for span, _, _ in weighed)
    assert ("dorheim", "Torheim", True) in repairs(speech, article)


def test_a_name_with_a_capitalised_particle_is_unglued() -> None:
    got = repairs(SPEECH.format(name="Mr. vantassel"), ARTICLE.format(full="Pieter Van Tassel"))
    assert got == [("vantassel", "Van Tassel", True)]


def test_a_common_word_beside_the_rest_of_the_name_is_repaired() -> None:
    speech = SPEECH.format(name="crystal Dufresne") + (
        "00:25 Christelle Dufresne and Christelle and again Christelle said so\n"
    )
    got = repairs(speech, ARTICLE.format(full="Christelle Dufresne"))
    assert got == [("crystal", "Christelle", True)]


def test_a_function_word_beside_the_rest_of_the_name_or_a_title_may_end_a_split() -> None:
    got = repairs(SPEECH.format(name="sore in Ben Rovoyo"), ARTICLE.format(full="Soren Ben Rovoyo"))
    assert got == [("sore in", "Soren", True)]
    got = repairs(SPEECH.format(name="mister more me ra"), ARTICLE.format(full="Anders Mormira"))
    assert got == [("more me ra", "Mormira", True)]


def test_a_function_word_with_no_name_beside_it_ends_no_split() -> None:
    # Away from the place an aligned passage has the name, nothing says "in" is part of it.
    article = ARTICLE.format(full="Officials") + " The Gorton team was praised."
    got = repairs(SPEECH.format(name="the gort in team"), article)
    assert all(not original.endswith(" in") for original, _, _ in got)


def _weighed(speech: str, article: str) -> list[tuple[str, str, Features]]:
    """Every pair the repair step weighs, anchored as in the pipeline."""
    t = parse_transcript(speech, "t.txt")
    ref = Reference("a.txt", "", article)
    index = build_index(t.tokens)
    _, rel = assess(ref, index)
    anchors = [tuple((r.ra, r.ta, r.rb - r.ra) for r in rel.runs)]
    return [(s.text, c.text, f) for s, c, f in scored_pairs(t, [ref], anchors, index.owner)]


def test_words_said_where_an_aligned_passage_has_the_name_are_its_slot() -> None:
    speech = SPEECH.format(name="mister ache oval")
    article = (
        'The minister said "the new ferry line to the islands will open in the spring of next '
        "year and it will carry more than two thousand people every single day Mr. Ekovo from "
        'the port authority will say a few words about the timetable".'
    )
    slotted = [(s, c) for s, c, f in _weighed(speech, article) if f.slot]
    assert slotted == [("ache oval", "Ekovo")]
    # Where no passage puts the name, the same words are too unlike it to be weighed at all.
    elsewhere = ARTICLE.format(full="Officials") + " Mr. Ekovo was praised."
    assert not [f for s, _, f in _weighed(speech, elsewhere) if s == "ache oval"]


def test_the_same_words_where_the_name_clearly_stands_echo_elsewhere() -> None:
    later = "00:25 and pet ink oh will then hand over to pet ink oh again\n"
    article = ARTICLE.format(full="Anders Petenko")
    titled = _weighed(SPEECH.format(name="mister pet ink oh") + later, article)
    bare = _weighed(SPEECH.format(name="the pet ink oh") + later, article)
    assert all(f.echo for s, _, f in titled if s == "pet ink oh")
    assert not any(f.echo for s, _, f in bare if s == "pet ink oh")


def test_a_span_over_part_of_what_was_said_is_not_the_best_match() -> None:
    weighed = _weighed(
        SPEECH.format(name="mister pet ink oh"), ARTICLE.format(full="Anders Petenko")
    )
    best = {s: f.best for s, c, f in weighed if c == "Petenko"}
    assert best == {"pet ink": False, "pet ink oh": True}


def test_a_rare_word_a_name_starts_with_is_the_name_cut_short() -> None:
    got = repairs(SPEECH.format(name="Mr. tamar"), ARTICLE.format(full="Anton Tamarek"))
    assert got == [("tamar", "Tamarek", True)]


def test_a_term_in_the_recognisers_own_spelling_is_not_taken_for_a_name_cut_short() -> None:
    assert repairs(SPEECH.format(name="the CoV team"), ARTICLE.format(full="The COVID team")) == []


def test_the_name_most_like_the_words_is_the_best_match() -> None:
    article = ARTICLE.format(full="Anders Moterlas") + " Lena Motellas agreed."
    weighed = _weighed(SPEECH.format(name="mister mow tear lass"), article)
    best = {c: f.best for s, c, f in weighed if s == "mow tear lass"}
    assert best == {"Moterlas": True, "Motellas": False}


def test_a_title_is_no_part_of_a_name_from_the_articles() -> None:
    ref = Reference("a.txt", "", "On Monday we met Ms Ben Rovoyo and Dr. Anna Kessel in town.")
    names = {c.text for c in mine_candidates([ref])}
    assert {"Ben Rovoyo", "Anna Kessel"} <= names
    assert not any(n.split()[0].rstrip(".") in ("Ms", "Dr") for n in names)


def test_a_common_word_opening_a_sentence_is_no_name() -> None:
    ref = Reference("a.txt", "", "It rained all day. Anna came home late. Then Kessel spoke.")
    assert {c.text for c in mine_candidates([ref])} == {"Kessel"}


def test_a_name_the_recogniser_wrote_is_not_taken_for_a_longer_one_cut_short() -> None:
    for said, written in (("Mr. Kessel", "Anna Kesselring"), ("the Gazprom", "Gazpromneft")):
        assert repairs(SPEECH.format(name=said), ARTICLE.format(full=written)) == []


def test_a_function_word_after_a_title_that_is_no_honorific_starts_no_name() -> None:
    got = repairs(SPEECH.format(name="our director of fence"), ARTICLE.format(full="Anna Offens"))
    assert got == []


def test_only_the_point_of_a_title_leaves_a_sentence_open() -> None:
    text = "The ferry left Skerra on the 21st. Officials praised it. It took 200 ms. Results held."
    assert {c.text for c in mine_candidates([Reference("a.txt", "", text)])} == {"Skerra"}


def test_the_pair_index_leaves_out_only_pairs_the_guards_refuse() -> None:
    # Every span against every candidate, one pair at a time: the index may skip a pair
    # only when features() refuses it (names and terms the articles use, misheard or not).
    from collections import Counter

    from transcript_align.repair import features, suspicious_spans
    from transcript_align.repair.pairing import candidate_pairs
    from transcript_align.repair.words import name_key

    speech = SPEECH.format(
        name="Mr. Delacroixe and ms van der pool with doctor ferrolisis and Ferrolysis Kinetics"
    )
    article = ARTICLE.format(full="Jules Delacroix, Ilse Vanterpool") + (
        " Dr. Ferrolysis of Ferrolysis Kinetics studies ferrovalene and cryolysis."
    )
    t = parse_transcript(speech, "t.txt")
    candidates = mine_candidates([Reference("a.txt", "", article)])
    spans = suspicious_spans(
        t,
        frozenset(c.sound[:2] for c in candidates),
        frozenset(k for c in candidates for k in c.neighbours),
    )
    vocabulary = frozenset(c.key for c in candidates if " " not in c.text)
    known = Counter(name_key(tok.text) for tok in t.tokens)
    indexed = {
        (s.first, s.last, c.key) for s, c in candidate_pairs(spans, candidates, t, vocabulary)
    }
    accepted = {
        (s.first, s.last, c.key)
        for s in spans
        for c in candidates
        if features(s, c, t, known, vocabulary) is not None
    }
    assert accepted
    assert accepted <= indexed


# Repairs from the word alignment of an aligned passage: the article quotes the speaker
# word for word, with the name where the transcript has other words.

QUOTED_LEAD = (
    "00:00 good afternoon and thank you all for coming to the harbour today\n"
    "00:05 the new ferry line to the islands will open in the spring of next year\n"
)


def quoted(said: str, written: str, later: str = "", other: str = "") -> list[Correction]:
    """The corrections when an article quotes ``written`` where ``said`` was heard."""
    speech = (
        QUOTED_LEAD
        + f"00:10 {said}\n00:20 after that we will take your questions about the ferry line\n"
        + later
    )
    article = (
        'The harbour master said on Monday that "the new ferry line to the islands will open '
        f'in the spring of next year." She added: "{written}"'
    )
    refs = [Reference("a.txt", "", article, quotes=extract_quotes(article))]
    if other:
        refs.append(Reference("b.txt", "", other, quotes=extract_quotes(other)))
    report = align(parse_transcript(speech, "t.txt"), refs)
    assert report.references[0].status == "aligned"
    return list(report.corrections)


def applied(corrections: list[Correction]) -> list[tuple[str, str]]:
    return [(c.original, c.corrected) for c in corrections if c.applied]


MISHEARD_IN_PLACE = [
    pytest.param(
        "and mister beans will chair the board that runs the boats from next year",
        "And Mr. Baines will chair the board that runs the boats from next year.",
        ("beans", "Baines"),
        id="surname-as-a-common-word",
    ),
    pytest.param(
        "our engineer oh yellow ran has checked every one of the new boats this week",
        "Our engineer Oyelaran has checked every one of the new boats this week.",
        ("oh yellow ran", "Oyelaran"),
        id="name-split-in-a-quote",
    ),
    pytest.param(
        "the fin ra rules apply to the ticket money that the harbour takes in each year",
        "The FINRA rules apply to the ticket money that the harbour takes in each year.",
        ("fin ra", "FINRA"),
        id="acronym-as-syllables",
    ),
    pytest.param(
        "the sea sickness comes from a this regulation of the inner ear on rough days",
        "The sea sickness comes from a dysregulation of the inner ear on rough days.",
        ("this regulation", "dysregulation"),
        id="technical-word-split",
    ),
    pytest.param(
        "matthews will lead the new ferry team and report to the board every month",
        "Mateus will lead the new ferry team and report to the board every month.",
        ("matthews", "Mateus"),
        id="name-opening-a-quote",
    ),
    pytest.param(
        "the ferry is now part of next tries network of boats along the whole coast",
        "The ferry is now part of Nexstar's network of boats along the whole coast.",
        ("next tries", "Nexstar's"),
        id="possessive-kept",
    ),
]


@pytest.mark.parametrize(("said", "written", "repair"), MISHEARD_IN_PLACE)
def test_words_heard_where_a_quote_has_the_name_are_repaired(
    said: str, written: str, repair: tuple[str, str]
) -> None:
    assert applied(quoted(said, written)) == [repair]


def test_a_first_name_heard_as_a_commoner_one_is_at_least_proposed() -> None:
    got = quoted(
        "we owe a great deal to catherine for the work on the timetable of the boats",
        "We owe a great deal to Katrin for the work on the timetable of the boats.",
    )
    assert [(c.original, c.corrected) for c in got] == [("catherine", "Katrin")]


@pytest.mark.parametrize(
    ("said", "written"),
    [
        (
            "nearly forty percent of the people on the islands will use the ferry every week",
            "40 percent of the people on the islands will use the ferry every week.",
        ),
        (
            "the minister will chair the board that runs the boats from next year on",
            "Katrin will chair the board that runs the boats from next year on.",
        ),
        (
            "the ukraine team will sail the boats from the port from next year on",
            "The Ukrainian team will sail the boats from the port from next year on.",
        ),
    ],
    ids=["number-said-otherwise", "title-for-a-name", "derivation"],
)
def test_a_genuine_wording_difference_is_not_corrected_toward_the_article(
    said: str, written: str
) -> None:
    assert quoted(said, written) == []


def test_a_name_only_an_unrelated_article_has_is_never_used() -> None:
    got = quoted(
        "and mister beans will chair the board that runs the boats from next year",
        "And the mayor will chair the board that runs the boats from next year.",
        other="Mr. Baines spoke about the football league on Sunday in the city.",
    )
    assert got == []


def test_a_learned_confusion_is_repaired_elsewhere_where_the_context_supports_it() -> None:
    got = quoted(
        "and mister beans will chair the board that runs the boats from next year",
        "And Mr. Baines will chair the board that runs the boats from next year.",
        later="00:30 later mister beans said the boats were ready and we had coffee beans\n",
    )
    assert applied(got) == [("beans", "Baines"), ("beans", "Baines")]
    learned, echoed = got
    assert echoed.confidence < learned.confidence
    assert echoed.evidence[0].text.startswith("learned at 00:1")  # where "beans" was learned
    assert echoed.start is not None and learned.start is not None
    assert echoed.start > learned.start  # "coffee beans", with no title, stays


def test_a_short_acronym_is_repaired_only_where_an_aligned_passage_has_it() -> None:
    said = "the pay deal for the boat crews was agreed with the r m t union last night"
    written = "The pay deal for the boat crews was agreed with the RMT union last night."
    assert applied(quoted(said, written)) == [("r m t", "RMT")]
    # Named away from the place it was said, three letters are too few to go by.
    assert quoted(said, "The ferry line opens soon. The RMT union is pleased.") == []


JOINED_IN_PLACE = [
    pytest.param(
        "the r and d budget for the boat crews was agreed with the union last night",
        "The R&D budget for the boat crews was agreed with the union last night.",
        ("r and d", "R&D"),
        id="letters-and-letter",
    ),
    pytest.param(
        "so the TQ and B costs of the boats went down by a lot in the second half",
        "So the TQ&B costs of the boats went down by a lot in the second half.",
        ("TQ and B", "TQ&B"),
        id="letters-and-letter-cased",
    ),
    pytest.param(
        "we think our KNV team looked at three ferry firms along the whole coast",
        "We think our K&V team looked at three ferry firms along the whole coast.",
        ("KNV", "K&V"),
        id="and-heard-as-a-letter",
    ),
    pytest.param(
        "we think our V any costs for the boats went down by a lot in the second half",
        "We think our V&E costs for the boats went down by a lot in the second half.",
        ("V any", "V&E"),
        id="first-letter-heard-right",
    ),
]


@pytest.mark.parametrize(("said", "written", "repair"), JOINED_IN_PLACE)
def test_a_name_joined_by_an_ampersand_is_written_whole_where_a_quote_has_it(
    said: str, written: str, repair: tuple[str, str]
) -> None:
    got = quoted(said, written)
    assert applied(got) == [repair]
    # Its words become one written word over the time they took.
    speech = QUOTED_LEAD + f"00:10 {said}\n00:20 after that we will take your questions\n"
    heard = parse_transcript(speech, "t.txt").tokens
    words = [t for t in heard if t.start is not None and t.start >= 10_000]
    k = [t.text for t in words].index(repair[0].split()[0])
    n = len(repair[0].split())
    assert (got[0].start, got[0].end) == (words[k].start, words[k + n - 1].end)


def test_a_joined_name_written_as_the_article_writes_it_is_left_alone() -> None:
    said = "we think our K&V team looked at three ferry firms along the whole coast"
    written = "We think our K&V team looked at three ferry firms along the whole coast."
    assert quoted(said, written) == []


def test_a_joined_name_and_the_same_letters_unjoined_are_two_names() -> None:
    finds = article_finds("Our PP&E grew. The PPE stock grew. The XQ&E team and XQE.")
    assert [(f[0], f[1]) for f in finds] == [
        ("PP&E", "ppande"),
        ("PPE", "ppe"),
        ("XQ&E", "xqande"),
        ("XQE", "xqe"),
    ]


def test_a_joined_name_is_repaired_only_where_an_aligned_passage_has_it() -> None:
    said = "the fuel budget for the boat crews was agreed with the union last night"
    written = (
        "The fuel budget for the boat crews was agreed with the union last night. "
        "Our R&D and K&V teams are new."
    )
    later = "00:30 we spend more on r and d every year and the KNV staff grew\n"
    assert [c for c in quoted(said, written, later) if c.corrected in ("R&D", "K&V")] == []


def test_a_block_holding_a_word_of_the_name_heard_right_is_no_mishearing() -> None:
    got = quoted(
        "the talks with ms walsenlas went well and will go on into the next month",
        "The talks with Walsenlas I think went well and will go on into the next month.",
    )
    assert all(c.corrected != "Walsenlas I" for c in got)


def test_a_name_heard_inside_a_longer_word_beside_the_rest_of_it_is_repaired() -> None:
    got = quoted(
        "we thank katarzyna wrapping who will chair the board that runs the boats",
        "We thank Katarzyna Rappin, who will chair the board that runs the boats.",
    )
    assert applied(got) == [("wrapping", "Rappin")]


def test_a_derivation_beside_the_rest_of_a_name_stays() -> None:
    got = quoted(
        "the ecological brands team will sail the boats from the port from next year on",
        "The Ecologic Brands team will sail the boats from the port from next year on.",
    )
    assert applied(got) == []


def test_a_name_amid_a_long_quote_is_repaired_however_unlike_the_words() -> None:
    got = quoted(
        "we have done a lot of work on college prevention on all of the boats this year",
        "We have done a lot of work on COVID prevention on all of the boats this year.",
    )
    assert applied(got) == [("college", "COVID")]


def _learned_two_words(heard: str, article: str, name: str, again: str) -> list[Correction]:
    """What propagates from the two words ``heard`` taken for ``name`` (with confidence
    0.95) at 00:10 to the word ``again`` heard at 00:15."""
    first_word = heard.split()[0]
    t = parse_transcript(
        QUOTED_LEAD
        + f"00:10 and {heard} will chair the board\n"
        + f"00:15 later mister {again} said the boats were ready\n",
        "t.txt",
    )
    first = [k.text for k in t.tokens].index(first_word)
    cand = next(c for c in mine_candidates([Reference("a.txt", "", article)]) if c.text == name)
    span = span_at(t, first, first + 2)
    assert span is not None and span.text == heard
    taken = bytearray(len(t.tokens))
    taken[first : first + 2] = b"\x01\x01"
    return propagated(t, [Learned(span, cand, 0.95)], taken, min_confidence=0.8, apply=True)


def test_the_words_of_a_whole_name_are_learned_one_by_one() -> None:
    article = "The board will be chaired by Olivier Zelkwo of the port."
    got = _learned_two_words("olivia selquo", article, "Olivier Zelkwo", "selquo")
    assert [(c.original, c.corrected, c.applied) for c in got] == [("selquo", "Zelkwo", True)]
    assert got[0].confidence < 0.95
    assert got[0].evidence[0].text.startswith("learned at 00:1")


def test_a_learned_confusion_beside_the_rest_of_the_name_as_heard_is_repaired() -> None:
    t = parse_transcript(
        QUOTED_LEAD
        + "00:10 we thank brett for the work\n"
        + "00:15 and mister kiss stead agreed with us\n"
        + "00:20 later brett kiss stead thanked the crews\n",
        "t.txt",
    )
    words = [k.text for k in t.tokens]
    article = "The port is run by Bret Kesstad and his crews."
    cands = {c.text: c for c in mine_candidates([Reference("a.txt", "", article)])}
    learned = []
    taken = bytearray(len(t.tokens))
    for first, n, name in ((words.index("brett"), 1, "Bret"), (words.index("kiss"), 2, "Kesstad")):
        span = span_at(t, first, first + n)
        assert span is not None
        learned.append(Learned(span, cands[name], 0.95))
        taken[first : first + n] = b"\x01" * n
    got = propagated(t, learned, taken, min_confidence=0.8, apply=True)
    assert sorted((c.original, c.corrected) for c in got) == [
        ("brett", "Bret"),
        ("kiss stead", "Kesstad"),
    ]


def test_a_learned_confusion_outranks_a_weaker_proposal_of_its_own() -> None:
    # "kesstad" heard right elsewhere makes "cestad" on its own too unsure to apply;
    # taken for the name where the quote has it, it is the name after a title too.
    got = quoted(
        "and mister cestad will chair the board that runs the boats from next year",
        "And Mr. Kesstad will chair the board that runs the boats from next year.",
        later="00:30 later mister cestad said that the boats were ready for the winter\n"
        "00:40 and we met kesstad on the pier and kesstad was glad\n",
    )
    assert applied(got) == [("cestad", "Kesstad"), ("cestad", "Kesstad")]
    assert got[1].evidence[0].text.startswith("learned at 00:1")


def test_a_capitalised_common_word_is_no_rare_word_to_learn_from_context() -> None:
    got = quoted(
        "and mister beans will chair the board that runs the boats from next year",
        "And Mr. Baines will chair the board that runs the boats from next year.",
        later="00:30 we are ready. Beans for the board that runs the boats were ordered\n",
    )
    assert applied(got) == [("beans", "Baines")]


def test_a_name_with_a_function_word_glued_on_keeps_the_word() -> None:
    got = quoted(
        "the ministryof finance will pay for the new boats from next year on",
        "The Ministry of Finance will pay for the new boats from next year on.",
    )
    assert ("ministryof", "Ministry") not in applied(got)


def test_the_words_of_a_name_that_do_not_pair_up_are_not_learned_one_by_one() -> None:
    article = "The board was joined by Anna De Ashtaton of the port."
    got = _learned_two_words("ashtaton and", article, "De Ashtaton", "ashtaton")
    assert all(c.corrected != "De" for c in got)


def test_a_name_closing_a_quote_is_read_from_its_own_side_only() -> None:
    # The article joins two quotes; the speaker said "thank you all" between them.
    speech = (
        QUOTED_LEAD
        + "00:10 we owe a great deal to our engineer beans thank you all "
        + "the boats will run from next year on\n"
        + "00:20 after that we will take your questions about the ferry line\n"
    )
    article = (
        'The harbour master said on Monday that "the new ferry line to the islands will open '
        'in the spring of next year." She added: "We owe a great deal to our engineer '
        'Baines." "The boats will run from next year on," she said.'
    )
    ref = Reference("a.txt", "", article, quotes=extract_quotes(article))
    report = align(parse_transcript(speech, "t.txt"), [ref])
    assert applied(list(report.corrections)) == [("beans", "Baines")]


def test_a_heard_possessive_that_is_the_names_own_last_sound_is_dropped() -> None:
    got = quoted(
        "the new pipes of annika's will carry the gas to the islands from next year",
        "The new pipes of Enagas will carry the gas to the islands from next year.",
        later="00:30 later mister annika's said that the pipes were ready for the winter\n",
    )
    assert applied(got) == [("annika's", "Enagas"), ("annika's", "Enagas")]


def test_one_everyday_word_written_as_a_name_is_not_learned_from_context() -> None:
    got = quoted(
        "and mister great will chair the board that runs the boats from next year",
        "And Mr. Greg will chair the board that runs the boats from next year.",
        later="00:30 and so Great for the board that runs the boats from next year\n",
    )
    assert [c.start for c in got if c.applied and c.corrected == "Greg"] == [
        c.start for c in got[:1]
    ]


def test_names_within_an_edit_come_in_the_articles_order() -> None:
    from transcript_align.repair.aligned import _by_start, _names_within

    names = {
        (9, 11): (0, ""),
        (3, 4): (1, "'s"),
        (5, 7): (2, ""),
        (4, 6): (3, ""),
        (12, 13): (4, ""),
    }
    found = _names_within(_by_start(names), 3, 11)
    # Every occurrence inside [3, 11), none reaching past it, in the map's own order.
    assert found == [(9, 11, 0, ""), (3, 4, 1, "'s"), (5, 7, 2, ""), (4, 6, 3, "")]
    assert _names_within(_by_start(names), 4, 6) == [(4, 6, 3, "")]
    assert _names_within(_by_start(names), 5, 6) == []


def test_runs_near_a_unit_are_found_by_look_up_as_by_reading_them_all() -> None:
    from transcript_align.repair.words import Runs, reaching

    anchors = [(0, 5, 4), (6, 20, 3), (12, 40, 10), (30, 90, 2)]
    runs = Runs(anchors)
    assert runs == tuple(anchors) and runs.ordered
    for unit in range(-5, 40):
        for reach in (0, 2, 3):
            assert reaching(runs, unit, reach) == reaching(anchors, unit, reach)
    assert reaching(runs, 10, 3) == [(6, 20, 3), (12, 40, 10)]
    unordered = Runs([(12, 40, 10), (0, 5, 4)])  # not in article order: every run is read
    assert not unordered.ordered and reaching(unordered, 1, 2) == [(0, 5, 4)]


def test_a_slip_beside_a_name_at_a_quote_edge_leaves_its_place_sure() -> None:
    # "wok" for "work" next to the name: the words matched before it still hold the place.
    got = quoted(
        "we owe the new time table to the hard wok of oh yellow ran",
        "We owe the new timetable to the hard work of Oyelaran.",
    )
    assert applied(got) == [("oh yellow ran", "Oyelaran")]


def test_a_short_name_is_repaired_only_where_an_aligned_passage_has_it() -> None:
    said = "and we thank damn for the work on the timetable of the boats this year"
    written = "And we thank Dan for the work on the timetable of the boats this year."
    assert applied(quoted(said, written)) == [("damn", "Dan")]
    # Named away from the place it was said, three letters are too few to go by.
    assert quoted(said, "The ferry line opens soon. The port chief Dan Frey is pleased.") == []


WHOLE_NAME_ARTICLE = ARTICLE.replace(
    "{full} of the port authority presented the timetable.",
    "The timetable was presented by {full} of the port authority.",
)


@pytest.mark.parametrize(
    ("heard", "name"),
    [
        ("olivia selquo", "Olivier Zelkwo"),
        ("catherina wrapping", "Katarzyna Rappin"),
    ],
)
def test_a_whole_name_heard_word_for_word_is_repaired_as_one(heard: str, name: str) -> None:
    got = repairs(SPEECH.format(name=heard), WHOLE_NAME_ARTICLE.format(full=name))
    assert got == [(heard, name, True)]


def test_word_for_word_needs_every_word_of_the_name_misheard_in_turn() -> None:
    from transcript_align.repair.guards import word_for_word

    assert word_for_word("olivia selquo", "Olivier Zelkwo")
    assert not word_for_word("brett kiss stead", "Bret Kesstad")  # split: maybe two names
    assert not word_for_word("the couplets", "Liko Caplets")  # a function word is no name
    assert not word_for_word("new york", "New Jersey")
    assert not word_for_word("selquo", "Olivier Zelkwo")  # fewer words than the name


@pytest.mark.parametrize(
    ("heard", "name", "repair"),
    [
        ("kaya Walley", "Kaja Walley", ("kaya", "Kaja")),
        ("Raymond willet", "Raymond Ouellette", ("willet", "Ouellette")),
    ],
)
def test_a_word_beside_the_rest_of_the_name_is_weighed_by_how_it_is_misheard(
    heard: str, name: str, repair: tuple[str, str]
) -> None:
    got = repairs(SPEECH.format(name=heard), WHOLE_NAME_ARTICLE.format(full=name))
    assert got == [(*repair, True)]


def test_a_first_name_many_share_does_not_say_which_surname_an_unlike_word_is() -> None:
    # Beside "Raymond" with only Raymond Ouellette in the articles, "willet" is his surname
    # misheard; with four Raymonds the first name alone no longer tells which of them.
    speech = SPEECH.format(name="Raymond willet")
    alone = WHOLE_NAME_ARTICLE.format(full="Raymond Ouellette")
    crowd = " Raymond Baptiste, Raymond Kowalczyk and Raymond Adeyemi also spoke."
    assert repairs(speech, alone) == [("willet", "Ouellette", True)]
    assert repairs(speech, alone + crowd) == []


@pytest.mark.parametrize(
    ("heard", "name"),
    [
        ("van stead", "Thierry Van Stenstad"),
        ("stead and Robert", "Robert Stenetti"),
        ("Javier Suarez", "Jose Javier Ruiz"),
    ],
    ids=[
        "a-particle-is-no-rest-of-a-name",
        "the-rest-on-the-far-side-of-a-function-word",
        "another-person-sharing-a-first-name",
    ],
)
def test_words_unlike_a_name_beside_only_a_particle_or_a_function_word_stay(
    heard: str, name: str
) -> None:
    assert repairs(SPEECH.format(name=heard), WHOLE_NAME_ARTICLE.format(full=name)) == []


def test_at_a_quote_edge_the_word_right_after_the_matched_words_is_the_name_whatever_it_is() -> (
    None
):
    # The quote ends with the name: "is" stands where it was said, though a function word.
    got = quoted(
        "we owe the new time table to the hard work of is risk",
        "We owe the new timetable to the hard work of ISRS.",
    )
    assert applied(got) == [("is risk", "ISRS")]


def test_a_word_of_the_names_family_beside_a_rare_rest_of_it_is_the_name() -> None:
    got = repairs(
        SPEECH.format(name="olivia Zelkwo"), WHOLE_NAME_ARTICLE.format(full="Olivier Zelkwo")
    )
    assert got == [("olivia", "Olivier", True)]
    # Beside a common word, a word of the family may be what was said.
    got = repairs(
        SPEECH.format(name="ecological Brands"), WHOLE_NAME_ARTICLE.format(full="Ecologic Brands")
    )
    assert got == []


@pytest.mark.parametrize(
    ("said", "written", "repair"),
    [
        (
            "we owe the new time table to the hard work of the khan show",
            "We owe the new timetable to the hard work of the Concho.",
            ("khan show", "Concho"),
        ),
        (
            "death last will lead the new ferry team and report to the board every month",
            "Detlef will lead the new ferry team and report to the board every month.",
            ("death last", "Detlef"),
        ),
    ],
    ids=["closing-a-quote", "opening-a-quote"],
)
def test_words_well_explained_as_the_name_misheard_at_a_quote_edge_are_repaired(
    said: str, written: str, repair: tuple[str, str]
) -> None:
    assert applied(quoted(said, written)) == [repair]


def test_between_matched_words_a_mishearing_need_only_be_likelier_than_a_change() -> None:
    # "ox up" for "OXXO" is a middling mishearing (between 0.5 and 0.6): enough where the
    # passage matches on both sides, not at its edge.
    got = quoted(
        "we will open more ox up stores along the harbour front next year for the people",
        "We will open more OXXO stores along the harbour front next year for the people.",
    )
    assert applied(got) == [("ox up", "OXXO")]


def test_amid_a_quote_matched_fully_on_both_sides_a_looser_mishearing_is_the_name() -> None:
    # "she von" for "Siobhan" is a weak mishearing (between 0.4 and 0.5): enough where the
    # passage matches four words or more on each side, not with fewer on one side.
    got = quoted(
        "we will open the new office with she von and the crew along the harbour front",
        "We will open the new office with Siobhan and the crew along the harbour front.",
    )
    assert applied(got) == [("she von", "Siobhan")]
    got = quoted(
        "the board thanks she von for every one of the new boats this week",
        "The board thanks Siobhan for every one of the new boats this week.",
    )
    assert applied(got) == []


def test_amid_a_quote_matched_fully_on_both_sides_a_name_heard_by_its_sound_is_repaired() -> None:
    # "keeva" for "Caoimhe": said alike, spelled nothing alike (a mishearing score near 0.3).
    got = quoted(
        "we will open the new office with keeva and the crew along the harbour front",
        "We will open the new office with Caoimhe and the crew along the harbour front.",
    )
    assert applied(got) == [("keeva", "Caoimhe")]
    got = quoted(
        "the board thanks keeva for every one of the new boats this week",
        "The board thanks Caoimhe for every one of the new boats this week.",
    )
    assert applied(got) == []


@pytest.mark.parametrize(
    ("heard", "repair"),
    [
        ("K T", [("K T", "KT")]),
        ("kt", []),
        ("katie", []),  # one word: one the recogniser chose
        ("k t oh", []),
        ("kay tea", [("kay tea", "KT")]),  # words that sound the letters out one by one
        ("kay tea oh", []),
    ],
)
def test_two_capitals_are_repaired_only_from_their_very_letters_amid_a_quote(
    heard: str, repair: list[tuple[str, str]]
) -> None:
    got = quoted(
        f"the study that is done at the {heard} Brannock clinic is going well this year",
        "The study that is done at the KT Brannock clinic is going well this year.",
    )
    assert applied(got) == repair


@pytest.mark.parametrize(
    ("said", "written", "repair"),
    [
        ("we think the SP team", "We think the QSP team", [("SP", "QSP")]),
        ("we think that my team", "We think that Mike team", []),
    ],
)
def test_two_letters_amid_a_quote_may_be_an_acronym_heard_short_never_a_word(
    said: str, written: str, repair: list[tuple[str, str]]
) -> None:
    rest = " looked at three ferry firms along the whole coast this year"
    assert applied(quoted(said + rest, written + rest + ".")) == repair


@pytest.mark.parametrize("heard", ["kz I", "KZ I"])
def test_an_acronym_closing_a_quote_heard_as_its_letters_regrouped_is_repaired(
    heard: str,
) -> None:
    # "I" ends no name as a pronoun, but here it is the acronym's last letter.
    got = quoted(
        f"the new boats are rated well by the {heard} uh you know from the start",
        "The new boats are rated well by the KZI.",
    )
    assert applied(got) == [(heard, "KZI")]


@pytest.mark.parametrize(
    ("said", "written", "repair"),
    [
        pytest.param(
            "and we sold the boats to the virtual q x r t s and as we said",
            "And we sold the boats to the, the virtual QXRTs.",
            ("q x r t s", "QXRTs"),
            id="the-article-stutters",
        ),
        pytest.param(
            "and we sold the boats to the uh virtual q x r t and as we said",
            "And we sold the boats to the virtual QXRT.",
            ("q x r t", "QXRT"),
            id="the-speaker-hesitates",
        ),
    ],
)
def test_a_stutter_beside_a_name_at_a_quotes_edge_leaves_its_place_sure(
    said: str, written: str, repair: tuple[str, str]
) -> None:
    # Only one side of the name is matched (the quote ends with it): the words counted
    # there go on past a word said twice or a filler, and an acronym heard letter by
    # letter is taken whole, plural included.
    assert applied(quoted(said, written)) == [repair]


def test_a_run_said_elsewhere_leaves_the_gap_between_its_neighbours_read() -> None:
    # Article units 40-49 ("our next question is coming from") found where the phrase was
    # said another time (transcript unit 900): the sentence between the runs around it
    # is still read word by word.
    runs = [(0, 0, 30), (40, 900, 10), (55, 60, 20)]
    assert _gaps(runs) == [((24, 61), (24, 66))]
    # Said in order but overlapping in the article: no gap, and none passed over.
    assert _gaps([(0, 0, 30), (25, 40, 10), (40, 60, 20)]) == [((29, 46), (44, 66))]


def test_between_matched_words_a_heard_possessive_follows_the_article() -> None:
    # The article writes the name bare where the recogniser heard "'s": the sound is the
    # name's own ("kiddie's" for "TID"); where it writes the possessive, it is kept.
    said = "we will meet the chair of the kiddie's board along the harbour front next year"
    written = "We will meet the chair of the {} board along the harbour front next year."
    assert applied(quoted(said, written.format("TID"))) == [("kiddie's", "TID")]
    assert applied(quoted(said, written.format("TID's"))) == [("kiddie's", "TID's")]


def test_a_name_the_article_gives_a_possessive_is_weighed_with_its_sound() -> None:
    # "fires" is a poor mishearing of "Spire" and a good one of "Spire's", which the
    # article has there.
    said = "we value the very professional perspective of fires leadership to our partners"
    written = "We value the very professional perspective of {} leadership to our partners."
    assert applied(quoted(said, written.format("Spire's"))) == [("fires", "Spire's")]
    assert applied(quoted(said, written.format("Spire"))) == []


@pytest.mark.parametrize(
    ("heard", "name", "repair"),
    [
        ("C", "Sea", ("C", "Sea")),  # the letter's name is the name's sound
        ("L", "Elle", ("L", "Elle")),
        ("M X", "Omex", ("M X", "Omex")),  # letters in capitals, fewer than three
        ("um X", "Omex", ("X", "Omex")),  # the filler beside it was said beside it
        ("Q", "Sea", None),  # a letter that sounds otherwise stays
    ],
)
def test_a_letter_written_where_the_article_has_a_name_is_read_as_said(
    heard: str, name: str, repair: tuple[str, str] | None
) -> None:
    said = "we will open the new office with the {} team along the harbour front next year"
    written = "We will open the new office with the {} team along the harbour front next year."
    assert applied(quoted(said.format(heard), written.format(name))) == ([repair] if repair else [])


def test_an_acronym_heard_letter_by_letter_is_measured_as_read() -> None:
    # "beady eye" is longer than "BDI" written, not than "BDI" read; its "eye" is a letter.
    said = "we will open the new office with the {} team along the harbour front next year"
    written = "We will open the new office with the {} team along the harbour front next year."
    assert applied(quoted(said.format("beady eye"), written.format("BDI"))) == [
        ("beady eye", "BDI")
    ]
    # "hey" reads "TKV" worse than the letters alone: it was said beside them.
    assert applied(quoted(said.format("tee kay vee hey"), written.format("TKV"))) == []


def _spread(heard: str, article: str, name: str, later: str) -> list[tuple[str, str]]:
    """What propagates from ``heard`` taken for ``name`` (confidence 0.95) at 00:10 to
    the line ``later`` said at 00:15."""
    t = parse_transcript(
        QUOTED_LEAD + f"00:10 and {heard} will chair the board\n00:15 {later}\n", "t.txt"
    )
    words = [k.text for k in t.tokens]
    n = len(heard.split())
    first = next(k for k in range(len(words)) if words[k : k + n] == heard.split())
    ref = Reference("a.txt", "", article)
    cand = with_context(next(c for c in mine_candidates([ref]) if c.text == name), [ref])
    span = span_at(t, first, first + n, 2)
    assert span is not None
    taken = bytearray(len(t.tokens))
    taken[first : first + n] = b"\x01" * n
    got = propagated(t, [Learned(span, cand, 0.95)], taken, min_confidence=0.8, apply=True)
    return [(c.original, c.corrected) for c in got if c.applied]


def test_an_acronym_learned_as_letters_is_repaired_wherever_the_letters_recur() -> None:
    article = "The GCP board will meet the ferry company."
    assert _spread("g c p", article, "GCP", "we sold the g c p plant") == [("g c p", "GCP")]
    # Two letters too: spelled one by one, they are the acronym again.
    article = "The KT board will meet the ferry company."
    assert _spread("k t", article, "KT", "we sold the k t plant") == [("k t", "KT")]


def test_common_words_learned_for_a_name_recur_as_it_only_amid_its_context() -> None:
    article = (
        "Tallbrook will carry the gas. The pipeline volumes of Tallbrook grew and the "
        "transport contribution rose."
    )
    amid = "the pipeline volumes of tall brook grew and the transport contribution rose"
    assert _spread("tall brook", article, "Tallbrook", amid) == [("tall brook", "Tallbrook")]
    assert _spread("tall brook", article, "Tallbrook", "we walked through tall brook") == []
    # With a bare vowel among them, the words are everyday speech even amid the context.
    article = "The EBIT of the ferry grew. EBIT rose as the fares and the margin grew."
    amid = "the fares rose and the margin grew a bit as the ferry grew"
    assert _spread("a bit", article, "EBIT", amid) == []


def test_a_common_word_learned_for_a_name_recurs_as_it_beside_a_word_the_name_has() -> None:
    article = "The board reports non- KORE results. The fares and the margin of the ferry grew."
    amid = "the non core results of the ferry grew and the fares and the margin rose"
    assert _habit("core", 2, amid, article, "KORE") == [("core", "KORE")]
    # Taken for the name at one place only, it may have been the word that one time.
    assert _habit("core", 1, amid, article, "KORE") == []
    # The same context without a word the name stands beside: "core" is the word said.
    amid = "the core of the ferry grew and the fares and the margin rose"
    assert _habit("core", 2, amid, article, "KORE") == []
    # A word beside the name on the other side of it says nothing.
    amid = "the results core of the ferry grew and the fares and the margin rose"
    assert _habit("core", 2, amid, article, "KORE") == []


TORVANE = "Torvane will carry the gas. The pipeline volumes of Torvane grew this year."


def _habit(
    heard: str, times: int, later: str, article: str = TORVANE, name: str = "Torvane"
) -> list[tuple[str, str]]:
    """What propagates to the line ``later`` from ``heard`` taken for ``name`` at
    ``times`` places before it."""
    lines = "".join(f"00:{10 + k:02d} and {heard} will carry the gas\n" for k in range(times))
    t = parse_transcript(QUOTED_LEAD + lines + f"00:59 {later}\n", "t.txt")
    ref = Reference("a.txt", "", article)
    cand = with_context(next(c for c in mine_candidates([ref]) if c.text == name), [ref])
    words = [k.text for k in t.tokens]
    n = len(heard.split())
    learned = []
    taken = bytearray(len(t.tokens))
    for first in range(len(words)):
        if words[first : first + n] == heard.split() and len(learned) < times:
            span = span_at(t, first, first + n)
            assert span is not None
            learned.append(Learned(span, cand, 0.95))
            taken[first : first + n] = b"\x01" * n
    got = propagated(t, learned, taken, min_confidence=0.8, apply=True, references=[ref])
    return [(c.original, c.corrected) for c in got if c.applied]


def test_words_taken_for_a_name_again_and_again_recur_as_it_amid_its_context() -> None:
    amid = "the pipeline volumes of tore vein grew this year"
    # "tore vein" has no function word: learned once, it recurs amid the context already.
    assert _habit("tore vein", 1, amid) == [("tore vein", "Torvane")]
    # "to the vane" has: a habit only once taken for the name at three places.
    amid = "the pipeline volumes of to the vane grew this year"
    assert _habit("to the vane", 2, amid) == []
    assert _habit("to the vane", 3, amid) == [("to the vane", "Torvane")]
    # Never away from the name's context.
    assert _habit("to the vane", 3, "we walked to the vane on the hill") == []
    # One function word taken for it again and again is still said for itself.
    assert _habit("then", 3, "the pipeline volumes of then grew this year") == []


def test_words_beside_a_name_are_read_within_its_sentence() -> None:
    from transcript_align.repair.candidates import words_beside

    text = "They report non- KORE results. We saw KORE, then KORE. Then the KORE margin rose."
    ref = Reference("a.txt", "", text)
    cand = next(c for c in mine_candidates([ref]) if c.text == "KORE")
    before, after = words_beside(cand, [ref])
    assert (before, after) == ({"non", "saw"}, {"results", "margin"})


def test_part_of_a_name_at_a_quote_edge_is_not_taken_for_all_of_it() -> None:
    # "via", a function word, may not end the words taken; "tore" alone is not the name.
    got = quoted(
        "we will rebuild every single house in port tore via we will accept",
        "We will rebuild every single house in Port Torvia.",
    )
    assert applied(got) == []


def test_part_of_a_name_beside_the_rest_of_it_is_not_proposed_for_all_of_it() -> None:
    got = repairs(
        SPEECH.format(name="the mayor of port tore via"),
        WHOLE_NAME_ARTICLE.format(full="the mayor of Port Torvia"),
    )
    assert got == []  # "tore" is only the start of "Torvia": "via" goes on with it


def test_an_acronym_read_letter_by_letter_may_take_one_word_a_letter() -> None:
    got = quoted(
        "the cost of the a f u d c rules fell in every one of the ports this year",
        "The cost of the AFUDC rules fell in every one of the ports this year.",
    )
    assert applied(got) == [("a f u d c", "AFUDC")]


def test_an_article_before_the_heard_name_is_left_when_the_rest_explains_it_as_well() -> None:
    # The speaker said "the" before a name the report writes bare.
    got = quoted(
        "the boats will sail to the ross re va islands from the port next year",
        "The boats will sail to Rasriva islands from the port next year.",
    )
    assert applied(got) == [("ross re va", "Rasriva")]


def test_learned_words_that_are_only_part_of_what_is_heard_for_the_name_are_left() -> None:
    article = "The board will be chaired by Olga Strakonenko of the port."
    later = "later mister straw con ink {} said the boats were ready"
    assert _spread("straw con ink", article, "Strakonenko", later.format("")) == [
        ("straw con ink", "Strakonenko")
    ]
    # "oh" goes on with them: "straw con ink oh" is the whole name here.
    assert _spread("straw con ink", article, "Strakonenko", later.format("oh")) == []


def test_an_article_next_to_the_matched_words_opens_words_said_not_a_name() -> None:
    # The report writes a name where the speaker said "the mayor": a wording difference.
    got = quoted(
        "we owe the new time table to the hard work of the mayor and the crew",
        "We owe the new timetable to the hard work of Thomas.",
    )
    assert applied(got) == []


def test_a_whole_name_heard_word_for_word_is_not_taken_from_a_split_one() -> None:
    # "tolley on oh" stands for "Tolliano": "karen tolley" is not the whole name.
    got = repairs(
        SPEECH.format(name="karen tolley on oh"), WHOLE_NAME_ARTICLE.format(full="Caren Tolliano")
    )
    assert ("karen tolley", "Caren Tolliano", True) not in got


def test_the_rest_of_a_name_is_kept_with_its_side() -> None:
    finds = {f[0]: f[5] for f in article_finds("The flood bond Cold Fern Re is now in place.")}
    assert finds["Fern"] == ("cold", "re")
    cand = next(
        c
        for c in mine_candidates([Reference("a.txt", "", "We met Cold Fern Re.")])
        if c.text == "Fern"
    )
    assert cand.before == {"cold"} and cand.after == {"re"}


def test_a_word_of_the_name_on_the_wrong_side_is_no_rest_of_it() -> None:
    # "Cold" stands before "Fern" in the article; "Bond Cold" has it after "Bond".
    t = parse_transcript("00:00 our flood Bond Cold Fern re three is now in place\n", "t.txt")
    cand = next(
        c
        for c in mine_candidates([Reference("a.txt", "", "We met Cold Fern Re.")])
        if c.text == "Fern"
    )
    at = [tok.text for tok in t.tokens].index("Bond")
    bond, fern = span_at(t, at, at + 1), span_at(t, at + 2, at + 3)
    assert bond is not None and fern is not None
    assert rest_beside(bond, cand, t) == []
    assert rest_beside(fern, cand, t) == ["cold", "re"]


def test_words_of_the_name_reordered_are_no_mishearing_of_it() -> None:
    t = parse_transcript(
        "00:00 volumes for the first half\n00:05 alder transport air transport saw less demand\n",
        "t.txt",
    )
    at = [tok.text for tok in t.tokens].index("alder")
    ref = Reference("a.txt", "", "We saw that Air Transport grew.")
    cand = next(c for c in mine_candidates([ref]) if c.text == "Air Transport")
    span = span_at(t, at, at + 3)
    assert span is not None and features(span, cand, t, {}) is None
    assert shared_in_place(["mary", "louise", "vantagio"], ["marie", "louise", "vantaggio"])
    assert not shared_in_place(["alder", "transport", "air"], ["air", "transport"])
    assert not shared_in_place(["transport", "air"], ["air", "transport"])


def test_a_common_word_past_a_name_closing_a_quote_is_left_out() -> None:
    # "dow" is "Dowell" at the quote's end; "please" opens what the article left out.
    speech = (
        QUOTED_LEAD
        + "00:10 i would now like to turn the conference over to sally dow please go ahead\n"
        + "00:20 after that we will take your questions about the ferry line\n"
    )
    article = (
        'The harbour master said on Monday that "the new ferry line to the islands will open '
        'in the spring of next year." The host said: "I would now like to turn the '
        'conference over to Sally Dowell."'
    )
    ref = Reference("a.txt", "", article, quotes=extract_quotes(article))
    report = align(parse_transcript(speech, "t.txt"), [ref])
    assert all(c.original != "dow please" for c in report.corrections)


def test_a_misheard_word_beside_a_name_inside_its_edit_pairs_up() -> None:
    # "can" is "Ken" misheard, so "mower" stands where "Mauer" does.
    article = "thanks ken mauer for the question".split()
    said = "thanks can mower for the question".split()
    assert _slipped(article, said, (1, 3), (1, 3), (2, 3)) == (1, 0)
    # "ascot" is no "of": the words before the name do not pair up.
    article = "alan ines of castelan thank you".split()
    said = "alan ines ascot ellen thank you".split()
    assert _slipped(article, said, (1, 4), (1, 4), (3, 4)) == (None, 0)
    # A filler the article keeps and the recogniser left out takes no word.
    article = "the share of marzen uh grew".split()
    said = "the share off mason grew".split()
    assert _slipped(article, said, (2, 5), (2, 4), (3, 4)) == (1, 0)
    # A common word heard as another that sounds alike ("lost" as "loss") pairs up too:
    # pairing asks how alike they sound, not whether one may be taken for the other.
    article = "kvrs lost from the".split()
    said = "k v r s loss from the".split()
    assert _slipped(article, said, (0, 2), (0, 5), (0, 1)) == (0, 1)


def test_a_name_opening_a_quote_beside_a_slipped_common_word_is_repaired() -> None:
    # Only the words after the name place it ("lost" heard "loss", then matched words).
    got = quoted(
        "so the fares went up k v r s loss from the ticket sales was two million this year",
        "KVRs lost from the ticket sales was two million this year.",
    )
    assert applied(got) == [("k v r s", "KVRs")]


def _pair(speech: str, heard: str, article: str, name: str) -> tuple[Span, Candidate, Transcript]:
    t = parse_transcript(speech, "t.txt")
    words = [tok.text for tok in t.tokens]
    at = words.index(heard)
    cand = next(c for c in mine_candidates([Reference("a.txt", "", article)]) if c.text == name)
    span = span_at(t, at, at + 1)
    assert span is not None
    return span, cand, t


def test_one_known_name_written_for_another_is_left_without_a_place_for_it() -> None:
    speech = (
        "00:00 the next question comes from Brian Flores\n00:05 from Harrison please go ahead\n"
    )
    article = "Analysts at Morrison asked about the loans."
    span, cand, t = _pair(speech, "Harrison", article, "Morrison")
    assert features(span, cand, t, {}) is None
    # Where an aligned passage has the name there, the place says which was said.
    assert features(span, cand, t, {}, block=BlockFit(1.0, 0.9)) is not None


def test_two_spellings_of_one_sound_are_one_name() -> None:
    speech = "00:00 we will take the next question\n00:05 from Marcus at the bank please\n"
    span, cand, t = _pair(speech, "Marcus", "Analysts like Markus asked about the loans.", "Markus")
    assert features(span, cand, t, {}) is not None


def test_quote_marks_ellipses_and_brackets_break_a_text_and_plain_spaces_do_not() -> None:
    from transcript_align.repair.aligned import quote_breaks

    text = 'He said "we will" and … then [the] end...so, “fine” now'
    # he said we will and then the end so fine now
    assert quote_breaks(text) == frozenset({2, 4, 5, 6, 8, 9, 10})
    assert quote_breaks("he said we will go") == frozenset()


def test_a_whole_name_opening_a_quote_wins_over_its_surer_part() -> None:
    # "hal doors daughter" alone is a surer repair than the whole name, but taking it would
    # leave "katherine" for "Katrin" beside the name it belongs to.
    got = quoted(
        "katherine hal doors daughter has a small tear in her hamstring and will be out",
        "Katrin Haldursdottir has a small tear in her hamstring and will be out.",
        other="Rovers will be without Katrin Haldursdottir for a month, the club said.",
    )
    assert applied(got) == [("katherine hal doors daughter", "Katrin Haldursdottir")]


def test_overlapping_repairs_rank_a_whole_name_with_its_surest_part() -> None:
    from transcript_align.repair.candidates import Candidate
    from transcript_align.repair.decide import _wholes_first
    from transcript_align.repair.spans import Span

    def proposal(conf: float, first: int, last: int, name: str) -> tuple[float, Span, Candidate]:
        span = Span(first, last, "x", "x", "", 0.0, False, False, "")
        return conf, span, Candidate(name, name.lower(), "", "name", 1, ())

    whole = proposal(0.95, 0, 3, "Katrin Haldursdottir")
    part = proposal(0.99, 1, 3, "Haldursdottir")
    other = proposal(0.97, 5, 6, "Brisco")
    assert _wholes_first([part, whole, other], 0.8) == [(-0.99, 1), (-0.99, 0), (-0.97, 1)]


def test_a_word_split_into_common_words_at_a_quote_start_is_repaired() -> None:
    # "emotional", matched beside it, holds the place, though the words before it could
    # as cheaply be paired off one for one: the alignment keeps the most words matched.
    speech = (
        "00:00 the report from the panel came out this morning and it is clear\n"
        "00:06 emotional this regulation in teenagers is now the most common reason for referral\n"
        "00:12 waiting times have gone from eleven weeks to nineteen weeks in two years\n"
    )
    article = (
        "The panel found that more teenagers than ever are referred to clinics. "
        '"Emotional dysregulation in teenagers is now the most common reason for referral," '
        'the clinical lead said. "Waiting times have gone from eleven weeks to nineteen weeks '
        'in two years."'
    )
    ref = Reference("a.txt", "", article, quotes=extract_quotes(article))
    report = align(parse_transcript(speech, "t.txt"), [ref])
    assert applied(list(report.corrections)) == [("this regulation", "dysregulation")]


@pytest.mark.parametrize(
    ("said", "written"),
    [
        (
            "i would now like to turn the call over to bodil mow please go ahead",
            "I would now like to turn the call over to Bodil Mowby.",
        ),
        (
            "i would now like to turn the call over to bodil toe please go ahead",
            "I would now like to turn the call over to Bodil Towel.",
        ),
        (
            "i would now like to turn the call over to tiemo crow thank you",
            "I would now like to turn the call over to Tiemo Crowther.",
        ),
        (
            "our next question comes from ulla dow go ahead and ask it",
            "Our next question comes from Ulla Dowland.",
        ),
    ],
    ids=["please", "please-2", "thank-you", "go-ahead"],
)
def test_a_word_opening_or_closing_a_clause_at_a_quote_edge_is_no_part_of_a_name(
    said: str, written: str
) -> None:
    # The quote ends with the name; "please", "thank you", "go ahead" open or close what
    # the article left out, however much likelier a mishearing they make with the name.
    clause = {"please", "thank", "you", "go", "ahead"}
    got = applied(quoted(said, written))
    assert all(not clause & set(original.split()) for original, _ in got)


def test_clause_words_are_told_by_their_neighbours() -> None:
    from transcript_align.repair.words import clause_word

    assert clause_word(["bodil", "mow", "please"], 2)
    assert clause_word(["dow", "go", "ahead"], 1)
    assert clause_word(["crow", "thank", "you"], 1)
    assert clause_word(["thank", "you"], 1)
    # "go" is a syllable of a name where no "ahead" follows it ("rush go" for "Ruskow").
    assert not clause_word(["rush", "go", "said"], 1)
    assert not clause_word(["you"], 0)


def test_a_first_name_heard_as_a_commoner_one_beside_a_rare_rest_of_it_is_repaired() -> None:
    # "catherine" for "Katrien" beside "Pollaske", a word of no dictionary: no other
    # person is likelier meant, though "Katrien" is heard right elsewhere.
    extra = "00:25 we also thank katrien for the help with the new ferry line\n"
    got = repairs(
        SPEECH.format(name="catherine pollaske") + extra,
        WHOLE_NAME_ARTICLE.format(full="Katrien Pollaske"),
    )
    assert got == [("catherine", "Katrien", True)]
    # A first name no mishearing explains stays: another person of that family.
    got = repairs(
        SPEECH.format(name="robert pollaske") + extra,
        WHOLE_NAME_ARTICLE.format(full="Katrien Pollaske"),
    )
    assert got == []


def test_a_whole_name_heard_word_for_word_is_placed_by_its_own_words() -> None:
    speech = SPEECH.format(name="dorota sipping")
    t = parse_transcript(speech, "t.txt")
    words = [tok.text for tok in t.tokens]
    at = words.index("dorota")
    ref = Reference("a.txt", "", WHOLE_NAME_ARTICLE.format(full="Dorotea Sippi"))
    cand = next(c for c in mine_candidates([ref]) if c.text == "Dorotea Sippi")
    whole, first = span_at(t, at, at + 2), span_at(t, at, at + 1)
    assert whole is not None and first is not None
    f = features(whole, cand, t, {})
    assert f is not None and f.named >= 0.8
    # One word of a name of two is no whole name heard word for word.
    f = features(first, cand, t, {})
    assert f is None or f.named == 0.0


def test_a_whole_name_heard_in_more_words_than_it_has_is_placed_by_its_own_words() -> None:
    from transcript_align.repair.guards import heard_in_parts

    assert heard_in_parts("mattie pets guard", "Matti Petsgard")
    # Each run of words must be its word misheard, with no function word at its edge.
    assert not heard_in_parts("robert pets guard", "Matti Petsgard")
    assert not heard_in_parts("mattie of guard", "Matti Petsgard")
    # As many words as the name has is word for word, not in parts.
    assert not heard_in_parts("mattie petsguard", "Matti Petsgard")
    speech = SPEECH.format(name="mattie pets guard")
    t = parse_transcript(speech, "t.txt")
    at = [tok.text for tok in t.tokens].index("mattie")
    ref = Reference("a.txt", "", WHOLE_NAME_ARTICLE.format(full="Matti Petsgard"))
    cand = next(c for c in mine_candidates([ref]) if c.text == "Matti Petsgard")
    span = span_at(t, at, at + 3)
    assert span is not None
    f = features(span, cand, t, {})
    assert f is not None and f.named >= 0.8


@pytest.mark.parametrize(
    ("heard", "name"),
    [("nor vell ton", "Norvelton"), ("the nor dell ska", "the Nordelska")],
    ids=["opening-a-line", "after-an-article"],
)
def test_a_rare_function_word_may_open_a_name_split_into_words(heard: str, name: str) -> None:
    # "nor" is a syllable of the name as often as the word: no honorific or rest of the
    # name is needed beside it.
    assert repairs(SPEECH.format(name=heard), ARTICLE.format(full=name)) == [
        (heard.removeprefix("the "), name.removeprefix("the "), True)
    ]


def test_only_rare_function_words_may_stand_at_a_names_edge() -> None:
    from transcript_align.repair.spans import token_info

    assert token_info("nor")[0] and token_info("whom")[0]
    assert not token_info("via")[0] and not token_info("the")[0]
    assert not token_info("mister")[0]  # an honorific is no syllable of the name


def test_a_name_of_common_words_heard_as_other_common_words_is_not_placed_by_them() -> None:
    # "initial estimates" may be what was said where a report names "United Estates".
    t = parse_transcript("00:00 the initial estimates for the ferry line were low\n", "t.txt")
    at = [tok.text for tok in t.tokens].index("initial")
    ref = Reference("a.txt", "", "The ferry line was built by United Estates last year.")
    cand = next(c for c in mine_candidates([ref]) if c.text == "United Estates")
    span = span_at(t, at, at + 2)
    assert span is not None
    f = features(span, cand, t, {})
    assert f is None or f.named == 0.0


def _whole_pair(heard: str, name: str) -> Features | None:
    t = parse_transcript(f"00:00 i met {heard} at the harbour today\n", "t.txt")
    at = [tok.text for tok in t.tokens].index(heard.split()[0])
    ref = Reference("a.txt", "", f"The harbour was run by {name} last year.")
    cand = next(c for c in mine_candidates([ref]) if c.text == name)
    span = span_at(t, at, at + len(heard.split()))
    assert span is not None
    return features(span, cand, t, {})


def test_a_word_of_the_names_family_in_a_whole_name_misheard_is_no_inflection() -> None:
    # "pillow" is "Pellow" misheard, so "piers" beside it is "Pierre" misheard too.
    assert _whole_pair("piers pillow", "Pierre Pellow") is not None
    # Every word of the family: a wording said, not a name misheard.
    assert _whole_pair("ukrainian railway", "Ukraine Railways") is None


def test_a_snippet_reads_the_words_before_a_name_as_a_search_of_the_whole_window() -> None:
    import re

    from transcript_align.repair.candidates import snippet

    def plain(text: str, start: int, end: int) -> str:
        before = re.search(r"(?:\S+\s+){0,4}\S*$", text[max(0, start - 200) : start])
        after = re.match(r"\S*(?:\s+\S+){0,4}", text[end : end + 200])
        found = (before.group() if before else "") + text[start:end]
        return " ".join((found + (after.group() if after else "")).split())

    for before in (
        "one two three four five\n",
        "one two three four five six ",
        "one two  three\tfour five\n\n",
        "x " * 150 + "one two three four five\n",
        "x " * 150 + "one two three four five six ",
        "\n  ",
        "",
    ):
        text = before + "Vandermeer spoke"
        start = len(before)
        assert snippet(text, start, start + 10) == plain(text, start, start + 10)


def test_an_acronym_heard_letter_by_letter_at_a_quote_edge_keeps_its_first_letter_a() -> None:
    speech = (
        "00:00 good afternoon and thank you all for joining the call today\n"
        "00:05 revenue for the quarter grew by nine percent and margins held up well\n"
        "00:10 the biggest new customer we signed in the quarter was a k r and we expect more\n"
        "00:15 next we will talk about the outlook for the rest of the year\n"
    )
    article = (
        'The chief executive said "revenue for the quarter grew by nine percent and margins '
        'held up well." "The biggest new customer we signed in the quarter was AKR," he said.'
    )
    # "a" opens the letters: no article before a name said there.
    assert repairs(speech, article) == [("a k r", "AKR", True)]
    # Words, not letters: "a" is an article and opens no name.
    assert repairs(speech.replace("a k r", "a car"), article.replace("AKR", "Akar")) == []


def test_a_name_between_two_passages_said_in_order_is_read_where_it_was_said() -> None:
    said = (
        "00:00 pricing was stable in europe and we expect it to stay that way through winter\n"
        "00:05 right that is a fair point about the costs beans and let me take that one "
        "as well since it matters\n"
        "00:10 the new plant in the north opens in march and will add two hundred jobs\n"
    )
    article = (
        "He said pricing was stable in Europe and we expect it to stay that way through "
        "winter. Right, that is a fair point about the costs, Baines, and let me take that "
        "one as well, since it matters. The new plant in the north opens in March and will "
        "add two hundred jobs."
    )
    t = parse_transcript(said, "t.txt")
    ref = Reference("a.txt", "", article)
    units = text_words(article).units
    heard = [u for tok in t.tokens for u in tok.units]

    def at(words: str, in_: Sequence[str]) -> int:
        w = words.split()
        return next(k for k in range(len(in_)) if list(in_[k : k + len(w)]) == w)

    # Only the two long sentences are runs (the short one between, garbled or a stock
    # phrase said many times, may be none).
    runs = [
        (at("pricing was", units), at("pricing was", heard), 15),
        (at("the new plant", units), at("the new plant", heard), 14),
    ]
    cands = mine_candidates([ref])
    found = blocks(cands, [ref], [runs], heard, build_index(t.tokens).owner)
    got = [(s.text, cands[c].text) for s, c, _ in block_spans(found, cands, t)]
    assert ("beans", "Baines") in got


def test_the_words_near_a_span_are_read_once_for_every_name_weighed_against_it() -> None:
    from dataclasses import replace

    from transcript_align.repair.guards import context_overlap, near_span
    from transcript_align.repair.spans import span_at

    t = parse_transcript("00:00 the harbour board met mister delacroy about the ferry\n", "t.txt")
    span = span_at(t, 5, 6)
    assert span is not None
    cand = mine_candidates([Reference("a.txt", "", ARTICLE.format(full="Jules Delacroix"))])[0]
    cand = replace(cand, context=frozenset({"harbour", "ferri", "ferry", "board"}))
    alone = context_overlap(span, cand, t)
    nearby: dict[tuple[int, int], frozenset[str]] = {}
    assert context_overlap(span, cand, t, nearby) == alone > 0
    assert nearby == {(5, 6): near_span(span, t)}
    # Read from what was kept, not again from the transcript.
    nearby[(5, 6)] = frozenset({"harbour"})
    assert context_overlap(span, cand, t, nearby) == 1


def test_pairs_bound_by_a_word_are_compared_once_each() -> None:
    from transcript_align.repair.pairing import _close, _close_once

    candidates = mine_candidates(
        [Reference("a.txt", "", ARTICLE.format(full="Jules Delacroix, Ilse Vanterpool"))]
    )
    assert len(candidates) >= 2
    pairs = [("delacroy", "TLKR", 0), ("vanterpol", "FNTRPL", 1), ("delacroy", "TLKR", 0)]
    pairs += [("delacroy", "TLKR", 1), ("vanterpol", "FNTRPL", 1)]
    each = _close(
        [k for k, _, _ in pairs], [s for _, s, _ in pairs], [candidates[c] for _, _, c in pairs]
    ).tolist()
    assert _close_once(pairs, candidates) == each
    assert _close_once([], candidates) == []


def test_a_pair_beaten_and_echoed_gets_both_marks_and_keeps_its_other_features() -> None:
    from dataclasses import replace

    from transcript_align.repair.confidence import Features
    from transcript_align.repair.decide import _marked

    t = parse_transcript(SPEECH.format(name="Mr. Delacroixe"), "t.txt")
    span = span_at(t, 0, 1)
    assert span is not None
    cand = mine_candidates([Reference("a.txt", "", ARTICLE.format(full="Jules Delacroix"))])[0]
    f = Features(0.8, 0.9, 1.0, 0, 2, True, True, 3, False, 0.0, True, False, 9, 1, solid=0.5)
    scored = [(span, cand, f)] * 4
    out = _marked(scored, beaten={1, 3}, echoed={2, 3})
    assert [g for _, _, g in out] == [
        f,
        replace(f, best=False),
        replace(f, echo=True),
        replace(f, best=False, echo=True),
    ]
    assert out[0][2] is f


def test_a_month_or_day_written_for_another_said_is_no_garble_to_repair() -> None:
    speech = (
        "00:00 good afternoon and thank you all for coming to the harbour today\n"
        "00:05 we have asked the port authority to report back by the end of october\n"
        "00:10 and the ferry will run again from monday with the old timetable\n"
    )
    article = (
        'The minister said they had asked the Port Authority "to report back by the end of '
        'September", and the ferry "will run again from Tuesday with the old timetable".'
    )
    assert repairs(speech, article) == []


def test_a_name_is_not_written_over_part_of_what_was_said_for_it() -> None:
    # Taking "mare aid hall" for the whole name would leave "or an" beside it.
    speech = (
        "00:00 good morning this is day three of the inquiry into the collapse of\n"
        "00:05 the tarwick quarry conveyor the chair is professor mare aid hall or an\n"
        "00:10 our first witness is the site manager at the time who told the health\n"
        "00:15 and safety executive that the belt was inspected every monday morning\n"
    )
    article = (
        "The site manager was giving evidence on the third day of the inquiry into the "
        "Tarwick Quarry conveyor collapse, chaired by Professor Mairead Halloran. He had told "
        'the Health and Safety Executive that the belt "was inspected every Monday morning".'
    )
    assert repairs(speech, article) == [
        ("mare aid", "Mairead", True),
        ("hall or an", "Halloran", True),
    ]


def test_a_run_matched_across_a_quotes_opening_mark_counts_on_both_sides_of_it() -> None:
    # "show “chronic circadian dysregulation”": the narrative before the mark was said in
    # one breath with the quote, so the first hearing is as sure as the second.
    speech = (
        "00:00 good morning our first witness is from the institute for shift research\n"
        "00:06 your report found that shift workers show chronic circadian this regulation\n"
        "00:12 yes circadian this regulation is the core finding we studied eleven thousand\n"
        "00:18 workers over six years in four countries\n"
    )
    article = (
        "The witness from the Institute for Shift Research spoke on Tuesday.\n\n"
        'The report found shift workers show "chronic circadian dysregulation". "Circadian '
        'dysregulation is the core finding. We studied 11,000 workers over six years," '
        "she said."
    )
    got = repairs(speech, article)
    assert got == [
        ("this regulation", "dysregulation", True),
        ("this regulation", "dysregulation", True),
    ]


def short_quote(heard: str, quote: str) -> list[Correction]:
    """The corrections when an article quotes ``quote`` on its own, between two quoted
    sentences, where ``heard`` was said and followed by words the article leaves out."""
    speech = (
        QUOTED_LEAD
        + f"00:10 {heard} so let me start with the plan\n"
        + "00:14 the boats will be built at the yard on the north shore of the bay\n"
        + "00:20 after that we will take your questions about the ferry line\n"
    )
    article = (
        "“The new ferry line to the islands will open in the spring of next year,” she said. "
        f"“{quote}” “The boats will be built at the yard on the north shore of the bay,” he said."
    )
    report = align(
        parse_transcript(speech, "t.txt"),
        [Reference("a.txt", "", article, quotes=extract_quotes(article))],
    )
    return list(report.corrections)


@pytest.mark.parametrize(
    ("heard", "quote", "repair"),
    [
        ("thank you marrow", "Thank you, Marlo.", ("marrow", "Marlo")),
        ("good morning holden", "Good morning, Halden.", ("holden", "Halden")),
        ("thanks merit", "Thanks, Merritt.", ("merit", "Merritt")),
    ],
    ids=["closing-two-words", "greeting", "one-word-sure"],
)
def test_a_name_closing_a_short_quote_heard_whole_is_repaired(
    heard: str, quote: str, repair: tuple[str, str]
) -> None:
    # Too short for a passage's edge, but every other word of the quote was heard in
    # order where the quotes around it were said: the word after them is the name.
    assert applied(short_quote(heard, quote)) == [repair]


def test_a_name_opening_a_short_quote_heard_whole_is_repaired() -> None:
    got = short_quote("right marrow please go ahead", "Marlo, please go ahead.")
    assert applied(got) == [("marrow", "Marlo")]


@pytest.mark.parametrize(
    ("heard", "quote"),
    [
        ("thank you everyone", "Thank you, Marlo."),  # no mishearing of the name
        ("thanks marrow", "Thanks, Marlo."),  # one word of the quote: only a sure mishearing
    ],
    ids=["unlike-word", "one-word-unsure"],
)
def test_words_beside_a_short_quote_that_are_not_clearly_the_name_stay(
    heard: str, quote: str
) -> None:
    assert applied(short_quote(heard, quote)) == []


def test_a_possessive_heard_as_one_word_is_written_as_the_article_writes_it() -> None:
    said = "we thank farrowdales crew for every one of the new boats this week"
    written = "We thank Farrowdale's crew for every one of the new boats this week."
    assert applied(quoted(said, written)) == [("farrowdales", "Farrowdale's")]
    assert applied(quoted(said.replace("farrowdales", "Farrowdale's"), written)) == []


@pytest.mark.parametrize(
    ("said", "written", "repair"),
    [
        ("the new um star office", "the new VSTAR office", ("star", "VSTAR")),
        ("the new uh merrow office", "the new Marlo office", ("merrow", "Marlo")),
    ],
    ids=["acronym", "name"],
)
def test_a_filler_beside_a_name_between_matched_words_is_left_out_of_it(
    said: str, written: str, repair: tuple[str, str]
) -> None:
    got = quoted(
        f"we will open {said} along the harbour front next year",
        f"We will open {written} along the harbour front next year.",
    )
    assert applied(got) == [repair]


def test_more_words_heard_between_matched_sides_than_a_name_takes_are_read_from_one_side() -> None:
    # "then" pairs with "den", so the block runs from "k" to "stock": five words, more than
    # "KVR" can take; the five words matched before it place it alone.
    article = "my question is about the kvr then the inventory in the channel".split()
    said = "my question is about the k v r big stock den the inventory in the channel".split()
    owner = list(range(len(said)))
    names = _by_start({(5, 6): (0, "")})
    found = _run_blocks(
        article, said, owner, names, (0, len(article)), (0, len(said)), len(article), reach=[4]
    )
    assert [(b.first, b.left, b.right) for b in found] == [(5, 5, 0)]


def test_a_possessive_written_as_one_word_is_no_confusion_to_repair_elsewhere() -> None:
    # "farrowdales" was the name's very sounds: elsewhere it may be the plural, or the
    # possessive again, and the learned repair would drop the possessive.
    t = parse_transcript(
        QUOTED_LEAD
        + "00:10 and farrowdales crew will chair the board\n"
        + "00:15 later mister farrowdales said the boats were ready\n",
        "t.txt",
    )
    first = [k.text for k in t.tokens].index("farrowdales")
    article = "The board will be chaired by Farrowdale's crew."
    cand = next(
        c for c in mine_candidates([Reference("a.txt", "", article)]) if c.key == "farrowdale"
    )
    span = span_at(t, first, first + 1)
    assert span is not None
    taken = bytearray(len(t.tokens))
    taken[first] = 1
    learned = [Learned(replace(span, suffix="'s"), cand, 0.95)]
    assert propagated(t, learned, taken, min_confidence=0.8, apply=True) == []
    got = propagated(
        t, [Learned(span, cand, 0.95)], bytearray(taken), min_confidence=0.8, apply=True
    )
    assert [(c.original, c.corrected) for c in got] == [("farrowdales", "Farrowdale")]


def test_a_word_said_again_beside_a_name_in_the_article_leaves_its_place_sure() -> None:
    # The article keeps the speaker's stutter ("as, uh, as- as"), the recogniser wrote it
    # once: the words said again pair with nothing, and the words before place the name.
    got = quoted(
        "some of that may be happening as a marrow indicated",
        "Some of that may be happening as, uh, as- as Marlo indicated.",
    )
    assert applied(got) == [("marrow", "Marlo")]


@pytest.mark.parametrize(
    ("heard", "repairs"),
    [("marrow is", [("marrow", "Marlo")]), ("every one is", [])],
    ids=["misheard", "unlike"],
)
def test_a_name_whose_next_word_in_the_block_pairs_with_nothing_is_read_from_its_side(
    heard: str, repairs: list[tuple[str, str]]
) -> None:
    # "has" is not heard as "is": the block is "Marlo has" against "marrow is", matched
    # three words before and many after; the name opens it, so it is read from there.
    got = quoted(
        f"i am sure {heard} impacted them a little bit this year",
        "I am sure Marlo has impacted them a little bit this year.",
    )
    assert applied(got) == repairs


@pytest.mark.parametrize(
    ("heard", "repairs"),
    [("marrow", [("marrow", "Marlo")]), ("every", [])],
    ids=["misheard", "unlike"],
)
def test_an_article_before_a_name_the_recogniser_did_not_write_leaves_its_place_sure(
    heard: str, repairs: list[tuple[str, str]]
) -> None:
    got = quoted(
        f"we signed the contract for the new boats with {heard} and his crew",
        "We signed the contract for the new boats with the Marlo and his crew.",
    )
    assert applied(got) == repairs


def test_an_a_opening_an_acronym_at_a_quote_edge_may_be_its_letter() -> None:
    said = "the new boats were shown last june at {}"
    written = "The new boats were shown last June at {}."
    assert applied(quoted(said.format("a fen"), written.format("AFN"))) == [("a fen", "AFN")]
    # Before a name of another kind "a" is the article said before it.
    got = quoted(said.format("a marrow"), written.format("Marlo"))
    assert ("a marrow", "Marlo") not in applied(got)


def test_letters_joined_by_and_learned_for_an_acronym_are_repaired_where_they_recur() -> None:
    speech = SPEECH.format(name="the o and m team") + "00:25 the o and m budget rose again\n"
    assert repairs(speech, ARTICLE.format(full="The O&M team")) == [
        ("o and m", "O&M", True),
        ("o and m", "O&M", True),
    ]
    # Letters and "and" that were never learned for a name stay.
    plain = SPEECH.format(name="the o and m team") + "00:25 the b and q budget rose again\n"
    assert ("b and q", "B&Q", True) not in repairs(plain, ARTICLE.format(full="The O&M team"))
