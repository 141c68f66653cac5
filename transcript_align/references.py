"""Articles (txt, md, html) -> :class:`Reference` with body text and quotes."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .errors import UnreadableError
from .models import Reference
from .textio import read_text, same_file

REFERENCE_EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm")


def collect_paths(paths: Iterable[str], *, exclude: Iterable[str] = ()) -> list[str]:
    """Reference files named by ``paths``: files as given, folders recursed (sorted)."""
    excluded = list(exclude)
    found: list[str] = []
    for p in paths:
        path = Path(p)
        if not path.exists():
            raise UnreadableError(p, "no such file or folder")
        if path.is_dir():
            files = sorted(
                str(f)
                for f in path.rglob("*")
                if f.is_file()
                and f.suffix.lower() in REFERENCE_EXTENSIONS
                and not any(part.startswith(".") for part in f.relative_to(path).parts)
            )
            if not files:
                raise UnreadableError(p, "folder holds no .txt, .md or .html file")
            found.extend(files)
        else:
            found.append(p)
    out: list[str] = []
    for f in found:
        if any(same_file(f, x) for x in excluded) or any(same_file(f, x) for x in out):
            continue
        out.append(f)
    return out


def read_reference(path: str) -> Reference:
    """Read one article."""
    text = read_text(path).text
    lines = [line.strip() for line in text.split("\n")]
    body = [line for line in lines if line]
    title = body[0] if body else Path(path).stem
    return Reference(path, title, "\n\n".join(body))


def read_references(paths: Iterable[str], *, exclude: Iterable[str] = ()) -> list[Reference]:
    """Read every article named by ``paths`` (the transcript itself is left out)."""
    files = collect_paths(paths, exclude=exclude)
    if not files:
        raise UnreadableError(", ".join(paths), "no reference file left to read")
    return [read_reference(f) for f in files]
