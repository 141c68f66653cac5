"""Name repair on real recogniser output: the Earnings-21 subset (Amazon ASR, human references).

Earnings-21 is © Rev.com and the Earnings-21 authors (Del Rio et al.,
Interspeech 2021), CC BY-SA 4.0; it is read from ``../shared/bench/earnings21``
and never copied here.

There are no articles about an earnings call, so one is made honestly from
the human reference of *another part of the same call*: each call is split in
two halves at the speaker turn nearest the middle; the ASR of half B is
repaired with the reference text of half A as the only article, and the other
way round. Whatever a repair gets right there, it learned from what was said
elsewhere in the call, as an article would tell it. The *oracle* variant uses
the call's PERSON+ORG entity list as the article instead; it contains the
answers and is labelled as such.

Scoring follows the subset's README ("Measurement"): the same normalisation
on both sides, WER over words, and a PERSON/ORG reference token counts as
wrong when any of its words is substituted or deleted. Alignment is a word
Levenshtein alignment (rapidfuzz, the engine jiwer 4 uses).
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz.distance import Levenshtein

from .captions import srt_time
from .library import read_inputs, run, supports_format

CALLS = ("4394084", "4366522", "4344338", "4364366", "4360674", "4341191")
VENDORS = ("amazon", "google", "speechmatics")
"""Recognisers of the fitting set (``asr-<vendor>.json``); the test set has Amazon's only."""
FOUND = ("verbatim", "edited", "elided")
"""Verdicts right for a quote that reproduces what was said word for word."""
QUICK_CALLS = ("4394084", "4366522")
NAMED = ("PERSON", "ORG")
_MARKER = re.compile(r"<[^>]*>")


def norm_token(token: str) -> list[str]:
    """The scoring words of one token (README "Measurement"; as ``build.py`` does it)."""
    t = token.strip().lower().replace("\u2019", "'")
    # reference.txt appends the punctuation column: "<inaudible>," is still a marker.
    if _MARKER.fullmatch(t.rstrip(".,?!;:-")):
        return []
    t = t.replace("-", " ")
    t = re.sub(r"[^\w\s']", "", t).replace("_", "")
    return [w for w in t.split() if w.strip("'")]


def norm_seq(tokens: Sequence[str]) -> tuple[list[str], list[int]]:
    words: list[str] = []
    owner: list[int] = []
    for i, t in enumerate(tokens):
        for w in norm_token(t):
            words.append(w)
            owner.append(i)
    return words, owner


@dataclass(frozen=True)
class Scored:
    """WER counts and PERSON+ORG token errors of a hypothesis against reference tokens."""

    errors: int
    words: int
    name_tokens: int
    name_wrong: int
    opcodes: list[tuple[str, int, int, int, int]]
    wrong: frozenset[int] = frozenset()
    """Reference tokens wrong (any of their words substituted or deleted)."""

    @property
    def wer(self) -> float:
        return self.errors / self.words if self.words else 0.0


def score(ref_tokens: Sequence[str], named: set[int], hyp_tokens: Sequence[str]) -> Scored:
    """Score ``hyp_tokens`` against ``ref_tokens``; ``named``: PERSON/ORG reference tokens."""
    rw, rown = norm_seq(ref_tokens)
    hw, _ = norm_seq(hyp_tokens)
    ops = [
        (op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end)
        for op in Levenshtein.opcodes(rw, hw)
    ]
    wrong_word = [False] * len(rw)
    errors = 0
    for tag, i1, i2, j1, j2 in ops:
        if tag == "replace":
            errors += max(i2 - i1, j2 - j1)
        elif tag in ("delete", "insert"):
            errors += (i2 - i1) + (j2 - j1)
        if tag in ("replace", "delete"):
            for k in range(i1, i2):
                wrong_word[k] = True
    scored = {rown[k] for k in range(len(rw))}
    wrong_tok = {rown[k] for k in range(len(rw)) if wrong_word[k]}
    names = named & scored
    return Scored(errors, len(rw), len(names), len(names & wrong_tok), ops, frozenset(wrong_tok))


@dataclass(frozen=True)
class Call:
    cid: str
    asr: list[dict[str, Any]]
    ref_text: str
    ref_spans: list[tuple[int, int]]  # char span of each reference token
    entities: list[dict[str, Any]]
    alignment: list[list[Any]]

    @property
    def ref_tokens(self) -> list[str]:
        return [self.ref_text[a:b] for a, b in self.ref_spans]

    def named(self) -> set[int]:
        return {
            i
            for e in self.entities
            if e["type"] in NAMED
            for i in range(e["ref_token_index"], e["ref_token_end"])
        }


def load(folder: Path, cid: str, vendor: str = "amazon") -> Call:
    """One call; in the fitting set (``earnings21-train``) each recogniser has its own
    files (``asr-<vendor>.json``), in the test set there is Amazon's only."""
    d = folder / cid
    text = (d / "reference.txt").read_text(encoding="utf-8")
    suffix = f"-{vendor}" if (d / f"asr-{vendor}.json").exists() else ""
    if not suffix and vendor != "amazon":
        raise FileNotFoundError(f"call {cid}: no {vendor} ASR in {folder} (only Amazon's there)")
    return Call(
        cid,
        json.loads((d / f"asr{suffix}.json").read_text(encoding="utf-8")),
        text,
        [m.span() for m in re.finditer(r"\S+", text)],
        json.loads((d / "entities.json").read_text(encoding="utf-8")),
        json.loads((d / f"alignment{suffix}.json").read_text(encoding="utf-8")),
    )


def call_ids(folder: Path) -> list[str]:
    """The calls of a subset folder (one folder per call id)."""
    return sorted(p.name for p in folder.iterdir() if (p / "reference.txt").exists())


def split_point(call: Call) -> tuple[int, int]:
    """``(reference token, ASR word)`` where half B starts: the turn start nearest mid-call."""
    mid = (call.asr[0]["start"] + call.asr[-1]["end"]) / 2
    best: tuple[float, int, int] | None = None
    for k, (a, _) in enumerate(call.ref_spans):
        if k == 0 or "\n\n" not in call.ref_text[call.ref_spans[k - 1][1] : a]:
            continue
        asr_i = next((row[1] for row in call.alignment[k:] if row[1] is not None), None)
        if asr_i is None:
            continue
        gap = abs(call.asr[asr_i]["start"] - mid)
        if best is None or gap < best[0]:
            best = (gap, k, asr_i)
    if best is None:
        raise ValueError(f"call {call.cid}: no speaker turn to split at")
    return best[1], best[2]


def article_text(text: str) -> str:
    """Reference text as an article, without the markers (``<unk>``, ``<crosstalk>``)."""
    lines = [" ".join(_MARKER.sub(" ", p).split()) for p in text.split("\n\n")]
    return "\n\n".join(p for p in lines if p) + "\n"


def write_transcript(words: Sequence[dict[str, Any]], folder: Path) -> Path:
    """The ASR words as a timed word list, or as SRT cues when the library has no such reader."""
    if supports_format("words-json"):
        path = folder / "asr.json"
        path.write_text(json.dumps(list(words)), encoding="utf-8")
        return path
    path = folder / "asr.srt"
    blocks = []
    for n, start in enumerate(range(0, len(words), 12), 1):
        cue = words[start : start + 12]
        text = " ".join(w["w"] + w.get("punct", "") for w in cue)
        blocks.append(f"{n}\n{srt_time(cue[0]['start'])} --> {srt_time(cue[-1]['end'])}\n{text}\n")
    path.write_text("\n".join(blocks), encoding="utf-8")
    return path


def repair_half(
    call: Call,
    ref_range: tuple[int, int],
    asr_range: tuple[int, int],
    article: str,
    work: Path,
    subsets: dict[str, set[int]] | None = None,
) -> dict[str, Any]:
    """Repair ASR words ``asr_range`` with ``article``; score against reference ``ref_range``.

    ``subsets``: reference tokens (of the whole call) whose PERSON+ORG errors are
    also counted apart, before and after. *broken*: tokens right before, wrong after.
    """
    work.mkdir(parents=True, exist_ok=True)
    words = call.asr[asr_range[0] : asr_range[1]]
    transcript = write_transcript(words, work)
    art = work / "article.txt"
    art.write_text(article, encoding="utf-8")
    inputs = read_inputs(transcript, [art])
    report = run(inputs)
    before_tokens = [t for s in report["segments"] for t in s["original"].split()]
    after_tokens = [t for s in report["segments"] for t in s["corrected"].split()]
    r0, r1 = ref_range
    ref_tokens = call.ref_tokens[r0:r1]
    named = {i - r0 for i in call.named() if r0 <= i < r1}
    before = score(ref_tokens, named, before_tokens)
    after = score(ref_tokens, named, after_tokens)
    verdicts = judge(report["corrections"], words, before_tokens, ref_tokens)
    apart = {}
    for name, tokens in (subsets or {}).items():
        inside = {i - r0 for i in tokens if r0 <= i < r1} & named
        apart[name] = {
            "name_tokens": len(inside & _scored(ref_tokens)),
            "before": len(inside & before.wrong),
            "after": len(inside & after.wrong),
        }
    return {
        "status": report["references"][0]["status"] if report["references"] else "none",
        "before": _counts(before),
        "after": _counts(after),
        "broken": len(broken_tokens(ref_tokens, before, after, after_tokens)),
        "subsets": apart,
        "quotes": quote_verdicts(report["quotes"]),
        **verdicts,
    }


ANCHOR_REACH = 8
"""Reference words taken either side of a token when its alignment is re-examined."""


def broken_tokens(
    ref_tokens: Sequence[str], before: Scored, after: Scored, after_tokens: Sequence[str]
) -> set[int]:
    """Reference tokens right before the repair and wrong after it, however the words are
    aligned.

    A word alignment has ties: where the speaker said "in the, in the" and the
    recogniser wrote it once, either copy is the deleted one, and a repair a few
    words away can tip the tie to the other copy. Such a token is not broken: some
    alignment of the repaired words as good as the one chosen still has it right.
    """
    candidates = after.wrong - before.wrong
    if not candidates:
        return set()
    rw, rown = norm_seq(ref_tokens)
    hw, _ = norm_seq(after_tokens)
    return {k for k in candidates if not _matched_in_some_alignment(k, rw, rown, hw, after.opcodes)}


def _matched_in_some_alignment(
    token: int,
    rw: Sequence[str],
    rown: Sequence[int],
    hw: Sequence[str],
    ops: Sequence[tuple[str, int, int, int, int]],
) -> bool:
    """Whether an optimal alignment of ``hw`` to ``rw`` matches every word of reference
    ``token``, among those that agree with ``ops`` outside a window of matched words
    around it (a forward and a backward edit-distance table over the window)."""
    mine = [w for w in range(len(rw)) if rown[w] == token]
    if not mine:
        return True
    equal = [False] * len(rw)
    hyp_at = [0] * (len(rw) + 1)
    hyp_at[len(rw)] = len(hw)
    for tag, i1, i2, j1, j2 in ops:
        for i in range(i1, i2):
            equal[i] = tag == "equal"
            hyp_at[i] = j1 + min(i - i1, j2 - j1)
    lo = max(0, mine[0] - ANCHOR_REACH)
    while lo > 0 and not equal[lo - 1]:
        lo -= 1
    hi = min(len(rw), mine[-1] + 1 + ANCHOR_REACH)
    while hi < len(rw) and not equal[hi]:
        hi += 1
    ref, hyp = rw[lo:hi], hw[hyp_at[lo] : hyp_at[hi]]
    n, m = len(ref), len(hyp)
    fwd = [[i + j if i == 0 or j == 0 else 0 for j in range(m + 1)] for i in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            fwd[i][j] = min(
                fwd[i - 1][j] + 1, fwd[i][j - 1] + 1, fwd[i - 1][j - 1] + (ref[i - 1] != hyp[j - 1])
            )
    bwd = [[(n - i) + (m - j) for j in range(m + 1)] for i in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            bwd[i][j] = min(
                bwd[i + 1][j] + 1, bwd[i][j + 1] + 1, bwd[i + 1][j + 1] + (ref[i] != hyp[j])
            )
    a0, a1 = mine[0] - lo, mine[-1] + 1 - lo
    size = a1 - a0
    return any(
        list(hyp[b : b + size]) == list(ref[a0:a1]) and fwd[a0][b] + bwd[a1][b + size] == fwd[n][m]
        for b in range(m - size + 1)
    )


def quote_verdicts(quotes: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The verdicts of quotes that reproduce what was said word for word (the quoting
    article): counts per status, and for each ``misquote`` (a false accusation there)
    the kinds of change that made it, with the written and said words.

    Quotes too short to check (``ignored``) are left out of ``quotes``.
    """
    counts = dict.fromkeys((*FOUND, "misquote", "not_found"), 0)
    made: dict[str, int] = {}
    examples: list[dict[str, Any]] = []
    cut_years = 0
    for q in quotes:
        if q["status"] not in counts:
            continue
        counts[q["status"]] += 1
        if q["status"] != "misquote":
            continue
        cut_years += bool(CUT_YEAR.search(q["text"]))
        decisive = [c for c in q["changes"] if c["kind"] in MISQUOTE_KINDS]
        for kind in sorted({c["kind"] for c in decisive}):
            made[kind] = made.get(kind, 0) + 1
        examples.append(
            {
                "text": q["text"],
                "changes": [[c["kind"], c["written"], c["said"]] for c in decisive],
            }
        )
    return {
        "quotes": sum(counts.values()),
        **counts,
        "misquote_kinds": made,
        "misquote_cut_year": cut_years,
        "misquotes": examples,
    }


CUT_YEAR = re.compile(r"\b20[12]\b(?![.,]?\d)")
"""A year the human reference cut to three digits ("in the first quarter of 202."): the
quote then has another number than was said, a flaw of the reference, counted apart."""
MISQUOTE_KINDS = ("changed_word", "changed_number", "added", "reordered", "cut_at_edge")
"""Change kinds that make a misquote (``transcript_align.changes.SEVERITY``)."""


def _scored(ref_tokens: Sequence[str]) -> set[int]:
    """Reference tokens with a scoring word (markers have none)."""
    return set(norm_seq(ref_tokens)[1])


def judge(
    corrections: list[dict[str, Any]],
    words: Sequence[dict[str, Any]],
    hyp_tokens: Sequence[str],
    ref_tokens: Sequence[str],
) -> dict[str, Any]:
    """Each applied correction, applied alone: does it remove errors (right) or add some (wrong)?

    Judged by the word edit distance of the whole half against the reference,
    so it does not depend on how an alignment happens to pair the words
    around a name ("thrusters Auto throttle" / "ThrustSense Autothrottle").
    A correction's words are the ASR words inside its times.
    """
    rw, _ = norm_seq(ref_tokens)
    base = Levenshtein.distance(rw, norm_seq(hyp_tokens)[0])
    counts = {"applied": 0, "right": 0, "wrong": 0, "neutral": 0}
    examples: list[str] = []
    for c in corrections:
        if not c["applied"]:
            continue
        counts["applied"] += 1
        toks = [
            i
            for i, w in enumerate(words)
            if w["start"] >= c["start"] - 0.005 and w["end"] <= c["end"] + 0.005
        ]
        if not toks or len(hyp_tokens) != len(words):
            counts["neutral"] += 1
            continue
        changed = [*hyp_tokens[: toks[0]], *c["corrected"].split(), *hyp_tokens[toks[-1] + 1 :]]
        delta = Levenshtein.distance(rw, norm_seq(changed)[0]) - base
        if delta < 0:
            counts["right"] += 1
        elif delta > 0:
            counts["wrong"] += 1
            if len(examples) < 5:
                examples.append(f"{c['original']} -> {c['corrected']}")
        else:
            counts["neutral"] += 1
    return {**counts, "wrong_examples": examples}


def _counts(s: Scored) -> dict[str, int]:
    return {
        "errors": s.errors,
        "words": s.words,
        "name_tokens": s.name_tokens,
        "name_wrong": s.name_wrong,
    }


def check_scorer(call: Call, stats: dict[str, Any]) -> bool:
    """Whether this scorer reproduces the subset's published WER and name errors for the call."""
    named = call.named()
    s = score(call.ref_tokens, named, [w["w"] for w in call.asr])
    return bool(
        round(s.wer, 4) == stats["wer"] and s.name_wrong == stats["PERSON_ORG_tokens_wrong"]
    )


def turn_blocks(call: Call, min_tokens: int = 250) -> list[tuple[int, int]]:
    """Reference token ranges of consecutive speaker turns, each at least ``min_tokens`` long."""
    blocks: list[tuple[int, int]] = []
    start = 0
    for k in range(1, len(call.ref_spans)):
        between = call.ref_text[call.ref_spans[k - 1][1] : call.ref_spans[k][0]]
        if "\n\n" in between and k - start >= min_tokens:
            blocks.append((start, k))
            start = k
    blocks.append((start, len(call.ref_spans)))
    return blocks


def asr_range(call: Call, r0: int, r1: int) -> tuple[int, int] | None:
    """The ASR words aligned to reference tokens ``[r0, r1)``."""
    rows = [row for row in call.alignment[r0:r1] if row[1] is not None]
    if not rows:
        return None
    return min(row[1] for row in rows), max(row[2] for row in rows) + 1


def interleaved_article(call: Call, blocks: Sequence[tuple[int, int]]) -> str:
    """The human text of blocks 0, 2, 4…: the article of the interleaved variant."""
    return "\n\n".join(
        article_text(call.ref_text[call.ref_spans[a][0] : call.ref_spans[b - 1][1]])
        for a, b in blocks[0::2]
    )


def interleaved(call: Call, work: Path) -> dict[str, Any]:
    """Repair the whole call with every other block of turns as the article; score the rest.

    The article is the human text of blocks 0, 2, 4…, as a report that
    quotes parts of the call verbatim (so it aligns, as a real article about
    the event does). Only blocks 1, 3, 5… are scored: whatever is repaired
    there was learned from other parts of the call.
    """
    work.mkdir(parents=True, exist_ok=True)
    blocks = turn_blocks(call)
    article = interleaved_article(call, blocks)
    transcript = write_transcript(call.asr, work)
    art = work / "article.txt"
    art.write_text(article, encoding="utf-8")
    report = run(read_inputs(transcript, [art]))
    applied = [c for c in report["corrections"] if c["applied"]]
    totals: dict[str, Any] = {
        "before": {},
        "after": {},
        "applied": 0,
        "right": 0,
        "wrong": 0,
        "neutral": 0,
        "broken": 0,
        "wrong_examples": [],
    }
    named = call.named()
    for r0, r1 in blocks[1::2]:
        span = asr_range(call, r0, r1)
        if span is None:
            continue
        a0, a1 = span
        words = call.asr[a0:a1]
        t0, t1 = words[0]["start"] - 0.005, words[-1]["end"] + 0.005
        inside = [
            c for c in applied if c["start"] is not None and t0 <= c["start"] and c["end"] <= t1
        ]
        before = [w["w"] for w in words]
        after = _apply_by_time(words, inside)
        ref_tokens = call.ref_tokens[r0:r1]
        block_named = {i - r0 for i in named if r0 <= i < r1}
        scored = {
            side: score(ref_tokens, block_named, hyp)
            for side, hyp in (("before", before), ("after", after))
        }
        for side, sc in scored.items():
            for key, v in _counts(sc).items():
                totals[side][key] = totals[side].get(key, 0) + v
        totals["broken"] += len(broken_tokens(ref_tokens, scored["before"], scored["after"], after))
        verdicts = judge([{**c, "applied": True} for c in inside], words, before, ref_tokens)
        for key in ("applied", "right", "wrong", "neutral"):
            totals[key] += verdicts[key]
        totals["wrong_examples"].extend(verdicts["wrong_examples"])
    totals["status"] = report["references"][0]["status"] if report["references"] else "none"
    return totals


def _apply_by_time(words: Sequence[dict[str, Any]], corrections: list[dict[str, Any]]) -> list[str]:
    """ASR words with each correction's words put in place of the words inside its times."""
    out: list[str] = []
    k = 0
    for c in sorted(corrections, key=lambda c: c["start"]):
        inside = [
            i
            for i, w in enumerate(words)
            if w["start"] >= c["start"] - 0.005 and w["end"] <= c["end"] + 0.005 and i >= k
        ]
        if not inside:
            continue
        out.extend(w["w"] for w in words[k : inside[0]])
        out.extend(c["corrected"].split())
        k = inside[-1] + 1
    out.extend(w["w"] for w in words[k:])
    return out


def sentences(call: Call) -> list[tuple[int, int]]:
    """Reference token ranges of the sentences (closed by . ? ! or a speaker turn)."""
    out: list[tuple[int, int]] = []
    start = 0
    spans = call.ref_spans
    for k, (a, b) in enumerate(spans):
        turn = k + 1 < len(spans) and "\n" in call.ref_text[b : spans[k + 1][0]]
        if call.ref_text[a:b].rstrip("\"”'").endswith((".", "?", "!")) or turn:
            out.append((start, k + 1))
            start = k + 1
    if start < len(spans):
        out.append((start, len(spans)))
    return out


def quoted_sentences(call: Call) -> list[tuple[int, int]]:
    """Every other sentence of the call, from the first."""
    return sentences(call)[0::2]


def quoting_article(call: Call) -> str:
    """An article quoting :func:`quoted_sentences` word for word, one a paragraph."""
    return "\n\n".join(f"“{_plain(call, a, b)}”" for a, b in quoted_sentences(call)) + "\n"


def _plain(call: Call, a: int, b: int) -> str:
    """Reference tokens ``[a, b)`` as text, without markers, on one line."""
    return " ".join(
        _MARKER.sub(" ", call.ref_text[call.ref_spans[a][0] : call.ref_spans[b - 1][1]]).split()
    )


def quoting(call: Call, work: Path) -> dict[str, Any]:
    """Repair the whole call with an article that quotes every other sentence word for word.

    As a report quoting a speech does, the article spells the names of the
    sentences it quotes: the names there (*quoted*) are what a repair from
    the aligned passages should fix; the names of the other sentences
    (*elsewhere*) only what was learned from the quoted ones can fix.
    """
    quoted = quoted_sentences(call)
    article = quoting_article(call)
    inside = {i for a, b in quoted for i in range(a, b)}
    outside = set(range(len(call.ref_spans))) - inside
    return repair_half(
        call,
        (0, len(call.ref_spans)),
        (0, len(call.asr)),
        article,
        work,
        {"quoted": inside, "elsewhere": outside},
    )


def oracle_article(call: Call) -> str:
    names = list(dict.fromkeys(e["text"] for e in call.entities if e["type"] in NAMED))
    return "Names mentioned in the call\n\n" + "\n\n".join(names) + "\n"


def run_all(
    folder: Path, *, quick: bool, say: Callable[[str], None] = print, vendor: str = "amazon"
) -> dict[str, Any]:
    if not (folder / "README.md").exists():
        return {"available": False, "path": str(folder)}
    published = folder / "stats.json"
    stats = (
        {c["call_id"]: c for c in json.loads(published.read_text())["calls"]}
        if published.exists()
        else {}
    )
    # The test set's calls; pointed at another folder (the fitting set), its own calls.
    calls = [c for c in (QUICK_CALLS if quick else CALLS) if (folder / c).is_dir()]
    if not calls:
        calls = call_ids(folder)[: len(QUICK_CALLS) if quick else None]
    rows: list[dict[str, Any]] = []
    checks: dict[str, bool] = {}
    with tempfile.TemporaryDirectory(prefix="ta-e21-") as tmp:
        for cid in calls:
            call = load(folder, cid, vendor)
            if cid in stats:
                checks[cid] = check_scorer(call, stats[cid])
            k, m = split_point(call)
            n_ref, n_asr = len(call.ref_spans), len(call.asr)
            a_text = article_text(call.ref_text[: call.ref_spans[k][0]])
            b_text = article_text(call.ref_text[call.ref_spans[k][0] :])
            work = Path(tmp) / cid
            halves = {
                "B with A": repair_half(call, (k, n_ref), (m, n_asr), a_text, work / "b"),
                "A with B": repair_half(call, (0, k), (0, m), b_text, work / "a"),
            }
            oracle = {
                "B": repair_half(call, (k, n_ref), (m, n_asr), oracle_article(call), work / "ob"),
                "A": repair_half(call, (0, k), (0, m), oracle_article(call), work / "oa"),
            }
            mixed = {"all": interleaved(call, work / "mixed")}
            quotes = {"all": quoting(call, work / "quoting")}
            rows.append(
                {
                    "call": cid,
                    "company": stats.get(cid, {}).get("company_name", ""),
                    "split": {"ref_token": k, "asr_word": m},
                    "halves": halves,
                    "oracle": oracle,
                    "interleaved": mixed,
                    "quoting": quotes,
                }
            )
            say(f"earnings21: {cid} done (split at reference token {k} / ASR word {m})")
    return {
        "available": True,
        "path": str(folder),
        "vendor": vendor,
        "calls": list(calls),
        "rows": rows,
        "scorer_reproduces_stats": checks,
    }


def totals(rows: list[dict[str, Any]], variant: str) -> dict[str, Any]:
    """Sum over calls of ``variant`` ("interleaved", "halves" or "oracle")."""
    out: dict[str, Any] = {
        "before": {},
        "after": {},
        "applied": 0,
        "right": 0,
        "wrong": 0,
        "neutral": 0,
        "broken": 0,
        "aligned": 0,
        "runs": 0,
        "subsets": {},
    }
    for row in rows:
        for half in row[variant].values():
            for side in ("before", "after"):
                for key, v in half[side].items():
                    out[side][key] = out[side].get(key, 0) + v
            for key in ("applied", "right", "wrong", "neutral", "broken"):
                out[key] += half.get(key, 0)
            for name, counts in half.get("subsets", {}).items():
                mine = out["subsets"].setdefault(name, {})
                for key, v in counts.items():
                    mine[key] = mine.get(key, 0) + v
            out["aligned"] += half["status"] == "aligned"
            out["runs"] += 1
    return out
