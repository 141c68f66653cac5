"""Command line: parse options, call the library, render, map errors to exit codes.

Exit status: 0 success, 2 usage error, 3 unreadable or unsupported input or an
output that cannot be written safely, 1 an internal error (a bug: set
``TRANSCRIPT_ALIGN_DEBUG=1`` to see the traceback).
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.live import Live
from rich.text import Text

from . import BUILD, __version__
from .collector import paused_collections
from .errors import AlignError, FormatError, OutputError
from .formats import read_transcript, reader_names, writer_for, writer_like
from .models import Options, Transcript
from .pipeline import Progress
from .pipeline import align as run_align
from .references import load_references
from .textio import STDIN, same_file, write_atomic

EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_BUG = 1

app = typer.Typer(
    name="transcript-align",
    help="Align a noisy transcript with articles about the same event.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"transcript-align {__version__} ({BUILD})")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Align a noisy transcript with articles about the same event."""


@app.command("align")
def align_command(
    transcript: Annotated[
        str,
        typer.Argument(
            help="Transcript file (caption page, SRT, WebVTT, ASS/SSA, TTML, SAMI, MicroDVD, "
            "MPL2, YouTube json3, Whisper, whisper.cpp, AWS Transcribe, Deepgram or AssemblyAI "
            "JSON, timed word list, plain text), or - for standard input.",
            show_default=False,
        ),
    ],
    refs: Annotated[
        list[str],
        typer.Option(
            "--refs", "-r", help="Article file or folder (recursed; .txt .md .html). Repeatable."
        ),
    ],
    out: Annotated[
        str | None,
        typer.Option(
            "--out",
            "-o",
            help="Write the corrected transcript here (.txt .srt .vtt .json .ass .ssa .ttml "
            ".smi .sub; - for stdout).",
        ),
    ] = None,
    out_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="Format of --out when the extension does not say (txt, srt, vtt, json, ass, "
            "ssa, ttml, sami, microdvd, mpl2).",
        ),
    ] = None,
    json_out: Annotated[
        bool, typer.Option("--json", help="Print the JSON report instead of the terminal report.")
    ] = False,
    report_path: Annotated[
        str | None, typer.Option("--report", help="Write the JSON report to this file.")
    ] = None,
    html_path: Annotated[
        str | None, typer.Option("--html", help="Write a self-contained HTML report to this file.")
    ] = None,
    suggest: Annotated[
        bool, typer.Option("--suggest", help="Report corrections without applying any.")
    ] = False,
    min_confidence: Annotated[
        float,
        typer.Option(
            "--min-confidence",
            min=0.0,
            max=1.0,
            help="Apply a correction only at or above this confidence.",
        ),
    ] = Options.min_confidence,
    clean: Annotated[
        bool, typer.Option("--clean", help="Also remove stutters and fillers (uh, is is).")
    ] = False,
    readable: Annotated[
        bool,
        typer.Option(
            "--readable",
            help="Restore sentences, casing and punctuation and remove disfluencies "
            "(implies --clean).",
        ),
    ] = False,
    no_repair: Annotated[
        bool, typer.Option("--no-repair", help="Verify quotes only; propose no corrections.")
    ] = False,
    input_format: Annotated[
        str | None,
        typer.Option("--input-format", help="Transcript format, when detection should not decide."),
    ] = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Refuse a cue with a malformed timing line (impossible or backwards time, "
            "missing end, odd arrow) instead of repairing it.",
        ),
    ] = False,
    video_url: Annotated[
        str | None,
        typer.Option("--video-url", help="Video address for ?t= links in the HTML report."),
    ] = None,
    no_color: Annotated[
        bool, typer.Option("--no-color", help="Plain text report, no colours or styles.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress messages on standard error.")
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", min=1, help="Processes for long inputs (default: one per core)."),
    ] = None,
) -> None:
    """Repair TRANSCRIPT from the articles in --refs and check every quote in them."""
    if json_out and out == STDIN:
        _usage("--json and --out - would both write to standard output")
    if input_format and input_format not in reader_names():
        _usage(f"unknown --input-format {input_format!r}; known: {', '.join(reader_names())}")
    with _errors_to_exit(), paused_collections():
        writer = writer_for(out, out_format) if out and (out != STDIN or out_format) else None
        # The transcript is read while helper processes read the articles.
        read: list[Transcript] = []
        references, skipped = load_references(
            refs,
            exclude=[transcript],
            jobs=jobs,
            meanwhile=lambda: read.append(
                read_transcript(transcript, format=input_format, strict=strict)
            ),
        )
        t = read[0]
        if out == STDIN and writer is None:
            writer = writer_like(t.format)
        if skipped and not quiet:
            more = f" and {len(skipped) - 1} more" if len(skipped) > 1 else ""
            typer.echo(
                f"align: note: skipped {skipped[0]}{more}: articles are read from .txt, .md "
                "and .html files",
                err=True,
            )
        inputs = [transcript, *(r.path for r in references)]
        targets = [p for p in (out, report_path, html_path) if p and p != STDIN]
        _check_targets(targets, inputs)

        options = Options(
            repair=not no_repair,
            apply=not suggest,
            min_confidence=min_confidence,
            clean=clean,
            readable=readable,
            jobs=jobs,
        )
        with _progress(quiet) as progress:
            report = run_align(t, references, options, progress=progress)

        from .report import to_json

        if out and writer:
            from .export import export_transcript

            try:
                exported = export_transcript(t, report.corrections, writer)
            except FormatError as exc:  # e.g. no times to write cues with: name --out
                raise OutputError(out, exc.problem) from None
            write_atomic(out, exported, inputs=inputs)
        document = to_json(report) if report_path or json_out else ""
        if report_path:
            write_atomic(report_path, document, inputs=inputs)
        if html_path:
            from .html import to_html

            write_atomic(html_path, to_html(report, video_url=video_url), inputs=inputs)
        if json_out:
            sys.stdout.write(document)
        elif out != STDIN:
            from .render import report_view

            # no_color alone still writes bold/dim codes; no colour system writes none.
            console = Console(
                no_color=no_color,
                color_system=None if no_color else "auto",
                highlight=False,
                emoji=False,
                soft_wrap=False,
            )
            console.print(report_view(report))


def _check_targets(targets: list[str], inputs: list[str]) -> None:
    """Refuse every unsafe output before anything is written."""
    seen: list[str] = []
    for target in targets:
        for source in inputs:
            if same_file(target, source):
                raise OutputError(target, f"refusing to overwrite the input file {source}")
        for other in seen:
            if same_file(target, other) or os.path.abspath(target) == os.path.abspath(other):
                raise OutputError(target, "named for two different outputs")
        folder = Path(target).parent
        if not folder.is_dir():
            raise OutputError(target, f"folder {folder} does not exist")
        if Path(target).is_dir():
            raise OutputError(target, "is a directory")
        if not os.access(folder, os.W_OK):
            raise OutputError(target, f"folder {folder} is not writable")
        seen.append(target)


@contextmanager
def _progress(quiet: bool) -> Iterator[Progress | None]:
    """A stderr status line while working, only when stderr is a terminal."""
    err = Console(stderr=True)
    if quiet or not err.is_terminal:
        yield None
        return
    # No refresh thread: a threaded process is not forked for parallel work.
    with Live(Text("reading…"), console=err, auto_refresh=False, transient=True) as live:
        yield lambda message: live.update(Text(f"{message}…"), refresh=True)


@contextmanager
def _errors_to_exit() -> Iterator[None]:
    try:
        yield
    except AlignError as exc:
        typer.echo(f"align: error: {exc}", err=True)
        raise typer.Exit(EXIT_INPUT) from None
    except KeyboardInterrupt:
        typer.echo("align: interrupted", err=True)
        raise typer.Exit(130) from None
    except (typer.Exit, typer.Abort):
        raise
    except Exception as exc:  # a bug: one line, not a traceback, unless asked
        if os.environ.get("TRANSCRIPT_ALIGN_DEBUG"):
            raise
        typer.echo(
            f"align: internal error: {type(exc).__name__}: {exc} "
            "(set TRANSCRIPT_ALIGN_DEBUG=1 for details)",
            err=True,
        )
        raise typer.Exit(EXIT_BUG) from None


def _usage(message: str) -> None:
    typer.echo(f"align: usage error: {message}", err=True)
    raise typer.Exit(EXIT_USAGE)


single = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
single.command(help=align_command.__doc__)(align_command)


def main() -> None:
    """``transcript-align`` and ``python -m transcript_align``: the umbrella command."""
    _last(app, "transcript-align")


def align_main() -> None:
    """``align``: the align command on its own."""
    _last(single, "align")


def _last(command: typer.Typer, name: str) -> None:
    """Run ``command``, the last thing this process does.

    On its way out the interpreter collects garbage once more, and that walk covers
    everything still alive: the caches of every word and pair a run looked at (0.1 s
    at 7,500 words, a quarter of a second at 30,000). Nothing is left to find by then,
    so whatever lives is frozen out of that walk (it is still freed)."""
    try:
        command(prog_name=name)
    finally:
        gc.freeze()
