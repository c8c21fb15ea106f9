"""PDF e-paper pages through pdfplumber: the characters with their positions.

Rows that repeat at the same place on every page (digits aside, so page numbers count as the
same) are the running header and footer: they leave the text and are kept, with their boxes,
in :attr:`SourceFacts.furniture` — all but the first page's header, which opens the text as
printed (the paper's name, date and 版 that the parser reads off a page's top). The rest is read block by block (:mod:`.pdf_layout`: columns
between gutters, a row across the columns where it stands), page after page. A line set in a
larger size than the body's is a title (``# …``, its wrapped lines joined); an indented line, or
one after a wider gap than the lines' usual spacing, opens a paragraph (a blank line before it).
A line's place is its page, column and line (``第2页 第1栏 第5行``; ``通栏`` across the columns).
"""

from __future__ import annotations

import io
import re
import statistics

from ..errors import InputError
from ..models.source_files import Furniture, SourceFile
from .pagetext import PageText
from .pdf_layout import Block, Char, Row, reading_blocks, rows_of
from .settings import ReaderSettings

_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")


def read_pdf(data: bytes, name: str, settings: ReaderSettings) -> SourceFile:
    """The PDF's page text and facts; an encrypted, damaged or text-less PDF is an :class:`InputError`."""
    pages = [rows_of(chars) for chars in _page_chars(data, name)]
    if not any(pages):
        raise InputError(name, "no text in this PDF (an image-only scan): OCR it and add the text as a .txt page")
    body_pages, furniture = _take_furniture(pages, settings.furniture_pages)
    if not any(body_pages):  # every row repeats on every page: copies of one page, not furniture
        body_pages, furniture = pages, ()
    body_size = statistics.mode(round(c.size, 1) for page in body_pages for row in page for c in row.chars)
    first_header = [f for f in furniture if f.role == "header" and f.page == _first_printed(body_pages)]
    furniture = tuple(f for f in furniture if f not in first_header)
    text = PageText()
    spans, columns = [], []
    for number, rows in enumerate(body_pages, 1):
        start = len(text.lines)
        counted: dict[int, int] = {}
        if first_header and first_header[0].page == number:
            text.block([(f.text, f"第{number}页 页眉 第{n}行", "header") for n, f in enumerate(first_header, 1)])
        for block in reading_blocks(rows, number, body_size):
            if block.column:
                columns.append(block.box)
            _add_block(text, block, number, counted, body_size * settings.title_size)
        printed = [n for n in range(start + 1, len(text.lines) + 1) if text.lines[n - 1]]
        spans.append((printed[0], printed[-1]) if printed else (0, 0))
    return text.source(name, data, "pdf", "text layer", pages=tuple(spans), columns=tuple(columns), furniture=furniture)


def _first_printed(pages: list[list[Row]]) -> int:
    return next((number for number, rows in enumerate(pages, 1) if rows), 0)


def _page_chars(data: bytes, name: str) -> list[list[Char]]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    if not data.lstrip()[:5] == b"%PDF-":
        raise InputError(name, "not a PDF file (it does not start with %PDF-)")
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            # dedupe: a character printed twice a hair apart (fake bold) is one character
            return [[_char(c) for c in page.dedupe_chars().chars if c["text"].strip() or c["text"] in " \u3000"] for page in pdf.pages]
    except Exception as error:  # pdfplumber wraps pdfminer's errors, of many kinds for broken files
        cause = error.args[0] if error.args and isinstance(error.args[0], Exception) else error
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise InputError(name, "encrypted PDF (it needs a password): save an unprotected copy") from None
        reason = str(cause).strip() or type(cause).__name__
        raise InputError(name, f"damaged PDF: {reason}") from None


def _char(c: dict) -> Char:
    return Char(c["text"], float(c["x0"]), float(c["x1"]), float(c["top"]), float(c["bottom"]), float(c["size"]))


def _take_furniture(pages: list[list[Row]], minimum_pages: int) -> tuple[list[list[Row]], tuple[Furniture, ...]]:
    """Each page's rows without the running header and footer, and those as furniture: the rows
    found at the same height with the same text (digits aside) on every page that has text, or
    on every other one (a journal's running heads alternate: its name, the article's title). A
    PDF of fewer such pages than ``minimum_pages`` (or of one) keeps every row."""
    printed = [page for page in pages if page]  # a page without text (a photo) has no furniture either
    if len(printed) < max(2, minimum_pages):
        return pages, ()
    repeated = _repeated_rows(printed) | _repeated_rows(printed[0::2]) | _repeated_rows(printed[1::2])
    bodies, furniture = [], []
    for number, page in enumerate(pages, 1):
        body = [r for r in page if _furniture_key(r) not in repeated]
        middle = statistics.median(r.top for r in body) if body else 0.0
        furniture += [
            Furniture(number, "header" if row.top < middle else "footer", row.text(), row.box(number))
            for row in page
            if _furniture_key(row) in repeated
        ]
        bodies.append(body)
    return bodies, tuple(furniture)


EDGE_ROWS = 3
"""Furniture stands at a page's edge: only its first and last few rows can be a header or footer."""


def _repeated_rows(pages: list[list[Row]]) -> set[tuple[int, str]]:
    """The edge rows (by place and text) found on every one of ``pages``; none for fewer than two."""
    if len(pages) < 2:
        return set()
    return set.intersection(*({_furniture_key(r) for r in page[:EDGE_ROWS] + page[-EDGE_ROWS:]} for page in pages))


def _furniture_key(row: Row) -> tuple[int, str]:
    return round(row.top), _DIGITS.sub("#", _SPACE.sub("", row.text()))


def _add_block(text: PageText, block: Block, page: int, counted: dict[int, int], title_size: float) -> None:
    """The block's lines in order: title lines as one ``# …`` line, a paragraph's lines together,
    a blank line before each title, each paragraph and what follows a title."""
    spacing = _usual_spacing(block.rows)
    left = min(r.x0 for r in block.rows)
    where = f"第{block.column}栏" if block.column else "通栏"
    previous = None
    for row in block.rows:
        counted[block.column] = number = counted.get(block.column, 0) + 1
        place = f"第{page}页 {where} 第{number}行"
        is_title = row.size >= title_size
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


def _usual_spacing(rows) -> float:
    steps = [b.top - a.top for a, b in zip(rows, rows[1:]) if b.top > a.top]
    return statistics.median(steps) if steps else 0.0
