"""How the repair step compares words: letter keys, sound keys, titles, possessives."""

from __future__ import annotations

import re
from functools import lru_cache

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
    "ceo cfo director commissioner spokesman spokeswoman spokesperson".split()
)
HONORIFICS = frozenset((u,) for u in ("mister", "missus", "ms", "miss", "doctor"))
POSSESSIVE = re.compile(r"['’]s$")
_NOT_LETTER = re.compile(r"[^a-z]")
Anchor = tuple[int, int, int]
"""A stretch of an article said in the transcript: first article unit, first transcript
unit, length in units."""


def strip_possessive(text: str) -> str:
    return POSSESSIVE.sub("", text)


@lru_cache(maxsize=200_000)
def name_key(text: str) -> str:
    """Letters only, lowercase, accents folded: how a name is compared ("Mr. O'Neil" → mroneil)."""
    return _NOT_LETTER.sub("", fold(text).lower())


@lru_cache(maxsize=200_000)
def name_sound(key: str) -> str:
    return phonetic(key) if key.isalpha() else key
