"""Where an aligned article passage puts a name in the transcript: the words said in its place."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from ..models import Reference
from ..normalize import text_words
from .candidates import Candidate
from .words import MAX_CONTEXT_OCCURRENCES, MAX_SPAN, Anchor, reaching


def slots(
    cand: Candidate,
    references: Sequence[Reference],
    anchors: Sequence[Sequence[Anchor]],
    said: Sequence[str],
    owner: Sequence[int],
) -> frozenset[tuple[int, int]]:
    """Transcript tokens ``[first, last)`` said exactly where an article passage has the name.

    The two article words before the name and the two after are found next
    to each other in the transcript, at the place an aligned passage puts
    them, with 1 to :data:`MAX_SPAN` tokens between: those tokens are what
    the speaker said in the name's place ("we met with mister pet ink oh this
    morning" for "we met with Mr. Petenko this morning").
    """
    out: set[tuple[int, int]] = set()
    for number, start, end in cand.occurrences[:MAX_CONTEXT_OCCURRENCES]:
        if number >= len(anchors) or not anchors[number]:
            continue
        tw = text_words(references[number].text)
        u0 = tw.first_unit[bisect_left(tw.starts, start)]
        u1 = tw.first_unit[bisect_left(tw.starts, end)]
        left, right = tw.units[u0 - 2 : u0], tw.units[u1 : u1 + 2]
        if u0 < 2 or len(right) < 2:
            continue
        for first, at, _ in reaching(anchors[number], u0, SLOT_REACH):
            slot = _slot(said, owner, at + (u0 - first), left, right)
            if slot is not None:
                out.add(slot)
                break
    return frozenset(out)


SLOT_REACH = 3
"""How many units around an aligned passage a name's slot is looked for."""


def _slot(
    said: Sequence[str], owner: Sequence[int], near: int, left: Sequence[str], right: Sequence[str]
) -> tuple[int, int] | None:
    """The tokens between ``left`` and ``right`` in the transcript units around ``near``."""
    n = len(said)
    for shift in sorted(range(-SLOT_REACH, SLOT_REACH + 1), key=abs):
        p = near + shift
        if p < 2 or p >= n or tuple(said[p - 2 : p]) != tuple(left):
            continue
        for q in range(p + 1, min(n - 1, p + MAX_SPAN + 2)):
            if tuple(said[q : q + 2]) != tuple(right):
                continue
            first, last = owner[p], owner[q - 1] + 1
            if owner[p - 1] != first and owner[q] != last - 1 and last - first <= MAX_SPAN:
                return first, last
            break  # the seam falls inside a token, or too many words: try another place
    return None
