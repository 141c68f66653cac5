"""transcript-align: align a noisy transcript with written reports of the same event."""

from __future__ import annotations

__version__ = "0.1.0"

from .build import IN_USE as BUILD  # first: it decides which build the other imports load
from .errors import AlignError, FormatError, InputError, OutputError, UnreadableError
from .formats import parse_transcript, read_transcript
from .models import (
    Correction,
    DiffOp,
    Evidence,
    Location,
    Options,
    Quote,
    QuoteCheck,
    Reference,
    ReferenceCheck,
    Report,
    Segment,
    Token,
    Transcript,
    Word,
)
from .pipeline import align
from .references import read_reference, read_references

__all__ = [
    "BUILD",
    "AlignError",
    "Correction",
    "DiffOp",
    "Evidence",
    "FormatError",
    "InputError",
    "Location",
    "Options",
    "OutputError",
    "Quote",
    "QuoteCheck",
    "Reference",
    "ReferenceCheck",
    "Report",
    "Segment",
    "Token",
    "Transcript",
    "UnreadableError",
    "Word",
    "__version__",
    "align",
    "parse_transcript",
    "read_reference",
    "read_references",
    "read_transcript",
]
