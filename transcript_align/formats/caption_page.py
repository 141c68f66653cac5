"""A scraped caption/transcript page: lines that start with a ``MM:SS`` stamp.

Accepted line shapes: ``00:09turn into…`` (stamp glued to the text, as video
sites' transcript panels scrape), ``00:09 text``, ``1:02:03 text``,
``[00:09] text``, ``(00:09) text``, ``00:09 - text``; and a speaker's name
with the stamp on a line of its own, the words on the lines after it, as
transcription services export them (``Ann Lee  0:09``, ``Ann Lee (00:09):``).
The transcript is the longest run of stamped lines with non-decreasing times;
untimed lines inside it continue the previous cue. Page chrome before and
after the run (menus, description, hashtags, "Be the first to comment"…) is
dropped and reported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from ..labels import label_end, labels_of
from ..models import Segment
from ..timecode import MAX_MS, format_clock, parse_clock
from .base import Parsed
from .cues import TIMING_LIKE, cue_lines
from .jsonshape import looks_like_json
from .srt import timing_line

_CLOCK = r"(?P<open>[\[(])?(?P<clock>(?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)(?(open)[\])])"
"""A stamp, ``MM:SS`` or ``H:MM:SS``, bare or in brackets or parentheses."""
_STAMP = re.compile(rf"^\s*{_CLOCK}(?!:\d)(?:\s*[-–—|:>]\s|\s*)?(?P<text>.*)$")
_HEADER = re.compile(rf"^\s*(?P<speaker>[A-Z][\w'’.\-]*(?: [\w'’.\-]+){{0,3}})\s+{_CLOCK}:?\s*$")
"""A speaker's name and a stamp alone on a line: the cue's words follow on the next lines."""
_VIDEO_URL = re.compile(
    r"https?://(?:www\.|m\.)?(?:youtube\.com/(?:watch\?v=|shorts/|live/)[\w-]+|youtu\.be/[\w-]+"
    r"|dailymotion\.com/video/\w+|dai\.ly/\w+|vimeo\.com/\d+)[^\s\"'<>)]*"
)
CHARS_PER_SECOND = 15
"""Speaking rate used to guess how long the last cue lasts (no stamp follows it)."""
MIN_RUN = 3


@dataclass(frozen=True, slots=True)
class _Line:
    number: int
    ms: int | None
    text: str
    speaker: str | None = None


def _parse_lines(text: str) -> list[_Line]:
    out = []
    for number, raw in enumerate(text.split("\n")):
        m = _STAMP.match(raw)
        ms = _stamp_ms(m)
        if m and ms is not None:
            out.append(_Line(number, ms, m.group("text").strip()))
            continue
        header = _HEADER.match(raw)
        ms = _stamp_ms(header)
        if header and ms is not None:
            out.append(_Line(number, ms, "", header.group("speaker")))
        else:
            out.append(_Line(number, None, raw.strip()))
    return out


def _best_run(lines: list[_Line]) -> tuple[int, int] | None:
    """Indices ``[first, last]`` of stamped lines forming the longest non-decreasing run."""
    best: tuple[int, int, int] | None = None  # (count, first, last)
    first = last = -1
    count = 0
    prev_ms = -1
    for i, line in enumerate(lines):
        if line.ms is None:
            continue
        if count and line.ms >= prev_ms:
            count += 1
            last = i
        else:
            first = last = i
            count = 1
        prev_ms = line.ms
        if best is None or count > best[0]:
            best = (count, first, last)
    if best is None or best[0] < MIN_RUN:
        return None
    return best[1], best[2]


class CaptionPage:
    name: ClassVar[str] = "caption-page"

    @staticmethod
    def sniff(text: str) -> bool:
        if text.lstrip().startswith("WEBVTT") or looks_like_json(text):
            return False
        # SRT timing lines start with a clock too; a page never has "start --> end" lines.
        if any(timing_line(line) or TIMING_LIKE.match(line) for line in text.split("\n")):
            return False
        lines = _parse_lines(text)
        run = _best_run(lines)
        if run is None:
            return False
        block = lines[run[0] : run[1] + 1]
        stamped = sum(1 for line in block if line.ms is not None)
        # Cues wrapped over several lines leave many unstamped lines in the block;
        # a stamp on at least one line in four still marks a transcript.
        return stamped >= MIN_RUN and stamped >= 0.25 * sum(1 for line in block if line.text)

    @staticmethod
    def read(text: str, path: str) -> Parsed:
        lines = _parse_lines(text)
        run = _best_run(lines)
        if run is None:
            return Parsed(())
        first, last = run
        block = lines[first : last + 1]
        # A speaker's line has its words below it: the last one too.
        has_continuations = any((line.ms is None and line.text) or line.speaker for line in block)
        tail_start = last + 1
        if has_continuations:
            # Pages that wrap cues over lines may wrap the last one too: keep
            # lines up to the first blank one. A stamped line there is not a
            # wrapped line but a clock running backwards (the run ended before
            # it), e.g. a list of video durations: its time would break the order.
            while (
                tail_start < len(lines) and lines[tail_start].text and lines[tail_start].ms is None
            ):
                block.append(lines[tail_start])
                tail_start += 1

        cues: list[tuple[_Line, list[str]]] = []
        for line in block:
            if line.ms is not None:
                cues.append((line, [line.text] if line.text else []))
            elif line.text:
                cues[-1][1].append(line.text)
        # A name line with no words after it is no cue.
        cues = [(line, texts) for line, texts in cues if texts or line.speaker is None]
        segments = []
        bodies = ["\n".join(texts) for _, texts in cues]
        for i, ((line, _), body, label) in enumerate(zip(cues, bodies, labels_of(bodies))):
            ms = line.ms or 0
            if i + 1 < len(cues):
                end = cues[i + 1][0].ms or 0
            else:
                # Guessed, so kept within what every reader accepts as a time.
                end = min(MAX_MS, ms + max(1000, round(1000 * len(body) / CHARS_PER_SECOND)))
            speaker = line.speaker or (label[0] if label is not None else None)
            segments.append(
                Segment(index=i, text=body, start=ms, end=max(end, ms), speaker=speaker)
            )

        notes = []
        head = [line.text for line in lines[:first] if line.text]
        tail = [line.text for line in lines[tail_start:] if line.text]
        if head:
            notes.append(
                f"dropped {len(head)} line(s) of page text before the transcript "
                f"(first: {_clip(head[0])!r})"
            )
        if tail:
            notes.append(
                f"dropped {len(tail)} line(s) of page text after the transcript "
                f"(first: {_clip(tail[0])!r})"
            )
        url = _VIDEO_URL.search(text)
        return Parsed(tuple(segments), tuple(notes), url.group(0) if url else None)

    @staticmethod
    def write(segments: Sequence[Segment], source_format: str) -> str:
        """``MM:SS text`` lines; a cue's continuation lines follow it unstamped.

        What the reader would take differently is written so it reads back with
        the same cues and words: a continuation line that would read as stamped
        (``12:30 meeting``) is joined to the line before it (the whole cue made one
        line when that reads as a speaker's line, ``Ann 12:30``), a first line
        starting with a separator (``- yes``) gets an explicit one
        (``00:05 | - yes``), and a wrapped last cue is joined into one line
        when no other cue wraps (the reader takes lines after the last stamp
        for page chrome then). A cue whose speaker was read from a line of its
        own is written that way again (``Ann Lee  0:09``, its words below).
        """
        hours = any((s.start or 0) >= 3_600_000 for s in segments)
        cues: list[list[str]] = []
        for s in segments:
            lines: list[str] = []
            for line in cue_lines(s.text):
                if lines and _is_stamped(line):
                    lines[-1] = f"{lines[-1]} {line}"
                else:
                    lines.append(line)
            if any(_is_stamped(line) for line in lines[1:]):
                lines = [" ".join(lines)]  # joined, still a speaker's line: "Ann 12:30"
            cues.append(lines)
        if cues and len(cues[-1]) > 1 and all(len(lines) <= 1 for lines in cues[:-1]):
            cues[-1] = [" ".join(cues[-1])]
        out: list[str] = []
        for s, lines in zip(segments, cues):
            stamp = format_clock(s.start or 0, hours=hours or None)
            header = f"{s.speaker}  {stamp}"
            if s.speaker and not label_end(s.text, s.speaker) and _header_ok(header, lines):
                out.extend((header, *lines, ""))
                continue
            first = lines[0] if lines else ""
            plain = f"{stamp} {first}".rstrip()
            m = _STAMP.match(plain)
            # "|" rather than "-": "00:05 - > x" would look like an SRT arrow;
            # so would "00:05 -> 12:30" itself, which then needs the "|" too.
            plain_ok = m and m.group("text").strip() == first and not TIMING_LIKE.match(plain)
            out.append(plain if plain_ok else f"{stamp} | {first}")
            out.extend(lines[1:])
        return "".join(line + "\n" for line in out)


def _header_ok(header: str, lines: Sequence[str]) -> bool:
    """Whether a cue written under a speaker line reads back as it was."""
    return bool(lines) and not _is_stamped(lines[0]) and _HEADER.match(header) is not None


def _is_stamped(line: str) -> bool:
    """Whether the reader takes ``line`` for the start of a cue."""
    return _stamp_ms(_STAMP.match(line) or _HEADER.match(line)) is not None


def _stamp_ms(m: re.Match[str] | None) -> int | None:
    """The time of a line's stamp; ``None`` without one, or past 100 hours (no video time)."""
    ms = parse_clock(m.group("clock").replace(",", ".")) if m else None
    return ms if ms is not None and ms <= MAX_MS else None


def _clip(text: str, width: int = 50) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
