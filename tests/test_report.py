"""The JSON report: contract shape, schema, determinism.

The builders at the top make hand-made reports (a real parsed transcript plus
hand-written verdicts) and are shared with the render, HTML and export tests.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest
from typer.testing import CliRunner

from transcript_align.cli import single
from transcript_align.formats import parse_transcript, read_transcript
from transcript_align.models import (
    Change,
    Correction,
    CorrectionKind,
    DiffOp,
    Evidence,
    Location,
    Quote,
    QuoteCheck,
    QuoteStatus,
    Reference,
    ReferenceCheck,
    Report,
    Transcript,
)
from transcript_align.pipeline import Options, align
from transcript_align.quotes import extract_quotes
from transcript_align.references import read_references
from transcript_align.render import to_text
from transcript_align.report import SCHEMA, json_schema, to_dict, to_json

from .conftest import EXAMPLE

ARTICLES = EXAMPLE / "articles"
ANEWZ = str(ARTICLES / "anewz-no-consensus-yet.txt")
AA = str(ARTICLES / "aa-rutte-no-consensus.txt")

# --- builders ----------------------------------------------------------------------------


def span(t: Transcript, phrase: str, after: int = 0) -> tuple[int, int]:
    """Token indices ``[first, last)`` of ``phrase``, first found at or after token ``after``."""
    words = phrase.lower().split()
    texts = [tok.text.lower() for tok in t.tokens]
    for i in range(after, len(texts) - len(words) + 1):
        if texts[i : i + len(words)] == words:
            return i, i + len(words)
    raise AssertionError(f"{phrase!r} is not in the transcript")


def place(t: Transcript, phrase: str, similarity: float = 1.0) -> Location:
    first, last = span(t, phrase)
    return Location(first, last, t.tokens[first].start, t.tokens[last - 1].end, similarity)


def fix(
    t: Transcript,
    phrase: str,
    corrected: str,
    *,
    kind: CorrectionKind = "name",
    confidence: float = 0.95,
    applied: bool = True,
    evidence: Sequence[Evidence] = (),
    after: int = 0,
) -> Correction:
    first, last = span(t, phrase, after)
    original = " ".join(tok.text for tok in t.tokens[first:last])
    return Correction(
        first,
        last,
        original,
        corrected,
        kind,
        confidence,
        applied,
        t.tokens[first].start,
        t.tokens[last - 1].end,
        tuple(evidence),
    )


def quote_in(ref: Reference, text: str, speaker: str | None = None) -> Quote:
    at = ref.text.find(text)
    assert at >= 0, f"{text!r} is not in {ref.path}"
    return Quote(text, at, at + len(text), ((at, at + len(text)),), speaker)


def check(
    ref: Reference,
    quote: Quote,
    status: QuoteStatus,
    location: Location | None = None,
    diff: Sequence[DiffOp] = (),
    *,
    said: str = "",
    reason: str = "",
    alternatives: Sequence[Location] = (),
    changes: Sequence[Change] = (),
    confidence: float = 1.0,
) -> QuoteCheck:
    return QuoteCheck(
        ref.path,
        quote,
        status,
        location,
        said,
        tuple(diff),
        tuple(alternatives),
        reason,
        tuple(changes),
        confidence,
    )


def eq(text: str) -> DiffOp:
    return DiffOp("equal", text, text)


def example_report(transcript: Transcript | None = None) -> Report:
    """The bundled example with the verdicts a good engine should reach, written by hand."""
    t = transcript or read_transcript(str(EXAMPLE / "transcript.txt"))
    refs = {r.path: r for r in read_references([str(ARTICLES)])}
    anewz, aa = refs[ANEWZ], refs[AA]

    a_misquote = quote_in(anewz, "no unanimity within the alliance about Ukraine coming into NATO")
    a_elided = quote_in(
        anewz,
        "Marco Rubio is very much involved when it comes to ending the war in Ukraine. "
        "I’m in constant contact with him,",
        "Rutte",
    )
    a_verbatim = quote_in(
        anewz, "We are all working to bring the war against Ukraine to an end with a just and"
    )
    a_edited = quote_in(anewz, "Let’s hope we get to a point where there is a peace deal,")
    a_short = quote_in(anewz, "deeply linked")
    a_missing = quote_in(anewz, "pre-emptive strike,")
    anewz = replace(anewz, quotes=(a_misquote, a_verbatim, a_short, a_elided, a_edited, a_missing))

    b_verbatim = quote_in(
        aa, "I'm confident that these sustained efforts will eventually restore peace in Europe,"
    )
    b_missing = quote_in(aa, "have made meaningful progress since then.")
    aa = replace(aa, quotes=(b_missing, b_verbatim))

    # One quote each, whatever the reference reader extracts, so counts stay fixed here.
    unrelated = [
        replace(r, quotes=(Quote(r.text[:40], 0, 40),))
        for path, r in sorted(refs.items())
        if "dec2024" in path
    ]

    references = (
        ReferenceCheck(aa, "aligned", 0.38, "12 distinctive passages align"),
        ReferenceCheck(anewz, "aligned", 0.41, "19 distinctive passages align"),
        *(
            ReferenceCheck(r, "unrelated", 0.02, "no passage aligns better than chance")
            for r in unrelated
        ),
    )
    corrections = (
        fix(
            t,
            "Witko",
            "Witkoff",
            evidence=[Evidence(ANEWZ, "special envoy Steve Witkoff and adviser Jared Kushner")],
        ),
        fix(
            t,
            "is is protected",
            "is protected",
            kind="disfluency",
            confidence=0.62,
            applied=False,
        ),
    )
    quotes = (
        check(
            aa,
            b_missing,
            "not_found",
            reason="said before the transcript starts, or not at this event",
        ),
        check(
            aa,
            b_verbatim,
            "verbatim",
            place(t, "I'm confident that these sustained efforts will eventually restore peace in"),
            [eq("I'm confident that these sustained efforts will eventually restore peace in")],
            said="I'm confident that these sustained efforts will eventually restore peace in",
        ),
        check(
            anewz,
            a_misquote,
            "misquote",
            place(t, "no unanimity within the Alliance about Ukraine coming in the Alliance", 0.82),
            [
                eq("no unanimity within the alliance about Ukraine coming"),
                DiffOp("replace", "into NATO", "in the Alliance"),
            ],
            said="no unanimity within the Alliance about Ukraine coming in the Alliance",
            reason="“into NATO” was said as “in the Alliance”",
        ),
        check(
            anewz,
            a_verbatim,
            "verbatim",
            place(t, "all working to bring the war against Ukraine to an end with a just and"),
            [eq("We are all working to bring the war against Ukraine to an end with a just and")],
        ),
        check(anewz, a_short, "ignored", reason="too short to verify (2 words)"),
        check(
            anewz,
            a_elided,
            "elided",
            place(t, "Marco Rubio is very much involved of course", 0.74),
            [
                eq("Marco Rubio is very much involved"),
                DiffOp("insert", "", "of course in all of this"),
                eq("when it comes to ending the war in Ukraine"),
                DiffOp(
                    "insert",
                    "",
                    "you've seen him chairing the meetings in Geneva and in Miami I've been and "
                    "the teams are in constant contact I personally",
                ),
                DiffOp("replace", "I'm", "am"),
                eq("in constant contact with him"),
            ],
        ),
        check(
            anewz,
            a_edited,
            "edited",
            place(t, "let's let's hope that we get to a point where there is a peace deal", 0.93),
            [
                eq("Let's"),
                DiffOp("insert", "", "let's"),
                eq("hope"),
                DiffOp("insert", "", "that"),
                eq("we get to a point where there is a peace deal"),
            ],
            alternatives=[place(t, "peace deal and at the moment", 0.41)],
        ),
        check(anewz, a_missing, "not_found", reason="no passage of the transcript is close"),
        *(
            check(r, q, "not_found", reason="the article is about another event")
            for r in unrelated
            for q in r.quotes
        ),
    )
    return Report(t, references, corrections, quotes)


def small_report(*, timed: bool = True) -> Report:
    """A tiny report that exercises every status and field."""
    text = (
        "00:00 we spoke with Mr. Witko today\n00:04 there is no unanimity about Ukraine\n"
        "00:08 coming in the Alliance right now\n"
        if timed
        else "we spoke with Mr. Witko today\nthere is no unanimity about Ukraine\n"
        "coming in the Alliance right now\n"
    )
    t = parse_transcript(text, "talk.txt")
    ref = Reference(
        "refs/a.txt",
        "Envoy Witkoff in Moscow",
        "Envoy Steve Witkoff. He said “no unanimity about Ukraine coming into NATO” and "
        "“hello”, and “something never said”.",
    )
    q1 = quote_in(ref, "no unanimity about Ukraine coming into NATO", "Rutte")
    q2 = quote_in(ref, "hello")
    q3 = quote_in(ref, "something never said")
    ref = replace(ref, quotes=(q1, q2, q3))
    return Report(
        t,
        (ReferenceCheck(ref, "aligned", 0.5, "3 passages align"),),
        (fix(t, "Witko", "Witkoff", evidence=[Evidence("refs/a.txt", "Envoy Steve Witkoff")]),),
        (
            check(
                ref,
                q1,
                "misquote",
                place(t, "no unanimity about Ukraine coming in the Alliance", 0.8123),
                [
                    eq("no unanimity about Ukraine coming"),
                    DiffOp("replace", "into NATO", "in the Alliance"),
                ],
                said="no unanimity about Ukraine coming in the Alliance",
                alternatives=[place(t, "there is", 0.3)],
                changes=[
                    Change("changed_word", "into NATO", "in the Alliance", 9_000, 10_500),
                    Change("misheard", "Witkoff", "Witko", 2_000, 2_500),
                ],
                confidence=0.87,
            ),
            check(ref, q2, "ignored", reason="one word"),
            check(ref, q3, "not_found", place(t, "right now", 0.2)),
        ),
    )


def strict(schema: Any) -> Any:
    """The schema with no undeclared keys allowed anywhere: every key we emit must be documented."""
    schema = copy.deepcopy(schema)

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if "properties" in node:
                node.setdefault("additionalProperties", False)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return schema


def validate(document: Any) -> None:
    jsonschema.Draft202012Validator(strict(json_schema())).validate(document)


# --- tests -------------------------------------------------------------------------------


def test_schema_is_valid_draft_2020_12() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_small_report_shape() -> None:
    doc = to_dict(small_report())
    validate(doc)
    assert doc["schema"] == SCHEMA
    assert doc["transcript"] == {
        "path": "talk.txt",
        "format": "caption-page",
        "words": 18,
        "duration": doc["transcript"]["duration"],
        "notes": [],
        "video_url": None,
    }
    assert doc["references"] == [
        {
            "path": "refs/a.txt",
            "title": "Envoy Witkoff in Moscow",
            "status": "aligned",
            "score": 0.5,
            "quotes": 3,
            "reason": "3 passages align",
            "paragraphs": [],
            "partial": False,
        }
    ]
    (c,) = doc["corrections"]
    assert c["original"] == "Witko" and c["corrected"] == "Witkoff"
    assert c["kind"] == "name" and c["confidence"] == 0.95 and c["applied"] is True
    assert isinstance(c["start"], float) and c["start"] < c["end"] < 4.0
    assert c["evidence"] == [{"reference": "refs/a.txt", "text": "Envoy Steve Witkoff"}]
    misquote, ignored, missing = doc["quotes"]
    assert misquote["status"] == "misquote"
    assert misquote["similarity"] == 0.812
    assert misquote["speaker"] == "Rutte"
    assert misquote["diff"] == [
        ["equal", "no unanimity about Ukraine coming"],
        ["replace", "into NATO", "in the Alliance"],
    ]
    assert 4.0 <= misquote["start"] < misquote["end"] <= 12.0
    assert misquote["alternatives"][0]["similarity"] == 0.3
    assert misquote["confidence"] == 0.87
    assert misquote["changes"] == [
        {
            "kind": "changed_word",
            "written": "into NATO",
            "said": "in the Alliance",
            "start": 9.0,
            "end": 10.5,
        },
        {"kind": "misheard", "written": "Witkoff", "said": "Witko", "start": 2.0, "end": 2.5},
    ]
    assert ignored["changes"] == [] and ignored["confidence"] == 1.0
    assert ignored["start"] is None and ignored["reason"] == "one word"
    # A quote that was not found never gets a time, even with a weak candidate in hand.
    assert missing["start"] is None and missing["end"] is None
    assert doc["segments"][0] == {
        "start": 0.0,
        "end": 4.0,
        "original": "we spoke with Mr. Witko today",
        "corrected": "we spoke with Mr. Witkoff today",
    }
    assert doc["segments"][1]["original"] == doc["segments"][1]["corrected"]


def test_every_diff_tag_is_written_as_its_list_form() -> None:
    r = small_report()
    diff = (
        DiffOp("equal", "a b", "a b"),
        DiffOp("replace", "c", "d"),
        DiffOp("delete", "e", ""),
        DiffOp("insert", "", "f"),
    )
    r = replace(r, quotes=(replace(r.quotes[0], diff=diff),))
    doc = to_dict(r)
    validate(doc)
    assert doc["quotes"][0]["diff"] == [
        ["equal", "a b"],
        ["replace", "c", "d"],
        ["delete", "e"],
        ["insert", "f"],
    ]


def test_untimed_transcript_gives_null_times() -> None:
    doc = to_dict(small_report(timed=False))
    validate(doc)
    assert doc["transcript"]["format"] == "plain"
    assert doc["transcript"]["duration"] is None
    assert doc["corrections"][0]["start"] is None
    assert doc["quotes"][0]["start"] is None and doc["quotes"][0]["end"] is None
    assert all(s["start"] is None and s["end"] is None for s in doc["segments"])


def test_seconds_are_rounded_to_the_millisecond() -> None:
    r = small_report()
    q = r.quotes[0]
    assert q.location is not None
    r = replace(r, quotes=(replace(q, location=replace(q.location, start=1234, end=98765)),))
    doc = to_dict(r)
    assert doc["quotes"][0]["start"] == 1.234 and doc["quotes"][0]["end"] == 98.765
    assert json.dumps(doc["quotes"][0]["start"]) == "1.234"


def test_non_finite_score_is_refused() -> None:
    r = small_report()
    bad = replace(r, references=(replace(r.references[0], score=float("nan")),))
    with pytest.raises(ValueError, match="finite"):
        to_json(bad)


def test_json_text_is_the_standard_librarys_text_of_the_dict() -> None:
    for report in (example_report(), small_report()):
        expected = json.dumps(to_dict(report), ensure_ascii=False, indent=2, allow_nan=False)
        assert to_json(report) == expected + "\n"


def test_json_is_deterministic_and_ends_with_a_newline() -> None:
    a, b = to_json(example_report()), to_json(example_report())
    assert a == b
    assert a.endswith("}\n")
    assert "Witkoff" in a and "\\u" not in a  # UTF-8, not ASCII escapes


def test_example_report_validates_and_keeps_source_text() -> None:
    report = example_report()
    doc = to_dict(report)
    validate(doc)
    assert [r["status"] for r in doc["references"]] == [
        "aligned",
        "aligned",
        "unrelated",
        "unrelated",
    ]
    assert doc["transcript"]["notes"]  # the page chrome around the transcript was dropped
    assert doc["transcript"]["video_url"] is None
    statuses = {q["status"] for q in doc["quotes"]}
    assert statuses == {"verbatim", "edited", "elided", "misquote", "not_found", "ignored"}
    changed = [s for s in doc["segments"] if s["original"] != s["corrected"]]
    assert len(changed) == 1
    assert "Mr. Witkoff right now" in changed[0]["corrected"]
    # Suggested (unapplied) corrections never change the segments.
    assert not any(
        "is is protected" in s["original"] and "is is" not in s["corrected"]
        for s in doc["segments"]
    )


def test_schema_catches_mistakes() -> None:
    doc = to_dict(small_report())
    validator = jsonschema.Draft202012Validator(json_schema())
    assert not list(validator.iter_errors(doc))

    def broken(path: Sequence[str | int], value: Any) -> dict[str, Any]:
        bad = copy.deepcopy(doc)
        node: Any = bad
        for key in path[:-1]:
            node = node[key]
        if value is KeyError:
            del node[path[-1]]
        else:
            node[path[-1]] = value
        return bad

    mistakes = [
        broken(["schema"], "transcript-align/report@1"),
        broken(["quotes", 0, "changes", 0, "kind"], "changed"),
        broken(["quotes", 0, "changes", 0, "said"], KeyError),
        broken(["quotes", 0, "changes", 1, "start"], -1.0),
        broken(["quotes", 0, "confidence"], 1.2),
        broken(["quotes", 0, "status"], "misquoted"),
        broken(["quotes", 0, "diff", 1], ["replace", "into NATO"]),
        broken(["quotes", 0, "diff", 0], ["same", "x"]),
        broken(["quotes", 0, "diff", 0], ["equal", "x", "x"]),
        broken(["quotes", 2, "start"], 3.0),  # not_found with a time
        broken(["quotes", 0, "similarity"], 1.5),
        broken(["corrections", 0, "kind"], "spelling!"),
        broken(["corrections", 0, "applied"], "yes"),
        broken(["corrections", 0, "evidence"], KeyError),
        broken(["references", 0, "status"], "maybe"),
        broken(["segments", 0, "start"], "00:00"),
        broken(["transcript", "words"], KeyError),
    ]
    for bad in mistakes:
        assert list(validator.iter_errors(bad)), bad


def test_cli_json_report_on_the_example_validates(tmp_path: Path) -> None:
    report_file = tmp_path / "report.json"
    result = CliRunner().invoke(
        single,
        [
            str(EXAMPLE / "transcript.txt"),
            "--refs",
            str(ARTICLES),
            "--json",
            "--report",
            str(report_file),
        ],
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    validate(doc)
    assert json.loads(report_file.read_text(encoding="utf-8")) == doc
    assert report_file.read_text(encoding="utf-8") == result.stdout


def test_cli_json_report_with_hand_made_verdicts_validates(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI writes exactly what the library gives, whatever the engine decided."""
    import transcript_align.cli as cli

    monkeypatch.setattr(cli, "run_align", lambda t, refs, options, progress=None: example_report(t))
    result = CliRunner().invoke(
        single, [str(EXAMPLE / "transcript.txt"), "--refs", str(ARTICLES), "--json"]
    )
    assert result.exit_code == 0, result.output
    validate(json.loads(result.stdout))
    assert result.stdout == to_json(example_report())


def test_a_quote_names_the_transcript_s_speakers_where_it_was_said() -> None:
    vtt = (
        "WEBVTT\n\n"
        "00:00.000 --> 00:04.000\n<v Chair>welcome back to the committee on the river\n\n"
        "00:04.000 --> 00:09.000\n<v Witness>the nitrate levels in the river have doubled "
        "since last spring\n\n"
        "00:09.000 --> 00:14.000\n<v Witness>and nobody has asked the farms to change a thing\n"
    )
    t = parse_transcript(vtt, "hearing.vtt")
    article = (
        "Nitrates double\n\n"
        "Dr Ines Lowe told the committee on the river that “the nitrate levels in the river "
        "have doubled since last spring and nobody has asked the farms to change a thing.”"
    )
    ref = Reference("a.txt", "Nitrates double", article, quotes=extract_quotes(article))
    report = align(t, [ref], Options())
    (quote,) = to_dict(report)["quotes"]
    assert (quote["speaker"], quote["said_by"]) == ("Ines Lowe", ["Witness"])
    validate(to_dict(report))
    assert "— Ines Lowe  said by Witness" in to_text(report, width=100)


def test_said_by_reads_the_labels_where_the_quote_was_said_after_repairs_join_words() -> None:
    # Each repair of several heard words into one name shifts the later words' places.
    vtt = (
        "WEBVTT\n\n"
        "00:00:00.000 --> 00:00:06.000\n<v Ann Marr>The engineers from oh con quo engineering "
        "and the firm oh con quo built the old bridge over the river\n\n"
        "00:00:06.000 --> 00:00:12.000\n<v Ben Tull>we will open the new bridge in the first "
        "week of may this year\n"
    )
    article = (
        "The old bridge over the river was built by Okonkwo Engineering, Ann Marr said. "
        'Ben Tull said: "We will open the new bridge in the first week of May this year."'
    )
    ref = Reference("a.txt", "", article, quotes=extract_quotes(article))
    report = align(parse_transcript(vtt, "t.vtt"), [ref])
    assert "Okonkwo" in [c.corrected for c in report.corrections if c.applied]
    (quote,) = report.quotes
    assert quote.status == "verbatim"
    assert to_dict(report)["quotes"][0]["said_by"] == ["Ben Tull"]
    assert "said by Ben Tull" in to_text(report)
