"""WebVTT (``.vtt``), including YouTube's rolling auto-captions.

A file starts with ``WEBVTT``; header metadata (``Kind:``, ``Language:``) and
``NOTE``/``STYLE``/``REGION`` blocks are skipped. A cue is an optional
identifier, a ``start --> end [settings]`` line and payload lines up to the
first empty line. Only an *empty* line ends a payload: YouTube writes lines
holding a single space inside cues. ``<v Name>`` gives the speaker; other
tags are removed and entities decoded.

YouTube auto-captions roll: each cue shows the previous line again above a
new one whose words carry inline times (``word<00:00:01.234><c> next</c>``),
and 10 ms "snapshot" cues show the finished line once more. When a file has
inline times or rolls that way, leading cue lines that repeat the lines
already read are dropped, so every word is read once, in order; a line with
inline times is always new. Inline times become :attr:`Segment.words`.

Cue times are read leniently, as in SRT: an invalid, negative or backwards
time or a missing end is repaired from the neighbouring cues and noted (and
refused by strict reading). This hand-written reader, rather than pysubs2,
reads WebVTT for the rolling captions, word times, speakers and repairs.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import ClassVar

from ..errors import FormatError
from ..labels import label_end
from ..models import Segment, Word
from ..timecode import format_vtt
from .base import Parsed
from .cues import (
    TIMING_LIKE,
    Cue,
    cue_lines,
    cue_time,
    escape_vtt,
    finish_repaired,
    parse_timing,
    writable_times,
)

# Clock-like times, checked when read; nothing after the arrow is a missing end.
TIMING = re.compile(
    r"^\s*(?P<start>-?\d+:\d+[^\s\-]*)\s*-->"
    r"\s*(?:(?P<end>-?\d+:\d\S*)(?:\s.*)?)?$"
)
_INLINE_TIME = re.compile(r"<(\d{1,4}:\d{2}(?::\d{2})?\.\d{3})>")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?\s+([^>]*)>")
_TAG = re.compile(r"<[^<>\n]*>")
# Blocks that are no cue text. A "WEBVTT" header in the middle of a file is left
# there by joining two files; read as text it would add words nobody said.
_BLOCKS = ("NOTE", "STYLE", "REGION", "WEBVTT")
ROLLING_MIN_SHARE = 0.5
"""Share of cues that must start with the previous cue's last line to read a file as rolling."""


@dataclass(frozen=True, slots=True)
class _Line:
    raw: str
    text: str
    timed: bool

    @property
    def key(self) -> str:
        """The line as compared for repeats: white space runs count as one space."""
        return " ".join(self.text.split())


@dataclass(frozen=True, slots=True)
class _RawCue:
    start: int | None
    end: int | None
    line: int
    label: str
    lines: tuple[_Line, ...]
    speaker: str | None
    problems: tuple[str, ...] = ()


def _clean(raw: str) -> str:
    return html.unescape(_TAG.sub("", raw)).strip()


def _is_block_keyword(line: str, keyword: str) -> bool:
    return line == keyword or line.startswith((keyword + " ", keyword + "\t"))


class WebVtt:
    name: ClassVar[str] = "vtt"

    @staticmethod
    def sniff(text: str) -> bool:
        first = text.lstrip().split("\n", 1)[0]
        return first == "WEBVTT" or first.startswith(("WEBVTT ", "WEBVTT\t"))

    @staticmethod
    def read(text: str, path: str) -> Parsed:
        lines = text.split("\n")
        top = next((i for i, line in enumerate(lines) if line.strip()), 0)
        if not WebVtt.sniff(lines[top]):
            raise FormatError(path, f"line {top + 1}: a WebVTT file starts with 'WEBVTT'")
        raws, notes = _cues(lines, top, path)
        rolling = _is_rolling(raws)
        duplicates = 0
        emitted: list[str] = []
        cues: list[Cue] = []
        for raw in raws:
            shown = [ln for ln in raw.lines if ln.text]
            if rolling:
                repeated = _repeated_prefix(shown, emitted)
                duplicates += repeated
                shown = shown[repeated:]
                if not shown:
                    continue
                emitted.extend(ln.key for ln in shown)
            words = tuple(w for ln in shown for w in _words(ln, raw, path))
            text = "\n".join(ln.text for ln in shown)
            label = f"{raw.label} (line {raw.line})"
            cue = Cue(raw.start, raw.end, text, label, words, raw.speaker, raw.problems, raw.line)
            cues.append(cue)
        if duplicates:
            notes.append(f"removed {duplicates} duplicate line(s) repeated by rolling captions")
        if any(c.words for c in cues):
            notes.append("used the inline word times")
        segments, more, repairs = finish_repaired(cues, path=path)
        return Parsed(segments, (*notes, *more), repairs=repairs)

    @staticmethod
    def write(segments: Sequence[Segment], source_format: str) -> str:
        """``WEBVTT`` and one cue per segment; the speaker as a ``<v>`` tag."""
        times = writable_times(segments, "WebVTT")
        blocks = ["WEBVTT\n"]
        for seg, (start, end) in zip(segments, times):
            lines = [escape_vtt(line) for line in cue_lines(seg.text)]
            if not lines:
                continue
            speaker = " ".join((seg.speaker or "").split())
            if speaker and not label_end(seg.text, seg.speaker):  # "CHAIR: …" names it
                lines[0] = f"<v {escape_vtt(speaker)}>{lines[0]}"
            stamp = f"{format_vtt(start)} --> {format_vtt(end)}"
            blocks.append(f"{stamp}\n" + "\n".join(lines) + "\n")
        return "\n".join(blocks)


def _cues(lines: list[str], top: int, path: str) -> tuple[list[_RawCue], list[str]]:
    """Cues in file order, with notes on text found outside any cue."""
    header_end = top + 1
    while header_end < len(lines) and lines[header_end].strip() and "-->" not in lines[header_end]:
        header_end += 1
    timings = []
    for i in range(header_end, len(lines)):
        if TIMING.match(lines[i]):
            timings.append(i)
        elif "-->" in lines[i] and TIMING_LIKE.match(lines[i]):
            raise FormatError(path, f"line {i + 1}: malformed timing line {lines[i].strip()!r}")

    cues: list[_RawCue] = []
    skipped_before = 0
    orphans: list[int] = []
    region_start = header_end
    for k, t in enumerate(timings):
        following = timings[k + 1] if k + 1 < len(timings) else len(lines)
        end = next((i for i in range(t + 1, following) if lines[i] == ""), following)
        # No empty line before the next cue: its identifier, if any, is glued on.
        if (
            end == following
            and k + 1 < len(timings)
            and end - 1 > t
            and lines[end - 1].strip()
            and (lines[end - 1].strip().isdigit() or not lines[end - 2].strip())
        ):
            end -= 1
        gap = _gap_blocks(lines, region_start, t)
        if cues:
            _attach(cues, gap, orphans)
        else:
            skipped_before += len(gap)

        ident = lines[t - 1].strip() if t - 1 >= region_start and lines[t - 1].strip() else ""
        label = f"cue {ident!r}" if ident else f"cue #{k + 1}"
        m = TIMING.match(lines[t])
        assert m is not None  # timings holds matching lines only
        start, stop, problems = parse_timing(m.group("start"), m.group("end"))
        payload = lines[t + 1 : end]
        voice = next((v for v in map(_VOICE.search, payload) if v), None)
        speaker = " ".join(html.unescape(voice.group(1)).split()) if voice else None
        cue_lines_ = tuple(
            _Line(raw, _clean(raw), bool(_INLINE_TIME.search(raw))) for raw in payload
        )
        cues.append(_RawCue(start, stop, t + 1, label, cue_lines_, speaker or None, problems))
        region_start = end

    if cues:
        _attach(cues, _gap_blocks(lines, region_start, len(lines), identifier=False), orphans)
    notes = []
    if skipped_before:
        notes.append(f"dropped {skipped_before} block(s) of text before the first cue")
    if orphans:
        notes.append(
            f"kept {len(orphans)} block(s) of text after an empty line inside the cue "
            f"before them (first: line {orphans[0]})"
        )
    return cues, notes


def _attach(cues: list[_RawCue], gap: list[tuple[int, list[str]]], orphans: list[int]) -> None:
    """Keep text blocks found after an empty line inside a cue as more of that cue."""
    for first_line, block in gap:
        orphans.append(first_line + 1)
        prev = cues[-1]
        extra = tuple(_Line(b, _clean(b), False) for b in block)
        cues[-1] = replace(prev, lines=prev.lines + extra)


def _gap_blocks(
    lines: list[str], start: int, stop: int, *, identifier: bool = True
) -> list[tuple[int, list[str]]]:
    """Text blocks between two cues that are neither comments/styles nor the cue identifier."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    first = start
    for i in range(start, stop):
        if lines[i].strip():
            if not current:
                first = i
            current.append(lines[i])
        elif current:
            blocks.append((first, current))
            current = []
    if current:
        if identifier:
            # The last line before a timing line is the cue identifier.
            current = current[:-1]
        if current:
            blocks.append((first, current))
    return [
        (first, block)
        for first, block in blocks
        if not any(_is_block_keyword(block[0].strip(), kw) for kw in _BLOCKS)
    ]


def _is_rolling(cues: Sequence[_RawCue]) -> bool:
    """Whether the file is rolling captions: inline word times, or cues repeating a line.

    Without inline times, a rolling cue shows the previous cue's last line
    above a new one; ordinary captions that merely repeat a short cue ("No.")
    do not have that shape often enough to be taken for it.
    """
    if any(ln.timed for c in cues for ln in c.lines):
        return True
    shown = [[ln.key for ln in c.lines if ln.text] for c in cues]
    pairs = [(a, b) for a, b in pairwise(shown) if a and b]
    if len(pairs) < 3:
        return False
    rolls = sum(1 for a, b in pairs if len(b) >= 2 and b[0] == a[-1])
    return rolls >= ROLLING_MIN_SHARE * len(pairs)


def _repeated_prefix(shown: Sequence[_Line], emitted: Sequence[str]) -> int:
    """How many leading lines of a cue repeat the last lines already read.

    Only untimed lines can be repeats: a line with inline word times is new.
    The longest match wins, so a snapshot of two finished lines is dropped whole.
    """
    untimed = 0
    while untimed < len(shown) and not shown[untimed].timed:
        untimed += 1
    for n in range(min(untimed, len(emitted)), 0, -1):
        if [ln.key for ln in shown[:n]] == list(emitted[-n:]):
            return n
    return 0


def _words(line: _Line, cue: _RawCue, path: str) -> list[Word]:
    """Words of a line with inline times: each chunk runs from its time to the next one."""
    if not line.timed:
        return []
    parts = _INLINE_TIME.split(line.raw)
    where = f"{cue.label} (line {cue.line})"
    inline = [cue_time(stamp, path, where) for stamp in parts[1::2]]
    # A cue whose own start was refused starts at its first word time.
    first = cue.start if cue.start is not None else inline[0]
    starts = [first, *inline]
    chunks = parts[0::2]
    words: list[Word] = []
    floor = first
    for i, chunk in enumerate(chunks):
        text = _clean(chunk)
        if not text:
            continue
        start = max(starts[i], floor)
        end = starts[i + 1] if i + 1 < len(starts) else max(cue.end or start, start)
        end = max(end, start)
        words.append(Word(text, start, end))
        floor = start
    return words
