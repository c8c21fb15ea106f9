"""Word/WPS documents (``.docx``) through python-docx.

The body is read in document order: a paragraph in a title style becomes ``# 标题``, one in a
heading style ``## …`` (the level from the style), any other non-empty paragraph a line of its
own, each after the number Word's automatic numbering prints before it (:mod:`.word_numbering`);
a table becomes one block of tab-separated rows; footnotes follow the body as ``[n] …`` lines,
their marks in the text as ``[n]``. Every line's place is its paragraph number
among the body's paragraphs (``¶12``), ``表1 第2行`` or ``脚注1``.
"""

from __future__ import annotations

import io
import zipfile
from typing import Iterator, Optional

from ..errors import InputError
from ..models.source_files import SourceFile
from .pagetext import PageText
from .settings import ReaderSettings
from .word_numbering import Numbering

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_SEPARATOR_TYPES = {"separator", "continuationSeparator", "continuationNotice"}


def read_docx(data: bytes, name: str, settings: ReaderSettings) -> SourceFile:
    document = _open(data, name)
    text = PageText()
    paragraphs = tables = 0
    names = {style.style_id: style.name for style in document.styles}
    numbering = Numbering(document)
    for element in _body_blocks(document.element.body):
        if element.tag == f"{_W}p":
            paragraphs += 1
            label = numbering.label(element, _style_id(element))
            _add_paragraph(text, element, paragraphs, _style_name(element, names), label, settings)
        elif element.tag == f"{_W}tbl":
            tables += 1
            text.block([(row, f"表{tables} 第{r}行", "table") for r, row in enumerate(_table_rows(element), 1)])
    for number, note in _footnotes(document):
        text.block([(f"[{number}] {note}", f"脚注{number}", "footnote")])
    props = document.core_properties
    metadata = tuple((k, v.strip()) for k, v in (("title", props.title or ""), ("author", props.author or "")) if v.strip())
    return text.source(name, data, "docx", "utf-8", metadata=metadata)


def _body_blocks(body) -> Iterator:
    """The body's paragraphs and tables in order, also those inside content controls (``w:sdt``)."""
    for element in body.iterchildren():
        if element.tag == f"{_W}sdt":
            content = element.find(f"{_W}sdtContent")
            if content is not None:
                yield from _body_blocks(content)
        elif element.tag in (f"{_W}p", f"{_W}tbl"):
            yield element


def _open(data: bytes, name: str):
    from docx import Document

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(name, "not a Word document: no .docx (zip) package (an old .doc must be saved as .docx)")
    try:
        return Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises KeyError, ValueError, lxml's XMLSyntaxError …
        holds = _what_the_zip_holds(data)
        if holds:
            raise InputError(name, f"not a Word document: a zip file of {holds}") from None
        raise InputError(name, f"damaged Word document ({type(error).__name__})") from None


_OTHER_PACKAGES = {
    "spreadsheetml": "an Excel workbook",
    "presentationml": "a PowerPoint presentation",
    "opendocument.text": "an OpenDocument text (save it as .docx)",
    "opendocument.spreadsheet": "an OpenDocument spreadsheet",
    "opendocument.presentation": "an OpenDocument presentation",
}


def _what_the_zip_holds(data: bytes) -> str:
    """What a zip that python-docx cannot open holds, when it is plainly no Word document; ``""``
    for one that claims to be a Word document (then it is damaged)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        if "word/document.xml" in names:
            return ""
        described = " ".join(archive.read(n).decode("utf-8", "replace") for n in ("mimetype", "[Content_Types].xml") if n in names)
    for marker, what in _OTHER_PACKAGES.items():
        if marker in described:
            return what
    shown = ", ".join(sorted(names)[:3]) + (" …" if len(names) > 3 else "")
    return f"{len(names)} file{'s' if len(names) != 1 else ''} ({shown}) with no Word body (word/document.xml)"


def _add_paragraph(text: PageText, element, number: int, style: str, label: str, settings: ReaderSettings) -> None:
    """One paragraph as a block; ``label`` is the number Word prints before it (its list's)."""
    line = _run_text(element).strip()
    if not line:
        return
    if label:
        line = label + ("" if label.endswith(("、", "）", ")", "．")) else " ") + line
    level = 1 if style in settings.title_styles else settings.heading_level(style)
    shown = f"{'#' * level} {line}" if level else line
    text.block([(shown, f"¶{number}", style)])


def _style_id(element) -> Optional[str]:
    style = element.find(f"{_W}pPr/{_W}pStyle")
    return style.get(f"{_W}val") if style is not None else None


def _style_name(element, names: dict[str, str]) -> str:
    """The paragraph style's name (``Heading 1``, a Chinese Word's ``标题 1``), ``Normal`` when none is set."""
    style = element.find(f"{_W}pPr/{_W}pStyle")
    if style is None:
        return "Normal"
    style_id = style.get(f"{_W}val")
    return names.get(style_id, style_id)


def _run_text(element) -> str:
    """The paragraph's text as printed: runs, tabs, breaks, and footnote marks as ``[n]``."""
    parts = []
    for node in element.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}footnoteReference"):
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        elif node.tag == f"{_W}footnoteReference":
            parts.append(f"[{node.get(f'{_W}id')}]")
        else:
            parts.append(" ")
    return "".join(parts)


def _table_rows(table) -> Iterator[str]:
    for row in table.iterchildren(f"{_W}tr"):
        cells = [" ".join(_run_text(p).strip() for p in cell.iter(f"{_W}p")).strip() for cell in row.iterchildren(f"{_W}tc")]
        if any(cells):
            yield "\t".join(cells)


def _footnotes(document) -> Iterator[tuple[str, str]]:
    from docx.oxml.parser import parse_xml

    for rel in document.part.rels.values():
        if rel.reltype == _FOOTNOTES and not rel.is_external:
            root = parse_xml(rel.target_part.blob)
            for note in root.iter(f"{_W}footnote"):
                if note.get(f"{_W}type") in _SEPARATOR_TYPES:
                    continue
                body = " ".join(_run_text(p).strip() for p in note.iter(f"{_W}p")).strip()
                if body:
                    yield note.get(f"{_W}id"), body
