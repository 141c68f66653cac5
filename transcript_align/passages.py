"""Which paragraphs of an article report this event.

A round-up reports this event in a few paragraphs and other events around
them: as a whole it fails the tests of :mod:`transcript_align.relate` (too
few long runs, too few of its quotes said), yet its quotes of this event
deserve a verdict. A *passage* of a few neighbouring paragraphs reports this
event when several of its quotes were said here, each at one place only: a
speaker's stock phrase ("we will not give up on the people of …") is said
again and again, at every event, and proves nothing about which one an
article reports. Quotes outside such passages stay ``not_found``.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .models import Reference
from .quotes import paragraph_spans

WINDOW = 3
"""Neighbouring paragraphs that make one passage."""
MIN_SAID = 2
"""Quotes of a passage that must have been said, each at one place."""
SAID_SHARE = 0.5
"""Share of a passage's checkable quotes that must have been said."""


@dataclass(frozen=True)
class Passages:
    """The paragraphs (indices into the blank-line separated body) that report this event."""

    reporting: tuple[int, ...]
    said: int
    checked: int


@lru_cache(maxsize=4096)
def paragraph_starts(text: str) -> tuple[int, ...]:
    """Where each paragraph of ``text`` starts: its non-blank lines, as quotes are read
    (a reference body separates them with blank lines). Cached: several stages ask.

    >>> paragraph_starts("One.\\n\\nTwo, three.\\n\\n")
    (0, 6)
    """
    return tuple(a for a, _ in paragraph_spans(text))


def paragraph_at(starts: Sequence[int], pos: int) -> int:
    """The paragraph holding character ``pos`` (the one before it, between two)."""
    return max(0, bisect.bisect_right(starts, pos) - 1)


def reporting_passages(reference: Reference, said: Sequence[bool | None]) -> Passages | None:
    """The paragraphs around the best window of quotes said here, if any window qualifies.

    ``said`` holds, for each quote of ``reference``, whether it was said here at
    one place (``None``: too short to tell). The passage runs from the first to
    the last paragraph with a quote said: a quote in the paragraph next to it
    may be another event's, and precision comes first.
    """
    starts = paragraph_starts(reference.text)
    if not starts:
        return None
    per: dict[int, list[bool]] = {}
    for quote, s in zip(reference.quotes, said):
        if s is not None:
            per.setdefault(paragraph_at(starts, quote.start), []).append(s)
    best: tuple[int, int, int, int] | None = None  # (said, first, size, checked)
    for first in sorted(per):
        for size in range(1, WINDOW + 1):
            window = [v for p in range(first, first + size) for v in per.get(p, [])]
            n_said = sum(window)
            if n_said < MIN_SAID or n_said < SAID_SHARE * len(window):
                continue
            if best is None or (n_said, -len(window)) > (best[0], -best[3]):
                best = (n_said, first, size, len(window))
    if best is None:
        return None
    n_said, first, size, checked = best
    in_window = [p for p in range(first, first + size) if any(per.get(p, []))]
    return Passages(tuple(range(min(in_window), max(in_window) + 1)), n_said, checked)
