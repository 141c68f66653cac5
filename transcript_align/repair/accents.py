"""Names the articles spell with letters English lacks, written plainly by the recogniser.

A recogniser writes "sorensen" for "Sørensen" and "zurich" for "Zürich": the
same letters once accents are folded (:func:`..normalize.fold`), so no
mishearing is involved and the other steps, which compare folded keys, see
nothing to repair. Where an aligned article writes such a name as a proper
noun (capitalised inside a sentence), with one spelling only, the plain form
in the transcript takes the article's spelling. The reverse never happens: a
transcript that has the accent ("Ørsted") keeps it when an article drops it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from ..models import Correction, Evidence, Reference, Transcript
from ..normalize import fold, text_words
from .candidates import snippet
from .words import POSSESSIVE

CONFIDENCE = 0.97
"""The same letters, spelled as the articles spell the name: as sure as a repair gets,
short of the word being another one that folds alike."""
_OPENER = re.compile(r"[.?!…:\"“«\n]")


def accented_names(references: Sequence[Reference]) -> dict[str, tuple[str, Evidence]]:
    """Plain lowercase form -> the articles' spelling and where it stands, for each word
    written with letters English lacks, capitalised inside a sentence at least once, and
    never spelled another way (the plain word in lower case aside: "zurich" may be any
    word's).

    >>> sorted(accented_names([Reference("a", "", "Then Ana Sørensen met Ørsted.")]))
    ['orsted', 'sorensen']
    """
    spellings: dict[str, set[str]] = defaultdict(set)
    first: dict[str, Evidence] = {}
    for ref in references:
        text = ref.text
        words = text_words(text)
        for k, written in enumerate(words.words):
            word = POSSESSIVE.sub("", written)
            plain = fold(word)
            low = plain.lower()
            spellings[low].add(word)
            if plain == word:
                continue
            mid = k > 0 and not _OPENER.search(text, words.ends[k - 1], words.starts[k])
            if mid and word[:1].isupper() and low not in first:
                near = snippet(text, words.starts[k], words.ends[k])
                first[low] = Evidence(ref.path, near)
    # Written plainly too ("Muller" beside "Müller"): either may be right.
    return {
        low: (next(iter(spellings[low] - {low})), evidence)
        for low, evidence in sorted(first.items())
        if len(spellings[low] - {low}) == 1
    }


def accent_repairs(
    transcript: Transcript,
    references: Sequence[Reference],
    done: Sequence[Correction],
    *,
    min_confidence: float,
    apply: bool,
) -> list[Correction]:
    """The transcript's plain spellings of the articles' accented names, outside the
    ``done`` repairs; the possessive kept ("sorensen's" → "Sørensen's")."""
    names = accented_names(references)
    if not names:
        return []
    taken = bytearray(len(transcript.tokens))
    for c in done:
        taken[c.first : c.last] = b"\x01" * (c.last - c.first)
    out: list[Correction] = []
    for k, token in enumerate(transcript.tokens):
        if taken[k] or not token.text.isascii():
            continue
        bare = POSSESSIVE.sub("", token.text)
        found = names.get(bare.lower())
        if found is None:
            continue
        spelling, evidence = found
        suffix = token.text[len(bare) :]
        out.append(
            Correction(
                k,
                k + 1,
                token.text,
                spelling + suffix,
                "name",
                CONFIDENCE,
                apply and min_confidence <= CONFIDENCE,
                token.start,
                token.end,
                (evidence,),
            )
        )
    return out
