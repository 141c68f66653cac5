"""Runs of an article's words said in order: the seeds that stand alone are skipped without
changing any run, on small invented transcripts where phrases recur."""

from __future__ import annotations

import random

import numpy as np

from transcript_align import parse_transcript
from transcript_align.alignment import TranscriptIndex, build_index, trigram_key
from transcript_align.normalize import text_words
from transcript_align.relate import (
    _NOT_CONTENT,
    MAX_SLIP,
    MAX_TRIGRAM_POSTINGS,
    Run,
    _close,
    _dedupe,
    _joinable,
    relatedness,
)

WORDS = (
    "the harbour bridge minister oak talks island port town budget water rail strike "
    "we will not give up on people of and a to in said today next week"
).split()


def _every_seed(
    index: TranscriptIndex, text: str
) -> tuple[int, list[tuple[int, int, int, int, int]]]:
    """The longest run and the runs as :func:`relatedness` found them by following every
    seed through the open runs (before seeds alone were skipped)."""
    units = text_words(text).units
    ids = [index.vocab.get(u, -1) for u in units]
    content = [u not in _NOT_CONTENT for u in units]
    n = len(index.vocab)
    cap = max(MAX_TRIGRAM_POSTINGS, len(index) // 2000)
    active: dict[int, list[int]] = {}
    runs: list[Run] = []
    longest = 0
    for p in range(len(ids) - 2):
        a, b, c = ids[p], ids[p + 1], ids[p + 2]
        if a < 0 or b < 0 or c < 0:
            continue
        hits = index.trigrams.get(trigram_key(a, b, c, n))
        if hits is None or len(hits) > cap:
            continue
        if not (content[p] or content[p + 1] or content[p + 2]):
            continue
        for j in hits.tolist():
            d = j - p
            run = None
            for dd in (d, d - 1, d + 1, d - 2, d + 2, d - 3, d + 3):
                cand = active.get(dd)
                if cand is not None and p - cand[1] <= MAX_SLIP and p >= cand[0]:
                    run = cand
                    del active[dd]
                    break
            if run is None:
                run = [p, p + 3, j, j + 3, 3]
            else:
                run[4] += min(3, p + 3 - run[1]) if p + 3 > run[1] else 0
                run[1] = max(run[1], p + 3)
                run[3] = max(run[3], j + 3)
            beaten = active.get(d)
            if beaten is not None and beaten is not run:
                longest = _close(beaten, runs, longest)
            active[d] = run
        if p % 16 == 0 and active:
            for dd in [dd for dd, o in active.items() if p - o[1] > MAX_SLIP]:
                longest = _close(active.pop(dd), runs, longest)
    for o in active.values():
        longest = _close(o, runs, longest)
    return longest, [(r.ra, r.rb, r.ta, r.tb, r.matched) for r in _dedupe(runs)]


def _speech(rng: random.Random, words: int) -> str:
    lines = []
    for k in range(0, words, 12):
        line = " ".join(rng.choice(WORDS) for _ in range(12))
        lines.append(f"{k // 120:02d}:{(k // 2) % 60:02d}{line}")
    return "\n".join(lines) + "\n"


def _article(rng: random.Random, said: list[str]) -> str:
    """Passages of the speech, some with slips, among words of the topic."""
    out: list[str] = []
    while len(out) < 150:
        if rng.random() < 0.5:
            at = rng.randrange(len(said) - 20)
            passage = said[at : at + rng.randrange(4, 20)]
            if rng.random() < 0.5 and len(passage) > 6:
                passage[rng.randrange(len(passage))] = rng.choice(WORDS)
            out.extend(passage)
        else:
            out.extend(rng.choice(WORDS) for _ in range(rng.randrange(1, 8)))
    return " ".join(out)


def test_skipping_seeds_alone_leaves_every_run_and_the_longest_as_they_were() -> None:
    rng = random.Random(14)
    for words in (300, 3000):
        t = parse_transcript(_speech(rng, words), "t.txt")
        index = build_index(t.tokens)
        said = list(index.units)
        for _ in range(15):
            text = _article(rng, said)
            rel = relatedness(index, text)
            longest, runs = _every_seed(index, text)
            assert rel.longest == longest
            assert [(r.ra, r.rb, r.ta, r.tb, r.matched) for r in rel.runs] == runs


def test_a_seed_far_from_every_other_cannot_join_a_run() -> None:
    seeds = [0, 1, 40]
    places = [
        np.array([100, 500], dtype=np.int64),
        np.array([101], dtype=np.int64),
        np.array([900], dtype=np.int64),
    ]
    # (0, 100) and (1, 101) are one run; (0, 500) and (40, 900) stand alone.
    assert _joinable(seeds, places) == ([0, 1], [100, 101])


def test_seeds_a_slip_and_a_drift_apart_can_still_join() -> None:
    # Article unit 0 said at 100; unit 6 (a slip of three after the trigram) said at 109
    # (three diagonals further): the farthest two seeds of one run can stand.
    seeds = [0, 6]
    places = [np.array([100], dtype=np.int64), np.array([109], dtype=np.int64)]
    assert _joinable(seeds, places) == ([0, 6], [100, 109])
    places = [np.array([100], dtype=np.int64), np.array([110], dtype=np.int64)]
    assert _joinable(seeds, places) == ([], [])


def test_no_seed_gives_no_run() -> None:
    assert _joinable([], []) == ([], [])
