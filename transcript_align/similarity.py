"""How alike two words are, and why: the partial credit that lets alignment see
through recogniser noise ("Witko"/"Witkoff") without calling different words equal.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final, Literal

from rapidfuzz.distance import JaroWinkler, Levenshtein

from .lexicon import NUMBER_WORDS
from .normalize import phonetic

Kind = Literal["equal", "morph", "sound", "spelling", "split", "none"]

NEAR: Final = 0.75
"""Similarity at which two different words count as the same word misheard."""

_SUFFIXES = ("ies", "es", "s", "ed", "ing", "d", "ly")
SHORT_UNIT: Final = 3
"""Units shorter than this ("of", "a") are alike only to themselves: too short to tell a
mishearing, and never an inflection of another unit (:func:`stem` keeps three letters)."""


@lru_cache(maxsize=200_000)
def stem(unit: str) -> str:
    """A crude suffix-stripping stem, enough to see "fact"/"facts", "said"/"says" as variants."""
    for suffix in _SUFFIXES:
        if unit.endswith(suffix) and len(unit) - len(suffix) >= 3:
            base = unit[: -len(suffix)]
            return base + "y" if suffix == "ies" else base
    return unit


def is_morph_variant(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are inflections of one word (fact/facts, coordinate/coordinating)."""
    if a == b:
        return False
    sa, sb = stem(a), stem(b)
    if sa == sb:
        return True
    short, long_ = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    # "coordinat(ing)"/"coordinate", "stopp(ed)"/"stop": a dropped final e or doubled consonant.
    return (
        len(short) >= 4
        and len(long_) == len(short) + 1
        and long_.startswith(short)
        and long_[-1] in ("e", short[-1])
    )


@lru_cache(maxsize=500_000)
def unit_similarity(a: str, b: str) -> tuple[float, Kind]:
    """Similarity in [0, 1] of two normalized units, and the kind of likeness.

    >>> unit_similarity("witko", "witkoff")[1], unit_similarity("fact", "facts")[1]
    ('spelling', 'morph')
    >>> unit_similarity("into", "in")
    (0.0, 'none')
    """
    if a == b:
        return 1.0, "equal"
    if not a or not b:
        return 0.0, "none"
    if is_morph_variant(a, b):
        return 0.9, "morph"
    if min(len(a), len(b)) < SHORT_UNIT or a in NUMBER_WORDS or b in NUMBER_WORDS:
        # A changed number is never noise: "nineteen" and "ninety" differ.
        return 0.0, "none"
    jw = JaroWinkler.similarity(a, b)
    pa, pb = phonetic(a), phonetic(b)
    if pa and pa == pb and jw >= 0.75:
        return 0.85, "sound"
    if jw >= 0.88 and min(len(a), len(b)) >= 4:
        return 0.8, "spelling"
    if len(pa) >= 2 and len(pb) >= 2:
        key_sim = 1 - Levenshtein.normalized_distance(pa, pb)
        if key_sim >= 0.75 and jw >= 0.8:
            return 0.78, "sound"
    return 0.0, "none"


_RESPELL = (
    ("tch", "x"),
    ("sch", "sk"),
    ("chr", "kr"),
    ("ch", "x"),
    ("sh", "x"),
    ("ph", "f"),
    ("th", "t"),
    ("wh", "w"),
    ("gh", ""),
    ("dg", "j"),
    ("ck", "k"),
    ("qu", "kw"),
    ("q", "k"),
    ("x", "ks"),
)
_VOICING = str.maketrans("dbgvzjcy", "tpkfsxka")
_VOWELS = str.maketrans("eiou", "aaaa")
_SOFT_C = re.compile(r"c(?=[eiy])")
_SOFT_G = re.compile(r"(?<=.)g(?=[ei])", re.S)
_UNHEARD = re.compile(r"[hw](?![aeiouy])")
_REPEATED = re.compile(r"(.)\1+", re.S)
_SILENT_B = re.compile(r"(?<=m)b(?=s?$)|b(?=ts?$)")
_SILENT_L = re.compile(r"oul(?=d$)")
_SILENT_H = re.compile(r"^h(?=our|onest|onou?r|eir)")


@lru_cache(maxsize=200_000)
def sound_key(text: str) -> str:
    """A coarse respelling by sound that keeps where the vowels are.

    Metaphone drops vowels, so "oak on quo" and "Okonkwo" look far apart; here
    both become ``akankwa``. Voiced and voiceless pairs (d/t, b/p, g/k, v/f)
    and all vowels fall together, since recognisers confuse exactly those.

    >>> sound_key("oak on quo") == sound_key("Okonkwo"), sound_key("van der pool")
    (True, 'fantarpal')
    """
    word = "".join(filter(str.isalpha, text.lower()))
    if len(word) > 3 and word.endswith("e") and word[-2] not in "aeiouy":
        word = word[:-1]  # a silent final e
    for silent in ("kn", "gn", "wr", "ps"):
        if word.startswith(silent):
            word = word[1:]  # "know" sounds like "no"
    word = _SILENT_L.sub("u", _SILENT_B.sub("", word))  # "would" like "wood", "debt" like "det"
    word = _SILENT_H.sub("", word)  # "hour" like "our"
    word = _SOFT_G.sub("x", _SOFT_C.sub("s", word))
    for old, new in _RESPELL:
        word = word.replace(old, new)
    # h and w that no vowel follows are not heard: "oh raw" sounds like "ora".
    word = _UNHEARD.sub("", word)
    word = word.translate(_VOICING).translate(_VOWELS)
    return _REPEATED.sub(r"\1", word)


def sound_similarity(a: str, b: str) -> float:
    """How alike two spellings sound, from 0 to 1 (see :func:`sound_key`)."""
    ka, kb = sound_key(a), sound_key(b)
    if not ka or not kb:
        return 0.0
    return 1 - Levenshtein.normalized_distance(ka, kb)
