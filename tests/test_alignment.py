"""The alignment engine's look-ups and word pairing, on small invented passages."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from transcript_align import parse_transcript
from transcript_align.alignment import (
    _similarities,
    _trigram_places,
    bigram_key,
    build_index,
    locate,
    trigram_key,
)
from transcript_align.normalize import text_units
from transcript_align.similarity import is_morph_variant, unit_similarity

SAID = (
    "00:00good morning everyone we met minister oak on quo today in the capital\n"
    "00:06and we spoke about the harbour and the new bridge to the island\n"
    "00:12the talks go on next week in the port town\n"
)


def test_pair_and_triple_keys_tell_every_id_sequence_apart() -> None:
    vocabulary = 7
    ids = range(vocabulary)
    pairs = {bigram_key(a, b, vocabulary) for a, b in itertools.product(ids, ids)}
    triples = {trigram_key(a, b, c, vocabulary) for a, b, c in itertools.product(ids, ids, ids)}
    assert len(pairs) == vocabulary**2
    assert len(triples) == vocabulary**3


def test_the_index_finds_each_word_pair_and_triple_where_it_was_said() -> None:
    index = build_index(parse_transcript(SAID, "t.txt").tokens)
    ids, n = index.ids, len(index.vocab)
    for j in range(len(ids) - 2):
        assert j in index.bigrams[bigram_key(ids[j], ids[j + 1], n)]
        assert j in index.trigrams[trigram_key(ids[j], ids[j + 1], ids[j + 2], n)]
    the, harbour = index.vocab["the"], index.vocab["harbour"]
    assert index.bigrams[bigram_key(the, harbour, n)] == [index.units.index("harbour") - 1]


def test_a_rare_name_heard_as_three_words_is_paired_with_them() -> None:
    index = build_index(parse_transcript(SAID, "t.txt").tokens)
    passage = text_units("we met minister Okonkwo today in the capital")
    (match,) = locate(index, passage, limit=1)
    name = passage.index("okonkwo")
    (op,) = [op for op in match.ops if op.qa <= name < op.qb]
    assert op.tag == "near"
    assert index.units[op.ta : op.tb] == ("oak", "on", "quo")


def test_two_written_words_heard_as_one_are_paired_together() -> None:
    said = "00:00we will meet the filomena family in the capital next week\n"
    index = build_index(parse_transcript(said, "t.txt").tokens)
    passage = text_units("we will meet the Philo Mena family in the capital next week")
    (match,) = locate(index, passage, limit=1)
    first = passage.index("philo")
    (op,) = [op for op in match.ops if op.qa <= first < op.qb]
    assert (op.tag, op.qb - op.qa) == ("near", 2)
    assert index.units[op.ta : op.tb] == ("filomena",)


def test_inflections_of_one_word_are_variants_and_other_words_are_not() -> None:
    assert is_morph_variant("fact", "facts")
    assert is_morph_variant("coordinate", "coordinating")
    assert is_morph_variant("stopped", "stop")
    assert not is_morph_variant("fact", "fact")
    assert not is_morph_variant("port", "sport")
    assert not is_morph_variant("bridge", "bridle")


def test_words_alike_in_nothing_are_left_unpaired_in_a_gap() -> None:
    index = build_index(parse_transcript(SAID, "t.txt").tokens)
    passage = text_units("we spoke about the yellow kite and the new bridge to the island")
    (match,) = locate(index, passage, limit=1)
    gap = [op for op in match.ops if op.tag not in ("equal", "near")]
    assert [(op.tag, passage[op.qa : op.qb], index.units[op.ta : op.tb]) for op in gap] == [
        ("replace", ["yellow", "kite"], ("harbour",))
    ]


def test_trigram_places_are_the_same_past_the_int64_keys() -> None:
    ids = [0, 1, 2, 0, 1, 2, 3, 0, 1, 2]
    for vocabulary in (4, 2**21):  # the second's keys do not fit numpy's int64
        places = _trigram_places(ids, vocabulary)
        assert {k: v.tolist() for k, v in places.items()} == {
            trigram_key(0, 1, 2, vocabulary): [0, 3, 7],
            trigram_key(1, 2, 0, vocabulary): [1],
            trigram_key(2, 0, 1, vocabulary): [2],
            trigram_key(1, 2, 3, vocabulary): [4],
            trigram_key(2, 3, 0, vocabulary): [5],
            trigram_key(3, 0, 1, vocabulary): [6],
        }
    assert _trigram_places([0, 1], 4) == {}


_UNITS = st.text(alphabet="aeinostuy", max_size=7)


@given(st.lists(_UNITS, max_size=6), st.lists(_UNITS, max_size=6))
def test_a_gap_table_scores_each_pair_as_unit_similarity_does(qs: list[str], ts: list[str]) -> None:
    """Short units ("is", "a") skip the look-up and still score what it would give:
    alike only to themselves, never inflections ("ties", "tie")."""
    assert _similarities(qs, ts) == [[unit_similarity(u, v)[0] for v in ts] for u in qs]
