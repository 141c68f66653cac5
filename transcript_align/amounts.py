"""What a run of spoken number words amounts to, read every way a speaker means it.

A writer puts "2010" where the speaker said "two thousand and ten", "1.5 million"
for "one and a half million", "1 million" for "a million" and "the 1990s" for "the
nineties". Their words differ and their amounts do not: a quote that writes an
amount so has changed no number.
"""

from __future__ import annotations

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
WORDS = frozenset([*_SMALL, *_DECADES, *_SCALES, *_FRACTIONS, "hundred", "point", "and", "a", "oh"])
"""Every word an amount may be said with."""


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
    count = _count(words)
    if count is not None:
        out.add(count)
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
        elif w in _FRACTIONS and (before == "a" or (k == 0 and after == "a")):
            current += _FRACTIONS[w]  # "and a half"; "half a million"
            seen = True
        elif w == "a" and (after in _FRACTIONS or (after in _SCALES and before in _FRACTIONS)):
            continue
        elif w == "a" and after in ("hundred", *_SCALES):
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
        elif w == "hundred" and seen:
            current *= 100
            decimals = 0
        elif w in _SCALES and current:  # not "million million": a stutter
            total += current * _SCALES[w]
            current, decimals = 0.0, 0
        else:
            return None
    return total + current if seen else None
