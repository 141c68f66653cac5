"""What the cue-based formats share: markup removal, escaping, time checks, final ordering.

A reader collects :class:`Cue` drafts in file order and hands them to
:func:`finish`, which drops empty cues, repairs cue times that are missing,
impossible or backwards (taking them from the neighbouring cues), sorts
out-of-order cues and reports each of these in a note, so every reader
handles malformed files the same way. Each timing repair is also returned as
a :class:`~transcript_align.formats.base.Repair`, which ``strict`` reading
turns into an error.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from ..errors import FormatError
from ..labels import labels_of
from ..models import Segment, Word
from ..timecode import MAX_MS, format_vtt, parse_cue_time
from .base import Repair

# Tags SubRip players understand; any other "<...>" is left alone because it is
# more likely text ("<3", "<laughs>") than markup nobody would render.
_SRT_TAG = re.compile(
    r"</?(?:i|b|u|s|em|strong|font|span|c|v|lang|ruby|rt|br)(?:[\s.][^<>\n]*)?/?>", re.I
)
# SubStation override blocks that converters leave in SRT files: {\an8}, {\i1}, {\pos(1,2)}.
_ASS_OVERRIDE = re.compile(r"\{\\[^{}\n]*\}")
# What html.unescape reads as a character reference (the pattern of its own parser).
_CHARREF = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")


CHARS_PER_SECOND = 15
"""Speaking rate used to guess how long a cue lasts when nothing after it says."""
MAX_REPAIR_NOTES = 5
"""Cues with repaired times named one by one in the notes; the rest are counted."""


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue as read, before ordering and numbering; ``label`` names it in notes and errors.

    ``start`` or ``end`` is ``None`` when the file gave no usable time for it;
    ``problems`` say what was wrong with its timing line (for notes and strict
    reading). :func:`finish` fills the missing times from the neighbours.
    """

    start: int | None
    end: int | None
    text: str
    label: str
    words: tuple[Word, ...] = ()
    speaker: str | None = None
    problems: tuple[str, ...] = ()
    line: int = 0


def cue_lines(text: str) -> list[str]:
    """The lines a cue shows: each stripped, blank ones left out.

    This is also what a writer can represent: SRT and WebVTT end a cue at a
    blank line, so blank lines inside a cue's text cannot survive a round trip.

    >>> cue_lines(" hello \\n\\n  world\\r\\n")
    ['hello', 'world']
    """
    return [line.strip() for line in text.splitlines() if line.strip()]


def clean_srt(raw: str) -> str:
    """SRT cue text without tags, override blocks and entities, one line per shown line.

    >>> clean_srt("{\\\\an8}<i>Tom &amp; Jerry</i>\\n <font color=\\"red\\">run</font> ")
    'Tom & Jerry\\nrun'
    """
    text = _ASS_OVERRIDE.sub("", raw)
    text = _SRT_TAG.sub("", text)
    return "\n".join(cue_lines(html.unescape(text)))


def escape_srt(line: str) -> str:
    """Escape what :func:`clean_srt` would take for markup, so the text reads back as it was.

    Only markup look-alikes are escaped; ordinary ``&``, ``<`` and ``>`` stay
    readable in players that show SRT text raw.

    >>> escape_srt("AT&T <b>bold</b> 5 < 6 {\\\\an8} &amp; a --> b")
    'AT&T &lt;b>bold&lt;/b> 5 < 6 &#123;\\\\an8} &amp;amp; a --&gt; b'
    """
    line = _CHARREF.sub(_escape_charref, line)
    line = _SRT_TAG.sub(lambda m: "&lt;" + m.group(0)[1:], line)
    # An arrow in the text would make many readers take the line for a timing line.
    line = line.replace("-->", "--&gt;")
    return line.replace("{\\", "&#123;\\")


def _escape_charref(m: re.Match[str]) -> str:
    ref = m.group(0)
    return ref if html.unescape(ref) == ref else "&amp;" + ref[1:]


def escape_vtt(text: str) -> str:
    """WebVTT cue text escaping: ``&``, ``<`` and ``>`` always.

    >>> escape_vtt("a <b> & c --> d")
    'a &lt;b&gt; &amp; c --&gt; d'
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# A line that looks meant as a timing line (clock, arrow, clock), whether or not it parses.
# The clock cannot hold a dash, so a long run of dashes is matched in linear time.
TIMING_LIKE = re.compile(r"^\s*-?\d+:\d+[^\s\-—–]*\s*(?:-+\s?|[—–])>\s*-?\d+:\d")


def checked_time(ms: int | None, shown: str) -> tuple[int | None, str | None]:
    """A cue time and ``None``, or ``None`` and what is wrong with it (for a note or an error).

    >>> checked_time(1000, "00:00:01,000"), checked_time(-5, "-00:00:00,005")
    ((1000, None), (None, 'negative time -00:00:00,005'))
    """
    if ms is None:
        return None, f"{shown!r} is not a valid time"
    if ms < 0:
        return None, f"negative time {shown}"
    if ms > MAX_MS:
        return None, f"time {shown} is beyond 100 hours"
    return ms, None


def read_timing(
    start: int | None, end: int | None, shown: tuple[str, str | None]
) -> tuple[int | None, int | None, tuple[str, ...]]:
    """A cue's checked start and end, with what was wrong with them.

    ``shown`` is the start and end as written (``None``: the end is missing).
    A time that is invalid, negative or past 100 hours becomes ``None``; so does
    an end before the start (the start orders the cue, so it is the one kept).

    >>> read_timing(5000, 3000, ("00:00:05,000", "00:00:03,000"))
    (5000, None, ('end time 00:00:03,000 is before start time 00:00:05,000',))
    """
    start, bad_start = checked_time(start, shown[0])
    end, bad_end = (None, "no end time") if shown[1] is None else checked_time(end, shown[1])
    problems = [p for p in (bad_start, bad_end) if p]
    if start is not None and end is not None and end < start:
        problems.append(f"end time {shown[1]} is before start time {shown[0]}")
        end = None
    return start, end, tuple(problems)


def parse_timing(start: str, end: str | None) -> tuple[int | None, int | None, tuple[str, ...]]:
    """:func:`read_timing` for cue times as written (``00:00:01,000``)."""
    shown = (start.strip(), None if end is None else end.strip())
    end_ms = None if shown[1] is None else parse_cue_time(shown[1])
    return read_timing(parse_cue_time(shown[0]), end_ms, shown)


def cue_time(raw: str, path: str, where: str) -> int:
    """Milliseconds for a cue time; a one-line :class:`FormatError` naming ``where`` otherwise."""
    ms = parse_cue_time(raw)
    if ms is None:
        raise FormatError(path, f"{where}: {raw.strip()!r} is not a valid time")
    return check_ms(ms, path, where, raw.strip())


def check_ms(ms: int, path: str, where: str, shown: str) -> int:
    """Reject negative times and times past :data:`~transcript_align.timecode.MAX_MS`."""
    if ms < 0:
        raise FormatError(path, f"{where}: negative time {shown}")
    if ms > MAX_MS:
        raise FormatError(path, f"{where}: time {shown} is beyond 100 hours")
    return ms


def finish(cues: Sequence[Cue], *, kind: str = "cue") -> tuple[tuple[Segment, ...], list[str]]:
    """Segments in time order from cue drafts, with a note for everything repaired.

    Empty cues are dropped; a cue whose time is missing or was refused by
    :func:`read_timing` gets it from its neighbours (:func:`estimate_times`),
    and out-of-order cues are sorted by start (stably, so cues starting together
    keep their file order). Overlaps are kept as they are: the timeline makes
    times non-decreasing, and writers must keep the original cue times.
    """
    segments, notes, _ = finish_repaired(cues, kind=kind)
    return segments, notes


def finish_repaired(
    cues: Sequence[Cue], *, kind: str = "cue", path: str = "-"
) -> tuple[tuple[Segment, ...], list[str], tuple[Repair, ...]]:
    """:func:`finish`, also returning every timing repair for strict reading to refuse.

    ``path`` names the file in the error raised when no cue has a usable time.
    """
    notes: list[str] = []
    cues = [_backwards(c) for c in cues]
    repairs = tuple(Repair(c.label, p, c.line) for c in cues for p in c.problems)
    empty = [c for c in cues if not c.text.strip()]
    if empty:
        notes.append(f"dropped {len(empty)} {kind}(s) with no text (first: {empty[0].label})")
    kept = [c for c in cues if c.text.strip()]
    times = estimate_times(kept, path)
    notes += _repair_notes([(c, t) for c, t in zip(kept, times) if c.problems], kind)
    placed = list(zip(times, kept))

    disorder = sum(1 for a, b in pairwise(placed) if b[0][0] < a[0][0])
    if disorder:
        placed = sorted(placed, key=lambda p: p[0][0])
        notes.append(f"{disorder} {kind}(s) out of order; sorted by start time")

    overlaps = sum(1 for a, b in pairwise(placed) if b[0][0] < a[0][1])
    if overlaps:
        notes.append(f"{overlaps} {kind}(s) overlap the previous one; times kept as given")

    labels = labels_of([c.text for _, c in placed])
    segments = tuple(
        Segment(
            index=i,
            text=c.text,
            start=start,
            end=end,
            words=c.words,
            speaker=c.speaker or (found[0] if found is not None else None),
        )
        for i, (((start, end), c), found) in enumerate(zip(placed, labels))
    )
    return segments, notes, repairs


def _backwards(cue: Cue) -> Cue:
    """A cue ending before it starts, from a reader that did not check: its end is refused."""
    if cue.start is None or cue.end is None or cue.end >= cue.start:
        return cue
    problem = f"end time {format_vtt(cue.end)} is before start time {format_vtt(cue.start)}"
    return replace(cue, end=None, problems=(*cue.problems, problem))


def estimate_times(cues: Sequence[Cue], path: str = "-") -> list[tuple[int, int]]:
    """Start and end of each cue (in file order), missing times taken from the neighbours.

    A missing start is the previous cue's end; a missing end is the next
    cue's start. With no cue on that side, the time its text takes to say at
    :data:`CHARS_PER_SECOND` is counted back from its end or on from its start.
    Raises :class:`FormatError` when no cue has any usable time: then nothing
    sensible can be read.

    >>> estimate_times([Cue(1000, 2000, "a", "1"), Cue(5000, None, "xyz", "2")])
    [(1000, 2000), (5000, 5200)]
    >>> cues = [Cue(1000, 2000, "a", "1"), Cue(None, None, "b", "2"), Cue(4000, 5000, "c", "3")]
    >>> estimate_times(cues)
    [(1000, 2000), (2000, 4000), (4000, 5000)]
    """
    if cues and all(c.start is None and c.end is None for c in cues):
        first = cues[0]
        raise FormatError(path, f"no usable cue time ({first.label}: {'; '.join(first.problems)})")
    # The first time given after each cue, found in one pass from the end.
    following: list[int | None] = [None] * len(cues)
    for i in range(len(cues) - 2, -1, -1):
        n = cues[i + 1]
        following[i] = next((t for t in (n.start, n.end) if t is not None), following[i + 1])
    out: list[tuple[int, int]] = []
    for i, c in enumerate(cues):
        if c.start is not None and c.end is not None:
            out.append((c.start, c.end))
            continue
        after = following[i]
        before = out[-1][1] if out else None
        start = c.start
        said = round(1000 * len(c.text) / CHARS_PER_SECOND)
        if start is None:
            if before is not None and (c.end is None or before <= c.end):
                start = before
            elif c.end is not None:
                start = max(0, c.end - said)
            else:
                start = after or 0
        end = c.end
        if end is None:
            end = after if after is not None and after >= start else min(MAX_MS, start + said)
        out.append((start, max(start, end)))
    return out


def _repair_notes(repaired: Sequence[tuple[Cue, tuple[int, int]]], kind: str) -> list[str]:
    """One note per cue whose times were repaired (the first few), then a count of the rest."""
    notes = []
    for cue, (start, end) in repaired[:MAX_REPAIR_NOTES]:
        notes.append(
            f"{cue.label}: {'; '.join(cue.problems)}; kept its words, times estimated "
            f"from its neighbours: {format_vtt(start)} --> {format_vtt(end)}"
        )
    rest = len(repaired) - MAX_REPAIR_NOTES
    if rest > 0:
        notes.append(f"and {rest} more {kind}(s) with times estimated from their neighbours")
    return notes


def writable_times(segments: Sequence[Segment], format_name: str) -> list[tuple[int, int]]:
    """Start/end for every segment, for writers that need times on every cue.

    A segment without times between timed ones (possible in JSON sources)
    takes the end of the previous segment and the start of the next one. A
    transcript with no times at all cannot be written as cues: that raises a
    :class:`FormatError` with ``-`` as the path, for the caller to name the file.
    """
    if not any(s.start is not None for s in segments):
        raise FormatError("-", f"transcript has no times; cannot write {format_name}")
    out: list[tuple[int, int]] = []
    previous_end = 0
    for i, seg in enumerate(segments):
        start = seg.start
        if start is None:
            start = previous_end
        end = seg.end
        if end is None:
            following = (s.start for s in segments[i + 1 :] if s.start is not None)
            end = max(start, next(following, start))
        out.append((start, max(end, start)))
        previous_end = max(end, start)
    return out
