"""Whole-pipeline checks on small invented events (tests/data/events/*).

Each event is a transcript in a real format with recogniser-style garbling,
articles that quote it in every way (verbatim, cleaned up, cut, changed,
invented, scare quotes, continued over paragraphs, reordered) and an article
about another occasion with the same people and stock phrases. Nothing in the
engine was tuned to these texts; ``expected.json`` says what a careful editor
would conclude.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from transcript_align import Report, align, read_references, read_transcript

from .conftest import DATA

EVENTS = sorted(p.parent for p in (DATA / "events").glob("*/expected.json"))


def expected(event: Path) -> dict:  # type: ignore[type-arg]
    return json.loads((event / "expected.json").read_text(encoding="utf-8"))


@cache
def run(event: Path) -> Report:
    transcript = read_transcript(str(event / expected(event)["transcript"]))
    return align(transcript, read_references([str(event / "articles")]))


@pytest.mark.parametrize("event", EVENTS, ids=lambda p: p.name)
def test_format_is_detected(event: Path) -> None:
    assert run(event).transcript.format == expected(event)["format"]


@pytest.mark.parametrize("event", EVENTS, ids=lambda p: p.name)
def test_articles_about_other_occasions_are_told_apart(event: Path) -> None:
    got = {Path(c.reference.path).name: c.status for c in run(event).references}
    assert got == expected(event)["references"]


@pytest.mark.parametrize("event", EVENTS, ids=lambda p: p.name)
def test_exactly_the_garbled_names_are_repaired(event: Path) -> None:
    """Every expected repair is applied; nothing else is, except a hard one listed as
    ``may_repair`` (a name split into common words, which precision first may leave)."""
    applied = [(c.original, c.corrected) for c in run(event).corrections if c.applied]
    must = [tuple(r) for r in expected(event)["repairs"]]
    may = [tuple(r) for r in expected(event).get("may_repair", [])]
    assert [a for a in applied if a not in may] == must
    assert all(a in must or a in may for a in applied)


@pytest.mark.parametrize("event", EVENTS, ids=lambda p: p.name)
def test_repairs_come_only_from_aligned_articles(event: Path) -> None:
    report = run(event)
    aligned = {c.reference.path for c in report.references if c.status == "aligned"}
    for c in report.corrections:
        assert c.evidence and all(e.reference in aligned for e in c.evidence)


def _quote_cases() -> list[tuple[Path, str, str, str]]:
    return [(e, *q) for e in EVENTS for q in expected(e)["quotes"]]


@pytest.mark.parametrize(
    ("event", "article", "fragment", "status"),
    _quote_cases(),
    ids=lambda v: v.name if isinstance(v, Path) else str(v)[:30],
)
def test_quote_verdicts(event: Path, article: str, fragment: str, status: str) -> None:
    checks = [
        q
        for q in run(event).quotes
        if fragment in q.quote.text and Path(q.reference).name == article
    ]
    assert len(checks) == 1
    check = checks[0]
    assert check.status == status, check.reason
    if status in ("not_found", "ignored"):
        assert check.location is None
    else:
        assert check.location is not None and check.location.start is not None


@pytest.mark.parametrize("event", EVENTS, ids=lambda p: p.name)
def test_every_quote_is_accounted_for(event: Path) -> None:
    """No quote extracted from an article goes without an expectation (or vice versa)."""
    report = run(event)
    listed = expected(event)["quotes"]
    for q in report.quotes:
        name = Path(q.reference).name
        assert any(a == name and f in q.quote.text for a, f, _ in listed), q.quote.text
    assert len(report.quotes) == len(listed)
