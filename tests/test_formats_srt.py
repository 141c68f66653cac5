"""SubRip: real-world variations, malformed files, and the writer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from transcript_align.errors import FormatError
from transcript_align.formats import parse_transcript, read_transcript, write_segments
from transcript_align.formats.base import Parsed
from transcript_align.formats.srt import Srt
from transcript_align.models import Segment


def read(text: str) -> Parsed:
    return Srt.read(text, "x.srt")


def cues(text: str) -> list[tuple[int | None, int | None, str]]:
    return [(s.start, s.end, s.text) for s in read(text).segments]


def error(text: str) -> str:
    with pytest.raises(FormatError) as info:
        parse_transcript(text, "x.srt")
    message = str(info.value)
    assert "\n" not in message
    return message


def test_cues_without_numbers_and_with_dots() -> None:
    text = "00:00:01.000 --> 00:00:02.500\nHello there.\n\n00:00:03.000 --> 00:00:04.000\nBye.\n"
    assert cues(text) == [(1000, 2500, "Hello there."), (3000, 4000, "Bye.")]


@pytest.mark.parametrize(
    "timing",
    [
        "00:00:01,000-->00:00:02,000",
        "00:00:01,000   -->   00:00:02,000",
        "  00:00:01,000 --> 00:00:02,000  ",
        "00:00:01,000 --> 00:00:02,000 X1:100 X2:600 Y1:20 Y2:50",
        "0:00:01,0 --> 0:00:02,00",
        "00:00:01:000 --> 00:00:02:000",
        "00:01,000 --> 00:02,000",
    ],
)
def test_timing_line_variations(timing: str) -> None:
    assert cues(f"1\n{timing}\nHi\n") == [(1000, 2000, "Hi")]


@pytest.mark.parametrize("arrow", ["->", "—>", "–>", "--->", "- ->"])
def test_non_standard_arrows_are_read_and_noted(arrow: str) -> None:
    parsed = read(f"1\n00:00:01,000 {arrow} 00:00:02,000\nHi\n")
    assert [(s.start, s.end) for s in parsed.segments] == [(1000, 2000)]
    assert any("non-standard arrow" in n and "line 2" in n for n in parsed.notes)


def test_markup_and_entities_are_removed() -> None:
    text = (
        "1\n00:00:01,000 --> 00:00:02,000\n"
        '{\\an8}<font color="#00ff00"><i>Tom</i> &amp; <B>Jerry</B></font>\n'
        "<u>&quot;run&quot;</u> &lt;3 &copy; 5 < 6\n"
    )
    assert cues(text) == [(1000, 2000, 'Tom & Jerry\n"run" <3 © 5 < 6')]


def test_unknown_angle_brackets_are_text() -> None:
    assert cues("1\n00:00:01,000 --> 00:00:02,000\n<laughs> okay\n")[0][2] == "<laughs> okay"


def test_multi_line_cue_keeps_its_lines() -> None:
    text = "1\n00:00:01,000 --> 00:00:02,000\n  first line  \nsecond line\n\n"
    assert cues(text)[0][2] == "first line\nsecond line"


def test_blank_line_variations() -> None:
    text = (
        "\n\n1\n00:00:01,000 --> 00:00:02,000\nOne\n\n\n\n"
        "2\n00:00:03,000 --> 00:00:04,000\nTwo\n"  # no blank line before the next number
        "3\n00:00:05,000 --> 00:00:06,000\nThree"  # no final newline
    )
    assert cues(text) == [(1000, 2000, "One"), (3000, 4000, "Two"), (5000, 6000, "Three")]


def test_a_number_inside_the_text_is_kept() -> None:
    text = (
        "1\n00:00:01,000 --> 00:00:02,000\nWe counted to\n10\n\n"
        "2\n00:00:03,000 --> 00:00:04,000\n2024\n"
    )
    assert cues(text) == [(1000, 2000, "We counted to\n10"), (3000, 4000, "2024")]


def test_text_after_a_blank_line_stays_with_its_cue() -> None:
    text = (
        "1\n00:00:01,000 --> 00:00:02,000\nHello\n\nworld\n\n2\n00:00:03,000 --> 00:00:04,000\nx\n"
    )
    parsed = read(text)
    assert [s.text for s in parsed.segments] == ["Hello\nworld", "x"]
    assert any("after a blank line" in n and "line 5" in n for n in parsed.notes)


def test_out_of_order_cues_are_sorted_stably_and_noted() -> None:
    text = (
        "1\n00:00:05,000 --> 00:00:06,000\nlate\n\n"
        "2\n00:00:01,000 --> 00:00:02,000\nfirst\n\n"
        "3\n00:00:01,000 --> 00:00:03,000\nsecond\n"
    )
    parsed = read(text)
    assert [s.text for s in parsed.segments] == ["first", "second", "late"]
    assert [s.index for s in parsed.segments] == [0, 1, 2]
    assert any("out of order" in n for n in parsed.notes)


def test_overlaps_are_kept_and_noted() -> None:
    text = "1\n00:00:01,000 --> 00:00:04,000\na\n\n2\n00:00:02,000 --> 00:00:05,000\nb\n"
    parsed = read(text)
    assert [(s.start, s.end) for s in parsed.segments] == [(1000, 4000), (2000, 5000)]
    assert any("overlap" in n for n in parsed.notes)


def test_empty_cues_are_dropped_and_noted() -> None:
    text = (
        "1\n00:00:01,000 --> 00:00:02,000\n<i></i>\n\n"
        "2\n00:00:02,000 --> 00:00:03,000\n\n"
        "3\n00:00:03,000 --> 00:00:04,000\nkept\n"
    )
    parsed = read(text)
    assert [s.text for s in parsed.segments] == ["kept"]
    assert any(n.startswith("dropped 2 cue(s) with no text (first: cue 1") for n in parsed.notes)


def test_end_before_start_is_repaired_and_noted() -> None:
    # The start orders the cue and is kept; a last cue's end is guessed from its length.
    parsed = read("1\n00:00:05,000 --> 00:00:04,000\nxyz\n")
    assert [(s.start, s.end) for s in parsed.segments] == [(5000, 5200)]
    assert parsed.notes == (
        "cue 1 (line 2): end time 00:00:04,000 is before start time 00:00:05,000; kept its "
        "words, times estimated from its neighbours: 00:00:05.000 --> 00:00:05.200",
    )


def strict_error(text: str) -> str:
    with pytest.raises(FormatError) as info:
        parse_transcript(text, "x.srt", strict=True)
    message = str(info.value)
    assert "\n" not in message
    return message


BETWEEN = (
    "1\n00:00:01,000 --> 00:00:02,000\na\n\n2\n{}\nb c\n\n3\n00:00:08,000 --> 00:00:09,000\nd\n"
)


@pytest.mark.parametrize(
    ("timing", "times", "problem"),
    [
        ("-00:00:01,000 --> 00:00:05,000", (2000, 5000), "negative time -00:00:01,000"),
        ("00:00:03,000 --> 101:00:00,000", (3000, 8000), "time 101:00:00,000 is beyond 100 hours"),
        ("00:00:03,000 --> 00:61:00,000", (3000, 8000), "'00:61:00,000' is not a valid time"),
        ("00:00:03,000 --> 00:00:4x", (3000, 8000), "'00:00:4x' is not a valid time"),
        ("00:00:03,000 -->", (3000, 8000), "no end time"),
        ("00:00:03,000 --> 00:00:01,000", (3000, 8000), "end time 00:00:01,000 is before"),
        ("00:00:99,000 --> 00:00:05,000", (2000, 5000), "'00:00:99,000' is not a valid time"),
        ("00:0x --> 00:0y", (2000, 8000), "'00:0x' is not a valid time"),
    ],
)
def test_broken_times_are_taken_from_the_neighbours(
    timing: str, times: tuple[int, int], problem: str
) -> None:
    text = BETWEEN.format(timing)
    parsed = read(text)
    assert [(s.start, s.end, s.text) for s in parsed.segments] == [
        (1000, 2000, "a"), (*times, "b c"), (8000, 9000, "d"),
    ]  # fmt: skip
    (note,) = parsed.notes
    assert note.startswith(f"cue 2 (line 6): {problem}"), note
    t = parse_transcript(text, "x.srt")
    assert [tok.estimated for tok in t.tokens] == [True] * 4
    assert strict_error(text).startswith(f"x.srt: cue 2 (line 6): {problem}")


@pytest.mark.parametrize("arrow", ["->", "=>", "-->>", "==>", "—>"])
def test_odd_arrows_are_read_and_refused_when_strict(arrow: str) -> None:
    text = BETWEEN.format(f"00:00:03,000 {arrow} 00:00:04,000")
    assert [(s.start, s.end) for s in read(text).segments][1] == (3000, 4000)
    assert strict_error(text) == f"x.srt: cue 2 (line 6): non-standard arrow {arrow!r}"


def test_no_usable_time_at_all_is_an_error() -> None:
    assert error("1\n00:00:0x --> 00:00:0y\nhi\n") == (
        "x.srt: no usable cue time (cue 1 (line 2): '00:00:0x' is not a valid time; "
        "'00:00:0y' is not a valid time)"
    )


def test_strict_reading_of_a_clean_file_is_the_same() -> None:
    text = BETWEEN.format("00:00:03,000 --> 00:00:04,000")
    assert parse_transcript(text, "x.srt", strict=True) == parse_transcript(text, "x.srt")


def test_forced_srt_without_cues_is_an_error() -> None:
    with pytest.raises(FormatError, match="no SRT cues found"):
        parse_transcript("just some words\n", "x.srt", format="srt")


def test_bom_and_crlf(write: Callable[..., Path]) -> None:
    data = b"\xef\xbb\xbf1\r\n00:00:01,000 --> 00:00:02,000\r\nCaf\xc3\xa9\r\n\r\n"
    t = read_transcript(str(write("x.srt", data)))
    assert t.format == "srt"
    assert [(s.start, s.text) for s in t.segments] == [(1000, "Café")]


@pytest.mark.parametrize(
    "text",
    [
        "00:00 hello\n00:05 there\n00:09 again\n",  # a caption page
        "Meeting at 10:00 --> moved to 11:00\n",
        "1\nThe first point\n00:00:01,000 --> 00:00:02,000\n",
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhi\n",
        '[{"start": 0.0, "end": 1.0, "text": "hi there"}]',
    ],
)
def test_look_alikes_are_not_srt(text: str) -> None:
    assert not Srt.sniff(text)


def test_sniff_claims_numbered_and_unnumbered_files() -> None:
    assert Srt.sniff("\n1\n00:00:01,000 --> 00:00:02,000\nhi\n")
    assert Srt.sniff("00:00:01.000 --> 00:00:02.000\nhi\n")


# -- writer -----------------------------------------------------------------


def test_writer_numbers_cues_and_keeps_times_and_lines() -> None:
    segments = [
        Segment(0, "Good afternoon,\nand welcome.", 1000, 4200),
        Segment(1, "Next", 3_723_004, 3_725_000),
    ]
    assert write_segments(segments, "srt", "vtt") == (
        "1\n00:00:01,000 --> 00:00:04,200\nGood afternoon,\nand welcome.\n\n"
        "2\n01:02:03,004 --> 01:02:05,000\nNext\n"
    )


def test_writer_escapes_only_markup_look_alikes() -> None:
    out = Srt.write([Segment(0, "AT&T <b>x</b> &amp; 5 < 6 a --> b {\\an8}", 0, 1000)], "srt")
    assert out.split("\n")[2] == "AT&T &lt;b>x&lt;/b> &amp;amp; 5 < 6 a --&gt; b &#123;\\an8}"
    assert read(out).segments[0].text == "AT&T <b>x</b> &amp; 5 < 6 a --> b {\\an8}"


def test_writer_protects_text_that_reads_as_a_timing_line() -> None:
    text = "00:00:01,000 -> 00:00:02,000"
    out = Srt.write([Segment(0, "1\n" + text, 5000, 6000)], "srt")
    assert [(s.start, s.text) for s in read(out).segments] == [(5000, "1\n" + text)]


def test_writer_drops_blank_lines_and_empty_cues() -> None:
    segments = [
        Segment(0, "a\n\n  b  ", 0, 1000),
        Segment(1, " \n", 1000, 2000),
        Segment(2, "c", 2000, 3000),
    ]
    out = Srt.write(segments, "srt")
    assert out == "1\n00:00:00,000 --> 00:00:01,000\na\nb\n\n2\n00:00:02,000 --> 00:00:03,000\nc\n"


def test_writer_refuses_untimed_transcripts() -> None:
    with pytest.raises(FormatError) as info:
        write_segments([Segment(0, "no times")], "srt", "plain")
    assert info.value.path == "-"
    assert info.value.problem == "transcript has no times; cannot write SRT"


def test_writer_fills_a_missing_time_from_the_neighbours() -> None:
    segments = [Segment(0, "a", 0, 1000), Segment(1, "b"), Segment(2, "c", 3000, 4000)]
    assert cues(Srt.write(segments, "whisper")) == [
        (0, 1000, "a"),
        (1000, 3000, "b"),
        (3000, 4000, "c"),
    ]


@pytest.mark.parametrize("filler", ["-", "=", "- "])
def test_a_long_line_of_dashes_is_read_in_linear_time(filler: str) -> None:
    # Timing-line patterns used to backtrack over every split of such a line: minutes.
    import time

    text = f"1\n00:00:01,000 --> 00:00:02,000\nhi\n0:0{filler * 60_000}\n"
    start = time.perf_counter()
    (seg,) = read(text).segments
    assert time.perf_counter() - start < 2
    assert seg.text.startswith("hi\n0:0")
