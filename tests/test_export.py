"""The corrected transcript: applied repairs spliced in, every other character and time kept."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from transcript_align.cli import single
from transcript_align.export import (
    applied_edits,
    corrected_segments,
    export_transcript,
    original_offset,
)
from transcript_align.formats import READERS, WRITERS, parse_transcript
from transcript_align.models import Correction, Report, Segment, Transcript, Word
from transcript_align.timeline import build_tokens

from .conftest import DATA, EXAMPLE
from .test_report import example_report, fix, span

CUES = DATA / "report" / "cues.srt"
CORRECTED = DATA / "report" / "cues.corrected.srt"


def needs_writer(name: str, reader: str | None = None) -> pytest.MarkDecorator:
    missing = name not in WRITERS or (reader is not None and reader not in READERS)
    return pytest.mark.skipif(
        missing, reason=f"the {name} format is not in formats.WRITERS/READERS yet"
    )


def srt_transcript() -> Transcript:
    return parse_transcript(CUES.read_text(encoding="utf-8"), str(CUES))


def srt_fixes(t: Transcript) -> tuple[Correction, ...]:
    """One repair inside a cue, two over a cue boundary, one suggestion, one repeat."""
    return (
        fix(t, "Witko", "Witkoff"),
        fix(t, "Kaya Callas", "Kaja Kallas"),  # one word per token: each cue keeps its word
        fix(t, "Witko ff", "Witkoff", after=span(t, "Mr")[0]),  # one word from two: first cue
        fix(t, "Nothing", "Something", kind="word", confidence=0.3, applied=False),
    )


def words_transcript() -> Transcript:
    """A transcript whose source gave word times (as json3 or Whisper do)."""
    first = (
        Word("Steve", 1000, 1400),
        Word(" Witko", 1500, 2100),
        Word(" met", 2200, 2600),
        Word(" them", 2700, 3000),
    )
    second = (Word("Kaya", 4000, 4500), Word("Callas", 4600, 5200), Word("spoke", 5300, 6000))
    segments = (
        Segment(0, "Steve Witko met them", 1000, 4000, first),
        Segment(1, "Kaya Callas spoke", 4000, 6000, second),
    )
    return Transcript("w.json", "whisper", segments, build_tokens(segments))


# --- corrected_segments ------------------------------------------------------------------


def test_applied_correction_changes_only_its_words() -> None:
    t = srt_transcript()
    segs = corrected_segments(t, srt_fixes(t))
    assert [s.text for s in segs] == [
        "Special envoy Steve Witkoff met",
        "the Russians in Moscow, said Kaja",
        "Kallas, the EU's\ntop diplomat.",
        "Nothing else changes here.",  # a suggestion is not applied
        "Mr. Witkoff",
        "arrived later.",  # the rest of the span goes, with the space after it
    ]
    assert [(s.start, s.end) for s in segs] == [(s.start, s.end) for s in t.segments]


def test_offsets_of_the_corrected_text_map_back_to_the_text_as_written() -> None:
    t = parse_transcript("we met van der pool at the barrier and uh left\n", "t.txt")
    corrections = (fix(t, "van der pool", "Vanterpool"), fix(t, "uh", "", kind="filler"))
    edits = applied_edits(t, corrections)[0]
    before = t.segments[0].text
    after = corrected_segments(t, corrections)[0].text
    assert after == "we met Vanterpool at the barrier and  left"
    # Untouched words keep their place in the text as written.
    for word in ("we", "met", "at", "barrier", "left"):
        start = after.index(word)
        assert original_offset(edits, start) == before.index(word)
        assert original_offset(edits, start + len(word), end=True) == before.index(word) + len(word)
    # A repaired word covers exactly the words it replaced.
    start = after.index("Vanterpool")
    assert original_offset(edits, start) == before.index("van")
    assert original_offset(edits, start + len("Vanterpool"), end=True) == before.index(" at")
    assert original_offset([], 7) == 7


def test_untouched_segments_are_the_same_objects() -> None:
    t = srt_transcript()
    segs = corrected_segments(t, srt_fixes(t))
    assert segs[3] is t.segments[3]
    assert corrected_segments(t, ()) == t.segments
    assert all(a is b for a, b in zip(corrected_segments(t, ()), t.segments))


def test_suggestions_change_nothing() -> None:
    t = srt_transcript()
    suggestions = [replace(c, applied=False) for c in srt_fixes(t)]
    assert all(a is b for a, b in zip(corrected_segments(t, suggestions), t.segments))


def test_overlapping_corrections_keep_the_first() -> None:
    t = srt_transcript()
    a = fix(t, "Steve Witko", "Steve Witkoff")
    b = fix(t, "Witko met", "Witkoff meets")
    assert corrected_segments(t, (b, a))[0].text == "Special envoy Steve Witkoff met"
    assert applied_edits(t, (a, b))[0][0].correction == a


def test_correction_outside_the_transcript_is_an_error() -> None:
    t = srt_transcript()
    bad = replace(fix(t, "Witko", "Witkoff"), first=len(t.tokens), last=len(t.tokens) + 1)
    with pytest.raises(ValueError, match="outside"):
        corrected_segments(t, (bad,))


def test_word_timings_survive_a_correction() -> None:
    t = words_transcript()
    segs = corrected_segments(t, (fix(t, "Witko", "Witkoff"), fix(t, "Kaya Callas", "Kaja Kallas")))
    assert segs[0].text == "Steve Witkoff met them"
    assert segs[0].words == (
        Word("Steve", 1000, 1400),
        Word(" Witkoff", 1500, 2100),  # same time, same leading space as the source word
        Word(" met", 2200, 2600),
        Word(" them", 2700, 3000),
    )
    # An estimated source time stays flagged as one after the merge.
    t2 = replace(
        t,
        segments=(
            replace(t.segments[0], words=(*t.segments[0].words[:1],
                    replace(t.segments[0].words[1], estimated=True), *t.segments[0].words[2:])),
            t.segments[1],
        ),
    )  # fmt: skip
    assert corrected_segments(t2, (fix(t2, "Witko", "Witkoff"),))[0].words[1].estimated
    assert not segs[0].words[1].estimated
    # Two words become one word with the span's times.
    assert segs[1].text == "Kaja Kallas spoke"
    assert segs[1].words == (Word("Kaja Kallas", 4000, 5200), Word("spoke", 5300, 6000))


def test_cross_cue_word_timings() -> None:
    t = words_transcript()
    first, _ = span(t, "them")
    c = Correction(first, first + 2, "them Kaya", "Theo", "name", 0.9, True)
    segs = corrected_segments(t, (c,))
    assert segs[0].text == "Steve Witko met Theo"
    assert segs[0].words[-1] == Word(" Theo", 2700, 3000)
    assert segs[1].text == "Callas spoke"
    assert segs[1].words == (Word("Callas", 4600, 5200), Word("spoke", 5300, 6000))


@settings(max_examples=60, deadline=None)
@given(
    data=st.data(),
    corrected=st.text(alphabet="abcXYZ -", min_size=0, max_size=12),
)
def test_property_times_and_other_cues_never_change(data: st.DataObject, corrected: str) -> None:
    t = srt_transcript()
    first = data.draw(st.integers(0, len(t.tokens) - 1))
    last = data.draw(st.integers(first + 1, min(len(t.tokens), first + 4)))
    c = Correction(first, last, "x", corrected, "word", 0.9, True)
    segs = corrected_segments(t, (c,))
    touched = {t.tokens[i].segment for i in range(first, last)}
    assert len(segs) == len(t.segments)
    for old, new in zip(t.segments, segs):
        assert (old.index, old.start, old.end) == (new.index, new.start, new.end)
        if old.index not in touched:
            assert new is old
    # The text before the span's first token and after its last is kept exactly.
    a, b = t.tokens[first], t.tokens[last - 1]
    assert segs[a.segment].text.startswith(t.segments[a.segment].text[: a.offset])
    tail = t.segments[b.segment].text[b.offset + len(b.text) :]
    assert segs[b.segment].text.endswith(tail.lstrip() if a.segment != b.segment else tail)


# --- writers -----------------------------------------------------------------------------


def test_txt_export_of_a_caption_page_keeps_its_stamps() -> None:
    t = parse_transcript("00:00 hello Mr. Witko\n00:05 and goodbye\n", "page.txt")
    out = export_transcript(t, (fix(t, "Witko", "Witkoff"),), "txt")
    assert out == "00:00 hello Mr. Witkoff\n00:05 and goodbye\n"


def test_txt_export_of_plain_text() -> None:
    t = parse_transcript("hello Mr. Witko\nand goodbye\n", "plain.txt")
    assert t.format == "plain"
    assert export_transcript(t, (fix(t, "Witko", "Witkoff"),), "txt") == (
        "hello Mr. Witkoff\nand goodbye\n"
    )


@needs_writer("srt", "srt")
def test_srt_in_corrected_srt_out() -> None:
    t = srt_transcript()
    out = export_transcript(t, srt_fixes(t), "srt")
    assert out == CORRECTED.read_text(encoding="utf-8")
    # Same cue times, in the same order.
    again = parse_transcript(out, "out.srt")
    assert [(s.start, s.end) for s in again.segments] == [(s.start, s.end) for s in t.segments]


@needs_writer("srt", "srt")
def test_untouched_srt_cues_are_byte_identical() -> None:
    t = srt_transcript()
    source_blocks = CUES.read_text(encoding="utf-8").strip().split("\n\n")
    out_blocks = export_transcript(t, srt_fixes(t), "srt").strip().split("\n\n")
    assert out_blocks[3] == source_blocks[3]
    assert export_transcript(t, (), "srt") == CUES.read_text(encoding="utf-8")


@needs_writer("vtt", "vtt")
def test_vtt_export_keeps_cue_times() -> None:
    t = srt_transcript()
    out = export_transcript(t, srt_fixes(t), "vtt")
    assert out.startswith("WEBVTT")
    assert "00:00:01.000 --> 00:00:04.000\nSpecial envoy Steve Witkoff met\n" in out
    again = parse_transcript(out, "out.vtt")
    assert [(s.start, s.end) for s in again.segments] == [(s.start, s.end) for s in t.segments]


@needs_writer("json")
def test_json_export_gives_the_corrected_word_its_real_time() -> None:
    t = words_transcript()
    doc = json.loads(export_transcript(t, (fix(t, "Witko", "Witkoff"),), "json"))
    words = [w for seg in doc["segments"] for w in seg.get("words", [])]
    witkoff = next(w for w in words if w["word"].strip() == "Witkoff")
    assert (witkoff["start"], witkoff["end"]) == (1.5, 2.1)
    assert witkoff.get("estimated") is not True


# --- the command line --------------------------------------------------------------------


def _fake_align(report: Report) -> Callable[..., Report]:
    def run(t: Transcript, refs: object, options: object, progress: object = None) -> Report:
        return replace(report, transcript=t, corrections=srt_fixes(t))

    return run


@needs_writer("srt", "srt")
def test_cli_out_dash_writes_the_corrected_transcript_to_stdout(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import transcript_align.cli as cli

    monkeypatch.setattr(cli, "run_align", _fake_align(example_report()))
    result = CliRunner().invoke(
        single, [str(CUES), "--refs", str(EXAMPLE / "articles"), "--out", "-", "--format", "srt"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == CORRECTED.read_text(encoding="utf-8")  # and no terminal report


@needs_writer("srt", "srt")
def test_cli_out_dash_without_a_format_keeps_the_transcript_s_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import transcript_align.cli as cli

    monkeypatch.setattr(cli, "run_align", _fake_align(example_report()))
    result = CliRunner().invoke(
        single, [str(CUES), "--refs", str(EXAMPLE / "articles"), "--out", "-"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == CORRECTED.read_text(encoding="utf-8")


@needs_writer("srt", "srt")
def test_cli_out_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import transcript_align.cli as cli

    monkeypatch.setattr(cli, "run_align", _fake_align(example_report()))
    target = tmp_path / "fixed.srt"
    result = CliRunner().invoke(
        single,
        [str(CUES), "--refs", str(EXAMPLE / "articles"), "--out", str(target), "--no-color"],
    )
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8") == CORRECTED.read_text(encoding="utf-8")
    assert "+ Witkoff" in result.stdout  # the terminal report still goes to stdout


def test_cli_out_dash_txt(monkeypatch: pytest.MonkeyPatch) -> None:
    import transcript_align.cli as cli

    report = example_report()
    monkeypatch.setattr(cli, "run_align", lambda t, refs, options, progress=None: report)
    result = CliRunner().invoke(
        single,
        [str(EXAMPLE / "transcript.txt"), "--refs", str(EXAMPLE / "articles"), "--out", "-",
         "--format", "txt"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "02:10 Russians will not try again as Mr. Witkoff right now" in result.stdout
    assert "is is protected" in result.stdout  # only a suggestion
    assert "Transcript " not in result.stdout
    without = CliRunner().invoke(
        single, [str(EXAMPLE / "transcript.txt"), "--refs", str(EXAMPLE / "articles"), "--out", "-"]
    )  # a caption page, which the tool does not write: plain text
    assert without.stdout == result.stdout
