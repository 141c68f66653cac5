"""The invented world an event happens in: people, organisations, places, a topic.

A :class:`World` is shared by the event under test and the "other events"
that unrelated articles report, so both use the same names, topic words and
stock phrases; only the speech differs.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from . import vocab
from .misrecognitions import RealNames

Table = tuple[tuple[str, tuple[str, ...]], ...]


@dataclass
class RealGarbles:
    """Real names with their real misrecognitions, put in for a share of the invented
    names; its own random stream, so the world's other choices stay as they were."""

    names: RealNames
    rng: random.Random
    share: float

    def pick(self, table: Table, used: set[str]) -> tuple[str, tuple[str, ...]] | None:
        """A real name and its garbles, for ``share`` of the calls (None otherwise)."""
        if not table or self.rng.random() >= self.share:
            return None
        for _ in range(50):
            name, garbles = self.rng.choice(table)
            if name.lower() not in used:
                used.add(name.lower())
                return name, garbles
        return None


@dataclass(frozen=True)
class Entity:
    """A name as written, the word positions a recogniser may garble, and how.

    ``garbles[k]`` lists what the recogniser may write for word ``k`` of
    ``words`` (lowercase, possibly several words); an empty tuple means the
    word is always heard right (apart from its case).
    """

    key: str
    kind: str  # person | org | place
    words: tuple[str, ...]
    garbles: tuple[tuple[str, ...], ...]
    source: str = "rule"
    """Where the garbles come from: ``rule`` (this module's sound rules) or ``real`` (a
    real name with what real recognisers wrote for it, see :class:`RealGarbles`)."""

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True)
class Person:
    first: Entity
    last: Entity
    role: str
    org: Entity
    title: str  # Mr | Ms | Dr

    @property
    def full(self) -> str:
        return f"{self.first.text} {self.last.text}"


@dataclass(frozen=True)
class World:
    speaker: Person
    people: tuple[Person, ...]
    orgs: tuple[Entity, ...]
    places: tuple[Entity, ...]
    topic: dict[str, tuple[str, ...]]
    stock: tuple[str, ...]
    home: Entity


def make_world(
    rng: random.Random,
    *,
    people: int,
    orgs: int,
    places: int,
    technical: bool = False,
    real: RealGarbles | None = None,
) -> World:
    """A cast of invented names (unique spellings) around one topic.

    ``technical``: the topic's nouns and the speech's general nouns and adjectives
    are invented technical terms, rare or unknown words (a technical hearing).
    ``real``: a share of first names, surnames and organisation names are real ones,
    misheard as real recognisers misheard them.
    """
    used: set[str] = set()
    org_list = [_org(rng, used, real) for _ in range(orgs)]
    place_list = [_place(rng, used) for _ in range(places)]
    persons = [_person(rng, used, rng.choice(org_list), real) for _ in range(people + 1)]
    topic = rng.choice(vocab.TOPICS)
    home = place_list[0]
    stock = (
        "let me be very clear",
        "at the end of the day",
        f"we will not give up on the people of {home.text}",
        "and that is exactly what we are doing",
        f"I want to thank our partners at {org_list[0].text}",
        "this is about the safety of our citizens",
        "we are working around the clock",
        "nothing is agreed until everything is agreed",
        "the door remains open",
        "as I have always said",
    )
    if technical:
        topic = technical_topic(rng, topic)
    return World(
        persons[0], tuple(persons[1:]), tuple(org_list), tuple(place_list), topic, stock, home
    )


def technical_topic(
    rng: random.Random, topic: dict[str, tuple[str, ...]]
) -> dict[str, tuple[str, ...]]:
    """``topic`` with invented terms for its nouns and verbs, and for general nouns,
    adjectives and verbs.

    >>> t = technical_topic(random.Random(1), vocab.TOPICS[0])
    >>> len(t["nouns"]), len(t["general_nouns"]), len(t["adjectives"]), len(t["verbs"])
    (120, 120, 80, 40)
    """
    nouns = [h + t for h in vocab.TERM_HEADS for t in vocab.TERM_TAILS]
    adjectives = [h + t for h in vocab.TERM_HEADS for t in vocab.TERM_ADJECTIVE_TAILS]
    verbs = [h + t for h in vocab.TERM_HEADS for t in vocab.TERM_VERB_TAILS]
    for terms in (nouns, adjectives, verbs):
        rng.shuffle(terms)
    return {
        **topic,
        "nouns": tuple(nouns[:120]),
        "general_nouns": tuple(nouns[120:240]),
        "adjectives": tuple(adjectives[:80]),
        "verbs": tuple(verbs[:40]),
        "general_verbs": tuple(verbs[40:80]),
    }


def _unique(rng: random.Random, used: set[str], build: object) -> tuple[str, tuple[str, ...]]:
    for _ in range(200):
        spelling, garbles = build(rng)  # type: ignore[operator]
        if spelling.lower() not in used:
            used.add(spelling.lower())
            return spelling, garbles
    raise RuntimeError("name space exhausted")


def surname(rng: random.Random) -> tuple[str, tuple[str, ...]]:
    """An invented surname and the ways a recogniser mishears it.

    >>> surname(random.Random(3))
    ('Lindkoff', ('lined cough', 'lindcof', 'lindko'))
    """
    parts = [rng.choice(vocab.NAME_INITIAL)]
    if rng.random() < 0.45:
        parts.append(rng.choice(vocab.NAME_MIDDLE))
    parts.append(rng.choice(vocab.NAME_FINAL))
    spelling = _join([p[0] for p in parts])
    return spelling, _garbles(spelling, [p[1] for p in parts])


def _join(pieces: list[str]) -> str:
    out = pieces[0]
    for p in pieces[1:]:
        if out[-1].lower() in "aeiou" and p[0] in "aeiou":
            p = p[1:] or p
        out += p.lower()
    return out[0].upper() + out[1:]


def _garbles(spelling: str, sounds: list[str]) -> tuple[str, ...]:
    low = spelling.lower()
    out = [" ".join(sounds)]  # split into common words: "oh con quo"
    respelled = respell(low)
    if respelled != low:
        out.append(respelled)  # "kallas" -> "callas"
    trunc = truncate(low)
    if trunc != low and len(trunc) >= 3:
        out.append(trunc)  # "witkoff" -> "witko"
    voiced = _first_letter(low)
    if voiced != low:
        out.append(voiced)
    return tuple(dict.fromkeys(out))


_RESPELL = (
    ("ph", "f"),
    ("ck", "k"),
    ("kw", "qu"),
    ("ff", "f"),
    ("ll", "l"),
    ("nn", "n"),
    ("ss", "s"),
    ("tt", "t"),
    ("k", "c"),
    ("c", "k"),
    ("z", "s"),
    ("y", "i"),
    ("w", "v"),
    ("ou", "oo"),
    ("ei", "ay"),
    ("ie", "ee"),
    ("oo", "u"),
    ("x", "ks"),
    ("i", "ee"),
)


def respell(word: str) -> str:
    """Spelling by sound: the first one or two rules that change the word.

    >>> respell("kallas"), respell("witkoff")
    ('calas', 'witcof')
    """
    out = word
    changes = 0
    for a, b in _RESPELL:
        if a in out and changes < 2:
            out = out.replace(a, b, 1)
            changes += 1
    return out


def truncate(word: str) -> str:
    """Drop a trailing consonant cluster, or the last syllable.

    >>> truncate("witkoff"), truncate("brannigan"), truncate("okonkwo")
    ('witko', 'branniga', 'oko')
    """
    end = len(word)
    while end > 0 and word[end - 1] not in "aeiouy":
        end -= 1
    if end == len(word):  # ends in a vowel: drop the last consonant+vowel
        end -= 1
        while end > 0 and word[end - 1] not in "aeiouy":
            end -= 1
    return word[:end] if end >= 3 else word


_FIRST = {
    "b": "p",
    "p": "b",
    "d": "t",
    "t": "d",
    "g": "k",
    "k": "g",
    "v": "f",
    "f": "v",
    "s": "z",
    "m": "n",
    "n": "m",
    "w": "v",
    "h": "",
    "o": "a",
    "r": "w",
}


def _first_letter(word: str) -> str:
    swap = _FIRST.get(word[0])
    if swap is None or len(word) < 2 or word[1] not in "aeiouy":
        return word
    return swap + word[1:]


def _person(
    rng: random.Random, used: set[str], org: Entity, real: RealGarbles | None = None
) -> Person:
    first, first_garbles = rng.choice(vocab.FIRST_NAMES)
    spelling, garbles = _unique(rng, used, surname)
    real_first = real.pick(real.names.firsts, used) if real else None
    real_last = real.pick(real.names.surnames, used) if real else None
    if real_first:
        first, first_garbles = real_first
    if real_last:
        spelling, garbles = real_last
    source = "real" if real_last else "rule"
    if rng.random() < 0.15:
        particle = rng.choice(vocab.NAME_PARTICLES)
        last = Entity(
            f"p:{particle} {spelling}", "person", (particle, spelling), ((), garbles), source
        )
    else:
        last = Entity(f"p:{spelling}", "person", (spelling,), (garbles,), source)
    first_entity = Entity(
        f"f:{first}", "person", (first,), (first_garbles,), "real" if real_first else "rule"
    )
    title = rng.choice(("Mr", "Ms", "Dr"))
    return Person(first_entity, last, rng.choice(vocab.ROLES), org, title)


def _org(rng: random.Random, used: set[str], real: RealGarbles | None = None) -> Entity:
    if rng.random() < 0.2:
        name = rng.choice(vocab.ORG_PUBLIC)
        while name.lower() in used:
            name = rng.choice(vocab.ORG_PUBLIC) + " " + rng.choice(("North", "South", "East"))
        used.add(name.lower())
        words = tuple(name.split())
        return Entity(f"o:{name}", "org", words, tuple(() for _ in words))
    stem, garbles = _unique(rng, used, _org_stem)
    kind = rng.choice(vocab.ORG_KINDS)
    real_stem = real.pick(real.names.orgs, used) if real else None
    if real_stem:
        stem, garbles = real_stem
    source = "real" if real_stem else "rule"
    return Entity(f"o:{stem} {kind}", "org", (stem, kind), (garbles, ()), source)


def _org_stem(rng: random.Random) -> tuple[str, tuple[str, ...]]:
    parts = [rng.choice(vocab.NAME_INITIAL), rng.choice(vocab.NAME_MIDDLE)]
    parts.append(rng.choice((("ra", "ra"), ("tis", "tease"), ("nex", "necks"), ("va", "va"))))
    spelling = _join([p[0] for p in parts])
    return spelling, _garbles(spelling, [p[1] for p in parts])


def _place(rng: random.Random, used: set[str]) -> Entity:
    def build(r: random.Random) -> tuple[str, tuple[str, ...]]:
        parts = [r.choice(vocab.NAME_INITIAL), r.choice(vocab.PLACE_FINAL)]
        spelling = _join([p[0] for p in parts])
        return spelling, _garbles(spelling, [p[1] for p in parts])

    stem, garbles = _unique(rng, used, build)
    prefix = rng.choice(vocab.PLACE_PREFIXES)
    if prefix:
        return Entity(f"l:{prefix} {stem}", "place", (prefix, stem), ((), garbles))
    return Entity(f"l:{stem}", "place", (stem,), (garbles,))
