"""Word, PDF and WeChat files read once: what a reader made is kept in the build cache under
the file's bytes and name, the readers' code, settings and libraries, so a rebuild with nothing
changed does not read every PDF again (a ``.txt`` page is decoded each time: that is cheaper
than a cache entry)."""

from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path

from ..cache import BuildCache, digest
from ..models.source_files import SourceFile
from .settings import ReaderSettings

READER_LIBRARIES = ("python-docx", "lxml", "pdfplumber", "pdfminer.six", "selectolax")


def read_remembered(path: Path, settings: ReaderSettings, cache: BuildCache, code: str) -> SourceFile:
    """:func:`read_source`, from the cache when this very file was read before the same way."""
    from . import read_source

    if path.suffix.lower() == ".txt" or not cache.enabled:
        return read_source(path, settings)
    try:
        data = path.read_bytes()
    except OSError:
        return read_source(path, settings)  # it reports the error
    key = digest("source-read", code, settings.fingerprint, *_library_versions(), path.name, hashlib.sha256(data).hexdigest())
    source = cache.load("source-read", key)
    if isinstance(source, SourceFile):
        return source
    source = read_source(path, settings)
    cache.store("source-read", key, source)
    return source


def _library_versions() -> tuple[str, ...]:
    versions = []
    for name in READER_LIBRARIES:
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=-")
    return tuple(versions)
