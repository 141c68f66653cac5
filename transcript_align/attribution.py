"""Who said a quote by the transcript's speaker labels, and whether the article names
someone else.

An article may give one speaker's words to another (a debate, a hearing, an
interview). Where the transcript labels its cues with people's names, a quote
found under a full name, or a title and a name ("DR LOWE"), that the article's
speaker shares no word with is flagged in its reason; its verdict, which is
about the words, stays. Labels that name no one ("SPEAKER_00", "Interviewer"),
descriptions ("the chairman") and a speaker that is an everyday word too
("Dentists") are never compared.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .models import QuoteCheck, Transcript
from .normalize import zipf
from .quotes import EVERYDAY_NOUN

_WORD = re.compile(r"[^\W\d_]+")
_TITLES = frozenset(
    """mr mrs ms miss mx dr prof sir dame lord lady cllr councillor rev sen gov rep judge
    mister doctor professor""".split()
)
"""Titles before a name, which say nothing about who the person is."""
_ROLES = frozenset(
    """speaker spk interviewer interviewee moderator host presenter anchor chair chairman
    chairwoman reporter journalist correspondent caller audience voice man woman guest
    narrator unknown announcer panel member question answer q a""".split()
)
"""Label words that name a role, not a person."""


def said_by(transcript: Transcript, q: QuoteCheck) -> tuple[str, ...]:
    """The transcript's speaker labels where a quote was said, in order: who said it by
    the transcript, to set beside whom the article names. ``transcript`` is the one the
    quote's location refers to (after repairs, :attr:`Report.spoken`)."""
    loc = q.location if q.status != "not_found" else None
    if loc is None:
        return ()
    out: list[str] = []
    for token in transcript.tokens[loc.first : loc.last]:
        speaker = transcript.segments[token.segment].speaker
        if speaker and speaker not in out:
            out.append(speaker)
    return tuple(out)


def _surname(word: str, article: str) -> bool:
    """Whether the article writes ``word`` right after another capitalised word, as a
    surname after a first name ("Dan Marsh")."""
    return re.search(rf"\b[A-Z][^\W\d_]+[ \u00a0]{re.escape(word)}\b", article) is not None


def _words(name: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(name) if w.lower() not in _TITLES]


def _person(label: str) -> bool:
    """Whether a label names a person: a full name or a title and a name, each word
    capitalised, none a role or a digit ("Owen Lathe", "DR LOWE"; not "Speaker 2",
    "Host", "Ida")."""
    words = _words(label)
    titled = len(_WORD.findall(label)) > len(words)
    return (
        len(words) >= (1 if titled else 2)
        and not any(ch.isdigit() for ch in label)
        and all(w[:1].isupper() for w in _WORD.findall(label))
        and not any(w in _ROLES for w in words)
    )


def other_speaker(speaker: str | None, labels: Sequence[str], article: str = "") -> str | None:
    """The labels, joined, where every one is a person sharing no name with the article's
    ``speaker`` (itself a name: capitalised words; one word only where it is no everyday
    word or the ``article`` text writes it after a first name: "Marsh" after "Dan
    Marsh"); None otherwise.

    >>> other_speaker("Tanaka-Briggs", ["Owen Lathe"])
    'Owen Lathe'
    >>> other_speaker("Rina Tanaka-Briggs", ["RINA TANAKA-BRIGGS"]) is None
    True
    """
    if not speaker or not labels:
        return None
    written = _WORD.findall(speaker)
    words = _words(speaker)
    if not words or not all(w[:1].isupper() for w in written):
        return None
    if len(words) == 1 and zipf(words[0]) >= EVERYDAY_NOUN and not _surname(written[-1], article):
        return None
    if not all(_person(label) for label in labels):
        return None
    if any(set(words) & set(_words(label)) for label in labels):
        return None
    return ", ".join(labels)
