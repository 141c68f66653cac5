"""The compiled build and the Python sources: chosen safely, and the same output."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from transcript_align import BUILD, build

from .conftest import DATA, EXAMPLE, ROOT

COMPILED = BUILD == "compiled"
needs_build = pytest.mark.skipif(not COMPILED, reason=f"not the compiled build ({BUILD})")


def _run(args: list[str], *, pure: bool, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, build.PURE: "1" if pure else ""}
    return subprocess.run(
        [sys.executable, "-c", "from transcript_align.cli import align_main; align_main()", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_sources_run_when_asked_edited_or_incomplete() -> None:
    assert build.why_sources("", "abc", "abc") is None
    assert build.why_sources("0", "abc", "abc") is None
    assert build.why_sources("1", "abc", "abc") == f"{build.PURE} is set"
    assert build.why_sources("", "abc", "abd") == "the sources changed since the build"
    assert build.why_sources("", None, "abc") == "the build is incomplete"
    # A module added to the build since: the old compiled files must not run either.
    assert build.why_sources("", "abc", "abc", complete=False) == "the build is incomplete"


def test_the_digest_follows_every_compiled_source(tmp_path: Path) -> None:
    for name in build.MODULES:
        path = tmp_path.joinpath(*name.split(".")).with_suffix(".py")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# {name}\n", encoding="utf-8")
    before = build.digest(tmp_path)
    assert build.digest(tmp_path) == before
    last = tmp_path.joinpath(*build.MODULES[-1].split(".")).with_suffix(".py")
    last.write_text("# edited\n", encoding="utf-8")
    assert build.digest(tmp_path) != before
    assert not build.compiled(tmp_path, build.MODULES[0])


def test_the_version_names_the_build() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "transcript_align", "--version"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, build.PURE: "1"},
    )
    assert done.stdout.strip().startswith("transcript-align ")
    if COMPILED:  # with compiled modules at hand the variable makes the sources run
        assert done.stdout.strip().endswith(f"(python: {build.PURE} is set)")


@pytest.mark.skipif(os.environ.get("CI") != "true", reason="only CI promises a C compiler")
def test_ci_tests_the_compiled_build() -> None:
    assert BUILD == "compiled"


@needs_build
def test_compiled_modules_are_the_ones_imported() -> None:
    from transcript_align import alignment, repair

    assert not alignment.__file__.endswith(".py")
    assert not repair.decide.__file__.endswith(".py")


@needs_build
def test_the_doctests_of_compiled_modules_pass_from_their_sources() -> None:
    """Compiled functions keep no docstrings; their examples still hold for the sources."""
    files = [f"transcript_align/{n.replace('.', '/')}.py" for n in build.MODULES]
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *files],
        cwd=ROOT,
        env={**os.environ, build.PURE: "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:]
    assert " passed" in done.stdout


@needs_build
@pytest.mark.parametrize(
    ("transcript", "articles"),
    [
        (EXAMPLE / "transcript.txt", EXAMPLE / "articles"),
        (DATA / "events" / "transit-hearing" / "hearing.srt", None),
        (DATA / "events" / "ferry-roundup" / "transcript.srt", None),
    ],
)
def test_compiled_and_python_give_the_same_bytes(
    tmp_path: Path, transcript: Path, articles: Path | None
) -> None:
    folder = articles or transcript.parent / "articles"
    outputs = {}
    for pure in (False, True):
        out = tmp_path / ("python" if pure else "compiled")
        out.mkdir()
        args = [str(transcript), "--refs", str(folder), "--readable", "--json"]
        args += ["--report", "r.json", "--out", "t.srt", "--html", "r.html"]
        done = _run(args, pure=pure, cwd=out)
        assert done.returncode == 0, done.stderr
        files = ("r.json", "t.srt", "r.html")
        outputs[pure] = (done.stdout, *((out / n).read_bytes() for n in files))
    assert outputs[False] == outputs[True]
