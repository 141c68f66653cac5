"""The whole job as one function: transcript + references in, :class:`Report` out."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import cast

from .alignment import TranscriptIndex, build_index
from .attribution import other_speaker, said_by
from .clean import find_disfluencies
from .collector import paused_collections
from .export import corrected_segments
from .models import (
    Correction,
    Options,
    Quote,
    QuoteCheck,
    Reference,
    ReferenceCheck,
    ReferenceStatus,
    Report,
    Transcript,
)
from .normalize import TextWords, forget_words, keep_words, load_word_list, text_words
from .parallel import map_shared
from .passages import paragraph_at, paragraph_starts
from .readable import readable_corrections
from .relate import (
    OTHER_LANGUAGE,
    assess,
    expected_place,
    relatedness,
    reporting_paragraphs,
)
from .repair import Anchor, Find, article_finds, find_corrections
from .timeline import rebuild_tokens
from .verify import check_quote, checkable, not_found, place_near, place_short, short

Progress = Callable[[str], None]

CHECKS_HERE_MAX = 100_000
"""Transcript words up to which this process checks quotes beside its helpers: at 30k
words that saves 0.05–0.2 s; at 120k it saves nothing and adds 50 MB to the peak."""


COMPARE_HERE_MAX = 20_000
"""Transcript words up to which this process compares articles beside its helpers."""


def align(
    transcript: Transcript,
    references: Sequence[Reference],
    options: Options | None = None,
    *,
    progress: Progress | None = None,
) -> Report:
    """Align references against a transcript: verdicts, quote checks and repairs.

    Pure: reads nothing, prints nothing. ``progress`` is called with a short
    description of each stage, for long inputs.

    >>> from transcript_align import parse_transcript, Reference, Quote
    >>> t = parse_transcript("00:00we will not give up on the people of Ruritania\\n"
    ...                      "00:04and the talks in Strelsau go on next week\\n"
    ...                      "00:09thank you all\\n", "t.txt")
    >>> text = ('The minister said "we will not give up on the people of Ruritania '
    ...         'and the talks in Strelsau go on next week".')
    >>> ref = Reference("a.txt", "", text, quotes=(Quote(text[19:-2], 19, len(text) - 2),))
    >>> report = align(t, [ref])
    >>> report.references[0].status, report.quotes[0].status, report.quotes[0].location.start
    ('aligned', 'verbatim', 0)
    """
    with paused_collections():
        return _align(transcript, references, options or Options(), progress)


def _align(
    transcript: Transcript,
    references: Sequence[Reference],
    options: Options,
    progress: Progress | None,
) -> Report:
    say = progress or (lambda _message: None)
    say("indexing the transcript")
    load_word_list()  # before the workers fork: every stage weighs words by it
    index = build_index(transcript.tokens)

    say(f"comparing {len(references)} article(s) with the transcript")
    # Left to helper processes alone on a long transcript: what comparing the articles
    # leaves behind (the words of articles about other events, caches, freed memory a
    # process keeps) would stay in this one, whose memory peaks later (10 MB at 30k words,
    # vocabulary-heavy). On a short one this process takes its share: its articles' words
    # then need no pickling, and one helper fewer is forked.
    verdicts = map_shared(
        _assess_one,
        range(len(references)),
        (references, index, options.repair),
        jobs=options.jobs,
        here=len(transcript.tokens) <= COMPARE_HERE_MAX,
    )
    checks = [ReferenceCheck(ref, *v[:5]) for ref, v in zip(references, verdicts)]
    runs = [v[5] for v in verdicts]
    for ref, v in zip(references, verdicts):
        if v[7] is not None:
            keep_words(ref.text, v[7])
        elif v[0] != "aligned":
            forget_words(ref.text)  # when compared in this process (one job, few articles)

    aligned = [c.reference for c in checks if c.status == "aligned"]
    aligned_runs = [r for c, r in zip(checks, runs) if c.status == "aligned"]
    aligned_finds = [v[6] for c, v in zip(checks, verdicts) if c.status == "aligned"]
    corrections: tuple[Correction, ...] = ()
    if options.repair and aligned:
        say("looking for repairs")
        corrections = find_corrections(
            transcript,
            aligned,
            min_confidence=options.min_confidence,
            apply=options.apply,
            anchors=aligned_runs,
            unit_owner=index.owner,
            finds=aligned_finds,
            jobs=options.jobs,
        )
    if options.clean or options.readable:
        taken = bytearray(len(transcript.tokens))
        for c in corrections:
            if c.applied:
                taken[c.first : c.last] = b"\x01" * (c.last - c.first)
        extra = tuple(
            # --suggest applies nothing, disfluencies included.
            d if options.apply else replace(d, applied=False)
            for d in find_disfluencies(transcript)
            if not any(taken[d.first : d.last])
        )
        corrections = tuple(sorted((*corrections, *extra), key=lambda c: (c.first, c.last)))
    if options.readable:
        say("restoring sentences, casing and punctuation")
        corrections = readable_corrections(
            transcript, aligned, aligned_runs, corrections, apply=options.apply
        )
    spoken = _apply(transcript, corrections)
    if spoken is not transcript:
        # Let the first index go before the second is built: on a long transcript
        # each is hundreds of MB, and both alive at once set the peak.
        del index
        index = build_index(spoken.tokens)

    elsewhere = [_elsewhere(c) for c in checks]
    todo = [
        (q, c.reference.path)
        for c, other in zip(checks, elsewhere)
        for k, q in enumerate(c.reference.quotes)
        if c.status == "aligned" and k not in other
    ]
    # Short quotes are placed by their article's runs, which the repairs may have moved:
    # those articles are read again with the quotes.
    again = [
        c.reference.text
        for c in checks
        if spoken is not transcript
        and c.status == "aligned"
        and any(not checkable(q.text) or short(q.text) for q in c.reference.quotes)
    ]
    say(f"checking {len(todo)} quote(s)")
    checked, rerun = _check_all(todo, again, spoken, index, options.jobs)
    found = iter(checked)
    quotes: list[QuoteCheck] = []
    for check, other in zip(checks, elsewhere):
        for k, quote in enumerate(check.reference.quotes):
            if check.status != "aligned":
                why = (
                    "the article is in another language"
                    if check.reason == OTHER_LANGUAGE
                    else "the article reports another event"
                )
            elif k in other:
                why = "its paragraph reports another event"
            else:
                quotes.append(next(found))
                continue
            quotes.append(not_found(quote, check.reference.path, why))
    settled: list[QuoteCheck] = []
    at = 0
    for n, (check, anchors) in enumerate(zip(checks, runs)):
        mine = quotes[at : at + len(check.reference.quotes)]
        at += len(mine)
        if check.status == "aligned" and any(_placeable(q) for q in mine):
            if spoken is not transcript:  # the runs were found before the repairs
                anchors = rerun[check.reference.text]
            mine = [
                _place_short(q, check.reference, anchors, spoken, index) if _placeable(q) else q
                for q in mine
            ]
        if check.status == "aligned":
            paragraphs, kept = reporting_paragraphs(check.reference, anchors, mine)
            checks[n] = replace(check, paragraphs=paragraphs)
            mine = list(kept)
        settled.extend(mine)
    quotes = settled
    if any(s.speaker for s in spoken.segments):
        texts = {c.reference.path: c.reference.text for c in checks}
        quotes = [_attributed(q, spoken, texts.get(q.reference, "")) for q in quotes]
    return Report(
        transcript,
        tuple(checks),
        corrections,
        tuple(quotes),
        options,
        spoken if spoken is not transcript else None,
    )


def _attributed(q: QuoteCheck, spoken: Transcript, article: str) -> QuoteCheck:
    """The quote with its reason saying so where the transcript's labels have someone
    else than the article's speaker say it (:mod:`.attribution`)."""
    other = other_speaker(q.quote.speaker, said_by(spoken, q), article)
    if other is None:
        return q
    why = f"{q.reason}; said by {other} in the transcript, not {q.quote.speaker}"
    return replace(q, reason=why)


def _assess_one(
    shared: tuple[Sequence[Reference], TranscriptIndex, bool], n: int
) -> tuple[
    ReferenceStatus,
    float,
    str,
    tuple[int, ...],
    bool,
    tuple[Anchor, ...],
    tuple[Find, ...],
    TextWords | None,
]:
    """One article's verdict and its said passages (what a worker sends back); for an
    aligned article with repairs asked for, its repair candidates and its words too,
    so that the process that asked need not read the article again."""
    references, index, repair = shared
    reference = references[n]
    check, rel = assess(reference, index)
    mined = check.status == "aligned" and repair
    return (
        check.status,
        check.score,
        check.reason,
        check.paragraphs,
        check.partial,
        tuple((r.ra, r.ta, r.rb - r.ra) for r in rel.runs),
        article_finds(reference.text) if mined else (),
        text_words(reference.text) if mined else None,
    )


def _placeable(check: QuoteCheck) -> bool:
    """Whether a quote's check may still be settled by where its paragraph was said: too
    short to look for, or short and not found on its own."""
    return check.status == "ignored" or (
        check.status == "not_found" and check.location is None and short(check.quote.text)
    )


def _place_short(
    check: QuoteCheck,
    reference: Reference,
    anchors: Sequence[Anchor],
    transcript: Transcript,
    index: TranscriptIndex,
) -> QuoteCheck:
    """A short quote located by the aligned words around it, or left as it was."""
    expected = expected_place(reference, anchors, check.quote.start)
    if expected is None:
        return check
    place = place_short if check.status == "ignored" else place_near
    return place(check.quote, check.reference, transcript, index, expected) or check


def _elsewhere(check: ReferenceCheck) -> set[int]:
    """The quotes of a partly related article that stand outside its reporting paragraphs."""
    if not check.partial:
        return set()
    starts = paragraph_starts(check.reference.text)
    return {
        k
        for k, q in enumerate(check.reference.quotes)
        if paragraph_at(starts, q.start) not in check.paragraphs
    }


def _check_all(
    todo: Sequence[tuple[Quote, str]],
    again: Sequence[str],
    transcript: Transcript,
    index: TranscriptIndex,
    jobs: int | None,
) -> tuple[list[QuoteCheck], dict[str, tuple[Anchor, ...]]]:
    """The check of every quote, in order, and the runs of the texts ``again`` (by text).

    A check depends on the quote's text alone: a text quoted by several
    articles is checked once, and the others take its verdict with their own
    quote and reference.
    """
    first: dict[str, int] = {}
    unique: list[tuple[Quote, str]] = []
    for quote, path in todo:
        if quote.text not in first:
            first[quote.text] = len(unique)
            unique.append((quote, path))
    texts = list(dict.fromkeys(again))
    # The articles first: each takes longer than a quote, and the last chunks should be
    # short, so that no process waits long for another at the end.
    work: list[tuple[Quote, str] | str] = [*texts, *unique]
    # On a long transcript what the checks leave behind here (kept windows, freed memory
    # this process holds on to) would set the run's peak: helpers alone check its quotes.
    here = len(transcript.tokens) <= CHECKS_HERE_MAX
    done = map_shared(_check_one, work, (transcript, index), jobs=jobs, here=here)
    checked = cast(list[QuoteCheck], done[len(texts) :])
    out: list[QuoteCheck] = []
    for quote, path in todo:
        check = checked[first[quote.text]]
        if check.quote != quote or check.reference != path:
            check = replace(check, reference=path, quote=quote)
        out.append(check)
    runs = cast(list[tuple[Anchor, ...]], done[: len(texts)])
    return out, dict(zip(texts, runs))


def _check_one(
    shared: tuple[Transcript, TranscriptIndex], item: tuple[Quote, str] | str
) -> QuoteCheck | tuple[Anchor, ...]:
    """One quote's check, or the runs of one article text said in the transcript."""
    transcript, index = shared
    if isinstance(item, str):
        return tuple((r.ra, r.ta, r.rb - r.ra) for r in relatedness(index, item).runs)
    quote, path = item
    return check_quote(quote, path, transcript, index)


def _apply(transcript: Transcript, corrections: Sequence[Correction]) -> Transcript:
    """The transcript as it reads with the applied corrections (itself when none apply)."""
    if not any(c.applied for c in corrections):
        return transcript
    segments = corrected_segments(transcript, corrections)
    return Transcript(
        transcript.path,
        transcript.format,
        segments,
        rebuild_tokens(transcript.tokens, transcript.segments, segments),
        transcript.notes,
        transcript.video_url,
    )
