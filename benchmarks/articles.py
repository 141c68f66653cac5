"""News articles about an event: quotes of every verdict kind, paraphrase, and unrelated reports.

A related article quotes the speech verbatim, edited (a filler or stutter
left out, a function word changed), elided (content words cut between two
said parts), misquoted (a content word replaced, words added, parts
reordered), invents quotes never said, and puts a word or two in scare
quotes. Around the quotes it paraphrases with the names spelled right, which
is the evidence a repair needs. An unrelated article reports another event
of the same speaker: same names, topic and stock phrases, other words.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import LCSseq

from . import vocab
from .asr import Recognized
from .speech import SPEAKER, Event, Word, invented_text
from .world import Entity, Person

QUALIFIERS = frozenset("not never no nearly almost hardly barely only about cannot".split())
"""Words a faithful quote does not start right after: cutting them changes what it says."""

KINDS = ("verbatim", "edited", "elided", "misquote", "not_found", "ignored")
WEIGHTS = (0.30, 0.15, 0.15, 0.15, 0.12, 0.13)


@dataclass(frozen=True)
class QuoteTruth:
    """A quote as written, the verdict it deserves, and when its source words were said."""

    text: str
    expected: str
    detail: str
    start: float | None = None
    end: float | None = None


@dataclass(frozen=True)
class Article:
    name: str
    related: bool
    text: str
    quotes: tuple[QuoteTruth, ...]


def norm(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum() or c == "'")


def _qualifies(word: str) -> bool:
    """A word a quote must not be cut after: it turns round or hedges what follows."""
    low = word.lower().replace("’", "'")
    return low in QUALIFIERS or low.endswith("n't")


class Said:
    """The clean speech with the lookups quote picking needs."""

    def __init__(self, words: Sequence[Word], rec: Recognized | None = None) -> None:
        self.words = list(words)
        self.keys = [norm(w.text) for w in self.words]
        self.times = rec.clean_times if rec else None
        self.grams: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for i in range(len(self.keys) - 3):
            self.grams[tuple(self.keys[i : i + 4])].append(i)
        self.sentences: list[tuple[int, int]] = []  # the speaker's sentences, [start, end)
        for i, w in enumerate(self.words):
            if i and self.words[i - 1].sentence == w.sentence:
                continue
            if w.speaker == SPEAKER:
                self.sentences.append((i, i + 1))
        for k, (s, _) in enumerate(self.sentences):
            e = s
            while e < len(self.words) and self.words[e].sentence == self.words[s].sentence:
                e += 1
            self.sentences[k] = (s, e)
        # Every sentence (any speaker), and the sentences each content word is in.
        self.sentence_spans: list[tuple[int, int]] = []
        self.by_word: dict[str, set[int]] = defaultdict(set)
        for i, w in enumerate(self.words):
            if i == 0 or self.words[i - 1].sentence != w.sentence:
                self.sentence_spans.append((i, i + 1))
            else:
                self.sentence_spans[-1] = (self.sentence_spans[-1][0], i + 1)
            if self.keys[i] not in vocab.FUNCTION_WORDS:
                self.by_word[self.keys[i]].add(len(self.sentence_spans) - 1)
        self.disfluent: set[int] = set()  # clean words said after a filler or stutter
        self.kept: set[int] = set()  # ... that the recogniser wrote down
        if rec:
            kept_asr = {a for g in rec.groups if g.kind in ("filler", "stutter") for a in g.asr}
            spoken = rec.spoken
            asr_of = _asr_index(rec)
            for k, item in enumerate(spoken):
                if item.kind in ("filler", "stutter"):
                    nxt = next((x.clean for x in spoken[k + 1 :] if x.clean is not None), None)
                    if nxt is not None:
                        self.disfluent.add(nxt)
                        if asr_of.get(k) in kept_asr:
                            self.kept.add(nxt)

    def unique(self, s: int, e: int) -> bool:
        """Whether words ``[s, e)`` occur only once in the speech."""
        if e - s < 4:
            return False
        key = self.keys[s:e]
        hits = [p for p in self.grams.get(tuple(key[:4]), ()) if self.keys[p : p + len(key)] == key]
        return hits == [s]

    def overlap(self, text: str, n: int = 4) -> float:
        """Share of ``text``'s words inside an ``n``-gram that the speech also has."""
        keys = [norm(t) for t in text.split()]
        covered = [False] * len(keys)
        for i in range(len(keys) - n + 1):
            gram = tuple(keys[i : i + n])
            if (n == 4 and gram in self.grams) or (n != 4 and self._has(gram)):
                for j in range(i, i + n):
                    covered[j] = True
        return sum(covered) / len(keys) if keys else 0.0

    def closest(self, text: str) -> float:
        """The largest share of ``text``'s words said in order within one sentence."""
        keys = [norm(t) for t in text.split()]
        content = {k for k in keys if k not in vocab.FUNCTION_WORDS}
        # A sentence close to it shares some of its rarer words: look only there.
        rare = sorted(content, key=lambda k: (len(self.by_word.get(k, ())), k))[:3]
        candidates = {s for k in rare for s in self.by_word.get(k, ())}
        best = 0
        for s in candidates:
            a, b = self.sentence_spans[s]
            best = max(best, LCSseq.similarity(keys, self.keys[a:b]))
        return best / len(keys) if keys else 0.0

    def _has(self, gram: tuple[str, ...]) -> bool:
        return any(self.keys[p : p + len(gram)] == list(gram) for p in self.grams.get(gram[:4], ()))

    def span_time(self, s: int, e: int) -> tuple[float | None, float | None]:
        if not self.times:
            return None, None
        return self.times[s][0], self.times[e - 1][1]

    def clean_span(self, s: int, e: int) -> bool:
        """One turn of the speaker, no filler or stutter inside."""
        turn = all(w.speaker == SPEAKER for w in self.words[s:e])
        return turn and not any(i in self.disfluent for i in range(s + 1, e))


def _asr_index(rec: Recognized) -> dict[int, int]:
    """Spoken filler/stutter position -> its recogniser word (when written down)."""
    out: dict[int, int] = {}
    disfl = [k for k, s in enumerate(rec.spoken) if s.kind in ("filler", "stutter")]
    groups = [g for g in rec.groups if g.kind in ("filler", "stutter")]
    for k, g in zip(disfl, groups):
        if g.asr:
            out[k] = g.asr[0]
    return out


def render(words: Sequence[Word]) -> str:
    text = " ".join(w.text + w.punct for w in words)
    return text.rstrip(",.?;:")


class Writer:
    """Writes the articles of one data set (one random stream, so everything is reproducible)."""

    def __init__(self, rng: random.Random, event: Event, said: Said) -> None:
        self.rng = rng
        self.event = event
        self.said = said
        self.speaker = event.world.speaker
        self.deck: list[str] = []

    # -- quote kinds ------------------------------------------------------------------------

    def next_kind(self) -> str:
        """Each kind once (in random order), then by weight: small sets still see every kind."""
        if not self.deck:
            self.deck = list(KINDS)
            self.rng.shuffle(self.deck)
            self.deck += self.rng.choices(KINDS, WEIGHTS, k=400)
            self.deck.reverse()
        return self.deck.pop()

    def quote(self, kind: str, used: set[int]) -> QuoteTruth:
        make: dict[str, Callable[[set[int]], QuoteTruth | None]] = {
            "verbatim": self._verbatim,
            "edited": self._edited,
            "elided": self._elided,
            "misquote": self._misquote,
            "not_found": lambda _used: self._invented(),
            "ignored": lambda _used: self._scare(),
        }
        for k in (kind, "verbatim", "not_found"):
            q = make[k](used)
            if q is not None:
                return q
        return self._scare()

    def _span(
        self, lo: int, hi: int, used: set[int], ok: Callable[[int, int], bool]
    ) -> tuple[int, int] | None:
        """A passage a writer would quote: whole sentences of one turn, sometimes trimmed."""
        rng, said = self.rng, self.said
        words = said.words
        for _ in range(80):
            k = rng.randrange(len(said.sentences))
            s, e = said.sentences[k]
            more = rng.choice((0, 0, 1, 1, 2))
            while more and k + 1 < len(said.sentences) and said.sentences[k + 1][0] == e:
                k += 1
                e = said.sentences[k][1]
                more -= 1
            r = rng.random()
            commas = [i + 1 for i in range(s, e - 4) if words[i].punct == ","]
            if r < 0.15 and commas:
                s = rng.choice(commas)  # from a clause on
            elif r < 0.3:
                s += rng.randint(1, 3)  # "... that [the plan is fair]"
            while s > 0 and not words[s - 1].punct and _qualifies(words[s - 1].text):
                s -= 1  # "[we will] not [accept it]" cut after "not" would say the opposite
            if rng.random() < 0.15:
                ends = [i + 1 for i in range(s + lo - 1, e - 1) if words[i].punct == ","]
                if ends:
                    e = rng.choice(ends)
            if not lo <= e - s <= hi or any(i in used for i in range(s - 2, e + 2)):
                continue
            if said.unique(s, e) and ok(s, e):
                used.update(range(s, e))
                return s, e
        return None

    def _truth(self, text: str, expected: str, detail: str, s: int, e: int) -> QuoteTruth:
        start, end = self.said.span_time(s, e)
        return QuoteTruth(text, expected, detail, start, end)

    def _verbatim(self, used: set[int]) -> QuoteTruth | None:
        span = self._span(6, 30, used, self.said.clean_span)
        if span is None:
            return None
        s, e = span
        return self._truth(render(self.said.words[s:e]), "verbatim", "verbatim", s, e)

    def _edited(self, used: set[int]) -> QuoteTruth | None:
        said = self.said
        if self.rng.random() < 0.5 and said.kept:

            def has_disfluency(s: int, e: int) -> bool:
                turn = all(w.speaker == SPEAKER for w in said.words[s:e])
                return turn and any(i in said.kept for i in range(s + 1, e))

            span = self._span(6, 26, used, has_disfluency)
            if span:
                s, e = span
                return self._truth(render(said.words[s:e]), "edited", "edited:disfluency", s, e)

        def swappable(s: int, e: int) -> bool:
            inner = said.words[s + 1 : e - 1]
            swap = any(w.text.lower() in vocab.FUNCTION_SWAPS for w in inner)
            return said.clean_span(s, e) and swap

        span = self._span(6, 26, used, swappable)
        if span is None:
            return None
        s, e = span
        words = list(said.words[s:e])
        options = [
            j for j in range(1, len(words) - 1) if words[j].text.lower() in vocab.FUNCTION_SWAPS
        ]
        j = self.rng.choice(options)
        w = words[j]
        if self.rng.random() < 0.3 and w.text.lower() in ("the", "that", "just", "very"):
            del words[j]
            detail = "edited:function-dropped"
        else:
            words[j] = Word(vocab.FUNCTION_SWAPS[w.text.lower()], w.punct)
            detail = "edited:function-swapped"
        return self._truth(render(words), "edited", detail, s, e)

    def _elided(self, used: set[int]) -> QuoteTruth | None:
        said, rng = self.said, self.rng

        def cut(s: int, e: int) -> tuple[int, int] | None:
            """Where the writer cuts: after a said part of 4+ words, 3+ words with content."""
            n = e - s
            if n < 12 or not all(w.speaker == SPEAKER for w in said.words[s:e]):
                return None
            bounds = [i + 1 - s for i in range(s + 3, e - 7) if said.words[i].punct]
            a = rng.choice(bounds) if bounds and rng.random() < 0.6 else rng.randint(4, n - 8)
            g = rng.randint(3, min(12, n - a - 4))
            gap = said.words[s + a : s + a + g]
            content = sum(1 for w in gap if w.text.lower() not in vocab.FUNCTION_WORDS)
            return (a, g) if content >= 2 else None

        chosen: dict[str, tuple[int, int]] = {}

        def ok(s: int, e: int) -> bool:
            c = cut(s, e)
            if c:
                chosen["cut"] = c
            return c is not None

        span = self._span(12, 40, used, ok)
        if span is None:
            return None
        s, e = span
        a, g = chosen["cut"]
        first, second = said.words[s : s + a], said.words[s + a + g : e]
        mark = rng.choice((" … ", " ... ", " […] ", " "))
        text = render(first) + mark + render(second)
        detail = "elided:plain" if mark == " " else "elided:marked"
        return self._truth(text, "elided", detail, s, e)

    def _misquote(self, used: set[int]) -> QuoteTruth | None:
        said = self.said
        span = self._span(
            8, 26, used, lambda s, e: all(w.speaker == SPEAKER for w in said.words[s:e])
        )
        if span is None:
            return None
        s, e = span
        words = list(said.words[s:e])
        how = self.rng.choice(("replace", "add", "reorder"))
        content = [
            j
            for j in range(1, len(words) - 1)
            if words[j].entity is None
            and not words[j].number
            and words[j].text.lower() not in vocab.FUNCTION_WORDS
        ]
        if how == "reorder":
            cuts = [j + 1 for j in range(2, len(words) - 3) if words[j].punct]
            cut = self.rng.choice(cuts) if cuts else len(words) // 2
            head, tail = words[:cut], words[cut:]
            text = render(tail) + ", " + _lower_first(render(head))
        elif how == "add":
            spots = [j for j in content if words[j - 1].text.lower() in ("the", "a", "our")]
            if not spots:
                spots = content or [len(words) // 2]
            j = self.rng.choice(spots)
            words.insert(j, Word(self.rng.choice(vocab.MISQUOTE_WORDS[-7:])))
            text = render(words)
        else:
            j = self.rng.choice(content or [len(words) // 2])
            w = words[j]
            words[j] = Word(self.rng.choice(vocab.MISQUOTE_WORDS[:14]), w.punct)
            text = render(words)
        return self._truth(text, "misquote", f"misquote:{how}", s, e)

    def _invented(self) -> QuoteTruth | None:
        for _ in range(40):
            text = invented_text(self.rng, self.event).rstrip(".")
            n = len(text.split())
            # A stock phrase may appear in it, but most of it was never said,
            # and it is no distortion of a sentence that was (that is a misquote).
            if 6 <= n <= 24 and self.said.overlap(text) <= 0.5 and self.said.closest(text) <= 0.6:
                return QuoteTruth(text, "not_found", "invented")
        return None

    def _scare(self) -> QuoteTruth:
        topic = self.event.world.topic
        text = self.rng.choice(
            (
                self.rng.choice(vocab.ADJECTIVES),
                self.rng.choice(vocab.MISQUOTE_WORDS),
                f"{self.rng.choice(vocab.ADJECTIVES)} {self.rng.choice(topic['nouns']).split()[0]}",
            )
        )
        return QuoteTruth(text, "ignored", "scare")

    # -- prose ------------------------------------------------------------------------------

    def names(self) -> dict[str, str]:
        """Slot values for one paraphrase sentence, names spelled right."""
        rng = self.rng
        ev = self.event
        pool: Sequence[Person] = ev.cast if rng.random() < 0.85 else ev.world.people
        p = rng.choice(pool)
        org = rng.choice(ev.orgs if rng.random() < 0.85 else ev.world.orgs)
        place = rng.choice(ev.places)
        sp = self.speaker
        return {
            "sfull": sp.full,
            "slast": sp.last.text,
            "srole": sp.role,
            "sorg": _the(sp.org),
            "full": p.full,
            "last": p.last.text,
            "role": p.role,
            "porg": _the(p.org),
            "org": _the(org),
            "Org": _the(org, cap=True),
            "place": place.text,
            "tnoun": rng.choice(ev.world.topic["nouns"]),
            "topic": ev.world.topic["name"][0],
            "weekday": rng.choice(vocab.WEEKDAYS),
            "month": rng.choice(vocab.MONTHS),
            "num": str(rng.choice((2, 3, 4, 5, 6, 10, 12, 20))),
            "outlet": rng.choice(vocab.OUTLETS),
            "adj": rng.choice(ev.world.topic.get("adjectives", vocab.ADJECTIVES)),
            "noun": rng.choice(ev.world.topic.get("general_nouns", vocab.GENERAL_NOUNS)),
        }

    def sentence(self, templates: Sequence[str]) -> str:
        text = self.rng.choice(templates).format(**self.names())
        return text[0].upper() + text[1:]

    def attribution(self, q: QuoteTruth, curly: bool) -> str:
        o, c = ("“", "”") if curly else ('"', '"')
        slots = self.names()
        if q.detail == "scare":
            return self.rng.choice(SCARE_FRAMES).format(o=o, c=c, q=q.text, **slots)
        frame = self.rng.choice(QUOTE_FRAMES)
        text = q.text
        if frame.startswith("{o}"):
            text = text[0].upper() + text[1:]
        return frame.format(o=o, c=c, q=text, **slots)


def _the(org: Entity, *, cap: bool = False) -> str:
    return ("The " if cap else "the ") + org.text


def _lower_first(text: str) -> str:
    first = text.split(" ", 1)[0]
    if first == "I" or first[:1].islower() or len(first) < 2 or not first[1:].islower():
        return text
    return text[0].lower() + text[1:]


QUOTE_FRAMES = (
    "{o}{q},{c} {slast} said.",
    "{o}{q},{c} the {srole} told reporters.",
    "{slast} said: {o}{q}.{c}",
    "{o}{q},{c} {slast} added.",
    "Asked about {tnoun}, {slast} said: {o}{q}.{c}",
    "Speaking in {place}, the {srole} said {o}{q}.{c}",
    "{o}{q},{c} said {sfull}.",
    "According to {slast}, {o}{q}.{c}",
)
SCARE_FRAMES = (
    "{slast} described the {tnoun} as {o}{q}{c}.",
    "The {srole} called the latest {noun} {o}{q}{c}.",
    "Critics have called the {tnoun} {o}{q}{c}, a word {slast} rejected.",
)
LEDES = (
    "{sfull}, the {srole} of {sorg}, spoke to reporters in {place} on {weekday} about {topic}.",
    "{place} — {sfull} on {weekday} defended the handling of {topic} at a press conference.",
    "The {srole} of {sorg}, {sfull}, held a briefing on {topic} on {weekday}.",
)
PARAPHRASE = (
    "{slast} said {full} of {porg} had been kept informed throughout.",
    "{full}, the {role} of {porg}, is expected to respond later this week.",
    "{slast} said {org} would share the cost of the {tnoun} in {place}.",
    "The {srole} met {full} earlier in the day to discuss the {tnoun}.",
    "{Org} has not commented on the figures.",
    "{full} did not attend the briefing in {place}.",
    "Officials from {org} said the {tnoun} in {place} needed urgent work.",
    "{slast} repeatedly mentioned {full} and {org} when discussing {topic}.",
    "The {srole} also referred to talks with {full} in {place}.",
    "A spokesperson for {org} confirmed that {full} would travel to {place} in {month}.",
)
BACKGROUND = (
    "The {tnoun} has been at the centre of public debate for {num} months.",
    "Opposition parties have called for an independent inquiry into {topic}.",
    "Residents have complained for years about the state of the {tnoun}.",
    "Analysts expect the issue to dominate the next session of parliament.",
    "The government is under pressure to publish its assessment before {month}.",
    "Local groups say the {noun} came too late for many families.",
    "Earlier this year, a report by {outlet} found serious problems with the {tnoun}.",
    "The cost of the {tnoun} has risen sharply since last {month}.",
    "Unions and business groups have both criticised the {adj} {noun}.",
    "The briefing lasted about {num} minutes and ended with questions from reporters.",
    "It was the {srole}'s first public appearance since the {noun} was announced.",
    "Critics argue that the {noun} does not go far enough.",
)
TITLES = (
    "{slast} defends plan on {topic}",
    "{slast} promises action on the {tnoun} in {place}",
    "{srole} {slast} under pressure over {topic}",
    "What {slast} said about the {tnoun}",
)


BACKGROUND_INTROS = (
    "",
    "Meanwhile, ",
    "Separately, ",
    "Last week, ",
    "In a statement, ",
    "For now, ",
    "At the same time, ",
)


def related_article(writer: Writer, name: str, n_quotes: int, words: int) -> Article:
    """An article about this event: quotes of every kind among paraphrase and background."""
    used: set[int] = set()
    quotes = [writer.quote(writer.next_kind(), used) for _ in range(n_quotes)]
    return Article(name, True, compose(writer, quotes, words), tuple(quotes))


def unrelated_article(writer: Writer, name: str, n_quotes: int, words: int, ours: Said) -> Article:
    """An article about another event (``writer`` holds that event's speech).

    Its quotes were said there, not here; one may be a stock phrase the
    speaker says everywhere, which is said here too but proves nothing. A
    quote of that event is kept only when it is no near-copy of something said
    here (no six words in a row, at most 60% of its words in order within one
    sentence), so that "not found" is the only right verdict for it.
    """
    rng = writer.rng
    used: set[int] = set()
    quotes: list[QuoteTruth] = []
    if rng.random() < 0.3:
        stock = rng.choice([s for s in writer.event.world.stock if len(s.split()) >= 5])
        quotes.append(QuoteTruth(stock[0].upper() + stock[1:], "not_found", "stock-phrase"))
    while len(quotes) < n_quotes:
        kind = rng.choice(("verbatim", "verbatim", "edited", "elided", "misquote", "ignored"))
        quotes.append(_elsewhere(writer, kind, used, ours))
    return Article(name, False, compose(writer, quotes, words), tuple(quotes))


def roundup_article(writer: Writer, other: Writer, name: str, ours: Said) -> Article:
    """A round-up: this event in two or three neighbouring paragraphs, another event's
    around them (``other`` holds that event's speech), sometimes with the speaker's
    stock phrase among them.

    It reports this event, so it must be aligned; its quotes of this event get
    their verdicts and the other event's stay ``not_found``.
    """
    rng = writer.rng
    used: set[int] = set()
    kinds = ("verbatim", "verbatim", "edited", "elided", "misquote")
    mine = [writer.quote(rng.choice(kinds), used) for _ in range(rng.randint(2, 3))]
    theirs: set[int] = set()

    def elsewhere() -> list[QuoteTruth]:
        out = [
            _elsewhere(other, rng.choice(("verbatim", "edited", "misquote")), theirs, ours)
            for _ in range(rng.randint(1, 2))
        ]
        if rng.random() < 0.3:
            stock = rng.choice([s for s in other.event.world.stock if len(s.split()) >= 5])
            out.append(QuoteTruth(stock[0].upper() + stock[1:], "not_found", "stock-phrase"))
        return out

    before, after = elsewhere(), elsewhere()
    curly = rng.random() < 0.35
    paragraphs = [writer.sentence(LEDES)]
    paragraphs += [other.attribution(q, curly) for q in before]
    paragraphs += [writer.attribution(q, curly) for q in mine]
    paragraphs += [other.attribution(q, curly) for q in after]
    text = writer.sentence(TITLES) + "\n\n" + "\n\n".join(paragraphs) + "\n"
    return Article(name, True, text, (*before, *mine, *after))


def _elsewhere(writer: Writer, kind: str, used: set[int], ours: Said) -> QuoteTruth:
    """A quote of ``kind`` from the other event's speech that is no near-copy of ours."""
    if kind == "ignored":
        return writer._scare()
    for _ in range(25):
        q = writer.quote(kind, used)
        if (
            q.expected != "ignored"
            and ours.overlap(q.text, 6) == 0.0
            and ours.closest(q.text) <= 0.6
        ):
            return QuoteTruth(q.text, "not_found", f"other-event:{q.detail}")
    for _ in range(25):  # that speech keeps echoing this one: a sentence never said here
        text = invented_text(writer.rng, writer.event).rstrip(".")
        if ours.overlap(text) <= 0.5 and ours.closest(text) <= 0.6:
            return QuoteTruth(text, "not_found", "other-event:invented")
    return writer._scare()


def compose(writer: Writer, quotes: Sequence[QuoteTruth], words: int) -> str:
    """Title, lede, quote paragraphs with paraphrase between, background up to ``words``."""
    rng = writer.rng
    curly = rng.random() < 0.35
    title = writer.sentence(TITLES)
    paragraphs = [writer.sentence(LEDES)]
    for q in quotes:
        paragraphs.append(writer.attribution(q, curly))
        if rng.random() < 0.6:
            paragraphs.append(
                " ".join(writer.sentence(PARAPHRASE) for _ in range(rng.randint(1, 2)))
            )
    count = sum(len(p.split()) for p in paragraphs)
    while count < words:
        para = " ".join(_background(writer) for _ in range(rng.randint(2, 4)))
        paragraphs.insert(rng.randint(1, len(paragraphs)), para)
        count += len(para.split())
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def _background(writer: Writer) -> str:
    intro = writer.rng.choice(BACKGROUND_INTROS)
    text = writer.sentence(BACKGROUND)
    return intro + text[0].lower() + text[1:] if intro else text
