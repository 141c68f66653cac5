"""Spreading work over processes changes nothing in the result."""

from __future__ import annotations

from pathlib import Path

import pytest

from transcript_align import Options, align, parallel, read_references, read_transcript
from transcript_align.report import to_json

from .conftest import DATA, SEEDS


def _square(shared: int, item: int) -> int:
    return shared + item * item


def test_map_shared_keeps_order_and_sees_shared_state(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)
    items = list(range(200))
    assert parallel.map_shared(_square, items, 7, jobs=2) == [7 + i * i for i in items]
    assert parallel.map_shared(_square, items, 7, jobs=1) == [7 + i * i for i in items]


@pytest.mark.parametrize(
    ("transcript", "articles"),
    [
        (SEEDS / "002_0ebee46477878465.txt", SEEDS),
        (DATA / "events" / "flood-barrier" / "transcript.txt", None),
        (DATA / "events" / "transit-hearing" / "hearing.srt", None),
    ],
)
def test_two_processes_give_the_same_report(
    monkeypatch: pytest.MonkeyPatch, transcript: Path, articles: Path | None
) -> None:
    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)
    folder = articles or transcript.parent / "articles"
    t = read_transcript(str(transcript))
    refs = read_references([str(folder)], exclude=[str(transcript)])
    one = to_json(align(t, refs, Options(jobs=1)))
    two = to_json(align(t, refs, Options(jobs=2)))
    assert one == two


def test_the_repair_step_reads_no_article_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from transcript_align import normalize

    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)
    monkeypatch.setattr(normalize, "_words", {})
    folder = DATA / "events" / "transit-hearing"
    t = read_transcript(str(folder / "hearing.srt"))
    refs = read_references([str(folder / "articles")])
    read: list[str] = []
    real = normalize._read_words

    def counting(text: str) -> normalize.TextWords:
        read.append(text)
        return real(text)

    monkeypatch.setattr(normalize, "_read_words", counting)
    report = align(t, refs, Options(jobs=2))
    aligned = {c.reference.text for c in report.references if c.status == "aligned"}
    assert aligned and report.corrections
    # Each article was read once, by this process or by the helper (this list is this
    # process's): the repair step reads none of them again.
    assert len(read) == len(set(read))
    assert aligned <= set(normalize._words)


def test_the_collector_is_left_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)
    assert gc.get_freeze_count() == 0
    assert parallel.map_shared(_square, [1, 2, 3], 0, jobs=2) == [1, 4, 9]
    assert gc.get_freeze_count() == 0  # frozen for the fork only
    gc.freeze()
    try:
        assert parallel.map_shared(_square, [1, 2, 3], 0, jobs=2) == [1, 4, 9]
        # The caller's own freeze stands (less what was freed meanwhile).
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_an_error_in_a_helper_is_raised_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)
    with pytest.raises(ZeroDivisionError):
        parallel.map_shared(_invert, list(range(-40, 40)), None, jobs=2)


def _invert(_shared: None, item: int) -> float:
    return 1 / item


def test_the_words_of_an_article_about_another_event_are_not_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from transcript_align import normalize

    monkeypatch.setattr(normalize, "_words", {})
    folder = DATA / "events" / "flood-barrier"
    t = read_transcript(str(folder / "transcript.txt"))
    refs = read_references([str(folder / "articles")])
    report = align(t, refs, Options(jobs=1))
    status = {c.reference.text: c.status for c in report.references}
    assert sorted(status.values()) == ["aligned", "aligned", "unrelated"]
    assert {text for text, s in status.items() if s == "aligned"} <= set(normalize._words)
    assert not {text for text, s in status.items() if s == "unrelated"} & set(normalize._words)


def test_items_left_to_helpers_alone_come_back_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)
    items = list(range(150))
    expected = [7 + i * i for i in items]
    assert parallel.map_shared(_square, items, 7, jobs=2, here=False) == expected
    assert parallel.map_shared(_square, items, 7, jobs=3, here=False) == expected


def _pid_and(value: int) -> tuple[int, int]:
    import os

    return os.getpid(), value


def test_two_steps_at_once_come_back_in_order() -> None:
    import os

    (there, a), (here, b) = parallel.in_parallel(lambda: _pid_and(1), lambda: _pid_and(2), jobs=2)
    assert (a, b) == (1, 2)
    assert here == os.getpid() and there != here  # the first step ran in a helper
    assert parallel.in_parallel(lambda: 1, lambda: 2, jobs=1) == (1, 2)


def test_an_error_in_the_helper_step_is_raised_here() -> None:
    with pytest.raises(ZeroDivisionError):
        parallel.in_parallel(lambda: _invert(None, 0), lambda: 2, jobs=2)


def test_the_repair_weighs_the_same_pairs_in_two_processes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from transcript_align.alignment import build_index
    from transcript_align.relate import assess
    from transcript_align.repair import scored_pairs

    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)
    folder = DATA / "events" / "transit-hearing"
    t = read_transcript(str(folder / "hearing.srt"))
    refs = read_references([str(folder / "articles")])
    index = build_index(t.tokens)
    assessed = [(r, *assess(r, index)) for r in refs]
    aligned = [r for r, check, _ in assessed if check.status == "aligned"]
    anchors = [
        tuple((x.ra, x.ta, x.rb - x.ra) for x in rel.runs)
        for _, check, rel in assessed
        if check.status == "aligned"
    ]
    one = scored_pairs(t, aligned, anchors, index.owner, jobs=1)
    two = scored_pairs(t, aligned, anchors, index.owner, jobs=2)
    assert one and one == two


def test_articles_read_in_two_processes_are_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)
    folder = [str(DATA / "events" / "transit-hearing" / "articles")]
    assert read_references(folder, jobs=2) == read_references(folder, jobs=1)


def test_the_first_unreadable_article_is_the_error_raised(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from transcript_align.errors import FormatError, UnreadableError

    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)
    for k in range(40):
        (tmp_path / f"a{k:02}.txt").write_text(f"Headline {k}\n\nThe mayor said {k} things.\n")
    (tmp_path / "a05.txt").write_bytes(b"")  # empty: unreadable
    (tmp_path / "a30.txt").write_text("<html><body><nav>x</nav></body></html>")
    for jobs in (1, 2):
        with pytest.raises(UnreadableError) as error:
            read_references([str(tmp_path)], jobs=jobs)
        assert error.value.path.endswith("a05.txt")
    (tmp_path / "a05.txt").write_text("Headline\n\nThe mayor spoke.\n")
    for jobs in (1, 2):
        with pytest.raises(FormatError) as failed:
            read_references([str(tmp_path)], jobs=jobs)
        assert failed.value.path.endswith("a30.txt")


def test_an_error_made_in_a_helper_comes_back_whole() -> None:
    import pickle

    from transcript_align.errors import FormatError

    error = pickle.loads(pickle.dumps(FormatError("a.txt", "no  article text")))
    assert type(error) is FormatError
    assert (error.path, error.problem, str(error)) == (
        "a.txt",
        "no article text",
        "a.txt: no article text",
    )


def test_this_process_works_meanwhile_only_beside_helpers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)
    done: list[int] = []
    items = list(range(100))
    expected = [i * i for i in items]
    assert (
        parallel.map_shared(_square, items, 0, jobs=2, meanwhile=lambda: done.append(1)) == expected
    )
    assert done == [1]
    assert (
        parallel.map_shared(_square, items, 0, jobs=1, meanwhile=lambda: done.append(2)) == expected
    )
    assert done == [1]
