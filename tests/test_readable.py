"""The readable transcript: sentences, casing and punctuation, with every timing kept."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema  # type: ignore[import-untyped]

from transcript_align import Options, Reference, align, parse_transcript
from transcript_align.export import export_transcript
from transcript_align.models import Report, Transcript
from transcript_align.normalize import text_units
from transcript_align.readable import (
    Unit,
    boundary,
    default_model,
    proper_nouns,
)
from transcript_align.render import report_view
from transcript_align.report import json_schema, to_dict, to_json

from .test_report import strict

# An invented press briefing on a bridge, said with pauses between sentences.
SAID = [
    ("good morning everyone", 0.0),
    (
        "the new bridge over the strelsau river will open in may and the toll for cars will be low",
        2.0,
    ),
    ("we are proud of the engineers in novaport who built it", 9.5),
    ("questions please", 14.0),
]
ARTICLE = (
    "Officials in Velmora met reporters on Monday.\n\n"
    "The new bridge over the Strelsau river will open in May, and the toll for cars "
    "will be low. Engineers from Novaport built it in two years.\n"
)


def words_json(parts: list[tuple[str, float]], step: float = 0.3) -> str:
    """A timed word list: each part's words 0.3 s apart from its start time."""
    out = []
    for text, start in parts:
        for n, w in enumerate(text.split()):
            t = round(start + n * step, 3)
            out.append({"w": w, "start": t, "end": round(t + 0.25, 3)})
    return json.dumps(out)


def transcript(parts: list[tuple[str, float]] = SAID) -> Transcript:
    return parse_transcript(words_json(parts), "talk.json")


def readable(t: Transcript, refs: list[Reference] | None = None) -> Report:
    return align(t, refs if refs is not None else [article()], Options(readable=True))


def article(text: str = ARTICLE) -> Reference:
    return Reference("velmora.txt", "", text)


def text_of(t: Transcript, report: Report) -> str:
    return " ".join(export_transcript(t, report.corrections, "txt").split())


def test_an_aligned_passage_gives_its_casing_and_punctuation() -> None:
    t = transcript()
    report = readable(t)
    assert report.references[0].status == "aligned"
    assert (
        "The new bridge over the Strelsau river will open in May, and the toll for cars will "
        "be low." in text_of(t, report)
    )
    kinds = {c.kind for c in report.corrections}
    assert {"casing", "punctuation"} <= kinds
    from_article = [c for c in report.corrections if c.corrected == "May,"]
    assert from_article and from_article[0].evidence[0].reference == "velmora.txt"


def test_proper_nouns_of_the_articles_are_cased_elsewhere() -> None:
    t = transcript()
    text = text_of(t, readable(t))
    # "novaport" is not in the aligned passage; the article writes it mid-sentence capitalised.
    assert "engineers in Novaport who built it" in text
    # Capitalised mid-sentence; "Officials", "The" and "Engineers" open sentences.
    assert sorted(proper_nouns([article()]).values()) == [
        "May",
        "Monday",
        "Novaport",
        "Strelsau",
        "Velmora",
    ]


def test_a_hyphenated_word_takes_the_articles_casing_part_by_part() -> None:
    t = transcript([*SAID, ("the strelsau-novaport ferry runs again on friday", 18.0)])
    text = text_of(t, readable(t))
    assert "Strelsau-Novaport ferry" in text
    # A part the articles do not capitalise keeps its case.
    t = transcript([*SAID, ("the strelsau-based crews are back", 18.0)])
    assert "Strelsau-based crews" in text_of(t, readable(t))


def test_a_long_pause_ends_a_sentence() -> None:
    parts = [
        ("we looked at the plans for the harbour wall", 0.0),
        ("then the council voted on the budget", 5.0),
    ]
    t = transcript(parts)
    text = text_of(t, readable(t, []))
    assert "harbour wall. Then the council voted on the budget." in text
    assert text.startswith("We looked")


def test_a_named_speaker_taking_over_ends_a_sentence() -> None:
    vtt = (
        "WEBVTT\n\n"
        "00:00:00.000 --> 00:00:06.000\n"
        "<v Chair>thank you mister trevanion do you want to respond for the harbour users\n\n"
        "00:00:06.000 --> 00:00:12.000\n"
        "<v Trevanion>the harbour users have been clear that dredging is a matter for the port\n"
    )
    t = parse_transcript(vtt, "hearing.vtt")
    text = text_of(t, readable(t, []))
    assert "for the harbour users. The harbour users have" in text, text
    assert "the port." in text


def test_diarised_labels_are_not_named_speakers() -> None:
    from transcript_align.readable import named_speakers

    def units(*labels: str | None) -> list[Unit]:
        return [Unit(k, k + 1, "word", "", None, None, False, k, s) for k, s in enumerate(labels)]

    assert named_speakers(units("Chair", "Dr Lowe", "Chair"))
    assert not named_speakers(units("spk_0", "spk_1"))
    assert not named_speakers(units("SPEAKER_00", "SPEAKER_01"))
    assert not named_speakers(units("Speaker 1", "Speaker 2"))
    assert not named_speakers(units("0", "1", None))
    assert not named_speakers(units("A", "B"))
    assert not named_speakers(units("Chair", "Chair", None))  # one person: no turn to see


def test_i_is_a_capital_where_an_article_quote_opens_with_it() -> None:
    parts = [
        ("we will review the permits for the three largest farms before the winter", 0.0),
        ("and i have written to the minister about the sewage overflows at calstock", 5.0),
    ]
    quote = (
        'She said: "We will review the permits for the three largest farms before the '
        'winter."\n\n"I have written to the minister about the sewage overflows at Calstock," '
        "she said."
    )
    t = transcript(parts)
    assert "And I have written" in text_of(t, readable(t, [article(quote)]))


def test_the_commas_of_an_articles_aside_are_not_the_speakers() -> None:
    parts = [
        ("in the worst month we measured half of the samples above the legal limit", 0.0),
        ("the fish counts at the weir fell by a third last summer and have not recovered", 5.0),
    ]
    text = (
        "In the worst month we measured half of the samples above the legal limit, she said. "
        "The fish counts at the weir, she added, fell by a third last summer and have not "
        "recovered."
    )
    t = transcript(parts)
    assert "at the weir fell by a third" in text_of(t, readable(t, [article(text)]))
    # Nor the comma before the article's own lead-in to a quote.
    lead = text.replace(", she added,", "").replace(
        "The fish counts at the weir fell",
        'Asked about the fish counts at the weir, she said: "They fell',
    )
    assert "at the weir fell by a third" in text_of(t, readable(t, [article(lead)]))


def test_the_model_hears_a_pause() -> None:
    model = default_model()
    short = [
        Unit(0, 1, "wall", "", 0, 250, True, 0, None),
        Unit(1, 2, "then", "", 300, 550, True, 0, None),
        Unit(2, 3, "the", "", 600, 700, True, 0, None),
    ]
    long = [short[0], Unit(1, 2, "then", "", 2500, 2750, True, 1, None), short[2]]
    assert model.probability(boundary(long, 0)) > model.probability(boundary(short, 0))


def test_cue_times_are_unchanged_in_srt() -> None:
    t = transcript()
    plain = export_transcript(t, align(t, [article()]).corrections, "srt")
    tidy = export_transcript(t, readable(t).corrections, "srt")
    times = [line for line in plain.splitlines() if "-->" in line]
    assert times and times == [line for line in tidy.splitlines() if "-->" in line]
    assert tidy != plain


def test_no_word_is_added_or_dropped_but_disfluencies() -> None:
    parts = [("so uh the the toll will be low", 0.0), ("and i think that is fair", 4.0)]
    t = transcript(parts)
    clean = align(t, [], Options(clean=True))
    tidy = readable(t, [])
    assert text_units(text_of(t, tidy)) == text_units(text_of(t, clean))
    assert (
        text_units(text_of(t, tidy)) == "so the toll will be low and i think that is fair".split()
    )
    assert " I think" in text_of(t, tidy)
    assert {c.kind for c in tidy.corrections} == {"disfluency", "casing", "punctuation"}


def test_a_punctuated_transcript_keeps_its_own_casing_and_punctuation() -> None:
    srt = (
        "1\n00:00:00,000 --> 00:00:04,000\nWell, the harbour wall is old. We fix it in June.\n\n"
        "2\n00:00:09,000 --> 00:00:12,000\nAnyone? The council pays, not the port.\n"
    )
    t = parse_transcript(srt, "talk.srt")
    report = readable(t, [])
    assert not [c for c in report.corrections if c.kind in ("casing", "punctuation")]
    assert export_transcript(t, report.corrections, "srt") == export_transcript(t, (), "srt")


def test_an_article_overrides_the_recognisers_casing() -> None:
    srt = (
        "1\n00:00:00,000 --> 00:00:06,000\nThe New Bridge over the strelsau River will open "
        "in may, and the toll for cars will be low.\n"
    )
    t = parse_transcript(srt, "talk.srt")
    text = text_of(t, readable(t))
    assert "The new bridge over the Strelsau river will open in May, and the toll" in text


def test_where_the_articles_words_stop_the_recognisers_sentence_end_stays() -> None:
    # The article goes on "…built it in two years."; the speaker ended the sentence at
    # "it" and went on otherwise.
    srt = (
        "1\n00:00:00,000 --> 00:00:09,000\nthe new bridge over the strelsau river will open "
        "in may, and the toll for cars will be low. engineers from novaport built it. we hope "
        "you all come.\n"
    )
    t = parse_transcript(srt, "talk.srt")
    text = text_of(t, readable(t))
    assert "Engineers from Novaport built it. We hope you all come." in text


def test_the_report_records_and_counts_each_kind() -> None:
    t = transcript()
    report = readable(t)
    data = to_dict(report)
    jsonschema.Draft202012Validator(strict(json_schema())).validate(data)
    kinds = {c["kind"] for c in data["corrections"]}
    assert {"casing", "punctuation"} <= kinds
    from rich.console import Console

    console = Console(width=80, no_color=True, color_system=None, record=True)
    console.print(report_view(report))
    out = console.export_text()
    assert "  casing       " in out and "  punctuation  " in out
    assert "+ May," not in out  # counted, not listed


def test_readable_output_is_deterministic() -> None:
    one, two = readable(transcript()), readable(transcript())
    assert to_json(one) == to_json(two)
    assert export_transcript(one.transcript, one.corrections, "vtt") == export_transcript(
        two.transcript, two.corrections, "vtt"
    )


def test_suggest_applies_nothing() -> None:
    t = transcript()
    report = align(t, [article()], Options(readable=True, apply=False))
    assert report.corrections and not any(c.applied for c in report.corrections)
    assert export_transcript(t, report.corrections, "txt") == export_transcript(t, (), "txt")


def test_the_html_page_counts_tidying_and_keeps_its_links() -> None:
    from transcript_align.html import to_html

    from .test_html import tags

    page = to_html(readable(transcript()))
    ids = {v for _, attrs in tags(page) for n, v in attrs if n == "id"}
    links = [v for _, attrs in tags(page) for n, v in attrs if n == "href" and v]
    assert all(v[1:] in ids for v in links if v.startswith("#"))
    assert "casing:" in page and "punctuation:" in page
    assert "<del>may</del>" not in page  # counted, not listed


def test_cli_writes_the_readable_transcript(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from transcript_align.cli import app

    (tmp_path / "talk.json").write_text(words_json(SAID), encoding="utf-8")
    (tmp_path / "velmora.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "talk.srt"
    result = CliRunner().invoke(
        app,
        [
            "align",
            str(tmp_path / "talk.json"),
            "--refs",
            str(tmp_path / "velmora.txt"),
            "--readable",
            "--out",
            str(out),
            "--no-color",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "  casing       " in result.output
    assert "will open in May, and the toll" in out.read_text(encoding="utf-8")


def test_a_question_word_with_its_clitic_still_opens_a_question() -> None:
    t = transcript([("how's the new bridge looking for the spring", 0.0), ("fine thanks", 6.0)])
    assert "How's the new bridge looking for the spring?" in text_of(t, readable(t, []))


def test_the_word_a_filler_leaves_is_cased_like_any_other() -> None:
    said = "the squad is in good shape for the derby on sunday but um halvard brekke has a knock"
    t = transcript([(said, 0.0)])
    report = readable(
        t,
        [
            article(
                "The coach said the squad is in good shape for the derby on Sunday, though "
                "Halvard Brekke has a knock."
            )
        ],
    )
    assert "um" not in text_of(t, report).split()
    assert "Halvard Brekke has a knock" in text_of(t, report)


def test_a_first_name_only_opening_sentences_is_a_proper_noun_before_a_name() -> None:
    text = (
        "Tobias Pryor gave evidence on Tuesday. Asked Pryor whether he knew, the chair "
        "waited. Mr Pryor said no. Craig Baines agreed, as Baines had before."
    )
    assert proper_nouns([Reference("a.txt", "", text)]) == {
        "baines": "Baines",
        "craig": "Craig",
        "pryor": "Pryor",
        "tobias": "Tobias",
        "tuesday": "Tuesday",
    }


def test_where_the_speaker_goes_on_otherwise_the_articles_mark_is_not_copied() -> None:
    # The article's sentences end at "rated for." and "window opens.": the speaker went on
    # with words the article has not.
    parts = [
        (
            "the new gauge on the north pier was supplied by a small firm in dunmarrow and it "
            "passed every test we ran on the quay last winter the old piers are rated for up "
            "to fifteen tonnes so we are calm and the next inspection window opens in about "
            "nine days",
            0.0,
        )
    ]
    text = (
        "The new gauge on the north pier, supplied by a small firm in Dunmarrow, passed every "
        "test we ran on the quay last winter. The old piers are rated for. Officials were calm "
        "about it. The next inspection window opens."
    )
    t = transcript(parts)
    out = text_of(t, readable(t, [article(text)]))
    assert "a small firm in Dunmarrow" in out
    assert "rated for up to fifteen" in out
    assert "window opens in about nine days" in out


def test_no_sentence_leaves_one_ordinary_word_before_a_speaker_takes_over() -> None:
    page = (
        "Host  0:01\nwelcome back to the harbour hour I am here with doctor tamsin orrey who "
        "has just published her report on the tidal barrier\n\n"
        "Tamsin  0:09\nthanks for having me\n\nHost  0:11\nso what did you find\n"
    )
    t = parse_transcript(page, "podcast.txt")
    text = text_of(t, readable(t, []))
    assert "her report on the tidal barrier. Tamsin 00:09 Thanks for having me." in text
