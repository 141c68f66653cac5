"""Plain frozen dataclasses that carry data from one stage to the next.

Times are integer milliseconds (``None`` when the transcript has no times);
seconds appear only in the JSON report. Spans over tokens are half-open
``[first, last)`` indices into :attr:`Transcript.tokens`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, get_args

QuoteStatus = Literal["verbatim", "edited", "elided", "misquote", "not_found", "ignored"]
QUOTE_STATUSES: tuple[QuoteStatus, ...] = (
    "verbatim",
    "edited",
    "elided",
    "misquote",
    "not_found",
    "ignored",
)
ReferenceStatus = Literal["aligned", "unrelated"]
CorrectionKind = Literal["name", "word", "number", "disfluency", "casing", "punctuation"]
READABLE_KINDS: tuple[CorrectionKind, ...] = ("casing", "punctuation", "disfluency")
"""Correction kinds that tidy the text rather than repair it: reports count them, not list them."""
DiffTag = Literal["equal", "replace", "delete", "insert"]
ChangeKind = Literal[
    "misheard",
    "filler_dropped",
    "bracketed",
    "function_word",
    "inflection",
    "elision",
    "changed_word",
    "changed_number",
    "added",
    "reordered",
    "cut_at_edge",
]
CHANGE_KINDS: tuple[ChangeKind, ...] = get_args(ChangeKind)


@dataclass(frozen=True, slots=True)
class Word:
    """A word with its own time, for formats that give word timings.

    ``estimated`` is true when the source itself marks the time as an estimate
    (a transcript-align JSON export of interpolated times), so reading the
    export back keeps the flag.
    """

    text: str
    start: int
    end: int
    estimated: bool = False


@dataclass(frozen=True, slots=True)
class Segment:
    """One cue or caption line, as the source gave it.

    ``text`` is the cue text with markup removed; a cue that spans several
    source lines keeps its line breaks so writers can restore them.
    """

    index: int
    text: str
    start: int | None = None
    end: int | None = None
    words: tuple[Word, ...] = ()
    speaker: str | None = None


@dataclass(frozen=True, slots=True)
class Token:
    """A transcript word, where it sits in its segment and when it was said.

    ``units`` are the normalized words used for matching ("28" gives
    ``("twenty", "eight")``, "Secretary-General" gives two units, "—" gives no
    token at all). ``estimated`` is true when the time was interpolated inside
    a cue rather than given by the source.
    """

    text: str
    segment: int
    offset: int
    start: int | None
    end: int | None
    estimated: bool
    units: tuple[str, ...]


@dataclass(frozen=True)
class Transcript:
    """A transcript read from one file: its segments and its word timeline."""

    path: str
    format: str
    segments: tuple[Segment, ...]
    tokens: tuple[Token, ...]
    notes: tuple[str, ...] = ()
    video_url: str | None = None

    @property
    def timed(self) -> bool:
        """Whether the source had any times at all."""
        return any(s.start is not None for s in self.segments)

    @property
    def duration(self) -> int | None:
        """End of the last timed segment, in ms."""
        ends = [s.end for s in self.segments if s.end is not None]
        return max(ends) if ends else None


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote in an article.

    ``text`` is the quoted words as written (marks removed; a quote continued
    over paragraphs is joined with spaces). ``parts`` are the character spans
    in :attr:`Reference.text` that it was taken from.
    """

    text: str
    start: int
    end: int
    parts: tuple[tuple[int, int], ...] = ()
    speaker: str | None = None
    verb: str | None = None
    lead: str = ""
    """The article's own words right before the quote, in its sentence ("said it was")."""


@dataclass(frozen=True)
class Reference:
    """A written report of the event: its body text and its quotes."""

    path: str
    title: str
    text: str
    boilerplate: str = ""
    quotes: tuple[Quote, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a correction came from: a reference and the words around the name there."""

    reference: str
    text: str


@dataclass(frozen=True, slots=True)
class Correction:
    """A proposed repair of transcript tokens ``[first, last)``."""

    first: int
    last: int
    original: str
    corrected: str
    kind: CorrectionKind
    confidence: float
    applied: bool
    start: int | None = None
    end: int | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class DiffOp:
    """One step of a word diff between what was written and what was said."""

    tag: DiffTag
    written: str = ""
    said: str = ""


@dataclass(frozen=True, slots=True)
class Change:
    """One difference between a quote and what was said, and what it most likely is.

    ``written`` is the quote's words as written, ``said`` the transcript's as
    they appear there (either may be empty); ``start``/``end`` are the times of
    the said words, or of the place where written words were not said.
    """

    kind: ChangeKind
    written: str
    said: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Location:
    """A place in the transcript, tokens ``[first, last)``, with its time span."""

    first: int
    last: int
    start: int | None
    end: int | None
    similarity: float


@dataclass(frozen=True)
class QuoteCheck:
    """The verdict on one quote: whether, where and how faithfully it was said."""

    reference: str
    quote: Quote
    status: QuoteStatus
    location: Location | None = None
    said: str = ""
    diff: tuple[DiffOp, ...] = ()
    alternatives: tuple[Location, ...] = ()
    reason: str = ""
    changes: tuple[Change, ...] = ()
    """Every difference between the quote and what was said (found quotes only)."""
    confidence: float = 1.0
    """How likely the verdict is right, 0..1 (see ``benchmarks/results.md`` for how it holds)."""

    @property
    def similarity(self) -> float:
        return self.location.similarity if self.location else 0.0


@dataclass(frozen=True)
class ReferenceCheck:
    """Whether a reference reports this event, with the score behind the decision."""

    reference: Reference
    status: ReferenceStatus
    score: float
    reason: str = ""
    paragraphs: tuple[int, ...] = ()
    """The body's paragraphs (blank-line separated, from 0) that report this event."""
    partial: bool = False
    """Only :attr:`paragraphs` report this event: quotes elsewhere are another event's."""


@dataclass(frozen=True)
class Options:
    """Everything that changes what :func:`transcript_align.align` decides."""

    repair: bool = True
    apply: bool = True
    min_confidence: float = 0.8
    clean: bool = False
    readable: bool = False
    """Casing, punctuation and sentences restored, disfluencies removed (implies ``clean``)."""
    jobs: int | None = None
    """Processes for long inputs (``None``: as many as cores; results never depend on it)."""


@dataclass(frozen=True)
class Report:
    """Everything the tool found: the input, the references' verdicts, repairs and quotes.

    Corrections index tokens of ``transcript`` (the input). Quotes were
    located in ``corrected`` (the transcript with the applied corrections,
    the same as ``transcript`` when none applied), and their locations index
    its tokens: what a reader sees as "said" is the repaired text.
    """

    transcript: Transcript
    references: tuple[ReferenceCheck, ...]
    corrections: tuple[Correction, ...] = ()
    quotes: tuple[QuoteCheck, ...] = ()
    options: Options = field(default_factory=Options)
    corrected: Transcript | None = None

    @property
    def spoken(self) -> Transcript:
        """The transcript quote locations refer to."""
        return self.corrected or self.transcript
