"""From scored pairs to repairs: the best reading of each span, echoes, overlaps resolved."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import fields, replace
from itertools import groupby
from typing import Any

from .. import parallel
from ..models import Correction, Reference, Transcript
from .accents import accent_repairs
from .aligned import block_spans, blocks
from .candidates import MIN_KEY, Candidate, Find, mine_candidates, with_context
from .confidence import BlockFit, Features, confidence
from .guards import features
from .mishear import misheard
from .pairing import candidate_pairs
from .propagate import Learned, propagated
from .slots import slots
from .spans import WORD_BREAK, Span, gap_before, suspicious_spans
from .surnames import surname_repairs
from .words import Anchor, Runs, is_joined, name_key

SUGGEST = 0.6
"""Proposals below this confidence are not reported at all: they would be noise."""


def find_corrections(
    transcript: Transcript,
    references: Sequence[Reference],
    *,
    min_confidence: float,
    apply: bool,
    anchors: Sequence[Sequence[Anchor]] = (),
    unit_owner: Sequence[int] = (),
    finds: Sequence[Sequence[Find]] | None = None,
    jobs: int | None = 1,
) -> tuple[Correction, ...]:
    """Repairs of ``transcript`` supported by ``references`` (all of them aligned).

    Overlapping proposals are resolved in favour of the most confident; every
    proposal is returned, with ``applied`` set for those at or above
    ``min_confidence`` when ``apply`` is true. ``finds``: each reference's
    :func:`article_finds`, when the process that read it found them. ``jobs``:
    processes to weigh the pairs with (:func:`scored_pairs`).
    """
    proposals = [
        (confidence(f), span, cand)
        for span, cand, f in scored_pairs(
            transcript, references, anchors, unit_owner, finds, jobs=jobs
        )
    ]
    learned: list[Learned] = []
    proposals = [p for p in proposals if p[0] >= SUGGEST]
    rank = _wholes_first(proposals, min_confidence)
    order = sorted(range(len(proposals)), key=lambda k: (*rank[k], *_place(proposals[k])))
    proposals = [proposals[k] for k in order]
    taken = bytearray(len(transcript.tokens))
    applied = bytearray(len(transcript.tokens))
    out: list[Correction] = []
    for conf, span, cand in proposals:
        if any(taken[span.first : span.last]) or _cut_short(transcript, span, cand):
            continue
        taken[span.first : span.last] = b"\x01" * (span.last - span.first)
        if conf >= min_confidence:
            learned.append(Learned(span, cand, conf))
            applied[span.first : span.last] = b"\x01" * (span.last - span.first)
        first, last = transcript.tokens[span.first], transcript.tokens[span.last - 1]
        out.append(
            Correction(
                span.first,
                span.last,
                span.text,
                cand.text + span.suffix,
                cand.kind,
                round(conf, 3),
                apply and conf >= min_confidence,
                first.start,
                last.end,
                cand.evidence,
            )
        )
    spread = propagated(
        transcript,
        learned,
        applied,
        min_confidence=min_confidence,
        apply=apply,
        references=references,
    )
    out = _outranked(out, spread)
    surnames = surname_repairs(
        transcript, references, out, min_confidence=min_confidence, apply=apply
    )
    out = _outranked(out, surnames)
    out += accent_repairs(transcript, references, out, min_confidence=min_confidence, apply=apply)
    out.sort(key=lambda c: c.first)
    return tuple(out)


CUT_SHORT = 0.05
"""How much more plausible a hearing of the name the next words must make a span for it
to be the name's first part only…"""
CUT_SHORT_HEARD = 0.97
"""…and how plausible with them: any letters added to a span shorter than the name make
it likelier ("stene" for "Stenenko", then "to")."""
_PAST = 2
"""Words after a span looked at for the rest of the name."""


def _cut_short(transcript: Transcript, span: Span, cand: Candidate) -> bool:
    """Whether the words right after a span go on with the name ("mare aid hall | or an"
    for "Mairead Halloran"): repairing the span alone would leave the rest of it garbled
    beside the name. Only a name of several words is tested: a word's missing syllables
    are as likely found in any word after it ("mowi | has" for "Mowitz")."""
    if " " not in cand.text:
        return False
    base = misheard(cand.text, span.text)
    heard = span.text
    for k in range(span.last, min(len(transcript.tokens), span.last + _PAST)):
        if WORD_BREAK.search(gap_before(transcript, k)):
            return False
        heard = f"{heard} {transcript.tokens[k].text}"
        score = misheard(cand.text, heard)
        if score > base + CUT_SHORT and score >= CUT_SHORT_HEARD:
            return True
    return False


def _place(p: tuple[float, Span, Candidate]) -> tuple[float, int, int, str]:
    """The order among proposals ranked alike: surest first, then by place and text."""
    return (-p[0], p[1].first, p[1].last, p[2].text)


def _wholes_first(
    proposals: Sequence[tuple[float, Span, Candidate]], threshold: float
) -> list[tuple[float, int]]:
    """The sort key each proposal is ranked by when overlaps are resolved: its
    confidence, negated, then 0 for a whole name that takes its part's rank, else 1.

    A whole name sure enough to apply ("olivia selquo" for "Olivier Zelkwo") ranks
    with, and before, the surest of the proposals inside it that repair one of its
    words the same way ("selquo" for "Zelkwo"): taking the part would leave the rest
    of the name garbled. Proposals are looked up by their first token, never pairwise.
    """
    by_first: dict[int, list[int]] = defaultdict(list)
    for k, (_, span, _) in enumerate(proposals):
        by_first[span.first].append(k)
    rank = [conf for conf, _, _ in proposals]
    whole = [1] * len(proposals)
    for k, (conf, span, cand) in enumerate(proposals):
        words = cand.text.split()
        if conf < threshold or len(words) < 2:
            continue
        for t in range(span.first, span.last):
            for j in by_first[t]:
                inner, part = proposals[j][1], proposals[j][2].text.split()
                shorter = inner.last - inner.first < span.last - span.first
                if inner.last <= span.last and shorter and _holds(words, part):
                    rank[k] = max(rank[k], proposals[j][0])
                    whole[k] = 0
    return [(-r, w) for r, w in zip(rank, whole)]


def _holds(words: Sequence[str], part: Sequence[str]) -> bool:
    """Whether ``part`` is a run of whole ``words``."""
    n = len(part)
    return any(list(words[i : i + n]) == list(part) for i in range(len(words) - n + 1))


def _outranked(local: list[Correction], spread: list[Correction]) -> list[Correction]:
    """The local proposals and the learned confusions repaired elsewhere, overlaps resolved.

    Where a proposal left unapplied (too unsure on its own evidence) covers
    words that a confusion learned elsewhere repairs with more confidence,
    the learned repair takes its place ("mister cestad", after "cestad" was
    taken for "Kesstad" in an aligned passage); otherwise the proposal stays.
    """
    covered: dict[int, list[int]] = defaultdict(list)
    for k, c in enumerate(local):
        for t in range(c.first, c.last):
            covered[t].append(k)
    dropped: set[int] = set()
    kept: list[Correction] = []
    for c in spread:
        rivals = sorted({k for t in range(c.first, c.last) for k in covered.get(t, ())})
        if all(local[k].confidence < c.confidence for k in rivals):
            dropped.update(rivals)
            kept.append(c)
    return [c for k, c in enumerate(local) if k not in dropped] + kept


def scored_pairs(
    transcript: Transcript,
    references: Sequence[Reference],
    anchors: Sequence[Sequence[Anchor]] = (),
    unit_owner: Sequence[int] = (),
    finds: Sequence[Sequence[Find]] | None = None,
    *,
    jobs: int | None = 1,
) -> list[tuple[Span, Candidate, Features]]:
    """Every span–candidate pair that passes the guards, with its evidence.

    ``anchors`` (one list per reference) are the article passages found said
    in the transcript: a name inside one marks where it should have been
    heard (``unit_owner`` maps transcript units to tokens). This is what
    :func:`find_corrections` decides from, and what the confidence model is
    fitted on (``benchmarks/calibrate.py``).

    With ``jobs`` above 1 the independent steps run in forked helper processes
    (:mod:`..parallel`): the passages' blocks beside the suspicious spans, and
    each candidate's pairs; the result is the same, in the same order.
    """
    candidates = mine_candidates(references, finds)
    if not candidates:
        return []
    anchors = [Runs(a) for a in anchors]
    if anchors and unit_owner:
        said = [u for t in transcript.tokens for u in t.units]
        candidates = [
            replace(c, slots=slots(c, references, anchors, said, unit_owner)) for c in candidates
        ]
    # Short acronyms ("EPS", "M&A") only where an aligned passage has them: anywhere else a
    # three-letter span is as likely any other word.
    kept = [c for c in candidates if len(c.key) >= MIN_KEY and not is_joined(c.text)]
    vocabulary = frozenset(c.key for c in kept if " " not in c.text)

    def spans_and_pairs() -> tuple[list[Span], list[tuple[Span, Candidate]]]:
        spans = suspicious_spans(
            transcript,
            frozenset(c.sound[:2] for c in kept),
            frozenset(k for c in kept for k in c.neighbours),
        )
        return spans, candidate_pairs(spans, kept, transcript, vocabulary)

    # The blocks in a helper (their result is small to send back), the spans here; a
    # few candidates are not worth a process.
    found, (spans, paired) = parallel.in_parallel(
        lambda: _aligned_blocks(transcript, references, candidates, anchors, unit_owner),
        spans_and_pairs,
        jobs=jobs if len(candidates) >= parallel.MIN_ITEMS else 1,
    )
    heard = [(span, candidates[c], _rebuilt(BlockFit, fit)) for span, c, fit in found]
    if not spans and not heard and not any(c.slots for c in kept):
        return []
    known = Counter(name_key(t.text) for t in transcript.tokens)
    repeats: dict[str, int] = defaultdict(int)
    for sp in spans:
        repeats[sp.key] += 1

    pairs: dict[tuple[str, int, int], tuple[Span, Candidate, BlockFit | None]] = {
        (cand.key, span.first, span.last): (span, cand, None) for span, cand in paired
    }
    for span, mined, block in heard:
        pairs[(mined.key, span.first, span.last)] = (span, mined, block)
    # One item per candidate: its context is read once, by the process weighing its pairs.
    groups = [list(g) for _, g in groupby(sorted(pairs), key=lambda k: k[0])]
    # The words near each span, read once per process however many names it is weighed
    # against (a process's own: each fills it as it goes).
    nearby: dict[tuple[int, int], frozenset[str]] = {}
    weighed = parallel.map_shared(
        _weigh,
        groups,
        (pairs, references, anchors, unit_owner, transcript, known, vocabulary, repeats, nearby),
        jobs=jobs,
    )
    out: list[tuple[Span, Candidate, Features]] = []
    for group, (plain, found_features) in zip(groups, weighed):
        if plain is None:
            continue
        cand = _rebuilt(Candidate, plain)
        for key, f in zip(group, found_features):
            if f is not None:
                out.append((pairs[key][0], cand, _rebuilt(Features, f)))
    return _marked(out, _ranked(out), _echoed(out))


_Shared = tuple[
    dict[tuple[str, int, int], tuple[Span, Candidate, BlockFit | None]],
    Sequence[Reference],
    Sequence[Sequence[Anchor]],
    Sequence[int],
    Transcript,
    Counter[str],
    frozenset[str],
    dict[str, int],
    dict[tuple[int, int], frozenset[str]],
]


def _weigh(
    shared: _Shared, group: list[tuple[str, int, int]]
) -> tuple[tuple[Any, ...] | None, list[tuple[Any, ...] | None]]:
    """The features of one candidate's pairs (``group``: their keys), and the candidate
    with its context when any pair passes; as plain values, which a helper process sends."""
    pairs, references, anchors, unit_owner, transcript, known, vocabulary, repeats, nearby = shared
    cand = with_context(pairs[group[0]][1], references, anchors, unit_owner)
    weighed: list[tuple[Any, ...] | None] = []
    for key in group:
        span, _, fit = pairs[key]
        f = features(span, cand, transcript, known, vocabulary, repeats, fit, nearby)
        weighed.append(None if f is None else _plain(f))
    passed = any(f is not None for f in weighed)
    return (_plain(cand) if passed else None), weighed


def _aligned_blocks(
    transcript: Transcript,
    references: Sequence[Reference],
    candidates: list[Candidate],
    anchors: Sequence[Sequence[Anchor]],
    unit_owner: Sequence[int],
) -> list[tuple[Span, int, tuple[Any, ...]]]:
    """What the transcript has where the aligned passages have a candidate (:mod:`.aligned`):
    the span, the candidate's number and the fit as plain values."""
    if not anchors or not unit_owner:
        return []
    said = [u for t in transcript.tokens for u in t.units]
    found = blocks(candidates, references, anchors, said, unit_owner)
    return [(s, c, _plain(fit)) for s, c, fit in block_spans(found, candidates, transcript)]


_FIELDS: dict[type, tuple[str, ...]] = {}


def _plain(obj: Any) -> tuple[Any, ...]:
    """A dataclass's fields in order: compiled frozen classes do not pickle themselves."""
    names = _FIELDS.get(type(obj))
    if names is None:
        names = _FIELDS[type(obj)] = tuple(f.name for f in fields(obj))
    return tuple([getattr(obj, n) for n in names])


def _rebuilt(cls: Callable[..., Any], plain: tuple[Any, ...]) -> Any:
    """The object :func:`_plain` took apart."""
    return cls(*plain)


_FEATURES = tuple(f.name for f in fields(Features))
_BEST, _ECHO = _FEATURES.index("best"), _FEATURES.index("echo")


def _marked(
    scored: list[tuple[Span, Candidate, Features]], beaten: set[int], echoed: set[int]
) -> list[tuple[Span, Candidate, Features]]:
    """The pairs with the marks of :func:`_ranked` (not ``best``) and :func:`_echoed`
    (``echo``) set, each marked pair rebuilt once: in a hearing full of names most
    pairs are marked, and ``dataclasses.replace`` looks every field up again."""
    out: list[tuple[Span, Candidate, Features]] = []
    for k, (s, c, f) in enumerate(scored):
        if k in beaten or k in echoed:
            values = [getattr(f, name) for name in _FEATURES]
            values[_BEST] = f.best and k not in beaten
            values[_ECHO] = f.echo or k in echoed
            f = Features(*values)
        out.append((s, c, f))
    return out


def _ranked(scored: list[tuple[Span, Candidate, Features]]) -> set[int]:
    """The pairs that another pair matches better: another span over the same words
    for the same name, or another name for the same words.

    "pet ink" and "pet ink oh" both stand for "Petenko", after the same title;
    only the one most alike to the name is the whole of what was said. "mow
    tear lass" is more like "Moterlas" than like "Motellas".
    """
    beaten: set[int] = set()
    for group in (_grouped(scored, lambda s, c: c.key), _grouped(scored, lambda s, c: s)):
        for ks in group:
            for x, a in enumerate(ks):
                sa, _, fa = scored[a]
                for b in ks[x + 1 :]:
                    sb, _, fb = scored[b]
                    if sb.first >= sa.last:
                        break
                    if fa.similarity > fb.similarity:
                        beaten.add(b)
                    elif fb.similarity > fa.similarity:
                        beaten.add(a)
    return beaten


def _grouped(
    scored: list[tuple[Span, Candidate, Features]], key: Callable[[Span, Candidate], object]
) -> list[list[int]]:
    """Indexes of ``scored`` grouped by ``key``, each group in transcript order."""
    groups: dict[object, list[int]] = defaultdict(list)
    for k, (s, c, _) in enumerate(scored):
        groups[key(s, c)].append(k)
    return [sorted(ks, key=lambda k: scored[k][0].first) for ks in groups.values()]


def _echoed(scored: list[tuple[Span, Candidate, Features]]) -> set[int]:
    """The pairs whose same words stand, somewhere, where the name clearly stands.

    Recognisers mishear a name the same way again and again: "pet ink oh"
    after "mister" in one place is "Petenko" in the next sentence too. Only
    words that are no phrase of their own count (several words for one
    name, or a rare word): a common word ("else") is echoed by nothing.
    """
    placed = {(s.key, c.key) for s, c, f in scored if f.title or f.neighbour or f.slot}
    return {
        k
        for k, (s, c, f) in enumerate(scored)
        if (s.key, c.key) in placed and (f.split or f.suspicion > 0)
    }
