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

from collections import defaultdict
from collections.abc import Sequence

from ..models import Correction, Evidence, Reference, Transcript
from ..normalize import fold, opens_sentence, text_words
from .candidates import snippet
from .words import POSSESSIVE

CONFIDENCE = 0.97
"""The same letters, spelled as the articles spell the name: as sure as a repair gets,
short of the word being another one that folds alike."""


def accented_names(references: Sequence[Reference]) -> dict[str, tuple[str, Evidence]]:
    """Plain lowercase form -> the articles' spelling and where it stands, for each word
    written with letters English lacks, capitalised inside a sentence at least once, and
    never spelled another way (the plain word in lower case aside: "zurich" may be any
    word's).

    >>> sorted(accented_names([Reference("a", "", "Then Ana Sørensen met Ørsted.")]))
    ['orsted', 'sorensen']
    """
    first: dict[str, Evidence] = {}
    # Only a text with a letter beyond ASCII can hold one (most articles are read no further).
    for ref in references:
        text = ref.text
        if text.isascii():
            continue
        words = text_words(text)
        for k, written in enumerate(words.words):
            if written.isascii():
                continue
            word = POSSESSIVE.sub("", written)
            plain = fold(word)
            low = plain.lower()
            if plain == word or not word[:1].isupper() or low in first:
                continue
            if not opens_sentence(text, words, k):
                first[low] = Evidence(ref.path, snippet(text, words.starts[k], words.ends[k]))
    if not first:
        return {}
    # Every spelling of those words, the plain one written as a name too ("Muller" beside
    # "Müller"): either may be right.
    spellings: dict[str, set[str]] = defaultdict(set)
    for ref in references:
        for written in text_words(ref.text).words:
            word = POSSESSIVE.sub("", written)
            low = fold(word).lower()
            if low in first:
                spellings[low].add(word)
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
