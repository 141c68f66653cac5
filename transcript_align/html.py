"""Report -> one self-contained HTML page.

The page needs nothing from the network and runs no script: styles are
inline, navigation is plain anchors (a quote links to its place in the
transcript, the transcript's quoted words link back to the quote, a repair
links to its entry in the corrections list). A Content-Security-Policy with
``default-src 'none'`` makes that a promise the browser enforces: even if a
hostile input ever slipped past escaping, no script, frame or remote resource
would load.

Every string from the inputs goes through :func:`_e` (control characters
replaced, then HTML-escaped for text and attribute context alike). The only
URL taken from the inputs, the video address, is used only when it is plain
``http(s)`` with a host and no credentials (:func:`safe_video_url`).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

from . import __version__
from .attribution import said_by
from .export import Edit, applied_edits, correction_edits, original_offset
from .labels import label_end
from .models import (
    QUOTE_STATUSES,
    READABLE_KINDS,
    Correction,
    DiffOp,
    Location,
    QuoteCheck,
    QuoteStatus,
    ReferenceCheck,
    Report,
    Segment,
)
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

# Which verdict colours a transcript passage quoted by several articles: the
# one a reader most needs to see.
_SEVERITY: dict[QuoteStatus, int] = {"verbatim": 1, "edited": 2, "elided": 3, "misquote": 4}
_URL_FORBIDDEN = frozenset('"<>\\`{}|^')


def to_html(report: Report, *, video_url: str | None = None) -> str:
    """The HTML report as a string: one page, no network resources, no script.

    ``video_url`` (else the transcript's own) turns times into ``?t=SECONDS``
    links; an address that is not plain http(s) is refused and noted on the page.
    """
    given = video_url if video_url is not None else report.transcript.video_url
    safe = safe_video_url(given)
    return _Page(report, safe, refused=bool(given) and safe is None).render()


def safe_video_url(url: str | None) -> str | None:
    """``url`` when it is safe to link to: http(s), a host, no credentials, no odd characters.

    >>> safe_video_url("https://youtu.be/abc"), safe_video_url("javascript:alert(1)")
    ('https://youtu.be/abc', None)
    """
    if not url or any(c.isspace() or ord(c) < 32 or c in _URL_FORBIDDEN for c in url):
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname
        credentials = parts.username is not None or parts.password is not None
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return None
    if parts.scheme not in ("http", "https") or not host or credentials:
        return None
    return url


def video_time_url(url: str, ms: int) -> str:
    """``url`` with ``t=SECONDS`` set, whether or not it already has a query.

    Other parameters are kept byte for byte; an existing ``t`` is replaced.

    >>> video_time_url("https://www.youtube.com/watch?v=x&t=5", 110_400)
    'https://www.youtube.com/watch?v=x&t=110'
    >>> video_time_url("https://vimeo.com/123#about", 61_000)
    'https://vimeo.com/123?t=61#about'
    """
    parts = urlsplit(url)
    kept = [p for p in parts.query.split("&") if p and p.split("=", 1)[0] != "t"]
    query = "&".join([*kept, f"t={max(0, ms) // 1000}"])
    return urlunsplit(parts._replace(query=query))


def _e(text: str, *, one_line: bool = True) -> str:
    """Input text made safe for HTML text and for a double-quoted attribute."""
    return html.escape(display_text(text, one_line=one_line), quote=True)


@dataclass
class _Page:
    report: Report
    video: str | None
    refused: bool = False
    names: dict[str, str] = field(default_factory=dict)
    segment_of: dict[int, int] = field(default_factory=dict)
    said_segment_of: dict[int, int] = field(default_factory=dict)
    anchors: dict[str, int] = field(default_factory=dict)
    groups: list[tuple[ReferenceCheck | None, list[tuple[int, QuoteCheck]]]] = field(
        default_factory=list
    )

    def __post_init__(self) -> None:
        r = self.report
        # A reference's anchor is its position in the report (paths make poor HTML ids).
        for i, c in enumerate(r.references):
            self.anchors.setdefault(c.reference.path, i)
        self.groups = list(quotes_by_reference(r))
        paths = [c.reference.path for c in r.references] + [q.reference for q in r.quotes]
        paths += [e.reference for c in r.corrections for e in c.evidence]
        self.names = reference_names(paths)
        # Corrections index the input's tokens; quote places index the repaired
        # transcript's, which differ in number once a repair changes the word count.
        self.segment_of = {i: tok.segment for i, tok in enumerate(r.transcript.tokens)}
        self.said_segment_of = {i: tok.segment for i, tok in enumerate(r.spoken.tokens)}

    def anchor(self, path: str) -> int:
        return self.anchors.get(path, len(self.report.references))

    def render(self) -> str:
        t = self.report.transcript
        body = "\n".join(
            [
                self.header(),
                '<main class="layout">',
                '<div class="findings">',
                self.corrections(),
                self.quotes(),
                self.unrelated(),
                "</div>",
                self.transcript(),
                "</main>",
                f"<footer>transcript-align {_e(__version__)} · report@2</footer>",
            ]
        )
        return (
            "<!doctype html>\n"
            '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
            "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n"
            '<meta name="referrer" content="no-referrer">\n'
            f"<title>Transcript check: {_e(short_path(t.path))}</title>\n"
            f"<style>{_CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
        )

    # --- links ---------------------------------------------------------------------------

    def name(self, path: str) -> str:
        return _e(self.names.get(path) or short_path(path))

    def play(self, ms: int | None, label: str = "▶ video", cls: str = "play") -> str:
        if self.video is None or ms is None:
            return ""
        href = html.escape(video_time_url(self.video, ms), quote=True)
        return (
            f'<a class="{cls}" href="{href}" target="_blank" rel="noopener noreferrer" '
            f'title="Open the video at {format_clock(ms)}">{label}</a>'
        )

    def to_segment(self, seg: int | None, label: str, title: str = "Show in the transcript") -> str:
        if seg is None:
            return f'<span class="time">{label}</span>'
        return f'<a class="time" href="#s{seg}" title="{title}">{label}</a>'

    # --- sections ------------------------------------------------------------------------

    def header(self) -> str:
        r, t = self.report, self.report.transcript
        facts = [_e(t.format), f"{len(t.tokens)} words"]
        if t.duration is not None:
            facts.insert(1, format_clock(t.duration))
        if not r.options.repair:
            facts.append("quotes checked only, no repairs looked for")
        elif r.options.apply:
            facts.append(f"repairs applied at confidence ≥ {r.options.min_confidence:.2f}")
        else:
            facts.append("repairs suggested only")
        if self.video:
            href = html.escape(self.video, quote=True)
            facts.append(
                f'<a class="play" href="{href}" target="_blank" rel="noopener noreferrer">'
                "▶ open the video</a>"
            )
        notes = [_e(n) for n in t.notes]
        if self.refused:
            notes.append("the video address is not a plain http(s) link, so times are not linked")
        out = [
            '<header class="top">',
            f'<h1>Transcript check <span class="path" title="{_e(t.path)}">'
            f"{_e(short_path(t.path))}</span></h1>",
            f'<p class="facts">{" · ".join(facts)}</p>',
        ]
        if notes:
            out.append('<ul class="notes">' + "".join(f"<li>{n}</li>" for n in notes) + "</ul>")
        out.append(self.summary())
        out.append(self.references())
        out.append("</header>")
        return "\n".join(out)

    def summary(self) -> str:
        r = self.report
        chips = [
            f'<a class="chip b-{s}" href="#quotes">{n} {status_label(s)}</a>'
            for s, n in status_counts(r.quotes).items()
        ]
        repairs = [c for c in r.corrections if c.kind not in _COUNTED]
        applied = sum(1 for c in repairs if c.applied)
        suggested = len(repairs) - applied
        fixes = f"{applied} repair{'s' * (applied != 1)} applied"
        if suggested:
            fixes += f", {suggested} suggested"
        n = len(r.quotes)
        return (
            '<div class="summary">'
            f'<span class="total">{n} quote{"s" * (n != 1)}</span>{"".join(chips)}'
            f'<a class="chip repairs" href="#corrections">{fixes}</a></div>'
        )

    def references(self) -> str:
        refs = self.report.references
        if not refs:
            return ""
        folder = common_folder(c.reference.path for c in refs)
        caption = f'Articles <span class="muted">in {_e(folder)}</span>' if folder else "Articles"
        rows = []
        for c in refs:
            anchor = f"#r-{self.anchor(c.reference.path)}"
            rows.append(
                f'<tr class="ref-{c.status}"><td><span class="badge r-{c.status}">{c.status}'
                f'</span></td><td class="num">{c.score:.2f}</td>'
                f'<td><a href="{anchor}">{_e(c.reference.title) or self.name(c.reference.path)}'
                f'</a><div class="muted" title="{_e(c.reference.path)}">'
                f"{self.name(c.reference.path)}</div></td>"
                f'<td class="num">{len(c.reference.quotes)}</td>'
                f'<td class="muted why">{_e(c.reason)}</td></tr>'
            )
        return (
            f'<table class="refs"><caption>{caption}</caption><thead><tr><th>verdict</th>'
            '<th>score</th><th>article</th><th>quotes</th><th class="why">why</th></tr>'
            "</thead><tbody>" + "".join(rows) + "</tbody></table>"
        )

    def corrections(self) -> str:
        listed = sorted_corrections(self.report)
        fixes = [(i, c) for i, c in listed if c.kind not in _COUNTED]
        out = ['<section id="corrections"><h2>Repairs to the transcript</h2>']
        for kind, (done, proposed) in tidy_counts(
            c for _, c in listed if c.kind in _COUNTED
        ).items():
            tally = f"{done} applied" + (f", {proposed} suggested" if proposed else "")
            out.append(f'<p class="muted tidy">{_e(kind)}: {tally}</p>')
        if not fixes:
            out.append('<p class="muted">No repairs proposed.</p></section>')
            return "\n".join(out)
        out.append('<ol class="fixes">')
        for i, c in fixes:
            state = "" if c.applied else ' <span class="tag">suggested</span>'
            clock = format_clock(c.start)
            evidence = "".join(
                f'<p class="evidence">“{_e(e.text)}” <span class="muted">— '
                f"{self.name(e.reference)}</span></p>"
                for e in c.evidence
            )
            out.append(
                f'<li id="c{i}" class="{"applied" if c.applied else "suggested"}">'
                f'<div class="qhead">{self.to_segment(self.segment_of.get(c.first), clock)}'
                f"{self.play(c.start)}"
                f" <del>{_e(c.original)}</del> → <ins>{_e(c.corrected)}</ins>{state}"
                f' <span class="muted">{_e(c.kind)} · confidence {c.confidence:.2f}</span></div>'
                f"{evidence}</li>"
            )
        out.append("</ol></section>")
        return "\n".join(out)

    def quotes(self) -> str:
        out = ['<section id="quotes"><h2>Quotes</h2>']
        out.append(
            '<p class="legend muted">In each quote, <del>struck words</del> were written but not '
            "said and <ins>underlined words</ins> were said but not written.</p>"
        )
        groups = [(c, qs) for c, qs in self.groups if not _is_unrelated(c)]
        if not any(qs for _, qs in groups):
            out.append('<p class="muted">No quotes to check in the aligned articles.</p>')
        for check, quotes in groups:
            if check is None:
                out.append("<h3>Quotes from references not in this report</h3>")
            else:
                path = check.reference.path
                out.append(
                    f'<h3 id="r-{self.anchor(path)}">{_e(check.reference.title) or self.name(path)}'
                    f' <span class="muted">{self.name(path)} · score {check.score:.2f}</span></h3>'
                )
            if not quotes:
                out.append('<p class="muted">No direct quotes in this article.</p>')
            out.extend(self.quote(q, i) for i, q in quotes)
        out.append("</section>")
        return "\n".join(out)

    def quote(self, q: QuoteCheck, i: int) -> str:
        loc = said_at(q)
        head = [f'<span class="badge b-{q.status}">{status_label(q.status)}</span>']
        if loc is not None:
            head.append(
                self.to_segment(
                    self.said_segment_of.get(loc.first), format_span(loc.start, loc.end)
                )
            )
            head.append(self.play(loc.start))
        meta = []
        if loc is not None and q.status != "verbatim":
            meta.append(f"similarity {loc.similarity:.2f}")
        if q.status != "ignored":
            meta.append(f"confidence {q.confidence:.2f}")
        if q.quote.speaker:
            meta.append(_e(q.quote.speaker))
        by = said_by(self.report.spoken, q)
        if by:
            meta.append("said by " + _e(", ".join(by)))
        if meta:
            head.append(f'<span class="muted">{" · ".join(meta)}</span>')
        body = [f'<div class="qhead">{" ".join(h for h in head if h)}</div>']
        body.append(f"<blockquote>{_diff(q)}</blockquote>")
        if q.changes:
            items = "".join(
                f'<li class="c-{c.kind}">{_e(change_line(c))}'
                + (
                    f' <span class="muted">{format_clock(c.start)}</span>'
                    if c.start is not None
                    else ""
                )
                + "</li>"
                for c in q.changes
            )
            body.append(f'<ul class="changes">{items}</ul>')
        if q.reason:
            body.append(f'<p class="why">{_e(q.reason)}</p>')
        if q.alternatives:
            body.append(f'<p class="muted">also close: {self.places(q.alternatives)}</p>')
        return f'<article class="quote q-{q.status}" id="q{i}">{"".join(body)}</article>'

    def places(self, places: Iterable[Location]) -> str:
        return ", ".join(
            self.to_segment(self.said_segment_of.get(p.first), format_span(p.start, p.end))
            + f" ({p.similarity:.2f})"
            for p in places
        )

    def unrelated(self) -> str:
        groups = [(c, qs) for c, qs in self.groups if _is_unrelated(c)]
        if not groups:
            return ""
        out = [
            '<section id="unrelated"><h2>Articles about another event</h2>',
            '<p class="muted">Their quotes are not looked for and they never drive a repair.</p>',
        ]
        for check, quotes in groups:
            assert check is not None
            path = check.reference.path
            out.append(
                f'<div class="unrelated" id="r-{self.anchor(path)}">'
                f"<h3>{_e(check.reference.title) or self.name(path)} "
                f'<span class="muted">{self.name(path)} · score {check.score:.2f}</span></h3>'
            )
            if check.reason:
                out.append(f'<p class="why">{_e(check.reason)}</p>')
            if quotes:
                n = len(quotes)
                out.append(f"<details><summary>{n} quote{'s' * (n != 1)}</summary>")
                out.extend(self.quote(q, i) for i, q in quotes)
                out.append("</details>")
            out.append("</div>")
        out.append("</section>")
        return "\n".join(out)

    def transcript(self) -> str:
        r = self.report
        t = r.transcript
        marks = _Marks.build(r)
        out = ['<section id="transcript" class="transcript-pane"><h2>Transcript</h2>', "<ol>"]
        for seg in t.segments:
            stamp = ""
            if seg.start is not None:
                label = format_clock(seg.start)
                stamp = (
                    self.play(seg.start, label, "stamp") or f'<span class="stamp">{label}</span>'
                )
            # A caption that names its speaker ("CHAIR: …") shows the label in its text.
            named = seg.speaker and not label_end(seg.text, seg.speaker)
            speaker = f'<b class="speaker">{_e(seg.speaker or "")}:</b> ' if named else ""
            out.append(
                f'<li id="s{seg.index}">{stamp}<span class="seg">{speaker}'
                f"{marks.segment(seg)}</span></li>"
            )
        out.append("</ol></section>")
        return "\n".join(out)


@dataclass
class _Marks:
    """What to highlight in each segment: repairs (edits) and quoted words."""

    report: Report
    edits: dict[int, list[Edit]]  # applied repairs and the suggestions that fit beside them
    applied: dict[int, list[Edit]]  # applied repairs only: how the repaired text was made
    quoted: dict[int, int]  # repaired-transcript token index -> the quote that colours it
    correction_ids: dict[int, int]
    tokens: dict[int, list[int]]  # segment index -> its repaired-transcript token indices

    @classmethod
    def build(cls, report: Report) -> _Marks:
        t, spoken = report.transcript, report.spoken
        applied = applied_edits(t, report.corrections)
        edits = {seg: list(mine) for seg, mine in applied.items()}
        for _, c in sorted_corrections(report):
            if c.applied:
                continue
            for e in correction_edits(t, c):
                mine = edits.setdefault(e.segment, [])
                if not any(e.start < o.end and o.start < e.end for o in mine):
                    mine.append(e)
                    mine.sort(key=lambda x: (x.start, x.end))
        quoted: dict[int, int] = {}
        unrelated = {c.reference.path for c in report.references if c.status == "unrelated"}
        for i, q in enumerate(report.quotes):
            if q.status not in FOUND or q.location is None or q.reference in unrelated:
                continue
            for k in range(q.location.first, min(q.location.last, len(spoken.tokens))):
                held = quoted.get(k)
                if held is None or _SEVERITY[q.status] > _SEVERITY[report.quotes[held].status]:
                    quoted[k] = i
        tokens: dict[int, list[int]] = {}
        for i, tok in enumerate(spoken.tokens):
            tokens.setdefault(tok.segment, []).append(i)
        return cls(report, edits, applied, quoted, _correction_ids(report.corrections), tokens)

    def segment(self, seg: Segment) -> str:
        """The segment as written, its repairs marked and quoted words linked to their quote.

        Quoted words are tokens of the repaired text; their offsets are taken
        back through the applied repairs to the text shown here.
        """
        text = seg.text
        applied = self.applied.get(seg.index, [])
        owner: list[int | None] = [None] * len(text)
        previous: tuple[int, int] | None = None  # (end offset, quote) of the last quoted token
        for index in self.tokens.get(seg.index, ()):
            tok = self.report.spoken.tokens[index]
            q = self.quoted.get(index)
            if q is None:
                previous = None
                continue
            start = original_offset(applied, tok.offset)
            if previous is not None and previous[1] == q:
                start = previous[0]  # the space between two words of one quote is quoted too
            end = min(len(text), original_offset(applied, tok.offset + len(tok.text), end=True))
            owner[start:end] = [q] * (end - start)
            previous = (end, q)

        out: list[str] = []
        pos = 0
        for e in [*self.edits.get(seg.index, []), None]:
            stop = len(text) if e is None else e.start
            out.extend(self._plain(text, owner, pos, stop))
            if e is None:
                break
            covering = next((o for o in owner[e.start : e.end] if o is not None), None)
            out.append(self._quoted(self._edit(text, e), covering, link=False))
            pos = e.end
        return "".join(out)

    def _plain(self, text: str, owner: Sequence[int | None], a: int, b: int) -> Iterator[str]:
        pos = a
        while pos < b:
            q = owner[pos]
            end = pos
            while end < b and owner[end] == q:
                end += 1
            yield self._quoted(_e(text[pos:end], one_line=False).replace("\n", "<br>"), q)
            pos = end

    def _quoted(self, inner: str, q: int | None, *, link: bool = True) -> str:
        """Quoted words link to their quote; a repair inside a quote is already a link."""
        if q is None or not inner:
            return inner
        check = self.report.quotes[q]
        title = _e(
            f"{status_label(check.status)} in {short_path(check.reference)}: “{check.quote.text}”"
        )
        if link:
            return f'<a class="said m-{check.status}" href="#q{q}" title="{title}">{inner}</a>'
        return f'<span class="said m-{check.status}" title="{title}">{inner}</span>'

    def _edit(self, text: str, e: Edit) -> str:
        c = e.correction
        cid = self.correction_ids[id(c)]
        lines = [
            f"was “{c.original}”" if c.applied else f"suggested: “{c.corrected}”",
            f"{c.kind} · confidence {c.confidence:.2f}",
            *(f"{short_path(ev.reference)}: “{ev.text}”" for ev in c.evidence[:2]),
        ]
        title = "&#10;".join(_e(line) for line in lines)
        shown = e.text if c.applied else text[e.start : e.end]
        if not shown:
            return ""
        if c.kind in _COUNTED:
            # Casing and punctuation everywhere: shown as written, the change in a tooltip.
            return f'<span title="{title}">{_e(shown)}</span>'

        cls = "fix" if c.applied else "suggest"
        return f'<a class="{cls}" href="#c{cid}" title="{title}">{_e(shown)}</a>'


_COUNTED = frozenset(READABLE_KINDS) - {"disfluency"}
"""Kinds counted, not listed, in the page: they have no entry to link to (disfluencies are few)."""


def _diff(q: QuoteCheck) -> str:
    """The quote as written, with what was said marked where they differ."""
    if all(op.tag == "equal" for op in q.diff):
        return f"“{_e(q.quote.text)}”"
    return " ".join(_diff_op(op) for op in q.diff)


def _diff_op(op: DiffOp) -> str:
    if op.tag == "equal":
        return _e(op.written)
    if op.tag == "delete":
        return f'<del title="written, not said">{_e(op.written)}</del>'
    if op.tag == "insert":
        return f'<ins title="said, not written">{_e(op.said)}</ins>'
    return f'<del title="written">{_e(op.written)}</del> <ins title="said">{_e(op.said)}</ins>'


def _is_unrelated(check: ReferenceCheck | None) -> bool:
    return check is not None and check.status == "unrelated"


def _correction_ids(corrections: Sequence[Correction]) -> dict[int, int]:
    """Each correction object's first position, for links from its edits in the transcript."""
    ids: dict[int, int] = {}
    for i, c in enumerate(corrections):
        ids.setdefault(id(c), i)
    return ids


_STATUS_COLOURS = {
    "verbatim": ("#1a7f37", "#dafbe1"),
    "edited": ("#0969da", "#ddf4ff"),
    "elided": ("#9a6700", "#fff8c5"),
    "misquote": ("#cf222e", "#ffebe9"),
    "not_found": ("#8250df", "#fbefff"),
    "ignored": ("#57606a", "#eaeef2"),
}


def _status_css() -> str:
    rules = []
    for s in QUOTE_STATUSES:
        fg, bg = _STATUS_COLOURS[s]
        rules.append(f".b-{s}{{background:{fg};color:#fff}}")
        rules.append(f".q-{s}{{border-left-color:{fg}}}")
        # A tint of the verdict colour reads on light and dark backgrounds alike.
        rules.append(
            f".m-{s}{{background:{bg};background:color-mix(in srgb,{fg} 16%,transparent);"
            f"box-shadow:0 2px 0 {fg}}}"
        )
    return "".join(rules)


_CSS = (
    """
:root{color-scheme:light dark;--fg:#1f2328;--muted:#59636e;--bg:#fff;--panel:#f6f8fa;
--line:#d1d9e0;--ins:#1a7f37;--ins-bg:#dafbe1;--del:#cf222e;--del-bg:#ffebe9;--fix:#fff8c5}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;
--panel:#151b23;--line:#3d444d;--ins:#3fb950;--ins-bg:#12261e;--del:#f85149;--del-bg:#25171c;
--fix:#3b2e00}}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
color:var(--fg);background:var(--bg)}
a{color:inherit}
.top{padding:20px 28px 8px;border-bottom:1px solid var(--line)}
h1{font-size:22px;margin:0 0 4px}h1 .path{font-weight:400;color:var(--muted)}
h2{font-size:17px;margin:24px 0 8px}h3{font-size:15px;margin:20px 0 6px}
.facts{margin:0;color:var(--muted)}
.notes{margin:6px 0;padding-left:18px;color:var(--muted);font-size:13px}
.muted{color:var(--muted);font-weight:400;font-size:13px}
.summary{display:flex;flex-wrap:wrap;gap:6px;align-items:center;margin:12px 0}
.summary .total{font-weight:600;margin-right:4px}
.chip,.badge{display:inline-block;border-radius:999px;padding:1px 9px;font-size:12px;
font-weight:600;text-decoration:none;white-space:nowrap}
.chip.repairs{background:var(--panel);border:1px solid var(--line);color:var(--fg)}
.r-aligned{background:var(--ins-bg);color:var(--ins)}
.r-unrelated{background:var(--panel);color:var(--muted);border:1px solid var(--line)}
.refs{border-collapse:collapse;margin:8px 0 12px;font-size:14px;width:100%}
.refs caption{text-align:left;font-weight:600;padding-bottom:4px;overflow-wrap:anywhere}
.refs td{overflow-wrap:anywhere}
.refs th{text-align:left;font-size:12px;color:var(--muted);font-weight:600}
.refs td,.refs th{padding:4px 10px 4px 0;border-bottom:1px solid var(--line);vertical-align:top}
.refs .num{text-align:right;font-variant-numeric:tabular-nums;padding-right:16px;
white-space:nowrap;overflow-wrap:normal}
.refs a{text-decoration:none;font-weight:600}.refs a:hover{text-decoration:underline}
.ref-unrelated td{color:var(--muted)}
.layout{display:grid;grid-template-columns:minmax(0,1.1fr) minmax(0,1fr);gap:28px;
padding:0 28px 24px}
@media (max-width:900px){.layout{grid-template-columns:1fr;padding:0 14px 18px}
.top{padding:14px}.transcript-pane{position:static;max-height:none}}
@media (max-width:600px){.refs .why{display:none}}
@media print{.layout{grid-template-columns:1fr}.transcript-pane{position:static;max-height:none;
overflow:visible}.play{display:none}}
.transcript-pane{position:sticky;top:0;max-height:100vh;overflow:auto;padding-bottom:24px}
.transcript-pane ol{list-style:none;margin:0;padding:0}
.transcript-pane li{display:flex;gap:10px;padding:3px 6px;border-radius:6px;
scroll-margin-top:12px}
.transcript-pane li:target{background:var(--fix);outline:2px solid #d4a72c}
.stamp{flex:none;width:3.6em;color:var(--muted);font-variant-numeric:tabular-nums;
font-size:13px;padding-top:1px;text-decoration:none}
a.stamp:hover{text-decoration:underline}
.seg{flex:1}
.said{text-decoration:none;border-radius:2px}
.fix{background:var(--ins-bg);color:var(--ins);font-weight:600;text-decoration:none;
border-bottom:2px solid var(--ins);border-radius:2px}
.suggest{text-decoration:underline dotted #bf8700 2px;text-underline-offset:3px}
.fixes{list-style:none;padding:0;margin:0}
.fixes li{padding:8px 12px;border:1px solid var(--line);border-radius:8px;margin-bottom:8px;
scroll-margin-top:12px}
.fixes li:target,.quote:target{outline:2px solid #d4a72c}
.fixes li.suggested{border-style:dashed}
.tag{font-size:12px;border:1px solid #bf8700;color:#9a6700;border-radius:999px;padding:0 7px}
.evidence{margin:4px 0 0;font-size:14px}
.quote{border:1px solid var(--line);border-left:4px solid var(--line);border-radius:8px;
padding:8px 12px;margin-bottom:10px;scroll-margin-top:12px}
.qhead{display:flex;flex-wrap:wrap;gap:4px 10px;align-items:baseline}
.time{font-variant-numeric:tabular-nums;font-weight:600}
.play{font-size:13px;color:var(--muted)}
blockquote{margin:6px 0 0;font-size:15.5px}
del{color:var(--del);background:var(--del-bg);text-decoration:line-through}
ins{color:var(--ins);background:var(--ins-bg);text-decoration:underline}
.why{margin:4px 0 0;color:var(--muted);font-size:13px;font-style:italic}
.changes{list-style:none;margin:4px 0 0;padding:0;font-size:13px;display:flex;flex-wrap:wrap;
gap:2px 14px}
.changes .c-misheard{color:var(--muted)}
.legend{margin-top:-4px}
details summary{cursor:pointer;color:var(--muted);font-size:13px;margin:4px 0}
.unrelated{border-top:1px solid var(--line)}
footer{padding:12px 28px;color:var(--muted);font-size:12px;border-top:1px solid var(--line)}
""".strip().replace("\n", "")
    + _status_css()
)
