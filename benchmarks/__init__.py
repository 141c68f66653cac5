"""Benchmarks for transcript-align: quality and speed, on generated data and on Earnings-21.

Run by hand, never by the test suite: ``python -m benchmarks --help``.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
"""Generated data and scratch files (ignored by git)."""
EARNINGS21 = HERE.parents[1] / "shared" / "bench" / "earnings21"
"""Where the Earnings-21 subset is by default: ``../shared/bench/earnings21`` from the repo
(the test set: measured on, never fitted on)."""
EARNINGS21_TRAIN = HERE.parents[1] / "shared" / "bench" / "earnings21-train"
"""The Earnings-21 fitting set (21 other calls, three recognisers each)."""
