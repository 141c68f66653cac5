"""Scoring a JSON report against the truth of a generated data set.

Everything returns plain counts (sums over data sets are meaningful);
:func:`rates` turns summed counts into the reported metrics.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from pathlib import PurePath
from typing import Any

from rapidfuzz import fuzz

from .library import CRASH

STATUSES = ("verbatim", "edited", "elided", "misquote", "not_found", "ignored")
FOUND = frozenset(("verbatim", "edited", "elided", "misquote"))
MISSING = "missing"
"""A quote of the truth that the library did not extract from the article."""
ERROR = "error"
"""A quote whose check raised inside the library."""


def status_of(q: dict[str, Any] | None) -> str:
    if q is None:
        return MISSING
    if str(q.get("reason", "")).startswith(CRASH):
        return ERROR
    return str(q["status"])


def words_key(text: str) -> tuple[str, ...]:
    """A quote's words, lowercased, punctuation and ellipsis marks dropped."""
    out = []
    for w in text.split():
        k = "".join(c for c in w.lower() if c.isalnum() or c == "'").strip("'")
        if k:
            out.append(k)
    return tuple(out)


def strip_word(w: str) -> str:
    return w.strip(".,;:!?\"'“”‘’()[]…")


def pair_quotes(
    report: dict[str, Any], truth: dict[str, Any]
) -> tuple[list[tuple[dict[str, Any], dict[str, Any] | None]], int]:
    """Each truth quote with the report quote for it (``None`` if not extracted).

    Matched by article and words; a quote whose extracted text differs a little
    (a mark kept or dropped) is matched when nearly the same. Also returns the
    number of report quotes that match no truth quote.
    """
    got: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for q in report["quotes"]:
        got[PurePath(q["reference"]).name].append(q)
    pairs: list[tuple[dict[str, Any], dict[str, Any] | None]] = []
    used: set[int] = set()
    for article in truth["articles"]:
        candidates = got.get(PurePath(article["file"]).name, [])
        for tq in article["quotes"]:
            key = words_key(tq["text"])
            best, best_score = None, 0.0
            for q in candidates:
                if id(q) in used:
                    continue
                score = (
                    100.0
                    if words_key(q["text"]) == key
                    else fuzz.ratio(" ".join(words_key(q["text"])), " ".join(key))
                )
                if score > best_score:
                    best, best_score = q, score
            if best is not None and best_score >= 90:
                used.add(id(best))
                pairs.append(({**tq, "related": article["related"]}, best))
            else:
                pairs.append(({**tq, "related": article["related"]}, None))
    extra = sum(1 for qs in got.values() for q in qs if id(q) not in used)
    return pairs, extra


def quote_counts(report: dict[str, Any], truth: dict[str, Any]) -> dict[str, Any]:
    pairs, extra = pair_quotes(report, truth)
    confusion: Counter[str] = Counter()
    found: Counter[str] = Counter()
    start_err: list[float] = []
    end_err: list[float] = []
    placed: Counter[str] = Counter()
    right_err: list[float] = []
    by_detail: dict[str, Counter[str]] = defaultdict(Counter)
    reliability: dict[str, Counter[str]] = defaultdict(Counter)
    for tq, q in pairs:
        status = status_of(q)
        confusion[f"{tq['expected']}>{status}"] += 1
        if q is not None and status in STATUSES and status != "ignored" and "confidence" in q:
            for kind in ("all", status):
                cell = reliability[f"{kind}|{confidence_bin(q['confidence'])}"]
                cell["total"] += 1
                cell["right"] += tq["expected"] == status
        by_detail[tq["detail"]][status] += 1
        if tq["expected"] != "ignored":
            want = tq["expected"] in FOUND
            have = status in FOUND
            found[("tp" if have else "fn") if want else ("fp" if have else "tn")] += 1
        if q and tq["expected"] in FOUND and status in FOUND and q["start"] is not None:
            errs = (abs(q["start"] - tq["start"]), abs(q["end"] - tq["end"]))
            start_err.append(errs[0])
            end_err.append(errs[1])
            # Placed right: the span found overlaps the span where it was said.
            if q["start"] < tq["end"] and q["end"] > tq["start"]:
                placed["right"] += 1
                right_err.extend(errs)
            else:
                placed["wrong"] += 1
    return {
        "quotes": len(pairs),
        "extra": extra,
        "confusion": dict(confusion),
        "found": dict(found),
        "start_err": start_err,
        "end_err": end_err,
        "placed": dict(placed),
        "right_err": right_err,
        "by_detail": {k: dict(v) for k, v in by_detail.items()},
        "reliability": {k: dict(v) for k, v in reliability.items()},
    }


CONFIDENCE_BINS = (0.5, 0.7, 0.8, 0.9, 0.95)
"""Upper edges of the confidence bins of the reliability table (the last bin ends at 1)."""


def confidence_bin(c: float) -> str:
    """The reliability-table bin of a verdict's confidence: ``"0.80–0.90"``."""
    lo = 0.0
    for hi in CONFIDENCE_BINS:
        if c < hi:
            return f"{lo:.2f}–{hi:.2f}"
        lo = hi
    return f"{lo:.2f}–1.00"


def article_counts(report: dict[str, Any], truth: dict[str, Any]) -> dict[str, int]:
    status = {PurePath(r["path"]).name: r["status"] for r in report["references"]}
    c: Counter[str] = Counter()
    for a in truth["articles"]:
        got = status.get(PurePath(a["file"]).name, "missing")
        kind = "related" if a["related"] else "unrelated"
        c[f"{kind}_total"] += 1
        if (got == "aligned") == a["related"]:
            c[f"{kind}_ok"] += 1
    return dict(c)


def correction_counts(report: dict[str, Any], truth: dict[str, Any]) -> dict[str, Any]:
    """Applied corrections right or wrong; garbled names fixed (recall)."""
    asr = truth["asr"]
    groups = truth["groups"]
    starts = {g[1] for g in groups if g[2] > g[1]}
    ends = {g[2] for g in groups if g[2] > g[1]}
    by_first: dict[str, list[int]] = defaultdict(list)
    for i, (w, _, _) in enumerate(asr):
        by_first[w].append(i)
    c: Counter[str] = Counter()
    fixed: list[tuple[int, int]] = []
    wrong_examples: list[str] = []
    for corr in report["corrections"]:
        if not corr["applied"]:
            c["suggested"] += 1
            continue
        c["applied"] += 1
        span = _locate(corr, asr, by_first)
        right = False
        if span is not None:
            a, b = span
            if a in starts and b in ends:
                clean = [
                    strip_word(w)
                    for g in groups
                    if a <= g[1] and g[2] <= b and (g[2] > g[1] or a < g[1] < b)
                    for w in g[0].split()
                ]
                said = [strip_word(w) for w in corr["corrected"].split()]
                right = [w for w in said if w] == [w for w in clean if w]
        else:
            c["unlocated"] += 1
        source = _source(span, truth["names"])
        c[f"applied_{source}"] += 1
        if right:
            c["right"] += 1
            c[f"right_{source}"] += 1
            fixed.append(span)  # type: ignore[arg-type]
        else:
            c["wrong"] += 1
            if len(wrong_examples) < 8:
                wrong_examples.append(f"{corr['original']} -> {corr['corrected']}")
    for name in truth["names"]:
        if not name["garbled"]:
            continue
        a0, a1 = name["asr"]
        hit = any(a <= a0 and a1 <= b for a, b in fixed)
        c["garbled"] += 1
        c["garbled_fixed"] += hit
        source = name.get("source", "rule")
        c[f"garbled_{source}"] += 1
        c[f"garbled_fixed_{source}"] += hit
        if name["in_articles"]:
            c["recoverable"] += 1
            c["recoverable_fixed"] += hit
    return {**dict(c), "wrong_examples": wrong_examples}


def _source(span: tuple[int, int] | None, names: list[dict[str, Any]]) -> str:
    """Whose garble a correction undid: ``rule`` or ``real`` (the first name it overlaps),
    ``other`` when it covers no name word."""
    if span is not None:
        for name in names:
            if name["asr"][0] < span[1] and span[0] < name["asr"][1]:
                return str(name.get("source", "rule"))
    return "other"


def _locate(
    corr: dict[str, Any], asr: list[list[Any]], by_first: dict[str, list[int]]
) -> tuple[int, int] | None:
    """The recogniser words a correction replaced: same words, nearest in time."""
    words = [strip_word(w).lower() for w in corr["original"].split()]
    words = [w for w in words if w]
    if not words:
        return None
    best: tuple[float, int] | None = None
    for i in by_first.get(words[0], ()):
        if [asr[j][0] for j in range(i, min(len(asr), i + len(words)))] == words:
            gap = abs(asr[i][1] - (corr["start"] or 0.0))
            if best is None or gap < best[0]:
                best = (gap, i)
    if best is None:
        return None
    return best[1], best[1] + len(words)


def merge(counts: list[dict[str, Any]]) -> dict[str, Any]:
    """Sum counts of several data sets (lists are concatenated)."""
    out: dict[str, Any] = {}
    for c in counts:
        for k, v in c.items():
            if isinstance(v, dict):
                out[k] = merge([out.get(k, {}), v])
            elif isinstance(v, list):
                out[k] = out.get(k, []) + v
            else:
                out[k] = out.get(k, 0) + v
    return out


def percentile(values: list[float], p: float) -> float | None:
    if not values:
        return None
    values = sorted(values)
    k = (len(values) - 1) * p
    lo = int(k)
    hi = min(lo + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


GARBLE_SOURCES = ("rule", "real")
"""Where a garbled name's mishearing came from: the generator's sound rules, or what
real recognisers wrote for a real name (``Spec.real_garbles``)."""


def ratio(a: float, b: float) -> float | None:
    return a / b if b else None


def rates(q: dict[str, Any], a: dict[str, Any], c: dict[str, Any]) -> dict[str, Any]:
    """The headline metrics from summed counts."""
    f = q.get("found", {})
    conf = q.get("confusion", {})
    exact = sum(n for k, n in conf.items() if k.split(">")[0] == k.split(">")[1])
    errors = q.get("start_err", []) + q.get("end_err", [])
    return {
        "quotes": q.get("quotes", 0),
        "verdict_accuracy": ratio(exact, q.get("quotes", 0)),
        "found_accuracy": ratio(f.get("tp", 0) + f.get("tn", 0), sum(f.values())),
        "found_recall": ratio(f.get("tp", 0), f.get("tp", 0) + f.get("fn", 0)),
        "found_precision": ratio(f.get("tp", 0), f.get("tp", 0) + f.get("fp", 0)),
        "time_err_median": statistics.median(errors) if errors else None,
        "time_err_p95": percentile(errors, 0.95),
        "wrong_place": ratio(
            q.get("placed", {}).get("wrong", 0), sum(q.get("placed", {}).values())
        ),
        "time_err_p95_placed": percentile(q.get("right_err", []), 0.95),
        "related_accuracy": ratio(a.get("related_ok", 0), a.get("related_total", 0)),
        "unrelated_accuracy": ratio(a.get("unrelated_ok", 0), a.get("unrelated_total", 0)),
        "corrections_applied": c.get("applied", 0),
        "corrections_right": c.get("right", 0),
        "correction_precision": ratio(c.get("right", 0), c.get("applied", 0)),
        "correction_recall": ratio(c.get("garbled_fixed", 0), c.get("garbled", 0)),
        **{
            f"{key}_{source}": ratio(c.get(f"{num}_{source}", 0), c.get(f"{den}_{source}", 0))
            for source in GARBLE_SOURCES
            for key, num, den in (
                ("correction_precision", "right", "applied"),
                ("correction_recall", "garbled_fixed", "garbled"),
            )
        },
        "correction_recall_recoverable": ratio(
            c.get("recoverable_fixed", 0), c.get("recoverable", 0)
        ),
    }
