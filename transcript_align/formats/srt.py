"""SubRip (``.srt``): numbered cues with a ``start --> end`` timing line and text lines.

The reader is line-based rather than block-based, because real files break
the block rules: cue numbers go missing, blank lines are doubled, missing
or found inside a cue's text, and some tools write ``.`` for ``,``, ``->`` or
``—>`` for ``-->``, or odd spacing around the arrow. A cue starts at each
timing line; the text runs to the first blank line; a number just before a
timing line is that cue's number, not text. Markup (``<i>``, ``<font>``,
``{\\an8}``) and entities are removed. Every repair is reported in a note.

A timing line is read leniently: a time that is invalid (``00:61:00``),
negative or past 100 hours, an end before the start, a missing end, or an
odd arrow (``->``, ``=>``, ``-->>``) does not sink the file. The cue keeps
its words and takes the times it lacks from its neighbours (see
:func:`~transcript_align.formats.cues.estimate_times`); each repair is a
note naming the cue and line, and a :class:`~transcript_align.formats.base.Repair`
that strict reading refuses. This hand-written reader, rather than pysubs2,
reads SRT because of these repairs and their notes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

from ..errors import FormatError
from ..models import Segment
from ..timecode import format_srt
from .base import Parsed, Repair
from .cues import (
    TIMING_LIKE,
    Cue,
    clean_srt,
    cue_lines,
    escape_srt,
    finish_repaired,
    parse_timing,
    writable_times,
)

# "-->" and the look-alikes found in hand-edited or converted files. Every part of a
# timing line is bounded or cannot overlap the next, so matching stays linear in the
# line's length (a line of 60,000 dashes is text, found so at once).
_ARROW = r"(?:-\s?){1,3}>{1,2}|[—–]-?>{1,2}|→|={1,2}>{1,2}"
_CLOCK = r"-?\d+:\d+[^\s\-=>—–→]*"
# Clock-like on both sides of an arrow, whether or not the times are valid (they are
# checked when read); SRT position coordinates or anything else may follow.
TIMING = re.compile(rf"^\s*(?P<start>{_CLOCK})\s*(?P<arrow>{_ARROW})\s*(?P<end>{_CLOCK})(?:\s.*)?$")
# A full SRT time and an arrow with nothing after it: a timing line missing its end.
# (A short clock would be a caption page's stamp before text starting with an arrow.)
OPEN_TIMING = re.compile(rf"^\s*(?P<start>-?\d+:\d{{2}}:\d{{2}}[.,:]\d+)\s*(?P<arrow>{_ARROW})\s*$")


def timing_line(line: str) -> re.Match[str] | None:
    """The match of a (possibly malformed) timing line; its ``end`` group is unset when missing."""
    return TIMING.match(line) or OPEN_TIMING.match(line)


def _is_number(line: str) -> bool:
    stripped = line.strip()
    return stripped.isascii() and stripped.isdigit()


class Srt:
    name: ClassVar[str] = "srt"

    @staticmethod
    def sniff(text: str) -> bool:
        """The first non-blank line is a timing line, or a number followed by one.

        A malformed timing line counts, so that reading reports it.
        """
        lines = text.lstrip().split("\n", 2)
        if _is_number(lines[0]) and len(lines) > 1:
            lines = lines[1:]
        return bool(timing_line(lines[0]) or TIMING_LIKE.match(lines[0]))

    @staticmethod
    def read(text: str, path: str) -> Parsed:
        lines = text.split("\n")
        timings = []
        for i, line in enumerate(lines):
            if timing_line(line):
                timings.append(i)
            elif TIMING_LIKE.match(line):
                raise FormatError(path, f"line {i + 1}: malformed timing line {line.strip()!r}")
        if not timings:
            raise FormatError(path, "no SRT cues found (no 'start --> end' timing line)")
        numbered = timings[0] > 0 and _is_number(lines[timings[0] - 1])
        notes: list[str] = []

        head_end = timings[0] - 1 if numbered else timings[0]
        head = [line for line in lines[:head_end] if line.strip()]
        if head:
            notes.append(f"dropped {len(head)} line(s) before the first cue")

        cues: list[Cue] = []
        repairs: list[Repair] = []
        odd_arrows: list[tuple[int, str]] = []
        orphans: list[int] = []
        unnumbered = 0
        has_number = numbered
        for k, t in enumerate(timings):
            if not has_number:
                unnumbered += 1
            label = f"cue {lines[t - 1].strip()}" if has_number else f"cue #{k + 1}"
            stop = timings[k + 1] if k + 1 < len(timings) else len(lines)
            # The next cue's number: a number line right before its timing line.
            # Without a blank line before it, trust it only in a numbered file.
            has_number = (
                k + 1 < len(timings)
                and stop - 1 > t
                and _is_number(lines[stop - 1])
                and (numbered or not lines[stop - 2].strip())
            )
            if has_number:
                stop -= 1
            where = f"{label} (line {t + 1})"

            m = timing_line(lines[t])
            assert m is not None  # timings holds matching lines only
            if m.group("arrow") != "-->":
                odd_arrows.append((t + 1, m.group("arrow")))
                repairs.append(Repair(where, f"non-standard arrow {m.group('arrow')!r}", t + 1))
            start, end, problems = parse_timing(m.group("start"), m.groupdict().get("end"))

            body = lines[t + 1 : stop]
            blank = next((i for i, line in enumerate(body) if not line.strip()), len(body))
            extra = [line for line in body[blank:] if line.strip()]
            if extra:
                # Text after a blank line and before the next cue: a blank line typed
                # inside the cue's text, so it stays with this cue.
                after = next(i for i in range(blank, len(body)) if body[i].strip())
                orphans.append(t + 1 + after + 1)
            text = clean_srt("\n".join(body[:blank] + extra))
            cues.append(Cue(start, end, text, where, problems=problems, line=t + 1))

        if odd_arrows:
            line_no, arrow = odd_arrows[0]
            notes.append(
                f"read {len(odd_arrows)} timing line(s) with a non-standard arrow as '-->' "
                f"(first: line {line_no}, {arrow!r})"
            )
        if numbered and unnumbered:
            notes.append(f"{unnumbered} cue(s) have no cue number")
        if orphans:
            notes.append(
                f"kept {len(orphans)} block(s) of text after a blank line inside the cue "
                f"before them (first: line {orphans[0]})"
            )
        segments, more, timing = finish_repaired(cues, path=path)
        repairs = sorted([*timing, *repairs], key=lambda r: r.line)
        return Parsed(segments, (*notes, *more), repairs=tuple(repairs))

    @staticmethod
    def write(segments: Sequence[Segment], source_format: str) -> str:
        """Numbered cues with the segments' times; text escaped only where SRT needs it.

        A segment with no visible text is left out (an empty cue ends at its own
        timing line and would be misread).
        """
        times = writable_times(segments, "SRT")
        blocks: list[str] = []
        for seg, (start, end) in zip(segments, times):
            lines = [_escape_line(line) for line in cue_lines(seg.text)]
            if not lines:
                continue
            stamp = f"{format_srt(start)} --> {format_srt(end)}"
            blocks.append(f"{len(blocks) + 1}\n{stamp}\n" + "\n".join(lines) + "\n")
        return "\n".join(blocks)


def _escape_line(line: str) -> str:
    line = escape_srt(line)
    if timing_line(line) or TIMING_LIKE.match(line):
        # Text that reads as a timing line under a lenient arrow ("->", "→").
        line = line.replace(">", "&gt;").replace("→", "&#8594;")
    return line
