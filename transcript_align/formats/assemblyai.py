"""AssemblyAI's transcript (``GET /v2/transcript/{id}``): a ``words`` list in milliseconds.

Each word has ``text``, ``start`` and ``end`` in milliseconds and, with
speaker labels, a ``speaker`` letter. The object is told apart from other
word lists by the keys only a transcript job has (``status``, ``utterances``,
``audio_url``…), since its times would be misread as seconds. Words are
grouped into segments by :func:`~transcript_align.formats.words_json.group_words`.
"""

from __future__ import annotations

from typing import ClassVar

from ..errors import FormatError
from .base import Parsed
from .jsonshape import EXPECTED, json_kind, load_json, milliseconds_to_ms, parse_json, speaker_of
from .words_json import TimedWord, group_words, grouping_notes


class AssemblyAI:
    name: ClassVar[str] = "assemblyai"

    @staticmethod
    def sniff(text: str) -> bool:
        return '"words"' in text and json_kind(load_json(text)) == AssemblyAI.name

    @staticmethod
    def read(text: str, path: str) -> Parsed:
        data = parse_json(text, path)
        if json_kind(data) != AssemblyAI.name:
            raise FormatError(path, f"not an AssemblyAI transcript ({EXPECTED})")
        words = []
        for i, item in enumerate(data["words"]):
            where = f"word {i + 1}"
            word = item.get("text")
            if not isinstance(word, str) or not word.strip():
                raise FormatError(path, f"{where}: no word")
            start = milliseconds_to_ms(item.get("start"), path, where)
            end = milliseconds_to_ms(item.get("end"), path, where)
            speaker = speaker_of(item, ("speaker",))
            words.append(TimedWord(word.strip(), start, end, speaker and f"speaker {speaker}"))
        segments = group_words(words)
        return Parsed(segments, tuple(grouping_notes(words, segments)))
