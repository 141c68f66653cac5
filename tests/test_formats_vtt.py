"""WebVTT: header, blocks, voices, markup, YouTube rolling captions, and the writer."""

from __future__ import annotations

from pathlib import Path

import pytest

from transcript_align.errors import FormatError
from transcript_align.formats import parse_transcript, write_segments
from transcript_align.formats.base import Parsed
from transcript_align.formats.vtt import WebVtt
from transcript_align.models import Segment

FIXTURES = Path(__file__).resolve().parent / "data" / "formats"


def read(text: str) -> Parsed:
    return WebVtt.read(text, "x.vtt")


def cues(text: str) -> list[tuple[int | None, int | None, str]]:
    return [(s.start, s.end, s.text) for s in read(text).segments]


def test_header_metadata_and_blocks_are_skipped() -> None:
    text = (
        "WEBVTT\nKind: captions\nLanguage: en\n\n"
        "STYLE\n::cue { color: white }\n\n"
        "REGION\nid:r1\n\n"
        "NOTE one line\n\n"
        "NOTE\nseveral\nlines\n\n"
        "cue-1\n00:01.000 --> 00:02.000 align:start position:10%\nHello\n\n"
        "NOTE between cues\n\n"
        "00:00:03.000 --> 00:00:04.000\nWorld\n"
    )
    parsed = read(text)
    assert [(s.start, s.end, s.text) for s in parsed.segments] == [
        (1000, 2000, "Hello"),
        (3000, 4000, "World"),
    ]
    assert parsed.notes == ()


def test_voice_tags_give_the_speaker() -> None:
    text = (
        "WEBVTT\n\n00:01.000 --> 00:02.000\n<v.loud Kaja Kallas>Thank you.</v>\n\n"
        "00:02.000 --> 00:03.000\n<v Mark &amp; Co>Hi\n\n"
        "00:03.000 --> 00:04.000\nNobody\n"
    )
    parsed = read(text)
    assert [(s.speaker, s.text) for s in parsed.segments] == [
        ("Kaja Kallas", "Thank you."),
        ("Mark & Co", "Hi"),
        (None, "Nobody"),
    ]


def test_markup_and_entities() -> None:
    text = (
        "WEBVTT\n\n00:01.000 --> 00:02.000\n"
        "<c.yellow.bg_blue>Tom</c> &amp; <b>Jerry</b> <i>say</i> <u>&lt;hi&gt;</u>"
        "<lang fr>&nbsp;merci</lang> <ruby>漢<rt>kan</rt></ruby>\n"
    )
    assert cues(text)[0][2] == "Tom & Jerry say <hi>\xa0merci 漢kan"


def test_a_line_holding_spaces_does_not_end_the_cue() -> None:
    assert cues("WEBVTT\n\n00:01.000 --> 00:02.000\n \nsecond line\n") == [
        (1000, 2000, "second line")
    ]


def test_numeric_identifier_glued_to_the_previous_cue() -> None:
    text = "WEBVTT\n\n1\n00:01.000 --> 00:02.000\nOne\n2\n00:03.000 --> 00:04.000\nTwo\n"
    assert cues(text) == [(1000, 2000, "One"), (3000, 4000, "Two")]


def test_text_before_the_first_cue_is_dropped_and_noted() -> None:
    parsed = read("WEBVTT\n\nstray words\n\n00:01.000 --> 00:02.000\nHi\n")
    assert [s.text for s in parsed.segments] == ["Hi"]
    assert parsed.notes == ("dropped 1 block(s) of text before the first cue",)


def test_out_of_order_cues_are_sorted() -> None:
    parsed = read("WEBVTT\n\n00:05.000 --> 00:06.000\nb\n\n00:01.000 --> 00:02.000\na\n")
    assert [s.text for s in parsed.segments] == ["a", "b"]
    assert any("out of order" in n for n in parsed.notes)


def test_missing_header_is_an_error_when_forced() -> None:
    with pytest.raises(FormatError, match="starts with 'WEBVTT'"):
        parse_transcript("00:01.000 --> 00:02.000\nHi\n", "x.vtt", format="vtt")


@pytest.mark.parametrize(
    ("timing", "times", "problem"),
    [
        ("-00:01.000 --> 00:05.000", (2000, 5000), "negative time -00:01.000"),
        ("00:03.000 --> 100:00:00.001", (3000, 8000), "time 100:00:00.001 is beyond 100 hours"),
        ("00:03.000 --> 00:0x.000", (3000, 8000), "'00:0x.000' is not a valid time"),
        ("00:03.000 -->", (3000, 8000), "no end time"),
        ("00:03.000 --> 00:01.000 align:start", (3000, 8000), "end time 00:01.000 is before"),
    ],
)
def test_bad_times_are_repaired_or_refused_when_strict(
    timing: str, times: tuple[int, int], problem: str
) -> None:
    text = f"WEBVTT\n\n00:01.000 --> 00:02.000\na\n\n{timing}\nb\n\n00:08.000 --> 00:09.000\nc\n"
    t = parse_transcript(text, "x.vtt")
    assert [(s.start, s.end, s.text) for s in t.segments] == [
        (1000, 2000, "a"), (*times, "b"), (8000, 9000, "c"),
    ]  # fmt: skip
    (note,) = t.notes
    assert note.startswith(f"cue #2 (line 6): {problem}"), note
    with pytest.raises(FormatError) as info:
        parse_transcript(text, "x.vtt", strict=True)
    assert str(info.value).startswith(f"x.vtt: cue #2 (line 6): {problem}")


def test_inline_word_times_in_a_cue_with_a_refused_start() -> None:
    text = "WEBVTT\n\n00:0x.000 --> 00:03.000\nhello<00:01.500><c> world</c>\n"
    (seg,) = parse_transcript(text, "x.vtt").segments
    assert [(w.text, w.start, w.end) for w in seg.words] == [
        ("hello", 1500, 1500), ("world", 1500, 3000),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "WEBVTTX\n\n00:01.000 --> 00:02.000\nhi\n",
        "Transcript WEBVTT\n",
        "1\n00:00:01,000 --> 00:00:02,000\nhi\n",
    ],
)
def test_look_alikes_are_not_vtt(text: str) -> None:
    assert not WebVtt.sniff(text)


def test_sniff() -> None:
    assert WebVtt.sniff("WEBVTT\n")
    assert WebVtt.sniff("WEBVTT - title\n\n00:01.000 --> 00:02.000\nhi\n")


# -- YouTube rolling auto-captions -------------------------------------------------


def test_youtube_snapshot_captions_give_each_word_once_with_its_inline_time() -> None:
    text = (FIXTURES / "youtube-auto.vtt").read_text(encoding="utf-8")
    t = parse_transcript(text, "auto.vtt")
    words = [(tok.text, tok.start) for tok in t.tokens]
    assert [w for w, _ in words] == (
        "good afternoon and welcome to this press point with the secretary general "
        "Mark Root yes yes thank you Q&A later so the ceasefire holds"
    ).split()
    for word_time in [("good", 320), ("afternoon", 640), ("Root", 6620), ("you", 9480)]:
        assert words.count(word_time) == 1
    assert words[14:16] == [("yes", 7480), ("yes", 8960)]  # "[Music]" is no word
    inline = [tok for tok in t.tokens if t.segments[tok.segment].words]
    assert len(inline) == len(words) - 1  # the lone "yes" carries no inline time
    assert all(not tok.estimated for tok in inline)
    assert "removed 12 duplicate line(s) repeated by rolling captions" in t.notes


def test_rolling_captions_keep_a_genuinely_repeated_line() -> None:
    text = (
        "WEBVTT\n\n"
        "00:00:00.000 --> 00:00:01.000\n \nno<00:00:00.500><c> no</c>\n\n"
        "00:00:01.000 --> 00:00:01.010\nno no\n \n\n"
        "00:00:01.010 --> 00:00:02.000\nno no\nno<00:00:01.500><c> no</c>\n\n"
        "00:00:02.000 --> 00:00:02.010\nno no\n \n"
    )
    parsed = read(text)
    assert [s.text for s in parsed.segments] == ["no no", "no no"]
    assert [w.start for s in parsed.segments for w in s.words] == [0, 500, 1010, 1500]


def test_rolling_captions_without_word_times_are_deduplicated() -> None:
    text = (
        "WEBVTT\n\n"
        "00:00:00.000 --> 00:00:02.000\nfirst line\n\n"
        "00:00:02.000 --> 00:00:04.000\nfirst line\nsecond line\n\n"
        "00:00:04.000 --> 00:00:06.000\nsecond line\nthird line\n\n"
        "00:00:06.000 --> 00:00:08.000\nthird line\nfourth line\n"
    )
    parsed = read(text)
    assert [(s.start, s.text) for s in parsed.segments] == [
        (0, "first line"),
        (2000, "second line"),
        (4000, "third line"),
        (6000, "fourth line"),
    ]
    assert parsed.notes == ("removed 3 duplicate line(s) repeated by rolling captions",)


def test_ordinary_captions_repeating_a_cue_are_not_deduplicated() -> None:
    text = (
        "WEBVTT\n\n00:01.000 --> 00:02.000\nNo.\n\n00:02.000 --> 00:03.000\nNo.\n\n"
        "00:03.000 --> 00:04.000\nWhy not?\n\n00:04.000 --> 00:05.000\nBecause.\n"
    )
    assert [s.text for s in read(text).segments] == ["No.", "No.", "Why not?", "Because."]


def test_inline_times_out_of_order_stay_monotonic() -> None:
    text = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\na<00:00:00.500><c> b</c><00:00:02.000><c> c</c>\n"
    )
    words = read(text).segments[0].words
    assert [(w.text, w.start, w.end) for w in words] == [
        ("a", 1000, 1000),
        ("b", 1000, 2000),
        ("c", 2000, 3000),
    ]


# -- writer -----------------------------------------------------------------


def test_writer_escapes_and_writes_the_speaker() -> None:
    segments = [
        Segment(0, "a <b> & c --> d\n2nd line", 1000, 2500, speaker="Mark <R>"),
        Segment(1, "plain", 3_600_000, 3_601_000),
    ]
    out = write_segments(segments, "vtt", "srt")
    assert out == (
        "WEBVTT\n\n"
        "00:00:01.000 --> 00:00:02.500\n"
        "<v Mark &lt;R&gt;>a &lt;b&gt; &amp; c --&gt; d\n2nd line\n\n"
        "01:00:00.000 --> 01:00:01.000\nplain\n"
    )
    back = read(out).segments
    assert [(s.text, s.speaker) for s in back] == [
        ("a <b> & c --> d\n2nd line", "Mark <R>"),
        ("plain", None),
    ]


def test_writer_refuses_untimed_transcripts() -> None:
    with pytest.raises(FormatError, match="transcript has no times; cannot write WebVTT"):
        write_segments([Segment(0, "x")], "vtt", "plain")
