"""Which transcript a JSON document is, decided in one place, and checked number fields.

Every JSON reader sniffs with :func:`json_kind`, so two JSON formats can never
both claim a document: each shape maps to at most one format id.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

from ..errors import FormatError
from ..timecode import MAX_MS, from_seconds

TRANSCRIPT_SCHEMA = "transcript-align/transcript@1"
SCHEMA_PREFIX = "transcript-align/transcript@"
WORD_KEYS = ("w", "word", "text")
# Keys only a Whisper-style segment has, never a word.
_SEGMENT_KEYS = frozenset(
    ["id", "seek", "tokens", "words", "avg_logprob", "no_speech_prob", "temperature",
     "compression_ratio"]
)  # fmt: skip
EXPECTED = (
    "expected Whisper or whisper.cpp segments, YouTube json3 events, AWS Transcribe, "
    "Deepgram or AssemblyAI results, a timed word list or a transcript-align export"
)
_ASSEMBLYAI_KEYS = frozenset(["status", "utterances", "audio_url", "audio_duration"])
"""Keys of an AssemblyAI transcript job beside its word list."""


def looks_like_json(text: str) -> bool:
    """Whether the text starts the way a JSON object or array of objects does."""
    head = text.lstrip()[:64]
    return head.startswith("{") or (head.startswith("[") and head[1:].lstrip()[:1] in ("{", "]"))


def load_json(text: str) -> Any:
    """The parsed document, or ``None`` when the text is not a JSON object or array."""
    if not looks_like_json(text):
        return None
    try:
        data = _loads(text)
    except (ValueError, RecursionError):
        return None
    return data if isinstance(data, (dict, list)) else None


def parse_json(text: str, path: str) -> Any:
    """The parsed document; a one-line :class:`FormatError` with the position otherwise."""
    try:
        return _loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(
            path, f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from None
    except ValueError as exc:
        raise FormatError(path, f"invalid JSON: {exc}") from None
    except RecursionError:
        # json raises this, not a ValueError, for arrays or objects nested thousands deep.
        raise FormatError(path, "invalid JSON: nested too deeply") from None


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _loads(text: str) -> Any:
    """``json.loads``, with lone surrogates (``"\\ud800"``) replaced by U+FFFD.

    JSON escapes can spell half a UTF-16 pair, which no UTF-8 output can hold:
    left in, every report and export of the text would fail to be written.
    """
    data = json.loads(text)
    if not _SURROGATE_ESCAPE.search(text):
        return data
    if isinstance(data, str):
        return _whole(data)
    stack: list[Any] = [data] if isinstance(data, (dict, list)) else []
    while stack:
        item = stack.pop()
        pairs = item.items() if isinstance(item, dict) else enumerate(item)
        for key, value in list(pairs):
            if isinstance(value, str):
                item[key] = _whole(value)
            elif isinstance(value, (dict, list)):
                stack.append(value)
        if isinstance(item, dict):
            for key in [k for k in item if _whole(k) != k]:
                item[_whole(key)] = item.pop(key)
    return data


def _whole(text: str) -> str:
    # json.loads joins escaped pairs into one character: a surrogate left is alone.
    return _LONE_SURROGATE.sub("\ufffd", text)


def json_kind(data: Any) -> str | None:
    """The format id of a parsed JSON document, or ``None`` when it is no transcript we know.

    >>> json_kind({"segments": [{"start": 0.0, "end": 1.0, "text": " Hi."}], "language": "en"})
    'whisper'
    >>> json_kind([{"w": "Hi", "start": 0.1, "end": 0.3}]), json_kind({"events": []})
    ('words-json', None)
    """
    if isinstance(data, dict):
        schema = data.get("schema")
        if isinstance(schema, str) and schema.startswith(SCHEMA_PREFIX):
            return "transcript-json"
        if "schema" in data:
            return None
        if _is_events(data):
            return "json3"
        transcription = data.get("transcription")
        if isinstance(transcription, list) and all(
            isinstance(seg, dict) and "text" in seg and ("offsets" in seg or "timestamps" in seg)
            for seg in transcription
        ):
            return "whisper-cpp"
        results = data.get("results")
        if isinstance(results, dict) and isinstance(results.get("items"), list):
            return "aws-transcribe"
        if isinstance(results, dict) and isinstance(results.get("channels"), list):
            return "deepgram"
        if "segments" in data:
            segments = data["segments"]
            if not isinstance(segments, list):
                return None
            if segments:
                return "whisper" if _is_segment_list(segments, strict=False) else None
            if "text" in data or "language" in data or _is_word_list(data.get("word_segments")):
                return "whisper"
            return None
        # An object holding only a "words" list is not claimed: AssemblyAI writes that
        # shape with times in milliseconds, which would be misread as seconds. Its
        # transcript jobs say what they are.
        if _ASSEMBLYAI_KEYS & data.keys() and _is_word_list(data.get("words")):
            return "assemblyai"
        return None
    if isinstance(data, list):
        if _is_segment_list(data, strict=True):
            return "whisper"
        if _is_word_list(data):
            return "words-json"
    return None


def _is_events(data: Mapping[str, Any]) -> bool:
    events = data.get("events")
    if not isinstance(events, list) or not all(isinstance(e, dict) for e in events):
        return False
    if any("tStartMs" in e for e in events):
        return True
    return "wireMagic" in data


def _is_segment_list(items: Any, *, strict: bool) -> bool:
    """Whisper-style segments: objects with text and a start (or words).

    ``strict`` is for a bare list, which could also be a word list keyed
    ``text``: then a segment needs a segment-only key or text of several words.
    """
    if not isinstance(items, list) or not items:
        return False
    if not strict:
        # Under a "segments" key the first segment decides; reading reports a bad one.
        return _is_segment(items[0])
    if not all(_is_segment(item) for item in items):
        return False
    return any(_SEGMENT_KEYS & item.keys() for item in items) or any(
        len(item["text"].split()) > 1 for item in items
    )


def _is_segment(item: Any) -> bool:
    return (
        isinstance(item, dict)
        and isinstance(item.get("text"), str)
        and ("start" in item or "words" in item)
    )


def _is_word_list(items: Any) -> bool:
    """Objects each with a word (``w``, ``word`` or ``text``), at least half of them timed."""
    if not isinstance(items, list) or not items:
        return False
    timed = 0
    for item in items:
        if not isinstance(item, dict) or word_of(item) is None:
            return False
        timed += "start" in item and "end" in item
    return timed * 2 >= len(items)


def word_of(item: Mapping[str, Any]) -> str | None:
    """The word of a word object, whichever key it is under."""
    for key in WORD_KEYS:
        value = item.get(key)
        if isinstance(value, str):
            return value
    return None


def milliseconds_to_ms(value: Any, path: str, where: str) -> int | None:
    """:func:`seconds_to_ms` for a time given in milliseconds (AssemblyAI, whisper.cpp);
    what is no number is left for it to refuse."""
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    return seconds_to_ms(value / 1000 if number else value, path, where)


def seconds_to_ms(value: Any, path: str, where: str) -> int | None:
    """A time in seconds (a number, or a numeric string as AWS writes) to ms; ``None`` stays.

    Anything else, a negative time or one past 100 hours is a one-line
    :class:`FormatError` naming ``where``.
    """
    if value is None:
        return None
    number: float
    if isinstance(value, bool):
        raise FormatError(path, f"{where}: {value!r} is not a time in seconds")
    if isinstance(value, (int, float)):
        number = value
    elif isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            raise FormatError(path, f"{where}: {value!r} is not a time in seconds") from None
    else:
        raise FormatError(path, f"{where}: {_short(value)} is not a time in seconds")
    if isinstance(number, float) and not math.isfinite(number):
        raise FormatError(path, f"{where}: {value!r} is not a time in seconds")
    if number < 0:
        raise FormatError(path, f"{where}: negative time {value!r}")
    # Compare in seconds first: a finite 1e308 still overflows once turned into ms.
    if number > MAX_MS / 1000 or from_seconds(number) > MAX_MS:
        raise FormatError(path, f"{where}: time {value!r} s is beyond 100 hours")
    return from_seconds(number)


def text_field(item: Mapping[str, Any], key: str, path: str, where: str) -> str:
    """A string field, ``""`` when missing or null; anything else is a :class:`FormatError`."""
    value = item.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise FormatError(path, f"{where}: {key!r} is {_short(value)}, not text")
    return value


def speaker_of(item: Mapping[str, Any], keys: Sequence[str] = ("speaker", "spk")) -> str | None:
    """A speaker label as text (numbers as ``"1"``), ``None`` when absent or blank."""
    for key in keys:
        value = item.get(key)
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, (str, int)):
            label = " ".join(str(value).split())
            if label:
                return label
    return None


def _short(value: Any) -> str:
    shown = json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= 30 else shown[:29] + "…"


__all__ = [
    "EXPECTED",
    "TRANSCRIPT_SCHEMA",
    "json_kind",
    "load_json",
    "looks_like_json",
    "milliseconds_to_ms",
    "parse_json",
    "seconds_to_ms",
    "speaker_of",
    "text_field",
    "word_of",
]
