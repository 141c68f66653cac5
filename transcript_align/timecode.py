"""Every timestamp parse and format in one place.

Inside the library times are integer milliseconds; seconds appear only at the
JSON edge (:func:`to_seconds`).
"""

from __future__ import annotations

import re

# 1:02:03.456, 02:03, 2:03,5, 00:00:01.234 — hours optional, fraction optional.
_CLOCK = re.compile(r"^(?:(\d{1,3}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$")

MAX_MS = 100 * 3600 * 1000  # 100 hours: anything longer is not a video timestamp


def parse_clock(text: str) -> int | None:
    """Parse ``[H:]MM:SS[.mmm]`` into milliseconds, or ``None`` when it is not a clock time.

    >>> parse_clock("01:50"), parse_clock("1:02:03.5"), parse_clock("7:75")
    (110000, 3723500, None)
    """
    m = _CLOCK.match(text.strip())
    if not m:
        return None
    hours, minutes, seconds, frac = m.groups()
    if int(seconds) >= 60 or (hours is not None and int(minutes) >= 60):
        return None
    ms = int(frac.ljust(3, "0")) if frac else 0
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + ms


# Subtitle cue times as found in the wild: 00:00:01,234 / 00:00:01.234 / 0:00:01.5 /
# 00:01.234 (WebVTT without hours) / 00:00:01:234 (a colon before the milliseconds),
# with an optional minus sign so that negative times can be reported rather than misread.
_CUE_TIME = re.compile(
    r"^(?P<neg>-)?(?:(?P<h>\d{1,4}):)?(?P<m>\d{1,2}):(?P<s>\d{1,2})(?:[.,](?P<f>\d{1,3}))?$"
)
_CUE_TIME_COLON_MS = re.compile(
    r"^(?P<neg>-)?(?P<h>\d{1,4}):(?P<m>\d{1,2}):(?P<s>\d{1,2}):(?P<f>\d{3})$"
)


def parse_cue_time(text: str) -> int | None:
    """Parse a subtitle cue time into (signed) milliseconds, or ``None`` when it is not one.

    Lenient about the separators real SRT/WebVTT files use; a negative result
    means the file has a negative time, which the caller reports.

    >>> parse_cue_time("00:00:01,234"), parse_cue_time("01:02.5"), parse_cue_time("-0:00:01.000")
    (1234, 62500, -1000)
    >>> parse_cue_time("00:00:01:234"), parse_cue_time("00:61:00,000"), parse_cue_time("1.5")
    (1234, None, None)
    """
    text = text.strip()
    m = _CUE_TIME.match(text) or _CUE_TIME_COLON_MS.match(text)
    if not m:
        return None
    hours = int(m.group("h") or 0)
    minutes, seconds = int(m.group("m")), int(m.group("s"))
    if seconds >= 60 or (m.group("h") is not None and minutes >= 60):
        return None
    frac = m.group("f")
    ms = int(frac.ljust(3, "0")) if frac else 0
    total = ((hours * 60 + minutes) * 60 + seconds) * 1000 + ms
    return -total if m.group("neg") else total


def from_seconds(value: float) -> int:
    """Seconds (as found in JSON formats) to integer milliseconds, rounded."""
    return round(value * 1000)


def to_seconds(ms: int | None) -> float | None:
    """Milliseconds to seconds for the JSON report; ``None`` stays ``None``."""
    return None if ms is None else round(ms / 1000, 3)


def format_clock(ms: int | None, *, hours: bool | None = None) -> str:
    """Format milliseconds as ``MM:SS`` (or ``H:MM:SS`` past an hour) for people to read.

    >>> format_clock(130500), format_clock(3723000), format_clock(None)
    ('02:10', '1:02:03', '--:--')
    """
    if ms is None:
        return "--:--"
    total = max(0, ms) // 1000
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    if hours or (hours is None and h):
        return f"{h}:{m:02d}:{s:02d}"
    return f"{m:02d}:{s:02d}"


def format_srt(ms: int) -> str:
    """``HH:MM:SS,mmm`` as SRT wants it."""
    return _format_full(ms, ",")


def format_vtt(ms: int) -> str:
    """``HH:MM:SS.mmm`` as WebVTT wants it."""
    return _format_full(ms, ".")


def _format_full(ms: int, sep: str) -> str:
    ms = max(0, ms)
    s, frac = divmod(ms, 1000)
    m, s = divmod(s, 60)
    h, m = divmod(m, 60)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{frac:03d}"


def format_span(start: int | None, end: int | None) -> str:
    """``01:50–01:56`` for a time span, ``--:--`` when the transcript has no times."""
    if start is None:
        return "--:--"
    if end is None or format_clock(end) == format_clock(start):
        return format_clock(start)
    return f"{format_clock(start)}–{format_clock(end)}"
