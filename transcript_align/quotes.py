"""Direct quotes in article text: where they are, and who said them.

A *paragraph* is a line of the text (:attr:`Reference.text` separates
paragraphs with blank lines, and a paragraph never holds a line break).

Conventions of :class:`~transcript_align.models.Quote`, kept by every quote:

- ``start``/``end``: the whole quote, from its opening mark to just after its
  closing mark (to the paragraph end when the closing mark is missing);
- ``parts``: the spans of the quoted words, one per paragraph, white space
  trimmed, and without the one trailing comma that American punctuation puts
  inside the closing mark (it belongs to the attribution, not to the speaker);
  any other punctuation inside the marks (``.``, ``?``, ``…``, ``—``) stays;
- ``text == " ".join(text[a:b] for a, b in parts)``.

Marks: ``"…"``, ``“…”``, ``„…“``, ``«…»`` (spaced or not), ``»…«``, and the
single ``‘…’``, ``'…'``, ``‚…‘``. A text is read either in *double* style
(top-level quotes use double marks; single marks are nested quotes or
apostrophes) or in *single* style (British); the style whose pairs are not
nested in the other's wins, double on a tie. An apostrophe inside a word
(``Ukraine’s``, ``don't``) or before a year (``’90s``) is never a mark.

Everything is one left-to-right pass per paragraph with a stack, so the cost is
linear in the text length whatever the number of marks.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from .models import Quote
from .normalize import zipf

__all__ = ["QuoteScan", "extract_quotes", "scan_quotes"]

_DOUBLE = '"“”„‟«»'
_SINGLE = "'‘’‚‛‹›"
# A mark after one of these (or white space) can open a quote; before one of
# these (or white space) it can close one.
_BEFORE_OPEN = frozenset("([{—–-/" + _DOUBLE + _SINGLE)
_AFTER_CLOSE = frozenset(".,;:!?)]}—–-…/" + _DOUBLE + _SINGLE)
# Words written with a leading apostrophe: 'em, 'til, rock 'n' roll.
_ELISION = re.compile(r"(?:em|til|cause|tis|twas|n[’'])(?!\w)", re.IGNORECASE)

_ALNUM = re.compile(r"[^\W_]")
"""A character for which ``str.isalnum`` holds."""

_OPEN, _CLOSE, _EITHER, _WEAK = 1, 2, 3, 4
"""Roles of a mark: opens, closes, either (decided by whether a quote is open),
or closes only if no later mark in the paragraph can (a possessive ``leaders’``)."""

_PRE_WINDOW = 400
_POST_WINDOW = 300


@dataclass(frozen=True, slots=True)
class QuoteScan:
    """The quotes of a text, and notes on marks that could not be paired."""

    quotes: tuple[Quote, ...]
    notes: tuple[str, ...] = ()


def extract_quotes(text: str) -> tuple[Quote, ...]:
    """Every direct quote in ``text``, in order, with its speaker when the sentence names one.

    >>> q = extract_quotes("“We pray for a deal,” Rutte said. “Let’s hope.”")
    >>> [(x.text, x.speaker, x.verb) for x in q]
    [('We pray for a deal', 'Rutte', 'said'), ('Let’s hope.', 'Rutte', 'said')]
    """
    return scan_quotes(text).quotes


OTHER_STYLE_WORDS = 3
"""Words a quote in the style the page uses less must have to count: fewer is a scare quote."""


def scan_quotes(text: str) -> QuoteScan:
    """Like :func:`extract_quotes`, with notes on unbalanced marks (what was closed or dropped)."""
    paragraphs = paragraph_spans(text)
    marks = _paragraph_marks(text, paragraphs)
    double = _pair(text, paragraphs, marks, "d")
    single = _pair(text, paragraphs, marks, "s")
    if single.quotes and _outside(single.quotes, double.quotes) > _outside(
        double.quotes, single.quotes
    ):
        chosen, other = single, double
    else:
        chosen, other = double, single
    # The other style's quotes too, where they stand clear of the chosen ones: a page
    # that quotes 'like this' in one place and "like this" in another (headline and
    # body, or two writers' paragraphs). Nested ones are inside a chosen quote, and
    # a mark left unclosed in the other style is more likely an apostrophe; a word or
    # two is a scare quote ("the ‘plan’"), which that style marks as often.
    overlaps = _overlap_test(chosen.quotes)
    clear = [
        q
        for q in other.quotes
        if q.closed
        and not overlaps(q)
        and sum(len(_WORD_RE.findall(text[a:b])) for a, b in q.parts) >= OTHER_STYLE_WORDS
    ]
    raws = sorted((q for q in [*chosen.quotes, *clear] if q.parts), key=lambda q: q.start)
    quotes = _attribute(text, paragraphs, raws)
    turns = _interview_turns(text, paragraphs, raws)
    if turns:
        quotes = sorted([*quotes, *turns], key=lambda q: q.start)
    return QuoteScan(tuple(quotes), tuple(chosen.notes))


_TURN = re.compile(r"(Q|A|[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}) ?[:：]\s+(?=\S)")
"""A paragraph opening with who speaks: "Q: …", "A: …", "LOWE: …", "Ines Lowe: …"."""
MIN_TURNS = 2
"""Paragraphs each of two speakers' labels must open for a page to be an interview."""


def _interview_turns(
    text: str, paragraphs: Sequence[tuple[int, int]], raws: Sequence[_Raw]
) -> list[Quote]:
    """The answers of an interview printed as questions and answers: each paragraph a
    label opens ("A:", "Lowe:"), but "Q:", is the speaker's words without marks. A
    page is read so only where two labels or more open paragraphs twice or more each
    (one "Note:" or "Update:" makes no interview); a paragraph with quotation marks
    in it is left to them."""
    found = []
    for a, b in paragraphs:
        m = _TURN.match(text, a, b)
        if m is not None:
            found.append((m.group(1), m.end(), b))
    counts: dict[str, int] = {}
    for label, _, _ in found:
        counts[label] = counts.get(label, 0) + 1
    labels = {label for label, n in counts.items() if n >= MIN_TURNS}
    if len(labels) < 2:
        return []
    marked = [q.start for q in raws]
    out = []
    for label, start, end in found:
        k = bisect.bisect_left(marked, start)
        if label not in labels or label == "Q" or (k < len(marked) and marked[k] < end):
            continue
        words = text[start:end].strip()
        end = start + len(words)
        speaker = None if label == "A" else label
        out.append(Quote(words, start, end, ((start, end),), speaker, None, ""))
    return out


# --- marks and pairing ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Mark:
    pos: int
    glyph: str
    cls: str  # "d" double, "s" single
    role: int


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """The non-blank lines of ``text``, white space trimmed."""
    out = []
    a = 0
    for line in text.split("\n"):
        n = len(line)
        if n and not (line[0].isspace() or line[-1].isspace()):
            out.append((a, a + n))  # the usual line, trimmed already
        elif stripped := line.lstrip():
            start = a + n - len(stripped)
            out.append((start, start + len(stripped.rstrip())))
        a += n + 1
    return out


def _paragraph_marks(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[list[_Mark]]:
    """The quote marks of each paragraph (apostrophes inside words left out)."""
    # One search of the whole text: most paragraphs hold no mark at all. A mark
    # is never white space, so it lies inside a paragraph.
    out: list[list[_Mark]] = [[] for _ in paragraphs]
    starts = [a for a, _ in paragraphs]
    for i in _mark_positions(text):
        pi = bisect.bisect_right(starts, i) - 1
        mark = _classify(text, i, *paragraphs[pi])
        if mark is not None:
            out[pi].append(mark)
    return out


def _mark_positions(text: str) -> list[int]:
    """Where the quote mark glyphs are, in order."""
    # One str.find scan per glyph runs several times faster than a regex
    # character class over the text (most glyphs never occur).
    out = []
    for glyph in _DOUBLE + _SINGLE:
        i = text.find(glyph)
        while i != -1:
            out.append(i)
            i = text.find(glyph, i + 1)
    out.sort()
    return out


def _classify(text: str, i: int, a: int, b: int) -> _Mark | None:
    g = text[i]
    prev = text[i - 1] if i > a else " "
    nxt = text[i + 1] if i + 1 < b else " "
    can_open = (prev.isspace() or prev in _BEFORE_OPEN) and not nxt.isspace()
    can_close = (nxt.isspace() or nxt in _AFTER_CLOSE) and not prev.isspace()
    cls = "d" if g in _DOUBLE else "s"
    if cls == "s":
        if prev.isalnum() and nxt.isalnum():
            return None  # apostrophe inside a word: don't, Ukraine’s, 90’s
        if nxt.isdigit() and not prev.isalnum():
            return None  # ’90s
        if g in "'‘" and can_open and _ELISION.match(text, i + 1, b):
            return None
    role: int
    if g in "\"'":
        role = _OPEN if can_open and not can_close else _CLOSE if can_close and not can_open else 0
        role = role or _EITHER
    elif g in "“‘‛‟":
        role = _CLOSE if can_close and not can_open else _OPEN  # „…“ closes with “
    elif g in "”’":
        role = _OPEN if can_open and not can_close else _CLOSE  # ”…” opens with ” (Swedish)
    elif g in "„‚":
        role = _OPEN
    elif g in "«‹":
        # Closes only in the reversed style »Wort«; French spacing (« mot ») leaves it opening.
        closes = (prev.isalnum() or prev in ".!?…") and not nxt.isalnum()
        role = _CLOSE if closes else _OPEN
    else:  # » ›
        role = _OPEN if can_open and nxt.isalnum() else _CLOSE
    if (
        role == _CLOSE
        and g in "’'"
        and prev in "sS"
        and i + 2 < b
        and nxt == " "
        and text[i + 2].islower()
    ):
        role = _WEAK  # the leaders’ meeting
    return _Mark(i, g, cls, role)


@dataclass
class _Open:
    """An opening mark waiting for its closing mark, with the parts it already spans."""

    pos: int
    glyph: str
    seg_start: int
    parts: list[tuple[int, int]] = field(default_factory=list)
    start: int = -1  # where the whole quote starts (first paragraph's opening mark)


@dataclass(frozen=True, slots=True)
class _Raw:
    start: int
    end: int
    parts: tuple[tuple[int, int], ...]
    closed: bool
    last_inner_end: int  # where the quoted text ended before trimming (the closing mark)


@dataclass
class _Paired:
    quotes: list[_Raw] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _pair(
    text: str,
    paragraphs: Sequence[tuple[int, int]],
    marks: Sequence[Sequence[_Mark]],
    cls: str,
) -> _Paired:
    """Pair the marks of one class; quotes nested in a quote of the same class stay inside it."""
    out = _Paired()
    carried: _Open | None = None
    # Only paragraphs with marks matter: a quote is carried over only into a
    # paragraph that re-opens it with a mark.
    for pi in [k for k, found in enumerate(marks) if found]:
        pb = paragraphs[pi][1]
        ms = [m for m in marks[pi] if m.cls == cls]
        if not ms and carried is None:
            continue  # nothing opens, closes or goes on here
        # A closing mark that is only a possessive when a later mark can close.
        last_closer = max(
            (k for k, m in enumerate(ms) if m.role in (_CLOSE, _EITHER, _WEAK)), default=-1
        )
        stack: list[_Open] = []
        pairs: list[tuple[_Open, int]] = []
        first = 0
        if carried is not None:
            carried.seg_start = ms[0].pos + 1
            stack.append(carried)
            first = 1
        for k in range(first, len(ms)):
            m = ms[k]
            if m.role == _WEAK and (not stack or k < last_closer):
                continue
            if m.role == _OPEN or (m.role == _EITHER and not stack):
                stack.append(_Open(m.pos, m.glyph, m.pos + 1, start=m.pos))
            elif stack:
                pairs.append((stack.pop(), m.pos))
            else:
                out.notes.append(f"stray closing quote mark ignored: {_context(text, m.pos)}")
        trailing: _Open | None = None
        if stack:
            if stack[0] is carried:
                keep = 0
            else:
                last_pair_open = max((o.pos for o, _ in pairs), default=-1)
                keep = next((k for k, o in enumerate(stack) if o.pos > last_pair_open), len(stack))
            for o in stack[:keep]:
                out.notes.append(f"unclosed quote mark ignored: {_context(text, o.pos)}")
            trailing = stack[keep] if keep < len(stack) else None
        inner_limit = trailing.pos if trailing is not None else pb + 1
        outer_end = -1
        for o, close in sorted(pairs, key=lambda p: p[0].pos):
            if close < outer_end or o.pos > inner_limit:
                continue  # nested in another quote
            outer_end = close
            parts = (*o.parts, (o.seg_start, close))
            out.quotes.append(_Raw(o.start, close + 1, _trim_parts(text, parts), True, close))
        carried = None
        if trailing is None:
            continue
        nxt = paragraphs[pi + 1] if pi + 1 < len(paragraphs) else None
        if nxt is not None and _continues(marks[pi + 1], nxt[0], cls, trailing.glyph):
            trailing.parts.append((trailing.seg_start, pb))
            carried = trailing
            continue
        parts = _trim_parts(text, (*trailing.parts, (trailing.seg_start, pb)))
        if parts:
            out.quotes.append(_Raw(trailing.start, pb, parts, False, pb))
            out.notes.append(
                f"quote mark never closed; quote ends at the paragraph end: "
                f"{_context(text, trailing.pos)}"
            )
        else:
            out.notes.append(f"unclosed quote mark ignored: {_context(text, trailing.pos)}")
    return out


def _continues(ms: Sequence[_Mark], start: int, cls: str, glyph: str) -> bool:
    """Whether a paragraph re-opens a quote left open at the end of the one before it."""
    if not ms or ms[0].pos != start or ms[0].cls != cls:
        return False
    if ms[0].role in (_OPEN, _EITHER):
        return True
    # French style marks a continued paragraph with » as well as «.
    return glyph in "«»" and ms[0].glyph == "»"


def _trim_parts(text: str, parts: Sequence[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    out = []
    for n, (a, b) in enumerate(parts):
        a, b = _strip_span(text, a, b)
        if n == len(parts) - 1 and b > a and text[b - 1] == ",":
            a, b = _strip_span(text, a, b - 1)
        if b > a:
            out.append((a, b))
    if not any(_ALNUM.search(text, a, b) for a, b in out):
        return ()
    return tuple(out)


def _strip_span(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _outside(quotes: Sequence[_Raw], others: Sequence[_Raw]) -> int:
    """How many of ``quotes`` lie inside none of ``others`` (both sorted by start)."""
    count = 0
    k = 0
    for q in quotes:
        while k < len(others) and others[k].end <= q.start:
            k += 1
        if not (k < len(others) and others[k].start <= q.start and q.end <= others[k].end):
            count += 1
    return count


def _overlap_test(quotes: Sequence[_Raw]) -> Callable[[_Raw], bool]:
    """Whether a quote overlaps any of ``quotes``, in log time (a long page has thousands)."""
    ordered = sorted(quotes, key=lambda o: o.start)
    starts = [o.start for o in ordered]
    reach = list(itertools.accumulate((o.end for o in ordered), max))

    def overlaps(q: _Raw) -> bool:
        k = bisect.bisect_left(starts, q.end)  # those starting before q ends
        return k > 0 and reach[k - 1] > q.start

    return overlaps


def _context(text: str, pos: int) -> str:
    snippet = text[max(0, pos - 20) : pos + 30].replace("\n", " ")
    return f"char {pos} ({snippet.strip()!r})"


# --- attribution ---------------------------------------------------------------------------

_REPORTING = frozenset(
    """said says say added adds told tells noted notes stated stressed stresses emphasized
    emphasised emphasizes emphasises explained explains insisted insists argued argues warned
    warns declared declares remarked replied responded answered asked asks continued continues
    concluded concludes wrote writes recalled recalls acknowledged acknowledges admitted admits
    claimed asserted asserts maintained maintains observed observes reiterated reiterates
    repeated repeats announced announces commented suggested suggests urged urges vowed
    promised confirmed confirms underlined underlines underscored underscores highlighted
    highlights conceded concedes cautioned cautions predicted predicts joked quipped tweeted
    posted affirmed affirms contended contends countered mentioned mentions reaffirmed
    reaffirms reminded reminds pointed described describes called exclaimed shouted lamented
    complained boasted assured reported spoke speaks""".split()
)
_TO_LISTENER = frozenset("told tells reminded reminds assured urged urges".split())
"""Reporting verbs whose object is who was spoken to ("told MPs:"), never the speaker."""
_PARTICIPLES = frozenset(
    """saying adding noting stressing emphasizing emphasising explaining insisting arguing
    warning declaring describing calling telling asking urging reiterating recalling
    acknowledging admitting claiming stating underlining underscoring highlighting cautioning
    promising vowing confirming suggesting answering replying responding writing remarking
    announcing commenting pointing repeating maintaining conceding affirming speaking""".split()
)
_CLAUSE_OPENERS = frozenset(("who", "whose", "which")) | _PARTICIPLES
"""Words opening a clause set off after a speaker ("Rutte, speaking in Oslo, said")."""
_SKIPPABLE = frozenset(
    """also later then further again once previously repeatedly earlier recently has had have
    would will reportedly publicly separately simply flatly""".split()
)
_PRONOUNS = frozenset(["he", "she", "they", "we", "i", "it", "you"])
_RESOLVABLE = frozenset(["he", "she"])
_DETERMINERS = frozenset("the a an this that his her their its our another one".split())
_NOT_IN_DESCRIPTOR = frozenset(
    """that which who whom it is are was were be been being has have had will would can could
    should may might must and or but not also to of in on at for with by from as than so very
    there here then when if what how""".split()
)
_CONNECTORS = frozenset("of de da del della di du van von der den la le al bin ibn el".split())
_FUNCTION = frozenset(
    """the a an and but so then when while on in at after before as if also meanwhile however
    earlier later now still yet for with by from to of this that these those there here it its
    his her their speaking asked answering responding moreover regarding according monday
    tuesday wednesday thursday friday saturday sunday""".split()
)
_TITLES = frozenset(
    """secretary general secretary-general president vice prime minister foreign defence defense
    finance interior chancellor chief commissioner ambassador spokesperson spokesman spokeswoman
    envoy special senator sen representative rep congressman congresswoman governor gov mayor
    mr mrs ms dr prof professor king queen prince princess pope ceo director chairman chairwoman
    chair head deputy state of for former acting interim top senior adviser advisor leader
    admiral colonel lieutenant commander officer supreme allied high first lady judge justice
    attorney sheikh sir dame lord affairs national security press white house republican
    democrat democratic opposition party member mp mep coach manager captain founder premier boss
    assistant executive economy trade health education energy home office army navy air force
    foreign-minister president-elect vice-president councillor councilor alderman inspector
    detective sergeant constable superintendent bishop reverend rabbi sheriff doctor transport
    environment housing agriculture culture treasury business science magistrate coroner recorder
    registrar""".split()
)
_NATIONALITY_EXCEPTIONS = frozenset("french dutch greek swiss thai czech irish welsh".split())
TITLE_ABBREVIATIONS = frozenset("mr mrs ms dr prof gen sen rep gov lt col sgt capt st".split())
"""Titles written short before a name ("Dr. Anna Kessel"): their point ends no sentence."""
_ABBREVIATIONS = TITLE_ABBREVIATIONS | frozenset(
    """jr sr no vs etc inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
_TOKEN = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|St|Jr|Sr)\."
    r"|(?:[^\W\d_]\.){2,}"
    r"|\w+(?:[’'\-‑]\w+)*(?:(?<=s)[’'](?!\w))?"  # Farmers' unions
    r"|[^\w\s]"
)
_WORD_RE = re.compile(r"[^\W\d_]+")
# Word lookups in a set: a regex alternation of every reporting verb is tried at
# every position of every article, which dominated reading time.
_PRE_HINT = _REPORTING | _PARTICIPLES | {"according"}


def _words_in(text: str, a: int, b: int, vocabulary: frozenset[str]) -> Iterator[re.Match[str]]:
    """Matches of whole words of ``vocabulary`` (any case) in ``text[a:b]``."""
    if not _has_word(text, a, b, vocabulary):
        return  # the usual case, settled without a Python step per word
    for m in _WORD_RE.finditer(text, a, b):
        if m.group().lower() in vocabulary:
            yield m


def _has_word(text: str, a: int, b: int, vocabulary: frozenset[str]) -> bool:
    """Whether ``text[a:b]`` holds a whole word of ``vocabulary`` (any case)."""
    return not vocabulary.isdisjoint(map(str.lower, _WORD_RE.findall(text, a, b)))


_NAME_WINDOW = 120
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s|$)")


class _Tok(NamedTuple):
    text: str
    start: int
    end: int
    low: str
    word: bool  # a word, not a punctuation sign
    cap: bool


@dataclass(frozen=True, slots=True)
class _Speaker:
    text: str
    kind: str  # "name", "pronoun" or "descriptor"
    pos: int  # absolute position in the text
    end: int


def _speaker(toks: Sequence[_Tok], kind: str) -> _Speaker:
    return _Speaker(_join(toks), kind, toks[0].start, toks[-1].end)


@dataclass(frozen=True, slots=True)
class _Attribution:
    speaker: _Speaker | None
    verb: str | None


_NO_ATTRIBUTION = _Attribution(None, None)


_new_tok = tuple.__new__
"""Builds a :class:`_Tok` without the named tuple's Python-level constructor."""


@lru_cache(maxsize=65_536)
def _traits(t: str) -> tuple[str, bool, bool]:
    """``low``, ``word`` and ``cap`` of a token text (articles repeat their words)."""
    return t.lower(), t[0].isalnum() or len(t) > 1, t[0].isupper()


def _tokens(text: str, a: int, b: int) -> list[_Tok]:
    out = []
    for m in _TOKEN.finditer(text, a, b):
        t = m.group()
        low, word, cap = _traits(t)
        out.append(_new_tok(_Tok, (t, m.start(), m.end(), low, word, cap)))
    return out


def _attribute(
    text: str, paragraphs: Sequence[tuple[int, int]], raws: Sequence[_Raw]
) -> list[Quote]:
    """Give each quote its speaker and reporting verb; resolve he/she to the last named
    speaker (or, with none, the last described one)."""
    para_starts = [a for a, _ in paragraphs]

    def para_index(pos: int) -> int:
        return bisect.bisect_right(para_starts, pos) - 1

    def para_of(pos: int) -> tuple[int, int]:
        return paragraphs[para_index(pos)]

    attributions: list[_Attribution] = []
    post_ends: list[int] = []
    names: list[tuple[int, str]] = []
    described: list[tuple[int, str]] = []
    for n, q in enumerate(raws):
        first_para = para_of(q.start)
        last_para = para_of(q.end - 1)
        prev_end = raws[n - 1].end if n and raws[n - 1].end > first_para[0] else first_para[0]
        next_start = (
            raws[n + 1].start if n + 1 < len(raws) and raws[n + 1].start < last_para[1] else None
        )
        post_limit = min(last_para[1], q.end + _POST_WINDOW)
        if next_start is not None:
            post_limit = min(post_limit, next_start)
        post_end = _sentence_end(text, q.end, post_limit)
        attribution = None
        ends = q.closed and _ends_sentence(text, q)
        if q.closed and _DASH_CREDIT.match(text, q.end):
            attribution = _credit(_tokens(text, q.end, post_end))
        elif ends:
            post_end = q.end  # what follows is a sentence of its own, about another quote
        post_ends.append(post_end)
        if attribution is None and q.closed and not ends:
            attribution = _post_attribution(_tokens(text, q.end, post_end))
        if attribution is None:
            pre_start = max(prev_end, q.start - _PRE_WINDOW)
            if _has_word(text, pre_start, q.start, _PRE_HINT):
                pre_start = _sentence_start(text, pre_start, q.start)
                attribution = _pre_attribution(_tokens(text, pre_start, q.start))
        if attribution is None:
            attribution = _colon_lead(text, max(prev_end, q.start - _PRE_WINDOW), q.start)
        if attribution is None and not _ALNUM.search(text, first_para[0], q.start):
            k = para_index(q.start)
            before = paragraphs[k - 1] if k else None
            attribution = _introduced(text, before, raws[n - 1] if n else None)
        if (attribution is None or attribution.speaker is None) and n:
            prev = raws[n - 1]
            if (attribution is None and not text[post_ends[n - 1] : q.start].strip()) or (
                prev.end > first_para[0]
                and not _ends_sentence(text, prev)
                and _sentence_end(text, prev.end, q.start) == q.start
            ):
                # “Let’s hope…,” he said. “At the moment…” — one speaker, interrupted,
                # in the same paragraph or opening the next one with nothing said of
                # who speaks; or a second quote in the same sentence: said it was “X”
                # and “Y”, or “X”, adding that “Y”.
                earlier = attributions[n - 1]
                attribution = (
                    earlier
                    if attribution is None
                    else _Attribution(earlier.speaker, attribution.verb)
                )
        attribution = attribution or _NO_ATTRIBUTION
        attributions.append(attribution)
        if attribution.speaker is not None and attribution.speaker.kind == "name":
            names.append((attribution.speaker.pos, attribution.speaker.text))
        elif attribution.speaker is not None and attribution.speaker.kind == "descriptor":
            described.append((attribution.speaker.pos, attribution.speaker.text))
    reporting = _ReportingNames(text, paragraphs, raws)
    titled = _TitledNames(text)
    spoken = _Surnames((p, n) for p, n in names if " " in n)
    names.sort()
    described.sort()
    out = []
    for n, (q, attribution) in enumerate(zip(raws, attributions)):
        speaker = attribution.speaker.text if attribution.speaker else None
        if attribution.speaker is not None and attribution.speaker.text.lower() in _RESOLVABLE:
            # The last person named; with none named before, the last described ("the
            # clinical lead said… she said"): a description often stands for a name.
            pos = attribution.speaker.pos
            named = reporting.last_before(pos, names)
            new = reporting.last_before(pos, described, kind="descriptor")
            if named is None or (new is not None and new[0] > named[0] and _introduces(new[1])):
                # "The manager confirmed that… ‘…,’ he said": a described subject of a
                # reporting verb counts like one described before a quote; and "a
                # spokesperson said" brings in someone new after any name.
                named = new
            # With neither, the last person named after a title of theirs.
            speaker = named[1] if named is not None else titled.last_person(pos) or speaker
        if speaker is not None and speaker.lower().startswith("the "):
            speaker = titled.name(speaker, q.start) or speaker
        elif speaker is not None and speaker[0].isupper() and " " not in speaker:
            # Named as a speaker before, else after a title (found only when needed).
            whole = spoken.whole(speaker, q.start) or titled.whole_names(speaker, q.start)
            speaker = whole[0] if len(whole) == 1 else speaker
        quoted = " ".join(text[a:b] for a, b in q.parts)
        lead = _lead(text, max(para_of(q.start)[0], raws[n - 1].end if n else 0), q.start)
        out.append(Quote(quoted, q.start, q.end, q.parts, speaker, attribution.verb, lead))
    return out


def _introduced(
    text: str, before: tuple[int, int] | None, previous: _Raw | None
) -> _Attribution | None:
    """The speaker of a quote opening its paragraph that the paragraph ``before`` it
    brings in with a colon ("Here is what she told the podcast:" above a block quotation)."""
    if before is None:
        return None
    a, b = before
    if not text[a:b].rstrip().endswith(":") or (previous is not None and previous.end > a):
        return None
    start = _sentence_start(text, max(a, b - _PRE_WINDOW), b)
    return _pre_attribution(_tokens(text, start, b))


def _colon_lead(text: str, a: int, start: int) -> _Attribution | None:
    """The person whose words a colon right before a quote brings in, with no reporting
    verb: a label ("Councillor Ann Lee: “…”", as live pages write them) or the sentence's
    subject ("Chair Ann Lee began with an apology: “…”"). Only a person surely named: a
    title before the name, or two words of it; and nobody else capitalised after the
    name, nor "from" or "by" ("Lee read a letter from a resident: “…”")."""
    lead = text[a:start].rstrip()
    if not lead.endswith((":", "：")):
        return None
    toks = _tokens(text, _sentence_start(text, a, start), start)
    sp = _speaker_forward(toks, 0) if toks else None
    if sp is None or sp.kind != "name":
        return None
    rest = [t for t in toks[:-1] if t.start >= sp.end]
    titled = sp.pos > toks[0].start
    if not (titled or " " in sp.text) or _POSSESSIVE_END.search(sp.text):
        return None
    if not rest:
        return _Attribution(sp, None)  # "Ann Lee: “…”"
    if rest[0].cap or not rest[0].word or rest[0].low in _REPORTING:
        return None
    if any((t.cap and t.low != "i") or t.low in ("from", "by") for t in rest):
        return None
    return _Attribution(sp, None)


class _Surnames:
    """Whole names by their surname, each with where it is first given: who "Achterberg"
    is once "Ifeoma Achterberg" was named. Each person has one key; two people of one
    surname leave it as written."""

    def __init__(self, named: Iterable[tuple[int, str]]) -> None:
        self._first: dict[str, list[tuple[int, str]]] = {}
        for pos, name in sorted(named):
            self.add(pos, name)

    def add(self, pos: int, name: str) -> None:
        """Note ``name`` given at ``pos`` (in order of position): its first two people count."""
        seen = self._first.setdefault(name.rsplit(" ", 1)[-1], [])
        if len(seen) < 2 and all(n != name for _, n in seen):
            seen.append((pos, name))

    def whole(self, surname: str, pos: int) -> list[str]:
        """The whole names of this surname given before ``pos``: none, one, or two (too many)."""
        return [n for p, n in self._first.get(surname, ()) if p < pos]


_LEAD_CHARS = 60
"""How far before a quote its lead is read: the few words a qualifier stands among."""


def _introduces(description: str) -> bool:
    """Whether a description brings in someone not named before ("a spokesperson", "one
    resident"), unlike "the minister", which often stands for a name already given."""
    return description.split(maxsplit=1)[0].lower() in ("a", "an", "one", "another")


def _lead(text: str, after: int, start: int) -> str:
    """The words of the quote's sentence right before its opening mark (from ``after``:
    its paragraph's start or the previous quote's end)."""
    lo = _sentence_start(text, max(after, start - _LEAD_CHARS), start)
    return " ".join(text[lo:start].split()[-6:])


def _ends_sentence(text: str, q: _Raw) -> bool:
    """Whether a quote closes its sentence, so what follows is not its attribution."""
    after = text[q.end : q.end + 2].lstrip()
    if after.startswith("."):
        return True
    inner = text[q.parts[-1][0] : q.last_inner_end].rstrip()
    if inner.endswith(".") and not inner.endswith(".."):
        rest = text[q.end : q.end + 40].lstrip()
        return not rest[:1].islower()
    return False


def _is_boundary(text: str, m: re.Match[str]) -> bool:
    """Whether sentence-final punctuation really ends a sentence (not ``Mr.`` or ``U.S.``)."""
    if m.group()[0] != ".":
        return True
    k = m.start()
    j = k
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] == "."):
        j -= 1
    word = text[j:k]
    if "." in word or word.lower() in _ABBREVIATIONS:
        return False
    return not (len(word) == 1 and word.isupper())


def _sentence_start(text: str, a: int, b: int) -> int:
    start = a
    for m in _SENTENCE_END.finditer(text, a, b):
        if _is_boundary(text, m):
            start = m.end()
    return start


def _sentence_end(text: str, a: int, b: int) -> int:
    for m in _SENTENCE_END.finditer(text, a, b):
        if _is_boundary(text, m):
            return m.end()
    return b


_DASH_CREDIT = re.compile(r"[ \t]*[—–―][ \t]*[^\W\d_]")
"""A dash and a word right after a closing mark: the quote's credit ("” — Ann Lee")."""


def _credit(toks: list[_Tok]) -> _Attribution | None:
    """The name a dash credits a quote to (``“…” — Ann Lee, chief executive``), as a
    block quotation or a pull quote is signed; its role after a comma is left."""
    sp = _speaker_forward(toks, 1)
    if sp is None or sp.kind != "name":
        return None
    rest = [t for t in toks if t.start >= sp.end]
    return _Attribution(sp, None) if not rest or rest[0].text in ",;(" else None


def _post_attribution(toks: list[_Tok]) -> _Attribution | None:
    """``, he said`` / ``, said Rutte`` / ``, Rutte told reporters`` / ``, according to Rutte``."""
    i = 0
    while i < len(toks) and toks[i].text in ",—–-:;":
        i += 1
    if i >= len(toks):
        return None
    if toks[i].low == "according" and i + 1 < len(toks) and toks[i + 1].low == "to":
        sp = _speaker_forward(toks, i + 2)
        return _Attribution(sp, "according to") if sp else None
    if toks[i].low in _REPORTING:
        if toks[i].low in _TO_LISTENER:
            return None  # "…", told MPs: the speaker is named elsewhere
        sp = _speaker_forward(toks, i + 1)
        return _Attribution(sp, toks[i].low) if sp else None
    found = _verb_after_speaker(toks, i)
    if found is None:
        return None
    v, appositive = found
    sp = _speaker_forward(toks, i) if appositive else _speaker_before(toks, v, first=i)
    if sp is None:
        return None
    return _Attribution(sp, toks[v].low)


def _verb_after_speaker(toks: list[_Tok], i: int) -> tuple[int, bool] | None:
    """The reporting verb after a speaker phrase starting at ``i``, and whether an
    appositive sits between them (``Rutte, who chairs the meeting, said``)."""
    t = toks[i]
    if not (t.low in _PRONOUNS or t.cap or t.low in _DETERMINERS):
        return None
    j = i
    appositive = False
    if j + 2 < len(toks) and toks[j + 1].text == "," and toks[j + 2].low == "who":
        k = j + 3
        while k < len(toks) and k < j + 20 and toks[k].text != ",":
            k += 1
        j = k + 1
        appositive = True
    for k in range(j, min(len(toks), j + 10)):
        if toks[k].low in _REPORTING:
            return k, appositive
        if not toks[k].word:
            return None
    return None


def _pre_attribution(toks: list[_Tok]) -> _Attribution | None:
    """``Rutte said: “`` / ``he said that “`` / embedded: ``Rutte reiterated that there is “``."""
    v = None
    for k in range(len(toks) - 1, -1, -1):
        low = toks[k].low
        if low in _REPORTING or low in _PARTICIPLES:
            v = k
            break
        if low == "according" and k + 1 < len(toks) and toks[k + 1].low == "to":
            v = k
            break
    if v is None:
        return None
    verb = toks[v].low
    if verb == "according":
        sp = _speaker_forward(toks, v + 2)
        return _Attribution(sp, "according to") if sp else None
    if verb in _REPORTING:
        sp = _speaker_before(toks, v)
        if sp is not None:
            return _outer_speaker(toks, sp) or _Attribution(sp, verb)
        sp = _speaker_forward(toks, v + 1) if verb not in _TO_LISTENER else None
        rest = [t.text for t in toks[v + 1 :] if t.start >= sp.end] if sp else []
        if sp is not None and rest and rest[0] in ":," and all(len(r) == 1 for r in rest):
            return _Attribution(sp, verb)  # said Rutte: “…”
    subject = _main_subject(toks, v)
    if subject is None and verb in _TO_LISTENER:
        return None  # "…”, told MPs: “…”: whoever the sentence began with
    return _Attribution(subject, verb)


_EVIDENCE = frozenset("suggested suggests confirmed confirms predicted predicts".split())
"""Reporting verbs that data can do: "Lowe said the data suggested “…”" quotes Lowe."""
_PERSON_ENDINGS = ("er", "or", "ist", "ian", "man", "woman", "person", "ant", "ent", "ive")


def _outer_speaker(toks: list[_Tok], inner: _Speaker) -> _Attribution | None:
    """The speaker who reports what a thing showed: in "Lowe said the data suggested “…”"
    the quoted words are Lowe's, since figures and readings say nothing themselves."""
    if inner.kind != "descriptor":
        return None
    i = next(k for k, t in enumerate(toks) if t.start == inner.pos)
    j = next(k for k, t in enumerate(toks) if t.end == inner.end)
    v = i - 1 - (i >= 1 and toks[i - 1].low == "that")
    if v < 1 or toks[v].low not in _REPORTING or j + 1 >= len(toks):
        return None
    if toks[j + 1].low not in _EVIDENCE:
        return None
    nouns = [t for t in toks[i : j + 1] if t.low not in _DETERMINERS]
    if any(t.cap or t.low in _TITLES or t.low.endswith(_PERSON_ENDINGS) for t in nouns):
        return None
    outer = _speaker_before(toks, v)
    if outer is None or outer.kind == "descriptor":
        return None
    return _Attribution(outer, toks[v].low)


def _main_subject(toks: list[_Tok], limit: int) -> _Speaker | None:
    """The sentence's subject: a name or pronoun before its first verb (``Rutte also added``)."""
    for k in range(min(limit + 1, len(toks))):
        low = toks[k].low
        reporting = low in _REPORTING
        if reporting or (low.endswith("ed") and not low.endswith("eed") and not toks[k].cap):
            sp = _speaker_before(toks, k)
            if sp is not None and (reporting or sp.kind != "descriptor"):
                return sp
    return None


def _speaker_before(toks: list[_Tok], v: int, *, first: int = 0) -> _Speaker | None:
    """The speaker phrase ending just before the verb at ``v`` (starting at ``first`` or later)."""
    j = v - 1
    skipped = 0
    while j >= first and skipped < 2 and (toks[j].low in _SKIPPABLE or _adverb(toks[j])):
        j -= 1
        skipped += 1
    if j < first:
        return None
    t = toks[j]
    if t.text == "," and first == 0:
        return _appositive_speaker(toks, j)
    if t.low in _PRONOUNS:
        return _speaker([t], "pronoun")
    if t.low == "who" and j - 2 >= first and toks[j - 1].text == ",":
        return _speaker_before(toks, j - 1, first=first)  # "Lowe, who said"
    if t.cap and t.word:
        k = j
        while k - 1 >= first and (
            (toks[k - 1].cap and toks[k - 1].word)
            or (toks[k - 1].low in _CONNECTORS and k - 2 >= first and toks[k - 2].cap)
            or (  # "the Minister for Health"
                toks[k - 1].low == "for"
                and k - 2 >= first
                and toks[k - 2].cap
                and toks[k - 2].low in _TITLES
            )
        ):
            k -= 1
        run = toks[k : j + 1]
        person = _member_of(toks, k, j, first)
        if person is not None:
            return person
        name = _clean_name(run)
        if name:
            return _speaker(name, "name")
        if k - 1 >= first and toks[k - 1].low in _DETERMINERS:
            k -= 1
        if run[-1].low in _FUNCTION:
            return None
        return _speaker(toks[k : j + 1], "descriptor")
    if t.word and t.text.isalpha() and t.low not in _NOT_IN_DESCRIPTOR:
        for k in range(j - 1, max(first, j - 6) - 1, -1):
            w = toks[k]
            if w.low in _DETERMINERS:
                return _speaker(toks[k : j + 1], "descriptor")
            if _possessive(w):
                return _speaker(toks[_owner_start(toks, k, first) : j + 1], "descriptor")
            if not w.word or w.low in _NOT_IN_DESCRIPTOR:
                return None
        if first == 0 and 0 < j < _BARE_SUBJECT and _bare_subject(toks[: j + 1]):
            return _speaker(toks[: j + 1], "descriptor")  # "Health chiefs have promised"
    return None


_BARE_SUBJECT = 3
"""Most words of a plural subject with no determiner opening the sentence."""


def _bare_subject(toks: Sequence[_Tok]) -> bool:
    """Whether words opening a sentence are a noun phrase with no determiner ("Health
    chiefs", "Local residents"): the first capitalised, the rest not, none a small word."""
    return toks[0].cap and all(map(_plain_noun, toks)) and not any(t.cap for t in toks[1:])


def _owner_start(toks: list[_Tok], k: int, first: int) -> int:
    """Where the owner ending in the possessive at ``k`` starts: "the health board's
    clinical lead" is the lead's whole phrase, not "board's clinical lead"."""
    for m in range(k - 1, max(first, k - 3) - 1, -1):
        if toks[m].low in _DETERMINERS:
            return m
        if not toks[m].word or toks[m].low in _NOT_IN_DESCRIPTOR or toks[m].cap:
            break
    return k


EVERYDAY_NOUN = 3.0
"""Zipf frequency from which a capitalised word standing alone for a speaker is as likely
an everyday noun ("Dentists in Brycemoor say", 3.3) as a surname ("Lathe", 2.9)."""
_MEMBER_OF = frozenset("of at from for".split())
_PLACED_IN = frozenset(("of", "in"))
"""Words between a speaker and the body or place named after them without "the"
("chiefs in Northvale", "Lowe of Lowmoor")."""


def _member_of(toks: list[_Tok], k: int, j: int, first: int) -> _Speaker | None:
    """The subject of ``Annika Sørensen of the River Trust said`` (the name before
    "of the") or of ``the head of the River Trust said`` and ``Health chiefs in
    Northvale said`` (the whole phrase), not the body or place ``toks[k : j + 1]``
    named last before the verb."""
    if k - 3 >= first and toks[k - 1].low == "the" and toks[k - 2].low in _MEMBER_OF:
        person = _speaker_before(toks, k - 2, first=first)
        if person is None or person.kind == "name":
            return person
        if person.kind == "pronoun":
            return None
        start = next(i for i in range(k - 2, first - 1, -1) if toks[i].start == person.pos)
        return _speaker(toks[start : j + 1], "descriptor")
    p = k - 1
    if p - 1 < first or toks[p].low not in _PLACED_IN:
        return None
    before = toks[p - 1]
    opening = p - 1 == first == 0 and zipf(before.low) >= EVERYDAY_NOUN
    if before.cap and not opening:
        person = _speaker_before(toks, p, first=first)  # "Ines Lowe of Lowmoor said"
        return person if person is not None and person.kind == "name" else None
    if not _plain_noun(before):
        return None  # "heard from Lowe": a verb's object, not who spoke
    start = p - 1
    while start - 1 >= first and start > p - 3 and _plain_noun(toks[start - 1]):
        start -= 1
    return _speaker(toks[start : j + 1], "descriptor")  # "Health chiefs in Northvale said"


def _plain_noun(t: _Tok) -> bool:
    """Whether a word can be part of a description of people ("health chiefs")."""
    return (
        t.word
        and t.low.isalpha()
        and t.low not in _NOT_IN_DESCRIPTOR
        and t.low not in _FUNCTION
        and t.low not in _REPORTING
        and not t.low.endswith(("ed", "ing"))
    )


def _appositive_speaker(toks: list[_Tok], j: int) -> _Speaker | None:
    """The speaker before a comma at ``j`` that closes an apposition.

    ``Rutte, who chairs the meeting, said``, ``Rutte, speaking in Oslo, said``,
    ``unions, which …, said``, ``Hald, of Lowmoor Police, said`` and ``Ann Lee, a local
    driver, said`` give what precedes the clause; ``Norway's minister, Anders Dahl,
    said`` gives the name.
    """
    for k in range(j - 1, max(-1, j - 20), -1):
        if toks[k].text != ",":
            if toks[k].word:
                continue
            return None
        inner = toks[k + 1 : j]
        if not inner or k == 0:
            return None
        if inner[0].low in _CLAUSE_OPENERS or (
            inner[0].low in _MEMBER_OF
            and any(t.cap for t in inner[1:3])
            and all(t.cap or t.low in _CONNECTORS or t.low == "the" for t in inner[1:])
        ):
            # "Rutte, who chairs…, said"; "Hald, of Lowmoor Police, said": the body
            # named after "of" is where the speaker works, not who spoke.
            return _speaker_before(toks, k, first=max(0, k - 8))
        if all(t.cap or t.low in _CONNECTORS for t in inner):
            name = _clean_name(inner)
            if name:
                return _speaker(name, "name")
        if inner[0].low in _TITLES or (
            inner[0].low in _DETERMINERS and any(t.low in _TITLES for t in inner[1:4])
        ):
            # "McCreadie, chief executive of the care board, said": the apposition
            # says what the speaker before it is.
            return _speaker_before(toks, k, first=max(0, k - 8))
        if inner[0].low in _DETERMINERS and len(inner) > 1 and not inner[1].cap:
            # "Tess Brackwell, his sister, said": a description set off after a name.
            sp = _speaker_before(toks, k, first=max(0, k - 8))
            return sp if sp is not None and sp.kind == "name" else None
        return None
    return None


def _speaker_forward(toks: list[_Tok], i: int) -> _Speaker | None:
    """A speaker phrase starting at ``i``: a pronoun, a name, or ``the NATO chief``."""
    if i >= len(toks):
        return None
    t = toks[i]
    if t.low in _PRONOUNS:
        return _speaker([t], "pronoun")
    j = i
    if t.low in _DETERMINERS:
        j = i + 1
        while (
            j < len(toks) and j < i + 6 and toks[j].word and toks[j].low not in _NOT_IN_DESCRIPTOR
        ):
            j += 1
        if j == i + 1:
            return None
        if j + 1 < len(toks) and toks[j].text == "," and toks[j + 1].cap:
            named = _speaker_forward(toks, j + 1)  # "said the minister, Priya Lal"
            if named is not None and named.kind == "name":
                return named
        return _speaker(toks[i:j], "descriptor")
    titled = _titled_name(toks, i)
    if titled is not None:
        return titled
    j = _capitalised_run_end(toks, i)
    if j == i:
        return None
    run = toks[i:j]
    name = _clean_name(run)
    if name:
        return _speaker(name, "name")
    return _speaker(run, "descriptor")


def _titled_name(toks: list[_Tok], i: int) -> _Speaker | None:
    """The name after a title written small, with what the title is of before it: "said
    Rovers boss Ann Lee", "said former club captain Ann Lee", "said Harbour Trust chief
    executive Ann Lee" are Ann Lee's words, not the club's."""
    k = i
    titled = False
    while k < len(toks) and k < i + 6 and toks[k].word and not (titled and toks[k].cap):
        if not toks[k].cap:
            if toks[k].low in _FUNCTION or toks[k].low in _NOT_IN_DESCRIPTOR:
                return None
            titled = toks[k].low in _TITLES
        k += 1
    if not titled or k >= len(toks) or not (toks[k].cap and toks[k].word):
        return None
    name = _clean_name(toks[k : _capitalised_run_end(toks, k)])
    return _speaker(name, "name") if name else None


def _capitalised_run_end(toks: list[_Tok], i: int) -> int:
    """Where the run of capitalised words from ``i`` ends, particles before a capital
    inside it ("Anders van Dahl")."""
    j = i
    while j < len(toks) and (
        (toks[j].cap and toks[j].word)
        or (toks[j].low in _CONNECTORS and j + 1 < len(toks) and toks[j + 1].cap)
    ):
        j += 1
    return j


def _clean_name(run: Sequence[_Tok]) -> list[_Tok]:
    """A name from a capitalised run: ``NATO Secretary General Mark Rutte`` → ``Mark Rutte``."""
    words = list(run)
    while words:
        w = words[0]
        low = w.low.rstrip(".")
        nxt = words[1] if len(words) > 1 else None
        if (
            low in _TITLES
            or low in _FUNCTION
            or low in _CONNECTORS
            or _acronym(w)
            or _possessive(w)
            or (nxt is not None and _nationality(w) and (nxt.low in _TITLES or _acronym(nxt)))
        ):
            words.pop(0)
        else:
            break
    while words and words[-1].low in _CONNECTORS:
        words.pop()
    if not words or all(_acronym(w) for w in words):
        return []
    return words


class _ReportingNames:
    """Named and described subjects of reporting verbs outside quotes (``Rutte said
    allies would…``, ``The manager confirmed that…``).

    Only a quote attributed to he or she needs them, and then only the last one
    before it, so a paragraph is searched when first asked about and never again:
    most articles name every speaker, and their text is never searched.
    """

    def __init__(
        self, text: str, paragraphs: Sequence[tuple[int, int]], raws: Sequence[_Raw]
    ) -> None:
        self._text = text
        self._paragraphs = paragraphs
        self._raws = raws
        self._starts = [a for a, _ in paragraphs]
        self._segments: list[list[tuple[int, int]]] | None = None
        self._found: dict[int, list[tuple[int, str, str]]] = {}
        self._upto: dict[str, dict[int, tuple[int, str] | None]] = {}

    def last_before(
        self, pos: int, names: Sequence[tuple[int, str]], *, kind: str = "name"
    ) -> tuple[int, str] | None:
        """The greatest ``(position, name)`` before ``pos``, among these (subjects of this
        ``kind``: "name" or "descriptor") and ``names`` (sorted)."""
        k = bisect.bisect_left(names, (pos,))
        best = names[k - 1] if k else None
        here = bisect.bisect_right(self._starts, pos) - 1
        before = [(p, t) for p, t, of in self._in_paragraph(here) if of == kind and p < pos]
        if not before and here > 0 and (best is None or best[0] < self._paragraphs[here - 1][1]):
            # A name lies inside its paragraph: the last paragraph before this one
            # holding one has the last of them (unless a name given is later).
            last = self._last_upto(here - 1, kind)
            before = [last] if last is not None else []
        return max([*before, best] if best is not None else before, default=None)

    def _last_upto(self, n: int, kind: str) -> tuple[int, str] | None:
        """The last subject of ``kind`` in paragraphs ``0..n``, each paragraph read once
        over all calls (quotes come in order, and a page may name nobody)."""
        memo = self._upto.setdefault(kind, {})
        m = n
        while m >= 0 and m not in memo:
            m -= 1
        last = memo[m] if m >= 0 else None
        for p in range(m + 1, n + 1):
            found = [(q, t) for q, t, of in self._in_paragraph(p) if of == kind]
            last = max(found) if found else last
            memo[p] = last
        return last

    def _in_paragraph(self, n: int) -> list[tuple[int, str, str]]:
        if self._segments is None:
            self._segments = _segments_outside(self._paragraphs, self._raws)
        if n not in self._found:
            self._found[n] = _reporting_names(self._text, self._segments[n])
        return self._found[n]


class _TitledNames:
    """The person a definite description stands for, where the page gave them that
    title before: "the judge" after "Judge Alison Peacock", "the club chair" after
    "club chair Anwen Pryce-Jones". Each description's mentions are found once."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._lower: str | None = None
        self._found: dict[str, tuple[list[int], list[str]]] = {}
        self._people: tuple[list[int], list[str]] | None = None
        self._surnames: dict[str, _Surnames] = {}

    def last_person(self, pos: int) -> str | None:
        """The last person named after a title of theirs before ``pos`` ("Floods minister
        Carys Abernethy visited…"): who "she said" means where no name or description
        is the subject of a reporting verb before it."""
        if self._people is None:
            self._people = self._mentions_after(_PERSON_TITLE)
        starts, names = self._people
        k = bisect.bisect_left(starts, pos)
        return names[k - 1] if k else None

    def whole_names(self, surname: str, pos: int) -> list[str]:
        """The whole names given after a title of theirs, before ``pos``, to people of this
        surname ("Dr Ifeoma Achterberg", "NATO Secretary General Mark Rutte"): none, one
        or two. Read back once from each time the surname is written, far cheaper than
        finding every title."""
        if surname not in self._surnames:
            self._surnames[surname] = found = _Surnames(())
            text = self._text
            start = text.find(surname)
            while start >= 0:
                end = start + len(surname)
                if _named_before(text, start) and not text[end : end + 1].isalnum():
                    name = _name_after_title(_tokens(text, max(0, start - _TITLED_NAME), end))
                    if len(name) > 1:
                        found.add(start, _join(name))
                start = text.find(surname, end)
        return self._surnames[surname].whole(surname, pos)

    def name(self, description: str, pos: int) -> str | None:
        """The name last given after this description's title words before ``pos``."""
        words = description.split()[1:]
        if not words or len(words) > _TITLE_WORDS or words[-1].lower() not in _TITLES:
            return None
        key = " ".join(w.lower() for w in words)
        if key not in self._found:
            self._found[key] = self._mentions(words)
        starts, names = self._found[key]
        k = bisect.bisect_left(starts, pos)
        return names[k - 1] if k else None

    def _mentions(self, words: Sequence[str]) -> tuple[list[int], list[str]]:
        title = r"\s+".join(re.escape(w.lower()) for w in words)
        return self._mentions_after(re.compile(rf"{title}\.?\s+"))

    def _mentions_after(self, title: re.Pattern[str]) -> tuple[list[int], list[str]]:
        """Where each name after a match of ``title`` (lower case) starts, and the name.
        The pattern opens with the title itself (a lookbehind there is tried at every
        character) and runs over the text in lower case (a case-blind pattern of many
        titles costs several times more): a match inside a word ("vice-minister") is
        left here, and so is one with no capital after it ("the minister said")."""
        starts, names = [], []
        text = self._text
        if self._lower is None:
            self._lower = text.lower()
        lower = self._lower
        if len(lower) != len(text):  # a letter whose lower case is longer ("İ")
            lower, title = text, re.compile(title.pattern, re.IGNORECASE)
        for m in title.finditer(lower):
            a, b = m.start(), m.end()
            if b >= len(text) or not text[b].isupper() or (a and _joined(text[a - 1])):
                continue
            toks = _tokens(text, m.end(), min(len(text), m.end() + _TITLED_NAME))
            name = _clean_name(toks[: _capitalised_run_end(toks, 0)])
            if name:
                starts.append(m.start())
                # "Dr Sorcha McIlvenny's report": the name without its possessive.
                names.append(_POSSESSIVE_END.sub("", _join(name)))
        return starts, names


def _named_before(text: str, start: int) -> bool:
    """Whether a word starting at ``start`` follows a capitalised word or a title, as a
    surname after its first name or title does (most mentions open a sentence)."""
    if start < 2 or text[start - 1] not in " \t\xa0":
        return False
    k = start - 1
    while k > 0 and text[k - 1] in " \t\xa0":
        k -= 1
    j = k
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] in ".-'’"):
        j -= 1
    word = text[j:k]
    return bool(word) and (word[0].isupper() or word.rstrip(".").lower() in _PERSON_TITLE_WORDS)


def _name_after_title(toks: Sequence[_Tok]) -> list[_Tok]:
    """The name ending the tokens when a person's title stands before it, in the run of
    capitals ("Secretary General Mark Rutte") or just before it ("minister Carys Lowe")."""
    j = len(toks) - 1
    while j > 0 and toks[j - 1].cap and toks[j - 1].word:
        j -= 1
    run = toks[j:]
    titled = [k for k, t in enumerate(run[:-1]) if t.low.rstrip(".") in _PERSON_TITLE_WORDS]
    if titled:
        return _clean_name(run[titled[-1] + 1 :])
    if j and toks[j - 1].low.rstrip(".") in _PERSON_TITLE_WORDS:
        return _clean_name(run)
    return []


_POSSESSIVE_END = re.compile(r"['’]s?$")
_TITLE_WORDS = 3
"""Most words a description's title may have ("the deputy chief constable")."""
_TITLED_NAME = 60
"""Characters read after a title for the name that follows it."""


def _joined(ch: str) -> bool:
    """Whether a character before a title joins it to a word ("prime-minister")."""
    return ch.isalnum() or ch in "-_"


_PERSON_TITLE_WORDS = frozenset(
    """minister secretary president mayor councillor councilor chancellor senator governor
    judge magistrate coroner professor prof dr doctor mr mrs ms miss sir dame director
    executive spokesperson spokesman spokeswoman chair chairman chairwoman leader manager
    coach captain boss superintendent inspector detective sergeant constable bishop reverend
    sheriff commissioner ambassador mp general""".split()
)
_PERSON_TITLE = re.compile(
    r"\b(?:"
    + "|".join(sorted(_PERSON_TITLE_WORDS - {"general"}, key=lambda w: (-len(w), w)))
    + r")\.?\s+"
)
"""A title written right before a person's name ("Floods minister Carys Abernethy"), in
lower case (see :meth:`_TitledNames._mentions_after`)."""


def _segments_outside(
    paragraphs: Sequence[tuple[int, int]], raws: Sequence[_Raw]
) -> list[list[tuple[int, int]]]:
    """For each paragraph, the stretches of it outside every quote."""
    out = []
    k = 0
    for pa, pb in paragraphs:
        segments = []
        pos = pa
        while k < len(raws) and raws[k].start < pb:
            if raws[k].start > pos:
                segments.append((pos, raws[k].start))
            pos = max(pos, raws[k].end)
            if raws[k].end > pb:
                break
            k += 1
        if pos < pb:
            segments.append((pos, pb))
        out.append(segments)
    return out


def _reporting_names(text: str, segments: Sequence[tuple[int, int]]) -> list[tuple[int, str, str]]:
    """``(position, name, kind)`` of the subject of each reporting verb in ``segments``
    that is a name or a description ("the manager")."""
    out = []
    for a, b in segments:
        # Reporting verbs are found by a cheap word scan; only the few
        # characters before each one are tokenized to find its subject.
        for m in _words_in(text, a, b, _REPORTING):
            toks = _subject_tokens(text, max(a, m.start() - _NAME_WINDOW), m.start(), m.end())
            sp = _speaker_before(toks, len(toks) - 1) if toks else None
            if sp is not None and sp.kind in ("name", "descriptor"):
                out.append((sp.pos, sp.text, sp.kind))
    return out


_NEAR_VERB = 40
"""Characters before a reporting verb that hold the few tokens a named subject starts from."""


def _subject_tokens(text: str, lo: int, verb: int, end: int) -> list[_Tok]:
    """The tokens of ``text[lo:end]`` (a reporting verb ending at ``end``), or none when
    they cannot give the verb a named subject.

    :func:`_speaker_before` finds a name only from a capitalised word or a comma
    among the three tokens before the verb (two skippable words at most), so
    those are read first, from the last space before the verb's last
    ``_NEAR_VERB`` characters. No token holds a space, so the text splits
    there into two stretches tokenized exactly as the whole.
    """
    near = text.rfind(" ", lo, max(lo, verb - _NEAR_VERB))
    if near == -1:
        return _tokens(text, lo, end)
    toks = _tokens(text, near, end)
    if len(toks) >= 4 and not any(t.text == "," or (t.cap and t.word) for t in toks[-4:-1]):
        return []
    return _tokens(text, lo, near) + toks


def _join(toks: Sequence[_Tok]) -> str:
    parts = [toks[0].text]
    for prev, t in itertools.pairwise(toks):
        parts.append(("" if prev.end == t.start else " ") + t.text)
    return "".join(parts)


def _adverb(t: _Tok) -> bool:
    return t.text.islower() and t.text.endswith("ly") and len(t.text) > 4


def _acronym(t: _Tok) -> bool:
    return _is_acronym(t.text)


@lru_cache(maxsize=65_536)
def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _possessive(t: _Tok) -> bool:
    return t.low.endswith(("'s", "’s", "s'", "s’"))


def _nationality(t: _Tok) -> bool:
    low = t.low
    return low in _NATIONALITY_EXCEPTIONS or low.endswith(("an", "ese", "ish", "i"))
