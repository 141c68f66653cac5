"""A readable transcript: sentences, casing and punctuation restored, every timing kept.

Recognisers often give lowercase words with no punctuation. This module
decides, word by word, how the corrected transcript should be written, and
returns each change as a :class:`~transcript_align.models.Correction` of
kind ``casing`` or ``punctuation`` (a change of both is one ``punctuation``
correction), so export, the reports and the time of every cue work as for
any repair. No word is added or dropped here.

Evidence, most trusted first:

1. an aligned article passage that reproduces what was said: its casing and
   punctuation, word by word;
2. names and other proper nouns as the aligned articles case them
   (capitalised mid-sentence every time), everywhere in the transcript;
3. sentence ends from the pause before the next word, cue and speaker changes
   and the words on either side (a small logistic model fitted on cased,
   punctuated references: ``benchmarks/fit_readable.py``), then a capital
   after each sentence end and for "I";
4. a question mark or a comma only where the model's word lists are clear
   (a sentence that opens with "what", a comma after an opening "okay").

A transcript that already has its recogniser's punctuation keeps it and its
casing; only the articles (1 and 2) change it.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein, Opcodes

from .export import segment_at, taken_corrections
from .models import Correction, CorrectionKind, Evidence, Reference, Transcript
from .normalize import OPENERS, opens_sentence, text_words, zipf
from .quotes import TITLE_ABBREVIATIONS
from .repair import Anchor

FIRST_NAME = 4.5
"""Zipf frequency below which a capitalised word opening a sentence before a name is taken
for a first name ("Tobias" 3.3, "Craig" 4.2; not "Asked" 5.3, "Speaking" 4.9)."""
SLACK = 3
"""Transcript units an anchored passage may run past its article length (misheard extras)."""
MAX_GAP = 200
"""Units between two runs of an article that may still be one passage said in order."""
LONE_RUN = 8
"""Units a run off the article's order needs to be taken as a passage said elsewhere."""
MAX_CHAIN_LOOKBACK = 200
"""Runs back a chain link is looked for (bounds the work on long articles)."""
OPENS_BAR = 0.5
"""Share of the model's threshold that suffices where an aligned article opens a sentence."""
ENDS_BAR = 0.25
"""Share of the model's threshold that suffices where an article's sentence ends at the
last word of its passage said: any sign of an end there (a pause, a turn) will do."""
_GLUED = re.compile(r"[.,?!;:…]+")
_SENTENCE_MARKS = frozenset(".?!…")
_SENTENCE_OPENERS = re.compile(r"[.?!…\n]")
_CLOSING = re.compile(r"[\"”’»]")
_KEY = re.compile(r"[^\w']+")
_ASIDE = re.compile(
    r",\s+(?:he|she|they|we|it|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+"
    r"(?:said|says|added|adds|explained|noted|argued|insisted|warned|told\s+\w+)[,:]"
)
"""', she added,', ', he said:': the article's aside or lead-in, whose comma the speaker
did not say."""
_I_FORMS = frozenset(["i", "i'm", "i'll", "i've", "i'd", "i’m", "i’ll", "i’ve", "i’d"])


@dataclass(frozen=True, slots=True)
class Unit:
    """One word as the corrected transcript reads: a token, or an applied correction's text.

    ``punct`` is the punctuation glued after it in the cue; ``timed`` is true
    when the source gave the word times (not interpolated inside a cue).
    """

    first: int
    last: int
    text: str
    punct: str
    start: int | None
    end: int | None
    timed: bool
    segment: int
    speaker: str | None
    correction: int | None = None


@dataclass(frozen=True, slots=True)
class Form:
    """How an aligned article writes a transcript word, and whether a sentence opens there."""

    text: str
    punct: str
    opens: bool
    reference: str
    context: str
    title: bool = False
    """The word is a title's abbreviation ("Dr."): its point ends no sentence."""
    closes: bool = False
    """A quote closes after the word with a comma before its attribution."""
    sentence: bool = False
    """The word opens a sentence, not just a quote ("said: “We…" opens only a quote)."""
    continues: bool = True
    """The article's next word is said next, or a word heard for it: the article's mark
    after this word stands between the same words as in the transcript. Where the speaker
    goes on with other words ("rated for. “We…" / "rated for up to fifteen") it does not."""


@dataclass(frozen=True, slots=True)
class Boundary:
    """What is known between two words: the model's input."""

    before: str
    after: str
    before2: str
    after2: str
    pause: int | None
    pause_next: int | None
    speaker_change: bool
    cue_change: bool
    since: int = 1
    """Words since the last sentence end, this one included."""


@dataclass(frozen=True)
class Weights:
    """Logistic weights over a boundary's features, and the decision threshold."""

    bias: float
    pause: tuple[float, ...]
    pause_next: tuple[float, ...]
    since: tuple[float, ...]
    end: float
    start: float
    pair: float
    end2: float
    start2: float
    speaker: float
    cue: float
    threshold: float


@dataclass(frozen=True)
class SentenceModel:
    """Word statistics and weights for sentence ends, questions, commas and capitals."""

    pause_edges: tuple[int, ...]
    timed: Weights
    untimed: Weights
    end: dict[str, float]
    start: dict[str, float]
    pair: dict[str, float]
    end2: dict[str, float]
    start2: dict[str, float]
    questions: frozenset[str]
    commas: frozenset[str]
    capitalised: dict[str, str]

    def probability(self, b: Boundary) -> float:
        """How likely a sentence ends at ``b``."""
        return 1.0 / (1.0 + math.exp(-self.score(b)))

    def score(self, b: Boundary) -> float:
        w = self.untimed if b.pause is None else self.timed
        z = w.bias + w.end * self.end.get(b.before, 0.0) + w.start * self.start.get(b.after, 0.0)
        z += w.pair * self.pair.get(f"{b.before} {b.after}", 0.0)
        z += w.end2 * self.end2.get(b.before2, 0.0) + w.start2 * self.start2.get(b.after2, 0.0)
        z += w.speaker * b.speaker_change + w.cue * b.cue_change
        if b.pause is not None:
            z += w.pause[pause_bucket(self.pause_edges, b.pause)]
            z += w.pause_next[pause_bucket(self.pause_edges, b.pause_next or 0)]
        return z + w.since[pause_bucket(SINCE_EDGES, b.since)]

    def threshold(self, b: Boundary) -> float:
        """The probability from which a sentence is taken to end at ``b``."""
        return (self.untimed if b.pause is None else self.timed).threshold


def pause_bucket(edges: Sequence[int], pause: int) -> int:
    """Index of the pause interval (``edges`` in ms, ascending) that ``pause`` falls in."""
    return sum(1 for e in edges if pause >= e)


def key(word: str) -> str:
    """A word as the model knows it: lowercase, apostrophes kept, other marks gone.

    >>> key("Okay,"), key("I’m")
    ('okay', "i'm")
    """
    return _KEY.sub("", word.replace("’", "'").lower())


@lru_cache(maxsize=1)
def default_model() -> SentenceModel:
    """The model shipped in the package (fitted by ``benchmarks/fit_readable.py``)."""
    data = json.loads(
        resources.files("transcript_align").joinpath("data/readable.json").read_text("utf-8")
    )
    return model_from_dict(data)


def model_from_dict(data: dict[str, object]) -> SentenceModel:
    """A :class:`SentenceModel` from its JSON form."""

    def weights(d: object) -> Weights:
        assert isinstance(d, dict)

        def vector(name: str) -> tuple[float, ...]:
            return tuple(float(x) for x in d[name])

        w = {k: float(d[k]) for k in ("bias", *WEIGHT_NAMES, "threshold")}
        return Weights(
            w["bias"],
            vector("pause"),
            vector("pause_next"),
            vector("since"),
            w["end"],
            w["start"],
            w["pair"],
            w["end2"],
            w["start2"],
            w["speaker"],
            w["cue"],
            w["threshold"],
        )

    def table(name: str) -> dict[str, float]:
        d = data[name]
        assert isinstance(d, dict)
        return {str(k): float(v) for k, v in d.items()}

    edges = data["pause_edges_ms"]
    questions, commas, capitalised = data["questions"], data["commas"], data["capitalised"]
    assert isinstance(edges, list) and isinstance(questions, list)
    assert isinstance(commas, list) and isinstance(capitalised, dict)
    return SentenceModel(
        tuple(int(e) for e in edges),
        weights(data["timed"]),
        weights(data["untimed"]),
        table("end"),
        table("start"),
        table("pair"),
        table("end2"),
        table("start2"),
        frozenset(map(str, questions)),
        frozenset(map(str, commas)),
        {str(k): str(v) for k, v in capitalised.items()},
    )


SINCE_EDGES = (2, 3, 5, 8, 12, 18, 25)
"""Sentence lengths so far (words) the model tells apart."""
WEIGHT_NAMES = ("end", "start", "pair", "end2", "start2", "speaker", "cue")
"""The scalar weights, in the order the fitting script lays out its features."""


def boundary(units: Sequence[Unit], k: int, since: int = 1) -> Boundary:
    """The model's view of the gap after word ``k`` (there must be a word after it).

    ``since``: words since the last sentence end, word ``k`` included.
    """
    a, b = units[k], units[k + 1]
    a2 = units[k - 1] if k > 0 else None
    b2 = units[k + 2] if k + 2 < len(units) else None
    pause = _pause(a, b)
    return Boundary(
        _last_key(a),
        _first_key(b),
        _last_key(a2) if a2 is not None else "",
        _first_key(b2) if b2 is not None else "",
        pause,
        (_pause(b, b2) if b2 is not None else 2000) if pause is not None else None,
        a.speaker != b.speaker,
        a.segment != b.segment,
        since,
    )


def _pause(a: Unit, b: Unit) -> int | None:
    if a.timed and b.timed and a.end is not None and b.start is not None:
        return max(0, b.start - a.end)
    return None


def _last_key(u: Unit) -> str:
    words = u.text.split()
    return key(words[-1]) if words else ""


def _first_key(u: Unit) -> str:
    words = u.text.split()
    return key(words[0]) if words else ""


def spoken_units(transcript: Transcript, corrections: Sequence[Correction]) -> list[Unit]:
    """The words as they read with the applied corrections, each with its glued punctuation."""
    tokens = transcript.tokens
    by_first = {c.first: (n, c) for n, c in _numbered_taken(corrections)}
    units: list[Unit] = []
    i = 0
    while i < len(tokens):
        hit = by_first.get(i)
        first, last = (hit[1].first, hit[1].last) if hit else (i, i + 1)
        toks = tokens[first:last]
        text = hit[1].corrected if hit else toks[0].text
        i = last
        if not text.strip():
            continue
        end_tok = toks[-1]
        seg_text = segment_at(transcript, end_tok.segment).text
        glued = _GLUED.match(seg_text, end_tok.offset + len(end_tok.text))
        seg = segment_at(transcript, toks[0].segment).speaker
        units.append(
            Unit(
                first,
                last,
                text,
                glued.group() if glued else "",
                toks[0].start,
                end_tok.end,
                not any(t.estimated for t in toks),
                toks[0].segment,
                seg,
                hit[0] if hit else None,
            )
        )
    return units


def article_forms(
    transcript: Transcript, references: Sequence[Reference], anchors: Sequence[Sequence[Anchor]]
) -> dict[int, Form]:
    """Transcript token -> how the article passage said there writes it.

    Inside each anchored passage the article's units and the transcript's are
    matched exactly (an edit-distance alignment); a token takes an article
    word's form only when the two have the very same units.
    """
    flat: list[str] = []
    owner: list[int] = []
    starts: list[int] = []
    for i, tok in enumerate(transcript.tokens):
        starts.append(len(flat))
        flat.extend(tok.units)
        owner.extend([i] * len(tok.units))
    forms: dict[int, Form] = {}
    for ref, runs in zip(references, anchors):
        words = text_words(ref.text)
        word_of = [k for k in range(len(words.words)) for _ in range(_width(words.first_unit, k))]
        for ra, rb, ta, tb in _spans(runs):
            written, said = list(words.units[ra:rb]), flat[ta:tb]
            ops = Levenshtein.opcodes(written, said)
            for n, op in enumerate(ops):
                if op.tag != "equal":
                    continue
                last = ra + op.src_end - 1
                in_step = not _parted(ops, n + 1, written, said)
                for d in range(op.src_end - op.src_start):
                    ru, tu = ra + op.src_start + d, ta + op.dest_start + d
                    k, i = word_of[ru], owner[tu]
                    if i in forms or words.first_unit[k] != ru or starts[i] != tu:
                        continue
                    if words.units[ru : words.first_unit[k + 1]] != transcript.tokens[i].units:
                        continue
                    form = _form(ref, words.starts, words.ends, words.words, k)
                    if words.first_unit[k + 1] - 1 == last and not in_step:
                        form = replace(form, continues=False)
                    forms[i] = form
    return forms


PARTED = 4
"""Units on either side of a stretch the two texts do not share from which the speaker is
taken to go on otherwise than the article (shorter ones are mostly misheard words)."""
MISHEARD_RUN = 40
"""Likeness (``fuzz.ratio``) of a stretch written and the stretch said in its place from
which the said one is taken for the written one misheard."""


def _parted(ops: Opcodes, n: int, written: Sequence[str], said: Sequence[str]) -> bool:
    """Whether the texts part ways at op ``n``: the passage ends (the article goes on with
    words said elsewhere, if at all), or a long stretch of it is not shared and not alike
    either (a long run misheard sounds like what was written)."""
    if n >= len(ops) or (n + 1 == len(ops) and ops[n].tag == "insert"):
        return True
    op = ops[n]
    if op.tag == "equal" or max(op.src_end - op.src_start, op.dest_end - op.dest_start) < PARTED:
        return False
    ours = " ".join(written[op.src_start : op.src_end])
    theirs = " ".join(said[op.dest_start : op.dest_end])
    return fuzz.ratio(ours, theirs) < MISHEARD_RUN


def _spans(runs: Sequence[Anchor]) -> list[tuple[int, int, int, int]]:
    """Article and transcript unit ranges to align: each run, and the gap up to the next one.

    The runs said in the article's order (the heaviest such chain) are one
    passage where two are less than :data:`MAX_GAP` units apart in both texts
    with gaps of like size (the gap holds what the recogniser misheard). A run
    off that chain stands alone if it is long (:data:`LONE_RUN`): a short one
    is more likely a phrase said twice than a passage moved.
    """
    ordered = sorted(runs)
    chain = set(_chain(ordered))
    out: list[tuple[int, int, int, int]] = []
    previous: tuple[int, int, int] | None = None
    for n, (ra, ta, length) in enumerate(ordered):
        if n not in chain:
            if length >= LONE_RUN:
                out.append((ra, ra + length, ta, ta + length + SLACK))
            continue
        if previous is not None:
            pra, pta, plength = previous
            ref_gap, said_gap = ra - (pra + plength), ta - (pta + plength)
            close = 0 <= ref_gap <= MAX_GAP and 0 <= said_gap <= MAX_GAP
            if close and abs(ref_gap - said_gap) <= max(SLACK, (ref_gap + said_gap) // 3):
                last = out.pop()
                out.append((last[0], ra, last[2], ta))
        out.append((ra, ra + length, ta, ta + length + SLACK))
        previous = (ra, ta, length)
    return out


def _chain(ordered: Sequence[Anchor]) -> list[int]:
    """Indices of the runs (sorted by article position) that go forward in both texts,
    the chain with the most units."""
    best: list[int] = []
    back: list[int] = []
    for i, (ra, ta, length) in enumerate(ordered):
        score, link = length, -1
        for j in range(max(0, i - MAX_CHAIN_LOOKBACK), i):
            rj, tj, lj = ordered[j]
            if rj + lj <= ra + SLACK and tj + lj <= ta + SLACK and best[j] + length > score:
                score, link = best[j] + length, j
        best.append(score)
        back.append(link)
    if not best:
        return []
    i = max(range(len(best)), key=lambda k: (best[k], -k))
    out = []
    while i >= 0:
        out.append(i)
        i = back[i]
    return out[::-1]


def proper_nouns(references: Sequence[Reference]) -> dict[str, str]:
    """Lowercase word -> the articles' spelling, for words capitalised mid-sentence every time.

    >>> proper_nouns([Reference("a", "", "Then Kessel met the board of Norvia. kessel left.")])
    {'norvia': 'Norvia'}
    """
    seen: dict[str, dict[str, int]] = {}
    lower: set[str] = set()
    opening: list[tuple[str, str]] = []
    for ref in references:
        text = ref.text
        words = text_words(text)
        for k, word in enumerate(words.words):
            if not word[:1].isalpha():
                continue
            low = word.lower()
            if word == low:
                lower.add(low)
                continue
            if opens_sentence(text, words, k):
                if k + 1 < len(words.words) and text[words.ends[k] : words.starts[k + 1]] == " ":
                    opening.append((word, words.words[k + 1].lower()))
                continue
            seen.setdefault(low, {}).setdefault(word, 0)
            seen[low][word] += 1
    nouns = {
        low: max(sorted(spellings), key=lambda s: spellings[s])
        for low, spellings in sorted(seen.items())
        if low not in lower and low != "i"
    }
    # A first name only ever opening a sentence ("Tobias Pryor was…") is a name where a
    # name follows it, unless an everyday word ("Asked Pryor…").
    for word, after in opening:
        low = word.lower()
        if after in nouns and low not in lower and low not in nouns and zipf(low) < FIRST_NAME:
            nouns[low] = word
    return dict(sorted(nouns.items()))


def readable_corrections(
    transcript: Transcript,
    references: Sequence[Reference],
    anchors: Sequence[Sequence[Anchor]],
    corrections: Sequence[Correction],
    *,
    apply: bool = True,
    model: SentenceModel | None = None,
) -> tuple[Correction, ...]:
    """``corrections`` with casing and punctuation added: the readable transcript's changes.

    Applied corrections that produce words (a repaired name, the word a
    stutter leaves) keep their kind and take the casing and punctuation of
    their place in their corrected text; every other word that changes gets a
    ``casing`` or ``punctuation`` correction of its own.
    """
    model = model or default_model()
    units = spoken_units(transcript, corrections)
    if not units:
        return tuple(corrections)
    forms = article_forms(transcript, references, anchors)
    nouns = proper_nouns(references)
    punctuated = _punctuated(units)
    marks, ends, sources = _marks(units, forms, model, punctuated)
    opens = [True, *ends[:-1]]
    # A word a stutter or filler leaves ("um kieran" → "kieran") is cased like any word.
    texts = [
        _cased(u, forms, nouns, model, opens[n], punctuated)
        if u.correction is None or corrections[u.correction].kind == "disfluency"
        else u.text
        for n, u in enumerate(units)
    ]
    texts = [_capital(t) if opens[n] else t for n, t in enumerate(texts)]
    out = list(corrections)
    for n, u in enumerate(units):
        new_punct = marks[n] if u.correction is None or not u.punct else u.punct
        new = texts[n] + new_punct
        if u.correction is not None:
            if new != u.text + u.punct:
                out[u.correction] = replace(out[u.correction], corrected=texts[n] + marks[n])
            continue
        if new == u.text + u.punct:
            continue
        form = forms.get(u.first)
        kind: CorrectionKind = "punctuation" if new_punct != u.punct else "casing"
        # A capital after a sentence end is as sure as that end.
        sure = sources[n] if kind == "punctuation" else sources[n - 1] if n and opens[n] else 1.0
        out.append(
            Correction(
                u.first,
                u.last,
                u.text + u.punct,
                new,
                kind,
                1.0 if form else sure,
                apply,
                u.start,
                u.end,
                (Evidence(form.reference, form.context),) if form else (),
            )
        )
    return tuple(sorted(out, key=lambda c: (c.first, c.last)))


def _marks(
    units: Sequence[Unit], forms: dict[int, Form], model: SentenceModel, punctuated: bool
) -> tuple[list[str], list[bool], list[float]]:
    """The punctuation after each word, whether a sentence ends there, and how sure that is."""
    n = len(units)
    named = named_speakers(units)
    marks = [u.punct for u in units]
    sure = [1.0] * n
    ends = [False] * n
    since = 0
    for k, u in enumerate(units):
        since += 1
        form = forms.get(u.first) if u.correction is None else None
        if form is not None and form.closes:
            form = None
        nxt = units[k + 1] if k + 1 < n else None
        nxt_form = forms.get(nxt.first) if nxt is not None and nxt.correction is None else None
        # Where the article's words stop being said, its mark after the last one is where
        # its own sentence goes on: the recogniser's mark says more ("committee. we have").
        edge = punctuated and nxt is not None and nxt_form is None
        article_end = form is not None and form.punct[-1:] in _SENTENCE_MARKS
        # Where the speaker goes on with words the article has not, the article's sentence
        # end there is the model's to judge (it still counts for one); where another
        # speaker takes over, or the article goes on mid-sentence, the article holds.
        edge = edge or (
            not punctuated
            and form is not None
            and not form.continues
            and article_end
            and nxt is not None
            and nxt.speaker == u.speaker
        )
        if form is not None and form.title:
            # "Dr." as written; "Doctor" said for it takes no point.
            marks[k] = form.punct if form.text.lower() == u.text.lower() else ""
        elif form is not None and not edge:
            marks[k] = form.punct
            ends[k] = article_end
        elif punctuated:
            ends[k] = u.punct[-1:] in _SENTENCE_MARKS
        elif nxt is None or (named and nxt.speaker != u.speaker):
            ends[k] = True  # the end, or another person speaks
        elif nxt_form is not None and not nxt_form.opens:
            ends[k] = False  # the article goes on with the next word mid-sentence
        else:
            b = boundary(units, k, since)
            p = model.probability(b)
            # A sentence the article opens with the next word, or ends with this one where
            # its words stop being said, needs less of the model's evidence.
            opened = nxt_form is not None and nxt_form.sentence
            bar = ENDS_BAR if article_end else OPENS_BAR if opened else 1.0
            ends[k] = p >= model.threshold(b) * bar and not _lone_word_left(units, k, named)
            sure[k] = round(p if ends[k] else 1 - p, 2)
        if ends[k]:
            since = 0
        if (form is None or (edge and not form.title)) and not punctuated:
            stripped = u.punct.rstrip(".?!…")
            marks[k] = stripped + "." if ends[k] else stripped
    if not punctuated:
        _questions_and_commas(units, forms, model, marks, ends)
    return marks, ends, sure


_ALONE = frozenset(
    "yes yeah yep no nope okay ok right sure thanks absolutely exactly indeed correct agreed "
    "fine true great good".split()
)
"""Words that make a sentence on their own."""


def _lone_word_left(units: Sequence[Unit], k: int, named: bool) -> bool:
    """Whether ending a sentence after word ``k`` leaves one word before a sure end (the
    last word, or a named speaker's last): "…on the tidal. Barrier." Only a word that
    makes a sentence alone ("…we will. Thanks.") may stand so."""
    if k + 1 >= len(units):
        return False
    last = k + 2 == len(units) or (named and units[k + 2].speaker != units[k + 1].speaker)
    return last and key(units[k + 1].text) not in _ALONE


_DIARISED = re.compile(r"(?i)(spk|spkr|speaker|s)?[\s_-]*\d+|[a-z]")
"""Labels a recogniser's diarisation gives ("spk_0", "SPEAKER_01", "Speaker 2", "A")."""


def named_speakers(units: Sequence[Unit]) -> bool:
    """Whether the transcript names who speaks ("Chair", "Dr Lowe"): then a turn ends a
    sentence. A recogniser's diarised turns do not (on the fitting calls, 5% of them fall
    on a sentence end): their labels are numbers or letters."""
    labels = {u.speaker for u in units if u.speaker}
    return len(labels) > 1 and not any(_DIARISED.fullmatch(label.strip()) for label in labels)


_QUESTION_CLITIC = re.compile(r"'(?:s|re|d|ll)$")
"""What a question word may carry and still open a question ("how's", "what're")."""


def _questions_and_commas(
    units: Sequence[Unit],
    forms: dict[int, Form],
    model: SentenceModel,
    marks: list[str],
    ends: list[bool],
) -> None:
    """A question mark for a sentence that opens with a question word; a comma after an opener."""
    first = 0
    for k in range(len(units)):
        if not ends[k]:
            continue
        opener = units[first]
        free = opener.correction is None and opener.first not in forms
        if k > first and free and not marks[first] and key(opener.text) in model.commas:
            marks[first] = ","
        if (
            _QUESTION_CLITIC.sub("", key(opener.text)) in model.questions
            and units[k].first not in forms
            and marks[k].endswith(".")
        ):
            marks[k] = marks[k][:-1] + "?"
        first = k + 1


def _cased(
    u: Unit,
    forms: dict[int, Form],
    nouns: dict[str, str],
    model: SentenceModel,
    opens: bool,
    punctuated: bool,
) -> str:
    """A word's casing: the article's at this place, a proper noun's, "I", or as it stands."""
    form = forms.get(u.first)
    text = u.text
    low = text.lower()
    if key(low) in _I_FORMS:
        return "I" + text[1:]  # "I" opening an article's quote too
    if form is not None:
        if form.text.lower() == low and not form.opens:
            return form.text
        if form.opens or opens:
            return nouns.get(low, text)
        head = text[:1].upper() if form.text[:1].isupper() else text[:1].lower()
        return head + text[1:]
    if low in nouns and text in (low, low.capitalize()):
        return nouns[low]
    if text != low:
        return text
    if "-" in low:
        # "ingersoll-rand": each part a proper noun of the articles is cased as they case it.
        return "-".join(nouns.get(part, part) for part in low.split("-"))
    if not punctuated and low in model.capitalised:
        return model.capitalised[low]
    return text


def _capital(text: str) -> str:
    for n, ch in enumerate(text):
        if ch.isalpha():
            return text[:n] + ch.upper() + text[n + 1 :]
        if ch.isdigit():
            return text
    return text


def _form(
    ref: Reference, starts: Sequence[int], ends: Sequence[int], words: Sequence[str], k: int
) -> Form:
    text = ref.text
    after = text[ends[k] : starts[k + 1]] if k + 1 < len(words) else text[ends[k] :]
    glued = after.split()[0] if after.strip() else ""
    punct = "".join(c for c in glued if c in ".,?!;:")
    # 'low," she said': that comma is the article's; where the speaker's sentence ends is open.
    closes = punct[:1] == "," and bool(_CLOSING.search(glued) or _ASIDE.match(text, ends[k]))
    if not punct and k + 1 < len(words) and "\n" in after:
        punct = "."
    lo, hi = max(0, k - 4), min(len(words), k + 5)
    return Form(
        words[k],
        punct[:1],
        _opens(text, starts, ends, words, k),
        ref.path,
        text[starts[lo] : ends[hi - 1]],
        _title(words[k], punct),
        closes,
        _opens(text, starts, ends, words, k, _SENTENCE_OPENERS),
    )


def _title(word: str, punct: str) -> bool:
    return punct == "." and word.lower() in TITLE_ABBREVIATIONS


def _opens(
    text: str,
    starts: Sequence[int],
    ends: Sequence[int],
    words: Sequence[str],
    k: int,
    openers: re.Pattern[str] = OPENERS,
) -> bool:
    """Whether word ``k`` opens a sentence (or a quote) in the article; "Dr. Kessel" does not."""
    if k == 0:
        return True
    between = text[ends[k - 1] : starts[k]]
    if _title(words[k - 1], between.strip()):
        return False
    return bool(openers.search(between))


def _width(first_unit: Sequence[int], k: int) -> int:
    return first_unit[k + 1] - first_unit[k]


def _punctuated(units: Sequence[Unit]) -> bool:
    """Whether the recogniser punctuated: a sentence mark at least every 60 words."""
    marks = sum(1 for u in units if u.punct[-1:] in _SENTENCE_MARKS)
    return marks >= max(1, len(units) // 60)


def _numbered_taken(corrections: Sequence[Correction]) -> list[tuple[int, Correction]]:
    """The applied corrections export splices in, with their index in ``corrections``."""
    index = {id(c): n for n, c in enumerate(corrections)}
    return [(index[id(c)], c) for c in taken_corrections(corrections)]
