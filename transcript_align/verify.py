"""Quote verdicts: was it said, where, and how faithfully it was written down.

Differences between a quote and what was said fall in three classes, and the
verdict is the worst class present:

- **noise** (no verdict change): case, punctuation, contractions, numbers
  written or spoken, words the recogniser misheard ("Witko"/"Witkoff");
- **edits** → ``edited``: fillers and stutters left out ("when when", "uh",
  "that Nate that" as a false start), function words added, dropped or
  swapped, a word's inflection changed ("fact"/"facts");
- **elisions** → ``elided``: content words that were said left out of the
  quote between parts that were said;
- **changes** → ``misquote``: a content word written that was not said (added
  or replaced) or passages put in a different order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .alignment import MAX_PASSAGE, Match, Op, TranscriptIndex, locate
from .lexicon import FILLERS, NUMBER_WORDS, is_function, weight
from .models import DiffOp, Location, Quote, QuoteCheck, QuoteStatus, Transcript
from .normalize import phonetic, tokenize, units
from .similarity import sound_similarity, unit_similarity

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

_RANK = {"verbatim": 0, "edited": 1, "elided": 2, "misquote": 3}


@dataclass(frozen=True)
class QuoteWords:
    """A quote's tokens and units (``owner``: the token of each unit)."""

    spans: tuple[tuple[int, int], ...]
    units: tuple[str, ...]
    owner: tuple[int, ...]


def quote_words(text: str) -> QuoteWords:
    """Tokenize a quote into units, each remembering its token."""
    spans = tokenize(text)
    flat: list[str] = []
    owner: list[int] = []
    for k, (a, b) in enumerate(spans):
        for u in units(text[a:b]):
            flat.append(u)
            owner.append(k)
    return QuoteWords(tuple(spans), tuple(flat), tuple(owner))


def check_quote(
    quote: Quote,
    reference: str,
    transcript: Transcript,
    index: TranscriptIndex,
) -> QuoteCheck:
    """The verdict on one quote of an aligned reference."""
    words = quote_words(quote.text)
    if len(words.spans) < MIN_WORDS:
        return QuoteCheck(reference, quote, "ignored", reason="too short to verify")
    # locate() aligns only a passage's first MAX_PASSAGE units (a resource limit): say so.
    cut = (
        f"; only its first {MAX_PASSAGE} words were checked"
        if len(words.units) > MAX_PASSAGE
        else ""
    )
    matches = [m for m in locate(index, words.units) if _found(m, words)]
    if not matches:
        return QuoteCheck(reference, quote, "not_found", reason="not said in this transcript" + cut)
    best = matches[0]
    alternatives = tuple(
        _location(m, index, transcript)
        for m in matches[1:]
        if m.coverage >= ALTERNATIVE * best.coverage
    )
    status, reason = classify(best, words, index, quote_text=quote.text, transcript=transcript)
    return QuoteCheck(
        reference,
        quote,
        status,
        _location(best, index, transcript),
        said=said_text(transcript, index.owner[best.first], index.owner[best.last - 1] + 1),
        diff=word_diff(best, words, quote.text, index, transcript),
        alternatives=alternatives,
        reason=reason + cut,
    )


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
    )


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
    return not once or len(matches) < 2 or matches[1].coverage < ALTERNATIVE * matches[0].coverage


def not_found(quote: Quote, reference: str, reason: str) -> QuoteCheck:
    """A quote that is not looked for (its reference reports another event)."""
    if not checkable(quote.text):
        return QuoteCheck(reference, quote, "ignored", reason="too short to verify")
    return QuoteCheck(reference, quote, "not_found", reason=reason)


def _found(match: Match, words: QuoteWords) -> bool:
    threshold = FOUND_SHORT if len(words.spans) <= SHORT else FOUND
    return match.coverage >= threshold and match.matched >= min(
        MIN_MATCHED_WEIGHT, 0.9 * sum(weight(u) for u in words.units)
    )


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
) -> tuple[QuoteStatus, str]:
    """The verdict for a located quote and a one-line reason, quoting words as they
    appear in ``quote_text`` and ``transcript``."""
    q, t = words.units, index.units

    def wrote(a: int, b: int) -> str:
        if b <= a:
            return _clip(q[a:b])
        x, y = words.spans[words.owner[a]][0], words.spans[words.owner[b - 1]][1]
        return _clip(quote_text[x:y])

    def heard(a: int, b: int) -> str:
        if b <= a:
            return _clip(t[a:b])
        return _clip(said_text(transcript, index.owner[a], index.owner[b - 1] + 1))

    worst: QuoteStatus = "verbatim"
    reasons: dict[str, list[str]] = {"misquote": [], "elided": [], "edited": []}

    def note(status: QuoteStatus, text: str) -> None:
        nonlocal worst
        if _RANK[status] > _RANK[worst]:
            worst = status
        if status != "verbatim":
            reasons[status].append(text)

    for qa, qb, _, _ in match.moved:
        note("misquote", f"reordered: {wrote(qa, qb)!r} was said elsewhere")
    moved = {k for qa, qb, _, _ in match.moved for k in range(qa, qb)}
    for op in match.ops:
        written, said = list(q[op.qa : op.qb]), list(t[op.ta : op.tb])
        if op.tag == "near":
            # An inflection changed is an edit; a name heard with an s more or less is not.
            if unit_similarity(written[0], said[0])[1] == "morph" and weight(written[0]) < 2.0:
                note("edited", f"{wrote(op.qa, op.qb)!r} written, {heard(op.ta, op.tb)!r} said")
        elif op.tag == "insert":
            if any(ta <= op.ta < tb for _, _, ta, tb in match.moved) or any(
                op.ta <= ta < op.tb for _, _, ta, _ in match.moved
            ):
                continue  # where a reordered run was said: reported as reordered
            if _repeated(t, op.ta, op.tb) or all(_disfluent(t, k) for k in range(op.ta, op.tb)):
                note("edited", f"disfluency left out: {heard(op.ta, op.tb)!r}")
            elif all(is_function(u) for u in said) and len(said) <= 2:
                note("edited", f"{heard(op.ta, op.tb)!r} left out")
            else:
                note("elided", f"left out: {heard(op.ta, op.tb)!r}")
        elif op.tag == "delete":
            if all(k in moved for k in range(op.qa, op.qb)):
                continue
            if len(written) == 1 and is_function(written[0]) and match.first < op.ta < match.last:
                continue  # one short word missing between heard words: recognisers drop those
            if all(is_function(u) for u in written) and len(written) <= 2:
                note("edited", f"{wrote(op.qa, op.qb)!r} added")
            else:
                note("misquote", f"not said: {wrote(op.qa, op.qb)!r}")
        elif op.tag == "replace":
            if all(k in moved for k in range(op.qa, op.qb)) or _misheard(written, said):
                continue
            if all(is_function(u) for u in written) and all(
                is_function(u) or _disfluent(t, k) for k, u in zip(range(op.ta, op.tb), said)
            ):
                note("edited", f"{wrote(op.qa, op.qb)!r} written, {heard(op.ta, op.tb)!r} said")
            else:
                note("misquote", f"{wrote(op.qa, op.qb)!r} written, {heard(op.ta, op.tb)!r} said")
    if worst == "verbatim":
        return worst, "said word for word"
    return worst, "; ".join(reasons[worst][:3])


def _misheard(written: list[str], said: list[str]) -> bool:
    """Whether the said words are the written ones misheard: alike in sound, no number changed.

    "Oranex" / "oh raw necks", "that" / "at": the recogniser's error, not the writer's.
    """
    a, b = "".join(written), "".join(said)
    if not a.isalpha() or not b.isalpha():
        return False
    numbers = [u for u in (*written, *said) if u in NUMBER_WORDS]
    if numbers:
        # A changed number is never noise; "for" heard as "four" is.
        return len(numbers) == 1 and sound_similarity(a, b) == 1.0
    short = len(written) == len(said) == 1 and is_function(written[0]) and is_function(said[0])
    return sound_similarity(a, b) >= (0.6 if short else 0.75)


def _repeated(t: Sequence[str], a: int, b: int) -> bool:
    """Whether said units ``[a, b)`` repeat the words right before or after ("let's let's")."""
    n = b - a
    return n > 0 and (list(t[b : b + n]) == list(t[a:b]) or list(t[a - n : a]) == list(t[a:b]))


def _disfluent(t: Sequence[str], k: int) -> bool:
    """Whether said unit ``k`` is a filler, a repeated word or a false start.

    A false start is a fragment that sounds like the start of a word said
    just around it ("that Nate that Ukraine" before or after "NATO").
    """
    u = t[k]
    if u in FILLERS:
        return True
    if (k > 0 and t[k - 1] == u) or (k + 1 < len(t) and t[k + 1] == u):
        return True
    lo, hi = max(0, k - 8), min(len(t), k + 9)
    neighbours = [t[j] for j in range(lo, hi) if j != k]
    if is_function(u):
        return u in neighbours
    key = phonetic(u)
    for v in neighbours:
        if len(v) > len(u) and v.startswith(u) and len(u) >= 2:
            return True
        if len(key) >= 2 and phonetic(v).startswith(key) and v[0] == u[0] and v != u:
            return True
    return False


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
    between them; runs of equal words are shown whole.
    """
    clusters: list[list[int]] = []  # [qa, qb, ta, tb, equal] in tokens
    for op in _unit_ops(match.ops):
        qa, qb = _tokens(words.owner, op.qa, op.qb)
        ta, tb = _tokens(index.owner, op.ta, op.tb)
        equal = int(op.tag == "equal")
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


def _clip(units_: Sequence[str] | str, limit: int = 8) -> str:
    items = units_.split() if isinstance(units_, str) else list(units_)
    return " ".join(items[:limit]) + (" …" if len(items) > limit else "")
