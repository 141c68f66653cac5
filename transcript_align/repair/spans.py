"""Transcript spans that could be a garbled name or rare word."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import FILLERS, is_function
from ..models import Token, Transcript
from ..normalize import units, zipf
from ..similarity import sound_key
from .words import (
    COMMON,
    HONORIFICS,
    MAX_SPAN,
    POSSESSIVE,
    TITLES,
    clause_word,
    name_key,
    name_sound,
    strip_possessive,
)

_SENTENCE_END = re.compile(r"[.!?]")
WORD_BREAK = re.compile(r"[^\s'’-]")
"""Anything between two words but spaces, an apostrophe or a hyphen: a name does not run
on past it."""


@dataclass(slots=True, unsafe_hash=True)  # not frozen: see alignment.Op
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
    info = [token_info(t.text) for t in tokens]
    spans: list[Span] = []
    for i in range(n):
        head = info[i]
        if not head[3]:
            continue  # a number or filler cannot start a span
        # What does not depend on where the span ends, worked out once and when needed.
        left_open: bool | None = None
        sentence_start: bool | None = None
        suspicion = 0.0
        any_capital = False
        for j in range(i + 1, min(n, i + MAX_SPAN) + 1):
            inner = info[j - 1]
            if not inner[3]:
                break  # a number or filler ends a span
            suspicion = max(suspicion, inner[1])
            any_capital = any_capital or inner[2]
            edges_ok = head[0] and inner[0]
            if not edges_ok:
                if j - i < 2:
                    continue
                if not head[0]:
                    if left_open is None:
                        left_open = open_edge(transcript, i, i - 1, neighbours)
                    if not left_open:
                        continue
                if not (
                    inner[0]
                    or (head[0] and end_syllable(tokens[j - 1].text))
                    or open_edge(transcript, j - 1, j, neighbours)
                ):
                    continue  # a function word may sit inside a span, not at its edge
            capitalised = False
            if any_capital:
                if sentence_start is None:
                    sentence_start = _sentence_start(transcript, i)
                capitalised = not sentence_start
            plain = suspicion == 0 and not capitalised
            single_word = plain and edges_ok and j - i == 1
            if single_word and not _next_to(transcript, i, j, neighbours):
                continue  # one common word: a name only beside the rest of one
            text, suffix = _span_text(transcript, i, j)
            key = name_key(text)
            if len(key) < 3:
                continue
            sound = name_sound(key)
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


def bare_vowel(word: str) -> bool:
    """ "a", "o", "oh", "eh": a vowel sound alone, which a recogniser splits off a name
    ("I" is a word of its own)."""
    return word.lower() != "i" and sound_key(word) == "a"


def end_syllable(word: str) -> bool:
    """ "its", "in", "on": a short function word opening with a vowel, which a
    recogniser splits off the end of a name ("crab its" for "Kravits", "mart in")."""
    low = word.lower()
    return 0 < len(low) <= 3 and low[0] in "aeiou" and is_function(low)


def clause_at(transcript: Transcript, k: int) -> bool:
    """Whether token ``k`` opens or closes a clause of its own ("please", "thank you",
    "go ahead"): said beside a name, never part of it."""
    lo = max(0, k - 1)
    return clause_word([t.text for t in transcript.tokens[lo : k + 2]], k - lo)


def open_edge(transcript: Transcript, edge: int, outside: int, neighbours: Collection[str]) -> bool:
    """Whether function word ``edge`` may end a span: a bare vowel, or the word on its
    outer side (``outside``) is an honorific or the rest of a name, so the run is a
    name ("mister more me ra"; but "director of fence" is no name)."""
    tokens = transcript.tokens
    if bare_vowel(tokens[edge].text):
        return True
    if not 0 <= outside < len(tokens):
        return False
    if outside < edge and tokens[outside].units[-1:] in HONORIFICS:
        return True
    return name_key(tokens[outside].text) in neighbours


def _next_to(transcript: Transcript, i: int, j: int, neighbours: frozenset[str]) -> bool:
    """Whether the word before or after tokens ``[i, j)`` is part of a name from the articles."""
    tokens = transcript.tokens
    return any(name_key(tokens[k].text) in neighbours for k in (i - 1, j) if 0 <= k < len(tokens))


def _after_title(tokens: Sequence[Token], i: int) -> bool:
    """Whether a title ("Mr.", "President", "envoy") stands right before token ``i``."""
    return i > 0 and bool(tokens[i - 1].units) and tokens[i - 1].units[-1] in TITLES


@lru_cache(maxsize=200_000)
def token_info(text: str) -> tuple[bool, float, bool, bool]:
    """(can start or end a span, how suspicious it is, capitalised, can be inside a span)."""
    us = units(strip_possessive(text))
    if not us or any(c.isdigit() for c in text) or all(u in FILLERS for u in us):
        return False, 0.0, False, False
    if len(us) == 1 and is_function(us[0]) and not syllable_like(us[0]):
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


RARE_FUNCTION = 4.9
"""A function word rarer than this (Zipf: "nor", "whom", "hers") is as often a syllable
of a name heard as a word ("nor van ra" for "Norvenra") as the word itself."""


def syllable_like(unit: str) -> bool:
    """Whether a function word may stand at a span's edge as a syllable of a name: rarer
    than :data:`RARE_FUNCTION` and no honorific ("mister" is no part of the name)."""
    return zipf(unit) < RARE_FUNCTION and (unit,) not in HONORIFICS


def gap_before(transcript: Transcript, k: int) -> str:
    """What the recogniser wrote between token ``k`` and the one before it in its cue
    (spaces, punctuation); "" at the start and across cues, where nothing is known."""
    if k == 0:
        return ""
    before, here = transcript.tokens[k - 1], transcript.tokens[k]
    if before.segment != here.segment:
        return ""
    return transcript.segments[here.segment].text[before.offset + len(before.text) : here.offset]


def _sentence_start(transcript: Transcript, i: int) -> bool:
    return i == 0 or bool(_SENTENCE_END.search(gap_before(transcript, i)))


def _span_text(transcript: Transcript, i: int, j: int) -> tuple[str, str]:
    """The span as written (tokens joined by single spaces) and a possessive suffix to keep."""
    words = [transcript.tokens[k].text for k in range(i, j)]
    text = " ".join(words)
    m = POSSESSIVE.search(text)
    if m:
        return text[: m.start()], text[m.start() :]
    return text, ""


def span_at(transcript: Transcript, i: int, j: int, min_key: int = 3) -> Span | None:
    """Tokens ``[i, j)`` as a span, unless a number or filler is among them or it has
    fewer than ``min_key`` letters."""
    info = [token_info(t.text) for t in transcript.tokens[i:j]]
    if not all(w[3] for w in info):
        return None
    text, suffix = _span_text(transcript, i, j)
    key = name_key(text)
    if len(key) < min_key:
        return None
    return Span(
        i,
        j,
        text + suffix,
        key,
        name_sound(key),
        max(w[1] for w in info),
        any(w[2] for w in info) and not _sentence_start(transcript, i),
        _after_title(transcript.tokens, i),
        suffix,
    )
