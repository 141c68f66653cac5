"""The readable transcript on real recogniser output: Earnings-21, scored like the anchor.

Each of the six test calls is given to the tool as its recogniser's words
with their times (and diarised speakers), lowercased and without
punctuation: what the tool usually gets. The readable export is scored
against the human reference on the words the recogniser got right (the
subset's alignment, op ``C``): sentence ends (a reference token ending in
``.``, ``?`` or ``!``), the case of the first letter, the share of the
reference's capitalised words that come out capitalised, and, where the
article covers the call, the share of words whose casing and punctuation
(``,.?!;:``) are the reference's. The anchor is the recogniser's own cased,
punctuated output, scored the same way.

Variants: *interleaved article* (the human text of every other block of
turns is the article, as ``earnings21.py`` builds it: all scored words, and
the other blocks alone) and *no article* (model and rules only).
WER (case and punctuation ignored) compares the readable export with the
plain corrected export of the same run.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from rapidfuzz.distance import Levenshtein

import transcript_align as ta
from transcript_align.export import corrected_segments
from transcript_align.lexicon import FILLERS

from .earnings21 import CALLS, QUICK_CALLS, Call, interleaved_article, load, norm_seq, turn_blocks

_MARKS = ".,?!;:"
_LEAD = re.compile(r"^[^\w]+")
_TAIL = re.compile(r"[^\w]*$")


def lowercase_words(call: Call) -> list[dict[str, Any]]:
    """The recogniser's words as a lowercase, unpunctuated timed word list."""
    return [
        {"w": w["w"].lower(), "start": w["start"], "end": w["end"], "spk": w.get("spk")}
        for w in call.asr
    ]


def export_words(
    call: Call, folder: Path, article: str | None, options: ta.Options
) -> list[str | None]:
    """The export's text of each recogniser word (``None``: dropped), matched by its times."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "asr.json"
    path.write_text(json.dumps(lowercase_words(call)), encoding="utf-8")
    refs = []
    if article is not None:
        (folder / "article.txt").write_text(article, encoding="utf-8")
        refs = ta.read_references([str(folder / "article.txt")])
    transcript = ta.read_transcript(str(path))
    report = ta.align(transcript, refs, options)
    out: list[str | None] = [None] * len(call.asr)
    by_time: dict[tuple[int, int], list[int]] = {}
    for i, w in enumerate(call.asr):
        by_time.setdefault((round(w["start"] * 1000), round(w["end"] * 1000)), []).append(i)
    ordered = sorted(by_time.items())
    k = 0
    for seg in corrected_segments(transcript, report.corrections):
        for word in seg.words:
            # The recogniser words inside this word's times; the text goes on the last.
            while k < len(ordered) and ordered[k][0][0] < word.start:
                k += 1
            inside = []
            while k < len(ordered) and ordered[k][0][1] <= word.end:
                inside.extend(ordered[k][1])
                k += 1
            if inside:
                out[inside[-1]] = word.text.strip()
    return out


def word_errors(
    ref_tokens: Sequence[str], hyp_tokens: Sequence[str], fluent: bool = False
) -> dict[str, int]:
    """Word errors (case and punctuation ignored, as ``earnings21.score``); ``fluent``: with
    fillers and immediately repeated words left out on both sides."""
    ref, hyp = norm_seq(ref_tokens)[0], norm_seq(hyp_tokens)[0]
    if fluent:
        ref, hyp = _fluent(ref), _fluent(hyp)
    tag = "fluent_" if fluent else ""
    return {f"{tag}errors": Levenshtein.distance(ref, hyp), f"{tag}words": len(ref)}


def _fluent(words: Sequence[str]) -> list[str]:
    out: list[str] = []
    for w in words:
        if w in FILLERS or (out and out[-1] == w):
            continue
        out.append(w)
    return out


def anchor_words(call: Call) -> list[str | None]:
    return [w["w"] + w.get("punct", "") for w in call.asr]


def _first_letter_upper(token: str) -> bool | None:
    stripped = _LEAD.sub("", token)
    return stripped[0].isupper() if stripped[:1].isalpha() else None


def _marks(token: str) -> str:
    """The punctuation after a word (a thousands comma is no mark)."""
    tail = _TAIL.search(token)
    return "".join(c for c in tail.group() if c in _MARKS) if tail else ""


def _ends(token: str) -> bool:
    return token.rstrip("\"'”’)")[-1:] in ".?!"


def measure(call: Call, hyp: Sequence[str | None], keep: Callable[[int], bool]) -> dict[str, int]:
    """Counts over reference tokens ``keep`` accepts that the recogniser got right."""
    c: dict[str, int] = dict.fromkeys(
        ("words", "tp", "fp", "fn", "cased", "case_right", "capitals", "capitals_kept", "same"), 0
    )
    for r, (op, first, last) in enumerate(call.alignment):
        if op != "C" or first != last or not keep(r):
            continue
        ref, out = call.ref_tokens[r], hyp[first]
        if out is None:
            continue
        c["words"] += 1
        want, got = _ends(ref), _ends(out)
        c["tp"] += want and got
        c["fp"] += got and not want
        c["fn"] += want and not got
        ref_up, out_up = _first_letter_upper(ref), _first_letter_upper(out)
        if ref_up is not None and out_up is not None:
            c["cased"] += 1
            c["case_right"] += ref_up == out_up
            c["capitals"] += ref_up
            c["capitals_kept"] += ref_up and out_up
        c["same"] += ref_up == out_up and _marks(ref) == _marks(out)
    return c


def run_call(call: Call, work: Path) -> dict[str, Any]:
    blocks = turn_blocks(call)
    article = interleaved_article(call, blocks)
    in_article = [False] * len(call.ref_spans)
    for a, b in blocks[0::2]:
        in_article[a:b] = [True] * (b - a)
    ops = [row[0] for row in call.alignment]
    tokens = call.ref_tokens

    def exact(r: int) -> bool:
        """The words either side were recognised right too, and are no fillers."""
        return all(
            0 <= n < len(ops) and ops[n] == "C" and not set(norm_seq([tokens[n]])[0]) & FILLERS
            for n in (r - 1, r + 1)
        )

    readable = ta.Options(readable=True)
    with_article = export_words(call, work / "readable", article, readable)
    plain = export_words(call, work / "plain", article, ta.Options())
    clean = export_words(call, work / "clean", article, ta.Options(clean=True))
    bare = export_words(call, work / "bare", None, readable)
    anchor = anchor_words(call)

    def wer(hyp: Sequence[str | None]) -> dict[str, int]:
        said = [w for w in hyp if w is not None]
        return {**word_errors(call.ref_tokens, said), **word_errors(call.ref_tokens, said, True)}

    return {
        "call": call.cid,
        "anchor": measure(call, anchor, lambda r: True),
        "article_all": measure(call, with_article, lambda r: True),
        "article_rest": measure(call, with_article, lambda r: not in_article[r]),
        "article_covered": measure(call, with_article, lambda r: in_article[r]),
        "article_passage": measure(call, with_article, lambda r: in_article[r] and exact(r)),
        "no_article": measure(call, bare, lambda r: True),
        "wer": {
            "plain": wer(plain),
            "clean": wer(clean),
            "readable": wer(with_article),
            "anchor": wer(anchor),
        },
    }


def run_all(folder: Path, *, quick: bool, say: Callable[[str], None] = print) -> dict[str, Any]:
    if not (folder / "README.md").exists():
        return {"available": False, "path": str(folder)}
    calls = QUICK_CALLS if quick else CALLS
    rows = []
    with tempfile.TemporaryDirectory(prefix="ta-readable-") as tmp:
        for cid in calls:
            rows.append(run_call(load(folder, cid), Path(tmp) / cid))
            say(f"readable: {cid} done")
    return {"available": True, "path": str(folder), "calls": list(calls), "rows": rows}


def totals(rows: Sequence[dict[str, Any]], variant: str) -> dict[str, float]:
    """Sentence-end precision/recall/F1, casing, capitals kept and carried-over shares."""
    c: dict[str, int] = {}
    for row in rows:
        for k, v in row[variant].items():
            c[k] = c.get(k, 0) + v
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    return {
        "words": c["words"],
        "precision": p,
        "recall": r,
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
        "casing": c["case_right"] / c["cased"] if c["cased"] else 0.0,
        "capitals": c["capitals_kept"] / c["capitals"] if c["capitals"] else 0.0,
        "same": c["same"] / c["words"] if c["words"] else 0.0,
    }


def wer_totals(rows: Sequence[dict[str, Any]]) -> dict[str, float]:
    """WER of each export over all calls, verbatim and with disfluencies left out."""
    out = {}
    for side in ("plain", "clean", "readable", "anchor"):
        for tag in ("", "fluent_"):
            errors = sum(r["wer"][side][f"{tag}errors"] for r in rows)
            words = sum(r["wer"][side][f"{tag}words"] for r in rows)
            out[f"{tag}{side}"] = errors / words if words else 0.0
    return out
