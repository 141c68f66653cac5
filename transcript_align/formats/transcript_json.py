"""The tool's own transcript export (``"schema": "transcript-align/transcript@1"``).

::

    {"schema": "transcript-align/transcript@1", "source_format": "srt",
     "segments": [{"start": 0.0, "end": 2.5, "text": "...", "speaker": null,
                   "words": [{"word": "...", "start": 0.0, "end": 0.4, "estimated": true}]}]}

Times are seconds (``null`` for untimed input). ``words`` is the word
timeline (:func:`~transcript_align.timeline.build_tokens`): times from the
source where it gave word times, interpolated and ``"estimated": true``
otherwise. Reading keeps everything: segments (text, times, speaker) and
every timed word with its ``estimated`` flag, so the timeline rebuilt from
the export is the one that was written.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any, ClassVar

from ..errors import FormatError
from ..models import Segment, Word
from ..timecode import to_seconds
from ..timeline import build_tokens
from .base import Parsed
from .jsonshape import (
    TRANSCRIPT_SCHEMA,
    json_kind,
    load_json,
    parse_json,
    seconds_to_ms,
    text_field,
)


class TranscriptJson:
    name: ClassVar[str] = "transcript-json"

    @staticmethod
    def sniff(text: str) -> bool:
        return '"schema"' in text and json_kind(load_json(text)) == TranscriptJson.name

    @staticmethod
    def read(text: str, path: str) -> Parsed:
        data = parse_json(text, path)
        schema = data.get("schema") if isinstance(data, dict) else None
        if schema != TRANSCRIPT_SCHEMA:
            shown = f"schema {schema!r}" if isinstance(schema, str) else "no schema"
            raise FormatError(path, f"{shown}; expected {TRANSCRIPT_SCHEMA!r}")
        raw = data.get("segments")
        if not isinstance(raw, list):
            raise FormatError(path, "'segments' is missing or not a list")
        segments = []
        for i, seg in enumerate(raw):
            where = f"segment {i + 1}"
            if not isinstance(seg, Mapping):
                raise FormatError(path, f"{where}: not an object")
            speaker = seg.get("speaker")
            if speaker is not None and not isinstance(speaker, str):
                raise FormatError(path, f"{where}: 'speaker' is not text")
            segments.append(
                Segment(
                    index=i,
                    text=text_field(seg, "text", path, where),
                    start=seconds_to_ms(seg.get("start"), path, where),
                    end=seconds_to_ms(seg.get("end"), path, where),
                    words=_words(seg.get("words"), path, where),
                    speaker=speaker,
                )
            )
        return Parsed(tuple(segments))

    @staticmethod
    def write(segments: Sequence[Segment], source_format: str) -> str:
        """The export: deterministic, UTF-8 text, one word per line, trailing newline."""
        ordered = [replace(s, index=i) for i, s in enumerate(segments)]
        by_segment: list[list[str]] = [[] for _ in ordered]
        for token in build_tokens(ordered):
            word = {
                "word": token.text,
                "start": to_seconds(token.start),
                "end": to_seconds(token.end),
                "estimated": token.estimated,
            }
            by_segment[token.segment].append(_dump(word))
        blocks = []
        for seg, words in zip(ordered, by_segment):
            head = {
                "start": to_seconds(seg.start),
                "end": to_seconds(seg.end),
                "text": seg.text,
                "speaker": seg.speaker,
            }
            inner = ",".join(f"\n      {w}" for w in words)
            closing = "\n    " if words else ""
            blocks.append(f'    {_dump(head)[:-1]}, "words": [{inner}{closing}]}}')
        segments_json = "[\n" + ",\n".join(blocks) + "\n  ]" if blocks else "[]"
        return (
            "{\n"
            f'  "schema": {_dump(TRANSCRIPT_SCHEMA)},\n'
            f'  "source_format": {_dump(source_format)},\n'
            f'  "segments": {segments_json}\n'
            "}\n"
        )


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def _words(raw: Any, path: str, where: str) -> tuple[Word, ...]:
    """The timed words, estimated ones flagged; untimed words (null times) are left out."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise FormatError(path, f"{where}: 'words' is not a list")
    words = []
    for j, item in enumerate(raw):
        at = f"{where} word {j + 1}"
        if not isinstance(item, Mapping):
            raise FormatError(path, f"{at}: not an object")
        estimated = item.get("estimated", False)
        if not isinstance(estimated, bool):
            raise FormatError(path, f"{at}: 'estimated' is not true or false")
        start = seconds_to_ms(item.get("start"), path, at)
        end = seconds_to_ms(item.get("end"), path, at)
        text = text_field(item, "word", path, at)
        if start is not None and end is not None and text:
            words.append(Word(text, start, max(start, end), estimated))
    return tuple(words)
