"""Report -> the ``transcript-align/report@1`` JSON document."""

from __future__ import annotations

import json
from typing import Any

from .export import corrected_segments
from .models import Report
from .timecode import to_seconds

SCHEMA = "transcript-align/report@1"


def to_dict(report: Report) -> dict[str, Any]:
    """The JSON report as plain data (seconds, text as in the sources)."""
    t = report.transcript
    segments = corrected_segments(t, report.corrections)
    return {
        "schema": SCHEMA,
        "transcript": {
            "path": t.path,
            "format": t.format,
            "words": len(t.tokens),
            "duration": to_seconds(t.duration),
        },
        "references": [
            {
                "path": c.reference.path,
                "title": c.reference.title,
                "status": c.status,
                "score": round(c.score, 3),
                "quotes": len(c.reference.quotes),
            }
            for c in report.references
        ],
        "corrections": [],
        "quotes": [],
        "segments": [
            {
                "start": to_seconds(orig.start),
                "end": to_seconds(orig.end),
                "original": orig.text,
                "corrected": new.text,
            }
            for orig, new in zip(t.segments, segments)
        ],
    }


def to_json(report: Report) -> str:
    """The JSON report as text: stable key order, UTF-8, a final newline."""
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2) + "\n"
