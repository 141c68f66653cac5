"""Fit the readable transcript's sentence model on the Earnings-21 fitting set.

``python -m benchmarks fit-readable`` reads ``../shared/bench/earnings21-train``
(21 calls: human references, cased and punctuated, aligned to Amazon
Transcribe's timed words) and writes ``transcript_align/data/readable.json``.
Never the six test calls of ``../shared/bench/earnings21``.

What is shipped is aggregated statistics only, no text: pause-interval
weights; smoothed log-odds of a sentence ending after a word, before a word
and between a word pair (words seen often enough, in several calls); the
openers after which a sentence is mostly a question or takes a comma; and the
words written with a capital mid-sentence nearly always.

The word log-odds that feed the logistic weights are cross-fitted (tables
from one half of the calls, examples from the other), so the weights learn
how much a table is worth on calls it has not seen.
"""

from __future__ import annotations

import json
import math
import random
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from transcript_align.formats.words_json import TimedWord, group_words
from transcript_align.readable import (
    SINCE_EDGES,
    WEIGHT_NAMES,
    Boundary,
    Unit,
    boundary,
    key,
    pause_bucket,
)

from . import HERE

TRAIN = HERE.parents[1] / "shared" / "bench" / "earnings21-train"
MODEL = HERE.parent / "transcript_align" / "data" / "readable.json"
PAUSE_EDGES = (50, 150, 300, 500, 800, 1200)
SMOOTH = 20.0
MIN_WORD = 30
"""A word's log-odds are kept when it was seen this often (and in MIN_CALLS calls)."""
MIN_PAIR = 15
MIN_CALLS = 3
MIN_OPENER = 15
_STRIP = re.compile(r"^[^\w]+|[^\w]+$")


@dataclass(frozen=True)
class Example:
    """One gap between two recognised words, with the reference's verdict on it."""

    boundary: Boundary
    end: bool
    call: str


def load_call(folder: Path, cid: str) -> tuple[list[Example], list[str]]:
    """The gaps of one call (lowercased recogniser words, as the tool would get them)."""
    d = folder / cid
    asr = json.loads((d / "asr-amazon.json").read_text(encoding="utf-8"))
    rows = json.loads((d / "alignment-amazon.json").read_text(encoding="utf-8"))
    ref = (d / "reference.txt").read_text(encoding="utf-8").split()
    ends = [False] * len(asr)
    for tok, (op, _first, last) in zip(ref, rows):
        if op in ("C", "S") and last is not None and tok[-1:] in ".?!":
            ends[last] = True
    words = [
        TimedWord(
            w["w"].lower(), round(w["start"] * 1000), round(w["end"] * 1000), str(w.get("spk"))
        )
        for w in asr
        if w["w"].strip()
    ]
    kept = [i for i, w in enumerate(asr) if w["w"].strip()]
    units: list[Unit] = []
    for seg in group_words(words):
        for w in seg.words:
            n = len(units)
            units.append(Unit(n, n + 1, w.text, "", w.start, w.end, True, seg.index, seg.speaker))
    examples = []
    since = 0
    for n in range(len(units) - 1):
        since += 1
        examples.append(Example(boundary(units, n, since), ends[kept[n]], cid))
        if ends[kept[n]]:
            since = 0
    return examples, ref


def log_odds(
    counts: dict[str, tuple[int, int, set[str]]], base: float, min_n: int
) -> dict[str, float]:
    """Smoothed log-odds of a sentence end, relative to the base rate, for frequent keys."""
    prior = math.log(base / (1 - base))
    out: dict[str, float] = {}
    for k, (n, pos, calls) in sorted(counts.items()):
        if n < min_n or len(calls) < MIN_CALLS:
            continue
        p = (pos + SMOOTH * base) / (n + SMOOTH)
        out[k] = round(math.log(p / (1 - p)) - prior, 3)
    return out


def tables(examples: Iterable[Example]) -> tuple[dict[str, float], ...]:
    ex = list(examples)
    base = sum(e.end for e in ex) / len(ex)
    end: dict[str, list[Any]] = defaultdict(lambda: [0, 0, set()])
    start: dict[str, list[Any]] = defaultdict(lambda: [0, 0, set()])
    pair: dict[str, list[Any]] = defaultdict(lambda: [0, 0, set()])
    end2: dict[str, list[Any]] = defaultdict(lambda: [0, 0, set()])
    start2: dict[str, list[Any]] = defaultdict(lambda: [0, 0, set()])
    for e in ex:
        b = e.boundary
        for table, k in (
            (end, b.before),
            (start, b.after),
            (pair, f"{b.before} {b.after}"),
            (end2, b.before2),
            (start2, b.after2),
        ):
            row = table[k]
            row[0] += 1
            row[1] += e.end
            row[2].add(e.call)
    return (
        log_odds({k: tuple(v) for k, v in end.items()}, base, MIN_WORD),  # type: ignore[misc]
        log_odds({k: tuple(v) for k, v in start.items()}, base, MIN_WORD),  # type: ignore[misc]
        log_odds({k: tuple(v) for k, v in pair.items()}, base, MIN_PAIR),  # type: ignore[misc]
        log_odds({k: tuple(v) for k, v in end2.items()}, base, MIN_WORD),  # type: ignore[misc]
        log_odds({k: tuple(v) for k, v in start2.items()}, base, MIN_WORD),  # type: ignore[misc]
    )


def features(e: Example, t: Sequence[dict[str, float]], timed: bool) -> list[float]:
    b = e.boundary
    x = [1.0]
    if timed:
        for pause in (b.pause, b.pause_next):
            onehot = [0.0] * (len(PAUSE_EDGES) + 1)
            onehot[pause_bucket(PAUSE_EDGES, pause or 0)] = 1.0
            x += onehot
    onehot = [0.0] * (len(SINCE_EDGES) + 1)
    onehot[pause_bucket(SINCE_EDGES, b.since)] = 1.0
    x += onehot
    x += [
        t[0].get(b.before, 0.0),
        t[1].get(b.after, 0.0),
        t[2].get(f"{b.before} {b.after}", 0.0),
        t[3].get(b.before2, 0.0),
        t[4].get(b.after2, 0.0),
        float(b.speaker_change),
        # Without word times, cues are where a caption page cut, not where a pause was.
        float(b.cue_change) if timed else 0.0,
    ]
    return x


def fit_logistic(
    xs: list[list[float]], ys: list[bool], epochs: int = 6, nonnegative: bool = False
) -> list[float]:
    """Plain stochastic gradient descent on the log loss, in a fixed order (reproducible).

    ``nonnegative``: every weight but the first (the bias) is kept at 0 or above, for
    features that can only make the outcome likelier."""
    w = [0.0] * len(xs[0])
    order = list(range(len(xs)))
    rng = random.Random(0)
    step = 0
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            x = xs[i]
            z = sum(a * b for a, b in zip(w, x))
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            g = p - ys[i]
            step += 1
            lr = 0.05 / (1 + step / 50000)
            for k, v in enumerate(x):
                if v:
                    w[k] -= lr * (g * v + 1e-5 * w[k])
                if nonnegative and k and w[k] < 0:
                    w[k] = 0.0
    return w


def best_threshold(ps: list[float], ys: list[bool]) -> tuple[float, float]:
    best = (0.5, 0.0)
    for t100 in range(20, 81):
        t = t100 / 100
        tp = sum(1 for p, y in zip(ps, ys) if p >= t and y)
        fp = sum(1 for p, y in zip(ps, ys) if p >= t and not y)
        fn = sum(1 for p, y in zip(ps, ys) if p < t and y)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best[1]:
            best = (t, f1)
    return best


def openers(refs: dict[str, list[str]]) -> tuple[list[str], list[str], dict[str, str]]:
    """Question openers, comma openers and mid-sentence capitals from the references."""
    opened: Counter[str] = Counter()
    asked: Counter[str] = Counter()
    comma: Counter[str] = Counter()
    calls_of: dict[str, set[str]] = defaultdict(set)
    mid: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for cid, tokens in refs.items():
        starts = True
        first = ""
        for tok in tokens:
            word = _STRIP.sub("", tok)
            if not word or tok.startswith("<"):
                continue
            low = word.lower()
            if starts:
                first = key(word)
                opened[first] += 1
                comma[first] += tok.endswith(",")
            elif word[0].isalpha():
                mid[low] += 1
                calls_of[low].add(cid)
                if word[0].isupper():
                    capital[low] += 1
                    spellings[low][word] += 1
            starts = tok[-1:] in ".?!"
            if starts and tok.endswith("?"):
                asked[first] += 1
    questions = sorted(w for w, n in opened.items() if n >= MIN_OPENER and asked[w] / n >= 0.5)
    commas = sorted(w for w, n in opened.items() if n >= MIN_OPENER and comma[w] / n >= 0.6)
    capitalised = {
        low: spellings[low].most_common(1)[0][0]
        for low, n in sorted(mid.items())
        if n >= 5 and len(calls_of[low]) >= MIN_CALLS and capital[low] / n >= 0.9 and low != "i"
    }
    return questions, commas, capitalised


def fit(folder: Path = TRAIN, out: Path = MODEL) -> dict[str, Any]:
    calls = sorted(p.name for p in folder.iterdir() if p.is_dir())
    loaded = {cid: load_call(folder, cid) for cid in calls}
    folds = [calls[0::2], calls[1::2]]
    xs_t: list[list[float]] = []
    xs_u: list[list[float]] = []
    ys: list[bool] = []
    for k, fold in enumerate(folds):
        other = folds[1 - k]
        t = tables(e for cid in other for e in loaded[cid][0])
        for cid in fold:
            for e in loaded[cid][0]:
                xs_t.append(features(e, t, True))
                xs_u.append(features(e, t, False))
                ys.append(e.end)
    model: dict[str, Any] = {
        "about": "Fitted by benchmarks/fit_readable.py on the Earnings-21 fitting set "
        "(Rev.com and Del Rio et al. 2021, CC BY-SA 4.0): aggregated statistics only.",
        "pause_edges_ms": list(PAUSE_EDGES),
    }
    scores: dict[str, float] = {}
    for name, xs in (("timed", xs_t), ("untimed", xs_u)):
        w = fit_logistic(xs, ys)
        ps = [1 / (1 + math.exp(-sum(a * b for a, b in zip(w, x)))) for x in xs]
        threshold, f1 = best_threshold(ps, ys)
        scores[name] = round(f1, 3)
        n_pause = len(PAUSE_EDGES) + 1 if name == "timed" else 0
        pause, pause_next = w[1 : 1 + n_pause], w[1 + n_pause : 1 + 2 * n_pause]
        since = w[1 + 2 * n_pause : 2 + 2 * n_pause + len(SINCE_EDGES)]
        rest = w[len(w) - len(WEIGHT_NAMES) :]
        model[name] = {
            "bias": round(w[0], 4),
            "pause": [round(v, 4) for v in pause],
            "pause_next": [round(v, 4) for v in pause_next],
            "since": [round(v, 4) for v in since],
            **{k: round(v, 4) for k, v in zip(WEIGHT_NAMES, rest)},
            "threshold": threshold,
        }
    end, start, pair, end2, start2 = tables(e for cid in calls for e in loaded[cid][0])
    questions, commas, capitalised = openers({cid: loaded[cid][1] for cid in calls})
    model.update(
        end=end,
        start=start,
        pair=pair,
        end2=end2,
        start2=start2,
        questions=questions,
        commas=commas,
        capitalised=capitalised,
    )
    out.write_text(json.dumps(model, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    return {
        "calls": len(calls),
        "gaps": len(ys),
        "cross_fitted_f1": scores,
        "words": [len(end), len(start), len(pair), len(end2), len(start2)],
        "questions": questions,
        "commas": commas,
        "capitalised": len(capitalised),
    }


if __name__ == "__main__":
    print(json.dumps(fit(), indent=1))
