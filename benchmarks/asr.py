"""From clean speech to what a speaker said and what a recogniser wrote, with times.

Three steps, each recorded so the truth is known for every token:

1. **delivery** — the speaker's words as spoken: numbers said as words,
   fillers ("uh") and stutters ("is is") added;
2. **timing** — about 2.5 words a second with jitter, pauses at commas and
   sentence ends;
3. **recognition** — lowercase, no punctuation, names misheard by sound
   (split into common words, respelled, truncated, merged, first letter
   changed), common words swapped for sound-alikes, words dropped.

:class:`Group` links clean words to recogniser words: every clean word is in
exactly one group, and so is every recogniser word.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from . import vocab
from .speech import Word

NOISE: dict[str, dict[str, float]] = {
    "low": {"name": 0.35, "sub": 0.02, "drop": 0.01, "filler": 0.02, "stutter": 0.01},
    "medium": {"name": 0.6, "sub": 0.05, "drop": 0.03, "filler": 0.04, "stutter": 0.02},
    "high": {"name": 0.85, "sub": 0.10, "drop": 0.06, "filler": 0.06, "stutter": 0.03},
}
"""Per noise level: chance a name word is misheard, a common word swapped or
dropped, and a filler or stutter said before a word."""

_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_SPOKEN_TITLES = {"Mr": "mister", "Dr": "doctor", "Ms": "ms"}


@dataclass(frozen=True, slots=True)
class Spoken:
    """A word as said: ``clean`` is the clean word it belongs to (``None`` for a filler)."""

    text: str
    clean: int | None
    kind: str  # word | filler | stutter
    start: float = 0.0
    end: float = 0.0


@dataclass(frozen=True, slots=True)
class AsrWord:
    w: str
    start: float
    end: float
    sentence: int
    speaker: str


@dataclass(frozen=True, slots=True)
class Group:
    """Clean words ``clean`` came out as recogniser words ``asr`` (either may be empty)."""

    clean: tuple[int, ...]
    asr: tuple[int, ...]
    kind: str  # same | name | name_case | sub | drop | filler | stutter | number | merge


@dataclass(frozen=True)
class Recognized:
    spoken: tuple[Spoken, ...]
    words: tuple[AsrWord, ...]
    groups: tuple[Group, ...]
    clean_times: tuple[tuple[float, float], ...]


def say_number(text: str) -> list[str]:
    """A number as spoken: ``say_number("28") == ["twenty", "eight"]``; years stay digits."""
    if "." in text:
        whole, frac = text.split(".", 1)
        return [*say_number(whole), "point", *(_ONES[int(d)] for d in frac)]
    n = int(text)
    if n >= 1000:
        return [text]
    out: list[str] = []
    if n >= 100:
        out += [_ONES[n // 100], "hundred"]
        n %= 100
        if n:
            out.append("and")
    if n >= 20:
        out.append(_TENS[n // 10])
        if n % 10:
            out.append(_ONES[n % 10])
    elif n or not out:
        out.append(_ONES[n])
    return out


def deliver(rng: random.Random, words: list[Word], noise: dict[str, float]) -> list[Spoken]:
    """What the speaker said: the clean words, spoken, with fillers and stutters."""
    out: list[Spoken] = []
    for i, word in enumerate(words):
        forms = say_number(word.text) if word.number else [_SPOKEN_TITLES.get(word.text, word.text)]
        # Names stay cased here so recognition knows what it hears; the recogniser lowercases.
        if i and words[i - 1].sentence == word.sentence and word.entity is None:
            if rng.random() < noise["filler"]:
                out.append(Spoken(rng.choice(vocab.FILLERS), None, "filler"))
            elif rng.random() < noise["stutter"] and len(forms) == 1:
                out.append(Spoken(forms[0], i, "stutter"))
        out.extend(Spoken(f, i, "word") for f in forms)
    return out


def timed(rng: random.Random, spoken: list[Spoken], words: list[Word]) -> list[Spoken]:
    """Spoken words with times: length-dependent durations, pauses at punctuation."""
    t = rng.uniform(0.5, 2.0)
    out: list[Spoken] = []
    for k, s in enumerate(spoken):
        dur = (0.11 + 0.047 * len(s.text)) * rng.uniform(0.85, 1.15)
        if s.kind == "filler":
            dur = rng.uniform(0.25, 0.45)
        out.append(Spoken(s.text, s.clean, s.kind, round(t, 3), round(t + dur, 3)))
        t += dur + rng.uniform(0.0, 0.05)
        last_of_word = s.clean is not None and (
            k + 1 == len(spoken) or spoken[k + 1].clean != s.clean
        )
        if last_of_word and s.kind == "word":
            punct = words[s.clean].punct  # type: ignore[index]
            if punct in (".", "?"):
                t += rng.uniform(0.25, 0.6)
            elif punct == ",":
                t += rng.uniform(0.08, 0.2)
    return out


def recognize(
    rng: random.Random,
    words: list[Word],
    noise: dict[str, float],
    garble_of: dict[str, tuple[tuple[str, ...], ...]],
) -> Recognized:
    """Deliver, time and recognise ``words``; ``garble_of`` maps entity keys to garbles."""
    spoken = timed(rng, deliver(rng, words, noise), words)
    preferred: dict[tuple[str, int], str] = {}
    asr: list[AsrWord] = []
    groups: list[Group] = []
    clean_times: list[tuple[float, float]] = [(0.0, 0.0)] * len(words)
    k = 0
    while k < len(spoken):
        s = spoken[k]
        if s.clean is None:  # filler: recognisers keep most of them
            if rng.random() < 0.75:
                groups.append(Group((), (len(asr),), "filler"))
                asr.append(_asr(s.text, s.start, s.end, words, spoken, k))
            else:
                groups.append(Group((), (), "filler"))
            k += 1
            continue
        if s.kind == "stutter":
            groups.append(Group((), (len(asr),), "stutter"))
            asr.append(_asr(s.text.lower(), s.start, s.end, words, spoken, k))
            k += 1
            continue
        i = s.clean
        end = k
        while (
            end + 1 < len(spoken) and spoken[end + 1].clean == i and spoken[end + 1].kind == "word"
        ):
            end += 1
        start_t, end_t = spoken[k].start, spoken[end].end
        clean_times[i] = (start_t, end_t)
        word = words[i]
        if word.entity is not None:
            # A particle may fuse with the rest of the name ("van tassel" -> "vantassel").
            nxt = i + 1
            if (
                nxt < len(words)
                and words[nxt].entity == word.entity
                and end + 1 < len(spoken)
                and spoken[end + 1].clean == nxt
                and rng.random() < noise["name"] * 0.12
            ):
                after = spoken[end + 1]
                clean_times[nxt] = (after.start, after.end)
                text = (word.text + _heard(rng, words[nxt], garble_of, preferred, noise)).lower()
                groups.append(Group((i, nxt), (len(asr),), "merge"))
                asr.append(_asr(text.replace(" ", ""), start_t, after.end, words, spoken, k))
                k = end + 2
                continue
            heard = _heard(rng, word, garble_of, preferred, noise)
            kind = "name_case" if heard == word.text.lower() else "name"
            groups.append(Group((i,), _emit(asr, heard, start_t, end_t, words, spoken, k), kind))
        elif word.number:
            heard = " ".join(s2.text for s2 in spoken[k : end + 1])
            groups.append(
                Group((i,), _emit(asr, heard, start_t, end_t, words, spoken, k), "number")
            )
        else:
            text = spoken[k].text.lower()
            function = text in vocab.FUNCTION_WORDS
            drop = noise["drop"] * (1.6 if function else 0.4)
            if rng.random() < drop:
                groups.append(Group((i,), (), "drop"))
            elif text in vocab.SOUND_ALIKES and rng.random() < noise["sub"] * 2:
                heard = rng.choice(vocab.SOUND_ALIKES[text])
                groups.append(
                    Group((i,), _emit(asr, heard, start_t, end_t, words, spoken, k), "sub")
                )
            else:
                groups.append(
                    Group((i,), _emit(asr, text, start_t, end_t, words, spoken, k), "same")
                )
        k = end + 1
    return Recognized(tuple(spoken), tuple(asr), tuple(groups), tuple(clean_times))


def _heard(
    rng: random.Random,
    word: Word,
    garble_of: dict[str, tuple[tuple[str, ...], ...]],
    preferred: dict[tuple[str, int], str],
    noise: dict[str, float],
) -> str:
    """What the recogniser writes for one name word: a favourite mishearing, or another."""
    options = garble_of[word.entity][word.part]  # type: ignore[index]
    if not options or rng.random() >= noise["name"]:
        return word.text.lower()
    key = (str(word.entity), word.part)
    if key not in preferred:
        preferred[key] = rng.choice(options)
    if rng.random() < 0.7:
        return preferred[key]
    return rng.choice(options)


def _emit(
    asr: list[AsrWord],
    heard: str,
    start: float,
    end: float,
    words: list[Word],
    spoken: list[Spoken],
    k: int,
) -> tuple[int, ...]:
    """Append ``heard`` (maybe several words), sharing the time span by length."""
    parts = heard.split()
    total = sum(len(p) for p in parts) or 1
    t = start
    first = len(asr)
    for p in parts:
        d = (end - start) * len(p) / total
        asr.append(_asr(p, round(t, 3), round(t + d, 3), words, spoken, k))
        t += d
    return tuple(range(first, len(asr)))


def _asr(
    text: str, start: float, end: float, words: list[Word], spoken: list[Spoken], k: int
) -> AsrWord:
    near = spoken[k].clean
    j = k
    while near is None and j + 1 < len(spoken):
        j += 1
        near = spoken[j].clean
    w = words[near if near is not None else len(words) - 1]
    return AsrWord(text.lower(), start, end, w.sentence, w.speaker)
