"""The terminal report as rich renderables (the only module that draws with rich)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from .models import Report


def report_view(report: Report) -> RenderableType:
    """The whole terminal report for ``report``."""
    t = report.transcript
    lines: list[RenderableType] = [
        Text(f"{t.path}: {t.format}, {len(t.tokens)} words"),
    ]
    for c in report.references:
        lines.append(Text(f"  {c.status:9} {c.reference.path}"))
    return Group(*lines)
