"""Quality on generated data: repairs, quote verdicts, quote times, unrelated articles.

Each scenario is generated for several seeds and noise levels (names garbled by the
generator's sound rules, and in some scenarios half of them real names garbled as real
recognisers garbled them: repairs are counted apart by garble source), read with the
library's readers, aligned in this process, and scored against its truth
(:mod:`benchmarks.score`). Counts are summed per noise level, then turned
into rates.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from . import score
from .asr import NOISE
from .library import align_isolating_failures, read_inputs, supports_format
from .misrecognitions import TRAIN
from .synth import Spec, generate, write


@dataclass(frozen=True)
class Scenario:
    name: str
    spec: Spec
    max_seeds: int = 99
    full_only: bool = False


SCENARIOS = (
    Scenario(
        "press point (caption page)",
        Spec(words=450, articles=4, article_words=350, quotes=5, format="caption-page"),
    ),
    Scenario(
        "briefing (SRT)",
        Spec(words=1_800, articles=12, article_words=500, quotes=5, format="srt"),
    ),
    Scenario(
        "hearing (word list)",
        Spec(words=6_000, articles=40, article_words=600, quotes=5, format="words-json"),
    ),
    Scenario(
        "briefing with round-ups (SRT)",
        Spec(words=1_800, articles=12, article_words=500, quotes=5, format="srt", roundups=0.5),
    ),
    Scenario(
        "press point, real garbles (caption page)",
        Spec(
            words=450,
            articles=4,
            article_words=350,
            quotes=5,
            format="caption-page",
            real_garbles=0.5,
        ),
    ),
    Scenario(
        "briefing, real garbles (SRT)",
        Spec(words=1_800, articles=12, article_words=500, quotes=5, format="srt", real_garbles=0.5),
    ),
    Scenario(
        "3-hour hearing (SRT)",
        Spec(words=30_000, articles=500, article_words=800, quotes=4, format="srt"),
        max_seeds=1,
        full_only=True,
    ),
)
FULL_SEEDS = (1, 2, 3, 4, 5)
QUICK_SEEDS = (1,)
CALIBRATION_SEEDS = (1, 2, 3)
"""Seeds ``calibrate.py`` fits the repair weights on (every scenario but the 3-hour one):
repairs on the other seeds are reported apart, as data the weights never saw."""


def run_one(spec: Spec, work: Path) -> dict[str, Any]:
    """Generate, align and score one data set; the counts plus what went wrong."""
    if not supports_format(spec.format):
        spec = replace(spec, format="srt")
    ds = generate(spec)
    folder = write(ds, work / spec.key)
    truth = ds.truth
    t = time.perf_counter()
    inputs = read_inputs(folder / truth["transcript"]["file"], [folder / "articles"])
    report, failing = align_isolating_failures(inputs)
    seconds = time.perf_counter() - t
    if failing:
        # Leave the articles the library could not take out of the truth as well.
        left_out = {Path(p).name for p, _ in failing}
        truth = {
            **truth,
            "articles": [a for a in truth["articles"] if Path(a["file"]).name not in left_out],
        }
    return {
        "quotes": score.quote_counts(report, truth),
        "articles": score.article_counts(report, truth),
        "corrections": score.correction_counts(report, truth),
        "seconds": seconds,
        "crashed_articles": [f"{spec.key}/{Path(p).name}: {e}" for p, e in failing],
        "fallback_quotes": inputs.fallback_quotes,
    }


def run(*, quick: bool, say: Callable[[str], None] = print) -> dict[str, Any]:
    seeds = QUICK_SEEDS if quick else FULL_SEEDS
    levels = ("medium",) if quick else tuple(NOISE)
    scenarios = [s for s in SCENARIOS if not (quick and (s.full_only or s.spec.words > 2_000))]
    if not (TRAIN / "README.md").exists():
        say(f"quality: no fitting set at {TRAIN}: scenarios with real garbles skipped")
        scenarios = [s for s in scenarios if not s.spec.real_garbles]
    groups: dict[str, list[dict[str, Any]]] = {}
    crashes: list[str] = []
    fallback = False
    with tempfile.TemporaryDirectory(prefix="ta-quality-") as tmp:
        for scenario in scenarios:
            for noise in levels:
                label = f"{scenario.name}, {noise} noise"
                runs = []
                for seed in seeds[: scenario.max_seeds]:
                    spec = replace(scenario.spec, seed=seed, noise=noise)
                    result = run_one(spec, Path(tmp))
                    result["seed"] = seed
                    runs.append(result)
                    crashes += result["crashed_articles"]
                    fallback |= result["fallback_quotes"]
                say(
                    f"quality: {label}: {len(runs)} seed(s), "
                    f"{sum(r['seconds'] for r in runs):.1f} s"
                )
                groups[label] = runs
    rows = []
    for label, runs in groups.items():
        q = score.merge([r["quotes"] for r in runs])
        a = score.merge([r["articles"] for r in runs])
        c = score.merge([r["corrections"] for r in runs])
        rows.append(
            {
                "scenario": label,
                "seeds": len(runs),
                **score.rates(q, a, c),
                "confusion": q.get("confusion", {}),
                "by_detail": q.get("by_detail", {}),
                "extra_quotes": q.get("extra", 0),
                "corrections": {k: v for k, v in c.items() if k != "wrong_examples"},
                "wrong_examples": c.get("wrong_examples", [])[:6],
            }
        )
    everything = [r for runs in groups.values() for r in runs]
    total_q = score.merge([r["quotes"] for r in everything])
    total_c = score.merge([r["corrections"] for r in everything])
    total = {
        **score.rates(total_q, score.merge([r["articles"] for r in everything]), total_c),
        "corrections": {k: v for k, v in total_c.items() if k != "wrong_examples"},
        "confusion": total_q.get("confusion", {}),
        "by_detail": total_q.get("by_detail", {}),
        "reliability": total_q.get("reliability", {}),
    }
    unseen = [r["corrections"] for r in everything if r["seed"] not in CALIBRATION_SEEDS]
    held_out = score.rates({}, {}, score.merge(unseen)) if unseen else None
    return {
        "seeds": list(seeds),
        "noise": list(levels),
        "rows": rows,
        "total": total,
        "repairs_held_out": held_out
        and {
            "seeds": sorted({r["seed"] for r in everything} - set(CALIBRATION_SEEDS)),
            "fitted_on": list(CALIBRATION_SEEDS),
            **{k: v for k, v in held_out.items() if k.startswith("correction")},
        },
        "crashes": crashes,
        "fallback_quotes": fallback,
    }
