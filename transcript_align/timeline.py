"""Segments to the word timeline: every token with its offset and a start/end time.

A token gets the times of the source words it overlaps when the format gives
word timings; otherwise its times are interpolated inside its cue by
character position and flagged as estimated. Times are made non-decreasing
across the whole transcript (overlapping or out-of-order cues would otherwise
make quote spans run backwards).
"""

from __future__ import annotations

from collections.abc import Sequence

from .labels import label_end
from .models import Segment, Token, Word
from .normalize import spoken_units, tokenize
from .sounds import sound_tags

_EDGE_PUNCTUATION = ".,;:!?…\"'“”‘’«»()[]{}¿¡"


def build_tokens(segments: Sequence[Segment]) -> tuple[Token, ...]:
    """The word timeline of a transcript.

    >>> toks = build_tokens([Segment(0, "hello big world", 0, 1500)])
    >>> [(t.text, t.start, t.end, t.estimated) for t in toks]
    [('hello', 0, 500, True), ('big', 600, 900, True), ('world', 1000, 1500, True)]
    """
    tokens: list[Token] = []
    last_start = 0
    for seg in segments:
        last_start = _segment_tokens(seg, last_start, tokens)
    return tuple(tokens)


def rebuild_tokens(
    old: Sequence[Token], old_segments: Sequence[Segment], segments: Sequence[Segment]
) -> tuple[Token, ...]:
    """The timeline of ``segments``, reusing ``old`` tokens of segments left unchanged.

    Corrections change text, not times, so an untouched cue's tokens stay as
    they were; a cue is rebuilt when the one before it now ends later than
    its first token starts (overlapping cues).
    """
    by_segment: dict[int, list[Token]] = {}
    for tok in old:
        by_segment.setdefault(tok.segment, []).append(tok)
    tokens: list[Token] = []
    last_start = 0
    for seg, before in zip(segments, old_segments):
        reuse = by_segment.get(seg.index, [])
        first_start = next((t.start for t in reuse if t.start is not None), None)
        if seg is before and (first_start is None or first_start >= last_start):
            tokens.extend(reuse)
            last_start = max((t.start for t in reuse if t.start is not None), default=last_start)
        else:
            last_start = _segment_tokens(seg, last_start, tokens)
    return tuple(tokens)


def _segment_tokens(seg: Segment, last_start: int, tokens: list[Token]) -> int:
    """Append ``seg``'s tokens; return the start time later tokens must not precede."""
    spans = tokenize(seg.text)
    start_at = label_end(seg.text, seg.speaker)
    if start_at:
        spans = [span for span in spans if span[0] >= start_at]  # "CHAIR:" is no speech
    tags = sound_tags(seg.text)
    if tags:
        spans = [(a, b) for a, b in spans if not any(x <= a and b <= y for x, y in tags)]
    if spans:
        if seg.words:
            times = _word_times(seg.text, spans, seg.words)
            estimated = [e for _, _, e in times]
        elif seg.start is not None:
            times = _interpolate(seg.text, spans, seg.start, seg.end)
            estimated = [True] * len(spans)
        else:
            times = [(None, None, False)] * len(spans)
            estimated = [False] * len(spans)
        words = [seg.text[a:b] for a, b in spans]
        parts = spoken_units(words)
        for (a, _), (start, end, _), est, word, said in zip(spans, times, estimated, words, parts):
            if start is not None:
                start = max(start, last_start)
                end = max(end if end is not None else start, start)
                last_start = start
            tokens.append(Token(word, seg.index, a, start, end, est, said))
    return last_start


def _interpolate(
    text: str, spans: list[tuple[int, int]], start: int, end: int | None
) -> list[tuple[int | None, int | None, bool]]:
    """Spread the cue's time over its characters, from the first word to the last."""
    end = start if end is None else max(end, start)
    lo, hi = spans[0][0], spans[-1][1]
    width = max(1, hi - lo)
    span = end - start

    def at(offset: int) -> int:
        return start + round(span * (offset - lo) / width)

    return [(at(a), at(b), True) for a, b in spans]


def _word_times(
    text: str, spans: list[tuple[int, int]], words: Sequence[Word]
) -> list[tuple[int | None, int | None, bool]]:
    """Times for each token from the source words it overlaps.

    Source words are found in the cue text in order; a token inside one word
    takes that word's time (shared proportionally when a word holds several
    tokens, e.g. "twenty-eight" as given by the source is one word).
    """
    located: list[tuple[int, int, Word]] = []
    cursor = 0
    for w in words:
        needle = w.text.strip()
        if not needle:
            continue
        pos = text.find(needle, cursor)
        if pos < 0:
            continue
        # Punctuation the source attached to a word ("afternoon,") is no part of
        # the spoken word: locate its letters, so the token gets its exact time.
        core = needle.strip(_EDGE_PUNCTUATION) or needle
        lead = needle.find(core)
        located.append((pos + lead, pos + lead + len(core), w))
        cursor = pos + len(needle)
    if not located:
        starts = [w.start for w in words]
        ends = [w.end for w in words]
        return _interpolate(text, spans, min(starts), max(ends))

    out: list[tuple[int | None, int | None, bool]] = []
    j = 0
    for a, b in spans:
        while j + 1 < len(located) and located[j][1] <= a:
            j += 1
        wa, wb, w = located[j]
        if b <= wa or a >= wb:
            # A token no source word covers (rare: the text and the words disagree):
            # place it at the edge of the nearest word.
            edge = w.start if b <= wa else w.end
            out.append((edge, edge, True))
            continue
        last = j
        while last + 1 < len(located) and located[last + 1][0] < b:
            last += 1
        if last == j and (a > wa or b < wb):
            # A part of one source word: share its time by characters.
            dur = w.end - w.start
            width = max(1, wb - wa)
            s = w.start + round(dur * (max(a, wa) - wa) / width)
            e = w.start + round(dur * (min(b, wb) - wa) / width)
            out.append((s, e, True))
        else:
            estimated = any(x[2].estimated for x in located[j : last + 1])
            out.append((w.start, located[last][2].end, estimated))
    return out
