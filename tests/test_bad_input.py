"""Bad input never crashes, hangs, loses words or touches the user's files.

Every case either works or ends with exit status 3 and one line on standard
error naming the file and the problem; never a traceback. Around every CLI
run the working folder is hashed before and after: inputs stay
byte-identical, and a failed run leaves no new file behind (no partial
output, no temporary file).

Crashers found by fuzzing (``fuzz/``) are kept here as regression tests, with
their inputs under ``tests/data/bad/`` or inline.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from fuzz.targets import TARGETS
from transcript_align import FormatError, parse_transcript, read_transcript
from transcript_align.cli import single
from transcript_align.formats import MAX_TRANSCRIPT_WORDS, write_segments
from transcript_align.pipeline import align
from transcript_align.references import ReferenceKind, parse_reference, read_references

from .conftest import DATA, EXAMPLE

runner = CliRunner()
BAD = DATA / "bad"
ARTICLE = "aa-rutte-no-consensus.txt"


# --- helpers ---------------------------------------------------------------------------------


def run(*args: str | Path, input: str | bytes | None = None) -> Result:
    return runner.invoke(single, [str(a) for a in args], input=input)


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (hidden ones too) and a hash of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def no_traceback(result: Result) -> None:
    assert "Traceback" not in result.output
    assert "Traceback" not in result.stderr
    assert result.exit_code in (0, 3), (result.exit_code, result.output)


def failed_cleanly(result: Result, path: str | Path, message: str) -> None:
    """Exit 3 with one line on stderr that names ``path`` and says ``message``."""
    no_traceback(result)
    assert result.exit_code == 3, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("align: error: ")
    assert str(path) in lines[0], lines[0]
    assert message in lines[0], lines[0]


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    """A copy of the bundled example to run on: ``ws/transcript.txt``, ``ws/articles/``."""
    shutil.copytree(EXAMPLE, tmp_path / "ws")
    return tmp_path / "ws"


def report_of(result: Result) -> dict[str, Any]:
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


# --- encodings and line ends ----------------------------------------------------------------

TEXT = (EXAMPLE / "transcript.txt").read_text(encoding="utf-8")


def _mixed_line_ends(text: str) -> str:
    ends = ("\r\n", "\r", "\n")
    lines = text.split("\n")
    return "".join(line + ends[k % 3] for k, line in enumerate(lines[:-1])) + lines[-1]


def _segments(report: dict[str, Any]) -> list[tuple[float, str]]:
    return [(s["start"], s["original"]) for s in report["segments"]]


@pytest.mark.parametrize(
    ("name", "data", "encoding"),
    [
        ("bom8.txt", b"\xef\xbb\xbf" + TEXT.encode(), "utf-8-sig"),
        ("bom16le.txt", TEXT.encode("utf-16"), "utf-16"),
        ("bom16be.txt", b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16"),
        ("crlf.txt", TEXT.replace("\n", "\r\n").encode(), "utf-8"),
        ("cr.txt", TEXT.replace("\n", "\r").encode(), "utf-8"),
        ("mixed.txt", _mixed_line_ends(TEXT).encode(), "utf-8"),
    ],
)
def test_encodings_and_line_ends_read_like_plain_utf8(
    ws: Path, name: str, data: bytes, encoding: str
) -> None:
    path = ws / name
    path.write_bytes(data)
    before = snapshot(ws)
    reference = report_of(run(ws / "transcript.txt", "--refs", ws / "articles", "--json"))
    result = run(path, "--refs", ws / "articles", "--json")
    no_traceback(result)
    report = report_of(result)
    assert _segments(report) == _segments(reference)
    assert report["segments"][0]["original"][:1] != "\ufeff"
    assert report["quotes"] == reference["quotes"]
    assert snapshot(ws) == before
    if encoding not in ("utf-8", "utf-8-sig"):
        assert f"decoded as {encoding}" in report["transcript"]["notes"]


def test_cp1252_transcript_and_article_are_decoded_with_a_note(ws: Path) -> None:
    # cp1252 writes “ ” ’ as single bytes (0x93 0x94 0x92) and ï as 0xef.
    article = ws / "articles" / ARTICLE
    utf8 = report_of(run(ws / "transcript.txt", "--refs", ws / "articles", "--json"))
    article.write_bytes(article.read_text(encoding="utf-8").encode("cp1252"))
    transcript = ws / "latin1.txt"
    transcript.write_bytes(TEXT.replace("into Ukraine", "into Ukraïne").encode("cp1252", "replace"))
    before = snapshot(ws)
    report = report_of(run(transcript, "--refs", ws / "articles", "--json"))
    assert "decoded as cp1252" in report["transcript"]["notes"]
    assert "into Ukraïne" in " ".join(s["original"] for s in report["segments"])
    assert [r["title"] for r in report["references"]] == [r["title"] for r in utf8["references"]]
    assert [(q["text"], q["status"]) for q in report["quotes"]] == [
        (q["text"], q["status"]) for q in utf8["quotes"]
    ]
    assert snapshot(ws) == before


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("invalid.txt", b"\x81\x8d\x8f\x90\x9d" * 50 + b" hello", "is not valid UTF-8"),
        ("binary.txt", bytes(range(256)) * 8, "binary"),
        ("elf.srt", b"\x7fELF\x02\x01\x01" + b"\x00" * 64, "binary"),
        ("utf16-no-bom.txt", TEXT.encode("utf-16-le"), "binary"),
        ("controls.txt", b"hello \x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f there", "binary"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", b" \n\t\r\n \r", "white space"),
        ("bom-only.txt", b"\xef\xbb\xbf", "no transcript words"),
    ],
)
def test_unreadable_transcript(ws: Path, name: str, data: bytes, message: str) -> None:
    path = ws / name
    path.write_bytes(data)
    before = snapshot(ws)
    result = run(path, "--refs", ws / "articles", "--out", ws / "out.srt")
    failed_cleanly(result, path, message)
    assert snapshot(ws) == before


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.md", b"\n\n   \n", "white space"),
        ("binary.html", b"\x00\x01\x02PNG" * 100, "binary"),
        ("invalid.txt", b"\x81\x8d\x8f\x90\x9d" * 50, "is not valid UTF-8"),
        ("bom-only.md", b"\xef\xbb\xbf\n", "no article text"),
        ("saved.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "is a PDF document, not text"),
        ("story.html", b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 40, "a zip archive"),
        ("story.md", b"{\\rtf1\\ansi\\deff0 {\\fonttbl}} Hello", "is an RTF document"),
    ],
)
def test_unreadable_article_names_the_article(
    ws: Path, name: str, data: bytes, message: str
) -> None:
    path = ws / "articles" / name
    path.write_bytes(data)
    before = snapshot(ws)
    result = run(ws / "transcript.txt", "--refs", ws / "articles", "--report", ws / "r.json")
    failed_cleanly(result, path, message)
    assert snapshot(ws) == before


def test_files_of_other_types_in_the_folder_are_named_in_a_note(ws: Path) -> None:
    (ws / "articles" / "b-saved.pdf").write_bytes(b"%PDF-1.7\n")
    (ws / "articles" / "c-notes.docx").write_bytes(b"PK\x03\x04")
    shutil.copy(ws / "transcript.txt", ws / "articles" / "a-talk.vtt")
    result = run(ws / "articles" / "a-talk.vtt", "--refs", ws / "articles", "--json")
    assert len(report_of(result)["references"]) == 4
    (line,) = result.stderr.strip().splitlines()
    assert line == (
        f"align: note: skipped {ws / 'articles' / 'b-saved.pdf'} and 1 more: articles are "
        "read from .txt, .md and .html files"
    )
    quiet = run(ws / "articles" / "a-talk.vtt", "--refs", ws / "articles", "--json", "-q")
    assert quiet.stderr == ""


def test_directory_as_transcript_and_as_article(ws: Path) -> None:
    before = snapshot(ws)
    failed_cleanly(run(ws / "articles", "--refs", ws / "articles"), ws / "articles", "directory")
    (ws / "articles" / "folder.txt").mkdir()  # a folder named like an article is skipped
    report = report_of(run(ws / "transcript.txt", "--refs", ws / "articles", "--json"))
    assert len(report["references"]) == 4
    assert snapshot(ws) == before


def test_empty_standard_input(ws: Path) -> None:
    failed_cleanly(run("-", "--refs", ws / "articles", input=b""), "-", "empty")


# --- malformed subtitle files and JSON -------------------------------------------------------


def _bad(name: str) -> Path:
    return BAD / "transcripts" / name


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("srt-huge-time.srt", "no usable cue time (cue 1 (line 2): time 999:00:00,000 is beyond"),
        ("json3-infinite-time.json", "tStartMs=inf is not a number"),
        ("json3-nan-time.json", "dDurationMs=nan is not a number"),
        ("whisper-1e308-seconds.json", "beyond 100 hours"),
        ("whisper-huge-integer.json", "beyond 100 hours"),
        ("words-huge-integer.json", "beyond 100 hours"),
        ("whisper-nested-deep.json", "nested too deeply"),
    ],
)
def test_unusable_transcript_file_exits_3(tmp_path: Path, name: str, message: str) -> None:
    # Several of these crashed with OverflowError, ValueError or RecursionError.
    path = tmp_path / name
    shutil.copyfile(_bad(name), path)
    before = snapshot(tmp_path)
    result = run(path, "--refs", EXAMPLE / "articles", "--out", tmp_path / "out.vtt")
    failed_cleanly(result, path, message)
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(
    ("name", "texts", "note"),
    [
        (
            "srt-missing-numbers.srt",
            ["hello there", "general Kenobi", "you are a bold one"],
            None,
        ),
        (
            "srt-odd-arrows.srt",
            ["hello there", "general Kenobi", "you are a bold one"],
            "non-standard arrow",
        ),
        (
            "srt-broken-arrow.srt",
            ["hello there", "general Kenobi", "you are a bold one"],
            "non-standard arrow",
        ),
        (
            "srt-overlap-disorder.srt",
            ["hello there", "general Kenobi", "you are a bold one"],
            "out of order",
        ),
        (
            "vtt-stray-blocks.vtt",
            ["hello there", "general & Kenobi", "you are a bold one"],
            None,
        ),
    ],
)
def test_malformed_cues_are_repaired_and_noted(
    name: str, texts: list[str], note: str | None
) -> None:
    t = read_transcript(str(_bad(name)))
    assert [s.text for s in t.segments] == texts
    starts = [tok.start or 0 for tok in t.tokens]
    assert starts == sorted(starts)
    if note:
        assert any(note in n for n in t.notes), t.notes


def test_overlapping_and_backwards_cues_keep_their_times() -> None:
    t = read_transcript(str(_bad("srt-overlap-disorder.srt")))
    # The backwards cue (3 s to 2 s) is the last in the file: its end is guessed from
    # its length ("general Kenobi", 14 characters at 15 a second).
    assert [(s.start, s.end) for s in t.segments] == [(1000, 6000), (3000, 3933), (5000, 9000)]
    assert any("cue 3 (line 10): end time 00:00:02,000 is before start" in n for n in t.notes)
    assert any("overlap" in n for n in t.notes)


@pytest.mark.parametrize(
    ("name", "strict_error"),
    [
        ("srt-broken-arrow.srt", "cue 3 (line 10): non-standard arrow '=>'"),
        ("srt-negative-time.srt", "cue 1 (line 2): negative time -00:00:01,000"),
        ("srt-overlap-disorder.srt", "cue 3 (line 10): end time 00:00:02,000 is before start"),
    ],
)
def test_broken_timing_lines_are_repaired_unless_strict(
    tmp_path: Path, name: str, strict_error: str
) -> None:
    path = tmp_path / name
    shutil.copyfile(_bad(name), path)
    before = snapshot(tmp_path)
    out = tmp_path / "out.vtt"
    args = (path, "--refs", EXAMPLE / "articles", "--out", out)
    result = run(*args, "--strict")
    failed_cleanly(result, path, strict_error)
    assert snapshot(tmp_path) == before
    report = report_of(run(*args, "--json"))
    words = " ".join(s["original"] for s in report["segments"]).split()
    assert {"hello", "there"} <= set(words)
    line = strict_error.split("(")[1].split(")")[0]  # "line 10"
    notes = report["transcript"]["notes"]
    assert any(line in n for n in notes), notes
    assert read_transcript(str(out)).format == "vtt"


def test_the_example_of_a_broken_arrow_and_a_backwards_time(tmp_path: Path) -> None:
    path = tmp_path / "talk.srt"
    path.write_text(
        "1\n00:00:01,000 --> 00:00:02,000\nhello\n\n"
        "2\n00:00:05,000 -> 00:00:03,000\nbroken arrow\n",
        encoding="utf-8",
    )
    report = report_of(run(path, "--refs", EXAMPLE / "articles", "--json"))
    assert [(s["start"], s["end"], s["original"]) for s in report["segments"]] == [
        (1.0, 2.0, "hello"), (5.0, 5.8, "broken arrow"),
    ]  # fmt: skip
    assert any(n.startswith("cue 2 (line 6): end time") for n in report["transcript"]["notes"])
    result = run(path, "--refs", EXAMPLE / "articles", "--strict")
    failed_cleanly(
        result, path, "cue 2 (line 6): end time 00:00:03,000 is before start time 00:00:05,000"
    )


def test_stray_webvtt_header_is_not_read_as_words() -> None:
    t = read_transcript(str(_bad("vtt-stray-blocks.vtt")))
    assert "WEBVTT" not in " ".join(s.text for s in t.segments)
    assert "NOTE" not in " ".join(s.text for s in t.segments)


def test_caption_page_stops_at_a_clock_running_backwards() -> None:
    # A wrapped caption page followed by a list of video durations ("01:05") used
    # to read the durations as cues going back in time.
    t = read_transcript(str(_bad("caption-page-then-durations.txt")))
    assert t.format == "caption-page"
    starts = [s.start or 0 for s in t.segments]
    assert starts == sorted(starts) == [0, 4000, 129000]
    assert "Another press point" not in " ".join(s.text for s in t.segments)


def test_caption_page_stamp_past_100_hours_is_text() -> None:
    # Read as a stamp, it gave times the SRT export could not be read back with.
    t = read_transcript(str(_bad("caption-page-999-hours.txt")))
    assert [(s.start, s.text) for s in t.segments] == [
        (0, "we will not give up"),
        (4000, "on the people of Ruritania\n999:00:00 and the talks go on"),
        (9000, "thank you all"),
    ]
    for writer in ("srt", "vtt", "txt"):
        back = parse_transcript(write_segments(t.segments, writer, t.format), f"x.{writer}")
        assert [s.start for s in back.segments] == [0, 4000, 9000]


def test_caption_page_last_cue_ends_within_100_hours() -> None:
    # Its end is guessed from its length: it went past the limit every reader checks.
    from transcript_align.timecode import MAX_MS

    t = read_transcript(str(_bad("caption-page-last-cue-at-100-hours.txt")))
    assert t.segments[-1].end == MAX_MS
    assert all(tok.end is not None and tok.end <= MAX_MS for tok in t.tokens)
    back = parse_transcript(write_segments(t.segments, "srt", t.format), "x.srt")
    assert [(s.start, s.end) for s in back.segments] == [(s.start, s.end) for s in t.segments]


@pytest.mark.parametrize(
    "text",
    [
        '[{"word": "hello\\ud800", "start": 0, "end": 1}, {"word": "there", "start": 1, "end": 2}]',
        '{"events": [{"tStartMs": 0, "dDurationMs": 900, "segs": [{"utf8": "hi \\udfff there"}]}]}',
        '{"schema": "transcript-align/transcript@1", "source_format": "srt", "segments": '
        '[{"start": 0.0, "end": 1.0, "text": "hi \\udbff there", "speaker": null}]}',
    ],
)
def test_lone_surrogate_in_json_becomes_a_replacement_character(text: str) -> None:
    t = parse_transcript(text, "t.json")
    assert "\ufffd" in " ".join(s.text for s in t.segments)
    for writer in ("txt", "srt", "vtt", "json"):
        write_segments(t.segments, writer, t.format).encode("utf-8")


def test_lone_surrogate_does_not_break_any_output(ws: Path) -> None:
    # JSON escapes spelled half a UTF-16 pair: every output failed to encode and left
    # a temporary file behind.
    path = ws / "t.json"
    shutil.copyfile(_bad("whisper-lone-surrogate.json"), path)
    before = snapshot(ws)
    result = run(
        path, "--refs", ws / "articles", "--out", ws / "o.json", "--report", ws / "r.json",
        "--html", ws / "r.html",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert sorted(set(snapshot(ws)) - set(before)) == ["o.json", "r.html", "r.json"]
    report = json.loads((ws / "r.json").read_text(encoding="utf-8"))
    assert report["segments"][0]["original"] == "we will not give up \ufffd on the people"
    assert report["segments"][1]["original"] == "of Ruritania \U0001f600"
    assert report_of(run(path, "--refs", ws / "articles", "--json"))["schema"]


def test_write_that_fails_to_encode_leaves_no_temporary(tmp_path: Path) -> None:
    from transcript_align.textio import write_atomic

    with pytest.raises(UnicodeEncodeError):
        write_atomic(str(tmp_path / "o.txt"), "half a pair: \ud800")
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"foo": 1}', "JSON but not a transcript"),
        ('{"events": "x"}', "JSON but not a transcript"),
        ('{"segments": {"a": 1}}', "JSON but not a transcript"),
        ('{"segments": [{"start": "a", "text": 5}]}', "JSON but not a transcript"),
        ('{"segments": [{"start": 0, "end": 1, "text": " hi", "words": 3}]}', ""),
        ('[{"word": "hi", "start": 1, "end": -3}]', "negative time"),
        ('{"results": {"items": [{"start_time": "abc", "alternatives": []}]}}', ""),
        ('{"schema": "transcript-align/report@1", "quotes": []}', "is a transcript-align report"),
        ('{"segments": [', "invalid JSON"),
        ('{"events": [{"tStartMs": "0", "segs": [{"utf8": "hi"}]}]}', "not a number"),
    ],
)
def test_json_of_the_wrong_shape(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "t.json"
    path.write_text(text, encoding="utf-8")
    before = snapshot(tmp_path)
    result = run(path, "--refs", EXAMPLE / "articles", "--report", tmp_path / "r.json")
    failed_cleanly(result, path, message)
    assert snapshot(tmp_path) == before


# --- articles ---------------------------------------------------------------------------------


def test_html_article_without_body_text(ws: Path) -> None:
    path = ws / "articles" / "empty-page.html"
    shutil.copyfile(BAD / "references" / "no-body-text.html", path)
    before = snapshot(ws)
    failed_cleanly(run(ws / "transcript.txt", "--refs", ws / "articles"), path, "no article text")
    assert snapshot(ws) == before


def test_article_without_quotes_is_listed_and_checked(ws: Path) -> None:
    shutil.copyfile(BAD / "references" / "no-quotes.txt", ws / "articles" / "no-quotes.txt")
    report = report_of(run(ws / "transcript.txt", "--refs", ws / "articles", "--json"))
    ref = next(r for r in report["references"] if r["path"].endswith("no-quotes.txt"))
    assert ref["quotes"] == 0
    assert not [q for q in report["quotes"] if q["reference"] == ref["path"]]


def test_unbalanced_quote_marks(ws: Path) -> None:
    shutil.copyfile(BAD / "references" / "unbalanced-marks.txt", ws / "articles" / "unbal.txt")
    report = report_of(run(ws / "transcript.txt", "--refs", ws / "articles", "--json"))
    quotes = [q for q in report["quotes"] if q["reference"].endswith("unbal.txt")]
    # An unclosed mark runs to the end of its paragraph; a stray closing mark is ignored.
    assert [q["text"][:30] for q in quotes] == [
        "we welcome the ongoing efforts",
        "there is no unanimity within t",
    ]
    assert quotes[0]["status"] in ("verbatim", "edited")
    ref = parse_reference((BAD / "references" / "unbalanced-marks.txt").read_text(), "u.txt")
    assert any("never closed" in n for n in ref.notes)
    assert any("stray closing" in n for n in ref.notes)


@pytest.mark.parametrize(
    "page",
    [
        # Control characters lxml parses but refuses to set back as text (fuzz crashers).
        "<html><body><p>The mayor said “the deal is\x01 close” on Monday.</p>"
        "<p>More text here about it.</p></body></html>",
        "<html><body><p>The mayor said<script>x</script>\x0b the deal is close.</p></body></html>",
        "<html><body><p>The mayor said the deal is close \ufffe today.</p></body></html>",
    ],
)
def test_html_with_control_characters(page: str) -> None:
    kinds: tuple[ReferenceKind, ...] = ("html", "md", "txt")
    for kind in kinds:  # a page is read as HTML whatever its name says
        ref = parse_reference(page, f"a.{kind}", kind=kind)
        assert "the deal is close" in ref.text


def _transcript_words() -> list[str]:
    return " ".join(
        s.text for s in read_transcript(str(EXAMPLE / "transcript.txt")).segments
    ).split()


@pytest.mark.parametrize("copies", [1, 2])
def test_quote_longer_than_the_transcript(copies: int) -> None:
    t = read_transcript(str(EXAMPLE / "transcript.txt"))
    words = _transcript_words()
    text = f"Headline of the page\n\nHe said: “{' '.join(words * copies)} and more words”.\n"
    report = align(t, [parse_reference(text, "long.txt")])
    (q,) = report.quotes
    assert q.status in ("verbatim", "edited", "elided", "misquote", "not_found")
    if q.location is not None:
        loc = q.location
        assert 0 <= loc.first < loc.last <= len(report.spoken.tokens)
        assert loc.start is not None and loc.end is not None
        assert 0 <= loc.start <= loc.end <= (t.duration or 0)
    if copies == 1:
        assert q.status == "misquote"  # said, but "and more words" were not
        assert q.location is not None and q.location.first == 0


def test_quote_beyond_the_alignment_limit_says_what_was_checked() -> None:
    from transcript_align.alignment import MAX_PASSAGE

    words = [f"w{i % 997}x{i // 997}" for i in range(MAX_PASSAGE + 600)]
    lines = []
    for i in range(0, len(words), 10):
        s = i // 10 * 3
        lines.append(f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d} " + " ".join(words[i : i + 10]))
    t = parse_transcript("\n".join(lines) + "\n", "t.txt")
    quote = " ".join(words[100 : 100 + MAX_PASSAGE + 200])
    report = align(t, [parse_reference(f"A headline\n\nHe said: “{quote}”.\n", "r.txt")])
    (q,) = report.quotes
    assert q.status == "verbatim"
    assert f"only its first {MAX_PASSAGE} words were checked" in q.reason


def test_untimed_transcript_gives_verdicts_without_times(ws: Path) -> None:
    plain = ws / "plain.txt"
    plain.write_text(" ".join(_transcript_words()) + "\n", encoding="utf-8")
    report = report_of(run(plain, "--refs", ws / "articles", "--json"))
    assert report["transcript"]["format"] == "plain"
    assert report["transcript"]["duration"] is None
    found = [q for q in report["quotes"] if q["status"] not in ("not_found", "ignored")]
    assert found, "verdicts work without times"
    assert all(q["start"] is None and q["end"] is None for q in report["quotes"])
    assert all(c["start"] is None for c in report["corrections"])
    # A cue format needs times: the error names the output, and nothing is written.
    before = snapshot(ws)
    result = run(plain, "--refs", ws / "articles", "--out", ws / "x.srt")
    failed_cleanly(result, ws / "x.srt", "transcript has no times")
    assert snapshot(ws) == before
    result = run(plain, "--refs", ws / "articles", "--out", ws / "x.txt", "--html", ws / "x.html")
    assert result.exit_code == 0, result.output
    assert "?t=" not in (ws / "x.html").read_text(encoding="utf-8")


# --- outputs ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "target"),
    [
        ("--out", "transcript.txt"),
        ("--out", f"articles/{ARTICLE}"),
        ("--report", "transcript.txt"),
        ("--report", f"articles/{ARTICLE}"),
        ("--html", "transcript.txt"),
        ("--html", f"articles/{ARTICLE}"),
        ("--out", f"articles/../articles/./{ARTICLE}"),
    ],
)
def test_output_onto_an_input_is_refused(ws: Path, option: str, target: str) -> None:
    before = snapshot(ws)
    args = ["--format", "txt"] if option == "--out" else []
    result = run(ws / "transcript.txt", "--refs", ws / "articles", option, ws / target, *args)
    failed_cleanly(result, ws / target, "refusing to overwrite the input file")
    assert snapshot(ws) == before


def test_output_through_a_link_to_an_input_is_refused(ws: Path) -> None:
    (ws / "soft.txt").symlink_to(ws / "transcript.txt")
    os.link(ws / "articles" / ARTICLE, ws / "hard.txt")
    before = snapshot(ws)
    for option, target in (("--out", "soft.txt"), ("--report", "hard.txt")):
        result = run(ws / "transcript.txt", "--refs", ws / "articles", option, ws / target)
        failed_cleanly(result, ws / target, "refusing to overwrite the input file")
    assert snapshot(ws) == before


def test_two_outputs_with_one_name(ws: Path) -> None:
    before = snapshot(ws)
    result = run(
        ws / "transcript.txt", "--refs", ws / "articles", "--report", ws / "o.json",
        "--html", ws / "o.json",
    )  # fmt: skip
    failed_cleanly(result, ws / "o.json", "named for two different outputs")
    assert snapshot(ws) == before


@pytest.mark.parametrize(
    ("target", "message"),
    [("missing/out.srt", "does not exist"), ("articles", "")],
)
def test_output_into_a_missing_folder_or_onto_a_folder(ws: Path, target: str, message: str) -> None:
    before = snapshot(ws)
    result = run(ws / "transcript.txt", "--refs", ws / "articles", "--report", ws / target)
    failed_cleanly(result, ws / target, message)
    assert snapshot(ws) == before
    assert not (ws / "missing").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders anyway")
def test_output_into_a_read_only_folder(ws: Path) -> None:
    folder = ws / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        before = snapshot(ws)
        result = run(ws / "transcript.txt", "--refs", ws / "articles", "--out", folder / "o.srt")
        failed_cleanly(result, folder / "o.srt", "not writable")
        assert snapshot(ws) == before
    finally:
        folder.chmod(0o755)


def test_output_into_a_folder_the_system_calls_unwritable(
    ws: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The read-only case as the CLI sees it, also when running as root.
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode == os.W_OK else real(p, mode))
    before = snapshot(ws)
    result = run(ws / "transcript.txt", "--refs", ws / "articles", "--html", ws / "o.html")
    failed_cleanly(result, ws / "o.html", "is not writable")
    assert snapshot(ws) == before


def test_failed_write_leaves_the_old_file_and_no_temporary(
    ws: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (ws / "out.srt").write_text("old\n", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    before = snapshot(ws)
    result = run(ws / "transcript.txt", "--refs", ws / "articles", "--out", ws / "out.srt")
    failed_cleanly(result, ws / "out.srt", "No space left on device")
    assert snapshot(ws) == before
    assert (ws / "out.srt").read_text(encoding="utf-8") == "old\n"


def test_successful_run_writes_whole_outputs_and_no_temporary(ws: Path) -> None:
    before = snapshot(ws)
    result = run(
        ws / "transcript.txt", "--refs", ws / "articles", "--out", ws / "o.srt",
        "--report", ws / "o.json", "--html", ws / "o.html",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    after = snapshot(ws)
    assert {k: v for k, v in after.items() if k in before} == before
    assert sorted(set(after) - set(before)) == ["o.html", "o.json", "o.srt"]
    assert json.loads((ws / "o.json").read_text(encoding="utf-8"))["schema"]
    assert (ws / "o.html").read_text(encoding="utf-8").rstrip().endswith("</html>")
    assert read_transcript(str(ws / "o.srt")).format == "srt"


# --- size and repetition ------------------------------------------------------------------------


def _timed(words: list[str], per_line: int = 12) -> str:
    lines = []
    for k in range(0, len(words), per_line):
        s = k // per_line * 4
        lines.append(
            f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d} " + " ".join(words[k : k + per_line])
        )
    return "\n".join(lines) + "\n"


def _run_time(text: str) -> float:
    refs = read_references([str(EXAMPLE / "articles")])
    start = time.perf_counter()
    t = parse_transcript(text, "t.txt")
    report = align(t, refs)
    assert len(report.quotes) == sum(len(r.quotes) for r in refs)
    return time.perf_counter() - start


@pytest.mark.parametrize("timed", [False, True])
def test_repeated_word_stays_near_linear(timed: bool) -> None:
    def text(n: int) -> str:
        return _timed(["the"] * n) if timed else "the " * n

    _run_time(text(1000))  # warm caches
    small = min(_run_time(text(25_000)) for _ in range(2))
    large = min(_run_time(text(100_000)) for _ in range(2))  # best of two: a busy machine
    # 4x the input may take at most 10x the time (plus a little for timer noise).
    assert large < 10 * small + 0.05, (small, large)


def _big_words(megabytes: float) -> list[str]:
    """Pseudo-random speech with the example transcript said once in the middle."""
    import random

    rng = random.Random(7)
    vocab = [f"{a}{b}" for a in ("ka", "lo", "mi", "ne", "pu", "sor", "tal") for b in range(400)]
    vocab += "the of and to a in that is we it for on are with this as".split() * 20
    words_per_mb = 2**20 // 6
    words = [rng.choice(vocab) for _ in range(int(megabytes * words_per_mb))]
    middle = len(words) // 2
    words[middle:middle] = _transcript_words()
    return words


def _check_big(tmp_path: Path, megabytes: float) -> None:
    """A long caption page (12 words per 4 s: 5 MB is about 80 hours) is read and aligned."""
    path = tmp_path / "big.txt"
    path.write_text(_timed(_big_words(megabytes)), encoding="utf-8")
    result = run(path, "--refs", EXAMPLE / "articles", "--out", tmp_path / "big.srt", "--json")
    no_traceback(result)
    report = report_of(result)
    related = [r for r in report["references"] if r["status"] == "aligned"]
    assert len(related) == 2  # the two articles about this press point
    assert read_transcript(str(tmp_path / "big.srt")).format == "srt"


def test_half_megabyte_transcript(tmp_path: Path) -> None:
    _check_big(tmp_path, 0.5)


@pytest.mark.slow
def test_five_megabyte_transcript(tmp_path: Path) -> None:
    _check_big(tmp_path, 5)


@pytest.mark.slow
def test_fifty_megabyte_transcript_is_refused_not_swapped(tmp_path: Path) -> None:
    # Over 8 million words: far past MAX_TRANSCRIPT_WORDS, and past 100 hours of any
    # speech, so no times: a plain text that only the word limit stops.
    path = tmp_path / "big.txt"
    words = _big_words(50)
    path.write_text("\n".join(" ".join(words[k : k + 12]) for k in range(0, len(words), 12)))
    before = snapshot(tmp_path)
    start = time.perf_counter()
    result = run(path, "--refs", EXAMPLE / "articles", "--out", tmp_path / "big.srt")
    failed_cleanly(result, path, f"more than {MAX_TRANSCRIPT_WORDS:,} words")
    assert time.perf_counter() - start < 120
    assert snapshot(tmp_path) == before


def test_transcript_over_the_word_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import transcript_align.formats as formats

    monkeypatch.setattr(formats, "MAX_TRANSCRIPT_WORDS", 1000)
    parse_transcript("word " * 1000, "ok.txt")
    with pytest.raises(FormatError, match="more than 1,000 words, the limit"):
        parse_transcript("word " * 1001, "big.txt")
    # Words glued by punctuation count as the words they are.
    with pytest.raises(FormatError, match="more than 1,000 words"):
        parse_transcript(",".join(["a"] * 3000), "glued.txt")


# --- fuzz targets -----------------------------------------------------------------------------


@pytest.mark.parametrize("target", sorted(TARGETS))
def test_fuzz_targets_hold_their_contract_on_the_bad_inputs(target: str) -> None:
    for path in sorted(p for p in BAD.rglob("*") if p.is_file()):
        TARGETS[target].run(path.read_bytes())


def test_fuzz_targets_let_anything_but_an_align_error_through(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import fuzz.targets

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("a bug")

    seed = (BAD / "transcripts" / "srt-missing-numbers.srt").read_bytes()
    TARGETS["read-srt"].run(seed)
    monkeypatch.setattr(fuzz.targets, "parse_transcript", broken)
    with pytest.raises(ValueError, match="a bug"):
        TARGETS["read-srt"].run(seed)

    def refused(*args: object, **kwargs: object) -> None:
        raise FormatError("x", "not a transcript")

    monkeypatch.setattr(fuzz.targets, "parse_transcript", refused)
    TARGETS["read-srt"].run(seed)
    assert all(re.fullmatch(r"[a-z0-9-]+", n) for n in TARGETS)
