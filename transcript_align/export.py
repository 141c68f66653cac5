"""Applying corrections to the transcript's text while keeping every original timing."""

from __future__ import annotations

from collections.abc import Sequence

from .formats import write_segments
from .models import Correction, Segment, Transcript


def corrected_segments(
    transcript: Transcript, corrections: Sequence[Correction]
) -> tuple[Segment, ...]:
    """The transcript's segments with applied corrections spliced into their text.

    Only applied corrections change text; cue times and every other character
    of the cue stay as they were.
    """
    edits: dict[int, list[tuple[int, int, str]]] = {}
    for c in corrections:
        if not c.applied:
            continue
        first, last = transcript.tokens[c.first], transcript.tokens[c.last - 1]
        if first.segment != last.segment:
            # A span over a cue boundary: the new text goes in the first cue,
            # the rest of the span is removed from the following ones.
            edits.setdefault(first.segment, []).append(
                (first.offset, len(transcript.segments[first.segment].text), c.corrected)
            )
            for middle in range(first.segment + 1, last.segment):
                edits.setdefault(middle, []).append((0, len(transcript.segments[middle].text), ""))
            edits.setdefault(last.segment, []).append((0, last.offset + len(last.text), ""))
        else:
            edits.setdefault(first.segment, []).append(
                (first.offset, last.offset + len(last.text), c.corrected)
            )
    out = []
    for seg in transcript.segments:
        text = seg.text
        for a, b, new in sorted(edits.get(seg.index, ()), reverse=True):
            text = text[:a] + new + text[b:]
        out.append(
            Segment(seg.index, text, seg.start, seg.end, (), seg.speaker)
            if seg.index in edits
            else seg
        )
    return tuple(out)


def export_transcript(
    transcript: Transcript, corrections: Sequence[Correction], writer: str
) -> str:
    """The corrected transcript rendered by a writer (``txt``, ``srt``, ``vtt``, ``json``)."""
    return write_segments(corrected_segments(transcript, corrections), writer, transcript.format)
