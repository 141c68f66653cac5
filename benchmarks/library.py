"""Running transcript-align the way a user does: read the files, align, make the JSON report.

Only the public API (``read_transcript``, ``read_references``, ``align``) and
the JSON report (``transcript_align.report.to_dict``) are used, so the
benchmarks keep working while the library's insides change.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import transcript_align as ta
from transcript_align.report import to_dict

_QUOTE = re.compile(r"[\"“]([^\"“”\n]+)[\"”]")
CRASH = "benchmark: the library raised "
"""Reason given to a quote whose check raised inside the library (see :func:`tolerant`)."""


@dataclass(frozen=True)
class Inputs:
    transcript: ta.Transcript
    references: list[ta.Reference]
    fallback_quotes: bool


def read_inputs(transcript: Path, articles: Sequence[Path]) -> Inputs:
    """Read the transcript and the articles (quotes extracted by the library)."""
    # As the command line reads them: the transcript while helpers read the articles.
    read: list[ta.Transcript] = []
    refs = ta.read_references(
        [str(a) for a in articles],
        meanwhile=lambda: read.append(ta.read_transcript(str(transcript))),
    )
    t = read[0]
    fallback = False
    if not any(r.quotes for r in refs) and any(_QUOTE.search(r.text) for r in refs):
        # The library's reader found no quote at all where there are some: an
        # older library without quote extraction. Extract them here so the rest
        # of the pipeline can still be measured; results say so.
        refs = [replace(r, quotes=simple_quotes(r.text)) for r in refs]
        fallback = True
    return Inputs(t, refs, fallback)


def simple_quotes(text: str) -> tuple[ta.Quote, ...]:
    """Text between straight or curly double quotes, one paragraph at a time."""
    out = []
    for m in _QUOTE.finditer(text):
        a, b = m.span(1)
        inner = text[a:b].rstrip(",")
        out.append(ta.Quote(inner, m.start(), m.end(), ((a, a + len(inner)),)))
    return tuple(out)


def run(inputs: Inputs, options: ta.Options | None = None) -> dict[str, Any]:
    """Align and return the JSON report as plain data."""
    with tolerant():
        report = ta.align(inputs.transcript, inputs.references, options)
    return to_dict(report)


@contextmanager
def tolerant() -> Iterator[None]:
    """Let one quote that makes the library raise cost only that quote.

    The pipeline checks quotes one at a time (``pipeline.check_quote``); while
    this is active, a check that raises gives a ``not_found`` verdict whose
    reason starts with :data:`CRASH`, and scoring counts it as an error, not
    as a verdict. Nothing is changed when the library has no such function.
    """
    try:
        from transcript_align import pipeline
    except ImportError:
        yield
        return
    original = getattr(pipeline, "check_quote", None)
    if original is None:
        yield
        return

    def guarded(quote: ta.Quote, reference: str, *args: Any, **kwargs: Any) -> ta.QuoteCheck:
        try:
            return original(quote, reference, *args, **kwargs)  # type: ignore[no-any-return]
        except Exception as exc:
            return ta.QuoteCheck(
                reference, quote, "not_found", reason=f"{CRASH}{type(exc).__name__}: {exc}"
            )

    pipeline.check_quote = guarded  # type: ignore[attr-defined]
    try:
        yield
    finally:
        pipeline.check_quote = original  # type: ignore[attr-defined]


def align_isolating_failures(
    inputs: Inputs, options: ta.Options | None = None
) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """Like :func:`run`; when the library raises, find the articles that make it raise.

    Returns the report over the other articles and ``(article, error)`` for
    each one left out, so one crash does not hide every other number.
    """
    try:
        return run(inputs, options), []
    except Exception:  # a library bug: narrow it down below
        pass
    failing: list[tuple[str, str]] = []
    kept: list[ta.Reference] = []
    for ref in inputs.references:
        try:
            ta.align(inputs.transcript, [*kept, ref], options)
            kept.append(ref)
        except Exception as exc:
            failing.append((ref.path, f"{type(exc).__name__}: {exc}"))
    report = run(Inputs(inputs.transcript, kept, inputs.fallback_quotes), options)
    return report, failing


def supports_format(name: str) -> bool:
    """Whether the installed library reads transcript format ``name``."""
    from transcript_align.formats import reader_names

    return name in reader_names()
