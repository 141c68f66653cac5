"""Fit the mishearing model on the Earnings-21 fitting set, and measure it.

``python -m benchmarks fit-mishearing`` reads ``../shared/bench/earnings21-train``
(21 calls, three recognisers each; see :mod:`benchmarks.misrecognitions`) and writes
``transcript_align/data/mishearing.json``. Never the six test calls of
``../shared/bench/earnings21``.

Whole calls are held out: the model (learned letter costs and logistic weights) is
fitted on 16 calls and measured on the other 5. Mishearings are what a recogniser
wrote for a name (PERSON/ORG) or rare word; genuine changes, which the model must
score low, are invented from the same calls: a common word against another common
word of like spelling ("review" / "reverse"), a name against another name of the
calls, a number against another number. Against them both the model and the likeness
repair used before it (``repair.likeness``) are measured: ROC AUC and precision at
80% and 90% recall.

What is shipped is aggregated counts and weights only, no transcript text.
"""

from __future__ import annotations

import json
import math
import random
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from num2words import num2words
from rapidfuzz.distance import Levenshtein

from transcript_align.mishearing import (
    FEATURES,
    THRESHOLD,
    Costs,
    Model,
    acronyms,
    common,
    features,
    letters,
    misheard_with,
    said_forms,
    words,
)
from transcript_align.normalize import zipf
from transcript_align.repair.likeness import MIN_SIMILARITY, likeness
from transcript_align.repair.words import name_key, name_sound
from transcript_align.similarity import is_morph_variant, sound_key

from . import HERE
from .fit_readable import fit_logistic
from .misrecognitions import NAME_TYPES, TRAIN, VENDORS, Block, blocks, calls, clean, load, tokens

MODEL = HERE.parent / "transcript_align" / "data" / "mishearing.json"
HELD_OUT_EVERY = 4
"""Every fourth call (sorted by id) is held out: 5 of 21."""
RARE = 3.0
"""Rarer than this (Zipf) is a rare word: recognisers mishear those as they do names."""
COMMON = 3.5
MIN_PAIR = 3
"""A letter confusion gets a cost of its own when seen this often."""
CHEAPEST = 0.2
"""What the most frequent confusion costs (a full edit costs 1)."""
Pair = tuple[str, str]


def split(folder: Path = TRAIN) -> tuple[list[str], list[str]]:
    """(fitted calls, held-out calls)."""
    ids = calls(folder)
    held = [c for n, c in enumerate(ids) if n % HELD_OUT_EVERY == HELD_OUT_EVERY - 1]
    return [c for c in ids if c not in held], held


def _rare(said: str) -> bool:
    return any(w.isalpha() and zipf(w) < RARE for w in words(said))


def mishearings(ids: Sequence[str], folder: Path = TRAIN) -> list[Pair]:
    """Distinct (said, heard) pairs of names and rare words the recognisers got wrong,
    leaving out those that differ only in spacing or punctuation ("G C P s")."""
    seen: dict[Pair, None] = {}
    for cid in ids:
        for vendor in VENDORS:
            for b in blocks(cid, vendor, folder):
                if (b.name or _rare(b.said)) and _differ(b):
                    seen.setdefault((b.said, b.heard), None)
    return list(seen)


def _differ(b: Block) -> bool:
    return letters("".join(words(b.said))) != letters("".join(words(b.heard)))


def genuine_changes(
    ids: Sequence[str], n: int, seed: int, folder: Path = TRAIN
) -> dict[str, list[Pair]]:
    """Invented genuine changes, by kind: common words, names, numbers (about n/3 each)."""
    rng = random.Random(seed)
    vocab: set[str] = set()
    names: set[str] = set()
    for cid in ids:
        ref = (folder / cid / "reference.txt").read_text(encoding="utf-8").split()
        vocab.update(w for w in map(clean, ref) if w.isalpha() and len(w) >= 3)
        for e in json.loads((folder / cid / "entities.json").read_text(encoding="utf-8")):
            if e["type"] in NAME_TYPES:
                names.add(e["text"])
    common = sorted(w for w in vocab if zipf(w.lower()) >= COMMON)  # as written: "Review" too
    by_first: dict[str, list[str]] = {}
    for w in common:
        by_first.setdefault(w[0].lower(), []).append(w.lower())
    out: dict[str, list[Pair]] = {"common words": [], "names": [], "numbers": []}
    while len(out["common words"]) < n // 3:
        a = rng.choice(common)
        b = rng.choice(by_first[a[0].lower()])
        if abs(len(a) - len(b)) <= 2 and sound_key(a) != sound_key(b):
            out["common words"].append((a, b))
    name_list = sorted(names)
    while len(out["names"]) < n // 3:
        a, b = rng.sample(name_list, 2)
        if letters(name_key(a)) != letters(name_key(b)):
            out["names"].append((a, b))
    while len(out["numbers"]) < n // 3:
        x = rng.randrange(1, 100)
        y = x + rng.choice((-10, -2, -1, 1, 2, 10))
        if y > 0:
            said = str(num2words(x)).replace("-", " ")
            heard = str(y) if rng.random() < 0.5 else str(num2words(y)).replace("-", " ")
            out["numbers"].append((said, heard))
    return out


def learn_costs(pairs: Sequence[Pair]) -> Costs:
    """Edit costs from how often each letter was written for another, dropped or added."""
    sub: Counter[str] = Counter()
    dele: Counter[str] = Counter()
    ins: Counter[str] = Counter()
    for said, heard in pairs:
        h = letters("".join(words(heard)))
        forms = [letters(f) for f in said_forms(words(said), acronyms(said))]
        a = min(forms, key=lambda f: Levenshtein.normalized_distance(f, h))
        for op, i, j in Levenshtein.editops(a, h):
            if op == "replace":
                sub[a[i] + h[j]] += 1
            elif op == "delete":
                dele[a[i]] += 1
            else:
                ins[h[j]] += 1

    def cost(counts: Counter[str]) -> dict[str, float]:
        top = max(counts.values(), default=1)
        return {
            k: round(1 - (1 - CHEAPEST) * (v / top) ** 0.5, 4)
            for k, v in sorted(counts.items())
            if v >= MIN_PAIR
        }

    return Costs(cost(sub), cost(dele), cost(ins))


def common_offset(ids: Sequence[str], folder: Path = TRAIN) -> float:
    """Log-odds of a common word written as another common word (not a homophone),
    minus log-odds of a name or rare word written wrong: the prior that tells a wording
    change from a mishearing where both sides are common words."""
    common_n = swapped = rare_n = rare_wrong = 0
    for cid in ids:
        for vendor in VENDORS:
            for word, name, right in tokens(load(cid, vendor, folder)):
                w = words(word)
                if name or _rare(word):
                    rare_n += 1
                    rare_wrong += not right
                elif common(w):
                    common_n += 1
            for b in blocks(cid, vendor, folder):
                s, h = words(b.said), words(b.heard)
                if len(s) == len(h) == 1 and common(s) and common(h):
                    swapped += sound_key(s[0]) != sound_key(h[0]) and not is_morph_variant(*s, *h)
    return round(_logit(swapped / common_n) - _logit(rare_wrong / rare_n), 4)


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


def auc(pos: Sequence[float], neg: Sequence[float]) -> float:
    """The chance a mishearing scores above a genuine change (ties count half)."""
    ranked = sorted([(s, 1) for s in pos] + [(s, 0) for s in neg])
    rank_sum = 0.0
    k = 0
    while k < len(ranked):
        j = k
        while j < len(ranked) and ranked[j][0] == ranked[k][0]:
            j += 1
        mid = (k + j + 1) / 2
        rank_sum += mid * sum(y for _, y in ranked[k:j])
        k = j
    n_pos, n_neg = len(pos), len(neg)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def precision_at(pos: Sequence[float], neg: Sequence[float], recall: float) -> float:
    """Precision at the highest threshold that keeps ``recall`` of the mishearings."""
    threshold = sorted(pos, reverse=True)[max(0, int(recall * len(pos) + 0.999) - 1)]
    tp = sum(1 for s in pos if s >= threshold)
    fp = sum(1 for s in neg if s >= threshold)
    return tp / (tp + fp)


def old_likeness(said: str, heard: str) -> float:
    """The likeness repair used before the model, on the same pair."""
    a, b = name_key(said), name_key(heard)
    return likeness(a, name_sound(a), b, name_sound(b))[0]


def measure(
    scorer: Callable[[str, str], float],
    threshold: float,
    pos: Sequence[Pair],
    neg: dict[str, list[Pair]],
) -> dict[str, Any]:
    """Ranking (AUC, precision at a recall) and the precision and recall at ``threshold``."""
    ps = [scorer(s, h) for s, h in pos]
    all_neg = [scorer(s, h) for pairs in neg.values() for s, h in pairs]
    tp = sum(1 for p in ps if p >= threshold)
    fp = sum(1 for p in all_neg if p >= threshold)
    return {
        "threshold": threshold,
        "precision_at_threshold": round(tp / (tp + fp), 4) if tp + fp else None,
        "recall_at_threshold": round(tp / len(ps), 4),
        "auc": round(auc(ps, all_neg), 4),
        "precision_at_recall_0.8": round(precision_at(ps, all_neg, 0.8), 4),
        "precision_at_recall_0.9": round(precision_at(ps, all_neg, 0.9), 4),
        "auc_by_kind": {
            kind: round(auc(ps, [scorer(s, h) for s, h in pairs]), 4) for kind, pairs in neg.items()
        },
    }


def fit(folder: Path = TRAIN, out: Path = MODEL) -> dict[str, Any]:
    """Fit on the fitted calls, measure on the held-out ones, write the model file."""
    fitted, held = split(folder)
    pos = mishearings(fitted, folder)
    costs = learn_costs(pos)
    neg = genuine_changes(fitted, len(pos), seed=0, folder=folder)
    neg_pairs = neg["common words"] + neg["names"]  # numbers are ruled out before the model
    xs: list[list[float]] = []
    ys: list[bool] = []
    for pairs, label in ((pos, True), (neg_pairs, False)):
        for s, h in pairs:
            x = features(s, h, costs)
            if x is not None:
                xs.append(x)
                ys.append(label)
    # Each likeness can only make a mishearing likelier: no weight below 0.
    weights = fit_logistic(xs, ys, epochs=20, nonnegative=True)
    offset = common_offset(fitted, folder)
    model = Model(tuple(weights), costs, offset)
    held_pos = mishearings(held, folder)
    held_neg = genuine_changes(held, len(held_pos), seed=1, folder=folder)
    summary = {
        "fitted_calls": len(fitted),
        "held_out_calls": len(held),
        "fitted_pairs": {"mishearings": len(pos), "genuine changes": len(neg_pairs)},
        "held_out_pairs": {
            "mishearings": len(held_pos),
            **{k: len(v) for k, v in held_neg.items()},
        },
        "model": measure(lambda s, h: misheard_with(s, h, model), THRESHOLD, held_pos, held_neg),
        "likeness": measure(old_likeness, MIN_SIMILARITY, held_pos, held_neg),
    }
    data = {
        "about": (
            "Fitted by benchmarks/fit_mishearing.py on the Earnings-21 fitting set "
            "(Rev.com and Del Rio et al. 2021, CC BY-SA 4.0), 16 of its 21 calls: "
            "aggregated letter-confusion costs and logistic weights only, no text."
        ),
        "features": list(FEATURES),
        "weights": {f: round(w, 4) for f, w in zip(FEATURES, weights)},
        "common_offset": offset,
        "costs": {"substitute": costs.substitute, "delete": costs.delete, "insert": costs.insert},
        "held_out": summary,
    }
    out.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return summary
