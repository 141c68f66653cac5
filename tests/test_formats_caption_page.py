"""Caption pages and plain text still read as before, and their txt writer reads back."""

from __future__ import annotations

from transcript_align.formats import parse_transcript, write_segments
from transcript_align.formats.caption_page import CaptionPage
from transcript_align.formats.plain import PlainText
from transcript_align.models import Segment


def test_glued_stamps_and_page_chrome() -> None:
    text = (
        "Menu\nTranscript\n00:00hello there\n00:02general Kenobi\n00:05bye\n"
        "Be the first to comment\n"
    )
    t = parse_transcript(text, "page.txt")
    assert t.format == "caption-page"
    assert [(s.start, s.text) for s in t.segments] == [
        (0, "hello there"),
        (2000, "general Kenobi"),
        (5000, "bye"),
    ]
    assert len(t.notes) == 2


def test_a_page_with_timing_lines_is_not_a_caption_page() -> None:
    assert not CaptionPage.sniff("00:00:01,000 --> 00:00:02,000\n00:01 a\n00:02 b\n00:03 c\n")
    assert not CaptionPage.sniff('[\n  {"w": "a", "start": 0, "end": 1}\n]')


def test_txt_writer_protects_lines_that_would_read_as_stamps() -> None:
    segments = [
        Segment(0, "- yes, we met", 0, 2000),
        Segment(1, "at noon\n12:30 was the lunch", 2000, 5000),
        Segment(2, "| and then", 5000, 6000),
    ]
    out = write_segments(segments, "txt", "caption-page")
    assert out == "00:00 | - yes, we met\n00:02 at noon 12:30 was the lunch\n00:05 | | and then\n"
    back = parse_transcript(out, "x.txt")
    assert [(s.start, s.text) for s in back.segments] == [
        (0, "- yes, we met"),
        (2000, "at noon 12:30 was the lunch"),
        (5000, "| and then"),
    ]


def test_txt_writer_uses_hours_past_an_hour() -> None:
    segments = [Segment(0, "a", 0, 1), Segment(1, "b", 3_600_000, 3_600_001)]
    assert CaptionPage.write(segments, "caption-page") == "0:00:00 a\n1:00:00 b\n"


def test_plain_text_is_the_fallback_and_writes_text_only() -> None:
    t = parse_transcript("first line\n\n  second line  \n", "notes.txt")
    assert t.format == "plain"
    assert [(s.text, s.start) for s in t.segments] == [("first line", None), ("second line", None)]
    assert PlainText.write(t.segments, "srt") == "first line\nsecond line\n"


OTTER = (
    "Harbour meeting transcript\n\n"
    "Ann Lee  0:00\ngood afternoon everyone\nand thanks for coming\n\n"
    "Speaker 2  0:04\nthe harbour wall was built for the tides of the sixties\n\n"
    "Ann Lee  1:09\nwe will raise it by sixty centimetres\n"
)


def test_a_speaker_line_with_its_stamp_heads_the_words_below_it() -> None:
    t = parse_transcript(OTTER, "meeting.txt")
    assert t.format == "caption-page"
    assert [(s.start, s.speaker, s.text) for s in t.segments] == [
        (0, "Ann Lee", "good afternoon everyone\nand thanks for coming"),
        (4000, "Speaker 2", "the harbour wall was built for the tides of the sixties"),
        (69000, "Ann Lee", "we will raise it by sixty centimetres"),
    ]
    assert "Lee" not in [tok.text for tok in t.tokens]
    rev = OTTER.replace("Ann Lee  0:00", "Ann Lee (00:00):").replace("  1:09", " (01:09):")
    assert parse_transcript(rev, "meeting.txt").segments == t.segments


def test_speaker_lines_are_written_back_and_read_the_same() -> None:
    t = parse_transcript(OTTER, "meeting.txt")
    out = write_segments(t.segments, "txt", "caption-page")
    assert out.startswith("Ann Lee  00:00\ngood afternoon everyone\nand thanks for coming\n\n")
    assert parse_transcript(out, "meeting.txt").segments == t.segments
