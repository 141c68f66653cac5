"""Deepgram's pre-recorded transcription response (``"results": {"channels": …}``).

Each channel's first alternative lists its words with ``start``/``end`` in
seconds, the recogniser's casing and punctuation under ``punctuated_word``
(kept when present) and, with diarisation, a ``speaker`` number. The words of
several channels (a phone call recorded in stereo) are merged in time order,
each channel its own speaker where no diarisation names one. Words are
grouped into segments by :func:`~transcript_align.formats.words_json.group_words`.
"""

from __future__ import annotations

from typing import Any, ClassVar

from ..errors import FormatError
from .base import Parsed
from .jsonshape import EXPECTED, json_kind, load_json, parse_json, seconds_to_ms, speaker_of
from .words_json import TimedWord, group_words, grouping_notes


class Deepgram:
    name: ClassVar[str] = "deepgram"

    @staticmethod
    def sniff(text: str) -> bool:
        return '"channels"' in text and json_kind(load_json(text)) == Deepgram.name

    @staticmethod
    def read(text: str, path: str) -> Parsed:
        data = parse_json(text, path)
        if json_kind(data) != Deepgram.name:
            raise FormatError(path, f"not a Deepgram response ({EXPECTED})")
        channels: list[Any] = data["results"]["channels"]
        words: list[TimedWord] = []
        at: list[int] = []  # when each word was said: an untimed one, with the word before it
        for c, channel in enumerate(channels):
            for i, item in enumerate(_words(channel, path, c)):
                where = f"channel {c + 1} word {i + 1}"
                if not isinstance(item, dict):
                    raise FormatError(path, f"{where}: not an object")
                word = item.get("punctuated_word") or item.get("word")
                if not isinstance(word, str) or not word.strip():
                    raise FormatError(path, f"{where}: no word")
                start = seconds_to_ms(item.get("start"), path, where)
                end = seconds_to_ms(item.get("end"), path, where)
                speaker = speaker_of(item, ("speaker",))
                if speaker is not None:
                    speaker = f"speaker {speaker}"
                elif len(channels) > 1:
                    speaker = f"channel {c + 1}"
                words.append(TimedWord(word.strip(), start, end, speaker))
                at.append(start if start is not None else at[-1] if i and at else 0)
        if not words:
            raise FormatError(path, "Deepgram response with no words")
        if len(channels) > 1:
            order = sorted(range(len(words)), key=lambda k: at[k])  # stable: channel order
            words = [words[k] for k in order]
        segments = group_words(words)
        return Parsed(segments, tuple(grouping_notes(words, segments)))


def _words(channel: Any, path: str, c: int) -> list[Any]:
    alternatives = channel.get("alternatives") if isinstance(channel, dict) else None
    if not isinstance(alternatives, list) or not alternatives:
        raise FormatError(path, f"channel {c + 1}: no alternatives")
    best = alternatives[0]
    words = best.get("words") if isinstance(best, dict) else None
    if not isinstance(words, list):
        raise FormatError(path, f"channel {c + 1}: no word list (request word timings)")
    return words
