"""Surnames after a title of address, heard as common words ("councillor price")."""

from __future__ import annotations

from transcript_align import Options, Reference, align, parse_transcript
from transcript_align.models import Evidence
from transcript_align.quotes import extract_quotes
from transcript_align.repair.surnames import Surname, article_surnames, surname_repairs

SPEECH = (
    "00:00 good evening and welcome to the meeting of the lantern quay harbour committee\n"
    "00:06 tonight we look at the plan to rebuild the old fish market on the east wharf\n"
    "00:12 the officers recommend that we approve it with three extra conditions on noise\n"
    "00:18 {title} {heard} you asked to speak first so please go ahead when you are ready\n"
    "00:24 thank you i think the noise conditions are too weak for the people who live there\n"
)
ARTICLE = (
    "Members of the Lantern Quay harbour committee discussed the plan to rebuild the old "
    'fish market. The chair said "the officers recommend that we approve it with three extra '
    'conditions on noise." {named} said "the noise conditions are too weak for the people '
    'who live there."'
)


def repairs(title: str, heard: str, named: str, article: str = ARTICLE) -> list[tuple[str, str]]:
    t = parse_transcript(SPEECH.format(title=title, heard=heard), "t.txt")
    text = article.format(named=named)
    report = align(t, [Reference("a.txt", "", text, quotes=extract_quotes(text))], Options())
    assert report.references[0].status == "aligned"
    return [(c.original, c.corrected) for c in report.corrections if c.applied]


def test_a_surname_heard_as_a_common_word_after_its_title_is_repaired() -> None:
    assert repairs("councillor", "price", "Councillor Wenna Pryce") == [("price", "Pryce")]


def test_a_particle_heard_as_the_is_part_of_the_surname() -> None:
    got = repairs("councillor", "the freeze", "Councillor Ilke de Vries")
    assert got == [("the freeze", "de Vries")]


def test_an_abbreviated_title_in_the_article_counts() -> None:
    assert repairs("doctor", "marsh", "Dr. Tobin Marrsh") == [("marsh", "Marrsh")]
    assert repairs("councillor", "price", "Cllr Wenna Pryce") == [("price", "Pryce")]


def test_another_title_words_of_another_sound_or_a_known_name_are_left_alone() -> None:
    # The article's title is not the one said.
    assert repairs("mister", "price", "Councillor Wenna Pryce") == []
    # The sound keys differ ("place" is no "Pryce").
    assert repairs("councillor", "place", "Councillor Wenna Pryce") == []
    # The articles name someone "Price" too: the words may be that person.
    both = ARTICLE + " Councillor Dara Price abstained."
    assert repairs("councillor", "price", "Councillor Wenna Pryce", both) == []
    # A title that is as often a plain word is not one of address.
    assert repairs("general", "march", "General Tobin Marrsh") == []


def test_a_surname_heard_as_several_words_after_its_first_name_is_repaired() -> None:
    got = repairs("ilka", "ash down keel", "Ilka Ashdown-Keel")
    assert got == [("ash down keel", "Ashdown-Keel")]


def test_a_common_first_name_or_a_trailing_small_word_anchors_nothing() -> None:
    # "will" is said as a plain word as often as the name; written "Will" mid-sentence,
    # the recogniser took it for one.
    assert repairs("will", "price", "Will Pryce") == []
    assert repairs("councillor Will", "price", "Will Pryce") == [("price", "Pryce")]
    # The name heard right, then a small word: nothing to repair.
    assert repairs("councillor", "pryce i", "Councillor Wenna Pryce") == []


def test_a_small_word_ends_the_words_only_as_a_better_fit() -> None:
    # "oh" is the surname's last syllable; "as" alone makes nothing fit.
    def alone(heard: str, named: str) -> list[tuple[str, str]]:
        t = parse_transcript(SPEECH.format(title="councillor", heard=heard), "t.txt")
        refs = [Reference("a.txt", "", ARTICLE.format(named=named))]
        found = surname_repairs(t, refs, [], min_confidence=0.8, apply=True)
        return [(c.original, c.corrected) for c in found if c.applied]

    assert alone("straw con ink oh", "Councillor Ilse Strakonenko") == [
        ("straw con ink oh", "Strakonenko")
    ]
    assert alone("roro as", "Councillor Ilse Roros") == []


def test_two_people_with_the_title_and_surnames_alike_are_not_guessed_between() -> None:
    both = ARTICLE + " Councillor Dara Prise abstained."
    assert repairs("councillor", "price", "Councillor Wenna Pryce", both) == []


def test_the_surname_is_read_after_the_title_with_its_particles_not_the_first_name() -> None:
    text = (
        "Councillor Ilke de Vries spoke first. Mr. Tobin O'Marra's firm replied, and Dr "
        "Sunniva Hald, who chairs the panel, said little. Cllr Pryce. Professor of law Ana Lind. "
        "The bridge in North Tormora. Last week the ferry"
    )
    names, known = article_surnames([Reference("a.txt", "", text)])
    # "Tormora. Last" is no name: a first name stands right before the surname.
    assert [(n.before, n.surname, n.common) for n in names] == [
        ("ana", "Lind", True),
        ("councillor", "de Vries", False),
        ("councillor", "Pryce", False),
        ("doctor", "Hald", False),
        ("ilke", "de Vries", False),
        ("mister", "O'Marra", False),
        ("north", "Tormora", True),
        ("sunniva", "Hald", False),
        ("tobin", "O'Marra", False),
    ]
    assert names[1] == Surname(
        "councillor",
        "de Vries",
        Evidence("a.txt", "Councillor Ilke de Vries spoke first. Mr. Tobin"),
    )
    assert {"pryce", "vries", "lind"} <= known


def test_a_surname_whose_y_is_said_as_a_vowel_is_repaired() -> None:
    assert repairs("councillor", "prior", "Councillor Wenna Pryor") == [("prior", "Pryor")]
    assert repairs("doctor", "lion", "Dr Tobin Lyon") == [("lion", "Lyon")]
    # Still the same sound only: "power" is no "Pryor".
    assert repairs("councillor", "power", "Councillor Wenna Pryor") == []


def test_a_surname_heard_as_its_own_letters_in_small_words_is_repaired() -> None:
    # "hall or an" ends in small words, but its letters are the surname's.
    assert repairs("professor", "hall or an", "Professor Wenna Halloran") == [
        ("hall or an", "Halloran")
    ]


def test_a_double_surname_whose_last_part_was_heard_is_repaired_from_its_first() -> None:
    got = repairs("councillor", "oil lower kerr", "Councillor Bridie Oyelowo-Kerr")
    assert got == [("oil lower kerr", "Oyelowo-Kerr")]
    # The last part heard, the words before it no hearing of the first part.
    assert repairs("councillor", "and kerr", "Councillor Bridie Oyelowo-Kerr") == []
    assert repairs("councillor", "bell kerr", "Councillor Bridie Oyelowo-Kerr") == []
