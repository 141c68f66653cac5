"""The confidence of a repair: a logistic model over its evidence."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Features:
    """What the confidence of one (span, candidate) pair is computed from."""

    similarity: float
    sound: float
    suspicion: float
    common_changed: int
    context: int
    title: bool
    capitalised: bool
    count: int
    known: bool
    real_word: float
    name: bool
    split: bool
    length: int
    repeats: int
    neighbour: bool = False
    aligned: bool = False
    slot: bool = False
    regrouped: bool = False
    echo: bool = False
    cut: bool = False
    best: bool = True
    block: bool = False
    """Said where the word alignment of an aligned passage has the name."""
    solid: float = 0.0
    """How solid that alignment is around it (0..1)."""
    misheard: float = 0.0
    """How plausibly a recogniser wrote the span for the name (0..1), by the mishearing
    model fitted on real recognisers."""
    named: float = 0.0
    """The same plausibility where the name's place is known outside any passage: one
    word beside a rest of the name that is no common word ("catherine Pollaske"), or every
    word of the name heard one word or run of words for each ("dorota sipping")."""


@dataclass(frozen=True, slots=True)
class BlockFit:
    """A span said where an aligned passage has the name: how sure the place, how
    plausible the mishearing."""

    solid: float
    misheard: float
    whole: bool = False
    """Placed only by a short quote heard whole beside the name (``aligned._quote_edge``)."""


EXPLAINED = 0.8
"""From this plausibility of a mishearing (:mod:`..mishearing`) on, a block's words are
well explained as the name misheard."""

# The confidence model's weights (logistic), fitted by benchmarks/calibrate.py on generated
# events and the Earnings-21 fitting set (Amazon; every other block of turns as the article,
# and an article quoting every other sentence).
WEIGHTS = {
    "bias": -16.09,
    "aligned": 1.24,
    "best": 4.30,
    "block": 1.63,
    "capitalised": 1.01,
    "common_changed": 0.00,
    "context": 1.34,
    "count": 0.00,
    "cut": 4.97,
    "echo": 1.36,
    "known": -1.00,
    "length": 0.00,
    "misheard": 0.03,
    # Set, not fitted (``calibrate.PRIORS``): where a passage matches on both sides of
    # the words, more than one side alone can give, only the name was said there.
    "enclosed": 2.0,
    # Set, not fitted: words the mishearing model explains well (``EXPLAINED``) where an
    # aligned passage has the name; on the fitting data such pairs, their best reading,
    # were right 99% of the time, at one edge of a passage as between matched words.
    "explained": 2.0,
    # Set, not fitted: words the mishearing model explains well beside a rare rest of the
    # name, or a whole name heard word for word: there no other name is likelier meant.
    "named": 2.0,
    "name": 0.00,
    "neighbour": 2.60,
    "real_word": -0.08,
    "regrouped": 1.01,
    "repeats": 0.00,
    "similarity": 7.55,
    "slot": 1.07,
    "solid": 0.92,
    "sound": 4.23,
    "split": -0.16,
    "suspicion": 1.50,
    "title": 0.72,
}


def feature_vector(f: Features) -> dict[str, float]:
    """The features as numbers of similar scale, in the order the weights name them."""
    return {
        "similarity": f.similarity,
        "sound": f.sound,
        "suspicion": f.suspicion,
        "real_word": min(f.real_word, 6.0) / 6.0,
        "common_changed": float(f.common_changed),
        "context": min(f.context, 4) / 4,
        "title": float(f.title),
        "capitalised": float(f.capitalised),
        "count": math.log1p(f.count),
        "known": float(f.known),
        "name": float(f.name),
        "split": float(f.split),
        "length": min(f.length, 12) / 12,
        "repeats": math.log1p(f.repeats),
        "neighbour": float(f.neighbour),
        "aligned": float(f.aligned),
        "slot": float(f.slot),
        "regrouped": float(f.regrouped),
        "echo": float(f.echo),
        "cut": float(f.cut),
        "best": float(f.best),
        "block": float(f.block),
        "solid": f.solid,
        "misheard": f.misheard,
        "enclosed": float(f.block and f.solid > 0.5),
        "explained": float(f.block and f.misheard >= EXPLAINED),
        "named": float(f.named >= EXPLAINED),
    }


def confidence(f: Features) -> float:
    """Probability-like confidence that a repair is right."""
    z = WEIGHTS["bias"] + sum(WEIGHTS[k] * v for k, v in feature_vector(f).items())
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
