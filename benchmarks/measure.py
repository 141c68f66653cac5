"""One measurement in a fresh process: ``python -m benchmarks.measure MODE FOLDER [--out FILE]``.

Modes, all on the same files of a generated data set:

- ``full``: read the transcript and every article, :func:`transcript_align.align`,
  the JSON report as the command line writes it (``report.to_json``);
- ``tokenize``: only the reading (transcript parsed into tokens, articles
  read and their quotes extracted) — the floor under ``full``;
- ``naive``: the same reading, then the naive baseline over every quote.

Prints one JSON object: wall seconds of the work (after imports), the time of
each stage, and the process's peak resident memory (``ru_maxrss``).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path


def _rss_mb() -> float:
    """This process's peak resident memory in MB.

    Linux keeps ``ru_maxrss`` across ``execve``: a fresh process started by a
    large parent would report the parent's peak. ``VmHWM`` is this address
    space's own; ``ru_maxrss`` (KiB on Linux) is the fallback elsewhere.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.measure")
    parser.add_argument("mode", choices=("full", "tokenize", "naive"))
    parser.add_argument("folder", type=Path)
    parser.add_argument("--out", type=Path, help="write the JSON report (or naive verdicts) here")
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--profile", type=Path, help="profile the work (cProfile) into this file")
    parser.add_argument("--jobs", type=int, default=None, help="processes (default: the library's)")
    args = parser.parse_args(argv)

    t_import = time.perf_counter()
    import transcript_align as ta
    from transcript_align.collector import paused_collections
    from transcript_align.report import to_json

    from . import baseline
    from .library import read_inputs, tolerant

    # The transcript by its name, not from truth.json: the truth of a long event is tens
    # of MB that a user's run never holds, and would count in this process's peak.
    (transcript,) = (p for p in args.folder.iterdir() if p.is_file() and p.stem == "transcript")
    articles = [args.folder / "articles"]
    import_s = time.perf_counter() - t_import
    rss_idle = _rss_mb()

    stages: dict[str, float] = {}
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    with paused_collections():  # as the command line runs
        t0 = time.perf_counter()
        inputs = read_inputs(transcript, articles)
        stages["read"] = time.perf_counter() - t0
        result: object = None
        if args.mode == "full":
            t1 = time.perf_counter()
            with tolerant():
                report = ta.align(
                    inputs.transcript,
                    inputs.references,
                    None if args.jobs is None else ta.Options(jobs=args.jobs),
                )
            t2 = time.perf_counter()
            text = to_json(report)  # the report file the command line writes
            t3 = time.perf_counter()
            stages.update(align=t2 - t1, json=t3 - t2)
            result = text
        elif args.mode == "naive":
            t1 = time.perf_counter()
            quotes = [(r.path, q.text) for r in inputs.references for q in r.quotes]
            said = " ".join(s.text for s in inputs.transcript.segments)
            kwargs = {} if args.threshold is None else {"threshold": args.threshold}
            verdicts = baseline.naive([q for _, q in quotes], said, **kwargs)
            stages["match"] = time.perf_counter() - t1
            result = {
                "quotes": [
                    {
                        "reference": path,
                        "text": text,
                        "status": "verbatim" if found else "not_found",
                        "score": round(score, 1),
                    }
                    for (path, text), (found, score) in zip(quotes, verdicts)
                ]
            }
        seconds = time.perf_counter() - t0
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(str(args.profile))
    peak = _rss_mb()
    summary = {
        "mode": args.mode,
        "seconds": seconds,
        "stages": stages,
        "peak_rss_mb": peak,
        "idle_rss_mb": rss_idle,
        "import_s": import_s,
        "tokens": len(inputs.transcript.tokens),
        "articles": len(inputs.references),
        "quotes": sum(len(r.quotes) for r in inputs.references),
        "fallback_quotes": inputs.fallback_quotes,
    }
    if args.out and isinstance(result, str):
        args.out.write_text(result, encoding="utf-8")
    elif args.out and result is not None:
        args.out.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    json.dump(summary, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
