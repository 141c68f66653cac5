"""Timed word lists: a JSON array of word objects, and the grouping of words into segments.

Each object has the word under ``w``, ``word`` or ``text``, ``start``/``end``
in seconds, and optionally ``punct``/``punctuation`` (appended to the word)
and ``spk``/``speaker``::

    [{"w": "Good", "start": 3.14, "end": 3.36, "spk": 1},
     {"w": "morning", "start": 3.36, "end": 3.71, "punct": ",", "spk": 1}]

Formats that give only words (this one, AWS Transcribe, WhisperX word lists)
are grouped into caption-sized segments by :func:`group_words`, keeping the
words as :attr:`Segment.words`. A word without times stays in the text but not
in ``words``, so the timeline estimates its time from its neighbours.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar

from ..errors import FormatError
from ..models import Segment, Word
from .base import Parsed
from .jsonshape import (
    EXPECTED,
    json_kind,
    load_json,
    parse_json,
    seconds_to_ms,
    speaker_of,
    word_of,
)

MAX_WORDS = 15
"""A segment never holds more words than this."""
SOFT_WORDS = 10
"""From this many words on, a segment also ends at a comma, semicolon or colon."""
PAUSE_MS = 1000
"""A silence longer than this between two words starts a new segment."""
_SENTENCE_END = re.compile(r"[.?!…][\"'”’»)\]]*$")
# Words whose full stop is an abbreviation's, not a sentence's ("Mr. Witkoff").
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st gen sen rep gov lt col sgt capt cmdr adm jr sr vs etc no approx dept "
    "inc corp ltd co mt ft est fig".split()
)
_INITIALISM = re.compile(r"^(?:\w\.)+$")
_CLAUSE_END = re.compile(r"[,;:][\"'”’»)\]]*$")


@dataclass(frozen=True, slots=True)
class TimedWord:
    """A word as a word-level format gives it; times may be missing for some words."""

    text: str
    start: int | None
    end: int | None
    speaker: str | None = None


def group_words(words: Sequence[TimedWord]) -> tuple[Segment, ...]:
    """Caption-sized segments from words, breaking where people read a break.

    A segment ends after sentence punctuation, before a speaker change or a
    pause longer than :data:`PAUSE_MS`, at a clause mark once it has
    :data:`SOFT_WORDS` words, and always at :data:`MAX_WORDS` words.

    >>> ws = [TimedWord("Hi.", 0, 300), TimedWord("Good", 400, 600), TimedWord("day", 2000, 2300)]
    >>> [(s.text, s.start, s.end) for s in group_words(ws)]
    [('Hi.', 0, 300), ('Good', 400, 600), ('day', 2000, 2300)]
    """
    return tuple(
        _segment(i, group) for i, group in enumerate(_groups([w for w in words if w.text]))
    )


def _groups(words: Sequence[TimedWord]) -> Iterator[list[TimedWord]]:
    group: list[TimedWord] = []
    last_end: int | None = None
    for word in words:
        if group:
            pause = (
                word.start is not None and last_end is not None and word.start - last_end > PAUSE_MS
            )
            if word.speaker != group[-1].speaker or pause or len(group) >= MAX_WORDS:
                yield group
                group = []
        group.append(word)
        if word.end is not None:
            last_end = word.end
        if _ends_sentence(word.text) or (
            len(group) >= SOFT_WORDS and _CLAUSE_END.search(word.text)
        ):
            yield group
            group = []
    if group:
        yield group


def _ends_sentence(word: str) -> bool:
    """Sentence punctuation that is not an abbreviation's or an initial's full stop.

    >>> [_ends_sentence(w) for w in ("call.", "Mr.", "U.S.", "no?")]
    [True, False, False, True]
    """
    if not _SENTENCE_END.search(word):
        return False
    if not word.endswith("."):
        return True
    return word[:-1].lower() not in _ABBREVIATIONS and not _INITIALISM.match(word)


def _segment(index: int, group: Sequence[TimedWord]) -> Segment:
    timed = [
        Word(w.text, w.start, max(w.end, w.start))
        for w in group
        if w.start is not None and w.end is not None
    ]
    return Segment(
        index=index,
        text=" ".join(w.text for w in group),
        start=timed[0].start if timed else None,
        end=max(w.end for w in timed) if timed else None,
        words=tuple(timed),
        speaker=group[0].speaker,
    )


def grouping_notes(words: Sequence[TimedWord], segments: Sequence[Segment]) -> list[str]:
    """What a reader reports after grouping: how, and how many words lacked times."""
    notes = [
        f"grouped {len(words)} words into {len(segments)} segments "
        f"(at sentence ends, speaker changes, pauses over {PAUSE_MS / 1000:g} s "
        f"or {MAX_WORDS} words)"
    ]
    untimed = sum(1 for w in words if w.start is None or w.end is None)
    if untimed:
        notes.append(f"{untimed} word(s) have no times; their times are estimated")
    return notes


class WordList:
    name: ClassVar[str] = "words-json"

    @staticmethod
    def sniff(text: str) -> bool:
        return text.lstrip().startswith("[") and json_kind(load_json(text)) == WordList.name

    @staticmethod
    def read(text: str, path: str) -> Parsed:
        data = parse_json(text, path)
        if json_kind(data) != WordList.name:
            raise FormatError(path, f"not a timed word list ({EXPECTED})")
        words = []
        for i, item in enumerate(data):
            where = f"word {i + 1}"
            word = (word_of(item) or "").strip()
            punct = item.get("punct", item.get("punctuation"))
            if isinstance(punct, str) and punct and not word.endswith(punct):
                word += punct.strip()
            start = seconds_to_ms(item.get("start"), path, where)
            end = seconds_to_ms(item.get("end"), path, where)
            words.append(TimedWord(word, start, end, speaker_of(item, ("speaker", "spk"))))
        segments = group_words(words)
        return Parsed(segments, tuple(grouping_notes(words, segments)))
