"""The page text a reader makes, line by line, with where each line was printed."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Any

from ..models.source_files import SourceFacts, SourceFile


class PageText:
    """Lines in reading order, each with its place in the file and its style; blocks (paragraphs,
    tables, footnotes) are separated by one blank line, as on a ``.txt`` page."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.places: list[str] = []
        self.styles: list[str] = []

    def add(self, text: str, place: str, style: str) -> int:
        """Append one printed line; returns its 1-based line number."""
        self.lines.append(text)
        self.places.append(place)
        self.styles.append(style)
        return len(self.lines)

    def block(self, lines: list[tuple[str, str, str]]) -> None:
        """Append a block of ``(text, place, style)`` lines, after a blank line unless it is the first."""
        if not lines:
            return
        self.separate()
        for text, place, style in lines:
            self.add(text, place, style)

    def separate(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.add("", "", "")

    def source(self, name: str, data: bytes, kind: str, encoding: str, **facts: Any) -> SourceFile:
        while self.lines and self.lines[-1] == "":
            for column in (self.lines, self.places, self.styles):
                column.pop()
        lines = tuple(self.lines)
        digest = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
        known = SourceFacts(kind=kind, places=tuple(self.places), styles=tuple(self.styles), text_digest=digest)
        return SourceFile(
            name=name,
            encoding=encoding,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            lines=lines,
            facts=replace(known, **facts),
        )
