"""Which build of the library runs: its hot modules compiled with mypyc, or Python sources.

``pip install`` compiles :data:`MODULES` when it can (see ``setup.py``; a
machine without a C compiler gets the Python sources). Both give the same
output byte for byte. The compiled modules run only while the sources are the
ones they were built from — after an edit, every module runs from its source
until the next ``pip install`` — and not at all with ``TRANSCRIPT_ALIGN_PURE=1``
in the environment. ``transcript-align --version`` says which build is in use.

Standard library only: ``setup.py`` reads :data:`MODULES` and :func:`digest`
from this file before anything is installed.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

MODULES = (
    "alignment",
    "changes",
    "clean",
    "jsontext",
    "lexicon",
    "mishearing",
    "normalize",
    "passages",
    "quotes",
    "readable",
    "relate",
    "similarity",
    "timeline",
    "verify",
    "repair.aligned",
    "repair.candidates",
    "repair.confidence",
    "repair.decide",
    "repair.guards",
    "repair.pairing",
    "repair.propagate",
    "repair.slots",
    "repair.spans",
    "repair.surnames",
)
"""The modules compiled, relative to the package: where the per-word loops are."""
STAMP = "_built"
"""A module compiled with them that holds the :func:`digest` of the sources they came from."""
PURE = "TRANSCRIPT_ALIGN_PURE"
"""Set (to anything but empty or 0) to run the Python sources though compiled modules exist."""

PACKAGE = Path(__file__).parent


def digest(package: Path) -> str:
    """A hash of the compiled modules' sources, in :data:`MODULES` order."""
    h = hashlib.sha256()
    for name in MODULES:
        h.update(name.encode())
        h.update(_source(package, name).read_bytes())
    return h.hexdigest()


def _source(package: Path, name: str) -> Path:
    return package.joinpath(*name.split(".")).with_suffix(".py")


def compiled(package: Path, name: str) -> bool:
    """Whether module ``name`` of ``package`` has a compiled file for this interpreter."""
    stem = package.joinpath(*name.split("."))
    return any(
        stem.with_name(stem.name + suffix).exists()
        for suffix in importlib.machinery.EXTENSION_SUFFIXES
    )


def why_sources(pure: str, built: str | None, current: str, *, complete: bool = True) -> str | None:
    """Why the Python sources must run although compiled modules exist (None: they need
    not), from the :data:`PURE` variable, the digest the build recorded and the sources',
    and whether every module of :data:`MODULES` has a compiled file."""
    if pure not in ("", "0"):
        return f"{PURE} is set"
    if built is None or not complete:
        return "the build is incomplete"
    if built != current:
        return "the sources changed since the build"
    return None


def _built_digest() -> str | None:
    try:
        stamp = importlib.import_module(f"{__package__}.{STAMP}")
    except ImportError:
        return None
    found = getattr(stamp, "DIGEST", None)
    return found if isinstance(found, str) else None


class _Sources(importlib.abc.MetaPathFinder):
    """Finds the compiled modules' Python sources ahead of the compiled files."""

    def __init__(self, package: str, names: Sequence[str]) -> None:
        self.files = {f"{package}.{n}": _source(PACKAGE, n) for n in names}

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> ModuleSpec | None:
        file = self.files.get(fullname)
        return None if file is None else importlib.util.spec_from_file_location(fullname, file)


def _choose() -> str:
    """Decide the build for this process (before any compiled module is imported).

    A build missing some modules (one added to :data:`MODULES` since it was made) runs
    from the sources too: the compiled files it has are of older sources, and Python
    would load them ahead of the new ones."""
    built = [n for n in (*MODULES, STAMP) if compiled(PACKAGE, n)]
    if not built:
        return "python"
    complete = len(built) == len(MODULES) + 1
    reason = why_sources(
        os.environ.get(PURE, ""), _built_digest(), digest(PACKAGE), complete=complete
    )
    if reason is None:
        return "compiled"
    sys.meta_path.insert(0, _Sources(__package__ or "transcript_align", MODULES))
    return f"python: {reason}"


IN_USE = _choose() if __package__ else "python"
"""``"compiled"``, or ``"python"`` (with the reason when compiled modules exist but do not run)."""
