"""Every dependency declared in pyproject.toml is used by the package, and all it uses are declared.

The package's imports are read from its source (an import inside a function
counts: several dependencies are imported only where they are needed). A
dependency the package does not import itself must be listed in
:data:`NEEDED_BY` with the dependency that needs it, and that need is checked.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "transcript_align"

NEEDED_BY = {"lxml-html-clean": "trafilatura"}
"""Declared but imported by another dependency: trafilatura needs lxml's HTML cleaner,
which lxml 5.2 moved out into lxml_html_clean."""


def _normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> set[str]:
    """The distributions in ``[project] dependencies``, names normalized."""
    try:
        import tomllib
    except ImportError:  # Python 3.10: the same list from the installed metadata
        from importlib.metadata import requires

        specs = [r for r in requires("transcript-align") or [] if "extra ==" not in r]
    else:
        with (ROOT / "pyproject.toml").open("rb") as handle:
            specs = tomllib.load(handle)["project"]["dependencies"]
    return {_normalize(re.split(r"[\s<>=!~;\[]", spec, maxsplit=1)[0]) for spec in specs}


def imported_modules() -> set[str]:
    """Top-level names of every absolute import in the package's source."""
    names: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names


def distributions_of(modules: set[str]) -> set[str]:
    """The installed distributions that provide ``modules`` (standard library left out)."""
    by_module = packages_distributions()
    out = set()
    for module in modules - set(sys.stdlib_module_names) - {"transcript_align", "__future__"}:
        assert module in by_module, f"{module} is imported but no installed distribution has it"
        out.update(_normalize(d) for d in by_module[module])
    return out


def test_the_scan_sees_imports_inside_functions() -> None:
    # trafilatura and jellyfish are imported only where they are used.
    assert {"trafilatura", "jellyfish", "pysubs2", "rapidfuzz"} <= imported_modules()


def test_every_declared_dependency_is_imported_by_the_package() -> None:
    used = distributions_of(imported_modules())
    unused = declared() - used - set(NEEDED_BY)
    assert not unused, f"declared in pyproject.toml but never imported: {sorted(unused)}"


def test_every_imported_distribution_is_declared() -> None:
    undeclared = distributions_of(imported_modules()) - declared()
    assert not undeclared, f"imported but not declared in pyproject.toml: {sorted(undeclared)}"


def test_a_dependency_kept_for_another_is_needed_by_it() -> None:
    used = distributions_of(imported_modules())
    modules = {_normalize(d): m for m, ds in packages_distributions().items() for d in ds}
    for dist, parent in NEEDED_BY.items():
        assert dist in declared() and parent in used and dist not in used
        code = f"import sys, {parent}; print({modules[dist]!r} in sys.modules)"
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert result.stdout.strip() == "True", (dist, parent, result.stderr)
