"""YouTube json3: word-timed auto-captions, manual captions, skipped events, errors."""

from __future__ import annotations

import json
from typing import Any

import pytest

from transcript_align.errors import FormatError
from transcript_align.formats import parse_transcript
from transcript_align.formats.json3 import YouTubeJson3


def doc(*events: dict[str, Any]) -> str:
    return json.dumps({"wireMagic": "pb3", "events": list(events)})


def test_manual_captions_keep_lines_and_times() -> None:
    text = doc(
        {"tStartMs": 0, "dDurationMs": 20000, "id": 1, "wpWinPosId": 1, "wsWinStyleId": 1},
        {
            "tStartMs": 1000,
            "dDurationMs": 2500,
            "segs": [{"utf8": "Good afternoon,\nand welcome."}],
        },
        {"tStartMs": 4000, "dDurationMs": 1000, "segs": [{"utf8": "Thank you."}]},
    )
    parsed = YouTubeJson3.read(text, "x.json3")
    assert [(s.start, s.end, s.text, s.words) for s in parsed.segments] == [
        (1000, 3500, "Good afternoon,\nand welcome.", ()),
        (4000, 5000, "Thank you.", ()),
    ]
    assert parsed.notes == ("skipped 1 event(s) without text (window set-up, line-break markers)",)


def test_word_times_from_offsets_and_line_end_at_the_next_line() -> None:
    text = doc(
        {"tStartMs": 500, "dDurationMs": 6000, "wWinId": 1, "segs": [
            {"utf8": "we"},
            {"utf8": " agreed", "tOffsetMs": 300},
            {"utf8": " today", "tOffsetMs": 900},
        ]},
        {"tStartMs": 2000, "dDurationMs": 4500, "wWinId": 1, "aAppend": 1,
         "segs": [{"utf8": "\n"}]},
        {"tStartMs": 2100, "dDurationMs": 4400, "wWinId": 1, "segs": [
            {"utf8": "on"}, {"utf8": " that", "tOffsetMs": 200},
        ]},
    )  # fmt: skip
    segments = YouTubeJson3.read(text, "x.json3").segments
    assert [(s.start, s.end, s.text) for s in segments] == [
        (500, 2100, "we agreed today"),
        (2100, 6500, "on that"),
    ]
    assert [(w.text, w.start, w.end) for w in segments[0].words] == [
        ("we", 500, 800),
        ("agreed", 800, 1400),
        ("today", 1400, 2100),
    ]


def test_events_are_detected_from_content() -> None:
    text = doc({"tStartMs": 0, "dDurationMs": 1000, "segs": [{"utf8": "hello"}]})
    assert parse_transcript(text, "captions.txt").format == "json3"


@pytest.mark.parametrize(
    ("event", "problem"),
    [
        (
            {"tStartMs": "0", "segs": [{"utf8": "x"}]},
            "event 1: 'tStartMs' is not a number of milliseconds",
        ),
        ({"tStartMs": -5, "segs": [{"utf8": "x"}]}, "event 1: negative time tStartMs=-5"),
        ({"tStartMs": 0, "segs": [{"utf8": 5}]}, "event 1: 'utf8' is not text"),
        ({"tStartMs": 0, "segs": ["x"]}, "event 1: a seg is not an object"),
        ({"tStartMs": 400_000_000, "segs": [{"utf8": "x"}]}, "beyond 100 hours"),
    ],
)
def test_bad_events_are_one_line_errors(event: dict[str, Any], problem: str) -> None:
    with pytest.raises(FormatError) as info:
        YouTubeJson3.read(doc(event), "x.json3")
    assert problem in str(info.value)
    assert "\n" not in str(info.value)


def test_look_alikes_are_not_json3() -> None:
    assert not YouTubeJson3.sniff('{"events": [{"name": "launch"}]}')
    assert not YouTubeJson3.sniff('{"events": []}')
    assert YouTubeJson3.sniff('{"wireMagic": "pb3", "events": []}')
