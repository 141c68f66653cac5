"""Whisper JSON: openai-whisper, faster-whisper dumps and WhisperX."""

from __future__ import annotations

import json
from typing import Any

import pytest

from transcript_align.errors import FormatError
from transcript_align.formats import parse_transcript
from transcript_align.formats.whisper import WhisperJson


def segment(start: float, end: float, text: str, **extra: Any) -> dict[str, Any]:
    return {"id": 0, "seek": 0, "start": start, "end": end, "text": text, **extra}


def test_segments_without_words_are_interpolated() -> None:
    text = json.dumps({"text": " Hi there.", "segments": [segment(0.0, 1.5, " Hi there.")]})
    t = parse_transcript(text, "x.json")
    assert t.format == "whisper"
    assert [(tok.text, tok.estimated) for tok in t.tokens] == [("Hi", True), ("there", True)]
    assert (t.tokens[0].start, t.tokens[-1].end) == (0, 1500)


def test_whisperx_words_without_times_are_estimated_between_neighbours() -> None:
    words = [
        {"word": "We", "start": 1.0, "end": 1.2, "score": 0.9},
        {"word": "spent"},
        {"word": "5%", "start": 1.6, "end": 2.0, "score": 0.8},
    ]
    text = json.dumps(
        {"segments": [segment(1.0, 2.0, " We spent 5%", words=words, speaker="SPEAKER_01")]}
    )
    t = parse_transcript(text, "x.json")
    assert [(w.text, w.start) for w in t.segments[0].words] == [("We", 1000), ("5%", 1600)]
    assert t.segments[0].speaker == "SPEAKER_01"
    spent = t.tokens[1]
    assert (spent.text, spent.estimated) == ("spent", True)
    assert 1200 <= spent.start <= spent.end <= 1600  # type: ignore[operator]
    assert any("1 word(s) have no times" in n for n in t.notes)


def test_word_segments_alone_are_grouped() -> None:
    words = [
        {"word": "Hello.", "start": 0.0, "end": 0.4, "speaker": "SPEAKER_00"},
        {"word": "Yes", "start": 0.5, "end": 0.7, "speaker": "SPEAKER_01"},
    ]
    parsed = WhisperJson.read(json.dumps({"segments": [], "word_segments": words}), "x.json")
    assert [(s.text, s.speaker, s.start, s.end) for s in parsed.segments] == [
        ("Hello.", "SPEAKER_00", 0, 400),
        ("Yes", "SPEAKER_01", 500, 700),
    ]


def test_text_falls_back_to_the_words_and_times_to_the_words() -> None:
    seg = {"text": "", "words": [{"word": " Hi", "start": 2.0, "end": 2.5}]}
    parsed = WhisperJson.read(json.dumps({"segments": [seg], "language": "en"}), "x.json")
    assert [(s.text, s.start, s.end) for s in parsed.segments] == [("Hi", 2000, 2500)]


def test_faster_whisper_list_with_null_words() -> None:
    text = json.dumps(
        [segment(0.0, 1.0, " One two.", words=None), segment(1.0, 2.0, " Three.", words=None)]
    )
    parsed = WhisperJson.read(text, "x.json")
    assert [s.text for s in parsed.segments] == ["One two.", "Three."]


@pytest.mark.parametrize(
    ("seg", "problem"),
    [
        (segment("zero", 1.0, "x"), "x.json: segment 2: 'zero' is not a time in seconds"),  # type: ignore[arg-type]
        (segment(-1.0, 1.0, "x"), "x.json: segment 2: negative time -1.0"),
        (segment(0.0, 1e9, "x"), "x.json: segment 2: time 1000000000.0 s is beyond 100 hours"),
        ({"text": "x", "words": []}, "x.json: segment 2: no start time"),
        (segment(0.0, 1.0, "x", words="nope"), "x.json: segment 2: 'words' is not a list"),
        (segment(0.0, 1.0, 5), "x.json: segment 2: 'text' is 5, not text"),  # type: ignore[arg-type]
        ("x", "x.json: segment 2: not an object"),
        (segment(0.0, 1.0, "x", words=[{"word": "x", "start": True, "end": 1}]),
         "x.json: segment 2 word 1: True is not a time in seconds"),
    ],
)  # fmt: skip
def test_bad_segments_are_one_line_errors(seg: dict[str, Any], problem: str) -> None:
    first = segment(0.0, 1.0, "fine")
    with pytest.raises(FormatError) as info:
        WhisperJson.read(json.dumps({"segments": [first, seg]}), "x.json")
    assert str(info.value) == problem


def test_invalid_json_reports_its_position() -> None:
    with pytest.raises(FormatError) as info:
        parse_transcript('{"segments": [\n  {"start": 0.0,, }\n]}', "x.json")
    assert str(info.value) == (
        "x.json: invalid JSON at line 2 column 17: "
        "Expecting property name enclosed in double quotes"
    )


def test_shapes() -> None:
    assert WhisperJson.sniff('{"text": "", "segments": [], "language": "en"}')
    assert WhisperJson.sniff('[{"start": 0.0, "end": 1.0, "text": " two words"}]')
    assert not WhisperJson.sniff('[{"start": 0.0, "end": 1.0, "text": "word"}]')  # a word list
    assert not WhisperJson.sniff('{"segments": [{"begin": 0, "caption": "x"}]}')
    assert not WhisperJson.sniff('{"segments": "none"}')


def test_whisper_cpp_reads_offsets_or_else_timestamps() -> None:
    text = json.dumps(
        {
            "result": {"language": "en"},
            "transcription": [
                {"offsets": {"from": 0, "to": 2500}, "text": " The pier opens"},
                {"timestamps": {"from": "00:00:02,500", "to": "00:00:05,000"}, "text": " in May."},
            ],
        }
    )
    t = parse_transcript(text, "talk.json")
    assert t.format == "whisper-cpp"
    assert [(s.start, s.end, s.text) for s in t.segments] == [
        (0, 2500, "The pier opens"),
        (2500, 5000, "in May."),
    ]


def test_whisper_cpp_bad_time_is_a_one_line_error() -> None:
    text = json.dumps(
        {"transcription": [{"timestamps": {"from": "soon", "to": "x"}, "text": "hi"}]}
    )
    with pytest.raises(FormatError) as info:
        parse_transcript(text, "talk.json")
    assert str(info.value) == "talk.json: segment 1: unreadable time 'soon'"
