"""Timed word lists, and the grouping of words into segments shared by word-level formats."""

from __future__ import annotations

import json
from typing import Any

import pytest

from transcript_align.errors import FormatError
from transcript_align.formats import parse_transcript
from transcript_align.formats.words_json import MAX_WORDS, TimedWord, WordList, group_words


def words_doc(*items: dict[str, Any]) -> str:
    return json.dumps(list(items))


def w(text: str, start: float, end: float, **extra: Any) -> dict[str, Any]:
    return {"w": text, "start": start, "end": end, **extra}


def texts(text: str) -> list[str]:
    return [s.text for s in WordList.read(text, "x.json").segments]


@pytest.mark.parametrize("key", ["w", "word", "text"])
def test_word_keys(key: str) -> None:
    text = json.dumps(
        [{key: "Hello", "start": 0.5, "end": 0.9}, {key: "there", "start": 0.9, "end": 1.2}]
    )
    t = parse_transcript(text, "x.json")
    assert t.format == "words-json"
    assert [(s.text, s.start, s.end) for s in t.segments] == [("Hello there", 500, 1200)]
    assert [(x.text, x.start, x.end) for x in t.segments[0].words] == [
        ("Hello", 500, 900),
        ("there", 900, 1200),
    ]


def test_punctuation_is_appended_and_ends_sentences() -> None:
    text = words_doc(
        w("Good", 0, 0.2, punct=""),
        w("morning", 0.2, 0.5, punct="."),
        w("Thank", 0.6, 0.8),
        w("you", 0.8, 1.0, punctuation="!"),
        w("Mr", 1.1, 1.2, punct="."),
        w("Witkoff", 1.2, 1.6, punct="?"),
    )
    assert texts(text) == ["Good morning.", "Thank you!", "Mr. Witkoff?"]


def test_speaker_change_and_pause_start_new_segments() -> None:
    text = words_doc(
        w("yes", 0, 0.2, spk=1),
        w("indeed", 0.2, 0.5, spk=1),
        w("no", 0.5, 0.7, spk=2),
        w("wait", 2.0, 2.3, spk=2),
    )
    segments = WordList.read(text, "x.json").segments
    assert [(s.text, s.speaker) for s in segments] == [
        ("yes indeed", "1"),
        ("no", "2"),
        ("wait", "2"),
    ]


def test_long_runs_are_cut_at_a_clause_or_at_the_limit() -> None:
    many = [w(f"w{i}", i * 0.1, i * 0.1 + 0.1) for i in range(40)]
    sizes = [len(s.split()) for s in texts(words_doc(*many))]
    assert sizes == [MAX_WORDS, MAX_WORDS, 10]
    clause = [w(f"w{i}", i * 0.1, i * 0.1 + 0.1, punct="," if i == 11 else "") for i in range(20)]
    assert [len(s.split()) for s in texts(words_doc(*clause))] == [12, 8]


def test_words_without_times_stay_in_the_text() -> None:
    text = json.dumps([w("one", 0, 0.3), {"w": "two"}, w("three", 0.8, 1.1)])
    t = parse_transcript(text, "x.json")
    assert [s.text for s in t.segments] == ["one two three"]
    assert [x.text for x in t.segments[0].words] == ["one", "three"]
    assert t.tokens[1].estimated
    assert "1 word(s) have no times; their times are estimated" in t.notes


def test_group_words_skips_empty_words() -> None:
    segments = group_words([TimedWord("", 0, 1), TimedWord("hi", 1, 2)])
    assert [(s.index, s.text) for s in segments] == [(0, "hi")]


@pytest.mark.parametrize(
    ("item", "problem"),
    [
        ({"w": "x", "start": "soon", "end": 1}, "x.json: word 2: 'soon' is not a time in seconds"),
        ({"w": "x", "start": -2, "end": 1}, "x.json: word 2: negative time -2"),
        (
            {"w": "x", "start": 1, "end": float("inf")},
            "x.json: word 2: inf is not a time in seconds",
        ),
    ],
)
def test_bad_times_are_one_line_errors(item: dict[str, Any], problem: str) -> None:
    with pytest.raises(FormatError) as info:
        WordList.read(json.dumps([w("ok", 0, 1), item]), "x.json")
    assert str(info.value) == problem


@pytest.mark.parametrize(
    "text",
    [
        '[{"w": "untimed"}, {"w": "words"}]',
        '[{"start": 0, "end": 1}]',
        '[{"w": "x", "start": 0, "end": 1}, 5]',
        '{"words": [{"text": "Hi", "start": 250, "end": 650}]}',
        '[{"text": "two words", "start": 0, "end": 1}]',
    ],
)
def test_look_alikes_are_not_word_lists(text: str) -> None:
    assert not WordList.sniff(text)


def test_punctuation_attached_to_a_word_keeps_its_token_time_exact() -> None:
    t = parse_transcript(words_doc(w("morning", 0.2, 0.5, punct=","), w("all", 0.5, 0.7)), "x.json")
    assert [(k.text, k.start, k.end, k.estimated) for k in t.tokens] == [
        ("morning", 200, 500, False),
        ("all", 500, 700, False),
    ]
