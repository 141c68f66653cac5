"""Speed and memory: the full run against its reading floor and the naive baseline.

Every measurement runs in a fresh process (``python -m benchmarks.measure``),
so caches start cold and the peak resident memory is that run's alone.
Times are the best of the repeats (other work on the machine only ever adds
time, so the minimum is the steadiest estimate of what the run costs); memory
is the largest peak seen. The load average before and after is recorded.
"""

from __future__ import annotations

import itertools
import json
import os
import pstats
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from transcript_align import BUILD, build

from . import HERE
from .score import ERROR, FOUND, pair_quotes, status_of
from .synth import Spec, ensure, load_truth
from .tables import pct

FULL_SIZES = ((7_500, 125), (15_000, 250), (30_000, 500), (60_000, 1_000), (120_000, 2_000))
QUICK_SIZES = ((1_875, 31), (3_750, 62), (7_500, 125), (15_000, 250))
PROFILE_SIZE = (30_000, 500)
JOBS_SIZE = (30_000, 500)
"""Where the full run is measured with one process too (``--jobs 1``), and from the Python
sources when the compiled build is in use."""
ARTICLE_WORDS = 800
QUOTES_PER_ARTICLE = 4.0
KINDS = ("ordinary", "heavy")
"""Both input kinds at every size: ordinary press speech, and a vocabulary-heavy hearing."""


@dataclass(frozen=True)
class Measured:
    seconds: float
    runs: list[float]
    summary: dict[str, Any]


def spec_for(words: int, articles: int, vocabulary: str = "ordinary") -> Spec:
    return Spec(
        seed=0,
        words=words,
        articles=articles,
        article_words=ARTICLE_WORDS,
        quotes=QUOTES_PER_ARTICLE,
        noise="medium",
        format="srt",
        vocabulary=vocabulary,
    )


def measure(
    mode: str,
    folder: Path,
    repeats: int,
    out: Path | None = None,
    extra: tuple[str, ...] = (),
    env: dict[str, str] | None = None,
) -> Measured:
    """Run ``mode`` ``repeats`` times, each in a new process (``env`` added to its own)."""
    runs: list[float] = []
    summaries: list[dict[str, Any]] = []
    for k in range(repeats):
        cmd = [sys.executable, "-m", "benchmarks.measure", mode, str(folder), *extra]
        if out is not None and k == repeats - 1:
            cmd += ["--out", str(out)]
        proc = subprocess.run(
            cmd,
            cwd=HERE.parent,
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, **(env or {})},
        )
        if proc.returncode != 0:
            raise RuntimeError(
                f"{mode} run failed on {folder.name}:\n{proc.stderr.strip()[-2000:]}"
            )
        summary = json.loads(proc.stdout.strip().splitlines()[-1])
        runs.append(summary["seconds"])
        summaries.append(summary)
    merged = dict(summaries[-1])
    merged["peak_rss_mb"] = max(s["peak_rss_mb"] for s in summaries)
    merged["stages"] = min(summaries, key=lambda s: s["seconds"])["stages"]
    return Measured(min(runs), runs, merged)


def recall(report_file: Path, truth: dict[str, Any]) -> dict[str, Any]:
    """Share of quotes that were said found (recall), and of quotes never said here found."""
    report = json.loads(report_file.read_text(encoding="utf-8"))
    pairs, _ = pair_quotes(report, truth)
    said = [status_of(q) for t, q in pairs if t["expected"] in FOUND]
    unsaid = [status_of(q) for t, q in pairs if t["expected"] == "not_found"]
    return {
        "recall": _share([s in FOUND for s in said]),
        "false_found": _share([s in FOUND for s in unsaid]),
        "errors": sum(1 for q in report["quotes"] if status_of(q) == ERROR),
    }


def _share(flags: list[bool]) -> float | None:
    return sum(flags) / len(flags) if flags else None


def run(
    *,
    quick: bool,
    root: Path,
    repeats: int,
    profile: bool,
    say: Callable[[str], None] = print,
) -> dict[str, Any]:
    sizes = QUICK_SIZES if quick else FULL_SIZES
    load_before = os.getloadavg()
    rows: list[dict[str, Any]] = []
    root = root.resolve()
    scratch = root / "runs"
    scratch.mkdir(parents=True, exist_ok=True)
    for kind, (words, articles) in itertools.product(KINDS, sizes):
        spec = spec_for(words, articles, kind)
        t = time.perf_counter()
        folder = ensure(spec, root / "data")
        made = time.perf_counter() - t
        truth = load_truth(folder)
        say(f"speed: {kind} {words:,} words x {articles:,} articles (data ready in {made:.1f} s)")
        tok = measure("tokenize", folder, repeats)
        full = measure("full", folder, repeats, scratch / f"{spec.key}.report.json")
        one = (
            measure("full", folder, repeats, extra=("--jobs", "1"))
            if (words, articles) == JOBS_SIZE
            else None
        )
        python = (
            measure("full", folder, repeats, env={build.PURE: "1"})
            if (words, articles) == JOBS_SIZE and BUILD == "compiled"
            else None
        )
        naive_repeats = repeats if words <= 30_000 else 1
        naive = measure("naive", folder, naive_repeats, scratch / f"{spec.key}.naive.json")
        ours = recall(scratch / f"{spec.key}.report.json", truth)
        base = recall(scratch / f"{spec.key}.naive.json", truth)
        quotes = full.summary["quotes"]
        row = {
            "vocabulary": kind,
            "words": words,
            "articles": articles,
            "tokens": full.summary["tokens"],
            "article_words": sum(a["words"] for a in truth["articles"]),
            "quotes": quotes,
            "full_s": full.seconds,
            "full_runs": full.runs,
            "stages": full.summary["stages"],
            "full_jobs1_s": one.seconds if one else None,
            "full_jobs1_runs": one.runs if one else None,
            "full_python_s": python.seconds if python else None,
            "tokenize_s": tok.seconds,
            "naive_s": naive.seconds,
            "naive_runs": naive.runs,
            "naive_match_s": naive.summary["stages"].get("match"),
            "peak_rss_mb": full.summary["peak_rss_mb"],
            "tokenize_rss_mb": tok.summary["peak_rss_mb"],
            "idle_rss_mb": full.summary["idle_rss_mb"],
            "import_s": full.summary["import_s"],
            "recall": ours["recall"],
            "false_found": ours["false_found"],
            "naive_recall": base["recall"],
            "naive_false_found": base["false_found"],
            "fallback_quotes": full.summary["fallback_quotes"],
            "quote_errors": ours["errors"],
        }
        rows.append(row)
        say(
            f"  full {full.seconds:.2f} s"
            + (f" (one process {one.seconds:.2f} s)" if one else "")
            + (f" (Python sources {python.seconds:.2f} s)" if python else "")
            + f", tokenize {tok.seconds:.2f} s, naive {naive.seconds:.2f} s, "
            f"peak {row['peak_rss_mb']:.0f} MB, "
            f"recall {pct(ours['recall'])} vs naive {pct(base['recall'])}"
        )
    for prev, row in itertools.pairwise(rows):
        if kind_of(prev) == kind_of(row):
            row["growth"] = row["full_s"] / prev["full_s"] if prev["full_s"] else None
    load = {"before": list(load_before), "after": list(os.getloadavg()), "cpus": os.cpu_count()}
    result: dict[str, Any] = {
        "load": load,
        "repeats": repeats,
        "quick": quick,
        "rows": rows,
        "targets": check_targets(rows),
    }
    if profile:
        result["profile"] = profile_run(root, say)
    return result


def kind_of(row: dict[str, Any]) -> str:
    """The input kind of a row (rows from before the heavy variant are ordinary)."""
    kind: str = row.get("vocabulary", "ordinary")
    return kind


def check_targets(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each target, the measured value as shown, and whether it holds (``None``: not measured)."""
    at = {(kind_of(r), r["words"]): r for r in rows}
    out: list[dict[str, Any]] = []

    def add(name: str, shown: str, ok: bool | None) -> None:
        out.append({"target": name, "measured": shown, "ok": ok})

    r30, h30 = at.get(("ordinary", 30_000)), at.get(("heavy", 30_000))
    if r30 is None:
        for name in (
            "full run at 30k words × 500 articles < 1.5 s",
            "full / tokenize-only at 30k ≤ 3×",
            "peak RSS at 30k ≤ 250 MB",
        ):
            add(name, "not measured", None)
    else:
        ratio = r30["full_s"] / r30["tokenize_s"]
        add(
            "full run at 30k words × 500 articles < 1.5 s",
            f"{r30['full_s']:.2f} s",
            r30["full_s"] < 1.5,
        )
        add("full / tokenize-only at 30k ≤ 3×", f"{ratio:.1f}×", ratio <= 3.0)
        add("peak RSS at 30k ≤ 250 MB", f"{r30['peak_rss_mb']:.0f} MB", r30["peak_rss_mb"] <= 250.0)
    if r30 is None or h30 is None:
        add("vocabulary-heavy input at 30k ≤ 2× the ordinary", "not measured", None)
    else:
        heavy = h30["full_s"] / r30["full_s"]
        add(
            "vocabulary-heavy input at 30k ≤ 2× the ordinary",
            f"{h30['full_s']:.2f} s, {heavy:.1f}×",
            heavy <= 2.0,
        )
    slower = [r for r in rows if r["full_s"] >= r["naive_s"] and r["words"] >= 7_500]
    add(
        "faster than naive at every size from 7.5k × 125 (both kinds)",
        f"slower at {len(slower)} of {len(rows)} sizes" if slower else "yes",
        not slower,
    )
    for kind in KINDS:
        r120 = at.get((kind, 120_000))
        name = f"≥ 10× faster than naive at 120k × 2,000 ({kind})"
        if r120 is None:
            add(name, "not measured", None)
        else:
            speedup = r120["naive_s"] / r120["full_s"]
            add(name, f"{speedup:.2f}×", speedup >= 10.0)
    r120 = at.get(("ordinary", 120_000))
    if r120 is None:
        add("peak RSS at 120k ≤ 600 MB", "not measured", None)
    else:
        add(
            "peak RSS at 120k ≤ 600 MB",
            f"{r120['peak_rss_mb']:.0f} MB",
            r120["peak_rss_mb"] <= 600.0,
        )
    growth = [float(r["growth"]) for r in rows if r.get("growth")]
    if growth:
        worst = max(growth)
        add(
            "time growth per doubling ≤ 2.1× (worst step, both kinds)",
            f"{worst:.2f}×",
            worst <= 2.1,
        )
    return out


def profile_run(root: Path, say: Callable[[str], None], top: int = 25) -> dict[str, Any]:
    """cProfile of the full run at 30k words x 500 articles: the functions that cost most."""
    words, articles = PROFILE_SIZE
    folder = ensure(spec_for(words, articles), root / "data")
    prof = root.resolve() / "runs" / "profile-30k.prof"
    prof.parent.mkdir(parents=True, exist_ok=True)
    say(f"profile: full run at {words:,} x {articles} under cProfile")
    m = measure("full", folder, 1, extra=("--profile", str(prof)))
    stats = pstats.Stats(str(prof))
    entries = []
    for (file, line, name), (_cc, nc, tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        entries.append(
            {"function": _where(file, line, name), "calls": nc, "tottime": tt, "cumtime": ct}
        )
    own = [e for e in entries if "transcript_align" in e["function"]]
    return {
        "seconds_under_profiler": m.seconds,
        "by_cumtime": sorted(own, key=lambda e: -e["cumtime"])[:top],
        "by_tottime": sorted(entries, key=lambda e: -e["tottime"])[:top],
    }


def _where(file: str, line: int, name: str) -> str:
    if file == "~":
        return name
    parts = Path(file).parts
    if "transcript_align" in parts:
        file = "/".join(parts[parts.index("transcript_align") :])
    elif "site-packages" in parts:
        file = "/".join(parts[parts.index("site-packages") + 1 :])
    else:
        file = Path(file).name
    return f"{file}:{line}({name})"
