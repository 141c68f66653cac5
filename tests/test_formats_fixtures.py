"""Every fixture under tests/data/formats/ reads to its expected segments.

Each input ``NAME.EXT`` has ``NAME.expected.json`` beside it with the format
that detection must pick, the reader's notes and the segments (times in ms,
words as ``[text, start, end]``). Detection sees a neutral file name, so the
format is decided from content alone.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from transcript_align.formats import parse_transcript, read_transcript
from transcript_align.models import Transcript

FIXTURES = Path(__file__).resolve().parent / "data" / "formats"
EXPECTED = sorted(FIXTURES.glob("*.expected.json"))


def _input_for(expected: Path) -> Path:
    stem = expected.name.removesuffix(".expected.json")
    inputs = [p for p in FIXTURES.glob(f"{stem}.*") if not p.name.endswith(".expected.json")]
    assert len(inputs) == 1, f"one input per expected file: {stem} has {inputs}"
    return inputs[0]


def as_dict(t: Transcript) -> dict[str, Any]:
    segments = []
    for s in t.segments:
        d: dict[str, Any] = {"start": s.start, "end": s.end, "text": s.text, "speaker": s.speaker}
        if s.words:
            d["words"] = [[w.text, w.start, w.end] for w in s.words]
        segments.append(d)
    return {"format": t.format, "notes": list(t.notes), "segments": segments}


def test_every_format_has_a_fixture() -> None:
    formats = {json.loads(p.read_text(encoding="utf-8"))["format"] for p in EXPECTED}
    assert formats == {
        "srt",
        "vtt",
        "json3",
        "whisper",
        "words-json",
        "aws-transcribe",
        "deepgram",
        "assemblyai",
        "whisper-cpp",
        "transcript-json",
        "caption-page",
        "plain",
        "ass",
        "ssa",
        "ttml",
        "sami",
        "microdvd",
        "mpl2",
    }


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda p: p.name)
def test_fixture_reads_as_expected(expected: Path) -> None:
    source = _input_for(expected)
    want = json.loads(expected.read_text(encoding="utf-8"))
    got = as_dict(read_transcript(str(source)))
    assert got == want


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda p: p.name)
def test_fixture_format_is_detected_from_content(expected: Path) -> None:
    source = _input_for(expected)
    text = source.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    want = json.loads(expected.read_text(encoding="utf-8"))["format"]
    assert parse_transcript(text, "upload.dat").format == want
