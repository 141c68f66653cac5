"""The one error tree of transcript-align.

::

    AlignError                      base: everything the library raises on purpose
     ├── InputError                 an input file cannot be used   (CLI exit 3)
     │    ├── UnreadableError       missing, a directory, binary, undecodable, empty
     │    └── FormatError           readable text, but not a transcript/reference we understand
     └── OutputError                an output cannot be written safely (CLI exit 3)

Every error carries the path it is about and a one-line problem, so the CLI can
print ``path: problem`` and nothing else.
"""

from __future__ import annotations


class AlignError(Exception):
    """Base of every error raised on purpose by transcript-align."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = " ".join(problem.split())
        super().__init__(f"{path}: {self.problem}")

    def __reduce__(self) -> tuple[type[AlignError], tuple[str, str]]:
        # Rebuilt from path and problem: a helper process sends back the error it met.
        return (type(self), (self.path, self.problem))


class InputError(AlignError):
    """An input (transcript or reference) cannot be used."""


class UnreadableError(InputError):
    """The file cannot be read as text: missing, a directory, binary, undecodable or empty."""


class FormatError(InputError):
    """The text was read but its content is not something the tool understands."""


class OutputError(AlignError):
    """An output cannot be written without risk to the user's files."""
