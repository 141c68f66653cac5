"""Applying corrections to the transcript's text while keeping every original timing.

A correction names tokens ``[first, last)``; tokens know their segment and
character offset, so a correction becomes one :class:`Edit` per cue it touches
and nothing else in the cue moves. Cue times never change. When the source
gave word timings, the words outside an edit are kept as they were and the
edited words become one :class:`~transcript_align.models.Word` carrying their
times, so a writer that emits word timings still has real ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import groupby

from .formats import write_segments
from .models import Correction, Segment, Token, Transcript, Word


@dataclass(frozen=True, slots=True)
class Edit:
    """Characters ``[start, end)`` of segment ``segment`` become ``text``."""

    segment: int
    start: int
    end: int
    text: str
    correction: Correction


def correction_edits(transcript: Transcript, correction: Correction) -> tuple[Edit, ...]:
    """Where one correction lands in the segments' text: one edit per cue it touches.

    A span inside one cue is replaced as a whole. A span over a cue boundary
    keeps each cue's share when the corrected text has one word per token
    ("Kaya | Callas" -> "Kaja | Kallas"), so the words stay in the cue where
    they were said; otherwise the corrected text goes in the first cue and the
    rest of the span is removed from the following ones.
    """
    tokens = transcript.tokens
    if not 0 <= correction.first < correction.last <= len(tokens):
        raise ValueError(
            f"correction span [{correction.first}, {correction.last}) is outside the "
            f"transcript's {len(tokens)} tokens"
        )
    span = tokens[correction.first : correction.last]
    groups = [list(g) for _, g in groupby(span, key=lambda t: t.segment)]
    if len(groups) == 1:
        edit = _edit(groups[0], correction.corrected, correction)
        if correction.kind in ("casing", "punctuation"):
            # The original is the word with the punctuation glued after it: both are replaced.
            text = segment_at(transcript, edit.segment).text
            if text.startswith(correction.original, edit.start):
                edit = replace(edit, end=edit.start + len(correction.original))
        return (edit,)
    words = correction.corrected.split()
    if len(words) == len(span):
        out = []
        used = 0
        for group in groups:
            out.append(_edit(group, " ".join(words[used : used + len(group)]), correction))
            used += len(group)
        return tuple(out)
    first = _edit(groups[0], correction.corrected, correction)
    rest = [_removal(transcript, group, correction) for group in groups[1:]]
    return (first, *rest)


def applied_edits(
    transcript: Transcript, corrections: Iterable[Correction]
) -> dict[int, list[Edit]]:
    """The edits of every applied correction, by segment index, in text order.

    Corrections are taken as :func:`taken_corrections` takes them.
    """
    by_segment: dict[int, list[Edit]] = {}
    for c in taken_corrections(corrections):
        for edit in correction_edits(transcript, c):
            by_segment.setdefault(edit.segment, []).append(edit)
    for edits in by_segment.values():
        edits.sort(key=lambda e: (e.start, e.end))
    return by_segment


def taken_corrections(corrections: Iterable[Correction]) -> list[Correction]:
    """The applied corrections that are spliced in, in token order.

    One that overlaps a correction already taken is left out, since two
    repairs of the same words cannot both be spliced in.
    """
    taken: list[Correction] = []
    for c in sorted((c for c in corrections if c.applied), key=lambda c: (c.first, c.last)):
        if taken and c.first < taken[-1].last:
            continue
        taken.append(c)
    return taken


def original_offset(edits: Sequence[Edit], offset: int, *, end: bool = False) -> int:
    """Where a character offset of a corrected segment falls in the segment as written.

    ``edits`` are the segment's applied edits in text order, as
    :func:`applied_edits` gives them. An offset inside replaced text maps to
    the edge of what it replaced: its start for a word's start, its end for a
    word's end (``end=True``), so a repaired word covers the words it replaced.
    """
    shift = 0
    for e in edits:
        new_start = e.start + shift
        new_end = new_start + len(e.text)
        if offset < new_start or (end and offset == new_start):
            break
        if offset < new_end or (end and offset == new_end):
            return e.end if end else e.start
        shift += len(e.text) - (e.end - e.start)
    return offset - shift


def corrected_segments(
    transcript: Transcript, corrections: Sequence[Correction]
) -> tuple[Segment, ...]:
    """The transcript's segments with applied corrections spliced into their text.

    Only applied corrections change text; cue times and every other character
    of the cue stay as they were. A segment no correction touches is returned
    as the very same object.
    """
    edits = applied_edits(transcript, corrections)
    return tuple(
        _apply(seg, edits[seg.index], transcript.tokens) if seg.index in edits else seg
        for seg in transcript.segments
    )


def export_transcript(
    transcript: Transcript, corrections: Sequence[Correction], writer: str
) -> str:
    """The corrected transcript rendered by a writer (an id of ``formats.WRITERS``: ``srt``…)."""
    return write_segments(corrected_segments(transcript, corrections), writer, transcript.format)


def _edit(group: list[Token], text: str, correction: Correction) -> Edit:
    first, last = group[0], group[-1]
    return Edit(first.segment, first.offset, last.offset + len(last.text), text, correction)


def _removal(transcript: Transcript, group: list[Token], correction: Correction) -> Edit:
    """Remove a cue's share of a span; at the start of the cue, the space after it goes too."""
    edit = _edit(group, "", correction)
    text = segment_at(transcript, edit.segment).text
    end = edit.end
    if not text[: edit.start].strip():
        while end < len(text) and text[end].isspace():
            end += 1
    return replace(edit, end=end)


def segment_at(transcript: Transcript, index: int) -> Segment:
    """The segment whose index is ``index`` (its position, unless segments were dropped)."""
    seg = transcript.segments[index] if index < len(transcript.segments) else None
    if seg is not None and seg.index == index:
        return seg
    return next(s for s in transcript.segments if s.index == index)


def _apply(seg: Segment, edits: list[Edit], tokens: Sequence[Token]) -> Segment:
    text = seg.text
    for e in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[: e.start] + e.text + text[e.end :]
    words = _retime(seg, edits, tokens) if seg.words else ()
    return replace(seg, text=text, words=words)


def _retime(seg: Segment, edits: list[Edit], tokens: Sequence[Token]) -> tuple[Word, ...]:
    """The segment's words after the edits: untouched words as they were, one word per edit."""
    located = _locate(seg.text, seg.words)
    items: list[tuple[int, int, Word]] = []  # (offset, order, word): sorted into text order
    consumed: set[int] = set()
    for e in edits:
        hit = [
            i for i, span in enumerate(located) if span and span[0] < e.end and span[1] > e.start
        ]
        consumed.update(hit)
        if not e.text:
            continue
        if hit:
            first, last = seg.words[hit[0]], seg.words[hit[-1]]
            start = min(seg.words[i].start for i in hit)
            end = max(seg.words[i].end for i in hit)
            # Keep the source's spacing convention (e.g. json3 words carry a leading space).
            lead = first.text[: len(first.text) - len(first.text.lstrip())]
            trail = last.text[len(last.text.rstrip()) :]
            estimated = any(seg.words[i].estimated for i in hit)
            items.append((e.start, 0, Word(lead + e.text + trail, start, end, estimated)))
            continue
        times = _span_times(seg, e, tokens)
        if times is not None:
            # Times not taken from a source word are the timeline's estimates.
            items.append((e.start, 0, Word(e.text, *times, estimated=True)))
    offset = 0
    for i, (word, span) in enumerate(zip(seg.words, located)):
        if i in consumed:
            continue
        if span:
            offset = span[0]
        # A word that could not be found in the text stays after the word before it.
        items.append((offset, 1, word))
    items.sort(key=lambda item: (item[0], item[1]))
    return tuple(word for _, _, word in items)


def _span_times(seg: Segment, edit: Edit, tokens: Sequence[Token]) -> tuple[int, int] | None:
    """Times of the tokens an edit covers, when no source word could be matched to them."""
    c = edit.correction
    inside = [t for t in tokens[c.first : c.last] if t.segment == seg.index]
    starts = [t.start for t in inside if t.start is not None]
    ends = [t.end for t in inside if t.end is not None]
    if starts and ends:
        return min(starts), max(ends)
    if seg.start is not None and seg.end is not None:
        return seg.start, seg.end
    return None


def _locate(text: str, words: Sequence[Word]) -> list[tuple[int, int] | None]:
    """Each source word's character span in the cue text, found in order (as the timeline does)."""
    out: list[tuple[int, int] | None] = []
    cursor = 0
    for w in words:
        needle = w.text.strip()
        pos = text.find(needle, cursor) if needle else -1
        if pos < 0:
            out.append(None)
            continue
        out.append((pos, pos + len(needle)))
        cursor = pos + len(needle)
    return out
