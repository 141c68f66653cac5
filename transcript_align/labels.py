"""Speaker labels written into caption text: "CHAIR: thank you", ">> DR LOWE: we…".

Human and broadcast captions name who speaks at the start of a cue, in capitals,
before a colon. Such a label is the speaker of its cue, not words said: it is
kept in the cue's text (so that every export writes it back) but never read as
speech.
"""

from __future__ import annotations

import re

_LABEL = re.compile(
    r"(?:>>\s*|-\s+)?(?P<label>[A-Z][A-Z0-9'’.\-]*(?: [A-Z][A-Z0-9'’.\-]*){0,3}):(?:\s+|$)"
)


def label_at_start(text: str) -> tuple[str, int] | None:
    """The speaker label opening ``text`` and where the speech after it starts.

    >>> label_at_start("COUNCILLOR MARSH: thank you chair")
    ('COUNCILLOR MARSH', 18)
    >>> label_at_start(">> CHAIR: order please")
    ('CHAIR', 10)
    >>> label_at_start("NATO: the talks go on"), label_at_start("Ukraine: the talks go on")
    (('NATO', 6), None)
    """
    found = _LABEL.match(text)
    if found is None or sum(ch.isalpha() for ch in found.group("label")) < 2:
        return None
    return found.group("label"), found.end()


def label_end(text: str, speaker: str | None) -> int:
    """Where the speech of a cue starts: after its label when the label names ``speaker``
    (0 when the cue opens with no label of that speaker)."""
    if not speaker:
        return 0
    found = label_at_start(text)
    return found[1] if found is not None and found[0] == speaker else 0
