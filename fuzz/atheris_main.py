"""Run one fuzz target under atheris (libFuzzer): ``python -m fuzz.atheris_main TARGET [flags]``.

Normally started by ``python -m fuzz``; the flags after the target name are
libFuzzer's (corpus folders, ``-max_total_time=``, ``-timeout=`` …). Only
the library's own modules are instrumented for coverage: instrumenting lxml
or rich would slow every run for no new paths in our code.
"""

from __future__ import annotations

import sys


def main() -> None:
    import atheris

    with atheris.instrument_imports(include=["transcript_align"]):
        from fuzz.targets import TARGETS

    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: python -m fuzz.atheris_main TARGET [flags]; TARGET in {list(TARGETS)}")
    target = TARGETS[sys.argv[1]]
    atheris.Setup([sys.argv[0], *sys.argv[2:]], target.run)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
