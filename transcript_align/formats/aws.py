"""AWS Transcribe job output (``asrOutput.json``).

``results.items`` holds ``pronunciation`` items (a word with ``start_time`` and
``end_time`` as strings of seconds) and ``punctuation`` items (no times),
which are attached to the word before them. Speakers come from the item's
``speaker_label`` (newer output) or from ``results.speaker_labels.segments``
(older output), matched by start time. Words are grouped into segments by
:func:`~transcript_align.formats.words_json.group_words`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from ..errors import FormatError
from .base import Parsed
from .jsonshape import EXPECTED, json_kind, load_json, parse_json, seconds_to_ms
from .words_json import TimedWord, group_words, grouping_notes


class AwsTranscribe:
    name: ClassVar[str] = "aws-transcribe"

    @staticmethod
    def sniff(text: str) -> bool:
        return '"results"' in text and json_kind(load_json(text)) == AwsTranscribe.name

    @staticmethod
    def read(text: str, path: str) -> Parsed:
        data = parse_json(text, path)
        if json_kind(data) != AwsTranscribe.name:
            raise FormatError(path, f"not AWS Transcribe output ({EXPECTED})")
        results: Mapping[str, Any] = data["results"]
        labels = _speaker_labels(results, path)
        words: list[TimedWord] = []
        skipped = 0
        for i, item in enumerate(results["items"]):
            where = f"item {i + 1}"
            if not isinstance(item, dict):
                raise FormatError(path, f"{where}: not an object")
            content = _content(item)
            if not content:
                skipped += 1
                continue
            if item.get("type") == "punctuation":
                if words:
                    last = words[-1]
                    words[-1] = TimedWord(last.text + content, last.start, last.end, last.speaker)
                continue
            start = seconds_to_ms(item.get("start_time"), path, where)
            end = seconds_to_ms(item.get("end_time"), path, where)
            speaker = item.get("speaker_label")
            if not isinstance(speaker, str):
                speaker = labels.get(start) if start is not None else None
            words.append(TimedWord(content, start, end, speaker))
        segments = group_words(words)
        notes = grouping_notes(words, segments)
        if skipped:
            notes.append(f"skipped {skipped} item(s) without content")
        return Parsed(segments, tuple(notes))


def _content(item: Mapping[str, Any]) -> str:
    alternatives = item.get("alternatives")
    if not isinstance(alternatives, list) or not alternatives:
        return ""
    best = alternatives[0]
    content = best.get("content") if isinstance(best, dict) else None
    return content.strip() if isinstance(content, str) else ""


def _speaker_labels(results: Mapping[str, Any], path: str) -> dict[int, str]:
    """Start time (ms) of each word to its speaker, from ``speaker_labels.segments``."""
    labels: dict[int, str] = {}
    block = results.get("speaker_labels")
    segments = block.get("segments") if isinstance(block, dict) else None
    if not isinstance(segments, list):
        return labels
    for seg in segments:
        items = seg.get("items") if isinstance(seg, dict) else None
        if not isinstance(items, list):
            continue
        for item in items:
            if not isinstance(item, dict):
                continue
            speaker = item.get("speaker_label", seg.get("speaker_label"))
            start = seconds_to_ms(item.get("start_time"), path, "speaker_labels")
            if isinstance(speaker, str) and start is not None:
                labels.setdefault(start, speaker)
    return labels
