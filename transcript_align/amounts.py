"""What a run of spoken number words amounts to, read every way a speaker means it.

A writer puts "2010" where the speaker said "two thousand and ten", "1.5 million"
for "one and a half million", "1 million" for "a million", "the 1990s" for "the
nineties", "25%" for "a quarter" and "7.30pm" for "half past seven". Their words
differ and their amounts do not: a quote that writes an amount so has changed no
number.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

_ONES = "zero one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SMALL = {
    **{w: n for n, w in enumerate(_ONES)},
    **{w: 10 + n for n, w in enumerate(_TEENS)},
    **{w: 20 + 10 * n for n, w in enumerate(_TENS)},
}
_DECADES = {w[:-1] + "ies": 20 + 10 * n for n, w in enumerate(_TENS)}
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_FRACTIONS = {"half": 0.5, "quarter": 0.25, "quarters": 0.25}
_PARTS = {"third": 1 / 3, "thirds": 1 / 3, "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1}
"""Fractions also ordinals ("the third"): a fraction only after "a" or a count."""
_PERCENT = ("percent", "per", "cent")
WORDS = frozenset([*_SMALL, *_DECADES, *_SCALES, *_FRACTIONS, *_PARTS, *_PERCENT]).union(
    ["hundred", "dozen", "point", "and", "a", "oh"]
)
"""Every word an amount may be said with."""
_PAST_TO = {"half": 30, "quarter": 15, "five": 5, "ten": 10, "twenty": 20}
CLOCK_WORDS = frozenset([*_SMALL, *_PAST_TO, "a", "past", "to", "oclock", "am", "pm"])
"""Every word a time of day may be said with."""


def amounts(words: Sequence[str]) -> frozenset[float]:
    """The amounts ``words`` (all in :data:`WORDS`) may mean: as a count, and as a year or
    decade said in two parts ("twenty ten": 2010; "nineteen nineties"; "the nineties",
    of either century). Empty when they are no amount.

    >>> sorted(amounts("two thousand and ten".split())), sorted(amounts("twenty ten".split()))
    ([2010.0], [2010.0])
    >>> sorted(amounts("one and a half million".split()))
    [1500000.0]
    """
    words = [w for w in words if w != "and"]
    out: set[float] = set()
    cut = 1 if words[-1:] == ["percent"] else 2 if words[-2:] == ["per", "cent"] else 0
    if cut:
        share = _count(words[:-cut])
        return frozenset() if share is None else frozenset([round(share / 100, 4)])
    count = _count(words)
    if count is not None:
        out.add(count)
        if count < 1 and any(w in _PARTS or w in _FRACTIONS for w in words):
            # "a third" is written 33% or 33.3%, "two thirds" 66% or 67%
            out.update(round(f(count * 100) / 100, 4) for f in (math.floor, round))
            out.add(round(count, 3))
    for cut in range(1, len(words)):
        century, rest = _count(words[:cut]), _count(words[cut:], year=True)
        if century is None or rest is None or not 10 <= century < 30 or rest >= 100:
            continue
        if rest >= 10 or words[cut] in ("oh", "zero"):  # "twenty ten", "nineteen oh five"
            out.add(century * 100 + rest)
    if len(words) == 1 and words[0] in _DECADES:
        out.update(c + _DECADES[words[0]] for c in (1900, 2000))
    return frozenset(out)


def _count(words: Sequence[str], *, year: bool = False) -> float | None:
    """``words`` read as one count ("two point five million", "a hundred", "one and a half",
    "half a million"), or None. ``year``: the second part of a year ("oh five", "nineties")."""
    total = 0.0
    current = 0.0
    decimals = 0
    seen = False
    last = len(words) - 1
    for k, w in enumerate(words):
        before = words[k - 1] if k else ""
        after = words[k + 1] if k < last else ""
        if w == "point" and not decimals and seen:
            decimals = 1
        elif decimals and w in _SMALL:
            if _SMALL[w] > 9:
                return None
            current += _SMALL[w] / 10**decimals
            decimals += 1
        elif w == "quarters" and before == "three":
            current += 0.75 - 3  # "three quarters": the three was counted as a count
        elif w in _PARTS and (before == "a" or current in (1, 2, 3, 4)):
            current = (current or 1) * _PARTS[w]  # "a third", "two thirds", "one fifth"
            seen = True
        elif w in _FRACTIONS and (before == "a" or (k == 0 and after == "a") or last == 0):
            current += _FRACTIONS[w]  # "and a half"; "half a million"; "cut by half"
            seen = True
        elif w == "a" and (
            after in _FRACTIONS or after in _PARTS or (after in _SCALES and before in _FRACTIONS)
        ):
            continue
        elif w == "a" and after in ("hundred", "dozen", *_SCALES):
            current += 1
            seen = True
        elif w in _SMALL or (year and w == "oh"):
            value = _SMALL.get(w, 0)
            group = current % 100
            if group and not (group >= 20 and group % 10 == 0 and value < 10):
                return None  # "nineteen eighty" is no count ("twenty one" is)
            current += value
            seen = True
        elif year and w in _DECADES and k == last:
            current += _DECADES[w]
            seen = True
        elif w == "dozen" and seen and current == int(current) and current < 100:
            current *= 12  # "a dozen", "two dozen"
        elif w == "hundred" and seen:
            current *= 100
            decimals = 0
        elif w in _SCALES and current:  # not "million million": a stutter
            total += current * _SCALES[w]
            current, decimals = 0.0, 0
        else:
            return None
    return total + current if seen else None


def clock(words: Sequence[str], *, time: bool = False) -> frozenset[int]:
    """The time of day ``words`` (all in :data:`CLOCK_WORDS`) say, in minutes past twelve
    (am or pm left open unless said): "half past seven", "seven thirty pm", "quarter to
    eight", "seven o'clock". Empty unless the words say it is a time ("past", "to",
    "o'clock", "am", "pm") or ``time`` says they stand for one (the same words written
    "7pm"), so that no count is taken for one.

    >>> sorted(clock("half past seven".split())), sorted(clock("seven thirty pm".split()))
    ([450, 1170], [1170])
    >>> sorted(clock("quarter to eight".split())), clock("seven thirty".split())
    ([465, 1185], frozenset())
    """
    words = [w for w in words if w != "a"]
    marks = {"am": 0, "pm": 720}
    half = marks.get(words[-1]) if words else None
    core = words[:-1] if half is not None else words
    told = time or half is not None or any(w in ("past", "to", "oclock") for w in core)
    if core[-1:] == ["oclock"]:
        core = core[:-1]
    if not told or not core:
        return frozenset()
    said = _past_to(core) if "past" in core or "to" in core else _hour_minutes(core)
    return frozenset() if said is None else _at(said, half)


def dotted_clock(words: Sequence[str]) -> frozenset[int]:
    """The time of day a decimal may be: "9.15" (units "nine point one five") as British
    writers put nine fifteen, "7.3" as "7.30" reads once its last nought is dropped.
    Empty unless the hour is one to twelve and the minutes under sixty.

    >>> sorted(dotted_clock("nine point one five".split()))
    [555, 1275]
    >>> dotted_clock("nine point seven five".split())
    frozenset()
    """
    if len(words) not in (3, 4) or words[1] != "point":
        return frozenset()
    hour = _count(words[:1])
    digits = [_SMALL.get(w, 10) for w in words[2:]]
    if hour is None or not 1 <= hour <= 12 or any(d > 9 for d in digits):
        return frozenset()
    minutes = digits[0] * 10 + (digits[1] if len(digits) == 2 else 0)
    return _at(int(hour) * 60 + minutes, None) if minutes < 60 else frozenset()


def _past_to(words: Sequence[str]) -> int | None:
    """Minutes past twelve of "half past seven", "twenty five to eight" (no other minutes)."""
    side = "past" if "past" in words else "to"
    k = words.index(side)
    minutes = 25 if words[:k] == ["twenty", "five"] else _PAST_TO.get(" ".join(words[:k]))
    hour = _count(words[k + 1 :])
    if minutes is None or hour is None or not 1 <= hour <= 12 or (side, minutes) == ("to", 30):
        return None
    return int(hour) * 60 + (minutes if side == "past" else -minutes)


def _hour_minutes(words: Sequence[str]) -> int | None:
    """Minutes past twelve of "seven", "seven thirty", "seven oh five"."""
    hour = _count(words[:1])
    rest = words[2:] if words[1:2] == ["oh"] else words[1:]
    minutes = _count(rest) if rest else 0.0
    if hour is None or minutes is None or not 1 <= hour <= 12 or not 0 <= minutes < 60:
        return None
    return int(hour) * 60 + int(minutes)


def _at(minutes: int, half: int | None) -> frozenset[int]:
    """Minutes past twelve midnight: both halves of the day unless am or pm was said."""
    minutes %= 720
    return frozenset([minutes + half]) if half is not None else frozenset([minutes, minutes + 720])
