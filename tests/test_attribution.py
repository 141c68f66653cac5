"""A quote the transcript's labels give to someone else than the article names."""

from __future__ import annotations

import pytest

from transcript_align import Reference, align, parse_transcript
from transcript_align.attribution import other_speaker
from transcript_align.quotes import extract_quotes


@pytest.mark.parametrize(
    ("speaker", "labels", "other"),
    [
        ("Tanaka-Briggs", ["Owen Lathe"], "Owen Lathe"),
        ("Ms Wenna Trevask", ["Owen Lathe", "Ida Frome"], "Owen Lathe, Ida Frome"),
        # The same person, however each writes the name.
        ("Rina Tanaka-Briggs", ["RINA TANAKA-BRIGGS"], None),
        ("Dr Lowe", ["DR INES LOWE"], None),
        ("Tanaka-Briggs", ["COUNCILLOR MARSH"], "COUNCILLOR MARSH"),
        ("Ines Lowe", ["DR LOWE"], None),
        # One label is the speaker's: the quote runs over two turns.
        ("Lathe", ["Owen Lathe", "Ida Frome"], None),
        # Labels naming no one, a first name alone, a title alone, descriptions,
        # everyday words.
        ("Lathe", ["SPEAKER_00"], None),
        ("Lathe", ["Speaker 2"], None),
        ("Lathe", ["Host"], None),
        ("Lathe", ["Ida"], None),
        ("Lathe", ["MR"], None),
        ("the chairman", ["Owen Lathe"], None),
        ("Health chiefs in Northvale", ["Owen Lathe"], None),
        ("Dentists", ["Owen Lathe"], None),
        (None, ["Owen Lathe"], None),
        ("Lathe", [], None),
    ],
)
def test_other_speaker(speaker: str | None, labels: list[str], other: str | None) -> None:
    assert other_speaker(speaker, labels) == other


DEBATE = (
    "WEBVTT\n\n"
    "00:00:00.000 --> 00:00:06.000\n<v Moderator>Welcome to the hustings. Let's start with "
    "housing and the new homes.\n\n"
    "00:00:06.000 --> 00:00:12.000\n<v Wenna Trevask>We have identified forty sites across the "
    "borough for new homes.\n\n"
    "00:00:12.000 --> 00:00:18.000\n<v Owen Lathe>Her own council approved building on the "
    "green belt last year.\n"
)


def test_a_quote_said_under_another_persons_label_says_so_and_keeps_its_verdict() -> None:
    article = (
        "Candidates clashed over housing and the new homes at the hustings.\n\n"
        'Wenna Trevask said they had "identified forty sites across the borough".\n\n'
        'Ms Trevask said her own council had "approved building on the green belt last year".'
    )
    ref = Reference("a.txt", "", article, quotes=extract_quotes(article))
    checks = align(parse_transcript(DEBATE, "t.vtt"), [ref]).quotes
    assert [q.status for q in checks] == ["verbatim", "verbatim"]
    assert "said by" not in checks[0].reason
    assert checks[1].reason.endswith("; said by Owen Lathe in the transcript, not Wenna Trevask")


def test_a_surname_that_is_an_everyday_word_is_compared_where_the_article_gives_the_name() -> None:
    assert other_speaker("Marsh", ["COUNCILLOR OKAFOR"]) is None
    article = "Councillor Dan Marsh spoke first."
    assert other_speaker("Marsh", ["COUNCILLOR OKAFOR"], article) == "COUNCILLOR OKAFOR"
    assert other_speaker("Dentists", ["Owen Lathe"], "Dentists in Brycemoor say no.") is None
