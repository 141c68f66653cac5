"""The evidence for one repair, or the guard that forbids it."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from itertools import combinations, pairwise

from ..lexicon import is_function
from ..mishearing import acronyms, letters_written, said_forms
from ..models import Transcript
from ..normalize import text_units, zipf
from ..similarity import is_morph_variant, stem
from .candidates import PARTICLES, Candidate
from .confidence import BlockFit, Features
from .likeness import MIN_SIMILARITY, likeness
from .mishear import misheard
from .spans import Span, bare_vowel, clause_at, end_syllable, open_edge, token_info
from .words import (
    COMMON,
    HONORIFICS,
    MAX_SPAN,
    TITLES,
    VERY_COMMON,
    is_joined,
    name_key,
    name_sound,
)

SLOT_SIMILARITY = 0.6
"""How alike a span said exactly where an aligned article passage has the name must be
(elsewhere: ``likeness.MIN_SIMILARITY``)."""
SPLIT_SIMILARITY = 0.8
"""Common words standing for a name ("van der pool") must be at least this alike…"""
SPLIT_SOUND = 0.9
"""…or sound at least this alike ("cal quo" for "Kalkwo")."""
HEARD_RIGHT = 3
"""A name the transcript spells right this often is known to the recogniser."""
RARE = 3.0
"""A word rarer than this (Zipf) is no word a speaker would say instead of a name."""
BLOCK_MISHEARD = 0.6
"""How plausible a mishearing an aligned block must be (:mod:`.mishear`) to be weighed…"""
ENCLOSED_MISHEARD = 0.5
"""…and one the passage matches on both sides of, more than one side alone gives: the
model's even odds (``mishearing.THRESHOLD``). There only the name was said, so a
mishearing need only be likelier than a genuine change."""
FIRM_MISHEARD = 0.25
"""…and one the passage matches fully on both sides of (:data:`~.aligned.SOLID` units
each side, ``BlockFit.solid`` 1): a quote said word for word all around has nothing but
the name in that place, so a recogniser's odd rendering of it ("kiddie's" for "TID")
need only be somewhat alike ("tired" for "Tayo", "hurt" for "Hoess"); a changed number
still scores 0. On the Earnings-21 fitting calls (Amazon, an article quoting every other
sentence), the repairs taken from 0.25 up to 0.4 were all right."""
QUOTE_MISHEARD = 0.8
"""…and one placed only by a short quote heard whole beside it (``aligned._quote_edge``):
its few words ("thank you") may stand elsewhere nearby, so only words that are clearly the
name misheard ("marrow" for "Marlo") are taken there…"""
ONE_WORD_QUOTE_MISHEARD = 0.95
"""…and all but certainly so when the rest of the quote is one word ("thanks, Merritt")."""
CONTEXT_TOKENS = 12
"""How many words either side of a span in the transcript its context is."""


def _same_family(a: str, b: str) -> bool:
    """Whether one word extends the other's stem (Ukraine/Ukrainians, repower/repowering).

    Two spellings of a name differ inside ("Brannagan"/"Brannigan"); a
    derivation keeps one word whole, or all but its last letter, at the start.
    """
    shared = 0
    for x, y in zip(a, b):
        if x != y:
            break
        shared += 1
    return shared >= 4 and min(len(a), len(b)) - shared <= 1


def _is_word_run(key: str, words: list[str]) -> bool:
    """Whether ``key`` is a run of whole ``words`` glued together."""
    return any(
        "".join(words[i:j]) == key for i in range(len(words)) for j in range(i + 1, len(words) + 1)
    )


def features(
    span: Span,
    cand: Candidate,
    transcript: Transcript,
    known: Mapping[str, int],
    vocabulary: frozenset[str] = frozenset(),
    repeats: dict[str, int] | None = None,
    block: BlockFit | None = None,
    nearby: dict[tuple[int, int], frozenset[str]] | None = None,
) -> Features | None:
    """The evidence for repairing ``span`` as ``cand``, or ``None`` when a guard forbids it.

    ``block``: the span is what the transcript has where the word alignment of
    an aligned passage has the name (:mod:`.aligned`). Then whatever words the
    recogniser wrote may stand for it, common ones included: the guards that
    take a common word for heard right are lifted, those against a genuine
    wording difference (an inflection, a word added or cut, a name the
    articles spell, one real word for another) stay. ``nearby``: see
    :func:`context_overlap`.
    """
    repeats = repeats or {}
    slot = (span.first, span.last) in cand.slots
    if block is not None and (
        respelled(span.text, cand.text) or possessive_respelled(span.text, cand.text, span.suffix)
    ):
        return _respelling(span, cand, transcript, known, repeats, block, slot)
    # The same letters in other words ("oranexbank" / "Oranex Bank") is a name the
    # recogniser glued or split; the same words differently cased is no repair.
    if same_words(span, cand) or _glued(span.key, cand.key):
        return None
    regrouped = span.key == cand.key
    similarity, sound = _likeness(span, cand)
    if block is not None:
        if block.misheard < (
            quote_threshold(block.solid) if block.whole else block_threshold(block.solid)
        ):
            return None
    elif (
        similarity < (SLOT_SIMILARITY if slot else MIN_SIMILARITY)
        and not _misheard_beside(span, cand, transcript, similarity)
    ) or not _edges_fit(span, cand, transcript):
        return None
    if _needless_vowel(span, cand, transcript, similarity):
        return None
    if _clause_edge(span, transcript):
        return None  # "crow thank (you)", "dow please": a clause opens or closes there
    if not _length_fits(span, cand, transcript):
        return None
    cand_words = [name_key(w) for w in cand.text.split()]
    span_words = [name_key(w) for w in span.text.split()]
    neighbour = next_to_rest(span, cand, transcript) or (
        word_for_word(span.text, cand.text) and not _name_goes_on(span, cand, transcript)
    )
    # Where the name stands for sure -- an aligned passage has it there, the rest of the
    # name is beside the words, or every word of a whole name is heard otherwise -- words
    # sounding just like it are its common spelling ("Monroe" for "Monro", "brett
    # kesstad" for "Bret Kesstad"), and so is a word of its family beside a word heard
    # as no word at all ("olivia selquo" for "Olivier Zelkwo"); not another word of its
    # family ("ecological" beside the rest of "Ecologic Brands").
    whole = cand.kind == "name" and _whole_name(span_words, cand_words, neighbour)
    named_here = cand.kind == "name" and (block is not None or whole)
    same_sound = named_here and (
        span.sound == cand.sound
        or (whole and len(span_words) > 1 and any(zipf(w) < RARE for w in span_words))
    )
    if is_morph_variant(span.key, cand.key) and zipf(span.key) >= 1.0 and not same_sound:
        return None  # an inflection of a real word ("facts"); a name cut short is not one
    if not regrouped and (_is_word_run(span.key, cand_words) or _is_word_run(cand.key, span_words)):
        return None  # words added or dropped ("Secretary-General" → "NATO Secretary General")
    if block is not None and not regrouped and set(span_words) & set(cand_words):
        return None  # a word of the name heard right inside the block: words moved, not misheard
    if not regrouped and not shared_in_place(span_words, cand_words):
        return None  # "Alder Transport Air" for "Air Transport": the words said, reordered
    if _text_units(span.text)[:1] in HONORIFICS:
        return None  # "ms walsenlas": the title is no part of the name (mined without one)
    changed = [w for w in span_words if w not in cand_words]
    if any(w in vocabulary for w in changed):
        return None  # spelled as a name or word the articles use: heard right
    common_changed = 0
    one_to_one = len(span_words) == len(cand_words)
    # Beside a word of the name that is no word of English ("olivia Zelkwo"), a word of
    # the name's family is the name misheard; beside a common one ("ecological Brands")
    # it may be the word said.
    pinned = cand.kind == "name" and _rare_rest_beside(span, cand, transcript)
    # A rare word a name starts with is as likely the name cut short ("tamar" for
    # "Tamarek"), unless the recogniser wrote it as a name or term it knows ("Kessel"
    # is not "Kesselring", "CoV" not "COVID").
    real_enough = 3.0 if cand.kind == "name" and span.text.islower() else 1.0
    # A whole name heard word for word with a word garbled otherwise than by an ending
    # ("piers pillow" for "Pierre Pellow") is the name misheard: a word of its family
    # there is no inflection said ("ukrainian railway" for "Ukraine Railways" stays).
    misheard_whole = (
        cand.kind == "name"
        and len(span_words) > 1
        and word_for_word(span.text, cand.text)
        and any(
            w != c and not (is_morph_variant(w, c) or _same_family(w, c))
            for w, c in zip(span_words, cand_words)
        )
    )
    for w in changed:
        if one_to_one and any(c != w and c.startswith(w) and zipf(w) >= 3.0 for c in cand_words):
            return None  # a common word or given name expanded: "Chris" → "Christopher"
        real_word = zipf(w) >= real_enough
        if (
            real_word
            and one_to_one
            and not same_sound
            and not pinned
            and not misheard_whole
            and any(is_morph_variant(w, c) or _same_family(w, c) for c in cand_words)
        ):
            return None  # a real word of the family: "facts"/"fact", "Ukrainians"/"Ukraine"
        if zipf(w) >= COMMON and one_to_one:
            common_changed += 1  # a split name is made of common words: that is expected
    if not changed:
        return None
    if (
        block is None
        and span.suspicion == 0
        and not span.capitalised
        and similarity < SPLIT_SIMILARITY
        and sound < SPLIT_SOUND
        and not neighbour
        and not slot
    ):
        return None  # common words only: they must sound very much like the name
    real = max((zipf(w) for w in changed if not is_function(w)), default=0.0)
    if (
        block is None
        and one_to_one
        and real >= COMMON
        and known.get(cand.key, 0) >= HEARD_RIGHT
        and not neighbour
    ):
        return None  # the recogniser spells this name right again and again: a word
        # as common as this one in its place was said ("that Nate that", a false start),
        # unless the rest of the name is right beside it ("crystal Tamwitz")
    split = len(span_words) != len(cand_words)
    placed = span.title_before or neighbour or slot
    if block is None and real >= VERY_COMMON and not (split and sound >= SPLIT_SOUND and placed):
        return None  # "help", "things": words like these are heard right, unless they
        # sound out a name where one stands ("mister pet saw" for "Mr. Petsau")
    if block is None and not placed and _name_for_name(span, cand, span_words):
        return None  # "Harrison" for "Morrison", "Peter" for "Petra": another name
    # "Sal Ta Va" is "Saltava", "fin ra" is "FINRA" (an acronym said as syllables);
    # "cash flow" stays, unless the article writes "Cashflow" as a name.
    # The same letters as a name the article writes as one ("pen hallow", "Penhallow").
    coined = regrouped and (
        zipf(cand.key) < (2.0 if cand.kind == "name" else 1.0) or cand.text.isupper()
    )
    # Where an aligned passage has a name, a common word inside it is the name with a
    # sound lost ("fire" for "Spire"; one it starts with may be the name cut short).
    lost = block is not None and cand.kind == "name" and not cand.key.startswith(span.key)
    # A derivation adds letters at one end ("ukrainians"); a name heard inside a longer
    # word has letters added on both sides ("wrapping" for "Rappin").
    inside = named_here and span.key.find(cand.key) > 0 and not span.key.endswith(cand.key)
    affix = not same_sound and (
        (span.key in cand.key and not lost) or (cand.key in span.key and not inside)
    )
    if real >= real_enough and not coined and affix:
        return None  # a real word with an affix added or cut: "powering" is not "repowering"
    if cand.kind == "word" and real >= 1.5 and not split:
        return None  # one real word for another ("megawatts"/"gigawatts"): both exist
    context = context_overlap(span, cand, transcript, nearby)
    in_parts = cand.kind == "name" and heard_in_parts(span.text, cand.text)
    # A name made of common words ("United States") heard as other common words
    # ("initial estimates") may be words said: only a name with a word of its own counts.
    own_word = any(zipf(w) < COMMON for w in cand_words)
    placed_here = _named_here(
        pinned,
        own_word
        and (
            (whole and not _name_goes_on(span, cand, transcript))
            or (in_parts and not _cut(span, cand, transcript))
        ),
        span_words,
    )
    return Features(
        similarity=similarity,
        sound=sound,
        suspicion=span.suspicion,
        common_changed=common_changed,
        context=context,
        title=span.title_before,
        capitalised=span.capitalised,
        count=cand.count,
        known=known.get(cand.key, 0) > 0,
        real_word=real,
        name=cand.kind == "name",
        split=split,
        length=len(cand.key),
        repeats=repeats.get(span.key, 0),
        neighbour=neighbour,
        aligned=any(abs(span.first - p) <= 2 for p in cand.placed),
        slot=slot,
        regrouped=regrouped,
        cut=span.suspicion > 0 and cand.key.startswith(span.key),
        block=block is not None,
        solid=block.solid if block else 0.0,
        misheard=block.misheard if block else 0.0,
        named=misheard(cand.text, span.text) if placed_here else 0.0,
    )


def _likeness(span: Span, cand: Candidate) -> tuple[float, float]:
    """How alike the span and the name are in spelling and sound; a letter the recogniser
    wrote alone as its name ("C" as "see" for "Sea", "um X" as "um ex" for "Amex")."""
    best = likeness(span.key, span.sound, cand.key, cand.sound)
    lettered, forms = _heard_forms(span.text)
    if lettered:
        said = forms[-1]
        best = max(best, likeness(said, name_sound(said), cand.key, cand.sound))
    return best


@lru_cache(maxsize=65_536)
def _heard_forms(text: str) -> tuple[bool, tuple[str, ...]]:
    """Whether the words heard hold a letter written alone, and the ways they may sound
    (:func:`~..mishearing.said_forms`): each span is weighed against many names."""
    written = letters_written(text)
    return bool(written), tuple(said_forms([name_key(w) for w in text.split()], written))


def respelled(heard: str, name: str) -> bool:
    """Whether ``heard`` is the very words of a name written as one word said as several
    (``words.is_joined``), written apart: "m and a" for "M&A", "SG and A" for "SG&A"."""
    return is_joined(name) and len(heard.split()) > 1 and _text_units(heard) == _text_units(name)


def possessive_respelled(heard: str, name: str, suffix: str) -> bool:
    """Whether ``heard`` is a name with its possessive (``suffix``, as the article has it
    there) written without the apostrophe: "farrowdales" for "Farrowdale's"."""
    return (
        bool(suffix)
        and "'" not in heard
        and "\u2019" not in heard
        and _text_units(heard) == _text_units(name + suffix)
    )


def _respelling(
    span: Span,
    cand: Candidate,
    transcript: Transcript,
    known: Mapping[str, int],
    repeats: Mapping[str, int],
    block: BlockFit,
    slot: bool,
) -> Features:
    """The evidence for writing a joined name where its words were heard apart in its
    place in an aligned passage. The words are the name's own, so no guard against a
    wording difference applies; how sure the place is decides."""
    return Features(
        similarity=1.0,
        sound=1.0,
        suspicion=span.suspicion,
        common_changed=0,
        context=context_overlap(span, cand, transcript),
        title=span.title_before,
        capitalised=span.capitalised,
        count=cand.count,
        known=known.get(cand.key, 0) > 0,
        real_word=0.0,
        name=cand.kind == "name",
        split=True,
        length=len(cand.key),
        repeats=repeats.get(span.key, 0),
        aligned=any(abs(span.first - p) <= 2 for p in cand.placed),
        slot=slot,
        regrouped=True,
        block=True,
        solid=block.solid,
        misheard=block.misheard,
    )


def _length_fits(span: Span, cand: Candidate, transcript: Transcript) -> bool:
    """Whether the words heard are between half and twice as long as the name, or, for
    an acronym, as the name read letter by letter ("beady eye" for "BDI") with every
    word needed: none at an edge whose dropping makes a likelier reading ("you bs hi"
    for "UBS": "hi" was said beside it). A letter written alone is as long as its name
    ("C" for "Sea")."""
    _, heard = _heard_forms(span.text)
    if any(0.5 <= len(form) / len(cand.key) <= 2.0 for form in heard):
        return True
    if not cand.text.isupper():
        return False
    said = [name_key(w) for w in cand.text.split()]
    spelled = said_forms(said, acronyms(cand.text))[1:]
    if not any(0.5 <= len(h) / len(form) <= 2.0 for form in spelled for h in heard):
        return False
    whole = misheard(cand.text, span.text)
    tokens = transcript.tokens
    for lo, hi in ((span.first + 1, span.last), (span.first, span.last - 1)):
        if hi > lo and misheard(cand.text, " ".join(t.text for t in tokens[lo:hi])) > whole:
            return False
    return True


def block_threshold(solid: float) -> float:
    """How plausible a mishearing the words in a passage's block must be, by how solid
    the alignment around them is: the surer the place, the less alike they need be."""
    if solid >= 1.0:
        return FIRM_MISHEARD
    return ENCLOSED_MISHEARD if solid > 0.5 else BLOCK_MISHEARD


def quote_threshold(solid: float) -> float:
    """How plausible a mishearing the words beside a short quote heard whole must be
    (``BlockFit.whole``), by how many of its words were heard: one (``solid`` below
    0.25: one matched unit of eight) asks for more."""
    return QUOTE_MISHEARD if solid >= 0.25 else ONE_WORD_QUOTE_MISHEARD


def _named_here(pinned: bool, whole: bool, span_words: list[str]) -> bool:
    """Whether the name's place is known outside any passage: one word beside a rest of
    the name that is no common word (``pinned``), or a whole name of several words heard
    one word or run of words for each, not going on into the words beside (``whole``:
    "dorota sipping" for "Dorotea Sippi", "mattie pets guard" for "Matti Petsgard"; not
    "dagney fen" of "dagney fen dough rose")."""
    return (pinned and len(span_words) == 1) or (whole and len(span_words) > 1)


WORD_MISHEARD = 0.75
"""How plausible a mishearing of a word of a name a word away from any aligned passage
must be to stand for it by its place beside the rest of the name alone
(:func:`word_for_word`, :func:`_misheard_beside`): surer than in a passage's block
(:data:`BLOCK_MISHEARD`), as another person may share the rest ("Javier Suarez" is not
"Jose Javier Ruiz")."""


def word_for_word(heard: str, name: str) -> bool:
    """Whether ``heard`` is every word of a name of several words, each heard as one
    word that is a plausible mishearing of it ("olivia selquo" for "Olivier Zelkwo",
    "catherina wrapping" for "Katarzyna Rappin").

    Each word of the name beside another word of it, itself misheard, is the rest of
    the name beside the words: as strong a sign as the rest heard right. A name split
    into more words than it has is left to other evidence: its pieces can as well be
    the start or the end of another name ("sorin bran" of "Soren Brandonko" is not
    "Soren Beretti"). A function word is no word of a name ("the couplets").
    """
    words, parts = name.split(), heard.split()
    if len(words) < 2 or len(parts) != len(words):
        return False
    return all(
        misheard(word, part) >= WORD_MISHEARD and not is_function(name_key(part))
        for word, part in zip(words, parts)
    )


def heard_in_parts(heard: str, name: str) -> bool:
    """Whether ``heard`` is a name of several words heard in more words than it has, in
    one run of words for each of its words, each run a plausible mishearing of its word
    ("mattie pets guard" for "Matti Petsgard"), with no function word at a run's edge.

    Every way of cutting the words into runs is tried: at most :data:`~.words.MAX_SPAN`
    words + 1, so a handful."""
    words, parts = name.split(), heard.split()
    if len(words) < 2 or not len(words) < len(parts) <= MAX_SPAN + 1:
        return False
    for cuts in combinations(range(1, len(parts)), len(words) - 1):
        bounds = (0, *cuts, len(parts))
        runs = [parts[a:b] for a, b in pairwise(bounds)]
        if all(
            not _function_edge(run) and misheard(word, " ".join(run)) >= WORD_MISHEARD
            for word, run in zip(words, runs)
        ):
            return True
    return False


def _function_edge(run: list[str]) -> bool:
    """Whether a run of heard words starts or ends with a function word (a bare vowel
    is a syllable of a name: "oh")."""
    return any(is_function(name_key(w)) and not bare_vowel(w) for w in (run[0], run[-1]))


BESIDE_SIMILARITY = 0.5
"""How alike in spelling and sound a span beside the rest of a name must be at least
before the mishearing model is asked (:func:`_misheard_beside`)."""


def _name_goes_on(span: Span, cand: Candidate, transcript: Transcript) -> bool:
    """Whether the word after the span makes a likelier mishearing of the name's last
    word with the span's last word ("karen tolley on oh": "tolley" is only the start
    of the words that stand for "Tolliano"), or the word before one of its first word."""
    tokens, words, parts = transcript.tokens, cand.text.split(), span.text.split()
    if span.last < len(tokens):
        longer = f"{parts[-1]} {tokens[span.last].text}"
        if misheard(words[-1], longer) > misheard(words[-1], parts[-1]):
            return True
    if span.first > 0:
        longer = f"{tokens[span.first - 1].text} {parts[0]}"
        if misheard(words[0], longer) > misheard(words[0], parts[0]):
            return True
    return False


def _misheard_beside(
    span: Span, cand: Candidate, transcript: Transcript, similarity: float
) -> bool:
    """Whether the span is one word for each word of the name, beside the rest of the
    name, and a plausible mishearing of it ("kaya Walley" for "Kaja Walley", "Raymond
    willet" for "Raymond Ouellette"): there it is weighed however unlike the name it
    is spelled. A title beside it is no rest of a name, and a function word at its edge
    is a word of its own ("stead and Robert")."""
    tokens = transcript.tokens
    edges = (tokens[span.first].text, tokens[span.last - 1].text)
    return (
        cand.kind == "name"
        and similarity >= BESIDE_SIMILARITY
        and len(span.text.split()) == len(cand.text.split())
        and all(token_info(w)[0] for w in edges)
        and _rest_beside(span, cand, transcript)
        and not _cut(span, cand, transcript)
        and misheard(cand.text, span.text) >= WORD_MISHEARD
    )


def _cut(span: Span, cand: Candidate, transcript: Transcript) -> bool:
    """Whether the span with the word after or before it is a more plausible mishearing
    of the name than the span alone ("port tore via" for "Port Torvia": "tore" is only
    part of it)."""
    tokens = transcript.tokens
    alone = misheard(cand.text, span.text)
    for k in (span.last, span.first - 1):
        if 0 <= k < len(tokens):
            words = [t.text for t in tokens[min(k, span.first) : max(k + 1, span.last)]]
            if misheard(cand.text, " ".join(words)) > alone:
                return True
    return False


def words_beside(span: Span, transcript: Transcript) -> list[str]:
    """The words right before and after the span, as name keys (as a name's neighbours
    in the articles are kept)."""
    tokens = transcript.tokens
    return [name_key(tokens[k].text) for k in (span.first - 1, span.last) if 0 <= k < len(tokens)]


def rest_beside(span: Span, cand: Candidate, transcript: Transcript) -> list[str]:
    """The words right beside the span that are the rest of the name on the side the
    articles give it: the word before among those before the name, the word after among
    those after it ("flood Bond Cold" has "Cold" after "Bond", where "Cold Fern" has it
    before "Fern": no rest of that name)."""
    tokens = transcript.tokens
    out = []
    if span.first > 0 and (w := name_key(tokens[span.first - 1].text)) in cand.before:
        out.append(w)
    if span.last < len(tokens) and (w := name_key(tokens[span.last].text)) in cand.after:
        out.append(w)
    return [w for w in out if w]


def _rest_beside(span: Span, cand: Candidate, transcript: Transcript) -> bool:
    """Whether a word of the name stands right before or after the span (:func:`names_one`)."""
    return any(names_one(w) for w in rest_beside(span, cand, transcript))


def _rare_rest_beside(span: Span, cand: Candidate, transcript: Transcript) -> bool:
    """Whether a word of the name that is no common word stands right beside the span."""
    around = rest_beside(span, cand, transcript)
    return any(zipf(w) < COMMON and names_one(w) for w in around)


def names_one(word: str) -> bool:
    """Whether a word beside a name in the articles is a word of that name only: not a
    title ("Ms", "Dr") nor a particle ("van", "de"), which stand beside many names."""
    return word not in TITLES and word not in PARTICLES and word not in ("mr", "mrs", "dr")


def _whole_name(span_words: list[str], cand_words: list[str], neighbour: bool) -> bool:
    """Whether the words stand for a whole name word for word: one word beside the rest
    of the name ("katarzyna wrapping"), or every word of a name of several heard
    otherwise ("olivia selquo")."""
    if len(span_words) != len(cand_words):
        return False
    if len(span_words) == 1:
        return neighbour
    return all(w != c for w, c in zip(span_words, cand_words))


KNOWN_NAME = 2.0
"""A name at least this frequent (Zipf) is one a recogniser knows and writes as itself."""


def _name_for_name(span: Span, cand: Candidate, span_words: list[str]) -> bool:
    """Whether the recogniser wrote one known name ("Harrison", capitalised) where the
    articles have another known one that sounds otherwise ("Morrison"): without a
    place that puts the name there (an aligned passage, a title, the rest of the name),
    another person or firm is as likely as a mishearing. Spellings of one sound
    ("Marcus" / "Markus") are the same name."""
    return (
        span.capitalised
        and len(span_words) == 1
        and len(cand.text.split()) == 1
        and span.sound != cand.sound
        and zipf(span.key) >= KNOWN_NAME
        and zipf(cand.key) >= KNOWN_NAME
    )


def shared_in_place(span_words: list[str], cand_words: list[str]) -> bool:
    """Whether every word the span shares with the name stands where the name has it
    (one word for each, "mary Louise vantagio" for "Marie Louise Vantaggio"): a word of the
    name heard right elsewhere in the span means words were moved or added, not misheard."""
    if not set(span_words) & set(cand_words):
        return True
    return len(span_words) == len(cand_words) and all(
        s == c or (s not in cand_words and c not in span_words)
        for s, c in zip(span_words, cand_words)
    )


def _glued(heard: str, name: str) -> bool:
    """Whether the words heard are the name with a function word glued on ("ministryof"
    for "Ministry of"): putting the name there would drop the word."""
    if len(heard) <= len(name):
        return False
    if heard.startswith(name):
        return is_function(heard[len(name) :])
    return heard.endswith(name) and is_function(heard[: len(heard) - len(name)])


def same_words(span: Span, cand: Candidate) -> bool:
    """Whether the span is the candidate's words: the same letters in the same number of
    words (only the case differs: no repair), or the same first or last word (the
    shorter pair without the shared word is scored on its own). A name of letters
    joined by an ampersand is one word: "V any" shares no word with "V&E"."""
    if span.key == cand.key and (
        len(span.text.split()) == len(cand.text.split()) or not span.text.replace(" ", "").isalpha()
    ):
        return True
    if is_joined(cand.text):
        return False
    span_units, cand_units = _text_units(span.text), _text_units(cand.text)
    return span_units[:1] == cand_units[:1] or span_units[-1:] == cand_units[-1:]


@lru_cache(maxsize=200_000)
def _text_units(text: str) -> tuple[str, ...]:
    return tuple(text_units(text))


def _clause_edge(span: Span, transcript: Transcript) -> bool:
    """Whether the span starts or ends with a word that opens or closes a clause of its
    own ("please", "thank you", "go ahead"): said beside a name, never part of it."""
    return clause_at(transcript, span.first) or clause_at(transcript, span.last - 1)


def _needless_vowel(span: Span, cand: Candidate, transcript: Transcript, similarity: float) -> bool:
    """Whether a bare vowel at the span's edge ("dorheim i") is not part of the name.

    It is a syllable of the name only when the name is more alike with it
    than without it ("row more a" for "Romora"); otherwise it is a word of
    its own, most often "I".
    """
    tokens = transcript.tokens
    if span.last - span.first < 2:
        return False
    for drop, keep in (
        (span.first, slice(span.first + 1, span.last)),
        (span.last - 1, slice(span.first, span.last - 1)),
    ):
        if bare_vowel(tokens[drop].text):
            rest = " ".join(t.text for t in tokens[keep])
            if cand.text.isupper():
                # A letter of an acronym may be heard as a bare vowel ("beady eye" for
                # "BDI"): needless only where the rest is a likelier reading.
                if misheard(cand.text, rest) > misheard(cand.text, span.text):
                    return True
                continue
            key = name_key(rest)
            if key and likeness(key, name_sound(key), cand.key, cand.sound)[0] >= similarity:
                return True
    return False


def _edges_fit(span: Span, cand: Candidate, transcript: Transcript) -> bool:
    """Whether a function word at the span's edge has an honorific or the rest of this
    name on its outer side, or ends the span as the name ends ("crab its" for
    "Kravits"), which is what let :func:`suspicious_spans` keep it."""
    last = transcript.tokens[span.last - 1].text
    ends_it = end_syllable(last) and cand.key.endswith(name_key(last))
    return all(
        token_info(transcript.tokens[edge].text)[0]
        or (edge == span.last - 1 and edge > span.first and ends_it)
        or open_edge(transcript, edge, outside, rest)
        for edge, outside, rest in (
            (span.first, span.first - 1, cand.before),
            (span.last - 1, span.last, cand.after),
        )
    )


def next_to_rest(span: Span, cand: Candidate, transcript: Transcript) -> bool:
    """Whether the span stands next to the rest of the name ("Crystal Dufresne" for
    "Christelle Dufresne"): the strongest sign that it is that name, misheard."""
    return bool(rest_beside(span, cand, transcript))


def context_overlap(
    span: Span,
    cand: Candidate,
    transcript: Transcript,
    nearby: dict[tuple[int, int], frozenset[str]] | None = None,
) -> int:
    """Content words near the span that also stand near the name in the articles.

    ``nearby``: the words near each span already read, filled as spans are read (one
    transcript's): a span is weighed against every name like it, which in a hearing
    full of names is more the longer it is."""
    if nearby is None:
        return len(near_span(span, transcript) & cand.context)
    where = (span.first, span.last)
    near = nearby.get(where)
    if near is None:
        near = nearby[where] = near_span(span, transcript)
    return len(near & cand.context)


def near_span(span: Span, transcript: Transcript) -> frozenset[str]:
    """The stems of the content words within :data:`CONTEXT_TOKENS` of the span."""
    tokens = transcript.tokens
    lo, hi = max(0, span.first - CONTEXT_TOKENS), min(len(tokens), span.last + CONTEXT_TOKENS)
    return frozenset(
        stem(u)
        for k in range(lo, hi)
        if not span.first <= k < span.last
        for u in tokens[k].units
        if not is_function(u)
    )
