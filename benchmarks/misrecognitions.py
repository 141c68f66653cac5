"""What real recognisers wrote where the human reference has something else.

Reads the Earnings-21 fitting set (``../shared/bench/earnings21-train``: 21 calls,
each with the human reference and three commercial recognisers, word-aligned) and
cuts it into *blocks*: a run of reference tokens the recogniser got wrong, with
every recogniser word between the correct words on either side (insertions
included, so "Oyelaran" → "oh yellow ran" stays one block). Both the mishearing
model's fitting script and the benchmark generator's real-pair garbles read these
blocks. Never the six test calls of ``../shared/bench/earnings21``.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from transcript_align.normalize import zipf

from . import HERE

TRAIN = HERE.parents[1] / "shared" / "bench" / "earnings21-train"
VENDORS = ("amazon", "google", "speechmatics")
NAME_TYPES = frozenset({"PERSON", "ORG"})
MAX_SAID = 3
MAX_HEARD = 5
_WORD = re.compile(r"[^\w'.&-]+")
FILLERS = frozenset({"uh", "um", "mm", "hmm"})
"""Hesitations in the reference: recognisers leave most out, so they are not part of what
was said."""


@dataclass(frozen=True)
class Block:
    """Reference words said and the recogniser words written in their place."""

    said: str
    heard: str
    name: bool
    """Whether a PERSON or ORG mention's token is among the words said."""
    call: str
    vendor: str
    start: int
    """The first reference token said (its index in ``reference.txt``)."""
    end: int


def calls(folder: Path = TRAIN) -> list[str]:
    """The call ids of the fitting set, sorted."""
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: the Earnings-21 fitting set is not there")
    return sorted(p.name for p in folder.iterdir() if (p / "reference.txt").is_file())


def clean(token: str) -> str:
    """A reference or recogniser token without surrounding punctuation."""
    return _WORD.sub("", token).strip(".-'")


@dataclass(frozen=True)
class Call:
    """One call as one recogniser heard it."""

    ref: list[str]
    """Reference tokens, punctuation attached."""
    asr: list[str]
    rows: list[tuple[str, int | None, int | None]]
    """Per reference token: op (C, S, D, X), first and last recogniser word."""
    names: list[bool]
    """Per reference token: whether it belongs to a PERSON or ORG mention."""


def load(cid: str, vendor: str, folder: Path = TRAIN) -> Call:
    d = folder / cid
    ref = (d / "reference.txt").read_text(encoding="utf-8").split()
    asr = [w["w"] for w in json.loads((d / f"asr-{vendor}.json").read_text(encoding="utf-8"))]
    rows = [tuple(r) for r in json.loads((d / f"alignment-{vendor}.json").read_text("utf-8"))]
    names = [False] * len(ref)
    for e in json.loads((d / "entities.json").read_text(encoding="utf-8")):
        if e["type"] in NAME_TYPES:
            for i in range(e["ref_token_index"], e["ref_token_end"]):
                names[i] = True
    return Call(ref, asr, rows, names)  # type: ignore[arg-type]


def tokens(call: Call) -> Iterator[tuple[str, bool, bool]]:
    """(reference word, part of a name, heard right) for every scored reference token."""
    for tok, (op, _f, _l), name in zip(call.ref, call.rows, call.names):
        word = clean(tok)
        if op != "X" and word and word.lower() not in FILLERS:
            yield word, name, op == "C"


def blocks(cid: str, vendor: str, folder: Path = TRAIN) -> Iterator[Block]:
    """The misrecognised blocks of one call for one recogniser, in reference order."""
    call = load(cid, vendor, folder)
    ref, asr, rows, names = call.ref, call.asr, call.rows, call.names
    k = 0
    prev_last = -1
    while k < len(rows):
        op, _first, last = rows[k]
        if op == "C":
            prev_last = last if last is not None else prev_last
            k += 1
            continue
        start = k
        while k < len(rows) and rows[k][0] != "C":
            k += 1
        nxt = rows[k][1] if k < len(rows) else None
        next_first = len(asr) if nxt is None else nxt
        said = [w for w in map(clean, ref[start:k]) if w and w.lower() not in FILLERS]
        heard = [clean(w) for w in asr[prev_last + 1 : next_first]]
        if any(r[0] == "X" for r in rows[start:k]) or not all(heard):
            continue
        heard = [w for w in heard if w.lower() not in FILLERS]
        if said and 0 < len(heard) <= MAX_HEARD and len(said) <= MAX_SAID:
            name = any(names[start:k])
            yield Block(" ".join(said), " ".join(heard), name, cid, vendor, start, k)


@dataclass(frozen=True)
class RealNames:
    """Name words of the fitting set with what the recognisers wrote for them when wrong
    (lowercase, most frequent first): aggregated from the calls, read at benchmark time."""

    firsts: tuple[tuple[str, tuple[str, ...]], ...]
    surnames: tuple[tuple[str, tuple[str, ...]], ...]
    orgs: tuple[tuple[str, tuple[str, ...]], ...]


def name_roles(folder: Path, cid: str) -> dict[int, str]:
    """Reference token index → ``first``, ``surname`` or ``org`` for name words that are
    not common English (a first name is the first of several PERSON tokens)."""
    roles: dict[int, str] = {}
    for e in json.loads((folder / cid / "entities.json").read_text(encoding="utf-8")):
        first, end = e["ref_token_index"], e["ref_token_end"]
        if e["type"] == "PERSON":
            if end - first >= 2:
                roles[first] = "first"
            roles[end - 1] = "surname"
        elif e["type"] == "ORG":
            roles.update((i, "org") for i in range(first, end))
    return roles


@lru_cache(maxsize=2)
def real_names(folder: Path = TRAIN) -> RealNames:
    """The :class:`RealNames` of every call of the fitting set (all three recognisers)."""
    heard: dict[str, dict[str, Counter[str]]] = {r: defaultdict(Counter) for r in ROLES}
    for cid in calls(folder):
        roles = name_roles(folder, cid)
        for vendor in VENDORS:
            for b in blocks(cid, vendor, folder):
                role = roles.get(b.start)
                word = b.said
                if role and b.end - b.start == 1 and _name_word(word, role):
                    garble = b.heard.lower()
                    if _letters(garble) != word.lower():
                        heard[role][word][garble] += 1

    def table(role: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
        return tuple(
            (word, tuple(g for g, _ in sorted(c.items(), key=lambda gc: (-gc[1], gc[0]))))
            for word, c in sorted(heard[role].items())
        )

    return RealNames(table("first"), table("surname"), table("org"))


ROLES = ("first", "surname", "org")


def _name_word(word: str, role: str) -> bool:
    """A capitalised word that is not common English; a person's names not in capitals
    (an acronym tagged PERSON is a tagging slip)."""
    if role != "org" and not word[1:].islower():
        return False
    return word.isalpha() and word[:1].isupper() and len(word) >= 3 and zipf(word.lower()) < 3.5


def _letters(text: str) -> str:
    return "".join(c for c in text if c.isalpha())
