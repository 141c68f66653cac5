"""Articles (txt, md, html) -> :class:`Reference` with body text and quotes.

Reading is two steps. A format step turns the file into a headline (when the
format has one) and a list of paragraphs: plain text lines or blocks, markdown
with its syntax stripped, or the main text of an HTML page (trafilatura, with a
plain lxml extraction when it finds nothing). A shared step then cleans the
paragraphs the same way for every format:

1. leading page furniture is set apart: a dateline alone on its line
   (``BRUSSELS``), a byline, a publication date;
2. a plain-text headline is taken as the title when it looks like one;
3. a paragraph that is a truncated copy of the next one (a lede teaser ending
   in ``...``) is dropped;
4. site text that is not the article is kept apart in
   :attr:`Reference.boilerplate` (see :func:`split_boilerplate`);
5. quotes are extracted from what is left (:mod:`transcript_align.quotes`).

Everything set apart is recorded in :attr:`Reference.notes`.
"""

from __future__ import annotations

import html as htmllib
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal, cast

from . import parallel
from .errors import FormatError, UnreadableError
from .models import Reference
from .normalize import fold, load_word_list, zipf
from .quotes import scan_quotes
from .textio import missing, read_text

__all__ = [
    "REFERENCE_EXTENSIONS",
    "ReferenceKind",
    "collect_paths",
    "kind_for_path",
    "load_references",
    "parse_reference",
    "read_reference",
    "read_references",
    "split_boilerplate",
]

ReferenceKind = Literal["txt", "md", "html"]
REFERENCE_EXTENSIONS: dict[str, ReferenceKind] = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
}
_FOLDER_DOCS = frozenset(
    "readme license licence changelog contributing notice copying authors".split()
)
"""Documentation files that describe a folder of articles rather than being one."""


def collect_paths(paths: Iterable[str], *, exclude: Iterable[str] = ()) -> list[str]:
    """Reference files named by ``paths``: files as given, folders recursed (sorted).

    In folders, hidden files and folders, files of other types and the folder's
    own documentation (``README.md``, ``LICENSE.txt`` …) are skipped. Files in
    ``exclude`` (the transcript) and duplicates are left out.
    """
    return _collect(paths, exclude)[0]


def _collect(paths: Iterable[str], exclude: Iterable[str]) -> tuple[list[str], list[str]]:
    """:func:`collect_paths`, and from the same walk of each folder the files there of
    other types (a PDF, a Word file): worth a note, since the user may have meant them
    as articles."""
    excluded = {_identity(x) for x in exclude}
    found: list[str] = []
    others: list[str] = []
    for p in paths:
        path = Path(p)
        if not path.exists():
            raise UnreadableError(p, missing(p, "no such file or folder"))
        if path.is_dir():
            inside = _folder_files(path)
            files = [str(f) for f in inside if _is_article(f)]
            if not files:
                kinds = sorted({f.suffix.lower() for f in inside if f.suffix})
                held = f" (it holds {', '.join(kinds[:4])} files: save articles as text)"
                raise UnreadableError(
                    p, "folder holds no .txt, .md or .html file" + (held if kinds else "")
                )
            found.extend(files)
            others.extend(
                str(f)
                for f in inside
                if f.suffix.lower() not in REFERENCE_EXTENSIONS
                and _identity(str(f)) not in excluded
            )
        else:
            found.append(p)
    seen = set(excluded)
    out: list[str] = []
    for f in found:
        identity = _identity(f)
        if identity in seen:
            continue
        seen.add(identity)
        out.append(f)
    return out, others


def _folder_files(folder: Path) -> list[Path]:
    """The files under ``folder`` in the order of their names, hidden files and folders
    left out."""
    return sorted(
        (
            f
            for f in folder.rglob("*")
            if f.is_file() and not any(part.startswith(".") for part in f.relative_to(folder).parts)
        ),
        key=str,
    )


def _is_article(f: Path) -> bool:
    return f.suffix.lower() in REFERENCE_EXTENSIONS and f.stem.lower() not in _FOLDER_DOCS


def _identity(path: str) -> tuple[int, int] | str:
    """What makes two paths the same file: device and inode, or the absolute path."""
    try:
        st = os.stat(path)
    except OSError:
        return os.path.abspath(path)
    return st.st_dev, st.st_ino


def kind_for_path(path: str) -> ReferenceKind:
    """The reader for a file name: ``.md``/``.markdown``, ``.html``/``.htm``, else txt."""
    return REFERENCE_EXTENSIONS.get(Path(path).suffix.lower(), "txt")


def read_reference(path: str) -> Reference:
    """Read one article (``.txt``, ``.md``, ``.html``; other names are read as plain text)."""
    decoded = read_text(path)
    reference = parse_reference(decoded.text, path, kind=kind_for_path(path))
    if decoded.encoding not in ("utf-8", "utf-8-sig"):
        notes = (f"decoded as {decoded.encoding}", *reference.notes)
        reference = Reference(**{**reference.__dict__, "notes": notes})
    return reference


def read_references(
    paths: Iterable[str],
    *,
    exclude: Iterable[str] = (),
    jobs: int | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> list[Reference]:
    """Read every article named by ``paths`` (the transcript itself is left out), and do
    ``meanwhile`` while helper processes read them (see :func:`load_references`)."""
    return load_references(paths, exclude=exclude, jobs=jobs, meanwhile=meanwhile)[0]


def load_references(
    paths: Iterable[str],
    *,
    exclude: Iterable[str] = (),
    jobs: int | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> tuple[list[Reference], list[str]]:
    """:func:`read_references`, and the files of other types in the folders among
    ``paths`` that were skipped (a PDF, a Word file): worth a note to the user.

    Many articles are read by ``jobs`` processes (default: one per core, see
    :mod:`.parallel`), in the same order and with the same error as one process
    would give (the first file's that fails). This process first does ``meanwhile``
    (the command line reads the transcript: a fifth of the reading of a long hearing,
    once done before the articles while the helpers waited to be forked), then reads
    the word list every later step weighs words by (:func:`.normalize.load_word_list`, a
    tenth of a second), while its helpers start on the articles, then takes articles
    too. ``meanwhile`` is done exactly once, and what it raises comes first: before any
    error of the articles."""
    ran: list[bool] = []

    def first() -> None:
        if meanwhile is not None:
            meanwhile()
        ran.append(True)
        load_word_list()

    paths = list(paths)
    try:
        files, others = _collect(paths, exclude)
        if not files:
            raise UnreadableError(", ".join(paths), "no reference file left to read")
    except UnreadableError:
        if meanwhile is not None:
            meanwhile()
        raise
    read = parallel.map_shared(_read_one, files, None, jobs=jobs, meanwhile=first)
    if not ran and meanwhile is not None:  # no helper was forked: read one after the other
        meanwhile()
    for r in read:
        if isinstance(r, BaseException):
            raise r
    return cast(list[Reference], read), others


def _read_one(_shared: None, path: str) -> Reference | Exception:
    """One article, or the error reading it gave (raised by the caller in file order)."""
    try:
        return read_reference(path)
    except Exception as error:
        return error


def parse_reference(text: str, path: str, *, kind: ReferenceKind = "txt") -> Reference:
    """Build a :class:`Reference` from article text already read (no I/O).

    ``kind`` says how to read it; text that is plainly an HTML page is read as
    HTML whatever ``kind`` says. Raises :class:`FormatError` when no article
    text is left.

    >>> r = parse_reference("Rutte: no consensus\\nRutte said: “Not yet.”\\n", "a.txt")
    >>> r.title, r.text, [(q.text, q.speaker) for q in r.quotes]
    ('Rutte: no consensus', 'Rutte said: “Not yet.”', [('Not yet.', 'Rutte')])
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if kind != "html" and _looks_like_html(text):
        kind = "html"
    if kind == "html":
        draft = _html_draft(text, path)
    elif kind == "md":
        draft = _markdown_draft(text)
    else:
        draft = _Draft(None, _text_paragraphs(text.split("\n")))
    return _finish(draft, path)


# --- shared cleaning -----------------------------------------------------------------------


@dataclass
class _Draft:
    """What a format reader found: a title if the format marks one, and paragraphs."""

    title: str | None
    paragraphs: list[str]
    notes: list[str] = field(default_factory=list)


def _finish(draft: _Draft, path: str) -> Reference:
    notes = list(draft.notes)
    paragraphs = [p for p in map(_squeeze_spaces, draft.paragraphs) if p]
    title = " ".join(draft.title.split()) if draft.title else None
    paragraphs, furniture = _leading_furniture(paragraphs)
    notes.extend(furniture)
    if title is None and len(paragraphs) > 1 and _is_headline(paragraphs[0]):
        title = paragraphs.pop(0)
        paragraphs, furniture = _leading_furniture(paragraphs)
        notes.extend(furniture)
    if title is not None and paragraphs and _same_text(paragraphs[0], title):
        paragraphs.pop(0)  # pages repeat their headline at the top of the body
    paragraphs, dropped = _drop_truncated_copies(paragraphs)
    notes.extend(dropped)
    body, boilerplate, cut = split_boilerplate(paragraphs, title=title or "")
    notes.extend(cut)
    if not body:
        raise FormatError(path, "no article text found")
    if title is None:
        title = _title_from_lede(body[0])
        notes.append("no headline: title taken from the first sentence")
    text = "\n\n".join(body)
    scan = scan_quotes(text)
    notes.extend(f"quotes: {n}" for n in scan.notes)
    return Reference(path, title, text, "\n\n".join(boilerplate), scan.quotes, tuple(notes))


def _squeeze_spaces(p: str) -> str:
    """``p`` with each run of white space made one space, and none at either end."""
    # Most paragraphs are in shape already; checking costs less than rebuilding.
    if "  " in p or p.startswith(" ") or p.endswith(" ") or not _only_plain_spaces(p):
        return " ".join(p.split())
    return p


_ASCII_SPACES = b"\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"
"""The ASCII white space characters other than the plain space."""


def _only_plain_spaces(p: str) -> bool:
    """Whether the plain space is the only white space character in ``p``."""
    if p.isascii():
        data = p.encode("ascii")
        return len(data.translate(None, _ASCII_SPACES)) == len(data)
    # Printable text holds no white space but the plain space.
    return p.isprintable()


_DATELINE_WORD = re.compile(r"[^\W\d_][^\W\d_.'’-]*(?:[.'’-][^\W\d_]+)*\.?")
_BYLINE = re.compile(r"^(?:[Bb]y|[Ww]ritten by|[Ww]ords by)\s+[A-Z][^.]{0,60}$")
_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|"
    "june|july|august|september|october|november|december"
)
_DATE_LINE = re.compile(
    rf"^(?:(?:published|updated|posted|last updated)(?: on)?:?\s*)?"
    rf"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
    rf"(?:\d{{1,2}}\s+(?:{_MONTHS})\.?|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?|\d{{4}}-\d\d-\d\d|"
    rf"\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}})"
    rf"(?:,?\s+\d{{4}})?(?:,?\s*(?:at\s+)?\d{{1,2}}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{{2,5}})?)?$",
    re.IGNORECASE,
)
_READING_TIME = re.compile(r"^\d+\s*(?:min|minute)s?\s+read$", re.IGNORECASE)


def _is_dateline(p: str) -> bool:
    """A place name alone in capitals, as wires start a story: ``BRUSSELS``, ``NEW YORK (AP) —``."""
    core = re.sub(r"\s*\([^)]{1,30}\)\s*", " ", p) if "(" in p else p
    core = core.strip(" —–-:")
    place, _, rest = core.partition(",")
    words = place.split()
    if not 1 <= len(words) <= 3 or len(rest) > 40:
        return False
    letters = [c for c in place if c.isalpha()]
    return (
        len(letters) >= 3
        and all(c.isupper() for c in letters)
        and all(_DATELINE_WORD.fullmatch(w) for w in words)
    )


def _leading_furniture(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    notes = []
    k = 0
    while k < len(paragraphs) - 1 and k < 4:
        p = paragraphs[k]
        if _is_dateline(p):
            notes.append(f"dateline set apart: {p}")
        elif _BYLINE.match(p) and len(p.split()) <= 8:
            notes.append(f"byline set apart: {p}")
        elif _DATE_LINE.match(p) or _READING_TIME.match(p):
            notes.append(f"date line set apart: {p}")
        else:
            break
        k += 1
    return paragraphs[k:], notes


def _is_headline(p: str) -> bool:
    """A first line short enough, and without the final period of a sentence."""
    words = p.split()
    end = p.rstrip("\"'”’»“)]")
    return (
        len(p) <= 200
        and 2 <= len(words) <= 30
        and not end.endswith((".", ",", ";", ":"))
        and not p.startswith(("-", "*", "•"))
    )


def _same_text(a: str, b: str) -> bool:
    return _squash(a) == _squash(b)


def _squash(s: str) -> str:
    return re.sub(r"\W+", " ", fold(s).lower()).strip()


def _drop_truncated_copies(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Drop a paragraph that is the start of the next one cut off with ``...`` or ``…``."""
    out = []
    notes = []
    for k, p in enumerate(paragraphs):
        if k + 1 < len(paragraphs) and p.rstrip().endswith(("...", "…")):
            stem = p.rstrip().rstrip(".… ").rstrip()
            if len(stem) >= 20 and _squash(paragraphs[k + 1]).startswith(_squash(stem)):
                notes.append(f"dropped a truncated copy of the next paragraph: {_short(p)}")
                continue
        out.append(p)
    return out, notes


def _title_from_lede(p: str) -> str:
    """The first sentence (at most 14 words), for an article without a headline."""
    m = re.search(r"[.!?…][\"'”’»)]*(?=\s|$)", p)
    sentence = p[: m.end()] if m else p
    if sentence.endswith(".") and not sentence.endswith(".."):
        sentence = sentence[:-1]
    words = sentence.split()
    return " ".join(words[:14]) + ("…" if len(words) > 14 else "")


def _short(p: str, n: int = 60) -> str:
    return p if len(p) <= n else p[: n - 1].rstrip() + "…"


# --- boilerplate ---------------------------------------------------------------------------

_LIST_HEADER = re.compile(
    r"^(?:related(?: articles| stories| news| content| coverage)?|recommended(?: for you)?|"
    r"read (?:more|also|next)|see also|also read|more (?:from|on|in|about)\b.*|more stories|"
    r"you (?:may|might) also (?:like|be interested in)|most (?:read|popular|viewed|shared)|"
    r"latest(?: news| stories)?|top stories|trending(?: now)?|editor'?s picks|don'?t miss|"
    r"other news|in other news|popular)\s*:?$",
    re.IGNORECASE,
)
_CHROME = re.compile(
    r"^(?:"
    r"(?:you can )?download (?:the|our) .{0,40}\bapp(?:lication)?\b.*|"
    r".*\b(?:download|available|get it)\b.*\b(?:app store|google play|play store)\b.*|"
    r"(?:leave|post|add|write) (?:the first|a|your) comment.*|be the first to comment.*|"
    r"\d+ comments?|comments?(?: \(\d+\))?|"
    r"what (?:is|'s|’s) your (?:opinion|view|take)\b.*|what do you think\??|"
    r"share (?:this|on|via)\b.*|share|tweet|email|print|copy link|"
    r"(?:subscribe|sign up|join us|join our)\b.{0,80}"
    r"\b(?:newsletter|updates|channel|alerts|free|today|now)\b.*|"
    r".*\bour newsletter\b.*|newsletter|follow (?:us|\w+) on\b.*|"
    r".*\b(?:uses? cookies|cookie (?:settings|policy|preferences|consent))\b.*|"
    r"accept (?:all )?cookies\b.*|"
    r".*\ball rights reserved\b.*|(?:©|copyright\b).*|"
    r"advertisement|sponsored(?: content)?|ad|"
    r"(?:tags?|topics?|filed under|categories|category)(?:\s*:.*)?|"
    r"(?:click|tap) here\b.*|"
    r"(?:reporting|writing|editing|additional reporting) by\b.*|"
    r"(?:read (?:more|also|next)|see also|also read|related)\s*:.*"
    r")$",
    re.IGNORECASE,
)
_INLINE_CHROME = re.compile(
    r"^(?:advertisement|story continues below.*|continue reading.*|scroll to continue.*|"
    r"(?:read (?:more|also|next)|see also|also read|related)\s*:.*)$",
    re.IGNORECASE,
)
_MAX_CHROME_CHARS = 200
_MAX_TEASER_CHARS = 400
_OPENING_MARKS = frozenset("\"'“‘„«»‚")
_MAX_TEASERS = 40
_MIN_TEASER_WORDS = 3
"""Longer runs of short paragraphs are the article's own style, never cut as a whole."""
_DISTINCTIVE_ZIPF = 5.0
"""Words rarer than about one in 100,000 carry a story's topic; commoner ones do not."""
_WORD = re.compile(r"[^\W\d_]+(?:[’'\-][^\W\d_]+)*")


def split_boilerplate(
    paragraphs: Sequence[str], *, title: str = ""
) -> tuple[list[str], list[str], list[str]]:
    """Split paragraphs into ``(body, boilerplate, notes)``.

    Site text is only cut where it cannot be article text, and only at the end
    of the article (a wrong cut loses article text, a missed one costs little):

    - anywhere: a paragraph that is only ``Advertisement``, ``Read more: …``,
      ``Story continues below`` and the like;
    - at the end: short site-chrome lines (comment and share prompts, app
      downloads, newsletter and cookie notices, tags, copyright, credits);
    - at the end: a list header (``Related``, ``Read more``, ``More from …``)
      followed only by teaser-sized paragraphs, and everything after it;
    - at the end: a run of teaser-sized paragraphs (one or two sentences)
      about other stories. A paragraph can only be judged with at least three
      distinctive words (rarer than :data:`_DISTINCTIVE_ZIPF`). The cut starts
      at a paragraph that shares none of them with the article before it and
      is not direct speech, and is made only if at least two thirds of the
      paragraphs from there on (and at least two, or one when site chrome
      follows) share no *topic* word: a distinctive word of the title, or one
      found in at least two paragraphs before the cut.

    The first two paragraphs are never cut, nor more than 40 teasers.
    """
    notes: list[str] = []
    kept: list[str] = []
    inline: list[str] = []
    for k, p in enumerate(paragraphs):
        if k and len(p) <= _MAX_CHROME_CHARS and _INLINE_CHROME.match(p):
            inline.append(p)
        else:
            kept.append(p)
    if inline:
        notes.append(f"set apart {len(inline)} site line(s) inside the article")
    keep_min = min(2, len(kept))
    end = len(kept)
    while end > keep_min and _is_chrome(kept[end - 1]):
        end -= 1
    chrome = len(kept) - end
    header = _list_header(kept, keep_min, end)
    teasers = 0
    if header is not None:
        end = header
    else:
        start = _teaser_cut(kept[:end], keep_min, title, chrome_follows=chrome > 0)
        teasers = end - start
        end = start
    body, tail = kept[:end], kept[end:]
    if header is not None:
        notes.append(f"set apart a list of other stories from {_short(tail[0], 40)!r} on")
    if teasers:
        notes.append(
            f"set apart {teasers} trailing paragraph(s) about other stories, "
            f"from {_short(tail[0], 50)!r}"
        )
    if chrome:
        notes.append(f"set apart {chrome} trailing site line(s)")
    return body, [*inline, *tail], notes


def _is_chrome(p: str) -> bool:
    if len(p) > _MAX_CHROME_CHARS:
        return False
    if _CHROME.match(p) or (_LIST_HEADER.match(p) and len(p.split()) <= 6):
        return True
    # A few words with no sentence punctuation after the article: a tag or category.
    return len(p.split()) <= 3 and not re.search(r"[.!?…:\"”’»]$", p)


def _list_header(paragraphs: Sequence[str], keep_min: int, end: int) -> int | None:
    """The earliest "Related"-style header that only teaser-sized paragraphs follow."""
    found = None
    for k in range(end - 1, keep_min - 1, -1):
        p = paragraphs[k]
        if len(p) > _MAX_TEASER_CHARS:
            break
        if _LIST_HEADER.match(p) and len(p.split()) <= 6:
            found = k
    return found


def _teaser_sized(p: str) -> bool:
    sentences = len(re.findall(r"[.!?…](?:[\"'”’»)]*)(?=\s+[\"'“‘«(]?[A-Z])", p)) + 1
    return len(p) <= _MAX_TEASER_CHARS and sentences <= 2


def _teaser_cut(
    paragraphs: Sequence[str], keep_min: int, title: str, *, chrome_follows: bool
) -> int:
    """Where a trailing run of teasers about other stories starts (``len`` when there is none)."""
    end = len(paragraphs)
    run = end
    while run > max(keep_min, end - _MAX_TEASERS) and _teaser_sized(paragraphs[run - 1]):
        run -= 1
    if run == end:
        return end
    if not chrome_follows and not any(_headerish(p) for p in paragraphs[max(0, run - 1) : end]):
        return end  # no seam on the page: nothing will be cut, skip the word counts
    words = [set(_distinctive(p)) for p in paragraphs]
    title_words = set(_distinctive(title))
    counts: Counter[str] = Counter()
    for w in words[:run]:
        counts.update(w)
    need = 1 if chrome_follows else 2
    for s in range(run, end):
        if s > run:
            counts.update(words[s - 1])
        # The first cut paragraph shares no distinctive word at all with what precedes it,
        # and is not direct speech (a quote's last paragraph shares few rare words). A
        # paragraph of common words ("The council will vote on Thursday.") cannot be judged.
        if (
            len(words[s]) < _MIN_TEASER_WORDS
            or words[s] & (counts.keys() | title_words)
            or paragraphs[s][:1] in _OPENING_MARKS
        ):
            continue
        topic = {w for w, c in counts.items() if c >= 2} | title_words
        unrelated = sum(1 for w in words[s:end] if len(w) >= _MIN_TEASER_WORDS and not w & topic)
        # Topic alone is no proof: an article's last paragraphs may turn to a new
        # subject. Cut only where the page shows a seam too: site lines after the
        # run, or a heading-like line ("A four-part docuseries") where it starts.
        seam = chrome_follows or _headerish(paragraphs[s - 1]) or _headerish(paragraphs[s])
        if seam and unrelated >= need and 3 * unrelated >= 2 * (end - s):
            heading = s - 1 > keep_min and _headerish(paragraphs[s - 1])
            return s - 1 if heading else s
    return end


def _headerish(p: str) -> bool:
    """A short line with no sentence punctuation: a heading or a label, not article prose."""
    return len(p.split()) <= 6 and not re.search(r"[.!?…:;,\"”’»]$", p.strip())


def _distinctive(p: str) -> list[str]:
    return [w for w in map(_distinctive_word, _WORD.findall(p)) if w is not None]


@lru_cache(maxsize=65_536)
def _distinctive_word(word: str) -> str | None:
    """The word as compared (folded, lowercase, no ``'s``) if it is rare enough, else None."""
    w = fold(word).lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    return w if len(w) >= 3 and zipf(w) < _DISTINCTIVE_ZIPF else None


# --- plain text ----------------------------------------------------------------------------


def _text_paragraphs(lines: Sequence[str]) -> list[str]:
    """Paragraphs of plain text: blank-line blocks, or lines when the text is not hard-wrapped.

    Hard-wrapped text (blocks of lines of similar length, broken at a fixed
    width) has its lines joined; otherwise each line is a paragraph, as in text
    copied from a web page, one paragraph per line.
    """
    blocks: list[list[str]] = [[]]
    for line in lines:
        if stripped := line.strip():
            blocks[-1].append(stripped)
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    if _hard_wrapped(blocks):
        return [" ".join(b) for b in blocks]
    return [line for b in blocks for line in b]


def _hard_wrapped(blocks: Sequence[Sequence[str]]) -> bool:
    inner = [line for b in blocks for line in b[:-1]]
    if len(blocks) < 2 or len(inner) < 2:
        return False
    width = max(len(line) for b in blocks for line in b)
    if width > 100:
        return False
    full = sum(1 for line in inner if len(line) >= 0.6 * width)
    return full >= 0.8 * len(inner)


# --- markdown ------------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\n(.*?)\n\1[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_TITLE = re.compile(r"^title\s*[:=]\s*(.+?)\s*$", re.MULTILINE | re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_BLOCKQUOTE = re.compile(r"^\s{0,3}>\s?")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")
_LINK_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|\"'])")
_INLINE_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]"), ""),
    (re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),
    (re.compile(r"(`+)\s?(.+?)\s?\1"), r"\2"),
    (re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"), ""),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"~~(.+?)~~"), r"\1"),
)


def _markdown_draft(text: str) -> _Draft:
    """Paragraphs of a markdown article with its syntax stripped; the first heading is the title."""
    title = None
    front = _FRONT_MATTER.match(text)
    if front:
        found = _FRONT_TITLE.search(front.group(2))
        if found:
            title = found.group(1).strip().strip("\"'")
        text = text[front.end() :]
    text = _COMMENT.sub("", text)
    paragraphs: list[str] = []
    current: list[str] = []
    fence: str | None = None

    def flush() -> None:
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    lines = _quoted_markdown(text.split("\n"))
    n = 0
    while n < len(lines):
        line = lines[n]
        n += 1
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            continue
        opening = _FENCE.match(line)
        if opening:
            flush()
            fence = opening.group(1)
            continue
        quoted = False
        while _BLOCKQUOTE.match(line):
            line = _BLOCKQUOTE.sub("", line, count=1)
            quoted = True
        if not line.strip():
            flush()
            continue
        if _LINK_DEF.match(line) or _TABLE_RULE.match(line):
            continue
        heading: str | None = None
        found = _HEADING.match(line)
        if found:
            heading = found.group(2) or ""
        elif (
            not quoted
            and not current
            and n < len(lines)
            and _SETEXT.match(lines[n])
            and not _LIST_ITEM.match(line)
            and not _RULE.match(line)
        ):
            heading = line
            n += 1  # the underline
        if heading is not None:
            flush()
            words = _inline_markdown(heading.strip())
            if title is None and not paragraphs:
                title = words
            elif words:
                paragraphs.append(words)
            continue
        if _RULE.match(line):
            flush()
            continue
        item = _LIST_ITEM.match(line)
        if item:
            flush()
            line = line[item.end() :]
        if line.lstrip().startswith("|"):
            line = " ".join(cell.strip() for cell in line.strip().strip("|").split("|"))
        current.append(_inline_markdown(line.strip()))
    flush()
    return _Draft(title or None, paragraphs)


_CREDIT_LINE = re.compile(r"^\s*(?:[—–―]|--?)\s*(?=[^\W\d_])")
"""A line crediting a quotation: "— Ann Lee", "-- Ann Lee, council leader"."""


def _quoted_markdown(lines: Sequence[str]) -> list[str]:
    """The lines with each block quotation (``> …``) one line of its words in quotation
    marks, its credit line ("— Ann Lee", inside the block or right after it) after
    them, as :func:`_quoted_blocks` does for a page; a block in marks already, or
    inside a fenced code block, stays as it is."""
    out: list[str] = []
    n = 0
    fence: str | None = None
    while n < len(lines):
        line = lines[n]
        opening = _FENCE.match(line)
        if fence is not None or opening or not _BLOCKQUOTE.match(line):
            if fence is not None and line.strip().startswith(fence):
                fence = None
            elif fence is None and opening:
                fence = opening.group(1)
            out.append(line)
            n += 1
            continue
        block: list[str] = []
        while n < len(lines) and _BLOCKQUOTE.match(lines[n]):
            inner = lines[n]
            while _BLOCKQUOTE.match(inner):
                inner = _BLOCKQUOTE.sub("", inner, count=1)
            block.append(inner.strip())
            n += 1
        after = n + (n < len(lines) and not lines[n].strip())
        credit = ""
        filled = [b for b in block if b]
        if filled and _CREDIT_LINE.match(filled[-1]):
            credit = filled[-1]
            block.remove(credit)
        elif after < len(lines) and _CREDIT_LINE.match(lines[after]):
            credit, n = lines[after].strip(), after + 1
        words = " ".join(" ".join(block).split())
        if not words or _OPENING_MARK.match(words):
            out.extend(f"> {b}" for b in block)  # in marks already: as written
            out.extend((credit, "") if credit else ("",))
            continue
        out.extend((" ".join(part for part in (f"“{words}”", credit) if part), ""))
    return out


def _inline_markdown(s: str) -> str:
    # Escaped characters hide in private-use code points while the rules run.
    s = _ESCAPED.sub(lambda m: chr(0xF0000 + ord(m.group(1))), s)
    for pattern, repl in _INLINE_RULES:
        s = pattern.sub(repl, s)
    s = re.sub("[\U000f0000-\U000f00ff]", lambda m: chr(ord(m.group()) - 0xF0000), s)
    return htmllib.unescape(s).strip()


# --- html ----------------------------------------------------------------------------------

_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
    re.IGNORECASE | re.DOTALL,
)
_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "head",
    "nav",
    "header",
    "footer",
    "aside",
    "button",
    "select",
    "textarea",
    "input",
    "label",
    "option",
)
_BLOCK_TAGS = frozenset(
    "p div section article main li ul ol dl dt dd h1 h2 h3 h4 h5 h6 blockquote pre table tr "
    "td th figcaption figure address hr br".split()
)


def _looks_like_html(text: str) -> bool:
    return _HTML_START.match(text[:4096]) is not None


def _html_draft(text: str, path: str) -> _Draft:
    """The main text of a page (trafilatura, favouring precision), else every visible block."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        _quoted_blocks(text),
        favor_precision=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        with_metadata=True,
    )
    body = getattr(doc, "text", None) or ""
    title = getattr(doc, "title", None) or None
    fallback_title, visible = _lxml_text(text)
    # trafilatura may return navigation text from a page with no article; the plain
    # extraction, which drops navigation, headers and footers, decides there is none.
    if not visible:
        raise FormatError(path, "no article text found")
    notes = []
    if body.strip():
        paragraphs = body.split("\n")
    else:
        paragraphs = visible
        notes.append("main text not recognised; read every visible block of the page")
    title = title or fallback_title
    if title and " | " in title:
        title = title.split(" | ")[0]  # "Headline | Site name"
    return _Draft(title, paragraphs, notes)


_EMBEDDED = re.compile(r"(?i)twitter|tweet|instagram|tiktok|facebook|embed|social")
"""Classes of a blockquote that holds a post embedded from elsewhere, not speech."""
_OPENING_MARK = re.compile(r"^\W*[\"“„«‘']")


def _quoted_blocks(text: str) -> str:
    """The page with each block quotation's words in quotation marks, its footer or
    cite after them in the same paragraph ("“…” — Siobhan McCreadie"): a block
    quotation quotes someone without marks, and the marks are what quotes are read
    by. Embedded posts and blocks already in marks are left as they are."""
    if "<blockquote" not in text.lower():
        return text
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(_NOT_XML.sub(" ", text))
    except (etree.ParserError, ValueError):
        return text
    changed = False
    for block in root.iter("blockquote"):
        if _EMBEDDED.search(str(block.get("class", ""))) or block.find(".//blockquote") is not None:
            continue
        if _OPENING_MARK.match(" ".join(block.text_content().split()) or '"'):
            continue  # empty, or in marks already: its credit stays where it is
        credits = [el for el in block.iter("footer", "cite", "figcaption") if el is not block]
        credit = " ".join(" ".join(el.text_content().split()) for el in credits)
        for el in credits:
            el.drop_tree()
        words = " ".join(block.text_content().split())
        para = lxml_html.fragment_fromstring("<p></p>")
        para.text = " ".join(part for part in (f"“{words}”" if words else "", credit) if part)
        para.tail = block.tail
        block.getparent().replace(block, para)
        changed = True
    return lxml_html.tostring(root, encoding="unicode") if changed else text


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters XML text may not hold."""


def _lxml_text(text: str) -> tuple[str | None, list[str]]:
    from lxml import etree
    from lxml import html as lxml_html

    text = re.sub(r"\A\s*<\?xml[^>]*>", "", text)
    # lxml parses these but refuses them when a node's text is set, as below.
    text = _NOT_XML.sub(" ", text)
    try:
        root = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return None, []
    title = None
    for xpath in ("//meta[@property='og:title']/@content", "//title/text()", "//h1//text()"):
        values = [str(v).strip() for v in root.xpath(xpath)]
        if any(values):
            title = " ".join(v for v in values if v)
            break
    for el in root.xpath("|".join(f"//{t}" for t in _DROP_TAGS) + "|//comment()"):
        if el.getparent() is not None:
            el.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK_TAGS:
            el.text = "\n" + (el.text or "")
            el.tail = "\n" + (el.tail or "")
    lines = [" ".join(line.split()) for line in root.text_content().split("\n")]
    return title, [line for line in lines if line]
