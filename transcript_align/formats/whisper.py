"""Whisper JSON: openai-whisper ``--output_format json``, faster-whisper dumps, WhisperX.

Shapes read::

    {"text": "...", "segments": [{"id", "start", "end", "text", "words": [...]}, ...]}
    [{"id", "start", "end", "text", "words": [...]}, ...]          # faster-whisper dump
    {"segments": [{..., "speaker": "SPEAKER_00", "words": [...]}], "word_segments": [...]}

Times are seconds. Word objects are ``{"word", "start", "end", ...}``. WhisperX
leaves some words (numbers, symbols) without times: those stay in the text
but are left out of :attr:`Segment.words`, so the timeline places them
between their timed neighbours and flags them as estimated rather than
passing a guess off as a measured time. ``word_segments`` repeat the
segments' words and are read only when there are no segments.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from ..errors import FormatError
from ..models import Word
from .base import Parsed
from .cues import Cue, finish
from .jsonshape import (
    EXPECTED,
    json_kind,
    load_json,
    parse_json,
    seconds_to_ms,
    speaker_of,
    text_field,
    word_of,
)
from .words_json import TimedWord, group_words, grouping_notes


class WhisperJson:
    name: ClassVar[str] = "whisper"

    @staticmethod
    def sniff(text: str) -> bool:
        maybe = '"segments"' in text or text.lstrip().startswith("[")
        return maybe and json_kind(load_json(text)) == WhisperJson.name

    @staticmethod
    def read(text: str, path: str) -> Parsed:
        data = parse_json(text, path)
        if json_kind(data) != WhisperJson.name:
            raise FormatError(path, f"not Whisper output ({EXPECTED})")
        segments: list[Any] = data if isinstance(data, list) else data["segments"]
        if not segments and isinstance(data, dict):
            return _from_word_segments(data.get("word_segments") or [], path)

        cues: list[Cue] = []
        untimed_words = 0
        for i, seg in enumerate(segments):
            where = f"segment {i + 1}"
            if not isinstance(seg, Mapping):
                raise FormatError(path, f"{where}: not an object")
            words, untimed = _words(seg.get("words"), path, where)
            untimed_words += untimed
            body = text_field(seg, "text", path, where).strip()
            if not body and words:
                body = " ".join(w.text for w in words)
            start = seconds_to_ms(seg.get("start"), path, where)
            end = seconds_to_ms(seg.get("end"), path, where)
            if start is None:
                start = words[0].start if words else None
            if end is None:
                end = max((w.end for w in words), default=start)
            if start is None or end is None:
                raise FormatError(path, f"{where}: no start time")
            speaker = speaker_of(seg, ("speaker",))
            cues.append(Cue(start, end, body, where, tuple(words), speaker))

        result, notes = finish(cues, kind="segment")
        if untimed_words:
            notes.append(
                f"{untimed_words} word(s) have no times (left unaligned by the aligner); "
                "their times are estimated from their neighbours"
            )
        return Parsed(result, tuple(notes))


def _words(raw: Any, path: str, where: str) -> tuple[list[Word], int]:
    """The timed words of a segment, and how many words had no times."""
    if raw is None:
        return [], 0
    if not isinstance(raw, list):
        raise FormatError(path, f"{where}: 'words' is not a list")
    words: list[Word] = []
    untimed = 0
    for j, item in enumerate(raw):
        at = f"{where} word {j + 1}"
        if not isinstance(item, Mapping):
            raise FormatError(path, f"{at}: not an object")
        text = (word_of(item) or "").strip()
        if not text:
            continue
        start = seconds_to_ms(item.get("start"), path, at)
        end = seconds_to_ms(item.get("end"), path, at)
        if start is None or end is None:
            untimed += 1
            continue
        words.append(Word(text, start, max(start, end)))
    return words, untimed


def _from_word_segments(raw: list[Any], path: str) -> Parsed:
    """WhisperX output with only ``word_segments``: group the words into segments."""
    words = []
    for j, item in enumerate(raw):
        at = f"word_segments {j + 1}"
        if not isinstance(item, Mapping):
            raise FormatError(path, f"{at}: not an object")
        start = seconds_to_ms(item.get("start"), path, at)
        end = seconds_to_ms(item.get("end"), path, at)
        words.append(TimedWord((word_of(item) or "").strip(), start, end, speaker_of(item)))
    segments = group_words(words)
    return Parsed(segments, tuple(grouping_notes(words, segments)))
