"""Subtitle formats read and written through pysubs2: ASS/SSA, TTML, SAMI, MicroDVD, MPL2.

SRT and WebVTT keep their own readers, which do more (repairs noted line by
line, rolling captions, word times). For these formats pysubs2 does the
parsing and writing; each class here only says how to recognise its format
(a format claims a text only when sure) and what it cannot carry. Cue times
go through the same checks and repairs as every cue format
(:func:`~transcript_align.formats.cues.finish_repaired`).

What survives a round trip: every cue's text and times, to the format's own
resolution (ASS/SSA: 10 ms, MPL2: 100 ms, MicroDVD: one frame at the
declared rate, TTML and SAMI: 1 ms). pysubs2 reads ``{...}`` in any of them
as a style override, so the writers put braces in the text as parentheses;
ASS/SSA keep the speaker in the event's Name field (a comma there as a
semicolon); ``|`` is a line break in MicroDVD and MPL2. SAMI gives no end times:
a caption lasts until the next one starts. pysubs2 cannot write SAMI, so it
is written here.
"""

from __future__ import annotations

import html
import re
import warnings
from collections.abc import Sequence
from typing import ClassVar

import pysubs2

from ..errors import FormatError
from ..models import Segment
from .base import Parsed
from .cues import MAX_REPAIR_NOTES, Cue, cue_lines, finish_repaired, read_timing, writable_times

MICRODVD_FPS = 23.976
"""Frame rate of a MicroDVD file that declares none (the usual film rate), and of those written."""
ASS_MAX_MS = (10 * 3600 - 1) * 1000 + 990
"""The last time ASS/SSA can write (``9:59:59.99``: one digit of hours)."""
_STEP = {"mpl2": 100}
"""Time step (ms) of formats whose writer in pysubs2 truncates rather than rounds."""
_MICRODVD_LINE = re.compile(r"^\s*\{-?\d+\}\{-?\d*\}")
_MICRODVD_FPS_LINE = re.compile(r"^\s*\{1\}\{1\}\s*\d+(?:\.\d+)?\s*$")
_MPL2_LINE = re.compile(r"^\s*\[-?\d+\]\[-?\d*\]")
_XML_PROLOGUE = re.compile(r"\A\s*(?:<\?xml[^>]*\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*", re.S)


def _first_line(text: str) -> str:
    return text.lstrip().split("\n", 1)[0].strip()


def _every_line(text: str, pattern: re.Pattern[str]) -> bool:
    lines = [line for line in text.split("\n") if line.strip()]
    return bool(lines) and all(pattern.match(line) for line in lines)


def _has_section(text: str, name: str) -> bool:
    return re.search(rf"^\s*\[{re.escape(name)}\]\s*$", text, re.I | re.M) is not None


def _time(ms: int) -> str:
    return pysubs2.time.ms_to_str(ms, fractions=True)


def read_subtitles(text: str, path: str, format_id: str) -> Parsed:
    """Cues read by pysubs2, with the times checked and repaired like every cue format."""
    notes: list[str] = []
    fps = None
    if format_id == MicroDvd.name:
        first = next((line for line in text.split("\n") if line.strip()), "")
        if not _MICRODVD_FPS_LINE.match(first):
            fps = MICRODVD_FPS
            notes.append(f"no frame rate declared ({{1}}{{1}}fps); read at {fps} fps")
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            subs = pysubs2.SSAFile.from_string(text, format_=format_id, fps=fps)
    except Exception as exc:  # any failure of the parser is a problem of this input
        problem = f"cannot read as {format_id}: {type(exc).__name__}: {exc}"
        raise FormatError(path, problem) from None
    # pysubs2 warns about fields it replaced by defaults: notes, not lines on standard error.
    notes += list(dict.fromkeys(f"pysubs2: {w.message}" for w in caught))[:MAX_REPAIR_NOTES]
    events = list(subs.events)
    cues: list[Cue] = []
    sami = format_id == Sami.name
    for k, ev in enumerate(events):
        if not ev.is_text or (sami and not ev.plaintext.strip()):
            continue  # comments and vector drawings are no speech; an empty SYNC ends a caption
        given = ev.end
        if sami and k + 1 < len(events):
            # A SAMI caption shows until the next SYNC; the last one's end is pysubs2's guess.
            given = events[k + 1].start
        start, end, problems = read_timing(ev.start, given, (_time(ev.start), _time(given)))
        body = "\n".join(cue_lines(ev.plaintext))
        cues.append(Cue(start, end, body, f"event {k + 1}", (), ev.name.strip() or None, problems))
    if not cues:
        raise FormatError(path, f"no {format_id} events found")
    segments, more, repairs = finish_repaired(cues, kind="event", path=path)
    return Parsed(segments, (*notes, *more), repairs=repairs)


def write_subtitles(segments: Sequence[Segment], format_id: str) -> str:
    """Segments as ``format_id`` written by pysubs2: one event per cue with visible text.

    Times the format cannot hold raise :class:`FormatError` (path ``-``, for
    the caller to name the output) rather than being clamped.
    """
    subs = pysubs2.SSAFile()
    step = _STEP.get(format_id, 1)
    for seg, times in zip(segments, writable_times(segments, format_id)):
        lines = [line.replace("{", "(").replace("}", ")") for line in cue_lines(seg.text)]
        if not lines:
            continue
        # pysubs2 cuts MPL2 times down to the step; rounding keeps them nearer.
        start, end = ((t + step // 2) // step * step for t in times)
        # A comma would end the Name field: Aegisub writes it as a semicolon too.
        name = " ".join((seg.speaker or "").split()).replace(",", ";")
        event = pysubs2.SSAEvent(start=start, end=end, name=name)
        event.plaintext = "\n".join(lines)
        subs.append(event)
    last = max((e.end for e in subs.events), default=0)
    if format_id in (Ass.name, Ssa.name) and last > ASS_MAX_MS:
        raise FormatError("-", f"{format_id} times stop at 9:59:59.99; the transcript runs longer")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # pysubs2 warns when it would change a time: refuse
        try:
            if format_id != MicroDvd.name:
                return str(subs.to_string(format_id))
            # pysubs2 would declare the rate at frame 0, where readers (pysubs2 too) do not look.
            body = subs.to_string(format_id, fps=MICRODVD_FPS, write_fps_declaration=False)
        except Warning as warning:
            raise FormatError("-", f"cannot write {format_id}: {warning}") from None
    return f"{{1}}{{1}}{MICRODVD_FPS}\n{body}"


class _Pysubs2Format:
    """A format pysubs2 reads and writes under the id ``name``."""

    name: ClassVar[str]

    @classmethod
    def read(cls, text: str, path: str) -> Parsed:
        return read_subtitles(text, path, cls.name)

    @classmethod
    def write(cls, segments: Sequence[Segment], source_format: str) -> str:
        return write_subtitles(segments, cls.name)


class Ass(_Pysubs2Format):
    """Advanced SubStation Alpha (``.ass``): ``[Script Info]`` first, ``[V4+ Styles]`` or none."""

    name: ClassVar[str] = "ass"

    @staticmethod
    def sniff(text: str) -> bool:
        return _first_line(text).lower() == "[script info]" and not _has_section(text, "V4 Styles")


class Ssa(_Pysubs2Format):
    """SubStation Alpha v4 (``.ssa``): ``[Script Info]`` first and a ``[V4 Styles]`` section."""

    name: ClassVar[str] = "ssa"

    @staticmethod
    def sniff(text: str) -> bool:
        return _first_line(text).lower() == "[script info]" and _has_section(text, "V4 Styles")


class Ttml(_Pysubs2Format):
    """TTML / DFXP (``.ttml``), the broadcasters' XML: a ``<tt>`` root in the TTML namespace."""

    name: ClassVar[str] = "ttml"

    @staticmethod
    def sniff(text: str) -> bool:
        body = text[_XML_PROLOGUE.match(text).end() :]  # type: ignore[union-attr]
        return re.match(r"<(?:\w+:)?tt[\s>]", body) is not None and (
            "http://www.w3.org/ns/ttml" in body[:4096]
        )


class MicroDvd(_Pysubs2Format):
    """MicroDVD (``.sub``): ``{start frame}{end frame}text`` on every line."""

    name: ClassVar[str] = "microdvd"

    @staticmethod
    def sniff(text: str) -> bool:
        return _every_line(text, _MICRODVD_LINE)


class Mpl2(_Pysubs2Format):
    """MPL2: ``[start][end]text`` on every line, times in tenths of a second."""

    name: ClassVar[str] = "mpl2"

    @staticmethod
    def sniff(text: str) -> bool:
        return _every_line(text, _MPL2_LINE)


class Sami:
    """SAMI (``.smi``, ``.sami``): Microsoft's HTML-like captions, ``<SAMI>`` first."""

    name: ClassVar[str] = "sami"

    @staticmethod
    def sniff(text: str) -> bool:
        return text.lstrip()[:5].upper() == "<SAMI"

    @staticmethod
    def read(text: str, path: str) -> Parsed:
        return read_subtitles(text, path, Sami.name)

    @staticmethod
    def write(segments: Sequence[Segment], source_format: str) -> str:
        """One ``<SYNC>`` per cue, and an empty one where a cue ends before the next starts.

        SAMI has no end times and shows one caption at a time: a cue that
        overlaps the next one ends where the next one starts.
        """
        times = writable_times(segments, "SAMI")
        shown = [(t, cue_lines(s.text)) for s, t in zip(segments, times)]
        shown = [(t, lines) for t, lines in shown if lines]
        syncs = []
        for k, ((start, end), lines) in enumerate(shown):
            body = "<br>".join(_sami_text(line) for line in lines)
            syncs.append(f"<SYNC Start={start}><P Class=ENCC>{body}</P></SYNC>")
            following = shown[k + 1][0][0] if k + 1 < len(shown) else None
            if following is None or end < following:
                syncs.append(f"<SYNC Start={end}><P Class=ENCC>&nbsp;</P></SYNC>")
        head = (
            '<SAMI>\n<HEAD>\n<STYLE TYPE="text/css">\n<!--\n'
            "P { margin-left: 8pt; margin-right: 8pt; text-align: center; }\n"
            ".ENCC { Name: English; lang: en-US; }\n-->\n</STYLE>\n</HEAD>\n<BODY>\n"
        )
        return head + "\n".join(syncs) + "\n</BODY>\n</SAMI>\n"


def _sami_text(line: str) -> str:
    # Braces would be read as style overrides, as in the pysubs2 formats.
    return html.escape(line.replace("{", "(").replace("}", ")"), quote=False)


FORMATS = (Ass, Ssa, Ttml, Sami, MicroDvd, Mpl2)
"""Every format of this module: each reads and writes."""
