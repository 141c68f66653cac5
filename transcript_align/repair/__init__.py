"""Repairs of garbled names and rare words, from articles that report the event.

Precision comes first: a wrong repair puts words in a speaker's mouth, a
missed one only leaves the recogniser's error where it was. So a repair needs
all of:

- a **candidate** from an aligned article: a name (capitalised tokens that do
  not merely start a sentence, multi-word names, acronyms) or a rare word;
- a **suspicious span** in the transcript: 1–3 tokens, no function word at
  its edges (unless an honorific or the rest of the name stands on that side,
  or it is rare enough to be a syllable of the name: "nor van ra"), no word
  that opens or closes a clause there ("please", "thank you", "go ahead"),
  with at least one token that is rare or unknown in English (a common,
  correctly spelled word is usually what was said);
- **likeness** in spelling and sound (Metaphone keys, Indel and Jaro-Winkler
  similarity), and none of the known false friends: an inflection of the same
  word ("fact"/"facts"), a common word expanded ("Chris" → "Christopher");
- **support**: where the span stands — in the name's place in an aligned
  article passage (its *slot*: "with mister pet ink oh this morning" against
  "with Mr. Petenko this morning"), after a title ("Mr. Witko"), next to the
  rest of the name ("crystal Dufresne") — and the same words standing so
  elsewhere in the transcript (recognisers mishear a name the same way
  again and again); words around the span that also stand around the name
  in the articles; the span being the name cut short ("Witko") or its very
  letters regrouped ("sal ta va"); no other span over the same words
  matching the name better. The name already recognised correctly
  elsewhere counts against.

These combine into a confidence (a logistic model whose weights are fitted
on held-out data, see ``benchmarks/``); only repairs at or above the
threshold are applied.

Where the word alignment of an aligned passage has a name and the
transcript other words, those words are weighed whatever they are ("beans"
for "Baines"), by how plausible a mishearing explains them and how solid the
alignment around is (matched on both sides, more than one side gives, the
place is sure whatever the spelling: "college" for "COVID" amid a quote; a
quote too short for that, heard whole, places a name at its edge where the words
there are clearly the name misheard: “Thank you, Marlo.” heard "thank you marrow");
a possessive the recogniser wrote as one word ("farrowdales" for "Farrowdale's") is
written as the article spells it;
what was learned there is repaired elsewhere where the context supports it,
with a lower confidence. Away from the passages, a word beside a word of the
name (no title, no particle) is weighed by the mishearing model however unlike
the name it is spelled ("kaya Walley"), and a whole name heard one word for
each of its words, each a sure mishearing, is placed as if the rest stood
beside it ("olivia selquo" for "Olivier Zelkwo"). Such places (and a run of words
for each word of a name split further: "mattie pets guard" for "Matti
Petsgard") weigh as much as a passage's edge where the mishearing model
explains the words well.

The steps, one module each: :mod:`.candidates` (what the articles spell),
:mod:`.spans` (what the transcript might have garbled), :mod:`.slots` (where
an aligned passage puts a name), :mod:`.aligned` (what the transcript has
where the word alignment of a passage has a name), :mod:`.pairing` (which
pairs are worth scoring), :mod:`.likeness` and :mod:`.mishear` (how alike
they sound, how plausible a mishearing), :mod:`.guards` (the evidence, or
the guard that forbids a pair), :mod:`.confidence` (the model),
:mod:`.decide` (the repairs taken), :mod:`.propagate` (learned confusions
repaired elsewhere) and :mod:`.surnames` (surnames heard as common words after
their title or first name: "councillor price" for "Councillor Pryce").
"""

from .candidates import Candidate, Find, article_finds, mine_candidates
from .confidence import WEIGHTS, Features, confidence, feature_vector
from .decide import find_corrections, scored_pairs
from .guards import features
from .spans import Span, suspicious_spans
from .words import Anchor

__all__ = [
    "WEIGHTS",
    "Anchor",
    "Candidate",
    "Features",
    "Find",
    "Span",
    "article_finds",
    "confidence",
    "feature_vector",
    "features",
    "find_corrections",
    "mine_candidates",
    "scored_pairs",
    "suspicious_spans",
]
