"""Clean speech for an invented press point or hearing, from templates and word lists.

The speech is a list of :class:`Word` as a careful writer would spell them
(names right, digits for numbers, punctuation). What the speaker actually
said, disfluencies included, and what the recogniser made of it come later
(:mod:`benchmarks.asr`).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass

from . import vocab
from .world import Entity, Person, World

SPEAKER = "speaker"
MODERATOR = "moderator"


@dataclass(frozen=True, slots=True)
class Word:
    """A word as written: ``text`` with its trailing ``punct``; name words carry their entity."""

    text: str
    punct: str = ""
    entity: str | None = None
    part: int = 0
    sentence: int = 0
    speaker: str = SPEAKER
    number: bool = False


Piece = tuple[str, str | None, int, bool]  # text, entity key, part, is-number

TEMPLATES: tuple[str, ...] = (
    "I have just come from a meeting with {full}, the {role} of {org}.",
    "We discussed {topic} and the situation in {place}.",
    "{stock}, we will {verb} the {adj} {noun} for {place}.",
    "{org} has committed {money} to the {tnoun} in {place}.",
    "We expect the {tnoun} to be {done} by {month}.",
    "As I said before, this is a matter for {org}.",
    "I spoke with {titled} this morning and we agreed to {tverb} the {tnoun} before {month}.",
    "The {tnoun} in {place} has lost {pct} of its capacity since {month}.",
    "{titled} has asked for a {adj} {noun} and I think that is {fairness}.",
    "We will {tverb} the {tnoun} and we will {verb} the {noun} of {place}.",
    "There are {num} teams working on the {tnoun} in {place} today.",
    "Our {noun} is {adj} and it is {adj}.",
    "I do not accept that the {noun} was {adj}.",
    "The {role} of {org} told me that the {tnoun} would cost {money}.",
    "We cannot {tverb} the {tnoun} without the support of {org}.",
    "I want to be honest with the people of {place} about the {tnoun}.",
    "Nobody in {place} should have to wait {num} days for a {adj} {noun}.",
    "The figures from {org} show a {pct} rise in the cost of the {tnoun} since {year}.",
    "{full} will lead the {adj} {noun} on the {tnoun}.",
    "We have asked {org} to {verb} the {noun} by {weekday}.",
    "My message to {titled} is simple, we need a {adj} {noun} now.",
    "I will meet {full} and {full} in {place} on {weekday}.",
    "That is why the {noun} matters so much for {place}.",
    "We have already spent {money} on the {tnoun} and we will spend more.",
    "The {tnoun} is not a {adj} problem, it is a {adj} problem.",
    "I think {titled} made a {adj} point yesterday about the {noun}.",
    "This {noun} was never about {place}, it was about the {tnoun}.",
    "If {org} wants to {verb} the {noun}, {stock}.",
    "Next {month} we will present a {adj} {noun} to the {body}.",
    "There is no {noun} without a {adj} {tnoun}.",
    "I have been in touch with the {role} of {org} every day this week.",
    "The people of {place} deserve a {adj} answer on the {tnoun}.",
    "We are looking at {num} options for the {tnoun} and none of them is easy.",
    "In {place} alone, {num} families are still waiting for the {tnoun}.",
    "Let me give you one example from {place}.",
    "When I visited {place} with {titled} we saw the {tnoun} ourselves.",
    "We will {tverb} the {tnoun} and report back to the {body} in {month}.",
    "{org} and {org} have agreed to share the cost of the {tnoun}.",
    "I am grateful to {full} for the work on the {noun}.",
    "We do not yet know the full cost, but it will be more than {money}.",
    "The {adj} {noun} is on the table and it has been for {num} weeks.",
    "I would not read too much into the {noun} from {org}.",
    "I am in constant contact with {titled} and {titled}.",
    "The question is not whether we {verb} the {noun} but when.",
    "We have {num} weeks to {tverb} the {tnoun} before the {season}.",
    "Our {noun} with {org} remains {adj}.",
    "That is a question for {titled}, not for me.",
    "{stock}.",
    "{stock}, the {tnoun} in {place} comes first.",
    "{full} and I agree that the {tnoun} needs {pct} more {noun}.",
    "We spoke about {topic} for {num} minutes with {titled}.",
    "Frankly the {noun} from {org} came too late for {place}.",
    "By {year} every family in {place} will have a {adj} {tnoun}.",
    "I asked {titled} to {verb} the {noun} and to {tverb} the {tnoun} by {weekday}.",
)
TECHNICAL: tuple[str, ...] = (
    "The {adj} {tnoun} reduces the {noun} by {pct} when the {tnoun} is {adj}.",
    "{titled} measured the {tnoun} and the {noun} at the {adj} {tnoun}.",
    "We will {tverb} the {tnoun} with {adj} {noun} and {adj} {tnoun}.",
    "The {noun} of the {tnoun} was {adj}, {full} of {org} told the committee.",
    "After the {tnoun}, the {adj} {noun} must {verb} the {tnoun}.",
    "{full}, {full} and {full} reviewed the {adj} {tnoun}.",
    "{titled} and {titled} found {adj} {noun} in the {tnoun} at {place}.",
    "Without {adj} {tnoun} the {noun} cannot {verb} the {adj} {tnoun}.",
)
"""Sentences of a technical hearing, dense in terms and names (``vocabulary="heavy"``)."""
INVENTED: tuple[str, ...] = (
    "We will never accept a {adj} {noun} imposed by {org}.",
    "I have full confidence in {full} and in the whole team in {place}.",
    "Our government will {tverb} every {tnoun} in {place} before the end of {month}.",
    "Nobody should doubt our determination to finish the {tnoun} this year.",
    "The {tnoun} will cost less than anyone in {place} feared.",
    "I take full responsibility for the delays on the {tnoun}.",
    "{org} has let down the families of {place} once again.",
    "This is the most {adj} {noun} that {place} has seen in a generation.",
    "We owe it to our children to get the {tnoun} right.",
    "I will not resign over the {tnoun}, and I will not apologise for it.",
    "{full} has my complete trust on the {noun} and on the {tnoun}.",
    "Every single {tnoun} in {place} will be {done} within {num} months.",
    "The era of {adj} promises on the {tnoun} is over.",
    "{stock}, nobody will be left behind when the {tnoun} is {done}.",
    "{stock}, our opponents have no plan for the {tnoun} at all.",
)
"""Sentences the speaker never says (quotes invented by a writer): same vocabulary, other words."""
MODERATOR_LINES: tuple[str, ...] = (
    "Thank you, next question please.",
    "{outlet}, go ahead.",
    "The next question comes from {outlet}.",
    "We have time for {num} more questions.",
    "Thank you, the floor is yours.",
)
OPENING = "Good morning everyone and thank you for coming."
_SLOT = re.compile(r"^\{(\w+)\}([,.?]?)$")


@dataclass
class Event:
    """One occasion the speaker talks at: who is around, and what is said."""

    world: World
    cast: tuple[Person, ...]
    orgs: tuple[Entity, ...]
    places: tuple[Entity, ...]


def make_event(rng: random.Random, world: World, *, share: float = 0.6) -> Event:
    """An event drawing part of the world's cast (other events draw overlapping parts)."""
    k = max(2, round(len(world.people) * share))
    cast = tuple(rng.sample(world.people, k))
    orgs = tuple(rng.sample(world.orgs, max(2, round(len(world.orgs) * share))))
    places = (world.home, *rng.sample(world.places[1:], max(1, round(len(world.places) * share))))
    return Event(world, cast, orgs, places)


def speech(
    rng: random.Random, event: Event, words: int, templates: tuple[str, ...] = TEMPLATES
) -> list[Word]:
    """About ``words`` words of speech: the speaker, with a moderator now and then."""
    out: list[Word] = []
    sentence = 0
    out.extend(_sentence(rng, event, OPENING, sentence, SPEAKER))
    while len(out) < words:
        sentence += 1
        if rng.random() < 0.05:
            template, who = rng.choice(MODERATOR_LINES), MODERATOR
        else:
            template, who = rng.choice(templates), SPEAKER
        out.extend(_sentence(rng, event, template, sentence, who))
    return out


def invented_text(rng: random.Random, event: Event) -> str:
    """A sentence in the speaker's manner that the speech never contains."""
    words = _sentence(rng, event, rng.choice(INVENTED), 0, SPEAKER)
    return join(words)


def join(words: list[Word]) -> str:
    """Words as written, with their punctuation."""
    return " ".join(w.text + w.punct for w in words)


def _sentence(rng: random.Random, event: Event, template: str, n: int, who: str) -> list[Word]:
    pieces: list[tuple[list[Piece], str]] = []
    for raw in template.split():
        m = _SLOT.match(raw)
        if m:
            pieces.append((_SLOTS[m.group(1)](rng, event), m.group(2)))
        else:
            text, punct = (raw[:-1], raw[-1]) if raw[-1] in ",.?" else (raw, "")
            pieces.append(([(text, None, 0, False)], punct))
    out: list[Word] = []
    for group, punct in pieces:
        for k, (text, entity, part, number) in enumerate(group):
            tail = punct if k == len(group) - 1 else ""
            out.append(Word(text, tail, entity, part, n, who, number))
    if out and out[0].entity is None:
        first = out[0]
        out[0] = Word(
            first.text[:1].upper() + first.text[1:], first.punct, None, 0, n, who, first.number
        )
    return out


def _plain(text: str) -> list[Piece]:
    return [(w, None, 0, False) for w in text.split()]


def _entity(e: Entity) -> list[Piece]:
    return [(w, e.key, k, False) for k, w in enumerate(e.words)]


def _full(rng: random.Random, ev: Event) -> list[Piece]:
    p = rng.choice(ev.cast)
    return _entity(p.first) + _entity(p.last)


def _titled(rng: random.Random, ev: Event) -> list[Piece]:
    p = rng.choice(ev.cast)
    if rng.random() < 0.5:
        return [(p.title, None, 0, False), *_entity(p.last)]
    return _entity(p.first) + _entity(p.last)


def _org(rng: random.Random, ev: Event) -> list[Piece]:
    org = rng.choice(ev.orgs)
    return [("the", None, 0, False), *_entity(org)]


def _place(rng: random.Random, ev: Event) -> list[Piece]:
    return _entity(rng.choice(ev.places))


def _number(text: str) -> Piece:
    return (text, None, 0, True)


def _num(rng: random.Random, _ev: Event) -> list[Piece]:
    return [_number(str(rng.choice((2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 15, 20, 28, 30, 45))))]


def _pct(rng: random.Random, _ev: Event) -> list[Piece]:
    if rng.random() < 0.2:
        return [_number(f"{rng.randint(1, 9)}.5"), ("percent", None, 0, False)]
    return [_number(str(rng.randint(2, 60))), ("percent", None, 0, False)]


def _money(rng: random.Random, _ev: Event) -> list[Piece]:
    amount = rng.choice((3, 5, 12, 20, 28, 40, 75, 120, 250, 600))
    return [
        _number(str(amount)),
        ("million", None, 0, False),
        (rng.choice(vocab.CURRENCIES), None, 0, False),
    ]


def _year(rng: random.Random, _ev: Event) -> list[Piece]:
    return [(str(rng.randint(2019, 2031)), None, 0, False)]


def _choice(options: tuple[str, ...]) -> Callable[[random.Random, Event], list[Piece]]:
    return lambda rng, _ev: _plain(rng.choice(options))


def _topic_words(
    field: str, default: tuple[str, ...] = ()
) -> Callable[[random.Random, Event], list[Piece]]:
    """Words of the world's topic (``default`` when the topic has none of that field)."""
    return lambda rng, ev: _plain(rng.choice(ev.world.topic.get(field, default)))


def _stock(rng: random.Random, ev: Event) -> list[Piece]:
    text = rng.choice(ev.world.stock)
    home = ev.world.home
    org0 = ev.world.orgs[0]
    out: list[Piece] = []
    for token in text.replace(home.text, "\0home").replace(org0.text, "\0org").split():
        if token == "\0home":
            out.extend(_entity(home))
        elif token == "\0org":
            out.extend(_entity(org0))
        else:
            out.append((token, None, 0, False))
    return out


_SLOTS: dict[str, Callable[[random.Random, Event], list[Piece]]] = {
    "full": _full,
    "titled": _titled,
    "org": _org,
    "place": _place,
    "num": _num,
    "pct": _pct,
    "money": _money,
    "year": _year,
    "stock": _stock,
    "role": _choice(vocab.ROLES),
    "adj": _topic_words("adjectives", vocab.ADJECTIVES),
    "noun": _topic_words("general_nouns", vocab.GENERAL_NOUNS),
    "verb": _topic_words("general_verbs", vocab.GENERAL_VERBS),
    "month": _choice(vocab.MONTHS),
    "weekday": _choice(vocab.WEEKDAYS),
    "outlet": _choice(vocab.OUTLETS),
    "done": _choice(("finished", "ready", "completed", "repaired", "operational")),
    "fairness": _choice(("fair", "reasonable", "understandable", "premature")),
    "body": _choice(("parliament", "council", "assembly", "cabinet", "committee")),
    "season": _choice(("winter", "summer", "rains", "harvest", "elections")),
    "topic": _topic_words("name"),
    "tnoun": _topic_words("nouns"),
    "tverb": _topic_words("verbs"),
}
