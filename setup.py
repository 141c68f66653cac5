"""Build: the hot modules compiled with mypyc when it and a C compiler are at hand.

Anything short of that (no compiler, a failed compile, ``TRANSCRIPT_ALIGN_PURE=1``)
installs the library as Python sources alone, which give the same output.
See ``transcript_align/build.py``.
"""

from __future__ import annotations

import os
import runpy
from pathlib import Path
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext

PACKAGE = Path(__file__).parent / "transcript_align"
build = runpy.run_path(str(PACKAGE / "build.py"))


def compiled_modules() -> list[Any]:
    """The mypyc extensions, or none when they cannot or should not be built."""
    if os.environ.get(build["PURE"], "") not in ("", "0"):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        print("transcript-align: mypyc not available; installing the Python sources only")
        return []
    stamp = PACKAGE / f"{build['STAMP']}.py"
    stamp.write_text(
        '"""Written by setup.py: the digest of the sources compiled with this module."""\n\n'
        f'DIGEST = "{build["digest"](PACKAGE)}"\n',
        encoding="utf-8",
    )
    names = [*build["MODULES"], build["STAMP"]]
    paths = [str(Path("transcript_align", *n.split(".")).with_suffix(".py")) for n in names]
    # The build runs without the runtime dependencies: their types are unknown there,
    # which changes nothing the compiled code does (calls into them stay Python calls).
    flags = ["--ignore-missing-imports", "--no-warn-return-any", "--no-warn-unused-ignores"]
    try:
        return list(mypycify([*flags, *paths], opt_level="3", debug_level="0"))
    except (Exception, SystemExit) as error:  # a type the compiler cannot handle
        print(f"transcript-align: not compiled ({error}); installing the Python sources only")
        return []


class OptionalBuildExt(build_ext):
    """Compile in parallel; when compiling fails, install the Python sources alone."""

    def finalize_options(self) -> None:
        super().finalize_options()
        if self.parallel is None:
            self.parallel = os.cpu_count() or 1

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:
            print(f"transcript-align: not compiled ({error}); installing the Python sources only")


setup(ext_modules=compiled_modules(), cmdclass={"build_ext": OptionalBuildExt})
