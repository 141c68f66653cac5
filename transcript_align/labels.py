"""Speaker labels written into caption text: "CHAIR: thank you", ">> DR LOWE: we…",
"Host: welcome back".

Human and broadcast captions name who speaks at the start of a cue, in capitals,
before a colon; podcast and interview transcripts name them in title case
("Ann Lee:", "Speaker 2:"). Such a label is the speaker of its cue, not words
said: it is kept in the cue's text (so that every export writes it back) but
never read as speech.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

_LABEL = re.compile(
    r"(?:>>\s*|-\s+)?(?P<label>[A-Z][A-Z0-9'’.\-]*(?: [A-Z][A-Z0-9'’.\-]*){0,3}):(?:\s+|$)"
)
_TITLED = re.compile(
    r"(?:>>\s*|-\s+)?(?P<label>[A-Z][\w'’.\-]*(?: [A-Z0-9][\w'’.\-]*){0,2}):(?:\s+|$)"
)
TITLED_SHARE = 0.5
"""Share of cues a title-case label must open for the file to be labelled that way: one
"Ukraine: the talks go on" among captions is speech."""


def labels_of(texts: Sequence[str]) -> list[tuple[str, int] | None]:
    """Each cue's speaker label and where its speech starts (see :func:`label_at_start`).

    Labels in capitals count where at least two cues have one; labels in title
    case where they open at least half the cues and one of them comes back.

    >>> labels_of(["Host: hi there", "Ann Lee: hello", "Host: so"])
    [('Host', 6), ('Ann Lee', 9), ('Host', 6)]
    >>> labels_of(["Ukraine: the talks go on", "and the ministers meet"])
    [None, None]
    """
    found = [label_at_start(t) for t in texts]
    if sum(f is not None for f in found) >= 2:
        return found
    titled = [_match(_TITLED, t) for t in texts]
    counts = Counter(f[0] for f in titled if f is not None)
    labelled = sum(counts.values())
    if texts and labelled >= TITLED_SHARE * len(texts) and max(counts.values(), default=0) >= 2:
        return titled
    return [None] * len(texts)


def _match(pattern: re.Pattern[str], text: str) -> tuple[str, int] | None:
    found = pattern.match(text)
    if found is None or sum(ch.isalpha() for ch in found.group("label")) < 2:
        return None
    return found.group("label"), found.end()


def label_at_start(text: str) -> tuple[str, int] | None:
    """The speaker label opening ``text`` and where the speech after it starts.

    >>> label_at_start("COUNCILLOR MARSH: thank you chair")
    ('COUNCILLOR MARSH', 18)
    >>> label_at_start(">> CHAIR: order please")
    ('CHAIR', 10)
    >>> label_at_start("NATO: the talks go on"), label_at_start("Ukraine: the talks go on")
    (('NATO', 6), None)
    """
    return _match(_LABEL, text)


def label_end(text: str, speaker: str | None) -> int:
    """Where the speech of a cue starts: after its label when the label names ``speaker``
    (0 when the cue opens with no label of that speaker)."""
    if not speaker:
        return 0
    found = label_at_start(text) or _match(_TITLED, text)
    return found[1] if found is not None and found[0] == speaker else 0
