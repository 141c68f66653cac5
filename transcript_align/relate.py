"""Does an article report this event? Evidence from long shared word runs and its quotes.

Two texts about the same topic share words and short stock phrases ("the war
against Ukraine", "foreign ministers") by chance. What chance does not give
is *long* runs of the speaker's words in the same order, which an article
that quotes this very speech has. So the evidence is the length of runs of
the article's units found in order in the transcript (trigram seeds, chained
along a diagonal through recogniser slips), each counted beyond the length
that topical overlap reaches on its own.

A short piece may quote only a few sentences, some of them loosely; it still
reports the event when most of its quotes were said here (a piece about
another day may share one stock phrase of the speaker's, not most quotes).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np
from numpy.typing import NDArray

from .alignment import TranscriptIndex, trigram_key
from .lexicon import FILLERS, FUNCTION_WORDS
from .models import Quote, QuoteCheck, Reference, ReferenceCheck
from .normalize import TextWords, text_words
from .passages import paragraph_at, paragraph_starts, reporting_passages
from .verify import checkable, is_said, not_found, said_closely_once, said_share

CHANCE_RUN: Final = 5
"""Runs up to this many units occur between unrelated texts on one topic."""
ALIGNED_EVIDENCE = 8.0
"""Units beyond chance an article needs to report this event (e.g. one 13-unit run)."""
MAX_TRIGRAM_POSTINGS: Final = 16
"""A trigram said more often than this (more in long transcripts) is a stock phrase, not a place."""
MAX_SLIP: Final = 3
"""Units a run may skip (misheard or extra words) and still be one run."""
QUOTES_SAID = 0.5
"""Share of an article's checkable quotes that must have been said to count as support."""
MIN_QUOTES_SAID = 2
_NOT_CONTENT = FUNCTION_WORDS | FILLERS
"""What :func:`is_function` says yes to, as one set: it is asked for every article word."""
ANOTHER_EVENT = "said only as a phrase repeated here, beside quotes of another event"
OTHER_LANGUAGE = "written in another language than the transcript"
"""The reason an article with hardly an English function word is unrelated to an English
transcript (a translation of the speaker's words: nothing to compare word for word)."""
ENGLISH_SHARE = 0.12
"""Share of an article's words that are English function words below which it is in
another language (English prose has 0.2–0.5; French and German articles about 0.05)."""
_SAMPLE = 5000
"""Transcript units read to tell whether the transcript itself is English."""
PARTLY_SAID = 0.3
"""Share of a quote's weight said at its best place from which it was at least partly said
(a quote of another occasion is hardly said here at all)."""
MAX_REACH = 20
"""Article units a word may stand from a run of its paragraph and still be placed by it."""


def assess(reference: Reference, index: TranscriptIndex) -> tuple[ReferenceCheck, Relatedness]:
    """Decide whether ``reference`` reports the event of the transcript behind ``index``.

    ``score`` is 0.5 at the decision boundary: above it the article is aligned.
    The word runs found come along: they anchor repairs.
    """
    rel = relatedness(index, reference.text)
    return _decide(reference, index, rel), rel


def _decide(reference: Reference, index: TranscriptIndex, rel: Relatedness) -> ReferenceCheck:
    score = rel.evidence / (rel.evidence + ALIGNED_EVIDENCE)
    if rel.aligned:
        said = sum(r.matched for r in rel.runs if r.matched > CHANCE_RUN)
        why = f"{said} of its words said in order (longest run {rel.longest} words)"
        return ReferenceCheck(reference, "aligned", round(score, 3), why)
    said, checked = _quote_support(reference, index)
    if checked and said >= MIN_QUOTES_SAID and said / checked >= QUOTES_SAID:
        score = max(score, _support(said, checked))
        why = f"{said} of its {checked} quotes were said here"
        return ReferenceCheck(reference, "aligned", round(score, 3), why)
    if rel.evidence > 0:
        close = _closely_said_quote(reference, index, rel)
        if close is not None:
            why = f"a run of its words and a quote of {len(close.text.split())} words said here"
            return ReferenceCheck(reference, "aligned", round(max(score, 0.5), 3), why)
    passages = reporting_passages(
        reference, [is_said(q.text, index, once=True) for q in reference.quotes]
    )
    if passages is not None:
        # A round-up: this event in some paragraphs, other events around them.
        score = max(score, _support(passages.said, passages.checked))
        first, last = passages.reporting[0] + 1, passages.reporting[-1] + 1
        why = (
            f"paragraphs {first}–{last} report this event: {passages.said} of their "
            f"{passages.checked} quotes were said here"
        )
        return ReferenceCheck(
            reference, "aligned", round(score, 3), why, paragraphs=passages.reporting, partial=True
        )
    if rel.longest < 4 and not said and _other_language(reference.text, index):
        why = OTHER_LANGUAGE
    elif rel.longest < 4 and not said:
        why = "no passage of it was said here"
    else:
        why = f"only short phrases in common (longest {rel.longest} words"
        why += f", {said} of {checked} quotes)" if checked else ")"
    return ReferenceCheck(reference, "unrelated", round(min(score, 0.499), 3), why)


def _other_language(text: str, index: TranscriptIndex) -> bool:
    """Whether the article is in another language than the transcript: hardly any of its
    words are English function words, while the transcript's are."""
    return (
        _english_share(text_words(text).units)
        < ENGLISH_SHARE
        <= _english_share(index.units[:_SAMPLE])
    )


def _english_share(units: Sequence[str]) -> float:
    return sum(u in FUNCTION_WORDS for u in units) / len(units) if units else 0.0


def reporting_paragraphs(
    reference: Reference, anchors: Sequence[tuple[int, int, int]], quotes: Sequence[QuoteCheck]
) -> tuple[tuple[int, ...], tuple[QuoteCheck, ...]]:
    """The paragraphs of an aligned article that report this event, and its quotes settled.

    A paragraph reports this event when a run of its words was said in order
    beyond chance (``anchors``: reference unit, transcript unit, length) or a
    quote of it was found at one place. A quote found only as a phrase the
    speaker says again and again, in a paragraph that does not report this
    event, next to a quote that was not said, is another event's (a round-up
    quoting the stock phrase from elsewhere): it becomes ``not_found``.
    Measured on generated round-ups and ordinary articles: looser rules (no
    quote not said nearby) cost ordinary articles 4.6 points of found recall.
    """
    starts = paragraph_starts(reference.text)
    if not starts:
        return (), tuple(quotes)
    words = text_words(reference.text)
    where = [paragraph_at(starts, q.quote.start) for q in quotes]
    found = {p for p, q in zip(where, quotes) if q.location is not None and not q.alternatives}
    # A run inside a quote said at several places is that stock phrase: no evidence.
    repeated = [(q.quote.start, q.quote.end) for q in quotes if q.alternatives]
    for ra, _, length in anchors:
        if length > CHANCE_RUN and not _inside(words, ra, length, repeated):
            found.update(range(*_paragraph_range(starts, words, ra, length)))
    unsaid = {p for p, q in zip(where, quotes) if q.status == "not_found"}
    settled = tuple(
        not_found(q.quote, q.reference, ANOTHER_EVENT)
        if q.alternatives and unsaid.intersection((p - 1, p, p + 1)) and p not in found
        else q
        for p, q in zip(where, quotes)
    )
    kept = {p for p, q in zip(where, settled) if q.location is not None}
    return tuple(sorted(found | kept)), settled


def expected_place(
    reference: Reference, anchors: Sequence[tuple[int, int, int]], pos: int
) -> int | None:
    """Where in the transcript (a unit) the words at character ``pos`` of ``reference``
    should have been said, by the run of its paragraph nearest to them (``None``: no run).
    """
    starts = paragraph_starts(reference.text)
    if not starts:
        return None
    words = text_words(reference.text)
    k = bisect.bisect_left(words.starts, pos)
    if k >= len(words.starts):
        return None
    u = words.first_unit[k]
    paragraph = paragraph_at(starts, words.starts[k])
    best: tuple[int, int] | None = None  # (distance, transcript unit)
    for ra, ta, length in anchors:
        if length <= CHANCE_RUN:
            continue
        lo, hi = _paragraph_range(starts, words, ra, length)
        if not lo <= paragraph < hi:
            continue
        distance = 0 if ra <= u < ra + length else min(abs(u - ra), abs(u - (ra + length - 1)))
        if distance <= MAX_REACH and (best is None or distance < best[0]):
            best = (distance, ta + (u - ra))
    return best[1] if best else None


def _run_chars(words: TextWords, ra: int, length: int) -> tuple[int, int]:
    """Where the first and the last word of reference units ``[ra, ra + length)`` start."""
    first = bisect.bisect_right(words.first_unit, ra) - 1
    last = bisect.bisect_right(words.first_unit, ra + length - 1) - 1
    return words.starts[first], words.starts[last]


def _inside(words: TextWords, ra: int, length: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether reference units ``[ra, ra + length)`` lie within one of the character ``spans``."""
    first, last = _run_chars(words, ra, length)
    return any(a <= first and last < b for a, b in spans)


def _paragraph_range(
    starts: Sequence[int], words: TextWords, ra: int, length: int
) -> tuple[int, int]:
    """The paragraphs ``[first, last)`` that reference units ``[ra, ra + length)`` lie in."""
    first, last = _run_chars(words, ra, length)
    return paragraph_at(starts, first), paragraph_at(starts, last) + 1


def _closely_said_quote(
    reference: Reference, index: TranscriptIndex, rel: Relatedness
) -> Quote | None:
    """A long quote said closely at one place (:func:`~.verify.said_closely_once`), with
    evidence apart from it, if there is one: a run of the article's words beyond chance
    outside it, or most of its other quotes at least partly said here
    (:data:`PARTLY_SAID`). Recogniser noise broke the runs too short to count on their
    own. One quote alone may be a line the speaker says at every occasion, which a report
    of another occasion quotes beside quotes never said here."""
    words = text_words(reference.text)
    runs = [_run_chars(words, r.ra, r.rb - r.ra) for r in rel.beyond]
    quotes = [q for q in reference.quotes if checkable(q.text)]
    for q in quotes:
        if not said_closely_once(q.text, index):
            continue
        if any(not (q.start <= a and b < q.end) for a, b in runs):
            return q
        others = [o for o in quotes if o is not q]
        partly = sum(said_share(o.text, index) >= PARTLY_SAID for o in others)
        if others and partly >= 0.5 * len(others):
            return q
    return None


def _support(said: int, checked: int) -> float:
    """The score of an article whose support is ``said`` of ``checked`` quotes (0.5: just)."""
    return 0.5 + 0.5 * (said / checked - QUOTES_SAID) / (1 - QUOTES_SAID)


def _quote_support(reference: Reference, index: TranscriptIndex) -> tuple[int, int]:
    """How many of the article's checkable quotes were said, and how many there are.

    Stops as soon as the article cannot qualify (the count may then be short); an
    article that qualifies has every quote counted, since its reason states the count.
    """
    quotes = [q.text for q in reference.quotes if checkable(q.text)]
    total = len(quotes)
    said = 0
    for n, text in enumerate(quotes, 1):
        said += bool(is_said(text, index))
        if said + total - n < max(MIN_QUOTES_SAID, QUOTES_SAID * total):
            break
    return said, total


@dataclass(slots=True, unsafe_hash=True)  # not frozen: see alignment.Op
class Run:
    """Reference units ``[ra, rb)`` found in order at transcript units ``[ta, tb)``."""

    ra: int
    rb: int
    ta: int
    tb: int
    matched: int


@dataclass(frozen=True)
class Relatedness:
    """How much of a reference was said in the transcript."""

    longest: int
    runs: tuple[Run, ...]
    beyond: tuple[Run, ...]
    """The runs longer than chance gives, with two content words or more: the evidence."""

    @property
    def evidence(self) -> float:
        return float(sum(r.matched - CHANCE_RUN for r in self.beyond))

    @property
    def aligned(self) -> bool:
        return self.evidence >= ALIGNED_EVIDENCE


def relatedness(index: TranscriptIndex, text: str) -> Relatedness:
    """Measure how much of ``text`` (a reference body) is the transcript's speech."""
    units = text_words(text).units
    vocab = index.vocab
    ids = [vocab.get(u, -1) for u in units]
    content = [u not in _NOT_CONTENT for u in units]
    trigrams = index.trigrams
    vocabulary = len(vocab)
    # In a long hearing a phrase of the speaker's recurs more often, and is still a place.
    cap = max(MAX_TRIGRAM_POSTINGS, len(index) // 2000)
    seeds: list[int] = []  # article units whose trigram was said, in order
    places: list[NDArray[np.int64]] = []  # where each was said
    for p in range(len(ids) - 2):
        a, b, c = ids[p], ids[p + 1], ids[p + 2]
        if a < 0 or b < 0 or c < 0:
            continue  # a word the transcript does not have
        hits = trigrams.get(trigram_key(a, b, c, vocabulary))
        if hits is None or len(hits) > cap:
            continue
        if not (content[p] or content[p + 1] or content[p + 2]):
            continue  # "and that is": no evidence of where
        seeds.append(p)
        places.append(hits)
    at, where = _joinable(seeds, places)
    active: dict[int, list[int]] = {}  # diagonal -> [ra, rb, ta, tb, matched]
    # Only runs longer than a trigram can tell anything: the rest (most, where a
    # phrase recurs through a long transcript) count only towards the longest run.
    runs: list[Run] = []
    longest = 3 if len(at) < sum(len(h) for h in places) else 0  # a seed alone: a run of 3
    run: list[int] | None
    last = -1
    for p, j in zip(at, where):
        if p != last:
            # Close runs that can no longer grow.
            if last % 16 == 0 and active:
                for dd in [dd for dd, open_ in active.items() if last - open_[1] > MAX_SLIP]:
                    longest = _close(active.pop(dd), runs, longest)
            last = p
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
            longest = _close(beaten, runs, longest)  # it slipped too far: it ends here
        active[d] = run
    for open_ in active.values():
        longest = _close(open_, runs, longest)
    kept = _dedupe(runs)
    beyond = [r for r in kept if r.matched > CHANCE_RUN and sum(content[r.ra : r.rb]) >= 2]
    return Relatedness(longest, tuple(kept), tuple(beyond))


_DRIFT: Final = 3
"""Diagonals a run may move by from one seed to the next (the candidates in
:func:`relatedness`)."""


def _joinable(seeds: list[int], places: list[NDArray[np.int64]]) -> tuple[list[int], list[int]]:
    """The seeds (article unit, transcript unit), in the order :func:`relatedness` takes
    them, that can join a run or be joined: those with another seed at most
    ``MAX_SLIP + 3`` article units and :data:`_DRIFT` diagonals away.

    Any other seed starts a run of 3 that nothing extends, which counts only towards the
    longest run; what it would have ended (a run already too far behind to grow) ends
    later just the same. In a long hearing most seeds are such, a phrase said here and
    there, and following each through the open runs was most of the comparison's time.
    """
    if not places:
        return [], []
    where = np.concatenate(places)
    at = np.repeat(np.array(seeds, dtype=np.int64), [len(h) for h in places])
    order = np.argsort(where, kind="stable")
    w, a = where[order], at[order]
    d = w - a
    near = np.zeros(len(w), dtype=bool)
    reach = MAX_SLIP + 3 + _DRIFT  # the farthest apart in the transcript two such seeds are
    k = 1
    while k < len(w):
        close = w[k:] - w[:-k] <= reach
        if not close.any():
            break  # (the places are sorted: farther neighbours are farther still)
        pair = close & (np.abs(a[k:] - a[:-k]) <= MAX_SLIP + 3) & (np.abs(d[k:] - d[:-k]) <= _DRIFT)
        near[k:] |= pair
        near[:-k] |= pair
        k += 1
    keep = np.empty_like(near)
    keep[order] = near
    return at[keep].tolist(), where[keep].tolist()


def _close(run: list[int], runs: list[Run], longest: int) -> int:
    """End an open run ``[ra, rb, ta, tb, matched]``: kept in ``runs`` when longer than a
    trigram; the longest run so far is returned."""
    if run[4] > 3:
        runs.append(Run(*run))
    return max(longest, run[4])


def _dedupe(runs: list[Run]) -> list[Run]:
    """Keep the longest run for each stretch of the reference (repeats in the transcript)."""
    runs.sort(key=lambda r: (-r.matched, r.ra, r.ta))
    taken = bytearray(max((r.rb for r in runs), default=0))
    out: list[Run] = []
    for r in runs:
        if taken.find(1, r.ra, r.rb) >= 0:  # (a scan in C, no slice made)
            continue
        taken[r.ra : r.rb] = b"\x01" * (r.rb - r.ra)
        out.append(r)
    out.sort(key=lambda r: (r.ra, r.ta))
    return out
