"""Recogniser words written the way transcripts reach users: SRT, a caption page, a word list."""

from __future__ import annotations

import json
from collections.abc import Sequence

from .asr import AsrWord

FORMATS = ("srt", "caption-page", "words-json")
EXTENSION = {"srt": ".srt", "caption-page": ".txt", "words-json": ".json"}
CUE_WORDS = 12
"""A cue ends at this many words, or at a sentence end once it has half as many."""


def cues(words: Sequence[AsrWord]) -> list[list[AsrWord]]:
    """Caption-sized groups of words, breaking at sentence ends and speaker changes."""
    out: list[list[AsrWord]] = []
    for w in words:
        if out:
            cue = out[-1]
            prev = cue[-1]
            full = len(cue) >= CUE_WORDS
            turn = prev.speaker != w.speaker
            sentence = prev.sentence != w.sentence and len(cue) >= CUE_WORDS // 2
            if not (full or turn or sentence):
                cue.append(w)
                continue
        out.append([w])
    return out


def write(words: Sequence[AsrWord], fmt: str, *, title: str = "") -> str:
    """The transcript text in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "words-json":
        return words_json(words)
    if fmt == "srt":
        return srt(words)
    if fmt == "caption-page":
        return caption_page(words, title)
    raise ValueError(f"unknown transcript format {fmt!r}")


def words_json(words: Sequence[AsrWord]) -> str:
    """``[{"w", "start", "end"}]``, one object per line."""
    lines = [json.dumps({"w": w.w, "start": w.start, "end": w.end}) for w in words]
    return "[\n" + ",\n".join(lines) + "\n]\n"


def srt(words: Sequence[AsrWord]) -> str:
    blocks = []
    for n, cue in enumerate(cues(words), 1):
        text = " ".join(w.w for w in cue)
        blocks.append(f"{n}\n{srt_time(cue[0].start)} --> {srt_time(cue[-1].end)}\n{text}\n")
    return "\n".join(blocks)


def caption_page(words: Sequence[AsrWord], title: str) -> str:
    """A scraped video page: title, chrome, then ``MM:SS`` stamps glued to cue text."""
    lines = [title or "Press conference", "Watch later", "Share", "Transcript"]
    for cue in cues(words):
        lines.append(_clock(cue[0].start) + " ".join(w.w for w in cue))
    lines += ["Be the first to comment", "Up next"]
    return "\n".join(lines) + "\n"


def srt_time(seconds: float) -> str:
    ms = round(seconds * 1000)
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d},{ms:03d}"


def _clock(seconds: float) -> str:
    s = int(seconds)
    h, rest = divmod(s, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"
