"""Report -> the ``transcript-align/report@2`` JSON document, and helpers every view shares.

The JSON layout is a contract (see ``schema/report.schema.json``, shipped with
the package): times are seconds rounded to the millisecond, ``null`` when the
transcript has no times; text fields are the text as it appears in the
sources. Fields may be added within ``@2``; none may be renamed or removed.
``@2`` added each quote's ``changes`` and ``confidence``; every ``@1`` field
keeps its meaning.

The terminal (:mod:`.render`) and HTML (:mod:`.html`) views take their
grouping, counting and text clean-up from here so the three agree.
"""

from __future__ import annotations

import json
import math
import posixpath
import re
from collections.abc import Callable, Iterable, Iterator
from importlib.resources import files
from typing import Any

from .attribution import said_by
from .export import corrected_segments
from .jsontext import Lazy, dumps_indented
from .models import (
    QUOTE_STATUSES,
    READABLE_KINDS,
    Change,
    Correction,
    DiffOp,
    Location,
    QuoteCheck,
    QuoteStatus,
    ReferenceCheck,
    Report,
    Transcript,
)
from .timecode import to_seconds

SCHEMA = "transcript-align/report@2"

# Quote statuses that place the quote in the transcript (the others have no span to show).
FOUND: frozenset[QuoteStatus] = frozenset({"verbatim", "edited", "elided", "misquote"})

# Control characters and bidirectional overrides: harmless in JSON, but in a
# terminal or a page they can move the cursor, recolour text or reorder what
# the reader sees.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def to_dict(report: Report) -> dict[str, Any]:
    """The JSON report as plain data (seconds, text as in the sources)."""
    return _document(report, _at_once)


def to_json(report: Report) -> str:
    """The JSON report as text: fixed key order, UTF-8, two-space indent, a final newline.

    The same report always gives the same bytes. A NaN or infinite score is
    a bug upstream and raises ``ValueError`` rather than writing invalid JSON.
    The text is :func:`to_dict`'s, each quote, segment, reference and
    correction made as it is written: the whole tree at once was tens of MB
    of a long hearing's peak.
    """
    return dumps_indented(_document(report, Lazy)) + "\n"


def _document(
    report: Report, items: Callable[[Callable[[], Iterator[Any]]], Any]
) -> dict[str, Any]:
    """The report's data, its long lists made by ``items`` from a function that gives
    their items anew (:func:`_at_once`, or :class:`Lazy`: as they are written)."""
    t = report.transcript
    segments = corrected_segments(t, report.corrections)
    return {
        "schema": SCHEMA,
        "transcript": {
            "path": t.path,
            "format": t.format,
            "words": len(t.tokens),
            "duration": to_seconds(t.duration),
            "notes": list(t.notes),
            "video_url": t.video_url,
        },
        "references": items(lambda: map(_reference, report.references)),
        "corrections": items(lambda: map(_correction, report.corrections)),
        "quotes": items(lambda: (_quote(q, report.spoken) for q in report.quotes)),
        "segments": items(
            lambda: (
                {
                    "start": to_seconds(orig.start),
                    "end": to_seconds(orig.end),
                    "original": orig.text,
                    "corrected": new.text,
                }
                for orig, new in zip(t.segments, segments)
            )
        ),
    }


def _at_once(make: Callable[[], Iterator[Any]]) -> list[Any]:
    return list(make())


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every :func:`to_dict` result satisfies."""
    text = files("transcript_align").joinpath("schema/report.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def diff_item(op: DiffOp) -> list[str]:
    """One diff step as the report writes it: ``["replace", written, said]`` and so on."""
    if op.tag == "equal":
        return ["equal", op.written]
    if op.tag == "replace":
        return ["replace", op.written, op.said]
    if op.tag == "delete":
        return ["delete", op.written]
    return ["insert", op.said]


def _reference(c: ReferenceCheck) -> dict[str, Any]:
    return {
        "path": c.reference.path,
        "title": c.reference.title,
        "status": c.status,
        "score": _number(c.score),
        "quotes": len(c.reference.quotes),
        "reason": c.reason,
        "paragraphs": list(c.paragraphs),
        "partial": c.partial,
    }


def _correction(c: Correction) -> dict[str, Any]:
    return {
        "start": to_seconds(c.start),
        "end": to_seconds(c.end),
        "original": c.original,
        "corrected": c.corrected,
        "kind": c.kind,
        "confidence": _number(c.confidence),
        "applied": c.applied,
        "evidence": [{"reference": e.reference, "text": e.text} for e in c.evidence],
    }


def said_at(q: QuoteCheck) -> Location | None:
    """Where a quote was said: a quote not found has no place in the video, whatever
    candidate the search looked at last."""
    return q.location if q.status != "not_found" else None


def _quote(q: QuoteCheck, transcript: Transcript) -> dict[str, Any]:
    loc = said_at(q)
    return {
        "reference": q.reference,
        "text": q.quote.text,
        "status": q.status,
        "start": to_seconds(loc.start) if loc else None,
        "end": to_seconds(loc.end) if loc else None,
        "similarity": _number(q.similarity),
        "said": q.said,
        "diff": [diff_item(op) for op in q.diff],
        "speaker": q.quote.speaker,
        "said_by": list(said_by(transcript, q)),
        "alternatives": [_place(a) for a in q.alternatives],
        "reason": q.reason,
        "changes": [change_item(c) for c in q.changes],
        "confidence": _number(q.confidence),
    }


def change_item(c: Change) -> dict[str, Any]:
    """One change as the report writes it: kind, written and said words, said times."""
    return {
        "kind": c.kind,
        "written": c.written,
        "said": c.said,
        "start": to_seconds(c.start),
        "end": to_seconds(c.end),
    }


def _place(loc: Location) -> dict[str, Any]:
    return {
        "start": to_seconds(loc.start),
        "end": to_seconds(loc.end),
        "similarity": _number(loc.similarity),
    }


def _number(value: float) -> float:
    """Scores to three decimals; ``-0.0`` and ``1.0000001`` would only be noise in a diff."""
    if not math.isfinite(value):
        raise ValueError(f"score is not a finite number: {value!r}")
    return round(value, 3) + 0.0


# --- shared by the terminal and HTML views -----------------------------------------------


def display_text(text: str, *, one_line: bool = True) -> str:
    """Text from an input made safe to show: no control or bidi-override characters.

    >>> display_text("Mr.\\x1b[31m Witko\\n  said")
    'Mr.�[31m Witko said'
    """
    if one_line:
        text = " ".join(text.split())
    return _UNSAFE.sub("\N{REPLACEMENT CHARACTER}", text)


def short_path(path: str) -> str:
    """The last part of a path, for lists where the full path is shown elsewhere.

    >>> short_path("examples/nato/articles/aa.txt"), short_path("-")
    ('aa.txt', '-')
    """
    name = posixpath.basename(path.replace("\\", "/").rstrip("/"))
    return name or path


def reference_names(paths: Iterable[str]) -> dict[str, str]:
    """A short name for each path: its file name, with as many parent folders as it takes
    to tell it apart from the others.

    >>> reference_names(["a/x/n.txt", "b/y/n.txt", "a/m.txt"])
    {'a/x/n.txt': 'x/n.txt', 'b/y/n.txt': 'y/n.txt', 'a/m.txt': 'm.txt'}
    """
    unique = list(dict.fromkeys(paths))
    parts = {p: [x for x in p.replace("\\", "/").split("/") if x] or [p] for p in unique}
    depth = dict.fromkeys(unique, 1)
    while True:
        names = {p: "/".join(parts[p][-depth[p] :]) for p in unique}
        seen: dict[str, list[str]] = {}
        for p, name in names.items():
            seen.setdefault(name, []).append(p)
        clashes = [p for group in seen.values() if len(group) > 1 for p in group]
        grow = [p for p in clashes if depth[p] < len(parts[p])]
        if not grow:
            return names
        for p in grow:
            depth[p] += 1


def common_folder(paths: Iterable[str]) -> str:
    """The folder all ``paths`` share (``""`` when none), for a heading above short names.

    >>> common_folder(["ex/articles/a.txt", "ex/articles/b.txt"]), common_folder(["a.txt"])
    ('ex/articles', '')
    """
    folders = {posixpath.dirname(p.replace("\\", "/")) for p in paths}
    return folders.pop() if len(folders) == 1 else ""


def status_label(status: str) -> str:
    """``not_found`` -> ``not found``: statuses as people read them."""
    return status.replace("_", " ")


def change_line(c: Change) -> str:
    """One change as people read it: ``changed number 'five' for 'four'``, made safe to show.

    >>> change_line(Change("misheard", "Katrin's", "catherine's"))
    "misheard 'Katrin's' as 'catherine's'"
    """
    label = status_label(c.kind)
    written, said = display_text(c.written), display_text(c.said)
    if c.kind == "misheard" and not said:
        return f"not heard '{written}'"
    if c.kind == "misheard":
        words = f"'{written}' as '{said}'" if written else f"'{said}'"
    elif written and said:
        words = f"'{written}' for '{said}'"
    elif c.kind in ("changed_word", "changed_number") and said:
        return f"{label}: '{said}' said, not written"  # "not" left out
    else:
        words = f"'{written or said}'"
    return f"{label} {words}"


def status_counts(quotes: Iterable[QuoteCheck]) -> dict[QuoteStatus, int]:
    """How many quotes have each status, in the fixed status order, zeros left out."""
    counts = {s: 0 for s in QUOTE_STATUSES}
    for q in quotes:
        counts[q.status] += 1
    return {s: n for s, n in counts.items() if n}


def quotes_by_reference(
    report: Report,
) -> list[tuple[ReferenceCheck | None, list[tuple[int, QuoteCheck]]]]:
    """Quotes with their position in ``report.quotes``, grouped by reference in report order.

    Quotes whose reference is not among the report's references (which the
    engine should never produce) come last, under ``None``, so nothing is
    silently dropped from a view.
    """
    groups: dict[str, list[tuple[int, QuoteCheck]]] = {
        c.reference.path: [] for c in report.references
    }
    stray: list[tuple[int, QuoteCheck]] = []
    for i, q in enumerate(report.quotes):
        if q.reference in groups:
            groups[q.reference].append((i, q))
        else:
            stray.append((i, q))
    out: list[tuple[ReferenceCheck | None, list[tuple[int, QuoteCheck]]]] = [
        (c, groups[c.reference.path]) for c in report.references
    ]
    if stray:
        out.append((None, stray))
    return out


def sorted_corrections(report: Report) -> list[tuple[int, Correction]]:
    """Corrections with their position in ``report.corrections``, in transcript order."""
    return sorted(enumerate(report.corrections), key=lambda ic: (ic[1].first, ic[1].last, ic[0]))


def tidy_counts(corrections: Iterable[Correction]) -> dict[str, tuple[int, int]]:
    """Applied and suggested corrections of each kind the reports count rather than list.

    Casing, punctuation and disfluencies come by the hundred in a readable
    transcript; one line each says more than a list.
    """
    counts: dict[str, list[int]] = {}
    for c in corrections:
        if c.kind in READABLE_KINDS:
            row = counts.setdefault(c.kind, [0, 0])
            row[0 if c.applied else 1] += 1
    return {k: (counts[k][0], counts[k][1]) for k in READABLE_KINDS if k in counts}
