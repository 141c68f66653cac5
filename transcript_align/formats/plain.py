"""Plain text with no times: every non-empty line is a segment, all times are ``None``.

Plain text never claims a file in sniffing; it is what is left when no timed
format does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from ..models import Segment
from .base import Parsed


class PlainText:
    name: ClassVar[str] = "plain"

    @staticmethod
    def sniff(text: str) -> bool:
        return False

    @staticmethod
    def read(text: str, path: str) -> Parsed:
        lines = [line.strip() for line in text.split("\n")]
        segments = tuple(
            Segment(index=i, text=line) for i, line in enumerate(x for x in lines if x)
        )
        return Parsed(segments)

    @staticmethod
    def write(segments: Sequence[Segment], source_format: str) -> str:
        """Text only; a caption page keeps its ``MM:SS`` stamp at the start of each line."""
        from .caption_page import CaptionPage

        if source_format == CaptionPage.name:
            return CaptionPage.write(segments, source_format)
        return "".join(s.text + "\n" for s in segments)
