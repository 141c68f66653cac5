"""The Earnings-21 benchmark's count of right tokens a repair broke (no data read)."""

from __future__ import annotations

from benchmarks.earnings21 import broken_tokens, score


def test_a_stutter_the_alignment_pairs_the_other_way_is_not_broken() -> None:
    # "on your on your": the recogniser wrote it once; repairing "callx" tips which copy
    # the alignment calls deleted, but one alignment as good still has the first right.
    ref = "on your on your conference call i believe you guys".split()
    before = "your conference callx i believe you guys".split()
    after = "your conference call i believe you guys".split()
    sb, sa = score(ref, set(), before), score(ref, set(), after)
    assert sa.wrong - sb.wrong == {1}
    assert broken_tokens(ref, sb, sa, after) == set()


def test_a_right_word_a_repair_replaced_is_broken() -> None:
    ref = "our cat bond Long Point is now in place".split()
    before = "our cat Bond Long Point is now in place".split()
    after = "our cat Point Long Point is now in place".split()
    sb, sa = score(ref, set(), before), score(ref, set(), after)
    assert broken_tokens(ref, sb, sa, after) == {2}


def test_an_ampersand_word_counts_as_the_one_reference_token_it_is() -> None:
    # The reference's "M&A" is one token, one scoring word ("ma"): the recogniser's "m and
    # a" gets it wrong, the name written as the reference writes it gets it right.
    ref = "our M&A team and the R&D budget".split()
    named = {1, 5}
    heard = score(ref, named, "our m and a team and the R and D budget".split())
    written = score(ref, named, "our M&A team and the R&D budget".split())
    assert (heard.name_tokens, heard.name_wrong) == (2, 2)
    assert (written.name_wrong, written.errors) == (0, 0)
