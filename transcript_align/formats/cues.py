"""What the cue-based formats share: markup removal, escaping, time checks, final ordering.

A reader collects :class:`Cue` drafts in file order and hands them to
:func:`finish`, which drops empty cues, repairs an end before its start,
sorts out-of-order cues and reports each of these in a note, so every reader
handles malformed files the same way.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from ..errors import FormatError
from ..models import Segment, Word
from ..timecode import MAX_MS, parse_cue_time

# Tags SubRip players understand; any other "<...>" is left alone because it is
# more likely text ("<3", "<laughs>") than markup nobody would render.
_SRT_TAG = re.compile(
    r"</?(?:i|b|u|s|em|strong|font|span|c|v|lang|ruby|rt|br)(?:[\s.][^<>\n]*)?/?>", re.I
)
# SubStation override blocks that converters leave in SRT files: {\an8}, {\i1}, {\pos(1,2)}.
_ASS_OVERRIDE = re.compile(r"\{\\[^{}\n]*\}")
# What html.unescape reads as a character reference (the pattern of its own parser).
_CHARREF = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue as read, before ordering and numbering; ``label`` names it in notes and errors."""

    start: int
    end: int
    text: str
    label: str
    words: tuple[Word, ...] = ()
    speaker: str | None = None


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
TIMING_LIKE = re.compile(r"^\s*-?\d+:\d+\S*\s*(?:-+\s?|[—–])>\s*-?\d+:\d")


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

    Empty cues are dropped, an end before its start is set to the start, and
    out-of-order cues are sorted by start (stably, so cues starting together
    keep their file order). Overlaps are kept as they are: the timeline makes
    times non-decreasing, and writers must keep the original cue times.
    """
    notes: list[str] = []
    empty = [c for c in cues if not c.text.strip()]
    if empty:
        notes.append(f"dropped {len(empty)} {kind}(s) with no text (first: {empty[0].label})")
    kept = [c for c in cues if c.text.strip()]

    backwards = [c for c in kept if c.end < c.start]
    if backwards:
        first = backwards[0]
        notes.append(
            f"{len(backwards)} {kind}(s) end before they start; end set to the start "
            f"(first: {first.label})"
        )
        kept = [replace(c, end=c.start) if c.end < c.start else c for c in kept]

    disorder = sum(1 for a, b in pairwise(kept) if b.start < a.start)
    if disorder:
        kept = sorted(kept, key=lambda c: c.start)
        notes.append(f"{disorder} {kind}(s) out of order; sorted by start time")

    overlaps = sum(1 for a, b in pairwise(kept) if b.start < a.end)
    if overlaps:
        notes.append(f"{overlaps} {kind}(s) overlap the previous one; times kept as given")

    segments = tuple(
        Segment(index=i, text=c.text, start=c.start, end=c.end, words=c.words, speaker=c.speaker)
        for i, c in enumerate(kept)
    )
    return segments, notes


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
