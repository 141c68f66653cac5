"""Report -> one self-contained HTML page."""

from __future__ import annotations

from html import escape

from .models import Report


def to_html(report: Report, *, video_url: str | None = None) -> str:
    """The HTML report as a string (no network resources)."""
    title = escape(report.transcript.path)
    return f"<!doctype html><meta charset=utf-8><title>{title}</title><h1>{title}</h1>\n"
