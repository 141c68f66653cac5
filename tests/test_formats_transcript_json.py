"""The tool's own JSON export: schema, determinism, lossless reading."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from transcript_align.errors import FormatError
from transcript_align.formats import parse_transcript, read_transcript, write_segments
from transcript_align.formats.transcript_json import TranscriptJson
from transcript_align.models import Segment, Word

FIXTURES = Path(__file__).resolve().parent / "data" / "formats"


def test_export_shape_in_seconds() -> None:
    segments = [
        Segment(
            0,
            "Hello there",
            1000,
            2000,
            words=(Word("Hello", 1000, 1400), Word("there", 1500, 2000)),
        ),
        Segment(1, "Next line", 2500, 3500, speaker="spk_1"),
    ]
    out = write_segments(segments, "json", "whisper")
    data = json.loads(out)
    assert data["schema"] == "transcript-align/transcript@1"
    assert data["source_format"] == "whisper"
    assert data["segments"][0] == {
        "start": 1.0,
        "end": 2.0,
        "text": "Hello there",
        "speaker": None,
        "words": [
            {"word": "Hello", "start": 1.0, "end": 1.4, "estimated": False},
            {"word": "there", "start": 1.5, "end": 2.0, "estimated": False},
        ],
    }
    assert data["segments"][1]["speaker"] == "spk_1"
    assert all(word["estimated"] for word in data["segments"][1]["words"])
    assert out.endswith("}\n")


def test_untimed_input_has_null_times() -> None:
    t = parse_transcript("just words\n", "x.txt")
    data = json.loads(write_segments(t.segments, "json", t.format))
    assert data["segments"] == [
        {
            "start": None,
            "end": None,
            "text": "just words",
            "speaker": None,
            "words": [
                {"word": "just", "start": None, "end": None, "estimated": False},
                {"word": "words", "start": None, "end": None, "estimated": False},
            ],
        }
    ]
    back = parse_transcript(write_segments(t.segments, "json", t.format), "x.json")
    assert back.segments == t.segments
    assert not back.timed


@pytest.mark.parametrize(
    "name", ["whisperx.json", "youtube-auto.vtt", "messy.srt", "caption-page.txt", "words.json"]
)
def test_read_back_is_lossless_and_writing_is_deterministic(name: str) -> None:
    t = read_transcript(str(FIXTURES / name))
    out = write_segments(t.segments, "json", t.format)
    assert write_segments(t.segments, "json", t.format) == out
    back = parse_transcript(out, "out.json")
    assert back.format == "transcript-json"
    assert [(s.text, s.start, s.end, s.speaker) for s in back.segments] == [
        (s.text, s.start, s.end, s.speaker) for s in t.segments
    ]
    assert [(k.text, k.start, k.end, k.estimated) for k in back.tokens] == [
        (k.text, k.start, k.end, k.estimated) for k in t.tokens
    ]
    assert write_segments(back.segments, "json", t.format) == out


def test_unicode_is_written_as_utf8_text() -> None:
    out = write_segments([Segment(0, "Kaja Kallas — «merci» 日本", 0, 1000)], "json", "srt")
    assert "«merci» 日本" in out


def test_estimated_words_keep_their_flag() -> None:
    t = parse_transcript((FIXTURES / "export.json").read_text(encoding="utf-8"), "x.json")
    assert [[w.estimated for w in s.words] for s in t.segments] == [[False] * 5, [True] * 5]
    assert [k.estimated for k in t.tokens] == [False] * 5 + [True] * 5
    assert (t.tokens[6].start, t.tokens[6].end) == (3537, 3737)


def export(segments: str, schema: str = "transcript-align/transcript@1") -> str:
    return f'{{"schema": "{schema}"{segments}}}'


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (export(', "segments": []', schema="transcript-align/transcript@9"),
         "schema 'transcript-align/transcript@9'; expected 'transcript-align/transcript@1'"),
        (export(""), "'segments' is missing or not a list"),
        (export(', "segments": [{"text": "x", "speaker": 3}]'), "segment 1: 'speaker' is not text"),
        (export(', "segments": [{"text": "x", "start": -1}]'), "segment 1: negative time -1"),
        (export(', "segments": [{"text": "x", "words": [{"word": "x", "estimated": 1}]}]'),
         "segment 1 word 1: 'estimated' is not true or false"),
    ],
)  # fmt: skip
def test_bad_exports_are_one_line_errors(text: str, problem: str) -> None:
    with pytest.raises(FormatError) as info:
        parse_transcript(text, "x.json")
    assert str(info.value) == f"x.json: {problem}"


def test_seconds_as_numeric_strings_are_accepted() -> None:
    parsed = TranscriptJson.read(export(', "segments": [{"text": "x", "start": "1"}]'), "x.json")
    assert parsed.segments[0].start == 1000
