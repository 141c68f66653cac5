"""Surnames after their title or first name: "councillor price" for "Councillor Rhys Pryce".

A speaker names people by title and surname, or by first name and surname.
Where an aligned article writes a surname after a title of address or after
a first name, the words right after that same title or first name in the
transcript that sound the same as the surname are that surname, even when
they are common words, which a recogniser writes rather than a name it does
not know ("price", "the freeze"), or more words than a span has ("ilka ash dun
keel"): anywhere else such words are never taken for a name (:mod:`.spans`).
Only titles used for addressing someone count ("in general march" is no
"General Marsh"), and a first name that is a common word too only where the
transcript writes it as a name ("will price it" is no "Will Pryce"); only
where the sound keys agree and the mishearing model finds the words a
plausible hearing of the surname; never where the articles name someone else
with the words heard, or two people after that word whose surnames sound
alike.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..lexicon import is_function
from ..models import Correction, Evidence, Reference, Transcript
from ..normalize import text_words, units, zipf
from .candidates import PARTICLES, snippet
from .mishear import misheard
from .propagate import BESIDE
from .spans import WORD_BREAK, gap_before
from .words import COMMON, POSSESSIVE, name_key, name_sound

ADDRESS_TITLES = frozenset(
    "mister missus ms miss doctor councillor councilor alderman senator governor mayor "
    "professor congressman congresswoman ambassador commissioner superintendent "
    "inspector detective sergeant constable lieutenant colonel admiral bishop reverend "
    "rabbi sheriff".split()
)
"""Titles a speaker puts before a surname to address or name someone. "general",
"judge", "chair" or "director" are left out: as often plain words before another."""
ABBREVIATED = {
    "cllr": "councillor",
    "prof": "professor",
    "sen": "senator",
    "gov": "governor",
    "supt": "superintendent",
    "insp": "inspector",
    "det": "detective",
    "sgt": "sergeant",
    "lt": "lieutenant",
    "col": "colonel",
    "adm": "admiral",
    "rev": "reverend",
}
"""Written forms of :data:`ADDRESS_TITLES` that the word units do not spell out."""
MIN_MISHEARD = 0.85
"""How plausible a mishearing of the surname the words must be (besides the same sound key)."""
MAX_HEARD = 4
"""Transcript words one surname may have been heard as ("ash dun keel")."""
_D_PARTICLES = frozenset(("de", "da", "di", "du", "der", "den"))
"""Particles a surname may open with that a recogniser hears as "the"…"""
_D_PARTICLE_HEARD = _D_PARTICLES | {"the", "duh"}
"""…and how they are heard: the sound key of "the" differs from theirs."""
_Y_VOWEL = re.compile(r"(?<=[^aeiouy])y(?=[aeiou])")
"""A "y" between a consonant and a vowel, said as a vowel in a surname ("Pryor" is
"prior", "Lyon" is "lion") where the sound key reads it as a consonant."""


@dataclass(frozen=True, slots=True)
class Surname:
    """A surname an article writes after a word: a title of address (``before``, spelled
    out: "councillor") or a first name (its key: "tamsin")."""

    before: str
    surname: str
    evidence: Evidence
    common: bool = False
    """The first name is a common word too ("Will", "Mark", "Joe"): it anchors the surname
    only where the transcript writes it as a name (capitalised, inside a sentence)."""


def article_surnames(
    references: Sequence[Reference], said: frozenset[str] | None = None
) -> tuple[list[Surname], frozenset[str]]:
    """The surnames written after a title of address or a first name, first place each,
    and the keys of every capitalised word of the articles (the names the articles know).
    ``said``: the titles and words the transcript has, when known; a surname after any
    other word could anchor nothing and is not read."""
    found: dict[tuple[str, str], Surname] = {}
    named: set[str] = set()
    for ref in references:
        words = text_words(ref.text)
        for k, word in enumerate(words.words):
            if not word[:1].isupper():
                continue
            key = name_key(word)
            if not is_function(word.lower()):
                named.add(key)
            title = _title(word)
            before = title or key
            if said is not None and before not in said:
                continue
            end = _name_end(ref.text, words.words, words.starts, words.ends, k, title is not None)
            if end is None:
                continue
            first = end - 1
            while first - 1 > k and words.words[first - 1].lower() in PARTICLES:
                first -= 1
            if title is None and (first != k + 1 or len(key) < 3):
                continue  # a first name stands right before the surname
            common = title is None and zipf(before) >= COMMON
            start, stop = words.starts[first], words.ends[end - 1]
            surname = POSSESSIVE.sub("", ref.text[start:stop])
            place = (before, name_key(surname))
            if place not in found:
                near = snippet(ref.text, words.starts[k], stop)
                found[place] = Surname(before, surname, Evidence(ref.path, near), common)
    return [found[k] for k in sorted(found)], frozenset(named)


def _title(word: str) -> str | None:
    """The title of address ``word`` is (spelled out), if it is one."""
    if not word[:1].isupper():
        return None
    short = ABBREVIATED.get(word.lower().rstrip("."))
    if short is not None:
        return short
    us = units(word)
    return us[0] if len(us) == 1 and us[0] in ADDRESS_TITLES else None


def _name_end(
    text: str,
    words: Sequence[str],
    starts: Sequence[int],
    ends: Sequence[int],
    k: int,
    titled: bool,
) -> int | None:
    """The end of the name after word ``k``: capitalised words and particles with only
    spaces between (and a dot after a ``titled`` word: "Mr."), the last one capitalised;
    None when no name follows."""
    end = None
    j = k + 1
    while j < len(words):
        gap = text[ends[j - 1] : starts[j]]
        if WORD_BREAK.search(gap.lstrip(".") if j == k + 1 and titled else gap):
            break
        w = words[j]
        if w[:1].isupper() and _title(w) is None:
            end = j + 1
        elif w.lower() not in PARTICLES:
            break
        j += 1
    return end


def surname_repairs(
    transcript: Transcript,
    references: Sequence[Reference],
    done: Sequence[Correction],
    *,
    min_confidence: float,
    apply: bool,
) -> list[Correction]:
    """Repairs of the words after a title or first name that sound like a surname the
    articles write after it. Tokens of the ``done`` repairs at or above ``min_confidence``
    are left alone; one that ends in a first name ("tams in" → "Tamsin") stands for it."""
    tokens = transcript.tokens
    taken = bytearray(len(tokens))
    repaired: dict[int, str] = {}
    for c in done:
        if c.confidence >= min_confidence:
            taken[c.first : c.last] = b"\x01" * (c.last - c.first)
            repaired[c.last - 1] = name_key(c.corrected.split()[-1])
    said = {name_key(t.text) for t in tokens} | {t.units[-1] for t in tokens if t.units}
    names, named = article_surnames(references, frozenset(said | set(repaired.values())))
    by_before: dict[str, list[Surname]] = defaultdict(list)
    for n in names:
        by_before[n.before].append(n)
    out: list[Correction] = []
    i = 0
    while i < len(tokens) - 1:
        people = _named_after(transcript, i, repaired.get(i), by_before)
        best = _best(transcript, i, people, named, taken) if people else None
        if best is None:
            i += 1
            continue
        score, last, person = best
        text = " ".join(t.text for t in tokens[i + 1 : last])
        suffix = m.group() if (m := POSSESSIVE.search(text)) else ""
        conf = round(BESIDE * score, 3)  # as a confusion learned elsewhere, beside its title
        out.append(
            Correction(
                i + 1,
                last,
                text,
                person.surname + suffix,
                "name",
                conf,
                apply and conf >= min_confidence,
                tokens[i + 1].start,
                tokens[last - 1].end,
                (person.evidence,),
            )
        )
        i = last
    return out


def _written_as_name(transcript: Transcript, i: int) -> bool:
    """Whether token ``i`` is capitalised inside a sentence (the recogniser took it for a name)."""
    text = transcript.tokens[i].text
    return (
        i > 0 and text[:1].isupper() and not text.isupper() and not _break_before(transcript, i, -1)
    )


def _named_after(
    transcript: Transcript, i: int, repaired: str | None, by_before: dict[str, list[Surname]]
) -> list[Surname]:
    """The surnames the articles write after token ``i``: after its title, its word (a
    common word only where the recogniser wrote it as a name), or the word a repair
    ending at it made."""
    token = transcript.tokens[i]
    word = name_key(token.text)
    title = token.units[-1] if token.units and token.units[-1] in ADDRESS_TITLES else ""
    out: list[Surname] = []
    for key in dict.fromkeys(k for k in (title, repaired, word) if k):
        people = by_before.get(key)
        if not people:
            continue
        common = key not in (title, repaired) and any(p.common for p in people)
        if common and not _written_as_name(transcript, i):
            people = [p for p in people if not p.common]
        out.extend(people)
    return out


def _best(
    transcript: Transcript,
    i: int,
    people: Sequence[Surname],
    named: frozenset[str],
    taken: bytearray,
) -> tuple[float, int, Surname] | None:
    """The surest reading of the words after token ``i`` as one of
    ``people``: (how plausible a mishearing, end token, the person); None when no
    reading, or more than one surname, fits, or the words are a name the articles write."""
    tokens = transcript.tokens
    best: tuple[float, int, Surname] | None = None
    fits: set[str] = set()
    fitted: set[str] = set()
    for last in range(i + 2, min(len(tokens), i + 1 + MAX_HEARD) + 1):
        if taken[last - 1] or _break_before(transcript, last - 1, i):
            break
        heard = POSSESSIVE.sub("", " ".join(t.text for t in tokens[i + 1 : last]))
        key = name_key(heard)
        if key in named and not any(_regrouped(p.surname, heard) for p in people):
            return None  # a name the articles write, heard as they write it
        # A small word ends the words only as a better fit of a surname they fit
        # without it ("straw con ink oh", not "roro as" for "Roros").
        small = any(is_function(u) for u in tokens[last - 1].units)
        before, fitted = fitted, set()
        for person in people:
            score = _fit(person.surname, heard) if key else None
            # …or as the surname's very letters ("hall or an" for "Halloran").
            regrouped = _regrouped(person.surname, heard)
            if score is None or (small and person.surname not in before and not regrouped):
                continue
            fitted.add(person.surname)
            if best is None or score > best[0]:
                best = (score, last, person)
        fits |= fitted
    return best if len(fits) == 1 else None


def _break_before(transcript: Transcript, k: int, title: int) -> bool:
    """Whether anything but spaces stands between token ``k`` and the one before it
    (a dot only after the title itself: "Mr.")."""
    gap = gap_before(transcript, k)
    return bool(WORD_BREAK.search(gap.lstrip(".") if k - 1 == title else gap))


def _regrouped(surname: str, heard: str) -> bool:
    """Whether ``heard`` is the surname's very letters in more words ("ash down keel")."""
    return name_key(surname) == name_key(heard) and len(heard.split()) > len(surname.split())


def _fit(surname: str, heard: str) -> float | None:
    """How plausible a mishearing of ``surname`` the words ``heard`` are, when their sound
    keys agree (a heard "the" standing for a particle "de"); None otherwise."""
    said_key, heard_key = name_key(surname), name_key(heard)
    said_words, heard_words = surname.split(), heard.split()
    if said_key == heard_key and not _regrouped(surname, heard):
        return None
    if (
        len(said_words) > 1
        and said_words[0].lower() in _D_PARTICLES
        and len(heard_words) > 1
        and heard_words[0].lower() in _D_PARTICLE_HEARD
    ):
        said_rest, heard_rest = (
            name_key(" ".join(said_words[1:])),
            name_key(" ".join(heard_words[1:])),
        )
    else:
        said_rest, heard_rest = said_key, heard_key
    if name_sound(heard_rest) not in (
        name_sound(said_rest),
        name_sound(_Y_VOWEL.sub("i", said_rest)),
    ) and not _last_part_heard(surname, heard):
        return None
    score = misheard(surname, heard)
    return score if score >= MIN_MISHEARD else None


def _last_part_heard(surname: str, heard: str) -> bool:
    """Whether a double surname's last part was heard as written and the words before it
    are a sure mishearing of its first ("oil lower kerr" for "Oyelowo-Kerr"), whose sound
    key a recogniser's common words rarely keep."""
    parts, words = _PARTS.split(surname), heard.split()
    if len(parts) < 2 or len(words) < 2 or name_key(words[-1]) != name_key(parts[-1]):
        return False
    return misheard(" ".join(parts[:-1]), " ".join(words[:-1])) >= MIN_MISHEARD


_PARTS = re.compile(r"[\s\-‐‑–]+")
"""What stands between the parts of a double surname ("Oyelowo-Kerr", "Lloyd Webber")."""
