"""PDF e-paper pages through pdfplumber: the characters with their positions.

Per page: rows that repeat at the same place on every page (digits aside, so page numbers
count as the same) are the running header and footer, taken out of the text into
:attr:`SourceFacts.furniture`; the columns are the runs of x positions the remaining
characters cover; lines are read column by column, top to bottom, page after page. A line
set in a larger size than the body's is a title (``# …``); an indented line, or one after a
wider gap than the lines' usual spacing, opens a paragraph (a blank line before it). A line's
place is its page, column and line (``第2页 第1栏 第5行``).
"""

from __future__ import annotations

import io
import re
import statistics
from dataclasses import dataclass

from ..errors import InputError
from ..models import Box, Furniture, SourceFile
from .pagetext import PageText
from .settings import ReaderSettings

_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class _Char:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


@dataclass(frozen=True)
class _Row:
    """Characters on one baseline, left to right."""

    chars: tuple[_Char, ...]

    @property
    def top(self) -> float:
        return min(c.top for c in self.chars)

    @property
    def bottom(self) -> float:
        return max(c.bottom for c in self.chars)

    @property
    def x0(self) -> float:
        return self.chars[0].x0

    @property
    def size(self) -> float:
        return statistics.median(c.size for c in self.chars)

    def text(self) -> str:
        parts, previous = [], None
        for char in self.chars:
            if previous is not None and char.x0 - previous.x1 > 0.5 * char.size and char.text.strip() and previous.text.strip():
                parts.append(" ")
            parts.append(char.text)
            previous = char
        return "".join(parts).strip()

    def box(self, page: int) -> Box:
        return Box(page, round(self.x0, 1), round(self.top, 1), round(max(c.x1 for c in self.chars), 1), round(self.bottom, 1))


def read_pdf(data: bytes, name: str, settings: ReaderSettings) -> SourceFile:
    pages = _page_chars(data, name)
    if not any(pages):
        raise InputError(name, "no text in this PDF (an image-only scan): OCR it and add the text as a .txt page")
    rows = [_rows(chars) for chars in pages]
    furniture = _furniture(rows, settings.furniture_pages)
    body_rows = [[r for r in page if not _is_furniture(r, furniture, p)] for p, page in enumerate(rows, 1)]
    body_size = _body_size(body_rows)
    text = PageText()
    spans, columns = [], []
    for number, page in enumerate(body_rows, 1):
        start = len(text.lines)
        for index, (box, column_rows) in enumerate(_columns(page, number), 1):
            columns.append(box)
            _add_column(text, column_rows, number, index, body_size, settings.title_size)
        printed = [n for n in range(start + 1, len(text.lines) + 1) if text.lines[n - 1]]
        spans.append((printed[0], printed[-1]) if printed else (0, 0))
    found = tuple(Furniture(p, role, r.text(), r.box(p)) for p, page in enumerate(rows, 1) for r in page for role in [furniture.get((p, id(r)))] if role)
    return text.source(name, data, "pdf", "text layer", pages=tuple(spans), columns=tuple(columns), furniture=found)


def _page_chars(data: bytes, name: str) -> list[list[_Char]]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    if not data.lstrip()[:5] == b"%PDF-":
        raise InputError(name, "not a PDF file (it does not start with %PDF-)")
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return [[_char(c) for c in page.chars if c["text"].strip() or c["text"] in " \u3000"] for page in pdf.pages]
    except Exception as error:  # pdfplumber wraps pdfminer's errors, of many kinds for broken files
        cause = error.args[0] if error.args and isinstance(error.args[0], Exception) else error
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise InputError(name, "encrypted PDF (it needs a password): save an unprotected copy") from None
        reason = str(cause).strip() or type(cause).__name__
        raise InputError(name, f"damaged PDF: {reason}") from None


def _char(c: dict) -> _Char:
    return _Char(c["text"], float(c["x0"]), float(c["x1"]), float(c["top"]), float(c["bottom"]), float(c["size"]))


def _rows(chars: list[_Char]) -> list[_Row]:
    """Characters grouped by baseline across the whole page width, top to bottom."""
    rows: list[list[_Char]] = []
    for char in sorted(chars, key=lambda c: (round(c.bottom, 1), c.x0)):
        if rows and abs(rows[-1][-1].bottom - char.bottom) <= 0.3 * char.size:
            rows[-1].append(char)
        else:
            rows.append([char])
    return [_Row(tuple(sorted(r, key=lambda c: c.x0))) for r in rows]


def _furniture(pages: list[list[_Row]], minimum_pages: int) -> dict[tuple[int, int], str]:
    """(page, id(row)) -> ``header``/``footer`` for rows found at the same place on every page."""
    if len(pages) < max(2, minimum_pages):
        return {}
    def key(row: _Row) -> tuple[int, str]:
        return round(row.top), _DIGITS.sub("#", _SPACE.sub("", row.text()))
    seen = [{key(r) for r in page} for page in pages]
    repeated = set.intersection(*seen)
    found = {}
    for number, page in enumerate(pages, 1):
        body = [r for r in page if key(r) not in repeated]
        middle = statistics.median(r.top for r in body) if body else 0.0
        for row in page:
            if key(row) in repeated:
                found[(number, id(row))] = "header" if row.top < middle else "footer"
    return found


def _is_furniture(row: _Row, furniture: dict[tuple[int, int], str], page: int) -> bool:
    return (page, id(row)) in furniture


def _body_size(pages: list[list[_Row]]) -> float:
    sizes = [round(c.size, 1) for page in pages for row in page for c in row.chars]
    return statistics.mode(sizes) if sizes else 0.0


def _columns(rows: list[_Row], page: int) -> list[tuple[Box, list[_Row]]]:
    """The page's columns left to right, each with its lines: the x runs the characters cover,
    split where a gap wider than the body's characters runs down the whole page."""
    chars = [c for row in rows for c in row.chars]
    if not chars:
        return []
    gap = 1.5 * statistics.median(c.size for c in chars)
    runs: list[list[float]] = []
    for x0, x1 in sorted((c.x0, c.x1) for c in chars):
        if runs and x0 - runs[-1][1] < gap:
            runs[-1][1] = max(runs[-1][1], x1)
        else:
            runs.append([x0, x1])
    columns = []
    for x0, x1 in runs:
        inside = [c for c in chars if x0 <= (c.x0 + c.x1) / 2 <= x1]
        lines = _rows(inside)
        box = Box(page, round(x0, 1), round(min(c.top for c in inside), 1), round(x1, 1), round(max(c.bottom for c in inside), 1))
        columns.append((box, lines))
    return columns


def _add_column(text: PageText, rows: list[_Row], page: int, column: int, body_size: float, title_size: float) -> None:
    """The column's lines in order: title lines as one ``# …`` line, a paragraph's lines together,
    a blank line before each title, each paragraph and what follows a title."""
    spacing = _usual_spacing(rows)
    left = min((r.x0 for r in rows), default=0.0)
    previous = None
    for number, row in enumerate(rows, 1):
        place = f"第{page}页 第{column}栏 第{number}行"
        is_title = bool(body_size) and row.size >= title_size * body_size
        after_title = bool(text.styles) and text.styles[-1] == "title"
        gap = previous is not None and row.top - previous.top > 1.4 * spacing
        if is_title and after_title and not gap:
            text.lines[-1] += row.text()
            text.places[-1] = f"{text.places[-1]}–{number}行"
        elif is_title:
            text.separate()
            text.add(f"# {row.text()}", place, "title")
        else:
            if after_title or gap or row.x0 - left > row.size:
                text.separate()
            text.add(row.text(), place, "text")
        previous = row


def _usual_spacing(rows: list[_Row]) -> float:
    steps = [b.top - a.top for a, b in zip(rows, rows[1:]) if b.top > a.top]
    return statistics.median(steps) if steps else 0.0
