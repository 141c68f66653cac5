"""Where the word alignment of an aligned passage puts a name: the words heard in its place.

An aligned passage (an anchor: article units found said at transcript
units) is re-read word by word: the article's words against the
transcript's words at that place, around and through the run, and between
two runs said in order in both texts (:func:`_gaps`). Where the
article has a name or rare word and the transcript has other words, those
words are what the recogniser made of it, whatever they are: "catherine"
for "Katrin", "beans" for "Baines", "oh yellow ran" for "Oyelaran". How
sure the place is depends on the words matched around it: on both sides,
or, at a passage's edge (a name opening or closing a quote), on one side
only, then with a longer match asked for. A quote too short for that ("Thank you,
Marlo.") places a name at its edge when the rest of it was heard word for word, and
then only words clearly the name misheard are taken (``guards.quote_threshold``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from rapidfuzz.distance import Indel

from ..lexicon import FILLERS
from ..models import Reference, Transcript
from ..normalize import text_words
from .candidates import Candidate, spelled_only
from .confidence import BlockFit
from .mishear import alike, misheard
from .spans import Span, bare_vowel, clause_at, span_at, token_info
from .words import MAX_SPAN, POSSESSIVE, Anchor, is_joined, name_key

PAD = 6
"""Units read beyond each end of a run: a name at a passage's edge falls outside it."""
SLACK = 6
"""Extra transcript units read after a run (its transcript length differs a little)."""
MAX_HEARD = MAX_SPAN + 1
"""At most this many transcript tokens stand for one name ("oh yellow ran ski")."""
BOTH_MATCH = 3
"""Matched units asked for on the two sides of a block together."""
EDGE_MATCH = 4
"""Matched units asked for on the one side of a block at a passage's edge."""
SOLID = 4
"""Matched units on a side from which the place counts as fully sure."""
STRADDLE = 2
"""Words of a run matched word for word on each side of a quotation mark inside it for
the run to count on past the mark."""
_ACRONYM = re.compile(r"[A-Z]{2,}s?")
"""An acronym, plural or not ("MVPDs"): it may be said letter by letter."""


@dataclass(frozen=True, slots=True)
class Block:
    """Transcript tokens ``[first, last)`` heard where an article passage has ``cand``."""

    first: int
    last: int
    cand: int
    left: int
    right: int
    suffix: str = ""
    """The possessive the article gives the name there ("Nexstar's")."""
    whole: bool = False
    """Placed by a short quote heard whole beside the name (:func:`_quote_edge`)."""


def blocks(
    candidates: Sequence[Candidate],
    references: Sequence[Reference],
    anchors: Sequence[Sequence[Anchor]],
    said: Sequence[str],
    owner: Sequence[int],
) -> list[Block]:
    """Every place where an aligned passage has a candidate and the transcript other words.

    Each run is aligned once (its words plus :data:`PAD` either side), so the
    work grows with the passages' length, not with candidates × places.
    """
    where = _occurrences(candidates, references)
    reach = [heard_reach(c) for c in candidates]
    joined = frozenset(k for k, c in enumerate(candidates) if is_joined(c.text))
    short = {k: c.key for k, c in enumerate(candidates) if spelled_only(c.text)}
    out: list[Block] = []
    for number, runs in enumerate(anchors):
        if number >= len(references) or not runs or not where.get(number):
            continue
        text = references[number].text
        article = text_words(text).units
        breaks = quote_breaks(text)
        names = _by_start(where[number])
        for first, at, length in runs:
            a0, a1 = max(0, first - PAD), min(len(article), first + length + PAD)
            t0, t1 = max(0, at - PAD), min(len(said), at + length + PAD + SLACK)
            window = (a0, a1), (t0, t1)
            out.extend(
                _run_blocks(
                    article, said, owner, names, *window, length, breaks, reach, joined, short
                )
            )
        for (a0, a1), (t0, t1) in _gaps(runs):
            if _names_within(names, a0 + PAD, a1 - PAD):
                window = (a0, min(len(article), a1)), (t0, min(len(said), t1))
                out.extend(
                    _run_blocks(
                        article, said, owner, names, *window, 0, breaks, reach, joined, short
                    )
                )
    return out


GAP_ARTICLE = 60
"""Article units between two runs said in order that are read word by word too: the
sentence between two quoted ones, too garbled or too stock ("next question comes from
…") to be a run of its own, was said between them."""
GAP_SAID = 150
"""…with at most this many transcript units between the runs (the speaker said more
there than the article quotes)."""


MISPLACED = 2
"""Runs skipped, between two runs said in order, when said elsewhere in the transcript: a
stock phrase ("our next question is coming from") is found where it was said another
time, and the sentence it opens is between the runs around it."""


def _gaps(runs: Sequence[Anchor]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The article and transcript windows between consecutive runs (by article place) that
    follow each other in the transcript too, with :data:`PAD` units of each run; a run
    said elsewhere in between (up to :data:`MISPLACED`) is passed over."""
    out = []
    ordered = sorted(runs)
    for k, (ra, ta, n) in enumerate(ordered):
        for rb, tb, _ in ordered[k + 1 : k + 2 + MISPLACED]:
            ref_gap, said_gap = rb - (ra + n), tb - (ta + n)
            if 0 < ref_gap <= GAP_ARTICLE and 0 < said_gap <= GAP_SAID:
                out.append(((max(0, ra + n - PAD), rb + PAD), (max(0, ta + n - PAD), tb + PAD)))
                break
            if ref_gap > GAP_ARTICLE or 0 < said_gap <= GAP_SAID:
                break  # too far on, or said in order (only too close): none is skipped
    return out


def heard_reach(cand: Candidate) -> int:
    """How many transcript tokens may stand for ``cand``: :data:`MAX_HEARD`, or one a
    letter for an acronym, which may be read letter by letter ("A F U D C", "M V P D s")."""
    if (cand.text.isupper() and " " not in cand.text) or _ACRONYM.fullmatch(cand.text):
        return max(MAX_HEARD, len(cand.key))
    return MAX_HEARD


_BREAK = re.compile(r"[\"“”«»„]|…|\.\.\.|\[")


def quote_breaks(text: str) -> frozenset[int]:
    """Units of ``text`` with a quotation mark, an ellipsis or a bracket between them
    and the word before: what stands on the two sides was not said in one breath."""
    tw = text_words(text)
    return frozenset(
        tw.first_unit[w]
        for w in range(1, len(tw.words))
        if not _plain_space(text, tw.ends[w - 1], tw.starts[w])
        and _BREAK.search(text, tw.ends[w - 1], tw.starts[w])
    )


def _plain_space(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` is nothing or one space, where no break can be: most gaps
    between words, and a regex search apiece cost a few % of a short run."""
    return b - a == 0 or (b - a == 1 and text[a] == " ")


@dataclass(frozen=True, slots=True)
class _Names:
    """One article's candidate occurrences, sorted by first unit for range look-ups.

    Each entry keeps its place in the article's occurrence map (``order``), so
    that the blocks of an edit come out in that order whatever the look-up order.
    """

    starts: tuple[int, ...]
    entries: tuple[tuple[int, int, int, int, str], ...]  # (u0, order, u1, cand, suffix)


def _by_start(names: dict[tuple[int, int], tuple[int, str]]) -> _Names:
    entries = sorted(
        (u0, order, u1, cand, suffix)
        for order, ((u0, u1), (cand, suffix)) in enumerate(names.items())
    )
    return _Names(tuple(e[0] for e in entries), tuple(entries))


def _names_within(names: _Names, lo: int, hi: int) -> list[tuple[int, int, int, str]]:
    """The occurrences ``(u0, u1, cand, suffix)`` lying within units ``[lo, hi)``,
    in the article's occurrence order."""
    inside = [
        e
        for e in names.entries[bisect_left(names.starts, lo) : bisect_left(names.starts, hi)]
        if e[2] <= hi
    ]
    inside.sort(key=lambda e: e[1])
    return [(u0, u1, cand, suffix) for u0, _, u1, cand, suffix in inside]


def _occurrences(
    candidates: Sequence[Candidate], references: Sequence[Reference]
) -> dict[int, dict[tuple[int, int], tuple[int, str]]]:
    """For each reference, the article units ``[u0, u1)`` of each candidate occurrence,
    with the possessive it has there."""
    out: dict[int, dict[tuple[int, int], tuple[int, str]]] = defaultdict(dict)
    for k, cand in enumerate(candidates):
        for number, start, end in cand.occurrences:
            text = references[number].text
            tw = text_words(text)
            u0 = tw.first_unit[bisect_left(tw.starts, start)]
            u1 = tw.first_unit[bisect_left(tw.starts, end)]
            if u1 > u0:
                found = POSSESSIVE.search(text, start, end)
                out[number].setdefault((u0, u1), (k, found.group() if found else ""))
    return out


def _run_blocks(
    article: Sequence[str],
    said: Sequence[str],
    owner: Sequence[int],
    names: _Names,
    window_a: tuple[int, int],
    window_t: tuple[int, int],
    length: int,
    breaks: frozenset[int] = frozenset(),
    reach: Sequence[int] = (),
    joined: frozenset[int] = frozenset(),
    short: Mapping[int, str] | None = None,
) -> list[Block]:
    """The blocks of one run: its article and transcript windows aligned word by word.

    ``breaks``: article units that open a quote or follow an elision (:func:`quote_breaks`);
    ``reach``: per candidate, how many tokens may stand for it (:func:`heard_reach`);
    ``joined``: candidates written as one token of several spoken words ("M&A"), whose
    words matched one for one are a block too when the transcript writes them apart;
    ``short``: the keys of two-capital candidates (``candidates.spelled_only``), a block
    only between matched words where the transcript has their very letters apart ("m d"),
    or words sounding them out one by one ("in case" for "NK": :func:`_letters`).
    """
    a0, a1 = window_a
    t0, t1 = window_t
    ops = Indel.opcodes(list(article[a0:a1]), list(said[t0:t1]))
    parts: list[tuple[str, int, int, int, int]] = []
    for op in ops:  # neighbouring edits become one block
        tag = "equal" if op.tag == "equal" else "edit"
        if parts and parts[-1][0] == tag == "edit":
            prev = parts[-1]
            parts[-1] = ("edit", prev[1], op.src_end, prev[3], op.dest_end)
        else:
            parts.append((tag, op.src_start, op.src_end, op.dest_start, op.dest_end))
    parts = _stutters(parts, article, said, a0, t0)
    if joined and parts:
        parts = _whole_joined(parts, a0, names, joined)
    out: list[Block] = []
    for k, (tag, i1, i2, j1, j2) in enumerate(parts):
        if tag == "equal" and joined:
            out.extend(_apart(parts, k, a0, t0, owner, names, joined, breaks, length))
        if tag == "equal":
            out.extend(_possessives(parts, k, a0, t0, owner, names, breaks, length))
            continue
        if tag != "edit" or i1 == i2 or j1 == j2:
            continue
        lo, hi = a0 + i1, a0 + i2
        # Words matched beyond a quote's edge belong to another passage: the article
        # joins two quotes where the speaker said more between them.
        left, left_edge = _matched_to_edge(
            parts[k - 1 :: -1] if k else [], a0, breaks, backward=True
        )
        right, right_edge = _matched_to_edge(parts[k + 1 :], a0, breaks, backward=False)
        for u0, u1, cand, suffix in _names_within(names, lo, hi):
            pre, post = _slipped(article, said, (lo, hi), (t0 + j1, t0 + j2), (u0, u1))
            lm = left if pre is not None else 0
            rm = right if post is not None else 0
            limit = reach[cand] if cand < len(reach) else MAX_HEARD
            heard = (t0 + j1 + (pre or 0), t0 + j2 - (post if post is not None and rm else 0))
            if short and cand in short and not (lm and rm and _letters(said, heard, short[cand])):
                continue
            placed = _placed(lm, rm, length)
            if not placed and left and right and left + right >= BOTH_MATCH:
                # Matched on both sides, but the article's words on one side of the name
                # inside the block pair with nothing heard ("COVID has" as "cove it is"):
                # the name starts (or ends) the block on the other side, and is read from it.
                if pre == 0 and post is None:
                    lm, rm, placed = left, 0, True
                elif post == 0 and pre is None:
                    lm, rm, placed = 0, right, True
            span = _heard(lm, rm, heard, owner, limit) if placed else None
            if span is None and placed and lm and rm:
                # More words heard between the matched sides than the name can take (the
                # article and the speech differ beside it too): from the side that places
                # it alone, as at a passage's edge.
                alone = min(EDGE_MATCH, length or EDGE_MATCH)
                lm, rm = (lm, 0) if lm >= max(alone, rm) else (0, rm) if rm >= alone else (0, 0)
                span = _heard(lm, rm, heard, owner, limit) if lm or rm else None
            if span is not None:
                out.append(Block(span[0], span[1], cand, lm, rm, suffix))
                continue
            edge = _quote_edge((lo, hi), (u0, u1), (left_edge, right_edge), breaks, len(article))
            if edge == "opens" and post is not None and right >= QUOTE_MATCH:
                lm, rm, heard = 0, right, (t0 + j1, heard[1])
            elif edge == "closes" and pre is not None and left >= QUOTE_MATCH:
                lm, rm, heard = left, 0, (heard[0], t0 + j2)
            else:
                continue
            span = _heard(lm, rm, heard, owner, limit)
            if span is not None:
                out.append(Block(span[0], span[1], cand, lm, rm, suffix, True))
    return out


QUOTE_MATCH = 1
"""Words of a short quote heard in order beside a name that opens or closes it, from which
the quote places the name (:func:`_quote_edge`): "thank you, Marlo", "Halden, please go
ahead"; one word ("thanks, Bret") could be any thanks said there."""


def _quote_edge(
    block: tuple[int, int],
    name: tuple[int, int],
    to_edge: tuple[bool, bool],
    breaks: frozenset[int],
    end: int,
) -> str:
    """``"opens"`` or ``"closes"`` where a name opens or closes a quote (a quotation mark,
    or the article's end, on that side of it) and stands right beside the rest of that
    quote, heard word for word up to its other edge; else ``""``.

    Such a quote, too short for a passage's edge (:data:`EDGE_MATCH`), was said whole,
    so the words beside it were said in the name's place (“Thank you, Marlo.” heard
    "thank you marrow"). What the article has beyond the name's edge is another quote,
    which says nothing of the place."""
    (lo, hi), (u0, u1), (left_edge, right_edge) = block, name, to_edge
    if u0 in breaks and u1 == hi and right_edge:
        return "opens"
    if (u1 in breaks or u1 >= end) and u0 == lo and left_edge:
        return "closes"
    return ""


def _stutters(
    parts: list[tuple[str, int, int, int, int]],
    article: Sequence[str],
    said: Sequence[str],
    a0: int,
    t0: int,
) -> list[tuple[str, int, int, int, int]]:
    """``parts`` with each word one text has alone between matched words marked ``skip``
    where it is a filler or the word beside it said again ("by the, the virtual" against
    "by the virtual"): a stutter one side kept and the other dropped makes the place no
    less sure (:func:`_matched` goes on past it without counting it)."""
    out = list(parts)
    for k, (tag, i1, i2, j1, j2) in enumerate(parts):
        if tag != "edit" or (i2 - i1) + (j2 - j1) != 1:
            continue
        words, at = (article, a0 + i1) if i2 > i1 else (said, t0 + j1)
        word = words[at]
        before = words[at - 1] if at > 0 else ""
        after = words[at + 1] if at + 1 < len(words) else ""
        if word in FILLERS or word in (before, after):
            out[k] = ("skip", i1, i2, j1, j2)
    return out


def _whole_joined(
    parts: list[tuple[str, int, int, int, int]],
    a0: int,
    names: _Names,
    joined: frozenset[int],
) -> list[tuple[str, int, int, int, int]]:
    """``parts`` with the parts a joined name's words fall in made one edit where any of
    them is one: "T any" for "T&E" matches its "t", but the name was heard as a whole."""
    for u0, u1, cand, _ in _names_within(names, a0 + parts[0][1], a0 + parts[-1][2]):
        if cand not in joined:
            continue
        over = [
            k
            for k, (_, i1, i2, _, _) in enumerate(parts)
            if (a0 + i1 < u1 and u0 < a0 + i2) or (i1 == i2 and u0 < a0 + i1 < u1)
        ]
        if len(over) < 2 or all(parts[k][0] == "equal" for k in over):
            continue
        first, last = parts[over[0]], parts[over[-1]]
        before, after = [], []
        lo, hi = first[1], last[2]
        jlo, jhi = first[3], last[4]
        if first[0] == "equal" and a0 + lo < u0:  # its matched words before the name stay
            cut = u0 - a0 - lo
            before = [("equal", lo, lo + cut, jlo, jlo + cut)]
            lo, jlo = lo + cut, jlo + cut
        if last[0] == "equal" and a0 + hi > u1:  # …and those after it
            cut = a0 + hi - u1
            after = [("equal", hi - cut, hi, jhi - cut, jhi)]
            hi, jhi = hi - cut, jhi - cut
        merged = ("edit", lo, hi, jlo, jhi)
        parts = [*parts[: over[0]], *before, merged, *after, *parts[over[-1] + 1 :]]
    return parts


LETTER_NAMES_HEARD = 0.8
"""How plausible a hearing of two capitals read letter by letter two or three words must
be to stand for them where their very letters are not heard ("in case" for "NK")."""


def _letters(said: Sequence[str], heard: tuple[int, int], key: str) -> bool:
    """Whether transcript units ``heard`` are the letters of ``key`` apart ("m d"), or two
    or three words that sound them out one by one ("in case" for "NK", "see be" for
    "CB"): one word ("okay" for "UK") is a word the recogniser chose."""
    n = heard[1] - heard[0]
    if n < 2:
        return False
    words = said[heard[0] : heard[1]]
    if "".join(words) == key:
        return True
    return n <= 3 and misheard(key.upper(), " ".join(words)) >= LETTER_NAMES_HEARD


def _apart(
    parts: Sequence[tuple[str, int, int, int, int]],
    k: int,
    a0: int,
    t0: int,
    owner: Sequence[int],
    names: _Names,
    joined: frozenset[int],
    breaks: frozenset[int],
    length: int,
) -> list[Block]:
    """Blocks where the transcript says a joined name's words one for one but writes them
    as words of their own ("m and a" where the passage has "M&A"): the same speech, to
    be written as the article spells it. Its matched sides are the words matched around
    it, inside the equal part and beyond it (as for an edit, up to a quote's edge)."""
    _, i1, i2, j1, _ = parts[k]
    out: list[Block] = []
    for u0, u1, cand, suffix in _names_within(names, a0 + i1, a0 + i2):
        if cand not in joined:
            continue
        h0, h1 = t0 + j1 + (u0 - a0 - i1), t0 + j1 + (u1 - a0 - i1)
        first, last = owner[h0], owner[h1 - 1] + 1
        if last - first < 2 or (h0 > 0 and owner[h0 - 1] == first):
            continue  # written as one word already, or the name starts inside a word
        if h1 < len(owner) and owner[h1] == last - 1:
            continue  # the name ends inside a word
        left, right = _around(parts, k, a0, breaks, u0, u1)
        if _placed(left, right, length):
            out.append(Block(first, last, cand, left, right, suffix))
    return out


def _around(
    parts: Sequence[tuple[str, int, int, int, int]],
    k: int,
    a0: int,
    breaks: frozenset[int],
    u0: int,
    u1: int,
) -> tuple[int, int]:
    """Units matched on each side of article units ``[u0, u1)`` inside the equal part
    ``k``: the rest of that part on each side, and on beyond it (:func:`_matched`)."""
    _, i1, i2, j1, _ = parts[k]
    before = ("equal", i1, u0 - a0, j1, j1 + (u0 - a0 - i1))
    after = ("equal", u1 - a0, i2, j1 + (u1 - a0 - i1), j1 + (i2 - i1))
    left = _matched([before, *parts[k - 1 :: -1]] if k else [before], a0, breaks, backward=True)
    right = _matched([after, *parts[k + 1 :]], a0, breaks, backward=False)
    return left, right


def _placed(left: int, right: int, length: int) -> bool:
    """Whether a block is sure of its place: matched on both sides enough, or on one side
    enough for a passage's edge (no more than the passage's own ``length``)."""
    return bool(left and right and left + right >= BOTH_MATCH) or max(left, right) >= min(
        EDGE_MATCH, length or EDGE_MATCH
    )


def _possessives(
    parts: Sequence[tuple[str, int, int, int, int]],
    k: int,
    a0: int,
    t0: int,
    owner: Sequence[int],
    names: _Names,
    breaks: frozenset[int],
    length: int,
) -> list[Block]:
    """Blocks where the transcript says a one-word name with its possessive, matched in
    its place, as one word of its own ("farrowdales" where the passage has "Farrowdale's"):
    the same sounds, to be written as the article spells them (whether the recogniser
    wrote the apostrophe is for :func:`block_spans` and the guards to see). Its matched
    sides are counted as for :func:`_apart`."""
    _, i1, i2, j1, _ = parts[k]
    out: list[Block] = []
    for u0, u1, cand, suffix in _names_within(names, a0 + i1, a0 + i2):
        if not suffix or u1 - u0 != 1:
            continue
        h = t0 + j1 + (u0 - a0 - i1)
        token = owner[h]
        if (h > 0 and owner[h - 1] == token) or (h + 1 < len(owner) and owner[h + 1] == token):
            continue  # the name is part of a word, or a word of its own with others
        left, right = _around(parts, k, a0, breaks, u0, u1)
        if _placed(left, right, length):
            out.append(Block(token, token + 1, cand, left, right, suffix))
    return out


SLIP = 2
"""A word or two the recogniser got wrong, with as many said, between matched words:
the alignment holds across them ("sebastian [fogel] from UBS")."""


SLIP_MISHEARD = 0.6
"""How alike in sound (``mishear.alike``: a common word heard as another counts, "lost"
as "loss") an article word beside a name, inside the name's edit block, and the
transcript word in its place must be for the two to pair up (:func:`_slipped`)."""


def _slipped(
    article: Sequence[str],
    said: Sequence[str],
    block: tuple[int, int],
    heard: tuple[int, int],
    name: tuple[int, int],
) -> tuple[int | None, int | None]:
    """How many transcript units the article words before and after the name inside its
    edit block take, where each is heard as one plausible transcript word ("ken
    mauer" as "can mower": "can" is "ken", so "mower" stands where "Mauer" does) or
    is a filler, an article or the word beside it said again, which the recogniser left
    out ("marzen uh" as "mason", "as uh as as Don" after "as" as "a done"); ``None`` on a
    side where they do not pair up so ("ines of castelan" as "ines ascot ellen":
    "ascot" is no "of")."""
    (lo, hi), (j1, j2), (u0, u1) = block, heard, name

    def taken(words: Sequence[str], heard_words: Sequence[str], before: str) -> int | None:
        n = 0
        for word in words:
            if word in FILLERS or word == before:
                continue
            before = word
            if n >= min(SLIP, len(heard_words)) or alike(word, heard_words[n]) < SLIP_MISHEARD:
                if word in ARTICLES:
                    continue  # an unwritten "the" ("with the KVRO" as "with k v r oh")
                return None
            n += 1
        return n

    pre = taken(article[lo:u0], said[j1:j2], article[lo - 1] if lo > 0 else "")
    after = article[hi] if hi < len(article) else ""
    post = taken(article[u1:hi][::-1], said[j1:j2][::-1], after)
    if (pre or 0) + (post or 0) >= j2 - j1:
        return None, None
    return pre, post


def _matched(
    parts: Sequence[tuple[str, int, int, int, int]],
    a0: int,
    breaks: frozenset[int],
    *,
    backward: bool,
) -> int:
    """Article units matched on one side of a block (``parts`` from it outward).

    A recogniser's slip on a word near the name (as many words heard as said, at most
    :data:`SLIP`) or a stutter (``skip``, :func:`_stutters`) does not make the place less
    sure: the count goes on past it, up to :data:`SOLID` × 2 units. It stops at a quote's
    edge (``breaks``: what stands beyond was not said in one breath with the name) and at
    other words added or dropped; a run matched word for word across a quote's edge was
    said in one breath, and is counted on.
    """
    return _matched_to_edge(parts, a0, breaks, backward=backward)[0]


def _matched_to_edge(
    parts: Sequence[tuple[str, int, int, int, int]],
    a0: int,
    breaks: frozenset[int],
    *,
    backward: bool,
) -> tuple[int, bool]:
    """:func:`_matched`, and whether the count stopped at a quote's edge: every word of
    the quote on that side of the block was heard (matched, or slipped one for one)."""
    count = 0
    for tag, i1, i2, j1, j2 in parts:
        units = range(a0 + i2 - 1, a0 + i1 - 1, -1) if backward else range(a0 + i1, a0 + i2)
        if tag == "edit" and (i2 - i1 != j2 - j1 or i2 - i1 > SLIP):
            # Words added or dropped here: beyond a quote's edge they do not count.
            return count, (a0 + i2 if backward else a0 + i1) in breaks
        for n, u in enumerate(units):
            # A mark inside a run matched word for word, with two words of it on each
            # side ("shift workers show “chronic circadian"), parts nothing the speaker
            # said apart; one nearer an edge of the run stops the count.
            if (u + 1 if backward else u) in breaks and (
                tag != "equal" or min(n, len(units) - n) < STRADDLE
            ):
                return count, True
            count += tag == "equal"
        if count >= 2 * SOLID:
            break
    return count, False


def _heard(
    left: int, right: int, said: tuple[int, int], owner: Sequence[int], limit: int = MAX_HEARD
) -> tuple[int, int] | None:
    """The transcript tokens standing for a name that fills the block's matched sides.

    Matched on both sides: the whole block. On one side only: the ``limit``
    (:data:`MAX_HEARD`) tokens nearest that side at most (the rest is what the
    article and the speech say differently; :func:`block_spans` picks among them).
    """
    j1, j2 = said
    split_left = j1 > 0 and owner[j1 - 1] == owner[j1]
    split_right = j2 < len(owner) and owner[j2] == owner[j2 - 1]
    if (left and split_left) or (right and split_right) or not (left or right):
        return None  # the seam falls inside a token
    first, last = owner[j1] + split_left, owner[j2 - 1] + 1 - split_right
    if not left:
        first = max(first, last - limit)
    elif not right:
        last = min(last, first + limit)
    return (first, last) if 0 < last - first <= limit else None


NEARBY = 4
"""Tokens either side of a block in which the name itself, heard right, voids the block."""


def _heard_nearby(transcript: Transcript, first: int, last: int, key: str) -> bool:
    """Whether the name's letters stand in 1 to :data:`MAX_HEARD` whole tokens within
    :data:`NEARBY` tokens of ``[first, last)`` (outside it)."""
    tokens = transcript.tokens
    lo, hi = max(0, first - NEARBY), min(len(tokens), last + NEARBY)
    keys = [name_key(t.text) for t in tokens[lo:hi]]
    for i in range(len(keys)):
        if first <= lo + i < last:
            continue
        joined = ""
        for j in range(i, min(len(keys), i + MAX_HEARD)):
            if first <= lo + j < last:
                break
            joined += keys[j]
            if joined == key:
                return True
            if len(joined) >= len(key):
                break
    return False


def _edges(transcript: Transcript, first: int, last: int) -> bool:
    """Whether tokens ``[first, last)`` start and end with a word that may edge a name
    (no function word, unless a bare vowel: "oh yellow ran"). Only the edge on a block's
    unmatched side is asked: on the matched side, the word right after the matched words
    is what was said in the name's place, whatever it is ("is risk" for "ISRS")."""
    return all(
        token_info(transcript.tokens[k].text)[0] or bare_vowel(transcript.tokens[k].text)
        for k in (first, last - 1)
    )


ARTICLES = frozenset(("the", "a", "an"))


def _spelled(transcript: Transcript, first: int, last: int, name: str) -> bool:
    """Whether tokens ``[first, last)`` are an acronym's letters, one word each ("a d a"
    for "ADA"), or its very letters in other groups ("pm I" for "PMI", "G C P s" for
    "GCPs"): "a" or "I" is a letter there, no article or pronoun, and may end it too."""
    if last - first < 2:
        return False
    tokens = transcript.tokens[first:last]
    if name.isupper() and all(len(name_key(t.text)) == 1 for t in tokens):
        return True
    return bool(_ACRONYM.fullmatch(name)) and name_key(" ".join(t.text for t in tokens)) == (
        name_key(name)
    )


def _without_article(transcript: Transcript, span: Span, name: str, m: float) -> tuple[Span, float]:
    """The span without an article it opens with ("the ross re va" for "Rasriva"),
    when the rest is at least as plausible a mishearing of the name: speakers say "the"
    before names that reports write bare; the name's own first sound ("a f u d c" for
    "AFUDC") is kept."""
    if span.last - span.first < 2 or transcript.tokens[span.first].text.lower() not in ARTICLES:
        return span, m
    rest = span_at(transcript, span.first + 1, span.last)
    if rest is None:
        return span, m
    m_rest = misheard(name, rest.text)
    return (rest, m_rest) if m_rest >= m else (span, m)


EXTEND_GAIN = 0.05
"""How much more plausible a mishearing a word past the shortest plausible reading must
make at a passage's edge to be taken with it: "dow" is "Dowell" at the end of a quote,
"dow please" hardly more so ("please" opens what the article did not quote)."""


def _goes_on(transcript: Transcript, span: Span, name: str, m: float, left: bool) -> bool:
    """Whether the word past the span on a block's unmatched side makes a clearly more
    plausible mishearing of the name with it (by :data:`EXTEND_GAIN`: "port tore via"
    for "Port Torvia", where "via", a function word, may not end what is taken). A word
    that opens or closes a clause ("please") goes on with no name."""
    k = span.last if left else span.first - 1
    if not 0 <= k < len(transcript.tokens) or clause_at(transcript, k):
        return False
    lo, hi = (span.first, k + 1) if left else (k, span.last)
    return misheard(name, " ".join(t.text for t in transcript.tokens[lo:hi])) > m + EXTEND_GAIN


def _before_clause(
    transcript: Transcript, options: list[tuple[int, int]], left: bool
) -> list[tuple[int, int]]:
    """The options (nearest the matched side first) up to the first word that opens or
    closes a clause ("please", "go ahead"): what stands from there on was said beside
    the name, not in it."""
    out: list[tuple[int, int]] = []
    for first, last in options:
        loose = last - 1 if left else first
        if clause_at(transcript, loose):
            break
        out.append((first, last))
    return out


def _letter_a(word: str, name: str) -> bool:
    """Whether ``word`` ("a", "an") may be the letter an acronym opens with ("a v r" for
    "ASVR", "a fen" for "AFN")."""
    return bool(_ACRONYM.fullmatch(name)) and name[0] == "A" and word.lower() in ("a", "an")


CAPITALS = 3
"""Letters at most in a word written in capitals that :func:`_capitals` reads as letters."""


def _capitals(transcript: Transcript, first: int, last: int) -> bool:
    """Whether tokens ``[first, last)`` are each a short word in capitals ("C", "MX"): the
    recogniser wrote letters it heard, not a word ("A" and "I" are words too)."""
    for t in transcript.tokens[first:last]:
        bare = t.text.strip(".,;:?!")
        if not (bare.isalpha() and bare.isupper() and len(bare) <= CAPITALS) or bare in "AI":
            return False
    return True


def _without_fillers(transcript: Transcript, first: int, last: int) -> tuple[int, int]:
    """Tokens ``[first, last)`` without the fillers at their ends ("uh merrow" for "Marlo"
    between matched words): the speaker hesitated beside the name, not in it."""
    tokens = transcript.tokens
    while last - first > 1 and tokens[first].text.lower().strip(".,;:?!") in FILLERS:
        first += 1
    while last - first > 1 and tokens[last - 1].text.lower().strip(".,;:?!") in FILLERS:
        last -= 1
    return first, last


def block_spans(
    found: Sequence[Block],
    candidates: Sequence[Candidate],
    transcript: Transcript,
) -> list[tuple[Span, int, BlockFit]]:
    """The heard span of each block as a span, with how sure and how plausible it is.

    At a passage's edge the block holds whatever came before the run; the
    tokens taken are the 1 to :data:`MAX_HEARD` nearest the matched side that
    make the most plausible mishearing of the name, with no function word at
    the unmatched end and no word that opens or closes a clause ("cow please" is
    no "Cowley": the article stopped quoting at the name).
    """
    out: dict[tuple[int, int, int], tuple[Span, int, BlockFit]] = {}
    for b in found:
        cand = candidates[b.cand]
        if b.left and b.right:
            options = [_without_fillers(transcript, b.first, b.last)]
        elif b.right:
            options = [(b.last - n, b.last) for n in range(1, b.last - b.first + 1)]
        else:
            options = [(b.first, b.first + n) for n in range(1, b.last - b.first + 1)]
        if not (b.left and b.right):
            options = _before_clause(transcript, options, bool(b.left))
        best: tuple[float, Span] | None = None
        # What was said there is the name as the article has it at that place: with its
        # possessive, whose sound the recogniser wrote too ("fires" for "Spire's").
        said = cand.text + b.suffix
        if _heard_nearby(transcript, b.first, b.last, cand.key):
            continue  # the name is right here, heard right: the block is the alignment's slip
        # Between matched words two letters may be what was heard of an acronym ("SP" for
        # "ASP"), never two of a word ("my" for "Mike"); elsewhere a span has three at least.
        acronym = b.left and b.right and _ACRONYM.fullmatch(cand.text)
        least = 2 if acronym else min(3, len(cand.key))
        for first, last in options:
            # Between matched words, letters written in capitals are what was heard
            # there, however few ("C" for "Sea", "MX" for "Amex"): the model weighs them.
            letters = b.left and b.right and _capitals(transcript, first, last)
            span = span_at(transcript, first, last, 1 if letters else least)
            if span is None:
                continue
            loose = last - 1 if b.left else first  # the edge on the unmatched side
            tight = first if b.left else last - 1  # the edge next to the matched words
            if len(options) > 1 and not _spelled(transcript, first, last, cand.text):
                if not _edges(transcript, loose, loose + 1):
                    continue  # on its unmatched side, a block's edge is no function word
                if transcript.tokens[tight].text.lower() in ARTICLES and not _letter_a(
                    transcript.tokens[tight].text, cand.text
                ):
                    continue  # "the mayor" for "Thomas": an article opens words said, not a name
            m = misheard(said, span.text)
            if span.key == cand.key:
                best = (m, span)  # the name's very letters ("M V P D S"): no reading is likelier
                break
            if best is None or m > best[0] + (EXTEND_GAIN if len(options) > 1 else 0.0):
                best = (m, span)
        if best is None:
            continue
        m, span = best
        span, m = _without_article(transcript, span, said, m)
        if not (b.left and b.right) and _goes_on(transcript, span, said, m, bool(b.left)):
            continue  # the name goes on past the words that may be taken: only part of it
        if b.suffix and not span.suffix:
            span = replace(span, suffix=b.suffix)  # "next tries" is "Nexstar's"
        elif span.suffix and not b.suffix and (cand.key.endswith("s") or (b.left and b.right)):
            # "Annika's" is "Enagas": its own last sound. Between matched words the article
            # has what was said there: a name with no possessive ("kiddie's" is "TID").
            span = replace(span, suffix="")
        sure = (min(b.left, SOLID) + min(b.right, SOLID)) / (2 * SOLID)
        key = (span.first, span.last, b.cand)
        if key not in out or (out[key][2].solid, not out[key][2].whole) < (sure, not b.whole):
            out[key] = (span, b.cand, BlockFit(sure, m, b.whole))
    return [out[k] for k in sorted(out)]
