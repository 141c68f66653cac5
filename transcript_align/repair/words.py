"""How the repair step compares words: letter keys, sound keys, titles, possessives."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import pairwise

from ..normalize import fold, phonetic

COMMON = 3.5
"""Zipf frequency from which a word counts as common English (probably heard right)."""
VERY_COMMON = 5.0
"""Words this frequent ("help", "things") are never replaced."""
MAX_SPAN = 3
MAX_CONTEXT_OCCURRENCES = 30
"""Context is read around this many occurrences of a name at most (it saturates quickly)."""
TITLES = frozenset(
    "mister missus ms doctor president secretary minister senator general "
    "governor mayor chancellor envoy ambassador judge professor chairman chairwoman chair "
    "ceo cfo director commissioner spokesman spokeswoman spokesperson councillor councilor "
    "alderman congressman congresswoman superintendent inspector detective sergeant "
    "constable lieutenant colonel admiral bishop reverend rabbi sheriff".split()
)
HONORIFICS = frozenset(
    (u,) for u in ("mister", "missus", "ms", "miss", "doctor", "councillor", "councilor")
)
CLAUSE_WORDS = frozenset(("please", "thanks"))
"""Words that open or close a clause of their own ("Dowell, please go ahead"): said
beside a name, never a syllable of it."""
CLAUSE_PHRASES = frozenset(
    (
        ("thank", "you"),
        ("go", "ahead"),
        ("good", "morning"),
        ("good", "afternoon"),
        ("good", "evening"),
        ("all", "right"),
        ("excuse", "me"),
    )
)
"""Pairs of words that together open or close a clause ("thank you", "go ahead"): either
word, standing in one, is no part of a name."""
POSSESSIVE = re.compile(r"['’]s$")
_NOT_LETTER = re.compile(r"[^a-z]")
Anchor = tuple[int, int, int]
"""A stretch of an article said in the transcript: first article unit, first transcript
unit, length in units."""


class Runs(tuple[Anchor, ...]):
    """One article's anchors, as a tuple, that also finds those near an article unit
    without reading them all (a name occurs many times, an article has many runs)."""

    starts: list[int]
    ends: list[int]
    ordered: bool
    """Whether starts and ends both only grow (runs found in order do not overlap)."""

    def __new__(cls, anchors: Iterable[Anchor]) -> Runs:
        runs = super().__new__(cls, anchors)
        runs.starts = [a[0] for a in runs]
        runs.ends = [a[0] + a[2] for a in runs]
        runs.ordered = all(x <= y for x, y in pairwise(runs.starts)) and all(
            x <= y for x, y in pairwise(runs.ends)
        )
        return runs


def reaching(anchors: Sequence[Anchor], unit: int, reach: int) -> list[Anchor]:
    """The anchors, in their order, that come within ``reach`` units of article unit
    ``unit`` (``first - reach <= unit < first + length + reach``)."""
    if isinstance(anchors, Runs) and anchors.ordered:
        lo = bisect_right(anchors.ends, unit - reach)
        anchors = anchors[lo : bisect_right(anchors.starts, unit + reach)]
    return [a for a in anchors if a[0] - reach <= unit < a[0] + a[2] + reach]


def strip_possessive(text: str) -> str:
    return POSSESSIVE.sub("", text)


@lru_cache(maxsize=200_000)
def name_key(text: str) -> str:
    """Letters only, lowercase, accents folded: how a name is compared ("Mr. O'Neil" → mroneil).
    An ampersand is the word said for it ("PP&E" → ppande: not "PPE", another name)."""
    return _NOT_LETTER.sub("", fold(text).lower().replace("&", "and"))


def is_joined(text: str) -> bool:
    """Whether a name is one written word said as several: letters joined by an
    ampersand ("M&A" is said "m and a", "SG&A", "AT&T")."""
    return "&" in text and " " not in text


@lru_cache(maxsize=200_000)
def name_sound(key: str) -> str:
    return phonetic(key) if key.isalpha() else key


def clause_word(words: Sequence[str], k: int) -> bool:
    """Whether ``words[k]`` (as written) opens or closes a clause of its own: one of
    :data:`CLAUSE_WORDS`, or a word of one of :data:`CLAUSE_PHRASES` standing with the
    other ("go" in "dow go ahead", not in "rush go")."""
    keys = [name_key(w) for w in words[max(0, k - 1) : k + 2]]
    at = min(k, 1)
    if keys[at] in CLAUSE_WORDS:
        return True
    return any(pair in CLAUSE_PHRASES for pair in pairwise(keys))
