"""What kind of word a unit is: function word, filler, how much it tells.

Function words are a closed class, so a fixed list is the right tool; how rare
a content word is comes from wordfreq's frequency lists.
"""

from __future__ import annotations

from functools import lru_cache

from .normalize import zipf

FUNCTION_WORDS = frozenset(
    """
    a an the this that these those some any each every no not nor
    i me my mine myself we us our ours ourselves you your yours yourself yourselves
    he him his himself she her hers herself it its itself they them their theirs themselves
    who whom whose which what whatever whoever where when why how there here
    am is are was were be been being have has had having do does did doing done
    will would shall should can could may might must ought
    and or but if then else so yet because as than though although while whereas
    of to in into onto on at by for from with without within about above below
    over under up down out off through during before after between among against
    upon across along around behind beyond near toward towards via per
    just also too very quite rather really only even still already again ever
    all both either neither more most much many few less least such own same other
    well oh yes yeah okay right now
    mister missus doctor
    """.split()
)
"""Words whose change or omission rarely changes what a quote means."""

FILLERS = frozenset("uh um uhm er erm ah eh hmm hm mm mhm mmm huh".split())
"""Sounds that carry no words; dropping them from a quote is not an edit of meaning."""
DISCOURSE_MARKERS = frozenset((("you", "know"), ("i", "mean"), ("you", "see")))
"""Phrases said to hold the floor, not to claim anything ("and you know the funding…"):
left out of a quote as fillers are."""
HEDGES = frozenset((("sort", "of"), ("kind", "of")))
"""Phrases that soften what follows: a writer who leaves them out changes the claim, but
one who keeps them where the recogniser dropped them quoted the speaker."""

NUMBER_WORDS = frozenset(
    """
    zero one two three four five six seven eight nine ten eleven twelve thirteen
    fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty
    sixty seventy eighty ninety hundred thousand million billion trillion point
    first second third fourth fifth sixth seventh eighth ninth tenth percent
    """.split()
)


def is_function(unit: str) -> bool:
    """Whether ``unit`` is a function word or a filler."""
    return unit in FUNCTION_WORDS or unit in FILLERS


@lru_cache(maxsize=200_000)
def weight(unit: str) -> float:
    """How much a matching unit tells: ~0.2 for "the", ~1.4 for "Ukraine", ~2.8 for a rare name.

    >>> weight("the"), weight("ukraine") > 1, weight("witkoff") > 2.5
    (0.2, True, True)
    """
    if is_function(unit):
        return 0.2
    return min(3.0, max(0.4, (8.0 - zipf(unit)) / 2.5))
