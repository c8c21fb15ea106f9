"""Read the seed pages: the input edge of the pipeline.

A ``.txt`` page is decoded here; ``.docx``, ``.pdf`` and WeChat ``.html`` files go to their
readers (:mod:`.word`, :mod:`.pdf`, :mod:`.wechat`), which make the same page text plus the
facts they know for certain (:class:`~zhenggong_report.models.SourceFacts`).

Decoding accepts UTF-8 (with or without BOM), UTF-16 with a BOM and GB18030;
CRLF and CR line ends become plain line breaks. Nothing else is changed here.
Anything else is refused with an :class:`InputError` naming the file and line.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Optional

from ..errors import InputError
from ..models.source_files import SourceFile
from .settings import ReaderSettings, load_reader_settings

_LINE_BREAK = re.compile(r"\r\n|\r|\n")

PAGE_SUFFIXES = (".txt", ".docx", ".pdf", ".html", ".htm")
"""The kinds of file a seeds folder may hold (see :func:`read_source`)."""


@dataclass(frozen=True)
class SeedListing:
    """The pages (``.txt``, ``.docx``, ``.pdf``, ``.html``) of a seeds folder, plus what was skipped."""

    paths: tuple[Path, ...]
    ignored: tuple[tuple[str, str], ...]
    """Entries that are not read: ``(name, why)``."""


def list_seed_files(folder: Path) -> SeedListing:
    """Return the folder's pages in name order; other entries are noted, hidden ones skipped."""
    if not folder.exists():
        raise InputError(str(folder), "seeds folder does not exist (give the folder of .txt pages with --seeds)")
    if not folder.is_dir():
        raise InputError(str(folder), "is not a folder (--seeds takes the folder that holds the .txt pages)")
    try:
        entries = sorted((p for p in folder.iterdir() if not p.name.startswith(".")), key=lambda p: p.name)
    except OSError as error:
        raise InputError(str(folder), f"cannot list the seeds folder: {error.strerror}") from None
    root = folder.resolve()
    chosen, skipped = [], []
    for p in entries:
        if p.suffix.lower() in PAGE_SUFFIXES and p.is_file():
            if any("\udc80" <= c <= "\udcff" for c in p.name):
                raise InputError(str(p), "the file name is not UTF-8 (the report names every page); rename the file")
            if p.is_symlink() and not p.resolve().is_relative_to(root):
                skipped.append((p.name, "a link to a file outside the seeds folder, not read"))
            else:
                chosen.append(p)
        else:
            skipped.append((p.name, _why_ignored(p)))
    paths, ignored = tuple(chosen), tuple(skipped)
    if not paths:
        raise InputError(str(folder), "seeds folder has no .txt file, nor .docx, .pdf or .html (each page must be one)")
    return SeedListing(paths, ignored)


def _why_ignored(path: Path) -> str:
    if path.is_dir():
        return "a sub-folder, not read"
    if path.suffix.lower() in PAGE_SUFFIXES:
        return "not a regular file, ignored"
    return "not a .txt, .docx, .pdf or .html file, ignored"


MAX_PAGE_BYTES = 16 * 1024 * 1024
"""A newspaper page is tens of kilobytes; a file this large is no page (and would take minutes)."""
SUPPORTED_ENCODINGS = "UTF-8, UTF-16 (with BOM) or GB18030"
_BYTE_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
"""Control characters no text page holds (tab, line and form feeds are allowed)."""


def decode_page(data: bytes, name: str) -> tuple[str, str]:
    """Decode one page's bytes; return ``(text, encoding)`` or raise :class:`InputError`.

    A byte-order mark decides UTF-8 or UTF-16 (LE/BE); without one the page is
    read as UTF-8, else as GB18030. Bytes that are none of these, and text
    holding control characters (binary data), are refused with the line where
    the problem lies.
    """
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)) and len(data) % 4 == 0:
        # FF FE 00 00 also opens UTF-16 LE text whose first character is NUL: that is refused below.
        raise InputError(name, f"UTF-32 text is not supported; save the page as {SUPPORTED_ENCODINGS}")
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = _decode_strict(data, len(codecs.BOM_UTF8), "utf-8", name), "utf-8-sig"
    elif data.startswith(codecs.BOM_UTF16_LE):
        text, encoding = _decode_strict(data, len(codecs.BOM_UTF16_LE), "utf-16-le", name), "utf-16-le"
    elif data.startswith(codecs.BOM_UTF16_BE):
        text, encoding = _decode_strict(data, len(codecs.BOM_UTF16_BE), "utf-16-be", name), "utf-16-be"
    elif b"\x00" in data:
        raise InputError(
            name,
            "NUL byte: binary data (or UTF-16 without a byte-order mark), not a text page",
            _byte_line(data, data.index(b"\x00")),
        )
    else:
        text, encoding = _decode_without_bom(data, name)
    _refuse_control_characters(text, name)
    return text, encoding


def _decode_without_bom(data: bytes, name: str) -> tuple[str, str]:
    errors = []
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as error:
            errors.append((error.start, encoding))
    # Report where the likelier reading broke down: the one that got furthest.
    start, encoding = max(errors)
    raise InputError(
        name,
        f"not text in {SUPPORTED_ENCODINGS}: byte 0x{data[start]:02x} (offset {start}) is invalid "
        f"in {encoding.upper()}, the encoding that reads furthest",
        _byte_line(data, start),
    )


def gb18030_doubt(data: bytes) -> str | None:
    """For a page read as GB18030: why it is more likely UTF-8 with a few corrupt bytes, or None.

    Real GB18030 text is almost all invalid as UTF-8; a page whose non-ASCII characters are
    nearly all valid UTF-8 sequences is a damaged UTF-8 page read as mojibake."""
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError as error:
        first = error.start
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    valid = sum(1 for char in text if ord(char) > 0x7F) - invalid
    if valid < 2 or valid < 9 * invalid:
        return None
    return (
        f"read as GB18030, but it is valid UTF-8 apart from {invalid} invalid byte sequence(s) "
        f"(the first at offset {first}, line {_byte_line(data, first)}): probably a damaged UTF-8 page; check the file"
    )


def _decode_strict(data: bytes, bom: int, encoding: str, name: str) -> str:
    body = data[bom:]
    try:
        return body.decode(encoding)
    except UnicodeDecodeError as error:
        before = body[: error.start].decode(encoding, errors="replace")
        line = len(_LINE_BREAK.findall(before)) + 1
        raise InputError(
            name, f"invalid {encoding.upper()} text: {error.reason} (offset {bom + error.start})", line
        ) from None


def _byte_line(data: bytes, index: int) -> int:
    """The 1-based line of byte ``index`` in ASCII-compatible bytes (UTF-8, GB18030)."""
    return len(_BYTE_LINE_BREAK.findall(data, 0, index)) + 1


def _refuse_control_characters(text: str, name: str) -> None:
    found = _CONTROL.search(text)
    if found:
        line = len(_LINE_BREAK.findall(text, 0, found.start())) + 1
        raise InputError(name, f"control character U+{ord(found.group()):04X}: binary data, not a text page", line)


def split_lines(text: str) -> tuple[str, ...]:
    """Split on CRLF, CR or LF only (``str.splitlines`` also splits on form feeds and U+2028)."""
    lines = _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return tuple(lines)


def source_from_bytes(data: bytes, name: str) -> SourceFile:
    text, encoding = decode_page(data, name)
    text = text.lstrip("\ufeff")
    return SourceFile(
        name=name,
        encoding=encoding,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        lines=split_lines(text),
    )


def read_source(path: Path, settings: Optional[ReaderSettings] = None) -> SourceFile:
    """Read one page (its kind from the file name's ending); errors name the path as given."""
    try:
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:
            raise InputError(
                str(path), f"{size:,} bytes: a page may hold at most {MAX_PAGE_BYTES:,} bytes; split it into pages"
            )
        data = path.read_bytes()
    except OSError as error:
        raise InputError(str(path), f"cannot read: {error.strerror}") from None
    reader = _reader(path.suffix.lower())
    settings = settings or load_reader_settings()
    try:
        source = source_from_bytes(data, path.name) if reader is None else reader(data, path.name, settings)
    except InputError as error:
        raise InputError(str(path), error.message, error.line) from None
    return replace(source, facts=replace(source.facts, kind_name=settings.kind_name(source.facts.kind)))


def _reader(suffix: str) -> Optional[Callable[[bytes, str, ReaderSettings], SourceFile]]:
    """The reader of a ``.docx``, ``.pdf`` or ``.html`` file (imported only when one is read); None for ``.txt``."""
    if suffix == ".docx":
        from .word import read_docx

        return read_docx
    if suffix == ".pdf":
        from .pdf import read_pdf

        return read_pdf
    if suffix in (".html", ".htm"):
        from .wechat import read_wechat

        return read_wechat
    return None
