"""The terminal report: plain text that keeps the diff readable, colour on a terminal, width."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pytest
from rich.cells import cell_len
from rich.console import Console
from typer.testing import CliRunner

from transcript_align.cli import single
from transcript_align.models import DiffOp, Quote, Reference, ReferenceCheck, Report
from transcript_align.render import report_view, to_text

from .conftest import DATA, EXAMPLE
from .test_report import check, example_report, fix, place, small_report

ESC = "\x1b"
GOLDEN = DATA / "report" / "small-report.txt"


def coloured(report: Report, width: int = 80) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=True, color_system="truecolor")
    console.print(report_view(report))
    return buffer.getvalue()


def test_plain_report_matches_the_golden_file() -> None:
    assert to_text(small_report()) == GOLDEN.read_text(encoding="utf-8")


def test_correction_is_shown_as_a_diff() -> None:
    out = to_text(small_report())
    assert (
        "Corrections  1 applied\n"
        "  00:02  name  confidence 0.95\n"
        "    - Witko\n"
        "    + Witkoff\n"
        "    from a.txt: “Envoy Steve Witkoff”\n"
    ) in out


def test_misquote_diff_is_marked_in_plain_text() -> None:
    out = to_text(small_report())
    assert (
        "  [misquote]  00:05–00:09  similarity 0.81  — Rutte\n"
        "    no unanimity about Ukraine coming [-into NATO-]{+in the Alliance+}\n"
    ) in out


def test_tidying_is_counted_and_repairs_listed() -> None:
    out = to_text(example_report())
    assert (
        "Corrections  1 applied, 1 suggested\n"
        "  disfluency   1 suggested\n"
        "  02:12  name  confidence 0.95\n"
        "    - Witko\n"
        "    + Witkoff\n"
        "    from anewz-no-consensus-yet.txt: “special envoy Steve Witkoff and adviser J…\n"
    ) in out


def test_example_report_sections() -> None:
    out = to_text(example_report())
    assert out.startswith("Transcript  ")
    assert "caption-page · 03:10 · 544 words" in out
    assert "note: dropped 8 line(s) of page text before the transcript" in out
    assert "  aligned    0.41  anewz-no-consensus-yet.txt\n" in out
    assert "  unrelated  0.02  dec2024-rutte-refrains.txt\n" in out
    assert "why: no passage aligns better than chance" in out
    # Quotes grouped by article, in report order.
    assert (
        out.index("Quotes in aa-rutte")
        < out.index("Quotes in anewz")
        < out.index("Quotes in dec2024-rutte")
    )
    assert "  [verbatim]  00:27–00:33\n" in out
    assert "Let's {+let's+} hope {+that+} we get to a point" in out
    # An unrelated article's quotes are counted, not listed one by one.
    assert "  1 quote not looked for: the article is about another event\n" in out
    # A long elision is shortened in the terminal.
    assert "{+you've seen him chairing the … contact I\n    personally (22 words)+}" in out
    assert (
        "Summary  10 quotes: 2 verbatim, 1 edited, 1 elided, 1 misquote, 4 not found,\n"
        "         1 ignored\n"
        "         2 corrections: 1 applied, 1 suggested\n"
        "         4 articles: 2 aligned, 2 unrelated\n"
    ) in out


@pytest.mark.parametrize("width", [80, 60, 100])
def test_every_line_fits_the_width(width: int) -> None:
    r = example_report()
    long_word = "x" * 150
    t = replace(r.transcript, path="/very/" + "deep/" * 30 + "transcript.txt")
    ref = Reference("refs/" + "long-name-" * 12 + ".txt", "A title " * 30, "")
    q = Quote(f"a quote with {long_word} in it " * 3, 0, 10)
    extra = check(ref, q, "misquote", place(t, "I would like"), [DiffOp("replace", long_word, "y")])
    r = replace(
        r,
        transcript=t,
        references=(*r.references, ReferenceCheck(ref, "aligned", 0.3, "why " * 40)),
        quotes=(*r.quotes, extra),
    )
    for text in (to_text(r, width=width), coloured(r, width)):
        plain = re.sub(r"\x1b\[[0-9;]*m", "", text)
        for line in plain.splitlines():
            assert cell_len(line) <= width, line
    assert to_text(r, width=width).splitlines()[0].startswith("Transcript  …")


def test_plain_output_has_no_escape_codes_and_no_trailing_spaces() -> None:
    out = to_text(example_report())
    assert ESC not in out
    assert all(line == line.rstrip() for line in out.splitlines())


def test_colour_output_styles_the_diff_instead_of_marking_it() -> None:
    out = coloured(small_report())
    assert ESC in out
    assert "[-" not in out and "{+" not in out
    assert "\x1b[9;31minto NATO\x1b[0m" in out  # struck through, red
    assert "\x1b[1;32min the Alliance\x1b[0m" in out  # bold green
    assert " MISQUOTE " in out


def test_no_color_console_on_a_terminal_is_still_plain() -> None:
    buffer = io.StringIO()
    Console(file=buffer, force_terminal=True, no_color=True).print(report_view(small_report()))
    assert ESC not in buffer.getvalue()
    assert "[-into NATO-]{+in the Alliance+}" in buffer.getvalue()


def test_inputs_cannot_drive_the_terminal_or_rich_markup() -> None:
    r = small_report()
    ref = replace(r.references[0].reference, title="[bold red]not markup[/] \x1b[2J\x07end\u202e")
    q = replace(r.quotes[1], quote=replace(r.quotes[1].quote, text="[link=x]hi[/link]\x1b]8;;"))
    r = replace(r, references=(replace(r.references[0], reference=ref),), quotes=(q,))
    for out in (to_text(r), coloured(r)):
        assert "\x07" not in out and "\u202e" not in out and "\x1b]8" not in out
        assert "\x1b[2J" not in out
    out = to_text(r)
    assert "[bold red]not markup[/] �[2J�end�" in out
    assert "“[link=x]hi[/link]�]8;;”" in out


def test_untimed_transcript() -> None:
    out = to_text(small_report(timed=False))
    assert "plain · 18 words" in out
    assert "  --:--  name  confidence 0.95\n" in out
    assert "  [misquote]  --:--  similarity 0.81  — Rutte\n" in out


def test_empty_report() -> None:
    r = small_report()
    r = Report(r.transcript, ())
    out = to_text(r)
    assert "Corrections" not in out and "Quotes in" not in out
    assert "Summary  0 quotes\n         0 corrections: 0 applied, 0 suggested\n" in out


def test_aligned_article_without_quotes_is_listed() -> None:
    r = small_report()
    ref = Reference("refs/b.txt", "Another report", "")
    r = replace(r, references=(*r.references, ReferenceCheck(ref, "aligned", 0.2)))
    assert "Quotes in b.txt  (aligned, 0.20)\n  no direct quotes\n" in to_text(r)


def test_references_with_the_same_file_name_are_told_apart() -> None:
    r = small_report()
    ref = r.references[0].reference
    other = replace(ref, path="other/a.txt")
    q = replace(r.quotes[2], reference=other.path)
    r = replace(
        r,
        references=(*r.references, ReferenceCheck(other, "unrelated", 0.01)),
        quotes=(*r.quotes, q),
    )
    out = to_text(r)
    assert "Quotes in refs/a.txt  (aligned, 0.50)" in out
    assert "Quotes in other/a.txt  (unrelated, 0.01)" in out


def test_cli_terminal_report_is_plain_when_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    import transcript_align.cli as cli

    report = example_report()
    monkeypatch.setattr(cli, "run_align", lambda t, refs, options, progress=None: report)
    args = [str(EXAMPLE / "transcript.txt"), "--refs", str(EXAMPLE / "articles")]
    for extra in ([], ["--no-color"]):
        result = CliRunner().invoke(single, [*args, *extra], env={"COLUMNS": "80"})
        assert result.exit_code == 0, result.output
        assert ESC not in result.stdout
        assert result.stdout == to_text(report)
        assert "[-into NATO-]{+in the\n    Alliance+}" in result.stdout


def test_cli_terminal_report_on_the_example() -> None:
    result = CliRunner().invoke(
        single,
        [str(EXAMPLE / "transcript.txt"), "--refs", str(EXAMPLE / "articles"), "--no-color"],
        env={"COLUMNS": "80"},
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Transcript  ")
    assert "Summary  " in result.stdout
    assert all(cell_len(line) <= 80 for line in result.stdout.splitlines())


def test_fix_helper_finds_repeated_words() -> None:
    # The shared builder picks the occurrence after a given token; guards the tests above.
    t = small_report().transcript
    assert fix(t, "Witko", "Witkoff").first == 4


@pytest.mark.parametrize("width", [30, 80, 140])
def test_lines_drawn_straight_to_segments_read_as_the_console_draws_them(
    monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    """A line that cannot wrap goes to the console as segments; the report reads the same,
    plain and in colour, as when the console renders every line itself."""
    from transcript_align import render

    report = example_report()
    fast = (to_text(report, width=width), coloured(report, width))
    monkeypatch.setattr(render, "_rendered", lambda _console, _options, text: iter([text]))
    assert fast == (to_text(report, width=width), coloured(report, width))
