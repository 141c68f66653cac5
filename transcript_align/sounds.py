"""Sound tags in caption text: "[Music]", "(APPLAUSE)", "[inaudible]", "♪ … ♪".

Captions mark what was heard besides speech, and what could not be made out, in
brackets. Such a tag is kept in its cue's text (every export writes it back) but
never read as words said: "[inaudible]" inside a quoted passage is no word the
writer left out, and no name to repair.
"""

from __future__ import annotations

import re

_TAG = re.compile(r"\[[^\[\]\n]{0,80}\]|\([^()\n]{1,40}\)|♪[^♪\n]*(?:♪|$)")
_SOUNDS = frozenset(
    """
    applause background beep beeping bell bleep breathing chatter cheering cheers
    chuckles chuckling clapping coughing coughs crosstalk crying gasps gavel groans
    inaudible indistinct interposing laughing laughs laughter murmuring music
    noise overlapping pause sighs silence sniffles static unintelligible whistling
    """.split()
)
"""Words that make a parenthesised aside a sound tag; square brackets are one always."""
_ASIDE_WORDS = 4


def sound_tags(text: str) -> list[tuple[int, int]]:
    """Character spans ``[start, end)`` of the sound tags in ``text``.

    >>> t = "[Music] we won (LAUGHTER) and (in fact) it was (laughs) fun ♪ la la ♪"
    >>> [t[a:b] for a, b in sound_tags(t)]
    ['[Music]', '(LAUGHTER)', '(laughs)', '♪ la la ♪']
    """
    out: list[tuple[int, int]] = []
    for m in _TAG.finditer(text):
        tag = m.group()
        if tag.startswith("("):
            words = re.findall(r"[^\W\d_]+", tag)
            if not words or len(words) > _ASIDE_WORDS:
                continue
            if not (all(w.isupper() for w in words) or _SOUNDS.intersection(map(str.lower, words))):
                continue  # "(in fact)": words said, in an aside
        out.append(m.span())
    return out
