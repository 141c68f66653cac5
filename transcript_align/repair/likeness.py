"""How alike a heard span and a name are, in spelling and in sound."""

from __future__ import annotations

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import JaroWinkler, Levenshtein

from ..similarity import sound_key, sound_similarity

MIN_SIMILARITY = 0.7
"""Spans less alike than this to a candidate are not considered at all (unless said in
its slot: see ``guards.SLOT_SIMILARITY``)."""


def likeness_batch(
    keys: list[str], sounds: list[str], cand_keys: list[str], cand_sounds: list[str]
) -> np.ndarray:
    """The similarity of :func:`likeness` for many pairs at once (same formula)."""
    if not keys:
        return np.zeros(0)
    ratio = process.cpdist(keys, cand_keys, scorer=fuzz.ratio, dtype=np.float64) / 100
    jw = process.cpdist(keys, cand_keys, scorer=JaroWinkler.similarity, dtype=np.float64)
    metaphone = 1 - process.cpdist(
        sounds, cand_sounds, scorer=Levenshtein.normalized_distance, dtype=np.float64
    )
    metaphone[[n for n, s in enumerate(cand_sounds) if not s]] = 0.0
    ka = [sound_key(k) for k in keys]
    kb = [sound_key(k) for k in cand_keys]
    spoken = 1 - process.cpdist(ka, kb, scorer=Levenshtein.normalized_distance, dtype=np.float64)
    spoken[[n for n, (a, b) in enumerate(zip(ka, kb)) if not a or not b]] = 0.0
    heard = np.maximum(metaphone, spoken)
    out: np.ndarray = 0.4 * ratio + 0.4 * heard + 0.2 * jw
    return out


def likeness(key: str, sound: str, cand_key: str, cand_sound: str) -> tuple[float, float]:
    """(similarity, sound likeness) of two keys: spelling and sound together."""
    ratio = fuzz.ratio(key, cand_key) / 100
    jw = JaroWinkler.similarity(key, cand_key)
    metaphone = 1 - Levenshtein.normalized_distance(sound, cand_sound) if cand_sound else 0.0
    heard = max(metaphone, sound_similarity(key, cand_key))
    return 0.4 * ratio + 0.4 * heard + 0.2 * jw, heard
