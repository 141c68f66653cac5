"""Words with offsets, and the normalized units they are matched by.

A *token* is a word as written, with its character span in the source text.
Its *units* are what alignment compares: lowercase, accents and punctuation
stripped, contractions expanded, hyphenated compounds split, and numbers
written out the way they are spoken ("28" and "twenty-eight" both give
``twenty eight``; "5%" gives ``five percent``). Units are computed per distinct
token text and cached, so normalizing a long text costs one regex pass and a
dictionary lookup per word.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain
from pathlib import Path

from num2words import num2words

# A word: letters/digits joined by apostrophes, hyphens, inner dots (U.S, 3.5) or
# thousands commas; an optional currency sign before and percent sign after.
TOKEN = re.compile(
    # A word as tokenize() sees it: an initialism with its final dot ("U.S."), or
    # letters and digits joined by apostrophes, hyphens, ampersands ("M&A"), inner dots
    # and commas. The lookaheads test only what each branch must start with: where no
    # word starts (most places) one test fails at once, and a word that is no initialism
    # leaves the initialism branch after one test (a sixth less time, the same matches).
    r"(?=[\w$€£¥])(?:"
    r"(?=[^\W\d_]\.)(?:[^\W\d_]\.)+[^\W\d_]\.(?!\w)|"
    r"[$€£¥]?\w+(?:(?:['’‘\-‐‑&]|\.(?=\w)|(?<=\d),(?=\d{3}(?!\d)))\w+)*(?:(?<=\d)\s?%)?"
    r")"
)
_HYPHENS = re.compile(r"[\-‐‑]+")
_NON_WORD = re.compile(r"[^\w]|_")
_NUMBER = re.compile(
    r"^(?P<cur>[$€£¥])?(?P<num>\d[\d,]*(?:\.\d+)?)(?P<mag>bn|mn|tn|trn|m|k|b)?"
    r"(?P<suf>st|nd|rd|th|s|'s|%|\s%)?$",
    re.I,
)
_CURRENCY = {"$": "dollars", "€": "euros", "£": "pounds", "¥": "yen"}
CURRENCY_WORDS = frozenset(_CURRENCY.values())
_MAGNITUDES = {
    "k": "thousand",
    "m": "million",
    "mn": "million",
    "b": "billion",
    "bn": "billion",
    "tn": "trillion",
    "trn": "trillion",
}
"""Amounts as the press abbreviates them ("£1.5m", "$3bn"); "m", "k" and "b" only after a
currency sign ("a 1.5m wall" is metres)."""
_UNMISTAKEN = ("", "bn", "mn", "tn", "trn")
"""Magnitudes read as such without a currency sign ("3bn")."""
_SPOKEN_MAGNITUDES = frozenset(_MAGNITUDES.values())
_TITLES = {"mr": "mister", "mrs": "missus", "dr": "doctor", "st": "saint"}
_CONTRACTIONS = {
    "n't": ("not",),
    "'re": ("are",),
    "'ve": ("have",),
    "'ll": ("will",),
    "'d": ("would",),
    "'m": ("am",),
}
_SPECIAL = {
    "can't": ("can", "not"),
    "cannot": ("can", "not"),
    "won't": ("will", "not"),
    "shan't": ("shall", "not"),
    "ain't": ("is", "not"),
    "let's": ("let", "us"),
    "gonna": ("going", "to"),
    "wanna": ("want", "to"),
    "gotta": ("got", "to"),
    "ok": ("okay",),
    "o.k": ("okay",),
    "percent": ("percent",),
    "per-cent": ("percent",),
}
# Pronouns and question words whose 's is "is", not a possessive.
_IS_HOSTS = frozenset(
    [
        "it",
        "he",
        "she",
        "that",
        "what",
        "there",
        "here",
        "where",
        "who",
        "how",
        "when",
        "why",
        "this",
        "everything",
        "nothing",
        "something",
        "someone",
        "somebody",
        "everyone",
        "everybody",
        "one",
    ]
)
MAX_NUMBER_DIGITS = 15
_DIGITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def tokenize(text: str) -> list[tuple[int, int]]:
    """Character spans ``[start, end)`` of the words in ``text``.

    Initialisms keep their final dot ("U.S." is one token), an ampersand joins the
    letters of "M&A"; a sentence's final period does not belong to its last word.

    >>> t = "Mr. Witko, the U.S. envoy—5% of 1,000 M&A deals."
    >>> [t[a:b] for a, b in tokenize(t)]
    ['Mr', 'Witko', 'the', 'U.S.', 'envoy', '5%', 'of', '1,000', 'M&A', 'deals']
    """
    return [m.span() for m in TOKEN.finditer(text)]


@dataclass(frozen=True)
class TextWords:
    """A text's words and their units, computed once: articles are read by several stages.

    ``first_unit[k]`` is the index in ``units`` of word ``k``'s first unit (one
    more entry at the end: the number of units).
    """

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    words: tuple[str, ...]
    first_unit: tuple[int, ...]
    units: tuple[str, ...]

    def __reduce__(self) -> tuple[type[TextWords], tuple[tuple[object, ...], ...]]:
        # Rebuilt through the constructor: a worker process sends the words it read, and a
        # compiled frozen class cannot be restored field by field.
        return (TextWords, (self.starts, self.ends, self.words, self.first_unit, self.units))


OPENERS = re.compile(r"[.?!…:\"“«\n]")
"""Marks after which a word opens a sentence, a quote or a line."""


def opens_sentence(text: str, words: TextWords, k: int) -> bool:
    """Whether word ``k`` of ``text`` opens a sentence, a quote or a line: capitalised
    there, it says nothing about being a name."""
    return k == 0 or OPENERS.search(text, words.ends[k - 1], words.starts[k]) is not None


WORDS_KEPT = 4096
"""Texts whose words are kept (every article of a long hearing, several stages each)."""
_words: dict[str, TextWords] = {}
_words_lock = threading.Lock()


def text_words(text: str) -> TextWords:
    """The words of ``text`` with spans and units (kept per text, see :func:`keep_words`)."""
    found = _words.get(text)
    if found is None:
        found = _read_words(text)
        keep_words(text, found)
    return found


def keep_words(text: str, words: TextWords) -> None:
    """Keep ``words`` as the words of ``text``: a worker process that read an article
    sends them back, so this process need not read it again. The oldest go first."""
    with _words_lock:
        _words[text] = words
        while len(_words) > WORDS_KEPT:
            del _words[next(iter(_words))]


def forget_words(text: str) -> None:
    """Let the words of ``text`` go: an article found to report another event is read
    by no later step, and its words were tens of MB of a long hearing's peak."""
    with _words_lock:
        _words.pop(text, None)


def _read_words(text: str) -> TextWords:
    # ``findall`` makes no match object per word (a third less time than ``finditer``).
    # A word starts where its text is next found after the word before: the pattern
    # matches at every place a word's text stands (a word's first letter, digit or
    # currency sign with what follows starts one), and the scan takes the first place.
    words: list[str] = TOKEN.findall(text)
    starts: list[int] = []
    ends: list[int] = []
    at = 0
    for w in words:
        at = text.find(w, at)
        starts.append(at)
        at += len(w)
        ends.append(at)
    parts = spoken_units(words)
    return TextWords(
        tuple(starts),
        tuple(ends),
        tuple(words),
        tuple(accumulate(map(len, parts), initial=0)),
        tuple(chain.from_iterable(parts)),
    )


def count_tokens(text: str) -> int:
    """How many tokens :func:`tokenize` finds, without building them (for size limits)."""
    return sum(1 for _ in TOKEN.finditer(text))


@lru_cache(maxsize=200_000)
def units(token: str) -> tuple[str, ...]:
    """The normalized units of one token.

    >>> units("Secretary-General"), units("I'm"), units("28th"), units("5%"), units("U.S.")
    (('secretary', 'general'), ('i', 'am'), ('twenty', 'eighth'), ('five', 'percent'), ('us',))
    >>> units("Türkiye's"), units("2008"), units("$22.7")
    (('turkiyes',), ('two', 'thousand', 'eight'), ('twenty', 'two', 'point', 'seven', 'dollars'))

    An ampersand is said "and": "M&A" is ``m and a``, as a recogniser writes it
    ("M and A") or as it writes the token itself.

    >>> units("SG&A"), units("AT&T's")
    (('sg', 'and', 'a'), ('at', 'and', 'ts'))
    """
    text = fold(token).replace("’", "'").replace("‘", "'").lower()
    number = _number(text)
    if number:
        return _number_units(number)
    clock = _CLOCK.match(text) or _CLOCK_MINUTES.match(text)
    if clock:
        said = _clock_units(clock.groupdict().get("h"), clock.group("m"))
        return (*said, clock.group("ap")[0] + "m")
    if text in _SPECIAL:
        return _SPECIAL[text]
    out: list[str] = []
    for part in _HYPHENS.split(text):
        out.extend(_word_units(part))
    return tuple(u for u in out if u)


def _word_units(part: str) -> tuple[str, ...]:
    if not part:
        return ()
    if part in _SPECIAL:
        return _SPECIAL[part]
    if "&" in part:
        pieces = [_word_units(p) for p in part.split("&")]
        return tuple(u for k, p in enumerate(pieces) for u in (("and",) if k else ()) + p)
    if _number(part):
        return units(part)
    for suffix, expansion in _CONTRACTIONS.items():
        if part.endswith(suffix) and len(part) > len(suffix):
            return (*_word_units(part[: -len(suffix)]), *expansion)
    if part.endswith("'s") and part[:-2] in _IS_HOSTS:
        return (part[:-2], "is")
    stem = _NON_WORD.sub("", part)
    if not stem:
        return ()
    return (_TITLES.get(stem, stem),)


_CLOCK = re.compile(r"^(?P<h>1[0-2]|0?[1-9])(?:[.:](?P<m>[0-5]\d))?(?P<ap>[ap]\.?m)\.?$")
"""A time of day written as one token: "7pm", "7.30pm", "10:15a.m."."""
_CLOCK_MINUTES = re.compile(r"^(?P<m>[0-5]\d)(?P<ap>[ap]\.?m)\.?$")
"""The minutes of "7:30pm" (the colon parts the tokens): "thirty pm"."""
_CLOCK_NUMBER = re.compile(r"^(?P<h>1[0-2]|0?[1-9])[.:](?P<m>[0-5]\d)$")
"""A time of day before "am" or "pm" ("7.30 pm"), otherwise a decimal."""


def _clock_units(hour: str | None, minutes: str | None) -> tuple[str, ...]:
    """A time of day as said: "7.30" is "seven thirty", "7.05" "seven oh five", "7.00" "seven"."""
    said = _spoken_number(str(int(hour)), "") if hour else []
    if minutes and minutes != "00":
        said += (
            ["oh", _DIGITS[int(minutes[1])]] if minutes[0] == "0" else _spoken_number(minutes, "")
        )
    return tuple(said)


def _number(text: str) -> re.Match[str] | None:
    """``text`` (folded, lower case) read as a number, if it is one."""
    m = _NUMBER.match(text)
    if m and (m.group("cur") or (m.group("mag") or "") in _UNMISTAKEN):
        return m
    return None


def _number_units(m: re.Match[str]) -> tuple[str, ...]:
    digits = m.group("num").replace(",", "")
    suffix = (m.group("suf") or "").strip().lower()
    whole = digits.split(".")[0]
    if len(whole) > MAX_NUMBER_DIGITS or (len(whole) > 1 and whole.startswith("0")):
        spoken = [_DIGITS[int(c)] if c.isdigit() else "point" for c in digits]
    else:
        spoken = _spoken_number(digits, suffix)
    magnitude = (m.group("mag") or "").lower()
    if magnitude:
        spoken.append(_MAGNITUDES[magnitude])
    if suffix == "%":
        spoken.append("percent")
    cur = m.group("cur")
    if cur:
        spoken.append(_CURRENCY[cur])
    return tuple(spoken)


def _spoken_number(digits: str, suffix: str) -> list[str]:
    is_year = "," not in digits and len(digits) == 4 and "." not in digits
    value: float | int = float(digits) if "." in digits else int(digits)
    if suffix in ("st", "nd", "rd", "th") and isinstance(value, int):
        text = num2words(value, to="ordinal")
    elif is_year and 1100 <= int(digits) <= 2099 and suffix in ("", "s", "'s"):
        text = num2words(int(digits), to="year")
    else:
        text = num2words(value)
    words = re.sub(r"[,\-]", " ", text).replace(" and ", " ").split()
    words = ["zero" if w == "oh" else w for w in words]
    if suffix in ("s", "'s") and words:
        last = words[-1]
        words[-1] = last[:-1] + "ies" if last.endswith("y") else last + "s"
    return words


_LETTERS = str.maketrans(
    dict(zip("øØłŁđĐðÐıħĦŀĿ", "oOlLdDdDihHlL"))
    | {"æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ß": "ss", "þ": "th", "Þ": "Th"}
)
"""Letters no decomposition takes an accent off, written as English writes them."""


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Strip accents and compatibility forms (``Türkiye`` → ``Turkiye``, ``ﬁ`` → ``fi``),
    and spell letters of their own as English does (``Tromsø`` → ``Tromso``, ``Łódź`` →
    ``Lodz``, ``Straße`` → ``Strasse``): a recogniser writes them so, and the press too."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_LETTERS)


def spoken_units(words: Sequence[str]) -> list[tuple[str, ...]]:
    """The units of each of ``words`` in a row, as they are said: an amount's currency
    comes after the magnitude word that follows it ("£1.5 million" is said "one point
    five million pounds"; on its own, "£1.5" gives "one point five pounds").

    >>> spoken_units(["£1.5", "million", "for"])
    [('one', 'point', 'five'), ('million', 'pounds'), ('for',)]

    A day of the month is said as an ordinal ("3 March": "the third of March"), and a
    time before "am" or "pm" as a time ("7.30 pm": "seven thirty pm").
    """
    parts = [units(w) for w in words]
    for k in range(len(parts) - 1):
        clock = _CLOCK_NUMBER.match(words[k]) if parts[k + 1] in (("am",), ("pm",)) else None
        if clock:
            parts[k] = _clock_units(clock.group("h"), clock.group("m"))  # "7.30 pm"
    for k, w in enumerate(words):
        if (
            w.isascii()
            and w.isdigit()
            and 1 <= int(w) <= 31
            and w[0] != "0"
            and _beside_month(parts, k)
        ):
            parts[k] = tuple(_spoken_number(w, "th"))  # "3 March": "the third of March"
    for k in range(len(parts) - 1):
        if (
            words[k][:1] in _CURRENCY
            and parts[k][-1:] == (_CURRENCY[words[k][0]],)
            and len(parts[k + 1]) == 1
            and parts[k + 1][0] in _SPOKEN_MAGNITUDES
        ):
            parts[k + 1] = (*parts[k + 1], parts[k][-1])
            parts[k] = parts[k][:-1]
    return parts


MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)


def _beside_month(parts: Sequence[tuple[str, ...]], k: int) -> bool:
    """Whether word ``k`` stands right before or after a month's name ("3 March", "March 3")."""
    return any(
        0 <= j < len(parts) and parts[j][:1] and parts[j][0] in MONTHS for j in (k - 1, k + 1)
    )


def text_units(text: str) -> list[str]:
    """All units of a text, in order: what a quote or passage is matched by.

    (An initialism's final dot, which :func:`tokenize` keeps, changes no unit,
    so the plain regex matches serve here.)
    """
    return list(chain.from_iterable(spoken_units(TOKEN.findall(text))))


@lru_cache(maxsize=200_000)
def phonetic(unit: str) -> str:
    """A sound-alike key for a unit (Metaphone), so "Witko" meets "Witkoff" in an index."""
    import jellyfish

    return str(jellyfish.metaphone(unit)) if unit.isalpha() else unit


@lru_cache(maxsize=200_000)
def zipf(unit: str) -> float:
    """How common a word is in English (wordfreq's Zipf scale: 0 unknown … 7.7 "the").

    Units are already lowercase single words, so wordfreq's table is read
    directly: the same numbers as ``zipf_frequency``, without its tokenizer,
    which cost more than everything else done per distinct word.
    """
    centibels = _centibels().get(unit)
    return round(9 - centibels / 100, 2) if centibels is not None else 0.0


@lru_cache(maxsize=1)
def _centibels() -> dict[str, int]:
    """Word -> how rare it is in centibels below certainty (wordfreq's "large" English list).

    The list file is decoded here rather than through ``wordfreq``, whose import
    (language tags, text fixing) and float table cost a third of a second per run.
    The format is wordfreq's documented cBpack: a header, then one bucket per
    centibel; anything unexpected falls back to wordfreq's own reader.
    """
    import gzip

    import msgpack

    try:
        with gzip.open(_wordfreq_list("large_en"), "rb") as handle:
            # Tuples, not lists: a third less time to decode the 320,000 words.
            data = msgpack.load(handle, raw=False, use_list=False)
        header = data[0] if isinstance(data[0], dict) else {}
        if (header.get("format"), header.get("version")) != ("cB", 1):
            raise ValueError(f"unexpected wordfreq header {header!r}")
        buckets = data[1:]
    except (OSError, EOFError, ValueError, IndexError):
        from wordfreq import get_frequency_list

        buckets = get_frequency_list("en", "large")
    # One comprehension: half the time of a dict per bucket merged into the whole.
    return {word: index for index, bucket in enumerate(buckets) for word in bucket}


def load_word_list() -> None:
    """Read the word-frequency list now (a third of a second): processes forked
    afterwards share this copy instead of each reading its own."""
    _centibels()


def _wordfreq_list(name: str) -> Path:
    """Where wordfreq keeps a list file, found without importing wordfreq."""
    import importlib.util

    spec = importlib.util.find_spec("wordfreq")
    roots = list(spec.submodule_search_locations or []) if spec is not None else []
    if not roots:
        raise FileNotFoundError("wordfreq is not installed")
    return Path(roots[0], "data", f"{name}.msgpack.gz")
