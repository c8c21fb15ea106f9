"""Read the seed pages: the input edge of the pipeline.

Decoding accepts UTF-8 (with or without BOM), UTF-16 with a BOM and GB18030;
CRLF and CR line ends become plain line breaks. Nothing else is changed here.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .models import SourceFile

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class SeedListing:
    """The ``.txt`` pages of a seeds folder, plus what was skipped."""

    paths: tuple[Path, ...]
    ignored: tuple[str, ...]


def list_seed_files(folder: Path) -> SeedListing:
    """Return the folder's ``.txt`` files in name order; other files are noted, not read."""
    if not folder.exists():
        raise InputError(str(folder), "seeds folder does not exist")
    if not folder.is_dir():
        raise InputError(str(folder), "seeds path is not a folder")
    entries = sorted(folder.iterdir(), key=lambda p: p.name)
    paths = tuple(p for p in entries if p.is_file() and p.suffix.lower() == ".txt")
    ignored = tuple(p.name for p in entries if p not in paths and not p.name.startswith("."))
    if not paths:
        raise InputError(str(folder), "seeds folder has no .txt file")
    return SeedListing(paths, ignored)


def decode_page(data: bytes, name: str) -> tuple[str, str]:
    """Decode one page's bytes; return ``(text, encoding)`` or raise :class:`InputError`."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", name, offset=3), "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return _strict(data, "utf-16", name), "utf-16"
    if b"\x00" in data:
        raise InputError(name, "binary data (NUL byte) - not a text page", _line_of(data, data.index(b"\x00")))
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            raise InputError(
                name,
                f"not text in UTF-8, UTF-16 (with BOM) or GB18030 (invalid byte 0x{data[utf8_error.start]:02x})",
                _line_of(data, utf8_error.start),
            ) from None


def _strict(data: bytes, encoding: str, name: str, offset: int = 0) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(name, f"invalid {encoding.upper()} text", _line_of(data, error.start, offset)) from None


def _line_of(data: bytes, index: int, offset: int = 0) -> int:
    return data[: index + offset].count(b"\n") + 1


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


def read_source(path: Path) -> SourceFile:
    return source_from_bytes(path.read_bytes(), path.name)
