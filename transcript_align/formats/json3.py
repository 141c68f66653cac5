"""YouTube timed text, json3 flavour (``fmt=json3``).

``{"events": [{"tStartMs", "dDurationMs", "segs": [{"utf8", "tOffsetMs"}], ...}]}``,
times in ms. In auto-captions each event is one caption line whose ``segs``
are words, ``tOffsetMs`` giving each word's start from the event's start;
events whose text is only ``"\\n"`` (``aAppend`` line-break markers) and
events without ``segs`` (window set-up) carry no words and are skipped.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from ..errors import FormatError
from ..models import Word
from .base import Parsed
from .cues import Cue, check_ms, cue_lines, finish
from .jsonshape import EXPECTED, json_kind, load_json, parse_json


class YouTubeJson3:
    name: ClassVar[str] = "json3"

    @staticmethod
    def sniff(text: str) -> bool:
        # The key test first spares parsing a large document that is something else.
        return '"events"' in text and json_kind(load_json(text)) == YouTubeJson3.name

    @staticmethod
    def read(text: str, path: str) -> Parsed:
        data = parse_json(text, path)
        if json_kind(data) != YouTubeJson3.name:
            raise FormatError(path, f"not YouTube json3 ({EXPECTED})")
        events: list[Mapping[str, Any]] = data["events"]
        lines: list[tuple[int, int, str, list[tuple[int, str]]]] = []
        skipped = 0
        for i, event in enumerate(events):
            where = f"event {i + 1}"
            segs = event.get("segs")
            if not isinstance(segs, list) or not segs:
                skipped += 1
                continue
            pieces = _pieces(segs, path, where)
            body = "\n".join(cue_lines("".join(p for _, p in pieces)))
            if not body:
                skipped += 1
                continue
            start = _ms(event.get("tStartMs"), path, where, "tStartMs")
            duration = _ms(event.get("dDurationMs", 0), path, where, "dDurationMs")
            timed = any("tOffsetMs" in s for s in segs if isinstance(s, Mapping))
            word_starts = [(start + offset, piece) for offset, piece in pieces] if timed else []
            lines.append((start, check_ms(start + duration, path, where, "end"), body, word_starts))

        cues = []
        for k, (start, end, body, word_starts) in enumerate(lines):
            words: tuple[Word, ...] = ()
            if word_starts:
                # An auto-caption line stays on screen while the next one rolls in:
                # its speech ends when the next line starts, not when it leaves.
                following = lines[k + 1][0] if k + 1 < len(lines) else end
                if start < following < end:
                    end = following
                words = _words(word_starts, end)
            cues.append(Cue(start, end, body, f"event {k + 1}", words))
        segments, notes = finish(cues, kind="event")
        if skipped:
            notes.insert(
                0, f"skipped {skipped} event(s) without text (window set-up, line-break markers)"
            )
        if any(s.words for s in segments):
            notes.append("used the word times (tOffsetMs)")
        return Parsed(segments, tuple(notes))


def _pieces(segs: Sequence[Any], path: str, where: str) -> list[tuple[int, str]]:
    """``(offset ms, text)`` for each seg; a seg without ``tOffsetMs`` starts with the event."""
    out = []
    for seg in segs:
        if not isinstance(seg, Mapping):
            raise FormatError(path, f"{where}: a seg is not an object")
        piece = seg.get("utf8", "")
        if not isinstance(piece, str):
            raise FormatError(path, f"{where}: 'utf8' is not text")
        out.append((_ms(seg.get("tOffsetMs", 0), path, where, "tOffsetMs"), piece))
    return out


def _words(starts: Sequence[tuple[int, str]], end: int) -> tuple[Word, ...]:
    """Words from their start times: each ends where the next starts, the last with the line."""
    located = [(ms, piece.strip()) for ms, piece in starts if piece.strip()]
    words = []
    for j, (ms, piece) in enumerate(located):
        stop = located[j + 1][0] if j + 1 < len(located) else end
        words.append(Word(piece, ms, max(ms, stop)))
    return tuple(words)


def _ms(value: Any, path: str, where: str, key: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise FormatError(path, f"{where}: {key!r} is not a number of milliseconds")
    # json reads NaN, Infinity and 1e309 as floats, which round() refuses.
    if isinstance(value, float) and not math.isfinite(value):
        raise FormatError(path, f"{where}: {key}={value} is not a number of milliseconds")
    return check_ms(round(value), path, where, f"{key}={value}")
