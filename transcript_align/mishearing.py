"""How plausible it is that a recogniser wrote one set of words when another was said.

Repair asks this of every place where an article has a name or rare word and the
transcript has something else: a sound-level edit ("Baines" → "beans"), a split into
common words ("Oyelaran" → "oh yellow ran") or an acronym read letter by letter
("FINRA" → "fin ra") is a mishearing; "four" for "five" is a different word.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from .lexicon import NUMBER_WORDS
from .normalize import fold
from .similarity import sound_key

THRESHOLD = 0.5
"""From this score on, :func:`explains` takes a mishearing as the explanation."""

_LETTER_NAMES = {
    "a": "ay", "b": "bee", "c": "see", "d": "dee", "e": "ee", "f": "ef", "g": "jee",
    "h": "aitch", "i": "eye", "j": "jay", "k": "kay", "l": "el", "m": "em", "n": "en",
    "o": "oh", "p": "pee", "q": "cue", "r": "ar", "s": "es", "t": "tee", "u": "you",
    "v": "vee", "w": "doubleyou", "x": "ex", "y": "why", "z": "zee",
}  # fmt: skip


def _words(text: str) -> list[str]:
    return ["".join(c for c in w if c.isalnum()) for w in fold(text).lower().split()]


def _spelled(word: str) -> str:
    return "".join(_LETTER_NAMES.get(c, c) for c in word)


@lru_cache(maxsize=200_000)
def misheard(said: str, heard: str) -> float:
    """How plausible it is (0..1, calibrated probability-like) that a recogniser wrote
    ``heard`` (one or more words) when ``said`` (one or more words) was spoken."""
    s_words = [w for w in _words(said) if w]
    h_words = [w for w in _words(heard) if w]
    if not s_words or not h_words:
        return 0.0
    if s_words == h_words:
        return 1.0
    if any(w in NUMBER_WORDS or w.isdigit() for w in s_words + h_words):
        return 0.0
    heard_key = sound_key("".join(h_words))
    keys = {sound_key("".join(s_words))}
    if len(s_words) == 1 and len(s_words[0]) <= 5:
        keys.add(sound_key(_spelled(s_words[0])))  # an acronym read letter by letter
    best = max(1 - Levenshtein.normalized_distance(k, heard_key) for k in keys)
    return max(0.0, min(1.0, (best - 0.4) / 0.5))


def explains(said: str, heard: str) -> bool:
    """Whether a mishearing is a likely explanation of ``heard`` for ``said``."""
    return misheard(said, heard) >= THRESHOLD
