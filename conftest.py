"""Doctest collection: compiled modules keep no docstrings, so theirs run from the sources
(``tests/test_build.py``); the build stamp is no module to test."""

from __future__ import annotations

from transcript_align import build

collect_ignore = [f"transcript_align/{build.STAMP}.py"]
if build.IN_USE == "compiled":
    collect_ignore += [f"transcript_align/{n.replace('.', '/')}.py" for n in build.MODULES]
