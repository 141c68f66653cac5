"""The naive baseline: each quote fuzzy-matched over the whole transcript string.

Per quote, rapidfuzz ``fuzz.partial_ratio_alignment(quote, transcript)`` on
lower-cased text without punctuation; the quote counts as found when the
score reaches :data:`THRESHOLD`. Cost grows with quotes × transcript length.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import fuzz

THRESHOLD = 80.0
_NOT_WORD = re.compile(r"[^\w\s']+")


def normalize(text: str) -> str:
    """Lowercase, punctuation removed, white space collapsed."""
    return " ".join(_NOT_WORD.sub(" ", text.lower()).split())


def naive(
    quotes: Iterable[str], transcript: str, threshold: float = THRESHOLD
) -> list[tuple[bool, float]]:
    """``(found, score)`` for each quote."""
    target = normalize(transcript)
    out = []
    for q in quotes:
        query = normalize(q)
        if not query:
            out.append((False, 0.0))
            continue
        found = fuzz.partial_ratio_alignment(query, target)
        score = found.score if found is not None else 0.0
        out.append((score >= threshold, score))
    return out
