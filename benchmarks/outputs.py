"""The JSON report of every fixed scenario, to show that a change for speed changes no output.

``python -m benchmarks.outputs DIR`` writes one report per scenario into
``DIR``: the seed example, the bundled example, the test events and
generated events of both vocabularies (ordinary and heavy, every transcript
format). Run it before and after a change and compare with ``diff -r``: a
change for speed must leave every byte as it was.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import transcript_align as ta
from transcript_align.report import to_json

from . import HERE, OUT
from .synth import Spec, ensure, load_truth

REPO = HERE.parent
FIXED = (
    ("seed", REPO / "seeds" / "002_0ebee46477878465.txt", REPO / "seeds"),
    (
        "example",
        REPO / "examples" / "nato-press-point" / "transcript.txt",
        REPO / "examples" / "nato-press-point" / "articles",
    ),
    (
        "flood-barrier",
        REPO / "tests" / "data" / "events" / "flood-barrier" / "transcript.txt",
        REPO / "tests" / "data" / "events" / "flood-barrier" / "articles",
    ),
    (
        "transit-hearing",
        REPO / "tests" / "data" / "events" / "transit-hearing" / "hearing.srt",
        REPO / "tests" / "data" / "events" / "transit-hearing" / "articles",
    ),
)
GENERATED = (
    Spec(seed=1, words=1_800, articles=12, noise="low", format="caption-page"),
    Spec(seed=2, words=6_000, articles=40, noise="high", format="words-json"),
    Spec(seed=3, words=6_000, articles=40, noise="medium", format="srt", vocabulary="heavy"),
    Spec(seed=4, words=15_000, articles=250, noise="high", format="srt", vocabulary="heavy"),
    Spec(seed=0, words=30_000, articles=500, noise="medium", format="srt"),
    Spec(seed=0, words=30_000, articles=500, noise="medium", format="srt", vocabulary="heavy"),
)


def scenarios(root: Path) -> list[tuple[str, Path, Path]]:
    """(name, transcript, articles) of every scenario; generated data is made when missing."""
    out = list(FIXED)
    for spec in GENERATED:
        folder = ensure(spec, root)
        transcript = folder / load_truth(folder)["transcript"]["file"]
        out.append((spec.key, transcript, folder / "articles"))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.outputs", description=__doc__)
    parser.add_argument("out", type=Path, help="folder to write one report per scenario into")
    parser.add_argument("--work", type=Path, default=OUT / "data", help="generated data sets")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, transcript, articles in scenarios(args.work):
        t = time.perf_counter()
        report = ta.align(
            ta.read_transcript(str(transcript)),
            ta.read_references([str(articles)], exclude=[str(transcript)]),
        )
        (args.out / f"{name}.json").write_text(to_json(report), encoding="utf-8")
        print(f"{name}: {time.perf_counter() - t:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
