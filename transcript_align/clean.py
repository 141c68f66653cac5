"""Optional clean-up of the transcript's disfluencies: stutters and fillers.

Off by default: "is is" and "uh" are what was said. With ``--clean`` they go,
each as a ``disfluency`` correction the user can see and undo.
"""

from __future__ import annotations

from .lexicon import FILLERS
from .models import Correction, Transcript


def find_disfluencies(transcript: Transcript) -> tuple[Correction, ...]:
    """Fillers and immediately repeated words, as corrections that remove them.

    A repeated word keeps its last occurrence ("and and I" → "and I"); a filler
    is removed together with the space after it, so no double spaces remain.

    >>> from transcript_align import parse_transcript
    >>> t = parse_transcript("is is it uh done\\n", "t.txt")
    >>> [(c.original, c.corrected) for c in find_disfluencies(t)]
    [('is is', 'is'), ('uh done', 'done')]
    """
    tokens = transcript.tokens
    out: list[Correction] = []
    k = 0
    n = len(tokens)
    while k < n - 1:
        j = k
        # A run of fillers and repeats of one word, ending in the word that stays.
        while (
            j + 1 < n
            and tokens[j + 1].segment == tokens[k].segment
            and (_filler(tokens[j].units) or tokens[j].units == tokens[j + 1].units)
        ):
            j += 1
        if j > k and tokens[k].units:
            text = transcript.segments[tokens[k].segment].text
            original = text[tokens[k].offset : tokens[j].offset + len(tokens[j].text)]
            out.append(
                Correction(
                    k,
                    j + 1,
                    original,
                    tokens[j].text,
                    "disfluency",
                    1.0,
                    True,
                    tokens[k].start,
                    tokens[j].end,
                )
            )
            k = j + 1
        else:
            k += 1
    return tuple(out)


def _filler(units: tuple[str, ...]) -> bool:
    return bool(units) and all(u in FILLERS for u in units)
