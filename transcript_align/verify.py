"""Quote verdicts: was it said, where, and how faithfully it was written down.

A quote is located with :func:`~.alignment.locate`; how it differs from what
was said, and which verdict the differences make, is :mod:`.changes`' job:
``verbatim`` (at most words a recogniser misheard), ``edited`` (fillers,
function words, inflections), ``elided`` (said words left out) or
``misquote`` (a word or number changed, words added, parts reordered,
meaning cut at an edge). A misquote must hold wherever the quote may have been
said: other sayings of a sentence the speaker repeats are tried, found by the
quote's changed words as written or as they sound. A quote not found as written
is tried with its clauses put back in the order they were said.
"""

from __future__ import annotations

import itertools
import math
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from . import changes
from .alignment import MAX_PASSAGE, Match, Op, TranscriptIndex, align_at, locate
from .lexicon import is_function, weight
from .models import Change, DiffOp, Location, Quote, QuoteCheck, QuoteStatus, Transcript
from .normalize import phonetic, spoken_units, text_units, tokenize

MIN_WORDS = 3
"""Quotes shorter than this (scare quotes) are not located: a match would prove nothing."""
FOUND = 0.6
"""Share of a quote's weight that must have been said for it to count as found."""
FOUND_SHORT = 0.9
"""The same for quotes of at most :data:`SHORT` words, where chance matches are likelier."""
SHORT = 5
MIN_MATCHED_WEIGHT = 1.5
"""At least this much distinctive weight must match: "of the" twice is no evidence."""
SHORT_REACH = 8
"""Said units a short quote may stand from where the alignment of its paragraph puts it."""
ALTERNATIVE = 0.9
"""Other places count as alternatives when they reach this share of the best coverage."""
MORE_PLACES = 10
"""Places looked at before a quote is called a misquote (a stock sentence is said often)."""
RESAID = 0.75
"""Share of the best coverage from which another saying of a stock sentence may explain a
quote: where the recogniser dropped or misheard some of its words, the right saying matches
less well than one where the speaker put another word into the same sentence."""
NEARBY = 20
"""Units beyond a quote's length either side of where it was found that count as near it."""
WRITTEN_PLACES = 30
"""Places a changed written word is looked up at before a quote is called a misquote."""
SOUNDED = 4
"""Letters from which a changed written word is looked up by its sound as well."""
SLACK = 4
"""Said units either side of where a quote would stand around one of its words (plus a
quarter of its length) that are searched for it: words the recogniser added or split."""
NEAR_MISS = 0.6
"""Share of the found threshold from which a quote not found was a near miss."""
NOT_FOUND_NEAR = 0.85
NOT_FOUND_FAR = 0.98
"""How often ``not_found`` is right after a near miss, and otherwise (generated data)."""
LONG_QUOTE = 12
CLOSELY = 0.85
"""A quote of at least :data:`LONG_QUOTE` words said with this share of its weight at one
place only is evidence that its article reports this event (:func:`said_closely_once`)."""
SHORT_CONFIDENCE = 0.9
"""Confidence of a short quote placed by its paragraph: right unless the paragraph is misplaced."""
OTHER_EVENT_CONFIDENCE = 0.85
"""Confidence of ``not_found`` for a quote of a passage that reports another event."""


@dataclass(frozen=True)
class QuoteWords:
    """A quote's tokens and units (``owner``: the token of each unit; ``bracketed``: the
    units inside square brackets; ``lead``: the units of the article's words before it)."""

    spans: tuple[tuple[int, int], ...]
    units: tuple[str, ...]
    owner: tuple[int, ...]
    bracketed: frozenset[int] = frozenset()
    lead: tuple[str, ...] = ()

    @property
    def searched(self) -> tuple[str, ...]:
        """The units to look for: the writer's bracketed words are none the speaker must
        have said ("[Council leader Ann Lee] is wrong" for "she's wrong"), so they match
        nothing (see :func:`~.alignment.locate`); a quote all in brackets is looked for
        as written."""
        if not self.bracketed or len(self.bracketed) == len(self.units):
            return self.units
        return tuple("" if k in self.bracketed else u for k, u in enumerate(self.units))


def quote_words(text: str, lead: str = "") -> QuoteWords:
    """Tokenize a quote into units, each remembering its token.

    >>> quote_words("we have [the council's] support").bracketed
    frozenset({2, 3})
    """
    spans = tokenize(text)
    inside = _bracket_spans(text)
    flat: list[str] = []
    owner: list[int] = []
    bracketed: set[int] = set()
    parts = spoken_units([text[a:b] for a, b in spans])
    for k, (a, b) in enumerate(spans):
        within = any(x <= a and b <= y for x, y in inside)
        for u in parts[k]:
            if within:
                bracketed.add(len(flat))
            flat.append(u)
            owner.append(k)
    lead_units = tuple(text_units(lead))
    return QuoteWords(tuple(spans), tuple(flat), tuple(owner), frozenset(bracketed), lead_units)


_BRACKETS = re.compile(r"\[[^\[\]]*\]")


def _bracket_spans(text: str) -> list[tuple[int, int]]:
    """Where the writer's own words stand in a quote: inside square brackets."""
    return [m.span() for m in _BRACKETS.finditer(text)] if "[" in text else []


def check_quote(
    quote: Quote,
    reference: str,
    transcript: Transcript,
    index: TranscriptIndex,
) -> QuoteCheck:
    """The verdict on one quote of an aligned reference."""
    words = quote_words(quote.text, quote.lead)
    if len(words.spans) < MIN_WORDS:
        return QuoteCheck(reference, quote, "ignored", reason="too short to verify")
    # locate() aligns only a passage's first MAX_PASSAGE units (a resource limit): say so.
    cut = (
        f"; only its first {MAX_PASSAGE} words were checked"
        if len(words.units) > MAX_PASSAGE
        else ""
    )
    located = locate(index, words.searched)
    matches = [m for m in located if _found(m, words, excuse=True)]
    best_said = max((m.coverage for m in located), default=0.0)
    if not matches:
        swapped = _reordered(words, quote.text, index, transcript)
        if swapped is not None:
            return _checked(quote, reference, swapped, (), words, index, transcript, cut)
        # Unsure when the best place falls only a little short of being found.
        nearest = best_said / FOUND
        return QuoteCheck(
            reference,
            quote,
            "not_found",
            reason="not said in this transcript" + cut,
            confidence=NOT_FOUND_NEAR if nearest >= NEAR_MISS else NOT_FOUND_FAR,
        )
    near = [m for m in matches if m.coverage >= ALTERNATIVE * matches[0].coverage]
    best, (status, reason, found, confidence) = _mildest(
        near, words, index, quote_text=quote.text, transcript=transcript
    )
    if status == "misquote":
        # A sentence the speaker says again and again: look at more of its sayings.
        places = locate(index, words.searched, limit=MORE_PLACES)
        wider = [
            m
            for m in places
            if _found(m, words, excuse=True) and m.coverage >= ALTERNATIVE * matches[0].coverage
        ]
        if len(wider) > len(near):
            near = wider
            best, (status, reason, found, confidence) = _mildest(
                near, words, index, quote_text=quote.text, transcript=transcript
            )
        if status == "misquote":
            resaid = _resaid(
                places, words, index, quote.text, transcript, matches[0].coverage, near
            )
            if resaid is None:
                resaid = _where_written(
                    index, words, quote.text, transcript, best, near, cut=_word_for_word(found)
                )
            if resaid is not None:
                best, (status, reason, found, confidence) = resaid
                near = [best, *near]
    if status == "not_found":
        # Found here only as another saying of a sentence the speaker repeats, or in
        # another order: where its own words were said, it may be one change away.
        swapped = _where_written(
            index, words, quote.text, transcript, best, near, misquote=True
        ) or _reordered(words, quote.text, index, transcript)
        if swapped is not None:
            return _checked(quote, reference, swapped, (), words, index, transcript, cut)
        return QuoteCheck(reference, quote, status, reason=reason + cut, confidence=confidence)
    if status == "misquote":
        apart = _parts_apart(quote, reference, transcript, index)
        if apart is not None:
            return apart
    others = [m for m in near if m is not best]
    return _checked(
        quote,
        reference,
        (best, (status, reason, found, confidence)),
        others,
        words,
        index,
        transcript,
        cut,
    )


_PART_EDGE = "[]() \t\n,;:"
"""What is left of a cut mark ("[…]") and the punctuation around it at a part's edges."""


def _parts_apart(
    quote: Quote, reference: str, transcript: Transcript, index: TranscriptIndex
) -> QuoteCheck | None:
    """A quote the writer marked as cut ("…", "[…]") whose parts were each said, in order,
    though not as near each other as the aligner looks: judged part by part, at worst
    ``elided``, when no part was changed (``None`` otherwise, or when a part is too short
    to tell).

    Such a quote is first aligned as a whole, where the parts after a cut are matched to
    the nearest words like them (another saying of the speaker's phrase, with another word
    in it); a writer's cut may leave out minutes of speech, and each part only has to
    have been said. Only parts said word for word, edited or cut count."""
    pieces = changes.CUT_MARK.split(quote.text)
    if len(pieces) < 2:
        return None
    parts: list[tuple[QuoteCheck, Location]] = []
    offset = 0
    for k, piece in enumerate(pieces):
        at = quote.text.index(piece, offset)
        offset = at + len(piece)
        text = piece.strip(_PART_EDGE)
        if not text:
            continue
        first = quote.start + at + piece.index(text)
        part = Quote(text, first, first + len(text), lead=quote.lead if k == 0 else "")
        check = check_quote(part, reference, transcript, index)
        where = check.location
        if check.status not in ("verbatim", "edited", "elided") or where is None:
            return None
        if parts and where.first < parts[-1][1].last:
            return None  # said in another order: not a cut
        parts.append((check, where))
    if len(parts) < 2:
        return None
    found: list[Change] = []
    diff: list[DiffOp] = []
    for (before, ends), (_, starts) in itertools.pairwise(parts):
        found.extend(before.changes)
        diff.extend(before.diff)
        gap = transcript.tokens[ends.last : starts.first]
        if gap:  # what the mark left out (nothing where the parts were said one after the other)
            left_out = _clip(said_text(transcript, ends.last, starts.first))
            found.append(Change("elision", "", left_out, gap[0].start, gap[-1].end))
            diff.append(DiffOp("insert", "", left_out))
    last = parts[-1][0]
    found.extend(last.changes)
    diff.extend(last.diff)
    judged = [changes.Judged(c, 0.0) for c in found]
    status = changes.verdict(judged)
    why = changes.reason(status, judged)
    return QuoteCheck(
        reference,
        quote,
        status,
        Location(
            parts[0][1].first,
            parts[-1][1].last,
            parts[0][1].start,
            parts[-1][1].end,
            min(where.similarity for _, where in parts),
        ),
        said=" … ".join(check.said for check, _ in parts),
        diff=tuple(diff),
        reason=f"its parts were said apart; {why}" if status == "elided" else why,
        changes=tuple(found),
        confidence=min(check.confidence for check, _ in parts),
    )


def _checked(
    quote: Quote,
    reference: str,
    judged: tuple[Match, tuple[QuoteStatus, str, tuple[Change, ...], float]],
    others: Sequence[Match],
    words: QuoteWords,
    index: TranscriptIndex,
    transcript: Transcript,
    cut: str,
) -> QuoteCheck:
    """The check of a quote found at ``judged``'s match with its verdict (``others``: other
    places it may have been said)."""
    best, (status, reason, found, confidence) = judged
    if status == "misquote" and any(c.kind in ("changed_word", "changed_number") for c in found):
        again = classify(
            best, words, index, quote_text=quote.text, transcript=transcript, cut_apart=True
        )
        if again[0] != "misquote":
            status, reason, found, confidence = again
    return QuoteCheck(
        reference,
        quote,
        status,
        _location(best, index, transcript),
        said=said_text(transcript, index.owner[best.first], index.owner[best.last - 1] + 1),
        diff=word_diff(best, words, quote.text, index, transcript),
        alternatives=tuple(_location(m, index, transcript) for m in others),
        reason=reason + cut,
        changes=found,
        confidence=confidence,
    )


REORDER_PART = 3
"""Written tokens each part of a quote put in another order has at least: a clause."""
REORDER_CUTS = 4
"""Clause breaks of a quote tried as the place where its parts were swapped."""
REORDERED = 0.75
"""Share of a quote's weight said, its parts put back in order, for it to count as reordered."""
_CLAUSE_BREAK = re.compile(r"[,;:.!?\u2013\u2014]|\s-\s")


def _reordered(
    words: QuoteWords, text: str, index: TranscriptIndex, transcript: Transcript
) -> tuple[Match, tuple[QuoteStatus, str, tuple[Change, ...], float]] | None:
    """A quote not found as written that was said at one place with its parts in the other
    order ("to be repaired by January, we expect the clinic" where "we expect the clinic
    to be repaired by January" was said), judged at that place, if it was.

    The aligner finds a part said out of place only close to the rest when the rest is
    found; a quote whose parts are about as long is found as neither. Each clause break
    of the quote (at most :data:`REORDER_CUTS`, parts of :data:`REORDER_PART` tokens) is
    tried: the quote put back in order must be said there nearly word for word
    (:data:`REORDERED`, no change but mishearings and edits), both parts said.
    """
    spans = words.spans
    breaks = [
        k
        for k in range(REORDER_PART, len(spans) - REORDER_PART + 1)
        if _CLAUSE_BREAK.search(text[spans[k - 1][1] : spans[k][0]])
    ]
    for k in breaks[:REORDER_CUTS]:
        head, tail = text[: spans[k - 1][1]], text[spans[k][0] :]
        ordered = quote_words(tail + " " + head, " ".join(words.lead))
        moved = words.owner.index(k)  # units of the part written first
        if len(ordered.units) != len(words.units):
            continue
        for m in locate(index, ordered.units, limit=2):
            if m.coverage < REORDERED or m.moved or not _found(m, ordered):
                continue
            verdict = classify(
                m, ordered, index, quote_text=tail + " " + head, transcript=transcript
            )
            if verdict[0] not in ("verbatim", "edited"):
                continue
            back = _put_back(m, len(ordered.units) - moved, moved)
            if back is None:
                continue
            status, reason, found, confidence = classify(
                back, words, index, quote_text=text, transcript=transcript
            )
            if status == "misquote":
                return back, (status, reason, found, confidence)
    return None


def _put_back(match: Match, rest: int, moved: int) -> Match | None:
    """A match of a quote put back in order (its last ``moved`` units written first, the
    ``rest`` after them) as a match of the quote as written: the part written first is
    recorded as said after the rest (``moved``). None when a part was not said at all."""
    n = rest + moved
    ops_rest: list[Op] = []
    said_moved: list[Op] = []
    for op in _split_at(match.ops, rest):
        if op.qb <= rest and op.qa < rest:
            ops_rest.append(Op(op.tag, op.qa + moved, op.qb + moved, op.ta, op.tb, op.sim))
        elif op.qa >= rest:
            said_moved.append(op)
        else:  # astride the two parts: the said words go with the part said first
            ops_rest.append(Op("replace", op.qa + moved, n, op.ta, op.tb, 0.0))
    said_in = [op for op in ops_rest if op.tag in ("equal", "near")]
    said_out = [op for op in said_moved if op.tag in ("equal", "near")]
    if not said_in or not said_out:
        return None
    ta = min(op.ta for op in said_moved if op.tb > op.ta)
    tb = max(op.tb for op in said_moved if op.tb > op.ta)
    first = min(op.ta for op in ops_rest if op.tb > op.ta)
    last = max(op.tb for op in ops_rest if op.tb > op.ta)
    if ta < last:
        return None  # the part written first was said first too: no reorder
    ops = [Op("delete", 0, moved, first, first, 0.0), *ops_rest]
    ops.append(Op("insert", n, n, last, tb, 0.0))
    return Match(first, tb, tuple(ops), match.coverage, match.matched, ((0, moved, ta, tb),))


def place_short(
    quote: Quote, reference: str, transcript: Transcript, index: TranscriptIndex, expected: int
) -> QuoteCheck | None:
    """A one- or two-word quote found where its aligned paragraph puts it, if it stands there.

    On its own a short quote proves nothing (it is said anywhere); at the very
    place the words around it were said, it is located. ``expected`` is the
    said unit the paragraph's alignment puts its first word at.
    """
    words = quote_words(quote.text)
    want = words.units
    n = len(want)
    if not n or all(is_function(u) for u in want):
        return None
    lo = max(0, expected - SHORT_REACH)
    hi = min(len(index), expected + SHORT_REACH + n)
    hits = [j for j in range(lo, hi - n + 1) if index.units[j : j + n] == want]
    if not hits:
        return None
    j = min(hits, key=lambda h: (abs(h - expected), h))
    first, last = index.owner[j], index.owner[j + n - 1] + 1
    tokens = transcript.tokens
    said = said_text(transcript, first, last)
    return QuoteCheck(
        reference,
        quote,
        "verbatim",
        Location(first, last, tokens[first].start, tokens[last - 1].end, 1.0),
        said=said,
        diff=(DiffOp("equal", quote.text, said),),
        reason="said where the aligned words around it put it",
        confidence=SHORT_CONFIDENCE,
    )


PLACED_REACH = 2
"""Said units a short quote's match may start from where its paragraph puts it."""


def place_near(
    quote: Quote, reference: str, transcript: Transcript, index: TranscriptIndex, expected: int
) -> QuoteCheck | None:
    """A quote of at most :data:`SHORT` words not found on its own, judged where its
    aligned paragraph puts it (``expected``: the said unit of its first word).

    A short quote with a word changed falls below :data:`FOUND_SHORT` and is said
    anywhere in part; at the very place the words around it were said ("the Agency
    “has flagged it once”", "has flagged it twice" said), it is that saying, written
    otherwise.
    """
    words = quote_words(quote.text, quote.lead)
    if not MIN_WORDS <= len(words.spans) <= SHORT:
        return None
    n = len(words.units)
    match = align_at(index, words.units, expected - PLACED_REACH, expected + PLACED_REACH + n)
    if match is None or abs(match.first - expected) > PLACED_REACH:
        return None
    if match.coverage < FOUND or match.matched < MIN_MATCHED_WEIGHT:
        return None
    status, reason, found, confidence = classify(
        match, words, index, quote_text=quote.text, transcript=transcript
    )
    if status == "not_found":
        return None
    judged = (match, (status, reason, found, min(confidence, SHORT_CONFIDENCE)))
    placed = "; found where the aligned words around it put it"
    return _checked(quote, reference, judged, (), words, index, transcript, placed)


def short(text: str) -> bool:
    """Whether a quote is long enough to be looked for and at most :data:`SHORT` words."""
    return MIN_WORDS <= len(tokenize(text)) <= SHORT


def checkable(text: str) -> bool:
    """Whether a quote is long enough to be looked for (scare quotes are not)."""
    return len(tokenize(text)) >= MIN_WORDS


def is_said(text: str, index: TranscriptIndex, *, once: bool = False) -> bool | None:
    """Whether a quote was said at all (``None`` when it is too short to tell).

    With ``once``, only a quote said at one place counts: one said again
    almost as well elsewhere is a phrase the speaker repeats.
    """
    words = quote_words(text)
    if len(words.spans) < MIN_WORDS:
        return None
    matches = locate(index, words.units, limit=2 if once else 1)
    if not matches or not _found(matches[0], words):
        return False
    return not once or _alone(matches)


def said_share(text: str, index: TranscriptIndex) -> float:
    """The share of a quote's weight said at the place it matches best (0 when nowhere)."""
    matches = locate(index, quote_words(text).units, limit=1)
    return matches[0].coverage if matches else 0.0


def said_closely_once(text: str, index: TranscriptIndex) -> bool:
    """Whether a long quote (:data:`LONG_QUOTE` words) was said nearly word for word
    (:data:`CLOSELY`) at one place only: no chance match, and no phrase the speaker
    repeats. Recogniser noise breaks such a quote into runs too short to count as
    evidence on their own; aligned word by word, it still stands out."""
    words = quote_words(text)
    if len(words.spans) < LONG_QUOTE:
        return False
    matches = locate(index, words.units, limit=2)
    if not matches or matches[0].coverage < CLOSELY or not _found(matches[0], words):
        return False
    return _alone(matches)


def _alone(matches: Sequence[Match]) -> bool:
    """Whether the best of ``matches`` (best first) stands alone: no other place said almost
    as well, where a phrase the speaker repeats would be."""
    return len(matches) < 2 or matches[1].coverage < ALTERNATIVE * matches[0].coverage


def not_found(quote: Quote, reference: str, reason: str) -> QuoteCheck:
    """A quote that is not looked for (its reference reports another event)."""
    if not checkable(quote.text):
        return QuoteCheck(reference, quote, "ignored", reason="too short to verify")
    return QuoteCheck(
        reference, quote, "not_found", reason=reason, confidence=OTHER_EVENT_CONFIDENCE
    )


def _found(match: Match, words: QuoteWords, *, excuse: bool = False) -> bool:
    """Whether enough of a quote was said at ``match``. With ``excuse`` (a quote of an
    article already taken to report this event), longer quotes are judged without
    their heaviest word not said: one rare word written otherwise (the misquote itself,
    or a name misheard) must not hide that the rest was said (such a quote is a
    misquote only when that is its one change, see :func:`classify`). Whether an
    article reports this event is never decided on such excuses."""
    total = sum(weight(u) for u in words.units)
    if match.matched < min(MIN_MATCHED_WEIGHT, 0.9 * total):
        return False
    if len(words.spans) <= SHORT:
        return match.coverage >= FOUND_SHORT
    if match.coverage >= FOUND or not excuse:
        return match.coverage >= FOUND
    said = {k for op in match.ops if op.tag in ("equal", "near") for k in range(op.qa, op.qb)}
    said.update(k for qa, qb, _, _ in match.moved for k in range(qa, qb))
    unsaid = [weight(u) for k, u in enumerate(words.units) if k not in said]
    rest = total - max(unsaid, default=0.0)
    return rest > 0 and match.matched / rest >= FOUND


def _location(match: Match, index: TranscriptIndex, transcript: Transcript) -> Location:
    first = index.owner[match.first]
    last = index.owner[match.last - 1] + 1
    for _, _, ta, tb in match.moved:
        first = min(first, index.owner[ta])
        last = max(last, index.owner[tb - 1] + 1)
    tokens = transcript.tokens
    return Location(
        first, last, tokens[first].start, tokens[last - 1].end, round(match.coverage, 3)
    )


def said_text(transcript: Transcript, first: int, last: int) -> str:
    """Transcript tokens ``[first, last)`` as they appear in the source, one line."""
    tokens = transcript.tokens
    pieces: list[str] = []
    k = first
    while k < last:
        seg = tokens[k].segment
        j = k
        while j + 1 < last and tokens[j + 1].segment == seg:
            j += 1
        text = transcript.segments[seg].text
        pieces.append(text[tokens[k].offset : tokens[j].offset + len(tokens[j].text)])
        k = j + 1
    return " ".join(" ".join(p.split()) for p in pieces)


def classify(
    match: Match,
    words: QuoteWords,
    index: TranscriptIndex,
    *,
    quote_text: str,
    transcript: Transcript,
    cut_apart: bool = False,
) -> tuple[QuoteStatus, str, tuple[Change, ...], float]:
    """The verdict for a located quote, a one-line reason, its changes and the verdict's
    confidence, quoting words as they appear in ``quote_text`` and ``transcript``.

    With ``cut_apart`` (the place the quote is finally judged at), a misquote whose only
    changes are words written for long said runs is an elision (:func:`.changes.as_cut`);
    places are compared without it: such a place may join sentences said apart."""
    q = words.units

    def wrote(a: int, b: int) -> str:
        if b <= a:
            return ""
        x, y = words.spans[words.owner[a]][0], words.spans[words.owner[b - 1]][1]
        return _clip(quote_text[x:y])

    def heard(a: int, b: int) -> str:
        if b <= a:
            return ""
        return _clip(said_text(transcript, index.owner[a], index.owner[b - 1] + 1))

    judged = changes.judge(
        match,
        q,
        index,
        wrote=wrote,
        heard=heard,
        transcript=transcript,
        bracketed=words.bracketed,
        lead=words.lead,
    )
    if changes.names_only(match, q):
        return "not_found", "only its names and small words were said here", (), 0.7
    status = changes.verdict(judged)
    weak = match.coverage < FOUND and len(changes.decisive(judged)) > 1
    if status == "misquote" and (weak or changes.scattered(judged, match.coverage)):
        return "not_found", "not said here: it differs from what was said in many places", (), 0.7
    if status == "misquote":
        reach = len(q) + NEARBY
        around = set(index.units[max(0, match.first - reach) : match.last + reach])
        if changes.unsaid_bulk(judged, len(q), around.__contains__):
            # Name the largest part not said: a quote may be half said ("…petition.
            # We'll get 10,000 names by Friday." where only the first sentence was).
            unsaid = max(
                (j.change.written for j in judged if j.change.kind in changes.UNSAID_KINDS),
                key=lambda w: len(w.split()),
            )
            return "not_found", f"not said here: '{unsaid}' was not said near the rest", (), 0.7
        if cut_apart:
            # Said here: a word written for a long said run is a cut, not a change.
            judged = changes.as_cut(judged)
            status = changes.verdict(judged)
    reason = changes.reason(status, judged)
    negation = _negated_before(match, words, index, transcript)
    if negation is not None and not any(j.change.kind == "cut_at_edge" for j in judged):
        reason = f"{reason}; the speaker said '{negation[0]}' before it: '{heard(*negation[1])}'"
    return (
        status,
        reason,
        tuple(j.change for j in judged),
        changes.confidence(status, judged, match.coverage),
    )


_NEGATED_VIA = frozenset(
    """just only simply merely really exactly quite say said says claim claimed promise
    promised suggest suggested mean meant think believe want wanted""".split()
)
"""Words that may stand between a negation and what it negates: "not just a …", "we
never said the depot would close"."""


def _negated_before(
    match: Match, words: QuoteWords, index: TranscriptIndex, transcript: Transcript
) -> tuple[str, tuple[int, int]] | None:
    """The negation the speaker said right before a quote that starts after it, and the
    units around it: "it was not 'a moment of madness'" written as
    "'a moment of madness'" turns the words around. None where the writer kept the
    negation in the words before the quote, or the quote opens with its own. Unlike a
    cut at the edge (:func:`.changes.judge`), it changes no verdict: without the
    recogniser's punctuation "not" may end the clause before ("I will not. A moment…")."""
    q = words.units
    first = match.first
    if not q or first == 0 or index.units[first] != q[0] or q[0] in changes.NEGATIONS:
        return None
    if any(u in changes.NEGATIONS for u in words.lead[-2:]):
        return None
    k = first - 1
    if index.units[k] in _NEGATED_VIA and k > 0:
        k -= 1
    said = index.units[k]
    if said not in changes.NEGATIONS or said in ("no", "none"):
        return None
    if changes.sentence_ends(transcript, index.owner[k]) or any(
        changes.sentence_ends(transcript, index.owner[j]) for j in range(k + 1, first)
    ):
        return None
    start = k - 1 if k > 0 and not changes.sentence_ends(transcript, index.owner[k - 1]) else k
    return said, (start, min(match.last, first + 4))


def _mildest(
    matches: Sequence[Match],
    words: QuoteWords,
    index: TranscriptIndex,
    *,
    quote_text: str,
    transcript: Transcript,
) -> tuple[Match, tuple[QuoteStatus, str, tuple[Change, ...], float]]:
    """Of places said about as well (best first), the one whose verdict is mildest.

    A sentence the speaker says more than once ("we are looking at four options
    for …") may be matched at the wrong saying, where another word stands; a
    misquote must hold wherever the quote may have been said, so the place that
    explains the quote best is taken (the first of equals; a place where it was not
    said, by :func:`classify`, explains nothing).
    """
    best = matches[0]
    verdict = classify(best, words, index, quote_text=quote_text, transcript=transcript)
    for m in matches[1:]:
        if _SEVERITY_RANK[verdict[0]] <= _SEVERITY_RANK["verbatim"]:
            break
        other = classify(m, words, index, quote_text=quote_text, transcript=transcript)
        if other[0] != "not_found" and _SEVERITY_RANK[other[0]] < _SEVERITY_RANK[verdict[0]]:
            best, verdict = m, other
    return best, verdict


def _resaid(
    places: Sequence[Match],
    words: QuoteWords,
    index: TranscriptIndex,
    quote_text: str,
    transcript: Transcript,
    coverage: float,
    seen: Sequence[Match],
) -> tuple[Match, tuple[QuoteStatus, str, tuple[Change, ...], float]] | None:
    """Another saying of a sentence the speaker repeats (among ``places``, the quote's
    best :data:`MORE_PLACES`) that explains a quote called a misquote with no more than
    mishearings and edits, if one was said.

    A speaker who says "this package was never about the port" and later "this court
    was never about the port", the recogniser dropping "court", leaves the right saying
    matching less well than the other: there the quote's words are all explained, so
    it accuses no one (a misquote must hold wherever the quote may have been said). Only
    sayings at least :data:`RESAID` as well covered count, and only a verdict of
    ``verbatim`` or ``edited`` there: a place where words are missing explains nothing.
    """
    firsts = {m.first for m in seen}
    for m in places:
        if m.first in firsts or m.coverage < RESAID * coverage or not _found(m, words):
            continue
        verdict = classify(m, words, index, quote_text=quote_text, transcript=transcript)
        if verdict[0] in ("verbatim", "edited"):
            return m, verdict
    return None


def _where_written(
    index: TranscriptIndex,
    words: QuoteWords,
    quote_text: str,
    transcript: Transcript,
    best: Match,
    seen: Sequence[Match],
    *,
    misquote: bool = False,
    cut: bool = False,
) -> tuple[Match, tuple[QuoteStatus, str, tuple[Change, ...], float]] | None:
    """A saying of the quote where the words it changed were said, if one explains it with
    no more than mishearings and edits (with ``misquote``, or with one change, most of the
    quote said there; with ``cut``, or with said words left out: a quote whose only
    changes are words written for others, said where the speaker said those words).

    A sentence the speaker says often with another word in it ("I would not read too
    much into the proposal / the situation from …") is found first where it matches best,
    which, when the recogniser garbled the saying the quote reproduces, is another one.
    Each written word that differs there is looked up where the speaker said it
    (at most :data:`WRITTEN_PLACES` places), and the quote aligned around it.
    """
    q = words.units
    changed = sorted(
        {
            (q[k], k)
            for op in best.ops
            if op.tag in ("replace", "delete")
            for k in range(op.qa, op.qb)
            if not is_function(q[k])
        }
    )
    firsts = {m.first for m in seen}
    slack = SLACK + len(q) // 4
    for u, k in changed:
        uid = index.vocab.get(u)
        places = index.postings.get(uid, ()) if uid is not None else ()
        if len(u) >= SOUNDED and u.isalpha():
            # Also where a word that sounds the same was heard ("funding" said, "founding"
            # heard): the recogniser's spelling of it (the sound key holds the word too),
            # unless that makes too many places to look at.
            sounded = index.sounds.get(phonetic(u), places)
            if len(sounded) <= WRITTEN_PLACES:
                places = sounded
        if len(places) > WRITTEN_PLACES:
            places = _in_company(index, q, k, places, slack)
        if not 0 < len(places) <= WRITTEN_PLACES:
            continue
        for j in places:
            # The quote as it would stand around this saying of its word, a little slack.
            m = align_at(index, q, j - k - slack, j + len(q) - k + slack)
            if m is None or m.first in firsts or not _found(m, words):
                continue
            firsts.add(m.first)
            verdict = classify(m, words, index, quote_text=quote_text, transcript=transcript)
            if (
                verdict[0] in ("verbatim", "edited")
                or (cut and verdict[0] == "elided")
                or (misquote and verdict[0] == "misquote" and _one_change(m, verdict[2]))
            ):
                return m, verdict
    return None


def _in_company(
    index: TranscriptIndex, q: Sequence[str], k: int, places: Sequence[int], slack: int
) -> list[int]:
    """The sayings (among ``places``) of written unit ``k`` of quote ``q`` around which
    most of the quote's other content words were said too (:data:`FOUND`): a word said
    too often to look at every saying of it (a long hearing) is looked at where the
    sentence may stand."""
    others = {u for j, u in enumerate(q) if j != k and not is_function(u)}
    if not others:
        return []
    units = index.units
    need = FOUND * len(others)
    lo, hi = k + slack, len(q) - k + slack  # the window of a saying j: [j - lo, j + hi)
    kept = []
    for j in _may_gather(index, others, math.ceil(need), places, lo, hi):
        # Each word around looked up in the few others, rather than a set made of the
        # words around each place: a word said thousands of times in a long hearing.
        around = others.intersection(units[max(0, j - lo) : j + hi])
        if len(around) >= need:
            kept.append(j)
    return kept


def _may_gather(
    index: TranscriptIndex, others: set[str], need: int, places: Sequence[int], lo: int, hi: int
) -> Sequence[int]:
    """The ``places`` (ascending) whose window ``[j - lo, j + hi)`` may hold ``need`` of
    ``others`` (``need`` at least 1), in order: each such window holds one of the
    ``len(others) - need + 1`` others said least often. Those few sayings tell which
    places to look at, rather than every saying of a word said thousands of times (a
    long hearing); all ``places`` when those sayings are as many."""
    said = [index.postings.get(index.vocab.get(u, -1), []) for u in sorted(others)]
    said.sort(key=len)  # (stable: ties stay in the order of the words)
    rare = said[: len(others) - need + 1]
    if sum(len(p) for p in rare) >= len(places):
        return places
    # A saying p of another word lies in the window of the places j with
    # p - hi < j <= p + lo.
    reach = sorted(p for sayings in rare for p in sayings)
    out: list[int] = []
    for p in reach:
        a = bisect_right(places, p - hi)
        b = bisect_right(places, p + lo)
        if out and a <= out[-1]:  # windows of sayings close together overlap
            a = out[-1] + 1
        out.extend(range(a, b))
    return [places[i] for i in out]


def _word_for_word(found: Sequence[Change]) -> bool:
    """Whether a misquote's changes are words or numbers written for said ones only (no
    words added or moved: a place with said words left out explains those otherwise)."""
    made = [c for c in found if changes.SEVERITY[c.kind] == "misquote"]
    return bool(made) and all(c.kind in ("changed_word", "changed_number") for c in made)


def _one_change(match: Match, found: Sequence[Change]) -> bool:
    """Whether a misquote verdict rests on one word or number written for another, most of
    the quote said around it (words not said there may belong to another sentence)."""
    made = [c for c in found if changes.SEVERITY[c.kind] == "misquote"]
    return (
        len(made) == 1
        and made[0].kind in ("changed_word", "changed_number")
        and match.coverage >= REORDERED
    )


_SEVERITY_RANK: dict[QuoteStatus, int] = {
    "verbatim": 0,
    "edited": 1,
    "elided": 2,
    "not_found": 3,
    "misquote": 4,
    "ignored": 5,
}
"""Verdicts from the mildest: a quote not said here accuses no one, a misquote does."""


def word_diff(
    match: Match,
    words: QuoteWords,
    text: str,
    index: TranscriptIndex,
    transcript: Transcript,
) -> tuple[DiffOp, ...]:
    """The written-vs-said diff at word level, as the texts appear.

    Ops over units are widened to whole tokens: ops that share a token (the
    halves of "I'm" matched apart) merge into one replace, whatever lies
    between them; runs of equal words are shown whole. A token only partly
    said ("£1.5m", "one point five million" said) is no part of the equal run
    before it.
    """
    ops = _unit_ops(match.ops)
    partial_q = {words.owner[k] for op in ops if op.tag != "equal" for k in range(op.qa, op.qb)}
    partial_t = {index.owner[k] for op in ops if op.tag != "equal" for k in range(op.ta, op.tb)}
    clusters: list[list[int]] = []  # [qa, qb, ta, tb, equal] in tokens
    for op in ops:
        qa, qb = _tokens(words.owner, op.qa, op.qb)
        ta, tb = _tokens(index.owner, op.ta, op.tb)
        equal = int(
            op.tag == "equal"
            and not partial_q.intersection(range(qa, qb))
            and not partial_t.intersection(range(ta, tb))
        )
        at = len(clusters)
        for c in range(len(clusters) - 1, -1, -1):
            if (qb > qa and qa < clusters[c][1]) or (tb > ta and ta < clusters[c][3]):
                at = c
        if at < len(clusters):
            group = [*clusters[at:], [qa, qb, ta, tb, equal]]
            del clusters[at:]
            qa, qb = _cover([(g[0], g[1]) for g in group])
            ta, tb = _cover([(g[2], g[3]) for g in group])
            equal = int(all(g[4] for g in group))
        if clusters and equal and clusters[-1][4]:
            last = clusters[-1]
            if last[1] == qa and last[3] == ta:
                last[1], last[3] = qb, tb
                continue
        clusters.append([qa, qb, ta, tb, equal])
    out: list[DiffOp] = []
    for qa, qb, ta, tb, equal in clusters:
        written = text[words.spans[qa][0] : words.spans[qb - 1][1]] if qb > qa else ""
        said = said_text(transcript, ta, tb) if tb > ta else ""
        if equal:
            out.append(DiffOp("equal", written, said))
        elif written and said:
            out.append(DiffOp("replace", written, said))
        elif written:
            out.append(DiffOp("delete", written, ""))
        elif said:
            out.append(DiffOp("insert", "", said))
    return tuple(out)


def _cover(ranges: list[tuple[int, int]]) -> tuple[int, int]:
    """The smallest range covering the non-empty ones (or the first, empty, position)."""
    full = [r for r in ranges if r[1] > r[0]]
    if not full:
        return ranges[0][0], ranges[0][0]
    return min(a for a, _ in full), max(b for _, b in full)


def _unit_ops(ops: Sequence[Op]) -> list[Op]:
    """Equal runs split into single units, so a shared token merges only its own unit."""
    out: list[Op] = []
    for op in ops:
        if op.tag == "equal" and op.qb - op.qa > 1:
            out.extend(
                Op("equal", op.qa + k, op.qa + k + 1, op.ta + k, op.ta + k + 1)
                for k in range(op.qb - op.qa)
            )
        else:
            out.append(op)
    return out


def _tokens(owner: Sequence[int], a: int, b: int) -> tuple[int, int]:
    if b <= a:
        k = owner[a] if a < len(owner) else (owner[-1] + 1 if owner else 0)
        return k, k
    return owner[a], owner[b - 1] + 1


def _clip(units_: Sequence[str] | str, limit: int = changes.CLIPPED) -> str:
    items = units_.split() if isinstance(units_, str) else list(units_)
    return " ".join(items[:limit]) + (" …" if len(items) > limit else "")


def _split_at(ops: Sequence[Op], k: int) -> list[Op]:
    """``ops`` with a run of equal units across passage unit ``k`` cut in two there."""
    out: list[Op] = []
    for op in ops:
        if op.tag == "equal" and op.qa < k < op.qb:
            j = op.ta + (k - op.qa)
            out.extend((Op("equal", op.qa, k, op.ta, j), Op("equal", k, op.qb, j, op.tb)))
        else:
            out.append(op)
    return out
