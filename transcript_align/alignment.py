"""The alignment engine: where in the transcript a passage was said, word by word.

The transcript's normalized units are indexed once (unigrams, bigrams,
trigrams and sound-alike keys). A passage is then located in three steps:

1. **seed and vote** — distinctive bigrams and rare units of the passage vote
   for diagonals (transcript position minus passage position); frequent
   units do not vote, so a "the the the…" transcript costs nothing extra;
2. **extend** — around the best few diagonals, an exact longest common
   subsequence over unit ids (rapidfuzz, bit-parallel C++) gives anchor words;
   anchors are grouped into blocks and the best chain of blocks is kept, so a
   stray "the" far away is not part of the match;
3. **fill** — between anchors, the leftover words are paired by a small
   weighted alignment that gives partial credit to words that sound or are
   spelled alike ("Witko"/"Witkoff"), which is recogniser noise rather than a
   different word.

Cost per passage is independent of the transcript's length except through
the number of seed hits, which the postings cap bounds.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise
from typing import Final, Literal

import numpy as np
from numpy.typing import NDArray
from rapidfuzz.distance import LCSseq

from .lexicon import FILLERS, is_function, weight
from .models import Token
from .normalize import phonetic
from .similarity import NEAR, SHORT_UNIT, sound_similarity, unit_similarity

OpTag = Literal["equal", "near", "replace", "delete", "insert"]

BIN: Final = 8
"""Width of a diagonal bin: words said or skipped shift a passage's diagonal a little."""
MAX_POSTINGS: Final = 64
"""A unit or n-gram that occurs more often than this is no seed: it says nothing about where."""
MAX_PASSAGE = 3000
"""Units of a passage beyond this are not aligned (resource limit)."""
MAX_GAP_CELLS: Final = 1200
"""Largest gap (quote words × said words) that is filled word by word."""
HOPELESS = 0.3
"""A window where less of the passage's weight matches exactly is not aligned at all."""
MERGED: Final = 0.8
"""Sound likeness at which a word heard as two or three (or two as one) counts as the same."""
ALTERNATIVE_VOTES = 0.4
"""Other places are aligned only when their seed votes reach this share of the best's."""
LONE_WEIGHT = 1.0
"""Word weight under which a word matched alone, amid words not matched, may be chance."""
_SKIP_WRITTEN: Final = 0
_SKIP_SAID: Final = 1
_PAIR: Final = 2
_MERGE: Final = 3
"""The moves of :func:`_gap`'s table: a written word left out, a said word left out, a pair
of words, or ``_MERGE + k`` for the merge ``_MERGES[k]``."""
_MERGES: Final = ((1, 2), (1, 3), (2, 1))
"""(written words, said words) of the merge moves: one rare word heard as two or three,
two written words heard as one."""


@dataclass
class _Built:
    """The lookups a :class:`TranscriptIndex` builds on first use (plain fields rather
    than ``cached_property``, which compiled classes do not keep)."""

    trigrams: dict[int, NDArray[np.int64]] | None = None
    sounds: dict[str, list[int]] | None = None


def bigram_key(a: int, b: int, vocabulary: int) -> int:
    """One int for the pair of unit ids ``a b`` (neither negative) of an index with
    ``vocabulary`` distinct units: cheaper to hash than a tuple, and no tuple to make."""
    return a * vocabulary + b


def trigram_key(a: int, b: int, c: int, vocabulary: int) -> int:
    """One int for the trigram of unit ids ``a b c`` (none negative) of an index with
    ``vocabulary`` distinct units."""
    return (a * vocabulary + b) * vocabulary + c


@dataclass(frozen=True)
class TranscriptIndex:
    """The transcript's units and the lookups that seed alignment.

    Trigrams and sound keys are built on first use: relatedness needs the
    former, misheard words the latter, and many runs need neither of them.
    """

    units: tuple[str, ...]
    owner: tuple[int, ...]
    ids: tuple[int, ...]
    # Plain dicts and lists, not Mapping and Sequence: compiled, their look-ups in the
    # seed loops are direct calls instead of Python method calls. Nothing changes them.
    vocab: dict[str, int]
    postings: dict[int, list[int]]
    bigrams: dict[int, list[int]]
    """Where each pair of unit ids starts, keyed by :func:`bigram_key`."""
    cues: tuple[int, ...] = ()
    """The cue (segment) each unit was said in."""
    aligned: dict[tuple[tuple[str, ...], int, int], Match | None] = field(
        default_factory=dict, compare=False, repr=False
    )
    """Passages aligned at a window, kept: one quote is looked for by several stages
    (and quoted by several articles), and every search aligns the same best window."""
    built: _Built = field(default_factory=_Built, compare=False, repr=False)

    def __len__(self) -> int:
        return len(self.units)

    @property
    def trigrams(self) -> dict[int, NDArray[np.int64]]:
        """Where each trigram of unit ids starts (ascending), keyed by :func:`trigram_key`
        (one int, not a tuple: relatedness looks up every trigram of every article).

        The places are views into one array rather than lists of ints: relatedness reads
        millions of them in a long hearing, and each int object read was a cache miss
        (and, in a forked helper, a page copied for its reference count)."""
        if self.built.trigrams is None:
            self.built.trigrams = _trigram_places(self.ids, len(self.vocab))
        return self.built.trigrams

    @property
    def sounds(self) -> dict[str, list[int]]:
        if self.built.sounds is None:
            out: dict[str, list[int]] = defaultdict(list)
            for u, uid in self.vocab.items():
                if u.isalpha() and len(u) >= 3:
                    out[phonetic(u)].extend(self.postings[uid])
            self.built.sounds = {k: sorted(v) for k, v in out.items()}
        return self.built.sounds


# Op, Match, relate.Run, changes.Judged and repair.spans.Span, made per word or per cell,
# are hashable and never changed once made, but not declared frozen: compiled with mypyc, a
# frozen dataclass's __init__ sets each field through object.__setattr__ in Python, three
# times slower than the native constructor a plain one gets (a few % of a run).
@dataclass(slots=True, unsafe_hash=True)
class Op:
    """One step of a unit alignment: passage units ``[qa, qb)`` against transcript ``[ta, tb)``."""

    tag: OpTag
    qa: int
    qb: int
    ta: int
    tb: int
    sim: float = 1.0


@dataclass(unsafe_hash=True)  # not frozen: see Op
class Match:
    """A place where a passage was (partly) said.

    ``ops`` cover the whole passage in order; ``first``/``last`` are the
    transcript units the match spans. ``moved`` lists passage runs that were
    said elsewhere nearby, in a different order: ``(qa, qb, ta, tb)``.
    """

    first: int
    last: int
    ops: tuple[Op, ...]
    coverage: float
    matched: float
    moved: tuple[tuple[int, int, int, int], ...] = ()


def build_index(tokens: Sequence[Token]) -> TranscriptIndex:
    """Index a transcript's tokens for alignment (once per transcript)."""
    units: list[str] = []
    owner: list[int] = []
    cues: list[int] = []
    for i, tok in enumerate(tokens):
        units.extend(tok.units)
        owner.extend([i] * len(tok.units))
        cues.extend([tok.segment] * len(tok.units))
    vocab: dict[str, int] = {}
    ids = [vocab.setdefault(u, len(vocab)) for u in units]
    postings: dict[int, list[int]] = defaultdict(list)
    bigrams: dict[int, list[int]] = defaultdict(list)
    for j, uid in enumerate(ids):
        postings[uid].append(j)
    n = len(vocab)
    for j, (a, b) in enumerate(pairwise(ids)):
        bigrams[bigram_key(a, b, n)].append(j)
    return TranscriptIndex(
        tuple(units), tuple(owner), tuple(ids), vocab, dict(postings), dict(bigrams), tuple(cues)
    )


def _trigram_places(ids: Sequence[int], vocabulary: int) -> dict[int, NDArray[np.int64]]:
    """:attr:`TranscriptIndex.trigrams` of the unit ids ``ids``."""
    if len(ids) < 3:
        return {}
    if vocabulary**3 >= 2**62:  # keys past int64: one list of places per key instead
        lists: dict[int, list[int]] = defaultdict(list)
        for j in range(len(ids) - 2):
            lists[trigram_key(ids[j], ids[j + 1], ids[j + 2], vocabulary)].append(j)
        return {k: np.array(v, dtype=np.int64) for k, v in lists.items()}
    u = np.array(ids, dtype=np.int64)
    keys = (u[:-2] * vocabulary + u[1:-1]) * vocabulary + u[2:]  # trigram_key, vectorised
    order = np.argsort(keys, kind="stable")  # places grouped by key, ascending in each
    sorted_keys = keys[order]
    starts = np.flatnonzero(np.concatenate(([True], sorted_keys[1:] != sorted_keys[:-1])))
    ends = np.append(starts[1:], len(order))
    return {
        k: order[start:end]
        for k, start, end in zip(sorted_keys[starts].tolist(), starts.tolist(), ends.tolist())
    }


def locate(index: TranscriptIndex, units: Sequence[str], *, limit: int = 3) -> list[Match]:
    """The best places (at most ``limit``, best first) where ``units`` were said.

    Every returned match covers the whole passage with ops; the caller decides
    from ``coverage`` whether it was said at all. An empty unit stands for a word
    the writer put in: it matches nothing and weighs nothing.
    """
    units = list(units[:MAX_PASSAGE])
    if not units or not len(index):
        return []
    qids = [index.vocab.get(u, -1) for u in units]
    weights = _weights(units)
    matches = []
    windows = _windows(index, units, qids, weights, limit)
    passage = tuple(units)
    for lo, hi, votes in windows:
        if votes < ALTERNATIVE_VOTES * windows[0][2]:
            continue  # far fewer seeds than the best place: not worth aligning
        match = _kept_window(index, passage, units, qids, weights, lo, hi)
        if match is not None:
            matches.append(match)
    matches.sort(key=lambda m: (-m.coverage, m.last - m.first, m.first))
    unique: list[Match] = []
    for m in matches:
        if all(m.last <= u.first or m.first >= u.last for u in unique):
            unique.append(m)
    return unique[:limit]


def align_at(index: TranscriptIndex, units: Sequence[str], lo: int, hi: int) -> Match | None:
    """``units`` aligned within transcript units ``[lo, hi)``: a place found some other way
    than by :func:`locate`'s seeds (where one of its words was said), or None."""
    units = list(units[:MAX_PASSAGE])
    lo, hi = max(0, lo), min(len(index), hi)
    if not units or hi <= lo:
        return None
    qids = [index.vocab.get(u, -1) for u in units]
    weights = _weights(units)
    return _kept_window(index, tuple(units), units, qids, weights, lo, hi)


def _weights(units: Sequence[str]) -> list[float]:
    return [weight(u) if u else 0.0 for u in units]


def _kept_window(
    index: TranscriptIndex,
    passage: tuple[str, ...],
    units: list[str],
    qids: list[int],
    weights: list[float],
    lo: int,
    hi: int,
) -> Match | None:
    """:func:`_align_window`, kept on the index (:attr:`TranscriptIndex.aligned`) under
    the passage and the window, for every later search of the same passage there."""
    key = (passage, lo, hi)
    if key not in index.aligned:
        index.aligned[key] = _align_window(index, units, qids, weights, lo, hi)
    return index.aligned[key]


def _windows(
    index: TranscriptIndex,
    units: list[str],
    qids: list[int],
    weights: list[float],
    limit: int,
) -> list[tuple[int, int, float]]:
    """Transcript windows around the diagonals that collect the most seed votes, with the votes."""
    votes: dict[int, float] = {}
    m = len(units)
    bigrams, postings = index.bigrams, index.postings
    vocabulary = len(index.vocab)
    none: list[int] = []
    seeded = 0
    for i in range(m - 1):
        a, b = qids[i], qids[i + 1]
        if a >= 0 and b >= 0:
            hits = bigrams.get(bigram_key(a, b, vocabulary), none)
            if 0 < len(hits) <= MAX_POSTINGS:
                seeded += 1
                w = weights[i] + weights[i + 1]
                for j in hits:
                    k = (j - i) // BIN
                    votes[k] = votes.get(k, 0.0) + w
    # Rare words (names) always vote: they tell one telling of a stock phrase
    # from another. With few word pairs in common (a short or badly heard
    # quote), less rare words and words that sound alike vote too.
    few = seeded < 3
    for i in range(m):
        uid = qids[i]
        if uid >= 0:
            hits = postings.get(uid, none) if weights[i] >= (1.0 if few else 2.0) else none
            w = weights[i]
        elif few and len(units[i]) >= 4 and units[i].isalpha():
            hits = index.sounds.get(phonetic(units[i]), none)
            w = 0.5 * weights[i]
        else:
            continue
        if len(hits) <= MAX_POSTINGS:
            for j in hits:
                k = (j - i) // BIN
                votes[k] = votes.get(k, 0.0) + w
    if not votes:
        return []
    get = votes.get
    # Most votes first, then the earliest bin: (-smoothed votes, bin) in ascending order
    # (bins are distinct, so the order is total; a C sort beats heapq's Python loop here).
    ranked = sorted([(-(get(b - 1, 0.0) + v + get(b + 1, 0.0)), b) for b, v in votes.items()])[
        : 8 * limit
    ]
    spread = m // BIN + 3
    chosen: list[tuple[int, float]] = []
    for negative, b in ranked:
        if all(abs(b - c) > spread for c, _ in chosen):
            chosen.append((b, -negative))
            if len(chosen) == limit:
                break
    pad = 10 + m // 4
    extra = max(30, m)
    n = len(index)
    return [
        (max(0, b * BIN - pad), min(n, b * BIN + BIN + m + extra + pad), smoothed)
        for b, smoothed in chosen
    ]


def _align_window(
    index: TranscriptIndex,
    units: list[str],
    qids: list[int],
    weights: list[float],
    lo: int,
    hi: int,
) -> Match | None:
    pairs = _lcs_pairs(qids, index.ids, 0, len(qids), lo, hi)
    if not pairs or sum(weights[i] for i, _ in pairs) < HOPELESS * sum(weights):
        return None  # too little said here even word for word: no place for this passage
    blocks = _blocks(pairs)
    pivot = max(blocks, key=lambda b: (_gain(b, weights), -b[0][1]))
    pivot, pairs, anchors = _closest_saying(pivot, pairs, qids, weights, index, lo, hi)
    if len(anchors) < len(pairs):
        # A dropped match (a lone "of" far away) may have held later matches
        # far from the pivot; without it they can move in, and extend again.
        anchors = _extend(_blocks(_compact(anchors, pivot, qids, index)), pivot, weights)
    if not anchors:
        return None
    match = _fill(index, units, weights, anchors)
    return _recover(index, units, qids, weights, match, anchors)


SPREAD = 3
"""Said units more than written a match may span before the pivot's other sayings are tried."""


def _closest_saying(
    pivot: list[tuple[int, int]],
    pairs: list[tuple[int, int]],
    qids: list[int],
    weights: list[float],
    index: TranscriptIndex,
    lo: int,
    hi: int,
) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, int]]]:
    """The pivot at the saying of its words that goes on as the passage does, the matches
    moved near it, and the anchors they extend to.

    A question that repeats the answer's first words ("will the hospital in Dunmore
    close?" / "the hospital in Dunmore will not close"): the LCS pairs the passage's
    first words with the question's, and the rest comes after a gap. Other sayings are
    tried only when the match spans more than it would said in one go, and taken only
    where more of the passage's next (or previous) words follow (or precede) them.
    """
    compact = _compact(pairs, pivot, qids, index)
    first = _extend(_blocks(compact), pivot, weights)
    if not first or (first[-1][1] - first[0][1]) - (first[-1][0] - first[0][0]) <= SPREAD:
        return pivot, compact, first
    best, chosen = _goes_on(pivot, qids, index), pivot
    for place in _resaid(pivot, qids, index, lo, hi):
        fits = _goes_on(place, qids, index)
        if fits > best:
            best, chosen = fits, place
    if chosen is pivot:
        return pivot, compact, first
    compact = _compact(_around(pairs, chosen), chosen, qids, index)
    return chosen, compact, _extend(_blocks(compact), chosen, weights)


def _goes_on(place: list[tuple[int, int]], qids: list[int], index: TranscriptIndex) -> int:
    """How many of the passage's next and previous :data:`SPREAD` units are said right after
    and right before ``place``, in order."""
    ids = index.ids
    (i0, j0), (i1, j1) = place[0], place[-1]
    ahead = 0
    while ahead < SPREAD and i1 + ahead + 1 < len(qids) and j1 + ahead + 1 < len(ids):
        if ids[j1 + ahead + 1] != qids[i1 + ahead + 1]:
            break
        ahead += 1
    back = 0
    while back < SPREAD and i0 - back - 1 >= 0 and j0 - back - 1 >= 0:
        if ids[j0 - back - 1] != qids[i0 - back - 1]:
            break
        back += 1
    return ahead + back


def _resaid(
    pivot: list[tuple[int, int]], qids: list[int], index: TranscriptIndex, lo: int, hi: int
) -> list[list[tuple[int, int]]]:
    """The pivot and every other place in ``[lo, hi)`` where its words were said the same
    way (same units at the same distances), in order."""
    (i0, j0), ids = pivot[0], index.ids
    postings = index.postings[qids[i0]]
    out = []
    for start in postings[bisect_left(postings, lo) : bisect_left(postings, hi)]:
        shifted = [(i, j - j0 + start) for i, j in pivot]
        if shifted[-1][1] < hi and all(ids[j] == qids[i] for i, j in shifted):
            out.append(shifted)
    return out


def _around(pairs: list[tuple[int, int]], pivot: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``pairs`` with ``pivot`` in place of its own passage units, keeping only the others
    that stay in order around it."""
    (first_i, first_j), (last_i, last_j) = pivot[0], pivot[-1]
    before = [(i, j) for i, j in pairs if i < first_i and j < first_j]
    after = [(i, j) for i, j in pairs if i > last_i and j > last_j]
    return [*before, *pivot, *after]


def _lcs_pairs(
    qids: Sequence[int], ids: Sequence[int], qa: int, qb: int, ta: int, tb: int
) -> list[tuple[int, int]]:
    """Matched ``(passage, transcript)`` positions of an exact LCS of two ranges."""
    pairs: list[tuple[int, int]] = []
    if qa >= qb or ta >= tb:
        return pairs
    for block in LCSseq.opcodes(qids[qa:qb], ids[ta:tb]).as_matching_blocks():
        for k in range(block.size):
            pairs.append((qa + block.a + k, ta + block.b + k))
    return pairs


def _blocks(pairs: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Group matches that lie close together (small slips between them are noise)."""
    blocks: list[list[tuple[int, int]]] = []
    for i, j in pairs:
        if blocks and i - blocks[-1][-1][0] <= 3 and j - blocks[-1][-1][1] <= 4:
            blocks[-1].append((i, j))
        else:
            blocks.append([(i, j)])
    return blocks


def _gain(block: list[tuple[int, int]], weights: list[float]) -> float:
    return sum(weights[i] for i, _ in block)


def _compact(
    pairs: list[tuple[int, int]],
    pivot: list[tuple[int, int]],
    qids: list[int],
    index: TranscriptIndex,
) -> list[tuple[int, int]]:
    """Move each match to the occurrence of its word nearest the pivot, keeping order.

    An LCS may match a repeated word ("peace deal" said twice) at either
    place; the count is the same, but the nearer one is what was meant. The
    pivot's own matches move too: "the old boats" said as "on the water the
    old boats" has its "the" in the pivot, two words early.
    """
    first_i, last_i = pivot[0][0], pivot[-1][0]
    out = list(pairs)
    prev_j = pivot[-1][1]
    for k, (i, j) in enumerate(out):
        if i <= last_i:
            continue
        postings = index.postings[qids[i]]
        p = bisect_right(postings, prev_j)
        if p < len(postings) and postings[p] < j:
            j = postings[p]
            out[k] = (i, j)
        prev_j = j
    next_j = pivot[-1][1]
    for k in range(len(out) - 1, -1, -1):
        i, j = out[k]
        if i >= last_i:
            continue
        postings = index.postings[qids[i]]
        p = bisect_left(postings, next_j) - 1
        if (
            p >= 0
            and postings[p] > j
            and (i < first_i or _skips_content(index, qids, i, j, postings[p]))
        ):
            j = postings[p]
            out[k] = (i, j)
        next_j = j
    return out


def _skips_content(index: TranscriptIndex, qids: list[int], i: int, a: int, b: int) -> bool:
    """Whether moving passage unit ``i`` from said unit ``a`` to ``b`` skips a content word.

    Inside the pivot a match moves only over one ("the water the old boats"),
    not over a stutter ("I I hear", "let's let's hope": the words skipped
    repeat the passage's own), which the quote then leaves out (an edit).
    """
    skipped = index.ids[a + 1 : b]
    if list(skipped) == qids[max(0, i - len(skipped)) : i]:
        return False
    return any(not is_function(u) and u not in FILLERS for u in index.units[a + 1 : b])


def _extend(
    blocks: list[list[tuple[int, int]]],
    pivot: list[tuple[int, int]],
    weights: list[float],
) -> list[tuple[int, int]]:
    """Grow outward from the pivot block while the blocks found are worth their gaps.

    Gaps cost a little per skipped word, so an elided passage stays one match;
    a block far away must carry real weight (two or more words), so a stray
    "NATO" said a sentence later does not join.
    """
    at = next(k for k, b in enumerate(blocks) if pivot[-1] in b)
    centre = blocks[at]
    right = _walk(blocks[at + 1 :], centre[-1], weights, 1)
    left = _walk(blocks[:at][::-1], centre[0], weights, -1)
    return [p for b in left[::-1] for p in b] + centre + [p for b in right for p in b]


def _walk(
    blocks: list[list[tuple[int, int]]],
    start: tuple[int, int],
    weights: list[float],
    direction: int,
) -> list[list[tuple[int, int]]]:
    kept: list[list[tuple[int, int]]] = []
    best_len = 0
    total = best = 0.0
    last_i, last_j = start
    for block in blocks:
        near_i, near_j = block[0] if direction > 0 else block[-1]
        qgap = abs(near_i - last_i) - 1
        tgap = abs(near_j - last_j) - 1
        gain = _gain(block, weights)
        if (tgap > 6 or qgap > 3) and (len(block) < 2 or gain < 1.0):
            continue
        total += gain - (0.03 * tgap + 0.08 * qgap)
        if total < -1.0:
            break
        kept.append(block)
        last_i, last_j = block[-1] if direction > 0 else block[0]
        # Only a block with a content word may end the match: "the" and "for"
        # match anywhere, so on their own they prove nothing.
        if total > best and gain > 0.2 * len(block) + 1e-9:
            best, best_len = total, len(kept)
    kept = kept[:best_len]
    return kept


def _fill(
    index: TranscriptIndex,
    units: list[str],
    weights: list[float],
    anchors: list[tuple[int, int]],
) -> Match:
    """Turn anchors into ops covering the whole passage, pairing near words in the gaps."""
    m = len(units)
    t = index.units
    ops: list[Op] = []
    first_i, first_j = anchors[0]
    last_i, last_j = anchors[-1]
    # Passage words before the first anchor may still have been said, misheard,
    # just before it: try the same number of transcript words (plus slack).
    lead_lo = max(0, first_j - first_i - 2)
    ops.extend(_gap(units, t, 0, first_i, lead_lo, first_j, edge="lead", cues=index.cues))
    for (i, j), (ni, nj) in zip(anchors, [*anchors[1:], (-1, -1)]):
        ops.append(Op("equal", i, i + 1, j, j + 1))
        if ni >= 0 and (ni > i + 1 or nj > j + 1):
            ops.extend(_gap(units, t, i + 1, ni, j + 1, nj))
    tail_hi = min(len(t), last_j + 1 + (m - last_i - 1) + 2)
    ops.extend(_gap(units, t, last_i + 1, m, last_j + 1, tail_hi, edge="tail", cues=index.cues))
    ops = _merge(ops)
    said = [op for op in ops if op.tag != "delete"]
    first = min(op.ta for op in said if op.tb > op.ta)
    last = max(op.tb for op in said if op.tb > op.ta)
    matched = sum(
        weights[k] * op.sim
        for op in ops
        if op.tag in ("equal", "near")
        for k in range(op.qa, op.qb)
    )
    total = sum(weights) or 1.0
    return Match(first, last, tuple(ops), min(1.0, matched / total), matched)


def _gap(
    q: Sequence[str],
    t: Sequence[str],
    qa: int,
    qb: int,
    ta: int,
    tb: int,
    *,
    edge: Literal["lead", "tail", ""] = "",
    cues: Sequence[int] = (),
) -> list[Op]:
    """Ops for passage units ``[qa, qb)`` against transcript units ``[ta, tb)``
    (``cues``: each transcript unit's cue, read at a passage edge).

    A weighted alignment that maximizes the summed similarity of paired words
    (pairs below :data:`NEAR` do not count). At the edges, transcript words
    that pair with nothing are not part of the match and produce no ops.
    """
    if qa >= qb and (ta >= tb or edge):
        return []
    if qa >= qb:
        return [Op("insert", qa, qa, ta, tb, 0.0)]
    if ta >= tb or (qb - qa) * (tb - ta) > MAX_GAP_CELLS:
        plain = [Op("delete", qa, qb, ta, ta, 0.0)]
        if tb > ta and not edge:
            plain.append(Op("insert", qb, qb, ta, tb, 0.0))
        return plain
    b = tb - ta
    qs, ts = q[qa:qb], t[ta:tb]
    sims = _similarities(qs, ts)

    # Ties between equally good pairings go to the one nearest the anchors:
    # a word repeated inside a long aside belongs next to the words it goes with.
    if edge == "lead":
        tie = [0.001 * (b - 1 - y) for y in range(b)]
    elif edge == "tail":
        tie = [0.001 * y for y in range(b)]
    else:
        tie = [0.001 * min(y, b - 1 - y) for y in range(b)]

    # Moves: a pair of words, or one rare written word heard as two or three
    # ("Kormora" / "core more"), or two written words heard as one. Only
    # rare words are tried that way: they are what recognisers split.
    merges = [weight(u) >= 1.5 and len(u) >= 4 for u in qs]
    # With no pair alike enough and no word to merge, the table would pair nothing: about
    # half the gaps (words of another sentence where a passage is not said).
    paired = any(merges) or any(sim >= NEAR for row in sims for sim in row)
    pairs = _best_pairs(qs, ts, sims, tie, merges) if paired else []
    # A lone function word paired in the middle of a long aside is a guess,
    # not evidence: keep it only next to the gap's edges or another pair.
    kept = [
        p
        for k, p in enumerate(pairs)
        if not is_function(q[qa + p[0]])
        or tie[p[1]] <= 0.0025
        or any(abs(p[1] - o[1]) <= 2 for k2, o in enumerate(pairs) if k2 != k)
    ]
    ops: list[Op] = []
    px = py = 0
    for x, y, kx, ky, sim in kept:
        ops.extend(_unpaired(qa + px, qa + x, ta + py, ta + y))
        tag: OpTag = "equal" if sim == 1.0 and kx == ky else "near"
        ops.append(Op(tag, qa + x, qa + x + kx, ta + y, ta + y + ky, sim))
        px, py = x + kx, y + ky
    ops.extend(_unpaired(qa + px, qb, ta + py, tb))
    if edge:
        ops = _trim_edge(q, cues, ops, edge)
    return ops


def _similarities(qs: Sequence[str], ts: Sequence[str]) -> list[list[float]]:
    """:func:`unit_similarity` of every written unit with every said one (rows: ``qs``).

    Two different units, one of them under :data:`SHORT_UNIT` letters ("of", "a"),
    score 0 there: no look-up is made for them (about a third of the cells of a gap)."""
    rows: list[list[float]] = []
    for u in qs:
        if len(u) < SHORT_UNIT:
            rows.append([1.0 if v == u else 0.0 for v in ts])
        else:
            rows.append([unit_similarity(u, v)[0] if len(v) >= SHORT_UNIT else 0.0 for v in ts])
    return rows


def _best_pairs(
    qs: Sequence[str],
    ts: Sequence[str],
    sims: list[list[float]],
    tie: list[float],
    merges: list[bool],
) -> list[tuple[int, int, int, int, float]]:
    """The pairs ``(x, y, kx, ky, similarity)`` of written words ``qs[x : x + kx]`` and said
    words ``ts[y : y + ky]`` that maximize the summed similarity (:func:`_gap`'s table)."""
    a, b = len(qs), len(ts)
    # The said words each merge could take, joined once per gap rather than once per cell.
    heard_as: dict[int, list[str]] = (
        {ky: ["".join(ts[y : y + ky]) for y in range(b - ky + 1)] for _, ky in _MERGES}
        if any(merges)
        else {}
    )
    # Each cell keeps its move as a small int (see _SKIP_WRITTEN ... _MERGES): a tuple per
    # cell was an allocation per cell. A merge's likeness is looked up again on the way back.
    score = [[0.0] * (b + 1) for _ in range(a + 1)]
    move = [[_SKIP_WRITTEN] * (b + 1) for _ in range(a + 1)]
    for x in range(a - 1, -1, -1):
        row, below, sx, mx = score[x], score[x + 1], sims[x], move[x]
        if not merges[x]:
            for y in range(b - 1, -1, -1):
                sim = sx[y]
                if sim >= NEAR:
                    best, code = below[y + 1] + sim - tie[y], _PAIR
                else:
                    best, code = -1.0, _SKIP_WRITTEN
                if below[y] > best:
                    best, code = below[y], _SKIP_WRITTEN
                if row[y + 1] > best:
                    best, code = row[y + 1], _SKIP_SAID
                row[y], mx[y] = best, code
            continue
        # The merge moves that fit below this row: (code, kx, ky, the written words).
        fits = [
            (_MERGE + k, kx, ky, "".join(qs[x : x + kx]), score[x + kx], heard_as[ky])
            for k, (kx, ky) in enumerate(_MERGES)
            if x + kx <= a
        ]
        for y in range(b - 1, -1, -1):
            best, code = -1.0, _SKIP_WRITTEN
            sim = sx[y]
            if sim >= NEAR:
                best, code = below[y + 1] + sim - tie[y], _PAIR
            else:
                for merge, kx, ky, written, target, heard in fits:
                    if y + ky > b:
                        continue
                    sim = _merged_similarity(written, heard[y])
                    v = target[y + ky] + kx * (sim - tie[y])
                    if sim >= MERGED and v > best:
                        best, code = v, merge
            if below[y] > best:
                best, code = below[y], _SKIP_WRITTEN
            if row[y + 1] > best:
                best, code = row[y + 1], _SKIP_SAID
            row[y], mx[y] = best, code
    pairs: list[tuple[int, int, int, int, float]] = []  # x, y, kx, ky, similarity
    x = y = 0
    while x < a and y < b:
        code = move[x][y]
        if code == _SKIP_WRITTEN:
            x += 1
        elif code == _SKIP_SAID:
            y += 1
        elif code == _PAIR:
            pairs.append((x, y, 1, 1, sims[x][y]))
            x, y = x + 1, y + 1
        else:
            kx, ky = _MERGES[code - _MERGE]
            sim = _merged_similarity("".join(qs[x : x + kx]), "".join(ts[y : y + ky]))
            pairs.append((x, y, kx, ky, sim))
            x, y = x + kx, y + ky
    return pairs


@lru_cache(maxsize=200_000)
def _merged_similarity(a: str, b: str) -> float:
    """How alike written words and the words they were heard as sound, each joined
    ("kormora" / "coremore")."""
    if not a.isalpha() or not b.isalpha() or not 0.6 <= len(a) / len(b) <= 1.6:
        return 0.0
    return sound_similarity(a, b)


def _unpaired(qa: int, qb: int, ta: int, tb: int) -> list[Op]:
    if qa < qb and ta < tb:
        return [Op("replace", qa, qb, ta, tb, 0.0)]
    if qa < qb:
        return [Op("delete", qa, qb, ta, ta, 0.0)]
    if ta < tb:
        return [Op("insert", qa, qa, ta, tb, 0.0)]
    return []


def _trim_edge(q: Sequence[str], cues: Sequence[int], ops: list[Op], edge: str) -> list[Op]:
    """At a passage edge, unpaired transcript words are context, not part of the match."""
    if not ops:
        return ops
    out = list(ops)
    k = 0 if edge == "lead" else len(out) - 1
    op = out[k]
    if op.tag == "insert":
        del out[k]
    elif op.tag == "replace" and (
        all(is_function(u) for u in q[op.qa : op.qb]) or op.qb - op.qa > 3
    ):
        # Function words only, or a long unsaid edge: the words after it are no
        # "replacement".
        at = op.tb if edge == "lead" else op.ta
        out[k] = Op("delete", op.qa, op.qb, at, at, 0.0)
    elif op.tag == "replace":
        # Keep as many said words as the passage has (plus one) next to the
        # match: "coming [into NATO → in the Alliance]" reads right, a whole
        # following sentence would not.
        keep = min(op.tb - op.ta, op.qb - op.qa + 1)
        outer = op.tb - keep if edge == "lead" else op.ta + keep - 1
        inner = outer + 1 if edge == "lead" else outer - 1
        if keep > op.qb - op.qa and cues and cues[outer] != cues[inner]:
            keep -= 1  # "by [July → October]" and the next cue's "Staff…": not the quote's
        ta, tb = (op.tb - keep, op.tb) if edge == "lead" else (op.ta, op.ta + keep)
        out[k] = Op("replace", op.qa, op.qb, ta, tb, 0.0)
    if out and all(o.tag == "delete" for o in out):
        at = out[-1].tb if edge == "lead" else out[0].ta
        return [Op("delete", out[0].qa, out[-1].qb, at, at, 0.0)]
    return out


def _merge(ops: list[Op]) -> list[Op]:
    """Join neighbouring ops of the same tag (exact matches and deletions read better whole)."""
    out: list[Op] = []
    for op in ops:
        if out and op.tag == out[-1].tag and op.tag in ("equal", "delete", "insert"):
            prev = out[-1]
            if prev.qb == op.qa and prev.tb == op.ta:
                out[-1] = Op(
                    op.tag, prev.qa, op.qb, prev.ta, op.tb, 1.0 if op.tag == "equal" else 0.0
                )
                continue
        out.append(op)
    return out


def _recover(
    index: TranscriptIndex,
    units: list[str],
    qids: list[int],
    weights: list[float],
    match: Match,
    anchors: list[tuple[int, int]],
) -> Match:
    """Look nearby for passage runs the match left unsaid.

    A run found further on in the same order is the rest of an elided quote
    (the match grows to include it); a run found in the other order was
    reordered by the writer (recorded in ``moved``).
    """
    runs = _unmatched_runs(match.ops, weights)
    if not runs or len(anchors) < 2 or match.matched < 1.5:
        return match
    m = len(units)
    n = len(index)
    extra: list[tuple[int, int]] = []
    moved: list[tuple[int, int, int, int]] = []
    moved_weight = 0.0
    for qa, qb in runs:
        need = sum(weights[qa:qb])
        if qb - qa < 2 or need < 1.5:
            continue
        suffix, prefix = qa > anchors[-1][0], qb <= anchors[0][0]
        # The rest of an elided quote may come a while later; a reordered run
        # is looked for only close by, where a writer's reshuffle comes from.
        near = qb - qa + 8
        reach_after = m + 40 if suffix else near
        reach_before = m + 40 if prefix else near
        found: tuple[float, list[tuple[int, int]]] | None = None
        for ta, tb in (
            (match.last, min(n, match.last + reach_after)),
            (max(0, match.first - reach_before), match.first),
        ):
            for block in _blocks(_lcs_pairs(qids, index.ids, qa, qb, ta, tb)):
                gain = _gain(block, weights)
                span = block[-1][1] - block[0][1] + 1
                if (
                    len(block) >= max(2, (qb - qa) // 2)
                    and gain >= 0.7 * need
                    and span <= 2 * (qb - qa) + 2
                    and (found is None or gain > found[0])
                ):
                    found = (gain, block)
        if found is None:
            continue
        gain, block = found
        after = block[0][1] >= match.last
        if (after and suffix) or (not after and prefix):
            extra.extend(block)
        elif not _heard_in_place(index, units, match.ops, qa, qb):
            moved.append((qa, qb, block[0][1], block[-1][1] + 1))
            moved_weight += gain
    if extra:
        match = _fill(index, units, weights, sorted([*anchors, *extra]))
    if moved:
        total = sum(weights) or 1.0
        matched = min(total, match.matched + moved_weight)
        gone = {k for qa, qb, _, _ in moved for k in range(qa, qb)}
        core = [
            op
            for op in match.ops
            if op.tb > op.ta and not all(k in gone for k in range(op.qa, op.qb))
        ]
        if core:  # the span is what stays in place (a small word matched by chance goes)
            match = replace(match, first=core[0].ta, last=max(op.tb for op in core))
        match = Match(
            min(match.first, *(ta for _, _, ta, _ in moved)),
            max(match.last, *(tb for _, _, _, tb in moved)),
            _moved_ops(match, moved),
            matched / total,
            matched,
            tuple(moved),
        )
    return match


def _heard_in_place(
    index: TranscriptIndex, units: Sequence[str], ops: Sequence[Op], qa: int, qb: int
) -> bool:
    """Whether passage units ``[qa, qb)`` stand in the match where words that sound like
    them were said: misheard in place ("san zeloria" / "sanselloria"), not reordered,
    whatever the same words said nearby."""
    here = [op for op in ops if op.qa < qb and op.qb > qa]
    if not here or any(op.tag not in ("replace", "near") for op in here):
        return False
    if here[0].qa != qa or here[-1].qb != qb:
        return False
    said = "".join(index.units[here[0].ta : here[-1].tb])
    return sound_similarity("".join(units[qa:qb]), said) >= MERGED


def _moved_ops(match: Match, moved: list[tuple[int, int, int, int]]) -> tuple[Op, ...]:
    """Ops where reordered runs read as "not said here" plus the stretch where they were said."""
    gone = {k for qa, qb, _, _ in moved for k in range(qa, qb)}
    ops: list[Op] = []
    for op in match.ops:
        if op.tag in ("replace", "equal") and all(k in gone for k in range(op.qa, op.qb)):
            at = min(max(op.ta, match.first), match.last)
            ops.append(Op("delete", op.qa, op.qb, at, at, 0.0))
        else:
            ops.append(op)
    for _, _, ta, tb in moved:
        if tb <= match.first:
            ops.insert(0, Op("insert", 0, 0, ta, match.first, 0.0))
        else:
            ops.append(Op("insert", len(ops) and ops[-1].qb, ops[-1].qb, match.last, tb, 0.0))
    return tuple(ops)


def _unmatched_runs(ops: Sequence[Op], weights: Sequence[float]) -> list[tuple[int, int]]:
    """Runs of passage units not said in the match. A small word matched alone between
    unmatched words ("the" of another sentence) is taken into the run: it is as likely
    chance, and would split a run said elsewhere into pieces too short to look for."""
    runs: list[tuple[int, int]] = []
    for k, op in enumerate(ops):
        lone = (
            op.tag == "equal"
            and op.qb - op.qa == 1
            and weights[op.qa] < LONE_WEIGHT
            and 0 < k < len(ops) - 1
            and ops[k - 1].tag in ("delete", "replace")
            and ops[k + 1].tag in ("delete", "replace")
        )
        if (lone or op.tag in ("delete", "replace")) and op.qb > op.qa:
            if runs and runs[-1][1] == op.qa:
                runs[-1] = (runs[-1][0], op.qb)
            else:
                runs.append((op.qa, op.qb))
    return runs
