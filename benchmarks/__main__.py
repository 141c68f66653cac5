"""``python -m benchmarks``: run the benchmarks and write ``results.md`` / ``results.json``.

::

    python -m benchmarks                     # everything, full sizes (tens of minutes)
    python -m benchmarks --quick             # small sizes, one seed (under a minute)
    python -m benchmarks speed quality       # only some parts
    python -m benchmarks readable            # the readable transcript on Earnings-21
    python -m benchmarks fit-readable        # refit transcript_align/data/readable.json
    python -m benchmarks fit-mishearing      # refit transcript_align/data/mishearing.json
    python -m benchmarks synth OUT --seed 3  # write one generated data set to a folder
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from . import EARNINGS21, HERE, OUT, earnings21, quality, readable, speed, tables
from .asr import NOISE
from .captions import FORMATS
from .synth import VOCABULARIES, Spec, generate, write

PARTS = ("speed", "quality", "earnings21", "readable")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["synth"]:
        return synth_main(argv[1:])
    if argv[:1] == ["fit-readable"]:
        from .fit_readable import fit

        print(json.dumps(fit(), indent=1))
        return 0
    if argv[:1] == ["fit-mishearing"]:
        from .fit_mishearing import fit as fit_mishearing

        summary = {**fit_mishearing(), "when": _now()}
        print(json.dumps(summary, indent=1))
        return record(HERE, "mishearing", summary, tables.mishearing(summary))
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "parts",
        nargs="*",
        metavar="PART",
        help=f"which benchmarks to run: {', '.join(PARTS)} (default: all)",
    )
    parser.add_argument(
        "--quick", action="store_true", help="small sizes and one seed: finishes in under a minute"
    )
    parser.add_argument(
        "--repeats",
        type=int,
        default=None,
        help="runs per speed measurement (default 1 quick, 3 full)",
    )
    parser.add_argument("--no-profile", action="store_true", help="skip the cProfile run")
    parser.add_argument(
        "--earnings21",
        type=Path,
        default=EARNINGS21,
        help=f"the Earnings-21 subset (default {EARNINGS21})",
    )
    parser.add_argument(
        "--vendor",
        choices=earnings21.VENDORS,
        default="amazon",
        help="the recogniser whose words earnings21 reads (the fitting set has all three; "
        "the test set Amazon's only)",
    )
    parser.add_argument(
        "--work", type=Path, default=OUT, help=f"generated data and scratch files (default {OUT})"
    )
    parser.add_argument(
        "--results",
        type=Path,
        default=HERE,
        help="folder for results.md and results.json (default benchmarks/)",
    )
    parser.add_argument(
        "--render",
        action="store_true",
        help="only rewrite results.md from results.json (runs nothing)",
    )
    args = parser.parse_args(argv)
    if args.render:
        return render(args.results)
    unknown = [p for p in args.parts if p not in PARTS]
    if unknown:
        parser.error(f"unknown part {unknown[0]!r}; choose from {', '.join(PARTS)}")
    parts = args.parts or list(PARTS)
    repeats = args.repeats or (1 if args.quick else 3)
    say = _say

    results_json = args.results / "results.json"
    results: dict[str, Any] = {}
    if results_json.exists():
        results = json.loads(results_json.read_text(encoding="utf-8"))
    info = machine()
    started = time.perf_counter()
    if "speed" in parts:
        s = speed.run(
            quick=args.quick,
            root=args.work,
            repeats=repeats,
            profile=not args.no_profile and not args.quick,
            say=say,
        )
        results["speed"] = {**s, "when": _now(), "machine": info}
    if "quality" in parts:
        results["quality"] = {**quality.run(quick=args.quick, say=say), "when": _now()}
    if "earnings21" in parts:
        e = earnings21.run_all(args.earnings21, quick=args.quick, say=say, vendor=args.vendor)
        if not e["available"]:
            say(
                f"earnings21: the subset is not at {args.earnings21} — skipped "
                "(pass --earnings21 PATH)"
            )
        results["earnings21"] = {**e, "when": _now()}
    if "readable" in parts:
        r = readable.run_all(args.earnings21, quick=args.quick, say=say)
        results["readable"] = {**r, "when": _now()}
    after = machine()
    if after["source"] != info["source"]:
        say("warning: the library's sources changed while the benchmarks ran")
        for part in parts:
            results[part]["sources_changed_during_run"] = [info["source"], after["source"]]
    results["machine"] = info
    args.results.mkdir(parents=True, exist_ok=True)
    results_json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    document = tables.document(results)
    (args.results / "results.md").write_text(document, encoding="utf-8")
    ran = {
        "speed": tables.speed,
        "quality": tables.quality,
        "earnings21": tables.earnings,
        "readable": tables.readable_table,
    }
    print()
    for part in parts:
        print(ran[part](results[part]))
        print()
    say(
        f"done in {time.perf_counter() - started:.0f} s; wrote {args.results / 'results.md'} "
        f"and {results_json}"
    )
    return 0


def record(folder: Path, part: str, section: dict[str, Any], text: str) -> int:
    """Put one part's results into results.json and its section ``text`` (starting with its
    ``## `` heading) into results.md, replacing the part's last section; the rest is kept
    byte for byte."""
    results_json = folder / "results.json"
    results = json.loads(results_json.read_text(encoding="utf-8")) if results_json.exists() else {}
    results[part] = section
    results_json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    md = folder / "results.md"
    old = md.read_text(encoding="utf-8") if md.exists() else tables.document({})
    heading = text.split("\n", 1)[0]
    start = old.find(heading)
    if start < 0:
        new = old.rstrip("\n") + "\n\n" + text + "\n"
    else:
        end = old.find("\n## ", start + len(heading))
        new = old[:start] + text + ("\n" + old[end:] if end >= 0 else "\n")
    md.write_text(new, encoding="utf-8")
    print(f"wrote {md} and {results_json}")
    return 0


def render(folder: Path) -> int:
    """Rewrite results.md from results.json (after a change to the tables' layout)."""
    results = json.loads((folder / "results.json").read_text(encoding="utf-8"))
    if "speed" in results:
        results["speed"]["targets"] = speed.check_targets(results["speed"]["rows"])
    (folder / "results.md").write_text(tables.document(results), encoding="utf-8")
    print(f"wrote {folder / 'results.md'}")
    return 0


def synth_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks synth", description="Write one generated data set to a folder."
    )
    parser.add_argument("out", type=Path)
    d = Spec()
    parser.add_argument("--seed", type=int, default=d.seed)
    parser.add_argument("--words", type=int, default=d.words)
    parser.add_argument("--articles", type=int, default=d.articles)
    parser.add_argument("--article-words", type=int, default=d.article_words)
    parser.add_argument("--quotes", type=float, default=d.quotes, help="quotes per article")
    parser.add_argument(
        "--unrelated", type=float, default=d.unrelated, help="share of articles about another event"
    )
    parser.add_argument("--noise", choices=tuple(NOISE), default=d.noise)
    parser.add_argument("--format", choices=FORMATS, default=d.format)
    parser.add_argument(
        "--vocabulary",
        choices=VOCABULARIES,
        default=d.vocabulary,
        help="heavy: a technical hearing, a third of the words rare or unknown, many names",
    )
    parser.add_argument(
        "--real-garbles",
        type=float,
        default=d.real_garbles,
        help="share of names that are real ones garbled as real recognisers did "
        "(reads ../shared/bench/earnings21-train)",
    )
    a = parser.parse_args(argv)
    spec = Spec(
        a.seed,
        a.words,
        a.articles,
        a.article_words,
        a.quotes,
        a.unrelated,
        a.noise,
        a.format,
        a.vocabulary,
        real_garbles=a.real_garbles,
    )
    try:
        folder = write(generate(spec), a.out)
    except FileNotFoundError as e:
        print(f"error: {e}", file=sys.stderr)
        return 3
    print(f"wrote {folder} ({spec.key})")
    return 0


def machine() -> dict[str, Any]:
    import transcript_align

    repo = HERE.parent

    def git(*cmd: str) -> str:
        try:
            return subprocess.run(
                ["git", *cmd], cwd=repo, capture_output=True, text=True, check=True
            ).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return ""

    digest = hashlib.sha256()
    for path in sorted((repo / "transcript_align").rglob("*.py")):
        digest.update(path.relative_to(repo).as_posix().encode() + b"\0" + path.read_bytes())
    return {
        "cpus": os.cpu_count(),
        "platform": f"{platform.system()} {platform.machine()}",
        "python": platform.python_version(),
        "library": transcript_align.__version__,
        "build": transcript_align.BUILD,
        "commit": git("rev-parse", "--short", "HEAD") or "unknown",
        "dirty": bool(git("status", "--porcelain", "--", "transcript_align")),
        "source": digest.hexdigest()[:12],
    }


def _now() -> str:
    return dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
