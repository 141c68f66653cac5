"""What a transcript format provides, and the checklist for adding one.

A format is a module-level class with three static methods:

- ``sniff(text) -> bool``: claim the text only when sure; reject look-alikes.
  Detection fails loudly when several formats claim the same text.
- ``read(text, path) -> Parsed``: segments in source order, times in ms,
  plus notes on anything dropped or repaired. A reader is lenient: what it
  can repair it repairs and notes; a repaired timing line is also listed in
  ``Parsed.repairs``, which strict reading turns into an error.
- ``write(segments, source_format) -> str`` (writers only): the inverse of
  ``read``; ``read(write(x))`` keeps cue text and times.

To add a format: write the class in its own module, add it to ``READERS``
(and ``WRITERS`` if it writes) in ``formats/__init__.py``, add an input and
expected pair under ``tests/data/formats/`` and a round-trip test.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Protocol

from ..models import Segment


@dataclass(frozen=True, slots=True)
class Repair:
    """A malformed timing line a reader repaired, which strict reading refuses instead.

    ``where`` names the cue and line (``cue 2 (line 6)``), ``problem`` what was
    wrong; ``line`` (1-based, 0 when unknown) orders repairs as in the file.
    """

    where: str
    problem: str
    line: int = 0


@dataclass(frozen=True)
class Parsed:
    """What a reader returns: segments plus what it dropped, noticed or repaired."""

    segments: tuple[Segment, ...]
    notes: tuple[str, ...] = ()
    video_url: str | None = None
    repairs: tuple[Repair, ...] = ()


class Reader(Protocol):
    name: ClassVar[str]

    @staticmethod
    def sniff(text: str) -> bool: ...

    @staticmethod
    def read(text: str, path: str) -> Parsed: ...


class Writer(Protocol):
    name: ClassVar[str]

    @staticmethod
    def write(segments: Sequence[Segment], source_format: str) -> str: ...
