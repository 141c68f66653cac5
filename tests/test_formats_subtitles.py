"""ASS/SSA, TTML, SAMI, MicroDVD and MPL2 (read and written through pysubs2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from transcript_align.cli import single
from transcript_align.errors import FormatError
from transcript_align.export import export_transcript
from transcript_align.formats import parse_transcript, read_transcript, write_segments
from transcript_align.models import Segment

from .conftest import DATA, EXAMPLE
from .test_export import srt_fixes, srt_transcript

ASS_HEAD = "[Script Info]\nScriptType: v4.00+\n\n[Events]\n"
ASS_FORMAT = "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"


def test_backwards_event_is_repaired_and_refused_when_strict() -> None:
    text = (
        ASS_HEAD + ASS_FORMAT + "Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,one\n"
        "Dialogue: 0,0:00:05.00,0:00:03.00,Default,,0,0,0,,two words\n"
        "Dialogue: 0,0:00:08.00,0:00:09.00,Default,,0,0,0,,three\n"
    )
    t = parse_transcript(text, "x.ass")
    assert [(s.start, s.end, s.text) for s in t.segments] == [
        (1000, 2000, "one"), (5000, 8000, "two words"), (8000, 9000, "three"),
    ]  # fmt: skip
    assert t.notes[0].startswith("event 2: end time 0:00:03.000 is before start time 0:00:05.000")
    with pytest.raises(FormatError) as info:
        parse_transcript(text, "x.ass", strict=True)
    assert str(info.value) == (
        "x.ass: event 2: end time 0:00:03.000 is before start time 0:00:05.000"
    )


def test_sami_caption_lasts_until_the_next_sync() -> None:
    text = (
        "<SAMI><BODY>\n<SYNC Start=1000><P>one</P>\n<SYNC Start=2500><P>two &amp; more</P>\n"
        "<SYNC Start=4000><P>&nbsp;</P>\n</BODY></SAMI>\n"
    )
    t = parse_transcript(text, "x.smi")
    assert [(s.start, s.end, s.text) for s in t.segments] == [
        (1000, 2500, "one"), (2500, 4000, "two & more"),
    ]  # fmt: skip
    assert t.notes == ()


def test_sami_writer_ends_an_overlapping_cue_where_the_next_starts() -> None:
    segments = [Segment(0, "a <b> & {c}", 1000, 5000), Segment(1, "d", 3000, 4000)]
    out = write_segments(segments, "sami", "srt")
    assert "<SYNC Start=1000><P Class=ENCC>a &lt;b&gt; &amp; (c)</P></SYNC>" in out
    back = parse_transcript(out, "x.smi")
    assert [(s.start, s.end, s.text) for s in back.segments] == [
        (1000, 3000, "a <b> & (c)"), (3000, 4000, "d"),
    ]  # fmt: skip


def test_microdvd_without_a_frame_rate_is_read_at_the_film_rate_with_a_note() -> None:
    t = parse_transcript("{0}{24}one\n{48}{72}two|lines\n", "x.sub")
    assert [(s.start, s.end, s.text) for s in t.segments] == [
        (0, 1001, "one"), (2002, 3003, "two\nlines"),
    ]  # fmt: skip
    assert t.notes == ("no frame rate declared ({1}{1}fps); read at 23.976 fps",)
    declared = write_segments(t.segments, "microdvd", t.format)
    assert declared.startswith("{1}{1}23.976\n{0}{24}one\n")
    assert parse_transcript(declared, "x.sub").notes == ()


@pytest.mark.parametrize(
    ("text", "name", "problem"),
    [
        ('<tt xmlns="http://www.w3.org/ns/ttml"><body><p begin=', "x.ttml", "cannot read as ttml"),
        ("{1}{1}0\n{0}{24}one\n", "x.sub", "cannot read as microdvd"),
        (ASS_HEAD + ASS_FORMAT, "x.ass", "no ass events found"),
        ("[0][10]\n[20][30]\n", "x.txt", "no transcript words"),
    ],
)
def test_unreadable_subtitles_are_one_line_errors(text: str, name: str, problem: str) -> None:
    with pytest.raises(FormatError) as info:
        parse_transcript(text, name)
    message = str(info.value)
    assert message.startswith(f"{name}: {problem}"), message
    assert "\n" not in message


def test_pysubs2_warnings_become_notes() -> None:
    text = ASS_HEAD + ASS_FORMAT + "Dialogue: 0,0:00:01.00,0:00:02.00,Default,,zz,0,0,,hello\n"
    t = parse_transcript(text, "x.ass")
    assert [s.text for s in t.segments] == ["hello"]
    assert t.notes == ("pysubs2: Failed to parse marginl, using default",)


@pytest.mark.parametrize(
    ("name", "option", "fmt"),
    [
        ("out.ass", None, "ass"),
        ("out.ssa", None, "ssa"),
        ("out.ttml", None, "ttml"),
        ("out.dfxp", None, "ttml"),
        ("out.smi", None, "sami"),
        ("out.sami", None, "sami"),
        ("out.sub", None, "microdvd"),
        ("out.txt", "mpl2", "mpl2"),
    ],
)
def test_out_writes_the_format_and_keeps_the_cue_times(
    tmp_path: Path, name: str, option: str | None, fmt: str
) -> None:
    source = DATA / "formats" / "basic.srt"
    extra = ["--format", option] if option else []
    out = tmp_path / name
    result = CliRunner().invoke(
        single, [str(source), "--refs", str(EXAMPLE / "articles"), "--out", str(out), *extra]
    )
    assert result.exit_code == 0, result.output
    back = read_transcript(str(out))
    want = read_transcript(str(source))
    assert back.format == fmt
    assert [s.text for s in back.segments] == [s.text for s in want.segments]
    step = {"mpl2": 50, "microdvd": 21, "ass": 5, "ssa": 5}.get(fmt, 0)
    for a, b in zip(want.segments, back.segments):
        assert a.start is not None and a.end is not None
        assert b.start is not None and b.end is not None
        assert abs(a.start - b.start) <= step and abs(a.end - b.end) <= step


@pytest.mark.parametrize("fmt", ["ass", "ttml", "sami"])
def test_corrections_reach_the_export(fmt: str) -> None:
    t = srt_transcript()
    out = export_transcript(t, srt_fixes(t), fmt)
    again = parse_transcript(out, f"out.{fmt}")
    assert "Special envoy Steve Witkoff met" in again.segments[0].text
    if fmt != "ass":  # ASS keeps hundredths of a second
        assert [(s.start, s.end) for s in again.segments] == [(s.start, s.end) for s in t.segments]


def test_ass_cannot_hold_ten_hours_and_says_so() -> None:
    segments = [Segment(0, "late", 35_999_000, 36_000_000)]
    with pytest.raises(FormatError, match=r"ass times stop at 9:59:59.99"):
        write_segments(segments, "ass", "srt")
    assert write_segments(segments, "ttml", "srt").count("<p ") == 1
