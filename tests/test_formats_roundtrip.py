"""Property: what a writer writes, its reader reads back (cue text, times, speakers).

Text is generated with what breaks naive writers: arrows, tags, entities,
numbers at the start of a line, blank lines inside a cue, unicode. SRT and
WebVTT end a cue at a blank line, so a cue's text reads back as its visible
lines (:func:`cue_lines`); the JSON export keeps text exactly.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transcript_align.formats import READERS, detect_format, write_segments
from transcript_align.formats.caption_page import CaptionPage
from transcript_align.formats.cues import cue_lines
from transcript_align.formats.plain import PlainText
from transcript_align.formats.srt import Srt
from transcript_align.formats.transcript_json import TranscriptJson
from transcript_align.formats.vtt import WebVtt
from transcript_align.models import Segment
from transcript_align.timeline import build_tokens

AWKWARD = [
    "-->", "->", "→", "<b>", "</i>", "<font color=red>", "<v Bob>", "<c.x>", "<00:00:01.000>",
    "<", ">", "&", "&amp;", "&lt;", "&nbsp;", "&copy2020", "&#123;", "AT&T", "{\\an8}", "{\\i1}",
    "12", "1", "2024", "00:00:01,000 --> 00:00:02,000", "00:00:01,000 -> 00:00:02,000",
    "12:30", "- ", "NOTE", "WEBVTT", "\n", "\n\n", "\n \n", " ", "é", "日本語", "Ωμέγα", "🙂",
    "\u2028",
]  # fmt: skip
CHARS = st.characters(blacklist_categories=("Cs", "Cc"))
TEXT = st.lists(st.one_of(st.sampled_from(AWKWARD), st.text(CHARS, max_size=8)), max_size=8).map(
    "".join
)
SPEAKER = st.none() | st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=12
)
MAX_TIME = 100 * 3600 * 1000


@st.composite
def timed_segments(
    draw: st.DrawFn, text: st.SearchStrategy[str] = TEXT, step: int = 1
) -> list[Segment]:
    count = draw(st.integers(1, 6))
    start = draw(st.integers(0, 3_600_000)) // step * step
    out = []
    for i in range(count):
        start += draw(st.integers(0, 90_000)) // step * step
        end = start + draw(st.integers(0, 20_000))
        out.append(
            Segment(i, draw(text), min(start, MAX_TIME), min(end, MAX_TIME), speaker=draw(SPEAKER))
        )
    return out


def shown(segments: list[Segment]) -> list[tuple[int | None, int | None, str]]:
    """What a cue format can carry: visible lines, and only cues that have some."""
    out = []
    for s in segments:
        lines = cue_lines(s.text)
        if lines:
            out.append((s.start, s.end, "\n".join(lines)))
    return out


@settings(max_examples=300, deadline=None)
@given(timed_segments())
def test_srt_round_trip(segments: list[Segment]) -> None:
    out = write_segments(segments, "srt", "srt")
    if not shown(segments):
        assert out == ""
        return
    assert detect_format(out, "x.srt") == "srt"
    back = Srt.read(out, "x.srt")
    assert [(s.start, s.end, s.text) for s in back.segments] == shown(segments)


def _unrolled(segments: list[Segment]) -> list[Segment]:
    # Lines repeating from one cue to the next are how rolling captions look;
    # a first line unique to each cue keeps generated text from taking that shape.
    return [
        Segment(s.index, f"cue {s.index}\n{s.text}", s.start, s.end, speaker=s.speaker)
        for s in segments
    ]


@settings(max_examples=300, deadline=None)
@given(timed_segments().map(_unrolled))
def test_vtt_round_trip(segments: list[Segment]) -> None:
    out = write_segments(segments, "vtt", "vtt")
    assert detect_format(out, "x.vtt") == "vtt"
    back = WebVtt.read(out, "x.vtt")
    assert [(s.start, s.end, s.text) for s in back.segments] == shown(segments)
    speakers = [" ".join((s.speaker or "").split()) or None for s in segments]
    assert [s.speaker for s in back.segments] == speakers


@st.composite
def any_segments(draw: st.DrawFn) -> list[Segment]:
    timed = draw(st.booleans())
    segments = draw(
        timed_segments(text=st.text(st.characters(blacklist_categories=("Cs",))) | TEXT)
    )
    if timed:
        return segments
    return [Segment(s.index, s.text, speaker=s.speaker) for s in segments]


@settings(max_examples=300, deadline=None)
@given(any_segments(), st.sampled_from(["srt", "vtt", "whisper", "plain", "caption-page"]))
def test_json_round_trip_is_lossless(segments: list[Segment], source: str) -> None:
    out = write_segments(segments, "json", source)
    assert detect_format(out, "x.json") == "transcript-json"
    back = TranscriptJson.read(out, "x.json").segments
    assert [(s.text, s.start, s.end, s.speaker) for s in back] == [
        (s.text, s.start, s.end, s.speaker) for s in segments
    ]
    assert build_tokens(back) == build_tokens(segments)
    assert write_segments(back, "json", source) == out


CAPTION_TEXT = st.lists(
    st.sampled_from(
        [
            "hello",
            "Witko",
            "12:30",
            "[01:02]",
            "5",
            "-",
            "- ",
            "|",
            ": ",
            "> ",
            "é",
            "日本",
            " ",
            "\n",
        ]
    ),
    min_size=1,
    max_size=6,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(timed_segments(text=CAPTION_TEXT, step=1000).filter(lambda segs: len(shown(segs)) >= 3))
def test_caption_page_txt_round_trip(segments: list[Segment]) -> None:
    segments = [s for s in segments if cue_lines(s.text)]
    out = write_segments(segments, "txt", "caption-page")
    assert detect_format(out, "x.txt") == "caption-page"
    back = CaptionPage.read(out, "x.txt").segments
    assert [s.start for s in back] == [s.start for s in segments]
    assert [s.text.split() for s in back] == [s.text.split() for s in segments]


@settings(max_examples=200, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=6))
def test_plain_txt_round_trip(texts: list[str]) -> None:
    segments = [Segment(i, t) for i, t in enumerate(texts)]
    back = PlainText.read(write_segments(segments, "txt", "plain"), "x.txt").segments
    lines = [line.strip() for t in texts for line in t.split("\n") if line.strip()]
    assert [s.text for s in back] == lines


# The formats written through pysubs2 (and SAMI), with the largest time error their
# resolution allows: ASS/SSA store hundredths, MPL2 tenths, MicroDVD frames (23.976 fps).
SUBTITLE_RESOLUTION = {"ass": 5, "ssa": 5, "ttml": 0, "sami": 0, "microdvd": 21, "mpl2": 50}
# Words of letters, digits and punctuation, markup look-alikes included. Not generated:
# braces (pysubs2 reads them as style overrides in every format, so they are written as
# parentheses), backslashes (ASS escapes), "|" (a line break in MicroDVD and MPL2), "/"
# (italics at the start of an MPL2 line).
SUB_WORD = st.one_of(
    st.text(st.characters(categories=("L", "N")), min_size=1, max_size=8),
    st.sampled_from(["<b>", "</i>", "&", "&amp;", "AT&T", "<", ">", "-->", "12:30", "é", "日本"]),
    st.sampled_from(list(".,;:!?'\"-%$#@*()[]")),
)
SUB_TEXT = st.lists(
    st.tuples(SUB_WORD, st.sampled_from([" ", " ", "\n"])), min_size=1, max_size=8
).map(lambda pairs: "".join(w + sep for w, sep in pairs))


def _one_at_a_time(segments: list[Segment]) -> list[Segment]:
    """SAMI shows one caption at a time: each cue ends by the time the next starts."""
    out = []
    for k, s in enumerate(segments):
        end = s.end if k + 1 == len(segments) else min(s.end or 0, segments[k + 1].start or 0)
        out.append(Segment(s.index, s.text, s.start, end))
    return out


@pytest.mark.parametrize("fmt", sorted(SUBTITLE_RESOLUTION))
@settings(max_examples=150, deadline=None)
@given(segments=timed_segments(text=SUB_TEXT))
def test_subtitle_round_trip_keeps_every_word_and_cue_time(
    fmt: str, segments: list[Segment]
) -> None:
    if fmt == "sami":
        segments = _one_at_a_time(segments)
    out = write_segments(segments, fmt, "srt")
    assert detect_format(out, "x.sub") == fmt
    back = READERS[fmt].read(out, "x.sub").segments
    assert [s.text.split() for s in back] == [s.text.split() for s in segments]
    assert [s.text for s in back] == ["\n".join(cue_lines(s.text)) for s in segments]
    tolerance = SUBTITLE_RESOLUTION[fmt]
    for s, b in zip(segments, back):
        assert s.start is not None and s.end is not None and b.start is not None
        assert b.end is not None
        assert abs(b.start - s.start) <= tolerance and abs(b.end - s.end) <= tolerance
    if fmt in ("ass", "ssa"):
        speakers = [" ".join((s.speaker or "").split()).replace(",", ";") or None for s in segments]
        assert [s.speaker for s in back] == speakers


@pytest.mark.parametrize("last", ["12:30", "[01:02]"])
def test_a_caption_line_that_reads_as_a_speakers_line_is_written_into_its_cue(last: str) -> None:
    segments = [
        Segment(0, "hello", 62_000, 62_000),
        Segment(1, f"hello\nWitko\n{last}", 62_000, 62_000),
        Segment(2, "hello", 62_000, 62_000),
    ]
    out = write_segments(segments, "txt", "caption-page")
    assert detect_format(out, "x.txt") == "caption-page"
    back = CaptionPage.read(out, "x.txt").segments
    assert [s.text.split() for s in back] == [s.text.split() for s in segments]
