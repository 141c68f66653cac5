"""The real example the project started from (seeds/): what a careful reader expects."""

from __future__ import annotations

from functools import lru_cache

import pytest

from transcript_align import Options, QuoteCheck, Report, align, read_references, read_transcript

from .conftest import SEEDS

TRANSCRIPT = str(SEEDS / "002_0ebee46477878465.txt")
RELATED = ("000_3804bcb5edbc70c0.txt", "001_9e92efd9e80309ac.txt")
OTHER_MEETING = ("003_7aa6fcb4fa6a78e7.txt", "004_ee20a4cda492333a.txt")


@lru_cache(maxsize=2)
def report(apply: bool = True) -> Report:
    transcript = read_transcript(TRANSCRIPT)
    refs = read_references([str(SEEDS)], exclude=[TRANSCRIPT])
    return align(transcript, refs, Options(apply=apply))


def quote(fragment: str, article: str) -> QuoteCheck:
    found = [
        q for q in report().quotes if fragment in q.quote.text and q.reference.endswith(article)
    ]
    assert len(found) == 1, f"{fragment!r} in {article}: {len(found)} matches"
    return found[0]


def test_the_transcript_is_not_read_as_an_article() -> None:
    assert all(
        not c.reference.path.endswith("002_0ebee46477878465.txt") for c in report().references
    )


def test_articles_about_the_earlier_meeting_are_unrelated() -> None:
    status = {c.reference.path.rsplit("/", 1)[-1]: c.status for c in report().references}
    assert [status[a] for a in RELATED] == ["aligned", "aligned"]
    assert [status[a] for a in OTHER_MEETING] == ["unrelated", "unrelated"]
    for q in report().quotes:
        if q.reference.endswith(OTHER_MEETING):
            assert q.status in ("not_found", "ignored") and q.location is None


def test_witko_is_repaired_and_nothing_else_changes() -> None:
    applied = [c for c in report().corrections if c.applied]
    assert [(c.original, c.corrected) for c in applied] == [("Witko", "Witkoff")]
    assert applied[0].kind == "name"
    assert applied[0].start is not None and 125_000 <= applied[0].start <= 136_000
    assert any("Steve Witkoff" in e.text for e in applied[0].evidence)


def test_no_name_from_the_other_meeting_reaches_the_output() -> None:
    corrected = " ".join(s.text for s in report().spoken.segments)
    for name in ("Sybiha", "Zelenskyy", "Ukrinform", "Pravda"):
        assert name not in corrected


def test_suggest_applies_nothing() -> None:
    assert report(apply=False).corrections
    assert not any(c.applied for c in report(apply=False).corrections)
    assert report(apply=False).corrected is None


# (fragment, article, status, first caption line, caption line where it ends), times in s
SAID = [
    ("I'm confident that these sustained", RELATED[0], "verbatim", 27, 32),
    ("very much involved", RELATED[0], "verbatim", 54, 54),
    ("I totally accept him", RELATED[0], "verbatim", 76, 80),
    ("no unanimity within the alliance about Ukraine coming", RELATED[1], "misquote", 110, 110),
    ("Ukraine clearly applied for membership", RELATED[1], "elided", 101, 110),
    ("So, when it comes to a future peace deal", RELATED[1], "edited", 116, 130),
    ("We are all working to bring the war", RELATED[1], "verbatim", 9, 16),
    ("We welcome the ongoing efforts", RELATED[1], "verbatim", 20, 27),
    ("working extremely hard", RELATED[1], "verbatim", 72, 72),
    ("Marco Rubio is very much involved", RELATED[1], "elided", 54, 68),
    ("Let’s hope we get to a point", RELATED[1], "edited", 141, 145),
    ("At the moment, it is the Americans", RELATED[1], "edited", 145, 149),
    ("closely coordinating on all aspects", RELATED[1], "misquote", 169, 173),
]


@pytest.mark.parametrize(("fragment", "article", "status", "first", "last"), SAID)
def test_said_quotes_are_found_within_3_seconds(
    fragment: str, article: str, status: str, first: int, last: int
) -> None:
    q = quote(fragment, article)
    assert q.status == status, q.reason
    assert q.location is not None and q.location.start is not None and q.location.end is not None
    # The quote starts inside (or within 3 s of) the caption line where its first
    # words are, and ends inside the line holding its last words.
    line_end = {
        27: 32,
        54: 59,
        76: 80,
        110: 116,
        101: 106,
        116: 119,
        9: 16,
        20: 27,
        72: 76,
        141: 145,
        145: 149,
        169: 173,
    }
    assert first - 3 <= q.location.start / 1000 <= line_end[first] + 3
    assert last - 3 <= q.location.end / 1000 <= line_end.get(last, last + 6) + 3


@pytest.mark.parametrize(
    ("fragment", "article"),
    [
        ("We pray for a peace deal", RELATED[0]),
        ("have made meaningful progress since then", RELATED[0]),
        ("further evidence of the broader security risks", RELATED[0]),
        ("The practical situation is", RELATED[0]),
    ],
)
def test_quotes_never_said_are_not_found(fragment: str, article: str) -> None:
    q = quote(fragment, article)
    assert q.status == "not_found" and q.location is None


def test_a_scare_quote_is_ignored() -> None:
    """Nobody says "pre-emptive strike" here: on its own a two-word quote proves nothing."""
    assert quote("pre-emptive strike", RELATED[1]).status == "ignored"


def test_a_short_quote_is_located_by_its_aligned_sentence() -> None:
    """The seed article: security is “deeply linked” to Ukraine's fate. The words around
    it were said at 00:09-00:15, and "deeply linked" stands right there."""
    q = quote("deeply linked", RELATED[1])
    assert q.status == "verbatim" and q.location is not None
    assert q.location.start is not None and 9_000 <= q.location.start <= 15_000


def test_misquote_diff_shows_the_changed_words() -> None:
    q = quote("no unanimity within the alliance about Ukraine coming", RELATED[1])
    changed = [(d.tag, d.written, d.said) for d in q.diff if d.tag != "equal"]
    assert changed == [("replace", "into NATO", "in the Alliance")]
