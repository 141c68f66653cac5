"""AWS Transcribe job output."""

from __future__ import annotations

import json
from typing import Any

import pytest

from transcript_align.errors import FormatError
from transcript_align.formats import parse_transcript
from transcript_align.formats.aws import AwsTranscribe


def word(content: str, start: str, end: str, **extra: Any) -> dict[str, Any]:
    alternatives = [{"confidence": "0.99", "content": content}]
    return {
        "start_time": start,
        "end_time": end,
        "alternatives": alternatives,
        "type": "pronunciation",
        **extra,
    }


def punct(content: str) -> dict[str, Any]:
    return {"alternatives": [{"confidence": "0.0", "content": content}], "type": "punctuation"}


def job(*items: dict[str, Any], **results: Any) -> str:
    return json.dumps(
        {
            "jobName": "j",
            "results": {"transcripts": [{"transcript": ""}], "items": list(items), **results},
        }
    )


def test_words_punctuation_and_times() -> None:
    text = job(word("Hello", "0.10", "0.50"), punct(","), word("world", "0.50", "0.90"), punct("."))
    t = parse_transcript(text, "asrOutput.json")
    assert t.format == "aws-transcribe"
    assert [(s.text, s.start, s.end) for s in t.segments] == [("Hello, world.", 100, 900)]
    assert [(x.text, x.start, x.end) for x in t.segments[0].words] == [
        ("Hello,", 100, 500),
        ("world.", 500, 900),
    ]


def test_speaker_labels_from_items_or_from_the_label_segments() -> None:
    labels = {
        "speakers": 2,
        "segments": [
            {"speaker_label": "spk_0", "start_time": "0.1", "end_time": "0.5",
             "items": [{"speaker_label": "spk_0", "start_time": "0.1", "end_time": "0.5"}]},
            {"speaker_label": "spk_1", "start_time": "0.6", "end_time": "0.9",
             "items": [{"speaker_label": "spk_1", "start_time": "0.60", "end_time": "0.9"}]},
        ],
    }  # fmt: skip
    old = job(word("Yes", "0.1", "0.5"), word("No", "0.6", "0.9"), speaker_labels=labels)
    assert [(s.text, s.speaker) for s in AwsTranscribe.read(old, "x.json").segments] == [
        ("Yes", "spk_0"),
        ("No", "spk_1"),
    ]
    new = job(word("Yes", "0.1", "0.5", speaker_label="spk_3"))
    assert AwsTranscribe.read(new, "x.json").segments[0].speaker == "spk_3"


def test_bad_times_are_one_line_errors() -> None:
    with pytest.raises(FormatError) as info:
        AwsTranscribe.read(job(word("x", "abc", "1.0")), "x.json")
    assert str(info.value) == "x.json: item 1: 'abc' is not a time in seconds"


def test_look_alikes_are_not_aws() -> None:
    assert not AwsTranscribe.sniff('{"results": {"transcripts": []}}')
    assert not AwsTranscribe.sniff('{"results": [1, 2]}')
    assert AwsTranscribe.sniff(job())
