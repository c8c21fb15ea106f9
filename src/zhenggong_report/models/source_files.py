"""The pages as the readers hand them on (:class:`SourceFile`, what a reader knows of a file), and
how every later record points back at their lines: 1-based spans, each in a column of the page."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace

Span = tuple[int, int]
"""An inclusive, 1-based range of source lines."""

WHOLE_ROW, LEFT, RIGHT = 0, 1, 2
"""The column of a line: a row read as printed, or, on a page OCR'd with two columns side by side,
the part of a row left or right of the gutter (see :mod:`..parse.gutter`)."""

COLUMN_NAMES = {LEFT: "左栏", RIGHT: "右栏"}
"""How ``file:lines`` labels name a span's column (a whole row is not named)."""


def spans_in_columns(lines: tuple[Span, ...], columns: tuple[int, ...]) -> tuple[tuple[Span, int], ...]:
    """Each span of a record's ``lines`` with the column it lies in."""
    return tuple(zip(lines, columns or (WHOLE_ROW,) * len(lines)))


def column_suffix(column: int) -> str:
    """What a ``file:lines`` label adds after a span in a column: `` 左栏``, `` 右栏``; nothing for whole rows."""
    return f" {COLUMN_NAMES[column]}" if column in COLUMN_NAMES else ""


def lines_label(lines: tuple[Span, ...], columns: tuple[int, ...] = (), dash: str = "–") -> str:
    """A record's spans as ``file:lines`` labels show them: ``3–40 左栏``, ``5,7–9`` (whole rows)."""
    return ",".join(
        (f"{first}{dash}{last}" if first != last else str(first)) + column_suffix(column)
        for (first, last), column in spans_in_columns(lines, columns)
    )


def is_blank_line(line: str) -> bool:
    """A line with no visible character: only white space and invisible format marks (ZWSP, BOM, ZWJ …)."""
    return all(char.isspace() or unicodedata.category(char) == "Cf" for char in line)


@dataclass(frozen=True)
class Box:
    """A rectangle on a PDF page, in points from the page's top left corner."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True)
class Furniture:
    """A running header or footer: printed at the same place on every page, so not the page's text."""

    page: int
    role: str
    """``header`` (above the text) or ``footer`` (below it)."""
    text: str
    box: Box


@dataclass(frozen=True)
class SourceFacts:
    """What a reader knows for certain about a file beyond its text (a ``.txt`` page has none)."""

    kind: str = "text"
    """``text`` (an OCR'd or pasted page), ``docx`` (Word/WPS), ``pdf`` (PDF e-paper), ``wechat``."""
    kind_name: str = ""
    """The kind as the report names it (``data/sources.toml``: Word 文档, PDF 电子版 …)."""
    places: tuple[str, ...] = ()
    """Per line of the text, where the file printed it (``¶12``, ``表1 第2行``, ``脚注1``,
    ``第2页 第1栏 第5行``); ``""`` for the blank lines the reader put between paragraphs."""
    styles: tuple[str, ...] = ()
    """Per line: the paragraph style (docx), the line's role (pdf: title, text), the element (html)."""
    pages: tuple[tuple[int, int], ...] = ()
    """PDF: per page, the first and last line of the text printed on it (``(0, 0)`` for none)."""
    columns: tuple[Box, ...] = ()
    """PDF: the column boxes, page by page, in reading order."""
    furniture: tuple[Furniture, ...] = ()
    """PDF: the running headers and footers taken out of the text."""
    metadata: tuple[tuple[str, str], ...] = ()
    """What the file says about itself: WeChat account, author, date, place, URL; Word's title and author."""
    text_digest: str = ""
    """SHA-256 of the text the reader made (empty for ``.txt``, whose text is its bytes): a cache
    key part, so a new reader or library version that reads the same bytes differently is a miss."""

    def place(self, line: int) -> str:
        """Where 1-based ``line`` was printed; the line number itself for a text page."""
        return self.places[line - 1] if self.places else str(line)


@dataclass(frozen=True)
class SourceFile:
    """One decoded input page."""

    name: str
    encoding: str
    size: int
    sha256: str
    lines: tuple[str, ...]
    """The decoded lines, line ends removed; ``lines[0]`` is line 1."""
    facts: SourceFacts = SourceFacts()
    """What the file's reader knows for certain (kind, pages, columns, styles, metadata)."""

    def __reduce__(self):
        """Pickled (for a Dask worker) with its lines in UTF-8: pickling a str makes CPython keep a
        UTF-8 copy inside it in this process, where the articles go on holding the lines as their text."""
        return (_source_from_utf8, (self.name, self.encoding, self.size, self.sha256, tuple(line.encode("utf-8") for line in self.lines), self.facts))

    @property
    def non_blank_line_numbers(self) -> tuple[int, ...]:
        return tuple(i for i, line in enumerate(self.lines, 1) if not is_blank_line(line))

    @property
    def characters(self) -> int:
        return sum(len(line) for line in self.lines)

    def text_let_go(self) -> "SourceFile":
        """This file as the steps after the map need it: its name, size, digest, facts and number of
        lines, the lines' text only where the facts place them on printed pages (a Word or PDF
        file; elsewhere each line is left empty). Every article already holds its own text; a
        corpus's pages need not be held twice."""
        return self if self.facts.places else replace(self, lines=("",) * len(self.lines))


def _source_from_utf8(name: str, encoding: str, size: int, sha256: str, lines: tuple[bytes, ...], facts: SourceFacts) -> SourceFile:
    return SourceFile(name, encoding, size, sha256, tuple(line.decode("utf-8") for line in lines), facts)
