"""How plausible it is that a recogniser wrote one set of words when another was said.

Repair asks this of every place where an article has a name or rare word and the
transcript has something else: a sound-level edit ("Baines" → "beans"), a split into
common words ("Oyelaran" → "oh yellow ran") or an acronym read letter by letter
("FINRA" → "fin ra", "IBM" → "i b m") is a mishearing; "four" for "five" or
"increase" for "decrease" is a different word.

The score is a logistic model over a few likenesses of the two spellings and sounds,
one of them an edit distance whose letter costs were learned from what three
commercial recognisers really wrote for names and rare words (the Earnings-21
fitting set; ``benchmarks/fit_mishearing.py`` writes ``data/mishearing.json``,
aggregated counts only). A changed number is never a mishearing.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler, Levenshtein

from .lexicon import NUMBER_WORDS
from .normalize import fold, text_units, zipf
from .similarity import sound_key

THRESHOLD = 0.5
"""From this score on, :func:`explains` takes a mishearing as the explanation: the
model's odds are even there, with as many mishearings as genuine changes fitted."""

FEATURES = ("bias", "sound", "learned", "spelling", "jaro", "close")
"""The model's inputs, in the order of its weights."""

LETTER_NAMES = {
    "a": "ay", "b": "bee", "c": "see", "d": "dee", "e": "ee", "f": "ef", "g": "jee",
    "h": "aitch", "i": "eye", "j": "jay", "k": "kay", "l": "el", "m": "em", "n": "en",
    "o": "oh", "p": "pee", "q": "cue", "r": "ar", "s": "es", "t": "tee", "u": "you",
    "v": "vee", "w": "doubleyou", "x": "ex", "y": "why", "z": "zee",
}  # fmt: skip
"""How each letter is said when an acronym is read letter by letter."""
COMMON = 3.5
"""Zipf frequency from which a word is common English (as ``repair.words.COMMON``)."""
MAX_ACRONYM = 5
"""A word this short with no vowel is read letter by letter, as one in capitals is."""
_POSSESSIVE = re.compile(r"['’]s$")


@dataclass(frozen=True)
class Costs:
    """Learned edit costs between letters (0 free … 1 full), default 1 when unseen."""

    substitute: dict[str, float]
    """``"ab"``: cost of writing b where a was said."""
    delete: dict[str, float]
    """``"a"``: cost of dropping a said a."""
    insert: dict[str, float]
    """``"b"``: cost of writing a b nobody said."""

    by_said: dict[str, dict[str, float]] = field(
        init=False, default_factory=dict, compare=False, repr=False
    )
    """:attr:`substitute` as said letter → written letter → cost (for the edit loop)."""

    def __post_init__(self) -> None:
        for pair, cost in self.substitute.items():
            self.by_said.setdefault(pair[0], {})[pair[1]] = cost


@dataclass(frozen=True)
class Model:
    weights: tuple[float, ...]
    """Logistic weights, fitted on names and rare words against genuine changes."""
    costs: Costs
    common_offset: float
    """Added to the log-odds when common words stand on both sides, the said ones written
    in lowercase (a capitalised "Bank" or "Sea" is a name), and they do not sound the
    same: recognisers swap one common word for another far more rarely than they garble
    a name (the log-odds ratio of the two error rates in the fitting set), so there a
    wording change is the likelier story ("review" / "reverse", "increase" / "decrease";
    homophones such as "their" / "there" keep their full score)."""


def words(text: str) -> list[str]:
    """The spoken words of a text, as the aligner reads them ("O'Neil's 2020" → oneils
    twenty twenty)."""
    return text_units(text)


def letters(text: str) -> str:
    """The letters of a text with doubled letters single: how the learned costs read it."""
    out: list[str] = []
    for c in text:
        if c.isalpha() and (not out or out[-1] != c):
            out.append(c)
    return "".join(out)


def acronyms(text: str) -> frozenset[str]:
    """The words of ``text`` that are read letter by letter: written in capitals ("FINRA",
    "IBM's"), or short with no vowel ("hq")."""
    out = set()
    for token in text.split():
        bare = "".join(c for c in _POSSESSIVE.sub("", fold(token)) if c.isalpha())
        if (len(bare) >= 2 and bare.isupper()) or (
            2 <= len(bare) <= MAX_ACRONYM and not set(bare.lower()) & set("aeiouy")
        ):
            out.add(bare.lower())
    return frozenset(out)


def letters_written(text: str) -> frozenset[str]:
    """The words of ``text`` that are one capital letter ("C", "X"), lowercased: a
    recogniser that writes a letter heard its name ("C" for "Sea", "um X" for "Amex").
    "A" and "I" are words as often as letters, and are left as written."""
    out = set()
    for token in text.split():
        bare = "".join(c for c in _POSSESSIVE.sub("", fold(token)) if c.isalpha())
        if len(bare) == 1 and bare.isupper() and bare not in "AI":
            out.add(bare.lower())
    return frozenset(out)


def said_forms(said: list[str], spelled: frozenset[str] = frozenset()) -> list[str]:
    """The ways the said words may sound: as written and, with the words in ``spelled``
    read letter by letter."""
    forms = ["".join(said)]
    if spelled & set(said):
        forms.append(
            "".join("".join(LETTER_NAMES[c] for c in w) if w in spelled else w for w in said)
        )
    return forms


def edit_similarity(a: str, b: str, costs: Costs) -> float:
    """1 minus the learned-cost edit distance of ``a`` said and ``b`` written, per letter."""
    if not a or not b:
        return 0.0
    dele = costs.delete
    by_said = costs.by_said
    ins_b = [costs.insert.get(c, 1.0) for c in b]
    prev = [0.0]
    for x in ins_b:
        prev.append(prev[-1] + x)
    for ca in a:
        d = dele.get(ca, 1.0)
        subs = by_said.get(ca, _NONE)
        left = prev[0] + d
        row = [left]
        for j, cb in enumerate(b):
            best = prev[j] + (0.0 if ca == cb else subs.get(cb, 1.0))
            up = prev[j + 1] + d
            side = left + ins_b[j]
            left = best if best < up else up
            if side < left:
                left = side
            row.append(left)
        prev = row
    return max(0.0, 1 - prev[-1] / max(len(a), len(b)))


_NONE: dict[str, float] = {}


def _numbers(ws: Iterable[str]) -> tuple[str, ...]:
    return tuple(w for w in ws if w in NUMBER_WORDS or w.isdigit())


def features(said: str, heard: str, costs: Costs) -> list[float] | None:
    """The model's inputs for one pair (see :data:`FEATURES`), or None when there is
    nothing to compare: an empty side, or digits against digits."""
    s, h = words(said), words(heard)
    if not s or not h:
        return None
    best: list[float] | None = None
    forms = said_forms(s, acronyms(said))
    # A letter written alone is read as its name too ("C" as "see").
    for heard_text in said_forms(h, letters_written(heard)):
        heard_letters, heard_sound = letters(heard_text), sound_key(heard_text)
        for form in forms:
            ks = sound_key(form)
            sound = (
                1 - Levenshtein.normalized_distance(ks, heard_sound) if ks and heard_sound else 0.0
            )
            learned = edit_similarity(letters(form), heard_letters, costs)
            x = [
                1.0,
                sound,
                learned,
                fuzz.ratio(form, heard_text) / 100,
                JaroWinkler.similarity(form, heard_text),
                sound * learned,  # close in both at once counts more than either alone
            ]
            if best is None or sound + learned > best[1] + best[2]:
                best = x
    return best


def common(ws: Iterable[str]) -> bool:
    """Whether every word is common English (recognisers rarely get those wrong)."""
    return all(w.isalpha() and zipf(w) >= COMMON for w in ws)


def score(x: Sequence[float], weights: Sequence[float], offset: float = 0.0) -> float:
    """The logistic model's probability for one feature vector."""
    z = sum(a * b for a, b in zip(x, weights)) + offset
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def model_from_dict(data: dict[str, object]) -> Model:
    """A :class:`Model` from its JSON form (``data/mishearing.json``)."""
    weights = data["weights"]
    costs = data["costs"]
    assert isinstance(weights, dict) and isinstance(costs, dict)
    if set(weights) != set(FEATURES):
        raise ValueError(f"mishearing model: weights for {sorted(weights)}, need {FEATURES}")
    return Model(
        tuple(float(weights[f]) for f in FEATURES),
        Costs(
            {k: float(v) for k, v in costs["substitute"].items()},
            {k: float(v) for k, v in costs["delete"].items()},
            {k: float(v) for k, v in costs["insert"].items()},
        ),
        float(str(data["common_offset"])),
    )


@lru_cache(maxsize=1)
def default_model() -> Model:
    """The model shipped in the package (fitted by ``benchmarks/fit_mishearing.py``)."""
    text = resources.files("transcript_align").joinpath("data/mishearing.json").read_text("utf-8")
    return model_from_dict(json.loads(text))


def misheard_with(said: str, heard: str, model: Model) -> float:
    """:func:`misheard` under a given model (the fitting script scores with its own)."""
    s, h = words(said), words(heard)
    if not s or not h:
        return 0.0
    if s == h or letters("".join(s)) == letters("".join(h)):
        return 1.0
    said_numbers = _numbers(s)
    if said_numbers:
        # A changed number is a different statement, never noise; the same number with
        # words added or dropped around it ("nearly forty" / "40") is a wording change.
        if said_numbers != _numbers(h):
            return 0.0
        s = [w for w in s if w not in NUMBER_WORDS]
        h = [w for w in h if w not in NUMBER_WORDS]
        if not s or not h:
            return 1.0 if s == h else 0.0
        said, heard = " ".join(s), " ".join(h)
    x = features(said, heard, model.costs)
    if x is None:
        return 0.0
    swap = (
        said.islower()
        and common(s)
        and common(h)
        and sound_key("".join(s)) != sound_key("".join(h))
    )
    return score(x, model.weights, model.common_offset if swap else 0.0)


@lru_cache(maxsize=200_000)
def misheard(said: str, heard: str) -> float:
    """How plausible it is (0..1, calibrated probability-like) that a recogniser wrote
    ``heard`` (one or more words) when ``said`` (one or more words) was spoken.

    Pass ``said`` as the article writes it: capitals mark acronyms ("FINRA" may be
    heard as letters) and names (a capitalised "Bank" or "Field" is a name, which
    recognisers garble far more often than the common word); lowercase a common word
    that is capitalised only because it opens a sentence. Calibrated on names and rare
    words against as many genuine changes (see ``benchmarks/fit_mishearing.py``).

    >>> misheard("Baines", "beans") > 0.5 > misheard("four", "five")
    True
    """
    return misheard_with(said, heard, default_model())


@lru_cache(maxsize=1)
def _without_prior() -> Model:
    return replace(default_model(), common_offset=0.0)


@lru_cache(maxsize=200_000)
def misheard_alike(said: str, heard: str) -> float:
    """:func:`misheard` without the prior against one common word heard as another: how
    alike the two are in sound and spelling alone, as the model learned it from names and
    rare words. A quote's check weighs it where the words around were said as written,
    which makes a reporter's change of a word far rarer than the recogniser's."""
    return misheard_with(said, heard, _without_prior())


def misheard_batch(pairs: Iterable[tuple[str, str]]) -> list[float]:
    """:func:`misheard` for many (said, heard) pairs, in order."""
    return [misheard(s, h) for s, h in pairs]


def explains(said: str, heard: str) -> bool:
    """Whether a mishearing is a likely explanation of ``heard`` for ``said`` (score at
    least :data:`THRESHOLD`)."""
    return misheard(said, heard) >= THRESHOLD
