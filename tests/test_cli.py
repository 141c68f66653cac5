"""The command line, driven in-process: output and exit codes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from transcript_align.cli import app, single

from .conftest import EXAMPLE

runner = CliRunner()
TRANSCRIPT = str(EXAMPLE / "transcript.txt")
ARTICLES = str(EXAMPLE / "articles")


def run(*args: str, input: str | None = None):
    return runner.invoke(single, list(args), input=input)


def test_json_report_skeleton_on_the_example() -> None:
    result = run(TRANSCRIPT, "--refs", ARTICLES, "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["schema"] == "transcript-align/report@2"
    assert report["transcript"]["format"] == "caption-page"
    assert report["transcript"]["words"] > 500
    assert len(report["references"]) == 4
    assert report["segments"][1]["original"].startswith("turn into Ukraine")


def test_umbrella_command_has_align_subcommand() -> None:
    result = runner.invoke(app, ["align", TRANSCRIPT, "--refs", ARTICLES, "--json"])
    assert result.exit_code == 0, result.output


def test_transcript_from_stdin(tmp_path: Path) -> None:
    text = (EXAMPLE / "transcript.txt").read_text(encoding="utf-8")
    result = run("-", "--refs", ARTICLES, "--json", input=text)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["transcript"]["path"] == "-"


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda w: str(w("x.txt", "x").parent / "nope.txt"), "no such file"),
        (lambda w: str(w("d/x.txt", "x").parent), "is a directory"),
        (lambda w: str(w("empty.txt", "")), "empty"),
        (lambda w: str(w("blank.txt", "  \n\n ")), "white space"),
        (lambda w: str(w("bin.txt", b"\x00\x01\x02\x03garbage\x00" * 20)), "binary"),
        (lambda w: str(w("bad.txt", b"\xff\xfe\xfa" * 5 + b"\x81\x8d\x8f" * 100)), ""),
        (lambda w: str(w("punct.txt", "... --- !!! ???\n")), "no transcript words"),
    ],
)
def test_bad_transcript_exits_3_with_one_line(
    write: Callable[..., Path], setup: Callable[..., str], message: str
) -> None:
    path = setup(write)
    result = run(path, "--refs", ARTICLES)
    assert result.exit_code == 3, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert path in lines[0] and message in lines[0]
    assert "Traceback" not in result.output


def test_missing_refs_path_exits_3(tmp_path: Path) -> None:
    result = run(TRANSCRIPT, "--refs", str(tmp_path / "none"))
    assert result.exit_code == 3
    assert "no such file or folder" in result.stderr


@pytest.mark.parametrize(
    "which", ["transcript", "refs"], ids=["transcript-address", "refs-address"]
)
def test_a_web_address_is_named_as_one(which: str) -> None:
    address = "https://example.com/news/ferry-report.html"
    args = (
        [address, "--refs", ARTICLES] if which == "transcript" else [TRANSCRIPT, "--refs", address]
    )
    result = run(*args)
    assert result.exit_code == 3
    assert result.stderr.strip() == (
        f"align: error: {address}: a web address: nothing is downloaded; save the page and "
        "give the file"
    )


def test_refs_folder_without_text_files_exits_3(write: Callable[..., Path]) -> None:
    folder = write("refs/picture.png", b"\x89PNG").parent
    result = run(TRANSCRIPT, "--refs", str(folder))
    assert result.exit_code == 3
    assert "no .txt, .md or .html" in result.stderr


def test_usage_errors_exit_2() -> None:
    assert run().exit_code == 2
    assert run(TRANSCRIPT).exit_code == 2  # --refs is required
    assert run(TRANSCRIPT, "--refs", ARTICLES, "--min-confidence", "2").exit_code == 2
    assert run(TRANSCRIPT, "--refs", ARTICLES, "--bogus").exit_code == 2


def test_out_never_overwrites_an_input(tmp_path: Path) -> None:
    src = tmp_path / "t.txt"
    src.write_bytes((EXAMPLE / "transcript.txt").read_bytes())
    before = src.read_bytes()
    result = run(str(src), "--refs", ARTICLES, "--out", str(src))
    assert result.exit_code == 3
    assert "refusing to overwrite" in result.stderr
    assert src.read_bytes() == before


def test_out_into_missing_folder_exits_3_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "out.txt"
    result = run(TRANSCRIPT, "--refs", ARTICLES, "--out", str(target))
    assert result.exit_code == 3
    assert "does not exist" in result.stderr
    assert not target.parent.exists()


def test_the_program_leaves_what_lives_out_of_the_last_collection(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gc
    import sys

    from transcript_align import cli

    frozen: list[bool] = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    monkeypatch.setattr(sys, "argv", ["align", "--help"])
    with pytest.raises(SystemExit) as done:
        cli.align_main()
    assert done.value.code == 0
    assert frozen == [True]
