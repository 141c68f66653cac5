"""Format detection: from content, mutually exclusive, loud on ambiguity and on unknown JSON."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest

from transcript_align.errors import FormatError
from transcript_align.formats import READERS, detect_format, parse_transcript
from transcript_align.formats.base import Parsed

FIXTURES = Path(__file__).resolve().parent / "data" / "formats"
INPUTS = sorted(p for p in FIXTURES.iterdir() if not p.name.endswith(".expected.json"))


def text_of(path: Path) -> str:
    return path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_at_most_one_reader_claims_each_fixture(path: Path) -> None:
    claims = [name for name, reader in READERS.items() if reader.sniff(text_of(path))]
    assert len(claims) <= 1, claims


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1\n00:00:01,000 --> 00:00:02,000\nhi\n", "srt"),
        ("WEBVTT\n\n00:01.000 --> 00:02.000\nhi\n", "vtt"),
        ("00:00 hello\n00:04 there\n00:08 again\n", "caption-page"),
        ("[00:00] hello\n[00:04] there\n[00:08] again\n", "caption-page"),
        ("[Music] hello there\n", "plain"),
        ("At 10:00 we met. At 11:00 we left.\n", "plain"),
        ('{"events": [{"tStartMs": 0, "segs": [{"utf8": "hi"}]}]}', "json3"),
        ('{"segments": [{"start": 0.0, "end": 1.0, "text": "hi"}]}', "whisper"),
        ('[{"w": "hi", "start": 0.0, "end": 1.0}]', "words-json"),
        ('{"results": {"items": []}}', "aws-transcribe"),
        ('{"schema": "transcript-align/transcript@1", "segments": []}', "transcript-json"),
        ("[Script Info]\n\n[Events]\nDialogue: 0,0:00:01.00,0:00:02.00,,,0,0,0,,hi\n", "ass"),
        ("[Script Info]\n\n[V4 Styles]\n\n[Events]\n", "ssa"),
        ('<?xml version="1.0"?>\n<tt xmlns="http://www.w3.org/ns/ttml"><body/></tt>', "ttml"),
        ('<tt:tt xmlns:tt="http://www.w3.org/ns/ttml"></tt:tt>', "ttml"),
        ("<sami><body><sync start=0><p>hi</p></sync></body></sami>", "sami"),
        ("{0}{25}hi\n{30}{50}there|again\n", "microdvd"),
        ("[0][25]hi\n[30][50]there\n", "mpl2"),
        ("Subtitles:\n{0}{25}hi\n", "plain"),
        ("[0][25] hi\n[30] there\n", "plain"),
        ("<tt>no namespace</tt>\n", "plain"),
        ("Notes from [Script Info] day\n", "plain"),
    ],
)
def test_detected_from_content(text: str, expected: str) -> None:
    assert detect_format(text, "file.bin") == expected


def test_a_caption_page_with_srt_like_stamps_is_not_srt() -> None:
    text = "00:00:01 Good afternoon\n00:00:04 and welcome\n00:00:09 to the press point\n"
    assert detect_format(text, "x.srt") == "caption-page"


@pytest.mark.parametrize(
    "text",
    [
        '{"name": "not a transcript"}',
        '[{"id": 1}, {"id": 2}]',
        '{"segments": "none"}',
        '{"events": [{"name": "launch"}]}',
        "[]",
    ],
)
def test_json_of_the_wrong_shape_is_a_one_line_error(text: str) -> None:
    with pytest.raises(FormatError) as info:
        detect_format(text, "x.json")
    assert str(info.value) == (
        "x.json: JSON but not a transcript (expected Whisper or whisper.cpp segments, YouTube "
        "json3 events, AWS Transcribe, Deepgram or AssemblyAI results, a timed word list or a "
        "transcript-align export)"
    )


def test_a_report_is_not_a_transcript() -> None:
    with pytest.raises(FormatError, match="is a transcript-align report, not a transcript"):
        detect_format('{"schema": "transcript-align/report@1", "quotes": []}', "r.json")


def test_broken_json_is_an_error_not_plain_text() -> None:
    with pytest.raises(FormatError, match=r"^x.json: invalid JSON at line 1 column 14"):
        detect_format('{"segments": ]', "x.json")


def test_ambiguity_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    class Greedy:
        name: ClassVar[str] = "greedy"

        @staticmethod
        def sniff(text: str) -> bool:
            return True

        @staticmethod
        def read(text: str, path: str) -> Parsed:
            return Parsed(())

    monkeypatch.setitem(READERS, Greedy.name, Greedy)
    with pytest.raises(FormatError) as info:
        detect_format("1\n00:00:01,000 --> 00:00:02,000\nhi\n", "x.srt")
    assert str(info.value) == (
        "x.srt: ambiguous format: looks like srt and greedy; name one with --input-format"
    )


def test_a_named_format_skips_detection() -> None:
    t = parse_transcript("00:00 a\n00:01 b\n00:02 c\n", "x.txt", format="plain")
    assert t.format == "plain"
    assert [s.text for s in t.segments] == ["00:00 a", "00:01 b", "00:02 c"]


def test_unknown_format_name() -> None:
    with pytest.raises(FormatError, match="unknown format 'stl'"):
        parse_transcript("x", "x.stl", format="stl")


@pytest.mark.parametrize("name", ["talk.srt", "talk.VTT", "talk.ass"])
def test_a_timed_name_read_as_plain_text_says_so(name: str) -> None:
    t = parse_transcript("thank you all for coming today\n", name)
    assert t.format == "plain"
    suffix = name[name.index(".") :].lower()
    assert t.notes[0].startswith(f"named {suffix} but no ")
    assert t.notes[0].endswith("read as plain text, without times")


def test_plain_text_named_as_text_or_read_as_named_has_no_note() -> None:
    assert parse_transcript("thank you all\n", "talk.txt").notes == ()
    assert parse_transcript("thank you all\n", "talk.srt", format="plain").notes == ()
