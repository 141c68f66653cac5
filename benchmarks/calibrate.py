"""Fit the repair confidence model, and show how precise each threshold is on held-out data.

Every span–candidate pair the repair considers (``repair.scored_pairs``) is
labelled right or wrong, then a logistic model over ``repair.feature_vector``
is fitted. Precision and recall per threshold are reported leave-one-group-out
(each generated data set, each Earnings-21 call, held out in turn), so the
numbers describe data the weights were not fitted on.

- **Generated events** (``benchmarks.synth``; the quality benchmark's press
  point, briefing and hearing, for :data:`~benchmarks.quality.CALIBRATION_SEEDS`
  at every noise level): a pair is right when the candidate is the true
  spelling of exactly the words its span covers.
- **Earnings-21 fitting set** (``earnings21-train``, real recogniser output; the
  test set is refused): the article is the human text of
  every other block of turns; only pairs in the other blocks are labelled, by
  the word alignment to the human reference (the candidate spelled there).

Usage::

    python -m benchmarks.calibrate [--earnings21 TRAIN] [--vendors amazon google] [--seeds 1 2]

It prints the fitted weights (to paste into ``repair.confidence.WEIGHTS``) and the tables.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import transcript_align as ta
from transcript_align.alignment import build_index
from transcript_align.normalize import tokenize
from transcript_align.relate import assess
from transcript_align.repair import WEIGHTS, Candidate, Features, Span, feature_vector, scored_pairs

from . import EARNINGS21, EARNINGS21_TRAIN, OUT, earnings21
from .quality import CALIBRATION_SEEDS, SCENARIOS
from .score import _locate, strip_word
from .synth import Spec, generate, write

Row = tuple[str, dict[str, float], bool]  # group, features, right


def pairs(
    transcript: ta.Transcript, refs: Sequence[ta.Reference]
) -> list[tuple[Span, Candidate, Features]]:
    """What the pipeline's repair step weighs: pairs from the aligned articles, anchored."""
    index = build_index(transcript.tokens)
    aligned: list[ta.Reference] = []
    anchors = []
    for ref in refs:
        check, rel = assess(ref, index)
        if check.status == "aligned":
            aligned.append(ref)
            anchors.append(tuple((r.ra, r.ta, r.rb - r.ra) for r in rel.runs))
    return scored_pairs(transcript, aligned, anchors, index.owner)


def synthetic_rows(spec: Spec, folder: Path) -> list[Row]:
    dataset = generate(spec)
    root = write(dataset, folder / spec.key)
    truth = dataset.truth
    transcript = ta.read_transcript(str(next(root.glob("transcript.*"))))
    refs = ta.read_references([str(root / "articles")])
    asr, groups = truth["asr"], truth["groups"]
    starts = {g[1] for g in groups if g[2] > g[1]}
    ends = {g[2] for g in groups if g[2] > g[1]}
    by_first: dict[str, list[int]] = {}
    for i, (w, _, _) in enumerate(asr):
        by_first.setdefault(w, []).append(i)
    rows: list[Row] = []
    for span, cand, f in pairs(transcript, refs):
        first = transcript.tokens[span.first]
        where = _locate({"original": span.text, "start": (first.start or 0) / 1000}, asr, by_first)
        right = False
        if where is not None and where[0] in starts and where[1] in ends:
            a, b = where
            clean = [
                strip_word(w)
                for g in groups
                if a <= g[1] and g[2] <= b and (g[2] > g[1] or a < g[1] < b)
                for w in g[0].split()
            ]
            right = [w for w in clean if w] == [strip_word(w) for w in cand.text.split()]
        rows.append((f"synth-{spec.seed}-{spec.noise}", feature_vector(f), right))
    return rows


def _norm(tokens: Sequence[str]) -> str:
    return re.sub(r"'s$", "", "".join(w for t in tokens for w in earnings21.norm_token(t)))


def earnings_rows(
    folder: Path, cid: str, work: Path, vendor: str = "amazon", quoting: bool = False
) -> list[Row]:
    """Labelled pairs of one call: with every other block of turns as the article (pairs
    in the other blocks), or, with ``quoting``, with an article quoting every other
    sentence (all pairs: what the aligned passages teach)."""
    call = earnings21.load(folder, cid, vendor)
    blocks = earnings21.turn_blocks(call)
    if quoting:
        article = earnings21.quoting_article(call)
        blocks = [(0, 0), (0, len(call.ref_spans))]
    else:
        article = earnings21.interleaved_article(call, blocks)
    work.mkdir(parents=True, exist_ok=True)
    path = earnings21.write_transcript(call.asr, work)
    transcript = ta.read_transcript(str(path))
    refs = [ta.Reference("article", "", article)]
    # Transcript token -> ASR word, by reading order.
    tok2asr: list[int] = []
    for k, w in enumerate(call.asr):
        tok2asr.extend([k] * len(tokenize(w["w"] + w.get("punct", ""))))
    asr2ref: dict[int, list[int]] = {}
    for ri, row in enumerate(call.alignment):
        if row[1] is not None:
            for q in range(row[1], row[2] + 1):
                asr2ref.setdefault(q, []).append(ri)
    scored = {r for a, b in blocks[1::2] for r in range(a, b)}
    ref = call.ref_tokens
    rows: list[Row] = []
    for span, cand, f in pairs(transcript, refs):
        if span.last > len(tok2asr):
            continue
        rids = sorted(
            {r for t in range(span.first, span.last) for r in asr2ref.get(tok2asr[t], [])}
        )
        if not rids or not all(r in scored for r in rids):
            continue  # an inserted word, or a span the article covers
        want = _norm(cand.text.split())
        lo, hi = max(0, rids[0] - 1), min(len(ref), rids[-1] + 2)
        right = any(
            _norm(ref[a:b]) == want for a in range(lo, hi) for b in range(a + 1, min(hi, a + 4) + 1)
        )
        rows.append((f"e21-{cid}", feature_vector(f), right))
    return rows


SIGNS = {
    "similarity": 1,
    "sound": 1,
    "suspicion": 1,
    "real_word": -1,
    "common_changed": -1,
    "context": 1,
    "title": 1,
    "capitalised": 1,
    "count": 1,
    "known": -1,
    "neighbour": 1,
    "aligned": 1,
    "slot": 1,
    "regrouped": 1,
    "echo": 1,
    "cut": 1,
    "best": 1,
    "block": 1,
    "solid": 1,
    "misheard": 1,
    "enclosed": 1,
    "explained": 1,
    "named": 1,
}
"""Directions known beforehand: generated data must not teach that an unknown word is less
likely misheard, or that a name already heard right elsewhere makes a repair likelier."""


PRIORS = {"suspicion": 1.5, "known": -1.0, "enclosed": 2.0, "explained": 2.0, "named": 2.0}
"""Weights set from what is known of recognisers rather than fitted: a word unknown to
English is more likely misheard, and a recogniser that spells a name right elsewhere
heard something else here. Generated data says little about either (its garbles are
mostly common words, and it repeats names less than reports do). Where an aligned
passage matches on both sides of the words, more than one side alone gives, nothing but
the name was said there: on the fitting data such pairs (their best reading) were right
every time but once, and too few fall below the threshold for a fit to weigh them. The
same holds where the mishearing model explains the words well (``explained``): such
pairs, their best reading, were right 99% of the time, at a passage's edge as well as
between matched words. Outside the passages, the same holds for words beside a rest of
the name that is no common word, or a whole name heard word for word (``named``)."""


UNUSED = {"name", "length", "repeats", "count"}
"""Features left out of the model: on generated data they mostly tell how the generator
invents names (their length, how often they recur), which says nothing about real ones."""


def fit(rows: Sequence[Row], l2: float = 1.0) -> dict[str, float]:
    """Logistic regression with :data:`PRIORS` fixed and the signs in :data:`SIGNS` kept.

    A feature whose fitted weight comes out with the wrong sign is dropped
    (weight 0) and the rest refitted, until every sign agrees.
    """
    names = [n for n in sorted(rows[0][1]) if n not in PRIORS and n not in UNUSED]
    dropped: set[str] = set()
    while True:
        w = _fit(rows, [n for n in names if n not in dropped], l2)
        wrong = [n for n, sign in SIGNS.items() if n in w and w[n] * sign < 0]
        if not wrong:
            return {**w, **dict.fromkeys(dropped | UNUSED, 0.0), **PRIORS}
        dropped.update(wrong)


def _fit(rows: Sequence[Row], names: list[str], l2: float) -> dict[str, float]:
    """Class-balanced logistic regression by Newton's method (numpy, benchmarks only)."""
    import numpy as np  # not a dependency of the tool; needed only to calibrate

    offset = np.array([sum(PRIORS[k] * r[1][k] for k in PRIORS) for r in rows])
    x = np.array([[1.0, *(r[1][k] for k in names)] for r in rows])
    y = np.array([1.0 if r[2] else 0.0 for r in rows])
    # Balance the classes: wrong pairs outnumber right ones many times over.
    weight = np.where(y > 0, (len(y) - y.sum()) / max(1.0, y.sum()), 1.0)
    reg = l2 * np.eye(len(names) + 1)
    reg[0, 0] = 0.0
    w = np.zeros(len(names) + 1)
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(x @ w + offset, -30, 30)))
        grad = x.T @ (weight * (p - y)) + reg @ w
        hess = (x * (weight * p * (1 - p))[:, None]).T @ x + reg
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return dict(zip(["bias", *names], (float(v) for v in w)))


def predict(w: dict[str, float], x: dict[str, float]) -> float:
    z = w["bias"] + sum(w[k] * v for k, v in x.items())
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def held_out(rows: Sequence[Row]) -> list[tuple[str, float, bool]]:
    """Each row scored by a model fitted without its group."""
    out: list[tuple[str, float, bool]] = []
    for group in sorted({g for g, _, _ in rows}):
        w = fit([r for r in rows if r[0] != group])
        out.extend((g, predict(w, x), y) for g, x, y in rows if g == group)
    return out


def table(scored: Sequence[tuple[str, float, bool]], title: str) -> str:
    lines = [
        f"\n{title}\n",
        "| threshold | proposed | right | precision | share of right pairs |",
        "|---:|---:|---:|---:|---:|",
    ]
    total_right = sum(1 for _, _, y in scored if y)
    for thr in (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95):
        sel = [y for _, p, y in scored if p >= thr]
        right = sum(sel)
        prec = f"{right / len(sel):.1%}" if sel else "–"
        share = f"{right / total_right:.1%}" if total_right else "–"
        lines.append(f"| {thr} | {len(sel)} | {right} | {prec} | {share} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.calibrate")
    ap.add_argument(
        "--earnings21",
        type=Path,
        default=EARNINGS21_TRAIN,
        help="the Earnings-21 fitting set (never the test set)",
    )
    ap.add_argument("--vendors", nargs="+", default=["amazon"])
    ap.add_argument("--seeds", type=int, nargs="+", default=list(CALIBRATION_SEEDS))
    ap.add_argument("--noise", nargs="+", default=["low", "medium", "high"])
    ap.add_argument("--reuse", action="store_true", help="refit on the pairs of the last run")
    args = ap.parse_args(argv)
    cache = OUT / "calibration-rows.json"
    if args.reuse and cache.exists():
        return report([(g, x, y) for g, x, y in json.loads(cache.read_text(encoding="utf-8"))])
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="ta-cal-") as tmp:
        for seed in args.seeds:
            for noise in args.noise:
                for scenario in SCENARIOS:
                    if not scenario.full_only:
                        spec = replace(scenario.spec, seed=seed, noise=noise)
                        rows += synthetic_rows(spec, Path(tmp))
        if args.earnings21.resolve() == EARNINGS21.resolve():
            raise SystemExit(f"{args.earnings21} is the test set: fit on earnings21-train")
        if (args.earnings21 / "README.md").exists():
            for cid in earnings21.call_ids(args.earnings21):
                for vendor in args.vendors:
                    for quoting in (False, True):
                        work = Path(tmp) / cid
                        rows += earnings_rows(args.earnings21, cid, work, vendor, quoting)
        else:
            print(f"earnings21 not found at {args.earnings21}: generated data only")
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps(rows), encoding="utf-8")
    report(rows)


def report(rows: list[Row]) -> None:
    print(f"{len(rows)} pairs, {sum(1 for r in rows if r[2])} right")
    scored = held_out(rows)
    print(table([s for s in scored if s[0].startswith("synth")], "Generated events (held out)"))
    print(table([s for s in scored if s[0].startswith("e21")], "Earnings-21 (held out by call)"))
    current = [
        (g, predict({"bias": WEIGHTS["bias"], **{k: WEIGHTS[k] for k in x}}, x), y)
        for g, x, y in rows
    ]
    print(table(current, "Weights now in repair.confidence.WEIGHTS, on all pairs"))
    w = fit(rows)
    print("\nWEIGHTS = {")
    for k, v in w.items():
        print(f'    "{k}": {v:.2f},')
    print("}")


if __name__ == "__main__":
    main()
