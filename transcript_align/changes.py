"""What changed between a quote and what was said, and whether a recogniser explains it.

A located quote's unit alignment (:class:`~.alignment.Match`) is cut into
blocks of differing words; each block becomes one :class:`~.models.Change`.
A difference a recogniser plausibly produced (a sound-alike, a name split or
garbled, a short word dropped) is ``misheard`` and changes no verdict: the
writer may well have quoted exactly. Everything else is the writer's, and its
kind decides the verdict (:data:`SEVERITY`): fillers, function words and
inflections make an ``edited`` quote, said words left out an ``elided`` one,
and a changed word or number, words added, parts reordered or meaning cut at
the quote's edge a ``misquote``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace

from rapidfuzz.distance import Levenshtein

from .alignment import Match, TranscriptIndex, bigram_key, trigram_key
from .amounts import CLOCK_WORDS, amounts, clock, dotted_clock
from .amounts import WORDS as AMOUNT_WORDS
from .lexicon import (
    DISCOURSE_MARKERS,
    FILLERS,
    FUNCTION_WORDS,
    HEDGES,
    NUMBER_WORDS,
    is_function,
    weight,
)
from .mishearing import LETTER_NAMES, THRESHOLD, misheard, misheard_alike
from .models import Change, ChangeKind, QuoteStatus, Transcript
from .normalize import CURRENCY_WORDS, phonetic, text_units
from .repair.likeness import likeness
from .similarity import sound_key, sound_similarity, unit_similarity

SEVERITY: dict[ChangeKind, QuoteStatus] = {
    "misheard": "verbatim",
    "filler_dropped": "edited",
    "bracketed": "edited",
    "function_word": "edited",
    "inflection": "edited",
    "elision": "elided",
    "changed_word": "misquote",
    "changed_number": "misquote",
    "added": "misquote",
    "reordered": "misquote",
    "cut_at_edge": "misquote",
}
"""The verdict each kind of change makes at least."""
BRACKETABLE = frozenset(
    ("misheard", "function_word", "inflection", "changed_word", "changed_number", "added")
)
"""Changes that square brackets declare the writer's: words put in, or put for said ones."""

SLIP = 0.5
"""Mishearing plausibility (:func:`slip`) from which a difference is taken as the recogniser's."""

RARE = 2.0
"""Word weight (:func:`~.lexicon.weight`) from which a written word is a name or rare word."""
CUT_MARK = re.compile(r"…|\.\.\.")
"""How a writer marks words left out of a quote ("…", "...", "[…]")."""
NAME_WEIGHT = 1.5
"""Word weight from which a capitalised word inside a quote is taken for a name."""
NAME_LIKENESS = 0.55
"""Likeness of a name or rare word to what was heard from which it counts as misheard."""
NAME_SOUND = 0.5
"""Sound similarity from which a rare word heard for a name is taken as it, misheard."""
HOMOPHONE = 0.6
"""Mishearing plausibility from which one common word heard as another is a slip."""
SAME_SOUND = 0.6
"""Sound similarity from which a number word and a short word sound alike ("to"/"two")."""
NUMBER_HOMOPHONES = frozenset(
    frozenset(pair)
    for pair in (("one", "won"), ("two", "to"), ("two", "too"), ("four", "for"), ("eight", "ate"))
)
"""Number words said like a common word whose spelling hides it ("one" / "won")."""
TEEN_TY = frozenset(
    map(
        frozenset,
        zip(
            "thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split(),
            "thirty forty fifty sixty seventy eighty ninety".split(),
        ),
    )
)
"""Numbers a recogniser takes for each other ("thirteen" / "thirty"): they differ only in
their unstressed ending. One heard for the other is its slip, never a writer's change."""
DROP_GAP = 50
"""Milliseconds of silence per missing letter from which a written word is taken as one the
recogniser dropped (timed words only): a pause as long as the word itself."""
MIN_DROP_GAP = 200
BREAK_GAP = 300
"""Milliseconds of silence between timed words from which a sentence may end there."""

CLIPPED = 8
"""Written words up to which ``wrote`` gives a change's words whole (more are shortened
with "…"; ``verify._clip`` shortens by this)."""

LONG_RUN = 3
"""Said units beyond the written ones (and at least as many again) from which a word
written mid-quote in place of a said run stands for words left out, not for a word changed."""

MIN_CONTENT = 3
SAID_CONTENT = 0.34
"""A quote with at least :data:`MIN_CONTENT` common content words of which less than this
share was said is taken as not said, whatever names and small words match."""

SURE: dict[QuoteStatus, float] = {"verbatim": 0.99, "edited": 0.93, "elided": 0.93}
"""How often a verbatim, edited or elided verdict with no mishearing excused is right."""
MISHEARD_DOUBT = 0.93
"""Factor on a verdict's confidence when it excused a mishearing."""
MOSTLY_SAID = 0.75
SCATTERED = 3
"""A quote less than :data:`MOSTLY_SAID` said with this many changes no recogniser explains
(or any with words left out) is not taken for a misquote of what was said
(:func:`scattered`; fitted on generated seeds the reported benchmark does not use)."""
BULK = 5
BULK_SHARE = 0.3
SAID_NEARBY = 0.7
"""A quote with :data:`BULK` written units (and :data:`BULK_SHARE` of its units) changed or
added, less than :data:`SAID_NEARBY` of whose content words were said near where it was
found, is not a misquote of what was said there (:func:`unsaid_bulk`)."""
MISQUOTE_BY_COVERAGE = ((0.75, 0.95), (0.0, 0.93))
"""How often a misquote is right, by the share of the quote said (from this share on);
one that excused a mishearing elsewhere in the quote is as often right."""
MISQUOTE_SEVERAL = 0.95
"""The same for a misquote with several changes and most of it said."""
MISQUOTE_SCATTERED = 0.45
"""How often a misquote is right with several changes and less than :data:`MOSTLY_SAID` said."""

_RANK: dict[QuoteStatus, int] = {"verbatim": 0, "edited": 1, "elided": 2, "misquote": 3}
NEGATIONS = frozenset(("not", "no", "never", "nor", "neither", "none"))
"""Function words whose change turns a statement round: never a mere edit."""
NEGATING_PREFIXES = frozenset("un in im il ir dis non".split())
"""A syllable that, lost at a word's start, turns it round ("unfair" / "fair")."""
QUALIFIERS = frozenset(
    "not never no nearly almost hardly barely scarcely only just about roughly "
    "approximately around perhaps maybe possibly probably partly".split()
)
"""Said right before a quote's first word, these change what the quoted words claim."""
QUANTIFIERS = frozenset("all every each both many most some half few any".split())
"""Function words a qualifier right before a quote can bind to ("not all", "nearly every")."""
AMOUNTS = QUANTIFIERS | NEGATIONS
"""How much or how many: one written for another changes the claim ("all" / "most")."""
LEAD_QUALIFIERS = frozenset("close some under over more less than up to".split())
"""Words an article may put before a quote for a qualifier cut from it ("close to")."""
LOOSE_QUALIFIERS = frozenset("just about around".split())
"""Qualifiers with another sense ("just" arrived, talk "about" it, "around" the port): they
qualify a quote only when a number or quantifier follows ("about half", "just 10")."""
DETERMINERS = frozenset("the a an our their my your every".split())
"""Words that cannot stand without a noun after them."""
SUBJECTS = frozenset("i we they he she".split())
NOT_AFTER_DETERMINER = frozenset(
    """
    a an the our their my your this these those and or but if so because as than of to in
    into on at by for from with without is are was were be been has have had will would
    can could should may might must do does did i we you he she they me us them not
    """.split()
)
"""Said words that cannot follow a determiner directly ("the but"): a word was lost there."""
PARTITIVES = frozenset("half part some most none few many much parts share".split())
"""``half of`` said right before a quote: the quote claims the whole."""


@dataclass(slots=True, unsafe_hash=True)  # not frozen: see alignment.Op
class Judged:
    """A change with how plausibly a recogniser made it (0..1): the verdict's doubt."""

    change: Change
    slip: float
    apart: bool = False
    """Written words standing for a long said run (:data:`LONG_RUN`): words left out,
    once the quote is taken as said here (:func:`as_cut`)."""


def slip(written: Sequence[str], said: Sequence[str]) -> float:
    """How plausible it is (0..1) that a recogniser wrote ``said`` when ``written`` was spoken.

    The one place verdicts ask the mishearing model. A number changed is never
    a slip unless it sounds alike ("for"/"four", "to"/"two", "thirteen"/"thirty"). Names and rare
    words are what recognisers garble ("Siobhan"/"shivon"): there, spelling and
    sound likeness (:func:`~.repair.likeness.likeness`) count as well. A common
    word written where another common word was heard is a slip only when the
    two sound the same ("their"/"there"): "review"/"reverse" is a change.
    """
    a, b = " ".join(written), " ".join(said)
    if not a or not b:
        return 0.0
    if _spelled_out(written) == _spelled_out(said):
        return 1.0  # "Q1" / "Q one", "3D" / "three D": one number, written two ways
    if _code_heard(written, said):
        return 1.0  # "Q1" / "key one", "AFM13" / "FM 13": the letters misheard, not the number
    # The numbers in codes count too: "5G" / "4G" is another number.
    numbers = _numbers([*_spelled_out(written), *_spelled_out(said)])
    if numbers:
        if frozenset((a, b)) in TEEN_TY:
            return 1.0  # "seventeen" / "seventy": the stress is all a recogniser has to go on
        one_word = len(written) == len(said) == 1 and len(numbers) == 1
        alike = sound_similarity(a, b) >= SAME_SOUND or frozenset((a, b)) in NUMBER_HOMOPHONES
        return 1.0 if one_word and alike else 0.0
    if (
        len(written) == len(said) == 1
        and _prefix_swapped(a, b, both=True)
        and sound_similarity(a, b) < 1
    ):
        # "inflow" / "outflow", "accelerate" / "decelerate": turned round ("accept" /
        # "except", said the same, stays a slip; "review" heard "view" is one too)
        return 0.0
    score = misheard(a, b)
    if any(weight(u) >= RARE for u in written):
        score = max(score, _name_slip(written, said))
        if len(said) > 1:
            # A name split with a neighbouring word run into it: "Ewa" / "tamgrad eva".
            trimmed = max(_name_slip(written, said[1:]), _name_slip(written, said[:-1]))
            score = max(score, trimmed - 0.1)
        return score
    one_word = len(written) == len(said) == 1 and not is_function(written[0])
    if one_word and (_one_sound_off(written[0], said[0]) or _sound_alike(written[0], said[0])):
        score = max(score, HOMOPHONE)  # "cut"/"cup", "review"/"view", "sales"/"cells"
    elif (
        1 < max(len(written), len(said)) <= SPLIT
        and not all(map(is_function, said))
        and _sound_alike(a, b)
    ):
        score = max(score, HOMOPHONE)  # words run together or split: "steel and"/"stealing"
    return score if score >= HOMOPHONE else 0.5 * score


_LETTERS_DIGITS = re.compile(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])")


def _spelled_out(units: Sequence[str]) -> list[str]:
    """Units with letters and digits run together read apart ("q1" → q one, "10k" → ten
    k): how a recogniser may write what a writer writes as one token."""
    out: list[str] = []
    for u in units:
        out.extend(text_units(_LETTERS_DIGITS.sub(" ", u)) if any(c.isdigit() for c in u) else [u])
    return out


def _code_heard(written: Sequence[str], said: Sequence[str]) -> bool:
    """Whether a code of letters and digits written as one token ("Q1", "AFM13", "1DS") was
    heard with its number the same and its letters otherwise: said as their names or
    sound-alikes ("key one"), in part ("FM 13"), apart ("one d s") or not heard ("three"
    for "Q3"), small words around them ("the Q 3"). Recognisers write the letters of a
    code every way; the number in it is what a writer could change, and it is the same."""
    if not any(c.isdigit() for u in written for c in u) or not any(
        c.isalpha() for u in written for c in u
    ):
        return False
    ws, ss = _spelled_out(written), _spelled_out(said)
    numbers = _numbers(ws)
    if not numbers or numbers != _numbers(ss):
        return False
    letters = "".join(u for u in ws if u not in NUMBER_WORDS and not u.isdigit())
    if len(letters) > MAX_CODE_LETTERS or not all(
        u in NUMBER_WORDS or u.isdigit() or len(u) <= MAX_CODE_LETTERS or is_function(u) for u in ws
    ):
        return False
    names = {sound_key(LETTER_NAMES[c]) for c in letters if c in LETTER_NAMES}
    return all(
        u in NUMBER_WORDS
        or u.isdigit()
        or is_function(u)
        or _in_order(u, letters)
        or sound_key(u) in names
        for u in ss
    )


MAX_CODE_LETTERS = 4
"""Letters of a code up to which :func:`_code_heard` reads them as letters ("AFM", "CHF")."""


def _in_order(part: str, letters: str) -> bool:
    """Whether ``part`` is some of ``letters`` in their order ("fm" of "afm")."""
    rest = iter(letters)
    return bool(part) and all(c in rest for c in part)


def _name_slip(written: Sequence[str], said: Sequence[str]) -> float:
    """Mishearing plausibility of a name from spelling and sound likeness together."""
    ka, kb = "".join(written), "".join(said)
    if not kb:
        return 0.0
    alike = likeness(ka, phonetic(ka), kb, phonetic(kb))[0]
    return min(1.0, max(0.0, (alike - NAME_LIKENESS) / (1 - NAME_LIKENESS) + SLIP))


SMALL_RUN = 3
"""Function words in a row (a negation among them) that a recogniser may lose inside a
quote: written, not heard, they are its miss, not a writer's addition."""
SPLIT = 2
"""Words on either side up to which common words heard run together or split apart are
compared by sound as a whole ("to be" / "Toby", "measure" / "make sure")."""
ALIKE = 0.7
"""Mishearing plausibility, the common-word prior left out (:func:`~.mishearing.misheard_alike`),
from which two common words one sound apart are taken as one heard for the other."""


LOOSE_ALIKE = 0.8
"""The same plausibility from which common words two sounds apart are taken as one heard
for the other ("quarter" / "water", "clients" / "points", "demand" / "the man"): real
recognisers write such words for common ones often (the Earnings-21 fitting set), and
a writer who changes a word in a quote puts one that sounds otherwise."""
SWAPPED_PREFIXES = frozenset(
    """
    a ab ac ad af ap as at ob co com con de di dis em en ex il im in ir per pro re pre post
    anti un non sus trans mis sub super up down over under out inter intra counter
    """.split()
)
"""Word beginnings whose swap for another, the rest of the word the same, makes another
word of the same sound ("increase" / "decrease", "include" / "exclude", "inflow" /
"outflow", "approve" / "improve"): a change of meaning, never taken as a mishearing."""


def _sound_alike(written: str, said: str) -> bool:
    """Whether common words were likely heard as others ("sales" / "cells", "rounds" /
    "friends", "steel and" / "stealing", "quarter" / "water"): at most one sound apart
    (Metaphone, spaces left out) and alike enough in sound and spelling for the
    mishearing model without its common-word prior (:data:`ALIKE`), or two sounds apart,
    no sound more or less than the other by two, and alike beyond :data:`LOOSE_ALIKE`.
    Words two sounds longer ("review" / "reverse"), a prefix swapped ("increase" /
    "decrease"), a negating prefix and a negation on one side only are a change."""
    if _negated(written, said) or NEGATIONS & set(written.split()) != NEGATIONS & set(said.split()):
        return False
    ka, kb = phonetic(written.replace(" ", "")), phonetic(said.replace(" ", ""))
    if min(len(ka), len(kb)) < 2:
        return False
    apart = Levenshtein.distance(ka, kb)
    if apart <= 1:
        return misheard_alike(written, said) >= ALIKE
    return (
        apart == 2
        and min(len(ka), len(kb)) >= 3
        and abs(len(ka) - len(kb)) <= 1
        and not _prefix_swapped(written.replace(" ", ""), said.replace(" ", ""))
        and misheard_alike(written, said) >= LOOSE_ALIKE
    )


def _prefix_swapped(a: str, b: str, *, both: bool = False) -> bool:
    """Whether two words differ only in a beginning of :data:`SWAPPED_PREFIXES` (or none,
    unless ``both``) before at least three letters they end alike ("increase" /
    "decrease", "overweight" / "underweight"; "view" / "review" only without ``both``)."""
    for head in _PREFIXES_AND_NONE:
        rest = a[len(head) :]
        if not a.startswith(head) or len(rest) < 3 or not b.endswith(rest):
            continue
        other = b[: len(b) - len(rest)]
        if other != head and other in _PREFIXES_AND_NONE and ((head and other) or not both):
            return True
    return False


_PREFIXES_AND_NONE = tuple(sorted(SWAPPED_PREFIXES | {""}))


def _negated(a: str, b: str) -> bool:
    """Whether one word is the other with a negating prefix ("unfair" / "fair")."""
    short, long_ = sorted((a, b), key=len)
    return long_.endswith(short) and long_[: len(long_) - len(short)] in NEGATING_PREFIXES


def _one_sound_off(written: str, said: str) -> bool:
    """Whether ``said`` is ``written`` with one sound changed ("cut"/"cup") or a syllable
    lost at its start or end ("review"/"view")."""
    if _negated(written, said):
        return False  # "unfair" / "fair": the opposite, not a syllable lost
    clipped = len(said) >= 3 and (written.endswith(said) or written.startswith(said))
    ka, kb = sound_key(written), sound_key(said)
    return clipped or (len(ka) == len(kb) >= 3 and Levenshtein.distance(ka, kb) == 1)


def judge(
    match: Match,
    written_units: Sequence[str],
    index: TranscriptIndex,
    *,
    wrote: Callable[[int, int], str],
    heard: Callable[[int, int], str],
    transcript: Transcript,
    bracketed: Collection[int] = (),
    lead: Sequence[str] = (),
) -> tuple[Judged, ...]:
    """Every difference of a located quote, in quote order, with its mishearing plausibility.

    ``wrote(qa, qb)`` and ``heard(ta, tb)`` give quote and transcript units as
    they appear in their sources. ``bracketed``: the quote units the writer put in
    square brackets, their own words by convention ("[the council's] support"), so
    a change made of them only is an edit. ``lead``: the units of the article's words
    right before the quote, which may carry a qualifier said before it ("was nearly").
    """
    q, t = written_units, index.units
    out: list[Judged] = []
    last_bracket: list[int] = []  # the place of the last bracketed change, while it is last

    def add(kind: ChangeKind, qa: int, qb: int, ta: int, tb: int, score: float = 0.0) -> None:
        if kind in BRACKETABLE and qa < qb and all(k in bracketed for k in range(qa, qb)):
            if last_bracket and last_bracket[1] == qa and len(out) == last_bracket[4]:
                qa, ta = last_bracket[0], min(ta, last_bracket[2])  # one bracket, one change
                tb = max(tb, last_bracket[3])
                out.pop()
            kind, score = "bracketed", 0.0
            last_bracket[:] = [qa, qb, ta, tb, len(out) + 1]
        start, end = _times(index, transcript, ta, tb)
        out.append(Judged(Change(kind, wrote(qa, qb), heard(ta, tb), start, end), score))

    for qa, qb, ta, tb in match.moved:
        add("reordered", qa, qb, ta, tb)
    moved_q = {k for qa, qb, _, _ in match.moved for k in range(qa, qb)}
    moved_t = {k for _, _, ta, tb in match.moved for k in range(ta, tb)}
    blocks = _pairs(_blocks(match), q, t)
    for crossed in _crossed_edges(blocks, q, t, match):
        (qa, qb, ta, tb), skip = crossed
        add("misheard", qa, qb, ta, tb, SLIP)
        blocks = [b for b in blocks if b not in skip]
    for (qa, qb, ta, tb), skip in _shuffled(blocks, q, t):
        # The same content words on both sides, small words moved: at most an edit.
        add("function_word", qa, qb, ta, tb)
        blocks = [b for b in blocks if b not in skip]
    first = wrote(0, 1)
    whole = first[:1].isupper() and first != "I" and bool(q) and weight(q[0]) < RARE
    # A fragment ("said it was “half of…”") leaves out what its lead says for it.
    fragment = not whole and bool(lead) and first[:1].islower()
    for qa, qb, ta, tb, near in blocks:
        if all(k in moved_q for k in range(qa, qb)) and all(k in moved_t for k in range(ta, tb)):
            continue
        while qa < qb and qa in moved_q and qb - 1 not in moved_q:
            qa += 1  # the part said elsewhere is its own change: not written here
        while qa < qb and qb - 1 in moved_q and qa not in moved_q:
            qb -= 1
        w = [q[k] for k in range(qa, qb) if k not in moved_q]
        plain = not near and not moved_t.intersection(range(ta, tb)) and w
        if _same_amount(q, qa, qb, t, ta, tb):
            continue  # "2010" written, "two thousand and ten" said: the amount is the same
        if _to_run_into(q, qa, qb, t, ta, tb):
            continue  # "rose to 2.5%" written, "rose 22.5%" heard: "to" taken for a "two"
        if plain:
            fluent = [q[k] for k in range(qa, qb) if not _written_disfluency(q, k, wrote)]
            heard_none = all(_stammered(t, k) for k in range(ta, tb))
            if not fluent and (heard_none or (qa == 0 and ta == match.first)):
                # "um, and a, a" written where nothing (or only "uh") was heard, or before
                # the rest of the quote where the words of the sentence before stand: the
                # speaker's hesitation, which recognisers leave out; no writer's change.
                add("misheard", qa, qb, ta if heard_none else tb, tb, SLIP)
                continue
            if not fluent and qb == len(q) and tb == match.last:
                add("misheard", qa, qb, ta, ta, SLIP)  # the same after the rest
                continue
            if not fluent and 0 < tb - ta <= len(w) + SPLIT:
                # "uh" written, "assumed" heard: the speaker's hesitation, which the
                # recogniser wrote as a word; a hesitation claims nothing to misquote.
                add("misheard", qa, qb, ta, tb, SLIP)
                continue
            if fluent and len(fluent) < len(w):
                w = fluent  # "uh, at the plant": judged by what was said besides the "uh"
        edge = False
        said_run: tuple[int, int] | None = None  # said words the written ones may stand for
        n = 0
        at_start, at_end = qa == 0 and ta == match.first, qb == len(q) and tb == match.last
        if plain and tb > ta and slip(w, t[ta:tb]) < SLIP:
            # A common word at the edge in place of one that ends the said sentence is
            # the writer's; a name there is as likely the recogniser's garble of it.
            common = all(weight(u) < RARE for u in w)
            room = min(tb - ta, len(w) + 2)
            # In a fragment, as many said words as written, content words all: what the
            # writer changed mid-sentence ("has flagged it once", "twice and…" said).
            alike = fragment and len(w) <= tb - ta and all(not is_function(u) for u in w)
            if at_end or at_start:
                block = (ta, ta + len(w)) if at_end else (tb - len(w), tb)
                ta, tb = _edge_part(w, t, ta, tb, at_end=at_end)
                n = _finishes(index, transcript, ta, room, at_end=at_end) if common else 0
                if ta == tb and n:
                    # The sentence's own last (first) words, written otherwise.
                    said_run = (ta, ta + n) if at_end else (ta - n, ta)
                elif ta == tb and alike and not any(is_function(u) for u in t[slice(*block)]):
                    said_run = block
                edge = True
            if n == 1 and said_run is not None:
                ta, tb = said_run  # one word: "last week" written, "last night." said
        s = [t[k] for k in range(ta, tb) if k not in moved_t]
        inside = match.first < ta < match.last
        if plain and edge and s and _sounds_as(w, s):
            add("misheard", qa, qb, ta, tb, SLIP)  # "Our report" / "are support", word by word
            continue
        if plain and not s and _merged(q, qa, qb, t, ta):
            add("misheard", qa, qb, ta, ta, SLIP)  # "Port Rova" heard as one "portwova"
            continue
        if plain and not s and (at_start or at_end):
            k = ta if at_end and not at_start else ta - 1
            if _swapped_amount(w, t, k):
                add("changed_word", qa, qb, k, k + 1)  # "All of our members", "most of…" said
                continue
            beyond = _heard_beyond(w, t, ta, at_end=at_end and not at_start)
            if beyond is not None:
                add("misheard", qa, qb, beyond[0], beyond[1], SLIP)
                continue
        if plain and s and all(_stammered(t, k) for k in range(ta, tb)):
            # Only "uh" (or a word said twice) where the written words stand: they were not
            # heard, a filler was.
            dropped = _not_heard(w, index, transcript, ta, tb)
            kind, score = _kind(
                w, [], t, ta, ta, inside=inside, near=False, dropped=dropped, known=True
            )
            if kind is not None:
                add(kind, qa, qb, ta, tb, score)
            continue
        # Written words said away from a quote's edge: one may be a miss, more are a change
        # ("into NATO" written, "in the Alliance" said after the rest).
        dropped = (
            inside
            and not s
            and (
                _not_heard(w, index, transcript, ta, many=not edge)
                or (len(w) == 1 and _hole(t, ta))
            )
        )
        known = all(u in index.vocab for u in w)
        kind, score = _kind(w, s, t, ta, tb, inside=inside, near=near, dropped=dropped, known=known)
        if kind == "changed_word" and qa > 0 and _garbled_name(wrote(qa, qb), w, s):
            kind, score = "misheard", SLIP
        if (
            kind == "added"
            and plain
            and qb < len(q)
            and _first_name(wrote(qa, qb + 1), w, q[qb], opening=qa == 0)
        ):
            kind, score = "misheard", SLIP
        if kind == "changed_word" and plain and _name_misheard(wrote(qa, qb), heard(ta, tb)):
            kind, score = "misheard", SLIP
        if kind == "changed_word" and plain and _said_so_elsewhere(q, qa, qb, s, index):
            kind, score = "misheard", SLIP
        if kind in ("changed_word", "changed_number") and plain and len(w) > len(s):
            rest = _unheard_rest(w, s)
            content = [u for u in rest or () if not is_function(u)]
            if rest is not None and (
                len(content) == 0
                or (len(content) == 1 and _not_heard(content, index, transcript, ta, tb))
            ):
                # "has asked for" written, "four" heard: "for" misheard, the rest not heard.
                kind, score = "misheard", SLIP
        if kind == "changed_word" and plain and inside and not edge and len(w) <= 2 >= len(s) > 0:
            content = [u for u in w if not is_function(u)]
            if (
                all(is_function(u) for u in s)
                and len(content) == 1
                and _not_heard(content, index, transcript, ta, tb)
            ):
                # "publish a" written, "the" heard: "publish" not heard, a small word swapped.
                kind = "function_word"
        if kind in ("function_word", "misheard", "added") and plain and not s:
            other = _amount_said_otherwise(w, t, match)
            if other is not None:
                # "All of the shops support…" written, "…most of them support…" said.
                kind, score, (ta, tb) = "changed_word", 0.0, (other, other + 1)
        currency = kind in ("added", "misheard") and not s and _currency_named(q, qa, qb)
        if currency:
            kind = "function_word"  # "£1.5m" written, "one point five million" said
        elif (
            kind == "changed_word"
            and _currency_named(q, qa, qb)
            and not (CURRENCY_WORDS.intersection(s) or _numbers(s))
        ):
            # "€41 million" written, "forty one million year old" heard: after an amount,
            # other words where its currency stands are the recogniser's, not a change.
            kind, score = "misheard", SLIP
        if kind == "added" and plain and not s and _phrase_said_elsewhere(q, qa, qb, index):
            kind, score = "misheard", SLIP  # "that is exactly what we are" said often
        if kind == "added" and said_run is not None:
            # Not said, and the sentence ends otherwise: "into NATO" written, "in the
            # Alliance." said. Judged as added (recognisers garble a sentence's last
            # words), shown as the change it is.
            kind, (ta, tb) = "changed_word", said_run
        # A word or two written where a long run was said ("the whole team" written,
        # "the pressure matters so much for … team" said): words left out around a word
        # the recogniser garbled, or the quote joins what was said apart.
        apart = (
            kind in ("changed_word", "changed_number")
            and bool(plain)
            and inside
            and not edge
            and len(s) >= max(len(w) + LONG_RUN, 2 * len(w))
            and not (_numbers(w) and _numbers(s))
        )
        cut_run = len(w) <= 2 and len(s) >= max(3, len(w) + 2)  # a run said in their place
        # A number only on one side of a cut was left out or not heard, not changed.
        one_sided = kind == "changed_number" and cut_run and not (_numbers(w) and _numbers(s))
        if (
            (kind in ("added", "changed_word") or one_sided)
            and (known or cut_run)
            and _at_cut(wrote, qa, qb, len(q))
        ):
            kind = "elision"  # words the speaker says, beside the writer's "…": a cut
        if kind == "function_word" and not w and _at_cut(wrote, qa, qb, len(q)):
            # "the other three posts … advertised": the writer marks the cut of small
            # words too, and says so.
            kind = "elision"
        if kind is not None:
            add(kind, qa, qb, ta, tb, score)
            if apart and out[-1].change.kind == kind:
                out[-1].apart = True
            if currency and out[-1].change.kind == kind:  # "pounds" added, not "£1.5m"
                out[-1] = Judged(replace(out[-1].change, written=" ".join(q[qa:qb])), score)
    for ta, tb in _edge_cuts(t, match) if whole or fragment else ():
        if sentence_ends(transcript, index.owner[tb - 1]):
            continue  # "it does not. The money comes…": the quote starts a new sentence
        if fragment and any(u in QUALIFIERS or u in LEAD_QUALIFIERS or u in t[ta:tb] for u in lead):
            continue  # "was nearly “half of…”", "close to “half of…”": the lead says it
        add("cut_at_edge", 0, 0, ta, tb)
    return tuple(out)


def as_cut(judged: Sequence[Judged]) -> tuple[Judged, ...]:
    """``judged`` with written words that stand for a long said run taken as an elision.

    Asked only of a quote taken as said here: before that, such a change counts
    as the difference it is (a quote made up around a few said words differs from
    what was said in many places, see :func:`scattered`)."""
    return tuple(
        Judged(replace(j.change, kind="elision"), j.slip) if j.apart else j for j in judged
    )


def verdict(judged: Sequence[Judged]) -> QuoteStatus:
    """The worst status the changes make."""
    worst: QuoteStatus = "verbatim"
    for j in judged:
        status = SEVERITY[j.change.kind]
        if _RANK[status] > _RANK[worst]:
            worst = status
    return worst


def names_only(match: Match, written_units: Sequence[str]) -> bool:
    """Whether only names and small words of a quote were said here, hardly any of its
    common content words: a quote made up around the same people ("Tamros has let down
    the families of Norgrad once again"), not a misquote of what was said."""
    said = {k for op in match.ops if op.tag in ("equal", "near") for k in range(op.qa, op.qb)}
    said.update(k for qa, qb, _, _ in match.moved for k in range(qa, qb))
    content = [k for k, u in enumerate(written_units) if not is_function(u) and weight(u) < RARE]
    if len(content) < MIN_CONTENT:
        return False
    return sum(1 for k in content if k in said) < SAID_CONTENT * len(content)


def decisive(judged: Sequence[Judged]) -> list[Judged]:
    """The changes that make a misquote."""
    return [j for j in judged if SEVERITY[j.change.kind] == "misquote"]


def scattered(judged: Sequence[Judged], coverage: float) -> bool:
    """Whether a quote less than :data:`MOSTLY_SAID` said here differs from it in many
    places or around words left out: another sentence that shares some words with one
    said (often a stock phrase and a name), not a misquote of it. A misquote keeps most of
    what was said and changes a word or two."""
    if coverage >= MOSTLY_SAID:
        return False
    made = decisive(judged)
    # Words left out and content words excused as not heard differ from what was said
    # as much as changes do ("has let down" not heard, "families" changed, "once again"
    # added: another sentence around a name and a stock phrase).
    unheard = [j for j in judged if j.change.kind == "elision" or _content_unheard(j.change)]
    if len(made) + len(unheard) >= SCATTERED:
        return True
    cuts = any(j.change.kind == "elision" for j in judged)
    # A negation or a number written otherwise is the distortion itself ("never" / "not").
    pointed = any(
        u in NEGATIONS or u in NUMBER_WORDS or u.isdigit()
        for j in made
        for u in text_units(j.change.written)
    )
    return cuts and bool(made) and not pointed


def _content_unheard(change: Change) -> bool:
    """Whether a change excused a written content word as not heard, no content word
    heard in its place ("has let down" where nothing was heard, "the clear" where "a"
    was); a sound-alike heard for it ("ten" / "the") was heard."""
    said = text_units(change.said)
    if not (change.kind == "function_word" or (change.kind == "misheard" and not said)):
        return False  # a word heard for it that sounds alike was heard
    written = text_units(change.written)
    return any(not is_function(u) for u in written) and all(is_function(u) for u in said)


UNSAID_KINDS = frozenset(("changed_word", "changed_number", "added", "cut_at_edge"))
"""Changes whose written words no recogniser explains."""


def unsaid_bulk(judged: Sequence[Judged], n_units: int, nearby: Callable[[str], bool]) -> bool:
    """Whether much of a quote (:data:`BULK` units and :data:`BULK_SHARE` of it) is
    written words no recogniser explains, whose content words were mostly not said
    anywhere near (``nearby(unit)``): another sentence around a few words of this one.
    Words said nearby in another order are a writer's reshuffle, a misquote."""
    written = [
        u for j in judged if j.change.kind in UNSAID_KINDS for u in text_units(j.change.written)
    ]
    if len(written) < BULK or len(written) < BULK_SHARE * n_units:
        return False
    content = [u for u in written if not is_function(u)]
    return bool(content) and sum(map(nearby, content)) < SAID_NEARBY * len(content)


def confidence(status: QuoteStatus, judged: Sequence[Judged], coverage: float) -> float:
    """How likely the verdict is right, 0..1, from what it rests on.

    Rates per verdict measured on generated data (seeds the reported benchmark
    does not use): a verbatim, edited or elided verdict that excused a mishearing
    is less sure, and a misquote is only as sure as the share of the quote that was
    said. Several separate changes make a misquote surer when most of it was said,
    and far less sure when not (what is left of quotes made up around a few words
    said); one change that might be a slip makes it less sure.
    """
    heard = any(j.change.kind == "misheard" for j in judged)
    if status != "misquote":
        return round(SURE[status] * (MISHEARD_DOUBT if heard else 1.0), 3)
    made = decisive(judged)
    rate = next(r for edge, r in MISQUOTE_BY_COVERAGE if coverage >= edge)
    if len(made) > 1:
        rate = MISQUOTE_SEVERAL if coverage >= MOSTLY_SAID else MISQUOTE_SCATTERED
    closest = max((j.slip for j in made), default=0.0)
    return round(rate * (1.0 - 0.5 * closest), 3)


def describe(change: Change) -> str:
    """One line for a change, quoting written and said words as they appear."""
    w, s = change.written, change.said
    match change.kind:
        case "misheard":
            if not s:
                return f"transcript lacks '{w}': likely not heard"
            if not w:
                return f"transcript adds '{s}': likely misheard"
            return f"transcript has '{s}' where the quote has '{w}': likely misheard"
        case "filler_dropped":
            return f"disfluency left out: '{s}'"
        case "bracketed":
            if not s:
                return f"'{w}' added in brackets"
            return f"'{w}' in brackets for '{s}'"
        case "elision":
            return f"left out: '{s}'" if not w else f"'{w}' written for '{s}'"
        case "added":
            return f"not said: '{w}'"
        case "reordered":
            return f"reordered: '{w}' was said elsewhere"
        case "cut_at_edge":
            return f"cut at the edge: '{s}' was said with it"
        case _:
            if not w:
                return f"'{s}' left out"
            if not s:
                return f"'{w}' added"
            return f"'{w}' written, '{s}' said"


def reason(status: QuoteStatus, judged: Sequence[Judged]) -> str:
    """The verdict's one-line reason: the changes that make it, mishearings after."""
    worst = [describe(j.change) for j in judged if SEVERITY[j.change.kind] == status]
    heard = [describe(j.change) for j in judged if j.change.kind == "misheard"]
    if status == "verbatim":
        return "; ".join(["said word for word", *heard[:2]])
    return "; ".join([*worst[:3], *heard[:1]])


def _currency_named(q: Sequence[str], qa: int, qb: int) -> bool:
    """Whether written units ``q[qa:qb]`` only name the currency of the amount before them:
    a speaker says "one point five million", the press writes "£1.5m"."""
    return 0 < qa < qb and q[qa - 1] in NUMBER_WORDS and all(u in CURRENCY_WORDS for u in q[qa:qb])


def _at_cut(wrote: Callable[[int, int], str], qa: int, qb: int, n: int) -> bool:
    """Whether written units ``[qa, qb)`` stand right beside a cut mark ("…", "[…]") of
    the quote, or around one ("and […] the"), as the quote is written (``wrote``; ``n``
    units in all)."""
    left = wrote(qa - 1, min(qa + 1, n)) if 0 < qa <= n else ""
    right = wrote(qb - 1, qb + 1) if 0 < qb < n else ""
    inside = wrote(qa, qb) if qa < qb else ""  # no written words: said ones only
    if len(inside.split()) > CLIPPED:
        inside = ""  # shortened for display, with a "…" of its own
    return any(CUT_MARK.search(text) for text in (left, inside, right))


def _garbled_name(text: str, w: Sequence[str], s: Sequence[str]) -> bool:
    """Whether written words ``w`` (``text`` as written) are a name the recogniser wrote
    as a few other words ("Yusuf" / "joseph", "FEMSA" / "pizza").

    A recogniser that does not know a name writes the words of its own vocabulary it
    hears there, alike in sound or not; a writer who changes a name in a quote is far
    rarer. Only a capitalised word inside the quote that is no common word counts, and
    only when no number and not many more words were heard in its place, and those are
    common words or sound like it: a rare word heard there is another name.
    """
    tokens = text.split()
    if len(tokens) == len(w):
        # A small word beside the name heard as itself or a sound-alike ("Alberto for"
        # heard "out that four") is no part of the name.
        while len(w) > 1 and len(s) > 1 and is_function(w[-1]) and _heard_as(w[-1], s[-1]):
            tokens, w, s = tokens[:-1], w[:-1], s[:-1]
        while len(w) > 1 and len(s) > 1 and is_function(w[0]) and _heard_as(w[0], s[0]):
            tokens, w, s = tokens[1:], w[1:], s[1:]
    named = (
        bool(w)
        and bool(s)
        and len(tokens) == len(w)
        and all(tok[:1].isupper() for tok in tokens)
        and all(weight(u) >= NAME_WEIGHT and not is_function(u) for u in w)
        and len(s) <= len(w) + 2
        and not _numbers(s)
    )
    if not named:
        return False
    common_words = all(weight(u) < RARE for u in s)
    return common_words or sound_similarity("".join(w), "".join(s)) >= NAME_SOUND


def _heard_as(written: str, said: str) -> bool:
    """Whether one written word was heard as ``said``: the same, a number word that sounds
    like it ("for" / "four") or a sound-alike."""
    return (
        written == said
        or frozenset((written, said)) in NUMBER_HOMOPHONES
        or slip([written], [said]) >= SLIP
    )


def _first_name(text: str, w: Sequence[str], surname: str, *, opening: bool) -> bool:
    """Whether written words ``w`` not heard are a person's first name (``text``: them and
    the next written word, ``surname``, as written): names the recogniser does not know
    it writes as anything or nothing ("chevon" for "Siobhan"), and a writer who names the
    person the speaker named by surname changes no claim. A quote's ``opening`` word is
    capitalised whatever it is: there, only a rare word counts as a name."""
    tokens = text.split()
    least = RARE if opening else NAME_WEIGHT
    return (
        len(tokens) == len(w) + 1
        and all(tok[:1].isupper() for tok in tokens)
        and all(weight(u) >= least and not is_function(u) for u in w)
        and weight(surname) >= NAME_WEIGHT
        and not is_function(surname)
    )


def _name_misheard(written: str, said: str) -> bool:
    """Whether written words holding a name or acronym, as the quote writes them ("our
    Pierce brand", "ATM locations"), are what the mishearing model takes ``said``
    ("appear spread", "applications") for, misheard: the model reads capitals as names
    and acronyms, which the quote's lowercased units no longer show. Small words at
    either end are left out; a name for another name ("Dunmore" / "hallam") scores low."""
    tokens = written.split()
    while tokens and is_function(_bare(tokens[0]).lower()):
        tokens = tokens[1:]
    while tokens and is_function(_bare(tokens[-1]).lower()):
        tokens = tokens[:-1]
    named = any(
        (len(b) >= 2 and b.isupper()) or (b[:1].isupper() and weight(b.lower()) >= NAME_WEIGHT)
        for b in map(_bare, tokens)
    )
    return named and bool(said) and misheard(" ".join(tokens), said) >= THRESHOLD


def _bare(token: str) -> str:
    """A written token without the punctuation around it."""
    return token.strip(",.;:?!…\"“”'‘’()[]")


def _edge_part(
    w: Sequence[str], t: Sequence[str], ta: int, tb: int, *, at_end: bool
) -> tuple[int, int]:
    """The said units a quote's first or last written words stand for, within ``[ta, tb)``.

    The aligner pairs written words at a quote's edge with whatever was said next to
    it; when they do not sound like all of it, only the part next to the rest of the
    quote that they sound like is theirs ("school" / "skull we cannot"), or none: the
    words said after the quote's end were never part of it when they start anew, with a
    small word ("today" / "i am"); a content word there is what the writer changed
    ("stadium" / "new ground").
    """
    n = tb - ta
    parts = (
        [(ta, ta + j) for j in range(n - 1, 0, -1)]
        if at_end
        else [(ta + j, tb) for j in range(1, n)]
    )
    for a, b in parts:
        if slip(w, t[a:b]) >= SLIP or _sounds_as(w, t[a:b]):
            return a, b
    return (ta, ta) if at_end else (tb, tb)


def _finishes(
    index: TranscriptIndex, transcript: Transcript, k: int, room: int, *, at_end: bool
) -> int:
    """How many said units beside a quote's edge (from unit ``k`` after its end, or up to
    ``k - 1`` before its start; at most ``room``) belong to the quoted sentence: no break
    between them and the quote nor among them, a break on their other side, a content
    word among them ("last week" written, "last night." said; "into NATO" written, "in
    the Alliance." said). 0 when none do.

    Then the writer changed the quote's first or last words; the recogniser dropping them
    would leave the next sentence's words there, after a break. Where no break can be
    seen (a caption line without word times), the words are left unjudged.
    """
    units = index.units
    step = 1 if at_end else -1
    if not 0 < k < len(units) or _break_at(index, transcript, k):
        return 0
    content = False
    for n in range(1, room + 1):
        word = k + n - 1 if at_end else k - n
        if not 0 <= word < len(units):
            return 0
        content = content or not is_function(units[word])
        outer = k + n * step
        if _break_at(index, transcript, outer):
            return n if content else 0
    return 0


def _break_at(index: TranscriptIndex, transcript: Transcript, k: int) -> bool:
    """Whether a sentence may end between said units ``k - 1`` and ``k``: a sentence mark,
    another cue, a pause, or the transcript's own start or end."""
    if not 0 < k < len(index.owner):
        return True
    before, after = index.owner[k - 1], index.owner[k]
    if before == after:
        return False
    tokens = transcript.tokens
    if tokens[before].segment != tokens[after].segment or sentence_ends(transcript, before):
        return True
    silence = _silence(index, transcript, k, k)
    return silence is not None and silence >= BREAK_GAP


def _blocks(match: Match) -> list[tuple[int, int, int, int, bool]]:
    """Runs of consecutive differing ops, each ``(qa, qb, ta, tb, near)``; a near-equal
    op (one word spelt or inflected otherwise: ``near``) is a block of its own."""
    out: list[tuple[int, int, int, int, bool]] = []
    run: list[tuple[int, int, int, int]] = []

    def flush() -> None:
        if run:
            out.append((run[0][0], run[-1][1], run[0][2], run[-1][3], False))
            run.clear()

    for op in match.ops:
        if op.tag == "equal":
            flush()
        elif op.tag == "near":
            flush()
            out.append((op.qa, op.qb, op.ta, op.tb, True))
        else:
            run.append((op.qa, op.qb, op.ta, op.tb))
    flush()
    return out


def _pairs(
    blocks: list[tuple[int, int, int, int, bool]], q: Sequence[str], t: Sequence[str]
) -> list[tuple[int, int, int, int, bool]]:
    """Blocks of as many written as said words split word for word ("for a" / "four the":
    one word misheard, one swapped), unless the recogniser explains them as a whole."""
    out: list[tuple[int, int, int, int, bool]] = []
    for qa, qb, ta, tb, near in blocks:
        n = qb - qa
        if near or n < 2 or tb - ta != n or slip(q[qa:qb], t[ta:tb]) >= SLIP:
            out.append((qa, qb, ta, tb, near))
        else:
            out.extend((qa + k, qa + k + 1, ta + k, ta + k + 1, False) for k in range(n))
    return out


def _kind(
    w: list[str],
    s: list[str],
    t: Sequence[str],
    ta: int,
    tb: int,
    *,
    inside: bool,
    near: bool,
    dropped: bool,
    known: bool,
) -> tuple[ChangeKind | None, float]:
    """The kind of one block of differences (written ``w``, said ``s`` at ``[ta, tb)``;
    ``dropped``: the written words were likely not heard; ``known``: the speaker says
    each written word somewhere)."""
    if not w and not s:
        return None, 0.0
    if w and s and _same_said(w, s):
        return None, 0.0  # no change: "per cent" / "percent", "midweek" / "mid week"
    score = slip(w, s)
    if near:
        # The aligner took them for one word: an inflection changed is an edit, a name
        # heard with an s more or less is not.
        if _negated(w[0], s[0]):
            return "changed_word", 0.0  # "unfair" for "fair": turned round
        morph = unit_similarity(w[0], s[0])[1] == "morph" and weight(w[0]) < 2.0
        return ("inflection", score) if morph else ("misheard", max(score, 0.75))
    if not w:
        if _repeated(t, ta, tb) or _restarted(t, ta, tb):
            return "filler_dropped", 1.0
        if tuple(u for u in s if u not in FILLERS) in DISCOURSE_MARKERS:
            return "filler_dropped", 1.0
        if all(is_function(u) for u in s) and len(s) <= 2 and not NEGATIONS & set(s):
            return "function_word", 0.0
        if NEGATIONS & set(s) and len(s) <= 2:
            return "changed_word", 0.0  # "not" left out turns the statement round
        return "elision", 0.0
    if not s:
        if len(w) == 1 and is_function(w[0]):
            # One short word: recognisers drop those, "not" too; a writer who adds a "not"
            # would turn the statement round, which is rarer than a recogniser missing it.
            return "misheard", 0.7
        if dropped:
            return "misheard", 0.6  # silence where the words would stand: not heard
        small = all(is_function(u) for u in w)
        if small and len(w) <= 2 and not NEGATIONS & set(w):
            return "function_word", 0.0
        if small and inside and len(w) <= SMALL_RUN:
            # "is not a" written, "the station is serious problem" heard: small words run
            # together are what recognisers lose, "not" among them; a writer who puts a
            # "not" into a sentence said whole is rarer than a recogniser missing it.
            return "misheard", 0.6
        return "added", 0.0
    core = [u for u in s if u not in FILLERS]
    if len(s) == tb - ta:  # a small word said twice is a stutter too ("wood not | not")
        core = [u for k, u in zip(range(ta, tb), s) if u not in FILLERS and not _stammered(t, k)]
    if core and len(core) < len(s) and slip(w, core) >= SLIP:
        return "filler_dropped", 1.0  # "for" written, "uh four" heard: a filler left out
    s = _as_written(w, s)
    said_numbers = _numbers(s) if len(s) <= len(w) + 2 else []  # not in a long run left out
    if _numbers(w) != said_numbers and (_numbers(w) or said_numbers) and score < SLIP:
        return "changed_number", score
    if score >= SLIP:
        return "misheard", score
    if NEGATIONS & set(s) - set(w) and max(len(w), len(s)) <= 2:
        return "changed_word", score  # a "not" said and not written
    if NEGATIONS & set(w) - set(s):
        rest = [u for u in w if u not in NEGATIONS]
        if rest and slip(rest, s) >= SLIP:
            return "misheard", slip(rest, s)  # "not accept" heard as "except"
    if len(w) == len(s) + 1:
        # One short word not heard and the next misheard: "is no" / "know".
        for k, u in enumerate(w):
            rest = [*w[:k], *w[k + 1 :]]
            if is_function(u) and slip(rest, s) >= SLIP:
                return "misheard", slip(rest, s)
    heard_as = _content_misheard(w, s)
    if heard_as is not None:
        return "misheard", heard_as
    said_content = [
        u
        for k, u in zip(range(ta, tb), s)
        if not (is_function(u) or _disfluent(t, k) or (len(s) <= len(w) and _sounds_function(u)))
    ]
    if all(is_function(u) for u in w):
        if not said_content:
            return "function_word", score
        if len(s) > len(w):
            return "elision", score  # a joining word where several said words were left out
    if known and len(w) <= 2 and len(s) >= len(w) + 3:
        # A word or two the speaker does say, where a run of said words was left out:
        # a cut, with the recogniser's miss of the words at its edge.
        return "elision", score
    return "changed_word", score


def _same_said(w: Sequence[str], s: Sequence[str]) -> bool:
    """Whether written ``w`` and said ``s`` are one word written apart or together
    ("per cent", "percent")."""
    return "".join(w) == "".join(s)


def _same_amount(q: Sequence[str], qa: int, qb: int, t: Sequence[str], ta: int, tb: int) -> bool:
    """Whether the written units ``q[qa:qb]`` and said ``t[ta:tb]`` are parts of one amount
    said and written two ways ("2010" / "two thousand and ten", "1.5 million" / "one and a
    half million", "1 million" / "a million", "the 1990s" / "the nineties", "25 percent" /
    "a quarter"), or of one time of day ("seven thirty pm" / "half past seven", "9.15" /
    "nine fifteen")."""
    block = [*q[qa:qb], *t[ta:tb]]
    if not block:
        return False
    if all(u in AMOUNT_WORDS for u in block):
        written = amounts(q[slice(*_amount_run(q, qa, qb))])
        if written & amounts(t[slice(*_amount_run(t, ta, tb))]):
            return True
        if _same_amount_near(q, qa, qb, t, ta, tb):
            return True
    if all(u in CLOCK_WORDS for u in block):
        # "7pm" written, "seven" said: a time on one side makes the other's hour one too.
        written_run = q[slice(*_amount_run(q, qa, qb, CLOCK_WORDS))]
        said_run = t[slice(*_amount_run(t, ta, tb, CLOCK_WORDS))]
        written_at, said_at = clock(written_run), clock(said_run)
        written_at = written_at or clock(written_run, time=bool(said_at))
        said_at = said_at or clock(said_run, time=bool(written_at))
        return bool(written_at & said_at)
    if all(u in CLOCK_WORDS or u == "point" for u in block):
        # "9.15" written, "nine fifteen" said: the decimal is the time.
        dotted = dotted_clock(q[slice(*_amount_run(q, qa, qb, _DOTTED_WORDS))])
        said_run = t[slice(*_amount_run(t, ta, tb, CLOCK_WORDS))]
        return bool(dotted and dotted & clock(said_run, time=True))
    return False


_DOTTED_WORDS = CLOCK_WORDS | {"point"}
"""The words of a time written with a dot ("9.15": "nine point one five")."""
AMOUNT_REACH = 4
"""Words said as written on each side of a changed part of an amount that
:func:`_same_amount_near` reads with it."""
DIGITS = {
    w: str(n) for n, w in enumerate("zero one two three four five six seven eight nine".split())
}


def _same_amount_near(
    q: Sequence[str], qa: int, qb: int, t: Sequence[str], ta: int, tb: int
) -> bool:
    """Whether the differing parts of an amount, with the same words said as written around
    them, are one amount written two ways ("a one and a half year" / "a one point five
    year": not the whole run of number words, which a year before it joins), or digits
    the writer gives one by one and the recogniser ran together ("two, three weeks" /
    "23 weeks"). Only words the same on both sides are read with the parts, so a number
    changed stays changed."""
    left = 0
    while (
        left < AMOUNT_REACH
        and qa - left > 0
        and ta - left > 0
        and q[qa - left - 1] == t[ta - left - 1]
        and q[qa - left - 1] in AMOUNT_WORDS
    ):
        left += 1
    right = 0
    while (
        right < AMOUNT_REACH
        and qb + right < len(q)
        and tb + right < len(t)
        and q[qb + right] == t[tb + right]
        and q[qb + right] in AMOUNT_WORDS
    ):
        right += 1
    for lo in range(left + 1):
        for hi in range(right + 1):
            written, said = q[qa - lo : qb + hi], t[ta - lo : tb + hi]
            if not written or not said:
                continue
            heard = amounts(said)
            if amounts(written) & heard:
                return True
            digits = "".join(DIGITS.get(u, "x") for u in written)
            if len(written) > 1 and digits.isdigit() and float(digits) in heard:
                return True
    return False


AMOUNT_ENDS = frozenset(("percent", "per", "cent", "thousand", "million", "billion", "trillion"))
"""Words after a count that say what it counts ("percent", "million")."""


def _to_run_into(q: Sequence[str], qa: int, qb: int, t: Sequence[str], ta: int, tb: int) -> bool:
    """Whether a written "to" before a number was heard as a "two" run into it: "rose to
    2.5%" heard "rose 22.5%", "up to 7.9%" heard "up 27.9%" (a recogniser that writes
    numbers in figures reads "to two point five" as one). The said number must be the
    written one with a 2 before its digits, in the same unit; anything else is another
    number."""
    if list(q[qa:qb]) not in (["to"], ["too"], ["into"]) or tb <= ta:
        return False
    said_from = ta + 1 if q[qa] == "into" and t[ta] == "in" else ta
    run = list(q[qb : _amount_end(q, qb)])
    if not run:
        return False
    said_end = _amount_end(t, said_from)
    said = list(t[said_from:said_end])
    if not said or tb > said_end:
        return False
    unit = [u for u in run if u in AMOUNT_ENDS]
    if unit != [u for u in said if u in AMOUNT_ENDS]:
        return False
    core = [u for u in run if u not in AMOUNT_ENDS]
    heard = amounts([u for u in said if u not in AMOUNT_ENDS])
    for value in amounts(core) if core else ():
        digits = f"{value:f}".rstrip("0").rstrip(".")
        if float("2" + digits) in heard:
            return True
    return False


def _amount_end(units: Sequence[str], k: int) -> int:
    """The end of the run of amount words (:data:`AMOUNT_ENDS` among them) from unit ``k`` on."""
    end = k
    while end < len(units) and units[end] in AMOUNT_WORDS:
        end += 1
    return end


def _amount_run(
    units: Sequence[str], a: int, b: int, words: frozenset[str] = AMOUNT_WORDS
) -> tuple[int, int]:
    """The run of amount (or time) ``words`` around ``[a, b)``, without an "and" or "a"
    at its ends that joins it to the words around it."""
    while a > 0 and units[a - 1] in words:
        a -= 1
    while b < len(units) and units[b] in words:
        b += 1
    while a < b and units[a] == "and":
        a += 1
    while b > a and units[b - 1] in ("and", "a"):
        b -= 1
    return a, b


def _content_misheard(w: Sequence[str], s: Sequence[str]) -> float | None:
    """How plausibly the content words of ``w`` were heard as those of ``s``, small words
    around them swapped ("union in" written, "the onion and" heard), if each content
    word was heard as one and no negation differs; else None."""
    wc = [u for u in w if not is_function(u)]
    sc = [u for u in s if not is_function(u)]
    if not wc or len(wc) != len(sc) or (len(wc) == len(w) and len(sc) == len(s)):
        return None
    if NEGATIONS & (set(w) ^ set(s)) or _numbers(w) != _numbers(s):
        return None
    score = slip(wc, sc)
    return score if score >= SLIP else None


Block = tuple[int, int, int, int, bool]


def _crossed_edges(
    blocks: Sequence[Block], q: Sequence[str], t: Sequence[str], match: Match
) -> list[tuple[tuple[int, int, int, int], tuple[Block, Block]]]:
    """Written words at a quote's edge that the aligner left unsaid because it paired the
    words beside them with the same words said a little further on ("about the team"
    written, "about team we uh the water" said: "the" paired with the second "the", so
    "team" looks added, or written for "water", and "team we uh" left out). When the
    quote's last words sound like the said words where its match breaks off (its first
    words like those where it resumes), they were said right there: each such edge as
    the span of written and said units to call misheard, and the two blocks it
    replaces."""
    out: list[tuple[tuple[int, int, int, int], tuple[Block, Block]]] = []
    if len(blocks) < 2:
        return out
    last, before = blocks[-1], blocks[-2]
    if last[1] == len(q) and last[3] == match.last and before[0] == before[1]:
        w = list(q[before[1] : last[1]])
        for n in (len(w), len(w) - 1):
            if 0 < n <= before[3] - before[2] and _sounds_as(w, t[before[2] : before[2] + n]):
                out.append(((before[0], last[1], before[2], before[2] + n), (before, last)))
                break
    first, after = blocks[0], blocks[1]
    if first[0] == 0 and first[2] == match.first and after[0] == after[1]:
        w = list(q[: after[0]])
        for n in (len(w), len(w) - 1):
            if 0 < n <= after[3] - after[2] and _sounds_as(w, t[after[3] - n : after[3]]):
                out.append(((0, after[0], after[3] - n, after[3]), (first, after)))
                break
    return out


MERGED_SOUND = 0.8
"""Sound similarity from which two written words are the one said word they were run into."""
SHUFFLE_GAP = 3
"""Said units that may stand between words left out and words added that are the same."""


def _shuffled(
    blocks: Sequence[Block], q: Sequence[str], t: Sequence[str]
) -> list[tuple[tuple[int, int, int, int], tuple[Block, Block]]]:
    """Words said and left out next to words written and not said that have the same
    content words ("talks in situation and" said, "talks and the situation in" written):
    the aligner paired a small word across them, the content is the same. Each such
    pair as the span of written and said units, and the two blocks it replaces."""
    out: list[tuple[tuple[int, int, int, int], tuple[Block, Block]]] = []
    k = 0
    while k + 1 < len(blocks):
        a, b = blocks[k], blocks[k + 1]
        # Told apart by position, not by identity: compiled, a tuple is a value.
        if a[0] == a[1] and a[3] > a[2]:
            said_only, written_only = a, b
        elif b[0] == b[1] and b[3] > b[2]:
            said_only, written_only = b, a
        else:
            k += 1
            continue
        if (
            written_only[0] == written_only[1]
            or written_only[2] != written_only[3]
            or b[0] - a[1] > SHUFFLE_GAP
            or b[2] - a[3] > SHUFFLE_GAP
        ):
            k += 1
            continue
        said = sorted(u for u in t[said_only[2] : said_only[3]] if not is_function(u))
        written = sorted(u for u in q[written_only[0] : written_only[1]] if not is_function(u))
        if said and said == written:
            out.append(((a[0], b[1], a[2], b[3]), (a, b)))
            k += 2
        else:
            k += 1
    return out


SAID_SO_SOUND = 0.6
"""Sound similarity from which a word heard in place of a written word the speaker says
elsewhere in the same words is taken as the recogniser's (:func:`_said_so_elsewhere`)."""


def _said_so_elsewhere(
    q: Sequence[str], qa: int, qb: int, s: Sequence[str], index: TranscriptIndex
) -> bool:
    """Whether one written word, where a word that sounds somewhat like it was heard, is
    said elsewhere in the transcript next to the same written neighbour ("in the quarter"
    said ten times in a call, "the corner" heard once): the speaker's own phrase, which
    the recogniser misheard here. A writer's word put into the speaker's mouth is one he
    does not use so; a word that does not sound alike is a change whatever he says."""
    if qb - qa != 1 or len(s) != 1 or sound_similarity(q[qa], s[0]) < SAID_SO_SOUND:
        return False
    ids = index.vocab
    word = ids.get(q[qa])
    if word is None:
        return False
    pairs = []
    if qa > 0 and q[qa - 1] in ids:
        pairs.append((ids[q[qa - 1]], word))
    if qb < len(q) and q[qb] in ids:
        pairs.append((word, ids[q[qb]]))
    return any(bigram_key(a, b, len(ids)) in index.bigrams for a, b in pairs)


PHRASE_CONTEXT = 2
"""Written units on each side of words not heard that, with them, must have been said
word for word elsewhere for them to be the speaker's phrase (:func:`_phrase_said_elsewhere`)."""


def _phrase_said_elsewhere(q: Sequence[str], qa: int, qb: int, index: TranscriptIndex) -> bool:
    """Whether written units ``[qa, qb)``, not heard inside a quote, with
    :data:`PHRASE_CONTEXT` written units either side are a run the speaker says word for
    word elsewhere ("and that is exactly what we are", "is exactly what" not heard here):
    his own phrase, part of which the recogniser lost here. Words a writer puts in are
    not the speaker's in the same words around them. A negation is never taken so: one
    put in turns the statement round."""
    lo, hi = qa - PHRASE_CONTEXT, qb + PHRASE_CONTEXT
    if lo < 0 or hi > len(q) or NEGATIONS & set(q[qa:qb]):
        return False
    ids = index.vocab
    run = [ids.get(u) for u in q[lo:hi]]
    if any(i is None for i in run):
        return False
    known = tuple(i for i in run if i is not None)
    starts = index.trigrams.get(trigram_key(known[0], known[1], known[2], len(ids)), ())
    return any(index.ids[j : j + len(known)] == known for j in starts)


DISCOURSE = tuple(sorted(DISCOURSE_MARKERS | HEDGES))
"""Phrases a speaker fills pauses with, which recognisers often leave out."""
_FALSE_START = re.compile(r"\w+-(\s|$)")
"""A word broken off as written ("manu- we"), unlike a hyphenated one ("COVID-19")."""
REPEAT = 3
"""Longest run of written units said twice in a row that counts as a stammer ("with the,
with the")."""


def _written_disfluency(q: Sequence[str], k: int, wrote: Callable[[int, int], str]) -> bool:
    """Whether written unit ``k`` is a hesitation the writer kept as the speaker made it
    ("uh", "you know", a false start "manu-", a word or run said twice "for, for"): not
    words of the statement, and a recogniser leaves them out as often as not."""
    u = q[k]
    if u in FILLERS or _FALSE_START.match(wrote(k, k + 2) if k + 1 < len(q) else ""):
        return True
    for phrase in DISCOURSE:
        n = len(phrase)
        if any(tuple(q[j : j + n]) == phrase for j in range(max(0, k - n + 1), k + 1)):
            return True
    for n in range(1, REPEAT + 1):
        if any(
            j >= 0 and j + 2 * n <= len(q) and list(q[j : j + n]) == list(q[j + n : j + 2 * n])
            for j in range(k - 2 * n + 1, k + 1)
        ):
            return True
    return False


def _stammered(t: Sequence[str], k: int) -> bool:
    """Whether said unit ``k`` is a filler or a small word said twice in a row ("has has");
    a content word said twice was said, whatever the quote has there."""
    u = t[k]
    twice = (k > 0 and t[k - 1] == u) or (k + 1 < len(t) and t[k + 1] == u)
    return u in FILLERS or (twice and is_function(u))


def _merged(q: Sequence[str], qa: int, qb: int, t: Sequence[str], ta: int) -> bool:
    """Whether a written word not heard was run into the said word beside it with its
    written neighbour ("Port Rova" heard as "portwova"): recognisers join words."""
    if qb - qa != 1:
        return False

    def joined(written: Sequence[str], said: str) -> bool:
        a = "".join(written)
        return (
            said not in written
            and 0.75 <= len(a) / len(said) <= 1.33
            and sound_similarity(a, said) >= MERGED_SOUND
        )

    left = qa > 0 and 0 < ta <= len(t) and joined(q[qa - 1 : qb], t[ta - 1])
    right = qb < len(q) and ta < len(t) and joined(q[qa : qb + 1], t[ta])
    return left or right


def _numbers(units: Sequence[str]) -> list[str]:
    return [u for u in units if u in NUMBER_WORDS or u.isdigit()]


def _as_written(written: Sequence[str], said: list[str]) -> list[str]:
    """``said`` with a number word that sounds like a written word read as that word
    ("for the" written, "four" heard: the recogniser's spelling of "for", not a number)."""
    out = []
    for u in said:
        alike = [v for v in written if frozenset((u, v)) in NUMBER_HOMOPHONES]
        out.append(alike[0] if alike else u)
    return out


def _unheard_rest(w: Sequence[str], s: Sequence[str]) -> list[str] | None:
    """The written words left over when each said word is one of ``w`` as heard, in order
    ("has asked for" / "four": "has asked"), or None when a said word sounds like none."""
    said = _as_written(w, list(s))

    def rest(i: int, j: int) -> list[str] | None:
        if j == len(said):
            return list(w[i:])
        for k in range(i, len(w)):
            if w[k] == said[j] or slip([w[k]], [said[j]]) >= SLIP:
                tail = rest(k + 1, j + 1)
                if tail is not None:
                    return [*w[i:k], *tail]
        return None

    return rest(0, 0) if said else None


def _quantity(unit: str) -> bool:
    """Whether a said unit is a number or a word for an amount ("half", "all")."""
    return unit in NUMBER_WORDS or unit.isdigit() or unit in QUANTIFIERS or unit in PARTITIVES


def _hole(t: Sequence[str], k: int) -> bool:
    """Whether the said words either side of position ``k`` cannot stand next to each other
    ("strengthen the but when", "we the water crisis"): the sentence has a hole there, so a
    word the quote has in that place was said and the recogniser lost it. A writer's added
    word leaves what was said a whole sentence."""
    if not 0 < k < len(t):
        return False
    before, after = t[k - 1], t[k]
    return (before in DETERMINERS and after in NOT_AFTER_DETERMINER) or (
        before in SUBJECTS and after in DETERMINERS
    )


def _sounds_function(unit: str) -> bool:
    """Whether a said word sounds like a function word spelt almost alike ("wood" /
    "would", "hour" / "our"): the recogniser's spelling of the small word."""
    alike = _FUNCTION_SOUNDS.get(sound_key(unit))
    return alike is not None and any(Levenshtein.distance(unit, f) <= 2 for f in alike)


def _function_sounds() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for f in sorted(FUNCTION_WORDS):
        key = sound_key(f)
        if len(key) >= 2:
            out.setdefault(key, []).append(f)
    return {k: tuple(v) for k, v in out.items()}


_FUNCTION_SOUNDS = _function_sounds()


def _heard_beyond(
    w: Sequence[str], t: Sequence[str], k: int, *, at_end: bool
) -> tuple[int, int] | None:
    """The said units just outside a quote's match (after unit ``k`` at its end, before it
    at its start) that the written words at that edge sound like, if any: the aligner
    left them unpaired ("Our report with…" written, "are support with…" heard).

    Each written word must sound like the said word in its place (two small words
    alike), one short written word may be missing, and one word at the quote's outer
    edge may have been lost by the recogniser when the rest is heard so."""
    for n in range(1, len(w) + 2):
        a, b = (k, k + n) if at_end else (k - n, k)
        if a < 0 or b > len(t):
            break
        said = list(t[a:b])
        if _sounds_as(w, said):
            return a, b
        # One word not heard at either end of the written words ("Our commitment" heard
        # as "hour": "commitment" lost), the rest alike.
        for rest in (w[:-1], w[1:]) if len(w) > 1 else ():
            if len(rest) == len(said) and _sounds_as(rest, said, strict=True):
                return a, b
    return None


def _sounds_as(w: Sequence[str], s: Sequence[str], *, strict: bool = False) -> bool:
    """Whether written words ``w`` sound like said ``s`` word by word, one short written
    word possibly not heard; small words only a sound apart ("our" / "are") count as
    alike unless ``strict``."""
    s = _as_written(w, list(s))
    if len(w) == len(s) + 1:
        return any(
            is_function(u) and _sounds_as([*w[:j], *w[j + 1 :]], s, strict=strict)
            for j, u in enumerate(w)
        )
    if len(w) != len(s) or not w:
        return False
    alike = all(
        a == b
        or slip([a], [b]) >= SLIP
        or (not strict and is_function(a) and Levenshtein.distance(sound_key(a), sound_key(b)) <= 1)
        for a, b in zip(w, s)
    )
    return alike and (all(is_function(u) for u in w) or any(not is_function(u) for u in s))


def _edge_cuts(t: Sequence[str], match: Match) -> list[tuple[int, int]]:
    """Said words right before a quote that qualify it ("nearly", "not", "half of"),
    ``[ta, tb)``, when the quote starts with a word that was said there."""
    first = match.first
    if not match.ops or match.ops[0].tag not in ("equal", "near") or first < 1:
        return []
    lo = first
    if first >= 2 and t[first - 1] == "of" and t[first - 2] in PARTITIVES:
        lo = first - 2
    elif is_function(t[first]) and t[first] not in QUANTIFIERS:
        return []  # "not" then "the money…": a clause ended, nothing of the quote was qualified
    while lo >= 1 and t[lo - 1] in QUALIFIERS and first - lo < 4:
        if t[lo - 1] in LOOSE_QUALIFIERS and not _quantity(t[lo]):
            break  # "I have just come from…": "just" tells when, it qualifies no amount
        lo -= 1
    return [(lo, first)] if lo < first else []


def sentence_ends(transcript: Transcript, k: int) -> bool:
    """Whether transcript token ``k`` is followed by a sentence mark in its source text."""
    tok = transcript.tokens[k]
    rest = transcript.segments[tok.segment].text[tok.offset + len(tok.text) :].lstrip()
    return rest[:1] in (".", "?", "!", ";", ":")


def _not_heard(
    written: Sequence[str],
    index: TranscriptIndex,
    transcript: Transcript,
    ta: int,
    tb: int | None = None,
    *,
    many: bool = True,
) -> bool:
    """Whether written words missing before said unit ``ta`` (or where fillers
    ``[ta, tb)`` were heard) were likely dropped by the recogniser: with word times, a
    silence as long as they would take to say; without, one or (``many``) two words
    the speaker says elsewhere in the transcript, no negation among them (an inserted
    word is usually the writer's own, never said at all)."""
    silence = _silence(index, transcript, ta, ta if tb is None else tb)
    if silence is not None and silence >= max(
        MIN_DROP_GAP, DROP_GAP * sum(len(u) for u in written)
    ):
        return True
    # Recognisers drop words with no pause as often as with one: the word times settle
    # only a pause long enough, never its absence.
    return (
        len(written) <= (2 if many else 1)
        and not NEGATIONS & set(written)
        and all(u in index.vocab for u in written)
    )


def _silence(index: TranscriptIndex, transcript: Transcript, ta: int, tb: int) -> int | None:
    """Milliseconds of silence from the said word before unit ``ta`` to the one at ``tb``,
    the words between (fillers) not counted (``None`` unless all were timed word by word)."""
    if not 0 < ta <= tb < len(index.owner):
        return None
    lo, hi = index.owner[ta - 1], index.owner[tb]
    tokens = transcript.tokens[lo : hi + 1]
    if lo == hi or any(tok.estimated for tok in tokens):
        return None
    starts = [tok.start for tok in tokens]
    ends = [tok.end for tok in tokens]
    total = 0
    for end, start in zip(ends, starts[1:]):
        if end is None or start is None:
            return None
        total += start - end
    return total


def _times(
    index: TranscriptIndex, transcript: Transcript, ta: int, tb: int
) -> tuple[int | None, int | None]:
    """Times of said units ``[ta, tb)``; for none, the point where they would stand."""
    tokens = transcript.tokens
    if not tokens:
        return None, None
    if tb > ta:
        return tokens[index.owner[ta]].start, tokens[index.owner[tb - 1]].end
    if ta < len(index.owner):
        at = tokens[index.owner[ta]].start
        return at, at
    end = tokens[-1].end
    return end, end


def _repeated(t: Sequence[str], a: int, b: int) -> bool:
    """Whether said units ``[a, b)`` repeat the words right before or after ("let's let's")."""
    n = b - a
    return n > 0 and (list(t[b : b + n]) == list(t[a:b]) or list(t[a - n : a]) == list(t[a:b]))


def _amount_said_otherwise(w: Sequence[str], t: Sequence[str], match: Match) -> int | None:
    """The said unit of another amount in the match's span, paired with no written word,
    when the written words not heard hold an amount ("all" written; "most" said in the
    words the writer left out): the writer changed how many. ``None`` otherwise."""
    written = AMOUNTS.intersection(w)
    if not written:
        return None
    # Said units with a written word against them are that word's change, not this one's.
    paired = {k for op in match.ops if op.qb > op.qa for k in range(op.ta, op.tb)}
    for k in range(match.first, match.last):
        if k not in paired and t[k] in AMOUNTS and t[k] not in written:
            return k
    return None


def _swapped_amount(w: Sequence[str], t: Sequence[str], k: int) -> bool:
    """Whether a quote's one edge word is an amount ("all", "none") where another was
    said right beside the match ("most"): the recogniser does not turn one into the other."""
    return len(w) == 1 and w[0] in AMOUNTS and 0 <= k < len(t) and t[k] in AMOUNTS - {w[0]}


def _restarted(t: Sequence[str], a: int, b: int) -> bool:
    """Whether said units ``[a, b)`` are disfluencies, or a restart: words said again
    right after themselves, stutters before them ("the farmers | the the farmers have")."""
    if all(_disfluent(t, k) for k in range(a, b)):
        return True
    for m in range(1, min(b - a, a) + 1):
        if list(t[b - m : b]) == list(t[a - m : a]):
            return all(_disfluent(t, k) for k in range(a, b - m))
    return False


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
