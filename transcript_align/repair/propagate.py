"""Learned confusions: what the recogniser wrote for a name in one place, repaired elsewhere.

A repair taken where an aligned passage puts the name tells how this
recogniser hears it ("beans" for "Baines"). The same words elsewhere in the
transcript are that name only where the context says so: a title before
them, the rest of the name beside them (spelled right, or as the recogniser
was learned to hear it: "brett kiss stead"), or words around them that
stand around the name in the articles. A whole name heard word for word
teaches each of its words too ("olivia selquo" for "Olivier Zelkwo":
"selquo" is "Zelkwo" after "mister"). Words that recur for themselves (a common word,
function words among them) count only with more: a word the articles have right beside
the name beside them too ("non gap" for "non-GAAP"), or, for several words, their
having been taken for the name at several places ("next are" for "Nexstar"), each amid
the name's context. Such repairs get a lower confidence
than the one they were learned from, and their evidence names the place it
was learned; where one is surer than a repair proposed there on its own
evidence but left unapplied, it takes that one's place (:mod:`.decide`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from ..lexicon import is_function
from ..models import Correction, Evidence, Reference, Transcript
from ..normalize import zipf
from ..timecode import format_clock
from .candidates import Candidate, words_beside
from .guards import context_overlap, next_to_rest, possessive_respelled
from .mishear import misheard
from .spans import Span, bare_vowel, span_at
from .words import MAX_SPAN, POSSESSIVE, VERY_COMMON, name_key, name_sound

BESIDE = 0.95
"""Confidence kept (as a share of the learned repair's) with a title or the rest of the
name beside the words."""
AROUND = 0.9
"""…with only the words around them shared with the articles."""
MIN_CONTEXT = 3
"""Content words around the name in the articles that must stand around the words too…"""
MISHEARD = 0.6
"""How plausible a mishearing of one word of a name its heard word must be to be learned
on its own."""
HABIT = 3
"""Places where the same words were taken for the same name from which they are the
recogniser's habit for it, function words among them ("any gas" for "Enagas"): looked
for elsewhere, and found where the words around are the name's."""
RARE_HEARD = 3.0
"""…when the words are all rarer than this (Zipf) or written as a name."""


@dataclass(frozen=True, slots=True)
class Learned:
    """A repair taken: ``span`` heard where ``cand`` was said, with its confidence."""

    span: Span
    cand: Candidate
    confidence: float


def propagated(
    transcript: Transcript,
    learned: Sequence[Learned],
    taken: bytearray,
    *,
    min_confidence: float,
    apply: bool,
    references: Sequence[Reference] = (),
) -> list[Correction]:
    """Repairs of the learned confusions' words elsewhere, where the context supports them.

    ``taken`` marks the tokens already repaired (updated here). Linear in the
    transcript: the words are found through an index of the tokens' keys.
    ``references``: the articles the names come from, for the words they say right
    beside each name (:func:`~.candidates.words_beside`).
    """
    tokens = transcript.tokens
    keys = [name_key(t.text) for t in tokens]
    where: dict[str, list[int]] = defaultdict(list)
    for k, key in enumerate(keys):
        where[key].append(k)
    items = [x for whole in learned for x in (whole, *_word_by_word(transcript, whole))]
    places = Counter((tuple(keys[x.span.first : x.span.last]), x.cand.key) for x in items)
    best: dict[tuple[str, ...], Learned] = {}
    for item in items:
        heard = tuple(keys[item.span.first : item.span.last])
        habit = _habit(heard, places[(heard, item.cand.key)])
        if not (_learnable(item.span) or habit) or possessive_respelled(
            item.span.text, item.cand.text, item.span.suffix
        ):
            continue  # (a possessive written as a word of its own is no mishearing)
        if heard and all(heard) and (heard not in best or best[heard].confidence < item.confidence):
            best[heard] = item
    heard_for = {heard: name_key(item.cand.text) for heard, item in best.items()}
    out: list[Correction] = []
    # The words beside a name, read once per name however many hearings were learned.
    beside_name: dict[object, tuple[frozenset[str], frozenset[str]]] = {}
    for heard in sorted(best):
        item = best[heard]
        n = len(heard)
        beside = None
        if references:
            name = (item.cand.key, item.cand.occurrences)
            if name not in beside_name:
                beside_name[name] = words_beside(item.cand, references)
            beside = beside_name[name]
        for first in where[heard[0]]:
            if tuple(keys[first : first + n]) != heard or any(taken[first : first + n]):
                continue
            # Two letters said one by one ("m d") are as sure a hearing of the acronym
            # as three: the same letters spelled again.
            span = span_at(transcript, first, first + n, 2 if _spelled(heard) else 3)
            if span is None or _part_of_more(transcript, span, item.cand.text):
                continue
            share = _support(
                span, item.cand, transcript, keys, heard_for, beside, places[(heard, item.cand.key)]
            )
            if share == 0.0:
                continue
            conf = round(item.confidence * share, 3)
            taken[first : first + n] = b"\x01" * n
            out.append(
                Correction(
                    first,
                    first + n,
                    span.text,
                    item.cand.text + _suffix(item, span),
                    item.cand.kind,
                    conf,
                    apply and conf >= min_confidence,
                    tokens[first].start,
                    tokens[first + n - 1].end,
                    (_learned_at(transcript, item), *item.cand.evidence),
                )
            )
    return out


def _part_of_more(transcript: Transcript, span: Span, name: str) -> bool:
    """Whether the words with the word after them make a more plausible mishearing of
    the name than they do alone ("straw con ink oh" for "Strakonenko"): there they are
    only part of what was heard for it."""
    if span.last >= len(transcript.tokens):
        return False
    longer = " ".join(t.text for t in transcript.tokens[span.first : span.last + 1])
    return misheard(name, longer) > misheard(name, span.text)


def _support(
    span: Span,
    cand: Candidate,
    transcript: Transcript,
    keys: Sequence[str] = (),
    heard_for: Mapping[tuple[str, ...], str] | None = None,
    beside: tuple[frozenset[str], frozenset[str]] | None = None,
    places: int = 1,
) -> float:
    """The share of the learned confidence the context here supports (0: none).

    ``beside``: the content words the articles have right before and right after the
    name (:func:`~.candidates.words_beside`). Common words heard for it ("gap" for
    "GAAP") recur for themselves; taken for the name at more than one place (``places``)
    and with one of those words beside them on the same side ("non gap") as well as the
    words around, they stand where the name does; so do several words amid the words
    around where they were taken for it again and again (:func:`_habit`: "next are" for
    "Nexstar")."""
    if span.title_before or next_to_rest(span, cand, transcript):
        return BESIDE
    if heard_for and _beside_heard(span, cand, keys, heard_for):
        return BESIDE
    words = span.text.split()
    if (len(words) > 1 and all(len(name_key(w)) == 1 for w in words)) or _letters_and(span):
        # Letters said one by one ("g c p", "o and m"): the same acronym spelled again.
        return AROUND
    # Common words recur for themselves, unless the recogniser wrote them as a name
    # (capitalised mid-sentence: "News Nation"), and one everyday word ("Great") even so.
    real = max(zipf(name_key(w)) for w in words)
    # Several content words together ("tall grass") recur as a phrase less often than one
    # does; with a bare vowel among them ("a bit") they are everyday speech.
    phrase = len(words) > 1 and not any(bare_vowel(w) or is_function(name_key(w)) for w in words)
    rare = real < RARE_HEARD or phrase or (span.capitalised and real < VERY_COMMON)
    heard = tuple(name_key(w) for w in words)
    beside_too = places > 1 and beside is not None and _same_beside(span, keys, beside)
    if (rare or _habit(heard, places) or beside_too) and context_overlap(
        span, cand, transcript
    ) >= MIN_CONTEXT:
        return AROUND
    return 0.0


def _habit(heard: Sequence[str], places: int) -> bool:
    """Whether words taken for a name at ``places`` places are the recogniser's habit for
    it (:data:`HABIT`): several words only, as one common word taken for a name again and
    again ("see" for "Sea") is still said for itself elsewhere as often."""
    return len(heard) > 1 and places >= HABIT


def _same_beside(
    span: Span, keys: Sequence[str], beside: tuple[frozenset[str], frozenset[str]]
) -> bool:
    """Whether the word right before the span is one the articles have right before the
    name, or the word right after it one they have right after it."""
    before = keys[span.first - 1] if span.first > 0 else ""
    after = keys[span.last] if span.last < len(keys) else ""
    return bool(before and before in beside[0]) or bool(after and after in beside[1])


def _beside_heard(
    span: Span, cand: Candidate, keys: Sequence[str], heard_for: Mapping[tuple[str, ...], str]
) -> bool:
    """Whether the rest of the name stands beside the words as the recogniser heard it:
    words learned for a name word next to this one in the articles ("brett kiss
    stead", with "brett" learned for "Bret" and "kiss stead" for "Kesstad")."""
    for n in range(1, MAX_SPAN + 1):
        before = tuple(keys[max(0, span.first - n) : span.first])
        after = tuple(keys[span.last : span.last + n])
        for words, rest in ((before, cand.before), (after, cand.after)):
            if len(words) == n and heard_for.get(words, "") in rest - {""}:
                return True
    return False


def _word_by_word(transcript: Transcript, item: Learned) -> list[Learned]:
    """A name of several words heard as as many words: what each word was heard as
    ("olivia chang" for "Olivier Cheng": "chang" for "Cheng"), the other words of the
    name its neighbours. Words heard right are no confusion."""
    words = item.cand.text.split()
    n = item.span.last - item.span.first
    if n < 2 or len(words) != n:
        return []
    keys = [name_key(w) for w in words]
    heard = [name_key(t.text) for t in transcript.tokens[item.span.first : item.span.last]]
    if any(h in keys and h != k for h, k in zip(heard, keys)):
        return []  # a word of the name heard right in another place: the words do not pair up
    out = []
    for i, word in enumerate(words):
        span = span_at(transcript, item.span.first + i, item.span.first + i + 1)
        if span is None or span.key == keys[i] or not keys[i]:
            continue
        if misheard(word, span.text) < MISHEARD:
            return []  # a word of its own, not this word of the name misheard
        cand = replace(
            item.cand,
            text=word,
            key=keys[i],
            sound=name_sound(keys[i]),
            neighbours=frozenset(k for j, k in enumerate(keys) if j != i and k),
            before=frozenset(keys[i - 1 : i] if i else ()) - {""},
            after=frozenset(keys[i + 1 : i + 2]) - {""},
        )
        out.append(Learned(span, cand, item.confidence))
    return out


def _suffix(item: Learned, span: Span) -> str:
    """The possessive to keep: none where the learned repair took the heard "'s" for the
    name's own last sound ("Israel's" for "ISRS")."""
    if not item.span.suffix and POSSESSIVE.search(item.span.text):
        return ""
    return span.suffix


def _spelled(heard: Sequence[str]) -> bool:
    """Whether words heard (as keys) are letters said one by one ("m d")."""
    return len(heard) > 1 and all(len(k) == 1 for k in heard)


def _learnable(span: Span) -> bool:
    """Whether words heard for a name can be looked for elsewhere: no function word
    among them ("in san" stands for a place as often as for "Ines"), but the "and" of
    letters joined by it ("o and m" for "O&M")."""
    words = span.text.lower().split()
    return _letters_and(span) or not any(is_function(w) and not bare_vowel(w) for w in words)


def _letters_and(span: Span) -> bool:
    """Whether the words are single letters with "and" between them ("o and m")."""
    keys = [name_key(w) for w in span.text.split()]
    return (
        len(keys) >= 3
        and "and" in keys
        and keys[0] != "and"
        and keys[-1] != "and"
        and all(len(k) == 1 or k == "and" for k in keys)
        and all(a != "and" or b != "and" for a, b in pairwise(keys))
    )


def _learned_at(transcript: Transcript, item: Learned) -> Evidence:
    """Where the confusion was learned: the transcript's words there, with their time
    (under the article that spelled the name there)."""
    tokens = transcript.tokens
    lo, hi = max(0, item.span.first - 4), min(len(tokens), item.span.last + 4)
    words = " ".join(t.text for t in tokens[lo:hi])
    at = tokens[item.span.first].start
    when = f" at {format_clock(at)}" if at is not None else ""
    source = item.cand.evidence[0].reference if item.cand.evidence else transcript.path
    return Evidence(source, f"learned{when}: “{item.span.text}” is {item.cand.text} ({words})")
