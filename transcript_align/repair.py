"""Repairs of garbled names and rare words, from articles that report the event.

Precision comes first: a wrong repair puts words in a speaker's mouth, a
missed one only leaves the recogniser's error where it was. So a repair needs
all of:

- a **candidate** from an aligned article: a name (capitalised tokens that do
  not merely start a sentence, multi-word names, acronyms) or a rare word;
- a **suspicious span** in the transcript: 1–3 tokens, no function word at
  its edges (unless an honorific or the rest of the name stands on that side),
  with at least one token that is rare or unknown in English (a common,
  correctly spelled word is usually what was said);
- **likeness** in spelling and sound (Metaphone keys, Indel and Jaro-Winkler
  similarity), and none of the known false friends: an inflection of the same
  word ("fact"/"facts"), a common word expanded ("Chris" → "Christopher");
- **support**: where the span stands — in the name's place in an aligned
  article passage (its *slot*: "with mister pet ink oh this morning" against
  "with Mr. Petenko this morning"), after a title ("Mr. Witko"), next to the
  rest of the name ("crystal Dufresne") — and the same words standing so
  elsewhere in the transcript (recognisers mishear a name the same way
  again and again); words around the span that also stand around the name
  in the articles; the span being the name cut short ("Witko") or its very
  letters regrouped ("sal ta va"); no other span over the same words
  matching the name better. The name already recognised correctly
  elsewhere counts against.

These combine into a confidence (a logistic model whose weights are fitted
on held-out data, see ``benchmarks/``); only repairs at or above the
threshold are applied.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import JaroWinkler, Levenshtein

from .lexicon import FILLERS, is_function
from .models import Correction, CorrectionKind, Evidence, Reference, Token, Transcript
from .normalize import TOKEN, fold, phonetic, text_units, text_words, units, zipf
from .quotes import TITLE_ABBREVIATIONS
from .similarity import is_morph_variant, sound_key, sound_similarity, stem

COMMON = 3.5
"""Zipf frequency from which a word counts as common English (probably heard right)."""
VERY_COMMON = 5.0
"""Words this frequent ("help", "things") are never replaced."""
RARE_WORD = 2.5
"""Lowercase article words rarer than this are candidates too ("reproxalap")."""
MIN_SIMILARITY = 0.7
"""Spans less alike than this to a candidate are not considered at all…"""
SLOT_SIMILARITY = 0.6
"""…unless they were said exactly where an aligned article passage has the name."""
MAX_SPAN = 3
SPLIT_SIMILARITY = 0.8
"""Common words standing for a name ("van der pool") must be at least this alike…"""
SPLIT_SOUND = 0.9
"""…or sound at least this alike ("cal quo" for "Kalkwo")."""
HEARD_RIGHT = 3
"""A name the transcript spells right this often is known to the recogniser."""
SUGGEST = 0.6
"""Proposals below this confidence are not reported at all: they would be noise."""
CONTEXT_TOKENS = 12
"""How many words either side of a span in the transcript its context is."""
CONTEXT_CHARS = 80
"""How many characters either side of a name in an article its context is (about 12 words)."""
MAX_CONTEXT_OCCURRENCES = 30
"""Context is read around this many occurrences of a name at most (it saturates quickly)."""
TITLES = frozenset(
    "mister missus ms doctor president secretary minister senator general "
    "governor mayor chancellor envoy ambassador judge professor chairman chairwoman chair "
    "ceo cfo director commissioner spokesman spokeswoman spokesperson".split()
)
_HONORIFICS = frozenset((u,) for u in ("mister", "missus", "ms", "miss", "doctor"))
_INNER_DOT = re.compile(r"\w\.\w\w")
_SENTENCE_GAP = re.compile(r"[.!?:;\n\"“”«»„—]")
_SENTENCE_END = re.compile(r"[.!?]")
_POSSESSIVE = re.compile(r"['’]s$")
_NOT_LETTER = re.compile(r"[^a-z]")
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
    occurrences: tuple[tuple[int, int, int], ...] = ()
    """Where it stands: (reference number, first token, end token)."""
    placed: frozenset[int] = frozenset()
    """Transcript tokens where an article passage said there puts it."""
    slots: frozenset[tuple[int, int]] = frozenset()
    """Transcript tokens ``[first, last)`` said in its place in an aligned passage."""


@dataclass(frozen=True, slots=True)
class Span:
    """Transcript tokens ``[first, last)`` that might be a garbled candidate."""

    first: int
    last: int
    text: str
    key: str
    sound: str
    suspicion: float
    capitalised: bool
    title_before: bool
    suffix: str


@dataclass(frozen=True, slots=True)
class Features:
    """What the confidence of one (span, candidate) pair is computed from."""

    similarity: float
    sound: float
    suspicion: float
    common_changed: int
    context: int
    title: bool
    capitalised: bool
    count: int
    known: bool
    real_word: float
    name: bool
    split: bool
    length: int
    repeats: int
    neighbour: bool = False
    aligned: bool = False
    slot: bool = False
    regrouped: bool = False
    echo: bool = False
    cut: bool = False
    best: bool = True


# The confidence model's weights (logistic), fitted by benchmarks/calibrate.py.
WEIGHTS = {
    "bias": -16.25,
    "aligned": 0.45,
    "best": 4.35,
    "capitalised": 0.50,
    "common_changed": 0.00,
    "context": 0.64,
    "count": 0.00,
    "cut": 5.06,
    "echo": 1.33,
    "known": -1.00,
    "length": 0.00,
    "name": 0.00,
    "neighbour": 3.01,
    "real_word": -0.36,
    "regrouped": 0.28,
    "repeats": 0.00,
    "similarity": 7.37,
    "slot": 1.26,
    "sound": 5.26,
    "split": -0.35,
    "suspicion": 1.50,
    "title": 0.36,
}


def feature_vector(f: Features) -> dict[str, float]:
    """The features as numbers of similar scale, in the order the weights name them."""
    return {
        "similarity": f.similarity,
        "sound": f.sound,
        "suspicion": f.suspicion,
        "real_word": min(f.real_word, 6.0) / 6.0,
        "common_changed": float(f.common_changed),
        "context": min(f.context, 4) / 4,
        "title": float(f.title),
        "capitalised": float(f.capitalised),
        "count": math.log1p(f.count),
        "known": float(f.known),
        "name": float(f.name),
        "split": float(f.split),
        "length": min(f.length, 12) / 12,
        "repeats": math.log1p(f.repeats),
        "neighbour": float(f.neighbour),
        "aligned": float(f.aligned),
        "slot": float(f.slot),
        "regrouped": float(f.regrouped),
        "echo": float(f.echo),
        "cut": float(f.cut),
        "best": float(f.best),
    }


def confidence(f: Features) -> float:
    """Probability-like confidence that a repair is right."""
    z = WEIGHTS["bias"] + sum(WEIGHTS[k] * v for k, v in feature_vector(f).items())
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def find_corrections(
    transcript: Transcript,
    references: Sequence[Reference],
    *,
    min_confidence: float,
    apply: bool,
    anchors: Sequence[Sequence[Anchor]] = (),
    unit_owner: Sequence[int] = (),
) -> tuple[Correction, ...]:
    """Repairs of ``transcript`` supported by ``references`` (all of them aligned).

    Overlapping proposals are resolved in favour of the most confident; every
    proposal is returned, with ``applied`` set for those at or above
    ``min_confidence`` when ``apply`` is true.
    """
    proposals = [
        (confidence(f), span, cand)
        for span, cand, f in scored_pairs(transcript, references, anchors, unit_owner)
    ]
    proposals = [p for p in proposals if p[0] >= SUGGEST]
    proposals.sort(key=lambda p: (-p[0], p[1].first, p[1].last, p[2].text))
    taken = bytearray(len(transcript.tokens))
    out: list[Correction] = []
    for conf, span, cand in proposals:
        if any(taken[span.first : span.last]):
            continue
        taken[span.first : span.last] = b"\x01" * (span.last - span.first)
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
    out.sort(key=lambda c: c.first)
    return tuple(out)


Anchor = tuple[int, int, int]
"""A stretch of an article said in the transcript: first article unit, first transcript
unit, length in units."""


def scored_pairs(
    transcript: Transcript,
    references: Sequence[Reference],
    anchors: Sequence[Sequence[Anchor]] = (),
    unit_owner: Sequence[int] = (),
) -> list[tuple[Span, Candidate, Features]]:
    """Every span–candidate pair that passes the guards, with its evidence.

    ``anchors`` (one list per reference) are the article passages found said
    in the transcript: a name inside one marks where it should have been
    heard (``unit_owner`` maps transcript units to tokens). This is what
    :func:`find_corrections` decides from, and what the confidence model is
    fitted on (``benchmarks/calibrate.py``).
    """
    candidates = mine_candidates(references)
    if not candidates:
        return []
    if anchors and unit_owner:
        said = [u for t in transcript.tokens for u in t.units]
        candidates = [
            replace(c, slots=slots(c, references, anchors, said, unit_owner)) for c in candidates
        ]
    spans = suspicious_spans(
        transcript,
        frozenset(c.sound[:2] for c in candidates),
        frozenset(k for c in candidates for k in c.neighbours),
    )
    if not spans and not any(c.slots for c in candidates):
        return []
    known = Counter(_key(t.text) for t in transcript.tokens)
    vocabulary = frozenset(c.key for c in candidates if " " not in c.text)
    repeats: dict[str, int] = defaultdict(int)
    for sp in spans:
        repeats[sp.key] += 1
    out: list[tuple[Span, Candidate, Features]] = []
    contexts: dict[str, Candidate] = {}
    for span, cand in _pairs(spans, candidates, transcript, vocabulary):
        if cand.key not in contexts:
            contexts[cand.key] = with_context(cand, references, anchors, unit_owner)
        f = features(span, contexts[cand.key], transcript, known, vocabulary, repeats)
        if f is not None:
            out.append((span, cand, f))
    return _echoed(_ranked(out))


def _ranked(
    scored: list[tuple[Span, Candidate, Features]],
) -> list[tuple[Span, Candidate, Features]]:
    """Mark pairs that another pair matches better: another span over the same words
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
    return [
        (s, c, replace(f, best=False)) if k in beaten else (s, c, f)
        for k, (s, c, f) in enumerate(scored)
    ]


def _grouped(
    scored: list[tuple[Span, Candidate, Features]], key: Callable[[Span, Candidate], object]
) -> list[list[int]]:
    """Indexes of ``scored`` grouped by ``key``, each group in transcript order."""
    groups: dict[object, list[int]] = defaultdict(list)
    for k, (s, c, _) in enumerate(scored):
        groups[key(s, c)].append(k)
    return [sorted(ks, key=lambda k: scored[k][0].first) for ks in groups.values()]


def _echoed(
    scored: list[tuple[Span, Candidate, Features]],
) -> list[tuple[Span, Candidate, Features]]:
    """Mark pairs whose same words stand, somewhere, where the name clearly stands.

    Recognisers mishear a name the same way again and again: "pet ink oh"
    after "mister" in one place is "Petenko" in the next sentence too. Only
    words that are no phrase of their own count (several words for one
    name, or a rare word): a common word ("else") is echoed by nothing.
    """
    placed = {(s.key, c.key) for s, c, f in scored if f.title or f.neighbour or f.slot}
    return [
        (s, c, replace(f, echo=True))
        if (s.key, c.key) in placed and (f.split or f.suspicion > 0)
        else (s, c, f)
        for s, c, f in scored
    ]


@dataclass
class _Mined:
    """What the articles say about one candidate key, gathered while reading them."""

    kind: CorrectionKind
    spellings: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    neighbours: set[str] = field(default_factory=set)
    occurrences: list[tuple[int, int, int]] = field(default_factory=list)


def mine_candidates(references: Iterable[Reference]) -> list[Candidate]:
    """Names and rare words of the articles, with where they were found.

    Only capitalised words, name particles and long lowercase words are
    looked at; the rest of an article is read only around the candidates
    that turn out to matter (:func:`with_context`).
    """
    mined: dict[str, _Mined] = {}
    for number, ref in enumerate(references):
        text = ref.text
        tokens = _interesting_tokens(text)
        flags = _name_flags(text, tokens)
        for a, b in _name_runs(text, tokens, flags):
            for i in range(a, b):
                for j in range(i + 1, min(b, i + MAX_SPAN) + 1):
                    if tokens[i][2].islower() or tokens[j - 1][2].lower() in PARTICLES:
                        continue  # "van" starts no name, "Van Tassel" does; none ends one
                    if units(tokens[i][2])[:1] in _HONORIFICS:
                        continue  # "Ms Ben Rovoyo" is "Ben Rovoyo" with a title
                    name = _strip_possessive(text[tokens[i][0] : tokens[j - 1][1]])
                    near = [tokens[k][2] for k in (i - 1, j) if a <= k < b]
                    _add(mined, name, "name", ref, number, tokens[i][0], tokens[j - 1][1], near)
        for k, (start, end, tok) in enumerate(tokens):
            if flags[k] or len(tok) < 5 or not tok.isalpha() or not tok.islower():
                continue
            if zipf(tok) < RARE_WORD and not is_function(tok):
                _add(mined, tok, "word", ref, number, start, end, [])
    out = []
    for key in sorted(mined):
        m = mined[key]
        # The spelling used most often wins; ties go to the first seen.
        text = Counter(m.spellings).most_common(1)[0][0]
        out.append(
            Candidate(
                text,
                key,
                _sound(key),
                m.kind,
                len(m.spellings),
                tuple(m.evidence[:2]),
                neighbours=frozenset(m.neighbours),
                occurrences=tuple(m.occurrences),
            )
        )
    return out


def _interesting_tokens(text: str) -> list[tuple[int, int, str]]:
    """Capitalised words, name particles and long lowercase words, with their spans."""
    tw = text_words(text)
    return [
        (a, b, tok)
        for a, b, tok in zip(tw.starts, tw.ends, tw.words)
        if tok[0].isupper() or (tok[0].islower() and (len(tok) >= 5 or tok in PARTICLES))
    ]


def _add(
    mined: dict[str, _Mined],
    text: str,
    kind: CorrectionKind,
    ref: Reference,
    number: int,
    start: int,
    end: int,
    near: list[str],
) -> None:
    key = _key(text)
    if len(key) < 4:
        return  # "OEM", "NDA": too short to tell from a misheard word by sound
    if any(c.isdigit() for c in text) or _INNER_DOT.search(text):
        return  # "COVID-19", "FPL.As": not a spoken name
    m = mined.setdefault(key, _Mined(kind))
    m.spellings.append(text)
    m.neighbours.update(_key(w) for w in near)
    if len(m.evidence) < 2 and all(e.reference != ref.path for e in m.evidence):
        m.evidence.append(Evidence(ref.path, _snippet(ref.text, start, end)))
    m.occurrences.append((number, start, end))


def _snippet(text: str, start: int, end: int, words: int = 4) -> str:
    """The name with a few words either side, on one line."""
    before = text[max(0, start - 200) : start].split()[-words:]
    after = text[end : end + 200].split()[:words]
    return " ".join([*before, " ".join(text[start:end].split()), *after])


def with_context(
    cand: Candidate,
    references: Sequence[Reference],
    anchors: Sequence[Sequence[Anchor]] = (),
    unit_owner: Sequence[int] = (),
) -> Candidate:
    """``cand`` with the words around its occurrences and where it was said (when needed)."""
    context: set[str] = set()
    placed: set[int] = set()
    own = set(text_units(cand.text))
    for number, start, end in cand.occurrences[:MAX_CONTEXT_OCCURRENCES]:
        text = references[number].text
        around = text[max(0, start - CONTEXT_CHARS) : start] + " " + text[end : end + CONTEXT_CHARS]
        for tok in TOKEN.findall(around):
            context.update(s for s in _content_stems(tok) if s not in own)
        if number < len(anchors) and anchors[number] and unit_owner:
            placed.update(_placed(text, start, anchors[number], unit_owner))
    return replace(cand, context=frozenset(context), placed=frozenset(placed))


def _placed(text: str, start: int, anchors: Sequence[Anchor], owner: Sequence[int]) -> list[int]:
    """Transcript tokens where the article word at ``start`` falls inside a passage said there."""
    tw = text_words(text)
    unit = tw.first_unit[bisect_left(tw.starts, start)]
    last = len(owner) - 1
    return [
        owner[min(last, max(0, said + (unit - first)))]
        for first, said, length in anchors
        if first - 2 <= unit < first + length + 2
    ]


def slots(
    cand: Candidate,
    references: Sequence[Reference],
    anchors: Sequence[Sequence[Anchor]],
    said: Sequence[str],
    owner: Sequence[int],
) -> frozenset[tuple[int, int]]:
    """Transcript tokens ``[first, last)`` said exactly where an article passage has the name.

    The two article words before the name and the two after are found next
    to each other in the transcript, at the place an aligned passage puts
    them, with 1 to :data:`MAX_SPAN` tokens between: those tokens are what
    the speaker said in the name's place ("we met with mister pet ink oh this
    morning" for "we met with Mr. Petenko this morning").
    """
    out: set[tuple[int, int]] = set()
    for number, start, end in cand.occurrences[:MAX_CONTEXT_OCCURRENCES]:
        if number >= len(anchors) or not anchors[number]:
            continue
        tw = text_words(references[number].text)
        u0 = tw.first_unit[bisect_left(tw.starts, start)]
        u1 = tw.first_unit[bisect_left(tw.starts, end)]
        left, right = tw.units[u0 - 2 : u0], tw.units[u1 : u1 + 2]
        if u0 < 2 or len(right) < 2:
            continue
        for first, at, length in anchors[number]:
            if not first - SLOT_REACH <= u0 < first + length + SLOT_REACH:
                continue
            slot = _slot(said, owner, at + (u0 - first), left, right)
            if slot is not None:
                out.add(slot)
                break
    return frozenset(out)


SLOT_REACH = 3
"""How many units around an aligned passage a name's slot is looked for."""


def _slot(
    said: Sequence[str], owner: Sequence[int], near: int, left: Sequence[str], right: Sequence[str]
) -> tuple[int, int] | None:
    """The tokens between ``left`` and ``right`` in the transcript units around ``near``."""
    n = len(said)
    for shift in sorted(range(-SLOT_REACH, SLOT_REACH + 1), key=abs):
        p = near + shift
        if p < 2 or p >= n or tuple(said[p - 2 : p]) != tuple(left):
            continue
        for q in range(p + 1, min(n - 1, p + MAX_SPAN + 2)):
            if tuple(said[q : q + 2]) != tuple(right):
                continue
            first, last = owner[p], owner[q - 1] + 1
            if owner[p - 1] != first and owner[q] != last - 1 and last - first <= MAX_SPAN:
                return first, last
            break  # the seam falls inside a token, or too many words: try another place
    return None


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
    return text[left[1] : right[0]] in (" ", "\u00a0") and not _POSSESSIVE.search(left[2])


def suspicious_spans(
    transcript: Transcript,
    sound_prefixes: frozenset[str] = frozenset(),
    neighbours: frozenset[str] = frozenset(),
) -> list[Span]:
    """Transcript spans of 1–3 tokens that could be a garbled name or rare word.

    A span needs a rare or unknown word, or a capital letter mid-sentence.
    Common words are a span too when the next or previous word is the rest
    of a name from the articles (``neighbours``: "crystal Dufresne"), and a run
    of them is one when it begins like one of the candidates sounds
    (``sound_prefixes``): split names come out as common words ("van der
    pool", "row more a"), but most common words are just words. Function
    words never stand at a span's edge, except a bare vowel ("a", "oh") in
    such a run, which is often a syllable of the name, and one on the side
    of an honorific or of the rest of a name ("mister more me ra", "sore in
    Ben Rovoyo").
    """
    tokens = transcript.tokens
    n = len(tokens)
    info = [_token_info(t.text) for t in tokens]
    spans: list[Span] = []
    for i in range(n):
        if not info[i][3]:
            continue  # a number or filler cannot start a span
        for j in range(i + 1, min(n, i + MAX_SPAN) + 1):
            inner = info[j - 1]
            if not inner[3]:
                break  # a number or filler ends a span
            window = info[i:j]
            edges_ok = info[i][0] and inner[0]
            if not edges_ok and (
                j - i < 2
                or not (info[i][0] or _open_edge(transcript, i, i - 1, neighbours))
                or not (inner[0] or _open_edge(transcript, j - 1, j, neighbours))
            ):
                continue  # a function word may sit inside a span, not at its edge
            suspicion = max(w[1] for w in window)
            capitalised = any(w[2] for w in window) and not _sentence_start(transcript, i)
            plain = suspicion == 0 and not capitalised
            single_word = plain and edges_ok and j - i == 1
            if single_word and not _next_to(transcript, i, j, neighbours):
                continue  # one common word: a name only beside the rest of one
            text, suffix = _span_text(transcript, i, j)
            key = _key(text)
            if len(key) < 3:
                continue
            sound = _sound(key)
            if not single_word and (plain or not edges_ok) and sound[:2] not in sound_prefixes:
                continue
            spans.append(
                Span(
                    i,
                    j,
                    text + suffix,
                    key,
                    sound,
                    suspicion,
                    capitalised,
                    _after_title(tokens, i),
                    suffix,
                )
            )
    return spans


def _bare_vowel(word: str) -> bool:
    """ "a", "o", "oh", "eh": a vowel sound alone, which a recogniser splits off a name
    ("I" is a word of its own)."""
    return word.lower() != "i" and sound_key(word) == "a"


def _open_edge(
    transcript: Transcript, edge: int, outside: int, neighbours: Collection[str]
) -> bool:
    """Whether function word ``edge`` may end a span: a bare vowel, or the word on its
    outer side (``outside``) is an honorific or the rest of a name, so the run is a
    name ("mister more me ra"; but "director of fence" is no name)."""
    tokens = transcript.tokens
    if _bare_vowel(tokens[edge].text):
        return True
    if not 0 <= outside < len(tokens):
        return False
    if outside < edge and tokens[outside].units[-1:] in _HONORIFICS:
        return True
    return _key(tokens[outside].text) in neighbours


def _next_to(transcript: Transcript, i: int, j: int, neighbours: frozenset[str]) -> bool:
    """Whether the word before or after tokens ``[i, j)`` is part of a name from the articles."""
    tokens = transcript.tokens
    return any(_key(tokens[k].text) in neighbours for k in (i - 1, j) if 0 <= k < len(tokens))


def _after_title(tokens: Sequence[Token], i: int) -> bool:
    """Whether a title ("Mr.", "President", "envoy") stands right before token ``i``."""
    return i > 0 and bool(tokens[i - 1].units) and tokens[i - 1].units[-1] in TITLES


@lru_cache(maxsize=200_000)
def _token_info(text: str) -> tuple[bool, float, bool, bool]:
    """(can start or end a span, how suspicious it is, capitalised, can be inside a span)."""
    us = units(_strip_possessive(text))
    if not us or any(c.isdigit() for c in text) or all(u in FILLERS for u in us):
        return False, 0.0, False, False
    if len(us) == 1 and is_function(us[0]):
        return False, 0.0, False, True
    z = min(zipf(u) for u in us)
    if z < 2.0:
        suspicion = 1.0
    elif z < 3.0:
        suspicion = 0.7
    elif z < COMMON:
        suspicion = 0.4
    else:
        suspicion = 0.0
    return True, suspicion, text[:1].isupper() and not text.isupper(), True


def _sentence_start(transcript: Transcript, i: int) -> bool:
    if i == 0:
        return True
    prev = transcript.tokens[i - 1]
    here = transcript.tokens[i]
    if prev.segment != here.segment:
        return False
    text = transcript.segments[here.segment].text
    return bool(_SENTENCE_END.search(text, prev.offset + len(prev.text), here.offset))


def _span_text(transcript: Transcript, i: int, j: int) -> tuple[str, str]:
    """The span as written (tokens joined by single spaces) and a possessive suffix to keep."""
    words = [transcript.tokens[k].text for k in range(i, j)]
    text = " ".join(words)
    m = _POSSESSIVE.search(text)
    if m:
        return text[: m.start()], text[m.start() :]
    return text, ""


def _strip_possessive(text: str) -> str:
    return _POSSESSIVE.sub("", text)


@lru_cache(maxsize=200_000)
def _key(text: str) -> str:
    """Letters only, lowercase, accents folded: how a name is compared ("Mr. O'Neil" → mroneil)."""
    return _NOT_LETTER.sub("", fold(text).lower())


@lru_cache(maxsize=200_000)
def _sound(key: str) -> str:
    return phonetic(key) if key.isalpha() else key


def _pairs(
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
    :data:`MIN_SIMILARITY` and pairs of the same words (:func:`_same_words`),
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
        known = {w for w in map(_key, s.text.split()) if w in vocabulary}
        if known:
            bound.extend((c, s) for c in sorted(set.intersection(*(holding[w] for w in known))))
        else:
            by_key[s.key].append(s)
    keys = list(by_key)
    free = _alike_keys(candidates, keys)
    pairs = [(c, s) for c, k in free for s in by_key[keys[k]]] + bound
    close = _close(
        [s.key for _, s in pairs], [s.sound for _, s in pairs], [candidates[c] for c, _ in pairs]
    )
    hits: list[dict[tuple[int, int], Span]] = [{} for _ in candidates]
    for (c, s), ok in zip(pairs, close.tolist()):
        if ok and not _same_words(s, candidates[c]):
            hits[c][(s.first, s.last)] = s
    out: list[tuple[Span, Candidate]] = []
    for cand, found in zip(candidates, hits):
        for where in cand.slots:
            if where not in found:
                span = by_range.get(where) or _span_at(transcript, *where)
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
    sounds = [_sound(k) for k in keys]
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
    similarity = _likeness_batch(keys, sounds, cand_keys, [c.sound for c in cands])
    out: np.ndarray = alike & (similarity >= MIN_SIMILARITY - _ROUNDING)
    return out


def _likeness_batch(
    keys: list[str], sounds: list[str], cand_keys: list[str], cand_sounds: list[str]
) -> np.ndarray:
    """The similarity of :func:`likeness` for many pairs at once (same formula)."""
    if not keys:
        return np.zeros(0)
    ratio = process.cpdist(keys, cand_keys, scorer=fuzz.ratio, dtype=np.float64) / 100
    jw = process.cpdist(keys, cand_keys, scorer=JaroWinkler.similarity, dtype=np.float64)
    metaphone = 1 - process.cpdist(
        sounds, cand_sounds, scorer=Levenshtein.normalized_distance, dtype=np.float64
    )
    metaphone[[n for n, s in enumerate(cand_sounds) if not s]] = 0.0
    ka = [sound_key(k) for k in keys]
    kb = [sound_key(k) for k in cand_keys]
    spoken = 1 - process.cpdist(ka, kb, scorer=Levenshtein.normalized_distance, dtype=np.float64)
    spoken[[n for n, (a, b) in enumerate(zip(ka, kb)) if not a or not b]] = 0.0
    heard = np.maximum(metaphone, spoken)
    out: np.ndarray = 0.4 * ratio + 0.4 * heard + 0.2 * jw
    return out


def _holding(candidates: Sequence[Candidate]) -> dict[str, set[int]]:
    """For each word of a candidate (as a key), the candidates that hold it."""
    out: dict[str, set[int]] = defaultdict(set)
    for n, cand in enumerate(candidates):
        for w in cand.text.split():
            out[_key(w)].add(n)
    return out


def _span_at(transcript: Transcript, i: int, j: int) -> Span | None:
    """Tokens ``[i, j)`` as a span, unless a number or filler is among them."""
    info = [_token_info(t.text) for t in transcript.tokens[i:j]]
    if not all(w[3] for w in info):
        return None
    text, suffix = _span_text(transcript, i, j)
    key = _key(text)
    if len(key) < 3:
        return None
    return Span(
        i,
        j,
        text + suffix,
        key,
        _sound(key),
        max(w[1] for w in info),
        any(w[2] for w in info) and not _sentence_start(transcript, i),
        _after_title(transcript.tokens, i),
        suffix,
    )


def _same_family(a: str, b: str) -> bool:
    """Whether one word extends the other's stem (Ukraine/Ukrainians, repower/repowering).

    Two spellings of a name differ inside ("Brannagan"/"Brannigan"); a
    derivation keeps one word whole, or all but its last letter, at the start.
    """
    shared = 0
    for x, y in zip(a, b):
        if x != y:
            break
        shared += 1
    return shared >= 4 and min(len(a), len(b)) - shared <= 1


def _is_word_run(key: str, words: list[str]) -> bool:
    """Whether ``key`` is a run of whole ``words`` glued together."""
    return any(
        "".join(words[i:j]) == key for i in range(len(words)) for j in range(i + 1, len(words) + 1)
    )


def features(
    span: Span,
    cand: Candidate,
    transcript: Transcript,
    known: Mapping[str, int],
    vocabulary: frozenset[str] = frozenset(),
    repeats: dict[str, int] | None = None,
) -> Features | None:
    """The evidence for repairing ``span`` as ``cand``, or ``None`` when a guard forbids it."""
    # The same letters in other words ("oranexbank" / "Oranex Bank") is a name the
    # recogniser glued or split; the same words differently cased is no repair.
    if _same_words(span, cand):
        return None
    regrouped = span.key == cand.key
    repeats = repeats or {}
    slot = (span.first, span.last) in cand.slots
    similarity, sound = likeness(span.key, span.sound, cand.key, cand.sound)
    if similarity < (SLOT_SIMILARITY if slot else MIN_SIMILARITY):
        return None
    if _needless_vowel(span, cand, transcript, similarity) or not _edges_fit(
        span, cand, transcript
    ):
        return None
    if not 0.5 <= len(span.key) / len(cand.key) <= 2.0:
        return None
    if is_morph_variant(span.key, cand.key) and zipf(span.key) >= 1.0:
        return None  # an inflection of a real word ("facts"); a name cut short is not one
    cand_words = [_key(w) for w in cand.text.split()]
    span_words = [_key(w) for w in span.text.split()]
    if not regrouped and (_is_word_run(span.key, cand_words) or _is_word_run(cand.key, span_words)):
        return None  # words added or dropped ("Secretary-General" → "NATO Secretary General")
    changed = [w for w in span_words if w not in cand_words]
    if any(w in vocabulary for w in changed):
        return None  # spelled as a name or word the articles use: heard right
    common_changed = 0
    one_to_one = len(span_words) == len(cand_words)
    # A rare word a name starts with is as likely the name cut short ("tamar" for
    # "Tamarek"), unless the recogniser wrote it as a name or term it knows ("Kessel"
    # is not "Kesselring", "CoV" not "COVID").
    real_enough = 3.0 if cand.kind == "name" and span.text.islower() else 1.0
    for w in changed:
        if one_to_one and any(c != w and c.startswith(w) and zipf(w) >= 3.0 for c in cand_words):
            return None  # a common word or given name expanded: "Chris" → "Christopher"
        real_word = zipf(w) >= real_enough
        if (
            real_word
            and one_to_one
            and any(is_morph_variant(w, c) or _same_family(w, c) for c in cand_words)
        ):
            return None  # a real word of the family: "facts"/"fact", "Ukrainians"/"Ukraine"
        if zipf(w) >= COMMON and one_to_one:
            common_changed += 1  # a split name is made of common words: that is expected
    if not changed:
        return None
    neighbour = _neighbour(span, cand, transcript)
    if (
        span.suspicion == 0
        and not span.capitalised
        and similarity < SPLIT_SIMILARITY
        and sound < SPLIT_SOUND
        and not neighbour
        and not slot
    ):
        return None  # common words only: they must sound very much like the name
    real = max((zipf(w) for w in changed if not is_function(w)), default=0.0)
    if one_to_one and real >= COMMON and known.get(cand.key, 0) >= HEARD_RIGHT and not neighbour:
        return None  # the recogniser spells this name right again and again: a word
        # as common as this one in its place was said ("that Nate that", a false start),
        # unless the rest of the name is right beside it ("crystal Tamwitz")
    split = len(span_words) != len(cand_words)
    placed = span.title_before or neighbour or slot
    if real >= VERY_COMMON and not (split and sound >= SPLIT_SOUND and placed):
        return None  # "help", "things": words like these are heard right, unless they
        # sound out a name where one stands ("mister pet saw" for "Mr. Petsau")
    coined = regrouped and zipf(cand.key) < 1.0  # "Sal Ta Va" is "Saltava"; "cash flow" stays
    if real >= real_enough and not coined and (span.key in cand.key or cand.key in span.key):
        return None  # a real word with an affix added or cut: "powering" is not "repowering"
    if cand.kind == "word" and real >= 1.5 and not split:
        return None  # one real word for another ("megawatts"/"gigawatts"): both exist
    context = _context_overlap(span, cand, transcript)
    return Features(
        similarity=similarity,
        sound=sound,
        suspicion=span.suspicion,
        common_changed=common_changed,
        context=context,
        title=span.title_before,
        capitalised=span.capitalised,
        count=cand.count,
        known=known.get(cand.key, 0) > 0,
        real_word=real,
        name=cand.kind == "name",
        split=split,
        length=len(cand.key),
        repeats=repeats.get(span.key, 0),
        neighbour=neighbour,
        aligned=any(abs(span.first - p) <= 2 for p in cand.placed),
        slot=slot,
        regrouped=regrouped,
        cut=span.suspicion > 0 and cand.key.startswith(span.key),
    )


def _same_words(span: Span, cand: Candidate) -> bool:
    """Whether the span is the candidate's words: the same letters in the same number of
    words (only the case differs: no repair), or the same first or last word (the
    shorter pair without the shared word is scored on its own)."""
    if span.key == cand.key and (
        len(span.text.split()) == len(cand.text.split()) or not span.text.replace(" ", "").isalpha()
    ):
        return True
    span_units, cand_units = _text_units(span.text), _text_units(cand.text)
    return span_units[:1] == cand_units[:1] or span_units[-1:] == cand_units[-1:]


@lru_cache(maxsize=200_000)
def _text_units(text: str) -> tuple[str, ...]:
    return tuple(text_units(text))


def likeness(key: str, sound: str, cand_key: str, cand_sound: str) -> tuple[float, float]:
    """(similarity, sound likeness) of two keys: spelling and sound together."""
    ratio = fuzz.ratio(key, cand_key) / 100
    jw = JaroWinkler.similarity(key, cand_key)
    metaphone = 1 - Levenshtein.normalized_distance(sound, cand_sound) if cand_sound else 0.0
    heard = max(metaphone, sound_similarity(key, cand_key))
    return 0.4 * ratio + 0.4 * heard + 0.2 * jw, heard


def _needless_vowel(span: Span, cand: Candidate, transcript: Transcript, similarity: float) -> bool:
    """Whether a bare vowel at the span's edge ("dorheim i") is not part of the name.

    It is a syllable of the name only when the name is more alike with it
    than without it ("row more a" for "Romora"); otherwise it is a word of
    its own, most often "I".
    """
    tokens = transcript.tokens
    if span.last - span.first < 2:
        return False
    for drop, keep in (
        (span.first, slice(span.first + 1, span.last)),
        (span.last - 1, slice(span.first, span.last - 1)),
    ):
        if _bare_vowel(tokens[drop].text):
            key = _key(" ".join(t.text for t in tokens[keep]))
            if key and likeness(key, _sound(key), cand.key, cand.sound)[0] >= similarity:
                return True
    return False


def _edges_fit(span: Span, cand: Candidate, transcript: Transcript) -> bool:
    """Whether a function word at the span's edge has an honorific or the rest of this
    name on its outer side (what let :func:`suspicious_spans` keep it)."""
    return all(
        _token_info(transcript.tokens[edge].text)[0]
        or _open_edge(transcript, edge, outside, cand.neighbours)
        for edge, outside in ((span.first, span.first - 1), (span.last - 1, span.last))
    )


def _neighbour(span: Span, cand: Candidate, transcript: Transcript) -> bool:
    """Whether the span stands next to the rest of the name ("Crystal Dufresne" for
    "Christelle Dufresne"): the strongest sign that it is that name, misheard."""
    tokens = transcript.tokens
    around = [tokens[k].text for k in (span.first - 1, span.last) if 0 <= k < len(tokens)]
    return any(_key(w) in cand.neighbours for w in around if _key(w))


def _context_overlap(span: Span, cand: Candidate, transcript: Transcript) -> int:
    """Content words near the span that also stand near the name in the articles."""
    tokens = transcript.tokens
    lo, hi = max(0, span.first - CONTEXT_TOKENS), min(len(tokens), span.last + CONTEXT_TOKENS)
    near = {
        stem(u)
        for k in range(lo, hi)
        if not span.first <= k < span.last
        for u in tokens[k].units
        if not is_function(u)
    }
    return len(near & cand.context)
