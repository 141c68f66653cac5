"""Speaker labels written into captions ("CHAIR: …"): the cue's speaker, never speech."""

from __future__ import annotations

from transcript_align import Options, Reference, align, parse_transcript
from transcript_align.export import export_transcript

LABELLED = (
    "1\n00:00:01,000 --> 00:00:04,000\nCHAIR: thank you all for coming tonight\n\n"
    "2\n00:00:04,500 --> 00:00:08,000\nCOUNCILLOR PENROSE: the cycle lanes on quarry road "
    "will be finished in june\n\n"
    "3\n00:00:08,500 --> 00:00:12,000\n>> CHAIR: and what about the shops on quarry road\n"
)


def test_a_capitalised_label_is_the_cues_speaker_and_no_word() -> None:
    t = parse_transcript(LABELLED, "meeting.srt")
    assert [s.speaker for s in t.segments] == ["CHAIR", "COUNCILLOR PENROSE", "CHAIR"]
    words = [tok.text for tok in t.tokens]
    assert words[:2] == ["thank", "you"]
    assert "CHAIR" not in words and "PENROSE" not in words


def test_labels_are_written_back_and_never_repaired() -> None:
    t = parse_transcript(LABELLED, "meeting.srt")
    article = (
        'Councillor Ann Penrose said "the cycle lanes on Quarry Road will be finished in June".'
    )
    report = align(t, [Reference("a.txt", "", article)], Options(readable=True))
    srt = export_transcript(t, report.corrections, "srt")
    assert "COUNCILLOR PENROSE: The cycle lanes on" in srt
    assert ">> CHAIR: And what about" in srt
    vtt = export_transcript(t, report.corrections, "vtt")
    assert "<v " not in vtt and "CHAIR: Thank you" in vtt


def test_one_label_like_caption_is_just_text() -> None:
    srt = (
        "1\n00:00:01,000 --> 00:00:04,000\nNATO: the talks go on next week\n\n"
        "2\n00:00:04,500 --> 00:00:08,000\nand the ministers meet in june\n"
    )
    t = parse_transcript(srt, "news.srt")
    assert [s.speaker for s in t.segments] == [None, None]
    assert t.tokens[0].text == "NATO"


def test_the_html_transcript_shows_a_caption_label_once() -> None:
    from transcript_align.html import to_html

    t = parse_transcript(LABELLED, "meeting.srt")
    page = to_html(align(t, []))
    assert page.count("CHAIR: ") == 2 and "CHAIR:</b>" not in page


def test_title_case_labels_opening_most_lines_are_speakers() -> None:
    page = (
        "[00:00:01] Host: welcome back I'm here with tamsin orrey\n"
        "[00:00:06] Tamsin: thanks for having me\n"
        "[00:00:09] Host: so what did you find\n"
        "[00:00:12] Tamsin: the harbour wall was built for the tides of the sixties\n"
    )
    t = parse_transcript(page, "podcast.txt")
    assert [s.speaker for s in t.segments] == ["Host", "Tamsin", "Host", "Tamsin"]
    words = [tok.text for tok in t.tokens]
    assert words[:2] == ["welcome", "back"] and "Host" not in words and "Tamsin:" not in words
    # The same lines with one name-like opening among plain captions: speech.
    plain = page.replace("Tamsin: ", "").replace("Host: so", "so").replace("Host: ", "Ukraine: ")
    assert [s.speaker for s in parse_transcript(plain, "news.txt").segments] == [None] * 4
