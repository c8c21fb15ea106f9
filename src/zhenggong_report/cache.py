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
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from . import __version__
from .entries import DamagedEntry, pack_entry, unpack_entry

ENTRY_SUFFIX = ".entry"
KEPT_REPORTS = 3
MANIFEST = "manifest" + ENTRY_SUFFIX
"""In a kept report's folder: each file's SHA-256 (a verified entry itself)."""
DEFAULT_CACHE_DIR = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "zhenggong-report"


def cache_dir() -> Path:
    """The project's cache folder (``ZHENGGONG_CACHE_DIR`` overrides): the build cache and jieba's dictionary cache."""
    return Path(os.environ.get("ZHENGGONG_CACHE_DIR", DEFAULT_CACHE_DIR))


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

    def store_tree(self, key: str, folder: Path) -> None:
        """Keep a whole written report under ``key``: its files linked (or copied, across file
        systems) into the cache, with an entry listing each file's SHA-256; only the few most recent
        reports are kept, as an older one would only be asked for by an older set of inputs."""
        if not self.enabled:
            return
        target = self.folder / "reports" / key
        if (target / MANIFEST).is_file():
            return
        pending: Optional[Path] = None
        try:
            pending = Path(tempfile.mkdtemp(prefix=f".{key[:16]}-", dir=_made(self.folder / "reports")))
            manifest = {}
            for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
                relative = path.relative_to(folder).as_posix()
                stored = pending / "files" / relative
                stored.parent.mkdir(parents=True, exist_ok=True)
                _link_or_copy(path, stored)
                manifest[relative] = file_sha256(stored)
            (pending / MANIFEST).write_bytes(pack_entry(manifest))
            os.replace(pending, target)
        except OSError as error:
            if self.problem is None:
                self.problem = error
            return
        finally:
            if pending is not None and pending.exists():
                shutil.rmtree(pending, ignore_errors=True)
        self._prune_reports()

    def restore_tree(self, key: str, give) -> bool:
        """Every file of the report kept under ``key``, each checked against its digest, given to
        ``give(relative, path)`` (which links or copies it); False (and nothing given) when the
        report is missing or damaged."""
        if not self.enabled:
            return False
        folder = self.folder / "reports" / key
        manifest = self.report_manifest(key)
        if manifest is None:
            return False
        try:
            if any(file_sha256(folder / "files" / relative) != sha for relative, sha in manifest.items()):
                return False  # checked in full before the first file is given out
            for relative in sorted(manifest):
                give(relative, folder / "files" / relative)
        except OSError:
            return False
        return True

    def report_manifest(self, key: str) -> Optional[dict[str, str]]:
        """The relative path and SHA-256 of each file of the report kept under ``key`` (None if none is)."""
        try:
            manifest = unpack_entry((self.folder / "reports" / key / MANIFEST).read_bytes())
        except (OSError, DamagedEntry):
            return None
        if not isinstance(manifest, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in manifest.items()):
            return None
        return manifest

    def report_file(self, key: str, relative: str) -> Path:
        """Where the file ``relative`` of the report kept under ``key`` is (it may be missing)."""
        return self.folder / "reports" / key / "files" / relative

    def _prune_reports(self) -> None:
        try:
            kept = sorted((p for p in (self.folder / "reports").iterdir() if (p / MANIFEST).is_file()), key=lambda p: p.stat().st_mtime, reverse=True)
            for old in kept[KEPT_REPORTS:]:
                shutil.rmtree(old, ignore_errors=True)
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


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def _link_or_copy(source: Path, target: Path) -> None:
    """A second name for the file where the file system allows, else a copy. A linked report file
    changed in place later fails its digest, and the kept report is then not used."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _made(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder
