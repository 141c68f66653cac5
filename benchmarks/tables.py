"""Results as Markdown: one section per benchmark, from the results JSON."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from . import earnings21, readable
from .score import ERROR, GARBLE_SOURCES, MISSING, STATUSES


def table(head: Sequence[str], rows: Sequence[Sequence[Any]], align: str = "") -> str:
    """A Markdown table; ``align`` holds one of ``l``/``r`` per column (default: right)."""
    marks = [":---" if (align[k : k + 1] or "r") == "l" else "---:" for k in range(len(head))]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(marks) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def pct(x: float | None, digits: int = 1) -> str:
    return "n/a" if x is None else f"{100 * x:.{digits}f}%"


def num(x: float | None, fmt: str = ".2f") -> str:
    return "n/a" if x is None else format(x, fmt)


def share(part: float | None, whole: float) -> str:
    """A stage's seconds and its share of the whole: ``1.20 (45%)``."""
    return "n/a" if part is None else f"{part:.2f} ({part / whole:.0%})"


def machine(m: dict[str, Any]) -> str:
    return (
        f"Machine: {m['cpus']} CPU(s), {m['platform']}, Python {m['python']}; "
        f"transcript-align {m['library']}, {m.get('build', 'python')} build (git {m['commit']}"
        f"{', modified' if m['dirty'] else ''}"
        f"{'; sources ' + m['source'] if m.get('source') else ''})."
    )


def speed(s: dict[str, Any]) -> str:
    out = [
        f"## Speed and memory\n\n_{s['when']}, {'quick' if s['quick'] else 'full'} mode, "
        f"best of {s['repeats']} run(s), each in a fresh process._\n"
    ]
    out.append(machine(s["machine"]))
    if s.get("load"):
        b, a = s["load"]["before"], s["load"]["after"]
        out.append(
            f"Load average (1/5/15 min) before {b[0]:.1f}/{b[1]:.1f}/{b[2]:.1f}, after "
            f"{a[0]:.1f}/{a[1]:.1f}/{a[2]:.1f} on {s['load']['cpus']} CPUs"
            + (" — other work was running, times are inflated." if max(b[0], a[0]) > 1.5 else ".")
        )
    out.append("")
    rows = []
    for r in s["rows"]:
        st = r["stages"]
        full = r["full_s"]
        rows.append(
            [
                r.get("vocabulary", "ordinary"),
                f"{r['words']:,}",
                f"{r['articles']:,}",
                f"{r['quotes']:,}",
                num(full),
                share(st.get("read"), full),
                share(st.get("align"), full),
                share(st.get("json"), full),
                num(r.get("full_jobs1_s")) if r.get("full_jobs1_s") else "",
                num(r.get("full_python_s")) if r.get("full_python_s") else "",
                num(r["tokenize_s"]),
                num(r["full_s"] / r["tokenize_s"], ".1f") + "×",
                num(r["naive_s"]),
                num(r.get("naive_match_s")),
                num(r["naive_s"] / r["full_s"], ".2f") + "×",
                num(r.get("growth"), ".2f") + ("×" if r.get("growth") else ""),
                num(r["peak_rss_mb"], ".0f"),
                pct(r["recall"]),
                pct(r["naive_recall"]),
                pct(r["false_found"]),
                pct(r["naive_false_found"]),
                r.get("quote_errors", 0),
            ]
        )
    out.append(
        table(
            [
                "input",
                "speech words",
                "articles",
                "quotes",
                "full (s)",
                "read",
                "align",
                "JSON",
                "one process (s)",
                "Python sources (s)",
                "tokenize-only (s)",
                "full / tokenize",
                "naive (s)",
                "its matching",
                "naive / full",
                "growth",
                "peak RSS (MB)",
                "recall",
                "naive recall",
                "said-elsewhere found",
                "naive same",
                "quote errors",
            ],
            rows,
        )
    )
    out.append(
        "\n- *input*: *ordinary* press speech, or *heavy*: a vocabulary-heavy hearing (a third "
        "of the words rare or unknown, one person named per 75 words; `--vocabulary heavy`).\n"
        "- *full*: read transcript + read all articles + `align` + JSON report; *read*, "
        "*align*, *JSON* are its stages (seconds, and share of the full run). *one process*: "
        "the full run with `--jobs 1` (the default uses one process per core). *Python "
        "sources*: the full run with `TRANSCRIPT_ALIGN_PURE=1`, with the compiled build "
        "installed (same output, byte for byte). "
        "*tokenize-only*: the reading alone (transcript parsed into tokens, articles read, "
        "quotes extracted), in its own process.\n"
        "- *naive*: the same reading, then `fuzz.partial_ratio_alignment` of each quote over "
        "the whole transcript string (found at score ≥ 80); *its matching*: that loop alone. "
        "*naive / full*: how many times faster the full run is. *growth*: full time over the "
        "previous size's.\n"
        "- *recall*: quotes that were said (verbatim, edited, elided, misquote) that got a "
        "found verdict. *said-elsewhere found*: quotes never said here (invented, or from "
        "unrelated articles) that got one anyway.\n"
        "- *quote errors*: quotes whose check raised inside the library (counted as not found).\n"
        "- Peak RSS includes the interpreter and the library's imports "
        f"(~{s['rows'][0]['idle_rss_mb']:.0f} MB before reading anything)."
    )
    out.append("\n### Targets\n")
    out.append(
        table(
            ["target", "measured", "holds"],
            [
                [
                    t["target"],
                    t.get("measured", num(t.get("value"))),
                    {True: "yes", False: "**no**", None: "not measured"}[t["ok"]],
                ]
                for t in s["targets"]
            ],
            "lrl",
        )
    )
    if s.get("profile"):
        p = s["profile"]
        out.append(
            f"\n### Profile: full run at 30k words × 500 articles (cProfile, "
            f"{p['seconds_under_profiler']:.1f} s under the profiler)\n"
        )
        out.append("Library functions by cumulative time:\n")
        out.append(
            table(
                ["function", "calls", "cumulative (s)", "own (s)"],
                [
                    [f"`{e['function']}`", f"{e['calls']:,}", num(e["cumtime"]), num(e["tottime"])]
                    for e in p["by_cumtime"][:18]
                ],
                "lrrr",
            )
        )
        out.append("\nAll functions by own time:\n")
        out.append(
            table(
                ["function", "calls", "own (s)", "cumulative (s)"],
                [
                    [f"`{e['function']}`", f"{e['calls']:,}", num(e["tottime"]), num(e["cumtime"])]
                    for e in p["by_tottime"][:12]
                ],
                "lrrr",
            )
        )
    return "\n".join(out)


def quality(q: dict[str, Any]) -> str:
    out = [
        f"## Quality on generated data\n\n_{q['when']}, seeds {', '.join(map(str, q['seeds']))}, "
        f"noise {', '.join(q['noise'])}._\n"
    ]
    rows = []
    for r in [*q["rows"], {"scenario": "**all**", "seeds": "", **q["total"]}]:
        c = r.get("corrections", {})
        rows.append(
            [
                r["scenario"],
                r["quotes"],
                pct(r["verdict_accuracy"]),
                pct(r["found_accuracy"]),
                pct(r["found_precision"]),
                pct(r["found_recall"]),
                num(r["time_err_median"]),
                num(r["time_err_p95"]),
                pct(r.get("wrong_place")),
                num(r.get("time_err_p95_placed")),
                pct(r["related_accuracy"]),
                pct(r["unrelated_accuracy"]),
                f"{r['corrections_applied']}"
                + (f" ({c.get('suggested', 0)} more suggested)" if c else ""),
                pct(r["correction_precision"]),
                pct(r["correction_recall"]),
            ]
        )
    out.append(
        table(
            [
                "scenario",
                "quotes",
                "verdict = truth",
                "found/not found right",
                "found precision",
                "found recall",
                "time error median (s)",
                "p95 (s)",
                "placed elsewhere",
                "p95 placed right (s)",
                "related kept",
                "unrelated caught",
                "corrections applied",
                "correction precision",
                "garbled names fixed",
            ],
            rows,
            "l",
        )
    )
    out.append(
        "\n- *verdict = truth*: the verdict is exactly the expected one. *found/not found right*: "
        "said quotes found and unsaid quotes not found (scare quotes left out).\n"
        "- *time error*: |start − true start| and |end − true end| pooled, for said quotes "
        "given a found verdict, against the generator's word times. *placed elsewhere*: share of "
        "those whose span does not overlap where they were said (a similar sentence said "
        "elsewhere was picked); *p95 placed right*: the 95th percentile without them.\n"
        "- *correction precision*: applied corrections whose text equals the true spelling of "
        "exactly the words they replace. *garbled names fixed*: misheard name words covered by "
        "a right correction (every garbled name here is spelled right in at least one related "
        "article)."
    )
    if by_source := garble_sources(q):
        out.append(by_source)
    cols = [*STATUSES, MISSING, ERROR]
    conf = q["total"]["confusion"]
    out.append("\n### Verdicts: expected (rows) × got (columns), all scenarios\n")
    out.append(
        table(
            ["expected \\ got", *[c.replace("_", " ") for c in cols], "total"],
            [
                [
                    e.replace("_", " "),
                    *[conf.get(f"{e}>{g}", 0) or "·" for g in cols],
                    sum(conf.get(f"{e}>{g}", 0) for g in cols),
                ]
                for e in STATUSES
            ],
            "l",
        )
    )
    out.append(
        "\n*missing*: the library did not extract the quote from the article. "
        "*error*: the library raised while checking it.\n"
    )
    detail = q["total"].get("by_detail", {})
    if detail:
        out.append("### Verdicts by how the quote was made\n")
        out.append(
            table(
                ["quote", *[c.replace("_", " ") for c in cols]],
                [[d, *[detail[d].get(g, 0) or "·" for g in cols]] for d in sorted(detail)],
                "l",
            )
        )
    out.extend(reliability(q["total"].get("reliability", {})))
    held = q.get("repairs_held_out")
    if held:
        out.append(
            f"\nRepairs on the seeds the confidence weights were not fitted on "
            f"({', '.join(map(str, held['seeds']))}; `calibrate.py` uses "
            f"{', '.join(map(str, held['fitted_on']))}): {held['corrections_applied']} applied, "
            f"{pct(held['correction_precision'])} right, "
            f"{pct(held['correction_recall'])} of the misheard name words fixed.\n"
        )
    examples = [e for r in q["rows"] for e in r.get("wrong_examples", [])]
    if examples:
        out.append(
            "\nSome wrong corrections (transcript → applied): "
            + "; ".join(f"`{e}`" for e in examples[:10])
            + "."
        )
    if q.get("crashes"):
        out.append(
            "\nArticles left out because `align` raised on them: " + "; ".join(q["crashes"][:5])
        )
    if q.get("fallback_quotes"):
        out.append(
            "\n**Note**: the library's reader extracted no quotes; the benchmark "
            "extracted them itself."
        )
    return "\n".join(out)


def garble_sources(q: dict[str, Any]) -> str:
    """Repairs apart by where the garble came from: the generator's rules or real recognisers."""
    rows = []
    for r in [*q["rows"], {"scenario": "**all**", **q["total"]}]:
        if "correction_recall_rule" not in r:
            return ""  # results from before garbles were counted by source
        c = r.get("corrections", {})
        cells: list[Any] = [r["scenario"]]
        for source in GARBLE_SOURCES:
            cells += [
                f"{c.get(f'garbled_fixed_{source}', 0)}/{c.get(f'garbled_{source}', 0)}",
                pct(r[f"correction_recall_{source}"]),
                pct(r[f"correction_precision_{source}"]),
            ]
        rows.append(cells)
    head = ["scenario"]
    for source in GARBLE_SOURCES:
        head += [f"{source}: fixed/garbled", "garbled names fixed", "applied repairs right"]
    return (
        "\n### Repairs by garble source\n\n"
        "*rule*: names garbled by the generator's sound rules. *real*: real names of the "
        "Earnings-21 fitting set (`../shared/bench/earnings21-train`), garbled with what the "
        "three recognisers wrote for them there (scenarios marked *real garbles*: half the "
        "first names, surnames and organisation names). A repair counts for the source of the "
        "first name word it covers.\n\n" + table(head, rows, "l")
    )


def mishearing(m: dict[str, Any]) -> str:
    """The mishearing model against the likeness repair used before it, on held-out calls."""
    pairs = m["held_out_pairs"]
    kinds = [k for k in pairs if k != "mishearings"]
    rows = [
        [
            label,
            num(r["auc"], ".3f"),
            pct(r["precision_at_recall_0.8"]),
            pct(r["precision_at_recall_0.9"]),
            f"{num(r['threshold'])}: {pct(r['precision_at_threshold'])} / "
            f"{pct(r['recall_at_threshold'])}",
            *[num(r["auc_by_kind"][k], ".3f") for k in kinds],
        ]
        for label, r in (
            ("`mishearing.misheard` (fitted)", m["model"]),
            ("`repair.likeness` (before; threshold `MIN_SIMILARITY`)", m["likeness"]),
        )
    ]
    return (
        f"## Mishearing model (Earnings-21 fitting set, calls held out)\n\n"
        f"_{m['when']}; `python -m benchmarks fit-mishearing`: fitted on "
        f"{m['fitted_calls']} calls of `earnings21-train`, measured on the other "
        f"{m['held_out_calls']}: {pairs['mishearings']:,} distinct (said, heard) pairs where "
        f"Amazon, Google or Speechmatics got a name or rare word wrong, against "
        + ", ".join(f"{pairs[k]:,} genuine changes between {k}" for k in kinds)
        + " (precision with as many genuine changes as mishearings; a changed number "
        "scores 0 by rule)._\n\n"
        + table(
            [
                "score",
                "ROC AUC",
                "precision at 80% recall",
                "precision at 90% recall",
                "at its threshold: precision / recall",
                *[f"AUC vs {k}" for k in kinds],
            ],
            rows,
            "l",
        )
    )


def _quoting(rows: list[dict[str, Any]]) -> list[str]:
    """Per call, the article quoting every other sentence: names in the quoted sentences
    (those an article reproduces word for word) and in the others, fixed."""
    if not all("quoting" in row for row in rows):
        return []
    lines = []
    for row in rows:
        h = row["quoting"]["all"]
        b, a = h["before"], h["after"]
        q, o = h["subsets"]["quoted"], h["subsets"]["elsewhere"]
        lines.append(
            [
                row["call"],
                h["status"],
                f"{pct(b['errors'] / b['words'], 2)} → {pct(a['errors'] / a['words'], 2)}",
                f"{_names(b)} → {_names(a)}",
                f"{q['before']} → {q['after']} of {q['name_tokens']} ({_fixed(q)})",
                f"{o['before']} → {o['after']} of {o['name_tokens']} ({_fixed(o)})",
                f"{h['applied']} / {h['right']} / {h['wrong']} / {h.get('neutral', 0)}",
                str(h["broken"]),
            ]
        )
    return [
        "\nThe whole call repaired with an article quoting every other sentence of it word "
        "for word (the names of those sentences spelled as the human reference has them):\n",
        table(
            [
                "call",
                "article verdict",
                "WER before → after",
                "PERSON+ORG tokens wrong",
                "names in quoted sentences wrong (fixed)",
                "names in other sentences wrong (fixed)",
                "corrections applied / right / wrong / neutral",
                "right tokens broken",
            ],
            lines,
            "ll",
        ),
    ]


def _verdicts(rows: list[dict[str, Any]]) -> list[str]:
    """Per call and in total, the verdicts of the quoting article's quotes: each reproduces
    what was said word for word, so a ``misquote`` is a false accusation and ``not_found``
    a miss; with the kinds of change that made the misquotes."""
    if not all("quotes" in row.get("quoting", {}).get("all", {}) for row in rows) or not rows:
        return []
    keys = ("quotes", *earnings21.FOUND, "misquote", "not_found")
    total: dict[str, int] = dict.fromkeys((*keys, "misquote_cut_year"), 0)
    kinds_total: dict[str, int] = {}
    lines = []

    def line(name: str, c: dict[str, int], kinds: dict[str, int]) -> list[str]:
        found = c["quotes"] - c["not_found"]
        return [
            name,
            *[str(c[k]) for k in keys],
            pct(c["misquote"] / found) if found else "–",
            str(c.get("misquote_cut_year", 0)),
            ", ".join(f"{k.replace('_', ' ')} {n}" for k, n in sorted(kinds.items())) or "–",
        ]

    for row in rows:
        v = row["quoting"]["all"]["quotes"]
        for k in (*keys, "misquote_cut_year"):
            total[k] += v.get(k, 0)
        for k, n in v["misquote_kinds"].items():
            kinds_total[k] = kinds_total.get(k, 0) + n
        lines.append(line(row["call"], v, v["misquote_kinds"]))
    lines.append(line("**all**", total, kinds_total))
    return [
        "\nVerdicts of that article's quotes (each the human text of a sentence said, so every "
        "*misquote* is a false accusation and *not found* a miss; one- and two-word quotes are "
        'ignored and left out; a year the human reference cut to three digits, "202.", makes a '
        "quote's number differ from what was said, a flaw of the reference counted apart):\n",
        table(
            [
                "call",
                "quotes",
                "verbatim",
                "edited",
                "elided",
                "misquote",
                "not found",
                "false misquotes (of found)",
                "of them, a year cut short in the reference",
                "quotes a change of this kind made misquote",
            ],
            lines,
            "l",
        ),
    ]


def _fixed(c: dict[str, int]) -> str:
    return pct((c["before"] - c["after"]) / c["before"]) if c["before"] else "–"


def reliability(cells: dict[str, dict[str, int]]) -> list[str]:
    """Verdict confidence against how often the verdict is right (quotes not ignored)."""
    if not cells:
        return []
    bins = sorted({k.split("|")[1] for k in cells})
    kinds = ["all", *[s for s in STATUSES if any(k.startswith(s + "|") for k in cells)]]

    def cell(kind: str, b: str) -> str:
        c = cells.get(f"{kind}|{b}", {})
        return f"{pct(c['right'] / c['total'])} of {c['total']}" if c.get("total") else "·"

    return [
        "\n### Reliability: verdict confidence × how often the verdict is right\n",
        table(
            ["confidence", *[k.replace("_", " ") for k in kinds]],
            [[b, *[cell(k, b) for k in kinds]] for b in bins],
            "l",
        ),
        "\nEach cell: share of the verdicts (given with a confidence in that bin) that equal the "
        "truth, and how many there were; *all* pools every verdict but *ignored*.\n",
    ]


VENDOR_NAMES = {"amazon": "Amazon", "google": "Google", "speechmatics": "Speechmatics"}


def earnings(e: dict[str, Any]) -> str:
    head = "## Earnings-21: name repair on real ASR\n"
    if not e.get("available"):
        return (
            head + f"\n**Skipped: the Earnings-21 subset is not at `{e['path']}`** "
            "(use `--earnings21 PATH`).\n"
        )
    out = [
        head,
        f"_{e['when']}, calls {', '.join(e['calls'])}; "
        f"{VENDOR_NAMES.get(e.get('vendor', 'amazon'), e.get('vendor'))} ASR (2021) against the "
        "human reference._\n",
    ]
    rows = []
    for row in e["rows"]:
        for variant, label in (("halves", "other half"), ("oracle", "oracle entity list")):
            for name, h in row[variant].items():
                b, a = h["before"], h["after"]
                rows.append(
                    [
                        row["call"],
                        name if variant == "halves" else f"{name} with entity list",
                        label,
                        h["status"],
                        f"{pct(b['errors'] / b['words'])} → {pct(a['errors'] / a['words'])}",
                        f"{_names(b)} → {_names(a)}",
                        f"{h['applied']} / {h['right']} / {h['wrong']} / {h.get('neutral', 0)}",
                    ]
                )
    out.append(
        table(
            [
                "call",
                "half repaired",
                "article",
                "article verdict",
                "WER before → after",
                "PERSON+ORG tokens wrong",
                "corrections applied / right / wrong / neutral",
            ],
            rows,
            "lllll",
        )
    )
    out.extend(_quoting(e["rows"]))
    out.extend(_verdicts(e["rows"]))
    tot_rows = []
    for variant, label in (
        ("quoting", "quotes every other sentence, whole call scored"),
        ("interleaved", "every other block of turns, scored on the others (honest)"),
        ("halves", "other half of the call (honest)"),
        ("oracle", "PERSON+ORG entity list (**oracle**, contains the answers)"),
    ):
        if not all(variant in row for row in e["rows"]):
            continue
        t = earnings21.totals(e["rows"], variant)
        b, a = t["before"], t["after"]
        tot_rows.append(
            [
                label,
                f"{t['aligned']}/{t['runs']}",
                f"{pct(b['errors'] / b['words'], 2)} → {pct(a['errors'] / a['words'], 2)}",
                f"{_name_rate(b)} → {_name_rate(a)}",
                f"{t['applied']} / {t['right']} / {t['wrong']} / {t.get('neutral', 0)}",
                str(t["broken"]),
            ]
        )
    out.append("\nTotals over the calls (both halves, or all scored blocks):\n")
    out.append(
        table(
            [
                "article",
                "articles aligned",
                "WER",
                "PERSON+ORG token error",
                "corrections applied / right / wrong / neutral",
                "right tokens broken",
            ],
            tot_rows,
            "l",
        )
    )
    ok = e.get("scorer_reproduces_stats", {})
    out.append(
        "\nThe scorer reproduces the subset's published WER and PERSON+ORG errors (stats.json) for "
        f"{sum(ok.values())} of {len(ok)} calls. Each applied correction is judged alone: "
        "*right* when applying just it lowers the word edit distance of the half to the "
        "reference, *wrong* when it raises it, *neutral* otherwise.\n\n"
        "Earnings-21 © Rev.com and the Earnings-21 authors (Del Rio et al., Interspeech 2021), "
        "CC BY-SA 4.0."
    )
    return "\n".join(out)


def _names(counts: dict[str, int]) -> str:
    return f"{counts['name_wrong']}/{counts['name_tokens']}"


def _name_rate(counts: dict[str, int]) -> str:
    return pct(counts["name_wrong"] / counts["name_tokens"])


def readable_table(e: dict[str, Any]) -> str:
    head = "## Readable transcript: sentences, casing, punctuation (Earnings-21)\n"
    if not e.get("available"):
        return head + f"\n**Skipped: the Earnings-21 subset is not at `{e['path']}`**.\n"
    out = [
        head,
        f"_{e['when']}, calls {', '.join(e['calls'])}. Input: Amazon's timed words (2021), "
        "lowercased, without punctuation, speakers kept. Scored on the words the recogniser "
        "got right against the human reference; the anchor is Amazon's own cased, punctuated "
        "output, scored the same way (`benchmarks/readable.py`). The sentence model was "
        "fitted on the 21 calls of `earnings21-train` only (`benchmarks/fit_readable.py`)._\n",
    ]
    rows = []
    for variant, label in (
        ("anchor", "**anchor**: recogniser's own casing and punctuation"),
        ("article_all", "readable, article = every other block of turns: all words"),
        ("article_rest", "… the blocks the article does not hold"),
        ("article_covered", "… the blocks the article holds"),
        ("article_passage", "… those words with both neighbours recognised right"),
        ("no_article", "readable, no article (model and rules only)"),
    ):
        t = readable.totals(e["rows"], variant)
        same = pct(t["same"]) if variant in ("article_covered", "article_passage") else ""
        rows.append(
            [
                label,
                f"{t['words']:,}",
                f"{t['f1']:.3f} ({t['precision']:.2f} / {t['recall']:.2f})",
                pct(t["casing"]),
                pct(t["capitals"]),
                same,
            ]
        )
    out.append(
        table(
            [
                "variant",
                "words scored",
                "sentence-end F1 (P / R)",
                "first letter right",
                "capitalised words kept",
                "casing + punctuation as the article",
            ],
            rows,
            "l",
        )
    )
    w = readable.wer_totals(e["rows"])
    out.append(
        "\nWER over the whole calls, case and punctuation ignored (verbatim reference; "
        "in brackets with fillers and repeated words left out on both sides):\n"
    )
    out.append(
        table(
            ["export", "WER"],
            [
                [label, f"{pct(w[side], 2)} ({pct(w['fluent_' + side], 2)})"]
                for side, label in (
                    ("plain", "plain corrected (repairs)"),
                    ("clean", "`--clean` (repairs, disfluencies removed)"),
                    ("readable", "`--readable`"),
                    ("anchor", "recogniser as given"),
                )
            ],
            "l",
        )
    )
    return "\n".join(out)


def changed(section: dict[str, Any]) -> str:
    pair = section.get("sources_changed_during_run")
    if not pair:
        return ""
    return (
        f"\n\n**The library's sources changed during this run** ({pair[0]} → {pair[1]}): "
        "numbers may mix two versions.\n"
    )


def document(results: dict[str, Any]) -> str:
    parts = [
        "# Benchmark results\n",
        "Written by `python -m benchmarks`; see `benchmarks/README.md` for what each "
        "number means.\n",
    ]
    if "speed" in results:
        parts.append(speed(results["speed"]) + changed(results["speed"]))
    if "quality" in results:
        parts.append(quality(results["quality"]) + changed(results["quality"]))
    if "earnings21" in results:
        parts.append(earnings(results["earnings21"]) + changed(results["earnings21"]))
    if "readable" in results:
        parts.append(readable_table(results["readable"]) + changed(results["readable"]))
    if "mishearing" in results:
        parts.append(mishearing(results["mishearing"]))
    return "\n\n".join(parts) + "\n"
