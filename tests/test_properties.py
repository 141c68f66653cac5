"""Invariants of the whole run, over generated transcripts and articles (hypothesis).

- no word is lost: every transcript word is in the corrected output, or is the
  ``original`` of an applied correction;
- token times never run backwards and stay inside the input's time range;
- a quote's place lies inside the transcript it indexes, its times inside
  the video;
- the same input gives byte-identical JSON, HTML and terminal text, also in
  processes with different ``PYTHONHASHSEED`` values;
- reading back what a writer wrote from *read* input gives the same cues and
  a second write the same bytes (``tests/test_formats_roundtrip.py`` covers
  read(write(x)) for generated segments; this adds the reader's own output,
  corrected exports and idempotence).

Transcripts are generated from a true text by "mishearing" it the way
recognisers do (names garbled, fillers, stutters, dropped words); articles
quote the true text, so repairs and verdicts of every kind happen.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transcript_align.export import applied_edits, export_transcript
from transcript_align.formats import parse_transcript, write_segments
from transcript_align.html import to_html
from transcript_align.models import Options, Reference, Report, Segment, Transcript, Word
from transcript_align.normalize import text_words
from transcript_align.pipeline import align
from transcript_align.references import parse_reference
from transcript_align.render import to_text
from transcript_align.report import to_json
from transcript_align.timeline import build_tokens

from .conftest import EXAMPLE, ROOT

SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Names with the way a recogniser garbles them.
NAMES = {
    "Witkoff": ["Witko", "Whitcoff", "with cough"],
    "Kallas": ["Callas", "Kalas", "Carlos"],
    "Zelensky": ["Zelenski", "Zelinsky"],
    "Strelsau": ["Strelsow", "Strel saw"],
    "Rutte": ["Root", "Rutter"],
    "NATO": ["Nato", "NATO's"],
}
COMMON = (
    "we will not give up on the people and the talks go on next week there is no "
    "unanimity within alliance about coming into our security is deeply linked peace "
    "deal envoy special met said today with Ukraine United States 28 points plan"
).split()
FILLERS = ["uh", "um", "you know"]


@dataclass(frozen=True)
class Case:
    transcript: Transcript
    reference: Reference
    options: Options


@st.composite
def true_words(draw: st.DrawFn) -> list[str]:
    return draw(
        st.lists(
            st.one_of(st.sampled_from(COMMON), st.sampled_from(sorted(NAMES))),
            min_size=8,
            max_size=120,
        )
    )


@st.composite
def misheard(draw: st.DrawFn, words: Sequence[str]) -> list[str]:
    out: list[str] = []
    for w in words:
        roll = draw(st.integers(0, 19))
        if w in NAMES and roll < 12:
            out.append(draw(st.sampled_from(NAMES[w])))
        elif roll == 13:
            continue  # dropped
        elif roll == 14:
            out += [w, w]  # stutter
        elif roll == 15:
            out += [draw(st.sampled_from(FILLERS)), w]
        else:
            out.append(w)
    return out or ["hello"]


@st.composite
def segments_of(draw: st.DrawFn, words: Sequence[str], *, timed: bool) -> list[Segment]:
    """Words cut into cues as readers return them: in start order, but overlapping,
    touching, zero-length or far apart."""
    segments: list[Segment] = []
    k = 0
    start = draw(st.integers(0, 10_000))
    while k < len(words):
        n = draw(st.integers(1, 12))
        text = " ".join(words[k : k + n])
        k += n
        if not timed:
            segments.append(Segment(len(segments), text))
            continue
        end = start + draw(st.sampled_from([0, 1, 800, 2_000, 5_000, 60_000]))
        segments.append(Segment(len(segments), text, start, end))
        start += draw(st.sampled_from([0, 1, 500, 2_000, 3_000, 90_000]))
    return segments


def article(words: Sequence[str], quotes: Sequence[tuple[int, int]]) -> str:
    """The true text as an article, with quote marks around the given word ranges."""
    marks = {a: "“" for a, _ in quotes}
    closes = {b - 1: "”" for _, b in quotes}
    body = " ".join(marks.get(i, "") + w + closes.get(i, "") for i, w in enumerate(words))
    return f"Talks go on, envoy says\n\n{body}.\n"


@st.composite
def cases(draw: st.DrawFn) -> Case:
    truth = draw(true_words())
    heard = draw(misheard(truth))
    timed = draw(st.booleans())
    segments = draw(segments_of(heard, timed=timed))
    fmt = "srt" if timed else "plain"
    transcript = Transcript("t." + ("srt" if timed else "txt"), fmt, tuple(segments),
                            build_tokens(segments))  # fmt: skip
    spans = []
    a = draw(st.integers(0, len(truth) - 1))
    while a < len(truth) - 2:
        b = draw(st.integers(a + 3, min(len(truth), a + 40)))
        spans.append((a, b))
        a = b + draw(st.integers(2, 10))
    text = article(truth, spans)
    reference = parse_reference(text, "a.txt")
    options = Options(apply=draw(st.booleans()), clean=draw(st.booleans()))
    return Case(transcript, reference, options)


def tokens_of(segments: Sequence[Segment]) -> list[str]:
    return [w for s in segments for w in text_words(s.text).words]


# --- no word lost ---------------------------------------------------------------------------


def _assert_nothing_lost(report: Report, written: Sequence[Segment]) -> None:
    t = report.transcript
    taken = {
        i: c
        for edits in applied_edits(t, report.corrections).values()
        for e in edits
        for c in [e.correction]
        for i in range(c.first, c.last)
    }
    out = tokens_of(written)
    pointer = 0
    for i, tok in enumerate(t.tokens):
        if i in taken:
            original = list(text_words(taken[i].original).words)
            assert tok.text in original, (tok.text, taken[i])
            continue
        # Untouched words appear in the output in their order.
        while pointer < len(out) and out[pointer] != tok.text:
            pointer += 1
        assert pointer < len(out), f"word {i} {tok.text!r} lost"
        pointer += 1


@SETTINGS
@given(cases())
def test_every_word_is_in_the_output_or_in_the_edit_log(case: Case) -> None:
    report = align(case.transcript, [case.reference], case.options)
    t = report.transcript
    writers = ["json", "txt"] + (["srt", "vtt"] if t.timed else [])
    for writer in writers:
        out = export_transcript(t, report.corrections, writer)
        back = parse_transcript(out, f"x.{writer}", format=None if writer != "txt" else "plain")
        _assert_nothing_lost(report, back.segments)
    if not case.options.apply:
        assert not any(c.applied for c in report.corrections)
        assert tokens_of(report.spoken.segments) == [tok.text for tok in t.tokens]


# --- times ---------------------------------------------------------------------------------


def _assert_times(t: Transcript, lo: int, hi: int) -> None:
    last = lo
    for tok in t.tokens:
        assert tok.start is not None and tok.end is not None
        assert lo <= tok.start <= tok.end <= hi, (tok, lo, hi)
        assert tok.start >= last
        last = tok.start


@SETTINGS
@given(cases())
def test_times_never_run_backwards_and_stay_in_range(case: Case) -> None:
    t = case.transcript
    report = align(t, [case.reference], case.options)
    timed = [s for s in t.segments if s.start is not None]
    if not timed:
        assert all(tok.start is None and tok.end is None for tok in report.spoken.tokens)
        return
    lo = min(s.start for s in timed if s.start is not None)
    hi = max(max(s.start or 0, s.end or 0) for s in timed)
    _assert_times(t, lo, hi)
    _assert_times(report.spoken, lo, hi)
    for c in report.corrections:
        assert c.start is not None and c.end is not None
        assert lo <= c.start <= c.end <= hi


@st.composite
def wild_segments(draw: st.DrawFn) -> list[Segment]:
    """Any times at all: out of order, ends before starts, word times outside the cue."""
    out = []
    for i in range(draw(st.integers(1, 8))):
        words = draw(st.lists(st.sampled_from(COMMON + sorted(NAMES)), min_size=1, max_size=6))
        start = draw(st.integers(0, 100_000))
        end = draw(st.integers(0, 100_000))
        timings: tuple[Word, ...] = ()
        if draw(st.booleans()):
            timings = tuple(
                Word(w, a, a + draw(st.integers(-100, 900)))
                for w in words
                for a in [draw(st.integers(0, 100_000))]
            )
        out.append(Segment(i, " ".join(words), start, end, timings))
    return out


@SETTINGS
@given(wild_segments())
def test_timeline_of_any_times_is_monotonic_and_in_range(segments: list[Segment]) -> None:
    tokens = build_tokens(segments)
    times = [x for s in segments for x in (s.start, s.end) if x is not None]
    times += [x for s in segments for w in s.words for x in (w.start, w.end)]
    lo, hi = min(times), max(times)
    last = 0
    for tok in tokens:
        assert tok.start is not None and tok.end is not None
        assert lo <= tok.start <= tok.end <= hi
        assert tok.start >= last
        last = tok.start
    assert [t.text for t in tokens] == tokens_of(segments)


# --- quote spans ------------------------------------------------------------------------------


@SETTINGS
@given(cases())
def test_quote_places_lie_inside_the_transcript(case: Case) -> None:
    report = align(case.transcript, [case.reference], case.options)
    spoken = report.spoken
    duration = case.transcript.duration
    assert len(report.quotes) == len(case.reference.quotes)
    for q in report.quotes:
        if q.status in ("not_found", "ignored"):
            assert q.location is None
            continue
        assert q.location is not None
        for loc in (q.location, *q.alternatives):
            assert 0 <= loc.first < loc.last <= len(spoken.tokens)
            assert 0.0 <= loc.similarity <= 1.0
            if duration is None:
                assert loc.start is None and loc.end is None
            else:
                assert loc.start is not None and loc.end is not None
                assert 0 <= loc.start <= loc.end <= duration
        assert q.said


# --- determinism ------------------------------------------------------------------------------


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_same_input_same_bytes(case: Case) -> None:
    first = align(case.transcript, [case.reference], case.options)
    again = align(case.transcript, [case.reference], case.options)
    assert to_json(first) == to_json(again)
    assert to_html(first, video_url="https://youtu.be/x") == to_html(
        again, video_url="https://youtu.be/x"
    )
    assert to_text(first) == to_text(again)


def _cli(tmp: Path, seed: str) -> dict[str, bytes]:
    out = tmp / seed
    out.mkdir()
    env = {**os.environ, "PYTHONHASHSEED": seed, "NO_COLOR": "1", "COLUMNS": "100"}
    args = [
        sys.executable, "-m", "transcript_align", "align", str(EXAMPLE / "transcript.txt"),
        "--refs", str(EXAMPLE / "articles"), "--json", "--out", str(out / "x.srt"),
        "--html", str(out / "x.html"), "--report", str(out / "x.json"),
    ]  # fmt: skip
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr.decode()
    return {
        "stdout": done.stdout,
        "srt": (out / "x.srt").read_bytes(),
        "html": (out / "x.html").read_bytes(),
        "report": (out / "x.json").read_bytes(),
    }


def test_outputs_do_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    a = _cli(tmp_path, "1")
    b = _cli(tmp_path, "4242")
    for key in a:
        assert a[key] == b[key], key
    assert a["stdout"] == a["report"]


# --- read(write(read(x))) ---------------------------------------------------------------------

CUE_TEXT = st.lists(
    st.sampled_from(
        ["hello", "Witko", "<i>", "</i>", "&amp;", "{\\an8}", "12:30", "- ", "é", "日本", " "]
    ),
    min_size=1,
    max_size=6,
).map("".join)


@st.composite
def raw_srt(draw: st.DrawFn) -> str:
    """SRT as found in the wild: numbers missing, odd arrows, overlaps, disorder, markup."""
    blocks = []
    for k in range(draw(st.integers(1, 8))):
        start = draw(st.integers(0, 3_600_000))
        end = start + draw(st.integers(-2_000, 10_000))
        end = max(0, end)
        arrow = draw(st.sampled_from(["-->", "-->", "->", "—>", " --> "]))
        number = draw(st.sampled_from([f"{k + 1}\n", f"{k + 1}\n", ""]))
        sep = draw(st.sampled_from([",", "."]))
        stamp = f"{_clock(start, sep)}{arrow}{_clock(end, sep)}"
        lines = draw(st.lists(CUE_TEXT, min_size=1, max_size=3))
        lines[0] += f" {draw(st.sampled_from(COMMON))}"  # every cue has a word to read
        blocks.append(number + stamp + "\n" + "\n".join(lines) + "\n")
    return "\n".join(blocks) + draw(st.sampled_from(["", "\n", "\n\n"]))


def _clock(ms: int, sep: str) -> str:
    s, f = divmod(ms, 1000)
    return f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}{sep}{f:03d}"


@SETTINGS
@given(raw_srt(), st.sampled_from(["srt", "vtt", "json"]))
def test_what_a_reader_read_survives_a_write(raw: str, writer: str) -> None:
    first = parse_transcript(raw, "in.srt")
    out = write_segments(first.segments, writer, first.format)
    back = parse_transcript(out, f"x.{writer}")
    assert [(s.start, s.end, s.text) for s in back.segments] == [
        (s.start, s.end, s.text) for s in first.segments
    ]
    assert [(t.text, t.start, t.end) for t in back.tokens] == [
        (t.text, t.start, t.end) for t in first.tokens
    ]
    # Idempotent. (Written from the JSON export, "source_format" would name the export.)
    assert write_segments(back.segments, writer, first.format) == out


@SETTINGS
@given(cases())
def test_corrected_export_reads_back_with_the_original_cue_times(case: Case) -> None:
    t = case.transcript
    if not t.timed:
        return
    report = align(t, [case.reference], case.options)
    spoken = report.spoken.segments
    for writer in ("srt", "vtt", "json"):
        out = export_transcript(t, report.corrections, writer)
        back = parse_transcript(out, f"x.{writer}")
        # A cue whose every word was cleaned away has nothing to show in SRT or WebVTT.
        shown = list(spoken) if writer == "json" else [s for s in spoken if s.text.strip()]
        assert [(s.start, s.end) for s in back.segments] == [(s.start, s.end) for s in shown]
        assert tokens_of(back.segments) == tokens_of(shown)
        assert write_segments(back.segments, writer, t.format) == out
