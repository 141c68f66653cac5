"""Span–candidate pairs worth scoring, found through an index and batch comparison in C++."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

import numpy as np
from rapidfuzz import fuzz, process

from ..models import Transcript
from .candidates import Candidate
from .guards import names_one, same_words, words_beside
from .likeness import MIN_SIMILARITY, likeness_batch
from .spans import Span, span_at
from .words import name_key, name_sound


def candidate_pairs(
    spans: list[Span],
    candidates: list[Candidate],
    transcript: Transcript,
    vocabulary: frozenset[str] = frozenset(),
) -> list[tuple[Span, Candidate]]:
    """Span–candidate pairs alike enough in spelling or sound to be worth scoring.

    A span holding a word the articles use (``vocabulary``: "ferrolysis") is
    paired only with the candidates that hold that word too: against any
    other, :func:`features` takes the word for heard right and refuses. The
    other spans (a minority, even where most words are rare) are compared with
    every candidate in C++ (:func:`_alike_keys`). Pairs less alike than
    :data:`MIN_SIMILARITY` and pairs of the same words (:func:`same_words`),
    which :func:`features` refuses, are left out before it. A candidate's
    slots are paired with it whatever they look like: where it was said is
    evidence enough to weigh them.
    """
    by_key: dict[str, list[Span]] = defaultdict(list)
    by_range: dict[tuple[int, int], Span] = {}
    holding = _holding(candidates)
    bound: list[tuple[int, Span]] = []
    for s in spans:
        by_range[(s.first, s.last)] = s
        known = {w for w in map(name_key, s.text.split()) if w in vocabulary}
        if known:
            bound.extend((c, s) for c in sorted(set.intersection(*(holding[w] for w in known))))
        else:
            by_key[s.key].append(s)
    keys = list(by_key)
    free = _alike_keys(candidates, keys)
    # Likeness depends on a span's key and sound only: scored once per key, not per span.
    sounds = [by_key[k][0].sound for k in keys]
    close = _close(
        [keys[k] for _, k in free], [sounds[k] for _, k in free], [candidates[c] for c, _ in free]
    )
    pairs = [(c, s) for (c, k), ok in zip(free, close.tolist()) if ok for s in by_key[keys[k]]]
    close_bound = _close_once(
        [(s.key, s.sound, c) for c, s in bound],
        candidates,
    )
    pairs += [pair for pair, ok in zip(bound, close_bound) if ok]
    pairs += _beside_rest(spans, candidates, transcript)
    hits: list[dict[tuple[int, int], Span]] = [{} for _ in candidates]
    for c, s in pairs:
        if not same_words(s, candidates[c]):
            hits[c][(s.first, s.last)] = s
    out: list[tuple[Span, Candidate]] = []
    for cand, found in zip(candidates, hits):
        for where in cand.slots:
            if where not in found:
                span = by_range.get(where) or span_at(transcript, *where)
                if span is not None:
                    found[where] = span
        out.extend((found[k], cand) for k in sorted(found))
    return out


KEY_CUTOFF = 60
"""Spans whose letters are less alike than this to a candidate's (``fuzz.ratio``)…"""
SOUND_CUTOFF = 75
"""…and whose sound keys are less alike than this are not scored (unless in its slot)."""
_BLOCK = 256
"""Candidates compared with all keys at once (bounds the memory of the score matrix)."""
_ROUNDING = 1e-6
"""Margin under a similarity threshold within which the exact test decides."""


def _alike_keys(candidates: Sequence[Candidate], keys: Sequence[str]) -> list[tuple[int, int]]:
    """(candidate, key) index pairs alike in letters (:data:`KEY_CUTOFF`) or in sound
    (:data:`SOUND_CUTOFF`): all pairs compared in C++, a block of candidates at a time."""
    if not candidates or not keys:
        return []
    sounds = [name_sound(k) for k in keys]
    cand_keys = [c.key for c in candidates]
    cand_sounds = [_heard_as(c) for c in candidates]
    out: list[tuple[int, int]] = []
    for lo in range(0, len(candidates), _BLOCK):
        block = slice(lo, lo + _BLOCK)
        c, k = np.nonzero(
            _reaching(process.cdist, cand_keys[block], keys, KEY_CUTOFF)
            | _reaching(process.cdist, cand_sounds[block], sounds, SOUND_CUTOFF)
        )
        out.extend(zip((c + lo).tolist(), k.tolist()))
    return out


def _reaching(
    compare: Callable[..., np.ndarray], queries: list[str], choices: Sequence[str], cutoff: int
) -> np.ndarray:
    """Where ``fuzz.ratio`` of a query and a choice reaches ``cutoff`` (``compare`` is
    rapidfuzz's ``cdist``, every query with every choice, or ``cpdist``, query ``n``
    with choice ``n``); an empty query reaches nothing."""
    scores = compare(queries, choices, scorer=fuzz.ratio, score_cutoff=cutoff, dtype=np.uint8)
    scores[[n for n, q in enumerate(queries) if not q]] = 0
    out: np.ndarray = scores > 0
    return out


def _heard_as(cand: Candidate) -> str:
    """The candidate's sound key when it is long enough to compare (else empty)."""
    return cand.sound if len(cand.sound) >= 2 else ""


def _close(keys: list[str], sounds: list[str], cands: list[Candidate]) -> np.ndarray:
    """Which pairs are alike (the cutoffs of :func:`_alike_keys`) and reach
    :data:`MIN_SIMILARITY` in :func:`likeness`, computed in batch; pairs within
    rounding of it are kept, for :func:`features` to decide."""
    if not keys:
        return np.zeros(0, dtype=bool)
    cand_keys = [c.key for c in cands]
    cand_sounds = [_heard_as(c) for c in cands]
    alike = _reaching(process.cpdist, cand_keys, keys, KEY_CUTOFF) | _reaching(
        process.cpdist, cand_sounds, sounds, SOUND_CUTOFF
    )
    similarity = likeness_batch(keys, sounds, cand_keys, [c.sound for c in cands])
    out: np.ndarray = alike & (similarity >= MIN_SIMILARITY - _ROUNDING)
    return out


def _close_once(
    pairs: Sequence[tuple[str, str, int]], candidates: Sequence[Candidate]
) -> list[bool]:
    """:func:`_close` of each (span key, span sound, candidate number), each distinct one
    computed once: the spans a word of the articles binds to a candidate repeat the
    same few words, more often the longer the hearing."""
    first: dict[tuple[str, str, int], int] = {}
    for pair in pairs:
        first.setdefault(pair, len(first))
    unique = list(first)
    close = _close(
        [k for k, _, _ in unique], [s for _, s, _ in unique], [candidates[c] for _, _, c in unique]
    ).tolist()
    return [close[first[pair]] for pair in pairs]


def _holding(candidates: Sequence[Candidate]) -> dict[str, set[int]]:
    """For each word of a candidate (as a key), the candidates that hold it."""
    out: dict[str, set[int]] = defaultdict(set)
    for n, cand in enumerate(candidates):
        for w in cand.text.split():
            out[name_key(w)].add(n)
    return out


MAX_NAMES_BESIDE = 3
"""Names one neighbour word may stand beside in the articles and still tell which is meant."""


def _beside_rest(
    spans: Sequence[Span], candidates: Sequence[Candidate], transcript: Transcript
) -> list[tuple[int, Span]]:
    """(candidate, span) pairs where the word before or after the span is the rest of the
    candidate's name ("kaya Walley" for "Kaja Walley"): there the span is weighed however
    unlike the name it is spelled, by how plausible a mishearing of it it is (see
    :func:`~.guards.features`). Found through an index of the names' neighbour words; a
    word beside more than :data:`MAX_NAMES_BESIDE` names pairs only those alike in letters
    or sound (the cutoffs of :func:`_alike_keys`), which keeps the pairs linear in a
    hearing whose cast shares first names."""
    beside: dict[str, list[int]] = defaultdict(list)
    for n, cand in enumerate(candidates):
        for word in sorted(cand.neighbours):
            if word and names_one(word) and len(cand.text.split()) == 1:
                beside[word].append(n)
    if not beside:
        return []
    out: list[tuple[int, Span]] = []
    shared: list[tuple[int, Span]] = []
    for s in spans:
        found: set[int] = set()
        crowd: set[int] = set()
        for word in words_beside(s, transcript):
            names = beside.get(word, ())
            (crowd if len(names) > MAX_NAMES_BESIDE else found).update(names)
        out.extend((c, s) for c in sorted(found))
        shared.extend((c, s) for c in sorted(crowd - found))
    # A word beside many names (a first name several people share) does not say which
    # is meant: there the span must also look or sound somewhat like the name.
    if not shared:
        return out
    keys = [candidates[c].key for c, _ in shared]
    alike = _reaching(process.cpdist, keys, [s.key for _, s in shared], KEY_CUTOFF)
    sounds = [_heard_as(candidates[c]) for c, _ in shared]
    alike |= _reaching(process.cpdist, sounds, [s.sound for _, s in shared], SOUND_CUTOFF)
    out.extend(pair for pair, ok in zip(shared, alike.tolist()) if ok)
    return out
