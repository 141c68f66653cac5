"""``python -m transcript_align``: the umbrella command."""

from .cli import main

main()
