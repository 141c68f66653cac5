"""Sound tags in captions ("[Music]", "(LAUGHTER)", "[inaudible]"): kept, never speech."""

from __future__ import annotations

from transcript_align import align, parse_transcript
from transcript_align.export import export_transcript
from transcript_align.references import parse_reference
from transcript_align.sounds import sound_tags

CAPTIONS = (
    "1\n00:00:00,500 --> 00:00:04,000\n[Music]\n\n"
    "2\n00:00:04,200 --> 00:00:09,800\nthe ferry to skerra will run every hour from may\n\n"
    "3\n00:00:10,000 --> 00:00:14,500\n[inaudible] and the fares stay the same (APPLAUSE)\n\n"
    "4\n00:00:14,700 --> 00:00:19,900\nwhich i think (and i mean this) is the right call\n"
)


def test_sound_tags_are_no_words() -> None:
    t = parse_transcript(CAPTIONS, "ferry.srt")
    words = [tok.text for tok in t.tokens]
    assert words[:3] == ["the", "ferry", "to"]
    assert not {"Music", "inaudible", "APPLAUSE"} & set(words)
    # An aside in parentheses that names no sound is words said.
    assert words[-8:-4] == ["and", "i", "mean", "this"]


def test_a_quote_said_across_a_sound_tag_is_said_word_for_word() -> None:
    t = parse_transcript(CAPTIONS, "ferry.srt")
    article = (
        'The minister said: "The ferry to Skerra will run every hour from May, '
        'and the fares stay the same."'
    )
    report = align(t, [parse_reference(article, "a.txt")])
    assert [q.status for q in report.quotes] == ["verbatim"]
    srt = export_transcript(t, report.corrections, "srt")
    assert "[inaudible] and the fares" in srt and "[Music]" in srt


def test_what_counts_as_a_sound_tag() -> None:
    def tags(text: str) -> list[str]:
        return [text[a:b] for a, b in sound_tags(text)]

    assert tags("[speaking French] bonjour (crosstalk) ok") == ["[speaking French]", "(crosstalk)"]
    assert tags("the council (the old one) said") == []
    assert tags("(Inaudible) he left") == ["(Inaudible)"]
