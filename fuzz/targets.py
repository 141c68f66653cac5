"""Fuzz targets: each takes raw bytes and drives one entry point of the library.

The contract every target checks: an input either parses or raises a
subclass of :class:`transcript_align.errors.AlignError` (which the CLI turns
into a one-line message and exit status 3). Any other exception, a failed
invariant (``AssertionError``), a hang or a memory blow-up is a crash.

The targets are plain functions with no fuzzing engine imported, so the test
suite can run them on their seeds and a crasher can be replayed with
``python -m fuzz --repro TARGET FILE``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from transcript_align.errors import AlignError
from transcript_align.formats import (
    READERS,
    WRITERS,
    parse_transcript,
    reader_names,
    write_segments,
)
from transcript_align.models import Transcript
from transcript_align.quotes import extract_quotes
from transcript_align.references import ReferenceKind, parse_reference
from transcript_align.textio import decode
from transcript_align.timecode import MAX_MS

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
PATH = "fuzz-input"


@dataclass(frozen=True)
class Target:
    """A fuzz target: the function under test and where its seed inputs are."""

    name: str
    run: Callable[[bytes], None]
    seeds: tuple[str, ...]
    """Glob patterns relative to the repository root."""

    def seed_files(self) -> list[Path]:
        files = {p for pattern in self.seeds for p in ROOT.glob(pattern) if p.is_file()}
        return sorted(p for p in files if not p.name.endswith(".expected.json"))


def _text(data: bytes) -> str | None:
    """The input decoded as the CLI decodes files; ``None`` when it is refused (a fine outcome)."""
    try:
        return decode(data, PATH).text
    except AlignError:
        return None


def _check_transcript(t: Transcript) -> None:
    """Invariants of every transcript a reader returns."""
    assert t.tokens, "a transcript without tokens must be a FormatError"
    last = 0
    for tok in t.tokens:
        assert 0 <= tok.segment < len(t.segments)
        seg = t.segments[tok.segment]
        assert seg.index == tok.segment
        assert seg.text[tok.offset : tok.offset + len(tok.text)] == tok.text
        if tok.start is not None:
            assert tok.end is not None and 0 <= tok.start <= tok.end <= MAX_MS
            assert tok.start >= last, "token times must not run backwards"
            last = tok.start
    for seg in t.segments:
        # Every output is UTF-8: text that cannot be encoded (a lone surrogate) breaks them all.
        seg.text.encode("utf-8")
        (seg.speaker or "").encode("utf-8")
        for w in seg.words:
            w.text.encode("utf-8")
        # Readers repair a cue ending before it starts; the tool's own export is read as written.
        if seg.start is not None and seg.end is not None and t.format != "transcript-json":
            assert seg.start <= seg.end, "a segment must not end before it starts"
        if seg.start is not None:
            assert 0 <= seg.start <= MAX_MS
        if seg.end is not None:
            assert 0 <= seg.end <= MAX_MS


def _read(data: bytes, format: str | None = None, strict: bool = False) -> Transcript | None:
    """The transcript read from ``data``; ``None`` when it is refused (a fine outcome)."""
    text = _text(data)
    if text is None:
        return None
    try:
        return parse_transcript(text, PATH, format=format, strict=strict)
    except AlignError:
        return None


def _reader(format: str | None) -> Callable[[bytes], None]:
    def run(data: bytes) -> None:
        t = _read(data, format)
        if t is not None:
            _check_transcript(t)

    run.__name__ = f"read_{format or 'auto'}"
    return run


def run_strict(data: bytes) -> None:
    """Strict reading refuses what lenient reading repairs, and otherwise reads the same."""
    strict = _read(data, strict=True)
    if strict is not None:
        _check_transcript(strict)
        assert strict == _read(data), "strict and lenient reads differ"


def _reference(kind: ReferenceKind) -> Callable[[bytes], None]:
    def run(data: bytes) -> None:
        text = _text(data)
        if text is None:
            return
        try:
            ref = parse_reference(text, PATH, kind=kind)
        except AlignError:
            return
        assert ref.text.strip(), "a reference without text must be a FormatError"
        (ref.title + ref.text).encode("utf-8")
        _check_quotes(ref.text, ref.quotes)

    run.__name__ = f"reference_{kind}"
    return run


def _check_quotes(text: str, quotes: tuple[object, ...]) -> None:
    from transcript_align.models import Quote

    for q in quotes:
        assert isinstance(q, Quote)
        assert 0 <= q.start <= q.end <= len(text)
        assert q.parts
        for a, b in q.parts:
            assert q.start <= a <= b <= q.end
        assert q.text == " ".join(text[a:b] for a, b in q.parts)


def run_quotes(data: bytes) -> None:
    """Quote extraction takes any text: it must never raise."""
    text = data.decode("utf-8", "replace")
    _check_quotes(text, extract_quotes(text))


def run_export(data: bytes) -> None:
    """Read a transcript, write it in every output format and read that back."""
    text = _text(data)
    if text is None:
        return
    try:
        t = parse_transcript(text, PATH)
    except AlignError:
        return
    for writer in WRITERS:
        reader = writer if writer in READERS else None
        try:
            out = write_segments(t.segments, writer, t.format)
        except AlignError:
            continue  # e.g. no times to write as cues
        out.encode("utf-8")
        try:
            back = parse_transcript(out, PATH, format=reader)
        except AlignError:
            continue  # e.g. every cue empty after markup removal
        _check_transcript(back)


_TRANSCRIPT_SEEDS = (
    "tests/data/formats/*",
    "tests/data/events/*/transcript.txt",
    "tests/data/events/*/*.srt",
    "examples/*/transcript.txt",
    "tests/data/bad/transcripts/*",
)
_REFERENCE_SEEDS = (
    "tests/data/references/*",
    "tests/data/events/*/articles/*",
    "examples/*/articles/*",
    "tests/data/bad/references/*",
)


def _all() -> dict[str, Target]:
    targets = [Target("read-auto", _reader(None), _TRANSCRIPT_SEEDS)]
    targets += [Target(f"read-{name}", _reader(name), _TRANSCRIPT_SEEDS) for name in reader_names()]
    targets.append(Target("read-strict", run_strict, _TRANSCRIPT_SEEDS))
    kinds: tuple[ReferenceKind, ...] = ("txt", "md", "html")
    targets += [Target(f"reference-{kind}", _reference(kind), _REFERENCE_SEEDS) for kind in kinds]
    targets.append(Target("quotes", run_quotes, _REFERENCE_SEEDS))
    targets.append(Target("export", run_export, _TRANSCRIPT_SEEDS))
    return {t.name: t for t in targets}


TARGETS: dict[str, Target] = _all()
