"""Transcript formats: one module each, one registry, detection from content.

``READERS`` maps a format id to its class, ``WRITERS`` the formats the tool
can write, ``EXTENSIONS`` an output file's extension to a writer. Nothing
registers itself at import time: adding a format means adding it here.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..errors import FormatError
from ..models import Segment, Transcript
from ..normalize import count_tokens
from ..textio import read_text
from ..timeline import build_tokens
from . import subtitles
from .assemblyai import AssemblyAI
from .aws import AwsTranscribe
from .base import Parsed, Reader, Repair, Writer
from .caption_page import CaptionPage
from .deepgram import Deepgram
from .json3 import YouTubeJson3
from .jsonshape import EXPECTED, load_json, parse_json
from .plain import PlainText
from .srt import Srt
from .transcript_json import TranscriptJson
from .vtt import WebVtt
from .whisper import WhisperJson
from .whisper_cpp import WhisperCpp
from .words_json import WordList

READERS: dict[str, type[Reader]] = {
    CaptionPage.name: CaptionPage,
    Srt.name: Srt,
    WebVtt.name: WebVtt,
    YouTubeJson3.name: YouTubeJson3,
    WhisperJson.name: WhisperJson,
    WhisperCpp.name: WhisperCpp,
    WordList.name: WordList,
    AwsTranscribe.name: AwsTranscribe,
    Deepgram.name: Deepgram,
    AssemblyAI.name: AssemblyAI,
    TranscriptJson.name: TranscriptJson,
    **{f.name: f for f in subtitles.FORMATS},
}
"""Formats that can claim a text when sniffing. Plain text is the fallback."""

WRITERS: dict[str, type[Writer]] = {
    "txt": PlainText,
    "srt": Srt,
    "vtt": WebVtt,
    "json": TranscriptJson,
    **{f.name: f for f in subtitles.FORMATS},
}
EXTENSIONS: dict[str, str] = {
    ".txt": "txt",
    ".srt": "srt",
    ".vtt": "vtt",
    ".json": "json",
    ".ass": "ass",
    ".ssa": "ssa",
    ".ttml": "ttml",
    ".dfxp": "ttml",
    ".smi": "sami",
    ".sami": "sami",
    ".sub": "microdvd",
}
"""Output extensions. MPL2 has none of its own (its files are ``.txt``): ``--format mpl2``."""
MAX_TRANSCRIPT_WORDS = 1_000_000
"""Transcripts with more words are refused: about 100 hours of speech, and ~1 GB of memory."""


def detect_format(text: str, path: str) -> str:
    """The id of the one format that claims ``text``; ``plain`` when none does.

    Raises :class:`FormatError` when several formats claim it, since guessing
    between them would silently misread the file, and for JSON that is no
    transcript we know, which would otherwise be read as plain text.
    """
    claims = [name for name, reader in READERS.items() if reader.sniff(text)]
    if len(claims) > 1:
        raise FormatError(
            path,
            f"ambiguous format: looks like {' and '.join(claims)}; name one with --input-format",
        )
    if claims:
        return claims[0]
    # Text opening with "{" is meant as JSON: say where it breaks rather than read it as prose.
    data = parse_json(text, path) if text.lstrip().startswith("{") else load_json(text)
    if isinstance(data, (dict, list)):
        schema = data.get("schema") if isinstance(data, dict) else None
        if isinstance(schema, str) and schema.startswith("transcript-align/report@"):
            raise FormatError(path, "is a transcript-align report, not a transcript")
        raise FormatError(path, f"JSON but not a transcript ({EXPECTED})")
    return PlainText.name


def parse_transcript(
    text: str, path: str, *, format: str | None = None, strict: bool = False
) -> Transcript:
    """Build a :class:`Transcript` from text already read (the library entry point).

    Readers repair malformed timing lines and say so in the notes; with
    ``strict`` the first such repair is a :class:`FormatError` naming the cue
    and line instead.

    >>> t = parse_transcript("00:00hello there\\n00:02general Kenobi\\n00:05bye\\n", "x.txt")
    >>> t.format, [s.text for s in t.segments], t.tokens[2].start
    ('caption-page', ['hello there', 'general Kenobi', 'bye'], 2000)
    """
    name = format or detect_format(text, path)
    notes = _fallback_note(path) if format is None and name == PlainText.name else ()
    reader = READERS.get(name) or (PlainText if name == PlainText.name else None)
    if reader is None:
        raise FormatError(path, f"unknown format {name!r}; known: {', '.join(reader_names())}")
    parsed = reader.read(text, path)
    if strict and parsed.repairs:
        first = parsed.repairs[0]
        raise FormatError(path, f"{first.where}: {first.problem}")
    _check_size(parsed.segments, path)
    tokens = build_tokens(parsed.segments)
    if not tokens:
        raise FormatError(path, f"no transcript words found (read as {name})")
    return Transcript(
        path, name, parsed.segments, tokens, (*notes, *parsed.notes), parsed.video_url
    )


def _fallback_note(path: str) -> tuple[str, ...]:
    """Say so when a file named for a timed format held none of it: its words have no times.

    >>> _fallback_note("talk.srt"), _fallback_note("talk.txt")
    (('named .srt but no srt cues found: read as plain text, without times',), ())
    """
    suffix = Path(path).suffix.lower()
    expected = EXTENSIONS.get(suffix, "txt")
    if expected == "txt":
        return ()
    return (f"named {suffix} but no {expected} cues found: read as plain text, without times",)


def _check_size(segments: Sequence[Segment], path: str) -> None:
    """Refuse a transcript past :data:`MAX_TRANSCRIPT_WORDS` before its timeline is built.

    Words are never dropped to fit (a correction or quote check on a cut
    transcript would be silently wrong), so the limit is an error. Counting
    runs only when the text is long enough to hold that many words.
    """
    if sum(len(s.text) for s in segments) < 2 * MAX_TRANSCRIPT_WORDS:
        return
    words = 0
    for s in segments:
        words += count_tokens(s.text)
        if words > MAX_TRANSCRIPT_WORDS:  # no need to count the rest of a huge file
            raise FormatError(
                path,
                f"transcript has more than {MAX_TRANSCRIPT_WORDS:,} words, the limit "
                "(about 100 hours of speech): split it",
            )


def read_transcript(path: str, *, format: str | None = None, strict: bool = False) -> Transcript:
    """Read a transcript file (``-`` for standard input), detecting its format from content.

    ``strict``: refuse a malformed timing line rather than repair it (see
    :func:`parse_transcript`).
    """
    decoded = read_text(path)
    transcript = parse_transcript(decoded.text, path, format=format, strict=strict)
    if decoded.encoding not in ("utf-8", "utf-8-sig"):
        note = f"decoded as {decoded.encoding}"
        transcript = Transcript(**{**transcript.__dict__, "notes": (*transcript.notes, note)})
    return transcript


def reader_names() -> list[str]:
    """Every format id :func:`read_transcript` accepts."""
    return [*READERS, PlainText.name]


def writer_for(path: str, format: str | None = None) -> str:
    """The writer id for an output path: ``format`` if given, else from the extension."""
    if format:
        if format not in WRITERS:
            raise FormatError(path, f"cannot write format {format!r}; known: {', '.join(WRITERS)}")
        return format
    ext = Path(path).suffix.lower()
    if ext not in EXTENSIONS:
        raise FormatError(
            path,
            f"cannot tell the output format from {ext or 'no extension'!r}; "
            f"use one of {', '.join(EXTENSIONS)} or --format",
        )
    return EXTENSIONS[ext]


def writer_like(source_format: str) -> str:
    """The writer for ``--out -`` without ``--format``: the transcript's own format
    when the tool writes it, else plain text.

    >>> writer_like("vtt"), writer_like("whisper")
    ('vtt', 'txt')
    """
    return source_format if source_format in WRITERS else "txt"


def write_segments(segments: Sequence[Segment], writer: str, source_format: str) -> str:
    """Render segments in a writer format."""
    return WRITERS[writer].write(segments, source_format)


__all__ = [
    "EXTENSIONS",
    "MAX_TRANSCRIPT_WORDS",
    "READERS",
    "WRITERS",
    "Parsed",
    "Repair",
    "detect_format",
    "parse_transcript",
    "read_transcript",
    "reader_names",
    "write_segments",
    "writer_for",
]
