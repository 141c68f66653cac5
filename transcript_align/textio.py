"""Reading input bytes as text, and writing outputs without risk to the user's files.

Decoding is strict on purpose: UTF-8 (with or without BOM), UTF-16 with a BOM,
or — when the bytes are not UTF-8 but read as plausible Western text — cp1252.
Anything else is an error naming the file, never silently garbled text.
"""

from __future__ import annotations

import os
import re
import stat
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import OutputError, UnreadableError

STDIN = "-"
MAX_INPUT_BYTES = 256 * 1024 * 1024
"""Inputs above this size are refused rather than read into memory."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text read from a file, with the encoding that was used."""

    text: str
    encoding: str


_WEB_ADDRESS = re.compile(r"(?i)(https?|ftp)://|www\.")


def missing(path: str, problem: str) -> str:
    """Why ``path`` cannot be read when nothing is there: a web address says so."""
    if _WEB_ADDRESS.match(path):
        return "a web address: nothing is downloaded; save the page and give the file"
    return problem


def read_bytes(path: str) -> bytes:
    """The raw bytes of ``path`` (``-`` is standard input), with one-line errors."""
    if path == STDIN:
        return sys.stdin.buffer.read()
    # A regular file of an accepted size is read after a single stat; anything
    # else (missing, a folder, too large, a device) takes the checks below.
    try:
        st = os.stat(path)
        if stat.S_ISREG(st.st_mode) and st.st_size <= MAX_INPUT_BYTES:
            with open(path, "rb") as fh:
                return fh.read()
    except (OSError, ValueError):  # ValueError: a name the file system cannot hold
        pass
    p = Path(path)
    if not p.exists():
        raise UnreadableError(path, missing(path, "no such file"))
    if p.is_dir():
        raise UnreadableError(path, "is a directory, not a file")
    try:
        size = p.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise UnreadableError(
                path,
                f"file is too large ({size // 2**20} MiB; the limit is "
                f"{MAX_INPUT_BYTES // 2**20} MiB)",
            )
        return p.read_bytes()
    except PermissionError:
        raise UnreadableError(path, "permission denied") from None
    except OSError as exc:
        raise UnreadableError(path, f"cannot be read ({exc.strerror or exc})") from None


def decode(data: bytes, path: str) -> Decoded:
    """Decode input bytes; raise :class:`UnreadableError` for binary or undecodable data.

    Line ends are normalized to ``\\n`` (CRLF and lone CR alike).
    """
    if not data.strip():
        raise UnreadableError(path, "file is empty" if not data else "file holds only white space")
    document = _document_kind(data)
    if document:
        raise UnreadableError(path, f"is {document}, not text: save or convert it as text first")
    encoding, text = _decode(data, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _looks_binary(text):
        raise UnreadableError(path, "looks like a binary file, not text")
    return Decoded(text, encoding)


def read_text(path: str) -> Decoded:
    """Read and decode a text file (or standard input for ``-``)."""
    return decode(read_bytes(path), path)


_HIGH_BYTES = bytes(range(0x80, 0x100))
_DOCUMENTS = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (as Word, OpenDocument and EPUB files are)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Office document (.doc)"),
    (b"{\\rtf", "an RTF document"),
)


def _document_kind(data: bytes) -> str | None:
    """What a document that is no plain text is, from its first bytes: articles are
    often saved as PDF or Word files, which need converting, not decoding.

    >>> _document_kind(b"%PDF-1.7 ..."), _document_kind(b"plain words")
    ('a PDF document', None)
    """
    return next((kind for magic, kind in _DOCUMENTS if data.startswith(magic)), None)


def _decode(data: bytes, path: str) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return "utf-8-sig", data[3:].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise UnreadableError(path, f"invalid UTF-8 at byte {exc.start + 3}") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return "utf-16", data.decode("utf-16")
        except UnicodeDecodeError:
            raise UnreadableError(path, "invalid UTF-16 text") from None
    if b"\x00" in data[:8192]:
        raise UnreadableError(path, "looks like a binary file, not text (NUL bytes)")
    try:
        return "utf-8", data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    if high <= len(data) * 0.3:
        try:
            return "cp1252", data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    raise UnreadableError(
        path,
        f"is not valid UTF-8 (byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}) "
        "and does not read as cp1252 text either",
    )


_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20)])
"""Control characters that text files do not hold (tabs and line ends aside)."""


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    if "\x00" in sample:
        return True
    # Control characters are ASCII, and ASCII bytes in UTF-8 stand only for
    # themselves: counting bytes is exact, and runs at C speed.
    encoded = sample.encode("utf-8", "surrogatepass")
    controls = len(encoded) - len(encoded.translate(None, _CONTROL_BYTES))
    return controls > max(8, len(sample) // 100)


def same_file(a: str, b: str) -> bool:
    """Whether two paths name the same file (following links), false when either is missing."""
    if STDIN in (a, b):
        return False
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def write_atomic(path: str, data: str, *, inputs: Iterable[str] = ()) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    Refuses to write over any of ``inputs``; ``-`` writes to standard output.
    A failure leaves any existing file at ``path`` as it was.
    """
    if path == STDIN:
        sys.stdout.write(data)
        sys.stdout.flush()
        return
    for source in inputs:
        if same_file(path, source):
            raise OutputError(path, f"refusing to overwrite the input file {source}")
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(path, f"folder {folder} does not exist")
    if target.is_dir():
        raise OutputError(path, "is a directory")
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(path, f"cannot write in {folder} ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(data)
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(path, f"cannot be written ({exc.strerror or exc})") from None
    except BaseException:
        # Text that cannot be encoded, or Ctrl-C: no temporary file may stay behind.
        Path(tmp).unlink(missing_ok=True)
        raise
