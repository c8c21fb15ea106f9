"""The build cache: per-page work and whole reports, keyed by what they are made from.

Kept outside the output folder (``ZHENGGONG_CACHE_DIR``, default ``~/.cache/zhenggong-report``).
Every key is a SHA-256 over the inputs that decide the value — the page's bytes and name, the
data files the value depends on, and the code itself — so a changed page or data file
invalidates exactly the entries made from it, and a stale entry can never be read back.
Entries are plain data with the digest of their bytes (see :mod:`.entries`): loading one runs
no code from it, and a damaged, unreadable or planted-but-inconsistent entry is treated as missing.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping, Optional

from . import __version__
from .entries import DamagedEntry, pack_entry, unpack_entry

ENTRY_SUFFIX = ".entry"
KEPT_REPORTS = 3


def digest(*parts: str | bytes) -> str:
    """SHA-256 over the parts, each length-prefixed so that no two part lists collide."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def file_digest(path: Optional[Path]) -> str:
    """The SHA-256 of a file's bytes; ``-`` for no file."""
    if path is None or not Path(path).exists():
        return "-"
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def tree_digest(folder: Path, pattern: str = "*") -> str:
    """The SHA-256 over every file below ``folder`` matching ``pattern`` (names and bytes)."""
    parts: list[str | bytes] = []
    for path in sorted(p for p in folder.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts):
        parts += [path.relative_to(folder).as_posix(), path.read_bytes()]
    return digest(*parts)


@lru_cache(maxsize=1)
def code_digest() -> str:
    """The package's own source and version, and jieba's main module: a code change (here or a
    jieba upgrade) is a cache miss. jieba's module is hashed as a file, not imported: importing it
    is left to the builds that segment. The display vocabulary (``data/labels.toml``) counts as code:
    it changes only the words the report shows."""
    package = Path(__file__).resolve().parent
    labels = (package / "data" / "labels.toml").read_bytes()
    return digest(__version__, _jieba_source(), tree_digest(package, "*.py"), labels)


def _jieba_source() -> bytes:
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:  # pragma: no cover - jieba is a dependency
        return b""
    return Path(spec.origin).read_bytes()


class BuildCache:
    """A folder of verified plain-data values under content keys; ``enabled=False`` reads and writes nothing."""

    def __init__(self, folder: Path, enabled: bool = True) -> None:
        self.folder = Path(folder)
        self.enabled = enabled
        self.problem: Optional[OSError] = None
        """The first error met writing an entry, if any."""

    def _path(self, kind: str, key: str) -> Path:
        return self.folder / kind / key[:2] / f"{key}{ENTRY_SUFFIX}"

    def has(self, kind: str, key: str) -> bool:
        """Whether an entry is stored (it may still turn out unreadable when loaded)."""
        return self.enabled and self._path(kind, key).is_file()

    def load(self, kind: str, key: str) -> Any:
        if not self.enabled:
            return None
        try:
            return unpack_entry(self._path(kind, key).read_bytes())
        except (OSError, DamagedEntry):
            return None

    def store(self, kind: str, key: str, value: Any) -> None:
        if not self.enabled:
            return
        try:
            data = pack_entry(value)
        except (TypeError, ValueError, OverflowError):  # not plain data: not kept (tests hold every kind storable)
            return
        self._write(self._path(kind, key), data)

    def load_files(self, key: str) -> Optional[dict[str, bytes]]:
        """A whole report stored by :meth:`store_files`, or None."""
        files = self.load("reports", key)
        if not isinstance(files, dict) or not all(isinstance(v, bytes) for v in files.values()):
            return None
        return files

    def store_files(self, key: str, files: Mapping[str, bytes]) -> None:
        """Keep a whole report under ``key`` (one entry, no hashing of its bytes), and only the
        few most recent reports: an older one would only be asked for by an older set of inputs."""
        if not self.enabled:
            return
        self.store("reports", key, dict(files))
        self._prune("reports", keep=KEPT_REPORTS)

    def _prune(self, kind: str, keep: int) -> None:
        try:
            entries = sorted(self.folder.joinpath(kind).glob(f"*/*{ENTRY_SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)
            for old in entries[keep:]:
                old.unlink()
        except OSError:
            pass

    def _write(self, target: Path, data: bytes) -> None:
        problem = write_file_atomically(target, data)
        if problem is not None and self.problem is None:
            self.problem = problem

    def notes(self) -> tuple[str, ...]:
        """One line when entries could not be kept (a read-only, full or uncreatable cache folder)."""
        if self.problem is None:
            return ()
        reason = self.problem.strerror or str(self.problem)
        return (f"{self.folder}: the cache cannot be written ({reason}); built without keeping anything for the next build",)


def write_file_atomically(target: Path, data: bytes) -> Optional[OSError]:
    """Write via a temporary file and a rename, so a reader never sees half an entry. The cache is an
    optimisation: a read-only or full disk must not fail the build, so the error is returned, not raised."""
    temporary: Optional[str] = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, target)
    except OSError as error:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        return error
    return None
