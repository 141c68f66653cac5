"""whisper.cpp JSON (``-oj``): ``"transcription": [{"offsets": {"from", "to"}, "text"}, …]``.

Each segment's ``offsets`` are milliseconds; ``timestamps`` (``"00:00:01,000"``)
say the same and are read only where offsets are missing. The full output
(``-ojf``) adds sub-word tokens, which are no words and are left out: the
segment's text is read, its times interpolated like any caption's. A segment
with no time gets one from its neighbours.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from ..errors import FormatError
from ..timecode import parse_clock
from .base import Parsed
from .cues import Cue, finish
from .jsonshape import EXPECTED, json_kind, load_json, milliseconds_to_ms, parse_json, text_field


class WhisperCpp:
    name: ClassVar[str] = "whisper-cpp"

    @staticmethod
    def sniff(text: str) -> bool:
        return '"transcription"' in text and json_kind(load_json(text)) == WhisperCpp.name

    @staticmethod
    def read(text: str, path: str) -> Parsed:
        data = parse_json(text, path)
        if json_kind(data) != WhisperCpp.name:
            raise FormatError(path, f"not whisper.cpp output ({EXPECTED})")
        cues: list[Cue] = []
        for i, seg in enumerate(data["transcription"]):
            where = f"segment {i + 1}"
            if not isinstance(seg, Mapping):
                raise FormatError(path, f"{where}: not an object")
            start, end = (_time(seg, side, path, where) for side in ("from", "to"))
            cues.append(Cue(start, end, text_field(seg, "text", path, where).strip(), where))
        segments, notes = finish(cues, kind="segment")
        return Parsed(segments, tuple(notes))


def _time(seg: Mapping[str, Any], side: str, path: str, where: str) -> int | None:
    """A segment's start or end in ms, from ``offsets`` or else ``timestamps``."""
    offsets = seg.get("offsets")
    if isinstance(offsets, Mapping) and side in offsets:
        return milliseconds_to_ms(offsets[side], path, where)
    stamps = seg.get("timestamps")
    stamp = stamps.get(side) if isinstance(stamps, Mapping) else None
    if stamp is None:
        return None
    ms = parse_clock(str(stamp).replace(",", "."))
    if ms is None:
        raise FormatError(path, f"{where}: unreadable time {str(stamp)[:30]!r}")
    return ms
