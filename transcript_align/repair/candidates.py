"""Names and rare words the articles spell, with where and among which words they stand."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..lexicon import is_function
from ..models import CorrectionKind, Evidence, Reference
from ..normalize import MONTHS, TOKEN, text_units, text_words, units, zipf
from ..quotes import TITLE_ABBREVIATIONS
from ..similarity import stem
from .words import (
    HONORIFICS,
    MAX_CONTEXT_OCCURRENCES,
    MAX_SPAN,
    POSSESSIVE,
    Anchor,
    name_key,
    name_sound,
    reaching,
    strip_possessive,
)

MIN_KEY = 4
"""Names shorter than this ("OEM", "Dan") are too short to tell from a misheard word by
sound anywhere; only where an aligned passage has them (:mod:`.aligned`)…"""
MIN_NAME = 3
"""…and only names of this many letters or more ("Ed", "OK" are too few even there),
but for two capitals ("MD", "JP"), taken only where an aligned passage has them and the
transcript writes their very letters apart ("m d": :mod:`.aligned`)."""
RARE_WORD = 2.5
"""Lowercase article words rarer than this are candidates too ("reproxalap")."""
CONTEXT_CHARS = 80
"""How many characters either side of a name in an article its context is (about 12 words)."""
_INNER_DOT = re.compile(r"\w\.\w\w")
_SPACES = re.compile(r"\s+")
_SENTENCE_GAP = re.compile(r"[.!?:;\n\"“”«»„—]")
CALENDAR = MONTHS | frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
"""Capitalised words that name a date, not someone: never a name to repair on their own."""
PARTICLES = frozenset("van der den de del della di da von zu la le du al el bin ibn ben st".split())


@dataclass(frozen=True)
class Candidate:
    """A spelling from the articles that a garbled span might stand for."""

    text: str
    key: str
    sound: str
    kind: CorrectionKind
    count: int
    evidence: tuple[Evidence, ...]
    context: frozenset[str] = frozenset()
    neighbours: frozenset[str] = frozenset()
    """Name words standing right beside it in the articles, on either side."""
    before: frozenset[str] = frozenset()
    """…those standing right before it ("Cold" for "Fern" in "Cold Fern"): which side
    matters, as "Bond Cold" is no "Cold Fern" misheard."""
    after: frozenset[str] = frozenset()
    """…and those standing right after it."""
    occurrences: tuple[tuple[int, int, int], ...] = ()
    """Where it stands: (reference number, first token, end token)."""
    placed: frozenset[int] = frozenset()
    """Transcript tokens where an article passage said there puts it."""
    slots: frozenset[tuple[int, int]] = frozenset()
    """Transcript tokens ``[first, last)`` said in its place in an aligned passage."""


@dataclass
class _Mined:
    """What the articles say about one candidate key, gathered while reading them."""

    kind: CorrectionKind
    spellings: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    before: set[str] = field(default_factory=set)
    after: set[str] = field(default_factory=set)
    occurrences: list[tuple[int, int, int]] = field(default_factory=list)


Find = tuple[str, str, CorrectionKind, int, int, tuple[str, str]]
"""One name or rare word as an article spells it (:func:`article_finds`): its text, key,
kind, start and end in the article, and the keys of the name words just before and after
it ("" for none). A plain tuple: a worker process sends thousands back."""


def mine_candidates(
    references: Sequence[Reference], finds: Sequence[Sequence[Find]] | None = None
) -> list[Candidate]:
    """Names and rare words of the articles, with where they were found.

    ``finds`` are each article's :func:`article_finds` when already found
    (by the process that read the article); they are found here otherwise.
    """
    mined: dict[str, _Mined] = {}
    for number, ref in enumerate(references):
        for name, key, kind, start, end, near in (
            finds[number] if finds is not None else article_finds(ref.text)
        ):
            m = mined.setdefault(key, _Mined(kind))
            m.spellings.append(name)
            if near[0]:
                m.before.add(near[0])
            if near[1]:
                m.after.add(near[1])
            if len(m.evidence) < 2 and all(e.reference != ref.path for e in m.evidence):
                m.evidence.append(Evidence(ref.path, snippet(ref.text, start, end)))
            m.occurrences.append((number, start, end))
    out = []
    for key in sorted(mined):
        m = mined[key]
        # The spelling used most often wins; ties go to the first seen.
        text = Counter(m.spellings).most_common(1)[0][0]
        out.append(
            Candidate(
                text,
                key,
                name_sound(key),
                m.kind,
                len(m.spellings),
                tuple(m.evidence[:2]),
                neighbours=frozenset(m.before | m.after),
                before=frozenset(m.before),
                after=frozenset(m.after),
                occurrences=tuple(m.occurrences),
            )
        )
    return out


def article_finds(text: str) -> tuple[Find, ...]:
    """The names and rare words of one article text, in the order they are gathered.

    Only capitalised words, name particles and long lowercase words are
    looked at; the rest of an article is read only around the candidates
    that turn out to matter (:func:`with_context`).
    """
    tokens = _interesting_tokens(text)
    flags = _name_flags(text, tokens)
    out: list[Find] = []
    for a, b in _name_runs(text, tokens, flags):
        for i in range(a, b):
            for j in range(i + 1, min(b, i + MAX_SPAN) + 1):
                if tokens[i][2].islower() or tokens[j - 1][2].lower() in PARTICLES:
                    continue  # "van" starts no name, "Van Tassel" does; none ends one
                if units(tokens[i][2])[:1] in HONORIFICS:
                    continue  # "Ms Ben Rovoyo" is "Ben Rovoyo" with a title
                if j == i + 1 and tokens[i][2].lower() in CALENDAR:
                    continue  # "September" where "October" was said: a date, no garble
                name = strip_possessive(text[tokens[i][0] : tokens[j - 1][1]])
                before = name_key(tokens[i - 1][2]) if i > a else ""
                after = name_key(tokens[j][2]) if j < b else ""
                _keep(out, name, "name", tokens[i][0], tokens[j - 1][1], (before, after))
    for k, (start, end, tok) in enumerate(tokens):
        if flags[k] or len(tok) < 5 or not tok.isalpha() or not tok.islower():
            continue
        if zipf(tok) < RARE_WORD and not is_function(tok):
            _keep(out, tok, "word", start, end, ("", ""))
    return tuple(out)


def _interesting_tokens(text: str) -> list[tuple[int, int, str]]:
    """Capitalised words, name particles and long lowercase words, with their spans."""
    tw = text_words(text)
    return [
        (a, b, tok)
        for a, b, tok in zip(tw.starts, tw.ends, tw.words)
        if tok[0].isupper() or (tok[0].islower() and (len(tok) >= 5 or tok in PARTICLES))
    ]


def _keep(
    out: list[Find],
    text: str,
    kind: CorrectionKind,
    start: int,
    end: int,
    near: tuple[str, str],
) -> None:
    key = name_key(text)
    if len(key) < (MIN_NAME if kind == "name" else MIN_KEY) and not spelled_only(text):
        return  # "Ed", "Ok": too short to tell from a misheard word by sound
    if any(c.isdigit() for c in text) or _INNER_DOT.search(text):
        return  # "COVID-19", "FPL.As": not a spoken name
    out.append((text, key, kind, start, end, near))


def spelled_only(name: str) -> bool:
    """Whether a name is two capitals ("MD"): a candidate only where its letters are
    heard apart in its place (:data:`MIN_NAME`)."""
    return len(name) == 2 and name.isalpha() and name.isupper()


def snippet(text: str, start: int, end: int, words: int = 4) -> str:
    """The name with a few words either side, on one line, punctuation where the
    article has it.

    >>> snippet("said so. Councillor Bryony Dennis, who said the county", 20, 33, 2)
    'so. Councillor Bryony Dennis, who said'
    """
    chunk = text[max(0, start - 200) : start]
    # No match opens before the last words + 2 runs of space (one more for the newline
    # "$" may leave out): searched from there, the match is the same, without the regex
    # trying every position of the 200 characters (a tenth of the repair's time).
    ends = [m.end() for m in _SPACES.finditer(chunk)]
    if len(ends) >= words + 2:
        chunk = chunk[ends[-(words + 2)] :]
    before = re.search(rf"(?:\S+\s+){{0,{words}}}\S*$", chunk)
    after = re.match(rf"\S*(?:\s+\S+){{0,{words}}}", text[end : end + 200])
    found = (before.group() if before else "") + text[start:end] + (after.group() if after else "")
    return " ".join(found.split())


def with_context(
    cand: Candidate,
    references: Sequence[Reference],
    anchors: Sequence[Sequence[Anchor]] = (),
    unit_owner: Sequence[int] = (),
) -> Candidate:
    """``cand`` with the words around its occurrences and where it was said (when needed)."""
    near: set[str] = set()
    placed: set[int] = set()
    for number, start, end in cand.occurrences[:MAX_CONTEXT_OCCURRENCES]:
        text = references[number].text
        around = text[max(0, start - CONTEXT_CHARS) : start] + " " + text[end : end + CONTEXT_CHARS]
        near.update(TOKEN.findall(around))
        if number < len(anchors) and anchors[number] and unit_owner:
            placed.update(_placed(text, start, anchors[number], unit_owner))
    context = {s for tok in near for s in _content_stems(tok)}
    context.difference_update(text_units(cand.text))
    return replace(cand, context=frozenset(context), placed=frozenset(placed))


_BREAK = re.compile(r"[,.!?;:\"“”«»„…()\[\]—]")
"""What parts a word from the next: beyond it, a word was not said beside the name."""


def words_beside(
    cand: Candidate, references: Sequence[Reference]
) -> tuple[frozenset[str], frozenset[str]]:
    """The content words (as keys) standing right before and right after the name where
    the articles have it, in one breath with it ("non" of "non-GAAP", "results" of "GAAP
    results"): a function word, a word of the name or one across a sentence's edge says
    nothing of the place."""
    before: set[str] = set()
    after: set[str] = set()
    own = {name_key(w) for w in cand.text.split()}
    for number, start, end in cand.occurrences[:MAX_CONTEXT_OCCURRENCES]:
        text = references[number].text
        if name_key(strip_possessive(text[start:end])) != cand.key:
            continue
        tw = text_words(text)
        w0, w1 = bisect_left(tw.starts, start), bisect_left(tw.starts, end)
        for w, side, a, b in ((w0 - 1, before, -1, start), (w1, after, end, -1)):
            if not 0 <= w < len(tw.words):
                continue
            lo, hi = (tw.ends[w], b) if a < 0 else (a, tw.starts[w])
            key = name_key(tw.words[w])
            if _BREAK.search(text, lo, hi) or len(key) < 2 or is_function(key) or key in own:
                continue
            side.add(key)
    return frozenset(before), frozenset(after)


def _placed(text: str, start: int, anchors: Sequence[Anchor], owner: Sequence[int]) -> list[int]:
    """Transcript tokens where the article word at ``start`` falls inside a passage said there."""
    tw = text_words(text)
    unit = tw.first_unit[bisect_left(tw.starts, start)]
    last = len(owner) - 1
    return [
        owner[min(last, max(0, said + (unit - first)))]
        for first, said, _ in reaching(anchors, unit, 2)
    ]


@lru_cache(maxsize=200_000)
def _content_stems(token: str) -> tuple[str, ...]:
    return tuple(stem(u) for u in units(token) if not is_function(u))


def _name_flags(text: str, tokens: Sequence[tuple[int, int, str]]) -> list[bool]:
    """Which tokens are name tokens: capitalised, and not only because a sentence starts.

    A capitalised word at a sentence, paragraph or quote start counts when it
    is rare or stands capitalised elsewhere in the text too.
    """
    initial: dict[int, bool] = {}
    for k, (a, _, tok) in enumerate(tokens):
        if tok[:1].isupper():
            initial[k] = _starts_sentence(text, a)
    capital_elsewhere = {tokens[k][2] for k, first in initial.items() if not first}
    flags = [False] * len(tokens)
    for k, first in initial.items():
        tok = tokens[k][2]
        flags[k] = _is_name_token(tok, first, tok in capital_elsewhere)
    return flags


def _starts_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens the text, a sentence, a paragraph or a quote
    (the point after "Dr" in "Dr. Anna Kessel" closes no sentence)."""
    j = start - 1
    while j >= 0 and not text[j].isalnum():
        j -= 1
    if j < 0:
        return True
    if not _SENTENCE_GAP.search(text, j + 1, start):
        return False
    if text[j + 1 : start].rstrip() == ".":
        w = j
        while w > 0 and text[w - 1].isalpha():
            w -= 1
        title = text[w : j + 1]  # "Dr", not "ms" (milliseconds) nor the "st" of "21st"
        return not (
            title[0].isupper()
            and title.lower() in TITLE_ABBREVIATIONS
            and (w == 0 or not text[w - 1].isalnum())
        )
    return True


@lru_cache(maxsize=200_000)
def _is_name_token(tok: str, initial: bool, capital_elsewhere: bool) -> bool:
    if not tok[:1].isupper() or not any(c.isalpha() for c in tok):
        return False
    if all(is_function(u) for u in units(tok)) and not tok.isupper():
        return False
    if tok.isupper() and sum(c.isalpha() for c in tok) >= 2:
        return True
    if not initial:
        return True
    return capital_elsewhere or min((zipf(u) for u in units(tok)), default=0) < 3.0


def _name_runs(
    text: str, tokens: Sequence[tuple[int, int, str]], flags: list[bool]
) -> list[tuple[int, int]]:
    """Maximal runs of name tokens joined by spaces (particles like "van der" inside)."""
    runs: list[tuple[int, int]] = []
    k = 0
    n = len(tokens)
    while k < n:
        if not flags[k]:
            k += 1
            continue
        a = k
        while k + 1 < n and _joined(text, tokens[k], tokens[k + 1]):
            nxt = tokens[k + 1][2]
            if flags[k + 1]:
                k += 1
            elif (
                nxt.lower() in PARTICLES
                and k + 2 < n
                and flags[k + 2]
                and _joined(text, tokens[k + 1], tokens[k + 2])
            ):
                k += 2
            else:
                break
        runs.append((a, k + 1))
        k += 1
    return runs


def _joined(text: str, left: tuple[int, int, str], right: tuple[int, int, str]) -> bool:
    """Whether two name tokens belong to one name: only a space between, no possessive."""
    return text[left[1] : right[0]] in (" ", "\u00a0") and not POSSESSIVE.search(left[2])
