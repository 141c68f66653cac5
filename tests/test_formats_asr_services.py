"""Deepgram and AssemblyAI responses: words, times, speakers, channels and errors."""

from __future__ import annotations

import json
from typing import Any

import pytest

from transcript_align.errors import FormatError
from transcript_align.formats import detect_format, parse_transcript


def deepgram(*channels: list[dict[str, Any]]) -> str:
    return json.dumps(
        {
            "metadata": {},
            "results": {"channels": [{"alternatives": [{"words": c}]} for c in channels]},
        }
    )


def dg_word(word: str, start: float, **more: Any) -> dict[str, Any]:
    return {"word": word.lower().strip(",."), "start": start, "end": start + 0.3, **more}


def test_deepgram_keeps_the_punctuated_words_and_numbers_its_speakers() -> None:
    said = [
        dg_word("Good", 0.0, punctuated_word="Good", speaker=0),
        dg_word("morning.", 0.4, punctuated_word="morning.", speaker=0),
        dg_word("thanks", 1.0, speaker=1),
    ]
    t = parse_transcript(deepgram(said), "call.json")
    assert t.format == "deepgram"
    assert [(s.text, s.speaker) for s in t.segments] == [
        ("Good morning.", "speaker 0"),
        ("thanks", "speaker 1"),
    ]
    assert [tok.start for tok in t.tokens] == [0, 400, 1000]


def test_deepgram_channels_are_merged_in_time_each_its_own_speaker() -> None:
    left = [dg_word("hello", 0.0), dg_word("there", 2.0)]
    right = [dg_word("hi", 1.0)]
    t = parse_transcript(deepgram(left, right), "call.json")
    assert [(s.text, s.speaker) for s in t.segments] == [
        ("hello", "channel 1"),
        ("hi", "channel 2"),
        ("there", "channel 1"),
    ]


def test_deepgram_without_word_timings_says_what_to_ask_for() -> None:
    text = json.dumps({"results": {"channels": [{"alternatives": [{"transcript": "hi"}]}]}})
    with pytest.raises(FormatError) as info:
        parse_transcript(text, "call.json")
    assert str(info.value) == "call.json: channel 1: no word list (request word timings)"


def assemblyai(words: list[dict[str, Any]], **job: Any) -> str:
    return json.dumps({"id": "x1", "status": "completed", "words": words, **job})


def test_assemblyai_times_are_milliseconds() -> None:
    words = [
        {"text": "Morning,", "start": 1200, "end": 1500, "speaker": "A"},
        {"text": "all.", "start": 1500, "end": 1900, "speaker": "A"},
    ]
    t = parse_transcript(assemblyai(words), "job.json")
    assert t.format == "assemblyai"
    assert [(tok.text, tok.start, tok.end) for tok in t.tokens] == [
        ("Morning", 1200, 1500),
        ("all", 1500, 1900),
    ]
    assert t.segments[0].speaker == "speaker A"


def test_a_bare_words_object_is_no_assemblyai_job() -> None:
    # Without a job's keys its times could be seconds or milliseconds: not guessed.
    text = json.dumps({"words": [{"text": "hi", "start": 1200, "end": 1500}]})
    with pytest.raises(FormatError):
        detect_format(text, "x.json")


def test_assemblyai_bad_time_is_a_one_line_error() -> None:
    words = [{"text": "hi", "start": "soon", "end": 1500}]
    with pytest.raises(FormatError) as info:
        parse_transcript(assemblyai(words), "job.json")
    message = str(info.value)
    assert message.startswith("job.json: word 1") and "\n" not in message
