"""Run every fuzz target for a time budget: ``python -m fuzz --seconds 60``.

Each target runs in its own process (atheris when it is installed, else the
mutation fuzzer in :mod:`fuzz.mutate`), with a per-input time limit and a
memory limit, so a hang or a blow-up counts as a crash. Working corpora go
to ``fuzz/corpus/TARGET`` (seeded from the test data), crashing inputs to
``fuzz/crashes/TARGET``, each run's log to ``fuzz/logs/TARGET.log``. The exit
status is 1 when any target crashed.

``python -m fuzz --repro TARGET FILE`` replays one input with its traceback.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import shutil
import subprocess
import sys
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from fuzz.mutate import TOKENS
from fuzz.targets import ROOT, TARGETS

HERE = Path(__file__).resolve().parent
CRASH_PREFIXES = ("crash-", "timeout-", "oom-", "leak-", "slow-unit-")


@dataclass
class Result:
    target: str
    seconds: float
    runs: int | None
    crashes: list[Path]
    log: Path


def _corpus(name: str) -> Path:
    """The target's working corpus, seeded from the test data on first use."""
    corpus = HERE / "corpus" / name
    if not corpus.is_dir():
        corpus.mkdir(parents=True)
        for seed in TARGETS[name].seed_files():
            shutil.copyfile(seed, corpus / f"seed-{seed.parent.name}-{seed.name}")
    return corpus


def _dictionary() -> Path:
    """The format tokens of :mod:`fuzz.mutate` as a libFuzzer dictionary."""
    path = HERE / "corpus" / "tokens.dict"
    path.parent.mkdir(exist_ok=True)
    lines = ['"' + "".join(f"\\x{b:02x}" for b in token) + '"' for token in TOKENS]
    path.write_text("\n".join(lines) + "\n", encoding="ascii")
    return path


def _run(name: str, seconds: int, engine: str, timeout: int, rss_mb: int) -> Result:
    crashes_dir = HERE / "crashes" / name
    crashes_dir.mkdir(parents=True, exist_ok=True)
    before = set(crashes_dir.iterdir())
    logs = HERE / "logs"
    logs.mkdir(exist_ok=True)
    log = logs / f"{name}.log"
    if engine == "atheris":
        cmd = [
            sys.executable, "-m", "fuzz.atheris_main", name, str(_corpus(name)),
            f"-max_total_time={seconds}", f"-timeout={timeout}", f"-rss_limit_mb={rss_mb}",
            "-max_len=65536", "-print_final_stats=1", f"-artifact_prefix={crashes_dir}/",
            f"-dict={_dictionary()}",
        ]  # fmt: skip
    else:
        cmd = [
            sys.executable, "-m", "fuzz.mutate", name, f"--seconds={seconds}",
            f"--timeout={timeout}", f"--crashes={crashes_dir}",
        ]  # fmt: skip
    started = time.monotonic()
    with log.open("w", encoding="utf-8") as fh:
        # A generous wall-clock cap: libFuzzer checks its own budget only between inputs.
        try:
            subprocess.run(
                cmd, cwd=ROOT, stdout=fh, stderr=subprocess.STDOUT, timeout=seconds * 2 + 120
            )
        except subprocess.TimeoutExpired:
            fh.write("\nfuzz: target overran its budget and was stopped\n")
    elapsed = time.monotonic() - started
    text = log.read_text(encoding="utf-8", errors="replace")
    runs = re.findall(r"stat::number_of_executed_units:\s*(\d+)", text)
    new = sorted(
        p for p in set(crashes_dir.iterdir()) - before if p.name.startswith(CRASH_PREFIXES)
    )
    return Result(name, elapsed, int(runs[-1]) if runs else None, new, log)


def _repro(name: str, file: Path) -> int:
    try:
        TARGETS[name].run(file.read_bytes())
    except Exception:
        traceback.print_exc()
        return 1
    print(f"{name}: {file}: no crash")
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m fuzz", description=__doc__.split("\n")[0])
    parser.add_argument(
        "targets", nargs="*", help=f"targets to run (default: all): {', '.join(TARGETS)}"
    )
    parser.add_argument("--seconds", type=int, default=60, help="budget per target (default 60)")
    parser.add_argument("--jobs", type=int, default=1, help="targets run at the same time")
    parser.add_argument("--timeout", type=int, default=10, help="seconds one input may take")
    parser.add_argument("--rss-mb", type=int, default=2048, help="memory one run may use")
    parser.add_argument("--engine", choices=["auto", "atheris", "mutate"], default="auto")
    parser.add_argument("--repro", nargs=2, metavar=("TARGET", "FILE"), help="replay one input")
    parser.add_argument("--list", action="store_true", help="list the targets and exit")
    args = parser.parse_args()

    if args.list:
        print("\n".join(TARGETS))
        return
    if args.repro:
        sys.exit(_repro(args.repro[0], Path(args.repro[1])))
    names = args.targets or list(TARGETS)
    unknown = [n for n in names if n not in TARGETS]
    if unknown:
        parser.error(f"unknown target(s) {unknown}; known: {', '.join(TARGETS)}")
    engine = args.engine
    if engine == "auto":
        engine = "atheris" if importlib.util.find_spec("atheris") else "mutate"
    print(f"fuzz: {len(names)} target(s), {args.seconds} s each, engine {engine}", flush=True)

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(
            pool.map(lambda n: _run(n, args.seconds, engine, args.timeout, args.rss_mb), names)
        )
    crashed = False
    for r in results:
        status = f"{len(r.crashes)} crash(es)" if r.crashes else "ok"
        runs = f"{r.runs} runs" if r.runs is not None else "runs unknown"
        print(f"{r.target:24} {r.seconds:7.0f} s  {runs:>14}  {status}  (log: {r.log})")
        for c in r.crashes:
            print(f"    {c}  (replay: python -m fuzz --repro {r.target} {c})")
        crashed = crashed or bool(r.crashes)
    sys.exit(1 if crashed else 0)


if __name__ == "__main__":
    main()
