"""The terminal report as rich renderables (the only module that draws with rich).

One renderable serves both modes. In colour, a diff is red struck-through
words (written, not said) and green words (said, not written). In plain mode
(not a terminal, ``--no-color``, ``NO_COLOR``) no escape code is written and
the same diff reads ``[-written-]{+said+}``, so it survives a pipe, a log
file or a colour-blind reader. Every line fits the console width (80 columns
when not on a terminal): long quotes wrap with a hanging indent, long paths and
evidence are cut with an ellipsis.

Text from the inputs is only ever appended as plain :class:`~rich.text.Text`,
never parsed as markup, and control characters are replaced first, so an
article cannot restyle or move the cursor of the terminal it is shown in.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment
from rich.text import DEFAULT_JUSTIFY, DEFAULT_OVERFLOW, Text

from .attribution import said_by
from .models import (
    READABLE_KINDS,
    Correction,
    DiffOp,
    Location,
    QuoteCheck,
    ReferenceCheck,
    Report,
    Transcript,
)
from .relate import OTHER_LANGUAGE
from .report import (
    FOUND,
    change_line,
    common_folder,
    display_text,
    quotes_by_reference,
    reference_names,
    said_at,
    short_path,
    sorted_corrections,
    status_counts,
    status_label,
    tidy_counts,
)
from .timecode import format_clock, format_span

INDENT = 4
MAX_INSERT_WORDS = 12
"""Longer runs of said-but-not-written words (an elision) are shortened in the terminal."""

_STATUS_STYLE = {
    "verbatim": "bold white on green",
    "edited": "bold black on cyan",
    "elided": "bold black on yellow",
    "misquote": "bold white on red",
    "not_found": "bold white on magenta",
    "ignored": "bold black on white",
}
_REFERENCE_STYLE = {"aligned": "green", "unrelated": "yellow"}
_WRITTEN = "red strike"
_SAID = "bold green"
_DIM = "dim"
_NEWLINE = Text("\n")
_HEAD = "bold"


def report_view(report: Report) -> RenderableType:
    """The whole terminal report for ``report``; plain or coloured as the console allows."""
    return _ReportView(report)


def to_text(report: Report, *, width: int = 80) -> str:
    """The terminal report as plain text (no escape codes), ``width`` columns wide."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        color_system=None,
        no_color=True,
        force_terminal=False,
        highlight=False,
        emoji=False,
        soft_wrap=False,
        legacy_windows=False,
    )
    console.print(report_view(report))
    return buffer.getvalue()


@dataclass(frozen=True)
class _ReportView:
    report: Report

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        plain = console.no_color or console.color_system is None
        paths = [c.reference.path for c in self.report.references]
        paths += [q.reference for q in self.report.quotes]
        paths += [e.reference for c in self.report.corrections for e in c.evidence]
        names = reference_names(paths)
        writer = _Writer(console, options.max_width, plain, names, self.report.spoken)
        for text in writer.report(self.report):
            yield from _rendered(console, options, text)


def _rendered(console: Console, options: ConsoleOptions, text: Text) -> Iterator[Text | Segment]:
    """``text``, or the segments the console would render it as when it is one line that
    does not wrap (most lines of the report): what ``Text.__rich_console__`` makes of such
    a line (its copy cut to the width, joined, rendered) without the console's generic
    pass over it (wrapping, justifying): a sixth less time for the report."""
    plain = text.plain
    if (
        not text.no_wrap
        or "\n" in plain
        or "\t" in plain
        or (text.justify or options.justify or DEFAULT_JUSTIFY) != DEFAULT_JUSTIFY
    ):
        yield text
        return
    line = text.copy()
    line.truncate(options.max_width, overflow=text.overflow or options.overflow or DEFAULT_OVERFLOW)
    yield from _NEWLINE.join([line]).render(console, end=text.end)


@dataclass(frozen=True)
class _Writer:
    console: Console
    width: int
    plain: bool
    names: dict[str, str]
    transcript: Transcript | None = None

    def name(self, path: str) -> str:
        return display_text(self.names.get(path) or short_path(path))

    def report(self, report: Report) -> Iterator[Text]:
        yield from self.header(report)
        corrections = [c for _, c in sorted_corrections(report)]
        if corrections:
            yield Text()
            yield from self.corrections(corrections)
        for check, indexed in quotes_by_reference(report):
            quotes = [q for _, q in indexed]
            if quotes or (check and check.status == "aligned"):
                yield Text()
                yield from self.quotes(check, quotes)
        yield Text()
        yield from self.summary(report)

    # --- pieces --------------------------------------------------------------------------

    def header(self, report: Report) -> Iterator[Text]:
        t = report.transcript
        facts = [t.format, f"{len(t.tokens)} word{'' if len(t.tokens) == 1 else 's'}"]
        if t.duration is not None:
            facts.insert(1, format_clock(t.duration))
        yield self.line(("Transcript  ", _HEAD), _fit_left(display_text(t.path), self.width - 12))
        yield self.line(" " * 12, " · ".join(facts))
        for note in t.notes:
            yield from self.wrapped(Text.assemble(("note: ", _DIM), display_text(note)), indent=12)
        if t.video_url:
            yield self.line(" " * 12, ("video: ", _DIM), display_text(t.video_url))
        if not report.references:
            return
        yield Text()
        folder = common_folder(c.reference.path for c in report.references)
        heading: list[str | tuple[str, str]] = [("References", _HEAD)]
        if folder:
            heading.append(("  in " + _fit_left(display_text(folder), self.width - 15), _DIM))
        yield self.line(*heading)
        for c in report.references:
            yield from self.reference(c)

    def reference(self, c: ReferenceCheck) -> Iterator[Text]:
        yield self.line(
            "  ",
            (f"{c.status:<10}", _REFERENCE_STYLE[c.status]),
            f" {c.score:4.2f}  ",
            self.name(c.reference.path),
        )
        if c.reference.title:
            yield from self.wrapped(Text(display_text(c.reference.title)), indent=19)
        if c.reason:
            yield from self.wrapped(
                Text.assemble(("why: ", _DIM), display_text(c.reason)), indent=19
            )

    def corrections(self, corrections: list[Correction]) -> Iterator[Text]:
        applied = sum(1 for c in corrections if c.applied)
        counts = [f"{applied} applied"] if applied else []
        if len(corrections) > applied:
            counts.append(f"{len(corrections) - applied} suggested")
        yield self.line(("Corrections", _HEAD), "  ", (", ".join(counts), _DIM))
        for kind, (done, proposed) in tidy_counts(corrections).items():
            tally = [f"{done} applied"] if done else []
            if proposed:
                tally.append(f"{proposed} suggested")
            yield self.line("  ", f"{kind:<12}", " ", (", ".join(tally), _DIM))
        for c in corrections:
            if c.kind in READABLE_KINDS:
                continue
            head: list[str | tuple[str, str]] = [
                "  ",
                format_clock(c.start),
                "  ",
                c.kind,
                f"  confidence {c.confidence:.2f}",
            ]
            if not c.applied:
                head.append(("  (suggested)", "yellow"))
            yield self.line(*head)
            yield from self.wrapped(Text.assemble(("- ", "red"), (display_text(c.original), "red")))
            yield from self.wrapped(
                Text.assemble(("+ ", "green"), (display_text(c.corrected), "green"))
            )
            if c.evidence:
                e = c.evidence[0]
                yield self.line(
                    " " * INDENT,
                    (f"from {self.name(e.reference)}: ", _DIM),
                    f"“{display_text(e.text)}”",
                )

    def quotes(self, check: ReferenceCheck | None, quotes: list[QuoteCheck]) -> Iterator[Text]:
        if check is None:
            yield self.line(("Quotes from references not in this report", _HEAD))
        else:
            state = f"{check.status}, {check.score:.2f}"
            yield self.line(
                ("Quotes in ", _HEAD),
                (self.name(check.reference.path), _HEAD),
                (f"  ({state})", _DIM),
            )
        if not quotes:
            yield self.line("  ", ("no direct quotes", _DIM))
            return
        if check and check.status == "unrelated" and all(q.status == "not_found" for q in quotes):
            n = len(quotes)
            about = (
                " is in another language"
                if check.reason == OTHER_LANGUAGE
                else " is about another event"
            )
            yield self.line(
                "  ",
                (f"{n} quote{'s' if n != 1 else ''} not looked for: the article", _DIM),
                (about, _DIM),
            )
            return
        for q in quotes:
            yield from self.quote(q)

    def quote(self, q: QuoteCheck) -> Iterator[Text]:
        head: list[str | tuple[str, str]] = ["  ", *self.badge(q.status)]
        loc = said_at(q)
        if loc is not None:
            head.append(f"  {format_span(loc.start, loc.end)}")
            if q.status in FOUND and q.status != "verbatim":
                head.append((f"  similarity {loc.similarity:.2f}", _DIM))
        if q.quote.speaker:
            head.append(("  — " + display_text(q.quote.speaker), _DIM))
        by = said_by(self.transcript, q) if self.transcript else ()
        if by:
            head.append(("  said by " + display_text(", ".join(by)), _DIM))
        yield self.line(*head)
        yield from self.wrapped(self.diff(q))
        if q.alternatives:
            yield from self.wrapped(Text("also at " + _places(q.alternatives), _DIM))
        if q.changes:
            lines = [change_line(c) + _at(c.start) for c in q.changes]
            yield from self.wrapped(Text.assemble(("changes: ", _DIM), "; ".join(lines)))
        if q.reason:
            yield from self.wrapped(Text.assemble(("why: ", _DIM), display_text(q.reason)))

    def badge(self, status: str) -> list[str | tuple[str, str]]:
        label = status_label(status)
        if self.plain:
            return [f"[{label}]"]
        return [(f" {label.upper()} ", _STATUS_STYLE[status])]

    def diff(self, q: QuoteCheck) -> Text:
        """The quote as written, with what was said marked where they differ."""
        if all(op.tag == "equal" for op in q.diff):
            return Text(f"“{display_text(q.quote.text)}”")
        text = Text()
        for op in q.diff:
            if len(text):
                text.append(" ")
            self.diff_op(text, op)
        return text

    def diff_op(self, text: Text, op: DiffOp) -> None:
        written, said = display_text(op.written), display_text(_squeeze(op.said))
        if op.tag == "equal":
            text.append(written)
            return
        if op.tag in ("replace", "delete"):
            text.append(f"[-{written}-]" if self.plain else written, _WRITTEN)
        if op.tag == "replace":
            text.append(" " if not self.plain else "")
        if op.tag in ("replace", "insert"):
            text.append(f"{{+{said}+}}" if self.plain else said, _SAID)

    def summary(self, report: Report) -> Iterator[Text]:
        n = len(report.quotes)
        counts = [f"{k} {status_label(s)}" for s, k in status_counts(report.quotes).items()]
        yield from self.flow(("Summary  ", _HEAD), _count(n, "quote"), counts)
        applied = sum(1 for c in report.corrections if c.applied)
        fixes = [f"{applied} applied", f"{len(report.corrections) - applied} suggested"]
        yield from self.flow(" " * 9, _count(len(report.corrections), "correction"), fixes)
        unrelated = sum(1 for c in report.references if c.status == "unrelated")
        refs = len(report.references)
        verdicts = [f"{refs - unrelated} aligned", f"{unrelated} unrelated"]
        yield from self.flow(" " * 9, _count(refs, "article"), verdicts)

    # --- layout --------------------------------------------------------------------------

    def line(self, *parts: str | tuple[str, str]) -> Text:
        """One line, cut with an ellipsis rather than wrapped when it is too long."""
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        for part in parts:
            if isinstance(part, tuple):
                text.append(part[0], None if self.plain else part[1])
            else:
                text.append(part)
        text.truncate(self.width, overflow="ellipsis")
        text.end = "\n"
        return text

    def flow(self, head: str | tuple[str, str], total: str, parts: list[str]) -> Iterator[Text]:
        """``head total: a, b, c`` packed into lines without breaking inside a part."""
        indent = cell_len(head if isinstance(head, str) else head[0])
        line = self.line(head, total + (": " if parts else ""))
        for i, part in enumerate(parts):
            piece = part + ("," if i + 1 < len(parts) else "")
            if line.cell_len + 1 + cell_len(piece) > self.width and line.cell_len > indent:
                yield line
                line = self.line(" " * indent)
            elif not line.plain.endswith(" "):
                line.append(" ")
            line.append(piece)
        yield line

    def wrapped(
        self, text: Text, *, indent: int = INDENT, first: int | None = None
    ) -> Iterator[Text]:
        """``text`` wrapped to the width with a hanging indent (``first`` for the first line)."""
        if self.plain:
            text = Text(text.plain)
        first = indent if first is None else first
        lines = text.wrap(self.console, max(20, self.width - indent))
        for i, line in enumerate(lines):
            line.rstrip()
            pad = first if i == 0 else indent
            yield Text.assemble(" " * pad, line, no_wrap=True, overflow="ellipsis")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _fit_left(text: str, room: int) -> str:
    """Cut a path from the left, where it is least informative: ``…/articles/aa.txt``."""
    if cell_len(text) <= room:
        return text
    while text and cell_len(text) + 1 > room:
        text = text[1:]
    return "…" + text


def _squeeze(said: str) -> str:
    """A long elision shortened to its first and last words."""
    words = said.split()
    if len(words) <= MAX_INSERT_WORDS:
        return said
    return " ".join([*words[:5], "…", *words[-3:]]) + f" ({len(words)} words)"


def _at(ms: int | None) -> str:
    return f" at {format_clock(ms)}" if ms is not None else ""


def _places(places: Iterable[Location]) -> str:
    return ", ".join(f"{format_span(p.start, p.end)} ({p.similarity:.2f})" for p in places)
